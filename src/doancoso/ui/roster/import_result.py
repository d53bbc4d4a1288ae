"""What the import wizard's result page says (:mod:`.import_wizard`): what the import did, the
rows it rejected (how to save them, or where they were saved) and how to go back after importing
the wrong file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ...core.backup.store import REASONS as BACKUP_REASONS
from ...core.lang.text import vn_number
from ...core.roster.spreadsheets import ImportResult
from ..common.rejected_rows import SAVE_REJECTED
from .import_preview_table import skipped_counts

if TYPE_CHECKING:
    from .import_wizard import ImportTarget


def rejected_hint_text(rejected: int, saved: Path | None) -> str:
    """What the result page says of the ``rejected`` rows, once ``saved`` (or not yet)."""
    if saved is None:
        return (
            f"Có {vn_number(rejected)} dòng bị loại, chưa được nhập. Bấm “{SAVE_REJECTED}” để "
            "lưu các dòng này kèm lý do vào một tệp Excel cùng các cột như tệp gốc; sửa trong "
            "Excel rồi nhập lại tệp đó."
        )
    return (
        f"Có {vn_number(rejected)} dòng bị loại, chưa được nhập. Các dòng này đã được lưu, kèm "
        f"lý do ở cột “Lý do”, vào tệp:\n{saved}\nSửa các dòng đó trong Excel, lưu lại rồi nhập "
        "lại tệp đó."
    )


def result_text(
    result: ImportResult,
    target: ImportTarget,
    skipped: list[tuple[int, str]] | None = None,
    from_headings: str = "",
    left_out: str = "",
) -> str:
    """What the import did; ``skipped``: the rows of the file that were no person, by kind;
    ``from_headings``: the line on the rows that took their chi đoàn from a group heading;
    ``left_out``: the line on the rows imported without a value they gave
    (:func:`~doancoso.core.roster.spreadsheets.left_out.left_out_text`)."""
    lines = [
        "Đã nhập xong.",
        f"• Thêm mới: {vn_number(result.created)} {target.who}",
        f"• Cập nhật: {vn_number(result.updated)} {target.who}",
        f"• Không đổi: {vn_number(result.unchanged)}",
        f"• Bị loại (không nhập): {vn_number(result.rejected)}",
    ]
    if left_out:
        lines.append(f"• {left_out}")
    if skipped:
        lines.append(f"• {skipped_counts(skipped, target.who)}")
    if from_headings:
        lines.append(f"• {from_headings}")
    if result.branches_created:
        lines.append(f"• Chi đoàn mới được tạo: {', '.join(result.branches_created)}")
    lines.append(f"\nCó thể xem và sửa các {target.who} vừa nhập trong {target.where}.")
    if result.backup is not None:
        lines.append(f"\n{way_back_text(result.backup.taken_at)}")
    return "\n".join(lines)


def way_back_text(taken_at: datetime) -> str:
    """How to go back after importing the wrong file: not with Hoàn tác (an import clears the
    history, see :mod:`..shell.undo`), but by restoring the backup the import took first, which
    the backups dialog lists by its time and reason."""
    when = f"{taken_at:%H:%M} ngày {taken_at:%d/%m/%Y}"
    return (
        "Nếu nhập nhầm tệp: một lần nhập không hoàn tác được bằng “Hoàn tác” (Ctrl+Z), nhưng dữ "
        f"liệu trước khi nhập đã được sao lưu lúc {when}. Để quay lại như trước khi nhập: vào "
        "Tệp → Sao lưu và khôi phục…, chọn bản sao lưu lúc đó (lý do "
        f"“{BACKUP_REASONS['truoc-nhap']}”) rồi bấm “Khôi phục bản đã chọn…”. Những gì nhập "
        "hoặc sửa sau lúc đó sẽ không còn."
    )
