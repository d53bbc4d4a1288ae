"""Criterion 3's register of a year: advice to the Party committee (tham mưu), coordination with
other bodies (phối hợp), each with its files, and the members introduced to the Party (member
events, shown here read-only: they are recorded on the roster with "Ghi sự kiện…").

The page reads the register with the checklist (:mod:`.data`) and hands it over with
:meth:`RegisterTab.set_register`; writes are operations, deletions go through the undo history.
While the page reads another year (:meth:`RegisterTab.reading`), "Thêm…" waits for it: the
records shown and what a new one is offered (today's date, the activities around its year) are
still the year shown before, and a record added then went to that year.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.recognition.registers import (
    ADVICE_TABLE,
    COORDINATION_TABLE,
    Advice,
    Coordination,
    RegisterService,
)
from ...core.workspace import Workspace
from ..common.list_page import UNDO_HINT, keyed_in_unchosen, table_keys
from ..common.opening import OpenAfterRead
from ..lifecycle.party_page import HINT as PARTY_HINT
from ..lifecycle.party_page import IntroductionsModel
from ..shell.operations import Core
from ..shell.undo import Service, SoftDeleting, UndoHistory
from .data import Register, activities_of
from .evidence import EMPTY, EvidencePanel
from .register_dialogs import RecordDialog, advice_dialog, coordination_dialog
from .register_models import ADVICE_COLUMNS, COORDINATION_COLUMNS, RecordsModel

ShowDialog = Callable[[RecordDialog], None]
OpenDialog = Callable[[object | None, ShowDialog], None]
"""Opens the dialog of a record (None: a new one): hands it to the callback once what it
offers is read."""


class _Records:
    """The register service seen by the undo history, for one table."""

    def __init__(self, registers: RegisterService, table: str) -> None:
        self._registers = registers
        self._table = table

    def delete(self, ids: Sequence[str]) -> int:
        return self._registers.delete(self._table, list(ids))

    def restore(self, ids: Sequence[str]) -> int:
        return self._registers.restore(self._table, list(ids))


def records_service(table: str) -> Service:
    def service(ws: Workspace) -> SoftDeleting:
        return _Records(ws.registers, table)

    return service


def _table(model: Any, stretch: Sequence[int], fixed: dict[int, int] | None = None) -> QTableView:
    """A read-only table: columns as wide as their contents, those of ``stretch`` sharing what
    is left, those of ``fixed`` (column → width) at that width."""
    table = QTableView()
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)  # Tab leaves the table (on to the files), as elsewhere
    vertical = table.verticalHeader()
    vertical.hide()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    for column, width in (fixed or {}).items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(column, width)
    return table


class RecordsSection(QWidget):
    """One kind of record: buttons, the table (Enter edits, Delete deletes, as in every list),
    and the selected record's files."""

    status_message = Signal(str)

    def __init__(
        self, core: Core, history: UndoHistory, table: str, model: RecordsModel[Any],
        what: str, open_dialog: OpenDialog, stretch: Sequence[int],
        fixed: dict[int, int] | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._core = core
        self._history = history
        self.table_name = table
        self.model = model
        self.what = what  # "văn bản tham mưu", "chương trình phối hợp"
        self._open_dialog = open_dialog
        self.year = 0
        self.waiting_for: int | None = None  # the year being read, until it is shown
        self.files_of: dict[str, list[Any]] = {}
        # Letters no menu (Alt+T, S, X, V, G), nor the page's year and criteria (N, B, U), nor
        # the files' buttons (P, E, R, C, Y) take: "Sửa" and "Xóa" could both only be A.
        self.add_button = QPushButton("Thê&m…")
        self.edit_button = QPushButton("C&hỉnh sửa…")
        self.delete_button = QPushButton("Xó&a")
        buttons = QHBoxLayout()
        for button, slot in ((self.add_button, self.add_record),
                             (self.edit_button, self.edit_record),
                             (self.delete_button, self.delete_records)):  # fmt: skip
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.count = QLabel()
        buttons.addWidget(self.count)
        self.table = _table(model, stretch, fixed)
        self.table.doubleClicked.connect(lambda _index: self.edit_record())
        self.table.installEventFilter(self)  # Tab into it chooses a row (see eventFilter)
        table_keys(self.table, self.edit_record, self.delete_records)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.files = EvidencePanel(core, history)
        self.files.status.connect(self.status_message)
        self._no_record_text = f"Chọn một {what} để xem và đính kèm tệp minh chứng của nó."
        self.files_title = QLabel()
        files_box = QWidget()
        files_layout = QVBoxLayout(files_box)
        files_layout.setContentsMargins(0, 0, 0, 0)
        files_layout.addWidget(self.files_title)
        files_layout.addWidget(self.files, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(files_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        self._selection_changed()

    def wait_for(self, year: int | None) -> None:
        """``year`` is being read (None: the year shown is the one chosen): "Thêm…" disabled
        until it is shown, its tooltip saying so."""
        self.waiting_for = year
        self.add_button.setEnabled(year is None)
        self.add_button.setToolTip("" if year is None else f"Đang đọc sổ năm {year}…")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.table and keyed_in_unchosen(self.table, event):
            # Tabbed into with nothing chosen, Qt marks a row current but chooses none: "Sửa…"
            # and Enter did nothing, and the files said to choose a record. The row marked is
            # chosen, as in the app's other lists (``ListPage``).
            row = max(self.table.currentIndex().row(), 0)
            flags = self.table.selectionModel().SelectionFlag
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0), flags.ClearAndSelect | flags.Rows
            )
        return super().eventFilter(watched, event)

    def set_records(
        self, year: int, records: Sequence[Any], files: dict[str, list[Any]],
        activities: dict[str, str],
    ) -> None:  # fmt: skip
        chosen = self.selected_ids()
        self.year = year
        self.wait_for(None)
        self.files_of = files
        self.model.set_records(records, {k: len(v) for k, v in files.items()}, activities)
        self.count.setText(f"{len(records)} {self.what} năm {year}")
        for record_id in chosen:
            self.select(record_id, add=True)
        self._selection_changed()

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.records[row].id for row in rows if row < len(self.model.records)]

    def select(self, record_id: str, add: bool = False) -> None:
        """Choose record ``record_id``: the table's current row, where ↓ goes on from, and the
        keyboard in the table (it was shown from elsewhere, or just saved). ``add``: added to
        the records chosen, the keyboard left where it is (the records kept through a
        refresh)."""
        row = self.model.row_of(record_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        flags = self.table.selectionModel().SelectionFlag
        command = (flags.Select if add else flags.ClearAndSelect) | flags.Rows
        self.table.selectionModel().setCurrentIndex(index, command)
        self.table.scrollTo(index)
        if not add:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _selection_changed(self) -> None:
        ids = self.selected_ids()
        self.edit_button.setEnabled(len(ids) == 1)
        self.delete_button.setEnabled(bool(ids))
        # What an empty list says: with no record (or several) a drop attaches nothing.
        self.files.view.empty_text = EMPTY if len(ids) == 1 else self._no_record_text
        self.files.view.viewport().update()
        if len(ids) != 1:
            self.files_title.setText("Tệp minh chứng:")
            self.files.set_target(None, [])
            return
        record_id, table = ids[0], self.table_name
        files = self.files_of.get(record_id, [])
        self.files_title.setText(f"Tệp minh chứng ({len(files)}):")
        self.files.set_target(lambda ws, path: ws.evidence.attach(table, record_id, path), files)

    # Actions ------------------------------------------------------------------------------

    def add_record(self) -> None:
        if self.waiting_for is not None:  # Ctrl+N's way in, while another year is read
            return
        self._open_dialog(None, lambda dialog: self._run(dialog, "Đã thêm"))

    def edit_record(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        row = self.model.row_of(ids[0])
        if row is not None:
            record = self.model.records[row]
            self._open_dialog(record, lambda dialog: self._run(dialog, "Đã lưu"))

    def _run(self, dialog: RecordDialog, done: str) -> None:
        if self._core.prompts.run(dialog) and dialog.saved_id:
            years = dialog.years_saved()
            self.select(dialog.saved_id)
            where = ""
            if years and self.year not in years:
                where = f" (thuộc năm {years[0]}: chọn năm {years[0]} để xem)"
            self.status_message.emit(f"{done} {self.what}{where}.")
        dialog.deleteLater()

    def delete_records(self) -> None:
        """Ask, then delete the selected records through the undo history."""
        ids = self.selected_ids()
        if not ids:
            return
        phrase = f"{len(ids)} {self.what}" if len(ids) > 1 else self.what
        first = self.model.records[self.model.row_of(ids[0]) or 0].title
        question = f"Xóa {phrase} “{first}”?" if len(ids) == 1 else f"Xóa {phrase}?"
        if not self._core.prompts.confirm(self, "Xóa", f"{question}\n\n{UNDO_HINT}"):
            return
        hint = f"Đã xóa {phrase} — bấm Hoàn tác (Ctrl+Z) để lấy lại."
        self._history.delete(self, records_service(self.table_name), ids, f"Xóa {phrase}",
                             lambda: self.status_message.emit(hint))  # fmt: skip


class RegisterTab(QTabWidget):
    """Advice, coordination and Party introductions of the page's year."""

    status_message = Signal(str)

    def __init__(self, core: Core, history: UndoHistory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self.year = 0
        self._focus_add: RecordsSection | None = None  # its "Thêm…" focused once the year shows
        self._opening = OpenAfterRead(self, core)  # a coordination programme's dialog
        self.register = Register()
        self.advice = RecordsSection(
            core, history, ADVICE_TABLE, RecordsModel(ADVICE_COLUMNS),
            "văn bản tham mưu", self._advice_dialog, (2, 3),
        )  # fmt: skip
        self.coordination = RecordsSection(
            core, history, COORDINATION_TABLE, RecordsModel(COORDINATION_COLUMNS),
            "chương trình phối hợp", self._coordination_dialog, (2, 3), {1: 220, 4: 240},
        )  # fmt: skip
        for section in (self.advice, self.coordination):
            section.status_message.connect(self.status_message)
        self.introductions_model = IntroductionsModel(self)
        introductions = QWidget()
        box = QVBoxLayout(introductions)
        self.introductions_count = QLabel()
        box.addWidget(self.introductions_count)
        self.introductions_table = _table(self.introductions_model, (1,))
        self.introductions_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        box.addWidget(self.introductions_table, 1)
        hint = QLabel(PARTY_HINT)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #616161;")
        box.addWidget(hint)
        self.addTab(self.advice, "Tham mưu cấp ủy")
        self.addTab(self.coordination, "Phối hợp")
        self.addTab(introductions, "Giới thiệu đoàn viên ưu tú cho Đảng")

    def _advice_dialog(self, record: object | None, show: ShowDialog) -> None:
        assert record is None or isinstance(record, Advice)
        show(advice_dialog(self._core, self.year, record, self))

    def _coordination_dialog(self, record: object | None, show: ShowDialog) -> None:
        """The dialog, once the activities it can be linked to are read on the worker (their
        order goes through the core's collation cache, the worker's): those of the year and the
        months around it, and those the records link to (wherever they are). Pressed again
        before they came back (a double click, Enter again), it opens once."""
        assert record is None or isinstance(record, Coordination)
        year, linked = self.year, dict(self.register.activities)

        def opened(around: dict[str, str]) -> None:
            show(coordination_dialog(self._core, year, record, {**around, **linked}, self))

        self._opening.run(lambda ws: activities_of(ws, year), opened)

    def show_record(self, record_id: str) -> bool:
        """Show the advice or coordination record ``record_id``, selected (its files shown) with
        the keyboard in its table, wherever it was (a button of the dossier's check, hidden with
        its page); False when the register shown has no such record."""
        for section in (self.advice, self.coordination):
            if section.model.row_of(record_id) is not None:
                self.setCurrentWidget(section)
                section.select(record_id)
                return True
        return False

    def show_table(self, table: str) -> None:
        """Show the records of ``table`` (advice, coordination), the keyboard on their
        "Thêm…", wherever it was (a button of the dossier's check, hidden with its page)."""
        for section in (self.advice, self.coordination):
            if section.table_name == table:
                self.setCurrentWidget(section)
                if section.add_button.isEnabled():
                    section.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
                else:  # the year is read: once shown (a disabled button takes no keys)
                    self._focus_add = section

    def reading(self, year: int) -> None:
        """The page reads ``year``: another than the one shown, "Thêm…" waits for it."""
        for section in (self.advice, self.coordination):
            section.wait_for(year if year != self.year else None)

    def set_register(self, year: int, register: Register) -> None:
        self.year, self.register = year, register
        self.advice.set_records(year, register.advice, register.files, register.activities)
        self.coordination.set_records(
            year, register.coordination, register.files, register.activities
        )
        if self._focus_add is not None:
            self._focus_add.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
            self._focus_add = None
        self.introductions_model.set_introductions(register.introductions)
        count = len(register.introductions)
        self.introductions_count.setText(
            f"{count} lượt giới thiệu đoàn viên ưu tú cho Đảng trong năm {year}."
            if count
            else f"Năm {year} chưa có đoàn viên nào được giới thiệu cho Đảng."
        )
        self.setTabText(0, f"Tham mưu cấp ủy ({len(register.advice)})")
        self.setTabText(1, f"Phối hợp ({len(register.coordination)})")
        self.setTabText(2, f"Giới thiệu đoàn viên ưu tú cho Đảng ({count})")
