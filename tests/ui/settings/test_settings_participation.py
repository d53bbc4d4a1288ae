"""Thiết lập → Tham gia hoạt động: whether an absence with leave counts as attended, saved at
once and followed by the participation rates."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.settings.page import SettingsPage
from doancoso.ui.shell.operations import CoreOp
from scripted import synchronous_core


def test_leave_counted_as_attended_is_saved_and_changes_the_rate(
    qtbot: QtBot, ws: Workspace
) -> None:
    member = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "05/03/2001",
                              "admission_date": "01/01/2020"})  # fmt: skip
    ws.activities.save({"title": "Sinh hoạt", "kind": "sinh-hoat", "start_date": "10/03/2025"})
    (occ,) = ws.activities.occurrences(date(2025, 3, 10), date(2025, 3, 10))
    ws.attendance.save(occ.id, {member: ("excused", "Ốm")})
    page = SettingsPage(synchronous_core(ws))
    qtbot.addWidget(page)
    assert page.leave_box.isChecked() is False
    assert ws.participation.year(2025)[0].rate == 0.0
    page.leave_box.setChecked(True)
    assert ws.participation.leave_counts() is True
    assert ws.participation.year(2025)[0].rate == 1.0
    again = SettingsPage(synchronous_core(ws))
    qtbot.addWidget(again)
    assert again.leave_box.isChecked() is True


def test_the_evidence_size_limit_is_shown_and_saved(qtbot: QtBot, ws: Workspace) -> None:
    page = SettingsPage(synchronous_core(ws))
    qtbot.addWidget(page)
    assert page.max_size_box.value() == 50
    page.max_size_box.setValue(120)
    page.max_size_box.editingFinished.emit()
    assert ws.evidence.max_size == 120 * 1024 * 1024
    again = SettingsPage(synchronous_core(ws))
    qtbot.addWidget(again)
    assert again.max_size_box.value() == 120


def test_the_evidence_size_limit_follows_a_change_made_elsewhere(
    qtbot: QtBot, ws: Workspace
) -> None:
    """Changed elsewhere (the command line while the window is open): the box shows the new
    limit, and leaving the box untouched writes nothing back over it."""
    core = synchronous_core(ws)
    page = SettingsPage(core)
    qtbot.addWidget(page)
    messages: list[str] = []
    page.status_message.connect(messages.append)
    CoreOp(None, lambda w: w.evidence.set_max_size_mb(120), core).run()
    assert page.max_size_box.text() == "120 MB"
    page.max_size_box.editingFinished.emit()  # tabbed through, nothing typed
    assert ws.evidence.max_size == 120 * 1024 * 1024
    assert messages == []


@pytest.mark.qt_log_ignore("propagateSizeHints")  # a top-level window shown offscreen
def test_the_evidence_size_limit_has_its_own_heading(qtbot: QtBot, ws: Workspace) -> None:
    """Not under "Tham gia hoạt động" (it has nothing to do with participation): under the
    heading a secretary looks for, "Tệp minh chứng", with what it limits said beside it."""
    from PySide6.QtWidgets import QLabel

    page = SettingsPage(synchronous_core(ws))
    qtbot.addWidget(page)
    page.resize(1100, 2000)  # every section in view, nothing scrolled
    page.show()
    qtbot.waitExposed(page)
    content = page.scroll_area.widget()
    assert content is not None
    box_y = page.max_size_box.mapTo(content, page.max_size_box.rect().topLeft()).y()
    headings = [
        (label.mapTo(content, label.rect().topLeft()).y(), label.text())
        for label in content.findChildren(QLabel)
        if label.text().startswith("<b>")
    ]
    above = max((y, text) for y, text in headings if y < box_y)[1]
    assert above == "<b>Tệp minh chứng</b>"
    assert page.max_size_box.toolTip() == (
        "Ảnh, bản chụp và PDF đính kèm làm minh chứng lớn hơn mức này sẽ không được nhận."
    )
