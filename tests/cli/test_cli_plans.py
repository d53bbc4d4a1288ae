"""``doancoso plan show | new | target add | register | deadline``: the yearly work plan from
the command line — the JSON keys and values scripts rely on, the Vietnamese text, bad data
refused with exit 1 and nothing changed, bad usage with exit 2."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from calendar_cli import add_members, in_folder
from cli_run import usage_error
from doancoso.core.plans.registration import Deadline
from doancoso.core.workspace import Workspace
from stored import plan_of

YEAR = "2025"  # a past year: registrations and attendance are refused in the future


def show(folder: Path, year: str = YEAR) -> Any:
    result = in_folder(folder, "plan", "show", "--year", year, "--format", "json")
    assert (result.code, result.err) == (0, ""), result.err
    return result.json()


def test_new_plan_shows_empty_and_unregistered(ws: Workspace, data_dir: Path) -> None:
    result = in_folder(data_dir, "plan", "new", "--year", YEAR, "--number", "07-KH/ĐTN")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Đã lập kế hoạch công tác năm 2025: "
        "Kế hoạch công tác Đoàn và phong trào thanh thiếu nhi năm 2025.\n"
    )
    assert show(data_dir) == {
        "year": 2025,
        "number": "07-KH/ĐTN",
        "title": "Kế hoạch công tác Đoàn và phong trào thanh thiếu nhi năm 2025",
        "registered_on": None,
        "registration_state": "chua-dang-ky",
        "registration_number": None,
        "targets": [],
    }
    text = in_folder(data_dir, "plan", "show", "--year", YEAR)
    assert (text.code, text.err) == (0, "")
    assert text.out == (
        "Kế hoạch công tác Đoàn và phong trào thanh thiếu nhi năm 2025\n"
        "Số: 07-KH/ĐTN\n"
        "Đăng ký với cấp trên: Chưa đăng ký\n"
        "Chưa có chỉ tiêu nào.\n"
    )


def test_a_plan_made_in_advance_is_not_yet_due(ws: Workspace, data_dir: Path) -> None:
    """Next year's plan: its measured targets read "Đạt: 0 đoàn viên (0%)" under "kết quả
    tính đến" a day before its year, as if failed; they are not due yet. The JSON's figures
    are unchanged (it judges nothing)."""
    year = dt.date.today().year + 1
    assert in_folder(data_dir, "plan", "new", "--year", str(year)).code == 0
    added = in_folder(data_dir, "plan", "target", "add", "--year", str(year), "--text",
                      "Kết nạp 20 đoàn viên mới", "--planned", "20", "--unit", "đoàn viên",
                      "--measure", "admissions")  # fmt: skip
    assert (added.code, added.err) == (0, "")
    text = in_folder(data_dir, "plan", "show", "--year", str(year))
    assert (text.code, text.err) == (0, "")
    assert text.out.splitlines()[2:] == [
        f"Chỉ tiêu (năm {year} chưa bắt đầu: kết quả chưa đến kỳ):",
        "1.\t\tKết nạp 20 đoàn viên mới\tKế hoạch: 20 đoàn viên\tĐạt: (chưa đến kỳ)\ttự tính",
        "Tổng cộng: 1 chỉ tiêu.",
    ]
    (target,) = show(data_dir, str(year))["targets"]
    assert (target["planned"], target["achieved"]) == (20, 0)


def test_targets_planned_and_achieved(ws: Workspace, data_dir: Path) -> None:
    """A measured target counts what the calendar did; a target without a measure waits for
    its figure; both listed in order with their criterion and unit."""
    ids = add_members(ws)
    assert (
        in_folder(data_dir, "plan", "new", "--year", YEAR, "--title", "Kế hoạch năm 2025").code == 0
    )
    steps = [
        ("--text", "Kết nạp 20 đoàn viên mới", "--criterion", "1", "--planned", "20",
         "--measure", "admissions"),
        ("--text", "4 hoạt động Ngày Chủ nhật xanh", "--criterion", "2", "--planned", "4",
         "--measure", "activities", "--kind", "ngay chu nhat xanh"),
        ("--text", "Tham mưu cấp ủy ban hành 2 văn bản", "--criterion", "3", "--planned", "2",
         "--unit", "văn bản"),
        ("--text", "100% chi đoàn sinh hoạt định kỳ hằng tháng", "--planned", "100",
         "--measure", "branch-meetings"),
    ]  # fmt: skip
    outs = []
    for options in steps:
        result = in_folder(data_dir, "plan", "target", "add", "--year", YEAR, *options)
        assert (result.code, result.err) == (0, ""), result.err
        outs.append(result.out)
    assert outs == [
        "Đã thêm chỉ tiêu 1 vào kế hoạch năm 2025: Kết nạp 20 đoàn viên mới (tiêu chí 1: Chủ "
        "động quản lý đoàn viên và chăm lo, nắm bắt tình hình thanh niên).\n",
        "Đã thêm chỉ tiêu 2 vào kế hoạch năm 2025: 4 hoạt động Ngày Chủ nhật xanh (tiêu chí 2: "
        "Chủ động xây dựng và thực hiện kế hoạch công tác).\n",
        "Đã thêm chỉ tiêu 3 vào kế hoạch năm 2025: Tham mưu cấp ủy ban hành 2 văn bản (tiêu chí "
        "3: Chủ động tham mưu với cấp ủy, phối hợp với chính quyền, các đoàn thể).\n",
        "Đã thêm chỉ tiêu 4 vào kế hoạch năm 2025: 100% chi đoàn sinh hoạt định kỳ hằng tháng.\n",
    ]
    # One Ngày Chủ nhật xanh carried out (attendance taken): the second target is at 1 of 4.
    added = in_folder(data_dir, "activity", "add", "--title", "Ngày Chủ nhật xanh tháng 3",
                      "--date", "30/03/2025", "--kind", "Ngày Chủ nhật xanh",
                      "--format", "json")  # fmt: skip
    assert added.code == 0, added.err
    (occurrence,) = ws.activities.occurrence_ids_of(added.json()["id"])
    attended = in_folder(data_dir, "activity", "attend", occurrence, "--present", ids["An"])
    assert attended.code == 0, attended.err

    data = show(data_dir)
    assert data["title"] == "Kế hoạch năm 2025"
    targets = data["targets"]
    target_ids = [t.id for t in plan_of(ws, 2025).targets]
    assert targets == [
        {"id": target_ids[0], "text": "Kết nạp 20 đoàn viên mới", "criterion": 1,
         "planned": 20, "achieved": 0, "unit": "đoàn viên", "measure": "admissions",
         "due": True},
        {"id": target_ids[1], "text": "4 hoạt động Ngày Chủ nhật xanh", "criterion": 2,
         "planned": 4, "achieved": 1, "unit": "hoạt động", "measure": "activities",
         "due": True},
        {"id": target_ids[2], "text": "Tham mưu cấp ủy ban hành 2 văn bản", "criterion": 3,
         "planned": 2, "achieved": None, "unit": "văn bản", "measure": None,
         "due": True},
        {"id": target_ids[3], "text": "100% chi đoàn sinh hoạt định kỳ hằng tháng",
         "criterion": None, "planned": 100, "achieved": 0, "unit": "%",
         "measure": "branch-meetings", "due": True},
    ]  # fmt: skip
    assert plan_of(ws, 2025).targets[1].measure_kind == "chu-nhat-xanh"
    text = in_folder(data_dir, "plan", "show", "--year", YEAR)
    assert text.out.splitlines() == [
        "Kế hoạch năm 2025",
        "Đăng ký với cấp trên: Chưa đăng ký",
        "Chỉ tiêu (kết quả tính đến 31/12/2025):",
        "1.\tTiêu chí 1\tKết nạp 20 đoàn viên mới\tKế hoạch: 20 đoàn viên\t"
        "Đạt: 0 đoàn viên (0%)\ttự tính",
        "2.\tTiêu chí 2\t4 hoạt động Ngày Chủ nhật xanh\tKế hoạch: 4 hoạt động\t"
        "Đạt: 1 hoạt động (25%)\ttự tính",
        "3.\tTiêu chí 3\tTham mưu cấp ủy ban hành 2 văn bản\tKế hoạch: 2 văn bản\t"
        "Đạt: (chưa có)\tnhập tay",
        "4.\t\t100% chi đoàn sinh hoạt định kỳ hằng tháng\tKế hoạch: 100%\tĐạt: 0% (0%)\ttự tính",
        "Tổng cộng: 4 chỉ tiêu.",
    ]


def test_new_plan_copied_from_last_year(ws: Workspace, data_dir: Path) -> None:
    assert in_folder(data_dir, "plan", "new", "--year", "2024").code == 0
    for text in ("Kết nạp 15 đoàn viên mới", "Tổ chức 12 buổi sinh hoạt chi đoàn"):
        assert in_folder(data_dir, "plan", "target", "add", "--year", "2024", "--text", text,
                         "--planned", "15").code == 0  # fmt: skip
    assert (
        in_folder(data_dir, "plan", "register", "--year", "2024", "--date", "08/11/2023").code == 0
    )
    result = in_folder(data_dir, "plan", "new", "--year", YEAR, "--from-year", "2024")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Đã lập kế hoạch công tác năm 2025: Kế hoạch công tác Đoàn và phong trào thanh thiếu nhi "
        "năm 2025 (sao chép từ năm 2024, 2 chỉ tiêu).\n"
        "Đã đổi “năm 2024” thành “năm 2025” ở 1 chỗ (Tên kế hoạch).\n"
        "Hãy đọc lại tên, nội dung kế hoạch và các chỉ tiêu trước khi in và gửi đăng ký.\n"
    )
    data = show(data_dir)
    assert [t["text"] for t in data["targets"]] == [
        "Kết nạp 15 đoàn viên mới",
        "Tổ chức 12 buổi sinh hoạt chi đoàn",
    ]
    assert (data["registration_state"], data["registered_on"]) == ("chua-dang-ky", None)
    assert ws.plans.years() == [2024, 2025]


def test_registration_sent_then_approved(ws: Workspace, data_dir: Path) -> None:
    assert in_folder(data_dir, "plan", "new", "--year", YEAR).code == 0
    sent = in_folder(data_dir, "plan", "register", "--year", YEAR, "--date", "10/11/2024")
    assert (sent.code, sent.err) == (0, "")
    assert sent.out == "Đã ghi đăng ký kế hoạch năm 2025: Đã gửi, ngày gửi 10/11/2024.\n"
    data = show(data_dir)
    assert (data["registration_state"], data["registered_on"], data["registration_number"]) == (
        "da-gui", "10/11/2024", None,
    )  # fmt: skip
    approved = in_folder(data_dir, "plan", "register", "--year", YEAR, "--date", "10/11/2024",
                         "--number", "12-ĐK/TĐ", "--approved")  # fmt: skip
    assert (approved.code, approved.err) == (0, "")
    assert approved.out == (
        "Đã ghi đăng ký kế hoạch năm 2025: Đã được duyệt, ngày gửi 10/11/2024, "
        "số đăng ký 12-ĐK/TĐ.\n"
    )
    data = show(data_dir)
    assert (data["registration_state"], data["registered_on"], data["registration_number"]) == (
        "da-duyet", "10/11/2024", "12-ĐK/TĐ",
    )  # fmt: skip
    text = in_folder(data_dir, "plan", "show", "--year", YEAR).out
    assert "Đăng ký với cấp trên: Đã được duyệt, ngày gửi 10/11/2024, số đăng ký 12-ĐK/TĐ\n" in text


# -- bad data: exit 1, a Vietnamese message, nothing changed ----------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("plan", "show", "--year", "2030"),
         "Lỗi: Chưa có kế hoạch công tác năm 2030. Lập kế hoạch bằng lệnh: "
         "doancoso plan new --year 2030\n"),
        (("plan", "new", "--year", YEAR),
         "Lỗi: Đã có kế hoạch công tác năm 2025.\n"),
        (("plan", "new", "--year", "1800"),
         "Lỗi: Dữ liệu không hợp lệ:\n  --year: Năm 1800 không hợp lệ: "
         "chỉ nhận các năm 2000–2100.\n"),
        (("plan", "new", "--year", "2026", "--from-year", "2019"),
         "Lỗi: Chưa có kế hoạch công tác năm 2019 để sao chép.\n"),
        (("plan", "new", "--year", "2026", "--title", "  "),
         "Lỗi: Dữ liệu không hợp lệ:\n  --title: Cần nhập tên kế hoạch.\n"),
        (("plan", "target", "add", "--year", "2030", "--text", "Kết nạp 5 đoàn viên"),
         "Lỗi: Chưa có kế hoạch công tác năm 2030.\n"),
        (("plan", "target", "add", "--year", YEAR, "--text", " "),
         "Lỗi: Dữ liệu không hợp lệ:\n  --text: Cần nhập nội dung chỉ tiêu.\n"),
        (("plan", "target", "add", "--year", YEAR, "--text", "X", "--criterion", "4",
          "--planned", "nhiều"),
         "Lỗi: Dữ liệu không hợp lệ:\n  --criterion: Tiêu chí phải là 1, 2 hoặc 3.\n"
         "  --planned: Phải là một số, ví dụ 20 hoặc 100.\n"),
        (("plan", "target", "add", "--year", YEAR, "--text", "X", "--measure", "members"),
         "Lỗi: Dữ liệu không hợp lệ:\n  --measure: Cách đo không hợp lệ: admissions, "
         "activities, branch-meetings, participation, youth-admitted, party-introductions.\n"),
        (("plan", "target", "add", "--year", YEAR, "--text", "X", "--measure", "activities",
          "--kind", "Bóng đá"),
         "Lỗi: Dữ liệu không hợp lệ:\n  --kind: Loại hoạt động không có trong danh sách.\n"),
        (("plan", "target", "add", "--year", YEAR, "--text", "X", "--kind", "Hội thi"),
         "Lỗi: Dữ liệu không hợp lệ:\n  --kind: Chỉ dùng --kind cùng với --measure "
         "activities.\n"),
        (("plan", "register", "--year", YEAR, "--date", "31/02/2024"),
         "Lỗi: Dữ liệu không hợp lệ:\n  --date: Ngày 31/02/2024 không có trên lịch.\n"),
        (("plan", "register", "--year", YEAR, "--date", "01/01/2999"),
         "Lỗi: Dữ liệu không hợp lệ:\n  --date: Ngày gửi đăng ký không thể sau hôm nay.\n"),
        (("plan", "register", "--year", "2030", "--date", "01/01/2024"),
         "Lỗi: Chưa có kế hoạch công tác năm 2030.\n"),
        (("plan", "show", "--year", "25"),  # not "no plan of 25: make it with plan new"
         "Lỗi: Dữ liệu không hợp lệ:\n  --year: Năm 25 không hợp lệ: "
         "chỉ nhận các năm 2000–2100.\n"),
        (("plan", "target", "add", "--year", "25", "--text", "X"),
         "Lỗi: Dữ liệu không hợp lệ:\n  --year: Năm 25 không hợp lệ: "
         "chỉ nhận các năm 2000–2100.\n"),
        (("plan", "register", "--year", "25", "--date", "10/11/2024"),
         "Lỗi: Dữ liệu không hợp lệ:\n  --year: Năm 25 không hợp lệ: "
         "chỉ nhận các năm 2000–2100.\n"),
        (("plan", "register", "--year", YEAR, "--date", "10/11/2023"),  # 2024 mistyped
         "Lỗi: Dữ liệu không hợp lệ:\n  --date: Kế hoạch năm 2025 không thể gửi đăng ký trước "
         "năm 2024.\n"),
        (("plan", "register", "--year", YEAR, "--date", "10/11/0024"),
         "Lỗi: Dữ liệu không hợp lệ:\n  --date: Kế hoạch năm 2025 không thể gửi đăng ký trước "
         "năm 2024.\n"),
    ],
)  # fmt: skip
def test_bad_data_changes_nothing(
    ws: Workspace, data_dir: Path, argv: tuple[str, ...], message: str
) -> None:
    assert in_folder(data_dir, "plan", "new", "--year", YEAR).code == 0
    before = plan_of(ws, 2025)
    result = in_folder(data_dir, *argv)
    assert (result.code, result.out, result.err) == (1, "", message)
    assert ws.plans.years() == [2025]
    assert plan_of(ws, 2025, before.as_of) == before


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("plan",), "thiếu tham số bắt buộc: LỆNH"),
        (("plan", "delete"), "tham số LỆNH: lựa chọn không hợp lệ “delete” (chọn một trong: show"),
        (("plan", "show"), "thiếu tham số bắt buộc: --year"),
        (("plan", "show", "--year", "năm nay"),
         "tùy chọn --year: giá trị không hợp lệ “năm nay” (cần một số nguyên)"),
        (("plan", "show", "--year", "2025", "--format", "xml"),
         "tùy chọn --format: lựa chọn không hợp lệ “xml” (chọn một trong: table, json)"),
        (("plan", "new", "--year", "2025", "--from-year", "ngoái"),
         "tùy chọn --from-year: giá trị không hợp lệ “ngoái” (cần một số nguyên)"),
        (("plan", "target", "add", "--year", "2025"), "thiếu tham số bắt buộc: --text"),
        (("plan", "target", "remove"),
         "tham số LỆNH: lựa chọn không hợp lệ “remove” (chọn một trong: add)"),
        (("plan", "register", "--year", "2025"), "thiếu tham số bắt buộc: --date"),
        (("plan", "register", "--year", "2025", "--date", "01/01/2025", "--state", "x"),
         "tham số không nhận ra: --state x"),
    ],
)  # fmt: skip
def test_bad_usage_exits_2(
    capsys: pytest.CaptureFixture[str], data_dir: Path, argv: tuple[str, ...], message: str
) -> None:
    err = usage_error(capsys, "--data-dir", str(data_dir), *argv)
    assert err.startswith("cách dùng: doancoso")
    assert f"Lỗi cú pháp lệnh: {message}" in err
    assert not data_dir.exists()  # nothing was opened, let alone created


def test_help_is_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        in_folder(Path("unused"), "plan", "target", "add", "--help")
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("cách dùng: doancoso plan target add")
    assert "--measure CÁCH_ĐO" in out and "--kind LOẠI" in out
    assert "admissions = số đoàn viên" in out and "activities = số hoạt động" in out
    words = " ".join(out.split())  # argparse wraps the help text
    assert "= số đoàn viên ưu tú được giới thiệu cho Đảng --kind" in words


# plan deadline ------------------------------------------------------------------------------

DEADLINE_SHOWN = (
    "Hạn đăng ký kế hoạch năm sau với cấp trên: ngày {} hằng năm (ứng dụng nhắc từ 30 ngày "
    "trước hạn).\n"
)


def test_deadline_shown_then_set(ws: Workspace, data_dir: Path) -> None:
    result = in_folder(data_dir, "plan", "deadline")
    assert (result.code, result.err, result.out) == (0, "", DEADLINE_SHOWN.format("10/11"))
    result = in_folder(data_dir, "plan", "deadline", "5/12")
    assert (result.code, result.err) == (0, "")
    assert result.out == "Đã lưu h" + DEADLINE_SHOWN.format("05/12")[1:]
    assert ws.plans.registration_deadline() == Deadline(5, 12)
    result = in_folder(data_dir, "plan", "deadline", "--format", "json")
    assert (result.code, result.err) == (0, "")
    assert result.json() == {"day": 5, "month": 12, "in_plan_year": False}
    result = in_folder(data_dir, "plan", "deadline", "28/02", "--format", "json")
    assert (result.code, result.err) == (0, "")
    assert result.json() == {"day": 28, "month": 2, "in_plan_year": False}
    # the reminders follow: next year's plan, not made, is recalled from 30 days before
    assert [r.text for r in ws.plans.reminders(dt.date(2025, 1, 29))] == [
        "Kế hoạch công tác năm 2025 chưa lập — đã quá hạn đăng ký với cấp trên (hạn 28/02/2024)",
        "Kế hoạch công tác năm 2026 chưa lập — hạn đăng ký với cấp trên 28/02/2025",
    ]


def test_a_deadline_in_the_plans_own_year(ws: Workspace, data_dir: Path) -> None:
    """``--in-plan-year``: the day is of the plan's own year (31/01/2026 for the plan of 2026);
    a date given without it is of the year before again, as it always was."""
    result = in_folder(data_dir, "plan", "deadline", "31/01", "--in-plan-year")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Đã lưu hạn đăng ký kế hoạch với cấp trên: ngày 31/01 của năm kế hoạch (ứng dụng nhắc "
        "từ 30 ngày trước hạn).\n"
    )
    assert ws.plans.registration_deadline() == Deadline(31, 1, in_plan_year=True)
    result = in_folder(data_dir, "plan", "deadline")
    assert result.out == (
        "Hạn đăng ký kế hoạch với cấp trên: ngày 31/01 của năm kế hoạch (ứng dụng nhắc từ 30 "
        "ngày trước hạn).\n"
    )
    result = in_folder(data_dir, "plan", "deadline", "--format", "json")
    assert result.json() == {"day": 31, "month": 1, "in_plan_year": True}
    assert [r.text for r in ws.plans.reminders(dt.date(2026, 1, 10))][-1] == (
        "Kế hoạch công tác năm 2026 chưa lập — hạn đăng ký với cấp trên 31/01/2026"
    )
    result = in_folder(data_dir, "plan", "deadline", "15/12")
    assert result.out == "Đã lưu h" + DEADLINE_SHOWN.format("15/12")[1:]
    assert ws.plans.registration_deadline() == Deadline(15, 12)


def test_in_plan_year_needs_a_deadline(ws: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    ws.plans.set_registration_deadline(15, 12)
    err = usage_error(capsys, "plan", "deadline", "--in-plan-year", "--data-dir", str(ws.data_dir))
    assert err.endswith(
        "Lỗi cú pháp lệnh: --in-plan-year cần có hạn NGÀY/THÁNG, ví dụ: 31/01 --in-plan-year\n"
    )
    assert ws.plans.registration_deadline() == Deadline(15, 12)


@pytest.mark.parametrize(
    ("deadline", "message"),
    [
        ("31/4", "Tháng 4 chỉ có 30 ngày: không có ngày 31/04."),
        ("29/02", "Ngày 29/02 chỉ có trong năm nhuận: hạn đăng ký phải là ngày có trong mọi "
                  "năm (ví dụ 28/02 hoặc 01/03)."),
        ("0/13", "Ngày phải từ 1 đến 31 và tháng phải từ 1 đến 12."),
        ("10-11", "Hạn đăng ký phải viết dạng ngày/tháng, ví dụ 10/11."),
        ("10/11/2025", "Hạn đăng ký phải viết dạng ngày/tháng, ví dụ 10/11."),
    ],
)  # fmt: skip
def test_a_bad_deadline_is_refused_and_nothing_changes(
    ws: Workspace, data_dir: Path, deadline: str, message: str
) -> None:
    ws.plans.set_registration_deadline(15, 12)
    result = in_folder(data_dir, "plan", "deadline", deadline)
    assert (result.code, result.out) == (1, "")
    assert result.err == f"Lỗi: Dữ liệu không hợp lệ:\n  NGÀY/THÁNG: {message}\n"
    assert ws.plans.registration_deadline() == Deadline(15, 12)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("plan", "deadline", "10/11", "15/12"), "tham số không nhận ra: 15/12"),
        (("plan", "deadline", "--format", "xml"),
         "tùy chọn --format: lựa chọn không hợp lệ “xml” (chọn một trong: table, json)"),
    ],
)  # fmt: skip
def test_deadline_bad_usage_exits_2(
    capsys: pytest.CaptureFixture[str], data_dir: Path, argv: tuple[str, ...], message: str
) -> None:
    err = usage_error(capsys, "--data-dir", str(data_dir), *argv)
    assert err.startswith("cách dùng: doancoso")
    assert f"Lỗi cú pháp lệnh: {message}" in err
    assert not data_dir.exists()


def test_deadline_help_is_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        in_folder(Path("unused"), "plan", "deadline", "--help")
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("cách dùng: doancoso plan deadline")
    assert "NGÀY/THÁNG" in out and "hạn mới, ví dụ 10/11" in out
