"""The members introduced to the Party in a period, as one query: the register lists them
(:meth:`~doancoso.core.lifecycle.service.EventService.party_introductions`) and a plan's target
and the checklist count them (:mod:`doancoso.core.plans.measures`), so that a dossier's list
has exactly as many names as its figure says."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from sqlalchemy import Select

from ..storage.live import is_live
from ..storage.models import Member, MemberEvent

PARTY_INTRODUCTION = "party_introduction"
S = TypeVar("S", bound=Select[*tuple[Any, ...]])


def introduced(stmt: S, org: str, first: dt.date | None = None, last: dt.date | None = None) -> S:
    """``stmt`` (selecting from MemberEvent) joined to the member and restricted to the live
    introductions of live members of ``org``, dated from ``first`` to ``last`` when given."""
    stmt = stmt.join(Member, Member.id == MemberEvent.member_id).where(
        MemberEvent.organization_id == org,
        MemberEvent.kind == PARTY_INTRODUCTION,
        is_live(MemberEvent),
        is_live(Member),
    )
    if first is not None:
        stmt = stmt.where(MemberEvent.event_date >= first)
    if last is not None:
        stmt = stmt.where(MemberEvent.event_date <= last)
    return stmt
