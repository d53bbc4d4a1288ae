"""Evidence files attached to records (DESIGN.md, "Evidence files"): the file itself lives once
in the data folder's ``evidence/`` under its SHA-256; each attachment is a travelling row."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Travelling


class EvidenceFile(Travelling, Base):
    """One file attached to one record (``owner_table``, ``owner_id``): an activity's photo,
    a checklist item's scanned document..."""

    __tablename__ = "evidence_files"
    __table_args__ = (
        Index("ix_evidence_files_owner", "owner_table", "owner_id"),
        Index("ix_evidence_files_sha256", "sha256"),
    )

    organization_id: Mapped[str] = mapped_column(ForeignKey("organizations.id"))
    owner_table: Mapped[str] = mapped_column(String(40))
    owner_id: Mapped[str] = mapped_column(String(36))
    sha256: Mapped[str] = mapped_column(String(64))
    original_name: Mapped[str] = mapped_column(String(300))
    media_type: Mapped[str] = mapped_column(String(50))
    size: Mapped[int] = mapped_column(Integer)
    caption: Mapped[str | None] = mapped_column(Text)
    taken_on: Mapped[date | None] = mapped_column(Date)
