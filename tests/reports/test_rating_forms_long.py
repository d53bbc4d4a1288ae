"""The rating's printouts with the longest texts stored: a chi đoàn's name of 250 characters on
the forms, as an older version stored it (its column takes 200 now, but what is stored stays)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text

from doancoso.core.workspace import Workspace
from doancoso.reports.rating_forms import print_forms

YEAR = 2025
LONG_NAME = (
    "Chi đoàn thanh niên công nhân lao động của Công ty trách nhiệm hữu hạn một thành viên "
    "chế biến thủy sản xuất khẩu và dịch vụ thương mại tổng hợp Tân Hưng, khu công nghiệp "
    "Cái Nước, tỉnh Cà Mau, liên kết cùng các hợp tác xã nuôi tôm ven biển ấp 123456"
)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_forms_of_a_chi_doan_with_a_very_long_name(
    ws: Workspace, tmp_path: Path, read_pdf: Callable[[Path], Any]
) -> None:
    """A name of 250 characters made the blank forms fail (reportlab's LayoutError, "Đã xảy ra
    lỗi không mong đợi"): it is wrapped, in the header and after "Chi đoàn:"."""
    assert len(LONG_NAME) == 250
    branch = ws.branches.create("Chi đoàn công ty").id
    with ws.db.transaction() as session:  # as an older version stored it, before the check
        session.execute(text("UPDATE branches SET name = :name WHERE id = :id"),
                        {"name": LONG_NAME, "id": branch})  # fmt: skip
    for name in ("Nguyễn Văn An", "Trần Thị Bình"):
        member = ws.members.save({"full_name": name, "birth_date": "05/03/2000",
                                  "branch_id": branch, "admission_date": "01/01/2020"})  # fmt: skip
        ws.rating.set(YEAR, member, {"participation": 90, "self_text": f"{name} tự nhận xét."})
    for blank in (True, False):
        pdf = read_pdf(print_forms(ws, tmp_path / "phieu.pdf", YEAR, branch, blank=blank))
        pages = [_flat(t) for t in pdf.page_texts()]
        # Too tall for one page, each form runs onto a second: its parts III and IV and the
        # signatures there, the next form on a page of its own.
        assert len(pages) == 4
        for first, second, name in zip(pages[::2], pages[1::2], ("Nguyễn Văn An",
                                       "Trần Thị Bình"), strict=True):  # fmt: skip
            assert first.startswith(f"ĐOÀN XÃ TÂN HƯNG {_flat(LONG_NAME.upper())} ***")
            assert f"Họ và tên: {name}; ngày sinh: 05/03/2000 Chi đoàn: {LONG_NAME} I." in first
            assert first.endswith("□ Không hoàn thành nhiệm vụ")
            assert second.startswith("III. NHẬN XÉT, ĐỀ NGHỊ CỦA CHI ĐOÀN")
            assert second.endswith(f"(Ký, ghi rõ họ tên) {name}")
        assert ("Trần Thị Bình tự nhận xét." in pages[2]) is not blank
        if blank:  # the six lines to write the self-assessment on, not one
            assert re.search(r"nơi cư trú\) (\.{20,} ){6}Tham gia sinh hoạt", pages[0])
