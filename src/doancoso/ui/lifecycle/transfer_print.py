"""Printing the transfer letter (giấy giới thiệu sinh hoạt Đoàn) of a "Chuyển sinh hoạt đi"
event from the member's history: the print dialog every document shares (type code GGT, sent
to the receiving organisation, "Như trên"), the save dialog, then the PDF written on the worker
(:func:`~doancoso.reports.transfer_letter.print_transfer_letter`) and offered to open.

The letter is usually handed to the member as the transfer is recorded: :class:`TransferLetterOffer`
is a bar the roster shows right then ("In giấy giới thiệu…" or "Để sau"), its print button
focused, without a question that would stop her; it goes away once the letter is written,
on "Để sau" or Escape, and when the transfer it offers is gone (taken back by Ctrl+Z)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ...core.changes import Changes
from ...core.errors import AppError
from ...core.lang.filenames import offered_name
from ...core.lang.text import slug
from ...core.organization import OrganizationInfo
from ...core.workspace import Workspace
from ..common.document_dialog import DocumentKind, ask_document_details, remember_document
from ..common.folders import ask_save_path, open_file, open_or_say
from ..shell.operations import Core, QueryOp


def _receiving(_org: OrganizationInfo) -> tuple[str, ...]:
    return ("Như trên",)


TRANSFER_LETTER = DocumentKind("GGT", "In giấy giới thiệu sinh hoạt Đoàn (PDF)", _receiving)


class TransferLetterPrinter(QObject):
    """Prints the transfer letter of one event for the widget ``parent``."""

    def __init__(self, core: Core, parent: QWidget) -> None:
        super().__init__(parent)
        self._core = core
        self._parent = parent
        self.open_file: Callable[[Path], object] = open_file  # the PDF's viewer; tests replace it

    def ask_save_path(self, name: str) -> Path | None:
        """The PDF chosen in a save dialog (None when cancelled); tests replace this."""
        return ask_save_path(
            self._parent, "Lưu giấy giới thiệu sinh hoạt Đoàn", name, "Tệp PDF (*.pdf)", ".pdf"
        )

    def print_letter(
        self, member_id: str, event_id: str, full_name: str,
        then: Callable[[Path], None] | None = None,
    ) -> None:  # fmt: skip
        """Ask for the letter's details and file, then write it; ``then`` is told the file
        once it is (nothing when the secretary cancels, or the core refuses). The number
        recorded with the transfer, the letter's own, is offered before the next one."""
        recorded = next(
            (e.number for e in self._core.ws.events.history(member_id) if e.id == event_id), None
        )
        details = ask_document_details(self._core, TRANSFER_LETTER, self._parent, number=recorded)
        if details is None:
            return
        path = self.ask_save_path(
            offered_name(f"giay-gioi-thieu-{slug(full_name, 'doan-vien')}.pdf")
        )
        if path is None:
            return

        def job(ws: Workspace) -> Path:
            from ...reports.transfer_letter import print_transfer_letter  # reportlab: on use

            return print_transfer_letter(
                ws, member_id, event_id, path, number=details.number, place=details.place,
                issued_on=details.issued_on, recipients=details.recipients,
            )  # fmt: skip

        def done(written: Path) -> None:
            remember_document(self._core, TRANSFER_LETTER, details)
            if then is not None:
                then(written)
            if self._core.prompts.confirm(
                self._parent, "In giấy giới thiệu",
                f"Đã lưu giấy giới thiệu vào tệp:\n{written}\n\nMở tệp để xem và in?",
            ):  # fmt: skip
                open_or_say(self._parent, self._core.prompts, written, self.open_file)

        op = QueryOp(self._parent, job, self._core, label="Đang tạo tệp PDF…")
        op.success(done).failure(self._core.reporter(self._parent, "Không in được")).run()


class TransferLetterOffer(QFrame):
    """The offer to print the transfer letter of a transfer out just recorded (see the module
    docstring); hidden until :meth:`offer`."""

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self._offered: tuple[str, str, str] | None = None  # member id, event id, full name
        self.setObjectName("transferLetterOffer")
        self.setStyleSheet(
            "#transferLetterOffer { background: #e8f5e9; border: 1px solid #a5d6a7;"
            " border-radius: 3px; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.print_button = QPushButton("In giấy giới thiệu…")
        self.print_button.setAutoDefault(True)  # Enter prints, the button having the focus
        self.later_button = QPushButton("Để sau")
        self.later_button.setToolTip("Giấy giới thiệu vẫn in được ở thẻ “Quá trình” (Esc)")
        layout.addWidget(self.label, 1)
        layout.addWidget(self.print_button)
        layout.addWidget(self.later_button)
        self.printer = TransferLetterPrinter(core, self)
        self.print_button.clicked.connect(self.print_letter)
        self.later_button.clicked.connect(self.withdraw)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.withdraw)
        core.data_changed.changed.connect(self._data_changed)
        self.hide()

    def offer(self, member_id: str, event_id: str, full_name: str) -> None:
        """Offer the letter of the transfer ``event_id`` of ``full_name``, its button focused."""
        self._offered = (member_id, event_id, full_name)
        self.label.setText(
            f"Đã ghi chuyển sinh hoạt đi cho <b>{escape(full_name)}</b>. In giấy giới thiệu "
            "sinh hoạt Đoàn để trao cho đoàn viên?"
        )
        self.show()
        self.print_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def offered(self) -> tuple[str, str, str] | None:
        """The member id, event id and name of the transfer offered, None when hidden."""
        return self._offered

    def print_letter(self) -> None:
        if self._offered is not None:
            self.printer.print_letter(*self._offered, then=lambda _path: self.withdraw())

    def withdraw(self) -> None:
        self._offered = None
        self.hide()

    def _data_changed(self, changes: Changes) -> None:
        """The transfer taken back (Ctrl+Z, the history): nothing left to print."""
        if self._offered is None or not changes.touches("member_events"):
            return
        member_id, event_id, _name = self._offered
        try:
            events = self._core.ws.events.history(member_id)
        except AppError:  # the member deleted meanwhile
            events = []
        if not any(e.id == event_id and e.kind == "transfer_out" for e in events):
            self.withdraw()
