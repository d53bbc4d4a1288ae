"""The month as a table model: one row a week (Monday first), one column a weekday, each cell a
day with its dates of activities.

The model reads nothing itself: a new month or filter asked of it (:meth:`MonthModel.show_month`,
:meth:`MonthModel.set_filter`, :meth:`MonthModel.reload`) is announced by ``asked``, and its
reader (the calendar page, on the worker: :mod:`.calendar_read`) hands the weeks' dates to
:meth:`MonthModel.show`. Until then the month shown before stays. The chi đoàn filter is the
core's; the search (title or place, tones ignored) filters the rows read. An activity lasting
several days shows on each of its days within the weeks shown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ...core.activities.service import OccurrenceRow
from ..common.cells import CELL_FLAGS, DISPLAY, TOOLTIP
from .calendar_read import MonthQuery
from .words import (
    WEEKDAY_NAMES,
    WEEKDAYS,
    KindColours,
    kind_name,
    long_date,
    month_grid,
    place_text,
    status_text,
    time_range,
)

DATE_ROLE = int(Qt.ItemDataRole.UserRole) + 10
"""The cell's day (a ``datetime.date``)."""
OCCURRENCES_ROLE = int(Qt.ItemDataRole.UserRole) + 11
"""The day's dates of activities (a tuple of ``OccurrenceRow``, by time)."""
IN_MONTH_ROLE = int(Qt.ItemDataRole.UserRole) + 12
"""Whether the day belongs to the month shown (days of the months around it are dimmed)."""
TODAY_ROLE = int(Qt.ItemDataRole.UserRole) + 13

Index = QModelIndex | QPersistentModelIndex


class MonthModel(QAbstractTableModel):
    """The weeks of one month and their activities; :meth:`show_month` asks for another one."""

    reloaded = Signal()
    """Another month, or the same one read again, is shown."""
    asked = Signal()
    """:attr:`query` is wanted: its weeks are to be read and handed to :meth:`show`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()
        self.year, self.month = self.today.year, self.today.month
        self.start, self.weeks = month_grid(self.year, self.month)
        self.kinds: KindColours = {}
        self.query = MonthQuery(self.year, self.month)
        """The month and filter last asked for (shown, or being read)."""
        self._shown: MonthQuery | None = None
        self._days: dict[dt.date, tuple[OccurrenceRow, ...]] = {}

    # Query --------------------------------------------------------------------------------

    @property
    def branch_id(self) -> str | None:
        return self.query.branch_id

    @property
    def search(self) -> str:
        return self.query.search

    @property
    def pending(self) -> bool:
        """Whether the month or filter asked for is not shown yet (it is being read)."""
        return self.query != self._shown

    @property
    def first(self) -> dt.date:
        return self.start

    @property
    def last(self) -> dt.date:
        return self.start + dt.timedelta(days=7 * self.weeks - 1)

    def show_month(self, year: int, month: int) -> None:
        query = MonthQuery(year, month, self.branch_id, self.search)
        if query != self.query or not self.pending:  # one asked for already is on its way
            self._ask(query)

    def set_filter(self, branch_id: str | None, search: str) -> None:
        self._ask(MonthQuery(self.query.year, self.query.month, branch_id, search))

    def reload(self) -> None:
        """Ask for the weeks shown again (a change of the data)."""
        self._ask(self.query)

    def _ask(self, query: MonthQuery) -> None:
        self.query = query
        self.asked.emit()

    def show(self, query: MonthQuery, rows: list[OccurrenceRow], today: dt.date) -> None:
        """Show ``query``'s weeks holding ``rows`` (read for it, by day and time)."""
        self.beginResetModel()
        self._shown = query
        self.today = today
        self.year, self.month = query.year, query.month
        self.start, self.weeks = month_grid(self.year, self.month)
        last = self.last
        days: dict[dt.date, list[OccurrenceRow]] = {}
        for row in rows:
            end = min(row.end_day or row.day, last)
            day = row.day
            while day <= end:
                days.setdefault(day, []).append(row)
                day += dt.timedelta(days=1)
        self._days = {day: tuple(rows) for day, rows in days.items()}
        self.endResetModel()
        self.reloaded.emit()

    # Lookup -------------------------------------------------------------------------------

    def date_at(self, row: int, column: int) -> dt.date:
        return self.start + dt.timedelta(days=7 * row + column)

    def index_of(self, day: dt.date) -> QModelIndex:
        """The cell of ``day`` (invalid when it is not in the weeks shown)."""
        offset = (day - self.start).days
        if not 0 <= offset < 7 * self.weeks:
            return QModelIndex()
        return self.index(offset // 7, offset % 7)

    def occurrences_on(self, day: dt.date) -> tuple[OccurrenceRow, ...]:
        return self._days.get(day, ())

    def shown(self) -> list[OccurrenceRow]:
        """Every date shown, once each, by day and time."""
        seen: dict[str, OccurrenceRow] = {}
        for day in sorted(self._days):
            for row in self._days[day]:
                seen.setdefault(row.id, row)
        return list(seen.values())

    # Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.weeks

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day = self.date_at(index.row(), index.column())
        if role == DISPLAY:
            return str(day.day)
        if role == DATE_ROLE:
            return day
        if role == OCCURRENCES_ROLE:
            return self._days.get(day, ())
        if role == IN_MONTH_ROLE:
            return day.month == self.month
        if role == TODAY_ROLE:
            return day == self.today
        if role == TOOLTIP:
            return self._tooltip(day)
        return None

    def _tooltip(self, day: dt.date) -> str:
        """The day's list: each activity's time, title, kind and status, and its place (in the
        chip's tooltip's words) on a line of its own under it."""
        lines = [long_date(day)]
        for row in self._days.get(day, ()):
            when = time_range(row)
            kind = kind_name(self.kinds, row.kind)
            line = f"{when} {row.title}" if when else row.title
            lines.append(f"• {line} ({kind}) — {status_text(row, self.today)}")
            if row.place:
                lines.append(f"   {place_text(row)}")
        return "\n".join(lines)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 7:
            return None
        if role == DISPLAY:
            return WEEKDAYS[section]
        if role == TOOLTIP:
            return WEEKDAY_NAMES[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
