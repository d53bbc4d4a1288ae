"""The chi đoàn organising an activity are named in Vietnamese order of their names (d before
đ), in the calendar's list and its tooltip, whatever order they were stored in (a chi đoàn
renamed since, another given first on the command line)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.agenda import COL_BRANCH
from doancoso.ui.calendar.page import CalendarPage
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory

from .conftest import add_activity, branch_id


def test_the_organising_chi_doan_are_listed_in_vietnamese_order(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace
) -> None:
    """Chosen as the dialog lists them, "Chi đoàn ấp 1" before "Chi đoàn ấp Dinh Điền"; ấp 1
    renamed "Chi đoàn ấp Đầu Sấu" since: đ after d, it comes second."""
    ap1 = cal_ws.branches.create("Chi đoàn ấp 1").id
    dinh_dien = cal_ws.branches.create("Chi đoàn ấp Dinh Điền").id
    tan_hung = branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")
    add_activity(cal_ws, "Ngày Chủ nhật xanh", "29/03/2026", kind="chu-nhat-xanh",
                 branch_ids=[ap1, dinh_dien, tan_hung])  # fmt: skip
    cal_ws.branches.rename(ap1, "Chi đoàn ấp Đầu Sấu")

    page = CalendarPage(core, history)
    qtbot.addWidget(page)
    page.month.select_date(dt.date(2026, 3, 29))

    cell = page.agenda_model.index(0, COL_BRANCH)
    assert cell.data() == "ấp Dinh Điền, ấp Đầu Sấu, ấp Tân Hưng"
    assert cell.data(Qt.ItemDataRole.ToolTipRole).splitlines()[2] == (
        "Chi đoàn ấp Dinh Điền, Chi đoàn ấp Đầu Sấu, Chi đoàn ấp Tân Hưng"
    )
