"""The "Kế hoạch" area of the main window: after "Chi đoàn", built on its first visit."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.plans.page import PlansPage
from doancoso.ui.shell.main_window import BRANCHES_AREA, PLANS_AREA, MainWindow
from doancoso.ui.shell.state import UiState
from plan_data import make_plan_data
from scripted import synchronous_core


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_plans_area(qtbot: QtBot, ws: Workspace, prompts) -> None:
    make_plan_data(ws)
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    window.show()
    items = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert items[BRANCHES_AREA : PLANS_AREA + 1] == ["Chi đoàn", "Kế hoạch"]
    window.show_area(PLANS_AREA)
    page = window.plans
    assert isinstance(page, PlansPage) and window.stack.currentWidget() is page
    assert page.year == page.today().year
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    page.status_message.emit("Đã lưu chỉ tiêu.")
    assert messages == ["Đã lưu chỉ tiêu."]
