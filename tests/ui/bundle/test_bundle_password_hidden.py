"""A password shown with "Hiện mật khẩu" must not stay on screen once "Không đặt mật khẩu" is
ticked: the fields, disabled, kept it in clear text for anyone looking at the screen. They are
emptied and hidden again; going back to a password asks for it anew."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from doancoso.ui.bundle.password import PasswordPanel

TYPED = "Hoa sen nở trên đầm 1990!"


def test_no_password_chosen_takes_the_shown_password_off_the_screen(qtbot: QtBot) -> None:
    panel = PasswordPanel()
    qtbot.addWidget(panel)
    panel.first.setText(TYPED)
    panel.second.setText(TYPED)
    panel.show_box.setChecked(True)
    assert panel.first.echoMode() == QLineEdit.EchoMode.Normal
    panel.unencrypted.setChecked(True)
    assert (panel.first.text(), panel.second.text()) == ("", "")
    assert not panel.show_box.isChecked()
    for edit in (panel.first, panel.second):
        assert edit.echoMode() == QLineEdit.EchoMode.Password and not edit.isEnabled()
    assert panel.problem() is None and panel.password() is None
    panel.unencrypted.setChecked(False)  # back to a password: typed again
    assert (panel.first.text(), panel.second.text()) == ("", "")
    assert panel.problem() == "Chưa nhập mật khẩu."
    assert panel.meter.format() == "" and panel.error.text() == ""
