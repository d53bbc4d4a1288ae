"""``doancoso activity add | list | attend``: activities once or repeating, the list of dates
with the JSON keys scripts rely on, attendance by member ids or names or from a sheet; bad data
refused with exit 1 and nothing changed, bad usage with exit 2."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from calendar_cli import add_members, in_folder
from cli_run import usage_error
from doancoso.core.activities.rules import BUILTIN_KINDS
from doancoso.core.workspace import Workspace

EVERY_DAY = (dt.date(2000, 1, 1), dt.date(2100, 12, 31))


@pytest.fixture
def ids(ws: Workspace) -> dict[str, str]:
    """Given name → member id of the four members (two in each chi đoàn)."""
    return add_members(ws)


def add(folder: Path, *options: str) -> Any:
    result = in_folder(folder, "activity", "add", *options, "--format", "json")
    assert (result.code, result.err) == (0, ""), result.err
    return result.json()


def listing(folder: Path, *options: str) -> Any:
    result = in_folder(folder, "activity", "list", *options, "--format", "json")
    assert (result.code, result.err) == (0, ""), result.err
    return result.json()


def dates(folder: Path, *options: str) -> list[str]:
    return [row["date"] for row in listing(folder, *options)]


# -- add -----------------------------------------------------------------------------------------


def test_an_evening_past_midnight(ws: Workspace, data_dir: Path) -> None:
    """An evening from 19:00 to 01:00 ends the next day: ``--end-date`` says which, as the
    form's "Ngày kết thúc" does."""
    result = in_folder(data_dir, "activity", "add", "--title", "Đêm hội trăng rằm",
                       "--date", "06/09/2025", "--time", "19:00", "--end-time", "01:00",
                       "--end-date", "7/9/2025", "--place", "Sân văn hóa xã")  # fmt: skip
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Đã thêm hoạt động “Đêm hội trăng rằm” (Khác, toàn Đoàn cơ sở) từ 19:00 ngày 06/09/2025 "
        "đến 01:00 ngày 07/09/2025.\n"
    )
    (activity_id,) = {o.activity_id for o in ws.activities.occurrences(*EVERY_DAY)}
    fields = ws.activities.get(activity_id).fields
    assert (fields.start_date, fields.end_date, fields.start_time, fields.end_time) == (
        dt.date(2025, 9, 6), dt.date(2025, 9, 7), "19:00", "01:00",
    )  # fmt: skip
    assert dates(data_dir, "--from", "01/09/2025", "--to", "30/09/2025") == ["06/09/2025"]


def test_one_activity_of_two_branches(ws: Workspace, ids: dict[str, str], data_dir: Path) -> None:
    result = in_folder(data_dir, "activity", "add", "--title", "Hội thi Thanh niên với pháp luật",
                       "--date", "15/05/2025", "--time", "8h", "--end-time", "11:30",
                       "--kind", "hoi thi", "--branch", "Chi đoàn ấp 1", "--branch",
                       "chi doan ap 2", "--place", "Hội trường ấp 1")  # fmt: skip
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Đã thêm hoạt động “Hội thi Thanh niên với pháp luật” (Hội thi, Chi đoàn ấp 1, Chi đoàn "
        "ấp 2) ngày 15/05/2025.\n"
    )
    (row,) = listing(data_dir, "--from", "01/05/2025", "--to", "31/05/2025")
    (activity_id,) = {o.activity_id for o in ws.activities.occurrences(*EVERY_DAY)}
    (occurrence_id,) = ws.activities.occurrence_ids_of(activity_id)
    assert row == {
        "id": occurrence_id,
        "activity_id": activity_id,
        "title": "Hội thi Thanh niên với pháp luật",
        "date": "15/05/2025",
        "time": "08:00",
        "kind": "hoi-thi",
        "kind_label": "Hội thi",
        "branches": ["Chi đoàn ấp 1", "Chi đoàn ấp 2"],
        "place": "Hội trường ấp 1",
        "status": "du-kien",
        "status_label": "Dự kiến",
        "expected": 0,
        "present": 0,
        "excused": 0,
    }
    assert ws.activities.get(activity_id).fields.end_time == "11:30"


def test_json_gives_the_id_and_the_count(ws: Workspace, data_dir: Path) -> None:
    added = add(data_dir, "--title", "Ngày Chủ nhật xanh", "--date", "26/01/2025")
    assert set(added) == {"id", "occurrences"} and added["occurrences"] == 1
    record = ws.activities.get(added["id"])
    assert (record.fields.title, record.fields.kind, record.fields.branch_ids) == (
        "Ngày Chủ nhật xanh", "khac", (),
    )  # fmt: skip


def test_monthly_on_the_31st_falls_on_each_months_last_day(ws: Workspace, data_dir: Path) -> None:
    result = in_folder(data_dir, "activity", "add", "--title", "Sinh hoạt chi đoàn", "--date",
                       "31/01/2025", "--time", "19:30", "--kind", "Sinh hoạt chi đoàn định kỳ",
                       "--repeat", "monthly", "--until", "31/12/2025")  # fmt: skip
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Đã thêm hoạt động “Sinh hoạt chi đoàn” (Sinh hoạt chi đoàn định kỳ, toàn Đoàn cơ sở): "
        "12 buổi theo lịch “Ngày 31 hằng tháng, đến 31/12/2025”.\n"
    )
    assert dates(data_dir, "--from", "01/01/2025") == [
        "31/01/2025", "28/02/2025", "31/03/2025", "30/04/2025", "31/05/2025", "30/06/2025",
        "31/07/2025", "31/08/2025", "30/09/2025", "31/10/2025", "30/11/2025", "31/12/2025",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (("--date", "06/01/2025", "--repeat", "weekly", "--until", "27/01/2025"),
         ["06/01/2025", "13/01/2025", "20/01/2025", "27/01/2025"]),
        (("--date", "26/01/2025", "--repeat", "FREQ=MONTHLY;BYDAY=-1SU;COUNT=3"),
         ["26/01/2025", "23/02/2025", "30/03/2025"]),
        (("--date", "26/01/2025", "--repeat", "last-sunday", "--until", "31/03/2025"),
         ["26/01/2025", "23/02/2025", "30/03/2025"]),
        (("--date", "29/02/2024", "--repeat", "FREQ=YEARLY;UNTIL=20281231"),
         ["29/02/2024", "29/02/2028"]),  # a typed RRULE keeps RFC 5545: leap years only
    ],
)  # fmt: skip
def test_repeats(
    data_dir: Path, ws: Workspace, options: tuple[str, ...], expected: list[str]
) -> None:
    added = add(data_dir, "--title", "Tuyên truyền", *options)
    assert added["occurrences"] == len(expected)
    assert dates(data_dir, "--from", "01/01/2024", "--to", "31/12/2028") == expected


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--repeat", "monthly"),
         "  --repeat: Hoạt động lặp lại cần ngày kết thúc lặp lại (--until), nếu không lịch "
         "sẽ dài vô hạn.\n"),
        (("--repeat", "FREQ=WEEKLY;BYDAY=SU"),
         "  --repeat: Quy tắc lặp lại cần ngày kết thúc lặp lại (--until) hoặc số lần (COUNT), "
         "nếu không lịch sẽ dài vô hạn.\n"),
        (("--repeat", "FREQ=DAILY;COUNT=1001"),
         "  --repeat: Hoạt động lặp lại tối đa 1000 lần.\n"),
        (("--repeat", "FREQ=DAILY", "--until", "31/12/2030"),
         "  --repeat: Quy tắc lặp lại tạo ra hơn 1000 ngày: hãy chọn ngày kết thúc gần hơn.\n"),
        (("--repeat", "mỗi tháng", "--until", "31/12/2025"),
         "  --repeat: Quy tắc lặp lại không hợp lệ (phần “mỗi tháng”).\n"),
        (("--repeat", "weekly", "--until", "01/01/2025"),
         "  --until: Ngày kết thúc lặp lại không thể trước ngày bắt đầu.\n"),
        (("--until", "31/12/2025"),
         "  --until: Chỉ hoạt động lặp lại mới có ngày kết thúc lặp lại.\n"),
        (("--time", "25:00", "--end-time", "7g"),
         "  --time: Giờ 25:00 không hợp lệ.\n"),
        (("--time", "19:30", "--end-time", "7:00"),
         "  --end-time: Giờ kết thúc không thể trước giờ bắt đầu. Nếu hoạt động kéo dài qua "
         "nửa đêm, hãy nhập “Ngày kết thúc” (--end-date) là ngày hôm sau.\n"),
        (("--time", "19:30", "--end-time", "7:00", "--end-date", "31/01/2025"),
         "  --end-time: Giờ kết thúc không thể trước giờ bắt đầu. Nếu hoạt động kéo dài qua "
         "nửa đêm, hãy nhập “Ngày kết thúc” (--end-date) là ngày hôm sau.\n"),
        (("--end-date", "30/01/2025"),
         "  --end-date: Ngày kết thúc không thể trước ngày bắt đầu.\n"),
        (("--end-date", "02/02/2026"),
         "  --end-date: Một hoạt động kéo dài tối đa một năm: hãy chia thành nhiều hoạt động.\n"),
        (("--end-date", "32/01/2025"),
         "  --end-date: Ngày 32/01/2025 không có trên lịch.\n"),
        (("--kind", "Bóng đá"),
         "  --kind: Loại hoạt động không có trong danh sách: "
         + ", ".join(name for name, _ in BUILTIN_KINDS.values()) + "\n"),
    ],
)  # fmt: skip
def test_bad_activity_is_refused(
    ws: Workspace, data_dir: Path, options: tuple[str, ...], message: str
) -> None:
    result = in_folder(data_dir, "activity", "add", "--title", "Sinh hoạt", "--date",
                       "31/01/2025", *options)  # fmt: skip
    assert (result.code, result.out) == (1, "")
    assert result.err == "Lỗi: Dữ liệu không hợp lệ:\n" + message
    assert ws.activities.occurrences(*EVERY_DAY) == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--title", " ", "--date", "01/02/2025"),
         "Lỗi: Dữ liệu không hợp lệ:\n  --title: Cần nhập tên hoạt động.\n"),
        (("--title", "Sinh hoạt", "--date", "2025-02-01"),
         "Lỗi: Dữ liệu không hợp lệ:\n  --date: Ngày phải viết dạng dd/mm/yyyy, ví dụ "
         "05/03/2001.\n"),
        (("--title", "Sinh hoạt", "--date", "30/02/2025"),
         "Lỗi: Dữ liệu không hợp lệ:\n  --date: Ngày 30/02/2025 không có trên lịch.\n"),
        (("--title", "Sinh hoạt", "--date", "01/02/2025", "--branch", "Chi đoàn ấp 9"),
         "Lỗi: Không có chi đoàn “Chi đoàn ấp 9”; các chi đoàn đang có: Chi đoàn ấp 1, Chi "
         "đoàn ấp 2.\n"),
    ],
)  # fmt: skip
def test_bad_fields_are_refused(
    ws: Workspace, ids: dict[str, str], data_dir: Path, options: tuple[str, ...], message: str
) -> None:
    result = in_folder(data_dir, "activity", "add", *options)
    assert (result.code, result.out, result.err) == (1, "", message)
    assert ws.activities.occurrences(*EVERY_DAY) == []


# -- list ----------------------------------------------------------------------------------------


def test_list_is_this_year_by_default(ws: Workspace, data_dir: Path) -> None:
    today = dt.date.today()
    add(data_dir, "--title", "Năm ngoái", "--date", f"15/06/{today.year - 1}")
    add(data_dir, "--title", "Năm nay", "--date", f"01/01/{today.year}")
    add(data_dir, "--title", "Năm sau", "--date", f"01/01/{today.year + 1}")
    assert [row["title"] for row in listing(data_dir)] == ["Năm nay"]
    assert [row["title"] for row in listing(data_dir, "--to", f"31/12/{today.year - 1}")] == [
        "Năm ngoái"
    ]
    assert [row["title"] for row in listing(data_dir, "--from", f"02/01/{today.year}")] == []


def test_list_text(ws: Workspace, ids: dict[str, str], data_dir: Path) -> None:
    add(data_dir, "--title", "Sinh hoạt chi đoàn", "--date", "15/01/2025", "--time", "19:30",
        "--kind", "sinh-hoat", "--branch", "Chi đoàn ấp 1", "--repeat", "monthly", "--until",
        "15/02/2025")  # fmt: skip
    add(data_dir, "--title", "Ngày Chủ nhật xanh", "--date", "26/01/2025",
        "--kind", "chu-nhat-xanh")  # fmt: skip
    first, second, third = (r.id for r in ws.activities.occurrences(*EVERY_DAY))
    assert in_folder(data_dir, "activity", "attend", first, "--present", ids["An"]).code == 0
    result = in_folder(data_dir, "activity", "list", "--from", "1/1/2025", "--to", "28/02/2025")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines() == [
        "15/01/2025\t19:30\tSinh hoạt chi đoàn\tSinh hoạt chi đoàn định kỳ\tChi đoàn ấp 1\t"
        f"Đã thực hiện\tcó mặt 1/2, vắng có phép 0\t{first}",
        "26/01/2025\t\tNgày Chủ nhật xanh\tNgày Chủ nhật xanh\tToàn Đoàn cơ sở\tDự kiến\t"
        f"chưa điểm danh\t{second}",
        "15/02/2025\t19:30\tSinh hoạt chi đoàn\tSinh hoạt chi đoàn định kỳ\tChi đoàn ấp 1\t"
        f"Dự kiến\tchưa điểm danh\t{third}",
        "Tổng cộng: 3 buổi hoạt động từ 01/01/2025 đến 28/02/2025.",
    ]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--from", "31/01/2025", "--to", "01/01/2025"),
         "  --to: Ngày cuối 01/01/2025 trước ngày đầu 31/01/2025.\n"),
        (("--from", "hôm qua"),
         "  --from: Ngày phải viết dạng dd/mm/yyyy, ví dụ 05/03/2001.\n"),
        (("--to", "32/01/2025"), "  --to: Ngày 32/01/2025 không có trên lịch.\n"),
    ],
)  # fmt: skip
def test_bad_range(ws: Workspace, data_dir: Path, options: tuple[str, ...], message: str) -> None:
    result = in_folder(data_dir, "activity", "list", *options)
    assert (result.code, result.out, result.err) == (
        1,
        "",
        "Lỗi: Dữ liệu không hợp lệ:\n" + message,
    )


# -- attend --------------------------------------------------------------------------------------


def states(ws: Workspace, occurrence_id: str) -> dict[str, str]:
    return {row.full_name: row.state for row in ws.attendance.sheet(occurrence_id)}


@pytest.fixture
def meeting(ws: Workspace, ids: dict[str, str], data_dir: Path) -> str:
    """The occurrence id of a past meeting of Chi đoàn ấp 1 (An and Bình are expected)."""
    added = add(data_dir, "--title", "Sinh hoạt chi đoàn tháng 3", "--date", "15/03/2025",
                "--kind", "sinh-hoat", "--branch", "Chi đoàn ấp 1")  # fmt: skip
    (occurrence_id,) = ws.activities.occurrence_ids_of(added["id"])
    return occurrence_id


def test_attend_by_member_ids(
    ws: Workspace, ids: dict[str, str], data_dir: Path, meeting: str
) -> None:
    result = in_folder(data_dir, "activity", "attend", meeting, "--present", ids["An"])
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Đã điểm danh “Sinh hoạt chi đoàn tháng 3” ngày 15/03/2025: 1 có mặt, 0 vắng có phép, "
        "1 vắng không phép (2 người).\n"
    )
    assert states(ws, meeting) == {"Nguyễn Văn An": "present", "Trần Thị Bình": "absent"}
    (row,) = listing(data_dir, "--from", "15/03/2025", "--to", "15/03/2025")
    assert (row["status"], row["expected"], row["present"], row["excused"]) == (
        "da-thuc-hien", 2, 1, 0,
    )  # fmt: skip

    # Again: a member of the other chi đoàn came too (added to those expected); Bình had leave.
    result = in_folder(data_dir, "activity", "attend", meeting, "--present", ids["An"],
                       ids["Cường"], "--excused", ids["Bình"])  # fmt: skip
    assert result.out.endswith(": 2 có mặt, 1 vắng có phép, 0 vắng không phép (3 người).\n")
    assert states(ws, meeting) == {
        "Nguyễn Văn An": "present",
        "Trần Thị Bình": "excused",
        "Lê Hoàng Cường": "present",
    }
    # Members not named keep their marks.
    result = in_folder(data_dir, "activity", "attend", meeting, "--excused", ids["Cường"])
    assert result.out.endswith(
        ": 1 có mặt, 2 vắng có phép, 0 vắng không phép (3 người; giữ nguyên điểm danh trước đó "
        "của 2 người không nêu tên).\n"
    )
    assert states(ws, meeting) == {
        "Nguyễn Văn An": "present",
        "Trần Thị Bình": "excused",
        "Lê Hoàng Cường": "excused",
    }


def test_attend_by_member_names(
    ws: Workspace, ids: dict[str, str], data_dir: Path, meeting: str
) -> None:
    """As ``members event`` and ``rating set`` name a member: by id, or by the words of their
    name, tones and case ignored."""
    result = in_folder(data_dir, "activity", "attend", meeting, "--present", "nguyen van an",
                       "Lê Hoàng Cường", "--excused", ids["Bình"])  # fmt: skip
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Đã điểm danh “Sinh hoạt chi đoàn tháng 3” ngày 15/03/2025: 2 có mặt, 1 vắng có phép, "
        "0 vắng không phép (3 người).\n"
    )
    assert states(ws, meeting) == {
        "Nguyễn Văn An": "present",
        "Trần Thị Bình": "excused",
        "Lê Hoàng Cường": "present",
    }


def test_counts_of_a_thousand_or_more_have_the_thousands_dot(ws: Workspace, data_dir: Path) -> None:
    """A commune union merged in 2025 can have well over a thousand members at one clean-up
    (nobody came: the first roll call's members not named are absent too)."""
    ws.generate_demo(members=1300, seed=1)
    added = add(data_dir, "--title", "Ra quân toàn xã", "--date", "29/11/2026")
    (occurrence_id,) = ws.activities.occurrence_ids_of(added["id"])
    someone = ws.attendance.sheet(occurrence_id)[0].member_id
    result = in_folder(data_dir, "activity", "attend", occurrence_id, "--absent", someone)
    (row,) = [r for r in listing(data_dir, "--from", "29/11/2026", "--to", "29/11/2026")
              if r["id"] == occurrence_id]  # fmt: skip
    expected = row["expected"]
    assert 1000 <= expected < 10_000
    shown = f"{expected // 1000}.{expected % 1000:03d}"
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Đã điểm danh “Ra quân toàn xã” ngày 29/11/2026: 0 có mặt, 0 vắng có phép, "
        f"{shown} vắng không phép ({shown} người).\n"
    )
    listed = in_folder(data_dir, "activity", "list", "--from", "29/11/2026", "--to", "29/11/2026")
    assert f"\tcó mặt 0/{shown}, vắng có phép 0\t{occurrence_id}\n" in listed.out


def test_a_second_run_keeps_the_marks_of_members_it_does_not_name(
    ws: Workspace, ids: dict[str, str], data_dir: Path, meeting: str
) -> None:
    """The attendance was taken in the app (Bình away with leave, a reason given); a latecomer
    marked from the command line must not turn the others into "vắng không phép"."""
    ws.attendance.save(
        meeting, {ids["An"]: ("absent", None), ids["Bình"]: ("excused", "Đi làm ở Bình Dương")}
    )
    result = in_folder(data_dir, "activity", "attend", meeting, "--present", ids["An"])
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Đã điểm danh “Sinh hoạt chi đoàn tháng 3” ngày 15/03/2025: 1 có mặt, 1 vắng có phép, "
        "0 vắng không phép (2 người; giữ nguyên điểm danh trước đó của 1 người không nêu tên).\n"
    )
    assert {(r.full_name, r.state, r.reason) for r in ws.attendance.sheet(meeting)} == {
        ("Nguyễn Văn An", "present", None),
        ("Trần Thị Bình", "excused", "Đi làm ở Bình Dương"),
    }
    # --absent corrects a mark taken before.
    result = in_folder(data_dir, "activity", "attend", meeting, "--absent", ids["Bình"])
    assert result.out.endswith(
        ": 1 có mặt, 0 vắng có phép, 1 vắng không phép (2 người; giữ nguyên điểm danh trước đó "
        "của 1 người không nêu tên).\n"
    )
    assert states(ws, meeting) == {"Nguyễn Văn An": "present", "Trần Thị Bình": "absent"}


def _sheet(path: Path, rows: list[tuple[str, str]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Có mặt"])
    for number, (name, mark) in enumerate(rows, start=1):
        sheet.append([number, name, mark])
    book.save(path)
    return path


def test_attend_naming_nobody_is_refused_and_saves_nothing(
    capsys: pytest.CaptureFixture[str], ws: Workspace, data_dir: Path, meeting: str
) -> None:
    """With no member named and no sheet, the first roll call would have saved everyone
    expected as "vắng không phép" and the date as held: a forgotten option, not a roll call."""
    err = usage_error(capsys, "--data-dir", str(data_dir), "activity", "attend", meeting)
    assert err.startswith("cách dùng: doancoso activity attend")
    assert err.endswith(
        "Lỗi cú pháp lệnh: cần ít nhất một trong --present, --excused, --absent, --file "
        "(điểm danh mà không nêu ai thì chưa lưu gì)\n"
    )
    assert not ws.activities.occurrence(meeting).row.attendance_taken
    assert states(ws, meeting) == {"Nguyễn Văn An": "absent", "Trần Thị Bình": "absent"}


def test_attend_from_a_sheet(
    ws: Workspace, ids: dict[str, str], data_dir: Path, tmp_path: Path
) -> None:
    added = add(data_dir, "--title", "Ngày Chủ nhật xanh", "--date", "30/03/2025")
    (occurrence,) = ws.activities.occurrence_ids_of(added["id"])
    sheet = _sheet(tmp_path / "diem-danh.xlsx", [("Nguyễn Văn An", "x"), ("Trần Thị Bình", "p"),
                                                 ("Lê Hoàng Cường", "")])  # fmt: skip
    result = in_folder(data_dir, "activity", "attend", occurrence, "--file", str(sheet))
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Đã điểm danh “Ngày Chủ nhật xanh” ngày 30/03/2025: 1 có mặt, 1 vắng có phép, "
        "2 vắng không phép (4 người).\n"
    )
    assert states(ws, occurrence) == {
        "Nguyễn Văn An": "present",
        "Trần Thị Bình": "excused",
        "Lê Hoàng Cường": "absent",
        "Phạm Thị Dung": "absent",  # not in the sheet
    }
    # The options name exceptions to the sheet.
    result = in_folder(data_dir, "activity", "attend", occurrence, "--file", str(sheet),
                       "--present", ids["Dung"])  # fmt: skip
    assert result.code == 0 and states(ws, occurrence)["Phạm Thị Dung"] == "present"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (lambda ids, tmp: ["--present", "khong-co-ai"],
         "Lỗi: Không tìm thấy đoàn viên “khong-co-ai”: ghi mã đoàn viên (id của “members list "
         "--format json”) hoặc họ tên.\n"),
        (lambda ids, tmp: ["--present", ids["An"], "--excused", ids["An"]],
         "Lỗi: Dữ liệu không hợp lệ:\n  --present/--excused/--absent: Đoàn viên Nguyễn Văn An "
         "vừa có mặt vừa vắng có phép.\n"),
        (lambda ids, tmp: ["--excused", ids["Bình"], "--absent", "tran thi binh"],
         "Lỗi: Dữ liệu không hợp lệ:\n  --present/--excused/--absent: Đoàn viên Trần Thị Bình "
         "vừa vắng có phép vừa vắng không phép.\n"),
        (lambda ids, tmp: ["--present", "Nguyễn Văn An", "Thị"],
         "Lỗi: “Thị” khớp với 2 đoàn viên: Trần Thị Bình (sinh 12/07/2002, Chi đoàn ấp 1, mã "
         "{Bình}); Phạm Thị Dung (sinh 01/01/2000, Chi đoàn ấp 2, mã {Dung}). Hãy ghi mã đoàn "
         "viên hoặc họ tên đầy đủ hơn.\n"),
        (lambda ids, tmp: ["--file", str(_sheet(tmp / "a.xlsx", [("Nguyễn Văn An", "x"),
                                                                 ("Võ Văn Tám", "x")]))],
         "Lỗi: Dòng 3: “Võ Văn Tám” không có trong danh sách đoàn viên. Chưa lưu gì.\n"),
        (lambda ids, tmp: ["--file", str(_sheet(tmp / "b.xlsx", [("Nguyễn Văn An", "x"),
                                                                 ("Trần Thị Bình", "muộn")]))],
         "Lỗi: Dòng 3: không hiểu dấu “muộn” (dùng “x” cho có mặt, “p” cho vắng có phép, để trống "
         "cho vắng). Chưa lưu gì.\n"),
        (lambda ids, tmp: ["--file", str(_sheet(tmp / "c.xlsx", [("Võ Văn Tám", "x"),
                                                                 ("Nguyễn Văn An", "muộn"),
                                                                 ("Trần Thị Bình", "x"),
                                                                 ("Lý Văn Mười", "?")]))],
         "Lỗi: Tệp “c.xlsx” có 3 dòng không đọc được nên chưa lưu gì (sửa các dòng này rồi "
         "nhập lại tệp):\n"
         "  Dòng 2: “Võ Văn Tám” không có trong danh sách đoàn viên.\n"
         "  Dòng 3: không hiểu dấu “muộn” (dùng “x” cho có mặt, “p” cho vắng có phép, để trống "
         "cho vắng).\n"
         "  Dòng 5: “Lý Văn Mười” không có trong danh sách đoàn viên.\n"
         "  Dòng 5: không hiểu dấu “?” (dùng “x” cho có mặt, “p” cho vắng có phép, để trống cho "
         "vắng).\n"),
        (lambda ids, tmp: ["--file", str(tmp / "khong-co.xlsx")],
         "Lỗi: Không tìm thấy tệp khong-co.xlsx.\n"),
    ],
)  # fmt: skip
def test_bad_attendance_saves_nothing(
    ws: Workspace,
    ids: dict[str, str],
    data_dir: Path,
    tmp_path: Path,
    meeting: str,
    options: Any,
    message: str,
) -> None:
    assert in_folder(data_dir, "activity", "attend", meeting, "--present", ids["Bình"]).code == 0
    before = states(ws, meeting)
    result = in_folder(data_dir, "activity", "attend", meeting, *options(ids, tmp_path))
    assert (result.code, result.out, result.err) == (1, "", message.format(**ids))
    assert states(ws, meeting) == before == {"Nguyễn Văn An": "absent", "Trần Thị Bình": "present"}


def test_attendance_of_a_future_or_cancelled_date_is_refused(
    ws: Workspace, ids: dict[str, str], data_dir: Path
) -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    later = add(data_dir, "--title", "Hội thi", "--date", f"{tomorrow:%d/%m/%Y}")
    (occurrence,) = ws.activities.occurrence_ids_of(later["id"])
    result = in_folder(data_dir, "activity", "attend", occurrence, "--present", ids["An"])
    assert (result.code, result.out) == (1, "")
    assert (
        result.err == f"Lỗi: Hoạt động ngày {tomorrow:%d/%m/%Y} chưa diễn ra: chưa thể điểm danh.\n"
    )

    cancelled = add(data_dir, "--title", "Văn nghệ", "--date", "01/06/2025")
    (occurrence,) = ws.activities.occurrence_ids_of(cancelled["id"])
    ws.activities.update_occurrence(occurrence, {"status": "Hủy"})
    result = in_folder(data_dir, "activity", "attend", occurrence, "--present", ids["An"])
    assert (result.code, result.out) == (1, "")
    assert result.err == "Lỗi: Buổi hoạt động đã hoãn hoặc hủy: không điểm danh được.\n"

    result = in_folder(data_dir, "activity", "attend", "khong-co-buoi-nay", "--present", ids["An"])
    assert (result.code, result.out) == (1, "")
    assert result.err == "Lỗi: Không tìm thấy buổi hoạt động (có thể đã bị xóa).\n"
    assert all(not row.attendance_taken for row in ws.activities.occurrences(*EVERY_DAY))


# -- bad usage -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("activity",), "thiếu tham số bắt buộc: LỆNH"),
        (("activity", "add", "--date", "01/01/2025"), "thiếu tham số bắt buộc: --title"),
        (("activity", "add", "--title", "Sinh hoạt"), "thiếu tham số bắt buộc: --date"),
        (("activity", "add", "--title", "X", "--date", "01/01/2025", "--format", "csv"),
         "tùy chọn --format: lựa chọn không hợp lệ “csv” (chọn một trong: table, json)"),
        (("activity", "add", "--title", "X", "--date", "01/01/2025", "--repeat"),
         "tùy chọn --repeat: cần một giá trị"),
        (("activity", "list", "--year", "2025"), "tham số không nhận ra: --year 2025"),
        (("activity", "attend"), "thiếu tham số bắt buộc: MÃ_BUỔI"),
        (("activity", "attend", "abc", "--present"), "tùy chọn --present: cần ít nhất một giá trị"),
        (("activity", "attend", "abc", "--excused"), "tùy chọn --excused: cần ít nhất một giá trị"),
        (("activity", "attend", "abc", "--absent"), "tùy chọn --absent: cần ít nhất một giá trị"),
    ],
)  # fmt: skip
def test_bad_usage_exits_2(
    capsys: pytest.CaptureFixture[str], data_dir: Path, argv: tuple[str, ...], message: str
) -> None:
    err = usage_error(capsys, "--data-dir", str(data_dir), *argv)
    assert err.startswith("cách dùng: doancoso")
    assert f"Lỗi cú pháp lệnh: {message}\n" in err
    assert not data_dir.exists()
