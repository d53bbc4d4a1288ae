"""The grid driven by the keyboard: digits 1–4 set the level of the current column, saved, and
move down (skipping members not rated), Enter moves down without a change, Delete and 0 clear,
a remark and a participation rate typed and saved, a bad rate refused with the core's
message."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.rating.model import (
    COL_DECIDED,
    COL_DISCIPLINE,
    COL_NAME,
    COL_PROPOSED,
    COL_RATE,
    COL_REMARK,
    COL_SELF,
    COL_SUGGESTED,
    COL_TRAINING,
)
from doancoso.ui.rating.page import RatingPage
from doancoso.ui.rating.remarks import RemarkCompleter, remark_phrases
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts

from .conftest import GUEST, SHOWN, TODAY, YEAR, Round, decided

pytestmark = SHOWN


def _at(page: RatingPage, row: int, column: int) -> None:
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(row, column))


def _key(page: RatingPage, key: Qt.Key) -> None:
    QTest.keyClick(page.view, key)


def _type_in_editor(qtbot: QtBot, page: RatingPage, text: str) -> None:
    """Type ``text`` into the cell as a user does: the first key (ASCII) opens the editor; the
    rest arrives as a Vietnamese input method commits it."""
    QTest.keyClicks(page.view, text[0])
    # (The offscreen platform does not give the window its activation back when the list of
    # phrases closes, so the new editor is found as the view's visible line edit.)
    (editor,) = [e for e in page.view.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert editor.text() == text[0]
    editor.insert(text[1:])
    popup = editor.completer().popup() if editor.completer() else None
    # The phrases are offered while typing a remark: Enter reaches the list first.
    QTest.keyClick(popup if popup is not None and popup.isVisible() else editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.view.state() != page.view.State.EditingState, timeout=1000)


def test_a_digit_decides_and_moves_down_enter_moves_without_a_change(
    page: RatingPage, rated: Round
) -> None:
    _at(page, 0, COL_DECIDED)
    for key in (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_1, Qt.Key.Key_4):
        _key(page, key)
    assert decided(rated.ws) == {
        "Nguyễn Văn An": 2, "Trần Thị Bình": 3, "Lê Văn Cường": 1, "Phạm Văn Dũng": 4,
        "Võ Thị Em": None, GUEST: None,
    }  # fmt: skip
    # The column stayed; the last digit went from Dũng to Em.
    assert (page.view.currentIndex().row(), page.view.currentIndex().column()) == (4, COL_DECIDED)
    assert page.model.index(2, COL_DECIDED).data() == "1. Xuất sắc"
    assert page.count_label.text() == (
        "Đang hiện 6/6 đoàn viên; 5 thuộc diện xếp loại, 4 đã quyết định"
    )
    # The results follow the saved levels.
    assert page.results.summary.row_texts()[-1][:6] == (
        "Toàn Đoàn cơ sở", "1 (25,0%)", "1 (25,0%)", "1 (25,0%)", "1 (25,0%)", "1"
    )  # fmt: skip
    # Enter skips the guest, who is not rated: nowhere to go from Em.
    _key(page, Qt.Key.Key_Return)
    assert page.view.currentIndex().row() == 4
    # Enter moves down without changing the level it leaves.
    _at(page, 1, COL_DECIDED)
    _key(page, Qt.Key.Key_Return)
    assert page.view.currentIndex().row() == 2
    assert decided(rated.ws)["Trần Thị Bình"] == 3
    # The last member rated takes the level and the keyboard stays on her, said: a digit more
    # would change her level again.
    messages: list[str] = []
    page.status_message.connect(messages.append)
    _at(page, 4, COL_DECIDED)
    _key(page, Qt.Key.Key_2)
    assert decided(rated.ws)["Võ Thị Em"] == 2
    assert page.view.currentIndex().row() == 4
    assert messages == [
        "Đã đến đoàn viên cuối cùng của bảng (Võ Thị Em): gõ số nữa sẽ đổi lại mức của người này."
    ]
    _key(page, Qt.Key.Key_Return)
    assert messages[-1] == "Đã đến đoàn viên cuối cùng của bảng (Võ Thị Em)."


def test_forty_digits_decide_forty_members_and_undo_takes_back_the_last(
    qtbot: QtBot, ws: Workspace, core: Core, history: UndoHistory
) -> None:
    """A chi đoàn of 40 members (and one more) decided with one key each."""
    branch = ws.branches.create("Chi đoàn ấp 3").id
    names = [f"{family} Văn {given}" for family in ("Nguyễn", "Trần", "Lê", "Phạm", "Võ")
             for given in ("An", "Bảo", "Cường", "Dũng", "Đạt", "Hải", "Khang", "Long",
                           "Minh")][:41]  # fmt: skip
    for name in names:
        ws.members.save({"full_name": name, "birth_date": "01/01/2000", "branch_id": branch,
                         "admission_date": "01/01/2020"})  # fmt: skip
    ws.rating.open(YEAR)
    page = RatingPage(core, history, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    shown = [r.full_name for r in page.model.rows]
    assert sorted(shown) == sorted(names)
    _at(page, 0, COL_DECIDED)
    digits = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4)
    for number in range(40):
        _key(page, digits[number % 4])
    levels = {r.full_name: r.decided_level for r in ws.rating.rows(YEAR, as_of=TODAY)}
    assert levels == {name: (number % 4 + 1 if number < 40 else None)
                      for number, name in enumerate(shown)}  # fmt: skip
    # On the 41st member, the next to decide, in the same column.
    assert (page.view.currentIndex().row(), page.view.currentIndex().column()) == (40, COL_DECIDED)
    assert page.model.index(39, COL_DECIDED).data() == "4. Không hoàn thành"
    # Ctrl+Z takes back the last level typed, and that one only.
    assert history.undoText() == f"Đặt “BCH quyết định” của {shown[39]}: 4. Không hoàn thành"
    history.undo()
    levels = {r.full_name: r.decided_level for r in ws.rating.rows(YEAR, as_of=TODAY)}
    assert levels[shown[39]] is None and levels[shown[38]] == 3
    assert page.model.index(39, COL_DECIDED).data() == ""


def test_delete_and_zero_clear_and_other_columns_take_their_digits(
    page: RatingPage, rated: Round
) -> None:
    ws, an = rated.ws, rated.ids["Nguyễn Văn An"]
    ws.rating.set(YEAR, an, {"self_level": 1, "proposed_level": 2, "decided_level": 2})
    page.refresh()
    _at(page, 0, COL_DECIDED)
    _key(page, Qt.Key.Key_Delete)
    _at(page, 0, COL_PROPOSED)
    _key(page, Qt.Key.Key_0)
    _at(page, 0, COL_SELF)
    _key(page, Qt.Key.Key_3)
    (row,) = [r for r in ws.rating.rows(YEAR, as_of=TODAY) if r.member_id == an]
    assert (row.self_level, row.proposed_level, row.decided_level) == (3, None, None)
    # The training programme's column: 1 is "Xuất sắc", which makes An's suggestion level 1.
    _at(page, 0, COL_TRAINING)
    _key(page, Qt.Key.Key_1)
    assert page.model.row(0).training_result == "xuat-sac"
    assert page.model.row(0).suggested == 1
    assert page.view.currentIndex().row() == 1  # on to Bình, as in a level column
    _at(page, 0, COL_TRAINING)
    _key(page, Qt.Key.Key_5)  # 5: not registered in the programme, so not level 1
    assert page.model.row(0).training_result == "chua-dang-ky"
    assert page.model.row(0).training_registered is False
    assert page.model.row(0).suggested == 2
    # A letter in a level column changes nothing and says what the column takes.
    messages: list[str] = []
    page.status_message.connect(messages.append)
    _at(page, 0, COL_DECIDED)
    QTest.keyClicks(page.view, "x")
    assert messages == ["Ở cột này chỉ gõ 1, 2, 3, 4 (hoặc Delete, 0 để xóa)."]
    _key(page, Qt.Key.Key_5)  # there is no level 5
    assert messages[-1] == "Ở cột này chỉ gõ 1, 2, 3, 4 (hoặc Delete, 0 để xóa)."
    assert page.view.currentIndex().row() == 0  # a key refused leaves the keyboard there
    _at(page, 5, COL_NAME)
    page.view.setCurrentIndex(page.model.index(5, COL_DECIDED))
    _key(page, Qt.Key.Key_2)
    assert messages[-1] == (
        "Đỗ Văn Tạm không xếp loại năm 2025: Sinh hoạt tạm: đơn vị gốc xếp loại, ở đây chỉ nhận "
        "xét."
    )
    assert decided(ws)[GUEST] is None


def test_a_remark_typed_is_saved_and_enter_moves_down(
    qtbot: QtBot, page: RatingPage, rated: Round
) -> None:
    _at(page, 0, COL_REMARK)
    _type_in_editor(qtbot, page, "Gương mẫu, có tinh thần trách nhiệm")
    assert page.view.currentIndex().row() == 1
    _type_in_editor(qtbot, page, "Cần cố gắng hơn")
    remarks = {r.full_name: r.remark for r in rated.ws.rating.rows(YEAR, as_of=TODAY)}
    assert remarks["Nguyễn Văn An"] == "Gương mẫu, có tinh thần trách nhiệm"
    assert remarks["Trần Thị Bình"] == "Cần cố gắng hơn"
    assert page.model.index(1, COL_REMARK).data() == "Cần cố gắng hơn"
    # A phrase chosen from the list is put in the remark; Enter again saves it.
    _at(page, 2, COL_REMARK)
    QTest.keyClicks(page.view, "t")
    (editor,) = [e for e in page.view.viewport().findChildren(QLineEdit) if e.isVisible()]
    # (Offscreen, as above: the list shown by the first key keeps the activation; a line edit
    # takes completions only with the focus.)
    completer = editor.completer()
    popup = completer.popup()
    assert popup is not None
    popup.hide()
    page.activateWindow()
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus, timeout=1000)
    editor.insert("ich cuc")
    completer.setCompletionPrefix(editor.text())
    completer.complete()
    assert popup.isVisible()
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert editor.text() == "Tích cực tham gia các hoạt động của chi đoàn"
    assert page.view.state() == page.view.State.EditingState
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.view.state() != page.view.State.EditingState, timeout=1000)
    assert page.model.row(2).remark == "Tích cực tham gia các hoạt động của chi đoàn"
    assert page.view.currentIndex().row() == 3
    # Delete clears a remark.
    _at(page, 1, COL_REMARK)
    _key(page, Qt.Key.Key_Delete)
    assert {r.full_name: r.remark for r in rated.ws.rating.rows(YEAR)}["Trần Thị Bình"] is None


def test_the_remark_completer_offers_common_phrases_ignoring_tones() -> None:
    completer = RemarkCompleter()
    completer.set_phrases(remark_phrases(["Hăng hái", "Hăng hái", None, "Chăm chỉ"]))
    phrases = completer.phrases()
    assert phrases[0] == "Tích cực tham gia các hoạt động của chi đoàn"
    assert phrases[-2:] == ["Hăng hái", "Chăm chỉ"]  # the round's own, most used first
    completer.setCompletionPrefix("tich cuc")
    found = [completer.pathFromIndex(completer.completionModel().index(i, 0))
             for i in range(completer.completionCount())]  # fmt: skip
    assert found == [
        "Tích cực tham gia các hoạt động của chi đoàn",
        "Cần tích cực hơn trong sinh hoạt chi đoàn",
    ]


def test_participation_typed_as_85_or_refused(
    qtbot: QtBot, page: RatingPage, rated: Round, prompts: ScriptedPrompts
) -> None:
    _at(page, 2, COL_RATE)  # Cường, 60% from the attendance
    _type_in_editor(qtbot, page, "85")
    cuong = page.model.row(2)
    assert (cuong.participation, cuong.participation_entered, cuong.suggested) == (0.85, True, 2)
    assert page.model.index(2, COL_RATE).data() == "85,0%*"
    _at(page, 3, COL_RATE)
    _type_in_editor(qtbot, page, "120")
    assert prompts.errors == ["Tỉ lệ tham gia phải là số từ 0 đến 100 (ví dụ 85 hoặc 85%)."]
    assert page.model.row(3).participation == pytest.approx(0.4)
    assert not page.model.row(3).participation_entered
    # Delete goes back to the attendance.
    _at(page, 2, COL_RATE)
    _key(page, Qt.Key.Key_Delete)
    assert page.model.index(2, COL_RATE).data() == "60,0%"


def test_the_rate_editor_opens_on_the_share_as_printed_and_takes_95_or_95_percent(
    qtbot: QtBot, page: RatingPage, rated: Round
) -> None:
    """The editor of a rate typed earlier opens on it as the column and the documents write it
    ("95,0%"), not "95%"; "95" and "95%" are still taken."""
    _at(page, 2, COL_RATE)
    _type_in_editor(qtbot, page, "95%")
    assert (page.model.row(2).participation, page.model.index(2, COL_RATE).data()) == (
        pytest.approx(0.95), "95,0%*"
    )  # fmt: skip
    assert page.model.index(2, COL_RATE).data(Qt.ItemDataRole.EditRole) == "95,0%"
    _at(page, 3, COL_RATE)
    _type_in_editor(qtbot, page, "95")
    assert page.model.row(3).participation == pytest.approx(0.95)
    assert page.model.index(3, COL_RATE).data(Qt.ItemDataRole.EditRole) == "95,0%"


def test_a_key_the_training_column_refuses_names_its_five_choices(
    page: RatingPage, rated: Round
) -> None:
    """The training programme's column takes 1 to 5 (5: not registered): a letter there says
    so, not "1, 2, 3, 4" as a level column does."""
    messages: list[str] = []
    page.status_message.connect(messages.append)
    _at(page, 0, COL_TRAINING)
    QTest.keyClicks(page.view, "x")
    assert messages == [
        "Ở cột này chỉ gõ 1 Xuất sắc, 2 Khá, 3 Đạt, 4 Không đạt, 5 Chưa đăng ký (hoặc Delete, 0 "
        "để xóa)."
    ]
    assert page.model.row(0).training_result is None


def test_last_years_member_not_rated_is_said_of_that_year(
    qtbot: QtBot, rated: Round, core: Core, history: UndoHistory
) -> None:
    """The 2025 round looked at in January 2026: a level typed for the member on temporary
    activity says he is not rated in 2025, not "năm nay" (2026)."""
    page = RatingPage(core, history, today=lambda: dt.date(2026, 1, 10))
    qtbot.addWidget(page)
    page.show()
    page.year_box.setCurrentIndex(1)
    assert page.year == YEAR and page.info is not None
    messages: list[str] = []
    page.status_message.connect(messages.append)
    row = next(i for i in range(page.model.rowCount()) if page.model.row(i).full_name == GUEST)
    page.view.setCurrentIndex(page.model.index(row, COL_DECIDED))
    _key(page, Qt.Key.Key_2)
    assert messages[-1] == (
        "Đỗ Văn Tạm không xếp loại năm 2025: Sinh hoạt tạm: đơn vị gốc xếp loại, ở đây chỉ nhận "
        "xét."
    )


def test_delete_in_a_column_that_cannot_be_edited_says_so(page: RatingPage, rated: Round) -> None:
    """Delete (or Backspace) on the suggestion or the discipline says the column is not
    edited, as a letter there does, and changes nothing."""
    messages: list[str] = []
    page.status_message.connect(messages.append)
    suggested = page.model.index(0, COL_SUGGESTED).data()
    for column in (COL_SUGGESTED, COL_DISCIPLINE):
        _at(page, 0, column)
        _key(page, Qt.Key.Key_Delete)
        _key(page, Qt.Key.Key_Backspace)
    assert messages == ["Cột này không sửa được."] * 4
    assert page.model.index(0, COL_SUGGESTED).data() == suggested
