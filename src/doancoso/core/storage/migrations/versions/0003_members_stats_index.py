"""an index for the roster statistics (ix_members_org_stats)

A new index only: no table or row changes. It lists the members in the order of what the
statistics count (status, chi đoàn, gender, ethnicity, religion, education, birth date), so
their GROUP BY reads each group whole instead of sorting every row (see core/statistics/service.py).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 16:35:03.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.create_index(
            "ix_members_org_stats",
            [
                "organization_id",
                "deleted_at",
                "status",
                "branch_id",
                "gender",
                "ethnicity",
                "religion",
                "education",
                "birth_date",
            ],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_index("ix_members_org_stats")
