"""Statistics of the roster and the youth register, for the dashboard and the reports.

Everything is counted in SQLite with GROUP BY (a handful of queries, grouped by several columns
at once so the 100,000-member table is scanned only twice); Python only folds the groups into
the breakdowns shown.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from .context import WorkspaceContext
from .lifecycle_rules import ACTIVE_STATUSES, DEPARTURE_KINDS, DISCIPLINE_LEVELS, EVENT_KINDS
from .rules import COMING_OF_AGE
from .text import collation_key, fold
from .vocab import GENDERS, STATUSES

UNKNOWN = "Chưa rõ"
OUT_OF_RANGE = "Ngoài độ tuổi"
AGE_BANDS: tuple[tuple[str, int, int], ...] = (
    ("16–18", 16, 18),
    ("19–24", 19, 24),
    ("25–30", 25, 30),
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
      "active" and "temporary" (:data:`~doancoso.core.lifecycle_rules.ACTIVE_STATUSES`), so each
      of those breakdowns sums to ``total``;
    - ``by_status`` counts every non-deleted member, by status (all statuses listed, even at 0),
      and sums to ``all_members``;
    - ``by_branch`` lists every chi đoàn (even at 0) in Vietnamese order, then "Chưa rõ" for
      members without one;
    - ``by_age_band``: completed age on ``today`` (a birth known by its year counts as born on 1
      January); outside 16–30: "Ngoài độ tuổi";
    - ``by_ethnicity``/``by_religion``/``by_education``: the stored text, grouped ignoring case
      and tones (shown as the most common spelling), most frequent first; "Không" (no religion)
      is a value, not unknown;
    - ``coming_of_age``: active-roster members who reach 30 in ``today``'s year or already did
      (the list of ``ws.events.coming_of_age(year)``);
    - ``admissions``, ``transfers_in`` and ``departures``: events (not deleted, of members not
      deleted) dated in ``today``'s year; departures are transfers out, coming of age, expulsions
      (discipline "khai trừ") and strikings off;
    - youth: the register's young people not deleted and not yet admitted.
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

    @property
    def departures_total(self) -> int:
        return sum(self.departures.values())


def age_band(age: int) -> str:
    for label, low, high in AGE_BANDS:
        if low <= age <= high:
            return label
    return OUT_OF_RANGE


def _by_text(counts: Iterable[tuple[str | None, int]]) -> dict[str, int]:
    """Free-text values grouped ignoring case and tones; most frequent first, "Chưa rõ" last."""
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
    labels = {key: spellings[key].most_common(1)[0][0] for key in totals}
    ordered = sorted(totals, key=lambda k: (-totals[k], collation_key(labels[k])))
    result = {labels[k]: totals[k] for k in ordered}
    if unknown:
        result[UNKNOWN] = unknown
    return result


class StatisticsService:
    """``ws.statistics``: counts computed on demand.

    At 100,000 members the member queries take a few tenths of a second (their GROUP BY sorts
    dominate), so their results are kept until the roster changes
    (:meth:`WorkspaceContext.roster_changed`, called by every member, branch and event write)
    or ``today`` changes. Chi đoàn names and the youth register are always read fresh (cheap).
    """

    def __init__(self, ctx: WorkspaceContext) -> None:
        self._ctx = ctx
        self._cache: tuple[tuple[int, str, dt.date], dict[str, list[Any]]] | None = None

    def _query(self, today: dt.date) -> dict[str, list[Any]]:
        year = today.year
        params = {
            "org": self._ctx.organization_id,
            "md": f"{today.month:02d}-{today.day:02d}",
            "first": dt.date(year, 1, 1).isoformat(),
            "last": dt.date(year, 12, 31).isoformat(),
            "coming": f"{year - COMING_OF_AGE:04d}",
        }
        key = (self._ctx.roster_generation, self._ctx.organization_id, today)
        with self._ctx.db.read() as session:
            if self._cache is None or self._cache[0] != key:
                cached = {n: list(session.execute(text(_QUERIES[n]), params)) for n in _CACHED}
                self._cache = (key, cached)
            fresh = {n: list(session.execute(text(sql), params)) for n, sql in _QUERIES.items()
                     if n not in _CACHED}  # fmt: skip
        return self._cache[1] | fresh

    def roster(self, today: dt.date | None = None) -> RosterStats:
        """The roster's statistics on ``today`` (see :class:`RosterStats` for what counts)."""
        today = today or dt.date.today()
        year = today.year
        rows = self._query(today)
        shape, branch_rows = rows["shape"], rows["branch_names"]
        youth_total, hardship, away = rows["youth"][0]

        by_status: dict[str, int] = dict.fromkeys(STATUSES.values(), 0)
        by_gender: dict[str, int] = dict.fromkeys(GENDERS.values(), 0)
        by_age: dict[str, int] = {label: 0 for label, _, _ in AGE_BANDS} | {OUT_OF_RANGE: 0}
        total = all_members = coming = unknown_status = unknown_gender = 0
        for status, gender, born_shifted, reaches, n in shape:
            all_members += n
            if status in STATUSES:
                by_status[STATUSES[status]] += n
            else:
                unknown_status += n
            if status not in ACTIVE_STATUSES:
                continue
            total += n
            if gender in GENDERS:
                by_gender[GENDERS[gender]] += n
            else:
                unknown_gender += n
            by_age[age_band(year - born_shifted)] += n  # completed age
            coming += n if reaches else 0
        if unknown_status:
            by_status[UNKNOWN] = unknown_status
        if unknown_gender:
            by_gender[UNKNOWN] = unknown_gender

        counts: Counter[str | None] = Counter(dict(rows["branches"]))
        shown = [(i, name) for i, name, gone in branch_rows if gone is None or counts[i]]
        shown.sort(key=lambda r: collation_key(r[1]))
        by_branch = {name: counts.pop(i, 0) for i, name in shown}
        if sum(counts.values()):  # no chi đoàn, or one that no longer exists
            by_branch[UNKNOWN] = sum(counts.values())

        departures = dict.fromkeys(DEPARTURE_LABELS.values(), 0)
        admissions = transfers_in = 0
        for kind, level, n in rows["events"]:
            if kind == "admission":
                admissions += n
            elif kind == "transfer_in":
                transfers_in += n
            elif kind == "discipline":
                if level == "expulsion":
                    departures[DEPARTURE_LABELS["expelled"]] += n
            else:
                departures[DEPARTURE_LABELS[kind]] += n

        return RosterStats(
            today=today,
            total=total,
            all_members=all_members,
            by_branch=by_branch,
            by_status=by_status,
            by_gender=by_gender,
            by_age_band=by_age,
            by_ethnicity=_by_text((row[0], row[3]) for row in rows["people"]),
            by_religion=_by_text((row[1], row[3]) for row in rows["people"]),
            by_education=_by_text((row[2], row[3]) for row in rows["people"]),
            coming_of_age=coming,
            admissions=admissions,
            transfers_in=transfers_in,
            departures=departures,
            youth_total=int(youth_total or 0),
            youth_in_hardship=int(hardship or 0),
            youth_working_away=int(away or 0),
        )


# The queries, in SQL: each GROUP BY sorts its rows, and at 100,000 members the sort dominates,
# so each one groups by as few and as short columns as possible (a 36-character chi đoàn id only
# where needed). Dates are ISO text: the birth year and whether this year's birthday is still to
# come give the completed age. The free-text columns are read with a plain table scan (NOT
# INDEXED): through the roster index the same rows are visited at random, about 3x slower.
_LIVE = "organization_id = :org AND deleted_at IS NULL"
_ACTIVE = f"{_LIVE} AND status IN ({', '.join(repr(s) for s in ACTIVE_STATUSES)})"
_KINDS = ", ".join(repr(k) for k in ("admission", "transfer_in", *DEPARTURE_KINDS))
_CACHED = ("shape", "branches", "people", "events")
_QUERIES = {
    "shape": f"""
        SELECT status, gender,
               CAST(substr(birth_date, 1, 4) AS INTEGER) + (substr(birth_date, 6, 5) > :md),
               substr(birth_date, 1, 4) <= :coming, count(*)
        FROM members WHERE {_LIVE} GROUP BY 1, 2, 3, 4""",
    "branches": f"SELECT branch_id, count(*) FROM members WHERE {_ACTIVE} GROUP BY 1",
    "branch_names": "SELECT id, name, deleted_at FROM branches WHERE organization_id = :org",
    "people": f"""
        SELECT ethnicity, religion, education, count(*)
        FROM members NOT INDEXED WHERE {_ACTIVE} GROUP BY 1, 2, 3""",
    "events": f"""
        SELECT e.kind, e.discipline_level, count(*)
        FROM member_events e JOIN members m ON m.id = e.member_id
        WHERE e.organization_id = :org AND e.deleted_at IS NULL AND m.deleted_at IS NULL
          AND e.kind IN ({_KINDS}) AND e.event_date BETWEEN :first AND :last
        GROUP BY 1, 2""",
    "youth": """
        SELECT count(*), coalesce(sum(in_hardship), 0), coalesce(sum(working_away), 0)
        FROM youths
        WHERE organization_id = :org AND deleted_at IS NULL AND admitted_member_id IS NULL""",
}
