"""Space ticks the chosen member of a decision list (coming of age, temporary stays) whichever
cell of the row is current: a row clicked on its name, or reached by Tab, took no Space, since
only the check box's own cell did, and nothing shows which cell of a selected row is current."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.lifecycle.coming_of_age import ComingOfAgeDialog
from scripted import ScriptedPrompts, synchronous_core

from .conftest import AddMember


def test_space_ticks_the_row_whatever_the_cell(
    qtbot: QtBot, ws: Workspace, add_member: AddMember
) -> None:
    ids = [
        add_member("Lê Thị Hoa", "10/06/1995"),
        add_member("Trần Văn Bình", "1994"),
        add_member("Phạm Văn Cường", "03/03/1995"),
    ]
    dialog = ComingOfAgeDialog(synchronous_core(ws, ScriptedPrompts()), year=2025)
    qtbot.addWidget(dialog)
    names = dict(zip(ids, ("Lê Thị Hoa", "Trần Văn Bình", "Phạm Văn Cường"), strict=True))
    order = [names[i] for i in (e.row.id for e in dialog.entries)]
    table = dialog.table
    table.setFocus()
    table.setCurrentIndex(dialog.model.index(0, 2))  # the chi đoàn's cell of the first row
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert [names[i] for i in dialog.checked_ids()] == order[:1]
    assert dialog.summary.text().endswith("— đã chọn 1.")
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert [names[i] for i in dialog.checked_ids()] == order[:2]
    qtbot.keyClick(table, Qt.Key.Key_Space)  # again: unticked
    assert [names[i] for i in dialog.checked_ids()] == order[:1]
    # Several rows selected (Shift+arrows): Space ticks them all, as the current one goes.
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert [names[i] for i in dialog.checked_ids()] == order
    assert dialog.confirm_button.isEnabled()
