"""members.admission_decision: filled from the admission event's number

"Số nghị quyết chuẩn y kết nạp" follows the member's admission event, as "Ngày vào Đoàn" and
"Nơi vào Đoàn" do (``lifecycle.service._apply``), but until now recording the event never
copied its number: every member admitted through the app (an event recorded, a young person of
the register admitted, the demo) kept the field empty, and the printed member template showed
it empty. Here the number of each member's live admission event (the last in timeline order,
should a merge have left two) fills the field where it is empty; a value the secretary typed is
never replaced. ``doancoso check`` reports (and ``--repair`` fills) what a bundle from an older
version brings back empty.

No revision and no ``updated_at`` change, as in 0011: the value is derived from the event,
which travels with the member, and every machine upgrading derives the same; a new revision on
each machine would make every admitted member a conflict at the next exchange.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 08:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    events = bind.execute(
        sa.text(
            "SELECT member_id, number FROM member_events"
            " WHERE kind = 'admission' AND deleted_at IS NULL"
            " AND number IS NOT NULL AND number != ''"
            " ORDER BY member_id, event_date, sequence, id"
        )
    ).all()
    numbers = {member_id: number for member_id, number in events}  # the last one wins
    if not numbers:
        return
    empty = bind.execute(
        sa.text(
            "SELECT id FROM members WHERE admission_decision IS NULL OR admission_decision = ''"
        )
    ).all()
    rows = [{"id": row_id, "number": numbers[row_id]} for (row_id,) in empty if row_id in numbers]
    if rows:
        bind.execute(
            sa.text("UPDATE members SET admission_decision = :number WHERE id = :id"), rows
        )


def downgrade() -> None:
    """Nothing to undo: the numbers filled are the admission events' own."""
