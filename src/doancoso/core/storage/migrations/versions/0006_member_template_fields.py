"""the fields of the union's member template (members.member_code, email, ...)

The union's member template (mẫu danh sách đoàn viên, sheet DSDV) carries fields the record
lacked: the union's member code (mã định danh đoàn viên), the e-mail, the CCCD's date and place
of issue, computer skills (tin học), the number of the admission decision (số nghị quyết chuẩn
y kết nạp) and the association (hội). Seven nullable columns, added as in 0004 (ALTER TABLE ADD
COLUMN in batch mode, no table copy: every existing member simply has none of them), last in
the table as in a new database (the model gives them ``sort_order=1``). The member code names
one member in an organisation: a partial unique index like the CCCD's, created after the
columns (no existing row has a code, so none can collide).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08 09:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    ("member_code", sa.String(length=20)),
    ("email", sa.String(length=200)),
    ("national_id_date", sa.Date()),
    ("national_id_place", sa.String(length=200)),
    ("computer_skills", sa.String(length=100)),
    ("admission_decision", sa.String(length=100)),
    ("association", sa.String(length=200)),
)


def upgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        for name, kind in COLUMNS:
            batch_op.add_column(sa.Column(name, kind, nullable=True))
    op.create_index(
        "uq_members_org_member_code",
        "members",
        ["organization_id", "member_code"],
        unique=True,
        sqlite_where=sa.text("deleted_at IS NULL AND member_code IS NOT NULL"),
        postgresql_where=sa.text("deleted_at IS NULL AND member_code IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("uq_members_org_member_code", table_name="members")
    with op.batch_alter_table("members", schema=None) as batch_op:
        for name, _ in reversed(COLUMNS):
            batch_op.drop_column(name)
