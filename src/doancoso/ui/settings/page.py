"""The settings page ("Thiết lập"): the organisation's own fields, saved through the core."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...core.errors import AppError, ValidationError
from ...core.workspace import Workspace
from ..shell.prompts import Prompts
from ..shell.signals import ORGANIZATION, DataChanged
from .organization_form import OrganizationForm


class SettingsPage(QWidget):
    """Edits the organisation; emits ``organization`` on the data-changed signal after saving."""

    status_message = Signal(str)

    def __init__(
        self, ws: Workspace, data_changed: DataChanged, prompts: Prompts | None = None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._ws = ws
        self._data_changed = data_changed
        self.prompts = prompts or Prompts()
        layout = QVBoxLayout(self)
        title = QLabel("<b>Thông tin Đoàn cơ sở</b>")
        layout.addWidget(title)
        hint = QLabel(
            "Các thông tin này được in trên văn bản và hồ sơ gửi cấp trên. "
            "Mục có dấu <span style='color:#c62828'>*</span> là bắt buộc."
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.form = OrganizationForm()
        self.form.setMaximumWidth(760)
        layout.addWidget(self.form)
        row = QHBoxLayout()
        self.save_button = QPushButton("Lưu")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        self.saved_label = QLabel()
        row.addWidget(self.saved_label)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.load()
        data_changed.changed.connect(lambda what: self.load() if what == ORGANIZATION else None)

    def load(self) -> None:
        info = self._ws.organization.get()
        if info is not None:
            self.form.set_info(info)

    def save(self) -> None:
        self.saved_label.clear()
        try:
            self._ws.organization.update(self.form.info())
        except ValidationError as exc:
            self.form.show_errors(exc)
            return
        except AppError as exc:
            self.prompts.error(self, "Không lưu được", exc.message)
            return
        self.form.errors.clear()
        self.saved_label.setText("Đã lưu.")
        self._data_changed.notify(ORGANIZATION)
        self.status_message.emit("Đã lưu thông tin Đoàn cơ sở.")
