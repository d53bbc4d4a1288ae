"""The numbers of the dossier's documents on the Hồ sơ page: the dialog (one field per chosen
part that prints a number line, suggestions from the print dialogs' memory, numbers cleaned and
duplicates refused), the check's line counting the blank ones and opening the dialog (as Alt+B
does), the numbers kept per year across a restart and printed by the build."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.common.document_dialog import DocumentMemory
from doancoso.ui.dossier.numbers import NumbersDialog
from doancoso.ui.dossier.page import DossierPage
from mnemonics import press_alt
from scripted import ScriptedPrompts, synchronous_core

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
PARTS = ["to-trinh", "bao-cao", "bang", "ke-hoach", "bien-ban", "doan-vien", "minh-chung"]


def _dialog(ws: Workspace, qtbot: QtBot, numbers: dict[str, str] | None = None) -> NumbersDialog:
    dialog = NumbersDialog(synchronous_core(ws), PARTS, numbers or {}, "15-TTr/ĐTN", TODAY)
    qtbot.addWidget(dialog)
    return dialog


def test_one_field_per_numbered_part_suggested_from_the_print_dialogs_memory(
    dossier_data: Workspace, qtbot: QtBot
) -> None:
    DocumentMemory(dossier_data.data_dir).remember_number("BC", "11-BC/ĐTN", 2025)
    dialog = _dialog(dossier_data, qtbot, {"ke-hoach": "09-BC/ĐTN"})
    # the tờ trình has its own field, the minutes are several documents, the annex none
    assert list(dialog.edits) == ["bao-cao", "bang", "ke-hoach", "doan-vien"]
    assert dialog.edits["ke-hoach"].text() == "09-BC/ĐTN"
    assert dialog.edits["bao-cao"].text() == ""  # suggested, never filled in unasked
    assert dialog.edits["bao-cao"].placeholderText() == "ví dụ 12-BC/ĐTN; để trống: ghi tay"
    assert dialog.edits["doan-vien"].placeholderText() == "ví dụ 01-DS/ĐTN; để trống: ghi tay"
    qtbot.mouseClick(dialog.suggest_button, Qt.MouseButton.LeftButton)
    assert [e.text() for e in dialog.edits.values()] == ["12-BC/ĐTN", "13-BC/ĐTN", "09-BC/ĐTN",
                                                         ""]  # fmt: skip


def test_numbers_are_cleaned_empty_ones_left_blank_and_duplicates_refused(
    dossier_data: Workspace, qtbot: QtBot
) -> None:
    dialog = _dialog(dossier_data, qtbot)
    dialog.edits["bao-cao"].setText("Số: 12-BC/ĐTN")
    dialog.edits["bang"].setText("12-BC/ĐTN")
    dialog.edits["doan-vien"].setText("15-TTr/ĐTN")
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.numbers is None
    assert dialog.errors.messages() == {
        "bang": "Số 12-BC/ĐTN đã dùng cho “Báo cáo tự đánh giá”.",
        "doan-vien": "Số 15-TTr/ĐTN đã dùng cho “Tờ trình đề nghị công nhận”.",
    }
    dialog.edits["bang"].setText("13-BC/ĐTN")
    dialog.edits["doan-vien"].clear()
    assert dialog.errors.messages() == {}
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.numbers == {"bao-cao": "12-BC/ĐTN", "bang": "13-BC/ĐTN"}


def test_the_check_counts_the_blank_numbers_and_opens_the_dialog_the_build_prints_them(
    dossier_data: Workspace,
    make_page: Callable[..., DossierPage],
    qtbot: QtBot,
    prompts: ScriptedPrompts,
) -> None:
    page = make_page(dossier_data, prompts)
    for part in page.parts.codes():
        page.parts.set_ticked(part, part in ("to-trinh", "bao-cao", "bang"))
    page.number_edit.setText("15-TTr/ĐTN")
    page.refresh_check()
    assert page.checks.info_line.isVisibleTo(page)
    assert page.checks.info.text() == (
        "Lưu ý: 2 văn bản chưa có số (sẽ in để trống, ghi tay sau khi in)."
    )
    seen: list[list[str]] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, NumbersDialog)
        seen.append(list(dialog.edits))
        dialog.edits["bao-cao"].setText("12-BC/ĐTN")
        dialog.submit()

    prompts.dialog_script = fill
    qtbot.mouseClick(page.checks.numbers_button, Qt.MouseButton.LeftButton)
    assert seen == [["bao-cao", "bang"]]
    page.refresh_check()
    assert page.checks.info.text() == (
        "Lưu ý: 1 văn bản chưa có số (sẽ in để trống, ghi tay sau khi in)."
    )
    with qtbot.wait_signal(page.built, timeout=20000):
        qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    assert page.pdf is not None
    text = "".join(p.extract_text() for p in PdfReader(page.pdf.path).pages)
    assert "Số: 15-TTr/ĐTN" in text and "Số: 12-BC/ĐTN" in text
    assert text.count("-BC/ĐTN") == 2  # the table's line blank, to fill in by hand
    # the print dialogs suggest the number after it
    assert DocumentMemory(dossier_data.data_dir).suggested_number("BC", 2025) == "13-BC/ĐTN"

    again = make_page(dossier_data, ScriptedPrompts())  # a restart: the year's numbers kept
    assert again.numbers == {"bao-cao": "12-BC/ĐTN"}
    again.year_box.setValue(2024)
    assert again.numbers == {}


def test_every_number_given_no_line_shows(
    dossier_data: Workspace, make_page: Callable[..., DossierPage], prompts: ScriptedPrompts
) -> None:
    page = make_page(dossier_data, prompts)
    for part in page.parts.codes():
        page.parts.set_ticked(part, part in ("to-trinh", "minh-chung"))
    page.refresh_check()
    assert not page.checks.info_line.isVisibleTo(page)


def test_alt_b_opens_the_numbers_from_the_page(
    dossier_data: Workspace,
    make_page: Callable[..., DossierPage],
    qtbot: QtBot,
    prompts: ScriptedPrompts,
) -> None:
    """ "Số văn &bản…" (Alt+B) opens the numbers' dialog from anywhere on the page, as the
    other fields' letters ("&Năm", "Số tờ t&rình", "Ảnh &minh chứng") reach theirs."""
    page = make_page(dossier_data, prompts)
    seen: list[str] = []

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, NumbersDialog)
        seen.append(dialog.windowTitle())
        dialog.edits["bao-cao"].setText("12-BC/ĐTN")
        dialog.submit()

    prompts.dialog_script = fill
    page.number_edit.setFocus()
    press_alt(qtbot, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: seen != [])  # (a letter's click comes a moment after)
    assert seen == ["Số văn bản của hồ sơ"] and page.numbers == {"bao-cao": "12-BC/ĐTN"}
    press_alt(qtbot, Qt.Key.Key_N)
    assert QApplication.focusWidget() is page.year_box
    press_alt(qtbot, Qt.Key.Key_R)
    assert QApplication.focusWidget() is page.number_edit
    press_alt(qtbot, Qt.Key.Key_M)
    assert QApplication.focusWidget() is page.photos_box
