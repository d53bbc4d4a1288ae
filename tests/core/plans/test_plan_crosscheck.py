"""A target's achieved figure typed by hand against the app's count of the same thing: the
dossier must not say 2 on one page and 27 on another."""

from __future__ import annotations

import datetime as dt

from doancoso.core.dossier.check import Gap, check
from doancoso.core.plans.crosscheck import hand_figure_conflicts, suggested_measure
from doancoso.core.workspace import Workspace

AS_OF = dt.date(2025, 12, 31)
TARGET = "Giới thiệu 3 đoàn viên ưu tú cho Đảng xem xét kết nạp"


def test_the_measure_a_targets_wording_names() -> None:
    assert suggested_measure(TARGET) == "party-introductions"
    assert suggested_measure("Kết nạp 285 đoàn viên mới") == "admissions"
    assert suggested_measure("Vận động 33 thanh niên trong sổ theo dõi vào Đoàn") == (
        "youth-admitted"
    )
    # "đang" and "đăng ký" are not "Đảng"; nothing else is guessed
    assert suggested_measure("Kết nạp đoàn viên đang sinh hoạt tạm") == "admissions"
    assert suggested_measure("Phối hợp Công an xã tổ chức 2 buổi tuyên truyền") is None
    assert suggested_measure("Giới thiệu việc làm cho 5 thanh niên") is None


def _introduce(ws: Workspace, count: int) -> None:
    branch = ws.branches.create("Chi đoàn ấp 1").id
    for i in range(count):
        member = ws.members.save({"full_name": f"Nguyễn Văn {chr(65 + i)}",
                                  "birth_date": "01/01/2000", "branch_id": branch})  # fmt: skip
        ws.events.record(member, "party_introduction", f"{10 + i:02d}/05/2025")


def test_a_typed_figure_that_differs_from_the_count_is_a_gap_of_the_plan(ws: Workspace) -> None:
    ws.plans.create(2025)
    kinds = ws.activities.kind_names()
    ws.plans.add_target(
        2025, {"text": TARGET, "planned": "3", "unit": "đoàn viên", "achieved": "2"}, kinds
    )
    ws.plans.add_target(2025, {"text": "Tổ chức 2 buổi tuyên truyền", "achieved": "1"}, kinds)
    _introduce(ws, 3)
    (conflict,) = hand_figure_conflicts(ws.plans, 2025, AS_OF)
    assert (conflict.measure, conflict.typed, conflict.counted) == ("party-introductions", 2, 3)
    message = (
        f"Chỉ tiêu “{TARGET}”: số đạt được nhập tay là 2 đoàn viên, nhưng ứng dụng đếm được "
        "3 đoàn viên (số đoàn viên ưu tú được giới thiệu cho Đảng). Hồ sơ sẽ in hai số khác "
        "nhau: sửa số đạt được ở trang Kế hoạch, hoặc chọn cách đo để ứng dụng tự đếm."
    )
    subject = f"chỉ tiêu “{TARGET}” (nhập tay 2 đoàn viên, ứng dụng đếm 3 đoàn viên)"
    gap = Gap("ke-hoach", message, target=conflict.target.id, contradiction=subject)
    assert gap in check(ws, 2025, ("ke-hoach",), as_of=AS_OF)
    assert [g for g in check(ws, 2025, ("bao-cao",), as_of=AS_OF) if g.contradiction] == []


def test_the_same_figure_or_a_measured_target_is_no_conflict(ws: Workspace) -> None:
    ws.plans.create(2025)
    kinds = ws.activities.kind_names()
    ws.plans.add_target(2025, {"text": TARGET, "planned": "3", "achieved": "2"}, kinds)
    ws.plans.add_target(2025, {"text": "Giới thiệu 2 đoàn viên cho Đảng", "planned": "2",
                               "measure": "party-introductions"}, kinds)  # fmt: skip
    ws.plans.add_target(2025, {"text": "Kết nạp 5 đoàn viên", "planned": "5"}, kinds)  # no figure
    _introduce(ws, 2)
    assert hand_figure_conflicts(ws.plans, 2025, AS_OF) == []
    assert hand_figure_conflicts(ws.plans, 2030, AS_OF) == []  # no plan
