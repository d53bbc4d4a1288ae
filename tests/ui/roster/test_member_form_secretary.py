"""The member form asks before saving a second Bí thư of a chi đoàn (a chi đoàn has one),
naming the sitting one; an edit that leaves the position and chi đoàn as they were asks
nothing again."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.member_form import MemberFormDialog
from scripted import ScriptedPrompts, synchronous_core

QUESTION = (
    "Chi đoàn “Chi đoàn Ấp 1” đã có Bí thư: Lê Văn An. Mỗi chi đoàn chỉ có một Bí thư: hãy "
    "sửa chức vụ của người không giữ chức này nữa.\n\nVẫn lưu hồ sơ này?"
)


def test_a_second_secretary_is_asked_about_once(qtbot: QtBot, ws: Workspace) -> None:
    branch = ws.branches.create("Chi đoàn Ấp 1").id
    ws.members.save({"full_name": "Lê Văn An", "birth_date": "01/01/2000",
                     "branch_id": branch, "position": "Bí thư"})  # fmt: skip
    prompts = ScriptedPrompts()
    dialog = MemberFormDialog(synchronous_core(ws, prompts))
    qtbot.addWidget(dialog)
    dialog.set_value("full_name", "Trần Thị Bình")
    dialog.set_value("birth_date", "01/01/2001")
    dialog.set_value("branch_id", branch)
    dialog.set_value("position", "Bí thư")
    dialog.save_button.click()
    assert prompts.asked == [QUESTION]
    assert dialog.saved_id is not None  # "Vẫn lưu"
    binh = dialog.saved_id

    prompts.asked.clear()
    edit = MemberFormDialog(synchronous_core(ws, prompts), binh)
    qtbot.addWidget(edit)
    edit.set_value("phone", "0912345678")
    edit.save_button.click()
    assert prompts.asked == [] and edit.saved_id == binh
    assert ws.members.get(binh).fields.phone == "0912345678"


def test_a_secretary_moved_in_by_the_form_is_asked_about(qtbot: QtBot, ws: Workspace) -> None:
    """The position left as it was, the chi đoàn changed: still a second Bí thư there."""
    branch = ws.branches.create("Chi đoàn Ấp 1").id
    other = ws.branches.create("Chi đoàn Ấp 2").id
    ws.members.save({"full_name": "Lê Văn An", "birth_date": "01/01/2000",
                     "branch_id": branch, "position": "Bí thư"})  # fmt: skip
    cuong = ws.members.save({"full_name": "Phạm Văn Cường", "birth_date": "01/01/1999",
                             "branch_id": other, "position": "Bí thư"})  # fmt: skip
    prompts = ScriptedPrompts()
    prompts.answer = False  # "Quay lại"
    edit = MemberFormDialog(synchronous_core(ws, prompts), cuong)
    qtbot.addWidget(edit)
    edit.set_value("branch_id", branch)
    edit.save_button.click()
    assert prompts.asked == [QUESTION]
    assert ws.members.get(cuong).fields.branch_id == other  # went back: nothing saved
