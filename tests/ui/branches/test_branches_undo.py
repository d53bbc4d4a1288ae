"""Creating and renaming a chi đoàn are on the undo history ("Hoàn tác", "Làm lại"), named in
the Sửa menu and the status bar; an undo that would lose a later change is refused, said."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.branches.name_dialog import BranchNameDialog
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts, synchronous_core


def _window(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> MainWindow:
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    return window


def _type(name: str):
    def script(dialog: BranchNameDialog) -> None:
        dialog.name_edit.setText(name)
        dialog.try_accept()

    return script


def _names(ws: Workspace) -> list[str]:
    return [b.name for b in ws.branches.list()]


def test_a_create_is_undone_and_redone(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    ws.branches.create("Chi đoàn ấp Tân Phú")
    window = _window(qtbot, ws, prompts)
    page = window.branches
    prompts.dialog_script = _type("Chi đoàn ấp Xóm Mới")
    page.add_button.click()
    assert window.statusBar().currentMessage() == (
        "Đã thêm Chi đoàn ấp Xóm Mới — bấm Hoàn tác (Ctrl+Z) để trả lại như trước."
    )
    assert window.undo_action.text() == "&Hoàn tác: Thêm chi đoàn “Chi đoàn ấp Xóm Mới”"
    window.undo_action.trigger()
    assert window.statusBar().currentMessage() == (
        "Đã hoàn tác: Thêm chi đoàn “Chi đoàn ấp Xóm Mới”."
    )
    assert _names(ws) == ["Chi đoàn ấp Tân Phú"] and page.model.rowCount() == 1
    assert window.redo_action.text() == "&Làm lại: Thêm chi đoàn “Chi đoàn ấp Xóm Mới”"
    window.redo_action.trigger()
    assert _names(ws) == ["Chi đoàn ấp Tân Phú", "Chi đoàn ấp Xóm Mới"]
    assert page.model.rowCount() == 2
    assert prompts.errors == []


def test_the_undo_of_a_create_is_refused_once_a_member_is_in_it(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, ws, prompts)
    prompts.dialog_script = _type("Chi đoàn ấp Xóm Mới")
    window.branches.add_button.click()
    created = ws.branches.find("Chi đoàn ấp Xóm Mới")
    assert created is not None
    ws.members.save(
        {"full_name": "Nguyễn Văn An", "birth_date": "12/08/2000", "branch_id": created.id}
    )  # elsewhere (the command line): not on the history
    window.undo_action.trigger()
    assert window.statusBar().currentMessage() == "Không hoàn tác được."
    assert prompts.errors == [
        "Chi đoàn “Chi đoàn ấp Xóm Mới” đã có 1 đoàn viên được đưa vào sau khi thêm: giữ "
        "nguyên, không xóa chi đoàn."
    ]
    assert _names(ws) == ["Chi đoàn ấp Xóm Mới"]
    assert not window.history.canUndo() and not window.history.canRedo()


def test_a_rename_is_undone_and_redone(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    branch = ws.branches.create("Chi đoàn ấp 1")
    window = _window(qtbot, ws, prompts)
    page = window.branches
    page.select_branch(branch.id)
    prompts.dialog_script = _type("Chi đoàn ấp Cái Đôi")
    page.rename_button.click()
    assert window.statusBar().currentMessage() == (
        "Đã đổi tên “Chi đoàn ấp 1” thành “Chi đoàn ấp Cái Đôi” — bấm Hoàn tác (Ctrl+Z) để trả "
        "lại như trước."
    )
    label = "Đổi tên “Chi đoàn ấp 1” thành “Chi đoàn ấp Cái Đôi”"
    assert window.undo_action.text() == f"&Hoàn tác: {label}"
    window.undo_action.trigger()
    assert window.statusBar().currentMessage() == f"Đã hoàn tác: {label}."
    assert _names(ws) == ["Chi đoàn ấp 1"]
    assert page.model.data(page.model.index(0, 0)) == "Chi đoàn ấp 1"
    window.redo_action.trigger()
    assert window.statusBar().currentMessage() == f"Đã làm lại: {label}."
    assert _names(ws) == ["Chi đoàn ấp Cái Đôi"]
    assert prompts.errors == []


def test_a_rename_to_the_same_name_is_not_on_the_history(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    branch = ws.branches.create("Chi đoàn ấp 1")
    window = _window(qtbot, ws, prompts)
    window.branches.select_branch(branch.id)
    prompts.dialog_script = _type("Chi đoàn ấp 1")
    window.branches.rename_button.click()
    assert not window.history.canUndo()


def test_the_undo_of_a_rename_is_refused_when_renamed_again_or_the_old_name_taken(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    branch = ws.branches.create("Chi đoàn ấp 1")
    window = _window(qtbot, ws, prompts)
    page = window.branches
    page.select_branch(branch.id)
    prompts.dialog_script = _type("Chi đoàn ấp Cái Đôi")
    page.rename_button.click()
    ws.branches.create("Chi đoàn Ấp 1")  # the old name taken meanwhile, elsewhere
    window.undo_action.trigger()
    assert prompts.errors == [
        "Đã có chi đoàn tên “Chi đoàn Ấp 1” (đặt sau đó): không đặt lại được tên “Chi đoàn ấp 1”."
    ]
    assert _names(ws) == ["Chi đoàn Ấp 1", "Chi đoàn ấp Cái Đôi"]
    assert not window.history.canUndo()

    page.select_branch(branch.id)
    prompts.dialog_script = _type("Chi đoàn ấp Tân Long")
    page.rename_button.click()
    ws.branches.rename(branch.id, "Chi đoàn ấp Rạch Gốc")  # renamed again, elsewhere
    window.undo_action.trigger()
    assert prompts.errors[1:] == [
        "Chi đoàn “Chi đoàn ấp Tân Long” đã được đổi tên thành “Chi đoàn ấp Rạch Gốc” sau đó: "
        "giữ nguyên tên hiện tại."
    ]
    assert "Chi đoàn ấp Rạch Gốc" in _names(ws)


def test_the_undo_of_an_add_says_the_members_chi_doan_was_deleted_since(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """A member added into a chi đoàn, deleted, the chi đoàn deleted elsewhere (allowed: no
    member left in it; not on this history), the member restored (in no chi đoàn): the add's
    undo is refused, saying what changed (the chi đoàn), not that the member was edited."""
    branch = ws.branches.create("Chi đoàn ấp Xóm Mới")
    window = _window(qtbot, ws, prompts)

    def fill(dialog) -> None:
        dialog.set_value("full_name", "Lê Thị Thuỷ")
        dialog.set_value("birth_date", "05/03/2004")
        dialog.set_value("branch_id", branch.id)
        dialog.save_button.click()

    prompts.dialog_script = fill
    window.new_member_action.trigger()
    prompts.dialog_script = None
    [thuy] = ws.members.ids()
    assert ws.members.rows([thuy])[0].branch_id == branch.id
    window.roster.select_member(thuy)
    prompts.answer = True
    window.roster.delete_selected()
    ws.branches.delete(branch.id)  # elsewhere (the command line, another window)
    window.undo_action.trigger()  # the member's deletion: restored, in no chi đoàn
    assert ws.members.rows([thuy])[0].branch_id is None
    assert window.undo_action.text() == "&Hoàn tác: Thêm đoàn viên Lê Thị Thuỷ"
    window.undo_action.trigger()
    assert window.statusBar().currentMessage() == "Không hoàn tác được."
    assert prompts.errors == [
        "Đoàn viên Lê Thị Thuỷ không còn ở “Chi đoàn ấp Xóm Mới” như lúc thêm (chi đoàn đã bị "
        "xóa sau đó) và nay chưa có chi đoàn: giữ nguyên, không xóa đoàn viên."
    ]
    assert ws.members.ids() == [thuy]


def test_a_merge_is_undone_and_redone(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """“Gộp vào…” asks first, then is on the history like the other changes of chi đoàn: the
    history before it is kept, and Ctrl+Z brings the merged chi đoàn back with its members."""
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    ran = ws.branches.create("Chi đoàn ấp Cái Rắn")
    for name in ("Nguyễn Văn An", "Trần Văn Bình"):
        ws.members.save({"full_name": name, "birth_date": "05/03/2001", "branch_id": long_.id})
    window = _window(qtbot, ws, prompts)
    page = window.branches
    page.select_branch(ran.id)
    prompts.dialog_script = _type("Chi đoàn ấp Cái Rắn Lớn")
    page.rename_button.click()  # an older command, kept
    page.select_branch(long_.id)
    prompts.choice = "Chi đoàn ấp Cái Rắn Lớn"
    page.merge_button.click()
    assert prompts.asked == [
        "Gộp “Chi đoàn ấp Tân Long” vào “Chi đoàn ấp Cái Rắn Lớn”?\n\n2 đoàn viên sẽ chuyển "
        "sang “Chi đoàn ấp Cái Rắn Lớn” và chi đoàn “Chi đoàn ấp Tân Long” sẽ không còn."
    ]
    assert window.statusBar().currentMessage() == (
        "Đã gộp “Chi đoàn ấp Tân Long” vào “Chi đoàn ấp Cái Rắn Lớn” (2 đoàn viên) — bấm Hoàn "
        "tác (Ctrl+Z) để trả lại như trước."
    )
    label = "Gộp “Chi đoàn ấp Tân Long” vào “Chi đoàn ấp Cái Rắn Lớn”"
    assert window.undo_action.text() == f"&Hoàn tác: {label}"
    assert page.model.rowCount() == 1
    window.undo_action.trigger()
    assert window.statusBar().currentMessage() == f"Đã hoàn tác: {label}."
    assert [(b.name, b.member_count) for b in ws.branches.list()] == [
        ("Chi đoàn ấp Cái Rắn Lớn", 0),
        ("Chi đoàn ấp Tân Long", 2),
    ]
    assert page.model.rowCount() == 2
    assert window.undo_action.text() == (
        "&Hoàn tác: Đổi tên “Chi đoàn ấp Cái Rắn” thành “Chi đoàn ấp Cái Rắn Lớn”"
    )
    window.redo_action.trigger()
    assert window.statusBar().currentMessage() == f"Đã làm lại: {label}."
    assert [(b.name, b.member_count) for b in ws.branches.list()] == [
        ("Chi đoàn ấp Cái Rắn Lớn", 2)
    ]
    assert prompts.errors == []


def test_a_rename_to_the_same_name_says_nothing_changed(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """“Lưu” on the name as it was (or with spaces around it) renames nothing: the status bar
    said "Đã đổi tên “X” thành “X”.", as if it had."""
    branch = ws.branches.create("Chi đoàn ấp Cái Đôi")
    window = _window(qtbot, ws, prompts)
    page = window.branches
    page.select_branch(branch.id)
    for typed in ("Chi đoàn ấp Cái Đôi", "  Chi đoàn ấp Cái Đôi "):
        prompts.dialog_script = _type(typed)
        page.rename_button.click()
        assert window.statusBar().currentMessage() == (
            "Tên chi đoàn “Chi đoàn ấp Cái Đôi” không thay đổi."
        )
    assert not window.history.canUndo()
    assert _names(ws) == ["Chi đoàn ấp Cái Đôi"]
