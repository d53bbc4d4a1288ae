"""Where the keyboard is after each step of the bundle wizards: on the step's first thing to
do, never left on "Hủy" nor on nothing. "Tiếp >" pressed from the keyboard hides itself on the
step of the action, and the focus fell to the next button, "Hủy"; the report's last page has no
field, and the focus fell on the page itself, where no key did anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from bundle_gui import PASSWORD, add_people, export_through_gui, export_wizard, import_wizard, stick
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.export_wizard import DONE_PAGE, PASSWORD_PAGE, TARGET_PAGE
from mnemonics import letters, press_alt, twice
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _shown_active(qtbot: QtBot, dialog: QDialog) -> None:
    with qtbot.wait_active(dialog):
        dialog.show()
        dialog.activateWindow()


def _press(qtbot: QtBot, button: QPushButton) -> None:
    """``button`` tabbed to and pressed with the space bar."""
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def _focused() -> QWidget | None:
    return QApplication.focusWidget()


@pytest.mark.parametrize("with_stick", [True, False])
def test_the_export_s_target_step_starts_on_where_to_save(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, with_stick: bool
) -> None:
    """With a stick, on the list of places; with none, on "Chọn nơi khác…" (the list empty)."""
    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [stick(tmp_path)] if with_stick else [])
    _shown_active(qtbot, wizard)
    _press(qtbot, wizard.next_button)
    assert wizard.page == PASSWORD_PAGE and _focused() is wizard.password_panel.first
    wizard.password_panel.first.setText(PASSWORD)
    wizard.password_panel.second.setText(PASSWORD)
    _press(qtbot, wizard.next_button)
    assert wizard.page == TARGET_PAGE
    assert _focused() is (wizard.drive_combo if with_stick else wizard.other_button)
    assert _focused() is not wizard.close_button
    _press(qtbot, wizard.back_button)
    assert wizard.page == PASSWORD_PAGE
    qtbot.keyClick(wizard.password_panel.second, Qt.Key.Key_Return)  # on by Enter: the same
    assert wizard.page == TARGET_PAGE
    assert _focused() is (wizard.drive_combo if with_stick else wizard.other_button)


def test_the_report_s_last_page_has_the_focus_on_dong(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """Exported by Alt+X from the file name: the focus was on the page (nothing to see, Tab
    the only key doing anything); it is on "Đóng", which Alt+G presses, as the app's other
    "Đóng" (it had no letter)."""
    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [stick(tmp_path)])
    _shown_active(qtbot, wizard)
    wizard.report_radio.setChecked(True)
    wizard.next_button.click()
    wizard.password_panel.unencrypted.setChecked(True)
    wizard.next_button.click()
    assert wizard.page == TARGET_PAGE
    wizard.name_edit.setFocus()
    qtbot.keyClick(wizard.name_edit, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.keyRelease(wizard, Qt.Key.Key_Alt)
    qtbot.waitUntil(lambda: wizard.page == DONE_PAGE)
    assert wizard.close_button.text() == "Đón&g"
    assert _focused() is wizard.close_button
    assert twice(letters(wizard)) == []
    with qtbot.waitSignal(wizard.finished):
        press_alt(qtbot, Qt.Key.Key_G)


def test_the_import_s_dry_run_starts_on_nhap(qtbot: QtBot, ws: Workspace, tmp_path: Path) -> None:
    """Step 2 gone through with "Tiếp >" from the keyboard: with nothing to choose, the focus
    is on "Nhập" (it was on "Hủy"); on the last page, on "Đóng", which Alt+G presses."""
    from doancoso.ui.bundle.import_wizard import INFO_PAGE, PLAN_PAGE, RESULT_PAGE

    add_people(ws)
    bundle = export_through_gui(qtbot, ws, tmp_path)
    other = Workspace.open(tmp_path / "may-moi")
    try:
        wizard = import_wizard(qtbot, other, ScriptedPrompts())
        wizard.ask_open_path = lambda _title: bundle
        _shown_active(qtbot, wizard)
        _press(qtbot, wizard.browse_button)
        wizard.password_edit.setText(PASSWORD)
        _press(qtbot, wizard.next_button)
        assert wizard.page == INFO_PAGE, wizard.file_error.text()
        _press(qtbot, wizard.next_button)
        assert wizard.page == PLAN_PAGE and wizard.plan.conflicts == []
        assert wizard.import_button.text() == "&Nhập"
        assert _focused() is wizard.import_button
        qtbot.keyClick(wizard.import_button, Qt.Key.Key_Space)
        assert wizard.page == RESULT_PAGE
        assert _focused() is wizard.close_button and wizard.close_button.text() == "Đón&g"
        assert twice(letters(wizard)) == []
        with qtbot.waitSignal(wizard.finished):
            press_alt(qtbot, Qt.Key.Key_G)
    finally:
        wizard.close()
        other.close()
