"""A list of members to check, then one decision (date and number) recorded for the checked
ones, all or none: the frame of the coming-of-age and end-of-temporary-activity dialogs.

Both lists open with no one ticked: a decision is recorded for the members the secretary picks,
never for a whole list by default ("Chọn tất cả" is one click away). The coming-of-age list
holds people to replace first (a chi đoàn's Bí thư) and people who will get a decision later;
the temporary-stay list, once "only ended stays" is off, holds stays that go on; ticked by
default, either was one click from a wrong decision for everyone. A tick stays on a member while
the list, read again (another year, another filter), still holds them. By keyboard, Space ticks
(or unticks) the selected rows, whichever of their cells is current.

A subclass gives the query that lists the rows (:meth:`DecisionListDialog.query`), the cells of
a row, the summary and the core call that records the decision (:meth:`DecisionListDialog.record`).
The list is read and the decision recorded on the worker (:mod:`..shell.operations`): a coming
of age can concern more than a thousand members of a large roster. The rows sit in a
:class:`DecisionModel` whose check states are one list: ticking every row is one pass and one
``dataChanged``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ValidationError
from ...core.lang.dates import DateFormatError, format_vn_date, parse_vn_date
from ...core.lang.text import vn_number
from ...core.lifecycle.recorded import RecordedEvents
from ...core.workspace import Workspace
from ..common.date_popup import attach_date_popup
from ..common.fields import ErrorLabel, FieldErrors
from ..shell.operations import Core, CoreOp, QueryOp
from ..shell.undo import members_phrase

ALERT_COLOR = "#c62828"
LOADING = "Đang lập danh sách…"
CHECK_ROLE = Qt.ItemDataRole.CheckStateRole
Index = QModelIndex | QPersistentModelIndex


class DecisionModel(QAbstractTableModel):
    """Rows of text with a check box in the first column; ``ids`` name the rows' members.

    The check states are a list of booleans and their count is kept, so that the summary, a
    "tick all" and the list of checked ids each take one pass, whatever the list's length.
    """

    checks_changed = Signal(int)
    """The number of checked rows, after any change of a check box."""

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._ids: list[str] = []
        self._cells: list[tuple[str, ...]] = []
        self._alerts: list[frozenset[int]] = []
        self._checked: list[bool] = []
        self.checked_count = 0

    def set_rows(
        self,
        ids: Sequence[str],
        cells: Sequence[tuple[str, ...]],
        alerts: Sequence[Collection[int]],
    ) -> None:
        """New rows (``alerts``: the columns shown in red on each), none checked but those
        that were checked before (see the module docstring)."""
        kept = set(self.checked_ids())
        self.beginResetModel()
        self._ids = list(ids)
        self._cells = list(cells)
        self._alerts = [frozenset(columns) for columns in alerts]
        self._checked = [member_id in kept for member_id in self._ids]
        self.checked_count = sum(self._checked)
        self.endResetModel()
        self.checks_changed.emit(self.checked_count)

    # Checks -------------------------------------------------------------------------------

    def is_checked(self, row: int) -> bool:
        return self._checked[row]

    def checked_ids(self) -> list[str]:
        return [i for i, checked in zip(self._ids, self._checked, strict=True) if checked]

    def set_checked(self, row: int, checked: bool) -> None:
        if self._checked[row] == checked:
            return
        self._checked[row] = checked
        self.checked_count += 1 if checked else -1
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [CHECK_ROLE])
        self.checks_changed.emit(self.checked_count)

    def set_all_checked(self, checked: bool) -> None:
        """Tick (or untick) every row: one pass, one ``dataChanged`` for the column."""
        if not self._ids:
            return
        self._checked = [checked] * len(self._ids)
        self.checked_count = len(self._ids) if checked else 0
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 0), [CHECK_ROLE])
        self.checks_changed.emit(self.checked_count)

    def row_of(self, member_id: str) -> int | None:
        try:
            return self._ids.index(member_id)
        except ValueError:
            return None

    # Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[row][column]  # the tooltip: a long name shortened, whole
        if role == CHECK_ROLE and column == 0:
            return Qt.CheckState.Checked if self._checked[row] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and column in self._alerts[row]:
            return QColor(ALERT_COLOR)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 0 or role != CHECK_ROLE:
            return False
        self.set_checked(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags


class DecisionListDialog(QDialog):
    """Check members in a table, give the decision's date and number, confirm."""

    title = ""
    confirm_text = "&Xác nhận"
    number_example = "20-QĐ/ĐTN"

    def __init__(
        self, core: Core, headers: Sequence[str], parent: QWidget | None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._core = core
        self._ws = core.ws
        self._prompts = core.prompts
        self.entries: list[Any] = []
        self.confirmed = 0
        self.recorded: RecordedEvents | None = None
        """What the decision recorded, once confirmed: what its undo checks (..shell.undo)."""
        # While the decision is written, Confirm and Close wait for it. They stay enabled: a
        # disabled button that had the focus would pass it, and the Enter key, on.
        self._busy = False
        self.errors = FieldErrors()
        self.setWindowTitle(self.title)
        self.model = DecisionModel(headers, self)

    # To give by the subclass -------------------------------------------------------------

    def query(self) -> Callable[[Workspace], list[Any]]:
        """The read (run on the worker) of the rows to list, each with ``.row`` (a
        :class:`MemberRow`); it takes what it needs from the widgets now."""
        raise NotImplementedError

    def cells(self, entry: Any) -> tuple[str, ...]:
        raise NotImplementedError

    def alert_columns(self, entry: Any) -> tuple[int, ...]:
        """The columns shown in red for ``entry`` (overdue, ended, a position to fill again)."""
        return ()

    def summary_text(self, checked: int) -> str:
        raise NotImplementedError

    def record(self, ws: Workspace, ids: list[str], date: str, number: str) -> RecordedEvents:
        """Record the decision for ``ids`` through the core, all or none. Runs on the worker:
        it touches no widget."""
        raise NotImplementedError

    def undo_text(self, who: str) -> str:
        """What the undo history calls the decision, ``who`` being e.g. "106 đoàn viên"."""
        raise NotImplementedError

    def progress_text(self, count: int) -> str:
        return f"Đang ghi nhận cho {vn_number(count)} đoàn viên…"

    def date_warning(self, ids: list[str], day: dt.date) -> str:
        """A warning on the decision's ``day`` for the members ``ids``, said before the question
        whether to record it ("" when none)."""
        return ""

    def done_text(self, count: int) -> str:
        raise NotImplementedError

    # Building -----------------------------------------------------------------------------

    def build(self, top: QHBoxLayout, stretch_columns: Sequence[int]) -> None:
        """Lay out the dialog under ``top`` (the subclass's own controls, left). The
        ``stretch_columns`` (long names: a chi đoàn, an organisation) share the width the others
        leave, shortened when they must be (whole on hover), so that no long name pushes the
        other columns out of sight."""
        layout = QVBoxLayout(self)
        top.addStretch(1)
        self.check_all_button = QPushButton("&Chọn tất cả")
        self.check_none_button = QPushButton("&Bỏ chọn tất cả")
        self.check_all_button.clicked.connect(lambda: self.set_all_checked(True))
        self.check_none_button.clicked.connect(lambda: self.set_all_checked(False))
        top.addWidget(self.check_all_button)
        top.addWidget(self.check_none_button)
        layout.addLayout(top)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the decision's date, as elsewhere
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measures each row
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in stretch_columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.model.checks_changed.connect(self._update_summary)
        self.table.installEventFilter(self)  # Space ticks the chosen rows, whatever the cell
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.date_edit = QLineEdit(format_vn_date(dt.date.today()))
        self.date_edit.setPlaceholderText("dd/mm/yyyy")
        self.date_edit.setMaximumWidth(220)
        attach_date_popup(self.date_edit)
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(f"Ví dụ: {self.number_example}")
        self.number_edit.setMaximumWidth(220)
        self.errors.add_row(form, "date", "Ngày &quyết định", self.date_edit, required=True)
        self.errors.add_row(form, "number", "&Số quyết định", self.number_edit)
        layout.addLayout(form)
        self.general_error = ErrorLabel()
        layout.addWidget(self.general_error)

        buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole.AcceptRole
        self.confirm_button = buttons.addButton(self.confirm_text, role)
        buttons.addButton("Đón&g", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 520)

    # Reading ------------------------------------------------------------------------------

    def reload(self) -> None:
        """List the rows again (read on the worker; the table fills when they arrive)."""
        self.summary.setText(LOADING)
        self.confirm_button.setEnabled(False)
        op = QueryOp(self, self.query(), self._core, label=LOADING)
        op.success(self._loaded).run()

    def _loaded(self, entries: list[Any]) -> None:
        self.entries = list(entries)
        self.model.set_rows(
            [entry.row.id for entry in self.entries],
            [self.cells(entry) for entry in self.entries],
            [self.alert_columns(entry) for entry in self.entries],
        )

    def names(self) -> list[str]:
        return [entry.row.full_name for entry in self.entries]

    def checked_ids(self) -> list[str]:
        return self.model.checked_ids()

    def set_checked(self, member_id: str, checked: bool) -> None:
        row = self.model.row_of(member_id)
        if row is not None:
            self.model.set_checked(row, checked)

    def set_all_checked(self, checked: bool) -> None:
        self.model.set_all_checked(checked)

    def toggle_chosen(self) -> None:
        """Tick the selected rows (the current one if none is selected), or untick them when
        the current row is ticked: what Space does in the table."""
        current = self.table.currentIndex()
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows and current.isValid():
            rows = [current.row()]
        if not rows:
            return
        lead = current.row() if current.isValid() and current.row() in rows else rows[0]
        checked = not self.model.is_checked(lead)
        for row in rows:
            self.model.set_checked(row, checked)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Space in the table ticks the chosen rows whichever cell is current (the check box's
        cell alone took it, and a selected row does not show which cell is current)."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self.toggle_chosen()
            return True
        return super().eventFilter(watched, event)

    def _update_summary(self, checked: int) -> None:
        self.summary.setText(self.summary_text(checked))
        self.confirm_button.setEnabled(checked > 0)

    # Writing ------------------------------------------------------------------------------

    def confirm(self) -> None:
        """Record the decision for the checked members, in one operation (all or none)."""
        ids = self.checked_ids()
        if not ids or self._busy:
            return
        self.general_error.hide()
        date, number = self.date_edit.text().strip(), self.number_edit.text()
        if not self._asked_to_record(ids, date, number.strip()):
            return
        self._busy = True
        op = CoreOp(self, lambda ws: self.record(ws, ids, date, number), self._core,
                    label=self.progress_text(len(ids)))  # fmt: skip
        op.success(self._recorded).failure(self._refused).run()

    def _asked_to_record(self, ids: list[str], date: str, number: str) -> bool:
        """Whether to record the decision for ``ids``, asked first: Enter in the date or number
        would otherwise record it at once, for every ticked member. A date that is no date is
        not asked about: the core refuses it, the message under the field. A warning on the date
        (:meth:`date_warning`) comes first."""
        try:
            day, _precision = parse_vn_date(date)
        except DateFormatError:
            return True
        names = [e.row.full_name for e in self.entries if [e.row.id] == ids]
        text = self.undo_text(members_phrase(len(ids), names[0] if names else ""))
        text += f", ngày quyết định {format_vn_date(day)}" + (f", số {number}" if number else "")
        warning = self.date_warning(ids, day)
        text = f"{warning}\n\n{text}?" if warning else f"{text}?"
        return self._prompts.confirm(self, self.title, text, yes="Ghi", no="Hủy")

    def _recorded(self, recorded: RecordedEvents) -> None:
        self._busy = False
        self.errors.clear()
        self.recorded = recorded
        self.confirmed = count = len(recorded)
        self._prompts.information(self, self.title, self.done_text(count))
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self._busy = False
        if isinstance(exc, ValidationError):
            self.errors.show_all(exc.field_errors, self.general_error)
            return
        self._core.runner.show_error(exc, "Không ghi nhận được", self)

    def undo_label(self) -> str:
        """What the undo history calls the confirmed decision, naming the member when it
        concerns one: "Ghi nhận trưởng thành Đoàn cho 106 đoàn viên"."""
        recorded = self.recorded
        ids = [h.member_id for h in recorded.histories] if recorded is not None else []
        names = [e.row.full_name for e in self.entries if ids == [e.row.id]]
        return self.undo_text(members_phrase(len(ids), names[0] if names else ""))

    def reject(self) -> None:
        if not self._busy:  # the decision is being written: wait for it
            super().reject()
