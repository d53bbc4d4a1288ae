"""When and where an activity's dates take place, as re-laying its rule after an edit must know
it: which dates have a life of their own and are kept as they are."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..storage.models import Activity, Occurrence
from .rules import PLANNED


@dataclass(frozen=True)
class Schedule:
    """When and where an activity said its dates take place before an edit: a date whose time
    or place differs was set on its own (the date's form) and is not the activity's to change."""

    start_date: dt.date
    end_date: dt.date | None
    start_time: str | None
    end_time: str | None
    place: str | None

    @classmethod
    def of(cls, a: Activity) -> Schedule:
        return cls(a.start_date, a.end_date, a.start_time, a.end_time, a.place)

    @classmethod
    def of_date(cls, o: Occurrence) -> Schedule:
        """A one-off's schedule as its form shows it: its one date as it now is."""
        return cls(o.day, o.end_day, o.start_time, o.end_time, o.place)

    def own_time_or_place(self, occ: Occurrence) -> bool:
        return (occ.start_time, occ.end_time, occ.place) != (
            self.start_time,
            self.end_time,
            self.place,
        )


SCHEDULE_FIELDS = ("start_date", "end_date", "start_time", "end_time", "place")
"""The fields of :class:`Schedule`, named as the activity's columns."""


def one_off(activity: Activity, occurrences: Sequence[Occurrence]) -> bool:
    """Whether the activity is a one-off: no rule, one live date (whose form shows that date)."""
    return not activity.rule and len(occurrences) == 1


def touched(occ: Occurrence, busy: set[str], before: Schedule | None) -> bool:
    """Whether a date has a life of its own that re-laying the rule must keep."""
    return (
        occ.id in busy
        or occ.day != occ.original_date
        or (before is not None and before.own_time_or_place(occ))
        or occ.status != PLANNED
        or occ.attendance_taken
        or bool(occ.results or occ.resources or occ.participants)
    )
