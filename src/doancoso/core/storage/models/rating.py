"""The tables of the annual rating of members (đánh giá, xếp loại đoàn viên) and the settings
that travel with the organisation."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Travelling


class Setting(Travelling, Base):
    """A setting of the organisation that travels with it (e.g. its rating rules, as JSON)."""

    __tablename__ = "settings"
    __table_args__ = (
        Index(
            "uq_settings_org_key",
            "organization_id",
            "key",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    key: Mapped[str] = mapped_column(String(60))
    value: Mapped[str] = mapped_column(Text)


class RatingRound(Travelling, Base):
    """The rating round of a year: ``state`` ``open`` or ``closed``, the rules it was opened
    with (JSON, so a later change of the rules never rewrites a past year), the organisation's
    own self-rating, and the history of its closings and reopenings (JSON list)."""

    __tablename__ = "rating_rounds"
    __table_args__ = (
        Index(
            "uq_rating_rounds_org_year",
            "organization_id",
            "year",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    year: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(10), default="open")
    rules: Mapped[str] = mapped_column(Text)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    own_level: Mapped[int | None] = mapped_column(Integer)
    own_remark: Mapped[str | None] = mapped_column(Text)
    history: Mapped[str] = mapped_column(Text, default="[]")


class Rating(Travelling, Base):
    """One member's rating in a round. Levels are 1–4 (None: not given yet). ``sick_months``
    (1–12, None: none) and ``dues_unpaid`` (True, None: paid) are the facts of the year the
    rules of sick leave and unpaid dues read."""

    __tablename__ = "ratings"
    __table_args__ = (Index("ix_ratings_round_member", "round_id", "member_id"),)

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    round_id: Mapped[str] = mapped_column(ForeignKey("rating_rounds.id"))
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"))
    participation: Mapped[float | None] = mapped_column(Float)
    training_registered: Mapped[bool | None] = mapped_column(Boolean)
    training_result: Mapped[str | None] = mapped_column(String(20))
    self_level: Mapped[int | None] = mapped_column(Integer)
    self_text: Mapped[str | None] = mapped_column(Text)
    proposed_level: Mapped[int | None] = mapped_column(Integer)
    proposed_remark: Mapped[str | None] = mapped_column(Text)
    decided_level: Mapped[int | None] = mapped_column(Integer)
    remark: Mapped[str | None] = mapped_column(Text)
    # Added by migration 0014, which appends them to the table: sort_order keeps them last in a
    # new database too, so that new and upgraded databases list the same columns in one order.
    sick_months: Mapped[int | None] = mapped_column(Integer, sort_order=1)
    dues_unpaid: Mapped[bool | None] = mapped_column(Boolean, sort_order=1)


class BranchRating(Travelling, Base):
    """A chi đoàn's own level in a round."""

    __tablename__ = "branch_ratings"
    __table_args__ = (Index("ix_branch_ratings_round", "round_id", "branch_id"),)

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    round_id: Mapped[str] = mapped_column(ForeignKey("rating_rounds.id"))
    branch_id: Mapped[str] = mapped_column(ForeignKey("branches.id"))
    level: Mapped[int | None] = mapped_column(Integer)
    remark: Mapped[str | None] = mapped_column(Text)
