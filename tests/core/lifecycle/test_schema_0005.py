"""Migration 0005 (each event's place in its member's history) and replay without clocks: a
database at 0004 is upgraded with its events numbered in the order they were recorded, every
status unchanged; events of one day then replay in that order whatever their machines' clocks."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import update

from doancoso.core.storage.db import head_revision
from doancoso.core.storage.models import MemberEvent
from doancoso.core.workspace import Workspace
from schema_rows import copied, query

SCHEMA_0004 = Path(__file__).resolve().parents[2] / "fixtures" / "schema-0004.sqlite"


def test_upgrade_numbers_each_members_events_in_recorded_order(tmp_path: Path) -> None:
    target = copied(SCHEMA_0004, tmp_path / "old")
    statuses = query(target, "SELECT full_name, status FROM members ORDER BY full_name")
    with Workspace.open(target.parent) as ws:
        assert ws.db.current_revision() == head_revision()
        back = next(r for r in ws.members.list() if r.full_name == "Lý Văn Về")
        timeline = [
            (e.kind, e.event_date.isoformat(), e.status_after) for e in ws.events.history(back.id)
        ]
        assert timeline == [
            ("admission", "2016-03-26", "active"),
            ("transfer_out", "2025-05-12", "transferred_out"),
            ("transfer_in", "2025-05-12", "active"),
        ]
    numbered = query(
        target,
        "SELECT m.full_name, e.kind, e.sequence FROM member_events e JOIN members m"
        " ON m.id = e.member_id ORDER BY m.full_name, e.sequence",
    )
    assert [r for r in numbered if r[0] == "Lý Văn Về"] == [
        ("Lý Văn Về", "admission", 1),
        ("Lý Văn Về", "transfer_out", 2),
        ("Lý Văn Về", "transfer_in", 3),
    ]
    assert all(n == 1 for name, _, n in numbered if name != "Lý Văn Về")  # one event each
    assert query(target, "SELECT full_name, status FROM members ORDER BY full_name") == statuses


def test_events_of_one_day_replay_in_recorded_order_not_by_clock(ws: Workspace) -> None:
    """Recorded out then back in on one day; the second machine's clock was a day behind, so
    its event's created_at is the earlier one. Replay still goes out, then in."""
    member = ws.members.save({"full_name": "Lý Văn Về", "birth_date": "03/03/1999"})
    ws.events.record(member, "admission", "26/03/2016")
    out = ws.events.record(member, "transfer_out", "12/05/2025", other_organization="Đoàn xã A")
    back = ws.events.record(member, "transfer_in", "12/05/2025", other_organization="Đoàn xã A")
    with ws.db.transaction() as session:
        session.execute(
            update(MemberEvent)
            .where(MemberEvent.id == back)
            .values(created_at=datetime(2020, 1, 1))
        )
    discipline = ws.events.record(member, "discipline", "01/06/2025", level="Khiển trách")
    ws.events.delete(discipline)  # replays the whole history
    assert [e.id for e in ws.events.history(member)][-2:] == [out, back]
    assert ws.members.rows([member])[0].status == "active"
