"""Prompts that answer from attributes instead of showing modal message boxes (GUI tests)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from doancoso.core.workspace import Workspace
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.prompts import Prompts


class ScriptedPrompts(Prompts):
    """Answers questions from attributes and records every message shown."""

    def __init__(self) -> None:
        self.answer = True
        self.choice: str | None = None
        self.dialog_script: Callable[[QDialog], None] | None = None
        self.asked: list[str] = []
        self.buttons: list[tuple[str, ...]] = []  # the answers offered by each question
        self.errors: list[str] = []
        self.infos: list[str] = []
        self.choices_offered: list[list[str]] = []
        self.answer_index = 0  # what ask() answers

    def ask(self, parent: QWidget | None, title: str, text: str, answers: Sequence[str]) -> int:
        self.asked.append(text)
        self.buttons.append(tuple(answers))
        return self.answer_index

    def confirm(
        self, parent: QWidget | None, title: str, text: str, *, yes: str = "Đồng ý",
        no: str = "Không",
    ) -> bool:  # fmt: skip
        self.asked.append(text)
        self.buttons.append((yes, no))
        return self.answer

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.errors.append(text)

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        self.infos.append(text)

    def choose(
        self, parent: QWidget | None, title: str, label: str, items: Sequence[str], *,
        placeholder: str = "",
    ) -> int | None:  # fmt: skip
        self.choices_offered.append(list(items))
        return None if self.choice is None else list(items).index(self.choice)

    def run(self, dialog: QDialog) -> int:
        """Run ``dialog_script`` on the dialog instead of showing it modally."""
        if self.dialog_script is not None:
            self.dialog_script(dialog)
        return dialog.result()


def closing_without_saving(prompts: ScriptedPrompts) -> Callable[[QWidget], None]:
    """A ``before_close_func`` for ``qtbot.addWidget`` of a main window whose test leaves typed
    text unsaved: at the end of the test the window's question about it is answered "Đóng,
    không lưu", so that the window closes. Otherwise an answer "Ở lại" (or a save refused)
    keeps it on screen for every later test."""

    def answer(_window: QWidget) -> None:
        prompts.answer_index = 1  # "Lưu và đóng", "Đóng, không lưu", "Ở lại"

    return answer


def accept_print_dialog(dialog: QDialog) -> None:
    """A ``dialog_script`` accepting the print dialog (number, place, date, recipients) with
    what it suggests, as pressing Enter would."""
    from doancoso.ui.common.document_dialog import DocumentDialog

    assert isinstance(dialog, DocumentDialog), dialog
    dialog.submit()


def synchronous_core(ws: Workspace, prompts: Prompts | None = None) -> Core:
    """The GUI's handle on ``ws`` with a synchronous runner: every operation runs inline, so a
    test sees its result (and its data-changed signal) as soon as the action returns."""
    return Core(ws, prompts or ScriptedPrompts(), synchronous=True)


class SaveDialogs:
    """In place of ``QFileDialog.getSaveFileName`` (see :meth:`install`): records the path each
    save dialog opened at, and answers ``chosen``, as if the user picked it."""

    def __init__(self, chosen: Path) -> None:
        self.chosen = chosen
        self.offered: list[str] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> SaveDialogs:
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self)
        return self

    def __call__(self, _parent: QWidget | None, _caption: str, start: str,
                 _filters: str = "") -> tuple[str, str]:  # fmt: skip
        self.offered.append(start)
        return str(self.chosen), ""


class OpenDialogs:
    """In place of ``QFileDialog.getOpenFileName`` and ``getOpenFileNames`` (see
    :meth:`install`): records the folder each open dialog started in, and answers ``chosen``.
    ``stick`` stands for a USB stick plugged in at that root (None: none plugged in)."""

    def __init__(self, chosen: Path, stick: Path | None = None) -> None:
        self.chosen = chosen
        self.stick = stick
        self.offered: list[str] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> OpenDialogs:
        from doancoso.ui.common import folders
        from doancoso.ui.common.drives import Drive

        drives = [Drive(self.stick, "USB", "vfat", 2**30, 2**31)] if self.stick else []
        monkeypatch.setattr(folders, "removable_drives", lambda: drives)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self)
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", self._many)
        return self

    def __call__(self, _parent: QWidget | None, _caption: str, start: str,
                 _filters: str = "") -> tuple[str, str]:  # fmt: skip
        self.offered.append(start)
        return str(self.chosen), ""

    def _many(self, parent: QWidget | None, caption: str, start: str,
              filters: str = "") -> tuple[list[str], str]:  # fmt: skip
        return [self(parent, caption, start, filters)[0]], ""
