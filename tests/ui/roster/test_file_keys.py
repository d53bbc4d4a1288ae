"""Ctrl+I, Ctrl+E and Ctrl+P with the keyboard in the table of the roster and of the youth
register: each does its one thing once (the import wizard, the export's file dialog, the print
dialog). Each key is one action of the window (the "Tệp" menu's, acting on the page shown): a
second action claiming it would make Qt's "Ambiguous shortcut overload", and the key would do
nothing, the moment both were on a widget. The roster's own actions, behind its buttons, claim
no key."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from active_window import active_window, press_ctrl
from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import ROSTER, YOUTH_AREA, MainWindow
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

FILE_KEYS = ("Ctrl+I", "Ctrl+E", "Ctrl+P")


def _claiming(window: MainWindow, key: str) -> list[QAction]:
    """Every action of the window (its pages' included) whose shortcuts include ``key``."""
    sequence = QKeySequence(key)
    return [a for a in window.findChildren(QAction) if sequence in a.shortcuts()]


@pytest.mark.parametrize(
    ("area", "who", "printed"),
    [
        (ROSTER, "đoàn viên", "In danh sách đoàn viên"),
        # The print dialog names the list it prints: the whole register here.
        (YOUTH_AREA, "thanh niên", "In danh sách thanh niên địa phương"),
    ],
    ids=["roster", "youth"],
)
def test_file_keys_from_the_table_act_once(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts, area: int, who: str, printed: str
) -> None:
    window = active_window(qtbot, demo_ws, prompts)
    window.go_to_area(area)
    page = window.youth if area == YOUTH_AREA else window.roster
    done: list[str] = []

    def note(dialog: QDialog) -> None:
        done.append(dialog.windowTitle())
        dialog.reject()

    def asked(*_args: object) -> Path | None:
        done.append("file asked")
        return None

    prompts.dialog_script = note
    if area == YOUTH_AREA:
        window.youth.ask_save_path = asked  # type: ignore[method-assign, assignment]
    else:
        window.roster.io.ask_save_path = asked
    assert page.model.rowCount() > 0
    page.select_row(0)
    page.table.setFocus()
    assert window.focusWidget() is page.table
    for key, expected in (
        (Qt.Key.Key_I, [f"Nhập danh sách {who} từ Excel"]),
        (Qt.Key.Key_E, ["file asked"]),
        (Qt.Key.Key_P, [printed]),
    ):
        press_ctrl(qtbot, window, key)
        assert done == expected
        done.clear()
        assert window.focusWidget() is page.table  # on with the list after the dialog


def test_each_file_key_is_one_action(
    qtbot: QtBot, demo_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    window = active_window(qtbot, demo_ws, prompts)
    for area in (ROSTER, YOUTH_AREA):
        window.show_area(area)
    menu_items = (window.import_action, window.export_action, window.print_action)
    assert [_claiming(window, key) for key in FILE_KEYS] == [[item] for item in menu_items]
    # The roster's buttons still name the key that does what they do.
    tips = [button.toolTip() for button in window.roster.io.buttons()]
    assert [tip[tip.rindex("(") :] for tip in tips] == ["(Ctrl+I)", "(Ctrl+E)", "(Ctrl+P)"]
