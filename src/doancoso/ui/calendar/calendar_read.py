"""What the calendar page shows, read on the worker in one go (the dates' order goes through the
core's collation cache, the worker's; see :mod:`..shell.tasks`): the kinds of activity, the
weeks of the month asked for with its chi đoàn and search, the dates of the agenda's range when
it reaches beyond those weeks ("Cả năm đang xem"), and, when the search finds nothing in the
month, what it finds in the month's year (the hint saying where, and where Enter goes).

No Qt here: :func:`read_calendar` runs on the worker; the page hands the :class:`CalendarRead`
to the month's model and the agenda on the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...core.activities.service import OccurrenceRow
from ...core.workspace import Workspace
from .words import KindColours, matches, month_grid, search_tokens

Span = tuple[dt.date, dt.date]


@dataclass(frozen=True)
class MonthQuery:
    """A month of the grid and the filter it is shown with (a chi đoàn's id, the search)."""

    year: int
    month: int
    branch_id: str | None = None
    search: str = ""

    @property
    def weeks(self) -> Span:
        """The first and last day of the weeks the grid shows (Monday first)."""
        start, weeks = month_grid(self.year, self.month)
        return start, start + dt.timedelta(days=7 * weeks - 1)

    @property
    def days(self) -> Span:
        """The month's first and last day."""
        first = dt.date(self.year, self.month, 1)
        following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)


@dataclass(frozen=True)
class CalendarRead:
    """One read for the page: ``weeks`` (the grid's dates, by day and time), ``span_rows`` (the
    agenda's ``span`` when beyond the weeks, else None), ``year_rows`` (the search's dates in
    the year when the month has none, else None)."""

    query: MonthQuery
    span: Span
    today: dt.date
    kinds: KindColours
    weeks: list[OccurrenceRow]
    span_rows: list[OccurrenceRow] | None
    year_rows: list[OccurrenceRow] | None


def within(span: Span, rows: list[OccurrenceRow]) -> list[OccurrenceRow]:
    """The dates of ``rows`` in ``span``, as the core reads a range: a date lasting several days
    is in it from its first day to its last (a camp begun in February is in March's agenda)."""
    first, last = span
    return [r for r in rows if r.day <= last and (r.end_day or r.day) >= first]


def read_calendar(ws: Workspace, query: MonthQuery, span: Span) -> CalendarRead:
    """The page's read of ``query`` with the agenda's ``span`` (on the worker)."""
    tokens = search_tokens(query.search)

    def found(first: dt.date, last: dt.date) -> list[OccurrenceRow]:
        rows = ws.activities.occurrences(first, last, query.branch_id)
        return [r for r in rows if matches(r, tokens)]

    weeks = query.weeks
    shown = found(*weeks)
    year: Span = (dt.date(query.year, 1, 1), dt.date(query.year, 12, 31))
    year_rows: list[OccurrenceRow] | None = None
    if tokens and not within(query.days, shown):
        year_rows = found(*year)
    span_rows: list[OccurrenceRow] | None = None
    if not (weeks[0] <= span[0] and span[1] <= weeks[1]):
        span_rows = year_rows if year_rows is not None and span == year else found(*span)
    return CalendarRead(
        query, span, dt.date.today(), ws.activities.kinds(), shown, span_rows, year_rows
    )
