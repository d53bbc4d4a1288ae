"""Moving members to a chi đoàn: the question starts with no chi đoàn chosen, and "Đồng ý"
waits for one (the first chi đoàn used to be chosen already, one Enter from a wrong move); the
read-only records stay where they are, said; the move is undone and redone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.common.choice_dialog import ChoiceDialog
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.prompts import Prompts
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts, synchronous_core


def test_the_dialog_starts_with_nothing_chosen(qtbot: QtBot) -> None:
    dialog = ChoiceDialog(None, "Chuyển chi đoàn", "Sang chi đoàn:", ["Ấp 1", "Ấp 2"], "— Chọn —")
    qtbot.addWidget(dialog)
    assert dialog.combo.currentIndex() == -1 and dialog.combo.placeholderText() == "— Chọn —"
    assert dialog.chosen() is None and not dialog.ok_button.isEnabled()
    dialog.accept()  # Enter with nothing chosen: nothing happens
    assert dialog.result() == 0 and dialog.chosen() is None
    dialog.combo.setCurrentIndex(1)
    assert dialog.ok_button.isEnabled() and dialog.chosen() == 1


@pytest.mark.qt_log_ignore("propagateSizeHints")  # a real dialog on the offscreen platform
def test_moving_members_waits_for_a_chi_doan(qtbot: QtBot, demo_ws: Workspace) -> None:
    core = Core(demo_ws, Prompts(), synchronous=True)  # the real question, answered below
    window = MainWindow(core, UiState(demo_ws.data_dir))
    qtbot.addWidget(window)
    page = window.roster
    branches = demo_ws.branches.list()
    target = branches[1]
    page.select_row(0)
    ids = page.selected_ids()
    seen: list[tuple[str, int, bool, list[str]]] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ChoiceDialog):
            if isinstance(dialog, QWidget):
                dialog.close()
            return
        combo = dialog.combo
        seen.append((
            combo.placeholderText(), combo.currentIndex(), dialog.ok_button.isEnabled(),
            [combo.itemText(i) for i in range(combo.count())],
        ))  # fmt: skip
        combo.setCurrentIndex(1)
        seen.append(("", combo.currentIndex(), dialog.ok_button.isEnabled(), []))
        dialog.ok_button.click()

    QTimer.singleShot(0, answer)
    page.move_button.click()
    assert seen == [
        ("— Chọn chi đoàn —", -1, False, [b.name for b in branches]),
        ("", 1, True, []),
    ]
    assert {r.branch_id for r in demo_ws.members.rows(ids)} == {target.id}


def _window(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> MainWindow:
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    page = window.roster
    page.status_combo.setCurrentIndex(page.status_combo.findData(None))  # every status
    return window


def test_a_move_leaves_read_only_members_says_so_and_is_undone(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """Four members chosen, one of whom moved away and one came of age: two are moved, the
    message box says why two were not, and "Hoàn tác" then "Làm lại" take the move back and
    make it again, named in the Sửa menu and the status bar."""
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    ran = ws.branches.create("Chi đoàn ấp Cái Rắn")
    people = (
        ("Nguyễn Văn An", "12/08/2000"), ("Trần Văn Bình", "01/02/2001"),
        ("Lê Văn Cường", "05/03/1994"), ("Võ Thị Dung", "09/09/2002"),
    )  # fmt: skip
    an, binh, cuong, dung = (
        ws.members.save({"full_name": name, "birth_date": born, "branch_id": long_.id})
        for name, born in people
    )
    ws.events.record(binh, "transfer_out", "01/02/2025", other_organization="Đoàn xã Tân Lộc")
    ws.events.record(cuong, "matured", "31/12/2025")
    window = _window(qtbot, ws, prompts)
    page = window.roster
    page.table.selectAll()
    assert page.selected_count() == 4
    prompts.choice = "Chi đoàn ấp Cái Rắn"
    page.move_button.click()
    assert prompts.infos == [
        "Đã chuyển 2 đoàn viên sang Chi đoàn ấp Cái Rắn.\n\n2 đoàn viên không được chuyển vì hồ "
        "sơ chỉ để xem: 1 người đã chuyển sinh hoạt đi, 1 người đã trưởng thành Đoàn."
    ]
    assert window.statusBar().currentMessage() == (
        "Đã chuyển 2 đoàn viên sang Chi đoàn ấp Cái Rắn — bấm Hoàn tác (Ctrl+Z) để trả lại như "
        "trước."
    )
    chi_doan = [r.branch_id for r in ws.members.rows([an, binh, cuong, dung])]
    assert chi_doan == [ran.id, long_.id, long_.id, ran.id]
    assert window.undo_action.text() == "&Hoàn tác: Chuyển 2 đoàn viên sang Chi đoàn ấp Cái Rắn"
    window.undo_action.trigger()
    assert window.statusBar().currentMessage() == (
        "Đã hoàn tác: Chuyển 2 đoàn viên sang Chi đoàn ấp Cái Rắn."
    )
    assert {r.branch_id for r in ws.members.rows([an, binh, cuong, dung])} == {long_.id}
    window.redo_action.trigger()
    assert [r.branch_id for r in ws.members.rows([an, binh, cuong, dung])] == chi_doan


def test_moving_only_read_only_members_moves_none_and_pushes_nothing(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    long_ = ws.branches.create("Chi đoàn ấp Tân Long")
    ws.branches.create("Chi đoàn ấp Cái Rắn")
    binh = ws.members.save(
        {"full_name": "Trần Văn Bình", "birth_date": "01/02/2001", "branch_id": long_.id}
    )
    ws.events.record(binh, "transfer_out", "01/02/2025", other_organization="Đoàn xã Tân Lộc")
    window = _window(qtbot, ws, prompts)
    window.roster.select_member(binh)
    prompts.choice = "Chi đoàn ấp Cái Rắn"
    window.roster.move_button.click()
    assert prompts.infos == [
        "Không chuyển đoàn viên nào sang Chi đoàn ấp Cái Rắn.\n\n1 đoàn viên không được chuyển vì "
        "hồ sơ chỉ để xem: đã chuyển sinh hoạt đi."
    ]
    assert ws.members.rows([binh])[0].branch_id == long_.id
    assert not window.history.canUndo()
