"""The files the command line writes: one whose extension is not the kind written is refused
before anything is opened or written (``members print -o ds.txt`` wrote a PDF named .txt), the
extensions already taken still are (".PDF" too), and an existing file is written over in one
step (scripts rely on it), never left half-written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from breakage import limited_file_size, snapshot
from cli_run import cli
from doancoso.cli.numbers import NO_NUMBER_YET
from doancoso.core.workspace import Workspace

# Each command that writes a file, the wrong name given it, and what it says.
PDF = "Tệp PDF phải có đuôi .pdf"
WRONG_NAMES = [
    (["members", "print", "-o", "{file}"], "ds.txt", f"{PDF}: ds.txt"),
    (["members", "print", "--youth", "-o", "{file}"], "thanh-nien.doc", f"{PDF}: thanh-nien.doc"),
    (["plan", "print", "--year", "2026", "-o", "{file}"], "ke-hoach.docx", f"{PDF}: ke-hoach.docx"),
    (
        ["rating", "print", "--year", "2026", "--document", "tong-hop", "-o", "{file}"],
        "xep-loai.xlsx",
        f"{PDF}: xep-loai.xlsx",
    ),
    (["dossier", "--year", "2026", "-o", "{file}"], "ho-so", f"{PDF}: ho-so"),
    (
        ["checklist", "template", "export", "{template}", "{file}"],
        "tieu-chi.xlsx",
        "Tệp bộ tiêu chí phải có đuôi .json: tieu-chi.xlsx",
    ),
    (["calendar", "export", "{file}"], "lich.txt", "Tệp lịch phải có đuôi .ics: lich.txt"),
]


@pytest.fixture
def folder(ws: Workspace, data_dir: Path) -> Path:
    ws.members.save({"full_name": "Lê Văn An", "birth_date": "05/03/2001", "gender": "Nam"})
    ws.close()
    return data_dir


@pytest.mark.parametrize(("command", "name", "message"), WRONG_NAMES)
def test_a_file_named_for_another_kind_is_refused_and_nothing_changes(
    folder: Path, tmp_path: Path, command: list[str], name: str, message: str
) -> None:
    with Workspace.open(folder) as ws:
        template = ws.recognition.templates()[0].name
    out = tmp_path / "ra"
    out.mkdir()
    (out / name).write_text("ghi chú của Bí thư", encoding="utf-8")  # a file already there
    data = snapshot(folder)
    argv = [arg.format(file=out / name, template=template) for arg in command]
    assert cli(*argv, "--data-dir", str(folder)) == (1, "", f"Lỗi: {message}\n")
    assert sorted(p.name for p in out.iterdir()) == [name]
    assert (out / name).read_text(encoding="utf-8") == "ghi chú của Bí thư"
    assert snapshot(folder) == data  # not even the dossier's copy in the data folder


def test_the_current_folder_given_for_the_file_is_named(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli("members", "print", "-o", ".", "--data-dir", str(folder)) == (
        1, "", "Lỗi: Tệp PDF phải có đuôi .pdf: .\n"
    )  # fmt: skip
    # The spreadsheets' own checks said "“”" for the current folder.
    assert cli("members", "export", ".", "--data-dir", str(folder)) == (
        1, "", "Lỗi: Không xuất được ra “.”: chỉ xuất ra tệp .xlsx hoặc .csv.\n"
    )  # fmt: skip
    assert cli("members", "import", ".", "--data-dir", str(folder)) == (
        1, "", "Lỗi: “.” là một thư mục, không phải tệp. Hãy chọn một tệp Excel (.xlsx, .xls) "
        "hoặc CSV (.csv).\n"
    )  # fmt: skip


def test_the_extensions_taken_before_are_still_taken(folder: Path, tmp_path: Path) -> None:
    upper = tmp_path / "DS.PDF"
    code, out, err = cli("members", "print", "-o", str(upper), "--data-dir", str(folder))
    printed = f"Đã in danh sách 1 đoàn viên ra tệp {upper}.\n{NO_NUMBER_YET}\n"
    assert (code, out, err) == (0, printed, "")
    assert upper.read_bytes().startswith(b"%PDF")
    sheet = tmp_path / "ds.CSV"
    code, out, err = cli("members", "export", str(sheet), "--data-dir", str(folder))
    assert (code, out, err) == (0, f"Đã xuất 1 đoàn viên ra {sheet}.\n", "")
    assert "Lê Văn An" in sheet.read_text(encoding="utf-8-sig")


def test_an_existing_file_is_written_over_and_kept_whole_when_the_write_fails(
    folder: Path, tmp_path: Path
) -> None:
    """Scripts print to the same name every month: the file is replaced without a question. A
    write that fails half-way (here a file-size limit below the PDF's size) leaves the old
    file as it was, and no temporary file beside it."""
    target = tmp_path / "ds.pdf"
    target.write_bytes(b"%PDF-1.4 the list of last month")
    done = subprocess.run(
        [sys.executable, "-m", "doancoso", "--data-dir", str(folder), "members", "print",
         "-o", str(target)],
        capture_output=True, text=True, timeout=120, preexec_fn=limited_file_size(60_000),
    )  # fmt: skip
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.startswith(f"Lỗi: Không ghi được tệp “{target}”: ")
    assert target.read_bytes() == b"%PDF-1.4 the list of last month"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "ds.pdf"]
    assert cli("members", "print", "-o", str(target), "--data-dir", str(folder))[0] == 0
    assert target.read_bytes().startswith(b"%PDF") and target.stat().st_size > 60_000
