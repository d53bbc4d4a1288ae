"""Typing in the members of a chi đoàn one after another: the roster filtered on a chi đoàn adds
its new members to that chi đoàn (the form opens with it chosen, on its "Đoàn – Đảng" tab
otherwise three tabs away), and to none when no chi đoàn is chosen; Esc at once still asks
nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.roster.branches import UNASSIGNED
from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace
from doancoso.ui.roster.member_form import MemberFormDialog
from scripted import ScriptedPrompts, synchronous_core

UNDO = " — bấm Hoàn tác (Ctrl+Z) để bỏ đoàn viên vừa thêm."
"""What the status bar says after "Đã thêm đoàn viên …" (the add's undo)."""

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _branches(ws: Workspace) -> dict[str, str | None]:
    """Each member's name and chi đoàn id."""
    rows = ws.members.rows(ws.members.ids(MemberFilter()))
    return {row.full_name: row.branch_id for row in rows}


def test_a_member_added_on_a_chi_doan_s_list_joins_that_chi_doan(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    ws.branches.create("Ấp 1")
    ap2 = ws.branches.create("Ấp 2")
    window = active_window(qtbot, ws, prompts)
    page = window.roster
    shown: list[str] = []
    names = iter(("Lê Văn Bình", "Trần Thị Hoa", "Phạm Văn Tâm"))

    def fill(dialog: MemberFormDialog) -> None:
        branch = dialog.editors["branch_id"]
        assert isinstance(branch, QComboBox)
        shown.append(branch.currentText())
        assert not dialog.is_modified  # Esc at once asks nothing: she typed nothing
        dialog.set_value("full_name", next(names))
        dialog.set_value("birth_date", "05/03/2001")
        dialog.save_button.click()

    prompts.dialog_script = fill  # type: ignore[assignment]
    page.branch_combo.setCurrentIndex(page.branch_combo.findText("Ấp 2"))
    press_ctrl(qtbot, window, Qt.Key.Key_N)
    assert shown == ["Ấp 2"]
    assert _branches(ws) == {"Lê Văn Bình": ap2.id}

    for choice in ("Tất cả chi đoàn", UNASSIGNED):
        page.branch_combo.setCurrentIndex(page.branch_combo.findText(choice))
        press_ctrl(qtbot, window, Qt.Key.Key_N)
    assert shown == ["Ấp 2", "(Chưa thuộc chi đoàn)", "(Chưa thuộc chi đoàn)"]
    assert _branches(ws) == {"Lê Văn Bình": ap2.id, "Trần Thị Hoa": None, "Phạm Văn Tâm": None}


def _shown(qtbot: QtBot, ws: Workspace, branch_id: str = "") -> MemberFormDialog:
    dialog = MemberFormDialog(synchronous_core(ws), None, branch_id=branch_id)
    qtbot.addWidget(dialog)
    with qtbot.wait_active(dialog):  # Ctrl+Enter works only in the active window
        dialog.show()
        dialog.activateWindow()
    return dialog


def test_save_and_next_keeps_the_form_open_for_the_next_member(qtbot: QtBot, ws: Workspace) -> None:
    """ "Lưu và thêm tiếp" (Ctrl+Enter) saves the member, empties the form but for the chi đoàn
    and the commune and province, says who was saved and puts the cursor back in "Họ và tên";
    Enter then saves the last one and closes the form."""
    ap1 = ws.branches.create("Ấp 1")
    dialog = _shown(qtbot, ws, ap1.id)
    assert dialog.next_button is not None
    assert dialog.next_button.text() == "Lưu và thêm tiếp"
    name = dialog.editors["full_name"]
    added: list[str] = []
    dialog.member_added.connect(lambda member: added.append(member.fields.full_name))
    seen = []
    for full_name in ("Lê Văn Bình", "Trần Thị Hoa"):
        dialog.set_value("full_name", full_name)
        dialog.set_value("birth_date", "05/03/2001")
        dialog.set_value("address_hamlet", "Ấp 1")
        dialog.set_value("address_commune", "Tân Hưng")
        dialog.set_value("address_province", "Cà Mau")
        dialog.tabs.setCurrentIndex(1)
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyRelease(focus, Qt.Key.Key_Control)
        raw = dialog.raw()
        seen.append(
            (raw["full_name"], raw["birth_date"], raw["address_hamlet"], raw["branch_id"],
             raw["address_commune"], raw["address_province"], dialog.saved_note.text())
        )  # fmt: skip
        assert dialog.isVisible() and dialog.tabs.currentIndex() == 0
        assert QApplication.focusWidget() is name
        assert not dialog.is_modified
    note = "Nhập người tiếp theo (Ctrl+Enter để lưu và thêm tiếp, Enter để lưu và đóng)."
    assert seen == [
        ("", "", "", ap1.id, "Tân Hưng", "Cà Mau", f"Đã lưu đoàn viên Lê Văn Bình. {note}"),
        ("", "", "", ap1.id, "Tân Hưng", "Cà Mau", f"Đã lưu đoàn viên Trần Thị Hoa. {note}"),
    ]
    assert added == ["Lê Văn Bình", "Trần Thị Hoa"]
    qtbot.keyClicks(name, "Pham Van Tam")
    dialog.set_value("birth_date", "2002")
    qtbot.keyClick(name, Qt.Key.Key_Return)  # "Lưu": saved, closed
    assert not dialog.isVisible() and dialog.added is not None
    assert added == ["Lê Văn Bình", "Trần Thị Hoa"]  # the last one handed back on closing
    assert _branches(ws) == {"Lê Văn Bình": ap1.id, "Trần Thị Hoa": ap1.id, "Pham Van Tam": ap1.id}


def test_escape_after_save_and_next_asks_only_about_the_next_one(
    qtbot: QtBot, ws: Workspace
) -> None:
    dialog = _shown(qtbot, ws)
    prompts = dialog._prompts
    assert isinstance(prompts, ScriptedPrompts)
    prompts.answer = False  # "Không": stay
    dialog.set_value("full_name", "Võ Thị Lan")
    dialog.set_value("birth_date", "01/01/2003")
    assert dialog.next_button is not None
    dialog.next_button.click()
    name = dialog.editors["full_name"]
    qtbot.keyClicks(name, "Ngo")
    qtbot.keyClick(name, Qt.Key.Key_Escape)
    assert prompts.asked == ["Thông tin đã nhập chưa được lưu. Bỏ các thay đổi này?"]
    assert dialog.isVisible() and dialog.raw()["full_name"] == "Ngo"
    name.clear()
    qtbot.keyClick(name, Qt.Key.Key_Escape)  # nothing typed for the next one: gone at once
    assert not dialog.isVisible() and len(prompts.asked) == 1
    assert list(_branches(ws)) == ["Võ Thị Lan"]


def test_each_member_saved_and_next_is_on_the_undo_history(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """The roster puts each member "Lưu và thêm tiếp" saved on the undo history at once, and
    says the last one added in the status bar."""
    window = active_window(qtbot, ws, prompts)

    def type_three(dialog: MemberFormDialog) -> None:
        assert dialog.next_button is not None
        for full_name in ("Lê Văn Bình", "Trần Thị Hoa"):
            dialog.set_value("full_name", full_name)
            dialog.set_value("birth_date", "05/03/2001")
            dialog.next_button.click()
        dialog.set_value("full_name", "Phạm Văn Tâm")
        dialog.set_value("birth_date", "2002")
        dialog.save_button.click()

    prompts.dialog_script = type_three  # type: ignore[assignment]
    press_ctrl(qtbot, window, Qt.Key.Key_N)
    assert sorted(_branches(ws)) == ["Lê Văn Bình", "Phạm Văn Tâm", "Trần Thị Hoa"]
    assert window.statusBar().currentMessage() == f"Đã thêm đoàn viên Phạm Văn Tâm{UNDO}"
    assert window.history.undoText() == "Thêm đoàn viên Phạm Văn Tâm"
    window.undo_action.trigger()
    assert window.history.undoText() == "Thêm đoàn viên Trần Thị Hoa"
    window.undo_action.trigger()
    assert window.history.undoText() == "Thêm đoàn viên Lê Văn Bình"
    assert list(_branches(ws)) == ["Lê Văn Bình"]


def test_the_edit_form_has_no_save_and_next(qtbot: QtBot, ws: Workspace) -> None:
    member_id = ws.members.save({"full_name": "Trần Văn Bình", "birth_date": "01/01/2000"})
    dialog = MemberFormDialog(synchronous_core(ws), member_id)
    qtbot.addWidget(dialog)
    assert dialog.next_button is None
    box = dialog.save_button.parentWidget()
    assert box is not None
    assert [button.text() for button in box.findChildren(QPushButton)] == ["Lưu", "Hủ&y"]


def test_enter_on_the_focused_save_and_next_button_presses_it(qtbot: QtBot, ws: Workspace) -> None:
    """Tabbed to "Lưu và thêm tiếp", Enter presses it (not "Lưu", the default elsewhere); back
    in "Họ và tên", Enter is "Lưu" again."""
    dialog = _shown(qtbot, ws)
    dialog.set_value("full_name", "Lê Văn Bình")
    dialog.set_value("birth_date", "2001")
    button = dialog.next_button
    assert button is not None
    button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button)
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert dialog.isVisible() and list(_branches(ws)) == ["Lê Văn Bình"]
    name = dialog.editors["full_name"]
    assert QApplication.focusWidget() is name
    qtbot.keyClicks(name, "Tran Thi Hoa")
    dialog.set_value("birth_date", "2002")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert sorted(_branches(ws)) == ["Lê Văn Bình", "Tran Thi Hoa"]
