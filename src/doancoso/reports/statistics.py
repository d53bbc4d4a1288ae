"""The printed statistics (báo cáo thống kê tình hình đoàn viên): A4 portrait, union frame.

The summary figures, then one table per breakdown (label, count, share) with a bar drawn in
each row. Bars are reportlab graphics shapes without any text, and every string is set in
Liberation Serif, so no other font ever reaches the PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..core.documents import default_recipients
from ..core.errors import AppError
from ..core.lang.dates import format_vn_date
from ..core.lang.text import nfc, vn_number
from ..core.rating.rules import LEVELS
from ..core.statistics.export import (
    COUNT,
    NO_CLOSED_ROUND_LINE,
    NO_MEMBERS_LINE,
    RATING_HEADERS,
    SHARE,
    TOTAL,
    ActivityFigures,
    activity_figures,
    breakdowns,
    decimal_text,
    period_name,
    printed_heading,
    rate_text,
    summary_figures,
)
from ..core.statistics.service import RosterStats
from ..core.workspace import Workspace
from .document import UnionDocument
from .fonts import BOLD, REGULAR
from .keep_end import KeepEnd
from .rating import KEEP_WITH_ROWS
from .roster import NO_ORGANIZATION
from .styles import markup, styles
from .tables import NBSP, ROW_SPLIT_RANGE

KIND = "BÁO CÁO"
TITLE = "Thống kê tình hình đoàn viên"
FONT_SIZE = 11.5
BAR_COLOR = colors.HexColor("#1565C0")
# Column widths (mm) of the 160 mm text width: STT, label, count, share, bar.
WIDTHS_MM = (13, 63, 22, 20, 42)
# The page's tables: STT, chi đoàn, members (its header naming the span, "từ 01/01/2026 đến
# 30/09/2026": wide enough for a whole date), expected, attended, rate; STT, chi đoàn, the four
# levels ("121 (60,5%)" in a column, with narrow padding), not rated.
PARTICIPATION_MM = (13, 49, 26, 26, 24, 22)
RATING_MM = (11, 43, 22.5, 22.5, 22.5, 22.5, 16)
NARROW_PADDING = (("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3))


def title_for(stats: RosterStats) -> str:
    """ "Thống kê tình hình đoàn viên năm 2026", "… quý III năm 2026"."""
    return f"{TITLE} {period_name(stats)}"


class Bar(Flowable):
    """A filled bar ``count / biggest`` of ``width`` long: canvas rectangles only, no text (a
    reportlab Drawing would set Helvetica on the canvas)."""

    def __init__(self, count: int, biggest: int, width: float, height: float) -> None:
        super().__init__()
        self.count, self.biggest = count, biggest
        self.width, self.height = width, height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        if not (self.count and self.biggest):
            return
        self.canv.setFillColor(BAR_COLOR)
        length = max(1.0, self.width * self.count / self.biggest)
        self.canv.rect(0, 1.5, length, self.height - 3, stroke=0, fill=1)


def _table(header: list[str], rows: list[list[Any]], widths: list[float],
           total_row: bool, extra: Sequence[tuple[Any, ...]] = ()) -> Table:  # fmt: skip
    st = styles()
    head = [Paragraph(markup(h), st["cell_head"]) for h in header]
    table = Table(
        [head, *rows], colWidths=widths, repeatRows=1, hAlign="LEFT", rowSplitRange=ROW_SPLIT_RANGE
    )
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), FONT_SIZE),
        ("LEADING", (0, 0), (-1, -1), FONT_SIZE * 1.2),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("ALIGN", (2, 1), (-1, -1), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if total_row:
        commands.append(("FONTNAME", (0, -1), (-1, -1), BOLD))
    commands += extra
    table.setStyle(TableStyle(commands))
    return table


def _label(text: str, width: float) -> object:
    """A plain string when it fits on one line, else a wrapping Paragraph; either way in NFC
    without control characters (labels come from the data: chi đoàn, dân tộc...)."""
    from .fonts import string_width

    text = nfc(text)
    if string_width(text, REGULAR, FONT_SIZE) <= width - 8:
        return text
    style = styles()["cell"].clone("stat-cell", fontSize=FONT_SIZE, leading=FONT_SIZE * 1.2)
    return Paragraph(markup(text), style)


def _activity_body(figures: ActivityFigures, rating: bool = True) -> list[Flowable]:
    """The statistics page's participation and rating tables, under its titles (the rating's
    left out when not ``rating``)."""
    st = styles()
    title = markup(f"III. {figures.participation_title.upper()}")  # (markup makes NBSP a space)
    heading = Paragraph(title.replace("CHI ĐOÀN", f"CHI{NBSP}ĐOÀN"), st["total"])  # never split
    rows = figures.participation
    if rows:
        widths = [w * mm for w in PARTICIPATION_MM]
        cells = [[_number(i, len(rows)), _label(r.branch, widths[1]), vn_number(r.members),
                  vn_number(r.expected), vn_number(r.attended), rate_text(r.rate)]
                 for i, r in enumerate(rows, start=1)]  # fmt: skip
        table = _table(["STT", *figures.participation_headers], cells, widths, total_row=True)
        note = Paragraph(markup(figures.participation_note), st["body_left"])
        body = _with_heading([Spacer(1, 4 * mm), heading, Spacer(1, 2 * mm)], table, len(cells),
                             note=[Spacer(1, 1 * mm), note])  # fmt: skip
    else:  # no member in the organisation over the span: said, not a heading alone
        line = Paragraph(markup(NO_MEMBERS_LINE.format(span=figures.participation_span)),
                         st["body_left"])  # fmt: skip
        body = [KeepTogether([Spacer(1, 4 * mm), heading, line])]
    if not rating:
        return body
    heading = Paragraph(markup(f"IV. {figures.rating_heading.upper()}"), st["total"])
    if figures.rating is None:
        line = Paragraph(markup(NO_CLOSED_ROUND_LINE), st["body_left"])
        return [*body, KeepTogether([Spacer(1, 4 * mm), heading, line])]
    counts = figures.rating[1]
    widths = [w * mm for w in RATING_MM]
    cells = [[_number(i, len(counts)), _label(c.branch, widths[1]),
              *(c.count_text(level) for level in LEVELS),
              vn_number(c.not_rated + c.undecided)]
             for i, c in enumerate(counts, start=1)]  # fmt: skip
    table = _table(["STT", *RATING_HEADERS], cells, widths, True, NARROW_PADDING)
    return body + _with_heading([Spacer(1, 4 * mm), heading, Spacer(1, 2 * mm)], table,
                                len(cells))  # fmt: skip


SHORT_TABLE = 12
"""Rows of a table kept whole with its heading; a longer one (many chi đoàn) may run on."""


def _with_heading(heading: list[Flowable], table: Table, rows: int,
                  note: Sequence[Flowable] = ()) -> list[Flowable]:  # fmt: skip
    """``heading`` (a section's and a table's titles with their spacing) never alone at the
    foot of a page: a short table kept whole with it, a longer one starting on its page with
    at least its first rows (as the rating summary keeps its chi đoàn's headings). ``note``
    (spacing, then what the figures count) never alone at the top of a page: with a short
    table, kept whole with it too; with a longer one, with its last rows
    (:class:`~.keep_end.KeepEnd`)."""
    if rows <= SHORT_TABLE:
        return [KeepTogether([*heading, table, *note])]
    if not note:
        return [CondPageBreak(KEEP_WITH_ROWS), *heading, table]
    return [CondPageBreak(KEEP_WITH_ROWS), *heading, KeepEnd(table, note[-1], note[:-1])]


def _number(row: int, rows: int) -> str:
    """The STT of a chi đoàn's row; none on the last, the whole organisation's."""
    return "" if row == rows else str(row)


def statistics_body(
    stats: RosterStats,
    activity: ActivityFigures | None = None,
    rating: bool = True,
    recorded_on: date | None = None,
) -> list[Flowable]:
    """The report's body; ``recorded_on``: the day the records are read on, the caller's today
    (:func:`~doancoso.core.statistics.export.printed_heading`)."""
    st = styles()
    widths = [w * mm for w in WIDTHS_MM]
    body: list[Flowable] = [Paragraph(markup("I. SỐ LIỆU CHUNG"), st["total"]), Spacer(1, 2 * mm)]
    summary_widths = [widths[0], widths[1] + widths[4], widths[2] + widths[3]]
    figures = [
        [str(i), _label(label, summary_widths[1]), vn_number(n)]
        for i, (label, n) in enumerate(summary_figures(stats), start=1)
    ]
    body.append(_table(["STT", "Chỉ tiêu", COUNT], figures, summary_widths, total_row=False))
    # The section's heading goes with its first table, each table's with the table.
    section: list[Flowable] = [Spacer(1, 4 * mm),
                               Paragraph(markup("II. CƠ CẤU ĐOÀN VIÊN"), st["total"])]  # fmt: skip
    for number, part in enumerate(breakdowns(stats), start=1):
        biggest = max(part.counts.values(), default=0)
        rows: list[list[Any]] = [
            [str(i), _label(label, widths[1]), vn_number(n), decimal_text(part_share),
             Bar(n, biggest, widths[4] - 12, FONT_SIZE * 1.2)]
            for i, ((label, n), part_share) in enumerate(
                zip(part.counts.items(), part.shares, strict=True), start=1
            )
        ]  # fmt: skip
        rows.append(["", TOTAL, vn_number(part.total), "100,0" if part.total else "0,0", ""])
        header = ["STT", part.column, COUNT, SHARE, "Biểu đồ"]
        title = f"{number}. {printed_heading(part, stats.today, recorded_on)}"
        heading = Paragraph(markup(title), st["body_left"])
        table = _table(header, rows, widths, total_row=True)
        body += _with_heading([*section, Spacer(1, 3 * mm), heading], table, len(rows))
        section = []
    return body if activity is None else body + _activity_body(activity, rating)


def print_statistics(ws: Workspace, path: Path | str, today: date | None = None,
                     issued_on: date | None = None, *, number: str | None = None,
                     place: str | None = None, recipients: Sequence[str] | None = None,
                     page_numbers: bool = True, quarter: int | None = None,
                     activity: bool = False, rating: bool = True,
                     recorded_on: date | None = None) -> Path:  # fmt: skip
    """Write the statistics on ``today`` (of ``quarter``, as
    :meth:`~doancoso.core.statistics.service.StatisticsService.roster`) to the PDF ``path``
    (atomically) and return the path.

    ``number``, ``place``, ``issued_on`` (default: the day counted) and ``recipients`` as for
    :func:`~doancoso.reports.roster.print_roster`. ``activity``: the statistics page's tables
    too, counted as the page counts them (:func:`~doancoso.core.statistics.export.activity_figures`:
    the participation of the day's year up to it, the latest closed rating round up to that
    year), the rating's left out when not ``rating``. ``recorded_on``: the day the records are
    read on (the caller's today, else the system's): a ``today`` before it is a past day, its
    chi đoàn said to be those of ``recorded_on``.

    Raises AppError when there is no organisation yet or the file cannot be written.
    """
    org = ws.organization.get()
    if org is None:
        raise AppError(NO_ORGANIZATION)
    stats = ws.statistics.roster(today, quarter)
    figures = None
    if activity:
        figures = activity_figures(ws.participation, ws.rating, stats.today.year, stats.today,
                                   rated=rating)  # fmt: skip
    return print_statistics_of(ws, stats, path, issued_on=issued_on, number=number, place=place,
                               recipients=recipients, page_numbers=page_numbers,
                               activity=figures, rating=rating,
                               recorded_on=recorded_on)  # fmt: skip


def print_statistics_of(ws: Workspace, stats: RosterStats, path: Path | str,
                        issued_on: date | None = None, *, number: str | None = None,
                        place: str | None = None, recipients: Sequence[str] | None = None,
                        page_numbers: bool = True,
                        activity: ActivityFigures | None = None,
                        rating: bool = True, recorded_on: date | None = None) -> Path:  # fmt: skip
    """Like :func:`print_statistics` with statistics already computed (e.g. by the page);
    ``activity``: the page's participation and rating tables, printed after the breakdowns (the
    rating's left out when not ``rating``); ``recorded_on`` as for :func:`print_statistics`."""
    org = ws.organization.get()
    if org is None:
        raise AppError(NO_ORGANIZATION)
    doc = UnionDocument(
        org,
        kind=KIND,
        code="BC",
        title=title_for(stats),
        subtitle=f"(Số liệu đến ngày {format_vn_date(stats.today)})",
        number=number,
        issued_on=issued_on or stats.today,
        place=place,
        orientation="portrait",
        recipients=default_recipients(org) if recipients is None else recipients,
        page_numbers=page_numbers,
    )
    return doc.build(path, statistics_body(stats, activity, rating, recorded_on))
