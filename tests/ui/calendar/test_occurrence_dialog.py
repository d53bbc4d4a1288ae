"""One date of an activity: moved alone, its status and results checked by the core, the
attendance and minutes buttons, edit and delete through the page."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.attendance_dialog import AttendanceDialog
from doancoso.ui.calendar.occurrence_dialog import OccurrenceDialog, read_occurrence
from doancoso.ui.calendar.page import CalendarPage
from doancoso.ui.calendar.words import long_date
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from steady import messages_fit, shown, spot

from .conftest import add_activity, branch_id, vn


def _dialog(qtbot: QtBot, core: Core, history: UndoHistory, occurrence: str) -> OccurrenceDialog:
    dialog = OccurrenceDialog(core, history, read_occurrence(core.ws, occurrence))
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def monthly(cal_ws: Workspace) -> str:
    return add_activity(cal_ws, "Sinh hoạt chi đoàn", "15/01/2026", kind="sinh-hoat",
                        start_time="19:30", place="Nhà văn hóa ấp", repeat="monthly",
                        until="15/06/2026",
                        branch_ids=[branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")])  # fmt: skip


def test_move_one_date_only(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace, monthly: str
) -> None:
    february = cal_ws.activities.occurrence_ids_of(monthly)[1]
    dialog = _dialog(qtbot, core, history, february)
    assert dialog.title_label.text() == "Sinh hoạt chi đoàn"
    assert dialog.subtitle.text() == (
        "Sinh hoạt chi đoàn định kỳ · Chi đoàn ấp Tân Hưng · Ngày 15 hằng tháng, đến 15/06/2026"
    )
    assert dialog.raw()["day"] == "15/02/2026" and dialog.raw()["place"] == "Nhà văn hóa ấp"
    assert dialog.move_note.text() == "Dời buổi này không làm thay đổi các buổi khác."
    dialog.set_value("day", "20/02/2026")
    dialog.set_value("start_time", "8h")
    dialog.set_value("place", "Hội trường xã")
    dialog.save_button.click()
    assert dialog.saved
    days = [
        r.day for r in cal_ws.activities.occurrences(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    ]
    assert days == [dt.date(2026, m, 20 if m == 2 else 15) for m in range(1, 7)]
    moved = cal_ws.activities.occurrence(february)
    assert (moved.row.start_time, moved.row.place, moved.row.moved) == ("08:00", "Hội trường xã",
                                                                         True)  # fmt: skip
    again = _dialog(qtbot, core, history, february)
    assert again.move_note.text() == "Đã dời từ ngày 15/02/2026."
    march = cal_ws.activities.occurrence(cal_ws.activities.occurrence_ids_of(monthly)[2])
    assert (march.row.start_time, march.row.place) == ("19:30", "Nhà văn hóa ấp")


def test_messages_under_the_fields(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace
) -> None:
    later = dt.date.today() + dt.timedelta(days=10)
    occurrence = cal_ws.activities.occurrence_ids_of(
        add_activity(cal_ws, "Hội thi Rung chuông vàng", vn(later), start_time="08:00")
    )[0]
    dialog = _dialog(qtbot, core, history, occurrence)
    dialog.set_value("status", "da-thuc-hien")
    dialog.set_value("end_time", "07:00")
    dialog.set_value("participants", "ba mươi")
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "status": f"Hoạt động ngày {vn(later)} chưa diễn ra: chưa thể ghi “Đã thực hiện”.",
        "end_time": "Giờ kết thúc không thể trước giờ bắt đầu. Nếu hoạt động kéo dài qua nửa "
        "đêm, hãy sửa hoạt động (“Sửa hoạt động…”) và nhập “Ngày kết thúc” là ngày hôm sau.",
        "participants": "Số người tham gia phải là số nguyên không âm.",
    }
    assert not dialog.saved and cal_ws.activities.occurrence(occurrence).row.status == "du-kien"
    assert not dialog.attendance_button.isEnabled()
    assert dialog.attendance_button.toolTip().endswith("chưa diễn ra: chưa thể điểm danh.")
    # Every activity has its minutes ("biên bản"), written from the day it takes place.
    assert dialog.minutes_button.isVisibleTo(dialog) and not dialog.minutes_button.isEnabled()
    assert dialog.minutes_button.text() == "B&iên bản…"


def test_results_are_saved(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace
) -> None:
    occurrence = cal_ws.activities.occurrence_ids_of(
        add_activity(cal_ws, "Dọn vệ sinh kênh Xáng", "29/03/2026", kind="chu-nhat-xanh")
    )[0]
    dialog = _dialog(qtbot, core, history, occurrence)
    dialog.set_value("status", "da-thuc-hien")
    dialog.set_value("participants", "42")
    dialog.set_value("results", "Dọn 2 km kênh,\nthu gom 300 kg rác")
    dialog.set_value("resources", "Hội Nông dân hỗ trợ 2 triệu đồng")
    dialog.save_button.click()
    detail = cal_ws.activities.occurrence(occurrence)
    assert detail.row.status == "da-thuc-hien" and detail.participants == 42
    assert detail.results == "Dọn 2 km kênh,\nthu gom 300 kg rác"
    assert detail.resources == "Hội Nông dân hỗ trợ 2 triệu đồng"


def test_attendance_from_the_date(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace, monthly: str, prompts
) -> None:
    january = cal_ws.activities.occurrence_ids_of(monthly)[0]
    dialog = _dialog(qtbot, core, history, january)
    assert dialog.attendance_label.text() == "Chưa điểm danh."
    assert dialog.attendance_button.isEnabled() and dialog.minutes_button.isVisibleTo(dialog)
    assert dialog.raw()["status"] == "du-kien"

    def all_present(sheet: AttendanceDialog) -> None:
        sheet.all_present_button.click()
        sheet.save_button.click()

    prompts.dialog_script = all_present
    dialog.attendance_button.click()
    assert dialog.attendance_label.text() == "Có mặt 5/5 · Vắng có phép 0 · Vắng 0."
    assert dialog.message.text() == "Đã lưu điểm danh: Có mặt 5/5 · Vắng có phép 0 · Vắng 0."
    # "Số người tham gia" follows those present, as saved (it stayed empty on the form).
    assert dialog.raw()["status"] == "da-thuc-hien" and dialog.raw()["participants"] == "5"
    assert not dialog.changed()
    # the minutes written: a sentence of its own after the counts, not "Vắng 0 Đã có…"
    cal_ws.attendance.save_minutes(january, {"content": "Bầu đ/c Quỳnh làm chủ trì."})
    again = _dialog(qtbot, core, history, january)
    assert again.attendance_label.text() == (
        "Có mặt 5/5 · Vắng có phép 0 · Vắng 0. Đã có biên bản sinh hoạt."
    )


def test_a_number_typed_stays_when_the_attendance_is_saved(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace, monthly: str, prompts
) -> None:
    """Taken again with one absent, the date's "Số người tham gia" follows to 4 on the form;
    a number the secretary typed and not saved yet stays, to be saved with "Lưu"."""
    january = cal_ws.activities.occurrence_ids_of(monthly)[0]
    dialog = _dialog(qtbot, core, history, january)

    def all_present(sheet: AttendanceDialog) -> None:
        sheet.all_present_button.click()
        sheet.save_button.click()

    def one_absent(sheet: AttendanceDialog) -> None:
        sheet.model.set_state(0, "absent")
        sheet.save_button.click()

    prompts.dialog_script = all_present
    dialog.attendance_button.click()
    prompts.dialog_script = one_absent
    dialog.attendance_button.click()
    assert dialog.raw()["participants"] == "4" and not dialog.changed()
    dialog.set_value("participants", "30")
    dialog.attendance_button.click()
    assert dialog.raw()["participants"] == "30"
    dialog.save_button.click()
    assert cal_ws.activities.occurrence(january).participants == 30


def test_edit_and_delete_through_the_page(
    qtbot: QtBot, page: CalendarPage, cal_ws: Workspace, monthly: str, prompts
) -> None:
    opened: list[str] = []

    def edit(dialog) -> None:
        opened.append(dialog.windowTitle())
        if isinstance(dialog, OccurrenceDialog):
            dialog.edit_button.click()

    prompts.dialog_script = edit
    page.open_occurrence(cal_ws.activities.occurrence_ids_of(monthly)[0])
    assert opened == ["Buổi hoạt động", "Sửa hoạt động"]

    prompts.dialog_script = lambda dialog: dialog.delete_button.click()
    page.month.select_date(dt.date(2026, 3, 15))
    page.open_occurrence(cal_ws.activities.occurrence_ids_of(monthly)[2])
    assert prompts.asked[-1].startswith("Xóa hoạt động “Sinh hoạt chi đoàn” cùng 6 buổi?")
    assert page.month_model.occurrences_on(dt.date(2026, 3, 15)) == ()
    page._history.undo()
    assert len(page.month_model.occurrences_on(dt.date(2026, 3, 15))) == 1


def test_a_deleted_date_is_said_not_opened(
    qtbot: QtBot, page: CalendarPage, cal_ws: Workspace, monthly: str, prompts
) -> None:
    occurrence = cal_ws.activities.occurrence_ids_of(monthly)[0]
    cal_ws.activities.delete(monthly)
    page.open_occurrence(occurrence)
    assert prompts.errors == ["Không tìm thấy buổi hoạt động (có thể đã bị xóa)."]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_buttons_stay_in_place_under_the_messages(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace, monthly: str
) -> None:
    dialog = _dialog(qtbot, core, history, cal_ws.activities.occurrence_ids_of(monthly)[1])
    shown(qtbot, dialog)
    before = spot(qtbot, dialog.save_button)
    for name, value in {"day": "31/02/2026", "start_time": "25:00", "end_time": "7h",
                        "participants": "nhiều"}.items():  # fmt: skip
        dialog.set_value(name, value)
    dialog.save_button.click()
    assert len(messages_fit(qtbot, dialog)) >= 3
    assert spot(qtbot, dialog.save_button) == before


def test_a_date_moved_as_typed_short_is_said_as_dd_mm_yyyy(
    qtbot: QtBot, page: CalendarPage, cal_ws: Workspace, monthly: str, prompts
) -> None:
    messages: list[str] = []
    page.status_message.connect(messages.append)

    def move(dialog: OccurrenceDialog) -> None:
        dialog.set_value("day", " 2/3/2026 ")  # as a secretary types it, accepted by the core
        dialog.save_button.click()

    prompts.dialog_script = move
    march = cal_ws.activities.occurrence_ids_of(monthly)[2]
    page.open_occurrence(march)
    assert cal_ws.activities.occurrence(march).row.day == dt.date(2026, 3, 2)
    assert messages[-1] == "Đã lưu buổi “Sinh hoạt chi đoàn” ngày 02/03/2026."


POSTPONED_TO_A_DAY = (
    "Buổi này được dời sang ngày 25/02/2026 nhưng có trạng thái “Hoãn”: ngày đó buổi sẽ bị "
    "gạch trên lịch (cả lịch điện thoại) và không điểm danh được.\n\n"
    "Buổi sẽ diễn ra vào ngày mới thì ghi trạng thái “Dự kiến”."
)


def test_a_date_moved_and_marked_postponed_is_asked_about(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace, monthly: str, prompts
) -> None:
    """Postponing a meeting to another day, the secretary naturally picks "Hoãn" and types the
    new day: the date would then be struck out on its new day too. She is asked first."""
    february = cal_ws.activities.occurrence_ids_of(monthly)[1]
    dialog = _dialog(qtbot, core, history, february)
    dialog.set_value("day", "25/2/2026")
    dialog.set_value("status", "hoan")
    prompts.answer_index = 2  # "Quay lại": nothing saved, the dialog stays
    dialog.save_button.click()
    assert prompts.asked == [POSTPONED_TO_A_DAY]
    assert prompts.buttons == [("Ghi “Dự kiến”", "Vẫn ghi “Hoãn”", "Quay lại")]
    assert not dialog.saved and cal_ws.activities.occurrence(february).row.day.day == 15
    prompts.answer_index = 0
    dialog.save_button.click()
    assert dialog.saved
    row = cal_ws.activities.occurrence(february).row
    assert (row.day, row.status, row.moved) == (dt.date(2026, 2, 25), "du-kien", True)


def test_a_date_moved_may_stay_postponed(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace, monthly: str, prompts
) -> None:
    march = cal_ws.activities.occurrence_ids_of(monthly)[2]
    dialog = _dialog(qtbot, core, history, march)
    dialog.set_value("status", "hoan")  # postponed, no new day yet: nothing to ask
    dialog.save_button.click()
    assert prompts.asked == [] and cal_ws.activities.occurrence(march).row.status == "hoan"
    dialog = _dialog(qtbot, core, history, march)
    dialog.set_value("day", "25/03/2026")
    prompts.answer_index = 1  # "Vẫn ghi “Hoãn”"
    dialog.save_button.click()
    assert len(prompts.asked) == 1 and dialog.saved
    row = cal_ws.activities.occurrence(march).row
    assert (row.day, row.status) == (dt.date(2026, 3, 25), "hoan")


def test_why_the_attendance_cannot_be_taken_is_written(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace, monthly: str
) -> None:
    """The attendance button greyed out said why only in a tooltip, which the keyboard never
    shows: the line above it says it, and what to do."""
    later = dt.date.today() + dt.timedelta(days=10)
    coming = cal_ws.activities.occurrence_ids_of(add_activity(cal_ws, "Hội thi", vn(later)))[0]
    dialog = _dialog(qtbot, core, history, coming)
    assert not dialog.attendance_button.isEnabled()
    assert dialog.attendance_label.text() == (
        f"Chưa điểm danh: buổi ngày {long_date(later)} chưa diễn ra, điểm danh và viết biên "
        "bản được từ ngày đó."
    )
    assert not dialog.minutes_button.isEnabled()
    march = cal_ws.activities.occurrence_ids_of(monthly)[2]
    cal_ws.activities.update_occurrence(march, {"status": "Hoãn"})
    dialog = _dialog(qtbot, core, history, march)
    assert not dialog.attendance_button.isEnabled()
    assert dialog.attendance_label.text() == (
        "Không điểm danh: buổi đã hoãn hoặc hủy (đổi “Trạng thái” nếu buổi vẫn diễn ra)."
    )


def test_delete_asks_about_results_typed_and_not_saved(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace, monthly: str, prompts
) -> None:
    """ "Xóa hoạt động…" closed the date with its results typed and not saved; the deletion
    then declined, they were lost without a word ("Sửa hoạt động…" asks first)."""
    january = cal_ws.activities.occurrence_ids_of(monthly)[0]
    dialog = _dialog(qtbot, core, history, january)
    dialog.set_value("results", "Triển khai kế hoạch ra quân tháng 1.")
    prompts.answer = False
    dialog.delete_button.click()
    assert prompts.asked == ["Thay đổi của buổi này chưa được lưu. Bỏ các thay đổi này?"]
    assert not dialog.delete_requested and dialog.result() == 0
    assert dialog.raw()["results"] == "Triển khai kế hoạch ra quân tháng 1."
    prompts.answer = True
    dialog.delete_button.click()
    assert dialog.delete_requested


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_enter_in_a_field_saves_the_date_not_the_attendance(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace, monthly: str, prompts
) -> None:
    """Enter where the date was typed saves the dialog ("Lưu" is its default button), on a
    date whose attendance can be taken too: it opens no roll call."""
    january = cal_ws.activities.occurrence_ids_of(monthly)[0]
    dialog = _dialog(qtbot, core, history, january)
    opened: list[QDialog] = []
    prompts.dialog_script = opened.append
    with qtbot.wait_active(dialog):
        dialog.show()
        dialog.activateWindow()
    assert dialog.attendance_button.isEnabled()
    day = dialog.editors["day"]
    assert isinstance(day, QLineEdit)
    day.setFocus()
    day.selectAll()
    qtbot.keyClicks(day, "20/01/2026")
    qtbot.keyClick(day, Qt.Key.Key_Return)
    assert opened == [] and dialog.saved and not dialog.isVisible()
    assert cal_ws.activities.occurrence(january).row.day == dt.date(2026, 1, 20)
