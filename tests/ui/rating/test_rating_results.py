"""The results under the grid: counts and shares by level per chi đoàn and in total, each chi
đoàn's own level (editable while open), the organisation's own level, the members decided
level 1."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from doancoso.ui.rating.page import RatingPage
from doancoso.ui.rating.results import COL_BRANCH_LEVEL, SUMMARY_HEADERS

from .conftest import AP_1, SHOWN, YEAR, Round

pytestmark = SHOWN


def _decide(rated: Round, levels: dict[str, int]) -> None:
    for name, level in levels.items():
        rated.ws.rating.set(YEAR, rated.ids[name], {"decided_level": level})


def test_counts_and_shares_by_chi_doan(page: RatingPage, rated: Round, qtmodeltester: Any) -> None:
    _decide(rated, {"Nguyễn Văn An": 1, "Trần Thị Bình": 2, "Lê Văn Cường": 2, "Võ Thị Em": 1})
    page.refresh()
    summary = page.results.summary
    qtmodeltester.check(summary)
    assert SUMMARY_HEADERS == (
        "Chi đoàn", "Xuất sắc", "Tốt", "Hoàn thành", "Không hoàn thành", "Chưa quyết định",
        "Không xếp loại", "Xếp loại chi đoàn",
    )  # fmt: skip
    assert summary.row_texts() == [
        ("Chi đoàn ấp 1", "1 (33,3%)", "2 (66,7%)", "0", "0", "0", "0", ""),
        ("Chi đoàn ấp 2", "1 (100,0%)", "0", "0", "0", "1", "1", ""),
        ("Toàn Đoàn cơ sở", "2 (50,0%)", "2 (50,0%)", "0", "0", "1", "1", ""),
    ]  # a level nobody reached: "0", as the printed summary writes it
    assert summary.index(2, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert page.results.excellent.names == ["Nguyễn Văn An", "Võ Thị Em"]
    assert page.results.tabText(1) == "Hoàn thành xuất sắc (2)"


def test_chi_doan_and_organisation_levels_are_saved(page: RatingPage, rated: Round) -> None:
    summary = page.results.summary
    assert summary.flags(summary.index(0, COL_BRANCH_LEVEL)) & Qt.ItemFlag.ItemIsEditable
    assert not summary.flags(summary.index(2, COL_BRANCH_LEVEL)) & Qt.ItemFlag.ItemIsEditable
    rated.ws.rating.set_branch_level(YEAR, rated.branches[AP_1], 3, "Cần cố gắng")
    page.refresh()
    summary.setData(summary.index(0, COL_BRANCH_LEVEL), 2)
    (ap1,) = [c for c in rated.ws.rating.summary(YEAR) if c.branch == AP_1]
    assert (ap1.branch_level, ap1.branch_remark) == (2, "Cần cố gắng")  # the remark is kept
    assert summary.row_texts()[0][-1] == "2. Tốt"
    panel = page.results
    panel.own_level.setCurrentIndex(panel.own_level.findData(1))
    panel.own_remark.setText("Đạt “Đoàn cơ sở 3 chủ động”")
    panel.own_save.click()
    info = rated.ws.rating.round(YEAR)
    assert info is not None
    assert (info.own_level, info.own_remark) == (1, "Đạt “Đoàn cơ sở 3 chủ động”")
    rated.ws.rating.close(YEAR)
    page.refresh()
    assert not summary.flags(summary.index(0, COL_BRANCH_LEVEL)) & Qt.ItemFlag.ItemIsEditable
    assert panel.own_level.currentData() == 1 and not panel.own_level.isEnabled()


def test_tab_leaves_the_results_tables(qtbot: QtBot, page: RatingPage, rated: Round) -> None:
    """Tab moves on from a results table to the next control, as it does from the grid above:
    a secretary working by the keyboard is not caught cell after cell in the counts."""
    _decide(rated, {"Nguyễn Văn An": 1})
    page.refresh()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=1000)
    panel = page.results
    for tab, view in ((0, panel.summary_view), (1, panel.excellent_view)):
        panel.setCurrentIndex(tab)
        view.setFocus()
        view.setCurrentIndex(view.model().index(0, 0))
        qtbot.waitUntil(view.hasFocus, timeout=1000)
        QTest.keyClick(view, Qt.Key.Key_Tab)
        assert (view.currentIndex().row(), view.currentIndex().column()) == (0, 0), tab
        assert not view.hasFocus(), tab


def test_a_member_known_by_the_birth_year_alone_shows_that_year(
    page: RatingPage, rated: Round
) -> None:
    """A member whose old list gave only "Năm sinh" is shown born "2001", as the roster and
    the printed summary show the member, never on an invented 01/01/2001: in the grid's
    tooltip and in the list of members decided "Hoàn thành xuất sắc"."""
    from doancoso.ui.rating.model import COL_NAME, MEMBER_ID_ROLE

    known = rated.ws.members.save({"full_name": "Lý Văn Năm", "birth_date": "2001",
                                   "branch_id": rated.branches[AP_1],
                                   "admission_date": "01/01/2020"})  # fmt: skip
    rated.ws.rating.set(YEAR, known, {"decided_level": 1})
    _decide(rated, {"Nguyễn Văn An": 1})
    page.refresh()
    model = page.model
    row = next(r for r in range(model.rowCount())
               if model.index(r, 0).data(MEMBER_ID_ROLE) == known)  # fmt: skip
    assert (
        model.index(row, COL_NAME).data(Qt.ItemDataRole.ToolTipRole) == "Lý Văn Năm\nSinh năm 2001"
    )
    assert model.index(0, COL_NAME).data(Qt.ItemDataRole.ToolTipRole) == (
        "Nguyễn Văn An\nSinh ngày 01/01/2000"
    )
    excellent = page.results.excellent
    assert [[excellent.index(r, c).data() for c in range(3)]
            for r in range(excellent.rowCount())] == [
        ["1", "Nguyễn Văn An", "01/01/2000"], ["2", "Lý Văn Năm", "2001"],
    ]  # fmt: skip


def test_the_organisations_level_typed_stays_until_saved(page: RatingPage, rated: Round) -> None:
    """The level and remark of the Đoàn cơ sở typed in its tab and not saved yet stay there
    when the round is read again (a participation rate changed in the grid reads it again),
    are named among the unsaved edits, and saved by save_edits (as "Lưu và đóng" does)."""
    panel = page.results
    panel.own_level.setCurrentIndex(panel.own_level.findData(1))
    panel.own_remark.setText("Đạt “Đoàn cơ sở 3 chủ động”")
    assert page.unsaved_edits() == "xếp loại Đoàn cơ sở năm 2025"
    rated.ws.rating.set(YEAR, rated.ids["Nguyễn Văn An"], {"participation": "85%"})
    page.refresh()
    assert panel.own_level.currentData() == 1
    assert panel.own_remark.text() == "Đạt “Đoàn cơ sở 3 chủ động”"
    info = rated.ws.rating.round(YEAR)
    assert info is not None and (info.own_level, info.own_remark) == (None, None)
    page.save_edits()
    info = rated.ws.rating.round(YEAR)
    assert info is not None
    assert (info.own_level, info.own_remark) == (1, "Đạt “Đoàn cơ sở 3 chủ động”")
    assert page.unsaved_edits() is None
    panel.own_remark.setText("Khác")  # typed again, then the round closed meanwhile
    rated.ws.rating.close(YEAR)
    page.refresh()
    assert panel.own_remark.text() == "Đạt “Đoàn cơ sở 3 chủ động”"  # as stored: read-only
    assert page.unsaved_edits() is None


def test_closing_the_app_asks_about_the_organisations_level_typed(
    qtbot: QtBot, rated: Round
) -> None:
    from doancoso.ui.shell.main_window import RATING_AREA, MainWindow
    from doancoso.ui.shell.state import UiState
    from scripted import ScriptedPrompts, closing_without_saving, synchronous_core

    prompts = ScriptedPrompts()
    prompts.answer_index = 0  # "Lưu và đóng"
    window = MainWindow(synchronous_core(rated.ws, prompts), UiState(rated.ws.data_dir))
    qtbot.addWidget(window, before_close_func=closing_without_saving(prompts))
    window.show()
    window.show_area(RATING_AREA)
    page = window.rating
    page.year_box.setCurrentIndex(page.year_box.findData(YEAR))
    page.results.own_remark.setText("Cần cố gắng")
    window.show_area(0)
    assert window.close()
    assert prompts.asked == [
        "Có nội dung đã nhập nhưng chưa lưu:\n• Xếp loại: xếp loại Đoàn cơ sở năm 2025\n\n"
        "Lưu lại trước khi đóng?"
    ]
    info = rated.ws.rating.round(YEAR)
    assert info is not None and info.own_remark == "Cần cố gắng"


def test_enter_in_the_organisations_remark_saves_it(
    qtbot: QtBot, page: RatingPage, rated: Round
) -> None:
    """Keyboard only, as in the settings' form: Enter in the remark saves the level and the
    remark ("Lưu xếp loại Đoàn cơ sở")."""
    panel = page.results
    panel.setCurrentIndex(2)
    panel.own_level.setCurrentIndex(panel.own_level.findData(2))
    panel.own_remark.setText("Hoàn thành tốt")  # (QTest types ASCII only)
    messages: list[str] = []
    page.status_message.connect(messages.append)
    qtbot.keyClick(panel.own_remark, Qt.Key.Key_Return)
    info = rated.ws.rating.round(YEAR)
    assert info is not None and (info.own_level, info.own_remark) == (2, "Hoàn thành tốt")
    assert messages == ["Đã lưu xếp loại Đoàn cơ sở năm 2025."]
    assert panel.own_save.toolTip() == "Lưu mức và nhận xét của Đoàn cơ sở (Enter)"


def test_a_chi_doans_level_is_typed_as_in_the_grid(page: RatingPage, rated: Round) -> None:
    """The grid above takes 1–4 for a level, Delete or 0 to clear: so does the chi đoàn's own
    level under it (it opened only by a double click or F2, a digit doing nothing)."""
    view = page.results.summary_view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, COL_BRANCH_LEVEL))

    def level() -> int | None:
        (ap1,) = [c for c in rated.ws.rating.summary(YEAR) if c.branch == AP_1]
        return ap1.branch_level

    QTest.keyClick(view, Qt.Key.Key_2)
    assert level() == 2 and page.results.summary.row_texts()[0][-1] == "2. Tốt"
    QTest.keyClick(view, Qt.Key.Key_4)
    assert level() == 4
    QTest.keyClick(view, Qt.Key.Key_5)  # no level 5
    assert level() == 4
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert level() is None
    QTest.keyClick(view, Qt.Key.Key_3)
    view.setCurrentIndex(view.model().index(2, COL_BRANCH_LEVEL))  # the whole organisation's
    QTest.keyClick(view, Qt.Key.Key_1)
    assert level() == 3 and page.results.summary.row_texts()[2][-1] == ""
    assert view.model().index(0, COL_BRANCH_LEVEL).data(Qt.ItemDataRole.ToolTipRole) == (
        "Hoàn thành nhiệm vụ"
    )
    view.setCurrentIndex(view.model().index(1, COL_BRANCH_LEVEL))
    assert view.model().index(1, COL_BRANCH_LEVEL).data(Qt.ItemDataRole.ToolTipRole) == (
        "Chưa xếp loại chi đoàn: gõ 1–4 hoặc bấm đúp để chọn mức."
    )
