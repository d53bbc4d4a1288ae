"""The rows of the member's history are as tall as their text once the "Quá trình" tab shows:
measured with the columns' final widths, not with those the table had while it was hidden."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.member_form import MemberFormDialog
from scripted import ScriptedPrompts, synchronous_core

from .conftest import AddMember

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # a window shown offscreen


def test_rows_fit_their_text_once_the_tab_shows(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    ws.events.record(an, "admission", "26/03/2017", "03-QĐ/ĐTN", place="Đoàn xã Tân Hưng",
                     introducer_name="Lê Văn Cường")  # fmt: skip
    ws.events.record(an, "party_introduction", "08/08/2024", "5-CV/ĐTN")
    form = MemberFormDialog(synchronous_core(ws, prompts), an)
    qtbot.addWidget(form)
    form.resize(900, 600)
    form.show()
    qtbot.waitExposed(form)
    assert form.timeline is not None
    form.tabs.setCurrentWidget(form.timeline)
    table = form.timeline.table
    one_line = table.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: table.columnWidth(3) > 0)
    qtbot.wait(50)
    # Each line of the details fits the column at this width: the admission's two lines (its
    # place, its introducer) take two lines, the introduction's none takes one.
    assert table.columnWidth(3) > table.fontMetrics().horizontalAdvance(
        "Nơi kết nạp: Đoàn xã Tân Hưng"
    )
    heights = [table.rowHeight(row) for row in range(table.rowCount())]
    assert 2 * one_line <= heights[0] < 3 * one_line, heights
    assert heights[1] < 2 * one_line, heights
