"""The place printed before a document's date: the setup dialog and the settings page ask for
the commune or at least the province; the core and ``doancoso init`` do not require it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace
from doancoso.ui.settings.organization_form import PLACE_MESSAGE
from doancoso.ui.settings.page import SettingsPage
from doancoso.ui.settings.setup_dialog import SetupDialog
from scripted import synchronous_core

PLACE = (
    "Cần nhập xã/phường, hoặc ít nhất tỉnh/thành phố: địa danh này được in trước ngày tháng "
    "trên văn bản."
)


NO_PLACE = OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn Cà Mau")


def _fill(dialog: SetupDialog, **values: str) -> None:
    for name, value in values.items():
        dialog.form.editors[name].setText(value)


def test_setup_asks_for_a_place_and_creates_nothing_without_one(
    qtbot: QtBot, empty_ws: Workspace
) -> None:
    assert PLACE_MESSAGE == PLACE
    dialog = SetupDialog(empty_ws.organization)
    qtbot.addWidget(dialog)
    dialog.save_button.click()
    assert dialog.form.errors.messages() == {  # the core's messages and the place's at once
        "name": "Cần nhập tên Đoàn cơ sở.",
        "commune": PLACE,
        "superior_name": "Cần nhập tên cấp bộ Đoàn cấp trên trực tiếp.",
    }
    _fill(dialog, name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn Cà Mau")
    dialog.save_button.click()
    assert dialog.form.errors.messages() == {"commune": PLACE}
    assert dialog.result() == 0 and not empty_ws.has_organization
    # The province alone is a place: typing it takes the commune's message away at once.
    _fill(dialog, province="Cà Mau")
    assert dialog.form.errors.messages() == {}
    dialog.save_button.click()
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    info = empty_ws.organization.get()
    assert info is not None and (info.commune, info.province) == (None, "Cà Mau")


def test_the_core_still_creates_an_organisation_without_a_place(empty_ws: Workspace) -> None:
    info = empty_ws.organization.create(NO_PLACE)
    assert (info.commune, info.province) == (None, None)


def test_settings_page_says_what_is_missing_and_refuses_to_clear_the_place(
    qtbot: QtBot, ws: Workspace
) -> None:
    page = SettingsPage(synchronous_core(ws))
    qtbot.addWidget(page)
    assert page.form.errors.messages() == {}
    page.form.editors["commune"].setText("")
    page.form.editors["province"].setText("")
    page.save_button.click()
    assert page.form.errors.messages() == {"commune": PLACE}
    info = ws.organization.get()
    assert info is not None and info.commune == "Tân Hưng"
    page.form.editors["commune"].setText("xã Tân Hưng")
    assert page.form.errors.messages() == {}
    page.save_button.click()
    info = ws.organization.get()
    assert info is not None and info.commune == "xã Tân Hưng"


def test_settings_page_of_an_organisation_set_up_without_a_place(
    qtbot: QtBot, empty_ws: Workspace
) -> None:
    empty_ws.organization.create(NO_PLACE)
    page = SettingsPage(synchronous_core(empty_ws))
    qtbot.addWidget(page)
    assert page.form.errors.messages() == {"commune": PLACE}
