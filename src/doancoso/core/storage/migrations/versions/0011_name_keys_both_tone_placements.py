"""name sort keys: one key for the old and the new tone placement

The collation now gives "Thủy" and "Thuỷ", "hòa" and "hoà", "khỏe" and "khoẻ" one key
(core/lang/text.py, ``collation_key``). ``members.sort_key`` and ``youths.sort_key`` are stored,
derived from ``full_name``: the keys of names written in the new placement are recomputed here,
so that the roster's order (an index on the key) and ``doancoso check`` agree at once. Only the
derived key changes: no revision, no ``updated_at`` (it is not a change of the record, and a
bundle's import recomputes it anyway). The app's own key function is used, as the app uses it
to write keys; the schema is unchanged.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 08:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from doancoso.core.lang.text import name_sort_key

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    for table in ("members", "youths"):
        rows = bind.execute(sa.text(f"SELECT id, full_name, sort_key FROM {table}")).all()
        stale = [
            {"id": row_id, "key": key}
            for row_id, name, old in rows
            if (key := name_sort_key(name or "")) != old
        ]
        if stale:
            bind.execute(sa.text(f"UPDATE {table} SET sort_key = :key WHERE id = :id"), stale)


def downgrade() -> None:
    """Nothing to undo: the keys of the old placement were equal before, and keys are derived."""
