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


def test_a_year_without_members_says_so_under_the_participation_heading(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """An organisation with a young person on its register and no member yet has its
    statistics in the dossier: the participation's heading stood alone over the signature, no
    table nor word under it; it now says that no member was in the organisation then."""
    ws.youth.save({"full_name": "Lê Văn Tài", "birth_date": "02/05/2004"})
    built = build_dossier(ws, tmp_path / "ho-so.pdf", 2026, ("thong-ke",), issued_on=DEMO_DAY)
    lines = _lines(read_pdf(built.path).text())
    at = lines.index("III. THAM GIA HOẠT ĐỘNG TỪ 01/01/2026 ĐẾN 20/11/2026 THEO")
    assert lines[at + 1 : at + 3] == [
        "CHI ĐOÀN",
        "Không có đoàn viên nào sinh hoạt tại đơn vị từ 01/01/2026 đến 20/11/2026.",
    ]
