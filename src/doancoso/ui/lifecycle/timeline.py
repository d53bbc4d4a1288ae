"""A member's history ("Quá trình"): the events oldest first, record one, delete one (the button
or the Delete key). Keyed into (Tab, or Ctrl+Tab bringing the tab forward) with no row chosen,
its table chooses the latest event, on which Delete and "In giấy giới thiệu…" then act.

The status shown after each event is the one the core replayed (``EventInfo.status_after``).
The levels decided in the closed rating rounds are listed among the events, at the end of their
year ("Xếp loại năm 2025: Hoàn thành tốt nhiệm vụ", with the remark; "Không xếp loại" with the
reason for a round that did not rate the member); they are changed on the rating page (by
reopening the round), not deleted from here.
A member's history is short: its events sit in table items. Recording and deleting are
operations on the worker (:mod:`..shell.operations`), each undoable: the widget says so with
:attr:`TimelineWidget.written`, and whoever keeps the undo history (the roster page, through the
member form) puts it there, as "Ghi sự kiện…" of the roster is (:mod:`..shell.undo`).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import AppError
from ...core.lang.dates import format_vn_date, format_vn_month
from ...core.lang.text import fold
from ...core.lifecycle.rules import LEAVING_WORDS, allowed_kinds, held_position, is_read_only
from ...core.rating.rules import LEVELS
from ...core.roster.vocab import STATUSES
from ..common.list_page import ENTERING_REASONS, READ_ONLY_TIP, keyed_in_unchosen
from ..shell.operations import Core, CoreOp
from .coming_of_age import MEMBER
from .event_dialog import EventDialog
from .transfer_print import TransferLetterPrinter

if TYPE_CHECKING:
    from ...core.lifecycle.recorded import RecordedEvents
    from ...core.lifecycle.service import EventInfo

HEADERS = ("Ngày", "Sự kiện", "Số văn bản", "Chi tiết", "Trạng thái sau")
"""The number is a decision's or, for a transfer out, its letter's (giấy giới thiệu)."""
COL_DETAILS = 3
NOT_RATED = "Không xếp loại"
KEYED_IN = (*ENTERING_REASONS, Qt.FocusReason.OtherFocusReason)
"""How the keyboard comes into the table: as into a list (Tab, a key) or with its tab, which
Ctrl+Tab brings forward in the member form (Qt gives that no reason of its own)."""
RATING_TIP = (
    "Kết quả xếp loại của đợt đã kết thúc: sửa ở trang Xếp loại (mở lại đợt), không xóa ở đây."
)


def rating_cells(
    year: int, level: int | None, remark: str | None, reason: str | None = None
) -> tuple[str, ...]:
    """The row of a closed round in the history: its level, or "Không xếp loại" and why."""
    details = "\n".join(line for line in (reason, f"Nhận xét: {remark}" if remark else "") if line)
    decided = LEVELS[level] if level is not None else NOT_RATED
    return (f"Năm {year}", f"Xếp loại năm {year}: {decided}", "", details, "")


def describe(event: EventInfo, held: str = "") -> str:
    """The kind-specific details and the note of ``event``, one per line; ``held``: the
    position the member held until this event took them off the roster."""
    lines: list[str] = []
    if held:
        lines.append(f"Chức vụ trước khi {LEAVING_WORDS[event.kind]}: {held}")
    if event.place:
        lines.append(f"Nơi kết nạp: {event.place}")
    if event.introducer_name:
        lines.append(f"Người giới thiệu: {event.introducer_name}")
    if event.other_organization:
        way = "Chuyển đến từ" if event.kind == "transfer_in" else "Chuyển đi đến"
        lines.append(f"{way}: {event.other_organization}")
    if event.dues_paid_until:
        lines.append(f"Đã đóng đoàn phí đến tháng {format_vn_month(event.dues_paid_until)}")
    if event.remarks:
        lines.append(f"Nhận xét: {event.remarks}")
    if event.home_organization:
        lines.append(f"Tổ chức Đoàn gốc: {event.home_organization}")
    if event.period_start or event.period_end:
        start = format_vn_date(event.period_start) or "…"
        end = format_vn_date(event.period_end) or "…"
        lines.append(f"Thời gian: {start} – {end}")
    if event.discipline_label:
        lines.append(f"Hình thức: {event.discipline_label}")
    if event.note:
        lines.append(f"Ghi chú: {event.note}")
    return "\n".join(lines)


class TimelineWidget(QWidget):
    """The events of one member, with "Ghi sự kiện…" and "Xóa sự kiện"."""

    changed = Signal()
    """An event was recorded or deleted (the member's status may have changed)."""
    written = Signal(str, str, object)
    """Then, what the undo history calls that write, what the status bar says of it, and the
    :class:`~doancoso.core.lifecycle.recorded.RecordedEvents` its undo takes back."""

    def __init__(self, core: Core, member_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self._ws = core.ws
        self._prompts = core.prompts
        self.member_id = member_id
        self.events: list[EventInfo] = []
        self._row_events: list[EventInfo | None] = []  # None: a row of a rating
        self._build()
        self.reload()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)  # Tab goes on to "Ghi sự kiện…", as elsewhere
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(len(HEADERS)):
            mode = QHeaderView.ResizeMode.ResizeToContents
            if column == COL_DETAILS:
                mode = QHeaderView.ResizeMode.Stretch
            header.setSectionResizeMode(column, mode)
        # Wrapped details need the final column widths: measure the rows again once they
        # change, after the header's whole pass (a tab shown resizes every column in turn; rows
        # measured at the first signal kept the heights of the hidden table's narrow columns).
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._fit_rows.start())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.installEventFilter(self)  # keyed into, it chooses a row (see eventFilter)
        delete = QAction("Xóa sự kiện", self.table)  # the Delete key, as in the roster
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        self.table.addAction(delete)
        self._delete_action = delete
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel("Chưa có sự kiện nào được ghi nhận cho đoàn viên này.")
        self.empty_label.setStyleSheet("color: #616161;")
        layout.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        self.record_button = QPushButton("Ghi sự kiện…")
        self.delete_button = QPushButton("Xóa sự kiện")
        self.letter_button = QPushButton("In giấy giới thiệu…")
        self.letter_button.setAutoDefault(True)  # Enter prints, the button having the focus
        self.letter_button.setToolTip(
            "Giấy giới thiệu sinh hoạt Đoàn của sự kiện “Chuyển sinh hoạt đi” đang chọn"
        )
        self.record_button.clicked.connect(self.record_event)
        self.delete_button.clicked.connect(self.delete_selected)
        self.letter_button.clicked.connect(self.print_letter)
        self.printer = TransferLetterPrinter(self._core, self)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.letter_button)
        if self._ws.read_only is not None:  # a write-protected stick: say why, write nothing
            for button in (self.record_button, self.delete_button):
                button.setToolTip(READ_ONLY_TIP)
            self.record_button.setEnabled(False)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.table and keyed_in_unchosen(self.table, event, KEYED_IN):
            # Qt would mark a cell current but choose no row: Delete and "In giấy giới thiệu…"
            # did nothing. The latest event is the one acted on (a wrong one just recorded, the
            # transfer whose letter is due); a row already marked stays the one.
            self._choose_on_entry()
        return super().eventFilter(watched, event)

    def _choose_on_entry(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            self.select_row(current.row())
            return
        rows = [row for row, event in enumerate(self._row_events) if event is not None]
        if rows:
            self.select_row(rows[-1])

    # Reading ------------------------------------------------------------------------------

    def reload(self) -> None:
        self.events = self._ws.events.history(self.member_id)
        ratings = self._ws.rating.member_history(self.member_id)
        rows: list[tuple[EventInfo | None, tuple[str, ...]]] = []
        leaving, held = self._left_post()
        for event in self.events:
            while ratings and ratings[0][0] < event.event_date.year:  # a year's end comes first
                rows.append((None, rating_cells(*ratings.pop(0))))
            rows.append((event, (
                format_vn_date(event.event_date),
                event.kind_label,
                event.number or "",
                describe(event, held if event is leaving else ""),
                STATUSES.get(event.status_after, event.status_after),
            )))  # fmt: skip
        rows += [(None, rating_cells(*rating)) for rating in ratings]
        self._row_events = [event for event, _ in rows]
        self.table.setRowCount(len(rows))
        for row, (shown, cells) in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, shown.id if shown else None)
                if shown is None:
                    item.setToolTip(RATING_TIP)
                align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                item.setTextAlignment(align)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.empty_label.setVisible(not rows)
        self._update_buttons()

    def _left_post(self) -> tuple[EventInfo | None, str]:
        """The event that took the member off the roster and the position they held until then
        (the stored one, kept read-only since: lists show none, ``held_position``), or
        (None, "") while the member is on the roster or held no post."""
        fields = self._ws.members.get(self.member_id).fields
        position = fields.position or ""
        if held_position(position, fields.status) or fold(position) in ("", MEMBER):
            return None, ""
        for event in reversed(self.events):
            if event.kind in LEAVING_WORDS and is_read_only(event.status_after):
                return event, position
        return None, ""

    def rows(self) -> list[tuple[str, ...]]:
        """The table as text, row by row (what the user reads)."""
        columns = range(len(HEADERS))
        return [tuple(self._text(r, c) for c in columns) for r in range(self.table.rowCount())]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def selected_event(self) -> EventInfo | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self._row_events[min(rows)] if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _update_buttons(self) -> None:
        writable = self._ws.read_only is None
        selected = self.selected_event()
        self.delete_button.setEnabled(writable and selected is not None)
        self.letter_button.setEnabled(selected is not None and selected.kind == "transfer_out")
        self._delete_action.setEnabled(writable)

    # Writing ------------------------------------------------------------------------------

    def record_event(self) -> None:
        try:
            status = self._ws.members.get(self.member_id).fields.status
            dialog = EventDialog(self._core, self.member_id, allowed_kinds(status), parent=self)
        except AppError as exc:
            self._prompts.error(self, "Không mở được", exc.message)
            return
        self._prompts.run(dialog)
        recorded, label, message = dialog.recorded, dialog.undo_label(), dialog.done_message()
        kind = dialog.kind
        dialog.deleteLater()
        if recorded is not None:
            self.reload()
            if kind == "transfer_out":  # its letter is handed to the member right then
                self._offer_letter(recorded.event_ids[0])
            self.changed.emit()
            self.written.emit(label, message, recorded)

    def _offer_letter(self, event_id: str) -> None:
        """Select the transfer just recorded, "In giấy giới thiệu…" focused: Enter prints it."""
        rows = [r for r, e in enumerate(self._row_events) if e is not None and e.id == event_id]
        if rows:
            self.select_row(rows[0])
            self.letter_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def print_letter(self) -> None:
        """Print the transfer letter of the selected "Chuyển sinh hoạt đi" (reading only: also
        on a write-protected stick)."""
        event = self.selected_event()
        if event is None or event.kind != "transfer_out":
            return
        name = self._ws.members.get(self.member_id).fields.full_name
        self.printer.print_letter(self.member_id, event.id, name)

    def delete_selected(self) -> None:
        event = self.selected_event()
        if event is None:
            return
        text = (
            f"Xóa sự kiện “{event.kind_label}” ngày {format_vn_date(event.event_date)}?\n\n"
            "Trạng thái của đoàn viên sẽ được tính lại từ các sự kiện còn lại."
        )
        if not self._prompts.confirm(self, "Xóa sự kiện", text):
            return
        try:
            name = self._ws.members.get(self.member_id).fields.full_name
        except AppError as exc:  # the member deleted meanwhile (the command line)
            self._prompts.error(self, "Không xóa được sự kiện", exc.message)
            return
        event_id = event.id
        what = f"“{event.kind_label}” ngày {format_vn_date(event.event_date)}"
        op = CoreOp(self, lambda ws: ws.events.delete_undoable(event_id), self._core,
                    label="Đang xóa…")  # fmt: skip
        op.success(partial(self._deleted, what, name)).failure(self._not_deleted).run()

    def _deleted(self, what: str, name: str, recorded: RecordedEvents) -> None:
        self.reload()
        self.changed.emit()
        self.written.emit(
            f"Xóa {what} của đoàn viên {name}",
            f"Đã xóa {what} của {name} — bấm Hoàn tác (Ctrl+Z) để lấy lại.",
            recorded,
        )

    def _not_deleted(self, exc: BaseException) -> None:
        self._core.runner.show_error(exc, "Không xóa được sự kiện", self)
