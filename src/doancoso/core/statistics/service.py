"""Statistics of the roster and the youth register, for the dashboard and the reports.

The members are counted in SQLite by one GROUP BY over everything the breakdowns need, read in
the order of an index made for it (so no row is sorted); Python only folds the few thousand
groups into the breakdowns shown. A past day (the dossier of a past year) is counted member by
member instead, from the periods and statuses of that day replayed (:func:`_members_on`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..context import ROSTER_TABLES, WorkspaceContext
from ..lang.text import collation_key, fold
from ..lifecycle.periods import EventRow
from ..lifecycle.rules import (
    ACTIVE_STATUSES,
    DEPARTURE_KINDS,
    DISCIPLINE_LEVELS,
    EVENT_KINDS,
    baseline_status,
    event_order,
    lenient_replay,
)
from ..roster.branches import UNASSIGNED
from ..roster.rules import COMING_OF_AGE
from ..roster.vocab import GENDERS, STATUSES
from .periods import period_start

UNKNOWN = "Chưa rõ"
OUT_OF_RANGE = "Ngoài độ tuổi"
USUAL_AGE_BANDS: tuple[tuple[int, int], ...] = ((16, 18), (19, 24), (25, 30))
"""The union's age bands (first and last age), ending at the usual coming-of-age age."""


def birthdays_through(today: dt.date) -> str:
    """ "MM-DD": the last day of a year whose birthdays have come by ``today``; in a year without
    29 February, "02-29" on the 28th, a birth on 29 February having its birthday then
    (:func:`~doancoso.core.lang.dates.add_years`, the Civil Code's rule)."""
    if (today.month, today.day) == (2, 28) and not calendar.isleap(today.year):
        return "02-29"
    return f"{today.month:02d}-{today.day:02d}"


def age_bands(coming_of_age: int = COMING_OF_AGE) -> tuple[tuple[str, int, int], ...]:
    """The bands (label, first age, last age) of an organisation whose members come of age at
    ``coming_of_age`` (Thiết lập: 25 to 35): the usual ones, the last ending at that age
    ("25–28"), and above 30 one more band up to it ("31–35"). The usual bands are kept, not
    widened ("25–35"), so that the superior body adds up its organisations' figures band by
    band, whatever each one's setting; its members over 30 are seen apart. Older: "Ngoài độ
    tuổi"."""
    bands = [(low, min(high, coming_of_age)) for low, high in USUAL_AGE_BANDS]
    last = USUAL_AGE_BANDS[-1][1]
    if coming_of_age > last:
        bands.append((last + 1, coming_of_age))
    return tuple(
        (f"{low}–{high}" if high > low else str(low), low, high)
        for low, high in bands
        if low <= high
    )


AGE_BANDS = age_bands()
"""The bands at the default coming-of-age age (30)."""
# The ages where a usual band starts or ends (16, 19, 25, 31): counting members aged at least
# each of them, and at least one more than the coming-of-age age, gives every band.
_AGE_EDGES: tuple[int, ...] = tuple(
    sorted({low for low, _ in USUAL_AGE_BANDS} | {high + 1 for _, high in USUAL_AGE_BANDS})
)
DEPARTURE_LABELS: dict[str, str] = {
    "transfer_out": EVENT_KINDS["transfer_out"],
    "matured": EVENT_KINDS["matured"],
    "expelled": DISCIPLINE_LEVELS["expulsion"],
    "struck_off": EVENT_KINDS["struck_off"],
}


@dataclass(frozen=True)
class RosterStats:
    """Counts of the roster on ``today``. Each breakdown maps a Vietnamese label to a count, in
    display order; blank or unknown values are grouped under "Chưa rõ" (listed last).

    Which members count:

    - only members of the organisation that are not deleted (no tombstone);
    - ``total`` and every breakdown except ``by_status`` count the **active roster**: statuses
      "active" and "temporary" (:data:`~doancoso.core.lifecycle.rules.ACTIVE_STATUSES`), so each
      of those breakdowns sums to ``total``;
    - ``by_status`` counts every non-deleted member, by status (all statuses listed, even at 0),
      and sums to ``all_members``;
    - ``by_branch`` lists every chi đoàn (even at 0) in Vietnamese order, then "Chưa có chi
      đoàn" for members without one;
    - ``by_age_band``: completed age on ``today`` (a birth known by its year counts as born on 1
      January), in the bands of the coming-of-age age (:func:`age_bands`: 16–18, 19–24,
      25–30 at 30; 31–35 added at 35); outside them: "Ngoài độ tuổi";
    - ``by_ethnicity``/``by_religion``/``by_education``: the stored text, grouped ignoring case
      and tones (shown as the most common spelling; on a tie, the first in code point order),
      most frequent first, except education, in the order of its levels ("9/12", "10/12"…,
      then other text); "Không" (no religion) is a value, not unknown;
    - ``coming_of_age``: "active" members (not those here on temporary activity, whose home
      organisation decides) who reach the organisation's coming-of-age age (a setting, 30 by
      default) in ``today``'s year or already did (the list of
      ``ws.events.coming_of_age(year)``);
    - the movements below are counted in ``today``'s year, or from the first day of
      ``quarter`` when one is given (the quarter's report), up to ``today``;
    - ``admissions``: members not deleted, whatever their status now, whose date of admission
      (ngày vào Đoàn) is in ``today``'s year up to ``today``: entered through the form,
      imported or set by an admission event alike (an admission of the year stays one even if
      the member left since), except those who came from another organisation (a transfer in
      or temporary activity here) and were not admitted here (no admission event);
    - ``transfers_in``: members (not deleted) with a transfer in (an event not deleted) dated
      in ``today``'s year up to ``today`` (as admissions and departures: a past day's figures,
      a quarter's report, leave out those dated after it): people, not events, as the union's
      report counts them (one who transferred in twice counts once);
    - ``temporary_arrivals``: members of other organisations who came to live here on
      temporary activity (sinh hoạt tạm events), counted as ``transfers_in`` (one whose stay
      was recorded twice, renewed, counts once);
    - ``departures``: members (not deleted) of this organisation who left it in ``today``'s
      year up to ``today``, each counted once, under the kind of their last leaving then: a
      transfer out, coming of age, expulsion (discipline "khai trừ") or striking off of a
      member on the roster as this organisation's own ("active" just before it, the events
      replayed). The end of a temporary activity here (a "temporary" member transferred back
      out to the home organisation) is not a departure: that member was another
      organisation's;
    - ``temporary_ended``: members on temporary activity here whose stay ended in ``today``'s
      year up to ``today`` (back home, transferred in for good, come of age or off the roster),
      each counted once: with the arrivals and departures, the movements of ``total`` (which
      counts them while they are here);
    - youth: the register's young people not deleted and not yet admitted on ``today`` (one
      admitted since, a past day's statistics count among them).
    """

    today: dt.date
    total: int
    all_members: int
    by_branch: dict[str, int]
    by_status: dict[str, int]
    by_gender: dict[str, int]
    by_age_band: dict[str, int]
    by_ethnicity: dict[str, int]
    by_religion: dict[str, int]
    by_education: dict[str, int]
    coming_of_age: int
    admissions: int
    transfers_in: int
    departures: dict[str, int]
    youth_total: int
    youth_in_hardship: int
    youth_working_away: int
    temporary_arrivals: int = 0
    temporary_ended: int = 0
    coming_of_age_age: int = COMING_OF_AGE
    """The organisation's coming-of-age age these figures were counted with."""
    quarter: int | None = None
    """The quarter (1 to 4) whose movements are counted, from its first day up to ``today``;
    None: the year's, from 01/01."""

    @property
    def first_day(self) -> dt.date:
        """The first day of the movements counted (:func:`.periods.period_start`)."""
        return period_start(self.today, self.quarter)

    @property
    def departures_total(self) -> int:
        return sum(self.departures.values())

    @property
    def temporary(self) -> int:
        """Members of other organisations on temporary activity here: part of ``total``."""
        return self.by_status.get(STATUSES["temporary"], 0)


def age_band(age: int, coming_of_age: int = COMING_OF_AGE) -> str:
    for label, low, high in age_bands(coming_of_age):
        if low <= age <= high:
            return label
    return OUT_OF_RANGE


def _most_common_first(spelling: tuple[str, int]) -> tuple[int, str]:
    # On a tie, the first in code point order ("Kinh" before "kinh", as SQLite orders text), so
    # that the label never depends on the order in which the groups were read.
    value, n = spelling
    return -n, value


_GRADE = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*$")


def education_order(label: str) -> tuple[int, int, int, str]:
    """Levels of general education in their order ("9/12" before "10/12" before "12/12", the
    old 10-year system's "7/10" by its share), then any other text, by collation."""
    match = _GRADE.match(label)
    if match is not None:
        grade, of = int(match.group(1)), int(match.group(2))
        if 0 < grade <= of:
            return (0, grade * 12 // of, grade, "")
    return (1, 0, 0, collation_key(label))


def _by_text(
    counts: Iterable[tuple[str | None, int]],
    order: Callable[[str], Any] | None = None,
) -> dict[str, int]:
    """Free-text values grouped ignoring case and tones; most frequent first (or in ``order``
    of their labels), "Chưa rõ" last."""
    totals: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    unknown = 0
    for value, n in counts:
        key = fold(value)
        if not key:
            unknown += n
            continue
        totals[key] += n
        spellings.setdefault(key, Counter())[value or ""] += n
    labels = {key: min(spellings[key].items(), key=_most_common_first)[0] for key in totals}
    if order is None:
        ordered = sorted(totals, key=lambda k: (-totals[k], collation_key(labels[k])))
    else:
        ordered = sorted(totals, key=lambda k: order(labels[k]))
    result = {labels[k]: totals[k] for k in ordered}
    if unknown:
        result[UNKNOWN] = unknown
    return result


class StatisticsService:
    """``ws.statistics``: counts computed on demand.

    At 100,000 members the member counts take about 0.1 s, so they are kept until the roster
    or the youth register changes (the storage's change log, :mod:`doancoso.core.changes`),
    ``today`` changes or the organisation's coming-of-age age changes (read fresh on
    every call, and part of the cache key). Chi đoàn names and the youth register are always
    read fresh (cheap).
    """

    def __init__(self, ctx: WorkspaceContext) -> None:
        self._ctx = ctx
        self._cache: (
            tuple[tuple[int, str, dt.date, dt.date, int], _MemberTally, list[Any],
                  tuple[dict[str, int], int]] | None
        ) = None  # fmt: skip
        self._cache_lock = threading.Lock()  # the worker and the GUI thread may both ask

    def roster(self, today: dt.date | None = None, quarter: int | None = None) -> RosterStats:
        """The roster's statistics on ``today`` (see :class:`RosterStats` for what counts); the
        movements (admissions, transfers, arrivals, departures) counted from 01/01, or from the
        first day of ``quarter`` (1 to 4: the quarter's report; ``today`` must fall in it,
        else ValueError)."""
        today = today or dt.date.today()
        first = period_start(today, quarter)
        year, md = today.year, birthdays_through(today)
        coming_of_age = self._ctx.coming_of_age()
        params = {
            "org": self._ctx.organization_id,
            "today": today.isoformat(),
            "first": first.isoformat(),
            # The period's admissions, transfers and departures up to ``today``: the figures of
            # 30/09 (a quarter's report) leave out those recorded for a day after it.
            "last": today.isoformat(),
            "coming_before": dt.date(year - coming_of_age + 1, 1, 1).isoformat(),
            # Born on or before this day k years ago: aged k or more. As text, so that on 29
            # February (and on 28 February, which is 29 February's birthday in a year without
            # one) the bound of a year without one still compares like (year, month, day).
            **{f"aged_{k}": f"{year - k:04d}-{md}" for k in _AGE_EDGES},
            "aged_beyond": f"{year - coming_of_age - 1:04d}-{md}",  # older than the bands
        }
        log = self._ctx.db.changes
        changed = log.last_touch(*ROSTER_TABLES, "youths")
        key = (changed, self._ctx.organization_id, today, first, coming_of_age)
        # Inside a snapshot that commits have passed since, the cache is neither used nor kept.
        pinned = self._ctx.db.pinned_generation()
        keep = pinned is None or pinned == log.generation
        with self._cache_lock, self._ctx.db.read() as session:
            cached = self._cache if keep else None
            if cached is None or cached[0] != key:
                tally = _MemberTally()
                past = today < dt.date.today()
                rows = (
                    _members_on(session, today, params)
                    if past
                    else session.execute(text(_MEMBERS), params)
                )
                for row in rows:
                    tally.add(*row)
                tally.admissions = int(session.execute(text(_ADMISSIONS), params).scalar_one())
                events = list(session.execute(text(_EVENTS), params))
                leavers = list(session.execute(text(_LEAVERS_EVENTS), params))
                cached = (key, tally, events, _departures(leavers, first, today))
                if keep:
                    self._cache = cached
            branch_rows = list(session.execute(text(_BRANCHES), params))
            youth_total, hardship, away = session.execute(text(_YOUTH), params).one()
            _, tally, event_rows, (departures, ended) = cached
        return RosterStats(
            today=today,
            quarter=quarter,
            total=tally.total,
            all_members=tally.all_members,
            by_branch=_by_branch(tally.branches, branch_rows),
            by_status=_by_code(STATUSES, tally.statuses),
            by_gender=_by_code(GENDERS, tally.genders),
            by_age_band=tally.age_bands(coming_of_age),
            by_ethnicity=_by_text(tally.ethnicities.items()),
            by_religion=_by_text(tally.religions.items()),
            by_education=_by_text(tally.educations.items(), education_order),
            coming_of_age=tally.coming_of_age,
            admissions=tally.admissions,
            transfers_in=_count_kind(event_rows, "transfer_in"),
            temporary_arrivals=_count_kind(event_rows, "temporary"),
            departures=departures,
            temporary_ended=ended,
            youth_total=int(youth_total or 0),
            youth_in_hardship=int(hardship or 0),
            youth_working_away=int(away or 0),
            coming_of_age_age=coming_of_age,
        )

    def statuses_on(self, day: dt.date) -> dict[str, str]:
        """Each member on the roster at the end of ``day`` → their status then, as
        :meth:`roster` counts them: on a past day (the dossier of a past year) replayed from
        the events (:func:`status_replay`), so that a member admitted since is left out and
        one who left since is there; today or later, every live member with their status."""
        params = {"org": self._ctx.organization_id}
        with self._ctx.db.read() as session:
            rows = list(session.execute(text(_EACH_STATUS), params))
            if day >= dt.date.today():
                return {member_id: status for member_id, status in rows}
            status_then = status_replay(session, self._ctx.organization_id, day)
            found: dict[str, str] = {}
            for member_id, status in rows:
                then = status_then(member_id, status)
                if then is not None:
                    found[member_id] = then
            return found

    def youths_on(self, day: dt.date) -> set[str]:
        """The young people of the register not yet in the union at the end of ``day``, as
        :meth:`roster` counts them on that day: those not admitted, and those admitted since."""
        params = {"org": self._ctx.organization_id, "today": day.isoformat()}
        with self._ctx.db.read() as session:
            return set(session.scalars(text(_YOUTH_IDS), params))


@dataclass
class _MemberTally:
    """The groups of the members query added up: counts by code or stored text, not labels."""

    all_members: int = 0
    total: int = 0  # the active roster; every count below is of it, except ``statuses``
    coming_of_age: int = 0
    admissions: int = 0  # of any status: not from the groups, see _ADMISSIONS
    statuses: Counter[str] = field(default_factory=Counter)
    branches: Counter[str | None] = field(default_factory=Counter)
    genders: Counter[str | None] = field(default_factory=Counter)
    ethnicities: Counter[str | None] = field(default_factory=Counter)
    religions: Counter[str | None] = field(default_factory=Counter)
    educations: Counter[str | None] = field(default_factory=Counter)
    # Per edge, in order, then aged over the coming-of-age age (the query's ``aged_beyond``).
    aged: list[int] = field(default_factory=lambda: [0] * (len(_AGE_EDGES) + 1))

    def add(
        self,
        status: str,
        branch_id: str | None,
        gender: str | None,
        ethnicity: str | None,
        religion: str | None,
        education: str | None,
        n: int,
        coming_of_age: int,
        *aged: int,
    ) -> None:
        self.all_members += n
        self.statuses[status] += n
        if status not in ACTIVE_STATUSES:
            return
        self.total += n
        if status == "active":  # a temporary member's home organisation decides it
            self.coming_of_age += coming_of_age
        self.branches[branch_id] += n
        self.genders[gender] += n
        self.ethnicities[ethnicity] += n
        self.religions[religion] += n
        self.educations[education] += n
        self.aged = [a + b for a, b in zip(self.aged, aged, strict=True)]

    def age_bands(self, coming_of_age: int) -> dict[str, int]:
        aged = dict(zip((*_AGE_EDGES, coming_of_age + 1), self.aged, strict=True))
        bands = {label: aged[low] - aged[high + 1] for label, low, high in age_bands(coming_of_age)}
        return bands | {OUT_OF_RANGE: self.total - sum(bands.values())}


def status_breakdown(counts: dict[str, int]) -> dict[str, int]:
    """Members per status code → per status label as ``by_status`` gives them: every status in
    its order (even at 0), then "Chưa rõ" for any other code; sums to the members counted."""
    return _by_code(STATUSES, Counter(counts))


def _by_code(labels: dict[str, str], counts: Counter[str] | Counter[str | None]) -> dict[str, int]:
    """Every label of a vocabulary (even at 0), in its order, then "Chưa rõ" if any."""
    result = {label: counts[code] for code, label in labels.items()}
    unknown = sum(n for code, n in counts.items() if code not in labels)
    return result | ({UNKNOWN: unknown} if unknown else {})


def _by_branch(counts: Counter[str | None], branches: list[Any]) -> dict[str, int]:
    """Every chi đoàn in Vietnamese order (deleted ones only while they have members), then
    "Chưa có chi đoàn" (as the roster's filter says) for members without one."""
    counts = counts.copy()
    shown = [(i, name) for i, name, gone in branches if gone is None or counts[i]]
    shown.sort(key=lambda r: collation_key(r[1]))
    result = {name: counts.pop(i, 0) for i, name in shown}
    if sum(counts.values()):
        result[UNASSIGNED] = sum(counts.values())
    return result


def _count_kind(rows: list[Any], wanted: str) -> int:
    """The members with an event of kind ``wanted`` (transfers in, arrivals on temporary
    activity), from the events query."""
    return sum(n for kind, n in rows if kind == wanted)


def _departure_label(event: EventRow) -> str | None:
    if event.kind == "discipline":
        return DEPARTURE_LABELS["expelled"] if event.discipline_level == "expulsion" else None
    return DEPARTURE_LABELS.get(event.kind)


def _departures(rows: list[Any], since: dt.date, until: dt.date) -> tuple[dict[str, int], int]:
    """Members who left from ``since`` to ``until`` by the label of their last leaving then,
    and the members whose temporary activity here ended then, from every live event of the
    members with a departure event or a transfer in then (``member_id`` first). Each member's
    events are replayed to know the status before each event: only a member on the roster as
    ours ("active") leaves; a "temporary" one's stay ends (back home, transferred in for good,
    or off the roster), counted once."""
    by_member: dict[str, list[EventRow]] = {}
    for member_id, *columns in rows:
        event_date = columns[2]
        if isinstance(event_date, str):  # raw SQL gives SQLite's ISO text
            columns[2] = dt.date.fromisoformat(event_date)
        by_member.setdefault(member_id, []).append(EventRow(member_id, *columns))
    departures = dict.fromkeys(DEPARTURE_LABELS.values(), 0)
    ended = 0
    for events in by_member.values():
        timeline = sorted(events, key=event_order)
        status = baseline_status(_NoStatus(), timeline)
        last: str | None = None
        stay_ended = False
        for event, after in zip(timeline, lenient_replay(timeline, status), strict=True):
            label = _departure_label(event)
            within = since <= event.event_date <= until
            if label is not None and within and status == "active" and after not in ACTIVE_STATUSES:
                last = label
            if within and status == "temporary" and after != "temporary":
                stay_ended = True
            status = after
        if last is not None:
            departures[last] += 1
        ended += stay_ended
    return departures, ended


class _NoStatus:
    """A member whose events are known: the baseline comes from the first event, never this."""

    status = ""


# The queries, in SQL. The members query groups by every column a breakdown needs, in the order
# of the index ix_members_org_stats: SQLite then reads each group whole and counts it as it goes
# (at 100,000 members, about 0.1 s), where a GROUP BY in any other order sorts every row first
# (0.3 to 0.4 s). The birth date is not grouped by (thousands of dates would make too many
# groups): each group counts its members aged at least each edge of the age bands on ``today``,
# comparing ISO dates as text, and those who reach the coming-of-age age this year or already
# did.
_LIVE = "organization_id = :org AND deleted_at IS NULL"
_GROUPS = "status, branch_id, gender, ethnicity, religion, education"
_KINDS = ", ".join(repr(k) for k in ("transfer_in", "temporary"))
_MEMBERS = f"""
    SELECT {_GROUPS}, count(*), count(*) FILTER (WHERE birth_date < :coming_before),
           {", ".join(f"count(*) FILTER (WHERE birth_date <= :aged_{k})" for k in _AGE_EDGES)},
           count(*) FILTER (WHERE birth_date <= :aged_beyond)
    FROM members WHERE {_LIVE} GROUP BY {_GROUPS}"""
_EACH_MEMBER = f"""
    SELECT id, {_GROUPS}, 1, coalesce(birth_date < :coming_before, 0),
           {", ".join(f"coalesce(birth_date <= :aged_{k}, 0)" for k in _AGE_EDGES)},
           coalesce(birth_date <= :aged_beyond, 0)
    FROM members WHERE {_LIVE}"""
_EACH_STATUS = f"SELECT id, status FROM members WHERE {_LIVE}"


def _members_on(
    session: Session, day: dt.date, params: dict[str, Any]
) -> Iterator[tuple[Any, ...]]:
    """Each member as the roster stood at the end of a past ``day`` (the dossier of a past year
    counts its roster at 31/12), in :data:`_MEMBERS`' columns, one row a member, with their
    status then (:func:`status_replay`). The other fields are today's (their history is not
    kept)."""
    status_then = status_replay(session, params["org"], day)
    for member_id, status, *rest in session.execute(text(_EACH_MEMBER), params):
        then = status_then(member_id, status)
        if then is not None:
            yield (then, *rest)


def status_replay(
    session: Session, organization_id: str, day: dt.date
) -> Callable[[str, str], str | None]:
    """``status_then(member_id, stored_status)``: a member's status at the end of a past
    ``day``, or None when they are not counted then. On the active roster when a period of
    theirs (:func:`~..lifecycle.periods.active_periods`) covers the day, with their status of
    that day replayed from the events; a member whose time here began after it is not counted;
    one who had left by then counts under their status then (None when they have come back
    since: no status of that day to count them under)."""
    from ..lifecycle.periods import active_periods
    from ..rating.eligibility import statuses_on

    periods = active_periods(session, organization_id)
    then = statuses_on(session, organization_id, day)

    def status_then(member_id: str, status: str) -> str | None:
        spans = periods.get(member_id, [])
        if spans and all(p.start is not None and p.start > day for p in spans):
            return None  # not here yet
        on_roster = any(p.covers(day) for p in spans)
        status_on_day = then.get(member_id, status)
        if on_roster and status_on_day not in ACTIVE_STATUSES:
            return "active"
        if not on_roster and spans and status_on_day in ACTIVE_STATUSES:
            return None if status in ACTIVE_STATUSES else status
        return status_on_day

    return status_then


# Admissions of the year, from the members' date of admission. No index holds that date, and
# going through one on organization_id and deleted_at fetches every member's row by its rowid
# (about 0.17 s at 100,000 members); reading the table straight through is about 0.03 s.
# A member who came from elsewhere (a transfer in or temporary activity here) and has no
# admission event here was admitted by another organisation: not one of ours. The events of
# the few members admitted this year are looked up through ix_member_events_member.
_ARRIVED = "e.member_id = m.id AND e.deleted_at IS NULL AND e.kind"
_ADMISSIONS = f"""
    SELECT count(*) FROM members AS m NOT INDEXED
    WHERE m.organization_id = :org AND m.deleted_at IS NULL
      AND m.admission_date BETWEEN :first AND :last
      AND NOT (EXISTS (SELECT 1 FROM member_events AS e
                       WHERE {_ARRIVED} IN ('transfer_in', 'temporary'))
               AND NOT EXISTS (SELECT 1 FROM member_events AS e
                               WHERE {_ARRIVED} = 'admission'))"""
_BRANCHES = "SELECT id, name, deleted_at FROM branches WHERE organization_id = :org"


def count_admissions(session: Session, organization_id: str, first: dt.date, last: dt.date) -> int:
    """The admissions from ``first`` to ``last`` as the statistics count them (the members'
    date of admission; one who arrived from elsewhere without an admission here is not ours):
    the plan's measured target and the checklist's indicator use the same count."""
    params = {"org": organization_id, "first": first, "last": last}
    return int(session.execute(text(_ADMISSIONS), params).scalar_one())


# The arrivals of the period, in people (the union's report counts people): a member who
# transferred in twice, or whose stay here was recorded twice (renewed), counts once.
_EVENTS = f"""
    SELECT e.kind, count(DISTINCT e.member_id)
    FROM member_events e JOIN members m ON m.id = e.member_id
    WHERE e.organization_id = :org AND e.deleted_at IS NULL AND m.deleted_at IS NULL
      AND e.kind IN ({_KINDS}) AND e.event_date BETWEEN :first AND :last
    GROUP BY 1"""
# Every live event of the members (not deleted) with a departure event or a transfer in in the
# year, for the replay that tells a member who left from one on temporary activity going home
# (or transferred in for good). A few hundred members a year: their events are found through
# ix_member_events_member.
_LEAVERS_EVENTS = f"""
    SELECT e.member_id, e.id, e.kind, e.event_date, e.sequence, e.status_before,
           e.discipline_level
    FROM member_events e
    WHERE e.deleted_at IS NULL AND e.member_id IN (
        SELECT d.member_id FROM member_events d JOIN members m ON m.id = d.member_id
        WHERE d.organization_id = :org AND d.deleted_at IS NULL AND m.deleted_at IS NULL
          AND d.kind IN ({", ".join(repr(k) for k in ("transfer_in", *DEPARTURE_KINDS))})
          AND d.event_date BETWEEN :first AND :last)"""
# The young people not yet in the union on ``today``: one admitted since (the date of admission
# of the member the admission made is later: the statistics of a past year) is still counted.
_NOT_YET_MEMBERS = """
    FROM youths
    WHERE organization_id = :org AND deleted_at IS NULL AND NOT EXISTS (
        SELECT 1 FROM members m WHERE m.id = youths.admitted_member_id AND m.deleted_at IS NULL
          AND (m.admission_date IS NULL OR m.admission_date <= :today))"""
_YOUTH = f"""
    SELECT count(*), coalesce(sum(in_hardship), 0), coalesce(sum(working_away), 0)
    {_NOT_YET_MEMBERS}"""
_YOUTH_IDS = f"SELECT id {_NOT_YET_MEMBERS}"
