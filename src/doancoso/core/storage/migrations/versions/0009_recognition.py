"""the "3 chủ động" checklist, criteria templates, advice and coordination records

Five new travelling tables, created as a new database creates them (each table's own columns,
then the travelling ones, keys and indexes named by the convention): criteria_templates (the
templates imported from files), checklists (one per year, with its template's copy),
checklist_answers, advice_records (tham mưu) and coordination_records (phối hợp). Nothing that
exists is rewritten.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 22:00:00.000000
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

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
        "advice_records",
        _column("day", sa.Date(), nullable=False),
        _column("number", sa.String(length=100)),
        _column("title", sa.String(length=500), nullable=False),
        _column("summary", sa.Text()),
        _column("answer", sa.Text()),
        _column("answer_day", sa.Date()),
    )
    op.create_index("ix_advice_records_org_day", "advice_records", ["organization_id", "day"])
    _create(
        "checklists",
        _column("year", sa.Integer(), nullable=False),
        _column("template_name", sa.String(length=300), nullable=False),
        _column("template", sa.Text(), nullable=False),
    )
    op.create_index(
        "uq_checklists_org_year", "checklists", ["organization_id", "year"], unique=True,
        sqlite_where=_LIVE, postgresql_where=_LIVE,
    )  # fmt: skip
    _create(
        "criteria_templates",
        _column("name", sa.String(length=300), nullable=False),
        _column("source", sa.String(length=500)),
        _column("province", sa.String(length=200)),
        _column("content", sa.Text(), nullable=False),
    )
    _create(
        "checklist_answers",
        _column("checklist_id", sa.String(length=36), nullable=False),
        _column("code", sa.String(length=20), nullable=False),
        _column("status", sa.String(length=20), nullable=False),
        _column("points", sa.Float()),
        _column("note", sa.Text()),
        refs=["checklist_id:checklists"],
    )
    op.create_index("ix_checklist_answers_checklist", "checklist_answers", ["checklist_id", "code"])
    _create(
        "coordination_records",
        _column("day", sa.Date(), nullable=False),
        _column("end_day", sa.Date()),
        _column("partner", sa.String(length=300), nullable=False),
        _column("title", sa.String(length=500), nullable=False),
        _column("content", sa.Text()),
        _column("results", sa.Text()),
        _column("activity_id", sa.String(length=36)),
        refs=["activity_id:activities"],
    )
    op.create_index(
        "ix_coordination_records_org_day", "coordination_records", ["organization_id", "day"]
    )


def downgrade() -> None:
    for table in (
        "coordination_records", "checklist_answers", "criteria_templates", "checklists",
        "advice_records",
    ):  # fmt: skip
        op.drop_table(table)
