"""Counts a workbook declares are checked before calamine trusts them (#12).

calamine reserves room for as many shared strings as ``<sst uniqueCount="...">`` announces, before
reading any: 4294967295 asks for about 100 GB and the process aborts (exit 134, a Rust backtrace,
no message, nothing in the log). Such a file must be refused with a message instead.

A call that could abort runs in a subprocess, so that a regression fails the test instead of
killing pytest; its address space is limited there (like a PC with little memory, where a few GB
are already too many), so that a declared count the check lets through shows too.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sheetfiles import write_excel_xlsx

from doancoso.core.errors import ImportFileError
from doancoso.core.xlsx.workbook import read_sheets

ROWS = [["Họ và tên", "Ngày sinh"], ["Đỗ Văn Đếm", "01/01/2001"]]
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

# Reads each file given and prints one JSON line per file: its rows, or the app's message.
_READER = """
import json, sys
from pathlib import Path
try:
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))
except ImportError:  # Windows: no such limit, the files are refused all the same
    pass
from doancoso.core.errors import AppError
from doancoso.core.xlsx.workbook import read_sheets
for name in sys.argv[1:]:
    try:
        result = {"rows": [s.rows for s in read_sheets(Path(name))]}
    except AppError as exc:
        result = {"error": exc.message}
    print(json.dumps(result, ensure_ascii=False, default=str), flush=True)
"""


def _with_sst_root(path: Path, root: str) -> Path:
    """``path`` with the root tag of its shared strings part replaced by ``root`` (its other
    tags take the root's namespace prefix, if any)."""
    with zipfile.ZipFile(path) as book:
        parts = {item.filename: book.read(item) for item in book.infolist()}
    sst = parts["xl/sharedStrings.xml"]
    prefix = re.match(r"<(\w+:)?", root)
    assert prefix is not None
    if prefix.group(1):
        sst = re.sub(rb"<(/?)(?=\w)", b"<\\1" + prefix.group(1).encode(), sst)
    parts["xl/sharedStrings.xml"] = re.sub(rb"<(\w+:)?sst[^>]*>", root.encode(), sst, count=1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, content in parts.items():
            book.writestr(name, content)
    return path


def _read_in_subprocess(*paths: Path) -> list[dict[str, object]]:
    done = subprocess.run(
        [sys.executable, "-c", _READER, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-2000:]}"
    assert done.stderr == ""
    return [json.loads(line) for line in done.stdout.splitlines()]


_HUGE = [
    f'<sst xmlns="{NS}" count="4" uniqueCount="4294967295">',
    f"<sst xmlns='{NS}' count='4' uniqueCount='4294967295'>",
    f'<sst xmlns="{NS}" uniqueCount = "4294967295" count="4">',
    f'<sst xmlns="{NS}" a="x>y" uniqueCount="004294967295">',
    f'<x:sst xmlns:x="{NS}" uniqueCount="4294967295">',
]


def test_a_huge_declared_number_of_strings_is_refused_before_calamine(tmp_path: Path) -> None:
    """Each way of writing the attribute that calamine reads; and 100 million, 2.4 GB reserved:
    too much for a PC with 2 GB of memory, though this one would survive it."""
    paths = [
        _with_sst_root(write_excel_xlsx(tmp_path / f"bom{i}.xlsx", ROWS), root)
        for i, root in enumerate([*_HUGE, f'<sst xmlns="{NS}" uniqueCount="100000000">'])
    ]
    results = _read_in_subprocess(*paths)
    assert [r.get("error") for r in results] == [
        f"Tệp bom{i}.xlsx bị hỏng hoặc đã bị sửa: bảng chữ dùng chung (xl/sharedStrings.xml) "
        f"khai báo {declared} mục, nhiều hơn nội dung của nó có thể chứa. Hãy mở tệp trong "
        "Excel, lưu lại rồi nhập lại."
        for i, declared in enumerate(["4.294.967.295"] * len(_HUGE) + ["100.000.000"])
    ]


def test_a_declared_count_of_references_is_bounded_too(tmp_path: Path) -> None:
    """``count`` (how many cells use a shared string) is no allocation in calamine today, but
    a count larger than the whole workbook could hold is no real file either."""
    path = _with_sst_root(
        write_excel_xlsx(tmp_path / "dem.xlsx", ROWS),
        f'<sst xmlns="{NS}" count="4294967295" uniqueCount="4">',
    )
    assert _read_in_subprocess(path) == [
        {
            "error": "Tệp dem.xlsx bị hỏng hoặc đã bị sửa: bảng chữ dùng chung "
            "(xl/sharedStrings.xml) khai báo 4.294.967.295 lần dùng, nhiều hơn nội dung của tệp "
            "có thể chứa. Hãy mở tệp trong Excel, lưu lại rồi nhập lại."
        }
    ]


@pytest.mark.parametrize(
    "root",
    [
        f'<sst xmlns="{NS}" count="4" uniqueCount="4">',  # as Excel writes it
        f'<sst xmlns="{NS}">',  # no counts (openpyxl before 2.x, some exporters)
        f'<sst xmlns="{NS}" count="50" uniqueCount="40">',  # a stale count: harmless
        f'<x:sst xmlns:x="{NS}" count="4" uniqueCount="4">',
    ],
)
def test_plausible_counts_are_read(tmp_path: Path, root: str) -> None:
    path = _with_sst_root(write_excel_xlsx(tmp_path / "dung.xlsx", ROWS), root)
    [sheet] = list(read_sheets(path))
    assert [values for _, values in sheet.rows] == [
        ["Họ và tên", "Ngày sinh"],
        ["Đỗ Văn Đếm", "01/01/2001"],
    ]


def test_more_strings_than_any_roster_are_refused_even_when_present(tmp_path: Path) -> None:
    """4,000,001 strings (empty ones: 20 MB of XML) fit their part, but no roster has that many
    different texts, and calamine would reserve 100 MB for them before reading one."""
    path = write_excel_xlsx(tmp_path / "nhieu.xlsx", ROWS)
    with zipfile.ZipFile(path) as book:
        parts = {item.filename: book.read(item) for item in book.infolist()}
    many = 4_000_001
    parts["xl/sharedStrings.xml"] = (
        f'<sst xmlns="{NS}" count="4" uniqueCount="{many}">'.encode() + b"<si/>" * many + b"</sst>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        for name, content in parts.items():
            book.writestr(name, content)
    with pytest.raises(ImportFileError) as info:
        list(read_sheets(path))
    assert info.value.message == (
        "Tệp nhieu.xlsx có quá nhiều chữ khác nhau để nhập: bảng chữ dùng chung "
        "(xl/sharedStrings.xml) có 4.000.001 mục, nhận tối đa 4.000.000. Một danh sách đoàn viên "
        "có ít hơn nhiều: hãy kiểm tra lại đã chọn đúng tệp chưa."
    )
