"""The app's own records cited by a checklist item as live evidence (the roster, the youth
register, the plan, activities of a kind, minutes, the rating round, the register of criterion
3): each read now, with its current figure, never copied into the checklist."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from ..activities.rules import BUILTIN_KINDS, DONE
from ..context import WorkspaceContext
from ..lang.dates import format_vn_date
from ..lang.text import vn_number
from ..lifecycle.rules import ACTIVE_STATUSES
from ..plans.measures import measure
from ..plans.rules import REGISTRATION_STATES
from ..storage.live import is_live
from ..storage.models import (
    Activity,
    AdviceRecord,
    CoordinationRecord,
    Member,
    Minutes,
    Occurrence,
    Plan,
    Rating,
    RatingRound,
    Youth,
)
from ..youth.service import admitted_live, follow_up_live, is_minority, is_religious
from .registers import in_period
from .template import RECORDS


@dataclass(frozen=True)
class LiveRecord:
    key: str
    label: str
    text: str  # the record with its figure now


def live_record(
    ctx: WorkspaceContext,
    session: Session,
    key: str,
    year: int,
    covered: Collection[str] = (),
) -> LiveRecord:
    """One record (a key of :data:`~.template.RECORDS`, or ``activities:<kind>``) as it is;
    ``covered``: the members the year's rating round covers (``RatingService.covered``), the
    only ones whose levels the "rating" record counts, as the round's results do."""
    base, _, kind = key.partition(":")
    org = ctx.organization_id
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)

    def count(stmt: Select[int]) -> int:
        return int(session.scalar(stmt) or 0)

    if base == "roster":
        active, temporary = session.execute(
            select(func.count(), func.coalesce(func.sum(Member.status == "temporary"), 0)).where(
                is_live(Member, org), Member.status.in_(ACTIVE_STATUSES)
            )
        ).one()
        text = f"{vn_number(active)} đoàn viên đang sinh hoạt"
        if temporary:  # as the statistics and the Chi đoàn page say what the number holds
            text += f" (kể cả {vn_number(temporary)} sinh hoạt tạm)"
    elif base == "youth-register":
        # The counts of criterion 1's lists, each as the register's filter of that name counts
        # it (minority and religion are read in Python, as the filter reads them).
        follow = aliased(Member)
        rows = session.execute(
            select(
                Youth.in_hardship,
                Youth.ethnicity,
                Youth.religion,
                select(follow.id).where(follow_up_live(follow)).exists(),
            ).where(is_live(Youth, org), ~admitted_live())
        ).all()
        figures = (
            (sum(1 for r in rows if r[0]), "có hoàn cảnh khó khăn"),
            (sum(1 for r in rows if is_minority(r[1])), "dân tộc thiểu số"),
            (sum(1 for r in rows if is_religious(r[2])), "có tôn giáo"),
            (sum(1 for r in rows if r[3]), "có đoàn viên theo dõi (1+1)"),
        )
        text = ", ".join(
            [f"{vn_number(len(rows))} thanh niên"] + [f"{vn_number(n)} {w}" for n, w in figures]
        )
    elif base == "plan":
        plan = session.scalar(select(Plan).where(is_live(Plan, org), Plan.year == year))
        if plan is None:
            text = f"chưa có kế hoạch năm {year}"
        else:
            state = REGISTRATION_STATES.get(plan.registration_state, plan.registration_state)
            sent = f" ngày {format_vn_date(plan.registered_on)}" if plan.registered_on else ""
            text = f"năm {year}, số {plan.number or '(chưa có số)'}; đăng ký: {state.lower()}{sent}"
    elif base in ("activities", "minutes"):
        stmt = (
            select(func.count())
            .select_from(Occurrence)
            .join(Activity, Activity.id == Occurrence.activity_id)
            .where(
                is_live(Occurrence, org),
                Occurrence.status == DONE,
                Occurrence.day >= first,
                Occurrence.day <= last,
            )
        )
        if base == "minutes":
            stmt = stmt.join(Minutes, Minutes.occurrence_id == Occurrence.id).where(
                Minutes.deleted_at.is_(None)
            )
            text = f"{vn_number(count(stmt))} biên bản trong năm {year}"
        else:
            if kind:
                stmt = stmt.where(Activity.kind == kind)
            name = BUILTIN_KINDS.get(kind, (kind, ""))[0] if kind else "mọi loại"
            text = f"{vn_number(count(stmt))} buổi “{name}” đã thực hiện trong năm {year}"
    elif base == "rating":
        round_row = session.scalar(
            select(RatingRound).where(is_live(RatingRound, org), RatingRound.year == year)
        )
        if round_row is None:
            text = f"chưa mở đợt xếp loại năm {year}"
        else:
            decided = sum(
                1
                for member_id in session.scalars(
                    select(Rating.member_id).where(
                        is_live(Rating),
                        Rating.round_id == round_row.id,
                        Rating.decided_level.is_not(None),
                    )
                )
                if member_id in covered
            )
            state = "đã kết thúc" if round_row.state == "closed" else "đang mở"
            text = f"năm {year} {state}, {vn_number(decided)} đoàn viên đã có mức xếp loại"
    elif base in ("advice", "coordination"):
        model = AdviceRecord if base == "advice" else CoordinationRecord
        n = count(
            select(func.count())
            .select_from(model)
            .where(is_live(model, org), in_period(model, first, last))
        )
        what = "văn bản" if base == "advice" else "chương trình"
        text = f"{vn_number(n)} {what} trong năm {year}"
    elif base == "party-introductions":  # as a plan's target measures them
        n = int(measure(ctx, session, "party-introductions", None, year, last) or 0)
        text = f"{vn_number(n)} đoàn viên trong năm {year}"
    else:
        raise ValueError(f"unknown record {key!r}")
    return LiveRecord(key, RECORDS[base], text)
