"""The calendar page with the app's threaded runner: every read of the activities it shows (the
month's weeks, the agenda of a whole year, the months a search finds in the year, the kinds,
the dates of an activity before it is deleted) runs on the
worker, never on the GUI thread (the dates' order goes through the core's collation cache, the
worker's); what was shown stays until the new read arrives."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.errors import StorageError
from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.activity_dialog import ActivityDialog
from doancoso.ui.calendar.attendance_dialog import AttendanceDialog
from doancoso.ui.calendar.occurrence_dialog import OccurrenceDialog
from doancoso.ui.calendar.page import CalendarPage
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from read_threads import on_the_worker, record_every_read, record_reads
from scripted import ScriptedPrompts

from .conftest import add_activity, branch_id, first_occurrence

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _titles(page: CalendarPage, day: dt.date) -> list[str]:
    return [row.title for row in page.month_model.occurrences_on(day)]


def test_the_month_the_agenda_and_a_search_are_read_on_the_worker(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts, history: UndoHistory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    tan_hung = branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")
    add_activity(cal_ws, "Sinh hoạt chi đoàn tháng 3", "15/03/2026", kind="sinh-hoat",
                 branch_ids=[tan_hung])  # fmt: skip
    add_activity(cal_ws, "Hiến máu tình nguyện", "16/05/2026", kind="tinh-nguyen")
    read_on = record_every_read(cal_ws.activities, monkeypatch)
    core = Core(cal_ws, prompts)  # threaded, as in the app
    page = CalendarPage(core, history)
    qtbot.addWidget(page)

    page.show_date(dt.date(2026, 3, 2))
    qtbot.waitUntil(lambda: page.title_label.text() == "Tháng 3 năm 2026", timeout=10_000)
    assert _titles(page, dt.date(2026, 3, 15)) == ["Sinh hoạt chi đoàn tháng 3"]
    assert page.month.selected == dt.date(2026, 3, 2)
    assert page.agenda_model.index(0, 3).data() == "Sinh hoạt chi đoàn định kỳ"  # its kind
    assert page.range_label.text() == "Từ 01/03/2026 đến 31/03/2026: 1 buổi hoạt động"

    page.range_combo.setCurrentIndex(page.range_combo.findData("year"))
    qtbot.waitUntil(
        lambda: page.range_label.text() == "Từ 01/01/2026 đến 31/12/2026: 2 buổi hoạt động",
        timeout=10_000,
    )
    assert [row.title for row in page.agenda_model.rows] == [
        "Sinh hoạt chi đoàn tháng 3", "Hiến máu tình nguyện",
    ]  # fmt: skip

    page.search.setText("hien mau")
    page.apply_filter()  # the user's pause
    assert _titles(page, dt.date(2026, 3, 15)) == ["Sinh hoạt chi đoàn tháng 3"]  # until read
    qtbot.waitUntil(lambda: not page.search_hint.isHidden(), timeout=10_000)
    assert page.search_hint.text() == (
        "Không có trong tháng này; có 1 buổi hoạt động khớp trong năm 2026: tháng 5. "
        "Enter: đến tháng 5."
    )
    assert _titles(page, dt.date(2026, 3, 15)) == []
    page.go_to_results()
    qtbot.waitUntil(lambda: page.title_label.text() == "Tháng 5 năm 2026", timeout=10_000)
    assert page.month.selected == dt.date(2026, 5, 16)
    assert _titles(page, dt.date(2026, 5, 16)) == ["Hiến máu tình nguyện"]
    assert core.runner.wait()
    assert on_the_worker(read_on)


def test_a_deletion_asks_with_the_dates_read_on_the_worker(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts, history: UndoHistory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    activity = add_activity(cal_ws, "Ngày Chủ nhật xanh", "01/03/2026", kind="chu-nhat-xanh",
                            repeat="last-sunday", until="31/05/2026")  # fmt: skip
    read_on = record_every_read(cal_ws.activities, monkeypatch)
    core = Core(cal_ws, prompts)  # threaded, as in the app
    page = CalendarPage(core, history)
    qtbot.addWidget(page)
    prompts.answer = False  # "Không"
    page.delete_activity(activity, "Ngày Chủ nhật xanh")
    qtbot.waitUntil(lambda: bool(prompts.asked), timeout=10_000)
    assert prompts.asked[0].startswith("Xóa hoạt động “Ngày Chủ nhật xanh” cùng 3 buổi? ")
    assert core.runner.wait()
    assert on_the_worker(read_on)
    assert len(cal_ws.activities.occurrence_ids_of(activity)) == 3  # not deleted


def test_a_date_opens_on_what_the_worker_read_and_reads_itself_again_there(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts, history: UndoHistory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The date's dialog opens once its date, activity, kinds and files are read on the worker;
    after the roll call it reads the date again there (its counts). A date deleted meanwhile is
    said, not opened."""
    tan_hung = branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")
    activity = add_activity(cal_ws, "Sinh hoạt chi đoàn tháng 3", "12/03/2026", kind="sinh-hoat",
                            branch_ids=[tan_hung])  # fmt: skip
    occurrence = first_occurrence(cal_ws, activity)
    read_on = record_every_read(cal_ws.activities, monkeypatch)
    record_every_read(cal_ws.evidence, monkeypatch, into=read_on)  # the date's files
    core = Core(cal_ws, prompts)  # threaded, as in the app
    page = CalendarPage(core, history)
    qtbot.addWidget(page)
    opening: list[int] = []  # the reads until the dialog opened
    reread_on: list[list[int]] = []  # those after the roll call was saved
    seen: list[tuple[str, str, str]] = []

    def roll_call(sheet: QDialog) -> None:
        assert isinstance(sheet, AttendanceDialog)
        sheet.all_present_button.click()
        sheet.save_button.click()
        qtbot.waitUntil(lambda: sheet.saved, timeout=10_000)
        reread_on.append(record_every_read(cal_ws.activities, monkeypatch))

    def in_the_date(dialog: QDialog) -> None:
        assert isinstance(dialog, OccurrenceDialog)
        opening.extend(read_on)
        prompts.dialog_script = roll_call
        dialog.take_attendance()
        qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=10_000)
        seen.append((dialog.subtitle.text().split(" · ")[0], dialog.attendance_label.text(),
                     dialog.message.text()))  # fmt: skip

    prompts.dialog_script = in_the_date
    page.open_occurrence(occurrence)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen == [(
        "Sinh hoạt chi đoàn định kỳ",
        "Có mặt 5/5 · Vắng có phép 0 · Vắng 0.",
        "Đã lưu điểm danh: Có mặt 5/5 · Vắng có phép 0 · Vắng 0.",
    )]  # fmt: skip
    assert core.runner.wait()
    assert on_the_worker(opening)
    assert on_the_worker(reread_on[0])

    cal_ws.activities.delete(activity)
    page.open_occurrence(occurrence)
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=10_000)
    assert prompts.errors == ["Không tìm thấy buổi hoạt động (có thể đã bị xóa)."]


def test_the_activity_form_reads_its_kinds_and_targets_on_the_worker(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The form lists the kinds and the plan's targets read on the worker (the targets' figures
    are measured there): "Lưu" waits for them; then the activity's kind and target are chosen,
    not a change Esc asks about, and a year without a plan says so once read."""
    cal_ws.plans.create(2026)
    kinds = cal_ws.activities.kind_names()
    target = cal_ws.plans.add_target(
        2026, {"text": "100% chi đoàn sinh hoạt hằng tháng", "criterion": "2"}, kinds
    )
    activity = add_activity(cal_ws, "Sinh hoạt chi đoàn tháng 3", "12/03/2026", kind="sinh-hoat",
                            target_ids=[target])  # fmt: skip
    read_on = record_reads(cal_ws.activities, monkeypatch, "kinds", "kind_names", "validate")
    planned_on = record_every_read(cal_ws.plans, monkeypatch)
    core = Core(cal_ws, prompts)  # threaded, as in the app
    dialog = ActivityDialog(core, activity)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edits["place"].setText("Nhà văn hóa ấp")
    dialog.submit()  # waits for the lists: nothing saved
    qtbot.waitUntil(lambda: dialog.kind_combo.count() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.targets.choices.rowCount() == 1, timeout=10_000)
    assert dialog.kind_combo.currentText() == "Sinh hoạt chi đoàn định kỳ"
    assert dialog.targets.checked_ids() == [target]
    assert dialog.targets.choices.item(0).text() == "1. 100% chi đoàn sinh hoạt hằng tháng"
    assert dialog.saved_id is None and cal_ws.activities.get(activity).fields.place is None
    dialog.edits["place"].setText("")
    assert not dialog.is_modified

    dialog.edits["start_date"].setText("12/03/2027")
    qtbot.waitUntil(dialog.no_plan.isVisible, timeout=10_000)
    assert dialog.no_plan.text() == "Chưa có kế hoạch công tác năm 2027."
    dialog.edits["start_time"].setText("25:00")
    dialog.organiser.some.setChecked(True)
    dialog.submit()  # the form's own message with the core's, from the kinds read
    assert dialog.errors.messages() == {
        "branch_ids": "Chọn ít nhất một chi đoàn tổ chức (hoặc “Toàn Đoàn cơ sở”).",
        "start_time": "Giờ 25:00 không hợp lệ.",
    }
    assert core.runner.wait()
    assert on_the_worker(read_on)
    assert on_the_worker(planned_on)


def test_enter_before_a_read_that_fails_goes_nowhere_later(
    qtbot: QtBot, cal_ws: Workspace, prompts: ScriptedPrompts, history: UndoHistory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Enter in the search box waits for the search's read; that read failing (its error said),
    the next read (a change of the data) does not jump to what it finds: the secretary gave up
    waiting when the error came."""
    add_activity(cal_ws, "Hiến máu tình nguyện", "16/05/2026", kind="tinh-nguyen")
    core = Core(cal_ws, prompts)  # threaded, as in the app
    page = CalendarPage(core, history)
    qtbot.addWidget(page)
    page.show_date(dt.date(2026, 3, 2))
    qtbot.waitUntil(lambda: page.title_label.text() == "Tháng 3 năm 2026", timeout=10_000)
    assert core.runner.wait()
    real = cal_ws.activities.occurrences

    def unreadable(*_args: object, **_kwargs: object) -> object:
        raise StorageError("Không đọc được cơ sở dữ liệu.")

    monkeypatch.setattr(cal_ws.activities, "occurrences", unreadable)
    page.search.setText("hien mau")
    page.go_to_results()  # Enter before the pause: waits for the read
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=10_000)
    assert prompts.errors == ["Không đọc được cơ sở dữ liệu."]

    monkeypatch.setattr(cal_ws.activities, "occurrences", real)
    page.month_model.reload()  # a change of the data: the month read again
    qtbot.waitUntil(lambda: not page.search_hint.isHidden(), timeout=10_000)
    assert page.month.selected == dt.date(2026, 3, 2)  # not moved to May's date
    assert page.title_label.text() == "Tháng 3 năm 2026"
