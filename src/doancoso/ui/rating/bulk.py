"""The grid's bulk actions, "Lấy đề nghị của chi đoàn" and "Lấy mức gợi ý": the members not
decided yet among those the grid shows (its chi đoàn, the name searched) get the chi đoàn's
proposal or the app's suggestion as their decided level (``ws.rating.levels_to_accept``, then,
once the secretary said yes to how many and who, ``set_levels``), and the action goes onto the
app's undo history ("Hoàn tác", Ctrl+Z), which clears those levels again.

Undo and redo touch only the members still as the action left them: a level changed by hand
after "Lấy mức gợi ý" is not cleared by undoing it. A closed round refuses both, with the
core's message.

:class:`BulkActions` holds the page's two buttons and runs the action; what it needs of the
page is :class:`Grid`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from ...core.lang.text import vn_number
from ...core.rating.service import RatingRow
from ...core.workspace import Workspace
from ..common.opening import OpenAfterRead
from ..shell.operations import Core, CoreOp
from ..shell.tasks import FAILED_TITLE
from ..shell.undo import UndoHistory
from .commands import SavedCommand

SOURCES = {
    "proposals": ("Lấy đề nghị của chi đoàn", "đề nghị của chi đoàn"),
    "suggestions": ("Lấy mức gợi ý", "mức gợi ý"),
}
"""source → (button text, what is taken, in a sentence)."""
BUTTONS = {"proposals": "&Lấy đề nghị của chi đoàn", "suggestions": "Lấy &mức gợi ý"}
"""The buttons of :data:`SOURCES`, with their Alt letters."""
BUTTON_TIP = (
    "Chỉ cho các đoàn viên đang hiện trên bảng (chi đoàn đang chọn, tên đang tìm) chưa có mức "
    "quyết định; hỏi lại trước khi lấy, bấm “Hoàn tác” để bỏ."
)
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


class Grid(Protocol):
    """What the bulk actions need of the rating page."""

    @property
    def year(self) -> int:
        """The year chosen."""
        ...

    @property
    def read_only(self) -> bool:
        """Whether the round shown takes no change (closed, or not opened)."""
        ...

    def shown_rows(self) -> list[RatingRow]:
        """The members the grid shows, as read after the last change."""
        ...

    def shown_by(self) -> list[str]:
        """What the grid is filtered by, as :func:`accept_question` says it."""
        ...

    def hold_refresh(self, held: bool) -> None:
        """A write of levels alone starts (``held``) or ends: the page patches its rows rather
        than reading the round again."""
        ...

    def levels_decided(self, year: int, levels: Mapping[str, int]) -> None:
        """``levels`` were saved as decided in the round of ``year``: patch the rows shown."""
        ...

    def refresh(self) -> None:
        """Read the round again."""
        ...


class BulkActions(QObject):
    """The buttons "Lấy đề nghị của chi đoàn" (Alt+L) and "Lấy mức gợi ý" (Alt+M) of the rating
    page, and the action they run."""

    status_message = Signal(str)

    def __init__(
        self, core: Core, parent: QWidget, grid: Grid, history: UndoHistory | None,
        undo_failed: Callable[[str], None],
    ) -> None:  # fmt: skip
        """``parent``: the page (``grid``), whose window the question and the undo belong to;
        ``undo_failed``: shows why an undo or redo could not be done."""
        super().__init__(parent)
        self._core = core
        self._parent = parent
        self._asking = OpenAfterRead(parent, core)  # the levels to take, before the question
        self._grid = grid
        self._history = history
        self._undo_failed = undo_failed
        self.buttons: dict[str, QPushButton] = {}
        for source, text in BUTTONS.items():
            button = QPushButton(text)
            button.setToolTip(BUTTON_TIP)
            button.clicked.connect(lambda _=False, s=source: self.accept(s))
            self.buttons[source] = button

    def set_enabled(self, enabled: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(enabled)

    def accept(self, source: str) -> None:
        """Take the proposals or the suggestions for the members not decided yet among those
        the grid shows (its chi đoàn, the name searched), after a question saying how many and
        who, as one action that "Hoàn tác" takes back. Asked once however often a button was
        pressed before the levels to take were read."""
        grid = self._grid
        if grid.read_only:
            return
        year, rows = grid.year, grid.shown_rows()

        def found(levels: dict[str, int]) -> None:
            if year == grid.year:
                self._confirm(year, source, rows, levels)

        self._asking.run(lambda ws: ws.rating.levels_to_accept(year, source, None, rows), found,
                         failed=FAILED_TITLE)  # fmt: skip

    def _confirm(
        self, year: int, source: str, rows: list[RatingRow], levels: dict[str, int]
    ) -> None:
        grid = self._grid
        shown_by = grid.shown_by()
        if not levels:
            self.status_message.emit(accepted_message(source, 0, year, bool(shown_by)))
            return
        names = [r.full_name for r in rows if r.member_id in levels]
        text = accept_question(source, names, shown_by)
        yes = f"Lấy cho {vn_number(len(levels))} đoàn viên"
        if not self._core.prompts.confirm(self._parent, SOURCES[source][0], text, yes=yes,
                                          no="Quay lại"):  # fmt: skip
            return

        def take(ws: Workspace) -> dict[str, int]:
            ws.rating.set_levels(year, "decided_level", dict(levels))
            return levels

        def taken(levels: dict[str, int]) -> None:
            grid.hold_refresh(False)
            grid.levels_decided(year, levels)
            if levels and self._history is not None:
                label = f"{SOURCES[source][0]} ({vn_number(len(levels))} đoàn viên)"
                self._history.push(AcceptCommand(self._core, self._parent.window(), year, levels,
                                                 label, self._undo_failed))  # fmt: skip
            self.status_message.emit(accepted_message(source, len(levels), year))

        def refused(exc: BaseException) -> None:
            grid.hold_refresh(False)
            self._core.runner.show_error(exc, "Không thực hiện được", self._parent)
            grid.refresh()

        grid.hold_refresh(True)
        CoreOp(self._parent, take, self._core).success(taken).failure(refused).run()
