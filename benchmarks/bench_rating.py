"""The rating at 2,000 members (a copy of the 2,000-member demo, this year's round: the
participation from a year of attendance): the round's rows, last year's closed round's rows next
to them (as the demo wrote it, then closed again by the app), 2,000 decided levels set in one
action, and 2,000 phiếu tự đánh giá printed next to a bare reportlab document of the same pages.

The bare document holds the text of our own pages (read back with pypdf), one plain paragraph a
line in Liberation Serif (embedded, as ours), a page break after each form: what reportlab costs
for those pages without our layout. Ours and the bare one are built in turns, three times each;
the best of each is compared. The summary (tổng hợp) of the same round is timed too.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from doancoso.core.workspace import Workspace

from .common import best_of, demo_folder, report

MEMBERS = 2000


def bare_forms(pages: list[list[str]], path: Path) -> None:
    """Each page's lines as plain paragraphs, a page break after each page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate

    from doancoso.reports.fonts import REGULAR, register_fonts

    register_fonts()
    style = ParagraphStyle("bare", fontName=REGULAR, fontSize=10, leading=12)
    story: list[Flowable] = []
    for lines in pages:
        story += [Paragraph(escape(line), style) for line in lines]
        story.append(PageBreak())
    SimpleDocTemplate(str(path), pagesize=A4, initialFontName=REGULAR).build(story[:-1])


def _pages(path: Path) -> list[list[str]]:
    from pypdf import PdfReader

    return [
        [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        for page in PdfReader(path).pages
    ]


def _timed(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def run() -> None:
    from doancoso.reports.rating import print_summary
    from doancoso.reports.rating_forms import form_members, write_forms

    with tempfile.TemporaryDirectory(prefix="bench-rating-") as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(demo_folder(MEMBERS), folder)
        with Workspace.open(folder) as ws:
            year = date.today().year
            rows = ws.rating.rows(year)
            measured = sum(r.participation is not None for r in rows)
            live = best_of(5, lambda: ws.rating.rows(year))
            report(f"rating: the round's rows ({len(rows)}, {measured} with a rate)", live,
                   "<= 0.3 s")  # fmt: skip
            # A closed round reads its members and events as they were recorded at its closing.
            closed = ws.rating.rows(year - 1)
            report(f"rating: last year's closed round's rows ({len(closed)})",
                   best_of(5, lambda: ws.rating.rows(year - 1)), "<= 0.3 s",
                   baseline=("this year's open round", live))  # fmt: skip
            # The demo writes that round closed; closed again here, its closing keeps what it
            # keeps now (the members' versions, and their counts where the version keeps them).
            ws.rating.reopen(year - 1)
            ws.rating.close(year - 1)
            report(f"rating: the same round closed again ({len(ws.rating.rows(year - 1))})",
                   best_of(5, lambda: ws.rating.rows(year - 1)), "<= 0.3 s",
                   baseline=("this year's open round", live))  # fmt: skip
            ids = [r.member_id for r in rows]
            level = [2]

            def set_all() -> None:
                level[0] = 5 - level[0]  # 2, 3, 2...: every run changes every level
                ws.rating.set_levels(year, "decided_level", dict.fromkeys(ids, level[0]))

            report(f"rating: {len(ids)} decided levels set in one action", best_of(5, set_all),
                   "<= 0.5 s")  # fmt: skip

            org = ws.organization.get()
            assert org is not None
            members = form_members(ws, year)
            ours_path, bare_path = Path(tmp) / "phieu.pdf", Path(tmp) / "bare.pdf"
            write_forms(org, year, members, ours_path)
            pages = _pages(ours_path)
            ours, bare = [], []
            for _ in range(3):
                ours.append(_timed(lambda: write_forms(org, year, members, ours_path)))
                bare.append(_timed(lambda: bare_forms(pages, bare_path)))
            assert len(_pages(bare_path)) == len(pages) == len(members)
            report(f"rating: {len(members)} phiếu tự đánh giá", min(ours), "<= 1.5x bare",
                   baseline=("bare reportlab, same pages", min(bare)))  # fmt: skip
            summary = Path(tmp) / "tong-hop.pdf"
            report(f"rating: summary of {len(rows)} members (tổng hợp)",
                   best_of(3, lambda: print_summary(ws, summary, year)))  # fmt: skip
