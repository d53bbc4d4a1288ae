"""What the rating page says of its grid: the keys it takes (above the grid), what to do over
the empty grid of a year without a round, and why a key typed into it changed nothing (in the
status bar, :func:`refusal`)."""

from __future__ import annotations

from ...core.rating.rules import TRAINING_RESULTS
from ...core.rating.service import RatingRow, RoundInfo
from .model import CHOICE_COLUMNS, COL_DUES, COL_TRAINING

TRAINING_DIGITS = ", ".join(
    f"{digit} {name}" for digit, name in enumerate(TRAINING_RESULTS.values(), start=1)
)
"""What the training programme's column takes: "1 Xuất sắc, …, 5 Chưa đăng ký"."""
KEYS_HINT = (
    "Bàn phím: ở cột mức, gõ 1–4 để đặt mức (1 Xuất sắc, 2 Tốt, 3 Hoàn thành, 4 Không hoàn "
    "thành) rồi xuống người kế tiếp, Delete hoặc 0 để xóa; Enter xuống dòng, không đổi mức. "
    "Cột Ốm: gõ số tháng nghỉ ốm; cột Phí: gõ 1 nếu chưa đóng đủ đoàn phí. Gõ chữ ở cột Nhận "
    "xét để viết nhận xét (có gợi ý câu thường dùng). Ô màu cam: mức quyết định khác gợi ý "
    "hoặc đề nghị."
)
"""Above an open round's grid; two lines at 1366×768 (test_rating_layout.py checks)."""
CLOSED_HINT = "Đợt xếp loại đã kết thúc: bảng chỉ để xem. Muốn sửa, bấm “Mở lại”."
NO_ROUND_HINT = (
    "Chưa mở đợt xếp loại năm {year}. Bấm “Mở đợt xếp loại năm {year}” ở trên (Ctrl+6 rồi "
    "Enter) để mở đợt: bảng sẽ liệt kê các đoàn viên, gõ 1–4 để đặt mức cho từng người."
)
"""Over the empty grid of a year without a round, whose button has the keyboard."""


def refusal(year: int, info: RoundInfo | None, row: RatingRow | None, column: int | None) -> str:
    """Why a key typed into the grid of ``year``'s round (``info``; None: not opened) changed
    nothing, on the member's ``row`` and in the ``column`` where the keyboard is (None: no cell
    is current)."""
    if info is None:
        return f"Chưa mở đợt xếp loại năm {year}: bấm “Mở đợt xếp loại năm {year}”."
    if info.closed:
        return f"Đợt xếp loại năm {year} đã kết thúc: bấm “Mở lại” để sửa."
    if row is not None and not row.eligible:
        return f"{row.full_name} không xếp loại năm {year}: {row.reason}"
    if column == COL_TRAINING:  # five choices, not four
        return f"Ở cột này chỉ gõ {TRAINING_DIGITS} (hoặc Delete, 0 để xóa)."
    if column == COL_DUES:  # one choice
        return "Ở cột Phí chỉ gõ 1 (chưa đóng đủ đoàn phí), hoặc Delete, 0 để xóa."
    if column in CHOICE_COLUMNS:
        return "Ở cột này chỉ gõ 1, 2, 3, 4 (hoặc Delete, 0 để xóa)."
    return "Cột này không sửa được."
