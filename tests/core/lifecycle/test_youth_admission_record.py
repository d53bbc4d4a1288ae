"""Admitting a young person carries their whole record into the new member: the fields the
member record has, the rest in readable lines of the member's notes, and a link in the
admission event."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from doancoso.core.roster.validation import MemberFields
from doancoso.core.workspace import Workspace
from doancoso.core.youth.service import ADMITTED_FROM_REGISTER


def _admit(ws: Workspace, **fields: str) -> MemberFields:
    raw = {"full_name": "Trần Thị Thủy", "birth_date": "05/03/2007", **fields}
    youth_id = ws.youth.save(raw)
    member_id = ws.youth.admit(youth_id, "26/03/2025", "Đoàn xã Tân Hưng", None, "45-QĐ/ĐTN")
    assert ws.youth.get(youth_id).admitted_member_id == member_id
    return ws.members.get(member_id).fields


def test_every_field_of_the_register_reaches_the_member(ws: Workspace) -> None:
    f = _admit(
        ws,
        gender="Nữ",
        hamlet="Ấp Tân Long",
        address="Số 12, tổ 3",
        occupation="Công nhân",
        working_away="x",
        away_place="Bình Dương",
        away_since="01/02/2024",
        in_hardship="x",
        hardship_kind="Hộ nghèo",
        hardship_support="Tặng quà Tết 2025\nHọc bổng 1.000.000 đồng",
        ethnicity="Khmer",
        religion="Phật giáo",
        disability="Khiếm thính nhẹ",
        contact="Zalo 0987654321 (chị gái)",
        phone="0912 345 678",
        notes="Ham học hỏi.\nTham gia đội văn nghệ ấp.",
    )
    assert asdict(f) == asdict(
        MemberFields(
            full_name="Trần Thị Thủy",
            birth_date=date(2007, 3, 5),
            gender="female",
            position="Đoàn viên",
            status="active",
            address_hamlet="Số 12, tổ 3, Ấp Tân Long",
            ethnicity="Khmer",
            religion="Phật giáo",
            phone="0912345678",
            occupation="Công nhân",
            admission_date=date(2025, 3, 26),
            admission_place="Đoàn xã Tân Hưng",
            admission_decision="45-QĐ/ĐTN",  # the admission event's number
            notes=(
                "Khuyết tật: Khiếm thính nhẹ\n"
                "Hoàn cảnh khó khăn: Hộ nghèo (đã hỗ trợ: Tặng quà Tết 2025; "
                "Học bổng 1.000.000 đồng)\n"
                "Đi làm ăn xa: Bình Dương (từ 01/02/2024)\n"
                "Liên hệ khác: Zalo 0987654321 (chị gái)\n"
                "Ham học hỏi.\n"
                "Tham gia đội văn nghệ ấp."
            ),
        )
    )


def test_the_admission_event_says_where_the_member_came_from(ws: Workspace) -> None:
    youth_id = ws.youth.save({"full_name": "Lê Văn An", "birth_date": "01/01/2007"})
    member_id = ws.youth.admit(youth_id, "26/03/2025", "Đoàn xã Tân Hưng", None, "45-QĐ/ĐTN")
    (event,) = ws.events.history(member_id)
    assert (event.kind, event.number, event.note) == (
        "admission", "45-QĐ/ĐTN", "Kết nạp từ sổ theo dõi thanh niên."
    )  # fmt: skip
    assert event.note == ADMITTED_FROM_REGISTER
    f = ws.members.get(member_id).fields
    assert (f.notes, f.address_hamlet, f.gender) == (None, None, None)  # nothing to carry


def test_an_address_that_names_the_hamlet_is_not_repeated(ws: Workspace) -> None:
    f = _admit(ws, hamlet="Ấp Tân Long", address="Số 12, ấp Tân Long")
    assert f.address_hamlet == "Số 12, ấp Tân Long"
    assert _admit(ws, address="Tổ 5, khóm 2").address_hamlet == "Tổ 5, khóm 2"
    assert _admit(ws, hamlet="Ấp Cái Rắn").address_hamlet == "Ấp Cái Rắn"


def test_hardship_and_work_away_without_details(ws: Workspace) -> None:
    f = _admit(ws, in_hardship="có", working_away="1")
    assert f.notes == "Hoàn cảnh khó khăn\nĐi làm ăn xa"
    f = _admit(ws, hardship_support="Sửa nhà", away_place="Cà Mau")
    assert f.notes == "Hoàn cảnh khó khăn (đã hỗ trợ: Sửa nhà)\nĐi làm ăn xa: Cà Mau"
