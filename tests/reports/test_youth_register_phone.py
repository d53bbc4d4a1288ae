"""The printed youth register's phone column: a number as a bundle from another computer may
carry it ("+84 912 345 678", spaced) prints whole on its row's line, in the form the app keeps
numbers in, as does an old 11-digit number; the register's other cells are not cut."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from doancoso.core.workspace import Workspace
from doancoso.reports.youth import print_youth

ReadPdf = Callable[[Path], Any]
PHONES = {
    "Nguyễn Văn Bảy": ("+84 912 345 678", "0912345678"),
    "Trần Thị Tám": ("0912 345 679", "0912345679"),
    "Lê Văn Chín": ("01689123456", "01689123456"),  # a number of before 2018, kept
}


def test_phones_print_on_one_line_in_one_form(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    for name in PHONES:
        ws.youth.save({"full_name": name, "birth_date": "05/03/2003", "hamlet": "Ấp Tân Hưng",
                       "occupation": "Công nhân may", "away_place": "TP. Hồ Chí Minh"})  # fmt: skip
    with sqlite3.connect(ws.db.path) as db:  # as typed on another computer, merged from it
        for name, (typed, _) in PHONES.items():
            db.execute("UPDATE youths SET phone = ? WHERE full_name = ?", (typed, name))
    db.close()

    pdf = read_pdf(print_youth(ws, tmp_path / "thanh-nien.pdf"))

    runs = pdf.runs(0)
    for name, (_, printed) in PHONES.items():
        (row,) = [r for r in runs if r.text == name]
        on_row = [r.text for r in runs if abs(r.y - row.y) < 1 and r.x > row.x]
        assert on_row[-1] == printed, name
        below = [r.text for r in runs if 1 <= row.y - r.y < 14 and r.x > row.x]
        assert not any(t[:1].isdigit() for t in below), name  # nothing carried to a 2nd line
    assert "Công nhân may" in [r.text for r in runs]
