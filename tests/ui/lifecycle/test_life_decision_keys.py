"""The decision lists by keyboard: "Chọn tất cả" (Alt+C), "Bỏ chọn tất cả" (Alt+B), the
decision's button ("Xác nhận", Alt+X; "Kết thúc sinh hoạt tạm", Alt+K), "Đóng" (Alt+G) and the
stays' "Chỉ hiện người đã hết thời hạn" (Alt+H). A button's letter clicks it a moment later:
each test waits for what it does."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from active_window import shown_active
from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.coming_of_age import ComingOfAgeDialog
from doancoso.ui.lifecycle.temporary_stays import TemporaryStaysDialog
from mnemonics import press_alt
from scripted import ScriptedPrompts, synchronous_core

from .conftest import AddMember

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_ticking_all_none_then_confirming_the_coming_of_age_by_keyboard(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    ids = [add_member("Trần Văn Bình", "1994"), add_member("Lê Thị Hoa", "10/06/1995")]
    core = synchronous_core(ws, prompts)
    dialog = shown_active(qtbot, ComingOfAgeDialog(core, 2025, today=dt.date(2025, 6, 1)))
    dialog.date_edit.setFocus()
    press_alt(qtbot, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: sorted(dialog.checked_ids()) == sorted(ids))
    press_alt(qtbot, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: dialog.checked_ids() == [])
    dialog.set_checked(ids[0], True)
    dialog.date_edit.setText("01/06/2025")
    press_alt(qtbot, Qt.Key.Key_X)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert prompts.infos == [
        "Đã ghi nhận trưởng thành Đoàn cho 1 đoàn viên. "
        "Các đoàn viên này không còn trong danh sách đang sinh hoạt."
    ]
    assert [e.kind for e in ws.events.history(ids[0])][-1] == "matured"
    assert [e.kind for e in ws.events.history(ids[1])] == []


def test_ending_a_stay_then_closing_by_keyboard(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    member = add_member("Nguyễn Thị Hạnh", "12/03/2001")
    ws.events.record(member, "temporary", "01/09/2024", home_organization="Đoàn phường 5",
                     period_start="01/09/2024", period_end="30/06/2025")  # fmt: skip
    core = synchronous_core(ws, prompts)
    dialog = shown_active(qtbot, TemporaryStaysDialog(core, today=dt.date(2025, 7, 1)))
    dialog.set_checked(member, True)
    dialog.date_edit.setText("01/07/2025")
    dialog.date_edit.setFocus()
    press_alt(qtbot, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert ws.events.history(member)[-1].kind == "transfer_out"

    again = shown_active(qtbot, TemporaryStaysDialog(core, today=dt.date(2025, 7, 1)))
    press_alt(qtbot, Qt.Key.Key_G)
    qtbot.waitUntil(lambda: not again.isVisible())
    assert again.result() == 0


def test_alt_h_shows_the_stays_that_go_on_and_back(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, add_member: AddMember
) -> None:
    """ "Chỉ &hiện người đã hết thời hạn sinh hoạt tạm" (Alt+H) unticks, listing every stay, and
    ticks again, listing the ended ones."""
    ended = add_member("Nguyễn Thị Hạnh", "12/03/2001")
    going_on = add_member("Trần Văn Bảo", "01/02/2000")
    ws.events.record(ended, "temporary", "01/09/2024", home_organization="Đoàn phường 5",
                     period_start="01/09/2024", period_end="30/06/2025")  # fmt: skip
    ws.events.record(going_on, "temporary", "15/01/2025", home_organization="Đoàn xã Khánh An",
                     period_start="15/01/2025", period_end="15/01/2100")  # fmt: skip
    core = synchronous_core(ws, prompts)
    dialog = shown_active(qtbot, TemporaryStaysDialog(core, today=dt.date(2025, 7, 1)))
    assert dialog.names() == ["Nguyễn Thị Hạnh"]
    dialog.date_edit.setFocus()
    press_alt(qtbot, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: dialog.names() == ["Trần Văn Bảo", "Nguyễn Thị Hạnh"])
    assert not dialog.ended_check.isChecked()
    press_alt(qtbot, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: dialog.names() == ["Nguyễn Thị Hạnh"])
