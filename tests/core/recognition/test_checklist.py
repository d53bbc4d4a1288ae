"""The checklist of a year: self-assessment, evidence files, each computed indicator with its
exact value, the contradiction of a tick against the app's own figure, readiness and what is
missing, and the register of advice and coordination."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from doancoso.core.errors import ConflictError, ImportFileError, NotFoundError, ValidationError
from doancoso.core.workspace import Workspace

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
AS_OF = dt.date(2025, 12, 31)


def _indicator(ws: Workspace, code: str) -> tuple[object, ...]:
    view = ws.recognition.view(2025, AS_OF)
    (item,) = [v for v in view.items if v.item.code == code]
    assert item.indicator is not None
    return item.indicator.value, item.indicator.met, item.indicator.text


@pytest.fixture
def branch(ws: Workspace) -> str:
    return ws.branches.create("Chi đoàn ấp 1").id


def test_indicators_of_the_plan_and_the_register(ws: Workspace, branch: str) -> None:
    ws.plans.create(2025)
    kinds = ws.activities.kind_names()
    ws.plans.add_target(
        2025, {"text": "Kết nạp 2 đoàn viên", "planned": "2", "measure": "admissions"}, kinds
    )
    assert _indicator(ws, "2.1") == (
        None,
        False,
        "Kế hoạch năm 2025 chưa đăng ký với cấp trên (hạn 10/11/2024).",
    )
    ws.plans.register(2025, "da-gui", "12/11/2024")
    assert _indicator(ws, "2.1") == (None, False, "Đăng ký ngày 12/11/2024 (hạn 10/11/2024).")
    ws.plans.register(2025, "da-duyet", "09/11/2024", "15-ĐK/TĐ")
    assert _indicator(ws, "2.1") == (None, True, "Đăng ký ngày 09/11/2024 (hạn 10/11/2024).")
    new = ws.members.save(
        {"full_name": "Lê Văn Mới", "birth_date": "01/01/2005", "branch_id": branch}
    )
    ws.events.record(new, "admission", "26/03/2025", place="Đoàn xã")
    assert _indicator(ws, "1.4") == (50.0, False, "Đã kết nạp 1/2 đoàn viên theo chỉ tiêu.")
    assert _indicator(ws, "3.1") == (0.0, False, "0 văn bản tham mưu trong năm.")
    ws.registers.save_advice({"day": "15/06/2025", "number": "05-TTr/ĐTN",
                              "title": "Tờ trình về công tác thanh niên"})  # fmt: skip
    ws.registers.save_advice({"day": "15/06/2024", "title": "Năm trước: không tính"})
    assert _indicator(ws, "3.1") == (1.0, True, "1 văn bản tham mưu trong năm.")
    agreement = {"day": "01/04/2025", "partner": "Công an xã", "title": "Quy chế phối hợp"}
    ws.registers.save_coordination(agreement)
    assert _indicator(ws, "3.3") == (1.0, True, "1 chương trình phối hợp trong năm.")
    ws.youth.save({"full_name": "Trần Thị Khó", "birth_date": "01/01/2006", "in_hardship": "x"})
    assert _indicator(ws, "1.6") == (
        1.0,
        True,
        "1 thanh niên trong sổ theo dõi, 1 có hoàn cảnh khó khăn.",
    )


def test_a_young_person_whose_member_was_deleted_counts_in_the_register_again(
    ws: Workspace, branch: str
) -> None:
    """Item 1.6 and its register record count the young people not yet in the union, as the
    register does: one admitted whose member was then deleted from the roster is back."""
    youth = ws.youth.save({"full_name": "Trần Thị Khó", "birth_date": "01/01/2006",
                           "in_hardship": "x"})  # fmt: skip
    member = ws.youth.admit(youth, "26/03/2025", "Đoàn xã", branch)

    def item_16() -> tuple[object, ...]:
        view = ws.recognition.view(2025, AS_OF)
        (item,) = [v for v in view.items if v.item.code == "1.6"]
        assert item.indicator is not None
        records = [r.text for r in item.records if r.key == "youth-register"]
        return item.indicator.value, item.indicator.text, records

    assert item_16() == (
        0.0,
        "0 thanh niên trong sổ theo dõi, 0 có hoàn cảnh khó khăn.",
        [
            "0 thanh niên, 0 có hoàn cảnh khó khăn, 0 dân tộc thiểu số, 0 có tôn giáo, "
            "0 có đoàn viên theo dõi (1+1)"
        ],  # fmt: skip
    )
    ws.members.delete([member])
    assert item_16() == (
        1.0,
        "1 thanh niên trong sổ theo dõi, 1 có hoàn cảnh khó khăn.",
        [
            "1 thanh niên, 1 có hoàn cảnh khó khăn, 0 dân tộc thiểu số, 0 có tôn giáo, "
            "0 có đoàn viên theo dõi (1+1)"
        ],  # fmt: skip
    )


def test_the_register_record_counts_each_list_of_criterion_1(
    ws: Workspace, add_member: Callable[..., str]
) -> None:
    """The youth register's record on the checklist gives, beside the total and the hardship
    count, the ethnic-minority, religious and 1+1 youth, as the register's filters count them:
    "Kinh" and "Không" are none; a follow-up member deleted from the roster follows no one."""
    an = add_member("Nguyễn Văn An", "01/01/1998")
    binh = add_member("Trần Văn Bình", "01/01/1999")
    for name, extra in (
        ("Thạch Thị Sa Ra", {"ethnicity": "Khmer", "religion": "Phật giáo Nam tông",
                             "follow_up_member_id": an}),
        ("Lê Văn Cư", {"ethnicity": "Kinh", "religion": "Không", "in_hardship": "x",
                       "follow_up_member_id": binh}),
        ("Trần Thị Dung", {"ethnicity": "Hoa", "religion": "Công giáo"}),
        ("Phạm Văn Em", {"religion": "Cao Đài"}),
    ):  # fmt: skip
        ws.youth.save({"full_name": name, "birth_date": "01/01/2006", **extra})
    ws.members.delete([binh])

    view = ws.recognition.view(2025, AS_OF)
    (item,) = [v for v in view.items if v.item.code == "1.6"]
    assert [r.text for r in item.records if r.key == "youth-register"] == [
        "4 thanh niên, 1 có hoàn cảnh khó khăn, 2 dân tộc thiểu số, 3 có tôn giáo, "
        "1 có đoàn viên theo dõi (1+1)"
    ]


def test_the_remarks_share_counts_every_member_the_round_covers(ws: Workspace, branch: str) -> None:
    """Item 1.2 over the members the rating covers, decided or not: one remark written of
    three members is a third, not "1/1" over the only one decided."""
    ids = []
    for name in ("Nguyễn Văn An", "Trần Thị Bé", "Lê Văn Cư"):
        member = ws.members.save({"full_name": name, "birth_date": "01/01/2000",
                                  "branch_id": branch})  # fmt: skip
        ws.events.record(member, "admission", "01/03/2020", place="Đoàn xã")
        ids.append(member)
    assert _indicator(ws, "1.2") == (None, False, "Chưa có đợt xếp loại đoàn viên năm 2025.")
    ws.rating.open(2025)
    ws.rating.set(2025, ids[0], {"decided_level": 2, "remark": "Hoàn thành tốt nhiệm vụ."})
    assert _indicator(ws, "1.2") == (
        33.3, False, "1/3 đoàn viên thuộc diện xếp loại có nhận xét năm 2025."
    )  # fmt: skip
    for member in ids[1:]:
        ws.rating.set(2025, member, {"remark": "Có cố gắng."})
    assert _indicator(ws, "1.2") == (
        100.0, True, "3/3 đoàn viên thuộc diện xếp loại có nhận xét năm 2025."
    )  # fmt: skip


def test_a_tick_against_the_apps_figure_is_flagged_and_missing_lists_it(ws: Workspace) -> None:
    ws.recognition.set(2025, "3.1", {"status": "Đạt", "note": "Đã tham mưu nhiều lần."})
    ws.recognition.set(2025, "1.3", {"status": "dat"})
    ws.recognition.set(2025, "1.5", {"status": "Không áp dụng"})
    view = ws.recognition.view(2025, AS_OF)
    items = {v.item.code: v for v in view.items}
    assert items["3.1"].contradiction and not items["1.3"].contradiction
    assert items["3.1"].note == "Đã tham mưu nhiều lần."
    assert view.readiness() == (2, 13)
    assert view.readiness("3") == (1, 3)
    missing = [m.message for m in view.missing() if m.code in ("1.3", "3.1", "1.5")]
    assert missing == [
        "Mục 1.3 chưa có tệp minh chứng.",
        "Mục 3.1: chỉ số “Số văn bản tham mưu cấp ủy trong năm” chưa đạt — 0 văn bản tham mưu "
        "trong năm.",
    ]


def test_evidence_files_on_an_item(ws: Workspace, tmp_path: Path) -> None:
    photo = tmp_path / "anh.png"
    photo.write_bytes(PNG)
    ws.recognition.attach(2025, "1.3", photo, "Ảnh buổi ra quân")
    again = tmp_path / "anh-lan-nua.png"  # the same content under another name
    again.write_bytes(PNG)
    with pytest.raises(ConflictError) as refused:  # listed twice, it would be annexed twice
        ws.recognition.attach(2025, "1.3", again, "Cùng ảnh lần nữa")
    assert refused.value.message == (
        "Tệp “anh-lan-nua.png” đã được đính kèm vào mục 1.3 (“Ảnh buổi ra quân”): không "
        "đính kèm lần nữa."
    )
    item = next(v for v in ws.recognition.view(2025, AS_OF).items if v.item.code == "1.3")
    assert [f.caption for f in item.files] == ["Ảnh buổi ra quân"]
    assert [p.name for p in ws.evidence.store.folder.iterdir()] == [item.files[0].sha256]
    ws.recognition.attach(2025, "1.4", again, "Cùng ảnh cho mục khác")  # another item: kept
    fake = tmp_path / "bao-cao.pdf"
    fake.write_bytes(b"not a pdf at all")
    with pytest.raises(ImportFileError, match="không phải PDF, ảnh JPEG hoặc PNG"):
        ws.recognition.attach(2025, "1.3", fake)
    assert ws.recognition.detach(2025, "1.3", item.files[0].sha256) == 1
    assert not next(v for v in ws.recognition.view(2025, AS_OF).items if v.item.code == "1.3").files
    with pytest.raises(NotFoundError, match="Mục 9.9 không có trong bộ tiêu chí năm 2025"):
        ws.recognition.attach(2025, "9.9", photo)


def test_bad_answers_and_records_are_refused(ws: Workspace) -> None:
    with pytest.raises(ValidationError) as caught:
        ws.recognition.set(2025, "1.1", {"status": "Tốt", "points": "5"})
    assert caught.value.field_errors == {
        "status": "Đánh giá phải là: Đạt, Chưa đạt, Không áp dụng, Chưa đánh giá.",
        "points": "Bộ tiêu chí không chấm điểm mục này.",
    }
    with pytest.raises(ValidationError) as caught:
        ws.registers.save_advice({"day": "15/06/2025", "title": "", "answer_day": "01/06/2025"})
    assert caught.value.field_errors == {
        "title": "Cần nhập tên văn bản tham mưu.",
        "answer_day": "Ngày trả lời không thể trước ngày gửi văn bản.",
    }
    with pytest.raises(ValidationError, match="Cần nhập cơ quan, đơn vị phối hợp."):
        ws.registers.save_coordination({"day": "01/04/2025", "title": "Phối hợp"})
    assert ws.registers.advice() == [] and ws.registers.coordination() == []


def test_a_register_date_of_a_year_typed_short_is_refused(ws: Workspace) -> None:
    """ "15/06/0025" is refused as for every yearly record: it would make a record out of every
    year's register (and dossier)."""
    with pytest.raises(ValidationError) as caught:
        ws.registers.save_advice(
            {"day": "15/06/0025", "title": "Tờ trình", "answer_day": "01/07/2205"}
        )
    assert caught.value.field_errors == {
        "day": "Năm 25 không hợp lệ: chỉ nhận các năm 2000–2100.",
        "answer_day": "Năm 2205 không hợp lệ: chỉ nhận các năm 2000–2100.",
    }
    with pytest.raises(ValidationError) as caught:
        ws.registers.save_coordination(
            {"day": "01/04/2025", "end_day": "30/06/0026", "partner": "Công an xã",
             "title": "Quy chế phối hợp"}
        )  # fmt: skip
    assert caught.value.field_errors == {
        "end_day": "Năm 26 không hợp lệ: chỉ nhận các năm 2000–2100.",
    }
    assert ws.registers.advice() == [] and ws.registers.coordination() == []


def test_an_advice_sent_or_answered_after_today_is_refused(ws: Workspace) -> None:
    """An advice is a document sent (and answered): "15/06/2099" is a year mistyped, not a
    document of a year to come; an edit is refused too, the record kept as it was."""
    today = dt.date.today()
    tomorrow = (today + dt.timedelta(days=1)).strftime("%d/%m/%Y")
    with pytest.raises(ValidationError) as caught:
        ws.registers.save_advice({"day": "15/06/2099", "title": "Tờ trình"})
    assert caught.value.field_errors == {"day": "Ngày gửi văn bản không thể sau hôm nay."}
    sent = today.strftime("%d/%m/%Y")
    with pytest.raises(ValidationError) as caught:
        ws.registers.save_advice({"day": sent, "title": "Tờ trình", "answer_day": tomorrow})
    assert caught.value.field_errors == {"answer_day": "Ngày trả lời không thể sau hôm nay."}
    assert ws.registers.advice() == []
    record = ws.registers.save_advice({"day": sent, "title": "Tờ trình", "answer_day": sent})
    with pytest.raises(ValidationError):
        ws.registers.save_advice({"day": tomorrow, "title": "Tờ trình"}, record)
    assert [(r.day, r.answer_day) for r in ws.registers.advice()] == [(today, today)]


def test_looking_at_a_year_writes_nothing(ws: Workspace) -> None:
    generation = ws.changes.generation
    view = ws.recognition.view(2030)
    assert view.template.name == "Tiêu chí “Đoàn cơ sở 3 chủ động” (mặc định)"
    assert ws.rating.rows(2030) == []
    assert ws.changes.generation == generation
    assert ws.recognition.opened(2030) is None
    assert ws.rating.round(2030) is None


def test_items_cite_the_apps_own_records_with_their_figures_now(ws: Workspace, branch: str) -> None:
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000", "branch_id": branch})
    ws.plans.create(2025, number="07-KH/ĐTN")
    ws.plans.register(2025, "da-gui", "09/11/2024")
    ws.registers.save_advice({"day": "15/06/2025", "title": "Tờ trình về công tác thanh niên"})
    items = {v.item.code: v for v in ws.recognition.view(2025, AS_OF).items}
    assert [(r.label, r.text) for r in items["1.4"].records] == [
        ("Danh sách đoàn viên", "1 đoàn viên đang sinh hoạt"),
        ("Kế hoạch công tác", "năm 2025, số 07-KH/ĐTN; đăng ký: đã gửi ngày 09/11/2024"),
    ]
    assert [(r.label, r.text) for r in items["3.1"].records] == [
        ("Sổ tham mưu cấp ủy", "1 văn bản trong năm 2025")
    ]
    assert [r.text for r in items["1.2"].records] == ["chưa mở đợt xếp loại năm 2025"]
    # A member of another organisation temporarily active here is in the figure, and it says so.
    binh = ws.members.save(
        {"full_name": "Trần Thị Bình", "birth_date": "02/02/2001", "branch_id": branch}
    )
    ws.events.record(binh, "temporary", "01/03/2025", home_organization="Đoàn xã Tân Lộc",
                     period_start="01/03/2025", period_end="31/12/2025")  # fmt: skip
    again = {v.item.code: v for v in ws.recognition.view(2025, AS_OF).items}
    assert [r.text for r in again["1.4"].records if r.label == "Danh sách đoàn viên"] == [
        "2 đoàn viên đang sinh hoạt (kể cả 1 sinh hoạt tạm)"
    ]
    assert items["1.5"].records == ()
    ws.registers.save_advice(
        {"day": "16/06/2025", "title": "Đề xuất thứ hai"}
    )  # read again, not copied
    items = {v.item.code: v for v in ws.recognition.view(2025, AS_OF).items}
    assert [r.text for r in items["3.1"].records] == ["2 văn bản trong năm 2025"]


def test_a_template_citing_an_unknown_record_is_refused(tmp_path: Path) -> None:
    import json

    from doancoso.core.recognition.template import default_template, read_template_file

    data = json.loads(default_template().text)
    data["criteria"][0]["items"][0]["records"] = ["so-vang"]
    path = tmp_path / "sai.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    with pytest.raises(ImportFileError, match="“records” phải là danh sách hồ sơ của ứng dụng"):
        read_template_file(path)


def test_large_figures_group_thousands_with_a_dot(ws: Workspace, branch: str) -> None:
    """ "1.500", as the decision and the rating summary write them, never "1500"."""
    ws.plans.create(2025)
    kinds = ws.activities.kind_names()
    ws.plans.add_target(
        2025, {"text": "Kết nạp 1500 đoàn viên", "planned": "1500", "measure": "admissions"}, kinds
    )
    assert _indicator(ws, "1.4") == (0.0, False, "Đã kết nạp 0/1.500 đoàn viên theo chỉ tiêu.")


def test_branch_meetings_give_the_count_of_chi_doan_behind_the_share(
    ws: Workspace, branch: str
) -> None:
    """Item 2.3 reads “2/3 chi đoàn …”, the same count as the plan's ``branch-meetings``."""
    others = [ws.branches.create(name).id for name in ("Chi đoàn ấp 2", "Chi đoàn ấp 3")]
    for month in range(1, 13):
        for branch_id in (branch, others[0]):
            ws.activities.save({"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat",
                                "start_date": f"10/{month:02d}/2025",
                                "branch_ids": [branch_id]})  # fmt: skip
    ws.activities.save({"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat",
                        "start_date": "10/01/2025", "branch_ids": [others[1]]})  # fmt: skip
    for day in range(1, 13):
        first = dt.date(2025, day, 10)
        for occ in ws.activities.occurrences(first, first):
            ws.activities.update_occurrence(occ.id, {"status": "da-thuc-hien"})
    assert _indicator(ws, "2.3") == (
        66.7,
        False,
        "2/3 chi đoàn sinh hoạt đủ hằng tháng (66,7%).",
    )


def test_a_refused_detach_writes_nothing(ws: Workspace, tmp_path: Path) -> None:
    """Detaching from an item the template does not have, or a file an item does not have, is
    refused with what is wrong and leaves no answer behind (an answer travels in bundles)."""
    photo = tmp_path / "anh.png"
    photo.write_bytes(PNG)
    ws.recognition.attach(2025, "1.3", photo, "Ảnh buổi ra quân")
    sha = (
        next(v for v in ws.recognition.view(2025, AS_OF).items if v.item.code == "1.3")
        .files[0]
        .sha256
    )
    generation = ws.changes.generation
    with pytest.raises(NotFoundError) as caught:
        ws.recognition.detach(2025, "9.9", sha)
    assert caught.value.message == (
        "Mục 9.9 không có trong bộ tiêu chí năm 2025 (Tiêu chí “Đoàn cơ sở 3 chủ động” (mặc "
        "định)). Các mục: 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 2.1, 2.2, 2.3, 2.4, 3.1, 3.2, 3.3."
    )
    with pytest.raises(NotFoundError, match=f"Mục 1.4 không có tệp minh chứng {sha[:12]}…."):
        ws.recognition.detach(2025, "1.4", sha)
    assert ws.changes.generation == generation


def test_the_rating_record_counts_the_members_the_summary_counts(
    ws: Workspace, branch: str
) -> None:
    """Item 1.2 cites the rating round with as many members decided as its results count: not
    a member deleted since, nor one who moved away in the year after the decision."""
    ids = [
        ws.members.save({"full_name": name, "birth_date": "01/01/2000", "branch_id": branch,
                         "admission_date": "01/01/2020"})
        for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Văn Dũng")
    ]  # fmt: skip
    ws.rating.set_levels(2025, "decided_level", dict.fromkeys(ids, 2))
    ws.members.delete([ids[2]])
    ws.events.record(ids[3], "transfer_out", "20/12/2025", other_organization="Đoàn xã Khác")
    *_, total = ws.rating.summary(2025)
    assert total.rated == 2
    items = {v.item.code: v for v in ws.recognition.view(2025, AS_OF).items}
    assert [r.text for r in items["1.2"].records] == [
        "năm 2025 đang mở, 2 đoàn viên đã có mức xếp loại"
    ]


def test_a_coordination_running_into_the_year_counts_for_it(ws: Workspace) -> None:
    """A coordination programme signed in October 2024 and running to June 2025 is part of
    2025's work: listed in the 2025 register, counted by item 3.3's figure and its record, and
    the 2025 dossier does not say there is none. One of a single day in 2024 is not."""
    from doancoso.core.dossier.check import check

    ws.registers.save_coordination({"day": "01/10/2024", "end_day": "30/06/2025",
                                    "partner": "Công an xã Tân Hưng",
                                    "title": "Phối hợp giữ gìn an ninh trật tự"})  # fmt: skip
    ws.registers.save_coordination({"day": "15/11/2024", "partner": "Hội Nông dân xã",
                                    "title": "Ngày hội nông dân"})  # fmt: skip
    assert [c.title for c in ws.registers.coordination(2025)] == [
        "Phối hợp giữ gìn an ninh trật tự"
    ]
    assert len(ws.registers.coordination(2024)) == 2
    view = ws.recognition.view(2025, AS_OF)
    counts = [v for v in view.items if v.indicator and v.indicator.key == "coordination-count"]
    assert counts and {v.indicator.text for v in counts if v.indicator} == {
        "1 chương trình phối hợp trong năm."
    }
    cited = [r.text for v in view.items for r in v.records if r.key == "coordination"]
    assert cited and set(cited) == {"1 chương trình trong năm 2025"}
    gaps = [g.reason for g in check(ws, 2025, ("tham-muu-phoi-hop",), as_of=AS_OF)]
    assert not any("chương trình phối hợp" in reason for reason in gaps)


def test_the_roster_is_said_updated_on_the_local_day(
    ws: Workspace, branch: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A member saved at 03:00 on 01/07/2025 in Việt Nam (20:00 UTC the day before): item 1.1
    says the roster was last updated on 01/07/2025, the secretary's day, not the UTC one."""
    import time

    member = ws.members.save(
        {"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000", "branch_id": branch}
    )
    with ws.db.raw() as cursor:
        cursor.execute(
            "UPDATE members SET updated_at = '2025-06-30 20:00:00.000000' WHERE id = ?", (member,)
        )
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    try:
        view = ws.recognition.view(2025, dt.date(2025, 7, 15))
        (item,) = [v for v in view.items if v.item.code == "1.1"]
        assert item.indicator is not None
        assert item.indicator.text == "Cập nhật lần cuối ngày 01/07/2025."
    finally:
        monkeypatch.undo()
        time.tzset()


def test_points_over_a_decimal_maximum_are_said_with_a_decimal_comma(ws: Workspace) -> None:
    import json

    from doancoso.core.recognition.template import default_template, parse_template

    data = json.loads(default_template().text)
    data["name"] = "Bộ tiêu chí có điểm lẻ"
    data["criteria"][0]["items"][0]["points"] = 2.5
    ws.recognition.add_template(parse_template(json.dumps(data, ensure_ascii=False)))
    ws.recognition.open(2025, "Bộ tiêu chí có điểm lẻ")
    for typed in ("3", "-0,5"):
        with pytest.raises(ValidationError) as caught:
            ws.recognition.set(2025, "1.1", {"points": typed})
        assert caught.value.field_errors == {"points": "Điểm phải từ 0 đến 2,5."}
    ws.recognition.set(2025, "1.1", {"points": "2,5"})
    (item,) = [v for v in ws.recognition.view(2025, AS_OF).items if v.item.code == "1.1"]
    assert item.points == 2.5


def test_a_criterion_whose_items_all_do_not_apply_is_still_missing(ws: Workspace) -> None:
    """The three criteria must all be met (Hướng dẫn 18-HD/TWĐTN-BTC): a criterion every item of
    which is set "Không áp dụng" does not leave the checklist ready."""
    for code in ("3.1", "3.2", "3.3"):
        ws.recognition.set(2025, code, {"status": "Không áp dụng"})
    view = ws.recognition.view(2025, AS_OF)
    assert view.readiness("3") == (0, 0)
    lines = [(m.code, m.kind, m.message) for m in view.missing() if m.code.startswith("3")]
    assert lines == [
        ("3.1", "not-met", "Tiêu chí 3 không có mục nào được tính: mọi mục đều “Không áp dụng”, "
         "mà mọi tiêu chí đều phải đạt."),
    ]  # fmt: skip
    ws.recognition.set(2025, "3.2", {"status": "Đạt"})
    view = ws.recognition.view(2025, AS_OF)
    assert not [m for m in view.missing() if m.kind == "not-met" and m.code.startswith("3")]


def test_a_refused_change_to_a_year_not_opened_opens_nothing(ws: Workspace, tmp_path: Path) -> None:
    """An unknown item or a bad status for a year never opened was refused, but the year had
    been opened first (with the default template): bad input changes nothing."""
    proof = tmp_path / "bien-ban.txt"
    proof.write_text("Biên bản", encoding="utf-8")
    before = ws.recognition.years()
    with pytest.raises(NotFoundError):
        ws.recognition.set(2027, "9.9", {"status": "dat"})
    with pytest.raises(ValidationError):
        ws.recognition.set(2027, "1.1", {"status": "không rõ"})
    with pytest.raises(NotFoundError):
        ws.recognition.attach(2027, "9.9", proof)
    assert ws.recognition.years() == before and ws.recognition.opened(2027) is None
    ws.recognition.set(2027, "1.1", {"status": "dat"})
    assert 2027 in ws.recognition.years()
