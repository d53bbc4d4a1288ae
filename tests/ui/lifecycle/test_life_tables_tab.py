"""Tab leaves the tables of a member's life, as it leaves the app's other tables: from the
coming-of-age and temporary-stay lists to the decision's date, from the Party introductions to
"Đóng", from the member's history to "Ghi sự kiện…". Each table took every Tab, going round its
cells for ever: the decision's date, number and "Xác nhận" could not be reached by keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from bundle_gui import tab_stops
from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.coming_of_age import ComingOfAgeDialog
from doancoso.ui.lifecycle.party_page import PartyIntroductionsDialog
from doancoso.ui.lifecycle.temporary_stays import TemporaryStaysDialog
from doancoso.ui.roster.member_form import MemberFormDialog
from scripted import ScriptedPrompts, synchronous_core

from .conftest import AddMember

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # windows shown offscreen


def _shown(qtbot: QtBot, window: QWidget) -> None:
    qtbot.addWidget(window)
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()


def _button(window: QWidget, text: str) -> QPushButton:
    return next(b for b in window.findChildren(QPushButton) if b.text() == text)


def test_tab_leaves_the_coming_of_age_list(
    qtbot: QtBot, ws: Workspace, add_member: AddMember
) -> None:
    add_member("Lê Thị Hoa", "10/06/1995")
    add_member("Trần Văn Bình", "1994")
    dialog = ComingOfAgeDialog(synchronous_core(ws, ScriptedPrompts()), year=2025)
    _shown(qtbot, dialog)
    dialog.set_all_checked(True)
    stops = tab_stops(qtbot, dialog.table, 3)
    assert stops == [dialog.date_edit, dialog.number_edit, dialog.confirm_button]


def test_tab_leaves_the_temporary_stays(qtbot: QtBot, ws: Workspace, add_member: AddMember) -> None:
    for name in ("Lê Thị Hoa", "Trần Văn Bình"):
        member = add_member(name, "10/06/2000")
        ws.events.record(member, "temporary", "01/05/2024", home_organization="Đoàn xã Tân Lộc",
                         period_start="01/05/2024", period_end="30/04/2025")  # fmt: skip
    core = synchronous_core(ws, ScriptedPrompts())
    dialog = TemporaryStaysDialog(core, today=dt.date(2025, 6, 1))
    _shown(qtbot, dialog)
    assert len(dialog.entries) == 2
    assert tab_stops(qtbot, dialog.table, 2) == [dialog.date_edit, dialog.number_edit]


def test_tab_leaves_the_party_introductions(
    qtbot: QtBot, ws: Workspace, add_member: AddMember
) -> None:
    for name in ("Lê Thị Hoa", "Trần Văn Bình"):
        member = add_member(name, "10/06/2000")
        ws.events.record(member, "party_introduction", "01/05/2024")
    dialog = PartyIntroductionsDialog(synchronous_core(ws, ScriptedPrompts()))
    _shown(qtbot, dialog)
    assert tab_stops(qtbot, dialog.table, 1) == [_button(dialog, "Đón&g")]


def test_tab_leaves_the_members_history(qtbot: QtBot, ws: Workspace, add_member: AddMember) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    ws.events.record(an, "admission", "26/03/2017", place="Chi đoàn ấp Tân Phú")
    ws.events.record(an, "party_introduction", "08/08/2024")
    form = MemberFormDialog(synchronous_core(ws, ScriptedPrompts()), an)
    _shown(qtbot, form)
    assert form.timeline is not None
    form.tabs.setCurrentWidget(form.timeline)
    assert tab_stops(qtbot, form.timeline.table, 1) == [form.timeline.record_button]
