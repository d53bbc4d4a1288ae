"""The plan page by the keyboard: Enter on a button presses it, as Space does (the main
window's doing, for every page: the page sets nothing of its own for it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from active_window import active_window
from doancoso.core.workspace import Workspace
from doancoso.ui.plans.page import PlansPage
from doancoso.ui.plans.target_dialog import TargetDialog
from doancoso.ui.shell.main_window import PLANS_AREA
from mnemonics import letters, mnemonic, press_alt, twice
from plan_data import AS_OF, YEAR, make_plan_data
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _in_window(qtbot: QtBot, ws: Workspace, script: Callable[[QDialog], None]) -> PlansPage:
    """The plan page as the app shows it: in the main window, active, on 30/11/2026."""
    prompts = ScriptedPrompts()
    prompts.dialog_script = script
    window = active_window(qtbot, ws, prompts)
    page = window.plans
    page.today = lambda: AS_OF
    page.year = YEAR
    window.show_area(PLANS_AREA)
    qtbot.waitUntil(lambda: page.snapshot is not None and page.snapshot.year == YEAR)
    return page


def test_enter_on_the_empty_year_s_button_makes_the_plan(
    qtbot: QtBot, ws: Workspace, script
) -> None:
    page = _in_window(qtbot, ws, script)
    assert page.create_button.text() == "Lậ&p kế hoạch năm 2026"
    page.year_combo.setFocus()
    qtbot.keyClick(page.year_combo, Qt.Key.Key_Tab)
    assert page.focusWidget() is page.create_button

    qtbot.keyClick(page.create_button, Qt.Key.Key_Return)

    assert ws.plans.years() == [2026]
    assert page.stack.currentIndex() == 1


def test_enter_on_the_copy_button_copies_last_year_s_plan(
    qtbot: QtBot, ws: Workspace, script
) -> None:
    make_plan_data(ws)
    page = _in_window(qtbot, ws, script)
    page.year_combo.setCurrentIndex(page.year_combo.findData(2027))
    assert page.copy_button.text() == "Sao &chép từ kế hoạch năm 2026"
    page.copy_button.setFocus()

    qtbot.keyClick(page.copy_button, Qt.Key.Key_Enter)

    plan = ws.plans.get(2027)
    assert plan is not None and len(plan.targets) == 5


def test_enter_on_add_target_opens_its_dialog(qtbot: QtBot, ws: Workspace, script) -> None:
    make_plan_data(ws)
    page = _in_window(qtbot, ws, script)
    page.add_button.setFocus()

    qtbot.keyClick(page.add_button, Qt.Key.Key_Return)

    assert [type(d) for d in script.seen] == [TargetDialog]
    assert script.seen[0].windowTitle() == "Thêm chỉ tiêu – kế hoạch năm 2026"


def test_every_button_of_the_targets_has_a_letter_of_its_own(
    qtbot: QtBot, ws: Workspace, script
) -> None:
    """The targets' "Xóa", "Lên", "Xuống" had no letter: each button of the targets has one,
    none another widget of the window shows, the copy's notice shown above them included; the
    letters press their buttons."""
    make_plan_data(ws)
    page = _in_window(qtbot, ws, script)
    page.year_combo.setCurrentIndex(page.year_combo.findData(2027))
    page.copy_button.click()
    qtbot.waitUntil(page.copy_notice.isVisible)
    page.tabs.setCurrentIndex(0)
    page.select_row(1)
    window = page.window()
    shown = [b.text() for b in window.findChildren(QPushButton) if b.isVisible()]
    assert [t for t in shown if not mnemonic(t)] == []
    assert twice(letters(window)) == []
    assert [page.delete_button.text(), page.up_button.text(), page.down_button.text()] == [
        "Xóa chỉ t&iêu", "&Dời lên", "Dời x&uống",
    ]  # fmt: skip
    assert page.copy_notice.texts_button.text() == "X&em nội dung"
    moved = page.model.target(1).id
    page.table.setFocus()
    press_alt(qtbot, Qt.Key.Key_D)  # "Dời lên"
    qtbot.waitUntil(lambda: page.model.target(0).id == moved)
    press_alt(qtbot, Qt.Key.Key_U)  # "Dời xuống"
    qtbot.waitUntil(lambda: page.model.target(1).id == moved)


def test_the_plan_made_the_keyboard_is_in_its_number(
    qtbot: QtBot, ws: Workspace, make_page
) -> None:
    """The button pressed is hidden with the empty year: the keyboard goes on to the first
    field of the plan's texts, shown, not to the tabs' bar."""
    page = make_page(ws)
    page.create_button.setFocus()

    qtbot.keyClick(page.create_button, Qt.Key.Key_Space)

    assert page.tabs.tabText(page.tabs.currentIndex()) == "Nội dung kế hoạch"
    assert page.focusWidget() is page.text_form.number_edit
    qtbot.keyClicks(page.text_form.number_edit, "07-KH/DTN")
    assert page.text_form.raw()["number"] == "07-KH/DTN"


def test_the_registration_by_the_keyboard_offers_today_and_saves_with_ctrl_s(
    qtbot: QtBot, ws: Workspace, make_page
) -> None:
    """Choosing "Đã gửi" left "Ngày gửi" empty, and the box had no Ctrl+S unlike the plan's
    texts: today is offered (the secretary may change it), Ctrl+S saves from any field."""
    ws.plans.create(YEAR)
    page = make_page(ws)
    box = page.registration
    box.state_combo.setFocus()
    qtbot.keyClick(box.state_combo, Qt.Key.Key_Down)
    assert box.state_combo.currentText() == "Đã gửi"
    assert box.date_edit.text() == "30/11/2026"
    qtbot.keyClick(box.state_combo, Qt.Key.Key_Tab)
    assert page.focusWidget() is box.date_edit
    box.date_edit.selectAll()
    qtbot.keyClicks(box.date_edit, "28/11/2026")
    qtbot.keyClick(box.date_edit, Qt.Key.Key_Tab)
    assert page.focusWidget() is box.number_edit
    qtbot.keyClicks(box.number_edit, "12/DK")

    qtbot.keyClick(box.number_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    plan = ws.plans.get(YEAR)
    assert plan is not None
    assert (plan.registration_state, plan.registered_on, plan.registration_number) == (
        "da-gui", date(2026, 11, 28), "12/DK"
    )  # fmt: skip
    assert not box.save_button.isEnabled()


def test_a_date_typed_is_kept_and_approved_is_not_given_today(
    qtbot: QtBot, ws: Workspace, make_page
) -> None:
    """Today is offered only in an empty "Ngày gửi" and only for "Đã gửi": "Đã được duyệt"
    comes after a sending the app cannot date."""
    ws.plans.create(YEAR)
    page = make_page(ws)
    box = page.registration
    box.state_combo.setFocus()
    qtbot.keyClick(box.state_combo, Qt.Key.Key_End)
    assert box.state_combo.currentText() == "Đã được duyệt"
    assert box.date_edit.text() == ""
    box.date_edit.setText("15/01/2026")
    qtbot.keyClick(box.state_combo, Qt.Key.Key_Up)
    assert box.state_combo.currentText() == "Đã gửi"
    assert box.date_edit.text() == "15/01/2026"
    qtbot.keyClick(box.state_combo, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    plan = ws.plans.get(YEAR)
    assert plan is not None
    assert (plan.registration_state, plan.registered_on) == ("da-gui", date(2026, 1, 15))


def test_tab_leaves_the_targets_for_the_registration(
    qtbot: QtBot, ws: Workspace, make_page
) -> None:
    """Tab goes from the targets to the registration beside them, as it leaves every list of the
    app, instead of walking the targets cell by cell (the registration was out of Tab's reach)."""
    make_plan_data(ws)
    page = make_page(ws)
    page.table.setFocus()
    page.table.selectRow(1)
    current = page.table.currentIndex()

    qtbot.keyClick(page.table, Qt.Key.Key_Tab)

    assert page.focusWidget() is page.registration.state_combo
    assert page.table.currentIndex() == current  # the target chosen stays chosen
    qtbot.keyClick(page.registration.state_combo, Qt.Key.Key_Backtab)
    assert page.focusWidget() is page.table
