"""Bí thư mới: after a handover taken into a fresh installation, the new secretary's name.

The handover makes the predecessor's organisation this installation's own, with the
predecessor still named as Bí thư (``organizations.secretary_name``), which every document and
the next biên bản bàn giao are signed with. This small dialog asks the new secretary's name
(empty: the handover's bundle does not carry the receiver's name, which the biên bản is filled
in with only after the export); "Để sau" leaves it for the settings page.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.lang.text import name_case, nfc
from ...core.organization import OrganizationInfo

LATER = "Để &sau"
WIDTH = 520
"""The dialog's least width: its introduction in a few lines, a full name whole in its field
(as narrow as its buttons, the field cut its own example)."""


class SecretaryDialog(QDialog):
    """Ask the new Bí thư's name; :attr:`name` is the name as documents write it, or None."""

    def __init__(self, org_name: str, previous: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Bí thư mới")
        layout = QVBoxLayout(self)
        said = f" (trước đây: {nfc(previous)})" if previous and previous.strip() else ""
        intro = self.intro = QLabel(
            f"Dữ liệu của “{nfc(org_name)}” đã được nhận vào máy này. Nhập họ và tên Bí thư mới"
            f"{said} để ký các văn bản và biên bản bàn giao sau này; có thể sửa lại trong "
            "“Thiết lập”."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Ví dụ: Trần Văn Đức")
        form.addRow("&Họ và tên Bí thư:", self.name_edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("&Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        self.later_button = buttons.addButton(LATER, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.name: str | None = None
        self.setMinimumWidth(WIDTH)

    def _accept(self) -> None:
        typed = " ".join(nfc(self.name_edit.text()).split())
        if not typed:
            self.reject()  # nothing typed: as "Để sau"
            return
        self.name = name_case(typed)
        self.accept()


def with_secretary(info: OrganizationInfo, name: str) -> OrganizationInfo:
    return replace(info, secretary_name=name)
