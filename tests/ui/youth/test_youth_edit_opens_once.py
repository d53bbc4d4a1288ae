"""With the app's threaded runner, the youth form of an edit opens on the young person the worker
reads (the core's services are the worker's: no read of ``ws.youth`` or ``ws.members`` on the
GUI thread), the follow-up member shown with her chi đoàn; pressed twice before the read came
back (a double click, Enter again), it opens once; one deleted meanwhile says so."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from doancoso.ui.youth.form import YouthFormDialog
from doancoso.ui.youth.page import YouthPage
from read_threads import delivered, on_the_worker, record_every_read, worker_held
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _page(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> tuple[Core, YouthPage]:
    core = Core(ws, prompts)  # threaded, as in the app
    page = YouthPage(core, UndoHistory(core))
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()  # Enter works in the active window only
    qtbot.waitUntil(page.isActiveWindow)
    delivered(qtbot, core)
    return core, page


def _opened(prompts: ScriptedPrompts) -> list[tuple[str, str, str]]:
    """Each form opened from now on: its title, name and follow-up member (closed as "Hủy")."""
    opened: list[tuple[str, str, str]] = []

    def look(dialog: QDialog) -> None:
        assert isinstance(dialog, YouthFormDialog)
        name = dialog.raw()["full_name"]
        opened.append((dialog.windowTitle(), name, dialog.picker.combo.currentText()))
        dialog.done(QDialog.DialogCode.Rejected)

    prompts.dialog_script = look
    return opened


def test_a_row_pressed_twice_opens_its_form_once_on_a_read_of_the_worker(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    core, page = _page(qtbot, youth_ws, prompts)
    names = [page.model.data(page.model.index(r, 1)) for r in range(page.model.rowCount())]
    row = names.index("Nguyễn Thị Thủy")
    page.select_row(row)
    read_on = record_every_read(youth_ws.youth, monkeypatch)
    record_every_read(youth_ws.members, monkeypatch, into=read_on)
    opened = _opened(prompts)
    cell = page.table.visualRect(page.model.index(row, 1)).center()
    viewport, left = page.table.viewport(), Qt.MouseButton.LeftButton
    with worker_held(core):
        qtbot.mouseClick(viewport, left, pos=cell)  # a double click: press, then again
        qtbot.mouseDClick(viewport, left, pos=cell)
        qtbot.keyClick(page.table, Qt.Key.Key_Return)  # again before the young person came
    delivered(qtbot, core)
    form = ("Sửa thông tin thanh niên", "Nguyễn Thị Thủy",
            "Nguyễn Thị Như Quỳnh – Chi đoàn ấp Tân Hưng")  # fmt: skip
    assert opened == [form]

    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # once it came: pressed again, it opens
    delivered(qtbot, core)
    assert opened == [form] * 2
    assert core.runner.wait()
    assert on_the_worker(read_on)


def test_a_young_person_deleted_meanwhile_is_not_opened(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    core, page = _page(qtbot, youth_ws, prompts)
    page.select_row(0)
    opened = _opened(prompts)
    with worker_held(core):
        page.edit_button.click()
        youth_ws.youth.delete([page.model.youth_id(0)])  # by the CLI, before the read
    delivered(qtbot, core)
    assert opened == []
    assert prompts.errors == ["Không tìm thấy thanh niên trong sổ theo dõi (có thể đã bị xóa)."]
