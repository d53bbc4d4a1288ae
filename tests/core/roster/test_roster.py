"""The roster: search, filters, Vietnamese order, other sorts, CCCD uniqueness, demo data."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from doancoso.core.changes import EVERYTHING
from doancoso.core.errors import ConflictError, NotFoundError, ValidationError
from doancoso.core.lang.dates import age_on
from doancoso.core.lang.text import name_sort_key
from doancoso.core.roster.service import MemberFilter
from doancoso.core.storage.models import Member
from doancoso.core.workspace import Workspace


def add(ws: Workspace, name: str, birth: str = "05/03/2001", **extra: str) -> str:
    return ws.members.save({"full_name": name, "birth_date": birth, **extra})


def names(
    ws: Workspace, flt: MemberFilter | None = None, sort: str = "name", desc: bool = False
) -> list[str]:
    return [r.full_name for r in ws.members.rows(ws.members.ids(flt, sort, desc))]


@pytest.fixture
def roster(ws: Workspace) -> Workspace:
    """Six members in two branches, with the search's hard cases."""
    long_ = ws.branches.create("Chi đoàn ấp Tân Long").id
    ran = ws.branches.create("Chi đoàn ấp Cái Rắn").id
    add(
        ws, "Nguyễn Văn An", "12/08/2000", gender="Nam", branch_id=long_, national_id="096200001111"
    )
    add(ws, "Nguyễn Văn Đạt", "05/03/2001", gender="Nam", branch_id=ran, phone="+84 912 345 678")
    add(ws, "Trần Thị Thủy", "01/01/1999", gender="Nữ", branch_id=long_, status="Sinh hoạt tạm")
    add(ws, "Lê Thị Thuỷ", "2002", gender="Nữ", branch_id=ran)
    add(ws, "Phạm Văn Anh", "20/10/1998", gender="Nam", branch_id=long_, status="Sinh hoạt tạm")
    add(ws, "Hồ Thị Ánh", "07/07/2003", gender="Nữ")
    return ws


def test_default_order_is_vietnamese_name_order(roster: Workspace) -> None:
    assert names(roster) == [
        "Nguyễn Văn An",
        "Phạm Văn Anh",
        "Hồ Thị Ánh",
        "Nguyễn Văn Đạt",
        "Lê Thị Thuỷ",
        "Trần Thị Thủy",
    ]


def test_same_name_is_ordered_by_birth_date(ws: Workspace) -> None:
    young = add(ws, "Nguyễn Văn An", "01/01/2005")
    old = add(ws, "Nguyễn Văn An", "01/01/1996")
    middle = add(ws, "Nguyễn Văn An", "15/06/2000")
    assert ws.members.ids() == [old, middle, young]


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("nguyen van an", {"Nguyễn Văn An"}),
        ("NGUYỄN VĂN AN", {"Nguyễn Văn An"}),
        ("dat", {"Nguyễn Văn Đạt"}),
        ("Đạt", {"Nguyễn Văn Đạt"}),
        ("thuy", {"Trần Thị Thủy", "Lê Thị Thuỷ"}),
        ("thủy", {"Trần Thị Thủy", "Lê Thị Thuỷ"}),
        ("anh", {"Phạm Văn Anh", "Hồ Thị Ánh"}),
        ("096200001111", {"Nguyễn Văn An"}),
        ("0962000", {"Nguyễn Văn An"}),
        ("0912345678", {"Nguyễn Văn Đạt"}),
        ("0912", {"Nguyễn Văn Đạt"}),
        ("xuan", set()),
    ],
)
def test_search_ignores_tones_case_and_d_stroke(
    roster: Workspace, search: str, expected: set[str]
) -> None:
    assert set(names(roster, MemberFilter(search=search))) == expected


def test_search_words_match_from_their_start_and_digits_anywhere(roster: Workspace) -> None:
    # "an" is inside "văn" but starts no word of "Nguyễn Văn Đạt"
    assert names(roster, MemberFilter(search="van an")) == ["Nguyễn Văn An", "Phạm Văn Anh"]
    assert names(roster, MemberFilter(search="guyen")) == []
    assert names(roster, MemberFilter(search="5678")) == ["Nguyễn Văn Đạt"]  # end of a phone


def test_search_is_in_name_order(roster: Workspace) -> None:
    assert names(roster, MemberFilter(search="thi")) == [
        "Hồ Thị Ánh",
        "Lê Thị Thuỷ",
        "Trần Thị Thủy",
    ]


def test_search_orders_both_tone_placements_as_one_name(ws: Workspace) -> None:
    # "Thủy" and "Thuỷ" are one given name: the middle names decide (Thanh < Thùy).
    add(ws, "Nguyễn Thùy Thuỷ")
    add(ws, "Nguyễn Thanh Thủy")
    add(ws, "Nguyễn Văn Hoà")
    add(ws, "Nguyễn Thị Hòa")
    assert names(ws, MemberFilter(search="nguyen thuy")) == [
        "Nguyễn Thanh Thủy",
        "Nguyễn Thùy Thuỷ",
    ]
    assert names(ws) == [
        "Nguyễn Thị Hòa",
        "Nguyễn Văn Hoà",
        "Nguyễn Thanh Thủy",
        "Nguyễn Thùy Thuỷ",
    ]


def test_filters_combine_with_search(roster: Workspace) -> None:
    long_ = roster.branches.find("chi doan ap tan long")
    assert long_ is not None
    assert names(roster, MemberFilter(branch_id=long_.id)) == [
        "Nguyễn Văn An",
        "Phạm Văn Anh",
        "Trần Thị Thủy",
    ]
    assert names(roster, MemberFilter(status="temporary")) == ["Phạm Văn Anh", "Trần Thị Thủy"]
    assert names(roster, MemberFilter(gender="female")) == [
        "Hồ Thị Ánh",
        "Lê Thị Thuỷ",
        "Trần Thị Thủy",
    ]
    assert names(roster, MemberFilter(search="thuy", branch_id=long_.id)) == ["Trần Thị Thủy"]
    assert names(roster, MemberFilter(branch_id=long_.id, status="temporary", gender="male")) == [
        "Phạm Văn Anh"
    ]
    assert names(roster, MemberFilter(search="an", gender="female", status="active")) == [
        "Hồ Thị Ánh"
    ]
    assert roster.members.count(MemberFilter(branch_id=long_.id, gender="female")) == 1


def test_sort_by_birth_date(roster: Workspace) -> None:
    ascending = names(roster, sort="birth_date")
    assert ascending == [
        "Phạm Văn Anh",  # 20/10/1998
        "Trần Thị Thủy",  # 01/01/1999
        "Nguyễn Văn An",  # 12/08/2000
        "Nguyễn Văn Đạt",  # 05/03/2001
        "Lê Thị Thuỷ",  # 2002
        "Hồ Thị Ánh",  # 07/07/2003
    ]
    assert names(roster, sort="birth_date", desc=True) == ascending[::-1]


def test_sort_by_branch_follows_vietnamese_order_of_branch_names(ws: Workspace) -> None:
    dat_set = ws.branches.create("Chi đoàn ấp Đất Sét").id
    dua = ws.branches.create("Chi đoàn ấp Dừa").id
    bao = ws.branches.create("Chi đoàn ấp Bào Sen").id
    add(ws, "Nguyễn Văn An", branch_id=dat_set)
    add(ws, "Trần Văn Bình", branch_id=dua)
    add(ws, "Lê Văn Cường", branch_id=bao)
    add(ws, "Võ Văn Dũng", branch_id=dua)
    add(ws, "Đỗ Văn Em")  # no branch
    assert names(ws, sort="branch") == [
        "Đỗ Văn Em",
        "Lê Văn Cường",  # Bào Sen
        "Trần Văn Bình",  # Dừa, name order inside a branch
        "Võ Văn Dũng",
        "Nguyễn Văn An",  # Đất Sét: đ after d
    ]
    ws.branches.rename(bao, "Chi đoàn ấp Xóm Mới")  # the order follows a rename
    assert names(ws, sort="branch")[-1] == "Lê Văn Cường"


def test_sort_by_gender_follows_the_words_shown_nam_before_nu(ws: Workspace) -> None:
    # The stored codes ("female" < "male") put Nữ first under a column that shows Nam and Nữ
    add(ws, "Nguyễn Thị An", gender="Nữ")
    add(ws, "Trần Văn Bình", gender="Nam")
    add(ws, "Lê Thị Cúc", gender="Nữ")
    add(ws, "Võ Văn Dũng")  # not given: first, as an empty cell in every column
    assert names(ws, sort="gender") == ["Võ Văn Dũng", "Trần Văn Bình", "Nguyễn Thị An",
                                        "Lê Thị Cúc"]  # fmt: skip
    assert names(ws, sort="gender", desc=True) == ["Nguyễn Thị An", "Lê Thị Cúc",
                                                   "Trần Văn Bình", "Võ Văn Dũng"]  # fmt: skip


def test_unknown_sort_column_is_a_programming_error(roster: Workspace) -> None:
    with pytest.raises(ValueError, match="sort column"):
        roster.members.ids(sort="sort_key")


def test_rows_keep_the_order_of_ids_and_skip_missing(roster: Workspace) -> None:
    ids = roster.members.ids()
    picked = [ids[3], ids[0], "no-such-id", ids[5]]
    assert [r.id for r in roster.members.rows(picked)] == [ids[3], ids[0], ids[5]]


def test_saved_member_can_be_read_back(roster: Workspace) -> None:
    dat = roster.members.ids(MemberFilter(search="dat"))[0]
    record = roster.members.get(dat)
    assert record.fields.phone == "0912345678"
    assert record.fields.gender == "male"
    assert record.branch_name == "Chi đoàn ấp Cái Rắn"
    assert record.fields.birth_date == date(2001, 3, 5)


def test_edit_updates_search_and_order(roster: Workspace) -> None:
    an = roster.members.ids(MemberFilter(search="096200001111"))[0]
    roster.members.save({"full_name": "Nguyễn Văn Xuân", "birth_date": "12/08/2000"}, an)
    assert names(roster, MemberFilter(search="xuan")) == ["Nguyễn Văn Xuân"]
    assert names(roster)[-1] == "Nguyễn Văn Xuân"
    assert roster.members.ids(MemberFilter(search="096200001111")) == []  # CCCD cleared


def test_invalid_save_writes_nothing(roster: Workspace) -> None:
    before = names(roster)
    with pytest.raises(ValidationError):
        roster.members.save({"full_name": "Ngô Văn Lộc", "birth_date": "31/02/2001"})
    assert names(roster) == before


def test_deleted_member_cannot_be_read_or_edited(roster: Workspace) -> None:
    an = roster.members.ids(MemberFilter(search="096200001111"))[0]
    roster.members.delete([an])
    with pytest.raises(NotFoundError):
        roster.members.get(an)
    with pytest.raises(NotFoundError):
        roster.members.save({"full_name": "Nguyễn Văn An", "birth_date": "12/08/2000"}, an)


# -- CCCD unique within the organisation -------------------------------------------------------


def test_national_id_is_unique_and_the_message_names_the_other_member(roster: Workspace) -> None:
    with pytest.raises(ValidationError) as info:
        add(roster, "Ngô Văn Lộc", national_id="096 200 001 111")
    assert info.value.field_errors == {
        "national_id": "Số CCCD này đã dùng cho đoàn viên Nguyễn Văn An."
    }
    assert roster.members.count() == 6


def test_a_member_keeps_his_own_national_id_on_edit(roster: Workspace) -> None:
    an = roster.members.ids(MemberFilter(search="096200001111"))[0]
    roster.members.save(
        {
            "full_name": "Nguyễn Văn An",
            "birth_date": "12/08/2000",
            "national_id": "096200001111",
            "phone": "0987654321",
        },
        an,
    )
    assert roster.members.get(an).fields.phone == "0987654321"


def test_restore_is_refused_when_the_national_id_was_reused(roster: Workspace) -> None:
    an = roster.members.ids(MemberFilter(search="096200001111"))[0]
    roster.members.delete([an])
    loc = add(roster, "Ngô Văn Lộc", national_id="096200001111")  # free again once deleted
    with pytest.raises(ConflictError) as info:
        roster.members.restore([an])
    assert info.value.message == (
        "Không thể khôi phục: số CCCD của đoàn viên này đã được dùng cho người khác."
    )
    assert roster.members.ids(MemberFilter(search="096200001111")) == [loc]
    with roster.db.read() as session:
        row = session.get(Member, an)
        assert row is not None and row.deleted_at is not None  # still a tombstone


# -- The union's member code: searchable, unique within the organisation -----------------------


def test_member_code_is_searchable_and_shown_on_the_row(roster: Workspace) -> None:
    loc = add(roster, "Ngô Văn Lộc", member_code="7000123")
    assert roster.members.ids(MemberFilter(search="7000123")) == [loc]
    assert roster.members.ids(MemberFilter(search="0123")) == [loc]  # digits anywhere
    assert roster.members.rows([loc])[0].member_code == "7000123"
    roster.members.save({"full_name": "Ngô Văn Lộc", "birth_date": "05/03/2001",
                         "member_code": "7000456"}, loc)  # fmt: skip
    assert roster.members.ids(MemberFilter(search="7000123")) == []
    assert roster.members.ids(MemberFilter(search="7000456")) == [loc]


def test_member_code_is_unique_and_the_message_names_the_other_member(roster: Workspace) -> None:
    loc = add(roster, "Ngô Văn Lộc", member_code="7000123")
    with pytest.raises(ValidationError) as info:
        add(roster, "Đinh Văn Lực", member_code="700 0123")
    assert info.value.field_errors == {
        "member_code": "Mã định danh đoàn viên này đã dùng cho đoàn viên Ngô Văn Lộc."
    }
    roster.members.save(
        {
            "full_name": "Ngô Văn Lộc",
            "birth_date": "05/03/2001",
            "member_code": "7000123",
            "phone": "0987654321",
        },
        loc,
    )  # his own
    roster.members.delete([loc])
    luc = add(roster, "Đinh Văn Lực", member_code="7000123")  # free again once deleted
    with pytest.raises(ConflictError) as restore:
        roster.members.restore([loc])
    assert restore.value.message == (
        "Không thể khôi phục: mã định danh của đoàn viên này đã được dùng cho người khác."
    )
    assert roster.members.ids(MemberFilter(search="7000123")) == [luc]


def test_an_old_admission_outside_todays_ages_is_saved_with_a_warning(roster: Workspace) -> None:
    raw = {"full_name": "Ngô Văn Lộc", "birth_date": "10/09/1990", "admission_date": "20/05/2005"}
    assert roster.members.warnings(raw)["admission_date"] == (
        "Vào Đoàn ngày 20/05/2005 khi chưa đủ 15 tuổi + 1 ngày (sinh 10/09/1990): ngoài độ tuổi "
        "kết nạp hiện nay (từ 16 đến 30 tuổi, áp dụng từ 28/06/2013). Vẫn giữ ngày này: kết nạp "
        "trước đó theo quy định thời đó."
    )
    loc = roster.members.save(raw)
    assert roster.members.get(loc).fields.admission_date == date(2005, 5, 20)
    late = {"full_name": "Đinh Văn Lực", "birth_date": "01/01/1978", "admission_date": "01/01/2010"}
    assert roster.members.warnings(late)["admission_date"] == (
        "Vào Đoàn ngày 01/01/2010 khi đã quá 30 tuổi (sinh 01/01/1978): ngoài độ tuổi kết nạp "
        "hiện nay (từ 16 đến 30 tuổi, áp dụng từ 28/06/2013). Vẫn giữ ngày này: kết nạp trước "
        "đó theo quy định thời đó."
    )
    within = {"full_name": "Hà Văn Hòa", "birth_date": "01/01/2000", "admission_date": "26/03/2016"}
    assert "admission_date" not in roster.members.warnings(within)


# -- Demo data ---------------------------------------------------------------------------------


def _demo_names(folder: Path, seed: int) -> list[str]:
    with Workspace.open(folder) as ws:
        ws.generate_demo(members=120, seed=seed)
        return [r.full_name for r in ws.members.list()]


def test_demo_organisation(empty_ws: Workspace) -> None:
    assert empty_ws.generate_demo(members=500, seed=3) == 500
    ws = empty_ws
    assert ws.members.count() == 500
    org = ws.organization.get()
    assert org is not None and org.name == "Đoàn xã Tân Hưng"
    branches = ws.branches.list()
    assert len(branches) >= 5
    assert all(b.name.startswith("Chi đoàn ấp ") for b in branches)
    assert sum(b.member_count for b in branches) == 500
    rows = ws.members.list()
    today = date.today()
    assert all(16 <= age_on(r.birth_date, today) <= 30 for r in rows)
    full_names = [r.full_name for r in rows]
    assert full_names == sorted(full_names, key=name_sort_key)
    with ws.db.read() as session:
        ethnicities = Counter(session.scalars(select(Member.ethnicity)))
    assert ethnicities["Khmer"] >= 10 and ethnicities["Hoa"] >= 5 and ethnicities["Kinh"] >= 400
    assert any(r.full_name.startswith("Thạch ") for r in rows)
    assert len({r.national_id for r in rows if r.national_id}) == sum(
        1 for r in rows if r.national_id
    )
    youths = ws.youth.rows(ws.youth.ids())
    assert len(youths) == 50  # one young non-member for ten members
    stats = ws.statistics.roster()
    assert 0 < stats.youth_in_hardship < 50 and 0 < stats.youth_working_away < 50


def test_demo_is_reproducible_by_seed(tmp_path: Path) -> None:
    first = _demo_names(tmp_path / "a", seed=3)
    assert _demo_names(tmp_path / "b", seed=3) == first
    assert _demo_names(tmp_path / "c", seed=4) != first


def test_index_follows_single_writes_without_reloading(roster: Workspace) -> None:
    """Saves, deletes, restores and moves patch the in-memory index in place; the result is the
    same as a full reload from the database."""
    members = roster.members
    assert names(roster) == names(roster)  # index built
    snapshot = members._index
    an = members.ids(MemberFilter(search="nguyen van an"))[0]
    members.save({"full_name": "Nguyễn Văn Bảo", "birth_date": "01/01/2000"}, an)
    new_id = members.save({"full_name": "Đỗ Thị Ánh", "birth_date": "02/02/2002", "gender": "Nữ"})
    dat = members.ids(MemberFilter(search="dat"))[0]
    members.delete([dat])
    members.restore([dat])
    members.delete([new_id])
    roster.branches.move_members([dat], roster.branches.list()[0].id)
    patched = names(roster)
    by_gender = members.ids(MemberFilter(gender="female"), sort="birth_date")
    assert members._index is snapshot  # patched, not rebuilt
    roster.db.changes.record(EVERYTHING)  # anything may have changed: a full reload, compared
    assert (
        names(roster)
        == patched
        == [
            "Phạm Văn Anh",
            "Hồ Thị Ánh",
            "Nguyễn Văn Bảo",
            "Nguyễn Văn Đạt",
            "Lê Thị Thuỷ",
            "Trần Thị Thủy",
        ]
    )
    assert members.ids(MemberFilter(gender="female"), sort="birth_date") == by_gender
    assert members._index is not snapshot


def test_typing_narrows_and_backspace_widens_again(roster: Workspace) -> None:
    """Each keystroke gives the same rows as a fresh search, whether it narrows the last search
    (which reuses its rows), widens it again, changes a filter or follows a write."""
    temporary = MemberFilter(status="temporary")
    steps = [
        ("a", None, {"Nguyễn Văn An", "Phạm Văn Anh", "Hồ Thị Ánh"}),
        ("an", None, {"Nguyễn Văn An", "Phạm Văn Anh", "Hồ Thị Ánh"}),
        ("anh", None, {"Phạm Văn Anh", "Hồ Thị Ánh"}),
        ("an", None, {"Nguyễn Văn An", "Phạm Văn Anh", "Hồ Thị Ánh"}),  # backspace
        ("anh", temporary, {"Phạm Văn Anh"}),
        ("anh t", temporary, set()),  # "t" starts no word of Phạm Văn Anh
        ("anh", None, {"Phạm Văn Anh", "Hồ Thị Ánh"}),
        ("anh van", None, {"Phạm Văn Anh"}),
        ("09", None, {"Nguyễn Văn An", "Nguyễn Văn Đạt"}),  # digits anywhere
        ("096", None, {"Nguyễn Văn An"}),
    ]
    for search, base, expected in steps:
        flt = MemberFilter(search=search, status=base.status if base else None)
        assert set(names(roster, flt)) == expected, search
    add(roster, "Võ Thị Ánh", "02/02/2002", phone="0961234567")
    assert set(names(roster, MemberFilter(search="096"))) == {"Nguyễn Văn An", "Võ Thị Ánh"}
    assert set(names(roster, MemberFilter(search="0961"))) == {"Võ Thị Ánh"}


def test_a_cccd_in_full_width_digits_is_the_same_cccd(ws: Workspace) -> None:
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "05/03/2001",
                     "national_id": "096201001234"})  # fmt: skip
    with pytest.raises(ValidationError) as info:
        ws.members.save({"full_name": "Trần Văn Bình", "birth_date": "05/03/2001",
                         "national_id": "０９６２０１００１２３４"})  # fmt: skip
    assert info.value.field_errors == {
        "national_id": "Số CCCD này đã dùng cho đoàn viên Nguyễn Văn An."
    }
    assert ws.members.count() == 1
