"""A step button pressed with its Alt letter clicks 100 ms later (Qt shows it pressed first):
Esc within that time closed the wizard, then the click came. In the import it reached the dry
run with the file's copy already removed and raised in the event loop (the app may abort); in
the export it wrote the bundle onto the stick after the wizard had closed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from bundle_gui import PASSWORD, export_wizard, handed_over, import_wizard, open_bundle, stick
from doancoso.core.workspace import Workspace
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
ALT = Qt.KeyboardModifier.AltModifier


def _shown_active(qtbot: QtBot, dialog: QDialog) -> None:
    with qtbot.wait_active(dialog):
        dialog.show()
        dialog.activateWindow()


def test_alt_t_then_esc_on_the_import_s_second_step_closes_it_and_nothing_more(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    from doancoso.ui.bundle.import_wizard import INFO_PAGE

    with handed_over(qtbot, ws, tmp_path) as (bundle, fresh):
        wizard = import_wizard(qtbot, fresh, ScriptedPrompts())
        open_bundle(wizard, bundle)
        assert wizard.page == INFO_PAGE
        _shown_active(qtbot, wizard)
        qtbot.keyClick(wizard, Qt.Key.Key_T, ALT)
        qtbot.keyClick(wizard, Qt.Key.Key_Escape)
        assert not wizard.isVisible() and wizard.held is None
        qtbot.wait(300)  # the delayed click has come and gone, raising nothing
        assert wizard.page == INFO_PAGE and wizard.plan is None
        assert not fresh.has_organization


def test_alt_x_then_esc_on_the_export_s_last_step_writes_nothing_on_the_stick(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    from doancoso.ui.bundle.export_wizard import TARGET_PAGE

    usb = stick(tmp_path)
    wizard = export_wizard(qtbot, ws, ScriptedPrompts(), [usb])
    wizard.next_button.click()
    wizard.password_panel.first.setText(PASSWORD)
    wizard.password_panel.second.setText(PASSWORD)
    wizard.next_button.click()
    assert wizard.page == TARGET_PAGE and wizard.export_button.isEnabled()
    _shown_active(qtbot, wizard)
    qtbot.keyClick(wizard, Qt.Key.Key_X, ALT)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    qtbot.wait(300)
    assert wizard.result_ is None
    assert list(usb.root.iterdir()) == []
