"""The minutes of a chi đoàn meeting: who was there from the attendance, the chair and the
recorder picked among those present or typed, saved and read back, a bad closing time said."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.minutes_dialog import MinutesDialog
from doancoso.ui.calendar.occurrence_dialog import OccurrenceDialog
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory

from .conftest import add_activity, branch_id, first_occurrence, member_id


@pytest.fixture
def meeting(cal_ws: Workspace) -> str:
    activity = add_activity(cal_ws, "Sinh hoạt chi đoàn tháng 3", "12/03/2026", kind="sinh-hoat",
                            start_time="19:30", place="Nhà văn hóa ấp Tân Hưng",
                            branch_ids=[branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")])  # fmt: skip
    return first_occurrence(cal_ws, activity)


def _dialog(qtbot: QtBot, core: Core, occurrence: str) -> MinutesDialog:
    dialog = MinutesDialog(core, occurrence)
    qtbot.addWidget(dialog)
    return dialog


def test_without_attendance_it_says_so(qtbot: QtBot, core: Core, meeting: str) -> None:
    dialog = _dialog(qtbot, core, meeting)
    assert dialog.attendance_text.toPlainText() == (
        "Chưa điểm danh: hãy điểm danh buổi này để biên bản ghi người có mặt, vắng mặt."
    )


def test_write_and_read_back(qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str) -> None:
    marks = {r.member_id: ("present", None) for r in cal_ws.attendance.sheet(meeting)}
    marks[member_id(cal_ws, "Võ Văn Tùng")] = ("excused", "Đi làm xa")
    marks[member_id(cal_ws, "Lê Văn An")] = ("absent", None)
    cal_ws.attendance.save(meeting, marks)
    dialog = _dialog(qtbot, core, meeting)
    assert dialog.attendance_text.toPlainText() == (
        "Có mặt 3/5 · Vắng có phép 1 · Vắng 1.\n"
        "Vắng có phép: Võ Văn Tùng (Đi làm xa).\n"
        "Vắng không phép: Lê Văn An."
    )
    chair = dialog.editors["chair"]
    names = ["", "Phạm Minh Bảo", "Nguyễn Thị Như Quỳnh", "Trần Thị Thủy", "Lê Văn An",
             "Võ Văn Tùng"]  # fmt: skip
    assert [chair.itemText(i) for i in range(chair.count())] == names  # those present first
    chair.setCurrentIndex(2)
    dialog.set_value("recorder", "Trần Thị Thuỷ")  # typed, old tone placement
    dialog.set_value("number", "03-BB/CĐ")
    dialog.set_value("closed_at", "21h")
    dialog.set_value("agenda", "1. Đánh giá tháng 2\n2. Kế hoạch tháng 3")
    dialog.set_value("content", "Đ/c Bảo báo cáo kết quả tháng 2.")
    dialog.set_value("resolutions", "Tổ chức Ngày Chủ nhật xanh ngày 29/3.")
    dialog.save_button.click()
    assert dialog.saved
    minutes = cal_ws.attendance.minutes(meeting)
    assert minutes is not None
    assert (minutes.number, minutes.chair, minutes.closed_at) == (
        "03-BB/CĐ", "Nguyễn Thị Như Quỳnh", "21:00",
    )  # fmt: skip
    assert minutes.recorder == "Trần Thị Thuỷ"
    assert minutes.agenda == "1. Đánh giá tháng 2\n2. Kế hoạch tháng 3"
    again = _dialog(qtbot, core, meeting)
    assert again.raw()["chair"] == "Nguyễn Thị Như Quỳnh"
    assert again.raw()["resolutions"] == "Tổ chức Ngày Chủ nhật xanh ngày 29/3."


def test_bad_closing_time(qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str) -> None:
    dialog = _dialog(qtbot, core, meeting)
    dialog.set_value("closed_at", "chín giờ")
    dialog.save_button.click()
    assert dialog.errors.messages() == {"closed_at": "Giờ phải viết dạng HH:MM, ví dụ 07:30."}
    assert not dialog.saved and cal_ws.attendance.minutes(meeting) is None


def test_from_the_date_of_the_meeting(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace, meeting: str, prompts
) -> None:
    def write(dialog: MinutesDialog) -> None:
        dialog.set_value("content", "Bầu đ/c Quỳnh làm chủ trì.")
        dialog.save_button.click()

    date = OccurrenceDialog(core, history, meeting)
    qtbot.addWidget(date)
    prompts.dialog_script = write
    date.minutes_button.click()
    assert date.message.text() == "Đã lưu biên bản sinh hoạt chi đoàn."
    assert date.attendance_label.text() == "Chưa điểm danh. Đã có biên bản sinh hoạt."


def test_save_and_print_the_minutes(
    qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str, prompts, tmp_path
) -> None:
    from pypdf import PdfReader

    from scripted import accept_print_dialog

    marks = {r.member_id: ("present", None) for r in cal_ws.attendance.sheet(meeting)}
    marks[member_id(cal_ws, "Võ Văn Tùng")] = ("excused", "Đi làm xa")
    cal_ws.attendance.save(meeting, marks)
    dialog = _dialog(qtbot, core, meeting)
    dialog.set_value("number", "03-BB/CĐ")
    dialog.set_value("resolutions", "Tổ chức Ngày Chủ nhật xanh ngày 29/3.")
    target = tmp_path / "bien-ban.pdf"
    dialog.ask_save_path = lambda _name: target  # type: ignore[method-assign]
    prompts.dialog_script = accept_print_dialog
    dialog.print_button.click()
    minutes = cal_ws.attendance.minutes(meeting)
    assert minutes is not None and minutes.number == "03-BB/CĐ"  # saved before printing
    assert dialog.printed_label.text() == f"Đã in biên bản ra tệp {target}."
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "BIÊN BẢN SINH HOẠT CHI ĐOÀN" in text
    assert "Số: 03-BB/CĐ" in text
    assert "Võ Văn Tùng (Đi làm xa)" in text
    assert "Tổ chức Ngày Chủ nhật xanh ngày 29/3." in text
    assert "Nơi nhận:\n- Tỉnh đoàn Cà Mau (b/c);\n- Lưu VP." in text  # the dialog's own lines
