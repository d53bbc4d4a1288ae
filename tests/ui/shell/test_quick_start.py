"""Start-up shows the roster before SQLAlchemy loads, then loads the rest after the first paint.

The first test runs in a fresh interpreter: this test session has imported everything already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.lifecycle.rules import ACTIVE_STATUSES
from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.app import AfterFirstPaint

# The steps of doancoso.ui.app.run_app up to the shown window, then load_rest().
_START = """
import json, sys
from pathlib import Path
from doancoso.core.lifecycle.rules import ACTIVE_STATUSES
from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.app import _application
from doancoso.ui.shell.main_window import YOUTH_AREA, MainWindow
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.prompts import Prompts
from doancoso.ui.shell.state import UiState

data_dir = Path(sys.argv[1])
app = _application()
ws = Workspace.open(data_dir)
window = MainWindow(Core(ws, Prompts()), UiState(data_dir))
window.show()
app.processEvents()
model = window.roster.model
shown = {
    "sqlalchemy": "sqlalchemy" in sys.modules,
    "title": window.windowTitle(),
    "rows": model.rowCount(),
    "first": model.index(0, 1).data(),
}
# The chi đoàn filter's list is read on the worker: there once that read has come back (a
# loaded machine may not have it by the first paint), SQLAlchemy still not loaded.
window.core.runner.wait()
app.processEvents()
shown["branches"] = [window.roster.branch_combo.itemText(i)
                     for i in range(window.roster.branch_combo.count())]
shown["sqlalchemy_after_branches"] = "sqlalchemy" in sys.modules
window.load_rest()
after = {"sqlalchemy": "sqlalchemy" in sys.modules}
window.show_area(YOUTH_AREA)
after["youth_rows"] = window.youth.model.rowCount()
print(json.dumps({"shown": shown, "after": after}, ensure_ascii=False))
window.core.runner.wait()
ws.close()
"""


def test_roster_shows_before_sqlalchemy_loads(data_dir: Path) -> None:
    with Workspace.open(data_dir) as ws:
        ws.generate_demo(members=40, seed=3)
        active = ws.members.ids(MemberFilter(statuses=ACTIVE_STATUSES))  # the default view
        expected_first = ws.members.rows(active[:1])[0].full_name
        expected_branches = [name for _, name in ws.branches.names()]
        youth = ws.youth.count()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _START, str(data_dir)],
        capture_output=True, text=True, encoding="utf-8", env=env, check=True, timeout=120,
    )  # fmt: skip
    result = json.loads(done.stdout)
    shown, after = result["shown"], result["after"]
    assert shown["sqlalchemy"] is False and shown["sqlalchemy_after_branches"] is False
    assert shown["title"] == "Đoàn cơ sở 3 chủ động — Đoàn xã Tân Hưng"
    assert shown["rows"] == len(active) > 30
    assert shown["first"] == expected_first
    assert shown["branches"] == ["Tất cả chi đoàn", "Chưa có chi đoàn", *expected_branches]
    assert after == {"sqlalchemy": True, "youth_rows": youth}


def test_action_runs_once_after_the_first_paint(qtbot: QtBot) -> None:
    calls: list[bool] = []
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    AfterFirstPaint(window, lambda: calls.append(window.isVisible()))
    assert calls == []  # not before the event loop has painted the window
    window.hide()
    window.show()  # exposed again: the action must not run twice
    qtbot.waitUntil(lambda: calls == [True])
    qtbot.wait(50)
    assert calls == [True]
