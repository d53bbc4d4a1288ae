"""Member events: each kind and its effect on the status, refused transitions with their exact
messages, revisions, roster invalidation, history order, deletion, coming of age, the Party."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from doancoso.core.errors import ConflictError, NotFoundError, ValidationError
from doancoso.core.lifecycle.service import (
    ACTIVE_STATUSES,
    EVENT_KINDS,
    READ_ONLY_STATUSES,
    is_read_only,
)
from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace

AddMember = Callable[..., str]

AN = "Nguyễn Văn An"


@pytest.fixture
def an(add_member: AddMember) -> str:
    """An active member born 01/01/1995 (30 in 2025), admitted 10/05/2013 (recorded in the form)."""
    return add_member(AN, "01/01/1995", branch="Chi đoàn ấp Tân Long", admission_date="10/05/2013")


def status(ws: Workspace, member_id: str) -> str:
    return ws.members.get(member_id).fields.status


def conflict(ws: Workspace, member_id: str, kind: str, when: str, **details: Any) -> str:
    with pytest.raises(ConflictError) as info:
        ws.events.record(member_id, kind, when, **details)
    return info.value.message


def invalid(ws: Workspace, member_id: str, kind: str, when: str, **details: Any) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        ws.events.record(member_id, kind, when, **details)
    return info.value.field_errors


# -- Each kind and its effect ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "details", "expected"),
    [
        ("transfer_out", {"other_organization": "Đoàn phường 5"}, "transferred_out"),
        ("temporary", {"home_organization": "Đoàn trường ĐH Cần Thơ"}, "temporary"),
        ("matured", {}, "matured"),
        ("discipline", {"level": "khiển trách"}, "active"),
        ("discipline", {"level": "Cảnh cáo"}, "active"),
        ("discipline", {"level": "Khai trừ"}, "expelled"),
        ("discipline", {"level": "expulsion"}, "expelled"),
        ("struck_off", {}, "removed"),
        ("party_introduction", {}, "active"),
        ("party_admission", {}, "active"),
    ],
)
def test_each_kind_sets_the_status(
    ws: Workspace, an: str, kind: str, details: dict[str, object], expected: str
) -> None:
    before = ws.members.get(an).revision
    generation = ws._ctx.roster_generation
    event_id = ws.events.record(an, kind, "15/03/2025", "12-QĐ/ĐTN", "ghi chú", **details)
    assert status(ws, an) == expected
    assert ws.members.get(an).revision == before + 1  # always a new revision of the member
    assert ws._ctx.roster_generation > generation
    (event,) = ws.events.history(an)
    assert (event.id, event.kind, event.kind_label) == (event_id, kind, EVENT_KINDS[kind])
    assert (event.event_date, event.number, event.note) == (
        date(2025, 3, 15),
        "12-QĐ/ĐTN",
        "ghi chú",
    )
    assert event.status_after == expected


def test_kind_specific_details_are_kept(ws: Workspace, an: str, add_member: AddMember) -> None:
    ws.events.record(
        an, "temporary", date(2024, 9, 1), home_organization="Đoàn trường ĐH Cần Thơ",
        period_start="01/09/2024", period_end=date(2025, 6, 30),
    )  # fmt: skip
    ws.events.record(an, "discipline", "01/02/2025", "3-QĐKL", level="cảnh cáo")
    temporary, discipline = ws.events.history(an)
    assert temporary.home_organization == "Đoàn trường ĐH Cần Thơ"
    assert (temporary.period_start, temporary.period_end) == (date(2024, 9, 1), date(2025, 6, 30))
    assert (discipline.discipline_level, discipline.discipline_label) == ("warning", "Cảnh cáo")
    assert discipline.status_after == "temporary"


def test_admission_sets_date_place_and_introducer(ws: Workspace, add_member: AddMember) -> None:
    sponsor = add_member("Lê Thị Hồng", "02/02/1998", admission_date="03/03/2014")
    new = add_member("Trần Minh Khoa", "20/08/2007")
    ws.events.record(
        new, "admission", "26/03/2024", "45-QĐ/ĐTN", place="Đoàn xã Tân Hưng", introducer_id=sponsor
    )
    fields = ws.members.get(new).fields
    assert (fields.status, fields.admission_date) == ("active", date(2024, 3, 26))
    assert fields.admission_place == "Đoàn xã Tân Hưng"
    (event,) = ws.events.history(new)
    assert (event.introducer_id, event.introducer_name, event.place) == (
        sponsor, "Lê Thị Hồng", "Đoàn xã Tân Hưng",
    )  # fmt: skip


def test_party_admission_sets_the_party_date(ws: Workspace, an: str) -> None:
    ws.events.record(an, "party_admission", "19/05/2025", "88-QĐ/ĐU")
    assert ws.members.get(an).fields.party_date == date(2025, 5, 19)
    assert status(ws, an) == "active"
    assert conflict(ws, an, "party_admission", "20/05/2025") == (
        "Đoàn viên Nguyễn Văn An đã được ghi nhận vào Đảng."
    )


def test_transfer_in_brings_a_member_back(ws: Workspace, an: str) -> None:
    ws.events.record(an, "transfer_out", "01/02/2024", other_organization="Đoàn phường 5")
    ws.events.record(an, "transfer_in", "01/02/2025", other_organization="Đoàn phường 5")
    assert status(ws, an) == "active"
    assert [e.status_after for e in ws.events.history(an)] == ["transferred_out", "active"]


def test_transferred_out_member_leaves_the_active_roster(
    ws: Workspace, an: str, add_member: AddMember
) -> None:
    other = add_member("Võ Thị Bé", "05/05/2001")
    assert an in ws.members.ids(MemberFilter(status="active"))
    ws.events.record(an, "transfer_out", "01/02/2025", other_organization="Đoàn phường 5")
    assert an not in ws.members.ids(MemberFilter(status="active"))
    assert an in ws.members.ids(MemberFilter(status="transferred_out"))
    assert an in ws.members.ids()  # still on record
    assert ws.events.active_roster_ids() == [other]
    assert ws.events.active_roster_ids(MemberFilter(status="transferred_out")) == []
    assert is_read_only(status(ws, an))
    assert set(ACTIVE_STATUSES).isdisjoint(READ_ONLY_STATUSES)


def test_active_roster_keeps_the_roster_order_and_temporary_members(
    ws: Workspace, add_member: AddMember
) -> None:
    ids = [add_member(n, "01/01/2000") for n in ("Trần Văn Bình", "Lê Văn An", "Phạm Thị Cúc")]
    ws.events.record(ids[2], "temporary", "01/01/2025", home_organization="Đoàn xã A")
    ws.events.record(ids[0], "struck_off", "01/01/2025")
    assert ws.events.active_roster_ids() == [ids[1], ids[2]]  # An, Cúc: name order
    assert ws.events.active_roster_ids(MemberFilter(search="cuc")) == [ids[2]]


# -- Refused transitions and bad input ------------------------------------------------------


def test_transfer_out_twice_is_refused(ws: Workspace, an: str) -> None:
    ws.events.record(an, "transfer_out", "01/02/2025", other_organization="Đoàn phường 5")
    revision = ws.members.get(an).revision
    assert conflict(ws, an, "transfer_out", "02/02/2025", other_organization="X") == (
        "Đoàn viên Nguyễn Văn An đã chuyển sinh hoạt: không thể chuyển sinh hoạt đi lần nữa."
    )
    assert ws.members.get(an).revision == revision
    assert len(ws.events.history(an)) == 1


@pytest.mark.parametrize(
    ("leave", "details", "label"),
    [
        ("transfer_out", {"other_organization": "Đoàn phường 5"}, "đã chuyển sinh hoạt"),
        ("struck_off", {}, "đã xóa tên"),
        ("discipline", {"level": "Khai trừ"}, "bị khai trừ"),
    ],
)
def test_only_a_transfer_in_after_leaving(
    ws: Workspace, an: str, leave: str, details: dict[str, Any], label: str
) -> None:
    ws.events.record(an, leave, "01/02/2025", **details)
    assert conflict(ws, an, "discipline", "03/02/2025", level="Cảnh cáo") == (
        f"Đoàn viên Nguyễn Văn An {label}: chỉ có thể ghi nhận “Chuyển sinh hoạt đến”, "
        "không thể ghi nhận “Kỷ luật”."
    )
    for kind, more in (
        ("temporary", {"home_organization": "Đoàn phường 5"}), ("matured", {}),
        ("struck_off", {}), ("party_introduction", {}), ("party_admission", {}),
    ):  # fmt: skip
        with pytest.raises(ConflictError):
            ws.events.record(an, kind, "03/02/2025", **more)
    ws.events.record(an, "transfer_in", "04/02/2025", other_organization="Đoàn phường 5")
    assert status(ws, an) == "active"


def test_matured_member_only_takes_a_party_admission(ws: Workspace, an: str) -> None:
    ws.events.record(an, "matured", "01/02/2025")
    assert conflict(ws, an, "transfer_out", "02/02/2025", other_organization="X") == (
        "Đoàn viên Nguyễn Văn An đã trưởng thành Đoàn: không thể ghi nhận “Chuyển sinh hoạt đi”."
    )
    ws.events.record(an, "party_admission", "03/02/2025")
    assert status(ws, an) == "matured"


def test_transfer_in_of_an_active_member_with_history_is_refused(ws: Workspace, an: str) -> None:
    ws.events.record(an, "party_introduction", "01/02/2025")
    assert conflict(ws, an, "transfer_in", "02/02/2025", other_organization="X") == (
        "Đoàn viên Nguyễn Văn An đang sinh hoạt tại đơn vị: "
        "không thể ghi nhận chuyển sinh hoạt đến."
    )


def test_arriving_member_starts_with_a_transfer_in(ws: Workspace, add_member: AddMember) -> None:
    new = add_member("Đặng Thị Mơ", "01/01/2001")
    ws.events.record(new, "transfer_in", "01/02/2025", other_organization="Đoàn xã Khánh An")
    assert status(ws, new) == "active"


def test_admission_age_window(ws: Workspace, add_member: AddMember) -> None:
    young = add_member("Trần Văn Nhỏ", "01/01/2005")
    assert invalid(ws, young, "admission", "01/01/2020") == {
        "date": "Tuổi vào Đoàn phải từ 16 (đủ 15 tuổi + 1 ngày) đến 30: "
        "sinh 01/01/2005, vào Đoàn 01/01/2020."
    }
    ws.events.record(young, "admission", "02/01/2020")  # 15 years + 1 day
    old = add_member("Trần Văn Già", "01/01/1990")
    assert invalid(ws, old, "admission", "01/01/2021") == {
        "date": "Tuổi vào Đoàn phải từ 16 (đủ 15 tuổi + 1 ngày) đến 30: "
        "sinh 01/01/1990, vào Đoàn 01/01/2021."
    }
    ws.events.record(old, "admission", "31/12/2020")  # the last day before the 31st birthday


def test_an_admission_before_todays_rules_is_history(ws: Workspace, add_member: AddMember) -> None:
    """Admitted at 14 in 2005, under the rules of the time: recorded, and the record's date
    follows; the same age on 28/06/2013, when today's rules took effect, is refused."""
    old = add_member("Trần Văn Xưa", "10/09/1990")
    ws.events.record(old, "admission", "20/05/2005", place="Đoàn trường THCS Tân Hưng")
    admitted = ws.members.get(old).fields.admission_date
    assert admitted is not None and admitted.isoformat() == "2005-05-20"
    young = add_member("Trần Văn Mới", "01/01/1999")
    assert invalid(ws, young, "admission", "28/06/2013") == {
        "date": "Tuổi vào Đoàn phải từ 16 (đủ 15 tuổi + 1 ngày) đến 30: "
        "sinh 01/01/1999, vào Đoàn 28/06/2013."
    }


def test_admission_only_once_and_first(ws: Workspace, add_member: AddMember) -> None:
    member = add_member("Trần Văn Một", "01/01/2000")
    ws.events.record(member, "party_introduction", "01/01/2025")
    assert conflict(ws, member, "admission", "01/01/2025") == (
        "Ngày kết nạp Đoàn của Trần Văn Một phải trước mọi sự kiện khác của đoàn viên này."
    )
    ws.events.record(member, "admission", "01/06/2018")
    assert conflict(ws, member, "admission", "02/06/2018") == (
        "Đoàn viên Trần Văn Một đã có quyết định kết nạp Đoàn."
    )


def test_dates_are_checked(ws: Workspace, an: str) -> None:
    assert invalid(ws, an, "matured", "31/12/1994") == {
        "date": "Ngày của sự kiện (31/12/1994) không thể trước ngày sinh của đoàn viên "
        "(01/01/1995)."
    }
    assert invalid(ws, an, "matured", "01/01/2999") == {
        "date": "Ngày của sự kiện không thể sau ngày hôm nay."
    }
    assert invalid(ws, an, "matured", "31/02/2025") == {
        "date": "Ngày 31/02/2025 không có trên lịch."
    }
    assert invalid(ws, an, "matured", "") == {"date": "Cần nhập ngày của sự kiện."}
    assert ws.events.history(an) == []


def test_kind_specific_fields_are_checked(ws: Workspace, an: str) -> None:
    assert invalid(ws, an, "transfer_out", "01/01/2025") == {
        "other_organization": "Cần nhập tên đơn vị chuyển đến."
    }
    assert invalid(ws, an, "transfer_in", "01/01/2025") == {
        "other_organization": "Cần nhập tên đơn vị chuyển đi."
    }
    assert invalid(ws, an, "discipline", "01/01/2025") == {
        "level": "Cần chọn hình thức kỷ luật: Khiển trách, Cảnh cáo, Khai trừ."
    }
    # A level given but none of the three is said as given, not as missing.
    assert invalid(ws, an, "discipline", "01/01/2025", level="phê bình") == {
        "level": "Hình thức kỷ luật “phê bình” không có; chọn một trong: Khiển trách, Cảnh cáo, "
        "Khai trừ."
    }
    assert invalid(
        ws, an, "temporary", "01/01/2025", period_start="01/09/2025", period_end="01/06/2025"
    ) == {
        "home_organization": "Cần nhập tên đơn vị gốc của đoàn viên.",
        "period_end": "Ngày kết thúc sinh hoạt tạm phải sau ngày bắt đầu.",
    }
    assert invalid(ws, an, "admission", "01/01/2018", introducer_id="no-such-id") == {
        "introducer_id": "Người giới thiệu không có trong danh sách đoàn viên."
    }
    with pytest.raises(ValueError):
        ws.events.record(an, "matured", "01/01/2025", level="Khai trừ")
    with pytest.raises(ValueError):
        ws.events.record(an, "promotion", "01/01/2025")
    with pytest.raises(NotFoundError):
        ws.events.record("no-such-member", "matured", "01/01/2025")


# -- History and deletion --------------------------------------------------------------------


def test_history_is_in_date_order_whatever_the_recording_order(
    ws: Workspace, add_member: AddMember
) -> None:
    member = add_member("Huỳnh Văn Lâm", "01/01/2000")
    ws.events.record(member, "temporary", "01/03/2024", home_organization="Đoàn xã A")
    ws.events.record(member, "party_introduction", "01/03/2025")
    ws.events.record(member, "admission", "01/02/2018")  # backdated: first in the timeline
    ws.events.record(member, "discipline", "01/03/2024", level="Khiển trách")  # same day: after
    history = ws.events.history(member)
    assert [e.kind for e in history] == [
        "admission",
        "temporary",
        "discipline",
        "party_introduction",
    ]
    assert [e.status_after for e in history] == ["active", "temporary", "temporary", "temporary"]
    assert status(ws, member) == "temporary"


def test_deleting_an_event_replays_the_status(ws: Workspace, an: str) -> None:
    event_id = ws.events.record(an, "transfer_out", "01/02/2025", other_organization="X")
    revision = ws.members.get(an).revision
    ws.events.delete(event_id)
    assert status(ws, an) == "active"
    assert ws.members.get(an).revision == revision + 1
    assert ws.events.history(an) == []
    assert an in ws.members.ids(MemberFilter(status="active"))
    with pytest.raises(NotFoundError):
        ws.events.delete(event_id)


def test_deleting_restores_the_status_from_before_the_first_event(
    ws: Workspace, add_member: AddMember
) -> None:
    gone = add_member("Mai Văn Xa", "01/01/2000", status="Đã chuyển sinh hoạt")  # imported so
    event_id = ws.events.record(gone, "transfer_in", "01/02/2025", other_organization="X")
    assert status(ws, gone) == "active"
    ws.events.delete(event_id)
    assert status(ws, gone) == "transferred_out"


def test_deleting_admission_or_party_admission_clears_their_date(
    ws: Workspace, add_member: AddMember
) -> None:
    member = add_member("Tô Văn Mới", "01/01/2000")
    admission = ws.events.record(member, "admission", "01/02/2018")
    party = ws.events.record(member, "party_admission", "01/02/2025")
    ws.events.delete(party)
    ws.events.delete(admission)
    fields = ws.members.get(member).fields
    assert (fields.admission_date, fields.party_date) == (None, None)


def test_deleting_an_event_later_ones_depend_on_is_refused(ws: Workspace, an: str) -> None:
    ws.events.record(an, "transfer_out", "01/02/2024", other_organization="X")
    back = ws.events.record(an, "transfer_in", "01/02/2025", other_organization="X")
    ws.events.record(an, "discipline", "01/03/2025", level="Cảnh cáo")
    with pytest.raises(ConflictError) as info:
        ws.events.delete(back)
    assert info.value.message == (
        "Không thể xóa sự kiện “Chuyển sinh hoạt đến”: Đoàn viên Nguyễn Văn An đã chuyển sinh "
        "hoạt: chỉ có thể ghi nhận “Chuyển sinh hoạt đến”, không thể ghi nhận “Kỷ luật”."
    )
    assert status(ws, an) == "active"
    assert len(ws.events.history(an)) == 3


# -- Coming of age and the Party -------------------------------------------------------------


@pytest.fixture
def cohort(ws: Workspace, add_member: AddMember) -> dict[str, str]:
    ids = {
        "thirty": add_member("Lê Văn Ba Mươi", "03/05/1995", branch="A"),
        "year_only": add_member("Phạm Thị Năm", "1995", branch="A"),
        "overdue": add_member("Trần Văn Quá", "20/12/1994", branch="B"),
        "temporary": add_member("Đỗ Thị Tạm", "31/12/1995", branch="B"),
        "younger": add_member("Ngô Văn Trẻ", "01/01/1996", branch="A"),
        "left": add_member("Hồ Văn Đi", "01/06/1995", branch="A"),
        "deleted": add_member("Vũ Văn Xóa", "01/06/1995", branch="A"),
    }
    ws.events.record(ids["temporary"], "temporary", "01/01/2025", home_organization="Đoàn xã A")
    ws.events.record(ids["left"], "transfer_out", "01/01/2025", other_organization="Đoàn xã B")
    ws.members.delete([ids["deleted"]])
    return ids


def test_coming_of_age_lists_own_active_members_reaching_thirty(
    ws: Workspace, cohort: dict[str, str]
) -> None:
    # name order: Mươi, Năm, Quá; Tạm, here on temporary activity, is her home's to decide
    listed = ws.events.coming_of_age(2025, today=date(2025, 6, 1))
    assert [c.row.full_name for c in listed] == [
        "Lê Văn Ba Mươi", "Phạm Thị Năm", "Trần Văn Quá",
    ]  # fmt: skip
    assert [(c.year_reached, c.overdue) for c in listed] == [
        (2025, False), (2025, False), (2024, True),
    ]  # fmt: skip
    assert [c.row.full_name for c in ws.events.coming_of_age(2025, include_overdue=False)] == [
        "Lê Văn Ba Mươi", "Phạm Thị Năm",
    ]  # fmt: skip
    assert [c.row.full_name for c in ws.events.coming_of_age(2026, include_overdue=False)] == [
        "Ngô Văn Trẻ"
    ]


def test_confirm_coming_of_age_records_matured_for_all(
    ws: Workspace, cohort: dict[str, str]
) -> None:
    ids = [c.row.id for c in ws.events.coming_of_age(2025)]
    event_ids = ws.events.confirm_coming_of_age(ids, "15/12/2025", "7-QĐ/ĐTN")
    assert len(event_ids) == 3
    assert {status(ws, i) for i in ids} == {"matured"}
    assert all(ws.events.history(i)[-1].number == "7-QĐ/ĐTN" for i in ids)
    assert ws.events.coming_of_age(2025) == []


def test_confirm_coming_of_age_is_all_or_nothing(ws: Workspace, cohort: dict[str, str]) -> None:
    ids = [cohort["thirty"], cohort["left"], cohort["overdue"]]
    with pytest.raises(ConflictError) as info:
        ws.events.confirm_coming_of_age(ids, date(2025, 12, 15), "7-QĐ/ĐTN")
    assert info.value.message == (
        "Đoàn viên Hồ Văn Đi đã chuyển sinh hoạt: chỉ có thể ghi nhận “Chuyển sinh hoạt đến”, "
        "không thể ghi nhận “Trưởng thành Đoàn”."
    )
    assert status(ws, cohort["thirty"]) == "active"
    assert ws.events.history(cohort["thirty"]) == []


def test_party_introductions(ws: Workspace, add_member: AddMember) -> None:
    a = add_member("Trần Thị Ưu", "01/01/1999", branch="A")
    b = add_member("Lê Văn Tú", "01/01/1998")
    ws.events.record(b, "party_introduction", "10/03/2025", "2-GT/ĐTN")
    ws.events.record(a, "party_introduction", "05/01/2025", "1-GT/ĐTN")
    ws.events.record(a, "party_admission", "19/05/2025")
    rows = ws.events.party_introductions()
    assert [
        (r.full_name, r.introduced_on, r.number, r.party_date, r.branch_name) for r in rows
    ] == [
        ("Trần Thị Ưu", date(2025, 1, 5), "1-GT/ĐTN", date(2025, 5, 19), "A"),
        ("Lê Văn Tú", date(2025, 3, 10), "2-GT/ĐTN", None, None),
    ]
