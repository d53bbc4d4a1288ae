"""The window's remembered state (``ui-state.ini`` in the data folder, which a USB stick or a
careless edit can damage) read back mutated (#12): the window opens whatever the file holds, with
its defaults where a value is unusable, and never takes an absurd one (a column 10^20 pixels
wide, which Qt cannot even be asked for).

DOANCOSO_FUZZ_CASES cases (1,000 in the normal run); DOANCOSO_FUZZ_SEED=S makes other ones.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.state import MAX_WIDTH, STATE_FILE, UiState
from mutations import mutated
from scripted import synchronous_core

CASES = max(1000, int(os.environ.get("DOANCOSO_FUZZ_CASES", "1000")))
SEED = int(os.environ.get("DOANCOSO_FUZZ_SEED", "12"))


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_mutated_state_file_never_stops_the_window(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    window = MainWindow(synchronous_core(ws), UiState(ws.data_dir))
    qtbot.addWidget(window)
    window.resize(900, 600)
    window.roster.set_column_widths([40, 260, 90, 70])
    state = UiState(ws.data_dir)
    state.set_text("documents/KH/recipients", "- Tỉnh đoàn (b/c);\n- Lưu VP.")
    state.sync()
    window.save_state()
    real = (ws.data_dir / STATE_FILE).read_bytes()
    assert b"geometry" in real and b"260" in real
    rnd = random.Random(SEED)
    folder = tmp_path / "damaged"
    folder.mkdir()
    for case in range(CASES):
        (folder / STATE_FILE).write_bytes(mutated(real, rnd))
        damaged = UiState(folder)
        window._state = damaged  # the state a start of the app would read
        window.restore_state()
        widths = damaged.widths("roster/columns")
        assert all(0 <= w <= MAX_WIDTH for w in widths), (case, widths)
        assert isinstance(damaged.text("documents/KH/recipients"), str)
    huge = folder / STATE_FILE
    huge.write_text("[roster]\ncolumns=40, 99999999999999999999, -5, 300\n", encoding="utf-8")
    assert UiState(folder).widths("roster/columns") == [40, 0, 0, 300]
