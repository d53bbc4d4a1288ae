"""Reading a large file in the import wizard shows its progress and can be cancelled ("Hủy").

The wizard runs on the real worker here (a threaded :class:`Core`, its dialog at once). To
press "Hủy" while the rows are being read, whatever the speed of the machine, the row parser
waits at a gate on its first row (as an old PC reading from a USB stick would be slow there)
until the test has pressed it; nothing else of the read is changed. "Hủy" also takes effect
while the spreadsheet library reads the workbook whole (held at a gate there): the wizard is
ready again before the library is done.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import cast

import openpyxl
import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from doancoso.core.roster.spreadsheets.preview import ImportPreview
from doancoso.core.roster.spreadsheets.rows import RowParser
from doancoso.core.workspace import Workspace
from doancoso.ui.roster.import_wizard import (
    FILE_PAGE,
    MAPPING_PAGE,
    PREVIEW_PAGE,
    RESULT_PAGE,
    YOUTH,
    ImportWizard,
)
from doancoso.ui.shell.operations import Core
from reader_gates import Gate, hold_libraries, reader_threads
from scripted import ScriptedPrompts

ROWS = 4000
GIVEN = ["An", "Bình", "Châu", "Dũng", "Hà", "Hùng", "Lan", "Mai", "Nam", "Phúc"]
WAIT = 30000
CANCELLED = "Đã hủy đọc tệp."  # the words of every import wizard (the bundle's too)


def _name(i: int) -> str:
    return f"Nguyễn Văn {GIVEN[i % 10]} {GIVEN[i // 10 % 10]} {GIVEN[i // 100 % 10]}"


def big_roster(path: Path, youth: bool = False) -> Path:
    """A real .xlsx of :data:`ROWS` people under a title, as a commune's list is."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Danh sách")
    sheet.append(["DANH SÁCH THANH NIÊN" if youth else "DANH SÁCH ĐOÀN VIÊN"])
    if youth:
        sheet.append(["STT", "Họ tên", "Năm sinh", "Phái", "Ấp"])
    else:
        sheet.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chi đoàn", "Số CCCD"])
    for i in range(ROWS):
        if youth:
            sheet.append([i + 1, _name(i), str(2000 + i % 7), "Nam", f"Ấp {1 + i % 5}"])
            continue
        birth = date(1996, 1, 1) + timedelta(days=i % 3650)
        sheet.append([i + 1, _name(i), birth.strftime("%d/%m/%Y"), "Nam",
                      f"Chi đoàn ấp {1 + i % 5}", f"0862{i:08d}"])  # fmt: skip
    book.save(path)
    return path


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    gate = Gate()
    cells = RowParser.cells

    def gated(self: RowParser, values: list[object]) -> object:
        gate.wait()
        return cells(self, values)  # type: ignore[arg-type]

    monkeypatch.setattr(RowParser, "cells", gated)
    yield gate
    gate.release()


def _wizard(qtbot: QtBot, ws: Workspace, youth: bool = False) -> tuple[ImportWizard, Core]:
    core = Core(ws, ScriptedPrompts(), delay_ms=0)  # the worker, and its dialog at once
    wizard = ImportWizard(core, None, YOUTH) if youth else ImportWizard(core)
    qtbot.addWidget(wizard)
    return wizard, core


def _cancel_while_reading(qtbot: QtBot, core: Core, gate: Gate) -> None:
    """Wait until the rows are being read with the progress shown, press "Hủy", let go."""
    qtbot.waitUntil(lambda: gate.reached.is_set() and core.runner.dialog is not None, timeout=WAIT)
    dialog = core.runner.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=WAIT)  # the file is read: a step shown
    (cancel,) = dialog.findChildren(QPushButton)
    assert cancel.text() == "Hủy"
    cancel.click()
    gate.release()
    qtbot.waitUntil(lambda: not core.runner.busy, timeout=WAIT)


def _read(qtbot: QtBot, core: Core, wizard: ImportWizard) -> None:
    qtbot.waitUntil(lambda: not core.runner.busy, timeout=WAIT)
    assert wizard.preview is not None


def test_cancelling_the_first_read_leaves_step_1_then_the_import_works(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, gate: Gate
) -> None:
    path = big_roster(tmp_path / "ds-doan-vien.xlsx")
    wizard, core = _wizard(qtbot, ws)
    gate.arm()
    wizard.set_file(path)
    _cancel_while_reading(qtbot, core, gate)
    assert wizard.page == FILE_PAGE and wizard.file_error.text() == CANCELLED
    assert wizard.preview is None and wizard.path is None and wizard.file_edit.text() == ""
    assert not wizard.next_button.isEnabled() and ws.members.count() == 0

    wizard.set_file(path)  # the same file again, read to the end this time
    _read(qtbot, core, wizard)
    assert wizard.file_error.text() == "" and len(cast(ImportPreview, wizard.preview).rows) == ROWS
    wizard.next()
    assert wizard.page == MAPPING_PAGE
    wizard.next()
    assert wizard.page == PREVIEW_PAGE and wizard.importable() == ROWS
    wizard.apply()
    qtbot.waitUntil(lambda: wizard.page == RESULT_PAGE, timeout=WAIT)
    assert wizard.result_ is not None and wizard.result_.created == ROWS
    assert ws.members.count() == ROWS


def test_cancelling_a_read_keeps_the_file_read_before(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, gate: Gate
) -> None:
    first = big_roster(tmp_path / "ds-1.xlsx")
    wizard, core = _wizard(qtbot, ws)
    wizard.set_file(first)
    _read(qtbot, core, wizard)
    before = wizard.preview
    gate.arm()
    wizard.set_file(big_roster(tmp_path / "ds-2.xlsx"))
    _cancel_while_reading(qtbot, core, gate)
    assert wizard.page == FILE_PAGE and wizard.file_error.text() == CANCELLED
    assert wizard.preview is before and wizard.path == first
    assert wizard.file_edit.text() == str(first) and wizard.next_button.isEnabled()


def test_cancelling_the_read_of_a_new_mapping_stays_on_step_2(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, gate: Gate
) -> None:
    wizard, core = _wizard(qtbot, ws)
    wizard.set_file(big_roster(tmp_path / "ds.xlsx"))
    _read(qtbot, core, wizard)
    before = wizard.preview
    assert before is not None
    wizard.next()
    wizard.set_mapping("national_id", None)  # not imported: the rows are read again
    gate.arm()
    wizard.next()
    _cancel_while_reading(qtbot, core, gate)
    assert wizard.page == MAPPING_PAGE and wizard.mapping_error.text() == CANCELLED
    assert wizard.preview is before and "national_id" in before.mapping
    assert wizard.chosen_mapping() != before.mapping  # the user's choice is kept

    wizard.next()  # read again, to the end
    qtbot.waitUntil(lambda: wizard.page == PREVIEW_PAGE, timeout=WAIT)
    assert wizard.preview is not None and "national_id" not in wizard.preview.mapping
    wizard.apply()
    qtbot.waitUntil(lambda: wizard.page == RESULT_PAGE, timeout=WAIT)
    assert ws.members.count() == ROWS


def test_the_youth_list_can_be_cancelled_too(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, gate: Gate
) -> None:
    path = big_roster(tmp_path / "ds-thanh-nien.xlsx", youth=True)
    wizard, core = _wizard(qtbot, ws, youth=True)
    gate.arm()
    wizard.set_file(path)
    _cancel_while_reading(qtbot, core, gate)
    assert wizard.page == FILE_PAGE and wizard.file_error.text() == CANCELLED
    assert wizard.preview is None and ws.youth.count() == 0
    wizard.set_file(path)
    _read(qtbot, core, wizard)
    wizard.next()
    wizard.next()
    wizard.apply()
    qtbot.waitUntil(lambda: wizard.page == RESULT_PAGE, timeout=WAIT)
    assert ws.youth.count() == ROWS


@pytest.mark.parametrize("youth", [False, True])
def test_cancelling_takes_effect_while_the_library_reads_the_workbook(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, youth: bool
) -> None:
    path = big_roster(tmp_path / "ds.xlsx", youth=youth)
    held = Gate()
    hold_libraries(monkeypatch, held)
    wizard, core = _wizard(qtbot, ws, youth=youth)
    held.arm()
    wizard.set_file(path)
    qtbot.waitUntil(lambda: held.reached.is_set() and core.runner.dialog is not None, timeout=WAIT)
    dialog = core.runner.dialog
    assert dialog is not None
    (cancel,) = dialog.findChildren(QPushButton)
    cancel.click()
    qtbot.waitUntil(lambda: not core.runner.busy, timeout=WAIT)
    # ready again while the library still reads: the wizard did not wait for it
    [reader] = reader_threads()
    assert reader.is_alive()
    assert wizard.page == FILE_PAGE and wizard.file_error.text() == CANCELLED
    assert wizard.preview is None and wizard.path is None and wizard.file_edit.text() == ""
    assert not wizard.next_button.isEnabled() and not wizard.sheet_combo.isEnabled()
    held.release()
    reader.join(WAIT / 1000)
    assert not reader.is_alive()

    wizard.set_file(path)  # and the file reads to the end, as before
    _read(qtbot, core, wizard)
    assert wizard.file_error.text() == "" and len(cast(ImportPreview, wizard.preview).rows) == ROWS
    assert (ws.members.count(), ws.youth.count()) == (0, 0)
