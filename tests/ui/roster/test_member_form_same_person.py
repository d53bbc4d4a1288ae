"""The member form asks before adding a member already on the roster (the same name and
birth), naming the record there; "Quay lại" saves nothing and puts the cursor in "Họ và tên".
An edit that leaves the name and birth as they were asks nothing."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace
from doancoso.ui.roster.member_form import MemberFormDialog
from scripted import ScriptedPrompts, synchronous_core

QUESTION = (
    "Đã có đoàn viên cùng họ tên và ngày sinh: Trần Thị Bích Ngọc (sinh 15/04/2004, Chi đoàn "
    "ấp Tân Hưng, Đang sinh hoạt). Có thể là cùng một người: hãy kiểm tra lại để không có hai "
    "hồ sơ của một đoàn viên.\n\nVẫn lưu hồ sơ này?"
)


def _names(ws: Workspace) -> list[str]:
    return [row.full_name for row in ws.members.list(MemberFilter())]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_member_typed_in_again_is_asked_about(qtbot: QtBot, ws: Workspace) -> None:
    branch = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    ngoc = ws.members.save({"full_name": "Trần Thị Bích Ngọc", "birth_date": "15/04/2004",
                            "branch_id": branch})  # fmt: skip
    prompts = ScriptedPrompts()
    prompts.answer = False  # "Quay lại"
    dialog = MemberFormDialog(synchronous_core(ws, prompts))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_value("full_name", "Tran Thi Bich Ngoc")
    dialog.set_value("birth_date", "15/04/2004")
    dialog.save_button.click()

    assert prompts.asked == [QUESTION]
    assert dialog.saved_id is None and dialog.isVisible()
    assert _names(ws) == ["Trần Thị Bích Ngọc"]
    assert dialog.focusWidget() is dialog.editors["full_name"]

    prompts.asked.clear()
    edit = MemberFormDialog(synchronous_core(ws, prompts), ngoc)
    qtbot.addWidget(edit)
    edit.set_value("phone", "0912345678")
    edit.save_button.click()
    assert prompts.asked == [] and edit.saved_id == ngoc
