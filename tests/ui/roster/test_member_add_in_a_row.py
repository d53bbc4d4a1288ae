"""Typing in the members of a chi đoàn one after another: the roster filtered on a chi đoàn adds
its new members to that chi đoàn (the form opens with it chosen, on its "Đoàn – Đảng" tab
otherwise three tabs away), and to none when no chi đoàn is chosen; Esc at once still asks
nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.roster.branches import UNASSIGNED
from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace
from doancoso.ui.roster.member_form import MemberFormDialog
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _branches(ws: Workspace) -> dict[str, str | None]:
    """Each member's name and chi đoàn id."""
    rows = ws.members.rows(ws.members.ids(MemberFilter()))
    return {row.full_name: row.branch_id for row in rows}


def test_a_member_added_on_a_chi_doan_s_list_joins_that_chi_doan(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    ws.branches.create("Ấp 1")
    ap2 = ws.branches.create("Ấp 2")
    window = active_window(qtbot, ws, prompts)
    page = window.roster
    shown: list[str] = []
    names = iter(("Lê Văn Bình", "Trần Thị Hoa", "Phạm Văn Tâm"))

    def fill(dialog: MemberFormDialog) -> None:
        branch = dialog.editors["branch_id"]
        assert isinstance(branch, QComboBox)
        shown.append(branch.currentText())
        assert not dialog.is_modified  # Esc at once asks nothing: she typed nothing
        dialog.set_value("full_name", next(names))
        dialog.set_value("birth_date", "05/03/2001")
        dialog.save_button.click()

    prompts.dialog_script = fill  # type: ignore[assignment]
    page.branch_combo.setCurrentIndex(page.branch_combo.findText("Ấp 2"))
    press_ctrl(qtbot, window, Qt.Key.Key_N)
    assert shown == ["Ấp 2"]
    assert _branches(ws) == {"Lê Văn Bình": ap2.id}

    for choice in ("Tất cả chi đoàn", UNASSIGNED):
        page.branch_combo.setCurrentIndex(page.branch_combo.findText(choice))
        press_ctrl(qtbot, window, Qt.Key.Key_N)
    assert shown == ["Ấp 2", "(Chưa thuộc chi đoàn)", "(Chưa thuộc chi đoàn)"]
    assert _branches(ws) == {"Lê Văn Bình": ap2.id, "Trần Thị Hoa": None, "Phạm Văn Tâm": None}
