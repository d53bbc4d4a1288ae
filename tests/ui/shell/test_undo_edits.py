"""The undo of a saved edit with the threaded runner (the app's): undo and redo run on the
worker; a refusal arrives after the stack moved, and the command is then dropped, doing
nothing, at the next redo."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from doancoso.core.roster.validation import MemberFields
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts

AN = {"full_name": "Nguyễn Văn An", "birth_date": "12/08/2000", "phone": "0912345678"}


def _history(ws: Workspace, prompts: ScriptedPrompts) -> UndoHistory:
    history = UndoHistory(Core(ws, prompts))  # threaded
    history.on_error = lambda message: prompts.error(None, "Không hoàn tác được", message)
    return history


def _push_edit(history: UndoHistory, ws: Workspace, member_id: str) -> None:
    before, after = ws.members.edit({**AN, "phone": "0987654321"}, member_id)

    def put_back(ws: Workspace, fields: MemberFields, expected: MemberFields) -> None:
        ws.members.put_back(member_id, fields, expected)

    history.edit("Sửa thông tin đoàn viên Nguyễn Văn An", put_back, before, after)


def test_undo_and_redo_run_on_the_worker(qtbot: QtBot, ws: Workspace) -> None:
    prompts = ScriptedPrompts()
    member_id = ws.members.save(AN)
    history = _history(ws, prompts)
    _push_edit(history, ws, member_id)
    assert history.undoText() == "Sửa thông tin đoàn viên Nguyễn Văn An"
    history.undo()
    qtbot.waitUntil(lambda: ws.members.get(member_id).fields.phone == "0912345678", timeout=5000)
    history.redo()
    qtbot.waitUntil(lambda: ws.members.get(member_id).fields.phone == "0987654321", timeout=5000)
    assert prompts.errors == [] and history.count() == 1


def test_a_refusal_on_the_worker_drops_the_command_at_the_next_redo(
    qtbot: QtBot, ws: Workspace
) -> None:
    prompts = ScriptedPrompts()
    member_id = ws.members.save(AN)
    history = _history(ws, prompts)
    _push_edit(history, ws, member_id)
    ws.members.save({**AN, "phone": "0911111111"}, member_id)  # edited again elsewhere
    history.undo()
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=5000)
    assert prompts.errors[0].endswith("giữ nguyên như hiện tại để không ghi đè thay đổi mới hơn.")
    assert history.canRedo()  # the stack moved before the worker answered
    revision = ws.members.get(member_id).revision
    history.redo()  # nothing written: the command is dropped
    assert history.count() == 0 and not history.canUndo() and not history.canRedo()
    assert ws.members.get(member_id).revision == revision
    assert ws.members.get(member_id).fields.phone == "0911111111"
    assert len(prompts.errors) == 1
