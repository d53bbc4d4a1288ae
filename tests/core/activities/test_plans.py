"""The yearly plan: made empty or copied from last year's, its targets and what the app
measures for them at a day, its registration with the superior body, and bad input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from doancoso.core.errors import ConflictError, NotFoundError, ValidationError
from doancoso.core.workspace import Workspace

D = dt.date
AddMember = Callable[..., str]


def _targets(ws: Workspace, year: int, as_of: dt.date) -> list[tuple[object, ...]]:
    plan = ws.plans.get(year, as_of)
    assert plan is not None
    return [(t.text, t.planned, t.achieved, t.share) for t in plan.targets]


def test_measured_targets_follow_the_records_at_a_day(
    ws: Workspace, add_member: AddMember, branch_ids: dict[str, str]
) -> None:
    members = [add_member(n) for n in ("Nguyễn Văn An", "Trần Thị Bé")]
    new = ws.members.save({"full_name": "Lê Văn Mới", "birth_date": "01/01/2005",
                           "branch_id": branch_ids["Chi đoàn ấp 2"]})  # fmt: skip
    ws.events.record(new, "admission", "26/03/2025", place="Đoàn xã Tân Hưng")
    ws.plans.create(2025, number="07-KH/ĐTN")
    kinds = ws.activities.kind_names()
    for raw in (
        {"text": "Kết nạp 2 đoàn viên mới", "criterion": "1", "planned": "2",
         "measure": "admissions"},
        {"text": "100% chi đoàn sinh hoạt hằng tháng", "criterion": "2", "planned": "100",
         "measure": "branch-meetings"},
        {"text": "4 đợt Ngày Chủ nhật xanh", "criterion": "2", "planned": "4",
         "measure": "activities", "measure_kind": "chu-nhat-xanh"},
        {"text": "Tỉ lệ tham gia từ 80%", "criterion": "2", "planned": "80",
         "measure": "participation"},
        {"text": "Giới thiệu 3 đoàn viên ưu tú cho Đảng", "criterion": "3", "planned": "3",
         "achieved": "2"},
    ):  # fmt: skip
        ws.plans.add_target(2025, raw, kinds)
    for branch in branch_ids.values():  # each chi đoàn meets in January; only ấp 1 in February
        ws.activities.save({"title": "Sinh hoạt", "kind": "sinh-hoat", "start_date": "10/01/2025",
                            "branch_ids": [branch]})  # fmt: skip
    ws.activities.save({"title": "Sinh hoạt", "kind": "sinh-hoat", "start_date": "10/02/2025",
                        "branch_ids": [branch_ids["Chi đoàn ấp 1"]]})  # fmt: skip
    ws.activities.save({"title": "Ngày Chủ nhật xanh", "kind": "chu-nhat-xanh",
                        "start_date": "23/02/2025"})  # fmt: skip
    for row in ws.activities.occurrences(D(2025, 1, 1), D(2025, 2, 28)):
        sheet = ws.attendance.sheet(row.id)
        ws.attendance.save(
            row.id,
            {
                m.member_id: ("present" if m.member_id == members[0] else "absent", None)
                for m in sheet
            },
        )

    assert _targets(ws, 2025, D(2025, 1, 31)) == [
        ("Kết nạp 2 đoàn viên mới", 2.0, 0.0, 0.0),
        ("100% chi đoàn sinh hoạt hằng tháng", 100.0, 100.0, 1.0),
        ("4 đợt Ngày Chủ nhật xanh", 4.0, 0.0, 0.0),
        ("Tỉ lệ tham gia từ 80%", 80.0, 50.0, 0.625),  # An 1/1, Bé 0/1 (Mới not yet admitted)
        ("Giới thiệu 3 đoàn viên ưu tú cho Đảng", 3.0, 2.0, 2 / 3),
    ]
    assert _targets(ws, 2025, D(2025, 3, 31)) == [
        ("Kết nạp 2 đoàn viên mới", 2.0, 1.0, 0.5),
        ("100% chi đoàn sinh hoạt hằng tháng", 100.0, 0.0, 0.0),  # nobody met in March
        ("4 đợt Ngày Chủ nhật xanh", 4.0, 1.0, 0.25),
        ("Tỉ lệ tham gia từ 80%", 80.0, 50.0, 0.625),
        ("Giới thiệu 3 đoàn viên ưu tú cho Đảng", 3.0, 2.0, 2 / 3),
    ]
    assert _targets(ws, 2025, D(2025, 2, 28))[1] == (
        "100% chi đoàn sinh hoạt hằng tháng", 100.0, 50.0, 0.5,
    )  # fmt: skip


def test_party_introductions_are_measured_as_the_checklist_counts_them(
    ws: Workspace, add_member: AddMember
) -> None:
    """The plan's target and the checklist's item 3.2 count the same introductions: the
    members' events of the year (they disagreed when the target was entered by hand)."""
    an, be = add_member("Nguyễn Văn An"), add_member("Trần Thị Bé")
    ws.events.record(an, "party_introduction", "05/03/2025", number="12-GT/ĐTN")
    ws.events.record(be, "party_introduction", "20/09/2025")
    ws.plans.create(2025)
    target = {"text": "Giới thiệu 3 đoàn viên ưu tú cho Đảng", "criterion": "3",
              "planned": "3", "measure": "party-introductions"}  # fmt: skip
    ws.plans.add_target(2025, target, ws.activities.kind_names())
    text = "Giới thiệu 3 đoàn viên ưu tú cho Đảng"
    assert _targets(ws, 2025, D(2025, 6, 30)) == [(text, 3.0, 1.0, 1 / 3)]
    assert _targets(ws, 2025, D(2025, 12, 31)) == [(text, 3.0, 2.0, 2 / 3)]
    ws.recognition.open(2025)
    view = ws.recognition.view(2025, D(2025, 12, 31))
    (item,) = [v for v in view.items if v.indicator and v.indicator.key == "party-introductions"]
    assert item.indicator is not None
    assert (item.indicator.value, item.indicator.text) == (
        2.0, "2 đoàn viên ưu tú được giới thiệu cho Đảng trong năm."
    )  # fmt: skip


def test_a_young_person_whose_member_was_deleted_is_not_counted_as_admitted(
    ws: Workspace,
) -> None:
    """An admission from the youth register made by mistake, the member deleted from the
    roster: the register counts the young person as not yet in the union again, but the
    plan's target still counted the admission."""
    thuy = ws.youth.save({"full_name": "Trần Thị Thủy", "birth_date": "05/03/2007"})
    lan = ws.youth.save({"full_name": "Lê Thị Lan", "birth_date": "06/04/2007"})
    ws.plans.create(2025)
    text = "Vận động 2 thanh niên trong sổ theo dõi vào Đoàn"
    target = {"text": text, "criterion": "1", "planned": "2", "measure": "youth-admitted"}
    ws.plans.add_target(2025, target, ws.activities.kind_names())
    mistaken = ws.youth.admit(thuy, "26/03/2025", "Đoàn xã Tân Hưng", None)
    ws.youth.admit(lan, "26/03/2025", "Đoàn xã Tân Hưng", None)
    assert _targets(ws, 2025, D(2025, 12, 31)) == [(text, 2.0, 2.0, 1.0)]
    ws.members.delete([mistaken])
    assert _targets(ws, 2025, D(2025, 12, 31)) == [(text, 2.0, 1.0, 0.5)]
    ws.members.restore([mistaken])
    assert _targets(ws, 2025, D(2025, 12, 31)) == [(text, 2.0, 2.0, 1.0)]


def test_a_plan_copied_from_last_year_keeps_texts_and_targets_not_results(ws: Workspace) -> None:
    ws.plans.create(2025, number="07-KH/ĐTN")
    ws.plans.save(2025, {"purposes": "1. Nâng cao chất lượng sinh hoạt.\n2. Chăm lo thanh niên."})
    kinds = ws.activities.kind_names()
    ws.plans.add_target(
        2025, {"text": "Giới thiệu 3 đoàn viên ưu tú", "planned": "3", "achieved": "3"}, kinds
    )
    ws.plans.register(2025, "Đã gửi", "10/12/2024", "12/ĐK-TĐ")
    ws.plans.create(2026, from_year=2025)
    plan = ws.plans.get(2026, D(2026, 6, 1))
    assert plan is not None
    assert (plan.title, plan.number, plan.registration_state, plan.registered_on) == (
        "Kế hoạch công tác Đoàn và phong trào thanh thiếu nhi năm 2026", None, "chua-dang-ky", None,
    )  # fmt: skip
    assert plan.purposes == "1. Nâng cao chất lượng sinh hoạt.\n2. Chăm lo thanh niên."
    assert [(t.text, t.planned, t.achieved) for t in plan.targets] == [
        ("Giới thiệu 3 đoàn viên ưu tú", 3.0, None)
    ]
    with pytest.raises(ConflictError, match="Đã có kế hoạch công tác năm 2026."):
        ws.plans.create(2026)
    with pytest.raises(NotFoundError, match="Chưa có kế hoạch công tác năm 2019 để sao chép."):
        ws.plans.create(2027, from_year=2019)
    assert ws.plans.years() == [2025, 2026]


def test_registration_and_its_bad_input(ws: Workspace) -> None:
    ws.plans.create(2025)
    with pytest.raises(ValidationError) as caught:
        ws.plans.register(2025, "đã gửi")
    assert caught.value.field_errors == {"registered_on": "Cần nhập ngày gửi đăng ký."}
    with pytest.raises(
        ValidationError, match="Trạng thái phải là: Chưa đăng ký, Đã gửi, Đã được duyệt."
    ):
        ws.plans.register(2025, "đã nộp", "01/12/2024")
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="Ngày gửi đăng ký không thể sau hôm nay."):
        ws.plans.register(2025, "da-gui", f"{tomorrow:%d/%m/%Y}")
    ws.plans.register(2025, "da-duyet", "01/12/2024", "15-ĐK/TĐ")
    plan = ws.plans.get(2025)
    assert plan is not None
    assert (plan.registration_state, plan.registered_on, plan.registration_number) == (
        "da-duyet", D(2024, 12, 1), "15-ĐK/TĐ",
    )  # fmt: skip


def test_bad_targets_are_refused_with_every_problem(ws: Workspace) -> None:
    ws.plans.create(2025)
    with pytest.raises(ValidationError) as caught:
        ws.plans.add_target(
            2025, {"text": "", "criterion": "4", "planned": "nhiều", "measure": "members"}, {}
        )
    assert caught.value.field_errors == {
        "text": "Cần nhập nội dung chỉ tiêu.",
        "criterion": "Tiêu chí phải là 1, 2 hoặc 3.",
        "planned": "Phải là một số, ví dụ 20 hoặc 100.",
        "measure": "Cách đo không hợp lệ: admissions, activities, branch-meetings, "
        "participation, youth-admitted, party-introductions.",
    }
    plan = ws.plans.get(2025)
    assert plan is not None and plan.targets == ()
    with pytest.raises(NotFoundError, match="Chưa có kế hoạch công tác năm 2024."):
        ws.plans.add_target(2024, {"text": "Kết nạp"}, {})


def test_targets_move_and_a_deleted_one_comes_back(ws: Workspace) -> None:
    ws.plans.create(2025)
    ids = [ws.plans.add_target(2025, {"text": t}, {}) for t in ("Một", "Hai", "Ba")]
    ws.plans.move_target(ids[2], -1)
    ws.plans.delete_target(ids[0])
    plan = ws.plans.get(2025)
    assert plan is not None and [t.text for t in plan.targets] == ["Ba", "Hai"]
    ws.plans.restore_target(ids[0])
    plan = ws.plans.get(2025)
    assert plan is not None and [t.text for t in plan.targets] == ["Một", "Ba", "Hai"]
