"""Printed lists never end a document with a lone row: at a page break, the table's last two
rows (at least) go over with the total line and the signature, and the page before ends with
the row before them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from doancoso.core.workspace import Workspace
from doancoso.reports.roster import print_roster
from doancoso.reports.youth import print_youth

ReadPdf = Callable[[Path], Any]
DAY = date(2026, 12, 7)
GIVEN = ("An", "Bảo", "Cảnh", "Danh", "Đức", "Giao", "Hải", "Khang", "Lâm", "Minh")
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chi đoàn", "Chức vụ", "CCCD/CMND",
          "Điện thoại", "Trạng thái"]  # fmt: skip
CLOSING = ["Nơi nhận:", "- Tỉnh đoàn Cà Mau (b/c);", "- Lưu VP.", "TM. BAN CHẤP HÀNH", "BÍ THƯ",
           "Nguyễn Thị Như Quỳnh"]  # fmt: skip


def _names(count: int) -> list[str]:
    """``count`` names, "Lê An Bảo", "Lê An Cảnh"..., in the order a list prints them (by given
    name, then middle name)."""
    names = [(GIVEN[n % 10], GIVEN[n // 10]) for n in range(1, count + 1)]
    return [f"Lê {middle} {given}" for given, middle in
            sorted(names, key=lambda n: (GIVEN.index(n[0]), GIVEN.index(n[1])))]  # fmt: skip


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _member_rows(names: list[str], first: int) -> list[str]:
    """The lines of the roster's rows from number ``first`` (counted from 1) on."""
    lines = []
    for number, name in enumerate(names[first - 1 :], start=first):
        lines += [str(number), name, "05/03/2000", "Nam", "Đang sinh hoạt"]
    return lines


@pytest.mark.parametrize(
    ("members", "pages"),
    [
        (9, [7, 2]),  # the table fitted the first page, the signature did not: [8, 1]
        (18, [16, 2]),  # the table ran one row over the first page: [17, 1]
        (34, [17, 15, 2]),  # the same on the second page: [17, 16, 1]
    ],
)
def test_roster_last_page_holds_two_rows_with_total_and_signature(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf, members: int, pages: list[int]
) -> None:
    names = _names(members)
    for name in names:
        ws.members.save({"full_name": name, "birth_date": "05/03/2000", "gender": "Nam"})

    texts = read_pdf(print_roster(ws, tmp_path / "ds.pdf", issued_on=DAY)).page_texts()

    assert len(texts) == len(pages)
    first = 1
    for index, (text, rows) in enumerate(zip(texts, pages, strict=True), start=1):
        lines = _lines(text)
        if index > 1:  # the header row repeated, then the rows
            assert lines[: len(HEADER)] == HEADER
        expected = _member_rows(names[: first + rows - 1], first)
        if index < len(texts):  # the page ends with its last row, then its number
            assert lines[-len(expected) - 1 :] == [*expected, f"Trang {index}/{len(texts)}"]
        else:
            assert lines[len(HEADER) :] == [
                *expected, f"Tổng số: {members} đoàn viên (nữ: 0).", *CLOSING,
                f"Trang {index}/{len(texts)}",
            ]  # fmt: skip
        first += rows


def test_youth_register_last_page_holds_two_rows_with_total_and_signature(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """Eight young people: seven fitted the first page, the eighth went alone with the total
    and the signature; now the sixth ends the first page."""
    names = _names(8)
    for name in names:
        ws.youth.save({"full_name": name, "birth_date": "05/03/2003", "hamlet": "Ấp Tân Hưng"})

    first, last = read_pdf(print_youth(ws, tmp_path / "tn.pdf", issued_on=DAY)).page_texts()

    assert [name for name in names if name in first] == names[:6]
    assert [name for name in names if name in last] == names[6:]
    assert _lines(first)[-1] == "Trang 1/2"
    assert names[5] in _lines(first)[-6:]
    last_lines = _lines(last)
    assert last_lines[0] == "STT"
    assert last_lines[-len(CLOSING) - 2 :] == [
        "Tổng số: 8 thanh niên (nữ: 0; hoàn cảnh khó khăn: 0; đi làm ăn xa: 0; có đoàn viên "
        "theo dõi: 0).", *CLOSING, "Trang 2/2",
    ]  # fmt: skip
