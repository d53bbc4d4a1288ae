"""Enter and Tab in the roster's import wizard. Enter, as in the bundle wizards: on a button
tabbed to it presses that button; in a field it goes on to the next step, and on the step that
imports it does nothing by itself. "Tiếp >" then "Nhập" were the default buttons by step, so
that Enter on "< Quay lại" went forward, on the preview it imported, and on "Đóng" it did
nothing. Tab passes over what has nothing to do."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace
from doancoso.ui.roster.import_wizard import (
    FILE_PAGE,
    MAPPING_PAGE,
    PREVIEW_PAGE,
    RESULT_PAGE,
    ImportWizard,
)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
RETURN, ENTER = Qt.Key.Key_Return, Qt.Key.Key_Enter


def _roster(path: Path) -> Path:
    """Two members and a row rejected (its birth date), on the first of two sheets."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Danh sách"
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chi đoàn"])
    sheet.append([1, "Nguyễn Văn An", "05/03/2001", "Nam", "Chi đoàn ấp 1"])
    sheet.append([2, "Trần Thị Bình", "12/11/2003", "Nữ", "Chi đoàn ấp 1"])
    sheet.append([3, "Lê Văn Cường", "không rõ", "Nam", "Chi đoàn ấp 2"])
    book.create_sheet("Ghi chú").append(["Danh sách lập ngày 01/12/2026"])
    book.save(path)
    return path


def _names(ws: Workspace) -> list[str]:
    return sorted(row.full_name for row in ws.members.rows(ws.members.ids(MemberFilter())))


def _shown_active(qtbot: QtBot, dialog: QDialog) -> None:
    with qtbot.wait_active(dialog):
        dialog.show()
        dialog.activateWindow()


def _enter_on(qtbot: QtBot, widget: QWidget, key: Qt.Key = RETURN) -> None:
    """``widget`` given the focus (tabbed to), then Enter."""
    widget.setFocus()
    assert QApplication.focusWidget() is widget
    qtbot.keyClick(widget, key)


def test_enter_on_each_button_presses_that_button(
    qtbot: QtBot, ws: Workspace, wizard: ImportWizard, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    chosen: list[str] = []

    def choose(_parent: QWidget | None, title: str, *_rest: str) -> tuple[str, str]:
        chosen.append(title)  # none chosen: a real chooser would stop the test
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    saved: list[str] = []

    def ask_save_path(title: str, _default: str, _filters: str) -> Path | None:
        saved.append(title)
        return None

    wizard.ask_save_path = ask_save_path
    _shown_active(qtbot, wizard)
    _enter_on(qtbot, wizard.browse_button)
    assert chosen == ["Chọn tệp danh sách đoàn viên"] and wizard.page == FILE_PAGE
    _enter_on(qtbot, wizard.sample_button)
    assert saved == ["Lưu tệp mẫu danh sách đoàn viên"] and wizard.page == FILE_PAGE
    wizard.set_file(_roster(tmp_path / "ds.xlsx"))
    _enter_on(qtbot, wizard.next_button)
    assert wizard.page == MAPPING_PAGE
    _enter_on(qtbot, wizard.back_button)
    assert wizard.page == FILE_PAGE
    _enter_on(qtbot, wizard.next_button, ENTER)  # the keypad's
    _enter_on(qtbot, wizard.next_button)
    assert wizard.page == PREVIEW_PAGE
    _enter_on(qtbot, wizard.back_button)
    assert wizard.page == MAPPING_PAGE and _names(ws) == []
    wizard.next_button.click()
    _enter_on(qtbot, wizard.save_rejected_button)
    assert saved[-1] == "Lưu các dòng bị loại" and _names(ws) == []
    assert wizard.page == PREVIEW_PAGE
    _enter_on(qtbot, wizard.import_button)
    assert wizard.page == RESULT_PAGE
    assert _names(ws) == ["Nguyễn Văn An", "Trần Thị Bình"]
    _enter_on(qtbot, wizard.close_button)
    assert not wizard.isVisible()


def test_enter_in_a_field_goes_on_and_never_imports(
    qtbot: QtBot, ws: Workspace, wizard: ImportWizard, tmp_path: Path
) -> None:
    wizard.set_file(_roster(tmp_path / "ds.xlsx"))
    _shown_active(qtbot, wizard)
    assert wizard.sheet_combo.isEnabled()  # two sheets to choose from
    _enter_on(qtbot, wizard.sheet_combo)
    assert wizard.page == MAPPING_PAGE
    _enter_on(qtbot, wizard.mapping_combos["full_name"])
    assert wizard.page == PREVIEW_PAGE and wizard.import_button.isEnabled()
    for field in (wizard.table, wizard.problems_only):
        _enter_on(qtbot, field)
        _enter_on(qtbot, field, ENTER)
        assert wizard.page == PREVIEW_PAGE and wizard.isVisible()
    assert _names(ws) == [] and wizard.result_ is None


def test_after_tiep_pressed_by_enter_the_preview_has_the_focus_not_huy(
    qtbot: QtBot, wizard: ImportWizard, tmp_path: Path
) -> None:
    """ "Tiếp >" hides itself on the preview and handed the focus to "Hủy", where the next
    Enter closed the wizard: the focus is on the rows to check instead."""
    wizard.set_file(_roster(tmp_path / "ds.xlsx"))
    _shown_active(qtbot, wizard)
    _enter_on(qtbot, wizard.next_button)
    _enter_on(qtbot, wizard.next_button)
    assert wizard.page == PREVIEW_PAGE
    assert QApplication.focusWidget() is wizard.table


def test_tab_skips_the_file_s_name_which_a_click_still_selects_to_copy(
    qtbot: QtBot, wizard: ImportWizard, tmp_path: Path
) -> None:
    """The file's name is read-only: a Tab stop there did nothing (Enter in it went on, typing
    changed nothing). Tab goes from "Tải mẫu…" to "Chọn tệp…"; a click still selects the
    path, to copy it into a message."""
    roster = _roster(tmp_path / "ds.xlsx")
    wizard.set_file(roster)
    _shown_active(qtbot, wizard)
    wizard.sample_button.setFocus()
    qtbot.keyClick(wizard.sample_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is wizard.browse_button
    qtbot.keyClick(wizard.browse_button, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is wizard.sample_button
    qtbot.mouseClick(wizard.file_edit, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is wizard.file_edit
    qtbot.keyClick(wizard.file_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(wizard.file_edit, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == str(roster)
