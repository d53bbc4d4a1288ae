"""The file chooser of the import shows the spreadsheets a secretary may have: a LibreOffice
.ods too, which the import refuses with how to save it as .xlsx (a file the chooser hid would
look lost)."""

from __future__ import annotations

import fnmatch
import re
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.import_wizard import FILE_PAGE, YOUTH, ImportWizard
from scripted import ScriptedPrompts, synchronous_core


class ShownFiles:
    """In place of ``QFileDialog.getOpenFileName``: the files of the folder it opens in that
    its first filter (the one the dialog starts with) shows, as Qt matches them; picks the
    one named ``wanted`` if shown."""

    def __init__(self, wanted: str) -> None:
        self.wanted = wanted
        self.shown: list[str] = []

    def __call__(self, _parent: QWidget | None, _caption: str, start: str,
                 filters: str = "") -> tuple[str, str]:  # fmt: skip
        first = filters.split(";;")[0]
        patterns = re.search(r"\(([^)]*)\)", first)
        assert patterns is not None
        globs = patterns.group(1).split()
        self.shown = sorted(
            p.name
            for p in Path(start).iterdir()
            if any(fnmatch.fnmatch(p.name.lower(), g) for g in globs)
        )
        return (str(Path(start) / self.wanted), first) if self.wanted in self.shown else ("", "")


def _ods(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr("content.xml", "<office:document-content/>")
    return path


@pytest.mark.parametrize("target", ["members", "youth"])
def test_an_ods_file_is_shown_and_its_choice_explained(
    qtbot: QtBot, ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, target: str,
) -> None:  # fmt: skip
    _ods(tmp_path / "danh-sach.ods")
    (tmp_path / "ghi-chu.txt").write_text("không phải bảng tính", encoding="utf-8")
    dialog = ShownFiles("danh-sach.ods")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    core = synchronous_core(ws, fake_prompts)
    wizard = ImportWizard(core, target=YOUTH) if target == "youth" else ImportWizard(core)
    qtbot.addWidget(wizard)
    wizard.path = tmp_path / "truoc.xlsx"  # the chooser opens in the last file's folder
    wizard.browse_button.click()
    assert dialog.shown == ["danh-sach.ods"]
    assert wizard.page == FILE_PAGE
    assert wizard.file_error.text() == (
        "Không nhập được tệp danh-sach.ods: đây là bảng tính của LibreOffice/OpenOffice, ứng "
        "dụng chỉ đọc tệp Excel (.xlsx, .xls) hoặc CSV (.csv). Hãy mở tệp bằng LibreOffice "
        "Calc, chọn Tệp → Lưu thành… (File → Save As…), chọn kiểu tệp “Excel 2007-365 "
        "(.xlsx)”, bấm Lưu (nếu được hỏi, chọn dùng định dạng Excel), rồi nhập tệp .xlsx vừa lưu."
    )
    assert ws.members.count() == 0
