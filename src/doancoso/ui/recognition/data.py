"""What the "3 chủ động" page reads for a year, in one operation on the worker: the checklist
without its indicators (they follow in a second operation, so the page shows at once), the
templates to choose from, the years opened, and the register of criterion 3 with its files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ...core.errors import AppError
from ...core.evidence.service import Attachment
from ...core.lang.dates import format_vn_date
from ...core.lifecycle.service import PartyIntroduction
from ...core.recognition.registers import ADVICE_TABLE, COORDINATION_TABLE, Advice, Coordination
from ...core.recognition.service import ChecklistView
from ...core.recognition.template import Template
from ...core.workspace import Workspace


@dataclass(frozen=True)
class Register:
    """Criterion 3's register of a year."""

    advice: list[Advice] = field(default_factory=list)
    coordination: list[Coordination] = field(default_factory=list)
    files: dict[str, list[Attachment]] = field(default_factory=dict)
    """Record id → its files (advice and coordination alike)."""
    activities: dict[str, str] = field(default_factory=dict)
    """The activities the coordination records are linked to: id → "dd/mm/yyyy – title"."""
    introductions: list[PartyIntroduction] = field(default_factory=list)


@dataclass(frozen=True)
class Loaded:
    year: int
    years: list[int]
    """The years to offer: those opened, last year, this year and next year."""
    templates: list[Template]
    view: ChecklistView | None
    """The year's checklist without indicators; None when the year is not opened yet."""
    register: Register


def year_choices(opened: list[int], today: dt.date) -> list[int]:
    return sorted(set(opened) | {today.year - 1, today.year, today.year + 1})


MONTHS_AROUND = 3
"""How far beyond its year a year's coordination programme is offered activities to link to:
an agreement signed in December is often about a January activity, one of January about
December's; a quarter each side keeps the list short (``doancoso coordination --activity``
takes any activity, and one linked so is offered with the others)."""


def activities_of(ws: Workspace, year: int) -> dict[str, str]:
    """The activities with a date in ``year`` or in the :data:`MONTHS_AROUND` months before
    and after it, in order of date, each once (its first date there): what a coordination
    record can be linked to (read on the worker when its dialog opens)."""
    first = dt.date(year - 1, 13 - MONTHS_AROUND, 1)
    last = dt.date(year + 1, MONTHS_AROUND + 1, 1) - dt.timedelta(days=1)
    found: dict[str, str] = {}
    for row in ws.activities.occurrences(first, last):
        found.setdefault(row.activity_id, f"{format_vn_date(row.day)} – {row.title}")
    return found


def linked_activities(ws: Workspace, coordination: list[Coordination]) -> dict[str, str]:
    """The activities the records are linked to: id → "dd/mm/yyyy – title" (one read each;
    an activity deleted meanwhile is left out)."""
    found: dict[str, str] = {}
    for activity_id in {c.activity_id for c in coordination if c.activity_id}:
        try:
            fields = ws.activities.get(activity_id).fields
        except AppError:
            continue
        found[activity_id] = f"{format_vn_date(fields.start_date)} – {fields.title}"
    return found


def load_register(ws: Workspace, year: int) -> Register:
    advice = ws.registers.advice(year)
    coordination = ws.registers.coordination(year)
    files = ws.evidence.attachments_of(ADVICE_TABLE, [a.id for a in advice])
    files.update(ws.evidence.attachments_of(COORDINATION_TABLE, [c.id for c in coordination]))
    introductions = [i for i in ws.events.party_introductions() if i.introduced_on.year == year]
    activities = linked_activities(ws, coordination)
    return Register(advice, coordination, files, activities, introductions)


def load(ws: Workspace, year: int, today: dt.date) -> Loaded:
    """Everything the page shows for ``year`` but the indicators (nothing is written)."""
    opened = ws.recognition.opened(year)
    view = ws.recognition.view(year, today, with_indicators=False) if opened else None
    return Loaded(
        year,
        year_choices(ws.recognition.years(), today),
        ws.recognition.templates(),
        view,
        load_register(ws, year),
    )
