"""``members print`` (the roster, and the youth register with ``--youth``) numbers its list as
the app's print dialog does (one numbering, "DS", for every list): ``--number`` when given,
else the one after the last list's, and remembers the number it printed, which the app then
follows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from cli_run import cli
from doancoso.cli.numbers import NO_NUMBER_YET
from doancoso.core.document_memory import DocumentMemory
from doancoso.core.workspace import Workspace


@pytest.fixture
def folder(ws: Workspace, data_dir: Path) -> str:
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "05/03/2001"})
    ws.youth.save({"full_name": "Nguyễn Thị Thủy", "birth_date": "12/03/2004", "gender": "Nữ"})
    ws.close()
    return str(data_dir)


def _print(folder: str, target: Path, *options: str) -> tuple[list[str], str]:
    code, out, err = cli("members", "print", "-o", str(target), *options, "--data-dir", folder)
    assert (code, err) == (0, ""), err
    text = "\n".join(page.extract_text() for page in PdfReader(str(target)).pages)
    return out.splitlines(), text


def test_lists_take_the_next_number_and_remember_it(folder: str, tmp_path: Path) -> None:
    lines, text = _print(folder, tmp_path / "a.pdf")
    assert lines == [f"Đã in danh sách 1 đoàn viên ra tệp {tmp_path / 'a.pdf'}.", NO_NUMBER_YET]
    assert "Số:          -DS/ĐTN" in text
    assert DocumentMemory(Path(folder)).last_number("DS") == ""  # nothing printed, nothing kept
    lines, text = _print(folder, tmp_path / "b.pdf", "--number", "15-DS/ĐTN")
    assert lines[-1] == "Số văn bản: 15-DS/ĐTN."
    assert "Số: 15-DS/ĐTN" in text
    lines, text = _print(folder, tmp_path / "c.pdf", "--youth")
    assert lines == [
        f"Đã in danh sách 1 thanh niên ra tệp {tmp_path / 'c.pdf'}.",
        "Số văn bản: 16-DS/ĐTN (tiếp theo số 15-DS/ĐTN đã dùng lần trước; --number để ghi số "
        "khác).",
    ]
    assert "Số: 16-DS/ĐTN" in text
    # The app's print dialog follows: lists are numbered in the year they are printed.
    assert DocumentMemory(Path(folder)).suggested_number("DS", dt.date.today().year) == "17-DS/ĐTN"


def test_a_list_refused_remembers_no_number(folder: str, tmp_path: Path) -> None:
    code, _out, _err = cli("members", "print", "-o", str(tmp_path / "a.pdf"), "--number",
                           "15-DS/ĐTN", "--branch", "Không có", "--data-dir", folder)  # fmt: skip
    assert code == 1
    assert DocumentMemory(Path(folder)).last_number("DS") == ""
