"""Young people typed in one after another from a hamlet head's paper list: "Lưu và thêm tiếp"
(Ctrl+Enter) saves one, empties the form for the next but for the hamlet, says who was saved and
puts the cursor back in "Họ và tên"; each one saved is on the undo history by itself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.youth.form import YouthFormDialog, read_youth
from scripted import ScriptedPrompts, synchronous_core

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_save_and_add_next_keeps_the_hamlet(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, youth_ws, prompts)
    before = youth_ws.youth.count()
    seen: list[tuple[str, str, str, str]] = []

    def type_two(dialog: QDialog) -> None:
        assert isinstance(dialog, YouthFormDialog)
        assert dialog.next_button is not None
        assert dialog.next_button.text() == "Lưu và thêm tiếp"
        dialog.set_value("full_name", "Trần Thị Ngọc")
        dialog.set_value("birth_date", "05/03/2007")
        dialog.set_value("hamlet", "Ấp Bào Sen")
        dialog.set_value("occupation", "Công nhân")
        dialog.next_button.click()
        raw = dialog.raw()
        seen.append((raw["full_name"], raw["hamlet"], raw["occupation"], dialog.saved_note.text()))
        dialog.set_value("full_name", "Lý Văn Tài")
        dialog.set_value("birth_date", "06/04/2006")
        dialog.save_button.click()

    prompts.dialog_script = type_two
    window.youth.add_youth()
    prompts.dialog_script = None
    assert seen == [(
        "", "Ấp Bào Sen", "",
        "Đã lưu thanh niên Trần Thị Ngọc. Nhập người tiếp theo (Ctrl+Enter để lưu và thêm tiếp, "
        "Enter để lưu và đóng).",
    )]  # fmt: skip
    assert youth_ws.youth.count() == before + 2
    hamlets = {r.full_name: r.hamlet for r in youth_ws.youth.list()}
    assert hamlets["Trần Thị Ngọc"] == hamlets["Lý Văn Tài"] == "Ấp Bào Sen"
    assert window.undo_action.text() == "&Hoàn tác: Thêm thanh niên Lý Văn Tài"
    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    assert window.undo_action.text() == "&Hoàn tác: Thêm thanh niên Trần Thị Ngọc"
    assert youth_ws.youth.count() == before + 1


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [
        (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),
        (
            Qt.Key.Key_Enter,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier,
        ),
    ],
)  # Ctrl with either Enter key: the main one and the keypad's
def test_ctrl_enter_saves_and_adds_next(
    qtbot: QtBot, youth_ws: Workspace, key: Qt.Key, modifiers: Qt.KeyboardModifier
) -> None:
    dialog = YouthFormDialog(synchronous_core(youth_ws), None)
    qtbot.addWidget(dialog)
    with qtbot.wait_active(dialog):  # Ctrl+Enter works only in the active window
        dialog.show()
        dialog.activateWindow()
    added: list[str] = []
    dialog.youth_added.connect(lambda youth: added.append(youth.fields.full_name))
    dialog.set_value("full_name", "Trần Thị Ngọc")
    dialog.set_value("birth_date", "05/03/2007")
    dialog.set_value("hamlet", "Ấp Bào Sen")
    birth = dialog.editors["birth_date"]
    birth.setFocus()
    qtbot.keyClick(birth, key, modifiers)
    qtbot.keyRelease(birth, Qt.Key.Key_Control)
    assert added == ["Trần Thị Ngọc"]
    assert dialog.isVisible() and dialog.raw()["full_name"] == ""
    assert dialog.raw()["hamlet"] == "Ấp Bào Sen"
    assert dialog.editors["full_name"].hasFocus()  # the next name typed straight away


def test_enter_on_the_focused_save_and_next_button_presses_it(
    qtbot: QtBot, youth_ws: Workspace
) -> None:
    """Tabbed to "Lưu và thêm tiếp", Enter presses it (not "Lưu", the default elsewhere), as in
    the member form; back in "Họ và tên", Enter is "Lưu" again."""
    dialog = YouthFormDialog(synchronous_core(youth_ws), None)
    qtbot.addWidget(dialog)
    with qtbot.wait_active(dialog):
        dialog.show()
        dialog.activateWindow()
    before = youth_ws.youth.count()
    dialog.set_value("full_name", "Trần Thị Ngọc")
    dialog.set_value("birth_date", "05/03/2007")
    button = dialog.next_button
    assert button is not None and button.toolTip() == (
        "Lưu thanh niên này rồi nhập ngay người tiếp theo (Ctrl+Enter); ấp/khu phố giữ như người "
        "vừa lưu."
    )
    button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button)
    qtbot.keyClick(button, Qt.Key.Key_Return)
    assert dialog.isVisible() and youth_ws.youth.count() == before + 1
    name = dialog.editors["full_name"]
    assert QApplication.focusWidget() is name
    qtbot.keyClicks(name, "Ly Van Tai")
    dialog.set_value("birth_date", "06/04/2006")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert not dialog.isVisible() and youth_ws.youth.count() == before + 2


def test_an_edit_has_no_save_and_add_next(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, youth_ws, prompts)
    youth_id = youth_ws.youth.ids()[0]
    dialog = YouthFormDialog(window.core, read_youth(youth_ws, youth_id), window)
    qtbot.addWidget(dialog)
    assert dialog.next_button is None
