"""each member event's place in its member's history (member_events.sequence)

Events of one member on one day were replayed in the order of ``created_at``, which comes from
the clock of the machine that recorded them: once events travel between machines, that order
would depend on their clocks. The new column numbers each member's events in the order they were
recorded (1, 2, …) and travels with the row. Existing events are numbered by ``created_at`` (then
id), which is exactly the order used until now, so every replayed status stays the same. Added as
in 0004 (ALTER TABLE ADD COLUMN with a constant default, in batch mode), then filled by one
UPDATE with row values, which SQLite and PostgreSQL both understand.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 18:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("member_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sequence", sa.Integer(), server_default="0", nullable=False))
    op.execute(
        """
        UPDATE member_events SET sequence = (
            SELECT count(*) FROM member_events AS earlier
            WHERE earlier.member_id = member_events.member_id
              AND (earlier.created_at, earlier.id) <= (member_events.created_at, member_events.id)
        )
        """
    )


def downgrade() -> None:
    with op.batch_alter_table("member_events", schema=None) as batch_op:
        batch_op.drop_column("sequence")
