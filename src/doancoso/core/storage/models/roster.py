"""The roster's tables: the organisation, its chi đoàn, members, events, the youth register."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from ..defaults import COMING_OF_AGE
from .base import Base, Travelling


class Organization(Travelling, Base):
    """A Đoàn cơ sở. The superior body is a setting: never assumed to be a district."""

    __tablename__ = "organizations"

    name: Mapped[str] = mapped_column(String(200))
    commune: Mapped[str | None] = mapped_column(String(200))
    province: Mapped[str | None] = mapped_column(String(200))
    superior_name: Mapped[str] = mapped_column(String(200))
    superior_short: Mapped[str | None] = mapped_column(String(50))
    secretary_name: Mapped[str | None] = mapped_column(String(200))
    # The age at which members come of age (trưởng thành Đoàn): a setting, since DOMAIN.md §4
    # could not verify it (see core/organization.py). Added by migration 0004, which appends it
    # to the table (ALTER TABLE ADD COLUMN): sort_order puts it last in a new database too, after
    # the travelling columns, so that new and upgraded databases list the same columns in the
    # same order.
    coming_of_age: Mapped[int] = mapped_column(
        Integer, default=COMING_OF_AGE, server_default=str(COMING_OF_AGE), sort_order=1
    )
    # Whether an absence with leave (vắng có phép) counts as attended in the participation rate
    # (DOMAIN.md §3 leaves it open: a setting, off by default). Added by migration 0007, last.
    leave_counts_as_attended: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default="0", sort_order=2
    )


class Branch(Travelling, Base):
    """A chi đoàn of an organisation."""

    __tablename__ = "branches"
    __table_args__ = (Index("ix_branches_org_name", "organization_id", "name_fold"),)

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    name: Mapped[str] = mapped_column(String(200))
    name_fold: Mapped[str] = mapped_column(String(200))


class Member(Travelling, Base):
    """An đoàn viên and the fields of the sổ đoàn viên (DOMAIN.md §4).

    ``sort_key`` and ``search_text`` are derived from the name (and ids) on every write so that
    the roster sorts and searches in SQL with an index.
    """

    __tablename__ = "members"
    __table_args__ = (
        # Covers the roster snapshot (core.roster.index): name order plus what it filters on.
        Index(
            "ix_members_org_sort",
            "organization_id",
            "deleted_at",
            "sort_key",
            "birth_date",
            "id",
            "branch_id",
            "status",
            "gender",
            "search_text",
        ),  # fmt: skip
        # Covers the statistics (core.statistics): the rows come ordered by what is counted,
        # so SQLite counts each group as it streams past instead of sorting 100,000 rows.
        Index(
            "ix_members_org_stats",
            "organization_id",
            "deleted_at",
            "status",
            "branch_id",
            "gender",
            "ethnicity",
            "religion",
            "education",
            "birth_date",
        ),  # fmt: skip
        Index("ix_members_branch", "branch_id"),
        Index(
            "uq_members_org_national_id",
            "organization_id",
            "national_id",
            unique=True,
            sqlite_where=text("deleted_at IS NULL AND national_id IS NOT NULL"),
        ),
        # The union's member code (mã định danh đoàn viên) names one member in an organisation,
        # like the CCCD. Added by migration 0006.
        Index(
            "uq_members_org_member_code",
            "organization_id",
            "member_code",
            unique=True,
            sqlite_where=text("deleted_at IS NULL AND member_code IS NOT NULL"),
            postgresql_where=text("deleted_at IS NULL AND member_code IS NOT NULL"),
        ),
    )

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    branch_id: Mapped[str | None] = mapped_column(ForeignKey("branches.id"))

    full_name: Mapped[str] = mapped_column(String(200))
    sort_key: Mapped[str] = mapped_column(String(300))
    search_text: Mapped[str] = mapped_column(Text)
    other_name: Mapped[str | None] = mapped_column(String(200))
    gender: Mapped[str | None] = mapped_column(String(10))
    birth_date: Mapped[date] = mapped_column(Date)
    # "day" or "year": old rosters often give only the birth year; it is kept as such.
    birth_precision: Mapped[str] = mapped_column(String(5), default="day")
    hometown: Mapped[str | None] = mapped_column(String(300))
    address_hamlet: Mapped[str | None] = mapped_column(String(200))
    address_commune: Mapped[str | None] = mapped_column(String(200))
    address_province: Mapped[str | None] = mapped_column(String(200))
    ethnicity: Mapped[str | None] = mapped_column(String(100))
    religion: Mapped[str | None] = mapped_column(String(100))
    national_id: Mapped[str | None] = mapped_column(String(12))
    phone: Mapped[str | None] = mapped_column(String(20))
    occupation: Mapped[str | None] = mapped_column(String(200))
    education: Mapped[str | None] = mapped_column(String(50))
    qualification: Mapped[str | None] = mapped_column(String(200))
    political_theory: Mapped[str | None] = mapped_column(String(100))
    foreign_language: Mapped[str | None] = mapped_column(String(100))
    admission_date: Mapped[date | None] = mapped_column(Date)
    admission_place: Mapped[str | None] = mapped_column(String(300))
    card_number: Mapped[str | None] = mapped_column(String(50))
    book_number: Mapped[str | None] = mapped_column(String(50))
    book_status: Mapped[str | None] = mapped_column(String(20))
    position: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(30), default="active")
    party_date: Mapped[date | None] = mapped_column(Date)
    father_name: Mapped[str | None] = mapped_column(String(200))
    father_birth_year: Mapped[int | None] = mapped_column(Integer)
    father_occupation: Mapped[str | None] = mapped_column(String(200))
    mother_name: Mapped[str | None] = mapped_column(String(200))
    mother_birth_year: Mapped[int | None] = mapped_column(Integer)
    mother_occupation: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    # Fields of the union's member template (mẫu danh sách đoàn viên, DSDV), added by migration
    # 0006, which appends them to the table: sort_order keeps them last in a new database too,
    # so that new and upgraded databases list the same columns in the same order.
    member_code: Mapped[str | None] = mapped_column(String(20), sort_order=1)
    email: Mapped[str | None] = mapped_column(String(200), sort_order=1)
    national_id_date: Mapped[date | None] = mapped_column(Date, sort_order=1)
    national_id_place: Mapped[str | None] = mapped_column(String(200), sort_order=1)
    computer_skills: Mapped[str | None] = mapped_column(String(100), sort_order=1)
    admission_decision: Mapped[str | None] = mapped_column(String(100), sort_order=1)
    association: Mapped[str | None] = mapped_column(String(200), sort_order=1)


class MemberEvent(Travelling, Base):
    """One event of a member's standing (DOMAIN.md §4): admission, transfer, coming of age...

    ``kind`` is a code of :data:`doancoso.core.lifecycle.rules.EVENT_KINDS`; the kind-specific
    columns are empty for the other kinds. ``status_before`` keeps the member's status as it was
    before the first event ever recorded, so the status can be replayed when an event is deleted
    (see :mod:`doancoso.core.lifecycle.service`).
    """

    __tablename__ = "member_events"
    __table_args__ = (
        Index("ix_member_events_member", "member_id", "event_date"),
        Index("ix_member_events_org_kind", "organization_id", "kind", "event_date"),
    )

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"))
    kind: Mapped[str] = mapped_column(String(30))
    event_date: Mapped[date] = mapped_column(Date)
    number: Mapped[str | None] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)
    status_before: Mapped[str] = mapped_column(String(30))
    # admission: where, and who introduced the new member (a member of the roster, or a name).
    place: Mapped[str | None] = mapped_column(String(300))
    introducer_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"))
    introducer_name: Mapped[str | None] = mapped_column(String(200))
    # transfer_out / transfer_in: the organisation the member goes to or comes from.
    other_organization: Mapped[str | None] = mapped_column(String(300))
    # temporary: the member's home organisation and the period of temporary activity here.
    home_organization: Mapped[str | None] = mapped_column(String(300))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    # discipline: reprimand (khiển trách), warning (cảnh cáo), expulsion (khai trừ).
    discipline_level: Mapped[str | None] = mapped_column(String(20))
    # The event's place in its member's history when it was recorded (1, 2, …): events of one day
    # are replayed in this order, which travels with the row, never by clock (machines' clocks
    # differ). Added by migration 0005, last in the table as in an upgraded database.
    sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0", sort_order=1)


class Youth(Travelling, Base):
    """A young person of the locality in the youth register (sổ theo dõi thanh niên).

    ``sort_key`` and ``search_text`` are derived from the name like the members'. Once admitted
    to the union the record stays, linked to the new member by ``admitted_member_id``.
    """

    __tablename__ = "youths"
    __table_args__ = (Index("ix_youths_org_sort", "organization_id", "deleted_at", "sort_key"),)

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    full_name: Mapped[str] = mapped_column(String(200))
    sort_key: Mapped[str] = mapped_column(String(300))
    search_text: Mapped[str] = mapped_column(Text)
    birth_date: Mapped[date] = mapped_column(Date)
    birth_precision: Mapped[str] = mapped_column(String(5), default="day")
    gender: Mapped[str | None] = mapped_column(String(10))
    hamlet: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    occupation: Mapped[str | None] = mapped_column(String(200))
    working_away: Mapped[bool] = mapped_column(Boolean, default=False)
    away_place: Mapped[str | None] = mapped_column(String(300))
    away_since: Mapped[date | None] = mapped_column(Date)
    in_hardship: Mapped[bool] = mapped_column(Boolean, default=False)
    hardship_kind: Mapped[str | None] = mapped_column(String(200))
    hardship_support: Mapped[str | None] = mapped_column(Text)
    ethnicity: Mapped[str | None] = mapped_column(String(100))
    religion: Mapped[str | None] = mapped_column(String(100))
    disability: Mapped[str | None] = mapped_column(String(200))
    contact: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(20))
    notes: Mapped[str | None] = mapped_column(Text)
    # The "1+1" drive: the member who follows this young person up.
    follow_up_member_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"))
    admitted_member_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"))
