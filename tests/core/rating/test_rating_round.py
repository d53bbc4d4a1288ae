"""The rating round: who is rated and why not (each rule at its edge), the suggestion and its
words, levels set one by one and in bulk, the chi đoàn's proposals taken, a closed round that
refuses every change until reopened, and the results by level."""

from __future__ import annotations

import datetime as dt

import pytest

from doancoso.core.errors import ConflictError, ValidationError
from doancoso.core.rating.service import RatingRow
from doancoso.core.workspace import Workspace
from rating_data import meetings

YEAR = 2025


@pytest.fixture
def branch(ws: Workspace) -> str:
    return ws.branches.create("Chi đoàn ấp 1").id


def _member(
    ws: Workspace, branch: str, name: str, admitted: str = "01/01/2020", **extra: str
) -> str:
    return ws.members.save({"full_name": name, "birth_date": "01/01/2000", "branch_id": branch,
                            "admission_date": admitted, **extra})  # fmt: skip


def _rows(ws: Workspace) -> dict[str, RatingRow]:
    return {r.full_name: r for r in ws.rating.rows(YEAR, as_of=dt.date(YEAR, 12, 31))}


def test_who_is_not_rated_and_why(ws: Workspace, branch: str) -> None:
    _member(ws, branch, "Nguyễn Văn Đủ")
    _member(ws, branch, "Trần Văn Tháng Bảy", admitted="01/07/2025")  # exactly six months
    _member(ws, branch, "Lê Văn Mùng Hai", admitted="02/07/2025")  # one day short
    _member(ws, branch, "Phạm Văn Đảng", party_date="10/12/2024")  # full member in December
    _member(ws, branch, "Võ Văn Dự Bị", party_date="10/03/2025")  # still on probation
    gone = _member(ws, branch, "Huỳnh Văn Đi")
    ws.events.record(gone, "transfer_out", "01/09/2025", other_organization="Đoàn xã Khánh An")
    guest = ws.members.save(
        {"full_name": "Đỗ Văn Tạm", "birth_date": "01/01/2000", "branch_id": branch}
    )
    ws.events.record(guest, "temporary", "01/02/2025", home_organization="Đoàn phường 5",
                     period_start="01/02/2025")  # fmt: skip
    rows = _rows(ws)
    assert {name: r.reason for name, r in rows.items()} == {
        "Nguyễn Văn Đủ": None,
        "Trần Văn Tháng Bảy": None,
        "Lê Văn Mùng Hai": "Sinh hoạt tại đơn vị chưa đủ 6 tháng liên tục trong năm.",
        "Phạm Văn Đảng": "Đảng viên chính thức: đánh giá, không xếp loại.",
        "Võ Văn Dự Bị": None,
        "Huỳnh Văn Đi": "Đã chuyển sinh hoạt trong năm: không xếp loại tại đơn vị.",
        "Đỗ Văn Tạm": "Sinh hoạt tạm: đơn vị gốc xếp loại, ở đây chỉ nhận xét.",
    }
    assert [r.eligible for r in rows.values()].count(True) == 3


def test_the_suggestion_at_the_thresholds_and_its_words(ws: Workspace, branch: str) -> None:
    ids = {name: _member(ws, branch, name) for name in ("An", "Bình", "Cường", "Dũng", "Em")}
    meetings(ws, {ids["An"]: 10, ids["Bình"]: 9, ids["Cường"]: 7, ids["Dũng"]: 5, ids["Em"]: 4})
    ws.rating.set(YEAR, ids["An"], {"training_result": "Xuất sắc"})
    ws.rating.set(YEAR, ids["Bình"], {"participation": "89,9%"})
    rows = _rows(ws)
    assert [(n, r.suggested, r.suggestion) for n, r in rows.items()] == [
        ("An", 1, "Tham gia 100,0% hoạt động (từ 90%) — Hoàn thành xuất sắc nhiệm vụ"),
        ("Bình", 2, "Tham gia 89,9% hoạt động (từ 70%) — Hoàn thành tốt nhiệm vụ"),
        ("Cường", 2, "Tham gia 70,0% hoạt động (từ 70%) — Hoàn thành tốt nhiệm vụ"),
        ("Dũng", 3, "Tham gia 50,0% hoạt động (từ 50%) — Hoàn thành nhiệm vụ"),
        ("Em", 4, "Tham gia 40,0% hoạt động (dưới 50%) — Không hoàn thành nhiệm vụ"),
    ]
    assert rows["Bình"].participation_entered and rows["Bình"].participation == pytest.approx(0.899)
    assert (rows["Cường"].expected, rows["Cường"].attended) == (10, 7)


def test_discipline_and_training_cap_the_suggestion(ws: Workspace, branch: str) -> None:
    ids = {name: _member(ws, branch, name) for name in ("An", "Bình", "Cường")}
    meetings(ws, dict.fromkeys(ids.values(), 10))
    for member_id in ids.values():
        ws.rating.set(YEAR, member_id, {"training_result": "xuat-sac"})
    ws.events.record(ids["An"], "discipline", "15/01/2025", level="reprimand")
    ws.events.record(ids["Bình"], "discipline", "15/06/2025", level="warning")
    ws.rating.set(YEAR, ids["Cường"], {"training_result": "Khá"})
    rows = _rows(ws)
    assert [(n, r.discipline, r.suggested, r.suggestion) for n, r in rows.items()] == [
        ("An", "reprimand", 2, "Tham gia 100,0% hoạt động (từ 90%); bị kỷ luật khiển trách trong "
         "năm — Hoàn thành tốt nhiệm vụ"),
        ("Bình", "warning", 4, "Tham gia 100,0% hoạt động (từ 90%); bị kỷ luật cảnh cáo trở lên "
         "trong năm — Không hoàn thành nhiệm vụ"),
        ("Cường", None, 2, "Tham gia 100,0% hoạt động (từ 90%); chưa có kết quả rèn luyện “xuất "
         "sắc” — Hoàn thành tốt nhiệm vụ"),
    ]  # fmt: skip


def test_levels_set_taken_marked_closed_and_reopened(ws: Workspace, branch: str) -> None:
    ids = {name: _member(ws, branch, name) for name in ("An", "Bình", "Cường")}
    meetings(ws, {ids["An"]: 10, ids["Bình"]: 8, ids["Cường"]: 6})
    ws.rating.set(
        YEAR,
        ids["An"],
        {
            "self_level": "1",
            "self_text": "Tích cực",
            "proposed_level": 2,
            "training_result": "xuat-sac",
        },
    )
    ws.rating.set(YEAR, ids["Bình"], {"proposed_level": "Hoàn thành tốt nhiệm vụ"})
    assert ws.rating.accept(YEAR, "proposals") == 2
    assert ws.rating.accept(YEAR, "suggestions") == 1  # Cường: the only one left
    rows = _rows(ws)
    assert [(n, r.proposed_level, r.decided_level) for n, r in rows.items()] == [
        ("An", 2, 2), ("Bình", 2, 2), ("Cường", None, 3)
    ]  # fmt: skip
    assert rows["An"].differs_from_suggestion and not rows["An"].differs_from_proposal
    ws.rating.set(YEAR, ids["An"], {"decided_level": 1, "remark": "Gương mẫu, tích cực."})
    assert _rows(ws)["An"].differs_from_proposal
    assert ws.rating.close_warnings(YEAR) == []
    ws.rating.close(YEAR)
    with pytest.raises(ConflictError, match="Đợt xếp loại năm 2025 đã kết thúc"):
        ws.rating.set(YEAR, ids["Bình"], {"decided_level": 1})
    with pytest.raises(ConflictError):
        ws.rating.set_levels(YEAR, "decided_level", {ids["Bình"]: 1})
    assert ws.rating.member_history(ids["An"]) == [(2025, 1, "Gương mẫu, tích cực.", None)]
    ws.rating.reopen(YEAR)
    info = ws.rating.round(YEAR)
    assert info is not None and [a for a, _ in info.history] == ["close", "reopen"]
    assert ws.rating.member_history(ids["An"]) == []
    ws.rating.set(YEAR, ids["Bình"], {"decided_level": 1})
    summary = ws.rating.summary(YEAR)
    assert [(s.branch, s.counts, s.undecided) for s in summary] == [
        ("Chi đoàn ấp 1", {1: 2, 2: 0, 3: 1, 4: 0}, 0),
        ("Toàn Đoàn cơ sở", {1: 2, 2: 0, 3: 1, 4: 0}, 0),
    ]


def test_members_in_no_chi_doan_are_summed_under_the_rosters_wording(
    ws: Workspace, branch: str
) -> None:
    """The summary's row of members in no chi đoàn is named as the roster's filter, the chi đoàn
    page and the statistics name them."""
    ws.rating.set(YEAR, _member(ws, branch, "An"), {"decided_level": 1})
    ws.rating.set(YEAR, _member(ws, "", "Bình"), {"decided_level": 2})
    assert [(s.branch, s.counts) for s in ws.rating.summary(YEAR)] == [
        ("Chi đoàn ấp 1", {1: 1, 2: 0, 3: 0, 4: 0}),
        ("Chưa có chi đoàn", {1: 0, 2: 1, 3: 0, 4: 0}),
        ("Toàn Đoàn cơ sở", {1: 1, 2: 1, 3: 0, 4: 0}),
    ]


def test_bad_levels_are_refused_and_change_nothing(ws: Workspace, branch: str) -> None:
    member = _member(ws, branch, "An")
    with pytest.raises(ValidationError) as caught:
        ws.rating.set(YEAR, member, {"decided_level": "5", "participation": "120%",
                                     "training_result": "Giỏi"})  # fmt: skip
    assert caught.value.field_errors == {
        "decided_level": "Mức xếp loại phải từ 1 đến 4 (hoặc tên mức).",
        "participation": "Tỉ lệ tham gia phải là số từ 0 đến 100 (ví dụ 85 hoặc 85%).",
        "training_result": (
            "Kết quả rèn luyện phải là: Xuất sắc, Khá, Đạt, Không đạt, Chưa đăng ký."
        ),
    }
    row = _rows(ws)["An"]
    assert (row.decided_level, row.participation, row.training_result) == (None, None, None)


def test_the_level1_cap_warns_before_closing(ws: Workspace, branch: str) -> None:
    rules = ws.rating.rules().text.replace('"value": null', '"value": 20')
    ws.rating.set_rules(rules)
    ids = [_member(ws, branch, n) for n in ("An", "Bình", "Cường")]
    ws.rating.set_levels(YEAR, "decided_level", {ids[0]: 1, ids[1]: 1, ids[2]: 2})
    assert ws.rating.close_warnings(YEAR) == [
        "Tỉ lệ “Hoàn thành xuất sắc nhiệm vụ” là 66,7%, vượt giới hạn 20% trong quy tắc."
    ]


def test_the_level1_cap_warning_writes_the_share_as_the_documents_do(
    ws: Workspace, branch: str
) -> None:
    """The share with one decimal ("50,0%"), as the summary and the decision write it; the
    cap, a figure of the rules, as the rules dialog writes it ("20%")."""
    ws.rating.set_rules(ws.rating.rules().text.replace('"value": null', '"value": 20'))
    ids = [_member(ws, branch, n) for n in ("An", "Bình", "Cường", "Dũng")]
    ws.rating.set_levels(YEAR, "decided_level", {ids[0]: 1, ids[1]: 1, ids[2]: 2, ids[3]: 2})
    assert ws.rating.close_warnings(YEAR) == [
        "Tỉ lệ “Hoàn thành xuất sắc nhiệm vụ” là 50,0%, vượt giới hạn 20% trong quy tắc."
    ]


def test_the_level1_cap_warning_at_its_edge_says_by_how_much(ws: Workspace, branch: str) -> None:
    """One of three at level 1 against a cap of 33%: the warning does not read "33%, vượt giới
    hạn 33%" (nor a cap of 12,5% as "12%")."""
    rules = ws.rating.rules().text.replace('"value": null', '"value": 33')
    ws.rating.set_rules(rules)
    ids = [_member(ws, branch, n) for n in ("An", "Bình", "Cường")]
    ws.rating.set_levels(YEAR, "decided_level", {ids[0]: 1, ids[1]: 2, ids[2]: 2})
    assert ws.rating.close_warnings(YEAR) == [
        "Tỉ lệ “Hoàn thành xuất sắc nhiệm vụ” là 33,3%, vượt giới hạn 33% trong quy tắc."
    ]
    ws.rating.reset_rules()
    ws.rating.set_rules(ws.rating.rules().text.replace('"value": null', '"value": 12.5'))
    ws.rating.set_levels(2026, "decided_level", {ids[0]: 1, ids[1]: 2, ids[2]: 2})
    assert ws.rating.close_warnings(2026) == [
        "Tỉ lệ “Hoàn thành xuất sắc nhiệm vụ” là 33,3%, vượt giới hạn 12,5% trong quy tắc."
    ]


def test_training_not_registered_is_kept_and_caps_level_1(ws: Workspace, branch: str) -> None:
    member = _member(ws, branch, "An")
    meetings(ws, {member: 10})
    ws.rating.set(YEAR, member, {"training_result": "Chưa đăng ký"})
    row = _rows(ws)["An"]
    assert (row.training_registered, row.training_result, row.suggested) == (
        False, "chua-dang-ky", 2,
    )  # fmt: skip
    ws.rating.set(YEAR, member, {"training_result": "Xuất sắc"})
    row = _rows(ws)["An"]
    assert (row.training_registered, row.training_result, row.suggested) == (True, "xuat-sac", 1)


def test_a_past_year_is_rated_by_the_standing_of_that_year(ws: Workspace, branch: str) -> None:
    """The 2025 round looked at in 2026: a member on temporary activity here all of 2025 who
    transferred in for good in 2026 was still only given remarks in 2025, and a member who left
    in 2025 and came back in 2026 is named as having left, not as having stopped."""
    guest = ws.members.save(
        {"full_name": "Đỗ Văn Tạm", "birth_date": "01/01/2000", "branch_id": branch}
    )
    ws.events.record(guest, "temporary", "01/02/2025", home_organization="Đoàn phường 5",
                     period_start="01/02/2025")  # fmt: skip
    ws.events.record(guest, "transfer_in", "10/03/2026", other_organization="Đoàn phường 5")
    back = _member(ws, branch, "Huỳnh Văn Về")
    ws.events.record(back, "transfer_out", "01/09/2025", other_organization="Đoàn xã Khánh An")
    ws.events.record(back, "transfer_in", "01/04/2026", other_organization="Đoàn xã Khánh An")
    rows = _rows(ws)
    assert {name: r.reason for name, r in rows.items()} == {
        "Đỗ Văn Tạm": "Sinh hoạt tạm: đơn vị gốc xếp loại, ở đây chỉ nhận xét.",
        "Huỳnh Văn Về": "Đã chuyển sinh hoạt trong năm: không xếp loại tại đơn vị.",
    }
    assert ws.rating.covered(YEAR, dt.date(YEAR, 12, 31)) == set()


def test_a_mistyped_year_is_refused_before_anything_is_written(ws: Workspace, branch: str) -> None:
    """ "--year 25" for 2025: refused with the year named, and no round of year 25 is made."""
    an = _member(ws, branch, "An")
    generation = ws.changes.generation
    for change in (
        lambda: ws.rating.set(25, an, {"decided_level": 1}),
        lambda: ws.rating.set_levels(25, "decided_level", {an: 1}),
        lambda: ws.rating.set_many(25, {an: {"proposed_level": 2}}),
        lambda: ws.rating.set_own_level(25, 2),
        lambda: ws.rating.set_branch_level(25, branch, 2),
    ):
        with pytest.raises(ValidationError) as caught:
            change()
        assert caught.value.field_errors == {
            "year": "Năm 25 không hợp lệ: chỉ nhận các năm 2000–2100."
        }
    assert ws.rating.round(25) is None
    assert ws.changes.generation == generation


def test_six_months_must_be_continuous_not_added_up(ws: Workspace, branch: str) -> None:
    """DOMAIN.md §3: at least 6 months of *continuous* activity in the year. A member away a
    fortnight in January, then here from July on, is rated; one admitted in August is not. A
    member here January to April and back from September (seven months added up, never six in
    a row) came back by a transfer in: rated here on the previous organisation's remarks."""
    away = _member(ws, branch, "Nguyễn Văn Đứt Quãng")
    ws.events.record(away, "transfer_out", "01/05/2025", other_organization="Đoàn xã Khánh An")
    ws.events.record(away, "transfer_in", "01/09/2025", other_organization="Đoàn xã Khánh An")
    back = _member(ws, branch, "Trần Văn Về Hẳn")
    ws.events.record(back, "transfer_out", "15/01/2025", other_organization="Đoàn xã Khánh An")
    ws.events.record(back, "transfer_in", "01/07/2025", other_organization="Đoàn xã Khánh An")
    _member(ws, branch, "Lê Văn Mới Vào", admitted="01/08/2025")
    rows = _rows(ws)
    assert {name: (r.eligible, r.reason, r.note) for name, r in rows.items()} == {
        "Nguyễn Văn Đứt Quãng": (True, None, "Chuyển đến ngày 01/09/2025 (từ Đoàn xã Khánh An): "
                                 "xếp loại căn cứ nhận xét của đơn vị cũ."),
        "Trần Văn Về Hẳn": (True, None, None),
        "Lê Văn Mới Vào": (
            False, "Sinh hoạt tại đơn vị chưa đủ 6 tháng liên tục trong năm.", None
        ),
    }  # fmt: skip
    assert ws.rating.covered(YEAR, dt.date(YEAR, 12, 31)) == {away, back}


def test_a_member_transferred_in_for_less_is_rated_on_the_old_remarks(
    ws: Workspace, branch: str
) -> None:
    """DOMAIN.md §3: members transferred in for less than the months asked for are rated on the
    previous organisation's remarks — here, since the organisation they left no longer has them
    at the year's end. The row says so, with the transfer's note (the old remarks); a member
    transferred in long enough ago needs no note, one who left again is not rated, and the
    months asked for still come from the rules."""
    arrived = ws.members.save(
        {"full_name": "Phan Văn Chuyển Đến", "birth_date": "01/01/2000", "branch_id": branch}
    )
    ws.events.record(arrived, "transfer_in", "01/10/2025", note="Đơn vị cũ: tích cực, gương mẫu.",
                     other_organization="Đoàn xã Tân Phú")  # fmt: skip
    early = ws.members.save(
        {"full_name": "Hồ Văn Đến Sớm", "birth_date": "01/01/2000", "branch_id": branch}
    )
    ws.events.record(early, "transfer_in", "01/02/2025", other_organization="Đoàn xã Tân Phú")
    passing = ws.members.save(
        {"full_name": "Đinh Văn Qua", "birth_date": "01/01/2000", "branch_id": branch}
    )
    ws.events.record(passing, "transfer_in", "01/08/2025", other_organization="Đoàn xã Tân Phú")
    ws.events.record(passing, "transfer_out", "01/11/2025", other_organization="Đoàn xã Mỹ An")
    rows = _rows(ws)
    note = ("Chuyển đến ngày 01/10/2025 (từ Đoàn xã Tân Phú): "
            "xếp loại căn cứ nhận xét của đơn vị cũ.")  # fmt: skip
    assert {name: (r.eligible, r.reason, r.note) for name, r in rows.items()} == {
        "Phan Văn Chuyển Đến": (True, None, note),
        "Hồ Văn Đến Sớm": (True, None, None),
        "Đinh Văn Qua": (False, "Đã chuyển sinh hoạt trong năm: không xếp loại tại đơn vị.", None),
    }
    assert rows["Phan Văn Chuyển Đến"].arrival_remarks == "Đơn vị cũ: tích cực, gương mẫu."
    assert rows["Phan Văn Chuyển Đến"].suggestion.startswith("Chưa có tỉ lệ tham gia")
    assert ws.rating.covered(YEAR, dt.date(YEAR, 12, 31)) == {arrived, early}
    ws.rating.set(YEAR, arrived, {"decided_level": 2})
    counts = ws.rating.summary(YEAR)[-1]  # the whole organisation
    assert (counts.counts[2], counts.not_rated) == (1, 1)


def test_the_history_shows_what_the_round_decided(ws: Workspace, branch: str) -> None:
    """A level saved for a member the round does not rate (on temporary activity here, a full
    Party member) is not the union's record: the member's history shows the year not rated,
    with the reason and the remark the round holds; a rated member keeps the level."""
    rated = _member(ws, branch, "Nguyễn Văn An")
    party = _member(ws, branch, "Phạm Văn Đảng", party_date="10/12/2024")
    guest = ws.members.save(
        {"full_name": "Đỗ Văn Tạm", "birth_date": "01/01/2000", "branch_id": branch}
    )
    ws.events.record(guest, "temporary", "01/02/2025", home_organization="Đoàn phường 5",
                     period_start="01/02/2025")  # fmt: skip
    ws.rating.set(YEAR, rated, {"decided_level": 2, "remark": "Tích cực."})
    ws.rating.set(YEAR, party, {"decided_level": 1})
    ws.rating.set(YEAR, guest, {"decided_level": 1, "remark": "Nhiệt tình tình nguyện."})
    ws.rating.close(YEAR)
    assert ws.rating.member_history(rated) == [(2025, 2, "Tích cực.", None)]
    assert ws.rating.member_history(party) == [
        (2025, None, None, "Đảng viên chính thức: đánh giá, không xếp loại.")
    ]
    assert ws.rating.member_history(guest) == [
        (2025, None, "Nhiệt tình tình nguyện.",
         "Sinh hoạt tạm: đơn vị gốc xếp loại, ở đây chỉ nhận xét.")
    ]  # fmt: skip


def test_a_closed_round_keeps_whom_it_rated(ws: Workspace, branch: str) -> None:
    """A round closed before members transferred in for less were rated left them unrated with
    no level: closed, such a member without a decided level stays unrated with the reason of
    then (its counts and the member's history unchanged), one with a level is rated; reopened,
    the round rates both again."""
    kept, left = (
        ws.members.save({"full_name": name, "birth_date": "01/01/2000", "branch_id": branch})
        for name in ("Phan Văn Có Mức", "Lê Văn Chưa Mức")
    )
    for member in (kept, left):
        ws.events.record(member, "transfer_in", "01/10/2025", other_organization="Đoàn xã Tân Phú")
    ws.rating.set(YEAR, kept, {"decided_level": 2})
    ws.rating.set(YEAR, left, {"remark": "Mới chuyển đến."})
    ws.rating.close(YEAR)
    rows = _rows(ws)
    assert {name: (r.eligible, r.reason) for name, r in rows.items()} == {
        "Phan Văn Có Mức": (True, None),
        "Lê Văn Chưa Mức": (False, "Sinh hoạt tại đơn vị chưa đủ 6 tháng liên tục trong năm."),
    }
    counts = ws.rating.summary(YEAR)[-1]
    assert (counts.counts[2], counts.undecided, counts.not_rated) == (1, 0, 1)
    assert ws.rating.covered(YEAR, dt.date(YEAR, 12, 31)) == {kept}
    assert ws.rating.member_history(kept) == [(2025, 2, None, None)]
    assert ws.rating.member_history(left) == [
        (2025, None, "Mới chuyển đến.", "Sinh hoạt tại đơn vị chưa đủ 6 tháng liên tục trong năm.")
    ]
    ws.rating.reopen(YEAR)
    assert [r.eligible for r in _rows(ws).values()] == [True, True]


def test_the_level1_cap_is_exceeded_only_by_a_share_that_prints_over_it(
    ws: Workspace, branch: str
) -> None:
    """The warning decides by the share as it prints (one decimal, as the decision writes it):
    1 of 5 is 20,0% and a share that prints 33,3% does not exceed a cap of 33,3%; 201 of 1,000
    prints 20,1% and does."""
    ws.rating.set_rules(ws.rating.rules().text.replace('"value": null', '"value": 20'))
    ids = [_member(ws, branch, _name(n)) for n in range(5)]
    ws.rating.set_levels(YEAR, "decided_level", {m: 1 if m == ids[0] else 2 for m in ids})
    assert ws.rating.close_warnings(YEAR) == []
    ws.rating.reset_rules()
    ws.rating.set_rules(ws.rating.rules().text.replace('"value": null', '"value": 33.3'))
    ws.rating.set_levels(2026, "decided_level", {m: 1 if m == ids[0] else 2 for m in ids[:3]})
    assert ws.rating.close_warnings(2026) == [
        "Còn 2 đoàn viên chưa có mức xếp loại do Ban Chấp hành quyết định."
    ]  # 1 of 3: 33,333…%, printed 33,3%
    ids += [_member(ws, branch, _name(n)) for n in range(5, 1000)]
    ws.rating.set_levels(YEAR, "decided_level", {m: 1 if i < 201 else 2 for i, m in enumerate(ids)})
    assert ws.rating.close_warnings(YEAR) == [
        "Tỉ lệ “Hoàn thành xuất sắc nhiệm vụ” là 20,1%, vượt giới hạn 20% trong quy tắc."
    ]


def _name(n: int) -> str:
    """A distinct name for the ``n``-th of many members (a name holds no digit)."""
    letters = "ABCDEGHKLMNPQRSTUVXY"
    return f"Đoàn Viên {letters[n // 400]}{letters[n // 20 % 20]} {letters[n % 20]}"


def test_a_level_above_what_a_discipline_or_unpaid_dues_allow_warns_before_closing(
    ws: Workspace, branch: str
) -> None:
    """A member under a warning (cảnh cáo) decided "Hoàn thành xuất sắc nhiệm vụ" was closed
    without a word and printed so in the decision: the rules make such a member "Không hoàn
    thành nhiệm vụ". Each member decided above what their discipline, sick leave or unpaid dues
    allow is named before closing, in name order, with the rules' reason; a level at or under
    the cap, and a missing training result (a requirement of level 1, not a penalty), say
    nothing."""
    an, binh, cuong, dung, em = (
        _member(ws, branch, n)
        for n in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Văn Dũng", "Võ Thị Em")
    )
    ws.events.record(an, "discipline", "10/10/2025", number="05-QĐ/ĐTN", level="warning")
    ws.events.record(binh, "discipline", "10/10/2025", number="06-QĐ/ĐTN", level="reprimand")
    ws.events.record(cuong, "discipline", "10/10/2025", number="07-QĐ/ĐTN", level="reprimand")
    ws.events.record(dung, "discipline", "10/10/2025", number="08-QĐ/ĐTN", level="warning")
    ws.rating.set(YEAR, em, {"dues_unpaid": True})
    ws.rating.set_levels(YEAR, "decided_level", {an: 1, binh: 2, cuong: 1, dung: 4, em: 3})
    assert ws.rating.close_warnings(YEAR) == [
        "Có 3 đoàn viên được quyết định mức cao hơn mức quy tắc cho phép:\n"
        "  – Nguyễn Văn An: “Hoàn thành xuất sắc nhiệm vụ”, nhưng bị kỷ luật cảnh cáo trở lên "
        "trong năm — Không hoàn thành nhiệm vụ;\n"
        "  – Lê Văn Cường: “Hoàn thành xuất sắc nhiệm vụ”, nhưng bị kỷ luật khiển trách trong "
        "năm — Hoàn thành tốt nhiệm vụ;\n"
        "  – Võ Thị Em: “Hoàn thành nhiệm vụ”, nhưng chưa đóng đủ đoàn phí — Không hoàn thành "
        "nhiệm vụ."
    ]


def test_many_members_above_their_cap_are_counted_and_the_first_ten_named(
    ws: Workspace, branch: str
) -> None:
    """Fourteen members with unpaid dues decided "Hoàn thành nhiệm vụ": the question before
    closing (a message box) stays within a 1366×768 screen: the count, the first ten by name,
    then how many more."""
    names = [f"Nguyễn Văn {given}" for given in ("An", "Bảo", "Cường", "Dũng", "Em", "Giang",
             "Hải", "Khang", "Long", "Minh", "Nam", "Phúc", "Quang", "Sơn")]  # fmt: skip
    ids = [_member(ws, branch, name) for name in names]
    for member in ids:
        ws.rating.set(YEAR, member, {"dues_unpaid": True})
    ws.rating.set_levels(YEAR, "decided_level", dict.fromkeys(ids, 3))
    line = "“Hoàn thành nhiệm vụ”, nhưng chưa đóng đủ đoàn phí — Không hoàn thành nhiệm vụ"
    assert ws.rating.close_warnings(YEAR) == [
        "Có 14 đoàn viên được quyết định mức cao hơn mức quy tắc cho phép:\n"
        + ";\n".join(f"  – {name}: {line}" for name in names[:10])
        + ";\n  – và 4 đoàn viên khác."
    ]
