"""The one-line text dialog (a new kind of activity): "Lưu" stays in place under a message."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from doancoso.ui.calendar.text_dialog import TextDialog
from doancoso.ui.shell.operations import Core
from steady import messages_fit, shown, spot

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_buttons_stay_in_place_under_the_message(qtbot: QtBot, core: Core) -> None:
    dialog = TextDialog(core, "Thêm loại hoạt động", "Tên loại hoạt động",
                        lambda ws, name: ws.activities.add_kind(name))  # fmt: skip
    shown(qtbot, dialog)
    before = spot(qtbot, dialog.save_button)
    dialog.save_button.click()
    assert len(messages_fit(qtbot, dialog)) == 1
    assert spot(qtbot, dialog.save_button) == before
