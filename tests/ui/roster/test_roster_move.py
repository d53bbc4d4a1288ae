"""Moving members to a chi đoàn: the question starts with no chi đoàn chosen, and "Đồng ý"
waits for one (the first chi đoàn used to be chosen already, one Enter from a wrong move)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.common.choice_dialog import ChoiceDialog
from doancoso.ui.shell.main_window import MainWindow
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.prompts import Prompts
from doancoso.ui.shell.state import UiState


def test_the_dialog_starts_with_nothing_chosen(qtbot: QtBot) -> None:
    dialog = ChoiceDialog(None, "Chuyển chi đoàn", "Sang chi đoàn:", ["Ấp 1", "Ấp 2"], "— Chọn —")
    qtbot.addWidget(dialog)
    assert dialog.combo.currentIndex() == -1 and dialog.combo.placeholderText() == "— Chọn —"
    assert dialog.chosen() is None and not dialog.ok_button.isEnabled()
    dialog.accept()  # Enter with nothing chosen: nothing happens
    assert dialog.result() == 0 and dialog.chosen() is None
    dialog.combo.setCurrentIndex(1)
    assert dialog.ok_button.isEnabled() and dialog.chosen() == 1


@pytest.mark.qt_log_ignore("propagateSizeHints")  # a real dialog on the offscreen platform
def test_moving_members_waits_for_a_chi_doan(qtbot: QtBot, demo_ws: Workspace) -> None:
    core = Core(demo_ws, Prompts(), synchronous=True)  # the real question, answered below
    window = MainWindow(core, UiState(demo_ws.data_dir))
    qtbot.addWidget(window)
    page = window.roster
    branches = demo_ws.branches.list()
    target = branches[1]
    page.select_row(0)
    ids = page.selected_ids()
    seen: list[tuple[str, int, bool, list[str]]] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ChoiceDialog):
            if isinstance(dialog, QWidget):
                dialog.close()
            return
        combo = dialog.combo
        seen.append((
            combo.placeholderText(), combo.currentIndex(), dialog.ok_button.isEnabled(),
            [combo.itemText(i) for i in range(combo.count())],
        ))  # fmt: skip
        combo.setCurrentIndex(1)
        seen.append(("", combo.currentIndex(), dialog.ok_button.isEnabled(), []))
        dialog.ok_button.click()

    QTimer.singleShot(0, answer)
    page.move_button.click()
    assert seen == [
        ("— Chọn chi đoàn —", -1, False, [b.name for b in branches]),
        ("", 1, True, []),
    ]
    assert {r.branch_id for r in demo_ws.members.rows(ids)} == {target.id}
