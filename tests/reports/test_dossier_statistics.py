"""The dossier's statistics part (``thong-ke``): the roster's figures, then the year's
participation in activities by chi đoàn, as the statistics page prints them; not the page's
rating table, which the dossier's own rating part (``xep-loai``) gives for its year."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.build import build_dossier

ReadPdf = Callable[[Path], Any]
DEMO_DAY = dt.date(2026, 11, 20)


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_the_statistics_part_prints_the_year_participation(
    empty_ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """The superior body's officer reading the demo's dossier of 2026 got the roster's structure
    but not the year's participation the statistics page shows: now its part III, counted up to
    the day the dossier counts at, the whole organisation last (499 places attended of 681:
    73,3%). The demo's 2025 round is closed and its 2026 round open: the page's table of the
    last closed round (2025) is not in the dossier of 2026."""
    empty_ws.generate_demo(members=40, seed=3, today=DEMO_DAY)
    built = build_dossier(empty_ws, tmp_path / "ho-so.pdf", 2026, ("thong-ke",),
                          issued_on=DEMO_DAY)  # fmt: skip
    assert built.omitted == ()
    lines = _lines(read_pdf(built.path).text())
    at = lines.index("III. THAM GIA HOẠT ĐỘNG TỪ 01/01/2026 ĐẾN 20/11/2026 THEO")
    assert lines[at + 1] == "CHI ĐOÀN"
    flat = " ".join(lines[at:])
    assert "Toàn Đoàn cơ sở 39 681 499 73,3" in flat
    assert "IV." not in flat
    assert not any("XẾP LOẠI" in line.upper() for line in lines)
