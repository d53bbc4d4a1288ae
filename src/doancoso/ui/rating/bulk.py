"""The grid's bulk actions, "Lấy đề nghị của chi đoàn" and "Lấy mức gợi ý": the members not
decided yet among those the grid shows (its chi đoàn, the name searched) get the chi đoàn's
proposal or the app's suggestion as their decided level (``ws.rating.levels_to_accept``, then,
once the secretary said yes to how many and who, ``set_levels``), and the action goes onto the
app's undo history ("Hoàn tác", Ctrl+Z), which clears those levels again.

Undo and redo touch only the members still as the action left them: a level changed by hand
after "Lấy mức gợi ý" is not cleared by undoing it. A closed round refuses both, with the
core's message.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial

from PySide6.QtWidgets import QWidget

from ...core.lang.text import vn_number
from ...core.workspace import Workspace
from ..shell.operations import Core, CoreOp
from .commands import SavedCommand

SOURCES = {
    "proposals": ("Lấy đề nghị của chi đoàn", "đề nghị của chi đoàn"),
    "suggestions": ("Lấy mức gợi ý", "mức gợi ý"),
}
"""source → (button text, what is taken, in a sentence)."""
NAMED = 5
"""Members named in :func:`accept_question` before "và N đoàn viên khác"."""


def _undo_levels(ws: Workspace, year: int, levels: Mapping[str, int]) -> int:
    """Clear the decided levels that are still those of ``levels``."""
    current = {r.member_id: r.decided_level for r in ws.rating.rows(year)}
    back: dict[str, int | None] = {m: None for m, lv in levels.items() if current.get(m) == lv}
    return ws.rating.set_levels(year, "decided_level", back)


def _redo_levels(ws: Workspace, year: int, levels: Mapping[str, int]) -> int:
    """Decide again the members of ``levels`` that are still undecided."""
    current = {r.member_id: r.decided_level for r in ws.rating.rows(year)}
    again: dict[str, int | None] = {
        m: lv for m, lv in levels.items() if m in current and current[m] is None
    }
    return ws.rating.set_levels(year, "decided_level", again)


class AcceptCommand(SavedCommand):
    """The levels a bulk action decided; pushed once they were saved, so its first ``redo``
    (the push) does nothing."""

    def __init__(
        self, core: Core, window: QWidget | None, year: int, levels: Mapping[str, int],
        label: str, on_error: Callable[[str], None],
    ) -> None:  # fmt: skip
        super().__init__(label, core, window, on_error)
        self._year = year
        self._levels = dict(levels)

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        year, levels, ended = self._year, self._levels, self._report(False)
        op = CoreOp(self._window, lambda ws: _redo_levels(ws, year, levels), self._core)
        op.success(lambda _value: ended(True)).failure(partial(self._failed, ended)).run()

    def undo(self) -> None:
        year, levels, ended = self._year, self._levels, self._report(True)
        op = CoreOp(self._window, lambda ws: _undo_levels(ws, year, levels), self._core,
                    label="Đang hoàn tác…")  # fmt: skip
        op.success(lambda _value: ended(True)).failure(partial(self._failed, ended)).run()


def accept_question(source: str, names: Sequence[str], shown_by: Sequence[str]) -> str:
    """What is asked before a bulk action: how many members it decides and who (``names``);
    ``shown_by``: what the grid is filtered by ("Chi đoàn ấp 1", "tìm “thi”"), none for all."""
    taken = SOURCES[source][1]
    where = f" đang hiện trên bảng ({'; '.join(shown_by)})" if shown_by else ""
    listed = ", ".join(names[:NAMED])
    if len(names) > NAMED:
        listed += f" và {vn_number(len(names) - NAMED)} đoàn viên khác"
    text = (
        f"Lấy {taken} làm mức quyết định cho {vn_number(len(names))} đoàn viên chưa quyết "
        f"định{where}?\n\nĐoàn viên được đổi: {listed}.\n"
    )
    if shown_by:
        text += "Đoàn viên không hiện trên bảng giữ nguyên. "
    return text + "Bấm “Hoàn tác” (Ctrl+Z) để bỏ."


def accepted_message(source: str, count: int, year: int, filtered: bool = False) -> str:
    """What the status bar says after a bulk action (``filtered``: on the members shown)."""
    taken = SOURCES[source][1]
    if not count:
        shown = " đang hiện trên bảng" if filtered else ""
        return (
            f"Không có đoàn viên nào{shown} chưa quyết định có {taken} để lấy (đợt xếp loại năm "
            f"{year})."
        )
    return (
        f"Đã lấy {taken} làm mức quyết định cho {vn_number(count)} đoàn viên chưa quyết định. "
        "Bấm “Hoàn tác” (Ctrl+Z) để bỏ."
    )
