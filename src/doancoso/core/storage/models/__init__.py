"""Database tables (SQLAlchemy 2.0 typed ORM): one base (:mod:`.base`), a module per domain.

Every table whose rows travel between machines mixes in :class:`Travelling` (DESIGN.md,
"Records that travel"); :data:`TRAVELLING_TABLES` lists them.
"""

from __future__ import annotations

from .base import NAMING_CONVENTION, AppMeta, Base, Travelling, new_id, utc_now
from .evidence import EvidenceFile
from .exchange import ExchangeBase, ExchangePeer, ExchangeRow
from .plans import Activity, ActivityKind, Attendance, Minutes, Occurrence, Plan, PlanTarget
from .rating import BranchRating, Rating, RatingRound, Setting
from .recognition import (
    AdviceRecord,
    Checklist,
    ChecklistAnswer,
    CoordinationRecord,
    CriteriaTemplate,
)
from .roster import Branch, Member, MemberEvent, Organization, Youth

TRAVELLING_TABLES: tuple[type[Travelling], ...] = (
    Organization, Branch, Member, MemberEvent, Youth, Plan, PlanTarget, ActivityKind, Activity,
    Occurrence, Attendance, Minutes, EvidenceFile, Setting, RatingRound, Rating, BranchRating,
    CriteriaTemplate, Checklist, ChecklistAnswer, AdviceRecord, CoordinationRecord,
)  # fmt: skip

__all__ = [
    "NAMING_CONVENTION", "TRAVELLING_TABLES", "Activity", "ActivityKind", "AdviceRecord", "AppMeta",
    "Attendance", "Base", "Branch", "BranchRating", "Checklist", "ChecklistAnswer",
    "CoordinationRecord", "CriteriaTemplate", "EvidenceFile", "ExchangeBase", "ExchangePeer",
    "ExchangeRow", "Member", "MemberEvent", "Minutes", "Occurrence", "Organization", "Plan",
    "PlanTarget", "Rating", "RatingRound", "Setting", "Travelling", "Youth", "new_id", "utc_now",
]  # fmt: skip
