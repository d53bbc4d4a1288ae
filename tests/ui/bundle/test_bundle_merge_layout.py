"""The sáp nhập preview read whole at 1366×768 (#17): above a Windows taskbar the wizard has
about 728 px; in it every row of the file's counts, of the plan's counts, of their chi đoàn and
of the people matched shows without scrolling (each part on a tab of the page's height)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QStyle, QTableView
from pytestqt.qtbot import QtBot

from bundle_gui import import_wizard
from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.counts import dialog_size
from doancoso.ui.bundle.import_wizard import FILE_PAGE, INFO_PAGE, PLAN_PAGE, BundleImportWizard
from scripted import ScriptedPrompts
from table_cells import cell_text

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # a shown dialog, offscreen
SCREEN = QSize(1366, 728)
"""A 1366×768 screen less the Windows taskbar."""
DEMO_DAY = dt.date(2026, 11, 20)
"""The day both demos stand on: late in a year, every kind of record of it made (early in a
year the demo has few, and fewer rows to lay out)."""


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Workspace, Workspace]]:
    """Ours and Tân Lộc's, a year's records each; three of theirs are ours (by CCCD)."""
    ours, theirs = Workspace.open(tmp_path / "ours"), Workspace.open(tmp_path / "theirs")
    ours.generate_demo(members=40, seed=3, today=DEMO_DAY)
    theirs.generate_demo(members=40, seed=8, today=DEMO_DAY)
    info = theirs.organization.get()
    assert info is not None
    theirs.organization.update(OrganizationInfo(**{**info.__dict__, "name": "Đoàn xã Tân Lộc"}))
    branch = theirs.branches.find("Chi đoàn ấp Kênh Xáng")
    assert branch is not None
    theirs.branches.rename(branch.id, "Chi đoàn ấp Mới")  # kept: a name of its own
    for mine in [m for m in ours.members.list() if m.national_id][:3]:
        assert mine.national_id is not None
        theirs.members.save(
            {"full_name": mine.full_name, "birth_date": mine.birth_date.strftime("%d/%m/%Y"),
             "national_id": mine.national_id, "branch_id": branch.id}
        )  # fmt: skip
    yield ours, theirs
    ours.close()
    theirs.close()


def _all_rows_shown(view: QAbstractItemView) -> bool:
    """Whether every row of ``view`` lies whole inside its viewport, nothing scrolled."""
    assert isinstance(view, QTableView)
    rows = view.model().rowCount()
    last = view.rowViewportPosition(rows - 1) + view.rowHeight(rows - 1)
    return (
        view.isVisible() and view.rowViewportPosition(0) == 0
        and last <= view.viewport().height() and view.verticalScrollBar().maximum() == 0
    )  # fmt: skip


def _wizard(qtbot: QtBot, ours: Workspace, bundle: Path) -> BundleImportWizard:
    wizard = import_wizard(qtbot, ours, ScriptedPrompts())
    wizard.resize(dialog_size(SCREEN))
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.ask_open_path = lambda _title: bundle
    wizard.browse_button.click()
    wizard.next_button.click()
    assert wizard.page == INFO_PAGE, wizard.file_error.text()
    return wizard


def test_at_1366x768_every_row_of_the_merge_preview_shows_without_scrolling(
    qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    ours, theirs = pair
    assert dialog_size(SCREEN) == QSize(1000, 678)  # its title bar and frame within the 728
    bundle = theirs.bundles.export(tmp_path / "tan-loc.dcs", password=None).path
    wizard = _wizard(qtbot, ours, bundle)
    assert wizard.counts_table.rowCount() >= 20  # every table, members by status, files
    assert _all_rows_shown(wizard.counts_table)

    wizard.merge_box.setChecked(True)
    wizard.next_button.click()
    assert wizard.page == PLAN_PAGE, wizard.plan_error.text()
    panel = wizard.merge_panel
    assert wizard.plan_table.rowCount() >= 13
    assert panel.tabs.currentIndex() == 0 and panel.holds(wizard.plan_table)
    assert [panel.tabs.tabText(i) for i in range(3)] == [
        "Số liệu thay đổi", f"Chi đoàn ({len(theirs.branches.list())})",
        "Người có trong cả hai tổ chức (3)",
    ]  # fmt: skip
    assert _all_rows_shown(wizard.plan_table)
    assert panel.years_label.isVisible()
    assert panel.years_label.geometry().bottom() < panel.tabs.currentWidget().height()
    panel.tabs.setCurrentIndex(1)
    assert _all_rows_shown(panel.branch_table)
    panel.tabs.setCurrentIndex(2)
    assert _all_rows_shown(panel.match_view)


def test_a_bundle_of_our_own_after_a_merge_shows_its_counts_atop_the_page(
    qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    ours, theirs = pair
    theirs_bundle = theirs.bundles.export(tmp_path / "tan-loc.dcs", password=None).path
    own = ours.bundles.export(tmp_path / "tan-hung.dcs", password=None).path
    wizard = _wizard(qtbot, ours, theirs_bundle)
    wizard.merge_box.setChecked(True)
    wizard.next_button.click()
    assert wizard.merge_panel.holds(wizard.plan_table)
    wizard.back_button.click()
    wizard.back_button.click()
    assert wizard.page == FILE_PAGE
    wizard.ask_open_path = lambda _title: own
    wizard.browse_button.click()
    wizard.next_button.click()
    wizard.next_button.click()
    assert wizard.page == PLAN_PAGE, wizard.plan_error.text()
    assert wizard.merge_panel.isHidden() and not wizard.merge_panel.holds(wizard.plan_table)
    assert wizard.plan_table.parentWidget() is wizard.stack.widget(PLAN_PAGE)
    assert wizard.plan_summary.text() == (
        "Dữ liệu trong tệp đã có đủ trên máy này: không có gì thay đổi."
    )
    assert _all_rows_shown(wizard.plan_table)


def _shows_whole(edit: QLineEdit) -> bool:
    """Whether ``edit`` shows its whole text: its cursor put at the end lies the text's width
    from the start, inside the box (a text too long scrolls: its start hidden, the cursor less
    far)."""
    edit.setCursorPosition(0)
    start = edit.cursorRect().center().x()
    edit.setCursorPosition(len(edit.text()))
    end = edit.cursorRect().center().x()
    edit.setCursorPosition(0)
    return end - start == edit.fontMetrics().horizontalAdvance(edit.text()) and end < edit.width()


def test_at_1366x768_a_long_chi_doan_name_shows_whole_in_both_name_columns(
    qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    ours, theirs = pair
    long_ours = "Chi đoàn khu phố Tân Thành Đông Thượng A"
    long_theirs = "CHI ĐOÀN KHU PHỐ MỚI TÂN PHÚ ĐÔNG HẠ NHÌ"
    assert len(long_ours) == len(long_theirs) == 40
    for ws, name in ((ours, long_ours), (theirs, long_ours)):
        branch = ws.branches.find("Chi đoàn ấp Tân Thành")
        assert branch is not None
        ws.branches.rename(branch.id, name)  # the same on both: joined, "Gộp vào “…”"
    kept = theirs.branches.find("Chi đoàn ấp Mới")
    assert kept is not None
    theirs.branches.rename(kept.id, long_theirs)
    bundle = theirs.bundles.export(tmp_path / "tan-loc.dcs", password=None).path
    wizard = _wizard(qtbot, ours, bundle)
    wizard.merge_box.setChecked(True)
    wizard.next_button.click()
    assert wizard.page == PLAN_PAGE, wizard.plan_error.text()
    panel = wizard.merge_panel
    panel.tabs.setCurrentIndex(1)
    table = panel.branch_table
    qtbot.waitUntil(lambda: table.isVisible())

    rows = {cell_text(table, r, 0): r for r in range(table.rowCount())}
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
    width = table.fontMetrics().horizontalAdvance
    assert table.columnWidth(0) >= max(width(name) for name in rows) + margin
    names = [table.cellWidget(r, 2) for r in rows.values()]
    assert {e.text() for e in names if isinstance(e, QLineEdit)} >= {long_ours, long_theirs}
    assert all(isinstance(e, QLineEdit) and _shows_whole(e) for e in names)
    right = table.columnViewportPosition(2) + table.columnWidth(2)
    assert right <= table.viewport().width()  # the whole row within the table, no scrolling
    assert table.columnWidth(1) >= table.viewport().width() // 3  # the choice: what is left
