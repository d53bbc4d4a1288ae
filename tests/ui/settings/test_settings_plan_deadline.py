"""Thiết lập → Kế hoạch công tác: the superior body's deadline for registering next year's plan,
shown as stored, saved on the worker when a box is left, a day not in every year refused beside
the boxes with nothing written, read-only data refused with their message; the calendar's plan
reminder follows the new deadline."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from doancoso.core.plans.registration import Deadline
from doancoso.core.storage.db import Database
from doancoso.core.storage.folder import ReadOnlyData
from doancoso.core.workspace import DATABASE_FILE, Workspace
from doancoso.ui.calendar.page import CalendarPage
from doancoso.ui.settings.page import SettingsPage
from doancoso.ui.shell.operations import Core, CoreOp
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts, synchronous_core

SAVED = "Đã lưu hạn đăng ký kế hoạch."


def _page(qtbot: QtBot, core: Core) -> SettingsPage:
    page = SettingsPage(core)
    qtbot.addWidget(page)
    return page


def _enter(page: SettingsPage, day: int, month: int) -> None:
    """Type a day and a month, then leave the boxes (as Tab or Enter does)."""
    page.deadline_day_box.setValue(day)
    page.deadline_month_box.setValue(month)
    page.deadline_month_box.editingFinished.emit()


def _shown(page: SettingsPage) -> tuple[int, int]:
    return page.deadline_day_box.value(), page.deadline_month_box.value()


def test_the_stored_deadline_is_shown_and_a_new_one_saved(
    qtbot: QtBot, ws: Workspace, core: Core
) -> None:
    page = _page(qtbot, core)
    assert _shown(page) == (10, 11)  # the default
    assert page.deadline_error.isHidden()
    with qtbot.wait_signal(page.status_message) as saved:
        _enter(page, 15, 12)
    assert saved.args == [SAVED]
    assert ws.plans.registration_deadline() == Deadline(15, 12)
    again = _page(qtbot, core)
    assert _shown(again) == (15, 12)
    # leaving the boxes without a change writes nothing and says nothing
    generation = ws.db.changes.generation
    with qtbot.assert_not_emitted(again.status_message):
        again.deadline_day_box.editingFinished.emit()
    assert ws.db.changes.generation == generation


def test_a_day_not_in_every_year_is_refused_beside_the_boxes(
    qtbot: QtBot, ws: Workspace, core: Core, prompts: ScriptedPrompts
) -> None:
    page = _page(qtbot, core)
    # from 10/11 to 31/12, the day typed first: 31/11 is said to be no day, nothing written
    with qtbot.assert_not_emitted(page.status_message):
        page.deadline_day_box.setValue(31)
        page.deadline_day_box.editingFinished.emit()
    assert not page.deadline_error.isHidden()
    assert page.deadline_error.text() == "Tháng 11 chỉ có 30 ngày: không có ngày 31/11."
    assert _shown(page) == (31, 11)  # kept, so that the month can be corrected
    assert ws.plans.registration_deadline() == Deadline(10, 11)
    with qtbot.wait_signal(page.status_message) as saved:
        page.deadline_month_box.setValue(12)
        page.deadline_month_box.editingFinished.emit()
    assert saved.args == [SAVED]
    assert page.deadline_error.isHidden()
    assert ws.plans.registration_deadline() == Deadline(31, 12)
    _enter(page, 29, 2)
    assert page.deadline_error.text() == (
        "Ngày 29/02 chỉ có trong năm nhuận: hạn đăng ký phải là ngày có trong mọi năm "
        "(ví dụ 28/02 hoặc 01/03)."
    )
    assert ws.plans.registration_deadline() == Deadline(31, 12)
    _enter(page, 31, 12)  # back to what is stored: nothing to save, nothing wrong
    assert page.deadline_error.isHidden()
    assert prompts.errors == []


def test_a_change_made_elsewhere_is_shown(qtbot: QtBot, ws: Workspace, core: Core) -> None:
    page = _page(qtbot, core)
    CoreOp(page, lambda w: w.plans.set_registration_deadline(1, 10), core).run()
    assert _shown(page) == (1, 10)


def test_read_only_data_refuse_the_deadline(qtbot: QtBot, ws: Workspace) -> None:
    path = ws.data_dir / DATABASE_FILE
    ws.close()
    marked = ReadOnlyData("thử nghiệm", "Hãy chép dữ liệu sang máy.")
    read_only = Workspace(ws.data_dir, Database.open(path, marked))
    try:
        prompts = ScriptedPrompts()
        page = _page(qtbot, synchronous_core(read_only, prompts))
        with qtbot.assert_not_emitted(page.status_message):
            _enter(page, 15, 12)
        assert prompts.errors == [marked.message]
        assert page.deadline_error.isHidden()
        assert read_only.plans.registration_deadline() == Deadline(10, 11)
    finally:
        read_only.close()


def test_the_calendar_reminder_follows_the_deadline(
    qtbot: QtBot, ws: Workspace, core: Core, history: UndoHistory
) -> None:
    """This year's plan made and not registered is recalled as overdue since its deadline (in
    the year before); next year's is registered. Changing the deadline in the settings moves
    the date the calendar gives."""
    year = dt.date.today().year
    ws.plans.create(year)
    ws.plans.create(year + 1)
    ws.plans.register(year + 1, "Đã gửi", dt.date.today())
    calendar = CalendarPage(core, history)
    qtbot.addWidget(calendar)
    overdue = (
        f"Kế hoạch công tác năm {year} chưa đăng ký — đã quá hạn đăng ký với cấp trên (hạn {{}})"
    )
    assert [r.text for r in calendar.plan_reminders] == [overdue.format(f"10/11/{year - 1}")]
    settings = _page(qtbot, core)
    _enter(settings, 15, 12)
    assert [r.text for r in calendar.plan_reminders] == [overdue.format(f"15/12/{year - 1}")]
    assert f"(hạn 15/12/{year - 1})" in calendar.plan_notice.text()


def test_a_deadline_in_the_plans_own_year_is_chosen_and_saved(
    qtbot: QtBot, ws: Workspace, core: Core
) -> None:
    """A province wanting the plan by 31/01 of its own year: the day and month typed, then
    "năm kế hoạch" chosen, saved at once; shown so again; the closing question names it."""
    page = _page(qtbot, core)
    year_box = page.deadline_year_box
    assert [year_box.itemText(i) for i in range(year_box.count())] == [
        "năm trước năm kế hoạch",
        "năm kế hoạch",
    ]
    assert year_box.currentText() == "năm trước năm kế hoạch"
    _enter(page, 31, 1)
    assert ws.plans.registration_deadline() == Deadline(31, 1)
    page.deadline_day_box.setValue(15)  # typed, not left yet
    assert page.unsaved_edits() == "hạn đăng ký kế hoạch 15/01"
    page.deadline_day_box.setValue(31)
    with qtbot.wait_signal(page.status_message) as saved:
        year_box.setCurrentIndex(1)
    assert saved.args == [SAVED]
    assert ws.plans.registration_deadline() == Deadline(31, 1, in_plan_year=True)
    assert page.unsaved_edits() is None
    again = _page(qtbot, core)
    assert _shown(again) == (31, 1)
    assert again.deadline_year_box.currentText() == "năm kế hoạch"
    again.deadline_day_box.setValue(20)
    assert again.unsaved_edits() == "hạn đăng ký kế hoạch 20/01 của năm kế hoạch"
    # set elsewhere (the command line) back to the year before: shown
    CoreOp(page, lambda w: w.plans.set_registration_deadline(15, 12), core).run()
    assert (_shown(page), year_box.currentText()) == ((15, 12), "năm trước năm kế hoạch")
