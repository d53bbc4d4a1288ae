"""A line of the dossier's check followed on the keyboard: "Mở mục 1.2" (Space) leads to the
item with the keyboard on it in the checklist, not left where the hidden button was (the side
bar, where ↓ changed page)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from doancoso.core.recognition.registers import ADVICE_TABLE
from doancoso.core.workspace import Workspace
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


def _window(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> MainWindow:
    """The main window, active, on the dossier of 2025 (its check's lines shown), each page
    the check leads to seen before (built: where the keyboard fell was the side bar)."""
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()
    for area in (ROSTER, PLANS_AREA, RATING_AREA, RECOGNITION_AREA, DOSSIER_AREA):
        window.show_area(area)
    with qtbot.wait_signal(window.dossier.checked):
        window.dossier.year_box.setValue(2025)
    return window


@pytest.mark.parametrize(
    ("text", "area"),
    [("Mở Xếp loại", RATING_AREA), ("Mở Đoàn viên", ROSTER), ("Mở 3 chủ động", RECOGNITION_AREA)],
)
def test_an_area_button_leaves_the_keyboard_in_the_page_it_opens(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts, text: str, area: int
) -> None:
    """The buttons "Mở Xếp loại", "Mở Đoàn viên", "Mở 3 chủ động": the keyboard on the page's
    first place of work (the year of the rating and of the checklist, the roster's table),
    where ↓ stays on the page, not in the side bar where ↓ changed page."""
    window = _window(qtbot, dossier_data, prompts)
    _press(qtbot, _button(window, text))
    page = window.page(area)
    expected = {
        RATING_AREA: window.rating.year_box,
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
    _press(qtbot, _button(window, "Mở sổ tham mưu, phối hợp"))
    section = window.recognition.register.advice
    assert window.stack.currentWidget() is window.recognition
    assert QApplication.focusWidget() is section.table
    assert section.selected_ids() == [advice]
