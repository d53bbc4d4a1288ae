"""Enter in the names of the biên bản bàn giao (the export's last page): a secretary types a
name, presses Enter and expects the next field, down to "Lưu biên bản bàn giao (PDF)…", which
a further Enter presses. Enter did nothing there (no default button, so that it never closes
the wizard nor saves by itself: that stays)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from bundle_gui import PASSWORD, export_wizard, stick
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.export_wizard import DONE_PAGE, ExportWizard
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
RETURN, ENTER = Qt.Key.Key_Return, Qt.Key.Key_Enter


def _handed_over(qtbot: QtBot, ws: Workspace, tmp_path: Path,
                 prompts: ScriptedPrompts) -> ExportWizard:  # fmt: skip
    """The export wizard, shown and active, on its last page after a handover."""
    wizard = export_wizard(qtbot, ws, prompts, [stick(tmp_path)])
    with qtbot.wait_active(wizard):
        wizard.show()
        wizard.activateWindow()
    wizard.next_button.click()
    wizard.password_panel.first.setText(PASSWORD)
    wizard.password_panel.second.setText(PASSWORD)
    wizard.next_button.click()
    wizard.export_button.click()
    assert wizard.page == DONE_PAGE, wizard.target_error.text()
    return wizard


def test_enter_goes_down_the_names_to_the_bien_ban_s_button(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    prompts = ScriptedPrompts()
    asked: list[str] = []

    def cancel_print(dialog: QDialog) -> None:  # the biên bản's number, place and date
        asked.append(dialog.windowTitle())
        dialog.reject()

    prompts.dialog_script = cancel_print
    wizard = _handed_over(qtbot, ws, tmp_path, prompts)
    fields = [wizard.giver_name, wizard.giver_position, wizard.receiver_name,
              wizard.receiver_position, wizard.witness_name, wizard.witness_position]  # fmt: skip
    wizard.receiver_name.setFocus()
    wizard.receiver_name.insert("Phạm Thị Dung")  # typed (keyClicks knows no "ạ")
    qtbot.keyClick(wizard.receiver_name, RETURN)
    assert QApplication.focusWidget() is wizard.receiver_position
    for field, after in zip(fields, [*fields[1:], wizard.print_button], strict=True):
        field.setFocus()
        qtbot.keyClick(field, ENTER if field is wizard.witness_name else RETURN)
        assert QApplication.focusWidget() is after
        assert wizard.isVisible() and wizard.page == DONE_PAGE
    assert asked == [] and wizard.handover_pdf is None  # nothing pressed on the way
    assert wizard.receiver_name.text() == "Phạm Thị Dung"
    qtbot.keyClick(wizard.print_button, RETURN)
    assert asked == ["In biên bản bàn giao dữ liệu (PDF)"] and wizard.isVisible()
