"""A form's line edits stop at their column's length counted as the core counts it, once the
text is in NFC (``ui.common.line_limits``): a text pasted or typed decomposed (NFD, as some web
pages give Vietnamese: "Nguyễn" as base letters and combining marks) is taken composed, and
whole when composed it fits."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.common.line_limits import set_line_text
from doancoso.ui.roster.member_form import MemberFormDialog
from scripted import ScriptedPrompts, synchronous_core

HOMETOWN = "Ấp Tân Hòa, " * 24 + "xã Tân Hưng."  # 300 characters in NFC, the column's length


def _form(qtbot: QtBot, ws: Workspace) -> MemberFormDialog:
    dialog = MemberFormDialog(synchronous_core(ws, ScriptedPrompts()), None)
    qtbot.addWidget(dialog)
    return dialog


def _line(dialog: MemberFormDialog, name: str) -> QLineEdit:
    line = dialog.editors[name]
    assert isinstance(line, QLineEdit)
    return line


def test_a_decomposed_text_that_fits_composed_is_pasted_whole(qtbot: QtBot, ws: Workspace) -> None:
    decomposed = unicodedata.normalize("NFD", HOMETOWN)
    assert (len(HOMETOWN), len(decomposed)) == (300, 399)
    dialog = _form(qtbot, ws)
    hometown = _line(dialog, "hometown")
    QApplication.clipboard().setText(decomposed)
    hometown.paste()
    assert hometown.text() == HOMETOWN  # composed, nothing cut
    dialog.set_value("full_name", "Trần Văn Bảy")
    dialog.set_value("birth_date", "05/03/2001")
    dialog.save_button.click()
    assert dialog.errors.messages() == {}
    assert dialog.saved_id is not None
    assert ws.members.get(dialog.saved_id).fields.hometown == HOMETOWN


def test_a_decomposed_name_typed_is_composed_as_it_goes(qtbot: QtBot, ws: Workspace) -> None:
    dialog = _form(qtbot, ws)
    name = _line(dialog, "full_name")
    for char in unicodedata.normalize("NFD", "Nguyễn Thị Ánh"):  # a key event each, as typed
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(name, event)
    assert name.text() == "Nguyễn Thị Ánh"
    assert unicodedata.is_normalized("NFC", name.text())
    assert name.cursorPosition() == len("Nguyễn Thị Ánh")


def test_typing_at_the_limit_keeps_the_undo(qtbot: QtBot, ws: Workspace) -> None:
    """Số thẻ đoàn viên takes 50 characters: the 51st typed is not taken, and Ctrl+Z still
    undoes what was typed."""
    dialog = _form(qtbot, ws)
    card = _line(dialog, "card_number")
    qtbot.keyClicks(card, "1234567890" * 5 + "1")
    assert card.text() == "1234567890" * 5
    card.undo()
    assert card.text() == ""


def test_a_paste_too_long_is_not_taken(qtbot: QtBot, ws: Workspace) -> None:
    """A paste that would pass the column's length is refused whole, never cut unseen: the
    field keeps what it held."""
    dialog = _form(qtbot, ws)
    card = _line(dialog, "card_number")  # 50 characters
    card.setText("AB")
    card.setCursorPosition(1)
    QApplication.clipboard().setText("1234567890" * 5)
    card.paste()
    assert (card.text(), card.cursorPosition()) == ("AB", 1)
    QApplication.clipboard().setText("1234567890" * 4 + "12345678")
    card.paste()
    assert card.text() == "A" + "1234567890" * 4 + "12345678" + "B"


def test_a_longer_text_the_form_puts_stays_whole(qtbot: QtBot, ws: Workspace) -> None:
    """A Quê quán of 323 characters, as an older version stored it, put in the field by the form:
    shown whole, typing adds nothing to it, and a character erased is erased."""
    dialog = _form(qtbot, ws)
    hometown = _line(dialog, "hometown")
    long_text = "Ấp Tân Hòa, " * 26 + "xã Tân Hưng"
    set_line_text(hometown, long_text)
    assert hometown.text() == long_text
    hometown.end(False)
    qtbot.keyClicks(hometown, "x")
    assert hometown.text() == long_text
    qtbot.keyClick(hometown, Qt.Key.Key_Backspace)
    assert hometown.text() == long_text[:-1]
