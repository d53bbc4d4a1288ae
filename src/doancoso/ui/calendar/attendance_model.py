"""The attendance sheet of one date as a table model, and the view that marks it from the keyboard.

The model holds the expected members with their state and reason (nothing is saved until the
dialog's "Lưu"). In the view, Space toggles present/absent on the current row, P marks "vắng có
phép", C "có mặt", V "vắng"; each mark moves to the next row, so a roll call in the list's order
is one key a person. Delete takes the member off the sheet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from ...core.activities.attendance import AttendanceRow
from ...core.activities.rules import ATTENDANCE_STATES
from ...core.lang.text import fold, nfc_or_none
from ..common.cells import ALIGN_LEFT, ALIGN_RIGHT, ALIGNMENT, CELL_FLAGS, DISPLAY, TOOLTIP
from .words import counts_text

PRESENT, EXCUSED, ABSENT = "present", "excused", "absent"
STATE_LABELS = {PRESENT: "Có mặt", EXCUSED: "Vắng có phép", ABSENT: "Vắng"}
STATE_COLOURS = {PRESENT: QColor("#2e7d32"), EXCUSED: QColor("#ef6c00"), ABSENT: QColor("#c62828")}
COLUMNS: tuple[tuple[str, int], ...] = (
    ("STT", 40),
    ("Họ và tên", 200),
    ("Năm sinh", 70),
    ("Chi đoàn", 170),
    ("Điểm danh", 110),
    ("Lý do vắng", 200),
)
COL_STT, COL_NAME, COL_BIRTH, COL_BRANCH, COL_STATE, COL_REASON = range(6)
EDIT = int(Qt.ItemDataRole.EditRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
MEMBER_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 40

Index = QModelIndex | QPersistentModelIndex


@dataclass
class Mark:
    member_id: str
    full_name: str
    birth_year: int
    branch: str | None
    state: str
    reason: str | None


class AttendanceModel(QAbstractTableModel):
    """The members expected at a date and how each is marked."""

    counts_changed = Signal()

    def __init__(self, rows: Iterable[AttendanceRow], parent: Any = None) -> None:
        super().__init__(parent)
        self.marks_list = [
            Mark(r.member_id, r.full_name, r.birth_year, r.branch, r.state, r.reason) for r in rows
        ]
        self.modified = False

    # Marking ------------------------------------------------------------------------------

    def _changed(self, first: int, last: int, column_first: int = COL_STATE) -> None:
        self.modified = True
        self.dataChanged.emit(self.index(first, column_first), self.index(last, COL_REASON))
        self.counts_changed.emit()

    def set_state(self, row: int, state: str) -> None:
        mark = self.marks_list[row]
        mark.state = state
        if state == PRESENT:
            mark.reason = None  # a reason of absence no longer applies
        self._changed(row, row)

    def toggle(self, row: int) -> None:
        """Present ↔ absent (an excused member becomes present)."""
        self.set_state(row, ABSENT if self.marks_list[row].state == PRESENT else PRESENT)

    def all_present(self, keep_marked: bool = False) -> None:
        """Everyone present; ``keep_marked``: but those with leave or a reason."""
        for mark in self.marks_list:
            if keep_marked and (mark.state == EXCUSED or mark.reason):
                continue
            mark.state, mark.reason = PRESENT, None
        if self.marks_list:
            self._changed(0, len(self.marks_list) - 1)

    def apply(self, marks: Mapping[str, tuple[str, str | None]], extra: Iterable[Mark]) -> None:
        """Put read marks on the sheet: ``extra`` are members not on it yet (appended)."""
        self.beginResetModel()
        known = {m.member_id for m in self.marks_list}
        self.marks_list.extend(m for m in extra if m.member_id not in known)
        for mark in self.marks_list:
            if mark.member_id in marks:
                mark.state, mark.reason = marks[mark.member_id]
        self.modified = True
        self.endResetModel()
        self.counts_changed.emit()

    def add(self, mark: Mark) -> int:
        """Add a member to the sheet (absent); returns their row (the existing one if listed)."""
        for row, existing in enumerate(self.marks_list):
            if existing.member_id == mark.member_id:
                return row
        row = len(self.marks_list)
        self.beginInsertRows(QModelIndex(), row, row)
        self.marks_list.append(mark)
        self.endInsertRows()
        self.modified = True
        self.counts_changed.emit()
        return row

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.marks_list[row]
        self.endRemoveRows()
        last = len(self.marks_list) - 1
        if row <= last:  # the numbers of the rows below changed
            self.dataChanged.emit(self.index(row, COL_STT), self.index(last, COL_STT))
        self.modified = True
        self.counts_changed.emit()

    # Reading ------------------------------------------------------------------------------

    def marks(self) -> dict[str, tuple[str, str | None]]:
        """What the core saves: member id → (state, reason)."""
        return {
            m.member_id: (m.state, None if m.state == PRESENT else nfc_or_none(m.reason))
            for m in self.marks_list
        }

    def counts(self) -> tuple[int, int, int]:
        """(present, excused, absent)."""
        states = [m.state for m in self.marks_list]
        return states.count(PRESENT), states.count(EXCUSED), states.count(ABSENT)

    def counts_text(self) -> str:
        return counts_text(*self.counts())

    def find(self, text: str) -> list[int]:
        """The rows whose name has a word beginning with each word of ``text``, tones and case
        ignored, as the roster's search ("thuy" → Thủy, "van an" → Lê Văn An)."""
        words = fold(text).split()
        if not words:
            return []
        return [
            row
            for row, mark in enumerate(self.marks_list)
            if all(f" {word}" in f" {fold(mark.full_name)}" for word in words)
        ]

    def row_of(self, member_id: str) -> int | None:
        return next((i for i, m in enumerate(self.marks_list) if m.member_id == member_id), None)

    # Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.marks_list)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        mark, column = self.marks_list[index.row()], index.column()
        if role in (DISPLAY, EDIT):
            return self._cell(index.row(), mark, column)
        if role == MEMBER_ID_ROLE:
            return mark.member_id
        if role == FOREGROUND and column == COL_STATE:
            return STATE_COLOURS[mark.state]
        if role == ALIGNMENT:
            return ALIGN_RIGHT if column in (COL_STT, COL_BIRTH) else ALIGN_LEFT
        if role == TOOLTIP and column == COL_STATE:
            return ATTENDANCE_STATES[mark.state]
        return None

    @staticmethod
    def _cell(row: int, mark: Mark, column: int) -> str:
        if column == COL_STT:
            return str(row + 1)
        if column == COL_NAME:
            return mark.full_name
        if column == COL_BIRTH:
            return str(mark.birth_year)
        if column == COL_BRANCH:
            return mark.branch or ""
        if column == COL_STATE:
            return STATE_LABELS[mark.state]
        return mark.reason or ""

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != COL_REASON or role != EDIT:
            return False
        mark = self.marks_list[index.row()]
        mark.reason = nfc_or_none(str(value or ""))
        if mark.reason and mark.state == PRESENT:
            mark.state = EXCUSED  # a reason given: absent with leave
        self._changed(index.row(), index.row())
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == DISPLAY and 0 <= section < len(COLUMNS):
            return COLUMNS[section][0]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == COL_REASON:
            return CELL_FLAGS | Qt.ItemFlag.ItemIsEditable
        return CELL_FLAGS


class AttendanceView(QTableView):
    """The sheet, marked from the keyboard (see the module docstring)."""

    remove_requested = Signal(int)

    MARK_KEYS = {Qt.Key.Key_P: EXCUSED, Qt.Key.Key_C: PRESENT, Qt.Key.Key_V: ABSENT}

    def __init__(self, model: AttendanceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sheet = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setStretchLastSection(True)
        for column, (_, width) in enumerate(COLUMNS):
            self.setColumnWidth(column, width)

    def current_row(self) -> int | None:
        index = self.currentIndex()
        return index.row() if index.isValid() else None

    def finish_editing(self) -> None:
        """Put the reason being typed on the sheet and close its editor (a click elsewhere
        does this by taking the focus; a shortcut does not)."""
        row = self.current_row()
        if row is None or self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.sheet.index(row, COL_REASON))
        if editor is None:
            return
        self.commitData(editor)
        self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def go_to(self, row: int) -> None:
        if 0 <= row < self.sheet.rowCount():
            column = max(self.currentIndex().column(), COL_NAME)
            self.setCurrentIndex(self.sheet.index(row, column))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        row = self.current_row()
        key = event.key()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if row is None or not plain or self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Space:
            self.sheet.toggle(row)
        elif key in self.MARK_KEYS:
            self.sheet.set_state(row, self.MARK_KEYS[Qt.Key(key)])
        elif key == Qt.Key.Key_Delete:
            self.remove_requested.emit(row)
            event.accept()
            return
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit(self.sheet.index(row, COL_REASON))
            event.accept()
            return
        else:
            super().keyPressEvent(event)
            return
        self.go_to(row + 1)
        event.accept()
