"""Roster import/export speed: 10,000 rows against a bare openpyxl read of the same file.

Run: ``.venv/bin/python benchmarks/bench_spreadsheets.py`` (or ``run(report)`` from a harness).
Target: preview + apply of the import within 1.5x a bare openpyxl read-only ``iter_rows`` pass,
on two files of the same rows: one written by openpyxl (inline strings, which openpyxl reads
slowly) and one laid out as Excel and LibreOffice save (shared strings, which it reads about
twice as fast; written by the tests' ``sheetfiles.write_excel_xlsx``). For each file the bare
read and the import take turns, three times each, so that both see the same load on a shared
machine; the best of each is compared. The bare calamine read (what the import reads with) is
printed too, to show where the time goes. The preview is timed again with a progress report like
the GUI's (a check for "Hủy", then a call), to show that reporting costs nothing noticeable.
"""

from __future__ import annotations

import random
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook, load_workbook
from python_calamine import CalamineWorkbook

from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace

SHEETFILES = Path(__file__).resolve().parents[1] / "tests" / "core" / "roster" / "spreadsheets"
sys.path.insert(0, str(SHEETFILES))
from sheetfiles import write_excel_xlsx  # noqa: E402  (the tests' writer, not a package)

ROWS = 10_000
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Minh", "Hoàng", "Ngọc", "Thanh", "Quốc", "Thị Như", "Đức", "Kim"]
GIVEN = [
    "An",
    "Bình",
    "Châu",
    "Dũng",
    "Hà",
    "Hùng",
    "Lan",
    "Mai",
    "Nam",
    "Phúc",
    "Quỳnh",
    "Tâm",
    "Thảo",
    "Trí",
    "Tú",
    "Vy",
    "Yến",
    "Đạt",
    "Ánh",
    "Khoa",
]


def make_roster(path: Path, rows: int = ROWS, seed: int = 7) -> None:
    rng = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Danh sách")
    sheet.append(["DANH SÁCH ĐOÀN VIÊN"])
    sheet.append(["Đoàn xã Tân Hưng"])
    sheet.append(
        [
            "STT",
            "Họ và tên",
            "Ngày sinh",
            "Giới tính",
            "Dân tộc",
            "Tôn giáo",
            "Số CCCD",
            "Điện thoại",
            "Chi đoàn",
            "Chức vụ",
            "Ngày vào Đoàn",
            "Chỗ ở hiện nay",
            "Nghề nghiệp",
        ]
    )
    for number in range(1, rows + 1):
        birth = date(1996, 1, 1) + timedelta(days=rng.randrange(365 * 12))
        admitted = birth + timedelta(days=365 * 16 + rng.randrange(365 * 3))
        gender = rng.choice(["Nam", "Nữ"])
        sheet.append(
            [
                number,
                f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
                birth.strftime("%d/%m/%Y") if number % 3 else birth,
                gender,
                "Kinh",
                rng.choice(["Không", "Phật giáo", "Công giáo"]),
                f"0862{number:08d}",
                f"09{rng.randrange(10**8):08d}",
                f"Ấp {rng.randrange(1, 13)}",
                "Đoàn viên",
                admitted.strftime("%d/%m/%Y"),
                f"Ấp {rng.randrange(1, 13)}, xã Tân Hưng",
                rng.choice(["Làm ruộng", "Công nhân", "Học sinh", "Buôn bán"]),
            ]
        )
    book.save(path)


def make_excel_copy(source: Path, path: Path) -> None:
    """The rows of ``source`` as Excel saves them (shared strings, real date cells)."""
    book = load_workbook(source, read_only=True)
    sheet = book.worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    title = sheet.title
    book.close()
    write_excel_xlsx(path, rows, title=title)


def bare_read(path: Path) -> int:
    book = load_workbook(path, read_only=True, data_only=True)
    count = 0
    for row in book.worksheets[0].iter_rows(values_only=True):
        count += len(row)
    book.close()
    return count


def calamine_read(path: Path) -> int:
    with CalamineWorkbook.from_path(str(path)) as book:
        return sum(map(len, book.get_sheet_by_index(0).to_python(skip_empty_area=False)))


def _best(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def time_import(folder: Path, source: Path, label: str) -> dict[str, float]:
    """Bare openpyxl read and import of ``source`` in turns; the best of three of each."""
    bare_times: list[float] = []
    timings: list[tuple[float, float, float]] = []
    for attempt in range(3):
        bare_times.append(_best(lambda: bare_read(source), repeat=1))
        with Workspace.open(folder / f"data-{label}-{attempt}") as ws:
            ws.organization.create(
                OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn")
            )
            start = time.perf_counter()
            preview = ws.spreadsheets.preview_import(source)
            middle = time.perf_counter()
            result = ws.spreadsheets.apply_import(preview)
            end = time.perf_counter()
            assert result.created == ROWS, result
            timings.append((end - start, middle - start, end - middle))
    bare = min(bare_times)
    total, preview_s, apply_s = min(timings)
    return {
        "bare_read": bare,
        "calamine_read": _best(lambda: calamine_read(source)),
        "import": total,
        "preview": preview_s,
        "apply": apply_s,
        "ratio": total / bare,
    }


def time_reporting(folder: Path, source: Path) -> tuple[float, float, int]:
    """The preview of ``source`` without and with a progress report, taking turns, best of
    three each; and how many reports the preview made."""
    cancel = threading.Event()
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:  # what the GUI's Report does, but the signal
        if cancel.is_set():
            raise RuntimeError("cancelled")
        calls.append((done, total))

    plain: list[float] = []
    reported: list[float] = []
    with Workspace.open(folder / "data-reporting") as ws:
        ws.organization.create(OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn"))
        for _ in range(3):
            plain.append(_best(lambda: ws.spreadsheets.preview_import(source), repeat=1))
            calls.clear()
            reported.append(
                _best(lambda: ws.spreadsheets.preview_import(source, report=progress), repeat=1)
            )
    return min(plain), min(reported), len(calls)


def run(report: Callable[[str], None] = print) -> dict[str, float]:
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-spreadsheets-") as tmp:
        folder = Path(tmp)
        source = folder / "roster.xlsx"
        make_roster(source)
        excel = folder / "roster-excel.xlsx"
        make_excel_copy(source, excel)
        for label, path, what in (
            ("openpyxl", source, "file written by openpyxl (inline strings)"),
            ("excel", excel, "file laid out as Excel saves it (shared strings)"),
        ):
            found = time_import(folder, path, label)
            figures.update({f"{label}_{key}": value for key, value in found.items()})
            report(
                f"{what}: bare openpyxl read {found['bare_read']:.2f} s, "
                f"bare calamine read {found['calamine_read']:.2f} s"
            )
            report(
                f"  import (preview + apply) of {ROWS} rows: {found['import']:.2f} s "
                f"(preview {found['preview']:.2f} s, apply {found['apply']:.2f} s) = "
                f"{found['ratio']:.2f}x the bare openpyxl read (target <= 1.5x)"
            )
        plain, reported, reports = time_reporting(folder, excel)
        figures.update(preview_plain=plain, preview_reported=reported)
        report(
            f"preview of {ROWS} rows without progress {plain:.2f} s, with progress reported "
            f"{reported:.2f} s ({reports} reports, {100 * (reported / plain - 1):+.1f}%)"
        )
        with Workspace.open(folder / "data-openpyxl-0") as ws:
            export = _best(lambda: ws.spreadsheets.export_members(folder / "out.xlsx"), repeat=2)
            export_csv = _best(lambda: ws.spreadsheets.export_members(folder / "out.csv"), repeat=2)
            again = ws.spreadsheets.preview_import(folder / "out.xlsx")
            assert again.count("unchanged") == ROWS
    figures.update(export_xlsx=export, export_csv=export_csv)
    report(f"export of {ROWS} rows: .xlsx {export:.2f} s, .csv {export_csv:.2f} s")
    return figures


def main() -> int:
    run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
