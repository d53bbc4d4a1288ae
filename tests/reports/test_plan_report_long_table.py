"""The plan report's table of a criterion with many targets starts on the first page, under the
report's opening, where it used to go whole to the second page with its headings and leave the
first blank below the opening paragraph."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from doancoso.core.workspace import Workspace
from doancoso.reports.plan import print_report

ReadPdf = Callable[[Path], Any]
YEAR = 2026
HEADER = ["STT", "Chỉ tiêu", "Kế hoạch", "Đạt được", "Tỉ lệ (%)"]


def _rows(first: int, last: int) -> list[str]:
    lines = []
    for n in range(first, last + 1):
        lines += [str(n), f"Chỉ tiêu thứ {n:02d}", "4", "2", "50,0"]
    return lines


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_a_long_table_starts_under_the_opening_and_leaves_two_rows_for_the_next_page(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    ws.plans.create(YEAR, number="07-KH/ĐTN")
    kinds = ws.activities.kind_names()
    for n in range(1, 23):
        ws.plans.add_target(YEAR, {"text": f"Chỉ tiêu thứ {n:02d}", "criterion": "1",
                                   "planned": "4", "achieved": "2"}, kinds)  # fmt: skip

    pages = read_pdf(print_report(ws, tmp_path / "bc.pdf", YEAR, issued_on=date(2026, 12, 7)))
    first, second = (_lines(text) for text in pages.page_texts()[:2])

    opening = first.index(
        "Hưng báo cáo kết quả thực hiện các chỉ tiêu đến ngày 07/12/2026 như sau:"
    )
    assert first[opening + 1 :] == [
        "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
        "1. Chủ động quản lý đoàn viên và chăm lo, nắm bắt tình hình thanh niên ở địa",
        "phương, đơn vị",
        *HEADER,
        *_rows(1, 20),
        "Trang 1/3",
    ]
    # The header row repeated over the table's last two rows, then part II.
    assert second[: len(HEADER) + 11] == [*HEADER, *_rows(21, 22), "II. ĐÁNH GIÁ CHUNG"]
