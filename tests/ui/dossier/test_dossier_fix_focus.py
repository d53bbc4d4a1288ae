"""A line of the dossier's check followed on the keyboard: "Mở mục 1.2" (Space) leads to the
item with the keyboard on it in the checklist, not left where the hidden button was (the side
bar, where ↓ changed page); and each "Mở …" opens the dossier's year, not the one the page it
opens showed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QPushButton
from pytestqt.qtbot import QtBot

from doancoso.core.recognition.registers import ADVICE_TABLE
from doancoso.core.workspace import Workspace
from doancoso.ui.recognition.register_dialogs import RecordDialog
from doancoso.ui.shell.main_window import (
    DOSSIER_AREA,
    PLANS_AREA,
    RATING_AREA,
    RECOGNITION_AREA,
    ROSTER,
    MainWindow,
)
from doancoso.ui.shell.state import UiState
from dossier_data import evidence_pdf
from scripted import ScriptedPrompts, synchronous_core

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _button(window: MainWindow, text: str) -> QPushButton:
    return next(b for b in window.dossier.checks.buttons if b is not None and b.text() == text)


def _press(qtbot: QtBot, button: QPushButton) -> None:
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_a_checks_button_leaves_the_keyboard_in_the_page_it_opens(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts
) -> None:
    window = MainWindow(synchronous_core(dossier_data, prompts), UiState(dossier_data.data_dir))
    qtbot.addWidget(window)
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()
    for area in (RECOGNITION_AREA, RATING_AREA, DOSSIER_AREA):  # each page seen before
        window.show_area(area)
    page = window.dossier
    with qtbot.wait_signal(page.checked):
        page.year_box.setValue(2025)
    _press(qtbot, _button(window, "Mở mục 1.2"))
    recognition = window.recognition
    assert window.stack.currentWidget() is recognition
    assert QApplication.focusWidget() is recognition.tree
    assert recognition.tree.code_at(recognition.tree.currentIndex()) == "1.2"
    qtbot.keyClick(recognition.tree, Qt.Key.Key_Down)  # the next item, on the same page
    assert window.stack.currentWidget() is recognition
    assert recognition.tree.code_at(recognition.tree.currentIndex()) == "1.3"
    assert recognition.item_panel.title.text().startswith("<b>Mục 1.3.</b>")


def _window(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts, year: int = 2025) -> MainWindow:
    """The main window, active, on the dossier of ``year`` (its check's lines shown), each page
    the check leads to seen before (built: where the keyboard fell was the side bar)."""
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()
    for area in (ROSTER, PLANS_AREA, RATING_AREA, RECOGNITION_AREA, DOSSIER_AREA):
        window.show_area(area)
    with qtbot.wait_signal(window.dossier.checked):
        window.dossier.year_box.setValue(year)
    return window


@pytest.mark.parametrize(
    ("text", "area"),
    [("Mở Xếp loại", RATING_AREA), ("Mở Đoàn viên", ROSTER), ("Mở 3 chủ động", RECOGNITION_AREA)],
)
def test_an_area_button_leaves_the_keyboard_in_the_page_it_opens(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts, text: str, area: int
) -> None:
    """The buttons "Mở Xếp loại", "Mở Đoàn viên", "Mở 3 chủ động": the keyboard on the page's
    first place of work (the rating's “Mở đợt xếp loại năm …”, the year having no round yet,
    the year of the checklist, the roster's table), where ↓ stays on the page, not in the side
    bar where ↓ changed page."""
    window = _window(qtbot, dossier_data, prompts)
    _press(qtbot, _button(window, text))
    page = window.page(area)
    expected = {
        RATING_AREA: window.rating.open_button,
        ROSTER: window.roster.table,
        RECOGNITION_AREA: window.recognition.year_combo,
    }[area]
    assert window.stack.currentWidget() is page
    assert QApplication.focusWidget() is expected
    qtbot.keyClick(expected, Qt.Key.Key_Down)
    assert window.stack.currentWidget() is page
    assert window.sidebar.currentRow() == area


def test_mo_ke_hoach_puts_the_keyboard_on_the_target_it_names(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts
) -> None:
    """A figure printed twice leads to its target in the plan: the plan's table has the
    keyboard, the target its current row; ↓ the next target."""
    kinds = dossier_data.activities.kind_names()
    target = "Giới thiệu 3 đoàn viên ưu tú cho Đảng"
    dossier_data.plans.add_target(
        2025, {"text": target, "planned": "3", "unit": "đoàn viên", "achieved": "2"}, kinds
    )
    dossier_data.plans.add_target(2025, {"text": "Tổ chức 2 buổi tuyên truyền"}, kinds)
    window = _window(qtbot, dossier_data, prompts)
    window.plans.tabs.setCurrentIndex(1)  # left on the plan's text: the target shown anyway
    window.show_area(DOSSIER_AREA)
    (button,) = [b for g, b in zip(window.dossier.checks.gaps, window.dossier.checks.buttons,
                                   strict=True) if g.contradiction]  # fmt: skip
    assert isinstance(button, QPushButton) and button.text() == "Mở Kế hoạch"
    _press(qtbot, button)
    plans = window.plans
    assert window.stack.currentWidget() is plans and plans.year == 2025
    assert QApplication.focusWidget() is plans.table
    assert plans.model.target(plans.table.currentIndex().row()).text == target
    qtbot.keyClick(plans.table, Qt.Key.Key_Down)
    assert window.stack.currentWidget() is plans
    assert plans.model.target(plans.table.currentIndex().row()).text == (
        "Tổ chức 2 buổi tuyên truyền"
    )


def test_mo_ke_hoach_without_a_target_puts_the_keyboard_on_the_plan_s_year(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts
) -> None:
    window = _window(qtbot, dossier_data, prompts)
    _press(qtbot, _button(window, "Mở Kế hoạch"))  # the plan not approved: no target named
    assert window.stack.currentWidget() is window.plans and window.plans.year == 2025
    assert QApplication.focusWidget() is window.plans.year_combo
    assert window.sidebar.currentRow() == PLANS_AREA


def test_the_register_s_button_puts_the_keyboard_on_the_record(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    dossier_data.registers.save_advice({"day": "02/09/2025", "title": "Báo cáo tình hình"})
    advice = dossier_data.registers.save_advice(
        {"day": "15/10/2025", "title": "Đề xuất giao chỉ tiêu"}
    )
    dossier_data.evidence.attach(ADVICE_TABLE, advice, evidence_pdf(tmp_path / "de-xuat.pdf", 1))
    window = _window(qtbot, dossier_data, prompts)
    checks = window.dossier.checks
    (button,) = [b for g, b in zip(checks.gaps, checks.buttons, strict=True) if g.record]
    assert isinstance(button, QPushButton) and button.text() == "Mở sổ tham mưu, phối hợp"
    _press(qtbot, button)  # the line of the advice's file without a caption
    section = window.recognition.register.advice
    assert window.stack.currentWidget() is window.recognition
    assert QApplication.focusWidget() is section.table
    assert section.selected_ids() == [advice]


def _other_year(box: QComboBox, year: int) -> None:
    """``box`` (a page's year) on the first year it lists other than ``year``."""
    box.setCurrentIndex(next(i for i in range(box.count()) if box.itemData(i) != year))
    assert box.currentData() != year


@pytest.mark.parametrize("year", [2025, 2024])
def test_mo_xep_loai_opens_the_rating_of_the_dossier_s_year(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts, year: int
) -> None:
    """The rating left on another year (this year's round): "Mở Xếp loại" on the dossier of
    ``year`` shows the round of ``year`` (2024: not listed before, added in its place), the
    keyboard on the button that opens it."""
    window = _window(qtbot, dossier_data, prompts, year)
    rating = window.rating
    _other_year(rating.year_box, year)
    window.show_area(DOSSIER_AREA)
    _press(qtbot, _button(window, "Mở Xếp loại"))
    assert window.stack.currentWidget() is rating
    assert (rating.year, rating.shown_year) == (year, year)
    assert rating.year_box.currentText() == str(year)
    listed = [rating.year_box.itemData(i) for i in range(rating.year_box.count())]
    assert listed == sorted(listed, reverse=True) and year in listed
    assert rating.state_label.text() == f"Chưa mở đợt xếp loại năm {year}."
    assert QApplication.focusWidget() is rating.open_button


def test_mo_3_chu_dong_opens_the_checklist_of_the_dossier_s_year(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts
) -> None:
    """The checklist left on another year, on its register's tab: "Mở 3 chủ động" (the
    self-assessment short of the three criteria) shows the checklist of the dossier's year,
    on its own tab."""
    window = _window(qtbot, dossier_data, prompts)
    recognition = window.recognition
    recognition.set_year(2026)
    recognition.tabs.setCurrentWidget(recognition.register)
    assert recognition.year == 2026
    window.show_area(DOSSIER_AREA)
    _press(qtbot, _button(window, "Mở 3 chủ động"))
    assert window.stack.currentWidget() is recognition
    assert recognition.year == 2025 and recognition.year_combo.currentText() == "2025"
    assert recognition.tabs.tabText(recognition.tabs.currentIndex()) == "Bảng tự đánh giá"
    assert recognition.view is not None and recognition.view.year == 2025  # 2026 not opened
    assert recognition.summary.text().startswith("Tổng: 1/14 đạt   ·   Tiêu chí 1: 1/7 đạt")
    assert QApplication.focusWidget() is recognition.year_combo


def test_mo_lich_hoat_dong_opens_the_dossier_s_year(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts
) -> None:
    """The calendar on this month: "Mở Lịch hoạt động" (no activity in 2025) shows the same
    month of 2025, the keyboard in its grid."""
    window = _window(qtbot, dossier_data, prompts)
    calendar = window.calendar
    month = dt.date.today().month
    assert calendar.title_label.text() == f"Tháng {month} năm {dt.date.today().year}"
    window.show_area(DOSSIER_AREA)
    _press(qtbot, _button(window, "Mở Lịch hoạt động"))
    assert window.stack.currentWidget() is calendar
    assert calendar.title_label.text() == f"Tháng {month} năm 2025"
    assert QApplication.focusWidget() is calendar.month


def _line_button(window: MainWindow, reason: str) -> QPushButton:
    """The button of the check's line starting with ``reason``."""
    checks = window.dossier.checks
    button = next(b for g, b in zip(checks.gaps, checks.buttons, strict=True)
                  if g.reason.startswith(reason))  # fmt: skip
    assert isinstance(button, QPushButton)
    return button


@pytest.mark.parametrize(
    ("reason", "section", "tab"),
    [
        ("Chưa có văn bản tham mưu cấp ủy nào trong năm 2025", "advice", "Tham mưu cấp ủy (0)"),
        ("Chưa có chương trình phối hợp nào trong năm 2025", "coordination", "Phối hợp (0)"),
    ],
)
def test_an_empty_register_s_line_opens_its_tab_of_the_dossier_s_year(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts, reason: str, section: str,
    tab: str,
) -> None:  # fmt: skip
    """The register empty in 2025 (2026's has a record of each kind), the checklist on 2026's
    self-assessment: the line's button opens the register's tab of 2025, on the kind of record
    missing, the keyboard on its "Thêm…"."""
    dossier_data.registers.save_advice({"day": "02/09/2026", "title": "Báo cáo tình hình"})
    dossier_data.registers.save_coordination(
        {"day": "03/09/2026", "partner": "Công an xã", "title": "Tuyên truyền pháp luật"}
    )
    window = _window(qtbot, dossier_data, prompts)
    recognition = window.recognition
    recognition.set_year(2026)
    recognition.tabs.setCurrentIndex(0)
    window.show_area(DOSSIER_AREA)
    button = _line_button(window, reason)
    assert button.text() == "Mở sổ tham mưu, phối hợp"
    assert button.toolTip() == "Ghi ở 3 chủ động, tab “Sổ tham mưu, phối hợp”"
    _press(qtbot, button)
    register = recognition.register
    assert window.stack.currentWidget() is recognition
    assert recognition.year == 2025 and recognition.year_combo.currentText() == "2025"
    assert recognition.tabs.tabText(recognition.tabs.currentIndex()) == (
        "Sổ tham mưu, phối hợp (tiêu chí 3)"
    )
    assert register.tabText(register.currentIndex()) == tab
    shown = register.advice if section == "advice" else register.coordination
    assert register.currentWidget() is shown and shown.year == 2025
    assert QApplication.focusWidget() is shown.add_button


def test_the_advice_added_from_the_check_s_line_is_of_the_dossier_s_year(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts
) -> None:
    """Space on the "Thêm…" the line led to: the advice of 2025 is added (the dialog not dated
    today, in 2026), listed in the register shown; the dossier's line goes."""
    window = _window(qtbot, dossier_data, prompts)
    window.recognition.set_year(2026)
    window.show_area(DOSSIER_AREA)
    _press(qtbot, _line_button(window, "Chưa có văn bản tham mưu cấp ủy nào"))
    section = window.recognition.register.advice
    typed: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, RecordDialog)
        typed.append(dialog.windowTitle())
        typed.append(dialog.raw()["day"])
        dialog.set_value("day", "15/06/2025")
        dialog.set_value("title", "Tờ trình về công tác thanh niên")
        dialog.submit()

    prompts.dialog_script = fill
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Space)  # where the keyboard was left
    assert typed == ["Thêm văn bản tham mưu cấp ủy", ""]
    (record,) = dossier_data.registers.advice(2025)
    assert section.selected_ids() == [record.id]
    assert section.count.text() == "1 văn bản tham mưu năm 2025"
    assert window.statusBar().currentMessage() == "Đã thêm văn bản tham mưu."
    window.show_area(DOSSIER_AREA)
    reasons = [g.reason for g in window.dossier.checks.gaps]
    assert not [r for r in reasons if r.startswith("Chưa có văn bản tham mưu cấp ủy nào")]
