"""Operations (CoreOp, QueryOp): the changes announced once, before success; failures; another
process's writes; and the threaded runner working while the GUI thread reads the roster."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import delete

from doancoso.core.changes import Changes
from doancoso.core.errors import ValidationError
from doancoso.core.lifecycle.rules import is_read_only
from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import DATABASE_FILE, Workspace
from doancoso.ui.roster.page import RosterPage
from doancoso.ui.shell.operations import Core, CoreOp, QueryOp
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts, synchronous_core


def _record(core: Core) -> list[Changes]:
    seen: list[Changes] = []
    core.data_changed.changed.connect(seen.append)
    return seen


def _add(name: str) -> Callable[[Workspace], str]:
    return lambda ws: ws.members.save({"full_name": name, "birth_date": "01/01/2000"})


def test_a_write_announces_its_changes_once_then_calls_success(ws: Workspace) -> None:
    core = synchronous_core(ws)
    seen = _record(core)
    order: list[str] = []
    core.data_changed.changed.connect(lambda _changes: order.append("changed"))
    got: list[str] = []
    op = CoreOp(None, _add("Nguyễn Văn An"), core)
    op.success(lambda member_id: (order.append("success"), got.append(member_id))).run()
    assert order == ["changed", "success"]
    [changes] = seen
    assert changes.ids("members") == {got[0]} and not changes.touches("branches", "youths")


def test_nothing_written_nothing_announced(qtbot: QtBot, ws: Workspace) -> None:
    core = synchronous_core(ws)
    values: list[int] = []
    with qtbot.assert_not_emitted(core.data_changed.changed):
        QueryOp(None, lambda ws: ws.members.count(), core).success(values.append).run()
    assert values == [0]


def test_a_refused_write_goes_to_failure_and_announces_nothing(qtbot: QtBot, ws: Workspace) -> None:
    prompts = ScriptedPrompts()
    core = synchronous_core(ws, prompts)
    failures: list[BaseException] = []
    with qtbot.assert_not_emitted(core.data_changed.changed):
        CoreOp(None, _add(""), core).success(pytest.fail).failure(failures.append).run()
    [error] = failures
    assert isinstance(error, ValidationError) and "full_name" in error.field_errors
    assert prompts.errors == []  # the failure callback took it
    CoreOp(None, _add(""), core).run()  # without one, the message is shown
    assert prompts.errors == [error.message]


def test_what_committed_before_a_failure_is_announced(ws: Workspace) -> None:
    core = synchronous_core(ws)
    seen = _record(core)
    failures: list[BaseException] = []

    def two_steps(ws: Workspace) -> None:
        ws.branches.create("Chi đoàn ấp Tân Phú")
        ws.branches.create("chi doan ap tan phu")  # refused: the same name

    CoreOp(None, two_steps, core).failure(failures.append).run()
    assert isinstance(failures[0], ValidationError)
    [changes] = seen
    assert changes.touches("branches")


def test_callbacks_of_a_deleted_widget_are_skipped(qtbot: QtBot, ws: Workspace) -> None:
    core = Core(ws, ScriptedPrompts())  # threaded: the widget goes before the result comes
    seen = _record(core)
    widget = QWidget()
    called: list[object] = []
    CoreOp(widget, _add("Trần Văn Bình"), core).success(called.append).run()
    delete(widget)  # the window closed while the worker wrote
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert called == [] and seen[0].touches("members")
    assert ws.members.count() == 1


def _write_elsewhere(ws: Workspace) -> None:
    """A commit by another connection, as another process (the command line) makes one."""
    with sqlite3.connect(ws.data_dir / DATABASE_FILE) as conn:
        conn.execute("UPDATE organizations SET secretary_name = 'Lê Văn Tám'")
    conn.close()


def test_a_query_announces_what_another_process_wrote(ws: Workspace) -> None:
    core = synchronous_core(ws)
    seen = _record(core)
    _write_elsewhere(ws)
    names: list[object] = []
    op = QueryOp(None, lambda ws: ws.organization.get(), core)
    op.success(lambda info: names.append(getattr(info, "secretary_name", None))).run()
    assert names == ["Lê Văn Tám"]
    assert [c.everything for c in seen] == [True]
    core.check_external()  # nothing more since
    assert len(seen) == 1


def test_a_long_write_on_the_worker_while_the_gui_thread_reads_the_roster(
    qtbot: QtBot, empty_ws: Workspace
) -> None:
    """The threaded runner: the worker moves every member to one chi đoàn, in two transactions,
    while the GUI thread keeps reading the roster model; the model then matches the database,
    and one data-changed signal carried both transactions' changes."""
    ws = empty_ws
    ws.generate_demo(members=3000, seed=2)
    core = Core(ws, ScriptedPrompts())
    page = RosterPage(core, UndoHistory(core))
    qtbot.addWidget(page)
    page.status_combo.setCurrentIndex(page.status_combo.findData(None))  # every member
    model = page.model
    ids = list(model.ids)
    target = ws.branches.list()[0]
    rows = ws.members.rows(ids)
    movable = [r.id for r in rows if not is_read_only(r.status)]  # the others stay
    moving = {r.id for r in rows if r.branch_id != target.id and r.id in set(movable)}
    assert len(ids) == 3000 and len(moving) > 2000
    seen = _record(core)
    halfway, gui_read, finished = threading.Event(), threading.Event(), threading.Event()

    def move(ws: Workspace) -> int:
        moved = ws.branches.move_members(movable[:1500], target.id)
        halfway.set()
        gui_read.wait(10)  # the GUI thread reads between the two transactions
        moved += ws.branches.move_members(movable[1500:], target.id)
        return moved

    reads_during = [0]

    def read_roster() -> bool:
        done = finished.is_set()
        rows = model.rowCount()
        for row in range(0, rows, 97):
            model.data(model.index(row, 4))  # the chi đoàn column: rows fetched from SQLite
        if halfway.is_set() and not done:
            reads_during[0] += 1
            gui_read.set()
        return done

    results: list[int] = []
    with qtbot.wait_signal(core.data_changed.changed, timeout=20000) as blocker:
        op = CoreOp(page, move, core, label="Đang chuyển chi đoàn…")
        op.success(lambda moved: (results.append(moved), finished.set())).run()
        qtbot.waitUntil(read_roster, timeout=20000)
    assert results == [len(moving)] and reads_during[0] > 0
    assert len(seen) == 1 and blocker.args == [seen[0]]
    [changes] = seen
    named = changes.ids("members")  # the core names the ids it was asked to move
    assert named is not None and moving <= named <= set(movable)
    assert not changes.touches("youths", "organizations")
    expected = ws.members.ids(MemberFilter())
    assert list(model.ids) == expected and model.rowCount() == 3000
    rows_of = {member_id: row for row, member_id in enumerate(model.ids)}
    shown = {model.data(model.index(rows_of[member_id], 4)) for member_id in movable}
    assert shown == {target.name}
    assert {r.branch_id for r in ws.members.rows(movable)} == {target.id}
