"""The bundle's password: asked twice, its strength shown, or an explicit choice of no password.

A bundle holds members' personal data (Decree 13/2023/NĐ-CP), so it is encrypted by default.
The panel says plainly that a forgotten password cannot be recovered: the key is derived from
it and kept nowhere. Writing a bundle without a password needs the checkbox, which shows a
warning about personal data on a stick that can be lost. :attr:`PasswordPanel.changed` fires on
every edit; :meth:`PasswordPanel.problem` says (in Vietnamese) why the choice cannot be used
yet, or None; :meth:`PasswordPanel.password` is the password (None: no encryption). Choosing
no password empties the fields: a password must not stay on screen, even disabled.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ...core.bundle.strength import LEVEL_NAMES, MIN_LENGTH, estimate
from ...core.lang.text import nfc

NOT_RECOVERABLE = (
    "Mật khẩu không thể khôi phục nếu quên: chương trình không lưu mật khẩu ở đâu cả, và không "
    "ai (kể cả người làm ra chương trình) mở được tệp khi không có nó. Hãy ghi mật khẩu ra giấy, "
    "cất riêng với USB, và báo cho người nhận bằng cách khác (gặp trực tiếp, gọi điện)."
)
UNENCRYPTED_LABEL = "&Không đặt mật khẩu (tệp không được mã hóa)"
UNENCRYPTED_WARNING = (
    "Cảnh báo: tệp có thông tin cá nhân của đoàn viên, thanh niên (họ tên, ngày sinh, CCCD, "
    "địa chỉ…). Theo Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân, dữ liệu này phải "
    "được bảo vệ; USB không mã hóa bị mất hoặc cho mượn thì ai cũng đọc được. Chỉ chọn khi "
    "thật cần thiết."
)
MISMATCH = "Hai lần nhập mật khẩu không giống nhau."
NOTICE_STYLE = "background: #fff8e1; border: 1px solid #ffe082; padding: 6px;"
WARNING_STYLE = "background: #ffebee; border: 1px solid #ef9a9a; padding: 6px; color: #b71c1c;"
ERROR_STYLE = "color: #b71c1c;"
LEVEL_COLOURS = ("#c62828", "#ef6c00", "#f9a825", "#7cb342", "#2e7d32")


class PasswordEdit(QLineEdit):
    """A password typed hidden: the one field of both bundle wizards."""

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaximumWidth(360)
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setPlaceholderText(placeholder)


class ShowPassword(QCheckBox):
    """ "Hiện mật khẩu" (Alt+H): shows the password of ``edits`` as typed, to check it."""

    def __init__(self, *edits: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__("&Hiện mật khẩu", parent)
        self._edits = edits
        self.toggled.connect(self._show_text)

    def _show_text(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for edit in self._edits:
            edit.setEchoMode(mode)


class PasswordPanel(QWidget):
    """Password twice, strength bar, the notice and the unencrypted choice (module docstring)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        notice = QLabel(NOT_RECOVERABLE)
        notice.setWordWrap(True)
        notice.setStyleSheet(NOTICE_STYLE)
        layout.addWidget(notice)
        form = QFormLayout()
        self.first = PasswordEdit(f"Ít nhất {MIN_LENGTH} ký tự")
        self.second = PasswordEdit()
        self.first.returnPressed.connect(self.second.setFocus)
        self.show_box = ShowPassword(self.first, self.second)
        form.addRow("&Mật khẩu:", self.first)
        form.addRow("Nhập &lại mật khẩu:", self.second)
        form.addRow("", self.show_box)
        self.meter = QProgressBar()
        self.meter.setRange(0, len(LEVEL_NAMES))
        self.meter.setTextVisible(True)
        self.meter.setMaximumWidth(360)
        self.meter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        form.addRow(QLabel("Độ mạnh:"), self.meter)  # no buddy: nothing to type there
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        form.addRow("", self.hint)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.unencrypted = QCheckBox(UNENCRYPTED_LABEL)
        self.unencrypted.toggled.connect(self._forget_typed)
        self.unencrypted.toggled.connect(self._refresh)
        layout.addWidget(self.unencrypted)
        self.warning = QLabel(UNENCRYPTED_WARNING)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        layout.addWidget(self.warning)
        layout.addStretch(1)
        self.first.textChanged.connect(self._refresh)
        self.second.textChanged.connect(self._refresh)
        self._refresh()

    def _forget_typed(self, plain: bool) -> None:
        """No password chosen: the one typed (maybe shown by "Hiện mật khẩu") is taken off the
        screen, not left readable in the disabled fields; going back to a password asks for it
        again, hidden."""
        if plain:
            self.show_box.setChecked(False)
            self.first.clear()
            self.second.clear()

    def _refresh(self) -> None:
        plain = self.unencrypted.isChecked()
        for widget in (self.first, self.second, self.show_box, self.meter, self.hint):
            widget.setEnabled(not plain)
        self.warning.setVisible(plain)
        strength = estimate(nfc(self.first.text()))
        typed = bool(self.first.text())
        self.meter.setValue(strength.level + 1 if typed else 0)
        self.meter.setFormat(strength.name if typed else "")
        colour = LEVEL_COLOURS[strength.level]
        self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        self.hint.setText(strength.hint if typed else "")
        # A mismatch is said once the second field is as long as the first, a weak password or
        # not (the strength's hint shows beside it: both are to fix before "Tiếp").
        first, second = nfc(self.first.text()), nfc(self.second.text())
        shown = not plain and first != second and len(second) >= len(first)
        self.error.setText(MISMATCH if shown else "")
        self.changed.emit()

    def problem(self) -> str | None:
        """Why the choice cannot be used yet, or None."""
        if self.unencrypted.isChecked():
            return None
        first = nfc(self.first.text())
        strength = estimate(first)
        if not strength.acceptable:
            return strength.hint
        if first != nfc(self.second.text()):
            return MISMATCH
        return None

    def password(self) -> str | None:
        """The password in NFC (so that the same letters typed on another keyboard match), or
        None for an unencrypted bundle; only meaningful when :meth:`problem` is None."""
        return None if self.unencrypted.isChecked() else nfc(self.first.text())
