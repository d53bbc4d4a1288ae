"""Roster import/export speed: 10,000 rows against a bare openpyxl read of the same file.

Run: ``.venv/bin/python benchmarks/bench_spreadsheets.py`` (or ``run(report)`` from a harness).
Target: preview + apply of the import within 1.5x a bare read-only ``iter_rows`` pass. The bare
read and the import take turns, three times each, so that both see the same load on a shared
machine; the best of each is compared.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook, load_workbook

from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace

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


def bare_read(path: Path) -> int:
    book = load_workbook(path, read_only=True, data_only=True)
    count = 0
    for row in book.worksheets[0].iter_rows(values_only=True):
        count += len(row)
    book.close()
    return count


def _best(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def run(report: Callable[[str], None] = print) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bench-spreadsheets-") as tmp:
        folder = Path(tmp)
        source = folder / "roster.xlsx"
        make_roster(source)

        bare_times: list[float] = []
        timings: list[tuple[float, float, float]] = []
        for attempt in range(3):
            bare_times.append(_best(lambda: bare_read(source), repeat=1))
            with Workspace.open(folder / f"data{attempt}") as ws:
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
        with Workspace.open(folder / "data0") as ws:
            export = _best(lambda: ws.spreadsheets.export_members(folder / "out.xlsx"), repeat=2)
            export_csv = _best(lambda: ws.spreadsheets.export_members(folder / "out.csv"), repeat=2)
            again = ws.spreadsheets.preview_import(folder / "out.xlsx")
            assert again.count("unchanged") == ROWS
    figures = {
        "bare_read": bare,
        "import": total,
        "preview": preview_s,
        "apply": apply_s,
        "ratio": total / bare,
        "export_xlsx": export,
        "export_csv": export_csv,
    }
    report(f"bare openpyxl read of {ROWS} rows: {bare:.2f} s")
    report(
        f"import (preview + apply) of {ROWS} rows: {total:.2f} s "
        f"(preview {preview_s:.2f} s, apply {apply_s:.2f} s) = {total / bare:.2f}x the bare read "
        f"(target <= 1.5x)"
    )
    report(f"export of {ROWS} rows: .xlsx {export:.2f} s, .csv {export_csv:.2f} s")
    return figures


def main() -> int:
    run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
