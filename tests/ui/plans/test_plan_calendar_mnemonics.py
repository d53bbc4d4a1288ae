"""Alt+letter on the plan page, the calendar page and their forms: the main buttons and fields
have one, no letter taken twice where they show (the main window's menus included), and a few
put the keyboard where the user expects."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from active_window import active_window
from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.activity_dialog import ActivityDialog
from doancoso.ui.plans.target_dialog import TargetDialog
from doancoso.ui.shell.main_window import CALENDAR_AREA, PLANS_AREA
from doancoso.ui.shell.operations import Core
from mnemonics import letters, press_alt, twice
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_plan_page_s_letters(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> None:
    window = active_window(qtbot, ws, prompts)
    window.show_area(PLANS_AREA)
    page = window.plans
    empty = letters(window)
    assert {"Alt+N", "Alt+P"} <= set(empty) and twice(empty) == []
    page.create_button.click()  # the plan made: "Nội dung kế hoạch" shows
    texts = letters(window)
    assert {"Alt+K", "Alt+O", "Alt+U", "Alt+L"} <= set(texts) and twice(texts) == []
    page.tabs.setCurrentIndex(0)  # "Chỉ tiêu"
    targets = letters(window)
    assert {"Alt+N", "Alt+H", "Alt+B", "Alt+M", "Alt+A", "Alt+R", "Alt+Y", "Alt+K",
            "Alt+L"} <= set(targets)  # fmt: skip
    assert twice(targets) == []

    page.table.setFocus()
    press_alt(qtbot, Qt.Key.Key_R)
    assert QApplication.focusWidget() is page.registration.state_combo
    press_alt(qtbot, Qt.Key.Key_N)
    assert QApplication.focusWidget() is page.year_combo


def test_the_calendar_page_s_letters(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> None:
    ws.branches.create("Chi đoàn ấp Tân Hưng")
    window = active_window(qtbot, ws, prompts)
    window.show_area(CALENDAR_AREA)
    page = window.calendar
    found = letters(window)
    assert {"Alt+C", "Alt+H", "Alt+M", "Alt+L", "Alt+D", "Alt+Q"} <= set(found)
    assert twice(found) == []
    assert page.new_button.text() == "Thê&m hoạt động…"
    page.tabs.setCurrentIndex(1)
    found = letters(window)
    assert "Alt+I" in found and twice(found) == []

    page.month.setFocus()
    press_alt(qtbot, Qt.Key.Key_C)
    assert QApplication.focusWidget() is page.branch_combo
    press_alt(qtbot, Qt.Key.Key_D)
    assert QApplication.focusWidget() is page.upcoming_list


def test_the_target_form_s_letters(qtbot: QtBot, core: Core) -> None:
    dialog = TargetDialog(core, 2026)
    qtbot.addWidget(dialog)
    with qtbot.wait_active(dialog):
        dialog.show()
        dialog.activateWindow()
    found = letters(dialog)
    assert {"Alt+N", "Alt+T", "Alt+K", "Alt+V", "Alt+Q", "Alt+C", "Alt+L", "Alt+Y"} <= set(found)
    assert twice(found) == []
    dialog.planned_edit.setFocus()
    press_alt(qtbot, Qt.Key.Key_V)
    assert QApplication.focusWidget() is dialog.unit_edit
    press_alt(qtbot, Qt.Key.Key_N)  # a required field's label, with its red star
    assert QApplication.focusWidget() is dialog.text_edit


def test_the_activity_form_s_letters(qtbot: QtBot, core: Core) -> None:
    core.ws.branches.create("Chi đoàn ấp Tân Hưng")
    activity_id, _count = core.ws.activities.save(
        {
            "title": "Sinh hoạt chi đoàn",
            "start_date": "10/03/2026",
            "repeat": "monthly",
            "until": "10/12/2026",
        }  # fmt: skip
    )
    for opened in (None, activity_id):
        dialog = ActivityDialog(core, opened, dt.date(2026, 3, 10))
        qtbot.addWidget(dialog)
        with qtbot.wait_active(dialog):
            dialog.show()
            dialog.activateWindow()
        found = letters(dialog)
        assert {"Alt+T", "Alt+O", "Alt+N", "Alt+A", "Alt+V", "Alt+C", "Alt+S", "Alt+L",
                "Alt+U", "Alt+H", "Alt+Y"} <= set(found)  # fmt: skip
        assert twice(found) == []
    dialog.edits["title"].setFocus()
    press_alt(qtbot, Qt.Key.Key_A)
    assert QApplication.focusWidget() is dialog.edits["place"]
    press_alt(qtbot, Qt.Key.Key_C)  # "Ghi &chú", as in the member form
    assert QApplication.focusWidget() is dialog.notes
    press_alt(qtbot, Qt.Key.Key_H)  # "&Hủy": nothing changed, closed without a question
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == QDialog.DialogCode.Rejected
