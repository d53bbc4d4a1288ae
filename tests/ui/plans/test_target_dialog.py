"""The target dialog: "Lưu" stays in place while the messages it can show at once appear."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from doancoso.ui.plans.target_dialog import TargetDialog
from doancoso.ui.shell.operations import Core
from steady import messages_fit, shown, spot

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_buttons_stay_in_place_under_every_message(qtbot: QtBot, core: Core) -> None:
    dialog = TargetDialog(core, 2026)
    shown(qtbot, dialog)
    before = spot(qtbot, dialog.save_button)
    dialog.planned_edit.setText("hai mươi")
    dialog.achieved_edit.setText("-5")
    dialog.save_button.click()
    assert messages_fit(qtbot, dialog) == [
        "Cần nhập nội dung chỉ tiêu.",
        "Phải là một số, ví dụ 20 hoặc 100.",
        "Số phải từ 0 đến 1.000.000.",
    ]
    assert spot(qtbot, dialog.save_button) == before
    assert dialog.saved_id is None
