"""``check``'s members: each live member's status against the replay of its events, its
derived columns (sort key, search text), its chi đoàn; the messages, and the repair of only
the derived columns."""

from __future__ import annotations

from sqlalchemy import select, update

from doancoso.core.roster.service import derived_columns
from doancoso.core.roster.vocab import STATUSES
from doancoso.core.storage.models import Branch, Member
from doancoso.core.storage.models.base import utc_now
from doancoso.core.workspace import Workspace


def test_the_three_member_problems_exactly_and_the_repair_of_one(demo_ws: Workspace) -> None:
    ws = demo_ws
    with_history = [m for m in ws.members.list() if ws.events.history(m.id)]
    stale, wrong, moved = with_history[0], with_history[1], with_history[2]
    branch = ws.branches.create("Chi đoàn ấp Cũ")
    with ws.db.transaction() as session:  # as an older version or a bad merge might leave them
        session.execute(update(Member).where(Member.id == stale.id).values(sort_key="zzz"))
        session.execute(update(Member).where(Member.id == wrong.id).values(status="expelled"))
        session.execute(update(Member).where(Member.id == moved.id).values(branch_id=branch.id))
        session.execute(update(Branch).where(Branch.id == branch.id).values(deleted_at=utc_now()))
    assert wrong.status != "expelled"
    last = ws.events.history(wrong.id)[-1].kind_label
    report = ws.check()
    found = sorted((p.kind, p.id, p.message) for p in report.problems)
    assert found == sorted([
        ("derived", stale.id, f"Khóa sắp xếp hoặc tìm kiếm của {stale.full_name} đã cũ (sửa "
         "bằng: doancoso check --repair)."),
        ("status", wrong.id, f"Trạng thái của {wrong.full_name} là “Bị khai trừ” nhưng theo quá "
         f"trình (sự kiện cuối: {last}) phải là “{STATUSES[wrong.status]}”. Hãy xem lại "
         "quá trình của đoàn viên này."),
        ("branch", moved.id, f"{moved.full_name} thuộc một chi đoàn đã bị xóa: hãy chuyển sang "
         "chi đoàn khác."),
    ])  # fmt: skip

    repaired = ws.check(repair=True)
    assert repaired.repaired == 1
    assert sorted(p.kind for p in repaired.problems) == ["branch", "status"]
    with ws.db.read() as session:
        fixed = session.scalars(select(Member).where(Member.id == stale.id)).one()
        derived = derived_columns(fixed.full_name, fixed.other_name, fixed.national_id,
                                  fixed.phone, fixed.member_code)  # fmt: skip
        assert fixed.sort_key == derived["sort_key"] != "zzz"
    assert sorted(p.kind for p in ws.check().problems) == ["branch", "status"]
