"""Questions and messages shown to the user, behind one small object that tests can replace.

Pages never call ``QMessageBox`` directly: they ask their :class:`Prompts`, so a test passes a
scripted subclass instead of patching Qt.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget


class Prompts:
    """Modal questions (confirm, choose, run a dialog) and messages (error, information)."""

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        yes = box.addButton("Đồng ý", QMessageBox.ButtonRole.YesRole)
        no = box.addButton("Không", QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.exec()
        return box.clickedButton() is yes

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
        self, parent: QWidget | None, title: str, label: str, items: Sequence[str]
    ) -> int | None:
        """Index of the item the user picked, or None when cancelled."""
        if not items:
            return None
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setComboBoxItems(list(items))
        dialog.setComboBoxEditable(False)
        dialog.setOkButtonText("Đồng ý")
        dialog.setCancelButtonText("Hủy")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return list(items).index(dialog.textValue())

    def run(self, dialog: QDialog) -> int:
        """Show a dialog modally; returns its result code."""
        return dialog.exec()
