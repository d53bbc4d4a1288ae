"""The rating page in the main window of a 1366×768 screen: an ordinary Vietnamese name shows
whole in the grid, the other columns giving way (the remark is cut, never the name), and the
grid's columns fit without a horizontal scroll bar."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.common.cells import TOOLTIP
from doancoso.ui.rating.model import COL_DECIDED, COL_NAME, COL_REMARK, COL_SELF, COL_SUGGESTED
from doancoso.ui.rating.view import CELL_PADDING
from doancoso.ui.shell.main_window import RATING_AREA, MainWindow
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts, synchronous_core

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing the keyboard"
)

LONG_NAME = "Nguyễn Hoàng Phương Quỳnh"
"""25 characters, of wide letters: an ordinary name, not a long one."""


@pytest.fixture
def window(qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts) -> MainWindow:
    year = date.today().year  # the year the rating page shows first
    branch = demo_ws.branches.list()[0].id
    demo_ws.members.save({"full_name": LONG_NAME, "birth_date": "01/01/2000",
                          "branch_id": branch, "admission_date": "01/01/2020"})  # fmt: skip
    if demo_ws.rating.round(year) is None:
        demo_ws.rating.open(year)
    window = MainWindow(synchronous_core(demo_ws, prompts), UiState(demo_ws.data_dir))
    qtbot.addWidget(window)
    window.resize(1366, 728)  # 768 less a task bar
    window.show()
    qtbot.waitExposed(window)
    window.sidebar.setCurrentRow(RATING_AREA)
    QApplication.processEvents()
    return window


def test_an_ordinary_name_shows_whole_without_a_horizontal_scroll_bar(
    window: MainWindow,
) -> None:
    view = window.rating.view
    assert len(LONG_NAME) == 25
    row = next(r for r in range(view.model().rowCount())
               if view.model().index(r, COL_NAME).data() == LONG_NAME)  # fmt: skip
    needed = view.fontMetrics().horizontalAdvance(LONG_NAME) + 2 * CELL_PADDING
    assert view.columnWidth(COL_NAME) >= needed
    assert view.horizontalScrollBar().maximum() == 0
    # the remark gives way: the columns end at the viewport's edge
    right = view.columnViewportPosition(COL_REMARK) + view.columnWidth(COL_REMARK)
    assert right <= view.viewport().width()
    # whole in the tooltip where a narrower screen or a column dragged narrow still cuts it
    assert view.model().index(row, COL_NAME).data(TOOLTIP).splitlines()[0] == LONG_NAME


def test_a_remark_is_typed_in_a_box_wider_than_its_narrow_column(window: MainWindow) -> None:
    """The remark's column gives way to the name (80 pixels or so at 1366×768): the box a
    remark is typed into reaches over the columns on its left, so that a sentence typed is
    read back before Enter, and stays inside the grid."""
    view = window.rating.view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, COL_REMARK))
    QTest.keyClicks(view, "G")
    (editor,) = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor.insert("ương mẫu, tích cực tham gia hoạt động")
    sentence = editor.text()
    assert sentence == "Gương mẫu, tích cực tham gia hoạt động"
    assert editor.width() >= editor.fontMetrics().horizontalAdvance(sentence) + 2 * CELL_PADDING
    assert editor.width() > view.columnWidth(COL_REMARK)
    assert editor.x() >= 0 and editor.geometry().right() < view.viewport().width()
    cell = view.visualRect(view.model().index(0, COL_REMARK))
    assert (editor.geometry().right(), editor.y()) == (cell.right(), cell.y())
    QTest.keyClick(editor, Qt.Key.Key_Escape)


def test_every_level_shows_whole_in_the_level_columns(
    window: MainWindow, demo_ws: Workspace
) -> None:
    """The suggestion and the self-assessment give the facts of sick leave and dues their room:
    they show the levels as secretaries shorten them ("4. KHT"), never a name cut in the middle
    ("4. Không hoàn ..."), the full name in the tooltip; the decided level shows it whole, and
    the remark keeps a column on screen."""
    year = date.today().year
    view, model = window.rating.view, window.rating.model
    rows = demo_ws.rating.rows(year)
    members = [r.member_id for r in rows if r.eligible and not r.discipline][:4]
    for level, (member, rate) in enumerate(zip(members, ("95", "75", "55", "30"), strict=True), 1):
        demo_ws.rating.set(year, member, {"participation": rate, "training_result": "xuat-sac",
                                          "sick_months": "", "dues_unpaid": False,
                                          "self_level": level, "decided_level": level})  # fmt: skip
    window.rating.refresh()
    QApplication.processEvents()
    shown = {}
    for member in members:
        row = model.row_of(member)
        assert row is not None
        cells = [model.index(row, c) for c in (COL_SUGGESTED, COL_SELF, COL_DECIDED)]
        shown[member] = [c.data() for c in cells]
        for cell in cells:
            text = view.fontMetrics().horizontalAdvance(cell.data()) + 2 * CELL_PADDING
            assert text <= view.columnWidth(cell.column()), cell.data()
    assert list(shown.values()) == [
        ["1. HTXS", "1. HTXS", "1. Xuất sắc"],
        ["2. HTT", "2. HTT", "2. Tốt"],
        ["3. HT", "3. HT", "3. Hoàn thành"],
        ["4. KHT", "4. KHT", "4. Không hoàn thành"],
    ]
    fourth = model.row_of(members[3])
    assert fourth is not None
    assert model.index(fourth, COL_SELF).data(TOOLTIP).splitlines()[0] == (
        "Không hoàn thành nhiệm vụ"
    )  # (then the self-assessment's text, where the member wrote one)
    assert model.index(fourth, COL_SUGGESTED).data(TOOLTIP) == (
        "Tham gia 30,0% hoạt động (dưới 50%) — Không hoàn thành nhiệm vụ"
    )
    assert model.index(fourth, COL_DECIDED).data(TOOLTIP).splitlines()[0] == (
        "Không hoàn thành nhiệm vụ"
    )
    assert view.horizontalScrollBar().maximum() == 0
    right = view.columnViewportPosition(COL_REMARK) + view.columnWidth(COL_REMARK)
    assert right <= view.viewport().width() and view.columnWidth(COL_REMARK) >= 120


def test_the_keys_hint_says_how_to_type_sick_leave_and_dues_in_two_lines(
    window: MainWindow,
) -> None:
    """The hint above the grid names every column one types into, "Ốm" and "Phí" too, and
    still takes two lines at 1366×768: the grid keeps its rows."""
    hint = window.rating.keys_hint
    assert hint.isVisible()
    assert hint.text() == (
        "Bàn phím: ở cột mức, gõ 1–4 để đặt mức (1 Xuất sắc, 2 Tốt, 3 Hoàn thành, 4 Không hoàn "
        "thành) rồi xuống người kế tiếp, Delete hoặc 0 để xóa; Enter xuống dòng, không đổi mức. "
        "Cột Ốm: gõ số tháng nghỉ ốm; cột Phí: gõ 1 nếu chưa đóng đủ đoàn phí. Gõ chữ ở cột Nhận "
        "xét để viết nhận xét (có gợi ý câu thường dùng). Ô màu cam: mức quyết định khác gợi ý "
        "hoặc đề nghị."
    )
    lines = hint.fontMetrics().boundingRect(
        QRect(0, 0, hint.contentsRect().width(), 10_000), Qt.TextFlag.TextWordWrap, hint.text()
    )
    assert lines.height() <= 2 * hint.fontMetrics().lineSpacing()
    assert hint.height() <= lines.height() + 2 * hint.margin() + 4
