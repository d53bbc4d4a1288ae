"""What this installation last exchanged with each other installation (bundles, issue #17).

Not travelling: each installation keeps its own view. ``exchange_rows`` holds, per peer
installation and row, the version (``revision``, ``updated_at``, ``origin``) that both
installations held at their last exchange; ``exchange_peers`` one line per peer. With it a merge
tells exactly which side changed a row since the two copies last met (see
``docs/bundle-format.md``, "Merge semantics").
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class ExchangePeer(Base):
    """Another installation this one imported a bundle from."""

    __tablename__ = "exchange_peers"

    peer: Mapped[str] = mapped_column(String(36), primary_key=True)
    organization_id: Mapped[str] = mapped_column(String(36))
    organization_name: Mapped[str] = mapped_column(String(200))
    last_import_at: Mapped[datetime] = mapped_column(DateTime)
    imports: Mapped[int] = mapped_column(Integer, default=0)


class ExchangeRow(Base):
    """The version of one row that this installation and ``peer`` agreed on when they last
    exchanged it."""

    __tablename__ = "exchange_rows"

    peer: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # The row's revision, updated_at and origin as they were. Not named like the row's own
    # columns: this table is not travelling (no id, no tombstone).
    agreed_revision: Mapped[int] = mapped_column(Integer)
    agreed_updated_at: Mapped[datetime] = mapped_column(DateTime)
    agreed_origin: Mapped[str] = mapped_column(String(36))


class ExchangeBase(Base):
    """The content of a travelling row at a version agreed with some peer, kept when this
    installation changed the row away from that version (``storage/bases.py``): the common
    ancestor a three-way merge compares both sides with (``bundle/threeway.py``)."""

    __tablename__ = "exchange_bases"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # The version, not named like a row's own columns (as exchange_rows): not travelling.
    base_revision: Mapped[int] = mapped_column(Integer, primary_key=True)
    base_updated_at: Mapped[datetime] = mapped_column(DateTime, primary_key=True)
    base_origin: Mapped[str] = mapped_column(String(36), primary_key=True)
    content: Mapped[str] = mapped_column(Text)
    """A JSON object: every column of the row but its id, as the database held it."""
