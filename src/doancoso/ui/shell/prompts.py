"""Questions and messages shown to the user, behind one small object that tests can replace.

Pages never call ``QMessageBox`` directly: they ask their :class:`Prompts`, so a test passes a
scripted subclass instead of patching Qt.

When a question or dialog closes, its window gets back its activation and the widget that had
the focus gets it back (:func:`give_back_focus`): some window managers, and none at all (Xvfb),
activate no window after a modal one closes, and until a click the window's shortcuts
(Ctrl+Z right after confirming a deletion) did nothing.

Every button of a question has an Alt letter of its own, as every other button of the app: the
one its caller gave ("&Lưu"), else one chosen from its text ("Đồ&ng ý", "&Không":
:func:`~doancoso.ui.common.mnemonics.lettered_texts`). Callers write their answers without one.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from shiboken6 import isValid

from ..common.choice_dialog import PLACEHOLDER, ChoiceDialog
from ..common.mnemonics import lettered_texts

WARNING_TITLE = "Kiểm tra lại trước khi lưu"


class Prompts:
    """Modal questions (confirm, choose, run a dialog) and messages (error, information)."""

    def confirm(
        self, parent: QWidget | None, title: str, text: str, *, yes: str = "Đồng ý",
        no: str = "Không",
    ) -> bool:  # fmt: skip
        """Ask ``text``; True for ``yes``. ``no`` is the default button and Esc."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        yes, no = lettered_texts([yes, no])
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.YesRole)
        no_button = box.addButton(no, QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(no_button)
        box.setEscapeButton(no_button)
        shown(box)
        answer = box.clickedButton() is yes_button
        box.deleteLater()
        return answer

    def save_anyway(self, parent: QWidget | None, warnings: Sequence[str]) -> bool:
        """A form's warnings (allowed but unusual values: an age, a CCCD that says another
        year): True for "Vẫn lưu", False for "Quay lại" (the default)."""
        text = "\n".join(warnings) + "\n\nVẫn lưu hồ sơ này?"
        return self.confirm(parent, WARNING_TITLE, text, yes="Vẫn lưu", no="Quay lại")

    def ask(self, parent: QWidget | None, title: str, text: str, answers: Sequence[str]) -> int:
        """Ask ``text`` with one button per answer; the index of the one pressed. The first
        answer is the default button, the last one Esc (and closing the box)."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        buttons = [
            box.addButton(a, QMessageBox.ButtonRole.ActionRole) for a in lettered_texts(answers)
        ]
        box.setDefaultButton(buttons[0])
        box.setEscapeButton(buttons[-1])
        shown(box)
        clicked = box.clickedButton()
        box.deleteLater()
        return buttons.index(clicked) if clicked in buttons else len(answers) - 1

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self._message(parent, QMessageBox.Icon.Warning, title, text)

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        self._message(parent, QMessageBox.Icon.Information, title, text)

    @staticmethod
    def _message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
        # Qt ships no Vietnamese translation here: button texts are set explicitly. G, as the
        # app's other "Đóng" buttons.
        box = QMessageBox(icon, title, text, parent=parent)
        box.addButton("Đón&g", QMessageBox.ButtonRole.AcceptRole)
        shown(box)
        box.deleteLater()

    def choose(
        self, parent: QWidget | None, title: str, label: str, items: Sequence[str], *,
        placeholder: str = PLACEHOLDER,
    ) -> int | None:  # fmt: skip
        """Index of the item the user picked, or None when cancelled. Nothing is picked at
        first: "Đồng ý" waits for a choice (:class:`ChoiceDialog`)."""
        if not items:
            return None
        dialog = ChoiceDialog(parent, title, label, items, placeholder)
        accepted = shown(dialog) == QDialog.DialogCode.Accepted
        chosen = dialog.chosen()
        dialog.deleteLater()
        return chosen if accepted else None

    def run(self, dialog: QDialog) -> int:
        """Show a dialog modally; returns its result code."""
        return shown(dialog)


def shown(dialog: QDialog) -> int:
    """``dialog.exec()``, then the focus given back (:func:`give_back_focus`)."""
    focus = QApplication.focusWidget()
    owner = dialog.parentWidget()
    code = dialog.exec()
    give_back_focus(owner, focus)
    return code


def give_back_focus(owner: QWidget | None, focus: QWidget | None) -> None:
    """After a modal dialog over ``owner`` closed: activate ``owner``'s window, and give the
    focus back to ``focus`` (the widget that had it before) if it can still take it.

    The window is activated whether or not the platform will: right after ``exec()`` returns,
    the closed dialog may still be the focus window until pending events run, so "is another
    window active?" cannot be told yet; activating the active window changes nothing."""
    if owner is None or not isValid(owner):
        return
    window = owner.window()
    if not window.isVisible():
        return
    if not window.isActiveWindow():
        window.activateWindow()
    if (
        focus is not None
        and isValid(focus)
        and focus.window() is window
        and focus.isVisible()
        and focus.isEnabled()
    ):
        focus.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
