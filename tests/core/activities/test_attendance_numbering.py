"""An attendance sheet's STT column is never taken for its marks: its "1" reads as "present",
and used to win over the real marks when they were as few (one row) or all unknown."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from doancoso.core.errors import ImportFileError
from doancoso.core.workspace import Workspace


def _sheet(path: Path, rows: list[tuple[object, ...]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Họ và tên", "Điểm danh"])
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


@pytest.fixture
def occurrence(ws: Workspace) -> str:
    for name in ("Nguyễn Văn An", "Trần Thị Bình"):
        ws.members.save({"full_name": name, "birth_date": "05/03/2001"})
    activity_id, _ = ws.activities.save({"title": "Sinh hoạt", "start_date": "15/03/2025"})
    (occurrence_id,) = ws.activities.occurrence_ids_of(activity_id)
    return occurrence_id


def test_one_member_with_leave(ws: Workspace, occurrence: str, tmp_path: Path) -> None:
    path = _sheet(tmp_path / "a.xlsx", [(1, "Nguyễn Văn An", "p")])
    marks = ws.attendance.marks_from_sheet(occurrence, path)
    by_name = {r.full_name: r.member_id for r in ws.attendance.sheet(occurrence)}
    assert marks == {
        by_name["Nguyễn Văn An"]: ("excused", None),
        by_name["Trần Thị Bình"]: ("absent", None),
    }


def test_marks_the_app_does_not_know(ws: Workspace, occurrence: str, tmp_path: Path) -> None:
    path = _sheet(tmp_path / "b.xlsx", [(1, "Nguyễn Văn An", "+"), (2, "Trần Thị Bình", "+")])
    with pytest.raises(ImportFileError) as info:
        ws.attendance.marks_from_sheet(occurrence, path)
    assert info.value.message == (
        "Không tìm thấy trong “b.xlsx” một cột họ tên (hoặc CCCD) và một cột đánh dấu “x” cho "
        "người có mặt."
    )


def test_the_stt_column_is_never_taken_for_member_codes(
    ws: Workspace, occurrence: str, tmp_path: Path
) -> None:
    """Member codes 0000001 and 0000002 read like the STT's 1 and 2 once their zeros are put
    back: the names still say who is who."""
    by_name = {r.full_name: r.member_id for r in ws.attendance.sheet(occurrence)}
    for code, name in (("0000002", "Nguyễn Văn An"), ("0000001", "Trần Thị Bình")):
        fields = ws.members.get(by_name[name]).fields
        ws.members.save({"full_name": fields.full_name, "birth_date": "05/03/2001",
                         "member_code": code}, by_name[name])  # fmt: skip
    path = _sheet(tmp_path / "c.xlsx", [(1, "Nguyễn Văn An", "x"), (2, "Trần Thị Bình", "")])
    assert ws.attendance.marks_from_sheet(occurrence, path) == {
        by_name["Nguyễn Văn An"]: ("present", None),
        by_name["Trần Thị Bình"]: ("absent", None),
    }


def test_v_marks_an_absence(ws: Workspace, occurrence: str, tmp_path: Path) -> None:
    """A roll call sheet marks "x" for present, "p" for leave and "v" for vắng, as the app's
    own attendance keys do (V: vắng): "v" was read as present."""
    path = _sheet(tmp_path / "d.xlsx", [(1, "Nguyễn Văn An", "x"), (2, "Trần Thị Bình", "V")])
    by_name = {r.full_name: r.member_id for r in ws.attendance.sheet(occurrence)}
    assert ws.attendance.marks_from_sheet(occurrence, path) == {
        by_name["Nguyễn Văn An"]: ("present", None),
        by_name["Trần Thị Bình"]: ("absent", None),
    }
