"""The activity form by the keyboard: Ctrl+Enter saves it from any field, as Enter does in a
one-line field, also from "Ghi chú" where Enter makes a new line."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.activity_dialog import ActivityDialog
from doancoso.ui.shell.operations import Core
from typing_keys import type_text

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

CTRL = Qt.KeyboardModifier.ControlModifier


def _shown(qtbot: QtBot, core: Core, activity_id: str | None = None) -> ActivityDialog:
    dialog = ActivityDialog(core, activity_id, dt.date(2026, 3, 14))
    qtbot.addWidget(dialog)
    with qtbot.wait_active(dialog):  # shortcuts need an active window
        dialog.show()
        dialog.activateWindow()
    return dialog


def test_ctrl_enter_in_the_notes_saves_without_a_new_line(
    qtbot: QtBot, core: Core, cal_ws: Workspace
) -> None:
    dialog = _shown(qtbot, core)
    dialog.edits["title"].setFocus()
    type_text(qtbot, dialog.edits["title"], "Hiến máu")
    dialog.notes.setFocus()
    qtbot.keyClicks(dialog.notes, "Mang CCCD")
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)  # Enter: a new line, not saved
    type_text(qtbot, dialog.notes, "Ăn sáng")
    assert dialog.saved_id is None and dialog.isVisible()

    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, CTRL)

    assert dialog.saved_id is not None and not dialog.isVisible()
    fields = cal_ws.activities.get(dialog.saved_id).fields
    assert (fields.title, fields.start_date, fields.notes) == (
        "Hiến máu", dt.date(2026, 3, 14), "Mang CCCD\nĂn sáng"
    )  # fmt: skip


def test_ctrl_enter_in_a_line_saves_the_changes(
    qtbot: QtBot, core: Core, cal_ws: Workspace
) -> None:
    activity_id, _count = cal_ws.activities.save(
        {"title": "Sinh hoạt chi đoàn", "start_date": "10/03/2026"}
    )
    dialog = _shown(qtbot, core, activity_id)
    place = dialog.edits["place"]
    place.setFocus()
    type_text(qtbot, place, "Hội trường")

    qtbot.keyClick(place, Qt.Key.Key_Return, CTRL)

    assert dialog.saved_id == activity_id and not dialog.isVisible()
    assert cal_ws.activities.get(activity_id).fields.place == "Hội trường"


def test_ctrl_enter_with_a_message_keeps_the_form_open(
    qtbot: QtBot, core: Core, cal_ws: Workspace
) -> None:
    dialog = _shown(qtbot, core)
    dialog.notes.setFocus()
    qtbot.keyClicks(dialog.notes, "Mang CCCD")
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible() and dialog.saved_id is None
    assert dialog.errors.messages()["title"] == "Cần nhập tên hoạt động."
    assert dialog.notes.toPlainText() == "Mang CCCD"
