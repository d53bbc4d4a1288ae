"""The plan page's tests: a page over a synchronous core, its day fixed at 30/11/2026."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.common.document_dialog import DocumentDialog
from doancoso.ui.plans.page import PlansPage
from doancoso.ui.plans.target_dialog import TargetDialog
from doancoso.ui.shell.undo import UndoHistory
from plan_data import AS_OF
from scripted import ScriptedPrompts, synchronous_core

# Showing a top-level window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class DialogScript:
    """Answers the page's dialogs: the print dialog as suggested (recording what it
    suggested), the target dialog with ``fill`` (then "Lưu"), recording each dialog."""

    def __init__(self) -> None:
        self.fill: Callable[[TargetDialog], None] | None = None
        self.seen: list[QDialog] = []
        self.suggested: list[tuple[str, str]] = []

    def __call__(self, dialog: QDialog) -> None:
        self.seen.append(dialog)
        if isinstance(dialog, DocumentDialog):
            self.suggested.append((dialog.number_edit.text(), dialog.date_edit.text()))
            dialog.submit()
        elif isinstance(dialog, TargetDialog) and self.fill is not None:
            self.fill(dialog)
            dialog.save()


@pytest.fixture
def script() -> DialogScript:
    return DialogScript()


@pytest.fixture
def make_page(qtbot: QtBot, script: DialogScript) -> Callable[[Workspace], PlansPage]:
    def make(ws: Workspace) -> PlansPage:
        prompts = ScriptedPrompts()
        prompts.dialog_script = script
        core = synchronous_core(ws, prompts)
        page = PlansPage(core, UndoHistory(core), today=lambda: AS_OF)
        qtbot.addWidget(page)
        page.resize(1200, 680)
        with qtbot.wait_active(page):  # shortcuts need an active window
            page.show()
            page.activateWindow()
        return page

    return make
