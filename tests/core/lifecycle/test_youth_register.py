"""The youth register: saving with validation, search without tones, filters, soft delete, and
admitting a young person into the union."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date

import pytest

from doancoso.core.errors import ConflictError, NotFoundError, ValidationError
from doancoso.core.lang.places import hamlet_key, hamlet_name
from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace
from doancoso.core.youth.service import YouthFilter

AddMember = Callable[..., str]


def youth(ws: Workspace, name: str, birth: str = "01/01/2007", **fields: str) -> str:
    return ws.youth.save({"full_name": name, "birth_date": birth, **fields})


def names(ws: Workspace, flt: YouthFilter | None = None, sort: str = "name") -> list[str]:
    return [row.full_name for row in ws.youth.list(flt, sort)]


def test_save_normalises_and_get_returns_every_field(ws: Workspace, add_member: AddMember) -> None:
    sponsor = add_member("Lê Thị Hồng", "02/02/1998")
    youth_id = ws.youth.save(
        {
            "full_name": "  trần   THỊ thuỷ ",
            "birth_date": "5/3/2007",
            "gender": "nữ",
            "hamlet": "Ấp Tân Long",
            "address": "Số 12, ấp Tân Long",
            "occupation": "Công nhân",
            "away_place": "KCN Tân Tạo, TP. Hồ Chí Minh",
            "away_since": "01/02/2024",
            "hardship_kind": "Hộ nghèo",
            "hardship_support": "Học bổng 2024\r\nXe đạp",
            "ethnicity": "Khmer",
            "religion": "Phật giáo",
            "disability": "",
            "contact": "Mẹ: Trần Thị Lan",
            "phone": "+84 912 345 678",
            "notes": "Cần thăm hỏi",
            "follow_up_member_id": sponsor,
        }
    )
    record = ws.youth.get(youth_id)
    f = record.fields
    assert (f.full_name, f.birth_date, f.birth_precision, f.gender) == (
        "Trần Thị Thuỷ", date(2007, 3, 5), "day", "female",
    )  # fmt: skip
    assert (f.working_away, f.away_place, f.away_since) == (
        True, "KCN Tân Tạo, TP. Hồ Chí Minh", date(2024, 2, 1),
    )  # fmt: skip
    assert (f.in_hardship, f.hardship_kind, f.hardship_support) == (
        True,
        "Hộ nghèo",
        "Học bổng 2024\nXe đạp",
    )
    assert (f.phone, f.disability, f.follow_up_member_id) == ("0912345678", None, sponsor)
    assert (record.follow_up_name, record.admitted_member_id, record.revision) == (
        "Lê Thị Hồng",
        None,
        1,
    )
    (row,) = ws.youth.list()
    assert (row.follow_up_name, row.hamlet, row.in_hardship, row.working_away) == (
        "Lê Thị Hồng", "Ấp Tân Long", True, True,
    )  # fmt: skip


def test_flags_without_details(ws: Workspace) -> None:
    youth_id = youth(ws, "Ngô Văn Xa", "2006", working_away="x", in_hardship="có")
    f = ws.youth.get(youth_id).fields
    assert (f.working_away, f.in_hardship, f.birth_precision) == (True, True, "year")
    f = ws.youth.get(youth(ws, "Ngô Văn Gần")).fields
    assert (f.working_away, f.in_hardship) == (False, False)


def test_edit_bumps_the_revision(ws: Workspace) -> None:
    youth_id = youth(ws, "Ngô Văn Gần", hamlet="Ấp A")
    ws.youth.save(
        {"full_name": "Ngô Văn Gần", "birth_date": "01/01/2007", "hamlet": "Ấp B"}, youth_id
    )
    record = ws.youth.get(youth_id)
    assert (record.fields.hamlet, record.revision) == ("Ấp B", 2)


def test_validation_messages(ws: Workspace) -> None:
    with pytest.raises(ValidationError) as info:
        ws.youth.save({"full_name": "", "birth_date": ""})
    assert info.value.field_errors == {
        "full_name": "Cần nhập họ và tên.",
        "birth_date": "Cần nhập ngày sinh.",
    }
    with pytest.raises(ValidationError) as info:
        ws.youth.save(
            {
                "full_name": "Nguyễn Văn 2",
                "birth_date": "31/02/2007",
                "phone": "12345",
                "away_since": "2024",
                "gender": "khác",
            }
        )
    assert info.value.field_errors == {
        "full_name": "Họ và tên không được chứa chữ số.",
        "birth_date": "Ngày 31/02/2007 không có trên lịch.",
        "phone": "Số điện thoại không hợp lệ (10 chữ số, bắt đầu bằng 0, ví dụ 0912345678).",
        "away_since": "Ngày phải viết dạng dd/mm/yyyy, ví dụ 05/03/2001.",
        "gender": "Giới tính “khác” không có; chọn một trong: Nam, Nữ.",
    }
    with pytest.raises(ValidationError) as info:
        youth(ws, "Nguyễn Văn Ba", follow_up_member_id="no-such-member")
    assert info.value.field_errors == {
        "follow_up_member_id": "Đoàn viên theo dõi không có trong danh sách."
    }
    assert ws.youth.ids() == []


def test_search_ignores_tones_and_where_the_tone_mark_sits(ws: Workspace) -> None:
    youth(ws, "Trần Thị Thủy")
    youth(ws, unicodedata.normalize("NFD", "Lê Thị Thuỷ"))  # decomposed, old-style tone placement
    youth(ws, "Phạm Thị Thúy")
    youth(ws, "Nguyễn Văn Đạt", phone="0912345678")
    # Name order: tones break ties letter by letter (Thuỷ, Thủy, then Thúy).
    assert names(ws, YouthFilter(search="thuy")) == [
        "Lê Thị Thuỷ",
        "Trần Thị Thủy",
        "Phạm Thị Thúy",
    ]
    assert names(ws, YouthFilter(search="THỦY")) == names(ws, YouthFilter(search="thuy"))
    assert names(ws, YouthFilter(search="tran thuy")) == ["Trần Thị Thủy"]
    assert names(ws, YouthFilter(search="dat")) == ["Nguyễn Văn Đạt"]
    assert names(ws, YouthFilter(search="0912345")) == ["Nguyễn Văn Đạt"]
    assert names(ws, YouthFilter(search="xyz")) == []


def test_filters_and_sorts(ws: Workspace) -> None:
    youth(ws, "Trần Văn Bình", "03/03/2005", hamlet="Ấp Tân Long", hardship_kind="Hộ nghèo")
    youth(ws, "Lê Văn An", "01/01/2008", hamlet="ấp tân long", away_place="Bình Dương")
    youth(
        ws, "Phạm Thị Cúc", "02/02/2006", hamlet="Ấp Cái Rắn", in_hardship="1", away_place="Cà Mau"
    )
    assert names(ws) == ["Lê Văn An", "Trần Văn Bình", "Phạm Thị Cúc"]
    assert names(ws, sort="birth_date") == ["Trần Văn Bình", "Phạm Thị Cúc", "Lê Văn An"]
    assert ws.youth.ids(sort="birth_date", descending=True) == list(
        reversed(ws.youth.ids(sort="birth_date"))
    )
    assert names(ws, YouthFilter(hamlet="Ấp Tân Long")) == ["Lê Văn An", "Trần Văn Bình"]
    assert names(ws, YouthFilter(hardship_only=True)) == ["Trần Văn Bình", "Phạm Thị Cúc"]
    assert names(ws, YouthFilter(working_away_only=True)) == ["Lê Văn An", "Phạm Thị Cúc"]
    assert names(ws, YouthFilter(hardship_only=True, working_away_only=True)) == ["Phạm Thị Cúc"]
    assert ws.youth.count(YouthFilter(search="van")) == 2
    assert ws.youth.hamlets() == ["Ấp Cái Rắn", "Ấp Tân Long"]
    with pytest.raises(ValueError):
        ws.youth.ids(sort="phone")


@pytest.mark.parametrize(
    ("spellings", "same"),
    [
        (("Tân Phú", "ấp Tân Phú", "Ấp Tân Phú", "Ap tan phu", "ẤP. TÂN PHÚ", "Ấp: Tân Phú"), True),
        (("Bình An", "Khu phố Bình An", "khu pho binh an", "KP Bình An", "Khóm Bình An"), True),
        (("Đông Hòa", "Thôn Đông Hoà", "Xóm Đông Hòa", "Tổ dân phố Đông Hòa", "tổ Đông Hòa"), True),
        (("Ấp 3", "Khóm 3"), False),  # numbered: the place word is part of the name
        (("Ấp 3A", "Khu phố 3A"), False),
        (("Ấp II", "Thôn II"), False),
        (("Tân Phú", "Tân Phước"), False),
    ],
)
def test_hamlet_key_ignores_the_place_word(spellings: tuple[str, ...], same: bool) -> None:
    keys = {hamlet_key(h) for h in spellings}
    assert (len(keys) == 1) is same


def test_hamlet_name_drops_the_place_word_as_written() -> None:
    assert [hamlet_name(h) for h in ("Ấp Tân Phú", "khu phố Bình An", "Tân Phú", "Ấp 3")] == [
        "Tân Phú", "Bình An", "Tân Phú", "Ấp 3"
    ]  # fmt: skip


def respell(ws: Workspace, youth_id: str, name: str, hamlet: str) -> None:
    """The record's own hamlet typed again another way: kept as typed (a correction), unlike a
    hamlet typed for a young person of another one, which takes the register's spelling."""
    ws.youth.save({"full_name": name, "birth_date": "01/01/2007", "hamlet": hamlet}, youth_id)
    assert ws.youth.get(youth_id).fields.hamlet == hamlet


def test_one_hamlet_written_with_and_without_its_place_word(ws: Workspace) -> None:
    youth(ws, "Trần Văn Bình", hamlet="Tân Phú")
    youth(ws, "Phạm Thị Cúc", hamlet="Tân Phú")
    an = youth(ws, "Lê Văn An", hamlet="ấp Tân Phú")
    assert ws.youth.get(an).fields.hamlet == "Tân Phú"  # the register's spelling of it
    respell(ws, an, "Lê Văn An", "ấp Tân Phú")
    youth(ws, "Ngô Văn Dũng", hamlet="Ấp Kênh Xáng")
    youth(ws, "Đỗ Thị Em", hamlet="Khóm 3")
    youth(ws, "Vũ Văn Gấm", hamlet="Ấp 3")
    # one entry a hamlet, shown as its most used spelling, in the order of the names
    assert ws.youth.hamlets() == ["Ấp 3", "Ấp Kênh Xáng", "Khóm 3", "Tân Phú"]
    assert names(ws, YouthFilter(hamlet="Tân Phú")) == [
        "Lê Văn An",
        "Trần Văn Bình",
        "Phạm Thị Cúc",
    ]
    assert names(ws, YouthFilter(hamlet="AP TAN PHU")) == names(ws, YouthFilter(hamlet="Tân Phú"))
    assert names(ws, YouthFilter(hamlet="Ấp 3")) == ["Vũ Văn Gấm"]
    hai = youth(ws, "Hồ Văn Hải", hamlet="Ấp Tân Phú")
    assert ws.youth.get(hai).fields.hamlet == "Tân Phú"  # typed as the register does not spell it
    respell(ws, hai, "Hồ Văn Hải", "Ấp Tân Phú")
    hieu = youth(ws, "Hồ Văn Hiếu", hamlet="Tân Phú")
    respell(ws, hieu, "Hồ Văn Hiếu", "Ấp Tân Phú")  # a tie: the spelling with its place word
    assert ws.youth.hamlets()[-1] == "Ấp Tân Phú"


def test_delete_and_restore(ws: Workspace) -> None:
    keep, gone = youth(ws, "Lê Văn An"), youth(ws, "Trần Văn Bình")
    assert ws.youth.delete([gone]) == 1
    assert ws.youth.ids() == [keep]
    with pytest.raises(NotFoundError):
        ws.youth.get(gone)
    assert ws.youth.restore([gone]) == 1
    assert ws.youth.ids() == [keep, gone]
    assert ws.youth.get(gone).revision == 3


def test_admit_creates_the_member_and_the_admission(ws: Workspace, add_member: AddMember) -> None:
    sponsor = add_member("Lê Thị Hồng", "02/02/1998")
    branch = ws.branches.create("Chi đoàn ấp Tân Long")
    youth_id = youth(
        ws, "Trần Thị Thủy", "05/03/2007", gender="Nữ", hamlet="Ấp Tân Long", ethnicity="Kinh",
        religion="Không", occupation="Học sinh", phone="0912345678", follow_up_member_id=sponsor,
    )  # fmt: skip
    generation = ws._ctx.roster_generation
    member_id = ws.youth.admit(youth_id, "26/03/2025", "Đoàn xã Tân Hưng", branch.id, "45-QĐ/ĐTN")
    assert ws._ctx.roster_generation > generation
    member = ws.members.get(member_id)
    f = member.fields
    assert (f.full_name, f.birth_date, f.gender, f.branch_id, f.status) == (
        "Trần Thị Thủy", date(2007, 3, 5), "female", branch.id, "active",
    )  # fmt: skip
    assert (f.admission_date, f.admission_place, f.address_hamlet, f.phone) == (
        date(2025, 3, 26), "Đoàn xã Tân Hưng", "Ấp Tân Long", "0912345678",
    )  # fmt: skip
    assert (f.ethnicity, f.religion, f.occupation, f.position) == (
        "Kinh",
        "Không",
        "Học sinh",
        "Đoàn viên",
    )
    (event,) = ws.events.history(member_id)
    assert (event.kind, event.event_date, event.number) == (
        "admission",
        date(2025, 3, 26),
        "45-QĐ/ĐTN",
    )
    assert (event.introducer_id, event.introducer_name) == (sponsor, "Lê Thị Hồng")
    assert member_id in ws.members.ids(MemberFilter(search="thuy", status="active"))
    # The youth record is kept, linked, and hidden from the active list.
    assert ws.youth.ids() == []
    (row,) = ws.youth.list(YouthFilter(include_admitted=True))
    assert (row.id, row.admitted_member_id) == (youth_id, member_id)
    with pytest.raises(ConflictError) as info:
        ws.youth.admit(youth_id, "27/03/2025", None, None)
    assert info.value.message == "Trần Thị Thủy đã được kết nạp Đoàn."


def test_a_member_deleted_after_the_admission_puts_the_young_person_back(ws: Workspace) -> None:
    """An admission made by mistake and the member deleted from the roster (not undone): the
    young person was hidden from the register and its statistics while no longer a member
    either, and could not be admitted again ("đã được kết nạp Đoàn")."""
    thuy = youth(ws, "Trần Thị Thủy", "05/03/2007")
    first = ws.youth.admit(thuy, "26/03/2025", "Đoàn xã Tân Hưng", None)
    assert ws.youth.ids() == [] and ws.statistics.roster(date(2025, 6, 1)).youth_total == 0
    ws.members.delete([first])
    assert ws.youth.ids() == [thuy]
    assert ws.youth.get(thuy).admitted_member_id is None
    assert ws.youth.list()[0].admitted_member_id is None
    assert ws.statistics.roster(date(2025, 6, 1)).youth_total == 1
    again = ws.youth.admit(thuy, "02/04/2025", "Đoàn xã Tân Hưng", None)
    assert again != first and ws.youth.ids() == []
    assert ws.youth.get(thuy).admitted_member_id == again
    assert ws.statistics.roster(date(2025, 6, 1)).youth_total == 0


def test_admit_under_sixteen_is_refused_and_nothing_is_written(ws: Workspace) -> None:
    youth_id = youth(ws, "Trần Văn Nhỏ", "01/06/2010")
    with pytest.raises(ValidationError) as info:
        ws.youth.admit(youth_id, "01/01/2025", "Đoàn xã Tân Hưng", None)
    assert info.value.field_errors == {
        "admission_date": "Tuổi vào Đoàn phải từ 16 (đủ 15 tuổi + 1 ngày) đến 30: "
        "sinh 01/06/2010, vào Đoàn 01/01/2025."
    }
    with pytest.raises(ValidationError) as info:
        ws.youth.admit(youth_id, "2025", "Đoàn xã Tân Hưng", None)
    assert info.value.field_errors == {
        "admission_date": "Ngày phải viết dạng dd/mm/yyyy, ví dụ 05/03/2001."
    }
    assert ws.members.ids() == []
    assert ws.youth.ids() == [youth_id]
    assert ws.youth.get(youth_id).admitted_member_id is None


def test_admit_into_a_missing_branch_is_refused(ws: Workspace) -> None:
    youth_id = youth(ws, "Trần Văn Lớn", "01/06/2005")
    with pytest.raises(ValidationError) as info:
        ws.youth.admit(youth_id, "01/01/2025", None, "no-such-branch")
    assert info.value.field_errors == {"branch_id": "Chi đoàn không còn tồn tại."}
    assert ws.members.ids() == []


def test_sorting_by_hamlet_follows_vietnamese_order_and_groups_its_spellings(
    ws: Workspace,
) -> None:
    # Stored as typed (a record's own hamlet respelt stays so): "Ấ" and "Đ" sort after every
    # plain letter by code point, and "tân phú" apart from "Ấp Tân Phú"; the filter's order
    # (the hamlet's name, the place word aside) is the one the column must follow, each
    # hamlet's young people in name order.
    youth(ws, "Lê Văn An", hamlet="Xóm Mới")
    youth(ws, "Trần Văn Bình", hamlet="Ấp Tân Phú")
    youth(ws, "Phạm Thị Cúc", hamlet="Đông Hòa")
    youth(ws, "Ngô Văn Dũng", hamlet="Bình An")
    respell(ws, youth(ws, "Đỗ Thị Em", hamlet="Ấp Tân Phú"), "Đỗ Thị Em", "tân phú")
    youth(ws, "Vũ Văn Gấm", hamlet="Dương Xuân")
    youth(ws, "Hồ Văn Hải")  # no hamlet: first, as in the roster's chi đoàn column
    assert [(r.full_name, r.hamlet) for r in ws.youth.list(sort="hamlet")] == [
        ("Hồ Văn Hải", None),
        ("Ngô Văn Dũng", "Bình An"),
        ("Vũ Văn Gấm", "Dương Xuân"),
        ("Phạm Thị Cúc", "Đông Hòa"),
        ("Lê Văn An", "Xóm Mới"),  # by its name, "Mới", as in the filter
        ("Trần Văn Bình", "Ấp Tân Phú"),
        ("Đỗ Thị Em", "tân phú"),
    ]
    assert ws.youth.ids(sort="hamlet", descending=True) == ws.youth.ids(sort="hamlet")[::-1]


def test_search_matches_words_from_their_start_as_the_roster_does(
    ws: Workspace, add_member: AddMember
) -> None:
    youth(ws, "Trần Văn Bình", phone="0912345678")
    youth(ws, "Lê Văn An")
    youth(ws, "Nguyễn Thị Lan")
    add_member("Trần Văn Bình", "01/01/2000")
    add_member("Lê Văn An", "01/01/2000")
    # "an" is the start of "An" only, not inside "Trần", "Văn" or "Lan"
    assert names(ws, YouthFilter(search="an")) == ["Lê Văn An"]
    assert [r.full_name for r in ws.members.list(MemberFilter(search="an"))] == ["Lê Văn An"]
    assert names(ws, YouthFilter(search="ngu la")) == ["Nguyễn Thị Lan"]
    assert names(ws, YouthFilter(search="345")) == ["Trần Văn Bình"]  # digits: anywhere


@pytest.mark.parametrize(
    ("spellings", "same"),
    [
        (("Tô Châu", "Châu"), False),  # Tô is a name, not the place word tổ
        (("Tô Châu", "tô châu", "To Chau"), True),
        (("Tổ Châu", "Châu"), True),
        (("Ấp Vi", "Vi", "ấp vi"), True),  # a name, not the Roman six
        (("Ấp VI", "Vi"), False),
        (("Ấp III", "Ấp 3", "ấp 3", "ẤP III"), True),
        (("Khu phố 3", "KP 3", "Khu phố III", "Khu phố 03"), True),
        (("Tổ dân phố 07", "Tổ dân phố 7"), True),
        (("Ấp 3", "Ấp 30"), False),
    ],
)
def test_hamlet_key_reads_place_words_and_numbers_as_written(
    spellings: tuple[str, ...], same: bool
) -> None:
    keys = {hamlet_key(h) for h in spellings}
    assert (len(keys) == 1) is same


def test_hamlet_name_keeps_names_that_look_like_place_words() -> None:
    assert [hamlet_name(h) for h in ("Tô Châu", "Tổ Châu", "Ấp Vi", "Ấp III", "Ấp: Tân Phú")] == [
        "Tô Châu", "Châu", "Vi", "Ấp III", "Tân Phú"
    ]  # fmt: skip


def test_a_follow_up_member_deleted_from_the_roster_follows_no_one_up(
    ws: Workspace, add_member: AddMember, tmp_path
) -> None:
    """The member who followed a young person up (1+1) deleted from the roster: the register
    went on naming them (table, form, export, printed count), the young person could no longer
    be saved ("Đoàn viên theo dõi không có trong danh sách.") nor updated by an import, and an
    admission recorded the deleted member as introducer. Until the deletion is undone the
    young person has no follow-up member; undone, the member follows them up again."""
    from openpyxl import load_workbook

    may = add_member("Thạch Thị Mây", "01/02/1998")
    thuy = youth(ws, "Trần Thị Thủy", "05/03/2007", follow_up_member_id=may)
    ws.members.delete([may])
    (row,) = ws.youth.list()
    assert (row.follow_up_member_id, row.follow_up_name) == (None, None)
    record = ws.youth.get(thuy)
    assert (record.fields.follow_up_member_id, record.follow_up_name) == (None, None)
    path = tmp_path / "thanh-nien.xlsx"
    ws.spreadsheets.export_youth(path)
    sheet = load_workbook(path).active
    assert sheet is not None and sheet["O3"].value == "Đoàn viên theo dõi (1+1)"
    assert sheet["B4"].value == "Trần Thị Thủy" and sheet["O4"].value is None
    ws.members.restore([may])
    assert ws.youth.get(thuy).follow_up_name == "Thạch Thị Mây"
    ws.members.delete([may])
    # the form saves what get() gave, with a new phone
    raw = {"full_name": "Trần Thị Thủy", "birth_date": "05/03/2007", "phone": "0912345678"}
    assert ws.youth.save(raw, youth_id=thuy) == thuy
    assert ws.youth.get(thuy).fields.phone == "0912345678"
    other = youth(ws, "Lê Văn An", "05/03/2007")
    ws.members.restore([may])
    ws.youth.save({"full_name": "Lê Văn An", "birth_date": "05/03/2007",
                   "follow_up_member_id": may}, youth_id=other)  # fmt: skip
    ws.members.delete([may])
    member = ws.youth.admit(other, "26/03/2025", "Đoàn xã Tân Hưng", None)
    (event,) = ws.events.history(member)
    assert (event.introducer_id, event.introducer_name) == (None, None)


def test_lists_of_ethnic_minority_and_religious_youth(ws: Workspace) -> None:
    """Criterion 1's lists: ethnic-minority youth (a dân tộc other than Kinh) and religious
    youth (a tôn giáo other than "Không"); an empty cell is in neither."""
    youth(ws, "Thạch Thị Sa Rươl", ethnicity="Khmer", religion="Phật giáo")
    youth(ws, "Lâm Văn Quang", ethnicity="Hoa", religion="không")
    youth(ws, "Nguyễn Văn Tâm", ethnicity="kinh", religion="Cao Đài")
    youth(ws, "Trần Thị Mai", ethnicity="Kinh", religion="Không")
    youth(ws, "Lê Văn Út")
    assert names(ws, YouthFilter(minority_only=True)) == ["Lâm Văn Quang", "Thạch Thị Sa Rươl"]
    assert names(ws, YouthFilter(religious_only=True)) == ["Thạch Thị Sa Rươl", "Nguyễn Văn Tâm"]
    both = YouthFilter(minority_only=True, religious_only=True)
    assert names(ws, both) == ["Thạch Thị Sa Rươl"]
