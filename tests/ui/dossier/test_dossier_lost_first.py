"""Evidence files lost from the store block the build, while every other line of the check
leaves the dossier buildable: the Hồ sơ page lists them first, under a heading that says so, in
view without scrolling, and Tab from above the lines reaches their "Mở Sao lưu và khôi phục"
first; the other lines follow part by part as before."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from doancoso.core.evidence.store import EvidenceStore
from doancoso.core.workspace import Workspace
from doancoso.ui.dossier.checks import ChecksPanel
from doancoso.ui.dossier.page import DossierPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

LOST_HEADING = "Phụ lục minh chứng: tệp bị mất hoặc hỏng, cần lấy lại trước khi lập hồ sơ"


def _read(checks: ChecksPanel) -> list[str]:
    """The lines' area as it reads: each heading, each line's first 40 characters."""
    layout = checks.lines.layout()
    assert layout is not None
    read = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget = item.widget() if item is not None else None
        if widget is None:
            continue
        if isinstance(widget, QLabel):  # a heading
            read.append(widget.text().removeprefix("<b>").removesuffix("</b>"))
            continue
        label = widget.findChild(QLabel)
        assert label is not None
        read.append(label.text()[:40])
    return read


def test_lost_files_come_first_and_take_the_first_tab(
    qtbot: QtBot, page: DossierPage, dossier_data: Workspace
) -> None:
    with qtbot.wait_signal(page.checked):
        page.refresh_check()
    before = _read(page.checks)
    assert LOST_HEADING not in before
    for path in EvidenceStore(dossier_data.data_dir).folder.iterdir():
        path.unlink()
    with qtbot.wait_signal(page.checked):
        page.refresh_check()
    checks = page.checks
    assert _read(checks) == [
        LOST_HEADING,
        "• Mục 1.1: tệp minh chứng “bien-ban.pdf”",
        "• Mục 1.2: tệp minh chứng “anh.jpg” khôn",
        *before,  # the other lines as they were, part by part
    ]
    assert [g.lost is not None for g in checks.gaps[:3]] == [True, True, False]
    first = checks.buttons[0]
    assert isinstance(first, QPushButton) and first.text() == "Mở Sao lưu và khôi phục"
    qtbot.waitUntil(first.isVisible)
    viewport = checks.lines_area.viewport()
    assert checks.lines_area.verticalScrollBar().value() == 0
    assert viewport.rect().contains(first.mapTo(viewport, first.rect().bottomRight()))
    checks.numbers_button.setFocus()  # the stop just above the lines
    qtbot.waitUntil(checks.numbers_button.hasFocus)
    qtbot.keyClick(checks.numbers_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first
