"""Thiết lập: what is typed in the organisation's fields and not saved yet is the secretary's
until saved or dropped on purpose: another setting of the page saved meanwhile keeps it, and
closing the app asks, as for the plan's texts (the plan deadline typed
in its boxes too, saying when it is not valid)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.plans.registration import Deadline
from doancoso.core.workspace import Workspace
from doancoso.ui.settings.page import SettingsPage
from doancoso.ui.shell.main_window import SETTINGS, MainWindow
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts, closing_without_saving, synchronous_core

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
SAVE, DROP, STAY = range(3)


def test_typed_fields_stay_when_another_setting_is_saved(qtbot: QtBot, ws: Workspace) -> None:
    """Ticking "vắng có phép" saves the organisation at once: the secretary's name typed just
    before stays in its field, and "Lưu" saves it."""
    page = SettingsPage(synchronous_core(ws))
    qtbot.addWidget(page)
    page.form.editors["secretary_name"].setText("Lê Văn Tám")
    page.form.age_spin.setValue(32)
    page.leave_box.setChecked(True)
    assert ws.participation.leave_counts() is True
    assert page.form.editors["secretary_name"].text() == "Lê Văn Tám"
    assert page.form.age_spin.text() == "32 tuổi"
    page.save_button.click()
    info = ws.organization.get()
    assert info is not None and (info.secretary_name, info.coming_of_age) == ("Lê Văn Tám", 32)
    assert page.saved_label.text() == "Đã lưu."


@pytest.mark.parametrize("answer", [SAVE, DROP, STAY])
def test_closing_the_app_asks_about_the_typed_fields(
    qtbot: QtBot, ws: Workspace, answer: int
) -> None:
    prompts = ScriptedPrompts()
    prompts.answer_index = answer
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window, before_close_func=closing_without_saving(prompts))
    window.show()
    window.show_area(SETTINGS)
    window.settings.form.editors["secretary_name"].setText("Lê Văn Tám")
    window.show_area(0)
    assert window.close() is (answer != STAY)
    assert prompts.asked == [
        "Có nội dung đã nhập nhưng chưa lưu:\n• Thiết lập: thông tin Đoàn cơ sở\n\n"
        "Lưu lại trước khi đóng?"
    ]
    info = ws.organization.get()
    assert info is not None
    assert info.secretary_name == ("Lê Văn Tám" if answer == SAVE else "Nguyễn Thị Như Quỳnh")
    if answer == STAY:
        assert window.sidebar.currentRow() == SETTINGS
        assert window.settings.form.editors["secretary_name"].text() == "Lê Văn Tám"


def test_a_refused_save_at_closing_stays_on_the_settings(qtbot: QtBot, ws: Workspace) -> None:
    prompts = ScriptedPrompts()
    prompts.answer_index = SAVE
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window, before_close_func=closing_without_saving(prompts))
    window.show()
    window.show_area(SETTINGS)
    window.settings.form.editors["name"].setText("")
    window.show_area(0)
    assert not window.close()
    assert window.sidebar.currentRow() == SETTINGS
    assert window.settings.form.errors.messages() == {"name": "Cần nhập tên Đoàn cơ sở."}


def test_saved_is_no_longer_said_once_a_field_changes(qtbot: QtBot, ws: Workspace) -> None:
    page = SettingsPage(synchronous_core(ws))
    qtbot.addWidget(page)
    page.form.editors["secretary_name"].setText("Lê Văn Tám")
    page.save_button.click()
    assert page.saved_label.text() == "Đã lưu."
    qtbot.keyClicks(page.form.editors["secretary_name"], "h")
    assert page.saved_label.text() == ""
    assert page.unsaved_edits() == "thông tin Đoàn cơ sở"


def test_enter_and_ctrl_s_save_the_fields(qtbot: QtBot, ws: Workspace) -> None:
    """Keyboard only, as in the plan's form: Enter in a field, or Ctrl+S anywhere in it."""
    page = SettingsPage(synchronous_core(ws))
    qtbot.addWidget(page)
    with qtbot.wait_active(page):  # shortcuts need an active window
        page.show()
        page.activateWindow()
    name = page.form.editors["secretary_name"]
    name.setFocus()
    name.setText("Lê Văn Tám")  # (QTest types ASCII only)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    info = ws.organization.get()
    assert info is not None and info.secretary_name == "Lê Văn Tám"
    assert page.saved_label.text() == "Đã lưu."
    page.form.age_spin.setFocus()
    qtbot.keyClick(page.form.age_spin, Qt.Key.Key_Up)
    qtbot.keyClick(page.form.age_spin, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    info = ws.organization.get()
    assert info is not None and info.coming_of_age == 31
    assert page.save_button.toolTip() == "Lưu thông tin Đoàn cơ sở (Enter hoặc Ctrl+S)"


def _window(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> MainWindow:
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window, before_close_func=closing_without_saving(prompts))
    window.show()
    window.show_area(SETTINGS)
    return window


@pytest.mark.parametrize("answer", [SAVE, DROP, STAY])
def test_closing_the_app_asks_about_a_deadline_typed(
    qtbot: QtBot, ws: Workspace, answer: int
) -> None:
    """The plan deadline typed in its boxes, not left yet (so not saved): asked like the
    organisation's fields, saved or dropped as answered."""
    prompts = ScriptedPrompts()
    prompts.answer_index = answer
    window = _window(qtbot, ws, prompts)
    window.settings.deadline_day_box.setValue(15)
    window.settings.deadline_month_box.setValue(12)
    window.show_area(0)
    assert window.close() is (answer != STAY)
    assert prompts.asked == [
        "Có nội dung đã nhập nhưng chưa lưu:\n• Thiết lập: hạn đăng ký kế hoạch 15/12\n\n"
        "Lưu lại trước khi đóng?"
    ]
    assert ws.plans.registration_deadline() == (
        Deadline(15, 12) if answer == SAVE else Deadline(10, 11)
    )
    if answer == STAY:
        assert window.sidebar.currentRow() == SETTINGS
        assert window.settings.deadline_day_box.value() == 15
        _close_dropping(window, prompts)


def _close_dropping(window: MainWindow, prompts: ScriptedPrompts) -> None:
    """Close a window left open by "Ở lại", dropping what is typed: a window left open would
    outlive the test (the next tests count the app's open windows)."""
    prompts.answer_index = DROP
    assert window.close()


@pytest.mark.parametrize("answer", [SAVE, STAY])
def test_an_invalid_deadline_is_said_at_closing_and_kept_to_correct(
    qtbot: QtBot, ws: Workspace, answer: int
) -> None:
    """31/11 refused beside the boxes, and the secretary's name typed: the question names both
    and says the deadline is not valid; "Lưu và đóng" saves the name, not the deadline, and
    stays on the settings with 31/11 and its message still there to correct."""
    prompts = ScriptedPrompts()
    prompts.answer_index = answer
    window = _window(qtbot, ws, prompts)
    page = window.settings
    page.deadline_day_box.setValue(31)
    page.deadline_day_box.editingFinished.emit()
    assert page.deadline_error.text() == "Tháng 11 chỉ có 30 ngày: không có ngày 31/11."
    page.form.editors["secretary_name"].setText("Lê Văn Tám")
    window.show_area(0)
    assert not window.close()
    assert prompts.asked == [
        "Có nội dung đã nhập nhưng chưa lưu:\n• Thiết lập: thông tin Đoàn cơ sở, hạn đăng ký "
        "kế hoạch 31/11 (ngày không hợp lệ, cần sửa)\n\nLưu lại trước khi đóng?"
    ]
    assert window.sidebar.currentRow() == SETTINGS
    assert (page.deadline_day_box.value(), page.deadline_month_box.value()) == (31, 11)
    assert not page.deadline_error.isHidden()
    assert page.deadline_error.text() == "Tháng 11 chỉ có 30 ngày: không có ngày 31/11."
    assert ws.plans.registration_deadline() == Deadline(10, 11)
    info = ws.organization.get()
    assert info is not None
    assert info.secretary_name == ("Lê Văn Tám" if answer == SAVE else "Nguyễn Thị Như Quỳnh")
    left = "hạn đăng ký kế hoạch 31/11 (ngày không hợp lệ, cần sửa)"
    assert page.unsaved_edits() == (left if answer == SAVE else f"thông tin Đoàn cơ sở, {left}")
    page.deadline_month_box.setValue(12)  # corrected: saved when the box is left
    page.deadline_month_box.editingFinished.emit()
    assert ws.plans.registration_deadline() == Deadline(31, 12) and page.deadline_error.isHidden()
    _close_dropping(window, prompts)
