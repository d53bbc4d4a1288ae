"""The conflicts panel's words: each row named once by its label, each value as the command
line prints it (empty as "(trống)", a note starting with a date left whole, the moment of a
deletion in local time)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.bundle.merge import Conflict, FieldDiff
from doancoso.ui.bundle.conflicts import ConflictsPanel, conflict_title


@pytest.fixture
def in_vietnam(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_rows_and_values_read_as_written(qtbot: QtBot, in_vietnam: None) -> None:
    member = Conflict("members", "m1", "Đoàn viên Lê Ngọc Ái (17/04/1999)", [
        FieldDiff("deleted_at", "Đã xóa", None, "2026-12-05T09:04:12.345678"),
        FieldDiff("notes", "Ghi chú", "2024-05-01 chuyển về ấp Cái Đôi theo QĐ 12", None),
    ])  # fmt: skip
    setting = Conflict("settings", "s1", "", [FieldDiff("value", "Giá trị", "30", "31")])
    holder = QWidget()  # never shown: the panel shows itself when it has conflicts
    qtbot.addWidget(holder)
    panel = ConflictsPanel(holder)
    panel.set_conflicts([member, setting])
    assert [panel.rows.item(i).text() for i in range(2)] == [
        "• Đoàn viên Lê Ngọc Ái (17/04/1999)",
        "• Thiết lập: s1",
    ]
    cells = [
        tuple(panel.fields.item(r, c).text() for c in range(3))
        for r in range(panel.fields.rowCount())
    ]
    assert cells == [
        ("Đã xóa", "(trống)", "05/12/2026 16:04"),
        ("Ghi chú", "2024-05-01 chuyển về ấp Cái Đôi theo QĐ 12", "(trống)"),
    ]
    assert conflict_title(Conflict("branches", "b1", "Ấp Mỹ Phú", [])) == "Chi đoàn: Ấp Mỹ Phú"
