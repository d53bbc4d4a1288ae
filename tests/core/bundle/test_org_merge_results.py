"""Sáp nhập, what it writes and what it says (#17 walkthrough): the fields a matched member takes
are a change of ours that reaches the other copies; a chi đoàn kept under a name we have is
refused; their plan and checklist of a year we have are not taken (and the preview says so);
the preview's counts are what the import writes."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bundle_sync import DEMO_DAY, bundle_of, carry, edit, every_row, round_rows
from doancoso.core.bundle.merge import apply, plan
from doancoso.core.bundle.orgmerge import year_text
from doancoso.core.bundle.rows import travelling_tables
from doancoso.core.bundle.sync_errors import SyncError
from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace

TAN_LOC = "Đoàn xã Tân Lộc"


THIS_YEAR = DEMO_DAY.year
"""The demo's year (it holds that year's plan, checklist and open round, and last year's
closed round)."""
LAST_YEAR = THIS_YEAR - 1


@pytest.fixture
def other(tmp_path: Path, home: Workspace) -> Iterator[Workspace]:
    """A former commune union with a year's records like home's (its plan, checklist and
    rating rounds of the same years); its first member is home's first, by CCCD, with a phone
    home's lacks; its “Chi đoàn ấp Tân Thành” is renamed “Chi đoàn ấp Mới”."""
    ws = Workspace.open(tmp_path / "other")
    ws.generate_demo(members=30, seed=8, today=DEMO_DAY)
    info = ws.organization.get()
    assert info is not None
    ws.organization.update(OrganizationInfo(**{**info.__dict__, "name": TAN_LOC}))
    mine = home.members.list()[0]
    edit(home, mine.id, phone="")
    theirs = ws.members.list()[0]
    assert mine.national_id
    edit(ws, theirs.id, full_name="Lê Công Ẩn", national_id=mine.national_id, phone="0900000001")
    branch = ws.branches.find("Chi đoàn ấp Tân Thành")
    assert branch is not None
    ws.branches.rename(branch.id, "Chi đoàn ấp Mới")
    yield ws
    ws.close()


def _table_counts(ws: Workspace) -> dict[str, int]:
    """Rows of every travelling table (tombstones too), read from the file itself."""
    with sqlite3.connect(ws.db.path) as db:
        return {
            t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in travelling_tables()
        }


def test_filled_fields_are_a_change_of_ours_that_reaches_the_other_copy(
    home: Workspace, away: Workspace, other: Workspace
) -> None:
    mine = home.members.list()[0]
    with sqlite3.connect(home.db.path) as db:
        before = db.execute(
            "SELECT revision, updated_at FROM members WHERE id = ?", (mine.id,)
        ).fetchone()
    carry(home, away)  # the office's other copy holds the same phone-less member
    assert away.members.get(mine.id).fields.phone is None

    preview = plan(home, bundle_of(other), merge_organization=True)
    assert [(m.mine_id, m.filled) for m in preview.matches if m.filled] == [(mine.id, ("phone",))]
    assert preview.updated == {"members": 1}
    result = apply(home, bundle_of(other), merge_organization=True)
    assert result.updated == {"members": 1}
    with sqlite3.connect(home.db.path) as db:
        after = db.execute(
            "SELECT revision, updated_at FROM members WHERE id = ?", (mine.id,)
        ).fetchone()
    assert after[0] == before[0] + 1 and after[1] > before[1]

    carry(home, away)
    assert away.members.get(mine.id).fields.phone == "0900000001"
    assert every_row(away) == every_row(home)
    assert away.check().problems == []


def test_a_chi_doan_kept_under_a_name_we_have_is_refused_before_anything_is_written(
    home: Workspace, other: Workspace
) -> None:
    theirs = {b.name: b.id for b in other.branches.list()}
    before = every_row(home)
    for options in (
        {"branch_map": {theirs["Chi đoàn ấp Mới"]: None},
         "branch_names": {theirs["Chi đoàn ấp Mới"]: "chi đoàn ấp tân thành"}},
        {"branch_map": {theirs["Chi đoàn ấp Kênh Xáng"]: None}},  # kept under its own name
        {"branch_map": {theirs["Chi đoàn ấp Mới"]: None, theirs["Chi đoàn ấp Kênh Xáng"]: None},
         "branch_names": {theirs["Chi đoàn ấp Mới"]: "Chi đoàn ấp Bến",
                          theirs["Chi đoàn ấp Kênh Xáng"]: "Chi đoàn ấp Bến"}},
    ):  # fmt: skip
        for step in (plan, apply):
            with pytest.raises(SyncError) as caught:
                step(home, bundle_of(other), merge_organization=True, **options)  # type: ignore[operator]
            held = "Chi đoàn ấp Bến" if "Chi đoàn ấp Bến" in str(options) else None
            name = held or (
                "Chi đoàn ấp Tân Thành" if "branch_names" in options else "Chi đoàn ấp Kênh Xáng"
            )
            assert caught.value.message.startswith(f"Đã có chi đoàn tên “{name}”: hãy đặt tên")
            assert caught.value.message.endswith("Không có gì được ghi vào dữ liệu.")
    assert every_row(home) == before
    assert caught.value.message == (
        "Đã có chi đoàn tên “Chi đoàn ấp Bến”: hãy đặt tên khác cho chi đoàn “Chi đoàn ấp Kênh "
        "Xáng” của tệp, hoặc gộp nó vào chi đoàn đó. Không có gì được ghi vào dữ liệu."
    )


def test_their_plan_and_checklist_of_a_year_we_have_are_not_taken_and_the_preview_says_so(
    home: Workspace, other: Workspace
) -> None:
    with sqlite3.connect(home.db.path) as db:
        our_targets = db.execute("SELECT id FROM plan_targets ORDER BY id").fetchall()
        our_answers = db.execute("SELECT * FROM checklist_answers ORDER BY id").fetchall()
        our_plans = db.execute("SELECT * FROM plans").fetchall()
        our_rounds = db.execute("SELECT * FROM rating_rounds ORDER BY year").fetchall()
    with sqlite3.connect(other.db.path) as db:
        their_rated = db.execute(
            "SELECT r.year, count(*) FROM ratings JOIN rating_rounds r ON r.id = round_id"
            " GROUP BY r.year"
        ).fetchall()
        their_answer_files = db.execute(
            "SELECT count(*) FROM evidence_files WHERE owner_table = 'checklist_answers'"
        ).fetchone()[0]
        their_answers = db.execute("SELECT count(*) FROM checklist_answers").fetchone()[0]
    preview = plan(home, bundle_of(other), merge_organization=True)
    result = apply(home, bundle_of(other), merge_organization=True)
    assert [y.to_json() for y in preview.years] == [y.to_json() for y in result.years]
    years = {(y.table, y.year): y for y in result.years}
    assert sorted(years) == [
        ("checklists", THIS_YEAR), ("plans", THIS_YEAR), ("rating_rounds", LAST_YEAR),
        ("rating_rounds", THIS_YEAR),
    ]  # fmt: skip
    assert years["plans", THIS_YEAR].dropped == {"plans": 1, "plan_targets": 7}
    assert years["checklists", THIS_YEAR].dropped == {
        "checklists": 1, "checklist_answers": their_answers, "evidence_files": their_answer_files,
    }  # fmt: skip
    for year, rated in their_rated:  # the matched member's rating: ours kept
        record = years["rating_rounds", year]
        assert record.joined.get("ratings", 0) + record.dropped.get("ratings", 0) == rated
    assert year_text(years["plans", THIS_YEAR], TAN_LOC) == (
        f"Kế hoạch năm {THIS_YEAR}: giữ kế hoạch của máy này; không nhận kế hoạch năm "
        f"{THIS_YEAR} của Đoàn xã Tân Lộc (7 chỉ tiêu)."
    )
    assert year_text(years["checklists", THIS_YEAR], TAN_LOC) == (
        f"Bảng tự đánh giá “3 chủ động” năm {THIS_YEAR}: giữ bảng của máy này; không nhận bảng "
        f"của Đoàn xã Tân Lộc ({their_answers} tiêu chí đã đánh giá, {their_answer_files} tệp "
        "minh chứng)."
    )
    current = years["rating_rounds", THIS_YEAR]  # ours open: theirs join it
    assert not current.closed and current.joined
    last = years["rating_rounds", LAST_YEAR]  # ours closed: its levels never change
    assert last.closed and last.joined == {}

    with sqlite3.connect(home.db.path) as db:
        assert db.execute("SELECT * FROM plans").fetchall() == our_plans
        assert db.execute("SELECT id FROM plan_targets ORDER BY id").fetchall() == our_targets
        assert db.execute("SELECT * FROM checklist_answers ORDER BY id").fetchall() == our_answers
        assert db.execute("SELECT * FROM rating_rounds ORDER BY year").fetchall() == our_rounds
        orphans = db.execute(
            "SELECT count(*) FROM evidence_files e WHERE owner_table = 'checklist_answers'"
            " AND NOT EXISTS (SELECT 1 FROM checklist_answers a WHERE a.id = e.owner_id)"
        ).fetchone()[0]
        assert orphans == 0
        targets = {r[0] for r in our_targets}
        for (named,) in db.execute("SELECT target_ids FROM activities"):
            assert set(__import__("json").loads(named or "[]")) <= targets
    assert home.check().problems == []


def test_the_preview_counts_what_the_import_writes(home: Workspace, other: Workspace) -> None:
    gone = other.members.list()[5]
    other.members.delete([gone.id])
    before = _table_counts(home)
    preview = plan(home, bundle_of(other), merge_organization=True)
    result = apply(home, bundle_of(other), merge_organization=True)
    after = _table_counts(home)
    assert (preview.new, preview.updated, preview.deleted) == (
        result.new, result.updated, result.deleted,
    )  # fmt: skip
    assert preview.merge_events == result.merge_events
    written = {t: after[t] - before[t] for t in after if after[t] != before[t]}
    # every row written is counted, but the member deleted there: kept deleted (its history
    # names it), never shown as a new member (as every import counts rows); the merge's event
    # in the history of each member brought in counted apart from the file's events
    assert written == {
        **result.new, "members": result.new["members"] + 1,
        "member_events": result.new["member_events"] + result.merge_events,
    }  # fmt: skip
    with sqlite3.connect(home.db.path) as db:
        merged = db.execute(
            "SELECT count(*) FROM member_events WHERE kind = 'org_merge'"
        ).fetchone()[0]
    assert merged == result.merge_events
    assert merged == len([m for m in other.members.list() if m.status in ("active", "temporary")])
    assert len(result.matches) == 1 and sorted(b.action for b in result.branches) == [
        "joined", "joined", "kept",
    ]  # fmt: skip


def test_our_closed_round_takes_none_of_their_ratings(home: Workspace, other: Workspace) -> None:
    """Our round of last year is closed (its levels decided): the merge takes none of their
    ratings of that year into it, member or chi đoàn, and says so with the way to take them
    (reopen the round, import again); their ratings of our open round join it as before."""
    assert LAST_YEAR in home.rating.closed_years() and LAST_YEAR in other.rating.closed_years()
    with contextlib.closing(sqlite3.connect(other.db.path)) as db:
        theirs = dict(
            db.execute(
                "SELECT t, count(*) FROM (SELECT 'ratings' t, round_id FROM ratings WHERE"
                " deleted_at IS NULL UNION ALL SELECT 'branch_ratings', round_id FROM"
                " branch_ratings WHERE deleted_at IS NULL) JOIN rating_rounds r ON r.id ="
                " round_id WHERE r.year = ? GROUP BY t",
                (LAST_YEAR,),
            ).fetchall()
        )
    before = round_rows(home, LAST_YEAR)
    preview = plan(home, bundle_of(other), merge_organization=True)
    (record,) = [y for y in preview.years if y.table == "rating_rounds" and y.year == LAST_YEAR]
    assert record.closed and record.joined == {} and record.dropped == theirs
    assert record.to_json()["closed"] is True
    assert year_text(record, TAN_LOC) == (
        f"Đợt xếp loại năm {LAST_YEAR}: đợt của máy này đã kết thúc nên được giữ nguyên; không "
        f"nhận {theirs['ratings']} xếp loại đoàn viên, {theirs['branch_ratings']} xếp loại chi "
        "đoàn của Đoàn xã Tân Lộc (kết quả của đợt đã kết thúc không được thay đổi; muốn nhận "
        "thì mở lại đợt (“Mở lại”) rồi nhập lại tệp)."
    )
    result = apply(home, bundle_of(other), merge_organization=True)
    assert [y.to_json() for y in result.years] == [y.to_json() for y in preview.years]
    assert round_rows(home, LAST_YEAR) == before
    assert LAST_YEAR in home.rating.closed_years()
    assert home.check().problems == []

    # As the words say: the round reopened, the same file imported again takes them.
    home.rating.reopen(LAST_YEAR)
    again = apply(home, bundle_of(other), merge_organization=True)
    (record,) = [y for y in again.years if y.table == "rating_rounds" and y.year == LAST_YEAR]
    assert not record.closed and record.joined
    assert len(round_rows(home, LAST_YEAR)) > len(before)
    assert home.check().problems == []


def test_the_history_rows_counted_new_are_those_the_file_holds(
    home: Workspace, other: Workspace
) -> None:
    """Their members' history: the rows of the file counted as new, the merge's own event of
    each member brought in counted on its own line (before: added to the file's, more new
    history rows than the file holds)."""
    source = bundle_of(other)
    theirs = source.table("member_events")
    preview = plan(home, source, merge_organization=True)
    assert preview.new["member_events"] == len(theirs)
    brought = len([m for m in other.members.list() if m.status in ("active", "temporary")])
    assert preview.merge_events == brought
    assert preview.to_json()["new"]["member_events"] == len(theirs)
    assert preview.to_json()["merge_events"] == brought
