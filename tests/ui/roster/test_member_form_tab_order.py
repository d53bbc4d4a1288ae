"""The member form's Tab chain, tab by tab, by the labels the user reads: down the fields in the
order they are shown, then along the buttons, the tab bar, and back to the first field. "Chi
đoàn" is the second stop of "Đoàn – Đảng", right under "Mã định danh đoàn viên", where it is
shown (three Ctrl+Tabs from "Họ và tên", then one Tab); "Trạng thái" (set by the events) is no
stop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from active_window import shown_active
from doancoso.core.workspace import Workspace
from doancoso.ui.roster.member_form import MemberFormDialog
from mnemonics import letters, mnemonic, press_alt, twice
from scripted import synchronous_core
from tab_chain import stop_name, tab_round

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

SHOWN = {
    "Thông tin chung": ["Họ và tên", "Tên gọi khác", "Ngày sinh", "Giới tính", "Dân tộc",
                        "Tôn giáo", "Số CCCD", "Ngày cấp CCCD", "Nơi cấp CCCD", "Quê quán"],
    "Địa chỉ – liên hệ": ["Ấp/thôn/khóm", "Xã/phường", "Tỉnh/thành phố", "Điện thoại", "Email"],
    "Học vấn – nghề nghiệp": ["Nghề nghiệp", "Trình độ văn hóa", "Trình độ chuyên môn",
                              "Lý luận chính trị", "Tin học", "Ngoại ngữ"],
    "Đoàn – Đảng": ["Mã định danh đoàn viên", "Chi đoàn", "Chức vụ", "Ngày vào Đoàn",
                    "Nơi vào Đoàn", "Số nghị quyết chuẩn y kết nạp", "Số thẻ đoàn viên",
                    "Số sổ đoàn viên", "Tình trạng sổ đoàn viên", "Ngày vào Đảng", "Hội"],
    "Gia đình": ["Họ tên cha", "Năm sinh của cha", "Nghề nghiệp của cha", "Họ tên mẹ",
                 "Năm sinh của mẹ", "Nghề nghiệp của mẹ"],
    "Ghi chú": ["Ghi chú"],
}  # fmt: skip


def _buttons(dialog: MemberFormDialog) -> list[str]:
    """The buttons' texts as laid out, left to right (their order is the platform's)."""
    shown = [b for b in (dialog.save_button, dialog.next_button, dialog.cancel_button) if b]
    shown.sort(key=lambda b: b.mapTo(dialog, b.rect().topLeft()).x())
    return [b.text() for b in shown]


@pytest.mark.parametrize("editing", [False, True])
def test_tab_goes_down_each_tab_as_its_fields_are_shown(
    qtbot: QtBot, ws: Workspace, editing: bool
) -> None:
    ws.branches.create("Chi đoàn ấp Tân Hưng")
    member_id = None
    if editing:
        member_id = ws.members.save({"full_name": "Trần Văn Bình", "birth_date": "01/01/2000"})
    dialog = shown_active(qtbot, MemberFormDialog(synchronous_core(ws), member_id))
    for index, (title, labels) in enumerate(SHOWN.items()):
        dialog.tabs.setCurrentIndex(index)
        assert dialog.tabs.tabText(index).replace("&", "") == title
        first = next(e for n, e in dialog.editors.items() if dialog._tab_of[n] == index)
        round_ = tab_round(qtbot, first)
        assert round_ == [*labels[1:], *_buttons(dialog), "tab bar", labels[0]], title


TAB_LETTERS = {
    "&Thông tin chung": "Họ và tên", "Địa chỉ – &liên hệ": "Ấp/thôn/khóm",
    "&Học vấn – nghề nghiệp": "Nghề nghiệp", "Đ&oàn – Đảng": "Mã định danh đoàn viên",
    "&Gia đình": "Họ tên cha", "Ghi &chú": "Ghi chú",
}  # fmt: skip


@pytest.mark.parametrize("editing", [False, True])
def test_each_tab_has_its_alt_letter_which_puts_the_cursor_in_its_first_field(
    qtbot: QtBot, ws: Workspace, editing: bool
) -> None:
    """Alt+O and one Tab reach "Chi đoàn" from "Họ và tên" (it took three Ctrl+Tabs, counted,
    then a Tab); each tab's letter shows it with the cursor in its first field, or where it was
    left in it, none taken twice in the form ("&Quá trình" too, in an edit)."""
    ws.branches.create("Chi đoàn ấp Tân Hưng")
    member_id = None
    if editing:
        member_id = ws.members.save({"full_name": "Trần Văn Bình", "birth_date": "01/01/2000"})
    dialog = shown_active(qtbot, MemberFormDialog(synchronous_core(ws), member_id))
    titles = [*TAB_LETTERS, *(["&Quá trình"] if editing else [])]
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == titles
    found = letters(dialog)
    assert set(found) >= {mnemonic(title) for title in titles} and twice(found) == []
    qtbot.waitUntil(dialog.editors["full_name"].hasFocus)
    press_alt(qtbot, Qt.Key.Key_O)
    assert dialog.tabs.currentIndex() == 3
    assert stop_name(QApplication.focusWidget() or dialog) == "Mã định danh đoàn viên"
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Tab)
    assert stop_name(QApplication.focusWidget() or dialog) == "Chi đoàn"
    left_in = {**TAB_LETTERS, "Đ&oàn – Đảng": "Chi đoàn"}  # where the cursor was left
    for title, field in reversed(left_in.items()):
        press_alt(qtbot, Qt.Key(ord(mnemonic(title)[-1])))
        assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == title
        assert stop_name(QApplication.focusWidget() or dialog) == field, title
    if editing:
        press_alt(qtbot, Qt.Key.Key_Q)
        timeline = dialog.timeline
        assert timeline is not None and dialog.tabs.currentWidget() is timeline
        assert timeline.isAncestorOf(QApplication.focusWidget() or dialog)
