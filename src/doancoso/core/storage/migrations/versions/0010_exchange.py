"""exchange state: what this installation last exchanged with each other one

Two local (not travelling) tables for the merge of bundles (issue #17): exchange_peers, one line
per installation a bundle was imported from, and exchange_rows, per peer and row the version
(revision, updated_at, origin) both installations held at their last exchange. Nothing that
exists is rewritten.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 23:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "exchange_peers",
        sa.Column("peer", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("organization_name", sa.String(length=200), nullable=False),
        sa.Column("last_import_at", sa.DateTime(), nullable=False),
        sa.Column("imports", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("peer", name=op.f("pk_exchange_peers")),
    )
    op.create_table(
        "exchange_rows",
        sa.Column("peer", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("agreed_revision", sa.Integer(), nullable=False),
        sa.Column("agreed_updated_at", sa.DateTime(), nullable=False),
        sa.Column("agreed_origin", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("peer", "table_name", "row_id", name=op.f("pk_exchange_rows")),
    )


def downgrade() -> None:
    op.drop_table("exchange_rows")
    op.drop_table("exchange_peers")
