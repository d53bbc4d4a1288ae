"""A plan, a rating round, a checklist or a setting of the same year or key made apart on two
copies of one organisation (issue #17's walkthrough): never the import's unique-key message in
table names and ids. The import (and its dry run) is refused, all of it, naming the record on
both sides with what each holds and what to do; a setting of the same value on both is no
conflict at all: joined, the two copies ending equal."""

from __future__ import annotations

import datetime as dt

import pytest

from bundle_sync import bundle_of, carry, created_day, every_row
from doancoso.core.bundle.merge import apply, plan
from doancoso.core.bundle.one_per_year import DuplicateYearRecords
from doancoso.core.workspace import Workspace

NOTHING = "Không có gì được ghi vào dữ liệu."


def stuck(made: str) -> str:
    return (
        f"Khi một bên chỉ mới {made} mà chưa ghi gì, tệp được nhận và bản trống được bỏ; hai "
        "bản đều đã có nội dung thì phần mềm chưa gộp được, cũng chưa bỏ được bản của một năm "
        "trên một máy, nên tệp giữa hai máy chưa nhận được cho đến khi chỉ còn một bản có nội "
        f"dung. Dữ liệu vẫn làm tiếp được trên từng máy. {NOTHING}"
    )


YEAR = 2027


def _refused(home: Workspace, away: Workspace) -> str:
    """The message of importing ``away``'s bundle into ``home``: the dry run's and the
    import's the same, ``home`` unchanged."""
    before = every_row(home)
    with pytest.raises(DuplicateYearRecords) as dry:
        plan(home, bundle_of(away))
    with pytest.raises(DuplicateYearRecords) as caught:
        carry(away, home)
    assert caught.value.message == dry.value.message
    assert every_row(home) == before
    return caught.value.message


def _year_row(ws: Workspace, table: str) -> str:
    """The id of ``ws``'s row of :data:`YEAR` in ``table``."""
    with ws.db.raw() as cursor:
        cursor.execute(f"SELECT id FROM {table} WHERE year = ?", (YEAR,))
        (row_id,) = cursor.fetchone()
    return str(row_id)


def _by_id(ws: Workspace) -> dict[str, list[dict[str, object]]]:
    return {t: sorted(rows, key=lambda r: str(r["id"])) for t, rows in every_row(ws).items()}


def test_the_plan_of_a_year_made_on_both_copies_is_refused_naming_both(
    home: Workspace, away: Workspace
) -> None:
    kinds = home.activities.kind_names()
    mine = home.plans.create(YEAR)
    for text in ("Kết nạp 20 đoàn viên mới", "Tổ chức 12 buổi sinh hoạt chi đoàn"):
        home.plans.add_target(YEAR, {"text": text}, kinds)
    theirs = away.plans.create(YEAR, number="07-KH/ĐTN", title="Kế hoạch công tác Đoàn năm 2027")
    away.plans.add_target(YEAR, {"text": "Trồng 500 cây xanh"}, kinds)
    away.plans.register(YEAR, "Đã gửi", dt.date(2026, 11, 5))
    assert _refused(home, away) == (
        "Kế hoạch công tác năm 2027 đã được lập riêng trên cả hai máy; mỗi năm chỉ có một kế "
        "hoạch nên chưa nhận được tệp này:\n"
        "• Năm 2027 — trên máy này: “Kế hoạch công tác Đoàn và phong trào thanh thiếu nhi năm "
        "2027”, lập ngày "
        f"{created_day(home, 'plans', mine.id)}, 2 chỉ tiêu; trong tệp: “Kế hoạch công tác Đoàn "
        f"năm 2027” (số 07-KH/ĐTN), lập ngày {created_day(away, 'plans', theirs.id)}, 1 chỉ "
        "tiêu, đã gửi đăng ký.\n"
        "Hãy thống nhất giữ kế hoạch của một máy, ghi thêm vào đó những gì chỉ có ở bản kia, "
        f"và từ nay chỉ sửa kế hoạch ấy trên máy đã chọn. {stuck('lập')}"
    )


def test_plans_of_two_years_are_named_in_one_refusal(home: Workspace, away: Workspace) -> None:
    for ws, number in ((home, "07-KH/ĐTN"), (away, "08-KH/ĐTN")):
        ws.plans.create(YEAR + 1, number=number)
        ws.plans.create(YEAR, number=number)
    message = _refused(home, away)
    assert message.startswith("Kế hoạch công tác năm 2027, 2028 đã được lập riêng trên cả hai")
    assert [line[:11] for line in message.split("\n") if line.startswith("•")] == [
        "• Năm 2027 ", "• Năm 2028 ",
    ]  # fmt: skip


def test_the_rating_round_of_a_year_opened_on_both_copies_is_refused_naming_both(
    home: Workspace, away: Workspace
) -> None:
    home.rating.open(YEAR)
    for member in home.members.list()[:3]:
        home.rating.set(YEAR, member.id, {"decided_level": 2})
    home.rating.close(YEAR)
    away.rating.open(YEAR)
    away.rating.set(YEAR, home.members.list()[5].id, {"proposed_level": 1})
    my_id, their_id = (_year_row(ws, "rating_rounds") for ws in (home, away))
    assert _refused(home, away) == (
        "Đợt xếp loại đoàn viên năm 2027 đã được mở riêng trên cả hai máy; mỗi năm chỉ có một "
        "đợt xếp loại nên chưa nhận được tệp này:\n"
        f"• Năm 2027 — trên máy này: mở ngày {created_day(home, 'rating_rounds', my_id)}, 3 "
        "đoàn viên đã có mức xếp loại, đã kết thúc đợt; trong tệp: mở ngày "
        f"{created_day(away, 'rating_rounds', their_id)}, 1 đoàn viên đã có mức xếp loại.\n"
        "Hãy thống nhất làm xếp loại năm đó trên một máy và ghi thêm vào đó những mức xếp loại "
        f"chỉ có ở bản kia. {stuck('mở')}"
    )


def test_the_checklist_of_a_year_opened_on_both_copies_is_refused_naming_both(
    home: Workspace, away: Workspace
) -> None:
    home.recognition.open(YEAR)
    home.recognition.set(YEAR, "3.1", {"status": "Không áp dụng", "note": "Chưa có cấp ủy"})
    away.recognition.open(YEAR)
    away.recognition.set(YEAR, "1.1", {"status": "Đạt"})
    away.recognition.set(YEAR, "2.1", {"status": "Chưa đạt"})
    days = [created_day(ws, "checklists", _year_row(ws, "checklists")) for ws in (home, away)]
    template = home.recognition.templates()[0].name
    assert _refused(home, away) == (
        "Bảng tự đánh giá “3 chủ động” năm 2027 đã được mở riêng trên cả hai máy; mỗi năm chỉ "
        "có một bảng tự đánh giá nên chưa nhận được tệp này:\n"
        f"• Năm 2027 — trên máy này: theo bộ tiêu chí “{template}”, mở ngày {days[0]}, 1 mục "
        f"đã đánh giá; trong tệp: theo bộ tiêu chí “{template}”, mở ngày {days[1]}, 2 mục "
        "đã đánh giá.\n"
        "Hãy thống nhất tự đánh giá năm đó trên một máy và ghi thêm vào đó những mục chỉ có ở "
        f"bản kia. {stuck('mở')}"
    )


def _updated_day(ws: Workspace, key: str) -> str:
    with ws.db.raw() as cursor:
        cursor.execute("SELECT updated_at FROM settings WHERE key = ? AND deleted_at IS NULL",
                       (key,))  # fmt: skip
        (updated,) = cursor.fetchone()
    return f"{updated[8:10]}/{updated[5:7]}/{updated[0:4]}"


def test_a_setting_set_to_two_values_is_refused_then_joined_once_set_alike(
    home: Workspace, away: Workspace
) -> None:
    home.plans.set_registration_deadline(1, 11)
    away.plans.set_registration_deadline(5, 11)
    away.evidence.set_max_size_mb(60)
    home.evidence.set_max_size_mb(20)
    away.rating.record_decision(2026, "05-QĐ/ĐTN", dt.date(2026, 11, 20))
    home.rating.record_decision(2026, "05-QĐ/ĐTN", dt.date(2026, 11, 22))
    assert _refused(home, away) == (
        "Thiết lập dưới đây đã được đặt riêng trên cả hai máy, mỗi máy một giá trị; mỗi thiết "
        "lập chỉ giữ một giá trị nên chưa nhận được tệp này:\n"
        "• Dung lượng tối đa của một tệp minh chứng — trên máy này: 20 MB, đặt ngày "
        f"{_updated_day(home, 'evidence_max_mb')}; trong tệp: 60 MB, đặt ngày "
        f"{_updated_day(away, 'evidence_max_mb')}.\n"
        "• Hạn đăng ký kế hoạch năm sau với cấp trên — trên máy này: ngày 01/11, đặt ngày "
        f"{_updated_day(home, 'plan_deadline')}; trong tệp: ngày 05/11, đặt ngày "
        f"{_updated_day(away, 'plan_deadline')}.\n"
        "• Quyết định công nhận kết quả xếp loại năm 2026 — trên máy này: số 05-QĐ/ĐTN ngày "
        f"22/11/2026, đặt ngày {_updated_day(home, 'rating_decision_2026')}; trong tệp: số "
        f"05-QĐ/ĐTN ngày 20/11/2026, đặt ngày {_updated_day(away, 'rating_decision_2026')}.\n"
        "Hãy chọn giá trị giữ lại và đặt lại cho giống nhau trên một máy (trang Thiết lập, hoặc "
        "trang Xếp loại với quyết định công nhận), rồi nhận lại tệp: khi hai máy đặt cùng một "
        f"giá trị, tệp được nhận và hai máy giữ chung thiết lập đó. {NOTHING}"
    )
    # What it says to do: set them alike here; then both ways, ending equal.
    home.plans.set_registration_deadline(5, 11)
    home.evidence.set_max_size_mb(60)
    home.rating.record_decision(2026, "05-QĐ/ĐTN", dt.date(2026, 11, 20))
    assert carry(away, home).applied
    assert carry(home, away).applied
    assert _by_id(home) == _by_id(away)
    for ws in (home, away):
        assert ws.plans.registration_deadline() == (5, 11)
        assert ws.evidence.max_size == 60 * 1024 * 1024
        decision = ws.rating.decision(2026)
        assert decision is not None and decision.issued_on == dt.date(2026, 11, 20)


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
    assert _by_id(home) == _by_id(away)
    # One row kept on both copies, the one of the smaller id; the other a tombstone on both.
    assert _live_settings(home) == _live_settings(away) == [(ids[0], "plan_deadline", "1/11")]
    # Later changes travel as any change does, without a conflict.
    away.plans.set_registration_deadline(3, 11)
    assert carry(away, home).applied
    assert home.plans.registration_deadline() == (3, 11)


def test_a_same_valued_setting_crossing_both_ways_at_once_is_kept(
    home: Workspace, away: Workspace
) -> None:
    """Both copies import the other's file made before either import: each keeps the row of
    the smaller id, so that the setting is never deleted on both."""
    home.plans.set_registration_deadline(1, 11)
    away.plans.set_registration_deadline(1, 11)
    from_home, from_away = bundle_of(home), bundle_of(away)
    assert apply(home, from_away).applied
    assert apply(away, from_home).applied
    assert carry(away, home).applied
    assert carry(home, away).applied
    assert _by_id(home) == _by_id(away)
    assert [(k, v) for _, k, v in _live_settings(home)] == [("plan_deadline", "1/11")]
    assert home.plans.registration_deadline() == away.plans.registration_deadline() == (1, 11)


def test_a_file_leaving_empty_columns_out_is_read_the_same(
    home: Workspace, away: Workspace
) -> None:
    """A row may leave out a column that can be empty (bundle-format.md): what the refusal
    counts in the file is counted the same, and an empty round is still told from a rated
    one."""
    home.rating.open(YEAR)
    home.rating.set(YEAR, home.members.list()[0].id, {"decided_level": 2})
    away.rating.open(YEAR)
    for member in away.members.list()[1:3]:
        away.rating.set(YEAR, member.id, {"proposed_level": 3})
    whole = bundle_of(away)
    with pytest.raises(DuplicateYearRecords) as caught:
        plan(home, whole)
    expected = caught.value.message
    assert "trong tệp: mở ngày " in expected and ", 2 đoàn viên đã có mức xếp loại." in expected
    for table in ("rating_rounds", "ratings", "branch_ratings"):
        rows = whole.table(table)
        rows[:] = [{k: v for k, v in r.items() if v is not None} for r in rows]
    with pytest.raises(DuplicateYearRecords) as caught:
        plan(home, whole)
    assert caught.value.message == expected
