"""Saving the rows an import refused, from the window that shows them: the member and youth
import wizard (:mod:`..roster.import_wizard`) and the confirmation of a chi đoàn's rating sheet
(:mod:`..rating.import_preview`) ask the same way.

The save dialog offers a name beside the imported file ("ds-dong-bi-loai.xlsx"), where the
secretary fixes the rows and imports them again; a name typed without ".xlsx" gets it. The file
is written on the worker by the core's writer of refused rows (the file's own columns and a
"Lý do" column); a file that cannot be written is said in Vietnamese under "Không lưu được".
Once written, the app says where and offers to open it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ...core.lang.filenames import SHORT_NAME, offered_name, room_in
from ...core.lang.text import vn_number
from ...core.workspace import Workspace
from ..shell.operations import Core, QueryOp
from .folders import open_or_say

SAVE_REJECTED = "Lưu các dòng bị loại (.xlsx)…"
SAVE_REJECTED_TIP = (
    "Lưu các dòng bị loại, đủ các cột như tệp gốc và thêm cột “Lý do”, để sửa trong Excel rồi "
    "nhập lại"
)
SAVE_TITLE = "Lưu các dòng bị loại"
XLSX_FILTER = "Excel (*.xlsx)"

AskSavePath = Callable[[str, str, str], Path | None]
"""A save dialog: (title, the path offered, the filters) → the path chosen, None if cancelled."""


def saved_text(count: int, path: Path) -> str:
    """What the app says once ``count`` refused rows are written to ``path``."""
    return (
        f"Đã lưu {vn_number(count)} dòng bị loại, kèm lý do ở cột “Lý do”, vào tệp:\n{path}\n\n"
        "Sửa các dòng này trong Excel, lưu lại rồi nhập lại tệp đó.\n\nMở tệp ngay?"
    )


def offered_path(source: Path, empty: str) -> Path:
    """The file of refused rows offered for the imported file ``source``: beside it, named after
    it ("ds.xlsx" → "ds-dong-bi-loai.xlsx"; ``empty`` when its name leaves nothing)."""
    folder = source.parent
    room = min(SHORT_NAME, room_in(folder))
    return folder / offered_name(source.stem, "-dong-bi-loai.xlsx", empty, room)


def with_xlsx(path: Path) -> Path:
    """``path``, ".xlsx" added when typed without it."""
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def save_rejected(
    parent: QWidget,
    core: Core,
    source: Path,
    write: Callable[[Workspace, Path], int],
    *,
    ask: AskSavePath,
    open_file: Callable[[Path], object],
    empty: str,
    saved: Callable[[Path], object] | None = None,
) -> None:
    """Ask where to save the refused rows of the import of ``source`` (see the module
    docstring), then ``write`` them there on the worker (it returns how many rows), then call
    ``saved`` with the path and offer to open the file (``open_file``)."""
    path = ask(SAVE_TITLE, str(offered_path(source, empty)), XLSX_FILTER)
    if path is None:
        return
    path = with_xlsx(path)

    def done(count: int) -> None:
        if saved is not None:
            saved(path)
        if core.prompts.confirm(parent, "Các dòng bị loại", saved_text(count, path)):
            open_or_say(parent, core.prompts, path, open_file)

    op = QueryOp(parent, lambda ws: write(ws, path), core, label="Đang lưu các dòng bị loại…")
    op.success(done).failure(core.reporter(parent, "Không lưu được")).run()


def chosen_path(parent: QWidget, title: str, default: str, filters: str) -> Path | None:
    """The path chosen in a save dialog opened at ``default`` (an :data:`AskSavePath` once
    given its ``parent``)."""
    name, _selected = QFileDialog.getSaveFileName(parent, title, default, filters)
    return Path(name) if name else None
