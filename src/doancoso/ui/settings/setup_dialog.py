"""First start: ask for the organisation's settings before anything else can be done, or take
them with all the data from a handover bundle ("Nhận bàn giao từ USB", issue #17).

Leaving it (Escape, "Thoát", closing the window) ends the app: once something is typed, it asks
first (:data:`LEAVE_QUESTION`, "Ở lại" the default), so that a stray Escape loses nothing.

The dialog opens with room for the messages under its fields (``open_with_room``): they appear
and go without the dialog growing, its buttons moving or gaps opening between its rows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import AppError, ValidationError
from ...core.organization import OrganizationInfo, OrganizationService
from ..common.fields import WrappedLabel, open_with_room
from ..shell.prompts import Prompts
from .organization_form import REQUIRED_NOTE, OrganizationForm

MESSAGES = 4
"""Lines of messages the form shows at most (see ``open_with_room``): the name's, the superior's
and the place's (two lines)."""


LEAVE_QUESTION = "Thông tin Đoàn cơ sở vừa nhập chưa được lưu. Thoát ứng dụng mà không lưu?"


HANDOVER_NOTE = (
    "Nếu nhận lại công việc từ Bí thư trước và đã có tệp bàn giao (.dcs) trên USB, hãy bấm "
    "“Nhận bàn giao từ USB…” thay vì nhập thông tin."
)


BACKUP_NOTE = (
    "Nếu chuyển sang máy mới và có bản sao lưu của máy cũ (“Sao lưu ra USB…”), hãy bấm "
    "“Khôi phục bản sao lưu…”."
)


def welcome_text(handover: bool, backup: bool = False) -> str:
    """The dialog's introduction; ``handover``: it offers "Nhận bàn giao từ USB…"; ``backup``:
    it offers "Khôi phục bản sao lưu…"."""
    text = (
        "<b>Chào mừng!</b> Trước khi bắt đầu, hãy nhập thông tin Đoàn cơ sở của mình. "
        f"{REQUIRED_NOTE} Có thể sửa lại sau trong mục Thiết lập."
    )
    notes = [
        note for note, offered in ((HANDOVER_NOTE, handover), (BACKUP_NOTE, backup)) if offered
    ]
    return "<br>".join([text, *notes])


class SetupDialog(QDialog):
    """Creates the organisation; stays open until the input is valid. Cancel creates nothing."""

    def __init__(
        self, organization: OrganizationService, prompts: Prompts | None = None,
        parent: QWidget | None = None, *,
        receive_handover: Callable[[QWidget], bool] | None = None,
        restore_backup: Callable[[QWidget], OrganizationInfo | None] | None = None,
    ) -> None:  # fmt: skip
        """``receive_handover(parent)`` runs the import wizard into this empty folder and says
        whether the organisation now exists; ``restore_backup(parent)`` restores a backup (the
        backups dialog) and returns the organisation it brought, if any; without them the
        dialog offers no such button."""
        super().__init__(parent)
        self._organization = organization
        self._prompts = prompts or Prompts()
        self.created: OrganizationInfo | None = None
        self.setWindowTitle("Thiết lập Đoàn cơ sở")
        layout = QVBoxLayout(self)
        intro = WrappedLabel(welcome_text(receive_handover is not None, restore_backup is not None))
        self.intro = intro
        layout.addWidget(intro)
        self.form = OrganizationForm()
        layout.addWidget(self.form)
        layout.addStretch(1)  # the room kept for the messages (open_with_room), above the buttons
        buttons = QDialogButtonBox()
        # Letters the form's fields leave free (B is "Họ tên &Bí thư", O and H theirs too).
        self.save_button = buttons.addButton("Bắt đầ&u", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton("&Thoát", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self._receive_handover = receive_handover
        self._restore_backup = restore_backup
        self.handover_button: QPushButton | None = None
        self.restore_button: QPushButton | None = None
        row = QHBoxLayout()
        if receive_handover is not None:
            # A successor's new machine: take everything from the predecessor's bundle (#17).
            self.handover_button = QPushButton("&Nhận bàn giao từ USB…")
            self.handover_button.setToolTip(
                "Máy mới của Bí thư kế nhiệm: nhận toàn bộ dữ liệu từ tệp bàn giao (.dcs) do "
                "người tiền nhiệm xuất ra USB, thay vì nhập lại từ đầu."
            )
            self.handover_button.clicked.connect(self.receive_handover)
            row.addWidget(self.handover_button)
        if restore_backup is not None:
            # A new PC after the old one failed: the backup saved onto a stick.
            self.restore_button = QPushButton("&Khôi phục bản sao lưu…")
            self.restore_button.setToolTip(
                "Máy cũ hỏng và đã có bản sao lưu (.sqlite) trên USB (“Sao lưu ra USB…”): khôi "
                "phục toàn bộ dữ liệu từ bản sao lưu đó, thay vì nhập lại từ đầu."
            )
            self.restore_button.clicked.connect(self.restore_backup)
            row.addWidget(self.restore_button)
        row.addWidget(buttons, 1)
        layout.addLayout(row)
        # "Bắt đầu" is the default (Enter in a field); the buttons beside it keep Qt's
        # autoDefault, so that Enter on one of them tabbed to presses it, not "Bắt đầu" (which
        # created the organisation typed instead of taking the handover).
        self.save_button.setDefault(True)  # once in the dialog, or lost with the focus
        self.setMinimumWidth(560)
        open_with_room(self, MESSAGES, 560)  # where it is placed; again once shown
        self._sized = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """Sized with room for the messages once shown: only then has the introduction its
        width, and so its height (a line more than it seemed before)."""
        if not self._sized:
            self._sized = True
            open_with_room(self, MESSAGES, 560)
        super().showEvent(event)

    def reject(self) -> None:
        """Leave (the app ends), after asking when something was typed."""
        if self.form.is_modified() and not self._prompts.confirm(
            self, self.windowTitle(), LEAVE_QUESTION, yes="Thoát", no="Ở lại"
        ):
            return
        super().reject()

    def receive_handover(self) -> None:
        """Run the import wizard; once it made the organisation, the setup is done."""
        if self._receive_handover is not None and self._receive_handover(self):
            self.created = self._organization.get()
            self.accept()

    def restore_backup(self) -> None:
        """Run the backups dialog; once a restore made the organisation, the setup is done."""
        restored = self._restore_backup(self) if self._restore_backup is not None else None
        if restored is not None:
            self.created = restored
            self.accept()

    def submit(self) -> None:
        """Create the organisation from the form, or show what is wrong next to each field."""
        info = self.form.checked_info()
        if info is None:
            return
        try:
            self.created = self._organization.create(info)
        except ValidationError as exc:
            self.form.show_errors(exc)
            return
        except AppError as exc:
            self._prompts.error(self, "Không lưu được", exc.message)
            return
        self.accept()
