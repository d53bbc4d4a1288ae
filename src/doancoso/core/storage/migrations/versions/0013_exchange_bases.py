"""exchange bases: the content of a row at a version agreed with a peer

One local (not travelling) table for the three-way merge of bundles (issue #17):
exchange_bases, per travelling row and version (revision, updated_at, origin), the row's content
at that version, kept when this installation changed the row away from a version it had agreed
with a peer (``core/storage/bases.py``). Empty after the upgrade: a database from before it has
no base, and its next merge of a row changed on both sides is field by field as before (see
``docs/bundle-format.md``, "Merge semantics"). Nothing that exists is rewritten.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 14:45:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "exchange_bases",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("base_revision", sa.Integer(), nullable=False),
        sa.Column("base_updated_at", sa.DateTime(), nullable=False),
        sa.Column("base_origin", sa.String(length=36), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint(
            "table_name",
            "row_id",
            "base_revision",
            "base_updated_at",
            "base_origin",
            name=op.f("pk_exchange_bases"),
        ),  # fmt: skip
    )


def downgrade() -> None:
    op.drop_table("exchange_bases")
