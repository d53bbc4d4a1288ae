"""Closing the app with typed text not saved: the secretary is asked, and the text is saved,
dropped or kept on screen as answered (the plan's texts and a checklist item's narrative)."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.plans.page import PlansPage
from doancoso.ui.shell.main_window import PLANS_AREA, RECOGNITION_AREA, MainWindow
from doancoso.ui.shell.state import UiState
from plan_data import YEAR, make_plan_data
from scripted import ScriptedPrompts, closing_without_saving, synchronous_core
from stored import plan_of

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
SAVE, DROP, STAY = range(3)
ANSWERS = ("Lưu và đóng", "Đóng, không lưu", "Ở lại")


def _window(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> MainWindow:
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window, before_close_func=closing_without_saving(prompts))
    window.show()
    return window


def _type_everywhere(window: MainWindow, ws: Workspace) -> None:
    window.show_area(PLANS_AREA)
    window.page(PLANS_AREA).text_form.texts["purposes"].setPlainText("Đang gõ dở mục đích")  # type: ignore[attr-defined]
    window.show_area(RECOGNITION_AREA)
    page = window.page(RECOGNITION_AREA)
    page.select_item("1.1")  # type: ignore[attr-defined]
    page.item_panel.note.setPlainText("Lập nhóm Zalo cho từng chi đoàn.")  # type: ignore[attr-defined]
    window.show_area(0)


@pytest.fixture
def ready(ws: Workspace) -> Workspace:
    make_plan_data(ws)  # the plan of YEAR; the pages open on today's year
    year = dt.date.today().year
    if year != YEAR:
        ws.plans.create(year)
    ws.recognition.open(year)
    return ws


def test_nothing_typed_closes_without_a_question(qtbot: QtBot, ready: Workspace) -> None:
    prompts = ScriptedPrompts()
    window = _window(qtbot, ready, prompts)
    window.show_area(PLANS_AREA)
    assert window.close()
    assert prompts.asked == []


def test_stay_keeps_the_window_and_the_text(qtbot: QtBot, ready: Workspace) -> None:
    prompts = ScriptedPrompts()
    prompts.answer_index = STAY
    window = _window(qtbot, ready, prompts)
    _type_everywhere(window, ready)
    assert not window.close()
    year = dt.date.today().year
    assert prompts.asked == [
        "Có nội dung đã nhập nhưng chưa lưu:\n"
        f"• Kế hoạch: nội dung kế hoạch năm {year}\n"
        f"• 3 chủ động: nội dung mục 1.1 năm {year}\n\n"
        "Lưu lại trước khi đóng?"
    ]
    assert prompts.buttons == [ANSWERS]
    assert window.isVisible() and window.sidebar.currentRow() == PLANS_AREA
    page = window.page(PLANS_AREA)
    assert isinstance(page, PlansPage)
    assert page.text_form.texts["purposes"].toPlainText() == "Đang gõ dở mục đích"


def test_save_and_close_saves_both(qtbot: QtBot, ready: Workspace) -> None:
    prompts = ScriptedPrompts()
    prompts.answer_index = SAVE
    window = _window(qtbot, ready, prompts)
    _type_everywhere(window, ready)
    assert window.close()
    year = dt.date.today().year
    assert plan_of(ready, year).purposes == "Đang gõ dở mục đích"
    item = next(i for i in ready.recognition.view(year).items if i.item.code == "1.1")
    assert item.note == "Lập nhóm Zalo cho từng chi đoàn."


def test_close_without_saving_drops_the_text(qtbot: QtBot, ready: Workspace) -> None:
    prompts = ScriptedPrompts()
    prompts.answer_index = DROP
    window = _window(qtbot, ready, prompts)
    _type_everywhere(window, ready)
    year = dt.date.today().year
    before = plan_of(ready, year).purposes
    assert window.close()
    assert plan_of(ready, year).purposes == before != "Đang gõ dở mục đích"
    item = next(i for i in ready.recognition.view(year).items if i.item.code == "1.1")
    assert item.note != "Lập nhóm Zalo cho từng chi đoàn."


def test_a_save_refused_keeps_the_window_open_on_the_page(qtbot: QtBot, ready: Workspace) -> None:
    prompts = ScriptedPrompts()
    prompts.answer_index = SAVE
    window = _window(qtbot, ready, prompts)
    window.show_area(PLANS_AREA)
    form = window.page(PLANS_AREA).text_form  # type: ignore[attr-defined]
    form.date_edit.setText("32/01/2026")
    window.show_area(0)
    assert not window.close()
    assert window.sidebar.currentRow() == PLANS_AREA
    assert form.errors.messages() == {"plan_date": "Ngày 32/01/2026 không có trên lịch."}
