"""The rating page in the main window, by the keyboard alone: Ctrl+6 puts the keyboard in the
grid, where the digits set the levels; Ctrl+F finds a member by a name typed without tones, on
the page (not the roster's search), Enter back to the grid on the member found; Alt+C chooses
the next chi đoàn, Enter back to the grid on its first member; closing or reopening the round
by its button leaves the keyboard in the grid, not on a list the hidden button gave it to; a
year without a round has the keyboard on the button that opens it, the grid saying so."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.ui.rating.model import COL_DECIDED, COL_PROPOSED
from doancoso.ui.rating.page import RatingPage
from doancoso.ui.shell.main_window import RATING_AREA, MainWindow
from scripted import ScriptedPrompts

from .conftest import GUEST, SHOWN, YEAR, Round, decided

pytestmark = SHOWN


def _focused() -> QWidget:
    """The widget with the keyboard, where a key pressed goes."""
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


@pytest.fixture
def window(qtbot: QtBot, rated: Round, prompts: ScriptedPrompts) -> MainWindow:
    """The main window, active, its rating page on the round of 2025."""
    window = active_window(qtbot, rated.ws, prompts)
    window.show_area(RATING_AREA)
    page = window.rating
    page.year_box.setCurrentIndex(page.year_box.findData(YEAR))
    assert page.info is not None and page.model.rowCount() == 6
    window.show_area(0)
    return window


def _page(window: MainWindow) -> RatingPage:
    return window.rating


def test_ctrl_6_puts_the_keyboard_in_the_grid(
    qtbot: QtBot, window: MainWindow, rated: Round
) -> None:
    press_ctrl(qtbot, window, Qt.Key.Key_6)
    page = _page(window)
    assert window.stack.currentWidget() is page
    assert QApplication.focusWidget() is page.view
    assert (page.view.currentIndex().row(), page.view.currentIndex().column()) == (0, COL_DECIDED)
    QTest.keyClick(_focused(), Qt.Key.Key_2)
    assert decided(rated.ws)["Nguyễn Văn An"] == 2


def test_ctrl_f_finds_a_member_on_the_page_by_a_name_without_tones(
    qtbot: QtBot, window: MainWindow, rated: Round
) -> None:
    press_ctrl(qtbot, window, Qt.Key.Key_6)
    page = _page(window)
    page.view.setCurrentIndex(page.model.index(2, COL_PROPOSED))
    press_ctrl(qtbot, window, Qt.Key.Key_F)
    assert window.stack.currentWidget() is page  # not the roster's search
    assert QApplication.focusWidget() is page.search
    QTest.keyClicks(page.search, "le van cuong")
    assert [r.full_name for r in page.model.rows] == ["Lê Văn Cường"]
    assert page.count_label.text() == (
        "Đang hiện 1/6 đoàn viên; 5 thuộc diện xếp loại, 0 đã quyết định"
    )
    QTest.keyClick(page.search, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.view
    # on the member found, in the column the secretary was typing into
    assert (page.view.currentIndex().row(), page.view.currentIndex().column()) == (0, COL_PROPOSED)
    QTest.keyClick(page.view, Qt.Key.Key_3)
    assert rated.ws.rating.rows(YEAR)[2].full_name == "Lê Văn Cường"
    assert rated.ws.rating.rows(YEAR)[2].proposed_level == 3
    # a part of a name, in capitals, finds everyone it is in (Ctrl+F again: typed over)
    press_ctrl(qtbot, window, Qt.Key.Key_F)
    assert QApplication.focusWidget() is page.search
    QTest.keyClicks(page.search, "THI")
    assert [r.full_name for r in page.model.rows] == ["Trần Thị Bình", "Võ Thị Em"]
    # a name nobody has: an empty grid, said so, and Enter stays in the box
    press_ctrl(qtbot, window, Qt.Key.Key_F)
    QTest.keyClicks(page.search, "xyz")
    assert page.model.rowCount() == 0
    assert page.count_label.text().startswith("Đang hiện 0/6 đoàn viên")
    QTest.keyClick(page.search, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.search


def test_alt_c_chooses_the_next_chi_doan_and_enter_goes_back_to_the_grid(
    qtbot: QtBot, window: MainWindow, rated: Round
) -> None:
    press_ctrl(qtbot, window, Qt.Key.Key_6)
    page = _page(window)
    page.view.setCurrentIndex(page.model.index(0, COL_PROPOSED))
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.keyRelease(window, Qt.Key.Key_Alt)
    assert QApplication.focusWidget() is page.branch_box
    for _ in range(2):
        QTest.keyClick(page.branch_box, Qt.Key.Key_Down)
    assert page.branch_box.currentText() == "Chi đoàn ấp 2"
    QTest.keyClick(page.branch_box, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.view
    assert (page.view.currentIndex().row(), page.view.currentIndex().column()) == (0, COL_PROPOSED)
    QTest.keyClick(page.view, Qt.Key.Key_2)
    proposed = {r.full_name: r.proposed_level for r in rated.ws.rating.rows(YEAR)}
    assert proposed["Phạm Văn Dũng"] == 2


def test_closing_and_reopening_by_the_keyboard_leave_it_in_the_grid(
    qtbot: QtBot, window: MainWindow, rated: Round, prompts: ScriptedPrompts
) -> None:
    press_ctrl(qtbot, window, Qt.Key.Key_6)
    page = _page(window)
    page.close_button.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(page.close_button, Qt.Key.Key_Space)
    assert prompts.asked[-1].startswith("Kết thúc đợt xếp loại năm 2025?")
    info = rated.ws.rating.round(YEAR)
    assert info is not None and info.closed
    assert QApplication.focusWidget() is page.view
    assert page.reopen_button.isVisible()
    page.reopen_button.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(page.reopen_button, Qt.Key.Key_Space)
    info = rated.ws.rating.round(YEAR)
    assert info is not None and not info.closed
    assert QApplication.focusWidget() is page.view
    # the digits set levels at once, where the keyboard was left
    page.view.setCurrentIndex(page.model.index(1, COL_DECIDED))
    QTest.keyClick(_focused(), Qt.Key.Key_3)
    assert decided(rated.ws)["Trần Thị Bình"] == 3


def test_a_close_refused_at_its_question_changes_nothing_and_keeps_the_button(
    qtbot: QtBot, window: MainWindow, rated: Round, prompts: ScriptedPrompts
) -> None:
    press_ctrl(qtbot, window, Qt.Key.Key_6)
    page = _page(window)
    prompts.answer = False  # "Quay lại"
    page.close_button.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(page.close_button, Qt.Key.Key_Space)
    info = rated.ws.rating.round(YEAR)
    assert info is not None and not info.closed
    assert QApplication.focusWidget() is page.close_button


def test_opening_a_round_by_the_keyboard_leaves_it_in_the_grid(
    qtbot: QtBot, window: MainWindow, rated: Round
) -> None:
    press_ctrl(qtbot, window, Qt.Key.Key_6)
    page = _page(window)
    page.year_box.setCurrentIndex(page.year_box.findData(YEAR + 1))
    assert page.open_button.text() == "Mở đợt xếp l&oại năm 2026"
    page.open_button.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(page.open_button, Qt.Key.Key_Space)
    assert rated.ws.rating.round(YEAR + 1) is not None
    assert QApplication.focusWidget() is page.view


def test_a_year_without_a_round_puts_the_keyboard_on_its_button_and_says_what_to_do(
    qtbot: QtBot, window: MainWindow, rated: Round
) -> None:
    """No round for the year: Ctrl+6 puts the keyboard on “Mở đợt xếp loại năm …”, not in an
    empty grid where the digits did nothing, and the grid says what to do; Enter opens the
    round, the keyboard in its grid."""
    page = _page(window)
    window.show_area(RATING_AREA)
    page.year_box.setCurrentIndex(page.year_box.findData(YEAR + 1))
    assert page.info is None and page.model.rowCount() == 0
    window.show_area(0)
    press_ctrl(qtbot, window, Qt.Key.Key_6)
    assert QApplication.focusWidget() is page.open_button
    assert page.open_button.text() == "Mở đợt xếp l&oại năm 2026"
    assert page.view.empty_hint.isVisibleTo(page)
    assert page.view.empty_hint.text() == (
        "Chưa mở đợt xếp loại năm 2026. Bấm “Mở đợt xếp loại năm 2026” ở trên (Ctrl+6 rồi "
        "Enter) để mở đợt: bảng sẽ liệt kê các đoàn viên, gõ 1–4 để đặt mức cho từng người."
    )
    QTest.keyClick(page.open_button, Qt.Key.Key_Return)
    assert rated.ws.rating.round(YEAR + 1) is not None
    assert QApplication.focusWidget() is page.view
    assert not page.view.empty_hint.isVisibleTo(page)
    # The year with a round: Ctrl+6 to its grid again.
    page.year_box.setCurrentIndex(page.year_box.findData(YEAR))
    window.show_area(0)
    press_ctrl(qtbot, window, Qt.Key.Key_6)
    assert QApplication.focusWidget() is page.view


def _alt(qtbot: QtBot, key: Qt.Key) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, Qt.KeyboardModifier.AltModifier)
    qtbot.keyRelease(QApplication.focusWidget(), Qt.Key.Key_Alt)


def test_alt_letters_reach_the_year_the_undecided_filter_and_the_bulk_actions(
    qtbot: QtBot, window: MainWindow, rated: Round, prompts: ScriptedPrompts
) -> None:
    """Alt+N the year, Alt+Q “chưa quyết định” (Enter back to the grid), Alt+L and Alt+M the
    bulk actions: none of them Shift+Tab after Shift+Tab away from the grid any more, and no
    letter taken twice on the page (the menus included)."""
    press_ctrl(qtbot, window, Qt.Key.Key_6)
    page = _page(window)
    texts = [w.text() for w in page.findChildren(QLabel) if w.isVisible()]
    texts += [w.text() for w in page.findChildren(QAbstractButton) if w.isVisible()]
    texts += [a.text() for a in window.menuBar().actions()]
    letters = [QKeySequence.mnemonic(t).toString() for t in texts if "&" in t.replace("&&", "")]
    assert {"Alt+N", "Alt+C", "Alt+Q", "Alt+L", "Alt+M"} <= set(letters)
    assert len(letters) == len(set(letters))
    _alt(qtbot, Qt.Key.Key_Q)
    qtbot.waitUntil(page.undecided_box.isChecked)  # a button's Alt letter clicks it on a timer
    assert QApplication.focusWidget() is page.undecided_box
    QTest.keyClick(page.undecided_box, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is page.view
    page.view.setCurrentIndex(page.model.index(1, COL_DECIDED))
    QTest.keyClick(page.view, Qt.Key.Key_3)  # Bình
    _alt(qtbot, Qt.Key.Key_M)  # "Lấy mức gợi ý", asked first
    qtbot.waitUntil(lambda: bool(prompts.asked))
    assert prompts.asked[-1].startswith(
        "Lấy mức gợi ý làm mức quyết định cho 4 đoàn viên chưa quyết định?"
    )
    assert decided(rated.ws) == {"Nguyễn Văn An": 2, "Trần Thị Bình": 3, "Lê Văn Cường": 3,
                                 "Phạm Văn Dũng": 4, "Võ Thị Em": 2, GUEST: None}  # fmt: skip
    _alt(qtbot, Qt.Key.Key_N)
    assert QApplication.focusWidget() is page.year_box


def test_the_file_menus_keys_wait_for_the_round_as_its_buttons_do(
    qtbot: QtBot, window: MainWindow, rated: Round, prompts: ScriptedPrompts
) -> None:
    """A year without a round: the "Tệp" menu's import, export and print of the rating page are
    disabled like the page's buttons, and Ctrl+I, Ctrl+E, Ctrl+P ask for no file and open no
    round; the round opened, they act again."""
    page = _page(window)
    window.show_area(RATING_AREA)
    page.year_box.setCurrentIndex(page.year_box.findData(YEAR + 1))
    asked: list[str] = []

    def ask_open_path() -> None:
        asked.append("import")

    def ask_save_path(caption: str, name: str, filter_text: str) -> None:
        asked.append("export")

    page.files.ask_open_path = ask_open_path  # type: ignore[method-assign]
    page.files.ask_save_path = ask_save_path  # type: ignore[method-assign]
    prompts.choice = None

    def menu() -> list[tuple[str, bool]]:
        items = window.menuBar().actions()[0].menu()
        assert isinstance(items, QMenu)
        items.aboutToShow.emit()
        shown = [(a.text().replace("&", ""), a.isEnabled()) for a in items.actions()[2:5]]
        items.aboutToHide.emit()
        return shown

    names = ["Nhập đề nghị từ Excel…", "Xuất đợt xếp loại ra Excel…", "In văn bản xếp loại…"]
    assert menu() == [(name, False) for name in names]
    for key in (Qt.Key.Key_I, Qt.Key.Key_E, Qt.Key.Key_P):
        page.view.setFocus()
        press_ctrl(qtbot, window, key)
    assert (asked, prompts.choices_offered, prompts.infos) == ([], [], [])
    assert rated.ws.rating.round(YEAR + 1) is None
    page.open_button.click()
    assert menu() == [(name, True) for name in names]
    press_ctrl(qtbot, window, Qt.Key.Key_E)
    assert asked == ["export"]
