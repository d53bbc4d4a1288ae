"""What the status bar says of an undo that runs on the worker (the app's threaded runner): "Đã
hoàn tác: …" once the records are back, never while the write is only asked for, and never for
an undo the core refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from active_window import press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts

AddMember = Callable[..., str]

# The window is shown (shortcuts need an active window): the offscreen platform warns.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

TRANSFER = "Ghi “Chuyển sinh hoạt đi” cho đoàn viên Trần Công An"
REFUSED = (
    "Quá trình của đoàn viên Trần Công An đã thay đổi sau khi ghi “Chuyển sinh hoạt đi” (sự "
    "kiện khác được ghi hoặc xóa, hoặc thông tin vào Đoàn, vào Đảng được sửa): giữ nguyên, "
    "không xóa sự kiện, để không làm sai quá trình."
)


def _threaded_window(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> MainWindow:
    window = MainWindow(Core(ws, prompts), UiState(ws.data_dir))  # the app's threaded runner
    qtbot.addWidget(window)
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()
    return window


def _transferred(window: MainWindow, ws: Workspace, member_id: str) -> None:
    """A transfer out recorded and put on the window's undo history, as "Ghi sự kiện…" does."""
    recorded = ws.events.record_undoable(
        member_id, "transfer_out", "15/03/2025", other_organization="Đoàn xã Tân Lộc"
    )
    window.history.recorded_events(TRANSFER, recorded)


def test_done_is_said_once_the_undo_wrote(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Trần Công An", "01/01/2000")
    window = _threaded_window(qtbot, ws, prompts)
    _transferred(window, ws, an)
    said: list[tuple[str, int]] = []  # each message, with the events the member had then
    window.statusBar().messageChanged.connect(
        lambda text: said.append((text, len(ws.events.history(an)))) if text else None
    )
    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: any(text.startswith("Đã") for text, _ in said), timeout=5000)
    window.core.runner.wait()
    assert said == [(f"Đang hoàn tác: {TRANSFER}…", 1), (f"Đã hoàn tác: {TRANSFER}.", 0)]
    assert ws.members.get(an).fields.status == "active"
    assert prompts.errors == []
    window.close()  # after a write it closes once its backup at closing, on the worker, ends
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)


def test_a_refused_undo_is_never_said_done(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    an = add_member("Trần Công An", "01/01/2000")
    window = _threaded_window(qtbot, ws, prompts)
    _transferred(window, ws, an)
    # Another event, recorded elsewhere (the command line): the undo must be refused.
    ws.events.record(an, "transfer_in", "01/06/2025", other_organization="Đoàn xã Tân Lộc")
    said: list[str] = []
    window.statusBar().messageChanged.connect(lambda text: said.append(text) if text else None)
    press_ctrl(qtbot, window, Qt.Key.Key_Z)
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=5000)
    window.core.runner.wait()
    assert prompts.errors == [REFUSED]
    assert not [text for text in said if text.startswith("Đã")]
    assert said[-1] == "Không hoàn tác được."
    assert [e.kind for e in ws.events.history(an)] == ["transfer_out", "transfer_in"]
