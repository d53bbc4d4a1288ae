"""The print dialog every printed document shares: its number, place and date, recipients.

Shown before the save dialog by every action that writes a document of the union (the roster
and youth lists, the statistics, later the plan, the ratings and the dossier)::

    details = ask_document_details(core, ROSTER_LIST, parent)    # None: cancelled
    ... print_roster(ws, path, flt, number=details.number, place=details.place,
                     issued_on=details.issued_on, recipients=details.recipients)
    remember_document(core, ROSTER_LIST, details)                 # once the file is written

The dialog runs through the core's :class:`~doancoso.ui.shell.prompts.Prompts` (tests script
it). Defaults: the number after the last one used for this kind of document (numbers restart
at 01 in a new year), the organisation's place (its commune, else its province), today, and the
recipients used last time for this kind (at first: the superior body and "Lưu VP."; a chi
đoàn's minutes: the BCH of the Đoàn cơ sở and "Lưu.", its own copy, since it has no office).

What is remembered (per type code, e.g. "DS" for lists, "BC" for reports) is the core's
:class:`~doancoso.core.document_memory.DocumentMemory`, in the data folder, which the command
line's prints share: a number printed by ``doancoso members print-transfer`` is followed by the
next one here. What this dialog remembered before, in ``ui-state.ini``, is taken over once.

A date ahead of today is accepted: a document is often prepared before the day it is signed.
One more than a year ahead is refused as a typing mistake in the year.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.document_memory import DocumentMemory as CoreDocumentMemory
from ...core.documents import (
    KEEP_IN_OFFICE,
    DocumentDetails,
    clean_number,
    default_recipients,
    place_and_date,
    place_name,
    recipient_lines,
)
from ...core.lang.dates import DateFormatError, format_vn_date, parse_vn_date
from ..shell.operations import Core
from ..shell.state import STATE_FILE
from .date_popup import attach_date_popup
from .fields import FieldErrors, WrappedLabel, open_with_room

if TYPE_CHECKING:
    from ...core.organization import OrganizationInfo

HINT_STYLE = "color: #616161;"
NO_PLACE = "Cần nhập địa danh (tên xã/phường), ví dụ Tân Hưng."
NO_DATE = "Cần nhập ngày ban hành."
TOO_FAR = "Ngày ban hành quá xa (sau ngày {}): kiểm tra lại năm."
PLACE_NOT_SET = "Thiết lập chưa có xã/phường: nhập ở đó để lần sau khỏi gõ lại."
RECIPIENTS_HINT = (
    "Mỗi dòng một nơi nhận. Dòng cuối là “- {keep}” (tự thêm nếu thiếu); dấu “;” và “.” "
    "cuối dòng được đặt khi in."
)
"""The hint under the recipients, ``keep`` the kind's own last line (:attr:`DocumentKind.keep`)."""
RECIPIENT_ROWS = 4


@dataclass(frozen=True)
class DocumentKind:
    """A kind of printed document: its type code (numbers are remembered by it: "DS" danh
    sách, "BC" báo cáo, "KH" kế hoạch...), the dialog's title, and its recipients before any
    were typed (those of a document sent up, unless the kind has its own: a decision's)."""

    code: str
    title: str
    recipients: Callable[[OrganizationInfo], tuple[str, ...]] = default_recipients
    memory: str = ""
    """The key its last number and recipients are remembered by, when not ``code``: a chi
    đoàn's minutes and the Đoàn cơ sở's share "BB" but not their recipients."""
    keep: str = KEEP_IN_OFFICE
    """The issuer's copy, the last recipient (added when missing): the Đoàn cơ sở's "Lưu VP.",
    a chi đoàn's "Lưu." (:data:`~doancoso.core.documents.KEEP`), as the report prints it."""

    @property
    def memory_key(self) -> str:
        return self.memory or self.code


class DocumentMemory(CoreDocumentMemory):
    """The core's memory of numbers and recipients (:mod:`doancoso.core.document_memory`),
    seeded once from what this dialog remembered in ``ui-state.ini`` before the core kept it."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(data_dir)
        if not self.exists():
            self.seed(_remembered_in_ui_state(data_dir))


def _remembered_in_ui_state(data_dir: Path) -> dict[str, dict[str, str]]:
    """The numbers, years and recipients older versions kept under ``documents/`` of
    ``ui-state.ini`` (:class:`~doancoso.ui.shell.state.UiState`), by type code."""
    path = data_dir / STATE_FILE
    if not path.is_file():
        return {}
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.beginGroup("documents")
    found = {
        code: {name: str(settings.value(f"{code}/{name}", "") or "") for name in _REMEMBERED}
        for code in settings.childGroups()
    }
    settings.endGroup()
    return {code: {k: v for k, v in values.items() if v} for code, values in found.items()}


_REMEMBERED = ("number", "year", "recipients")


class DocumentDialog(QDialog):
    """Number, place, date and recipients of one document; ``details`` once accepted."""

    def __init__(
        self, core: Core, kind: DocumentKind, today: date | None = None,
        parent: QWidget | None = None, number: str | None = None, *, recipients: bool = True,
    ) -> None:  # fmt: skip
        """``number``: the document's own number, known already (a transfer letter's, recorded
        with the transfer), offered instead of the next one; ``recipients=False``: a document
        without "Nơi nhận" (a biên bản bàn giao), neither asked nor said."""
        super().__init__(parent)
        self.kind = kind
        self.today = today or date.today()
        self.details: DocumentDetails | None = None
        org = core.ws.organization.get()
        memory = DocumentMemory(core.ws.data_dir)
        self.setWindowTitle(kind.title)
        layout = QVBoxLayout(self)
        printed = (
            "Số, địa danh, ngày tháng và nơi nhận" if recipients else "Số, địa danh và ngày tháng"
        )
        intro = WrappedLabel(
            f"{printed} được in trên văn bản. Bấm “Chọn nơi lưu…” để chọn tệp PDF."
        )
        layout.addWidget(intro)
        form = QFormLayout()
        self.errors = FieldErrors()

        self.number_edit = QLineEdit(
            number or memory.suggested_number(kind.memory_key, self.today.year)
        )
        self.number_edit.setPlaceholderText(
            f"Ví dụ: 01-{kind.code}/ĐTN; để trống để ghi số bằng tay"
        )
        self.errors.add_row(form, "number", "&Số văn bản", self.number_edit)
        last = memory.last_number(kind.memory_key)
        self.last_hint = WrappedLabel(f"Số đã dùng lần trước: {last}" if last else "")
        self._add_hint(self.number_edit, self.last_hint)

        place = place_name(org) if org is not None else ""
        self.place_edit = QLineEdit(place)
        self.place_edit.setPlaceholderText("Ví dụ: Tân Hưng")
        self.errors.add_row(form, "place", "Địa &danh", self.place_edit, True, self._place_error)
        if not place:
            self._add_hint(self.place_edit, WrappedLabel(PLACE_NOT_SET))

        self.date_edit = QLineEdit(format_vn_date(self.today))
        self.date_edit.setPlaceholderText("dd/mm/yyyy")
        self.date_edit.setMaximumWidth(160)
        attach_date_popup(self.date_edit)
        self.errors.add_row(form, "date", "Ngày &ban hành", self.date_edit, True, self._date_error)
        self.preview = WrappedLabel()
        self.preview.setStyleSheet("font-style: italic;")
        self.preview.setAccessibleName("Dòng địa danh, ngày tháng in trên văn bản")
        self._add_hint(self.date_edit, self.preview)

        self.recipients_edit = QPlainTextEdit()
        self.recipients_edit.setTabChangesFocus(True)
        remembered = memory.recipients(kind.memory_key)
        if not remembered and org is not None:
            remembered = kind.recipients(org)
        self.recipients_edit.setPlainText("\n".join(_dashed(line) for line in remembered))
        line_height = self.recipients_edit.fontMetrics().lineSpacing()
        self.recipients_edit.setFixedHeight(line_height * RECIPIENT_ROWS + 12)
        self.errors.add_row(form, "recipients", "Nơi &nhận", self.recipients_edit)
        self.recipients_hint = WrappedLabel(RECIPIENTS_HINT.format(keep=kind.keep))
        self._add_hint(self.recipients_edit, self.recipients_hint)
        box = self.recipients_edit.parentWidget()
        if not recipients and box is not None:  # hidden, not removed: what it remembers stays
            form.setRowVisible(box, False)
        layout.addLayout(form)
        layout.addStretch(1)  # the room of the messages, the buttons staying in place

        buttons = QDialogButtonBox()
        self.accept_button = buttons.addButton(
            "&Chọn nơi lưu…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton("&Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.accept_button.setDefault(True)
        self.place_edit.textChanged.connect(self._update_preview)
        self.date_edit.textChanged.connect(self._update_preview)
        self._update_preview()
        self.setMinimumWidth(520)
        open_with_room(self, 2, 520)  # the place's and the date's messages

    def show_issued(self, number: str, issued_on: date, hint: str) -> None:
        """Offer the number and date a document was issued with (printed again as it was)."""
        self.number_edit.setText(number)
        self.date_edit.setText(format_vn_date(issued_on))
        self.last_hint.setText(hint)
        self.last_hint.setVisible(True)

    @staticmethod
    def _add_hint(editor: QWidget, hint: WrappedLabel) -> None:
        """A grey line under ``editor``, above its error message."""
        hint.setStyleSheet(hint.styleSheet() or HINT_STYLE)
        hint.setVisible(bool(hint.text()))
        box = editor.parentWidget()
        box_layout = box.layout() if box is not None else None
        if isinstance(box_layout, QVBoxLayout):
            box_layout.insertWidget(box_layout.indexOf(editor) + 1, hint)

    # Checks -------------------------------------------------------------------------------

    def _place_error(self) -> str:
        return "" if self.place_edit.text().strip() else NO_PLACE

    def _parsed_date(self) -> tuple[date | None, str]:
        text = self.date_edit.text().strip()
        if not text:
            return None, NO_DATE
        try:
            day, _precision = parse_vn_date(text)
        except DateFormatError as exc:
            return None, str(exc)
        latest = self.today + timedelta(days=366)
        if day > latest:
            return None, TOO_FAR.format(format_vn_date(latest))
        return day, ""

    def _date_error(self) -> str:
        return self._parsed_date()[1]

    def _update_preview(self) -> None:
        day, _error = self._parsed_date()
        text = place_and_date(self.place_edit.text().strip(), day) if day else ""
        self.preview.setText(f"In là: {text}" if text else "")
        self.preview.setVisible(bool(text))

    # Result -------------------------------------------------------------------------------

    def submit(self) -> None:
        """Accept with :attr:`details`, or show what is wrong under each field."""
        if self.errors.check() is not None:
            return
        day, _error = self._parsed_date()
        assert day is not None  # checked above
        self.details = DocumentDetails(
            number=clean_number(self.number_edit.text()),
            place=self.place_edit.text().strip(),
            issued_on=day,
            recipients=recipient_lines(self.recipients_edit.toPlainText()),
        )
        self.accept()


def _dashed(line: str) -> str:
    return line if line.startswith("-") else f"- {line}"


def ask_document_details(
    core: Core, kind: DocumentKind, parent: QWidget | None, today: date | None = None,
    number: str | None = None,
) -> DocumentDetails | None:  # fmt: skip
    """Run the print dialog (``number``: the document's own, offered, see
    :class:`DocumentDialog`); the details chosen, or None when cancelled."""
    dialog = DocumentDialog(core, kind, today, parent, number)
    core.prompts.run(dialog)
    details = dialog.details if dialog.result() == QDialog.DialogCode.Accepted else None
    dialog.deleteLater()
    return details


def remember_document(core: Core, kind: DocumentKind, details: DocumentDetails) -> None:
    """Remember the number and recipients of a document just written (see the module doc)."""
    DocumentMemory(core.ws.data_dir).remember(kind.memory_key, details)
