"""The shared typing helper types Vietnamese as a user's keyboard does, letter by letter."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from typing_keys import type_text


def test_a_vietnamese_name_is_typed_exactly(qtbot: QtBot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edited: list[str] = []
    edit.textEdited.connect(edited.append)  # typed, not set: one edit a letter
    type_text(qtbot, edit, "Đoàn Thị Ngọc Ánh")
    assert edit.text() == "Đoàn Thị Ngọc Ánh"
    assert len(edited) == len("Đoàn Thị Ngọc Ánh")
    assert edited[:3] == ["Đ", "Đo", "Đoà"]


def test_text_is_typed_where_the_cursor_is(qtbot: QtBot) -> None:
    notes = QPlainTextEdit()
    qtbot.addWidget(notes)
    notes.setPlainText("Ốm")
    notes.moveCursor(notes.textCursor().MoveOperation.Start)
    type_text(qtbot, notes, "Lý do: ")
    assert notes.toPlainText() == "Lý do: Ốm"
