"""The introducer of an admission picked by keyboard from the suggestions: Down, then Enter, as
the secretary picks one (the existing tests choose through the dialog's method)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.event_dialog import EventDialog
from scripted import ScriptedPrompts, synchronous_core

from .conftest import AddMember

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "raise", "grabbing")


def test_an_introducer_picked_with_enter_shows_the_name_and_is_recorded_as_the_member(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    duyen = add_member("Nguyễn Thị Duyên", "22/04/2000", branch="Chi đoàn ấp Rạch Ráng")
    dialog = EventDialog(synchronous_core(ws, prompts), an)
    qtbot.addWidget(dialog)
    with qtbot.wait_active(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.set_kind("admission")
    dialog.set_value("date", "26/03/2017")
    line = dialog.editors["introducer"]
    assert isinstance(line, QLineEdit)
    line.setFocus()
    qtbot.keyClicks(line, "nguyen thi duyen")
    completer = line.completer()
    assert completer is not None
    popup = completer.popup()
    assert popup is not None
    assert popup.isVisible()
    popup.setCurrentIndex(completer.completionModel().index(0, 0))  # what Down does
    suggestion = "Nguyễn Thị Duyên (sinh 22/04/2000, Chi đoàn ấp Rạch Ráng)"
    assert popup.currentIndex().data() == suggestion
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    # The name, as a name typed freely shows: not the suggestion's birth date and chi đoàn,
    # which the secretary would then trim, taking the member link away with them.
    qtbot.waitUntil(lambda: line.text() == "Nguyễn Thị Duyên")
    assert dialog.introducer_hint.text() == "✓ Đoàn viên trong danh sách"
    assert dialog.introducer_id == duyen
    assert dialog.isVisible()  # Enter picked the suggestion, recorded nothing yet
    dialog.save_button.click()
    [event] = ws.events.history(an)
    assert (event.introducer_id, event.introducer_name) == (duyen, "Nguyễn Thị Duyên")
