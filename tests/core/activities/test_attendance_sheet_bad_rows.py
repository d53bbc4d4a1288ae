"""A roll call sheet with several bad rows is refused naming every one of them with its reason,
so that the secretary fixes them all at once rather than one per try; nothing is saved. A
message box lists the first ten, the command line all (:class:`BadRowsError`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from doancoso.core.errors import BadRowsError
from doancoso.core.workspace import Workspace

AddMember = Callable[..., str]
MARKS = "dùng “x” cho có mặt, “p” cho vắng có phép, để trống cho vắng"


def _occurrence(ws: Workspace) -> str:
    ws.activities.save({"title": "Sinh hoạt tháng 3", "kind": "sinh-hoat",
                        "start_date": "10/03/2025", "branch_ids": []})  # fmt: skip
    return ws.activities.occurrences(dt.date(2025, 3, 10), dt.date(2025, 3, 10))[-1].id


def _sheet(path: Path, rows: list[tuple[object, ...]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_every_bad_row_is_named(ws: Workspace, add_member: AddMember, tmp_path: Path) -> None:
    add_member("Nguyễn Văn An")
    add_member("Trần Thị Bé")
    add_member("Trần Thị Bé", branch="Chi đoàn ấp 2")
    occ = _occurrence(ws)
    path = _sheet(tmp_path / "diem-danh.xlsx", [
        ("Họ và tên", "Có mặt"),
        ("Nguyễn Văn An", "x"),
        ("Phạm Văn Lạ", "x"),
        ("Nguyễn Văn An", "có lẽ"),
        ("Trần Thị Bé", "x"),
        ("Võ Văn Tám", "?"),
    ])  # fmt: skip
    with pytest.raises(BadRowsError) as caught:
        ws.attendance.marks_from_sheet(occ, path)
    rows = [
        "Dòng 3: “Phạm Văn Lạ” không có trong danh sách đoàn viên.",
        f"Dòng 4: không hiểu dấu “có lẽ” ({MARKS}).",
        "Dòng 5: “Trần Thị Bé” trùng tên với nhiều đoàn viên: hãy dùng số CCCD.",
        "Dòng 6: “Võ Văn Tám” không có trong danh sách đoàn viên.",
        f"Dòng 6: không hiểu dấu “?” ({MARKS}).",
    ]
    heading = (
        "Tệp “diem-danh.xlsx” có 4 dòng không đọc được nên chưa lưu gì (sửa các dòng này rồi "
        "nhập lại tệp):"
    )
    assert caught.value.message == "\n".join([heading, *(f"• {r}" for r in rows)])
    assert caught.value.full == "\n".join([heading, *(f"  {r}" for r in rows)])
    row = ws.activities.occurrence(occ).row
    assert (row.attendance_taken, row.status) == (False, "du-kien")


def test_a_message_box_lists_ten_and_counts_the_others(
    ws: Workspace, add_member: AddMember, tmp_path: Path
) -> None:
    add_member("Nguyễn Văn An")
    occ = _occurrence(ws)
    strangers = [(f"Người lạ {n}", "x") for n in range(1, 14)]  # rows 3 to 15
    path = _sheet(tmp_path / "dd.xlsx", [("Họ và tên", "Có mặt"), ("Nguyễn Văn An", "x"),
                                         *strangers])  # fmt: skip
    with pytest.raises(BadRowsError) as caught:
        ws.attendance.marks_from_sheet(occ, path)
    lines = caught.value.message.splitlines()
    assert lines[0].startswith("Tệp “dd.xlsx” có 13 dòng không đọc được")
    assert lines[1] == "• Dòng 3: “Người lạ 1” không có trong danh sách đoàn viên."
    assert lines[10] == "• Dòng 12: “Người lạ 10” không có trong danh sách đoàn viên."
    assert lines[11:] == ["… và 3 dòng khác."]
    assert len(caught.value.full.splitlines()) == 14  # the heading and the 13 rows


def test_a_member_named_twice_with_two_marks_is_a_bad_row_on_both(
    ws: Workspace, add_member: AddMember, tmp_path: Path
) -> None:
    """An marked present on row 2 and absent with leave on row 5 (the later mark was taken,
    silently): both rows are named, nothing saved. Bình named twice with the same mark ("x",
    "X") is taken once."""
    an = add_member("Nguyễn Văn An")
    binh = add_member("Trần Thị Bình")
    occ = _occurrence(ws)
    rows: list[tuple[object, ...]] = [
        ("Họ và tên", "Có mặt"),
        ("Nguyễn Văn An", "x"),
        ("Trần Thị Bình", "x"),
        ("Trần Thị Bình", "X"),
        ("Nguyễn Văn An", "p"),
    ]
    path = _sheet(tmp_path / "diem-danh.xlsx", rows)
    with pytest.raises(BadRowsError) as caught:
        ws.attendance.marks_from_sheet(occ, path)
    twice = (
        "“Nguyễn Văn An” có ở dòng 2 và dòng 5 với dấu khác nhau (“x” và “p”): chỉ để lại một dòng."
    )
    assert caught.value.full == "\n".join([
        "Tệp “diem-danh.xlsx” có 2 dòng không đọc được nên chưa lưu gì (sửa các dòng này rồi "
        "nhập lại tệp):",
        f"  Dòng 2: {twice}",
        f"  Dòng 5: {twice}",
    ])  # fmt: skip
    row = ws.activities.occurrence(occ).row
    assert (row.attendance_taken, row.status) == (False, "du-kien")
    rows[4] = ("Nguyễn Văn An", "X")  # the same mark twice: taken once
    _sheet(path, rows)
    marks = ws.attendance.marks_from_sheet(occ, path)
    assert (marks[an], marks[binh]) == (("present", None), ("present", None))
