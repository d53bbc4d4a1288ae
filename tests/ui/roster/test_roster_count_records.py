"""The roster's count says records, not members: its total counts every record, those who left
or came of age included (as the printed list's total line does, reports/roster.py), so that
nobody reads the organisation's membership in it."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.page import RosterPage
from doancoso.ui.shell.undo import UndoHistory
from scripted import synchronous_core


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_count_says_records_of_which_some_left(qtbot: QtBot, ws: Workspace) -> None:
    for name in ("Nguyễn Văn An", "Lê Thị Bé", "Trần Văn Cường"):
        ws.members.save({"full_name": name, "birth_date": "01/01/2000"})
    gone = ws.members.save({"full_name": "Phạm Thị Dung", "birth_date": "01/01/2001"})
    ws.events.record(gone, "transfer_out", "01/03/2025", other_organization="Đoàn phường 5")
    core = synchronous_core(ws)
    page = RosterPage(core, UndoHistory(core))
    qtbot.addWidget(page)
    page.show()

    assert page.model.rowCount() == 3  # the active roster, as the page opens
    assert page.count_label.text() == "Đang hiển thị 3 / 4 hồ sơ"
