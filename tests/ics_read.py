"""Reading an exported .ics back as a phone's calendar does: the dates a series makes."""

from __future__ import annotations

from typing import Any

from dateutil.rrule import rrule, rruleset, rrulestr
from icalendar import Component


def rule_dates(event: Component) -> list[Any]:
    """The starts ``event``'s RRULE makes, less its EXDATEs (its DTSTART alone without an
    RRULE); the dates moved by a RECURRENCE-ID are not replaced here."""
    start = event.decoded("DTSTART")
    if "RRULE" not in event:
        return [start]
    recurrence = rruleset()
    ical = event["RRULE"].to_ical()
    assert isinstance(ical, bytes)
    rule = rrulestr(ical.decode(), dtstart=start)
    assert isinstance(rule, rrule)
    recurrence.rrule(rule)
    excluded = event.get("EXDATE", [])
    for line in excluded if isinstance(excluded, list) else [excluded]:
        for value in line.dts:
            recurrence.exdate(value.dt)
    return list(recurrence)
