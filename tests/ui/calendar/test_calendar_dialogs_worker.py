"""A date's roll call, minutes and files with the app's threaded runner: what they open on (the
date, its attendance sheet, the minutes saved, its files) is read on the worker, never on the
GUI thread (the date's organisers are ordered through the core's collation cache, the
worker's); Esc leaves what they filled in themselves without asking; the files are read again
there after a change."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.attendance_dialog import AttendanceDialog
from doancoso.ui.calendar.minutes_dialog import MinutesDialog
from doancoso.ui.calendar.occurrence_dialog import OccurrenceDialog, read_occurrence
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from read_threads import on_the_worker, record_every_read
from scripted import ScriptedPrompts

from .conftest import add_activity, branch_id, first_occurrence, member_id

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def meeting(cal_ws: Workspace) -> str:
    """A meeting of Tân Hưng, its roll call taken (Võ Văn Tùng excused) and its minutes begun."""
    activity = add_activity(cal_ws, "Sinh hoạt chi đoàn tháng 3", "12/03/2026", kind="sinh-hoat",
                            branch_ids=[branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")])  # fmt: skip
    occurrence = first_occurrence(cal_ws, activity)
    marks: dict[str, tuple[str, str | None]] = {
        r.member_id: ("present", None) for r in cal_ws.attendance.sheet(occurrence)
    }
    marks[member_id(cal_ws, "Võ Văn Tùng")] = ("excused", "Đi làm xa")
    cal_ws.attendance.save(occurrence, marks)
    cal_ws.attendance.save_minutes(occurrence, {"number": "03-BB/CĐ", "chair": "Lê Văn An"})
    return occurrence


def _date(qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts, history: UndoHistory,
          occurrence: str) -> tuple[Core, OccurrenceDialog]:  # fmt: skip
    core = Core(cal_ws, prompts)  # threaded, as in the app
    date = OccurrenceDialog(core, history, read_occurrence(cal_ws, occurrence))
    qtbot.addWidget(date)
    assert core.runner.wait()
    qtbot.waitUntil(lambda: "…" not in date.subtitle.text(), timeout=10_000)  # its names read
    return core, date


def _escape(dialog: QDialog, qtbot: QtBot) -> None:
    with qtbot.wait_exposed(dialog):
        dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_the_roll_call_opens_on_its_sheet_read_on_the_worker(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts, history: UndoHistory,
    meeting: str, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    _core, date = _date(qtbot, cal_ws, prompts, history, meeting)
    read_on = record_every_read(cal_ws.activities, monkeypatch)
    record_every_read(cal_ws.attendance, monkeypatch, into=read_on)
    seen: list[tuple[str, str, bool]] = []

    def roll_call(dialog: QDialog) -> None:
        assert isinstance(dialog, AttendanceDialog)
        marked = dialog.model.marks()
        seen.append((dialog.counts_label.text(), str(marked[member_id(cal_ws, "Võ Văn Tùng")]),
                     dialog.isVisible()))  # fmt: skip
        _escape(dialog, qtbot)
        seen.append(("closed", str(dialog.result()), dialog.isVisible()))

    prompts.dialog_script = roll_call
    date.take_attendance()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)
    assert seen == [
        ("Có mặt 4/5 · Vắng có phép 1 · Vắng 0", "('excused', 'Đi làm xa')", False),
        ("closed", "0", False),
    ]
    assert prompts.asked == []  # nothing changed here: Esc closes without asking
    assert on_the_worker(read_on)


def test_the_minutes_open_on_what_the_worker_read(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts, history: UndoHistory,
    meeting: str, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    _core, date = _date(qtbot, cal_ws, prompts, history, meeting)
    read_on = record_every_read(cal_ws.activities, monkeypatch)
    record_every_read(cal_ws.attendance, monkeypatch, into=read_on)
    seen: list[tuple[str, str, str, bool]] = []

    def minutes(dialog: QDialog) -> None:
        assert isinstance(dialog, MinutesDialog)
        raw = dialog.raw()
        _escape(dialog, qtbot)
        seen.append((raw["number"], raw["chair"], dialog.attendance_text.toPlainText(),
                     dialog.isVisible()))  # fmt: skip

    prompts.dialog_script = minutes
    date.write_minutes()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen == [(
        "03-BB/CĐ", "Lê Văn An",
        "Có mặt 4/5 · Vắng có phép 1 · Vắng 0.\nVắng có phép: Võ Văn Tùng (Đi làm xa).",
        False,
    )]  # fmt: skip
    assert prompts.asked == []  # what it opened on is not a change Esc asks about
    assert on_the_worker(read_on)


def test_a_date_deleted_before_its_roll_call_opens_says_so(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts, history: UndoHistory,
    meeting: str,
) -> None:  # fmt: skip
    _core, date = _date(qtbot, cal_ws, prompts, history, meeting)
    opened: list[QDialog] = []
    prompts.dialog_script = opened.append
    cal_ws.activities.delete(cal_ws.activities.occurrence(meeting).row.activity_id)
    date.write_minutes()
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=10_000)
    assert prompts.errors == ["Không tìm thấy buổi hoạt động (có thể đã bị xóa)."]
    assert opened == []


def test_the_date_s_files_are_read_with_it_and_again_on_the_worker(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts, history: UndoHistory,
    meeting: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:  # fmt: skip
    photo = QImage(64, 48, QImage.Format.Format_RGB32)
    photo.fill(QColor("#2e7d32"))
    first, second = tmp_path / "ảnh tập thể.png", tmp_path / "đơn vệ sinh.png"
    assert photo.save(str(first))
    photo.fill(QColor("#1565c0"))
    assert photo.save(str(second))
    cal_ws.evidence.attach("occurrences", meeting, first)
    _core, date = _date(qtbot, cal_ws, prompts, history, meeting)  # with its files
    assert [f.original_name for f in date.evidence.model.items] == ["ảnh tập thể.png"]
    read_on = record_every_read(cal_ws.evidence, monkeypatch)
    date.evidence.attach([second])  # written on the worker, then the files read again there
    qtbot.waitUntil(lambda: len(date.evidence.model.items) == 2, timeout=10_000)
    assert [f.original_name for f in date.evidence.model.items] == [
        "ảnh tập thể.png", "đơn vệ sinh.png",
    ]  # fmt: skip
    assert date.message.text() == "Đã đính kèm 1 tệp minh chứng."
    assert on_the_worker(read_on)
