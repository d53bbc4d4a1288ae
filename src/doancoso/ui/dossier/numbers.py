"""The numbers of the dossier's documents ("Số văn bản…" on the Hồ sơ page).

One field for each chosen part whose document prints a number line
(:data:`~doancoso.core.dossier.numbers.NUMBERED`; the tờ trình has its own field on the page).
A field left empty prints a blank number line to fill in by hand. Numbers are cleaned as the
print dialogs clean them (:func:`~doancoso.core.documents.clean_number`: "Số: 12-BC/ĐTN" is
"12-BC/ĐTN"), and a number given to two documents of the dossier is refused.

Suggestions come from the memory the print dialogs use
(:class:`~doancoso.ui.common.document_dialog.DocumentMemory`): the number after the last one
printed with the type's code, then the one after it for the next document of that type. They are
only offered ("Điền số gợi ý"), never filled in unasked: a number must come from the office's
register, and a guessed one printed on the dossier is worse than a blank line.

The numbers of a year are kept beside the tờ trình's by the core's memory of document numbers
(:meth:`~doancoso.core.document_memory.DocumentMemory.keep_dossier_numbers`), so they are
offered again after a restart and ``doancoso dossier`` prints them too; those older versions
kept in the data folder's UI state (:func:`numbers_key`) are taken over.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from functools import partial

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.documents import clean_number, next_number
from ...core.dossier.numbers import NUMBERED, clean_numbers, duplicates, numbered_parts
from ..common.document_dialog import DocumentMemory
from ..common.fields import FieldErrors, WrappedLabel
from ..common.mnemonics import lettered_names
from ..shell.operations import Core
from ..shell.state import UiState

TITLE = "Số văn bản của hồ sơ"
INTRO = (
    "Số của từng văn bản trong hồ sơ, theo sổ văn bản đi. Để trống: văn bản in dòng "
    "“Số:      -BC/ĐTN” để ghi tay sau khi in. Số tờ trình nhập ở ô “Số tờ trình” trên trang."
)
NOTHING_TO_NUMBER = "Các phần đã chọn không có văn bản nào cần nhập số ở đây."
SUGGEST = "Điền số &gợi ý"
BUTTON_LETTERS = "GLH"
"""The Alt letters of the dialog's buttons: "Điền số &gợi ý", "&Lưu", "&Hủy"."""
SUGGEST_TIP = "Điền vào các ô còn trống số kế tiếp số đã dùng lần trước (xem lại trước khi lưu)"


LABELS = lettered_names({part: document.name for part, document in NUMBERED.items()},
                        BUTTON_LETTERS)  # fmt: skip
"""Each document's label, with a letter of its own whatever parts are chosen: "&Bảng tự đánh
giá", "Báo &cáo tự đánh giá"…"""


def numbers_key(year: int, part: str) -> str:
    """Where older versions kept the number of ``part``'s document of ``year``: the data
    folder's UI state (taken over by the core's memory, :func:`stored_numbers`)."""
    return f"dossier/{year}/numbers/{part}"


def stored_numbers(memory: DocumentMemory, state: UiState, year: int) -> dict[str, str]:
    """The numbers kept for the documents of ``year``'s dossier (part → number): the core's,
    and for a part never given one there, the one older versions kept in the UI state, taken
    over into the core's memory."""
    old = {
        part: state.text(numbers_key(year, part))
        for part in NUMBERED
        if not memory.knows_dossier_number(year, part)
    }
    taken = clean_numbers(old)
    if taken:
        memory.keep_dossier_numbers(year, taken)
    return clean_numbers({**memory.dossier_numbers(year), **taken})


def store_numbers(memory: DocumentMemory, year: int, numbers: Mapping[str, str]) -> None:
    """Keep ``numbers`` for ``year`` (a part left out is cleared: printed blank)."""
    cleaned = clean_numbers(numbers)
    memory.keep_dossier_numbers(year, {part: cleaned.get(part, "") for part in NUMBERED})


def suggestions(memory: DocumentMemory, parts: Sequence[str], year: int) -> dict[str, str]:
    """A number for each of ``parts``: the memory's next one for its code, then the following
    ones for the next documents of the same code; none for a code never printed."""
    following: dict[str, str] = {}
    found: dict[str, str] = {}
    for part in parts:
        code = NUMBERED[part].code
        number = following[code] if code in following else memory.suggested_number(code, year)
        if number:
            found[part] = number
            following[code] = next_number(number)
    return found


class NumbersDialog(QDialog):
    """A field for the number of each numbered part of ``parts``; ``numbers`` once accepted
    (part → number, the empty ones left out)."""

    def __init__(self, core: Core, parts: Sequence[str], numbers: Mapping[str, str],
                 ttr_number: str | None, today: date,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.parts = numbered_parts(parts)
        self.ttr_number = ttr_number
        self.numbers: dict[str, str] | None = None
        self.suggested = suggestions(DocumentMemory(core.ws.data_dir), self.parts, today.year)
        layout = QVBoxLayout(self)
        layout.addWidget(WrappedLabel(INTRO if self.parts else NOTHING_TO_NUMBER))
        form = QFormLayout()
        self.errors = FieldErrors()
        self.edits: dict[str, QLineEdit] = {}
        for part in self.parts:
            document = NUMBERED[part]
            edit = QLineEdit(numbers.get(part, ""))
            hint = self.suggested.get(part) or f"01-{document.code}/ĐTN"
            edit.setPlaceholderText(f"ví dụ {hint}; để trống: ghi tay")
            edit.setAccessibleName(f"Số {document.name}")
            self.edits[part] = edit
            self.errors.add_row(form, part, LABELS[part], edit,
                                check=partial(self._error, part))  # fmt: skip
            edit.textChanged.connect(self._recheck_all)
        layout.addLayout(form)
        layout.addStretch(1)
        buttons = QDialogButtonBox()
        self.suggest_button = QPushButton(SUGGEST)
        self.suggest_button.setToolTip(SUGGEST_TIP)
        self.suggest_button.setEnabled(bool(self.suggested))
        self.suggest_button.clicked.connect(self.fill_suggestions)
        buttons.addButton(self.suggest_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.accept_button = buttons.addButton("&Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton("&Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        self.accept_button.setDefault(True)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def typed(self) -> dict[str, str]:
        """The numbers as typed, cleaned (part → number, the empty ones left out)."""
        return clean_numbers({part: edit.text() for part, edit in self.edits.items()})

    def _error(self, part: str) -> str:
        return duplicates(self.typed(), self.ttr_number).get(part, "")

    def _recheck_all(self) -> None:
        for part in self.edits:  # a duplicate mended in one field clears the other's message
            self.errors.recheck(part)

    def fill_suggestions(self) -> None:
        """Fill the empty fields with the suggested numbers."""
        for part, number in self.suggested.items():
            edit = self.edits[part]
            if not clean_number(edit.text()):
                edit.setText(number)

    def submit(self) -> None:
        """Accept with :attr:`numbers`, or show what is wrong under each field."""
        if self.errors.check() is not None:
            return
        self.numbers = self.typed()
        self.accept()


def ask_numbers(core: Core, parts: Sequence[str], numbers: Mapping[str, str],
                ttr_number: str | None, today: date,
                parent: QWidget | None) -> dict[str, str] | None:  # fmt: skip
    """Run the dialog; the numbers chosen, or None when cancelled."""
    dialog = NumbersDialog(core, parts, numbers, ttr_number, today, parent)
    core.prompts.run(dialog)
    chosen = dialog.numbers if dialog.result() == QDialog.DialogCode.Accepted else None
    dialog.deleteLater()
    return chosen
