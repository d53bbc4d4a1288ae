"""Activities and their dates: a one-off, a recurring one, one date moved or cancelled without
touching the others, an edit of the rule that keeps every date with a life of its own, a delete
undone, and the bad input that changes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from doancoso.core.errors import ConflictError, NotFoundError, ValidationError
from doancoso.core.workspace import Workspace

D = dt.date
YEAR = (D(2025, 1, 1), D(2025, 12, 31))


def _monthly(ws: Workspace, **extra: object) -> str:
    raw: dict[str, object] = {
        "title": "Sinh hoạt chi đoàn", "kind": "Sinh hoạt chi đoàn định kỳ",
        "start_date": "15/01/2025", "start_time": "19:30", "place": "Nhà văn hóa ấp 1",
        "repeat": "monthly", "until": "31/12/2025", **extra,
    }  # fmt: skip
    return ws.activities.save(raw)[0]


def test_a_monthly_activity_has_twelve_dates_in_order(ws: Workspace) -> None:
    activity_id, count = ws.activities.save(
        {"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat", "start_date": "15/01/2025",
         "start_time": "19h30", "repeat": "monthly", "until": "31/12/2025"}
    )  # fmt: skip
    assert count == 12
    rows = ws.activities.occurrences(*YEAR)
    assert [r.day for r in rows] == [D(2025, m, 15) for m in range(1, 13)]
    assert {(r.activity_id, r.start_time, r.status, r.recurring) for r in rows} == {
        (activity_id, "19:30", "du-kien", True)
    }
    record = ws.activities.get(activity_id)
    assert record.fields.rule == "FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=20251231"
    assert record.occurrences == 12


def test_one_date_moved_and_one_cancelled_leave_the_others(ws: Workspace) -> None:
    _monthly(ws)
    rows = ws.activities.occurrences(*YEAR)
    ws.activities.update_occurrence(rows[2].id, {"day": "18/03/2025", "start_time": "08:00"})
    ws.activities.update_occurrence(rows[3].id, {"status": "Hủy"})
    after = {r.id: r for r in ws.activities.occurrences(*YEAR)}
    assert (after[rows[2].id].day, after[rows[2].id].start_time, after[rows[2].id].moved) == (
        D(2025, 3, 18), "08:00", True,
    )  # fmt: skip
    assert after[rows[3].id].status == "huy"
    untouched = [r for r in after.values() if r.id not in (rows[2].id, rows[3].id)]
    assert {(r.day.day, r.start_time, r.status) for r in untouched} == {(15, "19:30", "du-kien")}


def test_editing_the_rule_keeps_dates_with_a_life_of_their_own(
    ws: Workspace, add_member: Callable[..., str]
) -> None:
    add_member("Nguyễn Văn An")
    activity_id = _monthly(ws)
    rows = ws.activities.occurrences(*YEAR)
    ws.attendance.save(
        rows[0].id, {m.member_id: ("present", None) for m in ws.attendance.sheet(rows[0].id)}
    )
    ws.activities.update_occurrence(rows[1].id, {"results": "Đã thảo luận chủ đề tháng 2."})
    # From now on on the 20th, until June: January and February keep their results and dates.
    _, count = ws.activities.save(
        {"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat", "start_date": "20/01/2025",
         "start_time": "19:30", "repeat": "monthly", "until": "30/06/2025"},
        activity_id,
    )  # fmt: skip
    days = [(r.day, r.status) for r in ws.activities.occurrences(*YEAR)]
    assert days == [
        (D(2025, 1, 15), "da-thuc-hien"), (D(2025, 1, 20), "du-kien"),
        (D(2025, 2, 15), "du-kien"), (D(2025, 2, 20), "du-kien"), (D(2025, 3, 20), "du-kien"),
        (D(2025, 4, 20), "du-kien"), (D(2025, 5, 20), "du-kien"), (D(2025, 6, 20), "du-kien"),
    ]  # fmt: skip
    assert count == 8
    assert ws.activities.occurrence(rows[1].id).results == "Đã thảo luận chủ đề tháng 2."


def test_a_one_off_activity_moves_with_its_date(ws: Workspace) -> None:
    activity_id, _ = ws.activities.save(
        {"title": "Hiến máu", "kind": "tinh-nguyen", "start_date": "12/07/2025"}
    )
    (before,) = ws.activities.occurrences(*YEAR)
    ws.activities.save(
        {"title": "Hiến máu tình nguyện", "kind": "tinh-nguyen", "start_date": "19/07/2025",
         "start_time": "07:00", "place": "Trạm Y tế xã"},
        activity_id,
    )  # fmt: skip
    (after,) = ws.activities.occurrences(*YEAR)
    assert (after.id, after.day, after.title, after.place, after.moved) == (
        before.id, D(2025, 7, 19), "Hiến máu tình nguyện", "Trạm Y tế xã", False,
    )  # fmt: skip


def test_delete_and_undo_bring_back_the_dates_and_their_attendance(
    ws: Workspace, add_member: Callable[..., str]
) -> None:
    add_member("Nguyễn Văn An")
    activity_id = _monthly(ws)
    first = ws.activities.occurrences(*YEAR)[0]
    ws.attendance.save(
        first.id, {m.member_id: ("present", None) for m in ws.attendance.sheet(first.id)}
    )
    ws.activities.delete(activity_id)
    assert ws.activities.occurrences(*YEAR) == []
    assert ws.participation.year(2025)[0].expected == 0
    with pytest.raises(NotFoundError, match="Không tìm thấy hoạt động"):
        ws.activities.get(activity_id)
    ws.activities.restore(activity_id)
    rows = ws.activities.occurrences(*YEAR)
    assert len(rows) == 12
    assert (rows[0].expected, rows[0].present) == (1, 1)
    assert ws.participation.year(2025)[0].expected == 1


def test_bad_activities_are_refused_with_every_problem_and_nothing_written(ws: Workspace) -> None:
    with pytest.raises(ValidationError) as caught:
        ws.activities.save(
            {"title": " ", "kind": "Bơi lội", "start_date": "31/02/2025", "start_time": "25:00",
             "end_date": "01/01/2025", "expected_participants": "-3"}
        )  # fmt: skip
    assert caught.value.field_errors == {
        "title": "Cần nhập tên hoạt động.",
        "kind": caught.value.field_errors["kind"],
        "start_date": "Ngày 31/02/2025 không có trên lịch.",
        "start_time": "Giờ 25:00 không hợp lệ.",
        "expected_participants": "Số người dự kiến phải là số nguyên dương.",
    }
    assert caught.value.field_errors["kind"].startswith("Loại hoạt động không có trong danh sách:")
    with pytest.raises(ValidationError, match="Ngày kết thúc không thể trước ngày bắt đầu."):
        ws.activities.save(
            {"title": "Hội trại", "start_date": "10/05/2025", "end_date": "09/05/2025"}
        )
    with pytest.raises(ValidationError, match="cần ngày kết thúc"):
        ws.activities.save({"title": "Sinh hoạt", "start_date": "10/05/2025", "repeat": "weekly"})
    with pytest.raises(ValidationError, match="Chi đoàn tổ chức không còn trong danh sách."):
        ws.activities.save({"title": "Sinh hoạt", "start_date": "10/05/2025", "branch_ids": ["x"]})
    assert ws.activities.occurrences(D(2000, 1, 1), D(2100, 1, 1)) == []


def test_a_year_typed_short_is_refused_and_nothing_written(ws: Workspace) -> None:
    """ "15/03/0025" for 15/03/2025 was taken as the year 25: an activity out of every year's
    calendar, participation and dossier. Refused, as a date's move to it is."""
    year_25 = "Năm 25 không hợp lệ: ngày của hoạt động phải trong các năm 2000–2100."
    with pytest.raises(ValidationError) as caught:
        ws.activities.save({"title": "Ra quân Ngày Chủ nhật xanh", "start_date": "15/03/0025",
                            "end_date": "16/03/2125"})  # fmt: skip
    assert caught.value.field_errors == {
        "start_date": year_25,
        "end_date": "Năm 2125 không hợp lệ: ngày của hoạt động phải trong các năm 2000–2100.",
    }
    with pytest.raises(ValidationError) as caught:
        ws.activities.save({"title": "Sinh hoạt", "start_date": "15/01/2025", "repeat": "monthly",
                            "until": "31/12/0025"})  # fmt: skip
    assert caught.value.field_errors == {"until": year_25}
    assert ws.activities.occurrences(D(10, 1, 1), D(9000, 12, 31)) == []
    activity_id = _monthly(ws)
    first = ws.activities.occurrence_ids_of(activity_id)[0]
    with pytest.raises(ValidationError) as caught:
        ws.activities.update_occurrence(first, {"day": "15/03/0025"})
    assert caught.value.field_errors == {"day": year_25}
    assert ws.activities.occurrences(*YEAR)[0].day == D(2025, 1, 15)


def test_an_activity_serving_a_target_must_fall_in_the_plans_year(ws: Workspace) -> None:
    ws.plans.create(2025)
    target = ws.plans.add_target(2025, {"text": "4 hoạt động Ngày Chủ nhật xanh"}, {})
    with pytest.raises(ValidationError) as caught:
        ws.activities.save(
            {"title": "Ngày Chủ nhật xanh", "kind": "chu-nhat-xanh", "start_date": "28/12/2025",
             "repeat": "weekly", "until": "11/01/2026", "target_ids": [target]}
        )  # fmt: skip
    assert caught.value.field_errors == {
        "start_date": "Hoạt động phục vụ chỉ tiêu của kế hoạch năm 2025 nhưng có ngày "
        "04/01/2026 ngoài năm 2025."
    }
    assert ws.activities.occurrences(D(2025, 1, 1), D(2026, 12, 31)) == []


def test_a_date_in_the_future_cannot_be_marked_done(ws: Workspace) -> None:
    later = dt.date.today() + dt.timedelta(days=10)
    ws.activities.save({"title": "Hội thi", "kind": "hoi-thi", "start_date": f"{later:%d/%m/%Y}"})
    (row,) = ws.activities.occurrences(later, later)
    with pytest.raises(ValidationError, match="chưa diễn ra: chưa thể ghi “Đã thực hiện”"):
        ws.activities.update_occurrence(row.id, {"status": "Đã thực hiện"})
    assert ws.activities.occurrence(row.id).row.status == "du-kien"


def test_kinds_can_be_added_and_removed_while_unused(ws: Workspace) -> None:
    code = ws.activities.add_kind("Lao động sản xuất")
    assert ws.activities.kind_names()[code] == "Lao động sản xuất"
    with pytest.raises(ConflictError, match="đã có trong danh sách"):
        ws.activities.add_kind("lao dong san xuat")
    ws.activities.save({"title": "Giúp dân thu hoạch lúa", "kind": "Lao động sản xuất",
                        "start_date": "05/03/2025"})  # fmt: skip
    with pytest.raises(ConflictError, match="đang được dùng cho 1 hoạt động"):
        ws.activities.delete_kind(code)
    with pytest.raises(ConflictError, match="Không thể xóa loại hoạt động có sẵn."):
        ws.activities.delete_kind("sinh-hoat")


def test_a_date_lasting_several_days_shows_on_each_of_them(ws: Workspace) -> None:
    camp = {"title": "Hội trại thanh niên", "kind": "van-hoa", "start_date": "29/03/2025"}
    ws.activities.save({**camp, "end_date": "02/04/2025"})
    assert [r.title for r in ws.activities.occurrences(D(2025, 4, 1), D(2025, 4, 30))] == [
        "Hội trại thanh niên"
    ]
    assert ws.activities.occurrences(D(2025, 4, 3), D(2025, 4, 30)) == []
    with pytest.raises(ValidationError, match="kéo dài tối đa một năm"):
        ws.activities.save({"title": "Tháng thanh niên", "start_date": "01/01/2025",
                            "end_date": "05/01/2026"})  # fmt: skip


def test_upcoming_means_the_next_seven_days_today_included(ws: Workspace) -> None:
    today = dt.date.today()
    for offset in (0, 6, 7):
        day = today + dt.timedelta(days=offset)
        ws.activities.save({"title": f"Sau {offset} ngày", "start_date": f"{day:%d/%m/%Y}"})
    assert [r.title for r in ws.activities.upcoming(today)] == ["Sau 0 ngày", "Sau 6 ngày"]


def _as_shown(ws: Workspace, activity_id: str, **changes: str) -> dict[str, object]:
    """The activity's form as it opens (the raw values it would hand back), with ``changes``."""
    f = ws.activities.get(activity_id).fields
    raw: dict[str, object] = {
        "title": f.title, "kind": f.kind, "start_date": f"{f.start_date:%d/%m/%Y}",
        "end_date": f"{f.end_date:%d/%m/%Y}" if f.end_date else "",
        "start_time": f.start_time or "",
        "end_time": f.end_time or "", "place": f.place or "", "branch_ids": list(f.branch_ids),
        "target_ids": list(f.target_ids), "partners": f.partners or "", "notes": f.notes or "",
        "expected_participants": str(f.expected_participants or ""),
    }  # fmt: skip
    return {**raw, **changes}


def test_a_one_off_activity_whose_date_moved_on_its_own_shows_it_as_it_now_is(
    ws: Workspace,
) -> None:
    """The date was postponed (another day, hour and place) from the date's own form; the
    activity's form showed the first day, hour and place. Saving it unchanged changes nothing;
    a field changed there is where the date goes."""
    raw = {"title": "Hiến máu", "kind": "tinh-nguyen", "start_date": "12/07/2025",
           "start_time": "07:00", "place": "Trạm Y tế xã"}  # fmt: skip
    activity_id, _ = ws.activities.save(raw)
    (row,) = ws.activities.occurrences(*YEAR)
    ws.activities.update_occurrence(
        row.id, {"day": "19/07/2025", "start_time": "08:00", "place": "Nhà văn hóa xã"}
    )
    shown = ws.activities.get(activity_id).fields
    assert (shown.start_date, shown.end_date, shown.start_time, shown.place) == (
        D(2025, 7, 19), None, "08:00", "Nhà văn hóa xã",
    )  # fmt: skip
    revisions = (ws.activities.get(activity_id).revision, ws.activities.occurrence(row.id).revision)
    ws.activities.save(_as_shown(ws, activity_id), activity_id)
    detail = ws.activities.occurrence(row.id)
    assert (ws.activities.get(activity_id).revision, detail.revision) == revisions
    assert (detail.row.day, detail.original_date, detail.row.moved) == (
        D(2025, 7, 19), D(2025, 7, 12), True,
    )  # fmt: skip

    ws.activities.save(_as_shown(ws, activity_id, title="Hiến máu tình nguyện"), activity_id)
    (after,) = ws.activities.occurrences(*YEAR)
    assert (after.id, after.title, after.day, after.start_time, after.place, after.moved) == (
        row.id, "Hiến máu tình nguyện", D(2025, 7, 19), "08:00", "Nhà văn hóa xã", True,
    )  # fmt: skip
    # Made to last two days in the form: from its own day.
    ws.activities.save(_as_shown(ws, activity_id, end_date="20/07/2025"), activity_id)
    (longer,) = ws.activities.occurrences(*YEAR)
    assert (longer.day, longer.end_day, longer.moved) == (D(2025, 7, 19), D(2025, 7, 20), True)
    # The activity's first hour typed back in the form: the date takes it.
    ws.activities.save(_as_shown(ws, activity_id, start_time="07:00"), activity_id)
    assert ws.activities.occurrence(row.id).row.start_time == "07:00"
    # A day typed in the activity's form is where the date goes, as for any one-off.
    ws.activities.save(
        _as_shown(ws, activity_id, start_date="26/07/2025", end_date="", start_time="09:00"),
        activity_id,
    )
    (moved,) = ws.activities.occurrences(*YEAR)
    assert (moved.day, moved.end_day, moved.start_time, moved.place, moved.moved) == (
        D(2025, 7, 26), None, "09:00", "Nhà văn hóa xã", False,
    )  # fmt: skip
    assert ws.activities.get(activity_id).fields.start_date == D(2025, 7, 26)


def test_editing_a_recurring_activity_keeps_a_dates_own_time_and_place(ws: Workspace) -> None:
    """One month's meeting was set at another hour and place from its own form: it has a life
    of its own, like a date moved to another day."""
    activity_id = _monthly(ws)
    rows = ws.activities.occurrences(*YEAR)
    ws.activities.update_occurrence(rows[2].id, {"start_time": "08:00", "place": "Trường học"})
    ws.activities.save(
        {"title": "Sinh hoạt chi đoàn tháng", "kind": "sinh-hoat", "start_date": "15/01/2025",
         "start_time": "20:00", "place": "Nhà văn hóa ấp 1", "repeat": "monthly",
         "until": "31/12/2025"},
        activity_id,
    )  # fmt: skip
    after = {r.id: r for r in ws.activities.occurrences(*YEAR)}
    assert len(after) == 12
    assert (after[rows[2].id].start_time, after[rows[2].id].place) == ("08:00", "Trường học")
    others = {(r.start_time, r.place) for i, r in after.items() if i != rows[2].id}
    assert others == {("20:00", "Nhà văn hóa ấp 1")}
    # Laid out on the 20th from now on: the date with its own hour and place stays.
    ws.activities.save(
        {"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat", "start_date": "20/01/2025",
         "start_time": "20:00", "place": "Nhà văn hóa ấp 1", "repeat": "monthly",
         "until": "31/12/2025"},
        activity_id,
    )  # fmt: skip
    kept = ws.activities.occurrence(rows[2].id).row
    assert (kept.day, kept.start_time, kept.place) == (D(2025, 3, 15), "08:00", "Trường học")


def test_a_date_carried_out_cannot_be_moved_into_the_future(
    ws: Workspace, add_member: Callable[..., str]
) -> None:
    """A year mistyped when correcting the day of a meeting already held (2026 for 2025) would
    leave a date "done", with its attendance, that has not happened: it drops out of the year's
    participation without a word."""
    add_member("Nguyễn Văn An")
    activity_id, _ = ws.activities.save(
        {"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat", "start_date": "15/03/2025"}
    )
    (occ,) = ws.activities.occurrence_ids_of(activity_id)
    ws.attendance.save(occ, {m.member_id: ("present", None) for m in ws.attendance.sheet(occ)})
    later = dt.date.today() + dt.timedelta(days=30)
    with pytest.raises(ValidationError) as caught:
        ws.activities.update_occurrence(occ, {"day": f"{later:%d/%m/%Y}"})
    assert caught.value.field_errors == {
        "day": f"Buổi hoạt động đã thực hiện: không thể dời sang ngày {later:%d/%m/%Y} chưa "
        "diễn ra."
    }
    row = ws.activities.occurrence(occ).row
    assert (row.day, row.status, row.present) == (D(2025, 3, 15), "da-thuc-hien", 1)
    assert ws.participation.year(2025)[0].expected == 1
    # Moved to another past day it may be, and back to "planned" in the future too.
    ws.activities.update_occurrence(occ, {"day": "16/03/2025"})
    ws.activities.update_occurrence(occ, {"day": f"{later:%d/%m/%Y}", "status": "Dự kiến"})
    assert ws.activities.occurrence(occ).row.day == later


def test_a_date_moved_onto_a_day_of_the_new_rule_is_not_doubled(ws: Workspace) -> None:
    """March's meeting was moved from the 15th to the 20th; the meetings then move to the 20th:
    20/03 holds the meeting moved there, not a second one."""
    activity_id = _monthly(ws, until="30/04/2025")
    march = ws.activities.occurrences(D(2025, 3, 15), D(2025, 3, 15))[0]
    ws.activities.update_occurrence(march.id, {"day": "20/03/2025"})
    _, count = ws.activities.save(
        {"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat", "start_date": "20/01/2025",
         "start_time": "19:30", "place": "Nhà văn hóa ấp 1", "repeat": "monthly",
         "until": "30/04/2025"},
        activity_id,
    )  # fmt: skip
    rows = ws.activities.occurrences(*YEAR)
    assert [(r.day, r.id == march.id) for r in rows] == [
        (D(2025, 1, 20), False), (D(2025, 2, 20), False), (D(2025, 3, 20), True),
        (D(2025, 4, 20), False),
    ]  # fmt: skip
    assert count == 4 == ws.activities.get(activity_id).occurrences


def test_a_kind_a_target_of_the_plan_measures_is_not_deleted(ws: Workspace) -> None:
    """A target counting the activities of a kind would lose what it counts: refused, with the
    target named, and the kind stays."""
    code = ws.activities.add_kind("Hiến máu tình nguyện")
    ws.plans.create(2025)
    target = "Tổ chức 2 đợt hiến máu tình nguyện"
    ws.plans.add_target(2025, {"text": target, "planned": "2", "measure": "activities",
                               "measure_kind": code}, ws.activities.kind_names())  # fmt: skip
    with pytest.raises(ConflictError) as refused:
        ws.activities.delete_kind(code)
    assert refused.value.message == (
        f"Loại hoạt động này được chỉ tiêu “{target}” của kế hoạch năm 2025 dùng để đếm kết "
        "quả: đổi cách đo của chỉ tiêu đó trước khi xóa loại hoạt động."
    )
    assert ws.activities.kind_names()[code] == "Hiến máu tình nguyện"


def test_a_postponed_date_moved_onto_a_day_of_the_new_rule_leaves_that_day_its_meeting(
    ws: Workspace,
) -> None:
    """March's meeting was moved from the 15th to the 20th, then postponed ("Hoãn"); the
    meetings then move to the 20th: 20/03 lost its own meeting (the postponed date was taken
    for it). The postponed date does not take place: both are there."""
    activity_id = _monthly(ws, until="30/04/2025")
    march = ws.activities.occurrences(D(2025, 3, 15), D(2025, 3, 15))[0]
    ws.activities.update_occurrence(march.id, {"day": "20/03/2025", "status": "Hoãn"})
    _, count = ws.activities.save(
        {"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat", "start_date": "20/01/2025",
         "start_time": "19:30", "place": "Nhà văn hóa ấp 1", "repeat": "monthly",
         "until": "30/04/2025"},
        activity_id,
    )  # fmt: skip
    rows = ws.activities.occurrences(*YEAR)
    assert sorted((r.day, r.status, r.id == march.id) for r in rows) == [
        (D(2025, 1, 20), "du-kien", False), (D(2025, 2, 20), "du-kien", False),
        (D(2025, 3, 20), "du-kien", False), (D(2025, 3, 20), "hoan", True),
        (D(2025, 4, 20), "du-kien", False),
    ]  # fmt: skip
    assert count == 5 == ws.activities.get(activity_id).occurrences


def test_a_day_s_activities_at_one_time_are_in_vietnamese_order(ws: Workspace) -> None:
    """Several activities of a day at the same hour are listed A Ă Â B … (the month's chips,
    the list, the reminders): "Tuyên truyền…" came before "Tập huấn…", "Bóng đá" before
    "Ăn mừng", by the letters' code points."""
    for title in ("Tuyên truyền phòng chống đuối nước", "Bóng đá thanh niên",
                  "Tập huấn kỹ năng sống", "Ăn Tết cùng thiếu nhi", "Đêm văn nghệ"):  # fmt: skip
        ws.activities.save({"title": title, "start_date": "10/12/2025", "start_time": "08:00"})
    ws.activities.save({"title": "Ấp ủ ước mơ", "start_date": "10/12/2025"})  # no time: first
    ws.activities.save({"title": "Ăn sáng", "start_date": "10/12/2025", "start_time": "07:00"})
    assert [r.title for r in ws.activities.occurrences(D(2025, 12, 10), D(2025, 12, 10))] == [
        "Ấp ủ ước mơ",
        "Ăn sáng",
        "Ăn Tết cùng thiếu nhi",
        "Bóng đá thanh niên",
        "Đêm văn nghệ",
        "Tập huấn kỹ năng sống",
        "Tuyên truyền phòng chống đuối nước",
    ]


def test_an_evening_past_midnight_is_told_to_give_the_day_it_ends(ws: Workspace) -> None:
    """ "19:00 to 01:00" is an evening ending the next day: the message says how to enter it."""
    evening = {"title": "Đêm hội trăng rằm", "start_date": "06/09/2025", "start_time": "19:00",
               "end_time": "01:00"}  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        ws.activities.save(evening)
    assert caught.value.field_errors == {
        "end_time": "Giờ kết thúc không thể trước giờ bắt đầu. Nếu hoạt động kéo dài qua nửa "
        "đêm, hãy nhập “Ngày kết thúc” là ngày hôm sau."
    }
    # The message names another field of the form: said by key, for the command line to name
    # its option (``--end-date``) whatever the wording.
    assert caught.value.mentions == {"end_time": ("end_date", "Ngày kết thúc")}
    weekly = {**evening, "repeat": "weekly", "until": "27/09/2025"}
    with pytest.raises(ValidationError) as caught:
        ws.activities.save(weekly)
    assert caught.value.field_errors == {
        "end_time": "Giờ kết thúc không thể trước giờ bắt đầu. Hoạt động lặp lại phải kết thúc "
        "trong ngày: nếu kéo dài qua nửa đêm, hãy để trống giờ kết thúc."
    }
    assert caught.value.mentions == {}
    assert ws.activities.occurrences(D(2025, 9, 1), D(2025, 9, 30)) == []
    activity_id, _ = ws.activities.save({**evening, "end_date": "07/09/2025"})
    fields = ws.activities.get(activity_id).fields
    assert (fields.start_date, fields.end_date) == (D(2025, 9, 6), D(2025, 9, 7))


def test_a_single_date_past_midnight_is_told_what_to_do(ws: Workspace) -> None:
    """A date edited alone has no day of its own to end on: a date of a repeating activity ends
    within its day (end time left blank), a one-off activity's end day is the activity's."""
    monthly = _monthly(ws)
    february = ws.activities.occurrence_ids_of(monthly)[1]
    with pytest.raises(ValidationError) as caught:
        ws.activities.update_occurrence(february, {"end_time": "01:00"})
    assert caught.value.field_errors == {
        "end_time": "Giờ kết thúc không thể trước giờ bắt đầu. Một buổi của hoạt động lặp lại "
        "phải kết thúc trong ngày: nếu kéo dài qua nửa đêm, hãy để trống giờ kết thúc."
    }
    evening = ws.activities.save(
        {"title": "Đêm hội trăng rằm", "start_date": "06/09/2025", "start_time": "19:00"}
    )[0]
    (date,) = ws.activities.occurrence_ids_of(evening)
    with pytest.raises(ValidationError) as caught:
        ws.activities.update_occurrence(date, {"end_time": "01:00"})
    assert caught.value.field_errors == {
        "end_time": "Giờ kết thúc không thể trước giờ bắt đầu. Nếu hoạt động kéo dài qua nửa "
        "đêm, hãy sửa hoạt động (“Sửa hoạt động…”) và nhập “Ngày kết thúc” là ngày hôm sau."
    }
    assert caught.value.mentions == {"end_time": ("end_date", "Ngày kết thúc")}
    assert ws.activities.occurrence(date).row.end_time is None
    assert ws.activities.occurrence(february).row.end_time is None
