"""A long organisation name is shown from its start, where it can be checked, not scrolled to
its end: loaded into "Thiết lập", and pasted into the first start's field once the secretary
goes on to the next field."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.settings.page import SettingsPage
from doancoso.ui.settings.setup_dialog import SetupDialog
from scripted import ScriptedPrompts, synchronous_core

LONG_NAME = (
    "Đoàn TNCS Hồ Chí Minh Trường Trung học phổ thông chuyên Lê Quý Đôn và Trung tâm Giáo "
    "dục nghề nghiệp – Giáo dục thường xuyên huyện Trần Văn Thời"
)
LONG_SUPERIOR = (
    "Ban Thường vụ Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Cà Mau (cấp trên trực tiếp)"
)


def _shows_its_start(editor: QLineEdit) -> bool:
    """The field's first letter is at its left edge: the text is not scrolled."""
    return editor.cursorPosition() == 0 and editor.cursorRect().left() < 10


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_thiet_lap_shows_a_long_name_from_its_start(qtbot: QtBot, ws: Workspace) -> None:
    info = ws.organization.get()
    assert info is not None
    ws.organization.update(dataclasses.replace(info, name=LONG_NAME, superior_name=LONG_SUPERIOR))
    page = SettingsPage(synchronous_core(ws))
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    qtbot.waitExposed(page)
    name, superior = page.form.editors["name"], page.form.editors["superior_name"]
    assert name.text() == LONG_NAME and superior.text() == LONG_SUPERIOR
    assert name.width() < name.fontMetrics().horizontalAdvance(LONG_NAME)  # it does not fit
    assert _shows_its_start(name) and _shows_its_start(superior)


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_long_name_pasted_shows_its_start_once_the_next_field_is_reached(
    qtbot: QtBot, empty_ws: Workspace
) -> None:
    dialog = SetupDialog(empty_ws.organization, ScriptedPrompts())
    qtbot.addWidget(dialog)
    with qtbot.wait_active(dialog):
        dialog.show()
        dialog.activateWindow()
    name = dialog.form.editors["name"]
    assert QApplication.focusWidget() is name
    QApplication.clipboard().setText(LONG_NAME)
    qtbot.keyClick(name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert name.text() == LONG_NAME and not _shows_its_start(name)  # the end, while pasting
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.form.editors["commune"]
    assert _shows_its_start(name)
    # Typing on after going back to it: the cursor is where the secretary puts it.
    name.setFocus(Qt.FocusReason.BacktabFocusReason)
    name.end(False)
    qtbot.keyClicks(name, " x")
    assert name.text() == LONG_NAME + " x"
