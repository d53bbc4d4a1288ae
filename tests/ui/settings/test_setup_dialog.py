"""The first-start setup dialog and the settings page share the organisation form."""

from __future__ import annotations

import unicodedata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.common.fields import WrappedLabel
from doancoso.ui.settings.organization_form import REQUIRED_NOTE
from doancoso.ui.settings.page import SettingsPage
from doancoso.ui.settings.setup_dialog import SetupDialog
from scripted import ScriptedPrompts, synchronous_core
from steady import messages_fit, shown, spot


def test_empty_required_fields_show_messages_and_create_nothing(
    qtbot: QtBot, empty_ws: Workspace
) -> None:
    dialog = SetupDialog(empty_ws.organization)
    qtbot.addWidget(dialog)
    dialog.form.editors["commune"].setText("Tân Hưng")
    dialog.save_button.click()
    assert dialog.form.errors.messages() == {
        "name": "Cần nhập tên Đoàn cơ sở.",
        "superior_name": "Cần nhập tên cấp bộ Đoàn cấp trên trực tiếp.",
    }
    assert dialog.result() == 0
    assert not empty_ws.has_organization


def test_filled_form_creates_the_organisation(qtbot: QtBot, empty_ws: Workspace) -> None:
    dialog = SetupDialog(empty_ws.organization)
    qtbot.addWidget(dialog)
    values = {
        "name": "Đoàn xã Tân Hưng",
        "commune": "Tân Hưng",
        "province": "Cà Mau",
        "superior_name": "Tỉnh đoàn Cà Mau",
        "superior_short": "TĐ",
        "secretary_name": "Nguyễn Thị Như Quỳnh",
    }
    for name, value in values.items():
        dialog.form.editors[name].setText(value)
    dialog.save_button.click()
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    info = empty_ws.organization.get()
    assert info is not None
    assert {name: getattr(info, name) for name in values} == values
    assert dialog.form.editors["superior_name"].placeholderText() == "Ví dụ: Tỉnh đoàn Cà Mau"


def test_settings_page_saves_and_announces(qtbot: QtBot, ws: Workspace) -> None:
    core = synchronous_core(ws)
    changed = core.data_changed
    page = SettingsPage(core)
    qtbot.addWidget(page)
    assert page.form.editors["name"].text() == "Đoàn xã Tân Hưng"
    page.form.editors["name"].setText("")
    with qtbot.assert_not_emitted(changed.changed):
        page.save_button.click()
    assert page.form.errors.message("name") == "Cần nhập tên Đoàn cơ sở."
    page.form.editors["name"].setText("Đoàn phường Tân Thành")
    with qtbot.wait_signal(changed.changed) as blocker:
        page.save_button.click()
    info = ws.organization.get()
    assert info is not None and info.name == "Đoàn phường Tân Thành"
    [changes] = blocker.args
    assert changes.ids("organizations") == {info.id} and not changes.touches("members")
    assert page.form.errors.messages() == {}


def test_the_intro_says_what_is_required(qtbot: QtBot, empty_ws: Workspace) -> None:
    dialog = SetupDialog(empty_ws.organization)
    qtbot.addWidget(dialog)
    intro = dialog.findChildren(WrappedLabel)[0].text()
    assert "cần nhập xã/phường hoặc ít nhất tỉnh/thành phố." in intro
    assert REQUIRED_NOTE in intro
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Xã/&phường", "Tỉnh/t&hành phố"} <= labels  # one of the two: neither is starred


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_messages_neither_grow_the_dialog_nor_leave_gaps(qtbot: QtBot, empty_ws: Workspace) -> None:
    dialog = SetupDialog(empty_ws.organization)
    shown(qtbot, dialog)
    size, button = dialog.size(), spot(qtbot, dialog.save_button)
    form_at = dialog.form.geometry()
    dialog.save_button.click()
    assert messages_fit(qtbot, dialog) == [
        "Cần nhập tên Đoàn cơ sở.",
        "Cần nhập xã/phường, hoặc ít nhất tỉnh/thành phố: địa danh này được in trước ngày "
        "tháng trên văn bản.",
        "Cần nhập tên cấp bộ Đoàn cấp trên trực tiếp.",
    ]
    assert dialog.size() == size and spot(qtbot, dialog.save_button) == button
    assert dialog.form.geometry().top() == form_at.top()
    for name, text in (("name", "Đoàn xã Tân Hưng"), ("commune", "Tân Hưng"),
                       ("superior_name", "Tỉnh đoàn Cà Mau")):  # fmt: skip
        dialog.form.editors[name].setText(text)
    assert messages_fit(qtbot, dialog) == []
    # The messages gone, the form is as it opened: no gaps between its rows.
    assert dialog.size() == size and spot(qtbot, dialog.save_button) == button
    assert dialog.form.geometry() == form_at


# "nguyễn  văn bình" typed in lower case, decomposed (NFD), with a double space.
TYPED_SECRETARY = "  " + unicodedata.normalize("NFD", "nguyễn  văn BÌNH") + " "


def test_the_setup_dialog_writes_the_secretary_as_a_name(qtbot: QtBot, empty_ws: Workspace) -> None:
    dialog = SetupDialog(empty_ws.organization)
    qtbot.addWidget(dialog)
    for name, value in (("name", "Đoàn xã Tân Hưng"), ("commune", "Tân Hưng"),
                        ("superior_name", "Tỉnh đoàn Cà Mau"),
                        ("secretary_name", TYPED_SECRETARY)):  # fmt: skip
        dialog.form.editors[name].setText(value)
    dialog.save_button.click()
    info = empty_ws.organization.get()
    assert info is not None and info.secretary_name == "Nguyễn Văn Bình"


def test_the_settings_page_writes_the_secretary_as_a_name(qtbot: QtBot, ws: Workspace) -> None:
    page = SettingsPage(synchronous_core(ws))
    qtbot.addWidget(page)
    page.form.editors["secretary_name"].setText(TYPED_SECRETARY)
    page.save_button.click()
    info = ws.organization.get()
    assert info is not None and info.secretary_name == "Nguyễn Văn Bình"
    page.form.editors["secretary_name"].setText("   ")
    page.save_button.click()
    info = ws.organization.get()
    assert info is not None and info.secretary_name is None


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")
def test_escape_after_typing_asks_before_leaving(qtbot: QtBot, empty_ws: Workspace) -> None:
    """Escape (or "Thoát", or closing the window) on the first-start dialog ends the app: once
    something is typed, it asks first, "Ở lại" the default, and staying keeps what was typed;
    with nothing typed it leaves at once, as before."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from scripted import ScriptedPrompts

    prompts = ScriptedPrompts()
    dialog = SetupDialog(empty_ws.organization, prompts)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    name = dialog.form.editors["name"]
    name.setText("Đoàn xã Tân Hưng")
    prompts.answer = False
    QTest.keyClick(name, Qt.Key.Key_Escape)
    assert prompts.asked == [
        "Thông tin Đoàn cơ sở vừa nhập chưa được lưu. Thoát ứng dụng mà không lưu?"
    ]
    assert prompts.buttons == [("Thoát", "Ở lại")]
    assert dialog.isVisible() and name.text() == "Đoàn xã Tân Hưng"
    prompts.answer = True
    dialog.cancel_button.click()
    assert dialog.result() == SetupDialog.DialogCode.Rejected and not dialog.isVisible()
    assert not empty_ws.has_organization
    untouched = SetupDialog(empty_ws.organization, prompts)
    qtbot.addWidget(untouched)
    untouched.show()
    qtbot.waitExposed(untouched)
    QTest.keyClick(untouched.form.editors["name"], Qt.Key.Key_Escape)
    assert len(prompts.asked) == 2 and not untouched.isVisible()


def test_a_name_too_long_is_refused_with_its_length(qtbot: QtBot, empty_ws: Workspace) -> None:
    """A name pasted with a whole paragraph (here 370 characters) is refused under its field,
    saying how long it is and the most allowed, and nothing is created; cut to a real name, the
    message goes as it is typed and the organisation is made."""
    dialog = SetupDialog(empty_ws.organization)
    qtbot.addWidget(dialog)
    long_name = "Đoàn xã " + "Tân Hưng " * 40
    for name, value in (("name", long_name), ("commune", "Tân Hưng"),
                        ("superior_name", "Tỉnh đoàn Cà Mau")):  # fmt: skip
        dialog.form.editors[name].setText(value)
    dialog.save_button.click()
    assert dialog.form.errors.messages() == {
        "name": "Dài 367 ký tự, quá 150 ký tự cho phép: hãy kiểm tra lại, có thể đã dán nhầm "
        "cả một đoạn văn.",
    }
    assert dialog.result() == 0 and not empty_ws.has_organization
    dialog.form.editors["name"].setText("Đoàn xã Tân Hưng")
    assert dialog.form.errors.messages() == {}
    dialog.save_button.click()
    info = empty_ws.organization.get()
    assert info is not None and info.name == "Đoàn xã Tân Hưng"


def test_a_long_name_pasted_in_nfd_is_counted_as_it_reads(
    qtbot: QtBot, empty_ws: Workspace
) -> None:
    """A real name of 144 letters copied from a web page in NFD (a tone as its own code point,
    180 of them) is not refused: its length is counted as stored (NFC), and it is saved NFC."""
    dialog = SetupDialog(empty_ws.organization)
    qtbot.addWidget(dialog)
    name = (
        "Đoàn TNCS Hồ Chí Minh Trường Trung học phổ thông chuyên Lê Quý Đôn và Trung tâm Giáo "
        "dục nghề nghiệp – Giáo dục thường xuyên huyện Trần Văn Thời"
    )
    pasted = unicodedata.normalize("NFD", name)
    assert (len(name), len(pasted)) == (144, 180)
    for field, value in (("name", pasted), ("commune", "Trần Văn Thời"),
                         ("superior_name", "Tỉnh đoàn Cà Mau")):  # fmt: skip
        dialog.form.editors[field].setText(value)
    assert dialog.form.errors.message("name") == ""
    dialog.save_button.click()
    assert dialog.form.errors.messages() == {}
    info = empty_ws.organization.get()
    assert info is not None and info.name == name


def test_a_long_name_emptied_says_it_is_needed(qtbot: QtBot, empty_ws: Workspace) -> None:
    dialog = SetupDialog(empty_ws.organization)
    qtbot.addWidget(dialog)
    dialog.form.editors["superior_name"].setText("Tỉnh đoàn " * 20)
    dialog.save_button.click()
    assert dialog.form.errors.message("superior_name").startswith("Dài 199 ký tự")
    dialog.form.editors["superior_name"].setText("  ")
    assert dialog.form.errors.message("superior_name") == (
        "Cần nhập tên cấp bộ Đoàn cấp trên trực tiếp."
    )


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_enter_on_the_handover_or_restore_button_presses_it_not_bat_dau(
    qtbot: QtBot, empty_ws: Workspace
) -> None:
    """Tabbed to "Nhận bàn giao từ USB…" (or "Khôi phục bản sao lưu…"), Enter pressed
    "Bắt đầu": the organisation typed was created and the handover never offered again (or,
    the form empty, its messages shown). Enter presses the button that has the focus; in a
    field it is still "Bắt đầu"."""
    opened: list[str] = []
    dialog = SetupDialog(
        empty_ws.organization, ScriptedPrompts(),
        receive_handover=lambda _w: opened.append("bàn giao") is not None and False,
        restore_backup=lambda _w: opened.append("sao lưu") and None,
    )  # fmt: skip
    qtbot.addWidget(dialog)
    for field, value in (("name", "Đoàn xã Tân Hưng"), ("commune", "Tân Hưng"),
                         ("superior_name", "Tỉnh đoàn Cà Mau")):  # fmt: skip
        dialog.form.editors[field].setText(value)
    with qtbot.wait_active(dialog):
        dialog.show()
        dialog.activateWindow()
    assert dialog.handover_button is not None and dialog.restore_button is not None
    name = dialog.form.editors["name"]
    assert QApplication.focusWidget() is name
    while QApplication.focusWidget() is not dialog.handover_button:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.handover_button, Qt.Key.Key_Return)
    assert not empty_ws.has_organization
    assert opened == ["bàn giao"]
    qtbot.keyClick(dialog.handover_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.restore_button
    qtbot.keyClick(dialog.restore_button, Qt.Key.Key_Enter)
    assert opened == ["bàn giao", "sao lưu"]
    assert not empty_ws.has_organization and dialog.isVisible()
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_Return)  # in a field: "Bắt đầu"
    assert empty_ws.has_organization and dialog.result() == SetupDialog.DialogCode.Accepted
    assert opened == ["bàn giao", "sao lưu"]
