"""Mutated files given to the import (#12): each either reads or is refused with the app's typed
error (:class:`AppError`, a Vietnamese message), never another exception, and nothing is
written. The files are real small ones written by the tests, then damaged byte by byte: bits
flipped, bytes set to what parsers care about, runs deleted, duplicated or inserted, a number
made huge, the file cut short. An .xlsx is damaged twice over: as bytes (its zip then mostly
fails its checksums) and inside one of its XML parts, zipped again with good checksums, so that
calamine itself reads the damage.

300 cases per kind in the normal run (seeded: the same cases every time);
DOANCOSO_FUZZ_CASES=N runs N per kind, DOANCOSO_FUZZ_SEED=S other ones.
"""

from __future__ import annotations

import os
import random
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sheetfiles import ErrorValue, Formula, Rich, write_csv, write_excel_xlsx, write_xls, write_xlsx

from doancoso.core.errors import AppError
from doancoso.core.workspace import Workspace
from mutations import mutated

CASES = int(os.environ.get("DOANCOSO_FUZZ_CASES", "300"))
SEED = int(os.environ.get("DOANCOSO_FUZZ_SEED", "12"))

ROWS: list[list[Any]] = [
    ["DANH SÁCH ĐOÀN VIÊN", None, None, None, None, None],
    ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "CCCD", "Chi đoàn"],
    [1, "Nguyễn Văn An", date(2001, 3, 5), "Nam", "086201000001", "Ấp 1"],
    [2, "Trần Thị Bích", "12/10/2003", "Nữ", None, "Ấp 2"],
    [3, "Lê Hoàng Phúc", 2000, "Nam", None, "Ấp 1"],
    [4, "Đặng Thu Hà", "01/02/1999", "Nữ", "086199000123", "Ấp Mới"],
]
EXCEL_ROWS: list[list[Any]] = [
    *ROWS,
    [5, Rich(("Võ ", "Văn Kiệt")), Formula("DATE(2002,2,2)", date(2002, 2, 2)), "Nam", None, True],
    [6, "Phan Thị Lụa", ErrorValue("#N/A"), "Nữ", 86200000001, "Ấp 3"],
]
# An old roster typed with ".VnTime" (TCVN3) and saved as an ANSI CSV
LEGACY_ROWS: list[list[Any]] = [["STT", "Hä vµ tªn", "Ngµy sinh"], [1, "NguyÔn V¨n Hïng", "1/2/99"]]


def _xml_mutated(path: Path, rnd: random.Random) -> bytes:
    """The workbook with one of its XML parts damaged, zipped again (good checksums)."""
    with zipfile.ZipFile(path) as book:
        parts = {item.filename: book.read(item) for item in book.infolist()}
    names = sorted(n for n in parts if n.endswith(".xml") or n.endswith(".rels"))
    sheets = [n for n in names if "worksheets/" in n or "sharedStrings" in n]
    name = rnd.choice(sheets if rnd.random() < 0.6 else names)
    parts[name] = mutated(parts[name], rnd)
    target = path.with_name("xml-" + path.name)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as book:
        for part, content in parts.items():
            book.writestr(part, content)
    return target.read_bytes()


Writer = Callable[[Path], Path]
SEEDS: dict[str, tuple[str, list[Writer]]] = {
    "xlsx": (
        ".xlsx",
        [
            lambda p: write_excel_xlsx(p, EXCEL_ROWS, merges=["A1:F1"]),
            lambda p: write_xlsx(p, ROWS),
        ],
    ),
    "xls": (".xls", [lambda p: write_xls(p, ROWS)]),
    "csv": (
        ".csv",
        [
            lambda p: write_csv(p, ROWS),
            lambda p: write_csv(p, LEGACY_ROWS, "cp1252"),
        ],
    ),
}


@pytest.mark.parametrize("kind", ["xlsx", "xlsx-xml", "xls", "csv"])
def test_damaged_files_read_or_are_refused_with_the_apps_error(
    sws: Workspace, tmp_path: Path, kind: str
) -> None:
    suffix, writers = SEEDS[kind.split("-")[0]]
    sources = [writer(tmp_path / f"goc{i}{suffix}") for i, writer in enumerate(writers)]
    originals = [source.read_bytes() for source in sources]
    rnd = random.Random(f"{SEED}-{kind}")
    path = tmp_path / f"hong{suffix}"
    outcomes = {"read": 0, "refused": 0}
    for case in range(CASES):
        which = rnd.randrange(len(originals))
        if kind == "xlsx-xml":
            data = _xml_mutated(sources[which], rnd)
        else:
            data = mutated(originals[which], rnd)
        path.write_bytes(data)
        try:
            sws.spreadsheets.sheets(path)
            sws.spreadsheets.preview_import(path)
            outcomes["read"] += 1
        except AppError as exc:
            assert exc.message and not exc.message.isascii(), exc.message  # Vietnamese
            outcomes["refused"] += 1
        except Exception as exc:  # the finding: kept, with the case to replay it
            keep = tmp_path.parent / f"fuzz-{kind}-{SEED}-{case}{suffix}"
            keep.write_bytes(data)
            raise AssertionError(f"case {case} ({keep}): {type(exc).__name__}: {exc}") from exc
    assert sws.members.count() == 0
    assert outcomes["refused"] > 0  # the damage does reach the readers
