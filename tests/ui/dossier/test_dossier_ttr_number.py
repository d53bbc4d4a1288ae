"""The tờ trình's number on the Hồ sơ page, and the numbers of the dossier's other documents
("Số văn bản…"), are those the core keeps for the year (core.document_memory), shared with
``doancoso dossier``; those older versions kept in the window's ui-state.ini are taken over."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from cli_run import cli
from doancoso.core.document_memory import DocumentMemory
from doancoso.core.workspace import Workspace
from doancoso.ui.dossier.numbers import NumbersDialog, numbers_key
from doancoso.ui.dossier.page import DossierPage, number_key
from doancoso.ui.shell.state import UiState
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
NUMBER = "15-TTr/ĐTN"


def _check(ws: Workspace, year: int) -> str:
    return cli("dossier", "--year", str(year), "--check", "--parts", "to-trinh",
               "--data-dir", str(ws.data_dir)).out  # fmt: skip


def test_the_number_typed_in_the_app_is_the_commands_and_back(
    dossier_data: Workspace, make_page: Callable[..., DossierPage], qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    page = make_page(dossier_data)
    page.number_edit.setFocus()
    qtbot.keyClicks(page.number_edit, "15-TTr/")
    page.number_edit.insert("ĐTN")  # as a Vietnamese input method commits it
    memory = DocumentMemory(dossier_data.data_dir)
    qtbot.waitUntil(lambda: memory.dossier_number(2025) == NUMBER)  # shortly after the last key
    said = _check(dossier_data, 2025)
    assert said.splitlines()[0] == (
        "Số tờ trình: 15-TTr/ĐTN (đã nhập cho hồ sơ năm 2025; --number để ghi số khác, "
        '--number "" để ghi tay).'
    )
    assert "Chưa có số tờ trình." not in said
    # a number given to 2024's dossier by the command is the page's for 2024
    target = tmp_path / "ho-so-2024.pdf"
    given = cli("dossier", "--year", "2024", "-o", str(target), "--parts", "to-trinh",
                "--number", "04-TTr/ĐTN", "--data-dir", str(dossier_data.data_dir))  # fmt: skip
    assert given.code == 0
    assert " Số: 04-TTr/ĐTN\n" in (PdfReader(target).pages[2].extract_text() or "")
    page.year_box.setValue(2024)
    assert page.number_edit.text() == "04-TTr/ĐTN"
    page.year_box.setValue(2025)
    assert page.number_edit.text() == NUMBER


def test_a_number_typed_then_the_year_changed_at_once_is_kept_for_its_year(
    dossier_data: Workspace, make_page: Callable[..., DossierPage], qtbot: QtBot
) -> None:
    page = make_page(dossier_data)
    page.number_edit.setFocus()
    qtbot.keyClicks(page.number_edit, "07-TTr")
    page.year_box.setValue(2024)  # before the number was kept: kept for 2025, not 2024
    memory = DocumentMemory(dossier_data.data_dir)
    assert (memory.dossier_number(2025), memory.dossier_number(2024)) == ("07-TTr", "")
    qtbot.keyClicks(page.number_edit, "02-TTr")
    page.hide()  # another area shown
    assert memory.dossier_number(2024) == "02-TTr"


def test_the_number_kept_in_ui_state_by_older_versions_is_taken_over(
    dossier_data: Workspace, make_page: Callable[..., DossierPage], qtbot: QtBot
) -> None:
    state = UiState(dossier_data.data_dir)
    state.set_text(number_key(2025), NUMBER)
    state.set_text(number_key(2024), "03-TTr/ĐTN")
    state.sync()
    memory = DocumentMemory(dossier_data.data_dir)
    memory.remember_number("BC", "12-BC/ĐTN", 2025)  # the core's memory already in use
    page = make_page(dossier_data)
    assert page.number_edit.text() == NUMBER
    assert memory.dossier_number(2025) == NUMBER
    assert "Số tờ trình: 15-TTr/ĐTN" in _check(dossier_data, 2025)  # the command's too
    assert memory.suggested_number("BC", 2025) == "13-BC/ĐTN"
    # cleared in the page: not taken over again at the next start
    page.number_edit.selectAll()
    qtbot.keyClicks(page.number_edit, "\b")
    page.close()
    again = make_page(dossier_data)
    assert again.number_edit.text() == ""
    again.year_box.setValue(2024)  # never shown since: taken over now
    assert again.number_edit.text() == "03-TTr/ĐTN"
    assert memory.dossier_number(2024) == "03-TTr/ĐTN"


def test_the_other_documents_numbers_are_shared_with_the_command_too(
    dossier_data: Workspace, make_page: Callable[..., DossierPage], prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:  # fmt: skip
    page = make_page(dossier_data, prompts)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, NumbersDialog)
        dialog.edits["bao-cao"].setText("12-BC/ĐTN")
        dialog.submit()

    prompts.dialog_script = fill
    page.edit_numbers()
    assert page.numbers == {"bao-cao": "12-BC/ĐTN"}
    target = tmp_path / "ho-so.pdf"
    built = cli("dossier", "--year", "2025", "-o", str(target), "--parts", "bao-cao",
                "--number", "doan-vien=05-DS/ĐTN", "--data-dir",
                str(dossier_data.data_dir))  # fmt: skip
    assert built.code == 0
    assert built.out.startswith("Số văn bản đã nhập cho hồ sơ năm 2025: bao-cao=12-BC/ĐTN ")
    assert " Số: 12-BC/ĐTN\n" in "".join(p.extract_text() for p in PdfReader(target).pages)
    again = make_page(dossier_data)  # the next start: the command's number is the page's too
    assert again.numbers == {"bao-cao": "12-BC/ĐTN", "doan-vien": "05-DS/ĐTN"}


def test_the_numbers_kept_in_ui_state_by_older_versions_are_taken_over(
    dossier_data: Workspace, make_page: Callable[..., DossierPage]
) -> None:
    state = UiState(dossier_data.data_dir)
    state.set_text(numbers_key(2025, "bao-cao"), "12-BC/ĐTN")
    state.set_text(numbers_key(2025, "doan-vien"), "05-DS/ĐTN")
    state.sync()
    memory = DocumentMemory(dossier_data.data_dir)
    memory.keep_dossier_numbers(2025, {"doan-vien": ""})  # cleared since in the core: kept so
    page = make_page(dossier_data)
    assert page.numbers == {"bao-cao": "12-BC/ĐTN"}
    assert memory.dossier_numbers(2025) == {"bao-cao": "12-BC/ĐTN"}
