"""Importing a roster in the union's member template (DSDV, made by :mod:`sheetfiles` with
made-up people): every column lands in its field, the member code identifies the member, the
columns the record has no field for are kept in the notes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from sheetfiles import MEMBER_TEMPLATE_PEOPLE, write_member_template

from doancoso.core.roster.service import MemberFilter
from doancoso.core.roster.spreadsheets import NEW, REJECTED, UNCHANGED, UPDATE, ImportPreview
from doancoso.core.roster.validation import MemberFields
from doancoso.core.workspace import Workspace

# The DSDV columns, by field (0-based; "STT" is column 0).
TEMPLATE_MAPPING = {
    "full_name": 1, "member_code": 2, "male": 3, "female": 4, "ethnicity": 5, "religion": 6,
    "hometown": 7, "address": 8, "national_id": 9, "national_id_date": 10,
    "national_id_place": 11, "education": 12, "qualification": 13, "political_theory": 14,
    "computer_skills": 15, "foreign_language": 16, "admission_date": 17,
    "admission_decision": 18, "card_number": 19, "party_date": 20, "occupation": 21,
    "member_group": 22, "training": 23, "rating": 24, "commendation": 25, "discipline": 26,
    "position": 27, "association": 28, "honorary": 29, "email": 30, "phone": 31, "branch": 32,
}  # fmt: skip
HISTORY_HAU = (
    "Vào Đoàn ngày 20/05/2013 khi chưa đủ 15 tuổi + 1 ngày (sinh 05/11/1998): ngoài độ tuổi kết "
    "nạp hiện nay (từ 16 đến 30 tuổi, áp dụng từ 28/06/2013). Vẫn giữ ngày này: kết nạp trước "
    "đó theo quy định thời đó."
)
DIEP = MemberFields(
    full_name="Lê Thị Ngọc Diệp", birth_date=date(2002, 2, 14), gender="female",
    position="Bí thư", hometown="Xã Tân Hưng, tỉnh Cà Mau",
    address_hamlet="Ấp Tân Long, xã Tân Hưng, tỉnh Cà Mau", ethnicity="Kinh", religion="Không",
    national_id="096302001234", phone="0912345678", occupation="Giáo viên", education="12/12",
    qualification="Đại học", political_theory="Sơ cấp", foreign_language="Tiếng Anh B1",
    admission_date=date(2017, 3, 26), card_number="TĐ-0456",
    notes="Đối tượng đoàn viên: Đoàn viên công chức, viên chức\n"
          "Rèn luyện đoàn viên: Xuất sắc\n"
          "Đánh giá, xếp loại đoàn viên: Hoàn thành xuất sắc nhiệm vụ\n"
          "Khen thưởng: Giấy khen của Đoàn xã năm 2025",
    member_code="8012345", email="ngocdiep.le@gmail.com", national_id_date=date(2021, 4, 20),
    national_id_place="Cục Cảnh sát quản lý hành chính về trật tự xã hội",
    computer_skills="Cơ bản", admission_decision="15-NQ/ĐTN",
    association="Hội Liên hiệp Thanh niên Việt Nam",
)  # fmt: skip


def _rows(preview: ImportPreview) -> list[tuple[int, str, list[str], list[str]]]:
    return [(r.row, r.action, r.changed, [p.message for p in r.problems]) for r in preview.rows]


def _fields(ws: Workspace) -> dict[str, MemberFields]:
    return {r.full_name: ws.members.get(r.id).fields for r in ws.members.list()}


def _with(name: str, **changes: str) -> list[dict[str, str]]:
    """The fixture's people, the one called ``name`` (in the file's spelling) changed."""
    return [
        {**person, **changes} if person["Họ và tên"] == name else person
        for person in MEMBER_TEMPLATE_PEOPLE
    ]


def test_every_column_of_the_template_goes_to_its_field(sws: Workspace, tmp_path: Path) -> None:
    preview = sws.spreadsheets.preview_import(write_member_template(tmp_path / "dsdv.xlsx"))
    assert (preview.sheet, preview.sheets, preview.header_row) == ("DSDV", ["DSDV", "DATA"], 6)
    assert preview.mapping == TEMPLATE_MAPPING
    assert preview.headers[3:5] == ["Ngày sinh / Nam", "Nữ"]
    assert preview.warnings == []
    assert _rows(preview) == [
        (7, NEW, [], []),
        (8, NEW, [], [HISTORY_HAU]),  # admitted at 14 under the rules of the time: kept
        (9, NEW, [], []),
        (10, NEW, [], []),
    ]
    assert preview.new_branches == ["Chi đoàn 1"]  # from "Đơn vị", not "Chức vụ trong chi đoàn"
    sws.spreadsheets.apply_import(preview)

    fields = _fields(sws)
    branch = sws.branches.find("Chi đoàn 1")
    assert branch is not None
    assert fields["Lê Thị Ngọc Diệp"] == replace(DIEP, branch_id=branch.id)
    hau = fields["Nguyễn Văn Hậu"]
    assert (hau.gender, hau.birth_date, hau.position, hau.admission_date) == (
        "male", date(1998, 11, 5), "Ủy viên BCH", date(2013, 5, 20))  # fmt: skip
    assert hau.notes == (
        "Đối tượng đoàn viên: Đoàn viên nông thôn\nRèn luyện đoàn viên: Khá\n"
        "Đánh giá, xếp loại đoàn viên: Hoàn thành tốt nhiệm vụ\nKỷ luật: Khiển trách năm 2023"
    )
    tu = fields["Trần Minh Tú"]
    assert (tu.national_id, tu.national_id_place, tu.party_date, tu.notes) == (
        "381234567", "Công an tỉnh Cà Mau", date(2024, 2, 3), "Đoàn viên danh dự: Không"
    )  # fmt: skip
    assert fields["Thạch Thị Sa Rươl"].position == "Phó Bí thư"
    assert {r.branch_name for r in sws.members.list()} == {"Chi đoàn 1"}
    # The member code is kept and found by the roster's search.
    found = sws.members.list(MemberFilter(search="8012347"))
    assert [(r.full_name, r.member_code) for r in found] == [("Thạch Thị Sa Rươl", "8012347")]


def test_the_member_code_identifies_the_member(sws: Workspace, tmp_path: Path) -> None:
    sws.spreadsheets.apply_import(
        sws.spreadsheets.preview_import(write_member_template(tmp_path / "dsdv.xlsx"))
    )
    # Hậu's CCCD left out and his name typed without tones, a new phone: the code finds him.
    people = _with("Nguyễn Văn Hậu", **{"Họ và tên": "Nguyen Van Hau", "Số CMND/CCCD": "",
                                        "Điện thoại liên hệ": "0911222333"})  # fmt: skip
    preview = sws.spreadsheets.preview_import(write_member_template(tmp_path / "b.xlsx", people))
    assert _rows(preview) == [
        (7, UNCHANGED, [], []),
        (8, UPDATE, ["phone"], []),
        (9, UNCHANGED, [], []),
        (10, UNCHANGED, [], []),
    ]


def test_a_member_code_of_someone_else_is_refused(sws: Workspace, tmp_path: Path) -> None:
    sws.spreadsheets.apply_import(
        sws.spreadsheets.preview_import(write_member_template(tmp_path / "dsdv.xlsx"))
    )
    stranger = {"Họ và tên": "Phan Văn Lạ", "Mã định danh đoàn viên": "8012345",
                "Nam": "01/01/2001", "Đơn vị": "Chi đoàn 1"}  # fmt: skip
    twice = {"Họ và tên": "Phan Văn Mới", "Mã định danh đoàn viên": "8019999",
             "Nam": "02/02/2002"}  # fmt: skip
    again = {**twice, "Họ và tên": "Phan Văn Trùng", "Nam": "03/03/2003"}
    bad = {"Họ và tên": "Phan Văn Sai", "Mã định danh đoàn viên": "80123", "Nam": "04/04/2004"}
    # Tú, found by his CCCD, given Hậu's code: the code is Hậu's.
    tu = {**MEMBER_TEMPLATE_PEOPLE[3], "Mã định danh đoàn viên": "8012346"}
    path = write_member_template(tmp_path / "b.xlsx", [stranger, twice, again, bad, tu])
    preview = sws.spreadsheets.preview_import(path)
    taken = (
        "Mã định danh đoàn viên 8012345 đã dùng cho đoàn viên Lê Thị Ngọc Diệp (sinh 14/02/2002)."
    )
    assert _rows(preview) == [
        (7, REJECTED, [], [taken]),
        (8, NEW, [], []),
        (9, REJECTED, [], ["Mã định danh đoàn viên 8019999 trùng với Phan Văn Mới (dòng 8)."]),
        (10, NEW, [], ["Mã định danh đoàn viên “80123” không hợp lệ: phải gồm đúng 7 chữ số."]),
        (11, REJECTED, [], [
            "Mã định danh đoàn viên 8012346 đã dùng cho đoàn viên Nguyễn Văn Hậu (sinh 05/11/1998)."
        ]),
    ]  # fmt: skip
    assert "member_code" not in preview.rows[3].values


def test_columns_kept_in_the_notes_leave_the_other_notes_alone(
    sws: Workspace, tmp_path: Path
) -> None:
    sws.members.save({"full_name": "Nguyễn Văn Hậu", "birth_date": "05/11/1998",
                      "member_code": "8012346",
                      "notes": "Hộ nghèo\nKhen thưởng: Giấy khen năm 2020\nĐi làm xa"})  # fmt: skip
    people = [_with("Nguyễn Văn Hậu", **{"Khen thưởng": "Giấy khen năm 2024"})[1]]
    preview = sws.spreadsheets.preview_import(write_member_template(tmp_path / "b.xlsx", people))
    assert preview.rows[0].action == UPDATE
    sws.spreadsheets.apply_import(preview)
    assert _fields(sws)["Nguyễn Văn Hậu"].notes == (
        "Hộ nghèo\nKhen thưởng: Giấy khen năm 2024\nĐi làm xa\n"
        "Đối tượng đoàn viên: Đoàn viên nông thôn\nRèn luyện đoàn viên: Khá\n"
        "Đánh giá, xếp loại đoàn viên: Hoàn thành tốt nhiệm vụ\nKỷ luật: Khiển trách năm 2023"
    )
    again = sws.spreadsheets.preview_import(write_member_template(tmp_path / "c.xlsx", people))
    assert _rows(again) == [(7, UNCHANGED, [], [])]
