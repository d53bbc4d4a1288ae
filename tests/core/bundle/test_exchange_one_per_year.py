"""A plan, a rating round, a checklist or a setting of the same year or key made apart on two
copies of one organisation (issue #17's walkthrough): never the import's unique-key message in
table names and ids, never a dead end. Each is a conflict of the import, named as the user knows
both records (what each holds); without a choice nothing is written; with one, the record chosen
is kept whole and the other deleted with what it holds, and the deletion travels back so that
the two copies end equal. A setting of the same value on both is no conflict at all."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from bundle_sync import attach_pdf, bundle_of, by_id, carry, created_day, cross, every_row, live_ids
from doancoso.core.bundle.merge import plan
from doancoso.core.bundle.outcome import RECORD
from doancoso.core.bundle.sync_errors import UnresolvedConflicts
from doancoso.core.plans.registration import Deadline
from doancoso.core.workspace import Workspace
from stored import plan_of

NOTHING = "Không có gì được ghi vào dữ liệu."
CHOICE = (
    "Mỗi năm (mỗi thiết lập) chỉ giữ được một bản: bản không chọn bị xóa cùng những gì nó chứa "
    "(chỉ tiêu, mức xếp loại, mục tự đánh giá và minh chứng của chúng), trên máy kia cũng vậy "
    "sau lần trao đổi tới. Hãy chọn giữ bản của máy này hay lấy bản trong tệp. " + NOTHING
)
YEAR = dt.date.today().year + 1
"""A year the demo holds no plan, round or checklist of (it holds this year's and last)."""


def _unresolved(home: Workspace, away: Workspace) -> tuple[list[dict[str, Any]], str]:
    """The conflicts of importing ``away``'s bundle into ``home`` (the dry run's, as JSON) and
    the refusal of the import without a choice; ``home`` unchanged."""
    before = every_row(home)
    dry = plan(home, bundle_of(away))
    assert dry.unresolved == dry.conflicts
    with pytest.raises(UnresolvedConflicts) as caught:
        carry(away, home)
    assert every_row(home) == before
    return [c.to_json() for c in dry.conflicts], caught.value.message


def _year_row(ws: Workspace, table: str) -> str:
    """The id of ``ws``'s live row of :data:`YEAR` in ``table``."""
    with ws.db.raw() as cursor:
        cursor.execute(f"SELECT id FROM {table} WHERE year = ? AND deleted_at IS NULL", (YEAR,))
        (row_id,) = cursor.fetchone()
    return str(row_id)


def _conflict(table: str, their_id: str, mine_id: str, label: str, field: str,
              mine: str, theirs: str) -> dict[str, Any]:  # fmt: skip
    return {
        "table": table, "id": their_id, "label": label,
        "fields": [{"name": RECORD, "label": field, "mine": mine, "theirs": theirs,
                    "changed": None}],
        "automatic": False, "mine_id": mine_id,
    }  # fmt: skip


def _two_plans(home: Workspace, away: Workspace) -> tuple[str, str]:
    kinds = home.activities.kind_names()
    mine = home.plans.create(YEAR)
    for text in ("Kết nạp 20 đoàn viên mới", "Tổ chức 12 buổi sinh hoạt chi đoàn"):
        home.plans.add_target(YEAR, {"text": text}, kinds)
    theirs = away.plans.create(YEAR, number="07-KH/ĐTN", title=f"Kế hoạch công tác Đoàn năm {YEAR}")
    away.plans.add_target(YEAR, {"text": "Trồng 500 cây xanh"}, kinds)
    # Sent in the year before the plan's, as plans are (30 days back crossed into the year
    # before that in January, which a plan of YEAR refuses), and never after today.
    away.plans.register(YEAR, "Đã gửi", dt.date(YEAR - 1, 1, 1))
    return mine.id, theirs.id


def test_the_plan_of_a_year_made_on_both_copies_is_a_conflict_naming_both(
    home: Workspace, away: Workspace
) -> None:
    mine, theirs = _two_plans(home, away)
    conflicts, message = _unresolved(home, away)
    assert conflicts == [
        _conflict(
            "plans", theirs, mine, f"Kế hoạch công tác năm {YEAR}", "Kế hoạch",
            f"“Kế hoạch công tác Đoàn và phong trào thanh thiếu nhi năm {YEAR}”, lập ngày "
            f"{created_day(home, 'plans', mine)}, 2 chỉ tiêu",
            f"“Kế hoạch công tác Đoàn năm {YEAR}” (số 07-KH/ĐTN), lập ngày "
            f"{created_day(away, 'plans', theirs)}, 1 chỉ tiêu, đã gửi đăng ký",
        )
    ]  # fmt: skip
    assert message == f"Mỗi máy có một bản riêng của: Kế hoạch công tác năm {YEAR}. {CHOICE}"


def test_mine_kept_deletes_theirs_with_its_targets_on_both_copies(
    home: Workspace, away: Workspace
) -> None:
    mine, theirs = _two_plans(home, away)
    result = carry(away, home, on_conflict="mine")
    assert result.applied and not result.unresolved
    assert result.new.get("plans") is None and result.new.get("plan_targets") is None
    assert plan_of(home, YEAR).id == mine
    assert [t.text for t in plan_of(home, YEAR).targets] == [
        "Kết nạp 20 đoàn viên mới", "Tổ chức 12 buổi sinh hoạt chi đoàn",
    ]  # fmt: skip
    assert (
        live_ids(home, "plans", "id", theirs)
        == []
        == live_ids(home, "plan_targets", "plan_id", theirs)
    )
    # Back to the other copy: theirs deleted there too, ours taken; then both equal.
    back = carry(home, away)
    assert back.applied and back.conflicts == []
    assert back.deleted == {"plans": 1, "plan_targets": 1}
    assert plan_of(away, YEAR).id == mine and plan_of(away, YEAR).number is None
    assert by_id(home) == by_id(away)
    assert not carry(away, home).conflicts and by_id(home) == by_id(away)


def test_theirs_taken_deletes_ours_with_its_targets_on_both_copies(
    home: Workspace, away: Workspace
) -> None:
    mine, theirs = _two_plans(home, away)
    dry = plan(home, bundle_of(away), on_conflict="theirs")
    assert not dry.unresolved
    assert (dry.new, dry.deleted) == (
        {"plans": 1, "plan_targets": 1}, {"plans": 1, "plan_targets": 2},
    )  # fmt: skip
    result = carry(away, home, on_conflict={("plans", theirs): {RECORD: "theirs"}})
    assert (result.new, result.deleted) == (dry.new, dry.deleted)
    plan_here = plan_of(home, YEAR)
    assert (plan_here.id, plan_here.number) == (theirs, "07-KH/ĐTN")
    assert [t.text for t in plan_here.targets] == ["Trồng 500 cây xanh"]
    assert live_ids(home, "plan_targets", "plan_id", mine) == []
    assert carry(home, away).conflicts == []
    assert by_id(home) == by_id(away)
    assert plan_of(away, YEAR).id == theirs


def test_the_rating_round_of_a_year_opened_on_both_copies_keeps_one_with_its_ratings(
    home: Workspace, away: Workspace
) -> None:
    home.rating.open(YEAR)
    members = home.members.list()
    for member in members[:3]:
        home.rating.set(YEAR, member.id, {"decided_level": 2})
    home.rating.close(YEAR)
    away.rating.open(YEAR)
    away.rating.set(YEAR, members[5].id, {"proposed_level": 1})
    my_id, their_id = (_year_row(ws, "rating_rounds") for ws in (home, away))
    conflicts, message = _unresolved(home, away)
    assert conflicts == [
        _conflict(
            "rating_rounds", their_id, my_id, f"Đợt xếp loại đoàn viên năm {YEAR}", "Đợt xếp loại",
            f"mở ngày {created_day(home, 'rating_rounds', my_id)}, 3 đoàn viên đã có mức xếp "
            "loại, đã kết thúc đợt",
            f"mở ngày {created_day(away, 'rating_rounds', their_id)}, 1 đoàn viên đã có mức xếp "
            "loại",
        )
    ]  # fmt: skip
    assert message == f"Mỗi máy có một bản riêng của: Đợt xếp loại đoàn viên năm {YEAR}. {CHOICE}"
    # The other copy takes ours: its round and its rating deleted; ours, closed, on both.
    result = carry(home, away, on_conflict="theirs")
    assert result.deleted.get("rating_rounds") == 1 and result.deleted.get("ratings") == 1
    assert _year_row(away, "rating_rounds") == my_id
    assert live_ids(away, "ratings", "round_id", their_id) == []
    assert carry(away, home).conflicts == []
    assert by_id(home) == by_id(away)
    rated = {r.member_id: r.decided_level for r in home.rating.rows(YEAR) if r.decided_level}
    assert rated == {m.id: 2 for m in members[:3]}


def test_the_checklist_kept_takes_its_answers_and_evidence_the_other_deleted_with_its_files(
    home: Workspace, away: Workspace, tmp_path: Path
) -> None:
    home.recognition.open(YEAR)
    home.recognition.set(YEAR, "3.1", {"status": "Không áp dụng", "note": "Chưa có cấp ủy"})
    attach_pdf(home, YEAR, "3.1", tmp_path / "o-nha.pdf")
    away.recognition.open(YEAR)
    away.recognition.set(YEAR, "1.1", {"status": "Đạt"})
    away.recognition.set(YEAR, "2.1", {"status": "Chưa đạt"})
    attach_pdf(away, YEAR, "1.1", tmp_path / "o-xa.pdf")
    my_id, their_id = (_year_row(ws, "checklists") for ws in (home, away))
    days = [created_day(ws, "checklists", i) for ws, i in ((home, my_id), (away, their_id))]
    template = home.recognition.templates()[0].name
    conflicts, _message = _unresolved(home, away)
    assert conflicts == [
        _conflict(
            "checklists", their_id, my_id, f"Bảng tự đánh giá “3 chủ động” năm {YEAR}",
            "Bảng tự đánh giá",
            f"theo bộ tiêu chí “{template}”, mở ngày {days[0]}, 1 mục đã đánh giá",
            f"theo bộ tiêu chí “{template}”, mở ngày {days[1]}, 2 mục đã đánh giá",
        )
    ]  # fmt: skip
    answers = {ws: live_ids(ws, "checklist_answers", "checklist_id", i)
               for ws, i in ((home, my_id), (away, their_id))}  # fmt: skip
    dry = plan(home, bundle_of(away), on_conflict="mine")
    assert "evidence_files" not in dry.new and "checklist_answers" not in dry.new
    result = carry(away, home, on_conflict="mine")
    assert result.new.get("evidence_files") is None and result.deleted == {}
    assert _year_row(home, "checklists") == my_id
    for answer in answers[away]:  # theirs deleted here, their file's row too
        assert live_ids(home, "evidence_files", "owner_id", answer) == []
    assert [len(live_ids(home, "evidence_files", "owner_id", a)) for a in answers[home]].count(
        1
    ) == 1
    back = carry(home, away)
    assert back.deleted == {"checklists": 1, "checklist_answers": len(answers[away]),
                            "evidence_files": 1}  # fmt: skip
    assert by_id(home) == by_id(away)
    attached = away.evidence.attachments_of("checklist_answers", answers[home])
    assert [a.original_name for files in attached.values() for a in files] == ["o-nha.pdf"]
    (file,) = (a for files in attached.values() for a in files)
    assert file.path.read_bytes() == "%PDF-1.4\n% Biên bản 3.1 của o-nha\n".encode()
    assert away.evidence.attachments_of("checklist_answers", answers[away]) == {}


def _updated_day(ws: Workspace, key: str) -> str:
    with ws.db.raw() as cursor:
        cursor.execute("SELECT updated_at FROM settings WHERE key = ? AND deleted_at IS NULL",
                       (key,))  # fmt: skip
        (updated,) = cursor.fetchone()
    return f"{updated[8:10]}/{updated[5:7]}/{updated[0:4]}"


def _setting_id(ws: Workspace, key: str) -> str:
    (row_id,) = live_ids(ws, "settings", "key", key)
    return row_id


def test_a_setting_set_to_two_values_is_a_conflict_each_chosen_on_its_own(
    home: Workspace, away: Workspace
) -> None:
    home.plans.set_registration_deadline(1, 11)
    away.plans.set_registration_deadline(5, 11)
    away.evidence.set_max_size_mb(60)
    home.evidence.set_max_size_mb(20)
    away.rating.record_decision(2026, "05-QĐ/ĐTN", dt.date(2026, 11, 20))
    home.rating.record_decision(2026, "05-QĐ/ĐTN", dt.date(2026, 11, 22))
    keys = ("evidence_max_mb", "plan_deadline", "rating_decision_2026")
    ids = {k: (_setting_id(home, k), _setting_id(away, k)) for k in keys}
    days = {k: (_updated_day(home, k), _updated_day(away, k)) for k in keys}
    conflicts, message = _unresolved(home, away)
    assert conflicts == [
        _conflict("settings", ids["evidence_max_mb"][1], ids["evidence_max_mb"][0],
                  "Dung lượng tối đa của một tệp minh chứng", "Giá trị",
                  f"20 MB, đặt ngày {days['evidence_max_mb'][0]}",
                  f"60 MB, đặt ngày {days['evidence_max_mb'][1]}"),
        _conflict("settings", ids["plan_deadline"][1], ids["plan_deadline"][0],
                  "Hạn đăng ký kế hoạch năm sau với cấp trên", "Giá trị",
                  f"ngày 01/11, đặt ngày {days['plan_deadline'][0]}",
                  f"ngày 05/11, đặt ngày {days['plan_deadline'][1]}"),
        _conflict("settings", ids["rating_decision_2026"][1], ids["rating_decision_2026"][0],
                  "Quyết định công nhận kết quả xếp loại năm 2026", "Giá trị",
                  f"số 05-QĐ/ĐTN ngày 22/11/2026, đặt ngày {days['rating_decision_2026'][0]}",
                  f"số 05-QĐ/ĐTN ngày 20/11/2026, đặt ngày {days['rating_decision_2026'][1]}"),
    ]  # fmt: skip
    assert message == (
        "Mỗi máy có một bản riêng của: Dung lượng tối đa của một tệp minh chứng; Hạn đăng ký kế "
        "hoạch năm sau với cấp trên; Quyết định công nhận kết quả xếp loại năm 2026. " + CHOICE
    )
    # Two left to choose: still nothing written.
    before = every_row(home)
    one = {("settings", ids["plan_deadline"][1]): "theirs"}
    with pytest.raises(UnresolvedConflicts):
        carry(away, home, on_conflict=one)
    assert every_row(home) == before
    chosen = {
        ("settings", ids["evidence_max_mb"][1]): "mine",
        ("settings", ids["plan_deadline"][1]): "theirs",
        ("settings", ids["rating_decision_2026"][1]): {RECORD: "theirs"},
    }
    assert carry(away, home, on_conflict=chosen).applied
    assert carry(home, away).applied
    assert by_id(home) == by_id(away)
    for ws in (home, away):
        assert ws.plans.registration_deadline() == Deadline(5, 11)
        assert ws.evidence.max_size == 20 * 1024 * 1024
        decision = ws.rating.decision(2026)
        assert decision is not None and decision.issued_on == dt.date(2026, 11, 20)


def test_a_deadline_in_the_plans_own_year_travels_and_is_named_in_a_conflict(
    home: Workspace, away: Workspace
) -> None:
    """ "31/01 of the plan's year" against "05/11 of the year before": the conflict says which
    is which; the one chosen arrives with its year."""
    home.plans.set_registration_deadline(5, 11)
    away.plans.set_registration_deadline(31, 1, in_plan_year=True)
    mine, theirs = _setting_id(home, "plan_deadline"), _setting_id(away, "plan_deadline")
    days = (_updated_day(home, "plan_deadline"), _updated_day(away, "plan_deadline"))
    conflicts, _ = _unresolved(home, away)
    assert conflicts == [
        _conflict("settings", theirs, mine, "Hạn đăng ký kế hoạch năm sau với cấp trên",
                  "Giá trị", f"ngày 05/11, đặt ngày {days[0]}",
                  f"ngày 31/01 của năm kế hoạch, đặt ngày {days[1]}"),
    ]  # fmt: skip
    assert carry(away, home, on_conflict={("settings", theirs): "theirs"}).applied
    assert home.plans.registration_deadline() == Deadline(31, 1, in_plan_year=True)


def _live_settings(ws: Workspace) -> list[tuple[str, str, str]]:
    with ws.db.raw() as cursor:
        cursor.execute("SELECT id, key, value FROM settings WHERE deleted_at IS NULL ORDER BY key")
        return [tuple(r) for r in cursor.fetchall()]


def test_a_setting_set_to_the_same_value_on_both_copies_is_taken_silently(
    home: Workspace, away: Workspace
) -> None:
    home.plans.set_registration_deadline(1, 11)
    away.plans.set_registration_deadline(1, 11)
    ids = sorted(s[0] for ws in (home, away) for s in _live_settings(ws))
    dry = plan(home, bundle_of(away))
    assert "settings" not in dry.new and dry.conflicts == []
    assert carry(away, home).applied
    assert carry(home, away).applied
    assert by_id(home) == by_id(away)
    # One row kept on both copies, the one of the smaller id; the other a tombstone on both.
    assert _live_settings(home) == _live_settings(away) == [(ids[0], "plan_deadline", "1/11")]
    # Later changes travel as any change does, without a conflict.
    away.plans.set_registration_deadline(3, 11)
    assert carry(away, home).applied
    assert home.plans.registration_deadline() == Deadline(3, 11)


def test_a_same_valued_setting_crossing_both_ways_at_once_is_kept(
    home: Workspace, away: Workspace
) -> None:
    """Both copies import the other's file made before either import: each keeps the row of
    the smaller id, so that the setting is never deleted on both."""
    home.plans.set_registration_deadline(1, 11)
    away.plans.set_registration_deadline(1, 11)
    cross(home, away)
    assert carry(away, home).applied
    assert carry(home, away).applied
    assert by_id(home) == by_id(away)
    assert [(k, v) for _, k, v in _live_settings(home)] == [("plan_deadline", "1/11")]
    assert (
        home.plans.registration_deadline() == away.plans.registration_deadline() == Deadline(1, 11)
    )


def test_a_file_leaving_empty_columns_out_is_read_the_same(
    home: Workspace, away: Workspace
) -> None:
    """A row may leave out a column that can be empty (bundle-format.md): what the conflict
    counts in the file is counted the same, and an empty round is still told from a rated
    one."""
    home.rating.open(YEAR)
    home.rating.set(YEAR, home.members.list()[0].id, {"decided_level": 2})
    away.rating.open(YEAR)
    for member in away.members.list()[1:3]:
        away.rating.set(YEAR, member.id, {"proposed_level": 3})
    whole = bundle_of(away)
    expected = [c.to_json() for c in plan(home, whole).conflicts]
    assert expected[0]["fields"][0]["theirs"].endswith(", 2 đoàn viên đã có mức xếp loại")
    for table in ("rating_rounds", "ratings", "branch_ratings"):
        rows = whole.table(table)
        rows[:] = [{k: v for k, v in r.items() if v is not None} for r in rows]
    assert [c.to_json() for c in plan(home, whole).conflicts] == expected
