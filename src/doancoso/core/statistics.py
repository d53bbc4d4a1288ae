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

from sqlalchemy import and_, func, literal, select

from .context import WorkspaceContext
from .lifecycle_rules import ACTIVE_STATUSES, DEPARTURE_KINDS, DISCIPLINE_LEVELS, EVENT_KINDS
from .models import Branch, Member, MemberEvent, Youth
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
    """``ws.statistics``: counts computed on demand (about 0.1 s at 100,000 members)."""

    def __init__(self, ctx: WorkspaceContext) -> None:
        self._ctx = ctx

    def roster(self, today: dt.date | None = None) -> RosterStats:
        """The roster's statistics on ``today`` (see :class:`RosterStats` for what counts)."""
        today = today or dt.date.today()
        org = self._ctx.organization_id
        year = today.year
        live = and_(Member.organization_id == org, Member.deleted_at.is_(None))
        # Dates are stored as ISO text: the year and whether the birthday is still to come.
        birth_year = func.substr(Member.birth_date, 1, 4)
        not_yet = func.substr(Member.birth_date, 6, 5) > literal(
            f"{today.month:02d}-{today.day:02d}"
        )
        shape = select(
            Member.status, Member.branch_id, Member.gender, birth_year, not_yet, func.count()
        ).where(live)
        shape = shape.group_by(Member.status, Member.branch_id, Member.gender, birth_year, not_yet)
        people = select(Member.ethnicity, Member.religion, Member.education, func.count())
        people = people.where(live, Member.status.in_(ACTIVE_STATUSES))
        people = people.group_by(Member.ethnicity, Member.religion, Member.education)
        events = (
            select(MemberEvent.kind, MemberEvent.discipline_level, func.count())
            .join(Member, Member.id == MemberEvent.member_id)
            .where(
                live,
                MemberEvent.deleted_at.is_(None),
                MemberEvent.event_date >= dt.date(year, 1, 1),
                MemberEvent.event_date <= dt.date(year, 12, 31),
                MemberEvent.kind.in_(("admission", "transfer_in", *DEPARTURE_KINDS)),
            )
            .group_by(MemberEvent.kind, MemberEvent.discipline_level)
        )
        youth = select(
            func.count(), func.sum(Youth.in_hardship), func.sum(Youth.working_away)
        ).where(
            Youth.organization_id == org,
            Youth.deleted_at.is_(None),
            Youth.admitted_member_id.is_(None),
        )
        branches = select(Branch.id, Branch.name, Branch.deleted_at).where(
            Branch.organization_id == org
        )
        with self._ctx.db.read() as session:
            shape_rows = session.execute(shape).tuples().all()
            people_rows = session.execute(people).tuples().all()
            event_rows = session.execute(events).tuples().all()
            youth_total, hardship, away = session.execute(youth).tuples().one()
            branch_rows = session.execute(branches).tuples().all()

        by_status: dict[str, int] = dict.fromkeys(STATUSES.values(), 0)
        by_gender: dict[str, int] = dict.fromkeys(GENDERS.values(), 0)
        by_age: dict[str, int] = {label: 0 for label, _, _ in AGE_BANDS} | {OUT_OF_RANGE: 0}
        branch_counts: Counter[str | None] = Counter()
        total = all_members = coming = 0
        unknown_status = unknown_gender = 0
        for status, branch_id, gender, born, later, n in shape_rows:
            all_members += n
            if status in STATUSES:
                by_status[STATUSES[status]] += n
            else:
                unknown_status += n
            if status not in ACTIVE_STATUSES:
                continue
            total += n
            branch_counts[branch_id] += n
            if gender in GENDERS:
                by_gender[GENDERS[gender]] += n
            else:
                unknown_gender += n
            by_age[age_band(year - int(born) - (1 if later else 0))] += n
            if int(born) + COMING_OF_AGE <= year:
                coming += n
        if unknown_status:
            by_status[UNKNOWN] = unknown_status
        if unknown_gender:
            by_gender[UNKNOWN] = unknown_gender

        shown = [(i, name) for i, name, gone in branch_rows if gone is None or branch_counts[i]]
        by_branch = {
            name: branch_counts.pop(i, 0)
            for i, name in sorted(shown, key=lambda r: collation_key(r[1]))
        }
        stray = sum(branch_counts.values())  # no chi đoàn, or one that no longer exists
        if stray:
            by_branch[UNKNOWN] = stray

        ethnicity: Counter[str | None] = Counter()
        religion: Counter[str | None] = Counter()
        education: Counter[str | None] = Counter()
        for eth, rel, edu, n in people_rows:
            ethnicity[eth] += n
            religion[rel] += n
            education[edu] += n

        departures = dict.fromkeys(DEPARTURE_LABELS.values(), 0)
        admissions = transfers_in = 0
        for kind, level, n in event_rows:
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
            by_ethnicity=_by_text(ethnicity.items()),
            by_religion=_by_text(religion.items()),
            by_education=_by_text(education.items()),
            coming_of_age=coming,
            admissions=admissions,
            transfers_in=transfers_in,
            departures=departures,
            youth_total=int(youth_total or 0),
            youth_in_hardship=int(hardship or 0),
            youth_working_away=int(away or 0),
        )
