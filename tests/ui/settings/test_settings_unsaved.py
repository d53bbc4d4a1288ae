"""Thiết lập: what is typed in the organisation's fields and not saved yet is the secretary's
until saved or dropped on purpose: another setting of the page saved meanwhile keeps it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.settings.page import SettingsPage
from scripted import synchronous_core


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
