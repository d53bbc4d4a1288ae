"""Enter on a button of the bundle wizards presses it, as on any Windows dialog: the import
opens with the focus on "Chọn tệp…", and Enter there, the first key a secretary presses, did
nothing; nor did it on "Tiếp >", "Nhập" or "Đóng" tabbed to (the steps have no default button,
so that Enter in a field never jumps a step: that stays)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from bundle_gui import PASSWORD, add_people, export_through_gui, export_wizard, import_wizard, stick
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.export_wizard import KIND_PAGE, PASSWORD_PAGE, TARGET_PAGE
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
ENTER, RETURN = Qt.Key.Key_Enter, Qt.Key.Key_Return


def _shown_active(qtbot: QtBot, dialog: QDialog) -> None:
    with qtbot.wait_active(dialog):
        dialog.show()
        dialog.activateWindow()


def test_enter_takes_a_handover_through_the_import_wizard(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    from doancoso.ui.bundle.import_wizard import INFO_PAGE, PLAN_PAGE, RESULT_PAGE

    add_people(ws)
    bundle = export_through_gui(qtbot, ws, tmp_path)
    other = Workspace.open(tmp_path / "may-moi")
    prompts = ScriptedPrompts()
    asked: list[str] = []
    try:
        wizard = import_wizard(qtbot, other, prompts)
        wizard.ask_open_path = lambda title: asked.append(title) or bundle
        _shown_active(qtbot, wizard)
        assert QApplication.focusWidget() is wizard.browse_button
        qtbot.keyClick(wizard.browse_button, RETURN)
        assert asked == ["Chọn tệp dữ liệu doancoso"]
        assert wizard.file_edit.text() == str(bundle)
        assert QApplication.focusWidget() is wizard.password_edit
        wizard.password_edit.setText(PASSWORD)
        wizard.next_button.setFocus()
        qtbot.keyClick(wizard.next_button, ENTER)  # the keypad's
        assert wizard.page == INFO_PAGE, wizard.file_error.text()
        assert QApplication.focusWidget() is wizard.next_button
        qtbot.keyClick(wizard.next_button, RETURN)
        assert wizard.page == PLAN_PAGE
        assert QApplication.focusWidget() is wizard.import_button
        qtbot.keyClick(wizard.import_button, RETURN)
        assert prompts.asked == ["Nhận bàn giao dữ liệu của “Đoàn xã Tân Hưng” vào máy này?"]
        assert wizard.page == RESULT_PAGE and len(other.members.ids()) == 3
        assert QApplication.focusWidget() is wizard.close_button
        qtbot.keyClick(wizard.close_button, RETURN)
        assert not wizard.isVisible()
    finally:
        wizard.close()
        other.close()


def test_enter_on_the_export_s_buttons_and_never_in_its_fields(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [stick(tmp_path)])
    _shown_active(qtbot, wizard)
    wizard.next_button.setFocus()
    qtbot.keyClick(wizard.next_button, RETURN)
    assert wizard.page == PASSWORD_PAGE
    wizard.back_button.setFocus()
    qtbot.keyClick(wizard.back_button, RETURN)
    assert wizard.page == KIND_PAGE
    wizard.next_button.click()
    wizard.password_panel.first.setText(PASSWORD)
    wizard.password_panel.second.setText(PASSWORD)
    wizard.next_button.click()
    assert wizard.page == TARGET_PAGE
    qtbot.keyClick(wizard.name_edit, RETURN)  # in the file name: never writes by itself
    assert wizard.result_ is None and list((tmp_path / "usb").iterdir()) == []
    wizard.export_button.setFocus()
    qtbot.keyClick(wizard.export_button, RETURN)
    assert wizard.result_ is not None, wizard.target_error.text()
    assert [p.suffix for p in (tmp_path / "usb").iterdir()] == [".dcs"]


def test_after_a_failed_export_the_focus_is_back_on_xuat_not_on_huy(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """ "Xuất" is disabled while it writes: the focus fell to "Hủy" and stayed there after a
    refusal (the stick pulled out), so that Enter, pressed again to try again, closed the
    wizard and its password typed twice. It is back on "Xuất"."""
    import shutil

    usb = stick(tmp_path)
    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [usb])
    _shown_active(qtbot, wizard)
    wizard.next_button.click()
    wizard.password_panel.first.setText(PASSWORD)
    wizard.password_panel.second.setText(PASSWORD)
    wizard.next_button.click()
    shutil.rmtree(usb.root)  # pulled out
    wizard.export_button.setFocus()
    qtbot.keyClick(wizard.export_button, RETURN)
    target = usb.root / "doancoso-doan-xa-tan-hung-ban-giao-04-12-2026.dcs"
    assert wizard.result_ is None and wizard.target_error.text() == (
        f"Không ghi được gói dữ liệu “{target}”: thư mục không tồn tại."
    )
    assert wizard.page == TARGET_PAGE and wizard.isVisible()
    assert QApplication.focusWidget() is wizard.export_button
    usb.root.mkdir()  # plugged in again
    qtbot.keyClick(wizard.export_button, RETURN)
    assert wizard.result_ is not None, wizard.target_error.text()


def test_after_a_failed_import_the_focus_is_back_on_nhap_not_on_huy(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """The same with "Nhập": the decrypted copy cleaned away meanwhile, the import refused and
    nothing changed, the focus was on "Hủy"."""
    from bundle_gui import import_to_plan
    from doancoso.core.bundle.container import COPY_LOST
    from doancoso.ui.bundle.import_wizard import PLAN_PAGE

    add_people(ws)
    bundle = export_through_gui(qtbot, ws, tmp_path)
    other = Workspace.open(tmp_path / "may-moi")
    try:
        wizard = import_to_plan(qtbot, other, bundle)
        _shown_active(qtbot, wizard)
        assert wizard.held is not None and wizard.held.copy is not None
        wizard.held.copy.unlink()
        wizard.import_button.setFocus()
        qtbot.keyClick(wizard.import_button, RETURN)
        assert wizard.plan_error.text() == COPY_LOST and not other.has_organization
        assert wizard.page == PLAN_PAGE and wizard.isVisible()
        assert QApplication.focusWidget() is wizard.import_button
    finally:
        wizard.close()
        other.close()


def test_enter_in_the_password_goes_one_step_and_presses_nothing_there(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    """Enter in the second password field goes on to step 3, whose focus, with no USB, is on
    "Chọn nơi khác…": the same Enter must not press it too (a folder asked for unbidden)."""
    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [])
    asked: list[str] = []
    wizard.ask_folder = lambda title: asked.append(title) and None
    _shown_active(qtbot, wizard)
    wizard.next_button.click()
    wizard.password_panel.first.setText(PASSWORD)
    wizard.password_panel.second.setText(PASSWORD)
    qtbot.keyClick(wizard.password_panel.second, RETURN)
    assert wizard.page == TARGET_PAGE
    assert QApplication.focusWidget() is wizard.other_button and asked == []
    qtbot.keyClick(wizard.other_button, RETURN)
    assert asked == ["Chọn thư mục lưu tệp"]
