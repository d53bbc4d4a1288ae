"""Ctrl+Z right after confirming a deletion in the real question box, without a click: the
window gets its activation and focus back when the box closes, so the shortcut works at once
(it did nothing until the table was clicked, the window left inactive)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.prompts import Prompts
from doancoso.ui.shell.state import UiState


def _accept_the_question(answered: list[str]) -> None:
    """Click "Đồng ý" in the question box once it shows (whatever else shows is closed)."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            answered.append(box.text().split("\n")[0])
            yes = next(b for b in box.buttons() if b.text().replace("&", "") == "Đồng ý")
            yes.click()
        elif isinstance(box, QWidget):
            box.close()

    QTimer.singleShot(0, answer)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # real dialogs on the offscreen platform
@pytest.mark.parametrize("how", ["delete key", "delete button"])
def test_ctrl_z_right_after_confirming_a_deletion(
    qtbot: QtBot, demo_ws: Workspace, how: str
) -> None:
    window = MainWindow(Core(demo_ws, Prompts(), synchronous=True), UiState(demo_ws.data_dir))
    qtbot.addWidget(window)
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()
    roster = window.roster
    roster.table.setFocus()
    roster.select_row(0)
    name = roster.model.member_row(0).full_name
    before = demo_ws.members.count()
    answered: list[str] = []
    _accept_the_question(answered)
    if how == "delete key":
        qtbot.keyClick(roster.table, Qt.Key.Key_Delete)
    else:
        qtbot.mouseClick(roster.delete_button, Qt.MouseButton.LeftButton)
    assert answered == [f"Xóa đoàn viên {name}?"]
    assert demo_ws.members.count() == before - 1
    QApplication.processEvents()  # what follows the box's closing, as the event loop would

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # no click first
    # Ctrl let go, as a hand does: otherwise Qt keeps it held for the tests that follow (a
    # later setCurrentIndex in an extended-selection list would then toggle, not select).
    qtbot.keyRelease(window, Qt.Key.Key_Control)
    assert demo_ws.members.count() == before
    assert window.statusBar().currentMessage() == f"Đã hoàn tác: Xóa đoàn viên {name}."
    assert QGuiApplication.focusWindow() is window.windowHandle()
    assert QApplication.focusWidget() is roster.table  # the list, to go on with the keyboard
