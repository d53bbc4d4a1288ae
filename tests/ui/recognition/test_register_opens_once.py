"""With the app's threaded runner, a coordination programme's dialog ("Phối hợp") opens on the
activities the worker reads first: "Chỉnh sửa…" or "Thêm…" pressed twice before they came back
(a double click on its row, Enter pressed again), it opens once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.recognition.page import RecognitionPage
from doancoso.ui.recognition.register_dialogs import RecordDialog
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from read_threads import delivered, worker_held
from scripted import ScriptedPrompts

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _page(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> tuple[Core, RecognitionPage]:
    core = Core(ws, prompts)  # threaded, as in the app
    page = RecognitionPage(core, UndoHistory(core), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1216, 650)
    page.show()  # the first show reads the year
    page.activateWindow()  # Enter works in the active window only
    qtbot.waitUntil(page.isActiveWindow)
    delivered(qtbot, core)
    page.tabs.setCurrentWidget(page.register)
    page.register.setCurrentWidget(page.register.coordination)
    return core, page


def _opened(prompts: ScriptedPrompts) -> list[str]:
    """The title of every dialog opened from now on (each closed as "Hủy" would)."""
    opened: list[str] = []

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, RecordDialog)
        opened.append(dialog.windowTitle())
        dialog.done(QDialog.DialogCode.Rejected)

    prompts.dialog_script = look
    return opened


def test_a_programme_s_row_pressed_twice_opens_its_dialog_once(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    ws.registers.save_coordination({"day": "01/03/2025", "partner": "Công an xã Tân Hưng",
                                    "title": "Quy chế phối hợp"})  # fmt: skip
    core, page = _page(qtbot, ws, prompts)
    section = page.register.coordination
    (record,) = ws.registers.coordination(2025)
    section.select(record.id)
    opened = _opened(prompts)
    row = section.table.visualRect(section.model.index(0, 2)).center()
    viewport, left = section.table.viewport(), Qt.MouseButton.LeftButton
    with worker_held(core):
        qtbot.mouseClick(viewport, left, pos=row)  # a double click: press, then again
        qtbot.mouseDClick(viewport, left, pos=row)
        qtbot.keyClick(section.table, Qt.Key.Key_Return)  # again before the activities came
    delivered(qtbot, core)
    assert opened == ["Sửa chương trình phối hợp"]

    qtbot.keyClick(section.table, Qt.Key.Key_Return)  # once it came: pressed again, it opens
    delivered(qtbot, core)
    assert opened == ["Sửa chương trình phối hợp"] * 2


def test_add_pressed_twice_opens_its_dialog_once(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    core, page = _page(qtbot, ws, prompts)
    section = page.register.coordination
    opened = _opened(prompts)
    with worker_held(core):
        section.add_button.click()
        section.add_button.click()  # again before the activities were read
    delivered(qtbot, core)
    assert opened == ["Thêm chương trình phối hợp"]
    assert ws.registers.coordination(2025) == []
