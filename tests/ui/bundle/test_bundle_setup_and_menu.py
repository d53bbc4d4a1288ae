"""The first start's "Nhận bàn giao từ USB…" and the Tệp menu's bundle actions."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.settings.setup_dialog import SetupDialog
from scripted import ScriptedPrompts


def test_without_the_import_the_setup_offers_no_handover(qtbot: QtBot, empty_ws: Workspace) -> None:
    dialog = SetupDialog(empty_ws.organization)
    qtbot.addWidget(dialog)
    assert dialog.handover_button is None


def test_a_handover_not_received_keeps_the_setup_open(qtbot: QtBot, empty_ws: Workspace) -> None:
    asked: list[object] = []

    def receive(parent) -> bool:
        asked.append(parent)
        return False  # the wizard was closed without importing

    dialog = SetupDialog(empty_ws.organization, ScriptedPrompts(), receive_handover=receive)
    qtbot.addWidget(dialog)
    assert dialog.handover_button is not None
    dialog.handover_button.click()
    assert asked == [dialog] and dialog.result() == 0 and dialog.created is None


def test_the_file_menu_opens_both_wizards(qtbot: QtBot, ws: Workspace) -> None:
    from doancoso.ui.bundle.export_wizard import ExportWizard
    from doancoso.ui.bundle.import_wizard import BundleImportWizard
    from doancoso.ui.shell.main_window import MainWindow
    from doancoso.ui.shell.state import UiState
    from scripted import synchronous_core

    prompts = ScriptedPrompts()
    opened: list[str] = []
    prompts.dialog_script = lambda dialog: opened.append(
        f"{type(dialog).__name__}: {dialog.windowTitle()}"
    )
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    texts = [a.text() for a in file_menu.actions()]
    assert "Xuất dữ liệu ra &USB…" in texts and "Nhận &dữ liệu từ USB…" in texts
    window.export_bundle_action.trigger()
    window.import_bundle_action.trigger()
    assert opened == [
        f"{ExportWizard.__name__}: Xuất dữ liệu ra USB",
        f"{BundleImportWizard.__name__}: Nhận dữ liệu từ USB",
    ]


def test_the_settings_page_opens_both_wizards(qtbot: QtBot, ws: Workspace) -> None:
    from doancoso.ui.settings.page import DATA_HINT, SettingsPage
    from scripted import synchronous_core

    prompts = ScriptedPrompts()
    opened: list[str] = []
    prompts.dialog_script = lambda dialog: opened.append(dialog.windowTitle())
    page = SettingsPage(synchronous_core(ws, prompts))
    qtbot.addWidget(page)
    page.export_bundle_button.click()
    page.import_bundle_button.click()
    assert opened == ["Xuất dữ liệu ra USB", "Nhận dữ liệu từ USB"]
    assert "“Xuất dữ liệu ra USB…”" in DATA_HINT


def test_the_menu_and_the_settings_page_open_the_same_dialogs(qtbot: QtBot, ws: Workspace) -> None:
    """Tệp → "Sao lưu và khôi phục…", "Xuất dữ liệu ra USB…" and "Nhận dữ liệu từ USB…" and
    the buttons of the same names on "Thiết lập" open the same dialogs, each over its own
    window or page."""
    from doancoso.ui.shell.main_window import SETTINGS, MainWindow
    from doancoso.ui.shell.state import UiState
    from scripted import synchronous_core

    prompts = ScriptedPrompts()
    opened: list[tuple[str, str, object]] = []
    prompts.dialog_script = lambda dialog: opened.append(
        (type(dialog).__name__, dialog.windowTitle(), dialog.parent())
    )
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    window.backups_action.trigger()
    window.export_bundle_action.trigger()
    window.import_bundle_action.trigger()
    from_menu = list(opened)
    opened.clear()
    window.show_area(SETTINGS)
    page = window.settings
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    file_items = [a.text().replace("&", "") for a in file_menu.actions()]
    for button in (page.backups_button, page.export_bundle_button, page.import_bundle_button):
        assert button.text().replace("&", "") in file_items
        button.click()
    from_page = list(opened)
    assert [(kind, title) for kind, title, _ in from_menu] == [
        ("BackupsDialog", "Sao lưu và khôi phục"),
        ("ExportWizard", "Xuất dữ liệu ra USB"),
        ("BundleImportWizard", "Nhận dữ liệu từ USB"),
    ]
    assert [(kind, title) for kind, title, _ in from_page] == [
        (kind, title) for kind, title, _ in from_menu
    ]
    assert {parent for _, _, parent in from_menu} == {window}
    assert {parent for _, _, parent in from_page} == {page}
