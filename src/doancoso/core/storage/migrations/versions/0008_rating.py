"""the annual rating of members, and settings that travel

Four new travelling tables, created as a new database creates them (each table's own columns,
then the travelling ones, keys and indexes named by the convention): settings (e.g. the
organisation's rating rules), rating_rounds (one per year), ratings (one per member and round)
and branch_ratings (the chi đoàn's own level). Nothing that exists is rewritten.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 21:30:00.000000
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("settings", "rating_rounds", "ratings", "branch_ratings")
_LIVE = sa.text("deleted_at IS NULL")


def _column(name: str, kind: Any, nullable: bool = True) -> sa.Column[Any]:
    return sa.Column(name, kind, nullable=nullable)


def _create(table: str, *columns: sa.Column[Any], refs: Sequence[str] = ()) -> None:
    """``table`` with its own ``columns``, then the travelling ones, the organisation's key and
    the keys ``refs`` (``column:table``, in the order of the columns), named by the convention."""
    keys = [
        sa.ForeignKeyConstraint(
            [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")
        )
        for column, target in (ref.split(":") for ref in ("organization_id:organizations", *refs))
    ]
    op.create_table(
        table,
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        *columns,
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=36), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        *keys,
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    )


def upgrade() -> None:
    _create(
        "rating_rounds",
        _column("year", sa.Integer(), nullable=False),
        _column("state", sa.String(length=10), nullable=False),
        _column("rules", sa.Text(), nullable=False),
        _column("closed_at", sa.DateTime()),
        _column("own_level", sa.Integer()),
        _column("own_remark", sa.Text()),
        _column("history", sa.Text(), nullable=False),
    )
    op.create_index(
        "uq_rating_rounds_org_year", "rating_rounds", ["organization_id", "year"], unique=True,
        sqlite_where=_LIVE, postgresql_where=_LIVE,
    )  # fmt: skip
    _create(
        "settings",
        _column("key", sa.String(length=60), nullable=False),
        _column("value", sa.Text(), nullable=False),
    )
    op.create_index(
        "uq_settings_org_key", "settings", ["organization_id", "key"], unique=True,
        sqlite_where=_LIVE, postgresql_where=_LIVE,
    )  # fmt: skip
    _create(
        "branch_ratings",
        _column("round_id", sa.String(length=36), nullable=False),
        _column("branch_id", sa.String(length=36), nullable=False),
        _column("level", sa.Integer()),
        _column("remark", sa.Text()),
        refs=["round_id:rating_rounds", "branch_id:branches"],
    )
    op.create_index("ix_branch_ratings_round", "branch_ratings", ["round_id", "branch_id"])
    _create(
        "ratings",
        _column("round_id", sa.String(length=36), nullable=False),
        _column("member_id", sa.String(length=36), nullable=False),
        _column("participation", sa.Float()),
        _column("training_registered", sa.Boolean()),
        _column("training_result", sa.String(length=20)),
        _column("self_level", sa.Integer()),
        _column("self_text", sa.Text()),
        _column("proposed_level", sa.Integer()),
        _column("proposed_remark", sa.Text()),
        _column("decided_level", sa.Integer()),
        _column("remark", sa.Text()),
        refs=["round_id:rating_rounds", "member_id:members"],
    )
    op.create_index("ix_ratings_round_member", "ratings", ["round_id", "member_id"])


def downgrade() -> None:
    for table in ("ratings", "branch_ratings", "settings", "rating_rounds"):
        op.drop_table(table)
