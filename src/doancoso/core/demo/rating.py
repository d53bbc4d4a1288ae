"""The demo's rating rounds: last year's rated and closed, this year's open and under way.

Last year has no attendance in the demo, so its participation rates are entered by hand, as a
secretary does for a year before the app. Every member the rules rate there has a training
result, most a self-assessment (some with its text), the chi đoàn's proposal with a remark, and
the level the Ban Chấp hành decided with the remark for the sổ đoàn viên (mostly the proposal,
sometimes not: the app marks those). Members on temporary activity have remarks only. Each chi
đoàn has its own level, the organisation its self-rating; the round is closed on 28 December.

This year's round is open: the rates come from the attendance of the calendar; the first half
of the chi đoàn (in Vietnamese order) sent their proposals, some members their
self-assessment, and the Ban Chấp hành decided the first chi đoàn's members. A few of their
members were on sick leave for some months, a few have not paid the year's dues in full (their
own random draws, so the rest of the demo stays as it was): the grid shows both, and the
suggestion capped by the rules.

Rows are written in bulk in the demo's transaction; eligibility and suggestions come from the
rating's own rules (:func:`~doancoso.core.rating.service.not_rated_reason`,
:func:`~doancoso.core.rating.rules.suggest`), so the rounds read back as the app computes them.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..lang.text import collation_key
from ..lifecycle.periods import Period, active_periods
from ..rating.rules import RatingRules, default_rules, suggest
from ..rating.service import CLOSED, OPEN, not_rated_reason
from ..storage.live import is_live
from ..storage.models import (
    Attendance,
    BranchRating,
    Member,
    MemberEvent,
    Occurrence,
    Rating,
    RatingRound,
    new_id,
)
from .calendar import MEMBERS_AS_SEEDED

MAX_RATED_MEMBERS = 5000  # larger demos (benchmarks of the roster) get no rating

_SELF_TEXTS = (
    "Luôn chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước; tham gia đầy "
    "đủ sinh hoạt chi đoàn.",
    "Tích cực tham gia “Ngày Chủ nhật xanh” và hiến máu tình nguyện; còn hạn chế trong việc học "
    "tập nâng cao trình độ.",
    "Hoàn thành nhiệm vụ được giao; đôi lúc vắng sinh hoạt do đi làm ăn xa.",
    "Có ý thức tổ chức kỷ luật; cần chủ động hơn trong các hoạt động của chi đoàn.",
)
_REMARKS = {
    1: "Gương mẫu, tích cực, tiêu biểu trong các phong trào của chi đoàn.",
    2: "Tham gia đầy đủ sinh hoạt, hoàn thành tốt nhiệm vụ được giao.",
    3: "Có tham gia hoạt động nhưng chưa đều; cần cố gắng hơn.",
    4: "Vắng sinh hoạt nhiều, chưa hoàn thành nhiệm vụ đoàn viên.",
}
_TEMPORARY_REMARK = (
    "Sinh hoạt tạm tại chi đoàn, tham gia hoạt động đầy đủ; đã gửi nhận xét về đơn vị gốc."
)
_TRAINING = (("xuat-sac", 25), ("kha", 45), ("dat", 25), ("khong-dat", 5))
_WEIGHT = {"reprimand": 1, "warning": 2, "expulsion": 3}
_SICK_MONTHS = (2, 4, 5)  # one within the default rule's 3 months, two over it


def generate_rating(
    session: Session,
    org: str,
    branches: list[dict[str, object]],
    today: dt.date,
    rng: random.Random,
) -> None:
    """Add last year's closed round and this year's open one (see the module's description)."""
    members = list(
        session.execute(
            select(Member.id, Member.branch_id, Member.status, Member.party_date)
            .where(is_live(Member, org))
            .order_by(*MEMBERS_AS_SEEDED)  # as the seed made them: draws follow this order
        )
    )
    periods = active_periods(session, org)
    order = sorted(branches, key=lambda b: collation_key(str(b["name"])))
    last_year = today.year - 1  # each round with the rules of its year (carried over past 2027)
    _last_year(session, org, default_rules(last_year), members, periods, order, last_year, rng)
    _this_year(session, org, default_rules(today.year), members, periods, order, today, rng)


def _round(org: str, rules: RatingRules, year: int, **extra: Any) -> dict[str, Any]:
    return {"id": new_id(), "organization_id": org, "year": year, "rules": rules.text,
            "state": OPEN, "history": "[]", **extra}  # fmt: skip


def _rating(org: str, round_id: str, member_id: str, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(
        ("participation", "training_registered", "training_result", "self_level", "self_text",
         "proposed_level", "proposed_remark", "decided_level", "remark", "sick_months",
         "dues_unpaid"),
    )  # fmt: skip
    row.update(id=new_id(), organization_id=org, round_id=round_id, member_id=member_id)
    row.update(values)
    return row


def _discipline(session: Session, org: str, year: int) -> dict[str, str]:
    heaviest: dict[str, str] = {}
    rows = session.execute(
        select(MemberEvent.member_id, MemberEvent.discipline_level).where(
            is_live(MemberEvent, org),
            MemberEvent.kind == "discipline",
            MemberEvent.event_date >= dt.date(year, 1, 1),
            MemberEvent.event_date <= dt.date(year, 12, 31),
        )
    )
    for member_id, level in rows:
        if level and _WEIGHT.get(level, 0) > _WEIGHT.get(heaviest.get(member_id, ""), 0):
            heaviest[member_id] = level
    return heaviest


def _in_year(
    members: list[Any], periods: dict[str, list[Period]], rules: RatingRules, year: int,
    as_of: dt.date,
) -> list[tuple[Any, str | None]]:  # fmt: skip
    """The members of ``year``'s round with why each is not rated (None: rated)."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    found = []
    for m in members:
        spans = [p for p in periods.get(m.id, []) if p.overlaps(first, last)]
        if spans:
            found.append((m, not_rated_reason(rules, m.status, m.party_date, spans, year, as_of)))
    return found


def _near(rng: random.Random, level: int, stay: float) -> int:
    """``level``, or one step away with probability ``1 - stay``."""
    if rng.random() < stay:
        return level
    return min(4, max(1, level + rng.choice((-1, 1))))


def _last_year(
    session: Session, org: str, rules: RatingRules, members: list[Any],
    periods: dict[str, list[Period]], branches: list[dict[str, object]], year: int,
    rng: random.Random,
) -> None:  # fmt: skip
    closed = dt.datetime(year, 12, 28, 9, 30)
    history = json.dumps([{"action": "close", "at": f"28/12/{year} 16:30"}])
    round_row = _round(org, rules, year, state=CLOSED, closed_at=closed, own_level=2,
                       history=history)  # fmt: skip
    session.execute(insert(RatingRound), [round_row])
    discipline = _discipline(session, org, year)
    rows = []
    decided_by_branch: dict[str, Counter[int]] = defaultdict(Counter)
    for m, reason in _in_year(members, periods, rules, year, dt.date(year, 12, 31)):
        if reason is not None:
            if m.status == "temporary":
                rows.append(_rating(org, round_row["id"], m.id, proposed_remark=_TEMPORARY_REMARK,
                                    remark=_TEMPORARY_REMARK))  # fmt: skip
            continue
        rate = round(min(1.0, max(0.3, rng.gauss(0.8, 0.15))), 2)
        training = rng.choices([t for t, _ in _TRAINING], [w for _, w in _TRAINING])[0]
        hint = suggest(rules, rate, discipline.get(m.id), training)
        level = hint.level or 3
        proposed = _near(rng, level, 0.85)
        decided = proposed if rng.random() < 0.92 else level
        decided_by_branch[str(m.branch_id)][decided] += 1
        rows.append(_rating(
            org, round_row["id"], m.id, participation=rate, training_registered=True,
            training_result=training, self_level=_near(rng, level, 0.7) if rng.random() < 0.9
            else None, self_text=rng.choice(_SELF_TEXTS) if rng.random() < 0.4 else None,
            proposed_level=proposed, proposed_remark=_REMARKS[proposed],
            decided_level=decided, remark=_REMARKS[decided],
        ))  # fmt: skip
    if rows:
        session.execute(insert(Rating), rows)
    levels = []
    for branch in branches:
        counts = decided_by_branch.get(str(branch["id"]))
        if not counts:
            continue
        good = (counts[1] + counts[2]) / sum(counts.values())
        level = 1 if good >= 0.85 else 2 if good >= 0.6 else 3
        levels.append({"id": new_id(), "organization_id": org, "round_id": round_row["id"],
                       "branch_id": branch["id"], "level": level, "remark": None})  # fmt: skip
    if levels:
        session.execute(insert(BranchRating), levels)


def _attendance_rates(session: Session, org: str, year: int) -> dict[str, float]:
    """Present / marked of each member this year (the demo's own attendance)."""
    marks: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rows = session.execute(
        select(Attendance.member_id, Attendance.state)
        .join(Occurrence, Occurrence.id == Attendance.occurrence_id)
        .where(
            is_live(Attendance, org),
            Occurrence.day >= dt.date(year, 1, 1),
            Occurrence.day <= dt.date(year, 12, 31),
        )
    )
    for member_id, state in rows:
        marks[member_id][0] += state == "present"
        marks[member_id][1] += 1
    return {m: present / total for m, (present, total) in marks.items() if total}


def _this_year(
    session: Session, org: str, rules: RatingRules, members: list[Any],
    periods: dict[str, list[Period]], branches: list[dict[str, object]], today: dt.date,
    rng: random.Random,
) -> None:  # fmt: skip
    round_row = _round(org, rules, today.year)
    session.execute(insert(RatingRound), [round_row])
    proposing = {str(b["id"]) for b in branches[: max(1, len(branches) // 2)]}
    deciding = str(branches[0]["id"]) if branches else None
    rates = _attendance_rates(session, org, today.year)
    discipline = _discipline(session, org, today.year)
    # Its own draws, ``rng``'s not taken, seeded by ``rng``'s state as text: ``hash()`` of the
    # state holds ``hash(None)``, an address on Python 3.11, other in every process.
    facts = random.Random(repr(rng.getstate()))
    rows = []
    for m, reason in _in_year(members, periods, rules, today.year, today):
        if reason is not None or str(m.branch_id) not in proposing or m.id not in rates:
            continue
        sick = facts.choice(_SICK_MONTHS) if facts.random() < 0.06 else None
        unpaid = True if facts.random() < 0.04 else None
        training = "xuat-sac" if rates[m.id] >= 0.9 and rng.random() < 0.6 else None
        hint = suggest(rules, rates[m.id], discipline.get(m.id), training, sick, unpaid)
        proposed = _near(rng, hint.level or 3, 0.85)
        decided = proposed if str(m.branch_id) == deciding else None
        rows.append(_rating(
            org, round_row["id"], m.id, training_registered=True, training_result=training,
            self_level=_near(rng, hint.level or 3, 0.7) if rng.random() < 0.6 else None,
            self_text=rng.choice(_SELF_TEXTS) if rng.random() < 0.3 else None,
            proposed_level=proposed, proposed_remark=_REMARKS[proposed] if rng.random() < 0.5
            else None, decided_level=decided, remark=_REMARKS[decided] if decided else None,
            sick_months=sick, dues_unpaid=unpaid,
        ))  # fmt: skip
    if rows:
        session.execute(insert(Rating), rows)
