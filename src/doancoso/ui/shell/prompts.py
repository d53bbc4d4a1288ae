"""Questions and messages shown to the user, behind one small object that tests can replace.

Pages never call ``QMessageBox`` directly: they ask their :class:`Prompts`, so a test passes a
scripted subclass instead of patching Qt.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ..common.choice_dialog import PLACEHOLDER, ChoiceDialog


class Prompts:
    """Modal questions (confirm, choose, run a dialog) and messages (error, information)."""

    def confirm(
        self, parent: QWidget | None, title: str, text: str, *, yes: str = "Đồng ý",
        no: str = "Không",
    ) -> bool:  # fmt: skip
        """Ask ``text``; True for ``yes``. ``no`` is the default button and Esc."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.YesRole)
        no_button = box.addButton(no, QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(no_button)
        box.setEscapeButton(no_button)
        box.exec()
        return box.clickedButton() is yes_button

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self._message(parent, QMessageBox.Icon.Warning, title, text)

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        self._message(parent, QMessageBox.Icon.Information, title, text)

    @staticmethod
    def _message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
        # Qt ships no Vietnamese translation here: button texts are set explicitly.
        box = QMessageBox(icon, title, text, parent=parent)
        box.addButton("Đóng", QMessageBox.ButtonRole.AcceptRole)
        box.exec()

    def choose(
        self, parent: QWidget | None, title: str, label: str, items: Sequence[str], *,
        placeholder: str = PLACEHOLDER,
    ) -> int | None:  # fmt: skip
        """Index of the item the user picked, or None when cancelled. Nothing is picked at
        first: "Đồng ý" waits for a choice (:class:`ChoiceDialog`)."""
        if not items:
            return None
        dialog = ChoiceDialog(parent, title, label, items, placeholder)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = dialog.chosen()
        dialog.deleteLater()
        return chosen if accepted else None

    def run(self, dialog: QDialog) -> int:
        """Show a dialog modally; returns its result code."""
        return dialog.exec()
