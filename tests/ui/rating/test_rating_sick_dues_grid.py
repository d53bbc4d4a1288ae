"""The grid's columns of sick leave ("Ốm", months typed) and unpaid dues ("Phí", 1 typed): set
by the keyboard and saved, the suggestion read again with its reason, Delete and 0 clear, a bad
value refused with the core's message, a member not rated or a closed round refused; each
change taken back with Hoàn tác."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from doancoso.core.rating.service import RatingRow
from doancoso.ui.rating.model import COL_DUES, COL_SICK, COL_SUGGESTED, COLUMNS
from doancoso.ui.rating.page import RatingPage
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts

from .conftest import GUEST, SHOWN, TODAY, YEAR, Round

pytestmark = SHOWN
AN = "Nguyễn Văn An"  # 10 meetings of 10


def _row(rated: Round, name: str) -> RatingRow:
    (row,) = [r for r in rated.ws.rating.rows(YEAR, as_of=TODAY) if r.full_name == name]
    return row


def _at(page: RatingPage, row: int, column: int) -> None:
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(row, column))


def _type(qtbot: QtBot, page: RatingPage, text: str) -> None:
    QTest.keyClicks(page.view, text[0])
    (editor,) = [e for e in page.view.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert editor.placeholderText() == "số tháng, 0–12"
    editor.insert(text[1:])
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.view.state() != page.view.State.EditingState, timeout=1000)


def test_the_columns_are_headed_with_their_tips(page: RatingPage) -> None:
    assert (COLUMNS[COL_SICK][0], COLUMNS[COL_DUES][0]) == ("Ốm", "Phí")
    tip = page.model.headerData(COL_DUES, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Đoàn phí: gõ 1 nếu đoàn viên chưa đóng đủ đoàn phí trong năm")


def test_months_of_sick_leave_typed_cap_the_suggestion(
    qtbot: QtBot, page: RatingPage, rated: Round, history: UndoHistory
) -> None:
    rated.ws.rating.set(YEAR, rated.ids[AN], {"training_result": "Xuất sắc"})
    page.refresh()
    _at(page, 0, COL_SICK)
    _type(qtbot, page, "3")
    assert (_row(rated, AN).sick_months, page.model.row(0).suggested) == (3, 1)
    _at(page, 0, COL_SICK)
    _type(qtbot, page, "4")
    assert _row(rated, AN).sick_months == 4
    assert page.model.index(0, COL_SICK).data() == "4"
    assert page.model.index(0, COL_SUGGESTED).data() == "3. HT"
    assert page.model.index(0, COL_SUGGESTED).data(Qt.ItemDataRole.ToolTipRole) == (
        "Tham gia 100,0% hoạt động (từ 90%); nghỉ ốm 4 tháng (trên 3 tháng) — Hoàn thành nhiệm vụ"
    )
    assert page.model.index(0, COL_SICK).data(Qt.ItemDataRole.ToolTipRole) == (
        "Nghỉ ốm 4 tháng trong năm. Số tháng nghỉ ốm trong năm: gõ 0–12; Delete để xóa."
    )
    assert history.undoText() == f"Sửa “Ốm” của {AN}"
    history.undo()
    assert _row(rated, AN).sick_months == 3
    _at(page, 0, COL_SICK)
    QTest.keyClick(page.view, Qt.Key.Key_Delete)
    assert _row(rated, AN).sick_months is None
    assert page.model.index(0, COL_SICK).data() == ""


def test_a_bad_number_of_months_is_refused_with_the_cores_message(
    qtbot: QtBot, page: RatingPage, rated: Round, prompts: ScriptedPrompts
) -> None:
    _at(page, 0, COL_SICK)
    _type(qtbot, page, "13")
    assert prompts.errors and prompts.errors[-1].endswith(
        "Số tháng nghỉ ốm phải là số nguyên từ 0 đến 12 (để trống: không nghỉ)."
    )
    assert _row(rated, AN).sick_months is None


def test_one_marks_the_dues_unpaid_and_delete_clears(
    page: RatingPage, rated: Round, history: UndoHistory
) -> None:
    _at(page, 0, COL_DUES)
    QTest.keyClick(page.view, Qt.Key.Key_1)
    assert _row(rated, AN).dues_unpaid is True
    assert page.model.index(0, COL_DUES).data() == "Nợ"
    assert page.view.currentIndex().row() == 1  # a digit sets and goes on to the next member
    assert history.undoText() == f"Đặt “Phí” của {AN}: chưa đóng đủ đoàn phí"
    assert page.model.row(0).suggested == 4
    assert page.model.index(0, COL_SUGGESTED).data(Qt.ItemDataRole.ToolTipRole) == (
        "Tham gia 100,0% hoạt động (từ 90%); chưa đóng đủ đoàn phí — Không hoàn thành nhiệm vụ"
    )
    messages: list[str] = []
    page.status_message.connect(messages.append)
    QTest.keyClick(page.view, Qt.Key.Key_2)  # one choice only
    assert messages == ["Ở cột Phí chỉ gõ 1 (chưa đóng đủ đoàn phí), hoặc Delete, 0 để xóa."]
    _at(page, 0, COL_DUES)
    QTest.keyClick(page.view, Qt.Key.Key_0)
    assert page.view.currentIndex().row() == 0  # a clear is a correction: the keyboard stays
    assert _row(rated, AN).dues_unpaid is None
    assert page.model.index(0, COL_DUES).data() == ""
    history.undo()
    assert _row(rated, AN).dues_unpaid is True


def test_f2_offers_the_two_states_of_the_dues(page: RatingPage) -> None:
    _at(page, 0, COL_DUES)
    QTest.keyClick(page.view, Qt.Key.Key_F2)
    (combo,) = [c for c in page.view.viewport().findChildren(QComboBox) if c.isVisible()]
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Đã đóng đủ", "1. Chưa đóng đủ đoàn phí",
    ]  # fmt: skip


@pytest.mark.parametrize("column", [COL_SICK, COL_DUES])
def test_a_member_not_rated_and_a_closed_round_refuse_them(
    page: RatingPage, rated: Round, column: int
) -> None:
    messages: list[str] = []
    page.status_message.connect(messages.append)
    _at(page, 5, column)  # the guest on temporary activity
    QTest.keyClick(page.view, Qt.Key.Key_1)
    assert messages[-1].startswith(f"{GUEST} không xếp loại năm {YEAR}: Sinh hoạt tạm")
    rated.ws.rating.close(YEAR)
    page.refresh()
    _at(page, 0, column)
    QTest.keyClick(page.view, Qt.Key.Key_1)
    assert messages[-1] == f"Đợt xếp loại năm {YEAR} đã kết thúc: bấm “Mở lại” để sửa."
    assert (_row(rated, AN).sick_months, _row(rated, AN).dues_unpaid) == (None, None)
