"""The bundle wizards as a secretary walks them at 1366×768: a handover taken at first start,
conflicts, a sáp nhập. What was cut, unfocused or unclear on the way, as the secretary sees it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from doancoso.ui.bundle.secretary import SecretaryDialog

LONG_NAME = "Huỳnh Thị Ngọc Phương Thảo"
"""A new Bí thư's full name as long as names commonly are."""


def shows_whole(edit: QLineEdit, text: str) -> bool:
    """Whether ``text`` fits in ``edit`` without scrolling (its frame and margins aside)."""
    margins = edit.textMargins()
    room = edit.contentsRect().width() - margins.left() - margins.right() - 8
    return edit.fontMetrics().horizontalAdvance(text) <= room


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_new_secretary_s_name_and_its_example_show_whole(qtbot: QtBot) -> None:
    """The dialog asking the new Bí thư's name after a handover was as narrow as its buttons:
    its introduction ran over six lines and its field cut its own example ("Ví dụ: Trần Văn
    Đ…") and a full name typed into it."""
    dialog = SecretaryDialog("Đoàn xã Tân Hưng", "Nguyễn Thị Như Quỳnh")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    edit = dialog.name_edit
    assert edit.placeholderText() == "Ví dụ: Trần Văn Đức"
    assert shows_whole(edit, edit.placeholderText())
    assert shows_whole(edit, LONG_NAME)
