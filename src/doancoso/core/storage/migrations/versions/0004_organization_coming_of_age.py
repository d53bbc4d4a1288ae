"""the organisation's coming-of-age age (organizations.coming_of_age)

One new column: the age at which members come of age (trưởng thành Đoàn), a setting of the
organisation because DOMAIN.md §4 could not verify it. NOT NULL with a server default of 30, so
every existing organisation gets 30 (the age the app used until then) and no row is rewritten
by hand. In batch mode, as every migration here; on SQLite the batch needs no table copy for an
added column with a constant default (ALTER TABLE ADD COLUMN: the default is a plain string,
since an SQL expression would make Alembic copy the table, and dropping the old copy fails on
the foreign keys that point to it). So no constraint is added, and the column comes last, as in
a new database (the model gives it ``sort_order=1``).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 01:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("coming_of_age", sa.Integer(), server_default="30", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("organizations", schema=None) as batch_op:
        batch_op.drop_column("coming_of_age")
