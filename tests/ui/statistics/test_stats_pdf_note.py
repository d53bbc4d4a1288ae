"""The printed statistics keep the participation table's note with the table: the note says what
its figures count (the sessions, the members of the span), and read at the top of the next
page, under nothing, it explains no table (it went over alone with 15 chi đoàn)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from doancoso.core.activities.participation import BranchParticipation
from doancoso.core.statistics.export import WHOLE, ActivityFigures, with_total
from doancoso.core.workspace import Workspace
from doancoso.reports.statistics import print_statistics_of

from .conftest import TODAY

NOTE_START = "Tính trên các buổi hoạt động đã thực hiện và đã điểm danh"


def _pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_the_participation_note_is_never_on_a_page_without_its_table(
    known_ws: Workspace, tmp_path: Path
) -> None:
    stats = known_ws.statistics.roster(TODAY)
    for branches in range(12, 31):  # a short table (12 rows) kept whole, then longer
        rows = [BranchParticipation(str(i), f"Chi đoàn ấp Số {i}", 30 + i, 400 + i, 300 + i)
                for i in range(1, branches + 1)]  # fmt: skip
        figures = ActivityFigures(TODAY.year, with_total(rows), None, TODAY)
        path = print_statistics_of(known_ws, stats, tmp_path / f"tk-{branches}.pdf",
                                   activity=figures)  # fmt: skip
        pages = _pages(path)
        (on,) = [i for i, text in enumerate(pages) if NOTE_START in text]
        # the table's last row, the whole organisation's, on the page the note starts
        assert WHOLE in pages[on], (branches, on)
