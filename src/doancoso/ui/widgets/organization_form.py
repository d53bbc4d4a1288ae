"""The organisation's fields, shared by the first-start setup dialog and the settings page."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from ...core.errors import ValidationError
from ...core.organization import OrganizationInfo
from .fields import FieldErrors

# (field, label, placeholder, required)
_FIELDS: tuple[tuple[str, str, str, bool], ...] = (
    ("name", "Tên Đoàn cơ sở", "Ví dụ: Đoàn xã Tân Hưng", True),
    ("commune", "Xã/phường", "Ví dụ: Tân Hưng", False),
    ("province", "Tỉnh/thành phố", "Ví dụ: Cà Mau", False),
    ("superior_name", "Cấp bộ Đoàn cấp trên trực tiếp", "Ví dụ: Tỉnh đoàn Cà Mau", True),
    ("superior_short", "Tên viết tắt của cấp trên", "Ví dụ: TĐ", False),
    ("secretary_name", "Họ tên Bí thư", "Ví dụ: Nguyễn Thị Như Quỳnh", False),
)


class OrganizationForm(QWidget):
    """Line edits for :class:`OrganizationInfo`, with messages next to invalid fields."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._id = ""
        self.editors: dict[str, QLineEdit] = {}
        self.errors = FieldErrors()
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for name, label, placeholder, required in _FIELDS:
            editor = QLineEdit()
            editor.setPlaceholderText(placeholder)
            editor.setMinimumWidth(320)
            self.editors[name] = editor
            self.errors.add_row(form, name, label, editor, required)

    def info(self) -> OrganizationInfo:
        """What is typed, as an :class:`OrganizationInfo` (validated by the core, not here)."""
        values = {name: editor.text() for name, editor in self.editors.items()}
        return OrganizationInfo(id=self._id, **values)

    def set_info(self, info: OrganizationInfo) -> None:
        self._id = info.id
        for name, editor in self.editors.items():
            editor.setText(getattr(info, name) or "")
        self.errors.clear()

    def show_errors(self, error: ValidationError) -> None:
        self.errors.show(error.field_errors)
