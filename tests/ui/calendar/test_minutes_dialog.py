"""The minutes of a chi đoàn meeting: who was there from the attendance, the chair and the
recorder picked among those present or typed, saved and read back, a bad closing time said."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.minutes_dialog import MinutesDialog, read_minutes
from doancoso.ui.calendar.occurrence_dialog import OccurrenceDialog, read_occurrence
from doancoso.ui.common.document_dialog import DocumentDialog
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from mnemonics import press_alt
from typing_keys import type_in_focus

from .conftest import add_activity, branch_id, first_occurrence, member_id


@pytest.fixture
def meeting(cal_ws: Workspace) -> str:
    activity = add_activity(cal_ws, "Sinh hoạt chi đoàn tháng 3", "12/03/2026", kind="sinh-hoat",
                            start_time="19:30", place="Nhà văn hóa ấp Tân Hưng",
                            branch_ids=[branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")])  # fmt: skip
    return first_occurrence(cal_ws, activity)


DOTS = "." * 138 + "\n"  # a dotted line to write on, as extracted


def _dialog(qtbot: QtBot, core: Core, occurrence: str) -> MinutesDialog:
    dialog = MinutesDialog(core, read_minutes(core.ws, occurrence))
    qtbot.addWidget(dialog)
    return dialog


def test_without_attendance_it_says_so(qtbot: QtBot, core: Core, meeting: str) -> None:
    dialog = _dialog(qtbot, core, meeting)
    assert dialog.attendance_text.toPlainText() == (
        "Chưa điểm danh: hãy điểm danh buổi này để biên bản ghi người có mặt, vắng mặt."
    )


def test_write_and_read_back(qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str) -> None:
    marks: dict[str, tuple[str, str | None]] = {
        r.member_id: ("present", None) for r in cal_ws.attendance.sheet(meeting)
    }
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
    assert isinstance(chair, QComboBox)
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

    date = OccurrenceDialog(core, history, read_occurrence(core.ws, meeting))
    qtbot.addWidget(date)
    prompts.dialog_script = write
    date.minutes_button.click()
    assert date.message.text() == "Đã lưu biên bản sinh hoạt chi đoàn."
    assert date.attendance_label.text() == "Chưa điểm danh. Đã có biên bản sinh hoạt."


def _print(dialog: MinutesDialog, prompts, target, names: list[str] | None = None) -> list[str]:
    """Print ``dialog``'s minutes to ``target`` accepting the print dialog as suggested; the
    recipients it suggested. ``names``: given the file name the save dialog suggested."""
    from scripted import accept_print_dialog

    suggested: list[str] = []

    def accept(document: QDialog) -> None:
        assert isinstance(document, DocumentDialog)
        suggested.append(document.recipients_edit.toPlainText())
        accept_print_dialog(document)

    def ask(name: str) -> Path | None:
        if names is not None:
            names.append(name)
        return target

    dialog.ask_save_path = ask  # type: ignore[method-assign]
    prompts.dialog_script = accept
    dialog.print_button.click()
    assert dialog.printed_label.text() == f"Đã in biên bản ra tệp {target}."
    return suggested


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_save_and_print_the_minutes(
    qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str, prompts, tmp_path
) -> None:
    marks: dict[str, tuple[str, str | None]] = {
        r.member_id: ("present", None) for r in cal_ws.attendance.sheet(meeting)
    }
    marks[member_id(cal_ws, "Võ Văn Tùng")] = ("excused", "Đi làm xa")
    cal_ws.attendance.save(meeting, marks)
    dialog = _dialog(qtbot, core, meeting)
    dialog.set_value("number", "03-BB/CĐ")
    dialog.set_value("resolutions", "Tổ chức Ngày Chủ nhật xanh ngày 29/3.")
    target = tmp_path / "bien-ban.pdf"
    names: list[str] = []
    # A chi đoàn's minutes report to the BCH of its Đoàn cơ sở, not to the superior body.
    assert _print(dialog, prompts, target, names) == ["- BCH Đoàn xã Tân Hưng (b/c);\n- Lưu."]
    assert names == ["bien-ban-12-03-2026.pdf"]  # dd-mm-yyyy, as every suggested name
    minutes = cal_ws.attendance.minutes(meeting)
    assert minutes is not None and minutes.number == "03-BB/CĐ"  # saved before printing
    assert _pdf_text(target) == (
        "ĐOÀN XÃ TÂN HƯNG\n CHI ĐOÀN ẤP TÂN HƯNG\n ***\n ĐOÀN TNCS HỒ CHÍ MINH\n"
        " Số: 03-BB/CĐ\n Tân Hưng, ngày 12 tháng 3 năm 2026\n BIÊN BẢN SINH HOẠT CHI ĐOÀN\n"
        " Kỳ sinh hoạt tháng 3 năm 2026\n"
        "I. THỜI GIAN, ĐỊA ĐIỂM\n"
        " - Thời gian: bắt đầu lúc 19 giờ 30 phút, ngày 12 tháng 3 năm 2026.\n"
        " - Địa điểm: Nhà văn hóa ấp Tân Hưng.\n"
        "II. THÀNH PHẦN\n"
        " - Chủ trì: …………………………\n"
        " - Thư ký: …………………………\n"
        " - Đoàn viên: có mặt 4/5 đồng chí; vắng 1 đồng chí (có phép 1, không phép 0).\n"
        " + Vắng có phép: Võ Văn Tùng (Đi làm xa).\n"
        "III. NỘI DUNG\n"
        f" 1. Chương trình\n{DOTS * 3} 2. Diễn biến\n{DOTS * 6}"
        "Trang 1/2\n\n"  # the conclusions go over with the signatures, never these alone
        "IV. KẾT LUẬN, NGHỊ QUYẾT\n"
        " Tổ chức Ngày Chủ nhật xanh ngày 29/3.\n"
        " Buổi sinh hoạt kết thúc lúc …… giờ …… phút cùng ngày.\n"
        " THƯ KÝ\n CHỦ TRÌ\n"
        "Nơi nhận:\n- BCH Đoàn xã Tân Hưng (b/c);\n- Lưu.\n"
        "Trang 2/2\n"
    )


def test_the_union_s_own_minutes_go_to_the_superior_body(
    qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str, prompts, tmp_path
) -> None:
    """Minutes of an activity of the whole Đoàn xã are its BCH's: sent up to the Tỉnh đoàn;
    what was typed for a chi đoàn's minutes is not offered for them, nor the reverse."""
    union = first_occurrence(cal_ws, add_activity(
        cal_ws, "Hội nghị Ban Chấp hành Đoàn xã", "20/03/2026", kind="khac",
        start_time="08:00", place="Hội trường xã"))  # fmt: skip
    branch = _dialog(qtbot, core, meeting)
    assert _print(branch, prompts, tmp_path / "chi-doan.pdf") == [
        "- BCH Đoàn xã Tân Hưng (b/c);\n- Lưu."
    ]
    whole = _dialog(qtbot, core, union)
    assert _print(whole, prompts, tmp_path / "doan-xa.pdf") == [
        "- Tỉnh đoàn Cà Mau (b/c);\n- Lưu VP."
    ]
    text = _pdf_text(tmp_path / "doan-xa.pdf")
    assert text.startswith(
        "TỈNH ĐOÀN CÀ MAU\n BCH ĐOÀN XÃ TÂN HƯNG\n ***\n ĐOÀN TNCS HỒ CHÍ MINH\n"
        f" Số:{' ' * 10}-BB/ĐTN\n"  # no number yet: one to write by hand
        " Tân Hưng, ngày 20 tháng 3 năm 2026\n BIÊN BẢN\n Hội nghị Ban Chấp hành Đoàn xã\n"
    )
    assert text.endswith(
        " THƯ KÝ\n CHỦ TRÌ\nNơi nhận:\n- Tỉnh đoàn Cà Mau (b/c);\n- Lưu VP.\nTrang 2/2\n"
    )
    assert _print(_dialog(qtbot, core, meeting), prompts, tmp_path / "again.pdf") == [
        "- BCH Đoàn xã Tân Hưng (b/c);\n- Lưu."
    ]


def test_a_blank_form_is_no_minutes(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace, meeting: str, prompts
) -> None:
    """ "Lưu" on the form left blank (or printing it blank, to fill in by hand) wrote an empty
    minutes: the date then read "Đã có biên bản sinh hoạt" and the dossier counted one more."""
    cal_ws.activities.update_occurrence(meeting, {"status": "Đã thực hiện"})
    date = OccurrenceDialog(core, history, read_occurrence(core.ws, meeting))
    qtbot.addWidget(date)
    prompts.dialog_script = lambda dialog: dialog.save_button.click()
    date.minutes_button.click()
    assert date.message.text() == ""
    assert date.attendance_label.text() == "Chưa điểm danh."
    assert cal_ws.attendance.minutes(meeting) is None
    cal_ws.attendance.save_minutes(meeting, {"chair": " ", "content": "\n"})
    assert cal_ws.attendance.minutes(meeting) is None
    assert not cal_ws.activities.occurrence(meeting).has_minutes


def test_namesakes_absent_are_told_apart_by_their_birth_year() -> None:
    """The dialog's "Có mặt, vắng mặt" names the absent as the printed minutes do: a name two
    members on the sheet bear (whatever the tone placement) with the birth year."""
    from doancoso.core.activities.attendance import AttendanceRow
    from doancoso.ui.calendar.minutes_dialog import attendance_summary

    def row(
        member: str, name: str, year: int, state: str, reason: str | None = None
    ) -> AttendanceRow:
        return AttendanceRow(member, name, year, "Chi đoàn ấp Tân Hưng", state, reason)

    rows = [  # in the sheet's order
        row("c", "Lê Văn An", 2001, "absent"),
        row("d", "Lê Văn An", 2003, "present"),
        row("a", "Nguyễn Thị Thủy", 2000, "excused", "ốm"),
        row("b", "Nguyễn Thị Thuỷ", 2004, "absent"),
        row("e", "Võ Văn Tùng", 1998, "absent"),
    ]
    assert attendance_summary(rows, True).splitlines()[1:] == [
        "Vắng có phép: Nguyễn Thị Thủy (sinh năm 2000, ốm).",
        "Vắng không phép: Lê Văn An (sinh năm 2001); Nguyễn Thị Thuỷ (sinh năm 2004); Võ Văn Tùng.",
    ]


def test_named_for_what_the_activity_is(qtbot: QtBot, core: Core, cal_ws: Workspace,
                                        meeting: str) -> None:  # fmt: skip
    """A chi đoàn's meeting has its "biên bản sinh hoạt chi đoàn"; a meeting of several chi
    đoàn a "biên bản sinh hoạt"; any other activity a "biên bản"."""
    assert _dialog(qtbot, core, meeting).windowTitle() == "Biên bản sinh hoạt chi đoàn"
    joint = add_activity(cal_ws, "Sinh hoạt chuyên đề", "14/03/2026", kind="sinh-hoat")
    assert _dialog(qtbot, core, first_occurrence(cal_ws, joint)).windowTitle() == (
        "Biên bản sinh hoạt"
    )
    contest = add_activity(cal_ws, "Hội thi Rung chuông vàng", "15/03/2026", kind="hoi-thi",
                           branch_ids=[branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")])  # fmt: skip
    dialog = _dialog(qtbot, core, first_occurrence(cal_ws, contest))
    assert dialog.windowTitle() == "Biên bản"
    assert "sinh hoạt" not in dialog.attendance_text.toolTip()
    assert "sinh hoạt" not in dialog.editors["content"].placeholderText()


def test_saved_from_a_joint_meeting_says_its_name(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace, prompts
) -> None:
    joint = first_occurrence(cal_ws, add_activity(cal_ws, "Sinh hoạt chuyên đề", "14/03/2026",
                                                  kind="sinh-hoat"))  # fmt: skip

    def write(dialog: MinutesDialog) -> None:
        dialog.set_value("content", "Báo cáo chuyên đề về chuyển đổi số.")
        dialog.save_button.click()

    date = OccurrenceDialog(core, history, read_occurrence(core.ws, joint))
    qtbot.addWidget(date)
    prompts.dialog_script = write
    date.minutes_button.click()
    assert date.message.text() == "Đã lưu biên bản sinh hoạt."
    assert date.attendance_label.text() == "Chưa điểm danh. Đã có biên bản sinh hoạt."


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the nested dialog shown offscreen
def test_a_volunteer_day_s_minutes_by_keyboard(
    qtbot: QtBot, core: Core, history: UndoHistory, cal_ws: Workspace, prompts, tmp_path
) -> None:
    """A secretary also writes a biên bản of a volunteer day: "B&iên bản…" (Alt+I) on its date
    opens the minutes, written, saved and printed from the keys."""
    day = first_occurrence(cal_ws, add_activity(
        cal_ws, "Ngày Chủ nhật xanh", "29/03/2026", kind="chu-nhat-xanh", start_time="07:00",
        place="Kênh Xáng", branch_ids=[branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")]))  # fmt: skip
    date = OccurrenceDialog(core, history, read_occurrence(core.ws, day))
    qtbot.addWidget(date)
    with qtbot.wait_active(date):
        date.show()
        date.activateWindow()
    assert date.minutes_button.isVisible() and date.minutes_button.text() == "B&iên bản…"
    target = tmp_path / "bien-ban.pdf"
    names: list[str] = []

    def by_keys(dialog: QDialog) -> None:
        if isinstance(dialog, DocumentDialog):
            dialog.submit()  # its suggestions accepted, as Enter does
            return
        assert isinstance(dialog, MinutesDialog) and dialog.windowTitle() == "Biên bản"

        def ask(name: str) -> Path | None:
            names.append(name)
            return target

        dialog.ask_save_path = ask  # type: ignore[method-assign]
        dialog.setModal(True)  # as exec() shows it
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        press_alt(qtbot, Qt.Key.Key_B)
        type_in_focus(qtbot, "05-BB/CĐ")
        press_alt(qtbot, Qt.Key.Key_N)
        type_in_focus(qtbot, "Dọn 2 km kênh, thu gom 300 kg rác.")
        press_alt(qtbot, Qt.Key.Key_Q)
        type_in_focus(qtbot, "Duy trì mỗi tháng một lần.")
        press_alt(qtbot, Qt.Key.Key_I)  # "Lưu và &in biên bản…", clicked as a hand clicks
        qtbot.waitUntil(lambda: dialog.printed_label.text() != "")
        assert dialog.printed_label.text() == f"Đã in biên bản ra tệp {target}."
        dialog.activateWindow()  # back from the print dialog, run without being shown
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        press_alt(qtbot, Qt.Key.Key_L)
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)

    prompts.dialog_script = by_keys
    press_alt(qtbot, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: date.message.text() != "")
    assert date.message.text() == "Đã lưu biên bản."
    assert date.attendance_label.text() == "Chưa điểm danh. Đã có biên bản."
    minutes = cal_ws.attendance.minutes(day)
    assert minutes is not None and minutes.number == "05-BB/CĐ"
    assert minutes.resolutions == "Duy trì mỗi tháng một lần."
    assert names == ["bien-ban-29-03-2026.pdf"]
    assert _pdf_text(target) == (
        "ĐOÀN XÃ TÂN HƯNG\n CHI ĐOÀN ẤP TÂN HƯNG\n ***\n ĐOÀN TNCS HỒ CHÍ MINH\n"
        " Số: 05-BB/CĐ\n Tân Hưng, ngày 29 tháng 3 năm 2026\n BIÊN BẢN\n Ngày Chủ nhật xanh\n"
        "I. THỜI GIAN, ĐỊA ĐIỂM\n"
        " - Thời gian: bắt đầu lúc 7 giờ 00 phút, ngày 29 tháng 3 năm 2026.\n"
        " - Địa điểm: Kênh Xáng.\n"
        "II. THÀNH PHẦN\n"
        " - Chủ trì: …………………………\n"
        " - Thư ký: …………………………\n"
        " - Đoàn viên: có mặt ……/…… đồng chí; vắng …… đồng chí (có phép ……,\n"
        "không phép ……).\n"  # no roll call taken: to fill in by hand
        "III. NỘI DUNG\n"
        f" 1. Chương trình\n{DOTS * 3} 2. Diễn biến\n"
        " Dọn 2 km kênh, thu gom 300 kg rác.\n"
        "IV. KẾT LUẬN, NGHỊ QUYẾT\n"
        " Duy trì mỗi tháng một lần.\n"
        " Buổi hoạt động kết thúc lúc …… giờ …… phút cùng ngày.\n"
        " THƯ KÝ\n CHỦ TRÌ\n"
        "Nơi nhận:\n- BCH Đoàn xã Tân Hưng (b/c);\n- Lưu.\n"
    )


def test_a_chi_doan_that_clears_the_recipients_keeps_its_own_copy(
    qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str, prompts, tmp_path
) -> None:
    """The hint, the list offered and the line added agree: a chi đoàn, which has no office,
    keeps "Lưu."; the Đoàn cơ sở "Lưu VP."."""
    from scripted import accept_print_dialog

    hints: list[str] = []

    def clear(document: QDialog) -> None:
        assert isinstance(document, DocumentDialog)
        hints.append(document.recipients_hint.text())
        document.recipients_edit.setPlainText("")
        accept_print_dialog(document)

    dialog = _dialog(qtbot, core, meeting)
    dialog.ask_save_path = lambda name: tmp_path / "chi-doan.pdf"  # type: ignore[method-assign]
    prompts.dialog_script = clear
    dialog.print_button.click()
    assert hints == [
        "Mỗi dòng một nơi nhận. Dòng cuối là “- Lưu.” (tự thêm nếu thiếu); dấu “;” và “.” cuối "
        "dòng được đặt khi in."
    ]
    assert _pdf_text(tmp_path / "chi-doan.pdf").endswith(
        " THƯ KÝ\n CHỦ TRÌ\nNơi nhận:\n- Lưu.\nTrang 2/2\n"
    )
    union = first_occurrence(cal_ws, add_activity(
        cal_ws, "Hội nghị Ban Chấp hành Đoàn xã", "20/03/2026", kind="khac"))  # fmt: skip
    whole = _dialog(qtbot, core, union)
    whole.ask_save_path = lambda name: tmp_path / "doan-xa.pdf"  # type: ignore[method-assign]
    whole.print_button.click()
    assert hints[1] == (
        "Mỗi dòng một nơi nhận. Dòng cuối là “- Lưu VP.” (tự thêm nếu thiếu); dấu “;” và “.” "
        "cuối dòng được đặt khi in."
    )
    assert _pdf_text(tmp_path / "doan-xa.pdf").endswith("Nơi nhận:\n- Lưu VP.\nTrang 2/2\n")
