"""A button made from an action follows it: enabled, visible, text and tooltip."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from doancoso.ui.common.action_button import action_button


def test_button_follows_its_action(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    action = QAction("Nhập Excel…", parent)
    action.setToolTip("Nhập đoàn viên từ tệp Excel/CSV")
    fired: list[bool] = []
    action.triggered.connect(lambda: fired.append(True))
    button = action_button(action)
    assert not button.isVisible()  # not opened as a window of its own before its layout
    button.setParent(parent)
    parent.show()
    assert button.text() == "Nhập Excel…" and button.isEnabled() and button.isVisible()
    assert button.toolTip() == "Nhập đoàn viên từ tệp Excel/CSV"

    action.setEnabled(False)
    assert not button.isEnabled()
    button.click()
    assert fired == []
    action.setEnabled(True)
    assert button.isEnabled()
    button.click()
    assert fired == [True]

    action.setToolTip("Dữ liệu chỉ đọc: không lưu được thay đổi nào.")
    action.setText("Nhập tệp…")
    assert button.toolTip() == "Dữ liệu chỉ đọc: không lưu được thay đổi nào."
    assert button.text() == "Nhập tệp…"
    action.setVisible(False)
    assert not button.isVisible()
    action.setVisible(True)
    assert button.isVisible()
