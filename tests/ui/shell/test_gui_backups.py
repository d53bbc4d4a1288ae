"""The GUI's automatic backups (#12): the day's backup after a write, at most once a day, and a
backup when the app closes after a change (none when nothing changed)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.operations import CoreOp, QueryOp
from doancoso.ui.shell.state import UiState
from scripted import synchronous_core


def _reasons(ws: Workspace) -> list[str]:
    return [b.reason for b in ws.backups.list()]


def test_a_write_takes_the_days_backup_once(ws: Workspace) -> None:
    core = synchronous_core(ws)
    QueryOp(None, lambda w: w.members.count(), core).run()
    assert _reasons(ws) == []  # a read backs nothing up
    for name in ("Nguyễn Văn An", "Trần Thị Bích"):
        CoreOp(None, lambda w, n=name: w.members.save({"full_name": n, "birth_date": "01/01/2000"}),
               core).run()  # fmt: skip
    assert _reasons(ws) == ["hang-ngay"]
    (daily,) = ws.backups.list()
    assert daily.members == 1  # taken right after the first write of the day
    assert core.wrote


def test_closing_after_a_change_backs_up(demo_ws: Workspace, qtbot: QtBot) -> None:
    core = synchronous_core(demo_ws)
    window = MainWindow(core, UiState(demo_ws.data_dir))
    qtbot.addWidget(window)
    window.close()
    assert "khi-dong" not in _reasons(demo_ws)  # nothing changed: no backup
    window = MainWindow(core, UiState(demo_ws.data_dir))
    qtbot.addWidget(window)
    member = demo_ws.members.ids()[0]
    CoreOp(window, lambda w: w.members.delete([member]), core).run()
    window.close()
    closing = [b for b in demo_ws.backups.list() if b.reason == "khi-dong"]
    assert len(closing) == 1 and closing[0].members == 299
