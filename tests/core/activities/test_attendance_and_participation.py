"""Attendance of a date and the participation rate of a year: who is expected (the organiser's
chi đoàn, members only within their time here), marks saved and changed, a sheet of marks read
from Excel, the leave setting, and bad input that changes nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from doancoso.core.errors import ConflictError, ImportFileError, NotFoundError, ValidationError
from doancoso.core.workspace import Workspace

D = dt.date
AddMember = Callable[..., str]


def _activity(ws: Workspace, day: str, branches: list[str] | None = None, **extra: str) -> str:
    ws.activities.save(
        {"title": f"Hoạt động {day}", "kind": "sinh-hoat", "start_date": day,
         "branch_ids": branches or [], **extra}
    )  # fmt: skip
    parsed = dt.datetime.strptime(day, "%d/%m/%Y").date()
    return ws.activities.occurrences(parsed, parsed)[-1].id


def test_the_organisers_chi_doan_is_expected_in_name_order(
    ws: Workspace, add_member: AddMember, branch_ids: dict[str, str]
) -> None:
    add_member("Trần Văn Bình")
    add_member("Nguyễn Thị Ánh")
    add_member("Lê Văn Cường", branch="Chi đoàn ấp 2")
    occ = _activity(ws, "10/03/2025", [branch_ids["Chi đoàn ấp 1"]])
    sheet = ws.attendance.sheet(occ)
    assert [(r.full_name, r.branch, r.state) for r in sheet] == [
        ("Nguyễn Thị Ánh", "Chi đoàn ấp 1", "absent"),
        ("Trần Văn Bình", "Chi đoàn ấp 1", "absent"),
    ]
    whole = _activity(ws, "11/03/2025")
    assert [r.full_name for r in ws.attendance.sheet(whole)] == [
        "Nguyễn Thị Ánh", "Trần Văn Bình", "Lê Văn Cường",
    ]  # fmt: skip


def test_saving_marks_changes_the_counts_and_the_date_is_done(
    ws: Workspace, add_member: AddMember
) -> None:
    a, b, c = (add_member(n) for n in ("Nguyễn Văn An", "Trần Thị Bé", "Lê Văn Cư"))
    occ = _activity(ws, "10/03/2025")
    assert (
        ws.attendance.save(occ, {a: ("present", None), b: ("excused", "Ốm"), c: ("absent", None)})
        == 3
    )
    row = ws.activities.occurrence(occ).row
    assert (row.status, row.attendance_taken, row.expected, row.present, row.excused) == (
        "da-thuc-hien", True, 3, 1, 1,
    )  # fmt: skip
    # c is no longer expected (removed from the list); b came after all
    ws.attendance.save(occ, {a: ("present", None), b: ("present", None)})
    assert [(r.full_name, r.state, r.reason) for r in ws.attendance.sheet(occ)] == [
        ("Nguyễn Văn An", "present", None), ("Trần Thị Bé", "present", None),
    ]  # fmt: skip


def test_the_number_of_participants_is_filled_with_those_present_unless_entered(
    ws: Workspace, add_member: AddMember
) -> None:
    a, b, c = (add_member(n) for n in ("Nguyễn Văn An", "Trần Thị Bé", "Lê Văn Cư"))
    occ = _activity(ws, "10/03/2025")
    ws.attendance.save(occ, {a: ("present", None), b: ("present", None), c: ("excused", "Ốm")})
    assert ws.activities.occurrence(occ).participants == 2
    ws.attendance.save(occ, {a: ("present", None), b: ("absent", None), c: ("absent", None)})
    assert ws.activities.occurrence(occ).participants == 1  # corrected with the attendance
    entered = _activity(ws, "11/03/2025")
    ws.activities.update_occurrence(entered, {"participants": "40"})
    ws.attendance.save(entered, {a: ("present", None)})
    assert ws.activities.occurrence(entered).participants == 40  # guests and youth counted


def test_bad_attendance_is_refused_and_changes_nothing(
    ws: Workspace, add_member: AddMember
) -> None:
    a = add_member("Nguyễn Văn An")
    occ = _activity(ws, "10/03/2025")
    with pytest.raises(ValidationError, match="Không có đoàn viên mã nobody trong danh sách."):
        ws.attendance.save(occ, {a: ("present", None), "nobody": ("present", None)})
    with pytest.raises(ValidationError, match="Trạng thái điểm danh không hợp lệ: late."):
        ws.attendance.save(occ, {a: ("late", None)})
    later = dt.date.today() + dt.timedelta(days=3)
    future = _activity(ws, f"{later:%d/%m/%Y}")
    with pytest.raises(ConflictError, match="chưa diễn ra: chưa thể điểm danh."):
        ws.attendance.save(future, {a: ("present", None)})
    assert ws.activities.occurrence(occ).row.attendance_taken is False
    assert ws.participation.year(2025)[0].expected == 0


def test_participation_counts_each_member_only_within_their_time_here(
    ws: Workspace, add_member: AddMember
) -> None:
    stays = add_member("Nguyễn Văn An")
    add_member("Trần Thị Bé", admitted="01/06/2025")  # joins in June
    leaves = add_member("Lê Văn Cư")
    ws.events.record(leaves, "transfer_out", "01/07/2025", other_organization="Đoàn xã Khánh An")
    for month in range(1, 13):
        occ = _activity(ws, f"15/{month:02d}/2025")
        marks: dict[str, tuple[str, str | None]] = {
            m.member_id: ("present", None) for m in ws.attendance.sheet(occ)
        }
        if month in (2, 8):
            marks[stays] = ("excused", "Ốm")
        ws.attendance.save(occ, marks)
    rates = {
        r.full_name: (r.expected, r.attended, r.excused, r.rate)
        for r in ws.participation.year(2025)
    }
    assert rates == {
        "Nguyễn Văn An": (12, 10, 2, 10 / 12),
        "Trần Thị Bé": (7, 7, 0, 1.0),  # June to December
        "Lê Văn Cư": (6, 6, 0, 1.0),  # January to June
    }
    assert ws.participation.year(2025, as_of=D(2025, 3, 31))[0].expected == 3
    assert ws.participation.counts(2025) == {
        r.member_id: (r.expected, r.attended, r.excused) for r in ws.participation.year(2025)
    }
    ws.participation.set_leave_counts(True)
    assert ws.participation.year(2025)[0].attended == 12
    by_branch = ws.participation.by_branch(2025)
    assert [(b.branch, b.members, b.expected, b.attended) for b in by_branch] == [
        ("Chi đoàn ấp 1", 3, 25, 25)
    ]


def test_marks_read_from_a_sheet_by_name_or_cccd(
    ws: Workspace, add_member: AddMember, tmp_path: Path
) -> None:
    a = add_member("Nguyễn Văn An")
    b = add_member("Trần Thị Bé")
    c = add_member("Lê Văn Cư")
    ws.members.save({**_raw(ws, c), "national_id": "096300001234"}, c)
    occ = _activity(ws, "10/03/2025")
    path = tmp_path / "diem-danh.xlsx"
    _sheet(path, [("STT", "Họ và tên", "Có mặt"), (1, "nguyen van an", "x"),
                  (2, "Trần Thị Bé", "P"), (3, "096300001234", "")])  # fmt: skip
    assert ws.attendance.marks_from_sheet(occ, path) == {
        a: ("present", None), b: ("excused", None), c: ("absent", None),
    }  # fmt: skip
    _sheet(path, [("Họ và tên", "Có mặt"), ("Nguyễn Văn An", "x"), ("Phạm Văn Lạ", "x")])
    with pytest.raises(ImportFileError) as caught:
        ws.attendance.marks_from_sheet(occ, path)
    assert caught.value.message == (
        "Dòng 3: “Phạm Văn Lạ” không có trong danh sách đoàn viên. Chưa lưu gì."
    )
    assert ws.activities.occurrence(occ).row.attendance_taken is False


def _raw(ws: Workspace, member_id: str) -> dict[str, str]:
    fields = ws.members.get(member_id).fields
    return {"full_name": fields.full_name, "birth_date": "01/01/2000",
            "branch_id": fields.branch_id or "", "admission_date": "01/01/2020"}  # fmt: skip


def _sheet(path: Path, rows: list[tuple[object, ...]]) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    book.save(path)


def test_a_cccd_typed_as_a_number_is_read_with_its_leading_zeros(
    ws: Workspace, add_member: AddMember, tmp_path: Path
) -> None:
    """Excel keeps a CCCD typed in a cell not formatted as text as a number: "001203001234"
    (Hà Nội) becomes 1203001234, "079300005678" 79300005678. The roster's import puts the zeros
    back; the attendance sheet must find the members too."""
    a = add_member("Nguyễn Văn An")
    b = add_member("Trần Thị Bé")
    ws.members.save({**_raw(ws, a), "national_id": "001203001234"}, a)
    ws.members.save({**_raw(ws, b), "national_id": "079300005678"}, b)
    occ = _activity(ws, "10/03/2025")
    path = tmp_path / "diem-danh.xlsx"
    _sheet(path, [("Số CCCD", "Có mặt"), (1203001234, "x"), (79300005678, "p")])
    assert ws.attendance.marks_from_sheet(occ, path) == {
        a: ("present", None), b: ("excused", None),
    }  # fmt: skip


def test_a_member_deleted_from_the_roster_is_no_longer_expected_and_comes_back_with_undo(
    ws: Workspace, add_member: AddMember, tmp_path: Path
) -> None:
    """Bình was marked present, then deleted from the roster: the date's total, its sheet and
    its minutes counted him still ("2/2" for one member left). His mark is kept: correcting the
    others (by hand or from a sheet) does not drop it, and undoing the deletion brings it back."""
    an = add_member("Nguyễn Văn An")
    binh = add_member("Trần Văn Bình")
    occ = _activity(ws, "10/03/2025")
    ws.attendance.save(occ, {an: ("present", None), binh: ("present", None)})
    stale = {r.member_id: (r.state, r.reason) for r in ws.attendance.sheet(occ)}
    ws.members.delete([binh])

    row = ws.activities.occurrence(occ).row
    assert (row.expected, row.present, row.excused) == (1, 1, 0)
    assert [
        (r.expected, r.present) for r in ws.activities.occurrences(D(2025, 3, 10), D(2025, 3, 10))
    ] == [(1, 1)]
    assert [(r.full_name, r.state) for r in ws.attendance.sheet(occ)] == [
        ("Nguyễn Văn An", "present")
    ]
    doc = ws.attendance.minutes_document(occ)
    assert (doc.expected, doc.present, doc.excused, doc.absent) == (1, 1, (), ())
    path = tmp_path / "diem-danh.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["Họ và tên", "Có mặt"])
    book.active.append(["Nguyễn Văn An", "p"])
    book.save(path)
    assert ws.attendance.marks_from_sheet(occ, path) == {an: ("excused", None)}
    # A sheet opened before the deletion (naming him) still saves.
    assert ws.attendance.save(occ, stale) == 2

    # Corrected without him: his mark stays where it was.
    marks = {r.member_id: (r.state, r.reason) for r in ws.attendance.sheet(occ)}
    marks[an] = ("excused", "Đi làm xa")
    assert ws.attendance.save(occ, marks) == 1
    assert (
        ws.activities.occurrence(occ).row.expected,
        ws.activities.occurrence(occ).row.present,
    ) == (1, 0)
    assert {r.full_name: r.expected for r in ws.participation.year(2025)} == {"Nguyễn Văn An": 1}

    ws.members.restore([binh])
    assert {(r.full_name, r.state, r.reason) for r in ws.attendance.sheet(occ)} == {
        ("Nguyễn Văn An", "excused", "Đi làm xa"), ("Trần Văn Bình", "present", None),
    }  # fmt: skip
    row = ws.activities.occurrence(occ).row
    assert (row.expected, row.present, row.excused) == (2, 1, 1)
    assert {r.full_name: r.expected for r in ws.participation.year(2025)} == {
        "Nguyễn Văn An": 1, "Trần Văn Bình": 1,
    }  # fmt: skip


def test_a_year_s_dates_read_at_once_as_each_is_read_alone(
    ws: Workspace, add_member: AddMember, branch_ids: dict[str, str]
) -> None:
    """The dossier reads a year's dates in one go (``occurrence_details``): each date, its
    counts, its results and whether it has minutes as :meth:`occurrence` reads it alone, in
    the order asked; a date deleted since is refused as reading it alone refuses it."""
    a, b = add_member("Nguyễn Văn An"), add_member("Trần Thị Bé", branch="Chi đoàn ấp 2")
    first = _activity(ws, "10/03/2025", [branch_ids["Chi đoàn ấp 1"], branch_ids["Chi đoàn ấp 2"]])
    second = _activity(ws, "12/04/2025")
    third = _activity(ws, "15/05/2025")
    ws.attendance.save(first, {a: ("present", None), b: ("excused", "Ốm")})
    ws.attendance.save_minutes(second, {"chair": "Nguyễn Văn An", "content": "Họp bàn."})
    ids = [third, first, second]
    together = ws.activities.occurrence_details(ids)
    assert together == [ws.activities.occurrence(i) for i in ids]
    assert [(d.row.id, d.row.expected, d.row.present, d.row.excused, d.has_minutes)
            for d in together] == [
        (third, 0, 0, 0, False), (first, 2, 1, 1, False), (second, 0, 0, 0, True),
    ]  # fmt: skip
    ws.activities.delete(ws.activities.occurrence(third).row.activity_id)
    with pytest.raises(NotFoundError, match="Không tìm thấy buổi hoạt động"):
        ws.activities.occurrence_details([first, third])


def test_minutes_of_a_date_to_come_are_refused_and_those_written_ahead_stay_open(
    ws: Workspace,
) -> None:
    """Minutes record what took place: written from the day on, as the date form says. Minutes
    written ahead of the day (by an older version, or before the date was moved later) still
    open and save."""
    later = dt.date.today() + dt.timedelta(days=3)
    coming = _activity(ws, f"{later:%d/%m/%Y}")
    with pytest.raises(ConflictError) as refused:
        ws.attendance.save_minutes(coming, {"chair": "Nguyễn Văn An", "content": "Họp bàn."})
    assert refused.value.message == (
        f"Buổi ngày {later:%d/%m/%Y} chưa diễn ra: điểm danh và viết biên bản được từ ngày đó."
    )
    assert ws.attendance.minutes(coming) is None
    assert ws.activities.occurrence(coming).has_minutes is False

    moved = _activity(ws, "10/03/2025")
    ws.attendance.save_minutes(moved, {"chair": "Nguyễn Văn An"})
    ws.activities.update_occurrence(moved, {"day": f"{later:%d/%m/%Y}"})
    ws.attendance.save_minutes(moved, {"chair": "Nguyễn Văn An", "content": "Dời buổi họp."})
    fields = ws.attendance.minutes(moved)
    assert fields is not None
    assert (fields.chair, fields.content) == ("Nguyễn Văn An", "Dời buổi họp.")
