"""The member picker of the youth form ("Đoàn viên theo dõi (1+1)") and of an admission
("Người giới thiệu") with the app's threaded runner: the members it lists are read on the worker
(the roster's index is the worker's), never on the GUI thread. Until they arrive the list is
greyed out, the member already chosen shown; then it lists them, that one still chosen, and a
name typed and Enter choose the member found. The chi đoàn an admission offers are read on the
worker too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.shell.operations import Core
from doancoso.ui.youth.admit_dialog import AdmitDialog
from doancoso.ui.youth.form import MemberPicker, YouthFormDialog, read_youth
from read_threads import on_the_worker, record_reads
from scripted import ScriptedPrompts

QUYNH = "Nguyễn Thị Như Quỳnh – Chi đoàn ấp Tân Hưng"

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _thuy(ws: Workspace) -> str:
    """The young person Quỳnh follows up."""
    return next(r.id for r in ws.youth.list() if r.full_name == "Nguyễn Thị Thủy")


def _items(picker: MemberPicker) -> list[str]:
    return [picker.combo.itemText(i) for i in range(picker.combo.count())]


def _check_picker(qtbot: QtBot, picker: MemberPicker, none_label: str) -> None:
    """Greyed out with Quỳnh chosen, then filled with Quỳnh still chosen; "tung" and Enter
    choose Võ Văn Tùng."""
    assert not picker.combo.isEnabled()  # nothing listed yet: nothing to choose from
    assert picker.combo.currentText() == QUYNH
    qtbot.waitUntil(picker.combo.isEnabled, timeout=10_000)
    assert _items(picker) == [none_label, QUYNH, "Võ Văn Tùng"]
    assert picker.combo.currentText() == QUYNH
    picker.search.setFocus()
    qtbot.keyClicks(picker.search, "tung")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: picker.combo.currentText() == "Võ Văn Tùng", timeout=10_000)
    assert picker.member_id() != ""


def test_the_follow_up_member_is_chosen_from_members_read_on_the_worker(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_on = record_reads(youth_ws.members, monkeypatch, "ids")
    core = Core(youth_ws, prompts)  # threaded, as in the app
    dialog = YouthFormDialog(core, read_youth(youth_ws, _thuy(youth_ws)))
    qtbot.addWidget(dialog)
    dialog.show()
    _check_picker(qtbot, dialog.picker, "(Chưa có)")
    assert dialog.raw()["follow_up_member_id"] == dialog.picker.member_id()
    assert core.runner.wait()
    assert on_the_worker(read_on)


def test_the_introducer_is_chosen_from_members_read_on_the_worker(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_on = record_reads(youth_ws.members, monkeypatch, "ids")
    core = Core(youth_ws, prompts)
    dialog = AdmitDialog(core, _thuy(youth_ws))
    qtbot.addWidget(dialog)
    dialog.show()
    _check_picker(qtbot, dialog.introducer, "(Không ghi)")
    assert core.runner.wait()
    assert on_the_worker(read_on)


def test_the_admission_s_chi_doan_are_read_on_the_worker(
    qtbot: QtBot, youth_ws: Workspace, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The chi đoàn an admission offers are read on the worker: greyed out until listed, and
    "Kết nạp" (Enter) does nothing meanwhile; then the one named after the young person's
    hamlet is chosen, and Esc asks nothing about it."""
    read_on = record_reads(youth_ws.branches, monkeypatch, "list")
    core = Core(youth_ws, prompts)
    dialog = AdmitDialog(core, _thuy(youth_ws))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.branch_combo.isEnabled()
    before = youth_ws.members.count()
    dialog.submit()  # nothing admitted into no chi đoàn for a list not read yet
    qtbot.waitUntil(dialog.branch_combo.isEnabled, timeout=10_000)
    assert youth_ws.members.count() == before and dialog.isVisible()
    assert dialog.branch_combo.currentText() == "Chi đoàn ấp Tân Hưng"
    dialog.reject()
    assert not dialog.isVisible() and prompts.asked == []
    assert core.runner.wait()
    assert on_the_worker(read_on)
