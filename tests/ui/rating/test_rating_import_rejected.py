"""The rows a chi đoàn's sheet has refused, saved from the import's confirmation as the member
import saves its rejected rows: an .xlsx beside the sheet in the sheet's own columns with a
"Lý do" column, to fix in Excel and import again; a file that cannot be written is said, in
Vietnamese, and nothing is imported unless "Nhập" is pressed."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from doancoso.ui.rating.import_preview import ImportPreviewDialog
from doancoso.ui.rating.page import RatingPage
from doancoso.ui.shell.operations import Core
from read_threads import on_the_worker, record_reads
from scripted import ScriptedPrompts

from .conftest import AP_2, SHOWN, TODAY, YEAR, Round, fill_sheet

pytestmark = SHOWN

SAVE = "&Lưu các dòng bị loại (.xlsx)…"
NOT_A_LEVEL = (
    "“Khá” ở cột “Chi đoàn đề nghị” không phải mức xếp loại (cần 1–4 hoặc tên mức: Hoàn thành "
    "xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ)."
)


def _save_button(dialog: QDialog) -> QPushButton | None:
    found = [b for b in dialog.findChildren(QPushButton) if b.text() == SAVE]
    return found[0] if found else None


def _saved_rows(path: Path) -> list[tuple[object, ...]]:
    """The name, the proposal and the reason of each row of a file of refused rows."""
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None and sheet.title == "Dòng bị loại"
    rows = list(sheet.iter_rows(values_only=True))
    wanted = [rows[0].index(h) for h in ("Họ và tên", "Chi đoàn đề nghị", "Lý do")]
    return [tuple(row[i] for i in wanted) for row in rows]


def test_refused_rows_are_saved_from_the_confirmation(
    page: RatingPage, rated: Round, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    """Võ Thị Em's proposal "Khá" is refused, Phạm Văn Dũng's is a change: the confirmation
    offers "Lưu các dòng bị loại (.xlsx)…" beside the sheet ("Nhập", "Hủy" still there); the
    file written holds the sheet's header and Em's row as it was, with its reason and row;
    the offer to open it, declined, opens nothing, accepted, opens it. Saving into a folder
    that is not there says why in Vietnamese. Nothing is imported until "Nhập"."""
    sheet = tmp_path / "ap-2.xlsx"
    rated.ws.rating_sheets.export(sheet, YEAR, rated.branches[AP_2])
    fill_sheet(sheet, {"Phạm Văn Dũng": {"Chi đoàn đề nghị": 3},
                       "Võ Thị Em": {"Chi đoàn đề nghị": "Khá"}})  # fmt: skip
    page.files.ask_open_path = lambda: sheet  # type: ignore[method-assign]
    target = tmp_path / "sua"
    missing = tmp_path / "khong-co" / "sua.xlsx"
    asked: list[tuple[str, str]] = []
    opened: list[Path] = []
    shown: list[list[str]] = []

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, ImportPreviewDialog), dialog
        shown.append([b.text() for b in dialog.findChildren(QPushButton)])
        button = _save_button(dialog)
        assert button is not None

        def ask(title: str, default: str, _filters: str) -> Path:
            asked.append((title, default))
            return target if len(asked) < 3 else missing

        dialog.ask_save_path = ask
        dialog.open_file = opened.append
        prompts.answer = False  # "Mở tệp ngay?": no
        button.click()
        prompts.answer = True
        button.click()
        button.click()  # into a folder that is not there
        dialog.done(QDialog.DialogCode.Rejected)

    prompts.dialog_script = answer
    page.files.import_button.click()
    assert shown == [["&Nhập", "&Hủy", SAVE]]
    out = tmp_path / "sua.xlsx"
    assert asked == [("Lưu các dòng bị loại", str(tmp_path / "ap-2-dong-bi-loai.xlsx"))] * 3
    said = (
        f"Đã lưu 1 dòng bị loại, kèm lý do ở cột “Lý do”, vào tệp:\n{out}\n\nSửa các dòng này "
        "trong Excel, lưu lại rồi nhập lại tệp đó.\n\nMở tệp ngay?"
    )
    assert prompts.asked == [said, said]
    assert opened == [out]
    assert _saved_rows(out) == [
        ("Họ và tên", "Chi đoàn đề nghị", "Lý do"),
        ("Võ Thị Em", "Khá", f"{NOT_A_LEVEL} (Dòng 5 của tệp đã nhập.)"),
    ]
    assert len(prompts.errors) == 1
    assert prompts.errors[0].startswith(f"Không ghi được tệp “{missing}”:")
    assert not missing.parent.exists()
    proposed = {r.full_name: r.proposed_level for r in rated.ws.rating.rows(YEAR, as_of=TODAY)}
    assert (proposed["Phạm Văn Dũng"], proposed["Võ Thị Em"]) == (None, None)  # "Hủy"


def test_no_refused_row_no_button(rated: Round, core: Core, tmp_path: Path) -> None:
    sheet = tmp_path / "ap-2.xlsx"
    rated.ws.rating_sheets.export(sheet, YEAR, rated.branches[AP_2])
    fill_sheet(sheet, {"Phạm Văn Dũng": {"Chi đoàn đề nghị": 3}})
    dialog = ImportPreviewDialog(core, rated.ws.rating_sheets.preview(sheet, YEAR))
    assert (dialog.save_rejected_button, _save_button(dialog)) == (None, None)
    dialog.deleteLater()


def test_the_refused_rows_are_written_on_the_worker(
    qtbot: QtBot, rated: Round, prompts: ScriptedPrompts, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """With the app's threaded runner the file is written on the worker, not the GUI thread,
    then the offer to open it comes back."""
    sheet = tmp_path / "ap-2.xlsx"
    rated.ws.rating_sheets.export(sheet, YEAR, rated.branches[AP_2])
    fill_sheet(sheet, {"Võ Thị Em": {"Chi đoàn đề nghị": "Khá"}})
    preview = rated.ws.rating_sheets.preview(sheet, YEAR)
    written_on = record_reads(rated.ws.rating_sheets, monkeypatch, "save_rejected")
    core = Core(rated.ws, prompts)  # threaded, as in the app
    dialog = ImportPreviewDialog(core, preview)
    qtbot.addWidget(dialog)
    dialog.ask_save_path = lambda *_: tmp_path / "sua.xlsx"
    prompts.answer = False
    assert dialog.save_rejected_button is not None
    dialog.save_rejected_button.click()
    qtbot.waitUntil(lambda: bool(prompts.asked), timeout=10_000)
    assert prompts.asked[0].startswith("Đã lưu 1 dòng bị loại")
    assert core.runner.wait()
    assert on_the_worker(written_on)
    assert (tmp_path / "sua.xlsx").is_file()
