"""The roster's page with the app's threaded runner: the chi đoàn filter's choices are read on
the worker (their Vietnamese order goes through the core's collation cache, the worker's), never
on the GUI thread; read again when a chi đoàn is added, the chosen one kept, and when the chosen
one is merged into another the list shows every chi đoàn's members again. The chi đoàn a move
and the member form offer are read on the worker too."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from doancoso.core.roster.branches import UNASSIGNED
from doancoso.core.workspace import Workspace
from doancoso.ui.roster.member_form import MemberFormDialog
from doancoso.ui.roster.page import RosterPage
from doancoso.ui.shell.operations import Core, CoreOp
from doancoso.ui.shell.undo import UndoHistory
from read_threads import on_the_worker, record_reads
from scripted import ScriptedPrompts

ALL = "Tất cả chi đoàn"

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _choices(page: RosterPage) -> list[str]:
    return [page.branch_combo.itemText(i) for i in range(page.branch_combo.count())]


def test_the_chi_doan_filter_is_read_on_the_worker(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    ap2 = ws.branches.create("Ấp 2").id
    ap1 = ws.branches.create("Ấp 1").id
    ws.members.save({"full_name": "Lê Văn An", "birth_date": "01/01/2001", "branch_id": ap2})
    ws.members.save({"full_name": "Trần Thị Hoa", "birth_date": "02/02/2002"})
    read_on = record_reads(ws.branches, monkeypatch, "names")
    core = Core(ws, prompts)  # threaded, as in the app
    page = RosterPage(core, UndoHistory(core))
    qtbot.addWidget(page)
    assert _choices(page) == [ALL, UNASSIGNED]  # the list shows everyone meanwhile
    qtbot.waitUntil(lambda: page.branch_combo.count() == 4, timeout=10_000)
    assert _choices(page) == [ALL, UNASSIGNED, "Ấp 1", "Ấp 2"]
    page.branch_combo.setCurrentIndex(3)  # "Ấp 2": kept when the choices are read again
    assert page.model.rowCount() == 1

    CoreOp(page, lambda ws: ws.branches.create("Ấp 3"), core).run()
    qtbot.waitUntil(lambda: page.branch_combo.count() == 5, timeout=10_000)
    assert _choices(page) == [ALL, UNASSIGNED, "Ấp 1", "Ấp 2", "Ấp 3"]
    assert page.branch_combo.currentText() == "Ấp 2" and page.model.rowCount() == 1

    CoreOp(page, lambda ws: ws.branches.merge(ap2, ap1), core).run()  # "Ấp 2" is gone
    qtbot.waitUntil(lambda: page.branch_combo.count() == 4, timeout=10_000)
    assert page.branch_combo.currentText() == ALL
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    assert page.model.member_filter.branch_id is None
    assert core.runner.wait()
    assert on_the_worker(read_on)


def test_the_chi_doan_a_move_offers_are_read_on_the_worker(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Chuyển chi đoàn…" reads the chi đoàn it offers on the worker, then asks and moves."""
    ap1 = ws.branches.create("Ấp 1").id
    ws.branches.create("Ấp 2")
    an = ws.members.save({"full_name": "Lê Văn An", "birth_date": "01/01/2001", "branch_id": ap1})
    read_on = record_reads(ws.branches, monkeypatch, "list")
    core = Core(ws, prompts)
    page = RosterPage(core, UndoHistory(core))
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.branch_combo.count() == 4, timeout=10_000)
    page.select_member(an)
    prompts.choice = "Ấp 2"
    page.move_selected()
    qtbot.waitUntil(lambda: ws.members.get(an).branch_name == "Ấp 2", timeout=10_000)
    assert prompts.choices_offered == [["Ấp 1", "Ấp 2"]]
    assert core.runner.wait()
    assert on_the_worker(read_on)


def test_the_member_form_s_chi_doan_are_read_on_the_worker(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The member form lists the chi đoàn read on the worker: until then the choice is greyed
    out showing the member's own, and "Lưu" waits; then the member's (or, for a new member,
    the roster's) chi đoàn is chosen, not a change Esc asks about."""
    ap1 = ws.branches.create("Ấp 1").id
    ap2 = ws.branches.create("Ấp 2").id
    an = ws.members.save({"full_name": "Lê Văn An", "birth_date": "01/01/2001", "branch_id": ap2})
    read_on = record_reads(ws.branches, monkeypatch, "list")
    core = Core(ws, prompts)
    dialog = MemberFormDialog(core, an)
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.editors["branch_id"]
    assert isinstance(combo, QComboBox)
    assert not combo.isEnabled() and combo.currentText() == "Ấp 2"
    dialog.set_value("occupation", "Nuôi tôm")
    dialog.submit()  # waits for the list: nothing saved
    qtbot.waitUntil(combo.isEnabled, timeout=10_000)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "(Chưa thuộc chi đoàn)", "Ấp 1", "Ấp 2"
    ]  # fmt: skip
    assert combo.currentText() == "Ấp 2" and dialog.saved_id is None
    assert ws.members.get(an).fields.occupation is None
    dialog.set_value("occupation", "")
    assert not dialog.is_modified

    new = MemberFormDialog(core, None, branch_id=ap1)  # from the list of "Ấp 1"
    qtbot.addWidget(new)
    new.show()
    new_combo = new.editors["branch_id"]
    assert isinstance(new_combo, QComboBox)
    qtbot.waitUntil(new_combo.isEnabled, timeout=10_000)
    assert new_combo.currentText() == "Ấp 1" and not new.is_modified
    assert core.runner.wait()
    assert on_the_worker(read_on)
