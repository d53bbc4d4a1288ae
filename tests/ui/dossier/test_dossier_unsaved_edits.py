"""Text typed on another page and not saved (what was done for an item of "3 chủ động") is asked
about before the dossier is built, since the dossier prints only what is saved: "Lưu rồi lập"
saves it and the dossier prints it; "Lập, không lưu" builds without it, the text still typed on
its page; "Quay lại" builds nothing. Without the question the dossier left it out unsaid."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.shell.main_window import DOSSIER_AREA, RECOGNITION_AREA, MainWindow
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts, synchronous_core

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
TYPED = "Các chi đoàn đã ghi nhận xét cho 20 đoàn viên trong sổ."
QUESTION = (
    "Có nội dung đã nhập nhưng chưa lưu:\n"
    "• 3 chủ động: nội dung mục 1.2 năm 2025\n\n"
    "Hồ sơ chỉ in những gì đã lưu. Lưu lại trước khi lập hồ sơ?"
)
ANSWERS = ("Lưu rồi lập", "Lập, không lưu", "Quay lại")


def _typed_then_dossier(qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts) -> MainWindow:
    """The main window: on "3 chủ động", what was done for item 1.2 of 2025 typed and not
    saved; then the "Hồ sơ" page on 2025."""
    window = MainWindow(synchronous_core(ws, prompts), UiState(ws.data_dir))
    qtbot.addWidget(window)
    with qtbot.wait_active(window):
        window.show()
        window.activateWindow()
    window.show_area(RECOGNITION_AREA)
    window.recognition.open_item(2025, "1.2")
    panel = window.recognition.item_panel
    assert panel.title.text().startswith("<b>Mục 1.2.</b>")
    panel.note.setFocus()
    panel.note.insertPlainText(TYPED)
    assert panel.save_button.isEnabled()
    window.show_area(DOSSIER_AREA)
    page = window.dossier
    with qtbot.wait_signal(page.checked):
        page.year_box.setValue(2025)
    page.number_edit.setText("15-TTr/ĐTN")
    return window


def _note(ws: Workspace) -> str | None:
    """What was done for item 1.2 of 2025, as saved."""
    view = ws.recognition.view(2025, with_indicators=False)
    return next(v.note for v in view.items if v.item.code == "1.2")


def _report(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages[3:6])


def test_saved_then_built_the_dossier_prints_what_was_typed(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts
) -> None:
    window = _typed_then_dossier(qtbot, dossier_data, prompts)
    page = window.dossier
    prompts.answer_index = 0  # "Lưu rồi lập"
    with qtbot.wait_signal(page.built):
        page.build()
    assert prompts.asked == [QUESTION]
    assert prompts.buttons == [ANSWERS]
    assert _note(dossier_data) == TYPED
    assert page.pdf is not None
    assert "1.2. Nhận xét đoàn viên định kỳ và hằng năm trong sổ đoàn viên: Chưa đạt." in (
        _report(page.pdf.path)
    )
    assert TYPED.replace(" ", "") in _report(page.pdf.path).replace("\n", "").replace(" ", "")
    assert not window.recognition.item_panel.is_modified
    assert window.unsaved_edits() == []


def test_built_without_saving_the_text_stays_typed(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts
) -> None:
    window = _typed_then_dossier(qtbot, dossier_data, prompts)
    page = window.dossier
    prompts.answer_index = 1  # "Lập, không lưu"
    with qtbot.wait_signal(page.built):
        page.build()
    assert prompts.asked == [QUESTION]
    assert page.pdf is not None
    assert "Các chi đoàn đã ghi" not in _report(page.pdf.path)
    assert not _note(dossier_data)
    panel = window.recognition.item_panel
    assert panel.note.toPlainText() == TYPED  # still there to be saved
    assert panel.is_modified


def test_back_builds_nothing_and_saves_nothing(
    qtbot: QtBot, dossier_data: Workspace, prompts: ScriptedPrompts
) -> None:
    window = _typed_then_dossier(qtbot, dossier_data, prompts)
    page = window.dossier
    prompts.answer_index = 2  # "Quay lại"
    with qtbot.assert_not_emitted(page.built):
        page.build()
    assert prompts.asked == [QUESTION]
    assert page.pdf is None
    assert page.build_button.isEnabled()
    assert not _note(dossier_data)
    assert window.recognition.item_panel.note.toPlainText() == TYPED
