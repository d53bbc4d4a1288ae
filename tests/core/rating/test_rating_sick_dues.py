"""A member's months of sick leave and unpaid dues in a round: stored with the rating, typed as
the grid, the sheet and the command line give them (bad input refused in Vietnamese, nothing
changed), read back with the suggestion they make, refused on a closed round; a round opened
with rules written before them stores them and suggests as before."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from doancoso.core.errors import ConflictError, ValidationError
from doancoso.core.rating.records import parse_dues, parse_sick_months
from doancoso.core.rating.service import RatingRow
from doancoso.core.workspace import Workspace
from rating_data import meetings

YEAR = 2025


@pytest.fixture
def member(ws: Workspace) -> str:
    branch = ws.branches.create("Chi đoàn ấp 1").id
    member_id = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000",
                                 "branch_id": branch, "admission_date": "01/01/2020"})  # fmt: skip
    meetings(ws, {member_id: 10})
    ws.rating.set(YEAR, member_id, {"training_result": "Xuất sắc"})
    return member_id


def _row(ws: Workspace) -> RatingRow:
    (row,) = ws.rating.rows(YEAR, as_of=dt.date(YEAR, 12, 31))
    return row


def test_sick_leave_and_dues_are_stored_and_make_the_suggestion(ws: Workspace, member: str) -> None:
    assert (_row(ws).sick_months, _row(ws).dues_unpaid, _row(ws).suggested) == (None, None, 1)
    ws.rating.set(YEAR, member, {"sick_months": "3"})
    assert (_row(ws).sick_months, _row(ws).suggested) == (3, 1)
    ws.rating.set(YEAR, member, {"sick_months": "4"})
    row = _row(ws)
    assert (row.sick_months, row.suggested) == (4, 3)
    assert row.suggestion == (
        "Tham gia 100,0% hoạt động (từ 90%); nghỉ ốm 4 tháng (trên 3 tháng) — Hoàn thành nhiệm vụ"
    )
    ws.rating.set(YEAR, member, {"dues_unpaid": "có"})
    row = _row(ws)
    assert (row.dues_unpaid, row.suggested) == (True, 4)
    assert row.suggestion == (
        "Tham gia 100,0% hoạt động (từ 90%); nghỉ ốm 4 tháng (trên 3 tháng); chưa đóng đủ đoàn "
        "phí — Không hoàn thành nhiệm vụ"
    )
    ws.rating.set(YEAR, member, {"sick_months": "", "dues_unpaid": "không"})
    assert (_row(ws).sick_months, _row(ws).dues_unpaid, _row(ws).suggested) == (None, None, 1)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [(None, None), ("", None), ("0", None), (0, None), ("4", 4), (4, 4), (4.0, 4),
     ("12 tháng", 12), (" 5 ", 5)],
)  # fmt: skip
def test_months_of_sick_leave_as_typed(typed: object, stored: int | None) -> None:
    assert parse_sick_months(typed) == stored


@pytest.mark.parametrize("typed", ["13", "-1", "2,5", 2.5, "ba", True])
def test_months_of_sick_leave_out_of_range_are_refused(typed: object) -> None:
    with pytest.raises(ValueError):
        parse_sick_months(typed)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [(None, None), ("", None), (False, None), (True, True), ("Có", True), ("x", True),
     ("yes", True), ("1", True), (1, True), ("Chưa đóng đủ", True), ("không", None),
     ("no", None), ("0", None), ("Đã đóng đủ", None)],
)  # fmt: skip
def test_unpaid_dues_as_typed(typed: object, stored: bool | None) -> None:
    assert parse_dues(typed) is stored


def test_bad_values_are_refused_in_vietnamese_and_nothing_changes(
    ws: Workspace, member: str
) -> None:
    ws.rating.set(YEAR, member, {"sick_months": "2"})
    with pytest.raises(ValidationError) as caught:
        ws.rating.set(YEAR, member, {"sick_months": "13", "dues_unpaid": "hình như"})
    assert caught.value.field_errors == {
        "sick_months": "Số tháng nghỉ ốm phải là số nguyên từ 0 đến 12 (để trống: không nghỉ).",
        "dues_unpaid": "Đoàn phí: ghi “có” (chưa đóng đủ đoàn phí) hoặc “không”.",
    }
    assert (_row(ws).sick_months, _row(ws).dues_unpaid) == (2, None)


def test_a_closed_round_refuses_them(ws: Workspace, member: str) -> None:
    ws.rating.set(YEAR, member, {"decided_level": 1})
    ws.rating.close(YEAR)
    for raw in ({"sick_months": "5"}, {"dues_unpaid": True}):
        with pytest.raises(ConflictError) as caught:
            ws.rating.set(YEAR, member, raw)
        assert caught.value.message == (
            f"Đợt xếp loại năm {YEAR} đã kết thúc: mở lại đợt (“Mở lại”) trước khi sửa."
        )
        with pytest.raises(ConflictError):
            ws.rating.set_many(YEAR, {member: raw})
    assert (_row(ws).sick_months, _row(ws).dues_unpaid) == (None, None)


def test_a_round_opened_with_older_rules_stores_them_and_suggests_as_before(
    ws: Workspace, member: str
) -> None:
    data = json.loads(ws.rating.rules().text)
    del data["rules"]["sick_leave_cap"], data["rules"]["unpaid_dues_cap"]
    older = json.dumps(data, ensure_ascii=False)
    ws.rating.set_rules(older)
    facts = {"sick_months": "6", "dues_unpaid": True}
    ws.rating.set(YEAR + 1, member, {**facts, "participation": "95", "training_result": "Xuất sắc"})
    (row,) = ws.rating.rows(YEAR + 1, as_of=dt.date(YEAR + 1, 12, 31))
    assert (row.sick_months, row.dues_unpaid) == (6, True)
    assert (row.suggested, row.suggestion) == (
        1, "Tham gia 95,0% hoạt động (từ 90%) — Hoàn thành xuất sắc nhiệm vụ",
    )  # fmt: skip
