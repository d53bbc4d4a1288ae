"""The member form by keyboard: the cursor waits in "Họ và tên" when the form opens (add and
edit), Ctrl+Tab takes it to the next tab's first field, Tab stops only where the focus shows,
and a refused save puts it in the first field with a message, on that field's tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.member_form import MemberFormDialog
from scripted import synchronous_core

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _shown(qtbot: QtBot, ws: Workspace, member_id: str | None = None) -> MemberFormDialog:
    dialog = MemberFormDialog(synchronous_core(ws), member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def test_the_add_form_opens_with_the_cursor_in_the_name(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _shown(qtbot, ws)
    name = dialog.editors["full_name"]
    assert dialog.focusWidget() is name
    assert dialog.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: QApplication.focusWidget() is name)
    qtbot.keyClicks(QApplication.focusWidget(), "Le Thi Hoa")  # (QTest types ASCII)
    assert dialog.raw()["full_name"] == "Le Thi Hoa"  # the first keys typed are not lost


def test_the_edit_form_opens_with_the_cursor_in_the_name(qtbot: QtBot, ws: Workspace) -> None:
    member_id = ws.members.save({"full_name": "Trần Văn Bình", "birth_date": "01/01/2000"})
    dialog = _shown(qtbot, ws, member_id)
    assert dialog.focusWidget() is dialog.editors["full_name"]
    assert dialog.tabs.currentIndex() == 0


def test_a_refused_save_focuses_the_first_field_with_a_message(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _shown(qtbot, ws)
    dialog.set_value("full_name", "Lê Thị Hoa")
    dialog.set_value("birth_date", "05/03/2001")
    dialog.set_value("admission_date", "05/03/2014")  # aged 13: refused, on "Đoàn – Đảng"
    dialog.set_value("father_birth_year", "abc")  # refused too, on a later tab
    qtbot.keyClick(dialog.editors["full_name"], Qt.Key.Key_Return)
    assert set(dialog.errors.messages()) == {"admission_date", "father_birth_year"}
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Đ&oàn – Đảng (!)"
    assert dialog.focusWidget() is dialog.editors["admission_date"]

    dialog.set_value("admission_date", "05/03/2019")
    dialog.set_value("full_name", "")
    dialog.save_button.click()
    assert dialog.tabs.currentIndex() == 0
    assert dialog.focusWidget() is dialog.editors["full_name"]


def test_ctrl_tab_puts_the_cursor_in_the_first_field_of_the_next_tab(
    qtbot: QtBot, ws: Workspace
) -> None:
    """Ctrl+Tab from "Họ và tên" shows "Địa chỉ – liên hệ" with the cursor in its first field,
    so what is typed next goes there (not into the tab's frame, which shows no focus)."""
    dialog = _shown(qtbot, ws)
    name = dialog.editors["full_name"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is name)
    qtbot.keyClick(name, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert dialog.tabs.currentIndex() == 1
    assert QApplication.focusWidget() is dialog.editors["address_hamlet"]
    qtbot.keyClicks(QApplication.focusWidget(), "Ap 3")
    assert dialog.raw()["address_hamlet"] == "Ap 3"


def test_tab_goes_round_the_form_through_visible_stops_only(qtbot: QtBot, ws: Workspace) -> None:
    """Tab from the tab's last field goes along the buttons as they are laid out (the order of
    "Lưu", "Lưu và thêm tiếp" and "Hủy" is the platform's), then to the tab bar, then straight
    back to "Họ và tên": no stop on a widget that shows no focus."""
    dialog = _shown(qtbot, ws)
    last = dialog.editors["hometown"]
    last.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is last)
    stops = []
    for _ in range(5):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    buttons = [dialog.save_button, dialog.next_button, dialog.cancel_button]
    laid_out = sorted(buttons, key=lambda b: b.mapTo(dialog, b.rect().topLeft()).x())  # type: ignore[union-attr]
    assert stops == [*laid_out, dialog.tabs.tabBar(), dialog.editors["full_name"]]
