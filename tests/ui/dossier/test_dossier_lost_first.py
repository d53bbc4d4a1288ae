"""Evidence files lost from the store block the build, while every other line of the check
leaves the dossier buildable: the Hồ sơ page lists them first, under a heading that says so and
the way back said once, each file on a short line (its whole reason as its tooltip), in view
without scrolling, and Tab from above the lines reaches their "Mở Sao lưu và khôi phục" first;
the other lines follow part by part as before."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.evidence.store import EvidenceStore
from doancoso.core.workspace import Workspace
from doancoso.ui.dossier.checks import ChecksPanel
from doancoso.ui.dossier.page import DossierPage
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

LOST_HEADING = "Phụ lục minh chứng: tệp bị mất hoặc hỏng, cần lấy lại trước khi lập hồ sơ"
WAY_BACK = (
    "Hãy lấy lại từ một bản sao lưu ra USB có các tệp đó (“Lấy lại tệp minh chứng bị mất từ "
    "USB…” trong “Sao lưu và khôi phục…”, lệnh doancoso restore-evidence) hoặc đính kèm lại tệp "
    "gốc ở mục ghi trên dòng của tệp, trang “3 chủ động” (tệp của văn bản tham mưu, chương trình "
    "phối hợp: tab “Sổ tham mưu, phối hợp”)."
)


def _widgets(checks: ChecksPanel) -> list[QWidget]:
    """The lines' area as it reads: each heading (or text under one) and each line."""
    layout = checks.lines.layout()
    assert layout is not None
    items = [layout.itemAt(i) for i in range(layout.count())]
    return [w for item in items if item is not None and (w := item.widget()) is not None]


def _text(widget: QWidget) -> str:
    label = widget if isinstance(widget, QLabel) else widget.findChild(QLabel)
    assert label is not None
    return label.text()


def _read(checks: ChecksPanel) -> list[str]:
    """What the lines' area reads: each heading, each line's first 40 characters."""
    return [_text(w) if isinstance(w, QLabel) else _text(w)[:40] for w in _widgets(checks)]


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
    assert [_text(w) for w in _widgets(checks)[:4]] == [
        f"<b>{LOST_HEADING}</b>",
        WAY_BACK,
        "• Mục 1.1: “bien-ban.pdf”",
        "• Mục 1.2: “anh.jpg”",
    ]
    assert _read(checks)[4:] == before  # the other lines as they were, part by part
    assert [g.lost is not None for g in checks.gaps[:3]] == [True, True, False]
    for line, gap in zip(_widgets(checks)[2:4], checks.gaps[:2], strict=True):
        label = line.findChild(QLabel)
        assert label is not None and label.toolTip() == gap.reason  # the whole of it
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


def test_a_build_stopped_by_files_lost_since_the_check_shows_them_in_the_check(
    qtbot: QtBot, dossier_data: Workspace, make_page: Callable[..., DossierPage],
    prompts: ScriptedPrompts,
) -> None:  # fmt: skip
    """Files moved out of the data folder by hand while the page was open change nothing in
    the data, so the check shown stays as it was ("vẫn lập được"); the build refuses them, and
    the check beside its message no longer says the dossier can be built: it names them, with
    the way back."""
    page = make_page(dossier_data, prompts)
    with qtbot.wait_signal(page.checked):
        page.refresh_check()
    count = len(page.checks.gaps)
    assert page.checks.summary.text() == f"Hồ sơ còn thiếu {count} điều (vẫn lập được):"
    for path in EvidenceStore(dossier_data.data_dir).folder.iterdir():
        path.unlink()
    with qtbot.wait_signal(page.built, timeout=20000):
        page.build()
    assert page.pdf is None
    assert len(prompts.errors) == 1
    assert prompts.errors[0].startswith("Chưa lập được hồ sơ: 2 tệp minh chứng không còn")
    assert page.checks.summary.text() == (
        f"Hồ sơ còn thiếu {count + 2} điều; chưa lập được khi còn 2 tệp minh chứng bị mất hoặc "
        "hỏng:"
    )
    assert [_text(w) for w in _widgets(page.checks)[:4]] == [
        f"<b>{LOST_HEADING}</b>",
        WAY_BACK,
        "• Mục 1.1: “bien-ban.pdf”",
        "• Mục 1.2: “anh.jpg”",
    ]
