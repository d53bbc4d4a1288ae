"""The demo organisation comes with member histories that obey the lifecycle rules."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from sqlalchemy import select

from doancoso.core.lifecycle.rules import LEFT_STATUSES, baseline_status, event_order, replay
from doancoso.core.storage.models import Member, MemberEvent
from doancoso.core.workspace import Workspace

TODAY = date(2026, 6, 15)


def _demo(folder: Path, members: int, today: date = TODAY) -> Workspace:
    from doancoso.core.demo import generator as demo

    ws = Workspace.open(folder)
    demo.generate(ws._ctx, members=members, seed=4, today=today)
    return ws


def test_every_timeline_replays_to_the_stored_status(tmp_path: Path) -> None:
    with _demo(tmp_path, 1500) as ws, ws.db.read() as session:
        events: dict[str, list[MemberEvent]] = {}
        for event in session.scalars(select(MemberEvent)):
            events.setdefault(event.member_id, []).append(event)
        kinds: Counter[str] = Counter()
        for member in session.scalars(select(Member)):
            timeline = sorted(events.get(member.id, []), key=event_order)
            kinds.update(e.kind for e in timeline)
            assert timeline, member.full_name
            statuses = replay(member, timeline, baseline_status(member, timeline), strict=True)
            assert statuses[-1] == member.status, member.full_name
            assert all(member.birth_date < e.event_date <= TODAY for e in timeline)
            joined = [e.event_date for e in timeline if e.kind == "party_admission"]
            assert member.party_date == (joined[0] if joined else None)
            admission = [e.event_date for e in timeline if e.kind == "admission"]
            if member.status == "temporary":
                assert admission == [] and timeline[0].home_organization == member.admission_place
            else:
                assert admission == [member.admission_date]
            if member.status == "matured":
                assert member.birth_date.year + 30 <= TODAY.year
    assert set(kinds) >= {"admission", "temporary", "transfer_out", "struck_off",
                          "party_introduction", "party_admission", "discipline"}  # fmt: skip


def test_statistics_and_new_events_build_on_the_demo_history(tmp_path: Path) -> None:
    with _demo(tmp_path, 600, today=date.today()) as ws:
        stats = ws.statistics.roster()
        first = date(date.today().year, 1, 1)
        with ws.db.read() as session:
            this_year = session.scalars(
                select(MemberEvent.kind).where(MemberEvent.event_date >= first)
            ).all()
            admitted = session.scalars(
                select(Member.id).where(
                    Member.admission_date >= first, Member.status != "temporary"
                )
            ).all()
        # Admissions count the members' dates of admission: every admission event sets one;
        # members on temporary activity were admitted elsewhere (no admission event here).
        assert stats.admissions == len(admitted) == this_year.count("admission")
        assert stats.departures_total == sum(
            this_year.count(k) for k in ("transfer_out", "struck_off", "matured")
        )
        rows = ws.members.list()
        active = next(r for r in rows if r.status == "active")
        ws.events.record(active.id, "transfer_out", date.today(), other_organization="Đoàn xã B")
        assert ws.members.rows([active.id])[0].status == "transferred_out"
        assert ws.events.history(active.id)[0].kind == "admission"
        left = next(r for r in ws.members.list() if r.status in LEFT_STATUSES)
        assert ws.events.history(left.id)[-1].status_after == left.status


def test_the_demo_follows_the_coming_of_age_setting(tmp_path: Path) -> None:
    """With the age set to 26 first, the demo's matured members all reached 26 (some are under
    30, so the setting was used, not the default)."""
    from dataclasses import replace

    from doancoso.core.demo import generator as demo

    ws = Workspace.open(tmp_path)
    ws.organization.create(replace(demo.DEMO_ORGANIZATION, coming_of_age=26))
    demo.generate(ws._ctx, members=800, seed=4, today=TODAY)
    with ws, ws.db.read() as session:
        births = session.scalars(select(Member.birth_date).where(Member.status == "matured")).all()
    assert births and all(b.year + 26 <= TODAY.year for b in births)
    assert any(b.year + 30 > TODAY.year for b in births)
