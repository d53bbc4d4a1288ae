"""The tables of the "3 chủ động" recognition: criteria templates, each year's checklist and its
answers, and the register of advice to the Party committee and of coordination (criterion 3)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Travelling

_LIVE = text("deleted_at IS NULL")


class CriteriaTemplate(Travelling, Base):
    """A criteria template imported from a file (a province's): the file's JSON as read. The
    default template ships in ``resources/criteria/`` and is not stored."""

    __tablename__ = "criteria_templates"

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    name: Mapped[str] = mapped_column(String(300))
    source: Mapped[str | None] = mapped_column(String(500))
    province: Mapped[str | None] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)


class Checklist(Travelling, Base):
    """The checklist of a year, with the template it was opened with (a copy: a later change of
    the template never rewrites a past year)."""

    __tablename__ = "checklists"
    __table_args__ = (
        Index(
            "uq_checklists_org_year",
            "organization_id",
            "year",
            unique=True,
            sqlite_where=_LIVE,
            postgresql_where=_LIVE,
        ),
    )

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    year: Mapped[int] = mapped_column(Integer)
    template_name: Mapped[str] = mapped_column(String(300))
    template: Mapped[str] = mapped_column(Text)


class ChecklistAnswer(Travelling, Base):
    """The self-assessment of one sub-item (``code``, e.g. "1.2") in a year's checklist:
    ``status`` ``dat``, ``chua-dat``, ``khong-ap-dung`` or ``chua-danh-gia``."""

    __tablename__ = "checklist_answers"
    __table_args__ = (Index("ix_checklist_answers_checklist", "checklist_id", "code"),)

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    checklist_id: Mapped[str] = mapped_column(ForeignKey("checklists.id"))
    code: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="chua-danh-gia")
    points: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str | None] = mapped_column(Text)


class AdviceRecord(Travelling, Base):
    """A document or proposal to the Party committee (tham mưu) and its answer."""

    __tablename__ = "advice_records"
    __table_args__ = (Index("ix_advice_records_org_day", "organization_id", "day"),)

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    day: Mapped[date] = mapped_column(Date)
    number: Mapped[str | None] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(500))
    summary: Mapped[str | None] = mapped_column(Text)
    answer: Mapped[str | None] = mapped_column(Text)
    answer_day: Mapped[date | None] = mapped_column(Date)


class CoordinationRecord(Travelling, Base):
    """Coordination with another body (phối hợp): a programme or agreement, its period, content
    and results; an activity of the calendar may be linked."""

    __tablename__ = "coordination_records"
    __table_args__ = (Index("ix_coordination_records_org_day", "organization_id", "day"),)

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    day: Mapped[date] = mapped_column(Date)
    end_day: Mapped[date | None] = mapped_column(Date)
    partner: Mapped[str] = mapped_column(String(300))
    title: Mapped[str] = mapped_column(String(500))
    content: Mapped[str | None] = mapped_column(Text)
    results: Mapped[str | None] = mapped_column(Text)
    activity_id: Mapped[str | None] = mapped_column(ForeignKey("activities.id"))
