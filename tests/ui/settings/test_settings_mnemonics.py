"""Thiết lập by Alt+letter: each button and each field of the page has its own letter, none taken
twice in the main window (its menus included); a button's presses it from anywhere on the page, a
field's puts the keyboard in it. The first start's dialog gives its fields the same letters."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl, shown_active
from doancoso.core.workspace import Workspace
from doancoso.ui.settings.page import SettingsPage
from doancoso.ui.settings.setup_dialog import SetupDialog
from doancoso.ui.shell.main_window import SETTINGS, MainWindow
from mnemonics import letters, mnemonic, press_alt, twice
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _settings(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> SettingsPage:
    window = active_window(qtbot, ws, prompts)
    press_ctrl(qtbot, window, Qt.Key.Key_0)
    page = window.page(SETTINGS)
    assert isinstance(page, SettingsPage)
    return page


def test_the_settings_page_s_buttons_have_their_own_letters(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    page = _settings(qtbot, ws, prompts)
    assert [b.text() for b in (page.save_button, page.rating_rules_button,
                               page.open_folder_button, page.backups_button,
                               page.export_bundle_button, page.import_bundle_button)] == [
        "&Lưu", "&Quy tắc xếp loại…", "&Mở thư mục", "Sao lưu và &khôi phục…",
        "Xuất dữ liệu ra &USB…", "Nhận &dữ liệu từ USB…",
    ]  # fmt: skip
    window = page.window()
    assert isinstance(window, MainWindow)
    found = letters(window)
    assert {"Alt+L", "Alt+Q", "Alt+M", "Alt+K", "Alt+U", "Alt+D"} <= set(found)
    assert twice(found) == []


def test_alt_letters_open_the_data_folder_and_the_usb_wizards_from_the_name_field(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    page = _settings(qtbot, ws, prompts)
    assert QApplication.focusWidget() is page.form.editors["name"]
    opened: list[Path] = []
    page.open_folder = opened.append
    press_alt(qtbot, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: opened == [ws.data_dir])
    titles: list[str] = []

    def seen(dialog: QDialog) -> None:
        titles.append(dialog.windowTitle())

    prompts.dialog_script = seen
    page.form.editors["name"].setFocus()
    press_alt(qtbot, Qt.Key.Key_U)
    qtbot.waitUntil(lambda: titles == ["Xuất dữ liệu ra USB"])
    page.form.editors["name"].setFocus()
    press_alt(qtbot, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: titles == ["Xuất dữ liệu ra USB", "Nhận dữ liệu từ USB"])


def _labels_of_fields(root: QWidget) -> list[tuple[str, QWidget]]:
    """(text, field) of each label of ``root`` that names a field, top to bottom: the field is
    where the keyboard goes (a row's focus proxy); a check box is its own label."""
    found: list[tuple[QWidget, str, QWidget]] = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel) and widget.isVisible() and widget.buddy() is not None:
            buddy = widget.buddy()
            assert buddy is not None
            found.append((widget, widget.text(), buddy.focusProxy() or buddy))
        elif isinstance(widget, QCheckBox) and widget.isVisible():
            found.append((widget, widget.text(), widget))
    found.sort(key=lambda item: item[0].mapTo(root.window(), item[0].rect().topLeft()).y())
    return [(text.split(" <span")[0], field) for _widget, text, field in found]


SETTINGS_LABELS = [
    "Tên Đ&oàn cơ sở", "Xã/&phường", "Tỉnh/t&hành phố", "Cấp bộ Đoàn cấp trên t&rực tiếp",
    "Tên viết tắt &của cấp trên", "Họ tên &Bí thư", "Tuổ&i trưởng thành Đoàn",
    "Tí&nh “vắng có phép” là có tham gia khi tính tỉ lệ tham gia hoạt động của đoàn viên",
    "Hạn đăng ký kế hoạch với cấp trên: ngà&y", "Dung lượng tối đ&a của một tệp minh chứng:",
]  # fmt: skip


def test_every_field_of_the_settings_page_has_its_own_letter(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """The organisation's fields, the participation box, the plan deadline and the evidence
    limit: each label has an Alt letter of its own words, none taken twice in the window (its
    menus and the page's buttons included), and each puts the keyboard in its field from the
    name field (a check box is ticked, as a click would)."""
    page = _settings(qtbot, ws, prompts)
    window = page.window()
    labelled = _labels_of_fields(page)
    assert [text for text, _field in labelled] == SETTINGS_LABELS
    assert twice(letters(window)) == []
    for text, field in labelled:
        page.form.editors["name"].setFocus()
        qtbot.waitUntil(page.form.editors["name"].hasFocus)
        press_alt(qtbot, Qt.Key(ord(mnemonic(text)[-1])))
        qtbot.waitUntil(field.hasFocus)
    qtbot.waitUntil(page.leave_box.isChecked)  # Alt+N ticked it, as a click (on a timer)
    assert ws.participation.leave_counts()  # and so saved it


SETUP_LABELS = SETTINGS_LABELS[:7]


def test_every_field_of_the_setup_dialog_has_its_own_letter(
    qtbot: QtBot, empty_ws: Workspace
) -> None:
    """The first start's form: the same letters, none taken by its buttons ("&Nhận bàn giao từ
    USB…", "&Khôi phục bản sao lưu…", "Bắt đầ&u", "&Thoát"), each putting the keyboard in its
    field."""
    dialog = SetupDialog(empty_ws.organization, ScriptedPrompts(),
                         receive_handover=lambda _parent: False,
                         restore_backup=lambda _parent: None)  # fmt: skip
    shown_active(qtbot, dialog)
    labelled = _labels_of_fields(dialog)
    assert [text for text, _field in labelled] == SETUP_LABELS
    found = letters(dialog)
    assert {"Alt+N", "Alt+K", "Alt+U", "Alt+T"} <= set(found) and twice(found) == []
    for text, field in reversed(labelled):
        press_alt(qtbot, Qt.Key(ord(mnemonic(text)[-1])))
        qtbot.waitUntil(field.hasFocus)


def test_the_setup_dialog_s_start_and_leave_have_their_letters(
    qtbot: QtBot, empty_ws: Workspace
) -> None:
    """ "Bắt đầ&u" (Alt+U) and "&Thoát" (Alt+T), letters none of the fields nor the other
    buttons take; Enter in a field and Escape still start and leave."""
    prompts = ScriptedPrompts()
    dialog = SetupDialog(empty_ws.organization, prompts,
                         receive_handover=lambda _parent: False,
                         restore_backup=lambda _parent: None)  # fmt: skip
    shown_active(qtbot, dialog)
    assert (dialog.save_button.text(), dialog.cancel_button.text()) == ("Bắt đầ&u", "&Thoát")
    found = letters(dialog)
    assert {"Alt+U", "Alt+T"} <= set(found) and twice(found) == []
    press_alt(qtbot, Qt.Key.Key_U)  # nothing typed: the messages, nothing created
    qtbot.waitUntil(lambda: dialog.form.errors.message("name") == "Cần nhập tên Đoàn cơ sở.")
    assert dialog.isVisible() and not empty_ws.has_organization
    for field, value in (("name", "Đoàn xã Tân Hưng"), ("commune", "Tân Hưng"),
                         ("superior_name", "Tỉnh đoàn Cà Mau")):  # fmt: skip
        dialog.form.editors[field].setText(value)
    prompts.answer = False
    press_alt(qtbot, Qt.Key.Key_T)  # asks first, something typed: "Ở lại"
    qtbot.waitUntil(lambda: len(prompts.asked) == 1)  # a press of the button, on a timer
    assert prompts.asked == [
        "Thông tin Đoàn cơ sở vừa nhập chưa được lưu. Thoát ứng dụng mà không lưu?"
    ]
    assert dialog.isVisible()
    press_alt(qtbot, Qt.Key.Key_U)
    qtbot.waitUntil(lambda: empty_ws.has_organization)
    info = empty_ws.organization.get()
    assert info is not None and info.name == "Đoàn xã Tân Hưng"
    assert dialog.result() == SetupDialog.DialogCode.Accepted
