"""The register's "Thêm…" while another year is read: the records shown, and what a new record
would be offered (the activities of its year, today's date in this year), are still the year
shown before. Pressed then, it added to that year: the button is disabled (its tooltip says the
year read) until the year chosen is shown, and Ctrl+N's way in adds nothing either; once read,
"Thêm…" offers that year's activities.

The read is held on the app's one worker behind a job the test releases: a slow PC's read,
whatever the speed of this one (before the progress dialog, which would cover the window)."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QMenu
from pytestqt.qtbot import QtBot

from active_window import press_ctrl
from doancoso.core.recognition.registers import ADVICE_TABLE
from doancoso.core.workspace import Workspace
from doancoso.ui.recognition.page import RecognitionPage
from doancoso.ui.recognition.register_dialogs import RecordDialog
from doancoso.ui.shell.main_window import RECOGNITION_AREA, MainWindow
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.state import UiState
from doancoso.ui.shell.undo import UndoHistory
from read_threads import on_the_worker, record_every_read
from scripted import ScriptedPrompts

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def threaded(ws: Workspace, prompts: ScriptedPrompts) -> Iterator[Core]:
    """The app's worker; no progress dialog within the test."""
    core = Core(ws, prompts, delay_ms=60_000)
    yield core
    core.runner.wait()


def _offered(dialog: QDialog) -> list[str]:
    assert isinstance(dialog, RecordDialog)
    combo = dialog.editors["activity_id"]
    assert isinstance(combo, QComboBox)
    return [combo.itemText(i) for i in range(1, combo.count())]  # after "(Không liên kết)"


def _page(qtbot: QtBot, threaded: Core) -> RecognitionPage:
    page = RecognitionPage(threaded, UndoHistory(threaded), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1216, 650)
    page.show()
    qtbot.waitUntil(lambda: not threaded.runner.busy)
    return page


def test_add_waits_for_the_year_chosen(
    qtbot: QtBot, ws: Workspace, threaded: Core, prompts: ScriptedPrompts
) -> None:
    for title, day in (("Ngày hội đọc sách", "20/06/2024"), ("Mùa hè xanh", "10/06/2025")):
        ws.activities.save({"title": title, "kind": "tuyen-truyen", "start_date": day})
    page = _page(qtbot, threaded)
    page.tabs.setCurrentWidget(page.register)
    section = page.register.coordination
    page.register.setCurrentWidget(section)
    assert section.count.text() == "0 chương trình phối hợp năm 2025"
    assert section.add_button.isEnabled()
    offered: list[list[str]] = []

    def script(dialog: QDialog) -> None:
        offered.append(_offered(dialog))
        dialog.done(QDialog.DialogCode.Rejected)

    prompts.dialog_script = script

    release = threading.Event()
    threaded.runner.run(lambda: release.wait(30), progress=False)  # the worker busy
    try:
        page.set_year(2024)  # its read waits behind
        assert page.year == 2024 and section.count.text().endswith("năm 2025")
        assert not section.add_button.isEnabled()
        assert section.add_button.toolTip() == "Đang đọc sổ năm 2024…"
        qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
        section.add_record()  # as Ctrl+N does (the "Tệp" menu's "Thêm chương trình…")
        assert offered == []
    finally:
        release.set()
    qtbot.waitUntil(lambda: not threaded.runner.busy)
    assert section.count.text() == "0 chương trình phối hợp năm 2024"
    assert section.add_button.isEnabled() and section.add_button.toolTip() == ""
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(offered))  # the activities it offers read on the worker
    assert offered == [["20/06/2024 – Ngày hội đọc sách"]]


def test_a_coordination_s_activities_are_read_on_the_worker(
    qtbot: QtBot, ws: Workspace, threaded: Core, prompts: ScriptedPrompts,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """ "Thêm…" of "Phối hợp" opens once the activities it can link to are read on the worker
    (their order goes through the core's collation cache, the worker's)."""
    ws.activities.save({"title": "Mùa hè xanh", "kind": "tuyen-truyen", "start_date": "10/06/2025"})
    page = _page(qtbot, threaded)
    page.tabs.setCurrentWidget(page.register)
    section = page.register.coordination
    page.register.setCurrentWidget(section)
    read_on = record_every_read(ws.activities, monkeypatch)
    offered: list[list[str]] = []

    def script(dialog: QDialog) -> None:
        offered.append(_offered(dialog))
        dialog.done(QDialog.DialogCode.Rejected)

    prompts.dialog_script = script
    qtbot.mouseClick(section.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(offered))
    assert offered == [["10/06/2025 – Mùa hè xanh"]]
    assert on_the_worker(read_on)


def test_a_jump_to_the_records_of_a_year_read_leaves_the_keyboard_on_add(
    qtbot: QtBot, threaded: Core
) -> None:
    """The dossier's check jumps to a year's advice ("Thêm…" focused): the button, disabled
    while the year is read, takes the keyboard once it is shown."""
    page = _page(qtbot, threaded)
    with qtbot.wait_active(page):
        page.activateWindow()
    release = threading.Event()
    threaded.runner.run(lambda: release.wait(30), progress=False)
    try:
        page.open_register(2024, ADVICE_TABLE)
        assert not page.register.advice.add_button.isEnabled()
    finally:
        release.set()
    qtbot.waitUntil(lambda: not threaded.runner.busy)
    assert page.register.currentWidget() is page.register.advice
    assert page.register.advice.add_button.hasFocus()


def _new_item(window: MainWindow) -> tuple[str, bool]:
    """The "Tệp" menu's first item (Ctrl+N) as the menu shows it: its text (without the "&" of
    its Alt letter) and whether it is enabled."""
    menu = window.menuBar().actions()[0].menu()
    assert isinstance(menu, QMenu)
    menu.aboutToShow.emit()
    action = menu.actions()[0]
    shown = (action.text().replace("&", ""), action.isEnabled())
    menu.aboutToHide.emit()
    return shown


def test_the_file_menu_s_add_waits_with_the_register_s(
    qtbot: QtBot, ws: Workspace, threaded: Core, prompts: ScriptedPrompts
) -> None:
    """The "Tệp" menu's "Thêm văn bản tham mưu…" (Ctrl+N) is disabled while the register's
    "Thêm…" is, and enabled again once the year chosen is shown. It stayed enabled, and its
    key did nothing."""
    window = MainWindow(threaded, UiState(ws.data_dir))
    qtbot.addWidget(window)
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()
    window.show_area(RECOGNITION_AREA)
    page = window.recognition
    qtbot.waitUntil(lambda: not threaded.runner.busy)
    page.tabs.setCurrentWidget(page.register)
    section = page.register.advice
    page.register.setCurrentWidget(section)
    assert _new_item(window) == ("Thêm văn bản tham mưu…", True)
    opened: list[str] = []

    def note(dialog: QDialog) -> None:
        opened.append(dialog.windowTitle())
        dialog.done(QDialog.DialogCode.Rejected)

    prompts.dialog_script = note
    release = threading.Event()
    threaded.runner.run(lambda: release.wait(30), progress=False)  # the worker busy
    try:
        page.set_year(page.year - 1)  # its read waits behind
        assert not section.add_button.isEnabled()
        assert _new_item(window) == ("Thêm văn bản tham mưu…", False)
        window.sidebar.setFocus()
        press_ctrl(qtbot, window, Qt.Key.Key_N)
        assert opened == []
    finally:
        release.set()
    qtbot.waitUntil(lambda: not threaded.runner.busy)
    assert section.add_button.isEnabled()
    assert _new_item(window) == ("Thêm văn bản tham mưu…", True)
    press_ctrl(qtbot, window, Qt.Key.Key_N)
    assert opened == ["Thêm văn bản tham mưu cấp ủy"]
