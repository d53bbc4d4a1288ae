"""A plan copied from last year's: "năm 2026" where it means the plan's year becomes "năm 2027"
in its texts and targets; dates, document numbers, periods and other years stay, and those that
may be stale are listed for the secretary to read."""

from __future__ import annotations

import pytest

from doancoso.core.plans.copying import (
    PlanCopy,
    YearMention,
    copy_notice,
    copy_summary,
    move_year,
)
from doancoso.core.workspace import Workspace

WALKTHROUGH_GROUNDS = (
    "Căn cứ Chương trình công tác Đoàn và phong trào thanh thiếu nhi năm 2026 của Tỉnh đoàn Cà "
    "Mau; căn cứ Nghị quyết của Đảng ủy xã Tân Hưng, Ban Chấp hành Đoàn xã Tân Hưng xây dựng kế "
    "hoạch công tác năm 2026 như sau:"
)


@pytest.mark.parametrize(
    ("text", "moved_text", "moved"),
    [
        ("kế hoạch công tác năm 2026 như sau:", "kế hoạch công tác năm 2027 như sau:", 1),
        ("Năm 2026, Đoàn xã phấn đấu", "Năm 2027, Đoàn xã phấn đấu", 1),
        ("TRONG NĂM 2026.", "TRONG NĂM 2027.", 1),
        ("năm 2026", "năm 2027", 1),
        ("cuối năm\u00a02026)", "cuối năm\u00a02027)", 1),
        ("Ngày 10 tháng 11 năm 2026", "Ngày 10 tháng 11 năm 2026", 0),
        ("Tháng 3 năm 2026", "Tháng 3 năm 2026", 0),
        ("ngày 10/11/2026", "ngày 10/11/2026", 0),
        ("Nghị quyết số 12/2026", "Nghị quyết số 12/2026", 0),
        ("nhiệm kỳ 2022–2027", "nhiệm kỳ 2022–2027", 0),
        ("giai đoạn 2023-2027", "giai đoạn 2023-2027", 0),
        ("năm 2026 – 2027", "năm 2026 – 2027", 0),
        ("năm học 2025-2026", "năm học 2025-2026", 0),
        ("Tết 2026", "Tết 2026", 0),
        ("năm 20261", "năm 20261", 0),
        ("kết quả năm 2025", "kết quả năm 2025", 0),
    ],
)
def test_which_years_move(text: str, moved_text: str, moved: int) -> None:
    assert move_year(text, 2026, 2027)[:2] == (moved_text, moved)


def test_the_years_left_to_read() -> None:
    text = (
        "Căn cứ Nghị quyết số 12-NQ/ĐU ngày 10/11/2026 của Đảng ủy xã; Nghị quyết Đại hội Đoàn "
        "xã nhiệm kỳ 2022–2027; kết quả thực hiện kế hoạch năm 2025, Đoàn xã xây dựng kế hoạch "
        "công tác năm 2026 như sau:\nTổ chức khai giảng năm học 2026 – 2027."
    )
    new_text, moved, excerpts = move_year(text, 2026, 2027)
    assert new_text == text.replace("công tác năm 2026", "công tác năm 2027")
    assert moved == 1
    assert excerpts == [
        "…quyết số 12-NQ/ĐU ngày 10/11/2026 của Đảng ủy xã; Nghị quyết Đại…",
        "…kết quả thực hiện kế hoạch năm 2025, Đoàn xã xây dựng kế hoạch…",
        "Tổ chức khai giảng năm học 2026 – 2027.",
    ]


def test_the_walkthrough_s_plan_copied_into_2027(ws: Workspace) -> None:
    ws.plans.create(2026, number="22-KH/ĐTN")
    ws.plans.save(2026, {
        "grounds": WALKTHROUGH_GROUNDS,
        "purposes": "1. Nâng cao chất lượng sinh hoạt chi đoàn.",
        "content": "1. Tổ chức Tháng Thanh niên (tháng 3 năm 2026).\n"
                   "2. Sơ kết 6 tháng đầu năm 2026; tổng kết năm 2026 trước ngày 10/12/2026.",
        "implementation": "Các chi đoàn báo cáo kết quả về Đoàn xã theo Hướng dẫn số "
                          "05/2026 của Tỉnh đoàn.",
    })  # fmt: skip
    kinds = ws.activities.kind_names()
    ws.plans.add_target(2026, {"text": "Kết nạp 30 đoàn viên mới trong năm 2026"}, kinds)
    ws.plans.add_target(2026, {"text": "Tỉ lệ đoàn viên tham gia hoạt động đạt từ 80% trở lên"},
                        kinds)  # fmt: skip

    created = ws.plans.create(2027, from_year=2026)

    plan = ws.plans.get(2027)
    assert plan is not None and created.id == plan.id
    assert plan.title == "Kế hoạch công tác Đoàn và phong trào thanh thiếu nhi năm 2027"
    assert plan.grounds == (
        "Căn cứ Chương trình công tác Đoàn và phong trào thanh thiếu nhi năm 2027 của Tỉnh đoàn "
        "Cà Mau; căn cứ Nghị quyết của Đảng ủy xã Tân Hưng, Ban Chấp hành Đoàn xã Tân Hưng xây "
        "dựng kế hoạch công tác năm 2027 như sau:"
    )
    assert plan.purposes == "1. Nâng cao chất lượng sinh hoạt chi đoàn."
    assert plan.content == (
        "1. Tổ chức Tháng Thanh niên (tháng 3 năm 2026).\n"
        "2. Sơ kết 6 tháng đầu năm 2027; tổng kết năm 2027 trước ngày 10/12/2026."
    )
    assert plan.implementation == (
        "Các chi đoàn báo cáo kết quả về Đoàn xã theo Hướng dẫn số 05/2026 của Tỉnh đoàn."
    )
    assert [t.text for t in plan.targets] == [
        "Kết nạp 30 đoàn viên mới trong năm 2027",
        "Tỉ lệ đoàn viên tham gia hoạt động đạt từ 80% trở lên",
    ]
    old = ws.plans.get(2026)
    assert old is not None and old.grounds == WALKTHROUGH_GROUNDS  # the source is untouched
    assert created.copy == PlanCopy(
        2026, 2027,
        ("Tên kế hoạch", "Căn cứ", "Căn cứ", "III. Nội dung", "III. Nội dung", "II. Chỉ tiêu"),
        (
            YearMention("III. Nội dung", "…Tháng Thanh niên (tháng 3 năm 2026)."),
            YearMention("III. Nội dung", "…kết năm 2027 trước ngày 10/12/2026."),
            YearMention(
                "IV. Tổ chức thực hiện", "…Đoàn xã theo Hướng dẫn số 05/2026 của Tỉnh đoàn."
            ),
        ),
    )  # fmt: skip
    assert copy_summary(created.copy) == (
        "đã đổi “năm 2026” thành “năm 2027” ở 6 chỗ, còn 3 chỗ ghi năm cũ cần xem lại"
    )
    assert copy_notice(created.copy) == (
        "Kế hoạch năm 2027 được sao chép từ kế hoạch năm 2026.\n"
        "Đã đổi “năm 2026” thành “năm 2027” ở 6 chỗ (Tên kế hoạch, Căn cứ, III. Nội dung, "
        "II. Chỉ tiêu).\n"
        "Còn 3 chỗ ghi năm 2025 hoặc 2026 không tự đổi (có thể là ngày, số văn bản hay một năm "
        "khác), hãy xem và sửa nếu cần:\n"
        "- III. Nội dung: “…Tháng Thanh niên (tháng 3 năm 2026).”\n"
        "- III. Nội dung: “…kết năm 2027 trước ngày 10/12/2026.”\n"
        "- IV. Tổ chức thực hiện: “…Đoàn xã theo Hướng dẫn số 05/2026 của Tỉnh đoàn.”\n"
        "Hãy đọc lại tên, nội dung kế hoạch và các chỉ tiêu trước khi in và gửi đăng ký."
    )


def test_a_plan_made_empty_or_with_nothing_to_move(ws: Workspace) -> None:
    created = ws.plans.create(2026, title="Kế hoạch tổ chức Tháng Thanh niên")
    assert created.copy is None
    ws.plans.save(2026, {"grounds": "Căn cứ Điều lệ Đoàn;"})
    copied = ws.plans.create(2027, from_year=2026)
    assert copied.copy == PlanCopy(2026, 2027, (), ())
    assert copy_notice(copied.copy) == (
        "Kế hoạch năm 2027 được sao chép từ kế hoạch năm 2026.\n"
        "Không có chỗ nào ghi “năm 2026” để đổi thành “năm 2027”.\n"
        "Hãy đọc lại tên, nội dung kế hoạch và các chỉ tiêu trước khi in và gửi đăng ký."
    )
    assert copy_summary(copied.copy) == "đã đổi “năm 2026” thành “năm 2027” ở 0 chỗ"


def test_a_plan_copied_over_a_year_lists_the_year_between() -> None:
    text = "Tiếp tục thực hiện Chỉ thị năm 2026; kế hoạch năm 2025."
    assert move_year(text, 2025, 2027) == (
        "Tiếp tục thực hiện Chỉ thị năm 2026; kế hoạch năm 2027.",
        1,
        ["Tiếp tục thực hiện Chỉ thị năm 2026; kế hoạch năm 2027."],
    )


def test_a_long_list_to_read_is_cut_in_the_notice() -> None:
    mentions = tuple(YearMention("Căn cứ", f"ngày {d:02d}/01/2026") for d in range(1, 9))
    notice = copy_notice(PlanCopy(2026, 2027, ("Căn cứ",), mentions), limit=6)
    assert notice.split("\n")[2:] == [
        "Còn 8 chỗ ghi năm 2025 hoặc 2026 không tự đổi (có thể là ngày, số văn bản hay một năm "
        "khác), hãy xem và sửa nếu cần:",
        "- Căn cứ: “ngày 01/01/2026”",
        "- Căn cứ: “ngày 02/01/2026”",
        "- Căn cứ: “ngày 03/01/2026”",
        "- Căn cứ: “ngày 04/01/2026”",
        "- Căn cứ: “ngày 05/01/2026”",
        "- Căn cứ: “ngày 06/01/2026”",
        "- và 2 chỗ khác.",
        "Hãy đọc lại tên, nội dung kế hoạch và các chỉ tiêu trước khi in và gửi đăng ký.",
    ]


def test_a_term_in_the_title_stays_when_the_plan_is_copied(ws: Workspace) -> None:
    """The unions formed in 2025 name their first term in their plans' titles: copying the plan
    of 2025 into 2026 made "nhiệm kỳ 2025 – 2030" read "nhiệm kỳ 2026 – 2030"."""
    title = "Kế hoạch thực hiện Nghị quyết Đại hội Đoàn xã nhiệm kỳ 2025 – 2030 trong năm 2025"
    ws.plans.create(2025, title=title)
    created = ws.plans.create(2026, from_year=2025)
    plan = ws.plans.get(2026)
    assert plan is not None and plan.title == (
        "Kế hoạch thực hiện Nghị quyết Đại hội Đoàn xã nhiệm kỳ 2025 – 2030 trong năm 2026"
    )
    assert created.copy is not None and created.copy.moved == ("Tên kế hoạch",)
    # A title without "năm" before its year still moves on; a date in it stays.
    ws.plans.create(2030, title="Kế hoạch công tác 2030 (ban hành 10/11/2030)")
    ws.plans.create(2031, from_year=2030)
    copied = ws.plans.get(2031)
    assert copied is not None and copied.title == "Kế hoạch công tác 2031 (ban hành 10/11/2030)"
