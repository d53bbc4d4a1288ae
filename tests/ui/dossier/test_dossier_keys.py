"""The dossier page by the keyboard: every button has an Alt letter, none twice (the check's
lines' buttons aside: as many as the lines, reached by the check's letter then Tab), and Enter
in a field presses "Lập hồ sơ", which is drawn as the default button."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from doancoso.ui.dossier.page import DossierPage
from mnemonics import letters, mnemonic, press_alt, twice

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _checked(qtbot: QtBot, page: DossierPage) -> list[QPushButton]:
    """The check's lines shown: their buttons."""
    with qtbot.wait_signal(page.checked):
        page.refresh_check()
    lines = [b for b in page.checks.buttons if b is not None]
    qtbot.waitUntil(lines[-1].isVisible)
    return lines


def test_every_button_but_the_check_s_lines_has_a_letter_of_its_own(
    qtbot: QtBot, page: DossierPage
) -> None:
    lines = _checked(qtbot, page)
    shown = {b.text() for b in page.findChildren(QPushButton) if b.isVisible() and b not in lines}
    assert {t for t in shown if not mnemonic(t)} == set()
    assert {"&Lập hồ sơ", "&In…", "Lưu thành PD&F…", "Mở t&hư mục", "&Dời lên", "Dời x&uống",
            "Mặ&c định", "Nhậ&p số…", "Số văn &bản…"} == shown  # fmt: skip
    assert twice(letters(page)) == []
    assert page.print_action.toolTip() == "In (Ctrl+P)"


def test_the_check_s_letter_leads_to_its_lines(qtbot: QtBot, page: DossierPage) -> None:
    """Alt+K ("Kiểm tra trước khi lập") puts the keyboard on the check's first button, Tab then
    goes from line to line, and Space presses the line reached."""
    lines = _checked(qtbot, page)
    page.year_box.setFocus()
    press_alt(qtbot, Qt.Key.Key_K)
    assert QApplication.focusWidget() is page.checks.numbers_button
    qtbot.keyClick(page.checks.numbers_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is lines[0]
    asked: list[tuple[str, str, str]] = []
    page.checks.fix_requested.connect(lambda *fix: asked.append(fix))
    qtbot.keyClick(lines[0], Qt.Key.Key_Space)
    assert len(asked) == 1


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter], ids=["Enter", "keypad"])
def test_enter_in_the_number_builds_the_dossier(
    qtbot: QtBot, page: DossierPage, key: Qt.Key
) -> None:
    assert page.build_button.isDefault()
    page.number_edit.setFocus()
    qtbot.keyClicks(page.number_edit, "15-TTr/DTN")
    with qtbot.wait_signal(page.built, timeout=60000):
        qtbot.keyClick(page.number_edit, key)
    assert page.pdf is not None and page.built_year == 2025 and page.number == "15-TTr/DTN"
