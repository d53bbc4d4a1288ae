"""The Hồ sơ page with evidence files lost from the store (a backup restored without its
evidence folder): the check names each with its item and the way back, says the dossier cannot
be built until they are back, and "Mở Sao lưu và khôi phục" (reached by Tab, pressed with Space
as the page's other jumps) opens the backups dialog with the keyboard on "Lấy lại tệp minh
chứng bị mất từ USB…"; once taken back from the stick, the check no longer names them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from pytestqt.qtbot import QtBot

from doancoso.core.evidence.store import EvidenceStore
from doancoso.core.workspace import Workspace
from doancoso.ui.settings.backups_dialog import BackupsDialog
from doancoso.ui.shell.main_window import DOSSIER_AREA, RECOGNITION_AREA, MainWindow
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts, synchronous_core

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

WAY_BACK = (
    "không còn trong thư mục dữ liệu hoặc đã bị hỏng, nên chưa lập được hồ sơ. Hãy lấy lại từ "
    "một bản sao lưu ra USB có tệp đó (“Lấy lại tệp minh chứng bị mất từ USB…” trong “Sao lưu "
    "và khôi phục…”, lệnh doancoso restore-evidence) hoặc đính kèm lại tệp gốc "
)


def _window(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> MainWindow:
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()
    for area in (RECOGNITION_AREA, DOSSIER_AREA):
        window.show_area(area)
    with qtbot.wait_signal(window.dossier.checked):
        window.dossier.year_box.setValue(2025)
    return window


def _lost_lines(window: MainWindow) -> list[tuple[str, str]]:
    checks = window.dossier.checks
    return [(g.reason, b.text() if b is not None else "")
            for g, b in zip(checks.gaps, checks.buttons, strict=True) if g.lost]  # fmt: skip


def test_lost_files_are_named_and_taken_back_through_the_backups_dialog(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    stick = dossier_data.backups.to_folder(tmp_path / "usb")  # the files still there
    for path in EvidenceStore(dossier_data.data_dir).folder.iterdir():
        path.unlink()
    window = _window(qtbot, dossier_data, prompts)
    page = window.dossier
    assert _lost_lines(window) == [
        (f"Mục 1.1: tệp minh chứng “bien-ban.pdf” {WAY_BACK}ở mục 1.1, trang “3 chủ động”.",
         "Mở Sao lưu và khôi phục"),
        (f"Mục 1.2: tệp minh chứng “anh.jpg” {WAY_BACK}ở mục 1.2, trang “3 chủ động”.",
         "Mở Sao lưu và khôi phục"),
    ]  # fmt: skip
    count = len(page.checks.gaps)
    assert page.checks.summary.text() == (
        f"Hồ sơ còn thiếu {count} điều; chưa lập được khi còn 2 tệp minh chứng bị mất hoặc hỏng:"
    )
    index = next(i for i, g in enumerate(page.checks.gaps) if g.lost)
    button = page.checks.buttons[index]
    assert isinstance(button, QPushButton)
    assert button.toolTip() == (
        "Lấy lại tệp minh chứng bị mất từ bản sao lưu ra USB, trong “Sao lưu và khôi phục”"
    )
    # The lost files come first: reached by the first Tab from "Nhập số…" above the lines.
    assert index == 0
    before = page.checks.numbers_button
    qtbot.waitUntil(button.isVisible)  # the lines are shown once the events run
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is button

    seen: list[tuple[str, bool]] = []

    def take_back(dialog: QDialog) -> None:
        assert isinstance(dialog, BackupsDialog)
        with qtbot.wait_exposed(dialog):
            dialog.show()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.lost_button)
        seen.append((dialog.windowTitle(), dialog.lost_button.hasFocus()))
        dialog.take_back_from(stick.path)  # the button pressed, the stick's backup chosen
        dialog.close()

    prompts.dialog_script = take_back
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert seen == [("Sao lưu và khôi phục", True)]
    assert prompts.infos == [
        f"Đã lấy lại 2 tệp minh chứng từ thư mục “{stick.path.name}.evidence”: “anh.jpg”, "
        "“bien-ban.pdf”."
    ]
    with qtbot.wait_signal(page.checked):  # the files back: the check read again
        pass
    assert _lost_lines(window) == []
    assert page.checks.summary.text() == f"Hồ sơ còn thiếu {count - 2} điều (vẫn lập được):"
    assert window.stack.currentWidget() is page
