"""The bundle wizards by keyboard: one password field for both ("Hiện mật khẩu" in the import
wizard as in the export wizard), Alt+letter on the step buttons of every stepped dialog, and
Enter going on from the password (the only place where it is safe: no default button, so that
Enter in the file name never starts writing on the stick)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from bundle_gui import PASSWORD, export_wizard, import_wizard, stick, tab_stops
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.conflicts import CHOICE
from doancoso.ui.bundle.export_wizard import KIND_PAGE, PASSWORD_PAGE, TARGET_PAGE
from doancoso.ui.bundle.password import PasswordEdit, ShowPassword
from doancoso.ui.roster.import_wizard import ImportWizard
from mnemonics import press_alt
from scripted import ScriptedPrompts, synchronous_core
from stored import organization_of

NORMAL, HIDDEN = QLineEdit.EchoMode.Normal, QLineEdit.EchoMode.Password


def _shown_active(qtbot: QtBot, dialog: QDialog) -> None:
    with qtbot.wait_active(dialog):  # mnemonics work only in the active window
        dialog.show()
        dialog.activateWindow()


def test_the_import_wizard_can_show_the_password_as_the_export_wizard_does(
    qtbot: QtBot, empty_ws: Workspace, tmp_path: Path
) -> None:
    importing = import_wizard(qtbot, empty_ws, ScriptedPrompts())
    exporting = export_wizard(qtbot, empty_ws, ScriptedPrompts(), [stick(tmp_path)])
    panel = exporting.password_panel
    assert isinstance(importing.password_edit, PasswordEdit)
    assert isinstance(panel.first, PasswordEdit) and isinstance(panel.second, PasswordEdit)
    for box in (importing.show_password, panel.show_box):
        assert isinstance(box, ShowPassword) and box.text() == "&Hiện mật khẩu"
    assert importing.password_edit.echoMode() == HIDDEN
    importing.show_password.setChecked(True)
    assert importing.password_edit.echoMode() == NORMAL
    importing.show_password.setChecked(False)
    assert importing.password_edit.echoMode() == HIDDEN
    panel.show_box.setChecked(True)
    assert (panel.first.echoMode(), panel.second.echoMode()) == (NORMAL, NORMAL)


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_every_stepped_dialog_has_alt_letters_on_its_step_buttons(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    importing = import_wizard(qtbot, ws, ScriptedPrompts())
    exporting = export_wizard(qtbot, ws, ScriptedPrompts(), [stick(tmp_path)])
    roster = ImportWizard(synchronous_core(ws, ScriptedPrompts()))
    qtbot.addWidget(roster)
    for wizard, action in ((importing, "&Nhập"), (exporting, "&Xuất"), (roster, "&Nhập")):
        steps = wizard.steps
        assert [steps.back.text(), steps.next.text(), steps.action.text()] == [
            "< &Quay lại", "&Tiếp >", action,
        ]  # fmt: skip
    assert importing.browse_button.text() == "&Chọn tệp…"
    assert [exporting.rescan_button.text(), exporting.other_button.text()] == [
        "Tìm lại &USB", "&Chọn nơi khác…",
    ]  # fmt: skip
    assert exporting.print_button.text() == "&Lưu biên bản bàn giao (PDF)…"
    _shown_active(qtbot, exporting)
    press_alt(qtbot, Qt.Key.Key_T)  # a mnemonic presses the button as a click shows it
    qtbot.waitUntil(lambda: exporting.page == PASSWORD_PAGE)
    press_alt(qtbot, Qt.Key.Key_Q)
    qtbot.waitUntil(lambda: exporting.page == KIND_PAGE)


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_enter_goes_on_from_the_password_and_nowhere_else(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [stick(tmp_path)])
    _shown_active(qtbot, wizard)
    assert not any(b.isDefault() or b.autoDefault() for b in (wizard.next_button,
                   wizard.export_button, wizard.back_button))  # fmt: skip
    wizard.next_button.click()
    panel = wizard.password_panel
    panel.first.setText(PASSWORD)
    qtbot.keyClick(panel.first, Qt.Key.Key_Return)
    assert panel.second.hasFocus() and wizard.page == PASSWORD_PAGE
    panel.second.setText(PASSWORD[:-1])
    qtbot.keyClick(panel.second, Qt.Key.Key_Return)  # not the same password: stays
    assert wizard.page == PASSWORD_PAGE
    panel.second.setText(PASSWORD)
    qtbot.keyClick(panel.second, Qt.Key.Key_Return)
    assert wizard.page == TARGET_PAGE
    qtbot.keyClick(wizard.name_edit, Qt.Key.Key_Return)  # never writes on the stick by itself
    assert wizard.page == TARGET_PAGE and wizard.result_ is None
    assert list((tmp_path / "usb").iterdir()) == []


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_wrong_password_is_typed_again_over_and_enter_goes_on(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    from bundle_gui import export_through_gui
    from doancoso.ui.bundle.import_wizard import INFO_PAGE

    typed = "Hoa sen no tren dam 1990!"  # QTest types no Vietnamese letters
    bundle = export_through_gui(qtbot, ws, tmp_path, password=typed)
    wizard = import_wizard(qtbot, ws, ScriptedPrompts())
    wizard.ask_open_path = lambda _title: bundle
    wizard.browse_button.click()
    _shown_active(qtbot, wizard)
    wizard.password_edit.setFocus()
    qtbot.keyClicks(wizard.password_edit, "Hoa sen no tren dam 1991!")
    qtbot.keyClick(wizard.password_edit, Qt.Key.Key_Return)
    assert wizard.file_error.text().startswith("Mật khẩu không đúng: không mở được gói dữ liệu")
    assert wizard.password_edit.hasFocus()
    qtbot.keyClicks(wizard.password_edit, typed)  # typed again: over the wrong one
    qtbot.keyClick(wizard.password_edit, Qt.Key.Key_Return)
    assert wizard.page == INFO_PAGE, wizard.file_error.text()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_tab_goes_through_the_tables_of_the_import_wizard_and_out_of_them(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Tab leaves a table for the next control (the tables' cells took every Tab, round and
    round: the counts of step 2 held the focus away from "Tiếp", the conflicts' fields from
    their choices and from "Quay lại")."""
    from bundle_gui import import_to_plan
    from bundle_sync import both_changed
    from doancoso.ui.bundle.import_wizard import INFO_PAGE

    mine, theirs, bundle = both_changed(tmp_path, 2)
    try:
        wizard = import_to_plan(qtbot, mine, bundle)
        _shown_active(qtbot, wizard)
        panel = wizard.conflicts
        stops = tab_stops(qtbot, wizard.plan_table, 10)
        choices = [panel.fields.cellWidget(r, CHOICE) for r in range(panel.fields.rowCount())]
        assert choices and all(c in stops for c in choices)
        assert wizard.back_button in stops and stops.count(panel.fields) == 1
        assert stops.index(panel.fields) < stops.index(choices[0]) < stops.index(wizard.back_button)
        wizard.back_button.click()
        assert wizard.page == INFO_PAGE
        stops = tab_stops(qtbot, wizard.counts_table, 3)
        assert wizard.next_button in stops
    finally:
        mine.close()
        theirs.close()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_alt_letters_make_the_choices_of_the_steps(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """The choices a step waits for have their Alt+letter, as the step buttons do: the kind of
    export (Alt+B, Alt+O), every conflict at once (Alt+G, Alt+L)."""
    from bundle_gui import import_to_plan
    from bundle_sync import both_changed

    exporting = export_wizard(qtbot, ws, ScriptedPrompts(), [stick(tmp_path)])
    assert exporting.handover_radio.text() == "&Bàn giao cho người kế nhiệm (toàn bộ dữ liệu)"
    assert exporting.report_radio.text() == "Bá&o cáo cấp trên (dữ liệu của một năm)"
    _shown_active(qtbot, exporting)
    press_alt(qtbot, Qt.Key.Key_O)
    qtbot.waitUntil(exporting.report_radio.isChecked)
    assert exporting.year_spin.isEnabled()
    press_alt(qtbot, Qt.Key.Key_B)
    qtbot.waitUntil(exporting.handover_radio.isChecked)
    exporting.close()

    mine, theirs, bundle = both_changed(tmp_path / "hai-may", 2)
    try:
        wizard = import_to_plan(qtbot, mine, bundle)
        panel = wizard.conflicts
        assert [panel.all_mine.text(), panel.all_theirs.text()] == [
            "&Giữ của tôi cho tất cả", "&Lấy của tệp cho tất cả",
        ]  # fmt: skip
        assert not wizard.import_button.isEnabled()
        _shown_active(qtbot, wizard)
        press_alt(qtbot, Qt.Key.Key_L)
        qtbot.waitUntil(wizard.import_button.isEnabled)
        assert {f for c in panel.choices().values() for f in c.values()} == {"theirs"}
        press_alt(qtbot, Qt.Key.Key_G)
        qtbot.waitUntil(lambda: {f for c in panel.choices().values() for f in c.values()}
                        == {"mine"})  # fmt: skip
    finally:
        mine.close()
        theirs.close()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_import_wizard_opens_on_the_button_choosing_the_file(
    qtbot: QtBot, empty_ws: Workspace
) -> None:
    """The first thing to do is to choose the file: its button has the focus (the read-only
    field showing the file's name had it, where nothing can be typed)."""
    wizard = import_wizard(qtbot, empty_ws, ScriptedPrompts())
    _shown_active(qtbot, wizard)
    assert QApplication.focusWidget() is wizard.browse_button
    qtbot.keyClick(wizard.browse_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is wizard.password_edit


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_shift_tab_passes_over_the_file_s_name_which_a_click_still_selects(
    qtbot: QtBot, empty_ws: Workspace, tmp_path: Path
) -> None:
    """The file's name is read-only: Shift+Tab from "Chọn tệp…" stopped there, where nothing
    can be typed. A click still selects it, to copy the path."""
    bundle = tmp_path / "ban-giao.dcs"
    wizard = import_wizard(qtbot, empty_ws, ScriptedPrompts())
    wizard.file_edit.setText(str(bundle))
    _shown_active(qtbot, wizard)
    qtbot.keyClick(wizard.browse_button, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is not wizard.file_edit
    qtbot.mouseClick(wizard.file_edit, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is wizard.file_edit
    qtbot.keyClick(wizard.file_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(wizard.file_edit, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == str(bundle)


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_handover_done_page_focuses_the_receivers_name_to_type(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """Once the handover is written, the biên bản asks the names: the giver's is filled in
    from the settings, so the focus is on the receiver's, empty, to type (it was on the
    giver's); with no secretary set up, on the giver's."""
    import dataclasses

    from doancoso.ui.bundle.export_wizard import DONE_PAGE

    for secretary in ("Nguyễn Văn An", ""):
        ws.organization.update(dataclasses.replace(organization_of(ws), secretary_name=secretary))
        wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [stick(tmp_path / secretary)])
        _shown_active(qtbot, wizard)
        wizard.next_button.click()
        wizard.password_panel.first.setText(PASSWORD)
        wizard.password_panel.second.setText(PASSWORD)
        wizard.next_button.click()
        wizard.export_button.click()
        assert wizard.page == DONE_PAGE, wizard.target_error.text()
        assert wizard.giver_name.text() == secretary
        empty = wizard.receiver_name if secretary else wizard.giver_name

        def focused(empty: QLineEdit = empty) -> bool:
            return QApplication.focusWidget() is empty

        qtbot.waitUntil(focused)
        wizard.close()
