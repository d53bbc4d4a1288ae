"""A closed round reads as it was closed: members and events recorded after the closing (a
departure or an admission dated in its year), or an event deleted since, change neither whom it
rates, nor its levels, figures and counts, nor the members' history; reopening the round reads
today's events. A round closed by an older version reads as it did."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from bundle_sync import carry
from doancoso.core.rating.eligibility import closing_of, not_rated
from doancoso.core.storage.models import Member, Rating, RatingRound
from doancoso.core.workspace import Workspace
from rating_data import meetings
from schema_rows import copied

YEAR = 2025
LEFT = "Đã chuyển sinh hoạt trong năm: không xếp loại tại đơn vị."
PARTY = "Đảng viên chính thức: đánh giá, không xếp loại."
SCHEMA_0009 = Path(__file__).resolve().parents[2] / "fixtures" / "schema-0009.sqlite"


def _member(ws: Workspace, branch: str, name: str, admitted: str = "01/01/2020") -> str:
    return ws.members.save({"full_name": name, "birth_date": "01/01/2000", "branch_id": branch,
                            "admission_date": admitted})  # fmt: skip


def _read(ws: Workspace, member_id: str) -> tuple[object, ...]:
    """Everything the readers of a round take from it."""
    with ws._ctx.db.read() as session:
        info = ws.rating.round(YEAR)
        assert info is not None
        ids = [r.member_id for r in ws.rating.rows(YEAR)]
        unrated = not_rated(session, ws._ctx.organization_id, YEAR, info.rules, ids)
    return (
        ws.rating.rows(YEAR),
        ws.rating.summary(YEAR),
        ws.rating.covered(YEAR),
        ws.rating.member_history(member_id),
        unrated,
    )


def test_a_closed_round_ignores_what_was_recorded_after_it_closed(ws: Workspace) -> None:
    branch = ws.branches.create("Chi đoàn ấp 1").id
    an, binh, cuong = (_member(ws, branch, n) for n in ("Lê Văn An", "Trần Thị Bình", "Võ Cường"))
    meetings(ws, {an: 10, binh: 8, cuong: 6})
    ws.rating.set_levels(YEAR, "decided_level", {an: 1, binh: 2, cuong: 3})
    # Decided, then left before the closing: not rated by the round (the level is hidden).
    gone = ws.events.record(cuong, "transfer_out", "01/11/2025", other_organization="Đoàn xã A")
    ws.rating.close(YEAR)
    before = _read(ws, binh)
    rows = {r.full_name: r for r in before[0]}  # type: ignore[attr-defined]
    assert [(n, r.eligible, r.round_levels[2], r.reason) for n, r in rows.items()] == [
        ("Lê Văn An", True, 1, None),
        ("Trần Thị Bình", True, 2, None),
        ("Võ Cường", False, None, LEFT),
    ]
    assert (rows["Trần Thị Bình"].expected, rows["Trần Thị Bình"].attended) == (10, 8)

    ws.events.record(binh, "transfer_out", "01/09/2025", other_organization="Đoàn xã Khánh An")
    ws.events.delete(gone)
    late = _member(ws, branch, "Đỗ Văn Mới", admitted="01/02/2025")
    assert _read(ws, binh) == before

    ws.rating.reopen(YEAR)
    rows = {r.full_name: r for r in ws.rating.rows(YEAR)}
    assert [(n, r.eligible, r.round_levels[2], r.reason) for n, r in rows.items()] == [
        ("Lê Văn An", True, 1, None),
        ("Trần Thị Bình", False, None, LEFT),
        ("Võ Cường", True, 3, None),
        ("Đỗ Văn Mới", True, None, None),
    ]
    assert (rows["Trần Thị Bình"].expected, rows["Đỗ Văn Mới"].member_id) == (8, late)
    ws.rating.close(YEAR)  # closed again: what is recorded now counts
    assert ws.rating.member_history(binh) == [(YEAR, None, None, LEFT)]
    assert ws.rating.covered(YEAR) == {an, cuong, late}


def test_a_member_whose_first_event_came_after_the_closing_reads_as_before_it(
    ws: Workspace,
) -> None:
    """A member imported without events has today's status on the record: after a transfer
    out recorded since the closing, the closed round still reads the member as active."""
    branch = ws.branches.create("Chi đoàn ấp 2").id
    member = _member(ws, branch, "Phạm Văn Đi")
    ws.rating.set(YEAR, member, {"decided_level": 2})
    ws.rating.close(YEAR)
    before = _read(ws, member)
    ws.events.record(member, "transfer_out", "01/06/2025", other_organization="Đoàn xã B")
    assert _read(ws, member) == before
    assert ws.rating.member_history(member) == [(YEAR, 2, None, None)]


def test_a_party_admission_recorded_after_the_closing_leaves_the_member_rated(
    ws: Workspace,
) -> None:
    """A Party admission of 2024 recorded only after the round of 2025 was closed (a full
    Party member is reviewed, not rated) does not take the member out of the closed round."""
    branch = ws.branches.create("Chi đoàn ấp 3").id
    member = _member(ws, branch, "Ngô Văn Đảng")
    ws.rating.set(YEAR, member, {"decided_level": 1})
    ws.rating.close(YEAR)
    before = _read(ws, member)
    ws.events.record(member, "party_admission", "10/03/2024")
    assert _read(ws, member) == before
    assert ws.rating.member_history(member) == [(YEAR, 1, None, None)]
    ws.rating.reopen(YEAR)
    (row,) = ws.rating.rows(YEAR)
    assert (row.eligible, row.reason, row.round_levels[2]) == (False, PARTY, None)


def test_a_round_closed_by_an_older_version_reads_as_before(tmp_path: Path) -> None:
    """schema-0009's round of 2025, closed with nothing recorded since, reads as the same
    data read live (reopened)."""
    copied(SCHEMA_0009, tmp_path / "data")
    with Workspace.open(tmp_path / "data") as ws:
        info = ws.rating.round(YEAR)
        assert info is not None and info.closed
        rows = ws.rating.rows(YEAR)
        assert sum(r.decided_level is not None for r in rows if r.eligible) > 0
        closed = (rows, ws.rating.summary(YEAR), ws.rating.covered(YEAR),
                  [ws.rating.member_history(r.member_id) for r in rows])  # fmt: skip
        ws.rating.reopen(YEAR)
        assert closed[3] and all(h == [] for h in
                                 [ws.rating.member_history(r.member_id) for r in rows])  # fmt: skip
        assert (ws.rating.rows(YEAR), ws.rating.summary(YEAR), ws.rating.covered(YEAR)) == closed[
            :3
        ]


def test_a_closed_round_reads_the_same_on_the_copy_it_travelled_to(
    ws: Workspace, tmp_path: Path
) -> None:
    """What a closed round reads up to travels with the rows (their creation and the round's
    closing): the copy that took the round over, then a transfer out recorded on the first copy
    since, reads it as closed, as the first copy does."""
    branch = ws.branches.create("Chi đoàn ấp 4").id
    an, binh = (_member(ws, branch, n) for n in ("Lê Văn An", "Trần Thị Bình"))
    ws.rating.set_levels(YEAR, "decided_level", {an: 1, binh: 2})
    ws.rating.close(YEAR)
    with Workspace.open(tmp_path / "away") as away:
        assert carry(ws, away).applied
        before = (away.rating.rows(YEAR), away.rating.summary(YEAR))
        assert before == (ws.rating.rows(YEAR), ws.rating.summary(YEAR))
        ws.events.record(binh, "transfer_out", "01/09/2025", other_organization="Đoàn xã B")
        assert carry(ws, away).applied
        assert (away.rating.rows(YEAR), away.rating.summary(YEAR)) == before
        away.rating.reopen(YEAR)
        assert [(r.full_name, r.reason) for r in away.rating.rows(YEAR)] == [
            ("Lê Văn An", None),
            ("Trần Thị Bình", LEFT),
        ]


def test_a_member_deleted_after_the_closing_stays_in_the_closed_round(ws: Workspace) -> None:
    """Deleting a member from the roster after the closing (a record entered twice, found
    later) leaves the member, the level and the counts in the closed round; reopened, the
    round reads the roster of today, without the member."""
    branch = ws.branches.create("Chi đoàn ấp 5").id
    an, binh = (_member(ws, branch, n) for n in ("Lê Văn An", "Trần Thị Bình"))
    meetings(ws, {an: 10, binh: 8})
    ws.rating.set_levels(YEAR, "decided_level", {an: 1, binh: 2})
    ws.rating.close(YEAR)
    before = _read(ws, binh)
    assert before[2] == {an, binh}  # covered

    assert ws.members.delete([binh]) == 1
    assert _read(ws, binh)[1:] == before[1:]
    rows = ws.rating.rows(YEAR)  # the same, the member's row saying the deletion
    assert [replace(r, changed_after_closing=None) for r in rows] == before[0]
    today = dt.date.today().strftime("%d/%m/%Y")
    assert rows[1].changed_after_closing == (
        f"Đã xóa khỏi danh sách đoàn viên sau khi khóa đợt: {today}"
    )

    ws.rating.reopen(YEAR)
    assert [r.full_name for r in ws.rating.rows(YEAR)] == ["Lê Văn An"]
    assert ws.rating.summary(YEAR)[-1].counts == {1: 1, 2: 0, 3: 0, 4: 0}


def test_a_closed_round_says_whose_record_changed_after_it_closed(ws: Workspace) -> None:
    """Nothing stored keeps a member's record as it was at the closing: a closed round reads
    the name, birth date or chi đoàn edited since, and says so on the member's row; an event
    recorded since (which the round leaves out) is no edit; a member deleted since is said to
    be."""
    branch = ws.branches.create("Chi đoàn ấp 6").id
    an, binh, cuong = (_member(ws, branch, n) for n in ("Lê Văn An", "Trần Thị Bình", "Võ Cường"))
    ws.rating.set_levels(YEAR, "decided_level", {an: 1, binh: 2, cuong: 3})
    ws.rating.close(YEAR)
    assert {r.full_name: r.changed_after_closing for r in ws.rating.rows(YEAR)} == {
        "Lê Văn An": None, "Trần Thị Bình": None, "Võ Cường": None,
    }  # fmt: skip

    ws.members.save({"full_name": "Trần Thị Bình", "birth_date": "07/03/2000",
                     "branch_id": branch, "admission_date": "01/01/2020"}, binh)  # fmt: skip
    ws.events.record(an, "transfer_out", "01/09/2025", other_organization="Đoàn xã B")
    ws.members.delete([cuong])

    today = dt.date.today().strftime("%d/%m/%Y")
    rows = {r.full_name: r for r in ws.rating.rows(YEAR)}
    assert {name: r.changed_after_closing for name, r in rows.items()} == {
        "Lê Văn An": None,
        "Trần Thị Bình": f"Hồ sơ đã sửa sau khi khóa đợt: {today}",
        "Võ Cường": f"Đã xóa khỏi danh sách đoàn viên sau khi khóa đợt: {today}",
    }
    assert rows["Trần Thị Bình"].birth_date == dt.date(2000, 3, 7)  # read as edited

    ws.rating.reopen(YEAR)
    assert [r.changed_after_closing for r in ws.rating.rows(YEAR)] == [None, None]


def test_a_member_restored_after_the_closing_cannot_be_told_from_one_edited_since(
    ws: Workspace,
) -> None:
    """A member deleted before the closing and brought back since (the "Hoàn tác" of another
    process's window, the CLI having closed the round meanwhile) leaves what a member on the
    roster at the closing, with no level in the round (undecided, or not rated), leaves when
    edited since: recorded before the closing, changed after it, not deleted, no rating row.
    Leaving such members out would drop from the signed round members it rated, so the round
    keeps both, each row saying that the record changed after the closing."""
    branch = ws.branches.create("Chi đoàn ấp 7").id
    an, binh, cuong = (_member(ws, branch, n) for n in ("Lê Văn An", "Trần Thị Bình", "Võ Cường"))
    dang = ws.members.save({"full_name": "Phạm Văn Đảng", "birth_date": "01/01/2000",
                            "branch_id": branch, "admission_date": "01/01/2020",
                            "party_date": "10/12/2024"})  # fmt: skip
    ws.rating.set_levels(YEAR, "decided_level", {an: 1})
    assert ws.members.delete([cuong]) == 1
    ws.rating.close(YEAR)
    before = [(r.full_name, r.eligible, r.reason) for r in ws.rating.rows(YEAR)]
    assert before == [
        ("Lê Văn An", True, None), ("Trần Thị Bình", True, None), ("Phạm Văn Đảng", False, PARTY),
    ]  # fmt: skip

    for member, name, party in ((binh, "Trần Thị Bình", ""), (dang, "Phạm Văn Đảng", "10/12/2024")):
        # On the roster at the closing, no level: edited since.
        ws.members.save({"full_name": name, "birth_date": "07/03/2000", "branch_id": branch,
                         "admission_date": "01/01/2020", "party_date": party}, member)  # fmt: skip
    assert ws.members.restore([cuong]) == 1

    with ws._ctx.db.read() as session:
        by = closing_of(session, ws._ctx.organization_id, YEAR)
        assert by is not None
        signs = {
            member_id: (created <= by, updated > by, deleted, rated)
            for member_id, created, updated, deleted, rated in session.execute(
                select(
                    Member.id, Member.created_at, Member.updated_at, Member.deleted_at,
                    select(Rating.id).where(Rating.member_id == Member.id).exists(),
                ).where(Member.id.in_([binh, dang, cuong]))
            )
        }  # fmt: skip
    assert signs == dict.fromkeys((binh, dang, cuong), (True, True, None, False))

    today = dt.date.today().strftime("%d/%m/%Y")
    rows = {r.full_name: r for r in ws.rating.rows(YEAR)}
    assert [(n, r.eligible, r.reason, r.changed_after_closing) for n, r in rows.items()] == [
        ("Lê Văn An", True, None, None),
        ("Trần Thị Bình", True, None, f"Hồ sơ đã sửa sau khi khóa đợt: {today}"),
        ("Võ Cường", True, None, f"Hồ sơ đã sửa sau khi khóa đợt: {today}"),
        ("Phạm Văn Đảng", False, PARTY, f"Hồ sơ đã sửa sau khi khóa đợt: {today}"),
    ]


def test_an_edit_followed_by_an_event_after_the_closing_is_said(ws: Workspace) -> None:
    """Recording an event writes the member's record too (its status): an edit made before it,
    after the closing, was hidden under the event's time. The round keeps each member's
    version at its closing, so the versions an edit added since are still told from those
    the events since added; an event alone, or two, still say nothing."""
    branch = ws.branches.create("Chi đoàn ấp 8").id
    an, binh, cuong = (_member(ws, branch, n) for n in ("Lê Văn An", "Trần Thị Bình", "Võ Cường"))
    ws.rating.set_levels(YEAR, "decided_level", {an: 1, binh: 2, cuong: 3})
    ws.rating.close(YEAR)

    ws.members.save({"full_name": "Trần Thị Bình", "birth_date": "07/03/2000",
                     "branch_id": branch, "admission_date": "01/01/2020"}, binh)  # fmt: skip
    ws.events.record(binh, "transfer_out", "01/09/2025", other_organization="Đoàn xã B")
    gone = ws.events.record(an, "transfer_out", "01/09/2025", other_organization="Đoàn xã B")
    ws.events.delete(gone)
    ws.events.record(cuong, "party_admission", "10/03/2024")

    today = dt.date.today().strftime("%d/%m/%Y")
    rows = {r.full_name: r for r in ws.rating.rows(YEAR)}
    assert {name: r.changed_after_closing for name, r in rows.items()} == {
        "Lê Văn An": None,
        "Trần Thị Bình": f"Hồ sơ đã sửa sau khi khóa đợt: {today}",
        "Võ Cường": None,
    }
    assert rows["Trần Thị Bình"].birth_date == dt.date(2000, 3, 7)

    ws.rating.reopen(YEAR)
    ws.rating.close(YEAR)  # closed again: the versions of now, kept once
    assert [r.changed_after_closing for r in ws.rating.rows(YEAR)] == [None, None, None]
    with ws._ctx.db.read() as session:
        history = json.loads(session.scalar(select(RatingRound.history)) or "[]")
    assert [(e["action"], "revisions" in e) for e in history] == [
        ("close", False), ("reopen", False), ("close", True),
    ]  # fmt: skip
