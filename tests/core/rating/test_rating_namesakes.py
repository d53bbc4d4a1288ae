"""Members of one name in the round (the demo has two "Nguyễn Thùy Anh"): the warning before
closing and the sheet import's confirmation tell them apart as the minutes do, by their chi
đoàn, and by their birth year when two of one name are in one chi đoàn."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from doancoso.core.workspace import Workspace

YEAR = 2025
AP_1, AP_2 = "Chi đoàn ấp 1", "Chi đoàn ấp 2"
CAPPED = "“Hoàn thành nhiệm vụ”, nhưng chưa đóng đủ đoàn phí — Không hoàn thành nhiệm vụ"


@pytest.fixture
def people(ws: Workspace) -> dict[str, str]:
    """Three "Nguyễn Thùy Anh" (one written with the old tone placement "Thuỷ"), two of them
    in ấp 1, and a member of a name of her own."""
    one = ws.branches.create(AP_1).id
    two = ws.branches.create(AP_2).id

    def member(name: str, branch: str, birth: str) -> str:
        return ws.members.save({"full_name": name, "birth_date": birth, "branch_id": branch,
                                "admission_date": "01/01/2020"})  # fmt: skip

    return {
        "ấp 1, 2001": member("Nguyễn Thùy Anh", one, "05/03/2001"),
        "ấp 1, 2003": member("Nguyễn Thuỳ Anh", one, "12/08/2003"),
        "ấp 2": member("Nguyễn Thùy Anh", two, "05/03/2002"),
        "Bình": member("Trần Thị Bình", two, "20/11/2001"),
    }


def test_the_warning_before_closing_tells_namesakes_apart(
    ws: Workspace, people: dict[str, str]
) -> None:
    for member in people.values():
        ws.rating.set(YEAR, member, {"dues_unpaid": True})
    ws.rating.set_levels(YEAR, "decided_level", dict.fromkeys(people.values(), 3))
    assert ws.rating.close_warnings(YEAR) == [
        "Có 4 đoàn viên được quyết định mức cao hơn mức quy tắc cho phép:\n"
        f"  – Nguyễn Thùy Anh (Chi đoàn ấp 1, sinh năm 2001): {CAPPED};\n"
        f"  – Nguyễn Thùy Anh (Chi đoàn ấp 2): {CAPPED};\n"
        f"  – Nguyễn Thuỳ Anh (Chi đoàn ấp 1, sinh năm 2003): {CAPPED};\n"
        f"  – Trần Thị Bình: {CAPPED}."
    ]


def test_two_of_one_name_and_year_in_one_chi_doan_are_told_by_the_birth_date(
    ws: Workspace, people: dict[str, str]
) -> None:
    branch = ws.branches.find(AP_2)
    assert branch is not None
    twin = ws.members.save({"full_name": "Nguyễn Thùy Anh", "birth_date": "30/10/2002",
                            "branch_id": branch.id, "admission_date": "01/01/2020"})  # fmt: skip
    for member in (people["ấp 2"], twin):
        ws.rating.set(YEAR, member, {"dues_unpaid": True})
    ws.rating.set_levels(YEAR, "decided_level", {people["ấp 2"]: 3, twin: 3})
    assert ws.rating.close_warnings(YEAR)[-1] == (
        "Có 2 đoàn viên được quyết định mức cao hơn mức quy tắc cho phép:\n"
        f"  – Nguyễn Thùy Anh (Chi đoàn ấp 2, sinh ngày 05/03/2002): {CAPPED};\n"
        f"  – Nguyễn Thùy Anh (Chi đoàn ấp 2, sinh ngày 30/10/2002): {CAPPED}."
    )


def test_the_sheet_import_names_namesakes_with_their_chi_doan(
    ws: Workspace, people: dict[str, str], tmp_path: Path
) -> None:
    """A chi đoàn's own list (name and birth date, no id): each change and each member given
    twice names the member as the warning does; a member of a name of her own, by name."""
    path = tmp_path / "tu-danh-gia.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([f"DANH SÁCH TỰ ĐÁNH GIÁ NĂM {YEAR}"])
    sheet.append(["STT", "Họ và tên", "Ngày sinh", "Tự đánh giá"])
    sheet.append([1, "Nguyễn Thùy Anh", "12/08/2003", "HTT nhiệm vụ"])
    sheet.append([2, "Trần Thị Bình", "20/11/2001", "HTXS nhiệm vụ"])
    sheet.append([3, "Nguyễn Thuỳ Anh", "12/08/2003", "HTT nhiệm vụ"])
    book.save(path)
    preview = ws.rating_sheets.preview(path, YEAR)
    assert [(c.member_id, c.who) for c in preview.changes] == [
        (people["ấp 1, 2003"], "Nguyễn Thuỳ Anh (Chi đoàn ấp 1, sinh năm 2003)"),
        (people["Bình"], "Trần Thị Bình"),
    ]
    assert [(r.row, r.who, r.reason) for r in preview.refused] == [
        (5, "Nguyễn Thuỳ Anh (Chi đoàn ấp 1, sinh năm 2003)", "Đoàn viên này đã có ở dòng 3."),
    ]
