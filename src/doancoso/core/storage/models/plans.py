"""The tables of work plans and the activity calendar (criterion 2): the yearly plan and its
targets, activities and their occurrences, attendance, minutes of chi đoàn meetings."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Travelling


class Plan(Travelling, Base):
    """The yearly work plan (kế hoạch công tác năm) of an organisation: one per year.

    ``registration_state`` is ``chua-dang-ky``, ``da-gui`` or ``da-duyet`` (see
    :mod:`doancoso.core.plans.rules`).
    """

    __tablename__ = "plans"
    __table_args__ = (
        Index(
            "uq_plans_org_year",
            "organization_id",
            "year",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[str | None] = mapped_column(String(50))
    plan_date: Mapped[date | None] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(500))
    grounds: Mapped[str | None] = mapped_column(Text)
    purposes: Mapped[str | None] = mapped_column(Text)
    content: Mapped[str | None] = mapped_column(Text)
    implementation: Mapped[str | None] = mapped_column(Text)
    registration_state: Mapped[str] = mapped_column(String(20), default="chua-dang-ky")
    registered_on: Mapped[date | None] = mapped_column(Date)
    registration_number: Mapped[str | None] = mapped_column(String(50))


class PlanTarget(Travelling, Base):
    """A target (chỉ tiêu) of a plan. ``measure`` names what the app computes for it (see
    :data:`doancoso.core.plans.measures.MEASURES`); without one, ``achieved`` is entered."""

    __tablename__ = "plan_targets"
    __table_args__ = (Index("ix_plan_targets_plan", "plan_id", "position"),)

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    criterion: Mapped[int | None] = mapped_column(Integer)
    planned: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(100))
    measure: Mapped[str | None] = mapped_column(String(40))
    measure_kind: Mapped[str | None] = mapped_column(String(40))
    achieved: Mapped[float | None] = mapped_column(Float)


class ActivityKind(Travelling, Base):
    """A kind of activity the organisation added to the built-in list
    (:data:`doancoso.core.activities.rules.BUILTIN_KINDS`)."""

    __tablename__ = "activity_kinds"

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    colour: Mapped[str] = mapped_column(String(7))


class Activity(Travelling, Base):
    """An activity, once or recurring (``rule``: an RFC 5545 RRULE that always ends).

    Its dates are stored as :class:`Occurrence` rows, so that one can be moved, cancelled or
    given results without touching the others. ``branch_ids`` and ``target_ids`` are JSON
    lists (empty ``branch_ids``: the whole organisation).
    """

    __tablename__ = "activities"
    __table_args__ = (Index("ix_activities_org", "organization_id", "deleted_at"),)

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(40))
    start_date: Mapped[date] = mapped_column(Date)
    start_time: Mapped[str | None] = mapped_column(String(5))
    end_date: Mapped[date | None] = mapped_column(Date)
    end_time: Mapped[str | None] = mapped_column(String(5))
    place: Mapped[str | None] = mapped_column(String(300))
    branch_ids: Mapped[str] = mapped_column(Text, default="[]")
    target_ids: Mapped[str] = mapped_column(Text, default="[]")
    partners: Mapped[str | None] = mapped_column(Text)
    expected_participants: Mapped[int | None] = mapped_column(Integer)
    rule: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str | None] = mapped_column(Text)


class Occurrence(Travelling, Base):
    """One date of an activity. ``original_date`` is the date the rule gave (the RECURRENCE-ID
    of a moved one); ``status``: ``du-kien``, ``da-thuc-hien``, ``hoan`` or ``huy``. The results
    are those of this date only."""

    __tablename__ = "occurrences"
    __table_args__ = (
        Index("ix_occurrences_org_date", "organization_id", "deleted_at", "day"),
        Index("ix_occurrences_activity", "activity_id", "original_date"),
    )

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    activity_id: Mapped[str] = mapped_column(ForeignKey("activities.id"))
    original_date: Mapped[date] = mapped_column(Date)
    day: Mapped[date] = mapped_column(Date)
    start_time: Mapped[str | None] = mapped_column(String(5))
    end_day: Mapped[date | None] = mapped_column(Date)
    end_time: Mapped[str | None] = mapped_column(String(5))
    place: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20), default="du-kien")
    participants: Mapped[int | None] = mapped_column(Integer)
    results: Mapped[str | None] = mapped_column(Text)
    resources: Mapped[str | None] = mapped_column(Text)
    # Whether attendance was taken: only such occurrences count in the participation rates.
    attendance_taken: Mapped[bool] = mapped_column(Boolean, default=False)


class Attendance(Travelling, Base):
    """A member expected at an occurrence and whether they came: ``present``, ``excused``
    (vắng có phép) or ``absent``; ``reason`` of an absence, for the minutes."""

    __tablename__ = "attendance"
    __table_args__ = (
        Index("ix_attendance_occurrence", "occurrence_id", "member_id"),
        Index("ix_attendance_member", "member_id"),
    )

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    occurrence_id: Mapped[str] = mapped_column(ForeignKey("occurrences.id"))
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"))
    state: Mapped[str] = mapped_column(String(10), default="absent")
    reason: Mapped[str | None] = mapped_column(String(300))


class Minutes(Travelling, Base):
    """The minutes (biên bản) of a chi đoàn meeting: one per occurrence. Time and place are the
    occurrence's, present and absent its attendance."""

    __tablename__ = "minutes"
    __table_args__ = (Index("ix_minutes_occurrence", "occurrence_id"),)

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    occurrence_id: Mapped[str] = mapped_column(ForeignKey("occurrences.id"))
    number: Mapped[str | None] = mapped_column(String(50))
    chair: Mapped[str | None] = mapped_column(String(200))
    recorder: Mapped[str | None] = mapped_column(String(200))
    guests: Mapped[str | None] = mapped_column(Text)
    agenda: Mapped[str | None] = mapped_column(Text)
    content: Mapped[str | None] = mapped_column(Text)
    resolutions: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[str | None] = mapped_column(String(5))
