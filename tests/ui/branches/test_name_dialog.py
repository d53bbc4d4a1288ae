"""The chi đoàn name dialog: "Lưu" stays in place when the name is refused."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.branches.name_dialog import BranchNameDialog
from scripted import synchronous_core
from steady import messages_fit, shown, spot

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_buttons_stay_in_place_under_a_refused_name(
    qtbot: QtBot, ws: Workspace, prompts
) -> None:
    ws.branches.create("Chi đoàn ấp Tân Hưng")
    dialog = BranchNameDialog(synchronous_core(ws, prompts), "Thêm chi đoàn",
                              lambda w, name: w.branches.create(name))  # fmt: skip
    shown(qtbot, dialog)
    before = spot(qtbot, dialog.save_button)
    dialog.save_button.click()
    assert messages_fit(qtbot, dialog) == ["Cần nhập tên chi đoàn."]
    assert spot(qtbot, dialog.save_button) == before
    dialog.name_edit.setText("Chi đoàn ấp Tân Hưng")
    dialog.save_button.click()
    assert messages_fit(qtbot, dialog) == ["Đã có chi đoàn tên “Chi đoàn ấp Tân Hưng”."]
    assert spot(qtbot, dialog.save_button) == before
