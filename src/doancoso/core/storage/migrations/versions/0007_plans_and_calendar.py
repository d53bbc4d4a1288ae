"""work plans, the activity calendar, attendance and evidence files

Seven new travelling tables (plans, plan_targets, activity_kinds, activities, occurrences,
attendance, minutes) and evidence_files (the attachments shared with the recognition
checklist), created as a new database creates them: each table's own columns, then the
travelling ones, with the same names for keys and indexes. The organisation gains one setting,
``leave_counts_as_attended`` (off), appended as 0004 appended ``coming_of_age``. Nothing that
exists is rewritten.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 21:00:00.000000
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "activity_kinds", "evidence_files", "plans", "activities", "occurrences", "plan_targets",
    "attendance", "minutes",
)  # fmt: skip


def _text(name: str, length: int | None = None, nullable: bool = True) -> sa.Column[Any]:
    kind = sa.String(length=length) if length else sa.Text()
    return sa.Column(name, kind, nullable=nullable)


def _create(table: str, *columns: sa.Column[Any], refs: Sequence[str] = ()) -> None:
    """``table`` with its own ``columns``, then the travelling ones, the organisation's key and
    the keys ``refs`` (``column:table``, in the order of the columns), named by the convention."""
    keys = []
    for ref in ("organization_id:organizations", *refs):
        column, target = ref.split(":")
        keys.append(
            sa.ForeignKeyConstraint(
                [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}")
            )
        )
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
        "activities",
        _text("title", 500, nullable=False),
        _text("kind", 40, nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        _text("start_time", 5),
        sa.Column("end_date", sa.Date(), nullable=True),
        _text("end_time", 5),
        _text("place", 300),
        _text("branch_ids", nullable=False),
        _text("target_ids", nullable=False),
        _text("partners"),
        sa.Column("expected_participants", sa.Integer(), nullable=True),
        _text("rule", 500),
        _text("notes"),
    )
    op.create_index("ix_activities_org", "activities", ["organization_id", "deleted_at"])
    _create(
        "activity_kinds",
        _text("code", 40, nullable=False),
        _text("name", 200, nullable=False),
        _text("colour", 7, nullable=False),
    )
    _create(
        "evidence_files",
        _text("owner_table", 40, nullable=False),
        _text("owner_id", 36, nullable=False),
        _text("sha256", 64, nullable=False),
        _text("original_name", 300, nullable=False),
        _text("media_type", 50, nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        _text("caption"),
        sa.Column("taken_on", sa.Date(), nullable=True),
    )
    op.create_index("ix_evidence_files_owner", "evidence_files", ["owner_table", "owner_id"])
    op.create_index("ix_evidence_files_sha256", "evidence_files", ["sha256"])
    _create(
        "plans",
        sa.Column("year", sa.Integer(), nullable=False),
        _text("number", 50),
        sa.Column("plan_date", sa.Date(), nullable=True),
        _text("title", 500, nullable=False),
        _text("grounds"),
        _text("purposes"),
        _text("content"),
        _text("implementation"),
        _text("registration_state", 20, nullable=False),
        sa.Column("registered_on", sa.Date(), nullable=True),
        _text("registration_number", 50),
    )
    op.create_index(
        "uq_plans_org_year",
        "plans",
        ["organization_id", "year"],
        unique=True,
        sqlite_where=sa.text("deleted_at IS NULL"),
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    _create(
        "occurrences",
        _text("activity_id", 36, nullable=False),
        sa.Column("original_date", sa.Date(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        _text("start_time", 5),
        sa.Column("end_day", sa.Date(), nullable=True),
        _text("end_time", 5),
        _text("place", 300),
        _text("status", 20, nullable=False),
        sa.Column("participants", sa.Integer(), nullable=True),
        _text("results"),
        _text("resources"),
        sa.Column("attendance_taken", sa.Boolean(), nullable=False),
        refs=["activity_id:activities"],
    )
    op.create_index("ix_occurrences_activity", "occurrences", ["activity_id", "original_date"])
    op.create_index(
        "ix_occurrences_org_date", "occurrences", ["organization_id", "deleted_at", "day"]
    )
    _create(
        "plan_targets",
        _text("plan_id", 36, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        _text("text", nullable=False),
        sa.Column("criterion", sa.Integer(), nullable=True),
        sa.Column("planned", sa.Float(), nullable=True),
        _text("unit", 100),
        _text("measure", 40),
        _text("measure_kind", 40),
        sa.Column("achieved", sa.Float(), nullable=True),
        refs=["plan_id:plans"],
    )
    op.create_index("ix_plan_targets_plan", "plan_targets", ["plan_id", "position"])
    _create(
        "attendance",
        _text("occurrence_id", 36, nullable=False),
        _text("member_id", 36, nullable=False),
        _text("state", 10, nullable=False),
        _text("reason", 300),
        refs=["occurrence_id:occurrences", "member_id:members"],
    )
    op.create_index("ix_attendance_member", "attendance", ["member_id"])
    op.create_index("ix_attendance_occurrence", "attendance", ["occurrence_id", "member_id"])
    _create(
        "minutes",
        _text("occurrence_id", 36, nullable=False),
        _text("number", 50),
        _text("chair", 200),
        _text("recorder", 200),
        _text("guests"),
        _text("agenda"),
        _text("content"),
        _text("resolutions"),
        _text("closed_at", 5),
        refs=["occurrence_id:occurrences"],
    )
    op.create_index("ix_minutes_occurrence", "minutes", ["occurrence_id"])
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "leave_counts_as_attended",
                sa.Boolean(),
                server_default="0",  # a plain string: ADD COLUMN, no table copy (see 0004)
                nullable=False,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.drop_column("leave_counts_as_attended")
    for table in reversed(TABLES):
        op.drop_table(table)
