"""The youth form's Tab chain by the labels the user reads: down the left column ("Thông tin cá
nhân"), then down the right one ("Hoàn cảnh – theo dõi"), the follow-up member's search box then
its list, then "Lưu" and "Hủy", and back to "Họ và tên"; Shift+Tab the same way back. So in an
edit too, and with messages shown under the fields."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGroupBox
from pytestqt.qtbot import QtBot

from active_window import shown_active
from doancoso.core.workspace import Workspace
from doancoso.ui.youth.form import YouthFormDialog, read_youth
from mnemonics import letters, press_alt, twice
from scripted import synchronous_core
from tab_chain import stop_name, tab_round

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

LEFT = ["Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc", "Tôn giáo", "Ấp/khu phố", "Địa chỉ",
        "Điện thoại", "Liên hệ khác", "Ghi chú"]  # fmt: skip
# The follow-up member's stops: its search box, then its list.
RIGHT = ["Nghề nghiệp", "Đi làm ăn xa", "Nơi làm ăn xa", "Đi từ ngày", "Hoàn cảnh khó khăn",
         "Loại hoàn cảnh", "Đã/cần hỗ trợ", "Khuyết tật", "Đoàn viên theo dõi (1+1)",
         "Đoàn viên theo dõi (1+1)"]  # fmt: skip
ROUND = [*LEFT[1:], *RIGHT, "Lưu", "Hủ&y", LEFT[0]]
ADD_ROUND = [*LEFT[1:], *RIGHT, "Lưu", "Lưu và thêm tiếp", "Hủ&y", LEFT[0]]
"""A new young person's form has "Lưu và thêm tiếp" between the two."""


@pytest.mark.parametrize("editing", [False, True])
def test_tab_goes_down_the_left_column_then_the_right_one(
    qtbot: QtBot, ws: Workspace, editing: bool
) -> None:
    youth_id = ws.youth.save({"full_name": "Lê Thị Hoa", "birth_date": "05/03/2004"})
    opened = read_youth(ws, youth_id) if editing else None
    dialog = shown_active(qtbot, YouthFormDialog(synchronous_core(ws), opened))
    expected = ROUND if editing else ADD_ROUND
    assert tab_round(qtbot, dialog.editors["full_name"]) == expected
    dialog.set_value("full_name", "")
    dialog.set_value("birth_date", "05/03/2004")
    dialog.save_button.click()  # refused: a message under "Họ và tên"
    assert list(dialog.errors.messages()) == ["full_name"]
    assert tab_round(qtbot, dialog.editors["full_name"]) == expected
    back = []
    for _ in expected:
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        back.append(stop_name(QApplication.focusWidget() or dialog))
    assert back == [*reversed(expected[:-1]), LEFT[0]]


def test_each_column_has_its_alt_letter_which_puts_the_cursor_in_its_first_field(
    qtbot: QtBot, ws: Workspace
) -> None:
    """Alt+H goes to the right column's "Nghề nghiệp" (ten Tabs from "Họ và tên" before), Alt+T
    back to "Họ và tên"; no letter taken twice in the form."""
    dialog = shown_active(qtbot, YouthFormDialog(synchronous_core(ws)))
    titles = [box.title() for box in dialog.findChildren(QGroupBox)]
    assert titles == ["&Thông tin cá nhân", "&Hoàn cảnh – theo dõi"]
    found = letters(dialog)
    assert {"Alt+T", "Alt+H"} <= set(found) and twice(found) == []
    qtbot.waitUntil(dialog.editors["full_name"].hasFocus)
    press_alt(qtbot, Qt.Key.Key_H)
    assert QApplication.focusWidget() is dialog.editors["occupation"]
    press_alt(qtbot, Qt.Key.Key_T)
    assert QApplication.focusWidget() is dialog.editors["full_name"]
