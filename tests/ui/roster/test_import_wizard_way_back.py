"""After an import, the result page says how to go back: an import is not taken back with
Hoàn tác (Ctrl+Z), but the backup taken just before it is, through "Sao lưu và khôi phục…"."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.roster.import_wizard import RESULT_PAGE, YOUTH, ImportWizard
from scripted import ScriptedPrompts, synchronous_core


def _file(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (header, *rows):
        sheet.append(row)
    book.save(path)
    return path


def _way_back(wizard: ImportWizard) -> str:
    backup = wizard.result_.backup if wizard.result_ is not None else None
    assert backup is not None and backup.path.is_file()
    when = f"{backup.taken_at:%H:%M} ngày {backup.taken_at:%d/%m/%Y}"
    return (
        "Nếu nhập nhầm tệp: một lần nhập không hoàn tác được bằng “Hoàn tác” (Ctrl+Z), nhưng dữ "
        f"liệu trước khi nhập đã được sao lưu lúc {when}. Để quay lại như trước khi nhập: vào "
        "Tệp → Sao lưu và khôi phục…, chọn bản sao lưu lúc đó (lý do “Trước khi nhập danh "
        "sách”) rồi bấm “Khôi phục bản đã chọn…”. Những gì nhập hoặc sửa sau lúc đó sẽ không còn."
    )


def test_the_roster_import_result_names_the_backup_to_restore(
    qtbot: QtBot, ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = _file(tmp_path / "ds.xlsx", ["STT", "Họ và tên", "Ngày sinh"],
                 [[1, "Nguyễn Văn An", "05/03/2001"]])  # fmt: skip
    wizard = ImportWizard(synchronous_core(ws, fake_prompts))
    qtbot.addWidget(wizard)
    wizard.set_file(path)
    wizard.next()
    wizard.next()
    wizard.apply()
    assert wizard.page == RESULT_PAGE
    assert wizard.result_label.text().split("\n\n")[-1] == _way_back(wizard)
    assert [(b.path, b.reason) for b in ws.backups.list() if b.reason == "truoc-nhap"] == [
        (wizard.result_.backup.path, "truoc-nhap")  # type: ignore[union-attr]
    ]


def test_the_youth_import_result_names_the_backup_to_restore(
    qtbot: QtBot, ws: Workspace, fake_prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    path = _file(tmp_path / "tn.xlsx", ["STT", "Họ và tên", "Năm sinh", "Ấp"],
                 [[1, "Lê Văn Lộc", 2006, "Ấp Kênh Xáng"]])  # fmt: skip
    wizard = ImportWizard(synchronous_core(ws, fake_prompts), target=YOUTH)
    qtbot.addWidget(wizard)
    wizard.set_file(path)
    wizard.next()
    wizard.next()
    wizard.apply()
    assert wizard.page == RESULT_PAGE
    assert wizard.result_label.text().split("\n\n")[-1] == _way_back(wizard)
