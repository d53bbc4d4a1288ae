"""Taking attendance: the keyboard alone (one key a person), "Tất cả có mặt" then exceptions,
the counts live, adding and removing a member, a reason, the Excel sheet confirmed before it is
used, saving through the core."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.attendance_dialog import AttendanceDialog, read_attendance
from doancoso.ui.calendar.attendance_model import COL_REASON, COL_STATE, AttendanceModel
from doancoso.ui.calendar.words import attendance_text
from doancoso.ui.shell.operations import Core
from typing_keys import type_text

from .conftest import add_activity, branch_id, first_occurrence, member_id

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # dialogs shown offscreen

TAN_HUNG_ORDER = ["Lê Văn An", "Phạm Minh Bảo", "Nguyễn Thị Như Quỳnh", "Trần Thị Thủy",
                  "Võ Văn Tùng"]  # fmt: skip


@pytest.fixture
def meeting(cal_ws: Workspace) -> str:
    """The occurrence of a past meeting of chi đoàn ấp Tân Hưng (its 5 members expected)."""
    activity = add_activity(cal_ws, "Sinh hoạt chi đoàn tháng 3", "12/03/2026", kind="sinh-hoat",
                            branch_ids=[branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")])  # fmt: skip
    return first_occurrence(cal_ws, activity)


def _dialog(qtbot: QtBot, core: Core, occurrence: str) -> AttendanceDialog:
    dialog = AttendanceDialog(core, read_attendance(core.ws, occurrence))
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def _states(model: AttendanceModel) -> list[str]:
    return [model.index(r, COL_STATE).data() for r in range(model.rowCount())]


def _saved(ws: Workspace, occurrence: str) -> dict[str, tuple[str, str | None]]:
    return {r.full_name: (r.state, r.reason) for r in ws.attendance.sheet(occurrence)}


def test_model_passes_the_model_tester(qtmodeltester, cal_ws: Workspace, meeting: str) -> None:
    model = AttendanceModel(cal_ws.attendance.sheet(meeting))
    model.set_state(1, "excused")
    qtmodeltester.check(model)


def test_keyboard_alone(qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str) -> None:
    dialog = _dialog(qtbot, core, meeting)
    model, view = dialog.model, dialog.view
    assert [m.full_name for m in model.marks_list] == TAN_HUNG_ORDER
    assert _states(model) == ["Vắng"] * 5
    assert dialog.counts_label.text() == "Có mặt 0/5 · Vắng có phép 0 · Vắng 5"
    assert view.hasFocus() and view.current_row() == 0
    # An: present; Bảo: present; Quỳnh: excused; Thủy: skipped (absent); Tùng: present
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Space, Qt.Key.Key_P, Qt.Key.Key_Down,
                Qt.Key.Key_Space):  # fmt: skip
        qtbot.keyClick(view, key)
    assert _states(model) == ["Có mặt", "Có mặt", "Vắng có phép", "Vắng", "Có mặt"]
    assert dialog.counts_label.text() == "Có mặt 3/5 · Vắng có phép 1 · Vắng 1"
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Space)  # Quỳnh, excused: a toggle makes her present
    assert _states(model)[2] == "Có mặt"
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_V)  # and back to absent with V
    assert _states(model)[2] == "Vắng"
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert model.setData(model.index(2, COL_REASON), "  Ốm ")
    dialog.save_button.click()
    assert dialog.saved
    assert _saved(cal_ws, meeting) == {
        "Lê Văn An": ("present", None),
        "Phạm Minh Bảo": ("present", None),
        "Nguyễn Thị Như Quỳnh": ("excused", "Ốm"),
        "Trần Thị Thủy": ("absent", None),
        "Võ Văn Tùng": ("present", None),
    }
    detail = cal_ws.activities.occurrence(meeting)
    assert detail.row.status == "da-thuc-hien"
    assert (detail.row.expected, detail.row.present, detail.row.excused) == (5, 3, 1)


def test_all_present_then_the_exceptions(
    qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str
) -> None:
    dialog = _dialog(qtbot, core, meeting)
    dialog.all_present_button.click()
    assert dialog.counts_label.text() == "Có mặt 5/5 · Vắng có phép 0 · Vắng 0"
    assert dialog.view.hasFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Space)  # Bảo absent
    qtbot.keyClick(dialog.view, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.view, Qt.Key.Key_P)  # Thủy excused
    assert dialog.counts_label.text() == "Có mặt 3/5 · Vắng có phép 1 · Vắng 1"
    assert _states(dialog.model) == ["Có mặt", "Vắng", "Có mặt", "Vắng có phép", "Có mặt"]


def test_forty_people_one_key_each(qtbot: QtBot, core: Core, cal_ws: Workspace) -> None:
    big = cal_ws.branches.create("Chi đoàn ấp Rạch Ráng").id
    families, givens = (
        ("Nguyễn", "Trần", "Lê", "Phạm", "Võ"),
        ("An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Khoa", "Long"),
    )
    for family in families:
        for given in givens:
            cal_ws.members.save({"full_name": f"{family} Văn {given}", "birth_date": "01/01/2000",
                                 "branch_id": big})  # fmt: skip
    occurrence = first_occurrence(
        cal_ws, add_activity(cal_ws, "Sinh hoạt", "05/03/2026", branch_ids=[big])
    )
    dialog = _dialog(qtbot, core, occurrence)
    assert dialog.model.rowCount() == 40
    for row in range(40):
        qtbot.keyClick(dialog.view, Qt.Key.Key_P if row in (7, 21) else Qt.Key.Key_Space)
    assert dialog.counts_label.text() == "Có mặt 38/40 · Vắng có phép 2 · Vắng 0"
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)  # Enter: the reason of the last person
    assert dialog.view.state() == dialog.view.State.EditingState
    dialog.view.closePersistentEditor(dialog.view.currentIndex())


def test_add_and_remove_members(qtbot: QtBot, core: Core, cal_ws: Workspace, meeting) -> None:
    dialog = _dialog(qtbot, core, meeting)
    dialog.picker.search.setText("dat")
    dialog.picker.refresh()
    assert dialog.picker.combo.currentText() == "Huỳnh Văn Đạt – Chi đoàn ấp Kênh Xáng"
    dialog.add_button.click()
    assert dialog.model.rowCount() == 6
    assert dialog.view.current_row() == 5
    assert dialog.model.index(5, 1).data() == "Huỳnh Văn Đạt"
    assert dialog.model.index(5, 0).data() == "6"
    qtbot.keyClick(dialog.view, Qt.Key.Key_Space)
    dialog.view.setCurrentIndex(dialog.model.index(0, 1))
    qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)  # An is not expected after all
    assert dialog.model.rowCount() == 5
    assert dialog.model.index(0, 1).data() == "Phạm Minh Bảo"
    assert dialog.counts_label.text() == "Có mặt 1/5 · Vắng có phép 0 · Vắng 4"
    dialog.save_button.click()
    saved = _saved(cal_ws, meeting)
    assert "Lê Văn An" not in saved and saved["Huỳnh Văn Đạt"] == ("present", None)


def test_cancel_asks_before_dropping_marks(
    qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str, prompts
) -> None:
    dialog = _dialog(qtbot, core, meeting)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Space)
    prompts.answer = False
    dialog.reject()
    assert prompts.asked == ["Điểm danh chưa được lưu. Bỏ các thay đổi này?"]
    assert dialog.isVisible()
    assert not cal_ws.activities.occurrence(meeting).row.attendance_taken


def _sheet(path: Path, rows: list[tuple[object, ...]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_excel_sheet_is_confirmed_then_put_on_the_sheet(
    qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str, prompts, tmp_path: Path
) -> None:
    path = _sheet(tmp_path / "diem danh.xlsx", [
        ("STT", "Họ và tên", "Có mặt"),
        (1, "Lê Văn An", "x"),
        (2, "nguyen thi nhu quynh", "p"),
        (3, "Võ Văn Tùng", "x"),
        (4, "Lý Thị Mai", "x"),
    ])  # fmt: skip
    dialog = _dialog(qtbot, core, meeting)
    dialog.ask_open_path = lambda: path  # type: ignore[method-assign]
    prompts.answer = False
    dialog.import_button.click()
    assert prompts.asked == [
        "Tệp “diem danh.xlsx”: có mặt 3, vắng có phép 1, vắng 2. 1 người chưa có trong danh "
        "sách sẽ được thêm.\n\nĐiền vào bảng điểm danh? Kiểm tra lại rồi bấm “Lưu” để lưu."
    ]
    assert prompts.buttons == [("Điền vào bảng", "Không")]
    assert dialog.model.counts() == (0, 0, 5)  # declined: nothing changed
    prompts.answer = True
    dialog.import_button.click()
    assert dialog.counts_label.text() == "Có mặt 3/6 · Vắng có phép 1 · Vắng 2"
    assert not cal_ws.activities.occurrence(meeting).row.attendance_taken  # not saved yet
    dialog.save_button.click()
    assert _saved(cal_ws, meeting)["Lý Thị Mai"] == ("present", None)
    assert _saved(cal_ws, meeting)["Nguyễn Thị Như Quỳnh"] == ("excused", None)


def test_excel_sheet_with_an_unknown_name_changes_nothing(
    qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str, prompts, tmp_path: Path
) -> None:
    path = _sheet(tmp_path / "diem danh.xlsx",
                  [("Lê Văn An", "x"), ("Võ Văn Tùng", "x"), ("Trương Vô Danh", "x")])  # fmt: skip
    dialog = _dialog(qtbot, core, meeting)
    dialog.ask_open_path = lambda: path  # type: ignore[method-assign]
    dialog.import_button.click()
    assert prompts.errors == [
        "Dòng 3: “Trương Vô Danh” không có trong danh sách đoàn viên. Chưa lưu gì."
    ]
    assert prompts.asked == [] and dialog.model.counts() == (0, 0, 5)


def test_excel_sheet_with_three_bad_rows_names_them_all(
    qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str, prompts, tmp_path: Path
) -> None:
    """Every bad row in the one message, so that the secretary fixes them all at once."""
    path = _sheet(tmp_path / "diem danh.xlsx",
                  [("Lê Văn An", "x"), ("Trương Vô Danh", "x"), ("Võ Văn Tùng", "có"),
                   ("Phạm Minh Bảo", "??"), ("Đinh Văn Lạ", "")])  # fmt: skip
    dialog = _dialog(qtbot, core, meeting)
    dialog.ask_open_path = lambda: path  # type: ignore[method-assign]
    dialog.import_button.click()
    assert prompts.errors == [
        "Tệp “diem danh.xlsx” có 3 dòng không đọc được nên chưa lưu gì (sửa các dòng này rồi "
        "nhập lại tệp):\n"
        "• Dòng 2: “Trương Vô Danh” không có trong danh sách đoàn viên.\n"
        "• Dòng 4: không hiểu dấu “??” (dùng “x” cho có mặt, “p” cho vắng có phép, để trống "
        "cho vắng).\n"
        "• Dòng 5: “Đinh Văn Lạ” không có trong danh sách đoàn viên."
    ]
    assert prompts.asked == [] and dialog.model.counts() == (0, 0, 5)
    assert not cal_ws.activities.occurrence(meeting).row.attendance_taken


def test_member_id_helper_finds_members(cal_ws: Workspace) -> None:
    assert cal_ws.members.get(member_id(cal_ws, "Lê Văn An")).fields.full_name == "Lê Văn An"


def test_counts_of_a_thousand_or_more_have_the_thousands_dot(
    qtbot: QtBot, core: Core, cal_ws: Workspace
) -> None:
    """A whole-commune clean-up of a union merged in 2025: over a thousand members expected."""
    cal_ws.generate_demo(members=1300, seed=1)
    clean_up = first_occurrence(cal_ws, add_activity(cal_ws, "Ra quân toàn xã", "29/11/2026"))
    dialog = _dialog(qtbot, core, clean_up)
    total = dialog.model.rowCount()
    assert 1000 <= total < 10_000
    shown = f"{total // 1000}.{total % 1000:03d}"
    assert dialog.counts_label.text() == f"Có mặt 0/{shown} · Vắng có phép 0 · Vắng {shown}"
    dialog.all_present_button.click()
    assert dialog.counts_label.text() == f"Có mặt {shown}/{shown} · Vắng có phép 0 · Vắng 0"
    dialog.save_button.click()
    assert dialog.saved
    row = cal_ws.activities.occurrence(clean_up).row
    assert attendance_text(row) == f"{shown}/{shown}"  # the list of the calendar's dates


def test_the_sheet_is_looked_for_on_the_stick_first(
    qtbot: QtBot, core: Core, meeting: str, tmp_path: Path, monkeypatch
) -> None:
    """The attendance sheet comes back from the chi đoàn on a USB stick: the dialog opens there
    when one is plugged in, not in the home folder."""
    from scripted import OpenDialogs

    dialog = _dialog(qtbot, core, meeting)
    sheet = tmp_path / "USB" / "diem-danh.xlsx"
    dialogs = OpenDialogs(sheet, tmp_path / "USB").install(monkeypatch)
    assert dialog.ask_open_path() == sheet
    assert dialogs.offered == [str(tmp_path / "USB")]


def test_enter_in_the_add_search_adds_the_member_found(
    qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str
) -> None:
    """Typing a name in "Thêm người" and pressing Enter adds that member to the sheet: it does
    not save the roll call half taken and close the dialog (the default button's Enter)."""
    dialog = _dialog(qtbot, core, meeting)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Space)  # An present, the others not called yet
    dialog.picker.search.setFocus()
    qtbot.keyClicks(dialog.picker.search, "dat")
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
    assert dialog.isVisible() and not dialog.saved
    assert not cal_ws.activities.occurrence(meeting).row.attendance_taken
    assert dialog.model.rowCount() == 6
    assert dialog.model.index(5, 1).data() == "Huỳnh Văn Đạt"
    assert dialog.view.current_row() == 5 and dialog.view.hasFocus()
    assert dialog.counts_label.text() == "Có mặt 1/6 · Vắng có phép 0 · Vắng 5"
    qtbot.keyClick(dialog.view, Qt.Key.Key_Space)  # the next key marks the one just added
    assert dialog.model.index(5, 4).data() == "Có mặt"


def test_enter_in_the_add_list_adds_the_member_chosen(
    qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str
) -> None:
    dialog = _dialog(qtbot, core, meeting)
    dialog.picker.search.setText("mai")
    dialog.picker.refresh()
    dialog.picker.combo.setFocus()
    qtbot.keyClick(dialog.picker.combo, Qt.Key.Key_Return)
    assert dialog.isVisible() and not dialog.saved
    assert dialog.model.index(5, 1).data() == "Lý Thị Mai"


def test_find_a_name_without_tones(
    qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str
) -> None:
    """Ctrl+F, a name typed without tones: the sheet goes to that person; Enter back to the
    sheet, whose next key marks them; ↑↓ go through several people found."""
    dialog = _dialog(qtbot, core, meeting)
    qtbot.keyClick(dialog.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert dialog.find_edit.hasFocus()
    qtbot.keyClicks(dialog.find_edit, "thuy")
    assert dialog.view.current_row() == 3  # Trần Thị Thủy
    assert dialog.find_label.text() == "Thấy 1 người. Enter để đánh dấu."
    qtbot.keyClick(dialog.find_edit, Qt.Key.Key_Return)
    assert dialog.view.hasFocus() and dialog.isVisible() and not dialog.saved
    qtbot.keyClick(dialog.view, Qt.Key.Key_Space)
    assert _states(dialog.model) == ["Vắng", "Vắng", "Vắng", "Có mặt", "Vắng"]
    qtbot.keyClick(dialog.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert dialog.find_edit.hasFocus() and dialog.find_edit.selectedText() == "thuy"
    qtbot.keyClicks(dialog.find_edit, "nguyen quynh")  # typed over the last search
    assert dialog.view.current_row() == 2
    qtbot.keyClick(dialog.find_edit, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.view, Qt.Key.Key_P)
    assert _states(dialog.model)[2] == "Vắng có phép"
    assert dialog.counts_label.text() == "Có mặt 1/5 · Vắng có phép 1 · Vắng 3"


def test_find_several_and_none(qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str) -> None:
    dialog = _dialog(qtbot, core, meeting)
    dialog.find_edit.setFocus()
    qtbot.keyClicks(dialog.find_edit, "van")  # Lê Văn An, Võ Văn Tùng
    assert dialog.view.current_row() == 0
    assert dialog.find_label.text() == "Thấy 2 người (↑↓ để chuyển). Enter để đánh dấu."
    qtbot.keyClick(dialog.find_edit, Qt.Key.Key_Down)
    assert dialog.view.current_row() == 4 and dialog.find_edit.hasFocus()
    qtbot.keyClick(dialog.find_edit, Qt.Key.Key_Down)  # round to the first again
    assert dialog.view.current_row() == 0
    qtbot.keyClick(dialog.find_edit, Qt.Key.Key_Up)
    assert dialog.view.current_row() == 4
    qtbot.keyClicks(dialog.find_edit, " a")  # "van a": each word begins one of the name's
    assert dialog.view.current_row() == 0  # Lê Văn An only
    assert dialog.find_label.text() == "Thấy 1 người. Enter để đánh dấu."
    dialog.find_edit.setText("dat")  # Huỳnh Văn Đạt is of the other chi đoàn: not on the sheet
    assert dialog.find_label.text() == (
        "Không có ai khớp “dat” trong danh sách. Người không có ở đây: thêm ở “Thêm người”."
    )
    assert dialog.view.current_row() == 0  # where it was
    qtbot.keyClick(dialog.find_edit, Qt.Key.Key_Return)  # nothing found: nothing happens
    assert dialog.isVisible() and not dialog.saved
    dialog.find_edit.clear()
    assert dialog.find_label.text() == ""


def test_ctrl_s_saves_the_roll_call(
    qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str
) -> None:
    """The roll call taken from the keyboard is saved from it too: Ctrl+S, as the hint says,
    not Tab past "Bỏ khỏi danh sách" (whose Enter takes the member off the sheet)."""
    dialog = _dialog(qtbot, core, meeting)
    assert dialog.hint.text().endswith("Ctrl+F: tìm tên · Ctrl+S: lưu.")
    assert dialog.save_button.toolTip() == "Lưu điểm danh (Ctrl+S)"
    for _ in range(4):
        qtbot.keyClick(dialog.view, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.saved and not dialog.isVisible()
    assert [state for state, _ in _saved(cal_ws, meeting).values()].count("present") == 4


def test_ctrl_s_keeps_the_reason_being_typed(
    qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str
) -> None:
    dialog = _dialog(qtbot, core, meeting)
    qtbot.keyClick(dialog.view, Qt.Key.Key_P)  # An excused, the sheet on Bảo
    qtbot.keyClick(dialog.view, Qt.Key.Key_Up)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)  # the reason's editor
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    type_text(qtbot, editor, "Ốm")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.saved
    assert _saved(cal_ws, meeting)["Lê Văn An"] == ("excused", "Ốm")


def test_all_present_after_some_leave_asks_whether_to_keep_it(
    qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str, prompts
) -> None:
    """ "Tất cả có mặt" pressed once some were marked absent with leave (or on a sheet saved
    before) made them present and wiped their reasons, with nothing to take it back."""
    dialog = _dialog(qtbot, core, meeting)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.view, Qt.Key.Key_P)  # Bảo excused
    assert dialog.model.setData(dialog.model.index(1, COL_REASON), "Đi làm ăn xa")
    prompts.answer_index = 2  # "Quay lại"
    dialog.all_present_button.click()
    assert prompts.asked == [
        "1 người đã được ghi vắng có phép hoặc lý do vắng. Đánh dấu có mặt những người còn "
        "lại, hay cả họ (lý do vắng của họ bị xóa)?"
    ]
    assert prompts.buttons == [("Giữ như đã ghi", "Cả họ cũng có mặt", "Quay lại")]
    assert dialog.counts_label.text() == "Có mặt 0/5 · Vắng có phép 1 · Vắng 4"
    prompts.answer_index = 0
    dialog.all_present_button.click()
    assert dialog.counts_label.text() == "Có mặt 4/5 · Vắng có phép 1 · Vắng 0"
    assert dialog.model.index(1, COL_REASON).data() == "Đi làm ăn xa"
    prompts.answer_index = 1
    dialog.all_present_button.click()
    assert dialog.counts_label.text() == "Có mặt 5/5 · Vắng có phép 0 · Vắng 0"
    assert len(prompts.asked) == 3


def test_escape_in_the_find_box_clears_it_not_the_dialog(
    qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str, prompts
) -> None:
    dialog = _dialog(qtbot, core, meeting)
    qtbot.keyClick(dialog.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.find_edit, "tung")
    assert dialog.view.current_row() == 4
    qtbot.keyClick(dialog.find_edit, Qt.Key.Key_Escape)
    assert dialog.isVisible() and prompts.asked == []
    assert dialog.find_edit.text() == "" and dialog.view.hasFocus()
    assert dialog.view.current_row() == 4  # still on the one found
    dialog.picker.search.setFocus()
    qtbot.keyClicks(dialog.picker.search, "dat")
    qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Escape)  # the "Thêm người" search too
    assert dialog.isVisible() and dialog.picker.search.text() == ""
    qtbot.keyClick(dialog.view, Qt.Key.Key_Escape)  # elsewhere Escape still closes
    assert not dialog.isVisible()


def test_a_search_found_nowhere_does_not_widen_the_dialog(
    qtbot: QtBot, core: Core, cal_ws: Workspace, meeting: str
) -> None:
    dialog = _dialog(qtbot, core, meeting)
    width = dialog.width()
    dialog.find_edit.setText("nguyen thi hong nhung ap tan hung xa tan hung")
    qtbot.wait(50)
    assert dialog.find_label.text().startswith("Không có ai khớp")
    assert dialog.width() == width and dialog.minimumSizeHint().width() <= width
