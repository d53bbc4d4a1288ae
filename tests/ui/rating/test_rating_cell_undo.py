"""A cell of the grid changed with the keyboard is the secretary's last action: "Hoàn tác"
(Ctrl+Z) takes it back, not an older action such as "Lấy mức gợi ý", and a remark wiped by
Delete comes back. Undo and redo touch only a cell still as the step before left it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from doancoso.core.rating.service import RatingRow
from doancoso.ui.rating.model import COL_DECIDED, COL_RATE, COL_REMARK, COL_TRAINING
from doancoso.ui.rating.page import RatingPage
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts

from .conftest import GUEST, SHOWN, TODAY, YEAR, Round, decided

pytestmark = SHOWN


def _row(rated: Round, name: str) -> RatingRow:
    return next(r for r in rated.ws.rating.rows(YEAR, as_of=TODAY) if r.full_name == name)


def _key(page: RatingPage, row: int, column: int, key: Qt.Key) -> None:
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(row, column))
    QTest.keyClick(page.view, key)


def test_undo_takes_back_the_level_typed_not_the_suggestions_taken_before(
    page: RatingPage, rated: Round, history: UndoHistory
) -> None:
    page.accept_buttons["suggestions"].click()
    assert decided(rated.ws)["Trần Thị Bình"] == 2
    _key(page, 1, COL_DECIDED, Qt.Key.Key_1)  # Bình: 2 (the suggestion) → 1
    assert history.undoText() == "Đặt “BCH quyết định” của Trần Thị Bình: 1. Xuất sắc"
    history.undo()
    assert decided(rated.ws) == {"Nguyễn Văn An": 2, "Trần Thị Bình": 2, "Lê Văn Cường": 3,
                                 "Phạm Văn Dũng": 4, "Võ Thị Em": 2, GUEST: None}  # fmt: skip
    assert page.model.index(1, COL_DECIDED).data() == "2. Tốt"
    history.redo()
    assert decided(rated.ws)["Trần Thị Bình"] == 1
    assert page.model.index(1, COL_DECIDED).data() == "1. Xuất sắc"
    history.undo()
    history.undo()  # now the suggestions
    assert set(decided(rated.ws).values()) == {None}


def test_a_remark_wiped_by_delete_comes_back(
    page: RatingPage, rated: Round, history: UndoHistory
) -> None:
    remark = "Gương mẫu, tích cực tham gia các hoạt động tình nguyện của chi đoàn."
    rated.ws.rating.set(YEAR, rated.ids["Nguyễn Văn An"], {"remark": remark})
    page.refresh()
    _key(page, 0, COL_REMARK, Qt.Key.Key_Delete)
    assert _row(rated, "Nguyễn Văn An").remark is None
    assert history.undoText() == "Xóa “Nhận xét” của Nguyễn Văn An"
    history.undo()
    assert _row(rated, "Nguyễn Văn An").remark == remark
    assert page.model.index(0, COL_REMARK).data() == remark


def test_a_rate_and_a_training_result_are_undone_with_the_suggestion_they_made(
    page: RatingPage, rated: Round, history: UndoHistory
) -> None:
    _key(page, 0, COL_TRAINING, Qt.Key.Key_5)  # An: not registered in the programme
    assert (_row(rated, "Nguyễn Văn An").training_result, page.model.row(0).suggested) == (
        "chua-dang-ky", 2)  # fmt: skip
    _key(page, 0, COL_RATE, Qt.Key.Key_Delete)  # nothing entered: stays from the attendance
    assert history.undoText() == "Đặt “Rèn luyện” của Nguyễn Văn An: Chưa đăng ký"
    history.undo()
    row = _row(rated, "Nguyễn Văn An")
    assert (row.training_result, row.training_registered, row.suggested) == (None, None, 2)
    rated.ws.rating.set(YEAR, rated.ids["Trần Thị Bình"], {"participation": "85"})
    page.refresh()
    _key(page, 1, COL_RATE, Qt.Key.Key_Delete)  # back to the attendance: 8 of 10
    assert page.model.index(1, COL_RATE).data() == "80,0%"
    history.undo()
    assert page.model.index(1, COL_RATE).data() == "85,0%*"


def test_a_cell_changed_since_is_not_overwritten(
    page: RatingPage, rated: Round, history: UndoHistory, prompts: ScriptedPrompts
) -> None:
    _key(page, 0, COL_DECIDED, Qt.Key.Key_3)
    rated.ws.rating.set(YEAR, rated.ids["Nguyễn Văn An"], {"decided_level": 4})  # the CLI
    history.undo()
    assert decided(rated.ws)["Nguyễn Văn An"] == 4
    assert prompts.errors == ["“BCH quyết định” của Nguyễn Văn An đã được sửa lại sau đó."]


def test_undo_of_a_level_typed_puts_the_keyboard_back_on_its_cell(
    page: RatingPage, rated: Round, history: UndoHistory
) -> None:
    """A digit moves on to the next member: after “Hoàn tác” the keyboard is back on the
    member whose level it took back, so the right digit typed then goes to that member, not to
    the next one."""
    _key(page, 0, COL_DECIDED, Qt.Key.Key_3)  # An: 3, a slip for 2; the keyboard on Bình
    assert page.view.currentIndex().row() == 1
    page.accept_buttons["proposals"].setFocus()  # "Hoàn tác" pressed elsewhere on the page
    history.undo()
    assert decided(rated.ws)["Nguyễn Văn An"] is None
    assert QApplication.focusWidget() is page.view
    assert (page.view.currentIndex().row(), page.view.currentIndex().column()) == (0, COL_DECIDED)
    QTest.keyClick(page.view, Qt.Key.Key_2)
    assert decided(rated.ws) == {"Nguyễn Văn An": 2, "Trần Thị Bình": None, "Lê Văn Cường": None,
                                 "Phạm Văn Dũng": None, "Võ Thị Em": None, GUEST: None}  # fmt: skip
    assert page.view.currentIndex().row() == 1
    # Redo goes to its cell too: Cường's remark wiped, brought back, wiped again.
    rated.ws.rating.set(YEAR, rated.ids["Lê Văn Cường"], {"remark": "Cần cố gắng hơn"})
    page.refresh()
    _key(page, 2, COL_REMARK, Qt.Key.Key_Delete)
    history.undo()
    page.view.setCurrentIndex(page.model.index(3, COL_DECIDED))
    history.redo()
    assert _row(rated, "Lê Văn Cường").remark is None
    assert (page.view.currentIndex().row(), page.view.currentIndex().column()) == (2, COL_REMARK)
