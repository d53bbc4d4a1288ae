"""The calendar with the app's threaded runner: the chi đoàn its page filters by, and those the
activity form and a date's dialog name, are read on the worker (their Vietnamese order goes
through the core's collation cache, the worker's), never on the GUI thread."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.activity_dialog import ActivityDialog
from doancoso.ui.calendar.checklist import CheckList
from doancoso.ui.calendar.occurrence_dialog import OccurrenceDialog, read_occurrence
from doancoso.ui.calendar.page import CalendarPage
from doancoso.ui.shell.operations import Core, CoreOp
from doancoso.ui.shell.undo import UndoHistory
from read_threads import on_the_worker, record_reads
from scripted import ScriptedPrompts

from .conftest import add_activity, branch_id, first_occurrence

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _choices(page: CalendarPage) -> list[str]:
    return [page.branch_combo.itemText(i) for i in range(page.branch_combo.count())]


def _listed(checks: CheckList) -> list[tuple[str, bool]]:
    """Each choice's text, and whether it is ticked."""
    return [
        (item.text(), item.checkState() == Qt.CheckState.Checked)
        for item in (checks.choices.item(row) for row in range(checks.choices.rowCount()))
    ]


def test_the_page_s_chi_doan_are_read_on_the_worker(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts, history: UndoHistory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The filter lists the chi đoàn read on the worker; read again when one is added, the
    chosen one kept."""
    kenh_xang = branch_id(cal_ws, "Chi đoàn ấp Kênh Xáng")
    read_on = record_reads(cal_ws.branches, monkeypatch, "list")
    core = Core(cal_ws, prompts)  # threaded, as in the app
    page = CalendarPage(core, history)
    qtbot.addWidget(page)
    expected = ["Tất cả chi đoàn", "Chi đoàn ấp Kênh Xáng", "Chi đoàn ấp Tân Hưng"]
    qtbot.waitUntil(lambda: _choices(page) == expected, timeout=10_000)
    page.branch_combo.setCurrentIndex(page.branch_combo.findData(kenh_xang))
    assert page.month_model.branch_id == kenh_xang
    CoreOp(page, lambda ws: ws.branches.create("Chi đoàn ấp Bờ Đập"), core).run()
    qtbot.waitUntil(lambda: len(_choices(page)) == 4, timeout=10_000)
    assert _choices(page) == [
        "Tất cả chi đoàn", "Chi đoàn ấp Bờ Đập", "Chi đoàn ấp Kênh Xáng", "Chi đoàn ấp Tân Hưng",
    ]  # fmt: skip
    assert page.branch_combo.currentText() == "Chi đoàn ấp Kênh Xáng"
    assert page.month_model.branch_id == kenh_xang
    assert core.runner.wait()
    assert on_the_worker(read_on)


def test_the_activity_form_s_chi_doan_are_read_on_the_worker(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The organiser lists the chi đoàn read on the worker: until then it is greyed out and
    "Lưu" waits; then the activity's chi đoàn is ticked, not a change Esc asks about."""
    kenh_xang = branch_id(cal_ws, "Chi đoàn ấp Kênh Xáng")
    activity = add_activity(cal_ws, "Sinh hoạt chi đoàn tháng 3", "12/03/2026",
                            branch_ids=[kenh_xang])  # fmt: skip
    read_on = record_reads(cal_ws.branches, monkeypatch, "list")
    core = Core(cal_ws, prompts)  # threaded, as in the app
    dialog = ActivityDialog(core, activity)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.organiser.isEnabled()
    dialog.edits["place"].setText("Nhà văn hóa ấp")
    dialog.submit()  # waits for the list: nothing saved
    qtbot.waitUntil(dialog.organiser.isEnabled, timeout=10_000)
    assert _listed(dialog.organiser.branches) == [
        ("Chi đoàn ấp Kênh Xáng", True), ("Chi đoàn ấp Tân Hưng", False),
    ]  # fmt: skip
    assert dialog.organiser.some.isChecked() and dialog.saved_id is None
    assert cal_ws.activities.get(activity).fields.place is None
    dialog.edits["place"].setText("")
    assert not dialog.is_modified

    new = ActivityDialog(core, None)
    qtbot.addWidget(new)
    new.show()
    qtbot.waitUntil(new.organiser.isEnabled, timeout=10_000)
    assert _listed(new.organiser.branches) == [
        ("Chi đoàn ấp Kênh Xáng", False), ("Chi đoàn ấp Tân Hưng", False),
    ]  # fmt: skip
    assert new.organiser.whole.isChecked() and not new.is_modified
    assert core.runner.wait()
    assert on_the_worker(read_on)


def test_a_date_s_organisers_are_named_from_the_worker(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts, history: UndoHistory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """A date's dialog names the chi đoàn organising it by names read on the worker ("…" until
    they arrive)."""
    organisers = [
        branch_id(cal_ws, "Chi đoàn ấp Tân Hưng"),
        branch_id(cal_ws, "Chi đoàn ấp Kênh Xáng"),
    ]
    activity = add_activity(cal_ws, "Ngày Chủ nhật xanh", "15/03/2026", kind="tinh-nguyen",
                            branch_ids=organisers)  # fmt: skip
    read_on = record_reads(cal_ws.branches, monkeypatch, "list", "names")
    core = Core(cal_ws, prompts)  # threaded, as in the app
    dialog = OccurrenceDialog(
        core, history, read_occurrence(core.ws, first_occurrence(cal_ws, activity))
    )
    qtbot.addWidget(dialog)
    dialog.show()
    named = (
        "Tình nguyện vì cộng đồng và an sinh xã hội · Chi đoàn ấp Kênh Xáng, Chi đoàn ấp Tân Hưng"
    )
    assert dialog.subtitle.text() == "Tình nguyện vì cộng đồng và an sinh xã hội · …"
    qtbot.waitUntil(lambda: dialog.subtitle.text() == named, timeout=10_000)
    assert core.runner.wait()
    assert on_the_worker(read_on)
