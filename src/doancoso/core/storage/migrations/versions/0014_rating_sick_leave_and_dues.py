"""ratings.sick_months, ratings.dues_unpaid: the facts of the rules of sick leave and dues

DOMAIN.md §3: sick leave over 3 months caps the level at 3 (Thành đoàn 09-HD/TV 2009;
638-HD/ĐTNCA 2019), and unpaid dues make it "không hoàn thành" (638-HD/ĐTNCA 2019). A member's
months of sick leave in the year and whether the year's dues are unpaid are stored with the
member's rating in the round. Two nullable columns, added as in 0006 (ALTER TABLE ADD COLUMN in
batch mode, no table copy: every existing rating simply has none), last in the table as in a
new database (the model gives them ``sort_order=1``). No revision changes: a bundle of an older
version, whose rows lack the columns, is read with them empty (``bundle/validate.py``: a
nullable column may be left out).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (("sick_months", sa.Integer()), ("dues_unpaid", sa.Boolean()))


def upgrade() -> None:
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        for name, kind in COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ratings", schema=None) as batch_op:
        for name, _ in reversed(COLUMNS):
            batch_op.drop_column(name)
