"""A cell of the grid changed by the secretary (a level typed, a remark written or wiped with
Delete, a rate, the training programme's result) onto the app's undo history ("Hoàn tác",
Ctrl+Z): it is her last action, so Ctrl+Z right after it takes it back rather than reaching an
older action ("Lấy mức gợi ý") behind it, and a remark wiped by a stray Delete comes back.

Undo stores the member's values from before the change again, redo the ones typed, each only
over a cell still as the other step left it (``ws.rating.set_many`` with ``seen``): a
cell changed again since (in the grid, by an import, on the command line) is never
overwritten; the step is refused, naming the cell. Once a step is written, ``on_step`` puts the
grid's keyboard back on the cell (a digit had moved it on to the next member).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

from PySide6.QtWidgets import QWidget

from ...core.errors import ConflictError
from ...core.rating.records import parse_fields
from ...core.rating.rules import TRAINING_RESULTS
from ...core.rating.service import RatingRow
from ...core.workspace import Workspace
from ..shell.operations import Core, CoreOp
from .commands import SavedCommand
from .model import COLUMNS, FIELDS, LEVEL_COLUMNS, level_text

_HEADERS = {field: COLUMNS[column][0] for column, field in FIELDS.items()}
_LEVEL_FIELDS = set(LEVEL_COLUMNS.values())


def typed_before(row: RatingRow, field: str) -> dict[str, Any]:
    """What, typed into ``field``, stores the member's values as the grid read them before a
    change (the training programme's result with whether the member registered, which it sets
    too)."""
    if field == "participation":  # a rate from the attendance is not stored; 0.855 → 85.5
        entered = row.participation if row.participation_entered else None
        return {field: None if entered is None else round(entered * 100, 9)}
    if field == "training_result":
        return {field: row.training_result, "training_registered": row.training_registered}
    return {field: getattr(row, field)}


def edit_label(name: str, field: str, value: object) -> str:
    """ "Đặt “BCH quyết định” của Trần Thị Bình: 1. Xuất sắc", "Xóa “Nhận xét” của …",
    "Sửa “Tham gia” của …": what "Hoàn tác" names."""
    header = _HEADERS[field]
    if value is None or value == "":
        return f"Xóa “{header}” của {name}"
    if field in _LEVEL_FIELDS and isinstance(value, int):
        return f"Đặt “{header}” của {name}: {level_text(value)}"
    if field == "dues_unpaid" and value is True:
        return f"Đặt “{header}” của {name}: chưa đóng đủ đoàn phí"
    if field == "training_result" and isinstance(value, str) and value in TRAINING_RESULTS:
        return f"Đặt “{header}” của {name}: {TRAINING_RESULTS[value]}"
    return f"Sửa “{header}” của {name}"


def _put(
    ws: Workspace, year: int, member_id: str, typed: Mapping[str, Any],
    expected: Mapping[str, Any], changed_since: str,
) -> int:  # fmt: skip
    """Store ``typed`` for the member if its values are still ``expected``."""
    try:
        return ws.rating.set_many(year, {member_id: typed}, seen={member_id: expected})
    except ConflictError as exc:
        info = ws.rating.round(year)
        if info is None or info.closed:  # the core's own message says so
            raise
        raise ConflictError(changed_since) from exc


class CellCommand(SavedCommand):
    """One cell of a member changed in the grid; pushed once saved, so its first ``redo`` (the
    push) does nothing."""

    def __init__(
        self, core: Core, window: QWidget | None, year: int, row: RatingRow, field: str,
        value: object, on_error: Callable[[str], None],
        on_step: Callable[[], None] | None = None,
    ) -> None:  # fmt: skip
        super().__init__(edit_label(row.full_name, field, value), core, window, on_error)
        self._on_step = on_step
        self._year = year
        self._member = row.member_id
        self._before = typed_before(row, field)
        self._after = {field: value}
        self._changed_since = f"“{_HEADERS[field]}” của {row.full_name} đã được sửa lại sau đó."

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._step(self._after, self._before, undoing=False)

    def undo(self) -> None:
        self._step(self._before, self._after, undoing=True)

    def _step(self, typed: dict[str, Any], other: dict[str, Any], *, undoing: bool) -> None:
        """Store ``typed`` over the values the ``other`` step stored."""
        year, member, since = self._year, self._member, self._changed_since
        seen = parse_fields(other)  # as the core stored them
        ended, on_step = self._report(undoing), self._on_step  # the command may go meanwhile

        def written(_value: object) -> None:
            ended(True)
            if on_step is not None:
                on_step()

        op = CoreOp(self._window, lambda ws: _put(ws, year, member, typed, seen, since),
                    self._core, label="Đang hoàn tác…" if undoing else "Đang làm lại…")  # fmt: skip
        op.success(written).failure(partial(self._failed, ended)).run()
