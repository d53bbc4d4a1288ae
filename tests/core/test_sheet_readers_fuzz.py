"""Mutated workbooks given to the three sheet readers with checks of their own (#12): the
criteria template's sheet, the rating sheet sent back by the chi đoàn, and an activity's
attendance sheet. The roster import's fuzz (tests/core/roster/spreadsheets/test_reader_fuzz.py)
covers the workbook reader they share; here each reader's own checks take the damage. A real
file of each is written, then damaged as bytes (the zip mostly refused at its checksums) or
inside one of its XML parts zipped again (so the reader's own checks see the damage). Each case
either reads or is refused with the app's typed error (a Vietnamese message); none writes.

DOANCOSO_FUZZ_CASES cases per reader (1,000 in the normal run); DOANCOSO_FUZZ_SEED=S other ones.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl
import pytest

from doancoso.core.errors import AppError
from doancoso.core.recognition.template_sheet import read_template
from doancoso.core.workspace import Workspace
from mutations import mutated

CASES = max(1000, int(os.environ.get("DOANCOSO_FUZZ_CASES", "1000")))
SEED = int(os.environ.get("DOANCOSO_FUZZ_SEED", "12"))

CRITERIA: list[list[object]] = [
    ["Tên bộ tiêu chí", "Tiêu chí 3 chủ động – Tỉnh đoàn Cà Mau"],
    ["Nguồn", "Hướng dẫn số 12-HD/TĐTN ngày 10/01/2025"],
    [],
    ["Tiêu chí", "Nội dung", "Điểm", "Minh chứng", "Chỉ số", "Ngưỡng"],
    ["1. Chủ động quản lý đoàn viên", None, 40],
    [None, "1.1. Danh sách đoàn viên cập nhật", 20, "Danh sách đoàn viên; Sổ đoàn viên"],
    [None, "Nhận xét đoàn viên hằng năm", "20", None, "remarks-share", 100],
    ["Tiêu chí 2: Chủ động xây dựng kế hoạch", None],
    [None, "Kế hoạch năm đăng ký đúng hạn", "2,5", "Kế hoạch năm"],
    ["III. Chủ động tham mưu, phối hợp"],
    [None, "Tham mưu cấp ủy bằng văn bản", 10],
]  # fmt: skip


def _workbook(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _damaged(path: Path, rnd: random.Random, out: Path) -> Path:
    """``path`` damaged as bytes, or inside one XML part zipped again with good checksums."""
    if rnd.random() < 0.3:
        out.write_bytes(mutated(path.read_bytes(), rnd))
        return out
    with zipfile.ZipFile(path) as book:
        parts = {item.filename: book.read(item) for item in book.infolist()}
    names = sorted(n for n in parts if n.endswith((".xml", ".rels")))
    sheets = [n for n in names if "worksheets/" in n or "sharedStrings" in n]
    name = rnd.choice(sheets if rnd.random() < 0.8 else names)
    parts[name] = mutated(parts[name], rnd)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for part, content in parts.items():
            book.writestr(part, content)
    return out


def _fuzz(real: Path, read: Callable[[Path], object], seed: int) -> Counter[str]:
    rnd = random.Random(seed)
    outcomes: Counter[str] = Counter()
    for case in range(CASES):
        damaged = _damaged(real, rnd, real.with_name(f"hong-{real.name}"))
        try:
            read(damaged)
            outcomes["read"] += 1
        except AppError as exc:
            assert exc.message, case
            outcomes["refused"] += 1
    return outcomes


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    ws = Workspace.open(tmp_path_factory.mktemp("demo"))
    ws.generate_demo(members=20, seed=4)
    return ws


def _counts(ws: Workspace) -> list[tuple[int, int]]:
    """Rows and the sum of their revisions in the tables a sheet could have written to."""
    with ws.db.raw() as raw:
        return [
            raw.execute(f"SELECT count(*), coalesce(sum(revision), 0) FROM {t}").fetchone()
            for t in ("members", "ratings", "attendance")
        ]


def test_the_criteria_sheet(tmp_path: Path) -> None:
    real = _workbook(tmp_path / "tieu-chi.xlsx", CRITERIA)
    assert read_template(real).name == "Tiêu chí 3 chủ động – Tỉnh đoàn Cà Mau"
    outcomes = _fuzz(real, read_template, SEED)
    print(f"\ncriteria sheet: {dict(outcomes)}")
    assert outcomes["refused"] > CASES // 2


def test_the_rating_sheet(demo: Workspace, tmp_path: Path) -> None:
    year = dt.date.today().year
    real = tmp_path / "xep-loai.xlsx"
    assert demo.rating_sheets.export(real, year) > 0
    demo.rating_sheets.preview(real, year)
    before = _counts(demo)
    outcomes = _fuzz(real, lambda p: demo.rating_sheets.preview(p, year), SEED + 1)
    print(f"\nrating sheet: {dict(outcomes)}")
    assert outcomes["refused"] > CASES // 2
    assert _counts(demo) == before


def test_the_attendance_sheet(demo: Workspace, tmp_path: Path) -> None:
    year = dt.date.today().year
    rows = demo.activities.occurrences(dt.date(year, 1, 1), dt.date(year, 12, 31))
    occurrence = rows[0].id
    names = [m.full_name for m in demo.members.list()[:6]]
    real = _workbook(tmp_path / "diem-danh.xlsx", [["STT", "Họ và tên", "Có mặt"]] + [
        [i, name, "x" if i % 2 else "P"] for i, name in enumerate(names, start=1)
    ])  # fmt: skip
    demo.attendance.marks_from_sheet(occurrence, real)
    before = _counts(demo)
    outcomes = _fuzz(real, lambda p: demo.attendance.marks_from_sheet(occurrence, p), SEED + 2)
    print(f"\nattendance sheet: {dict(outcomes)}")
    assert outcomes["refused"] > CASES // 4
    assert _counts(demo) == before
