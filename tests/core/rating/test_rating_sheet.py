"""The round's Excel sheet: exported with levels by name, filled in by a chi đoàn (openpyxl, as
Excel would save it), read back with a preview that changes exactly the rows filled in, and
refusals that change nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from doancoso.core.errors import AppError, ConflictError, ImportFileError
from doancoso.core.rating.service import RatingRow
from doancoso.core.rating.sheet import HEADERS, FieldChange, RefusedRow
from doancoso.core.workspace import Workspace

YEAR = 2025
NOT_RATED = "Không xếp loại — Sinh hoạt tạm: đơn vị gốc xếp loại, ở đây chỉ nhận xét."


@pytest.fixture
def people(ws: Workspace) -> dict[str, str]:
    one = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    two = ws.branches.create("Chi đoàn ấp Kênh Xáng").id

    def member(name: str, branch: str, birth: str = "05/03/2000") -> str:
        return ws.members.save({"full_name": name, "birth_date": birth, "branch_id": branch,
                                "admission_date": "01/01/2020"})  # fmt: skip

    ids = {
        "An": member("Nguyễn Văn An", one),
        "Bình": member("Trần Thị Bình", one, "20/11/2001"),
        "Cường": member("Lê Văn Cường", one),
        "Dũng": member("Phạm Văn Dũng", two),
    }
    ws.events.record(ids["Cường"], "temporary", "01/02/2025", home_organization="Đoàn phường 5",
                     period_start="01/02/2025")  # fmt: skip
    ws.rating.set(YEAR, ids["An"], {"participation": "95%", "training_result": "Xuất sắc",
                                    "self_level": 1, "self_text": "Tích cực"})  # fmt: skip
    ws.rating.set(YEAR, ids["Bình"], {"participation": "72,5"})
    ws.rating.set(YEAR, ids["Dũng"], {"proposed_level": 3})
    return ids


def _branch(ws: Workspace, name: str) -> str:
    found = ws.branches.find(name)
    assert found is not None
    return found.id


def _rows(ws: Workspace) -> dict[str, RatingRow]:
    return {r.full_name: r for r in ws.rating.rows(YEAR, as_of=dt.date(YEAR, 12, 31))}


def _fill(source: Path, target: Path, cells: dict[tuple[int, str], object]) -> None:
    """Write ``cells`` ((sheet row, header) -> value) into the export, as a chi đoàn would."""
    book = openpyxl.load_workbook(source)
    sheet = book.active
    assert sheet is not None
    columns = {cell.value: cell.column for cell in sheet[3]}
    for (row, header), value in cells.items():
        sheet.cell(row, columns[header]).value = value
    book.save(target)


def test_export_of_one_chi_doan(ws: Workspace, people: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "xep-loai.xlsx"
    assert ws.rating_sheets.export(path, YEAR, _branch(ws, "Chi đoàn ấp Tân Hưng")) == 3
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐOÀN VIÊN NĂM 2025 – Chi đoàn ấp Tân Hưng"
    assert values[1][0] == "Đoàn xã Tân Hưng"
    assert tuple(values[2]) == HEADERS
    assert HEADERS[-1] == "Mã (không sửa)"
    assert values[3:] == [
        [1, "Nguyễn Văn An", dt.datetime(2000, 3, 5), "Chi đoàn ấp Tân Hưng", "95,0%", None,
         None, "Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành xuất sắc nhiệm vụ", None, None, None,
         None, None, people["An"]],
        [2, "Trần Thị Bình", dt.datetime(2001, 11, 20), "Chi đoàn ấp Tân Hưng", "72,5%", None,
         None, "Hoàn thành tốt nhiệm vụ", None, None, None, None, None, None, people["Bình"]],
        [3, "Lê Văn Cường", dt.datetime(2000, 3, 5), "Chi đoàn ấp Tân Hưng", None, None, None,
         NOT_RATED, None, None, None, None, None, None, people["Cường"]],
    ]  # fmt: skip
    assert sheet.title == "Xếp loại 2025"


def test_export_of_all_groups_by_chi_doan(ws: Workspace, people: dict[str, str],
                                          tmp_path: Path) -> None:  # fmt: skip
    path = tmp_path / "tat-ca.xlsx"
    assert ws.rating_sheets.export(path, YEAR) == 4
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    rows = [(r[1], r[3], r[9]) for r in sheet.iter_rows(min_row=4, values_only=True)]
    assert rows == [
        ("Phạm Văn Dũng", "Chi đoàn ấp Kênh Xáng", "Hoàn thành nhiệm vụ"),
        ("Nguyễn Văn An", "Chi đoàn ấp Tân Hưng", None),
        ("Trần Thị Bình", "Chi đoàn ấp Tân Hưng", None),
        ("Lê Văn Cường", "Chi đoàn ấp Tân Hưng", None),
    ]
    assert sheet["A1"].value == "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐOÀN VIÊN NĂM 2025"


def test_round_trip_changes_exactly_the_rows_filled_in(
    ws: Workspace, people: dict[str, str], tmp_path: Path
) -> None:
    exported = tmp_path / "xep-loai.xlsx"
    ws.rating_sheets.export(exported, YEAR, _branch(ws, "Chi đoàn ấp Tân Hưng"))
    same = ws.rating_sheets.preview(exported, YEAR)
    assert (same.changes, same.refused, same.unchanged) == ([], [], 3)
    filled = tmp_path / "da-dien.xlsx"
    _fill(exported, filled, {
        (4, "Chi đoàn đề nghị"): "hoàn thành xuất sắc nhiệm vụ",  # any case, tones kept
        (4, "Nhận xét của chi đoàn"): "Gương mẫu,\nnhiệt tình.",
        (4, "Tự đánh giá"): None,  # an empty cell never clears what is stored
        (4, "BCH quyết định"): "Hoàn thành xuất sắc nhiệm vụ",  # the BCH's column: not read
        (5, "Chi đoàn đề nghị"): 2,  # a number typed as a number
        (5, "Tự đánh giá"): "Mức 2",
        (6, "Nhận xét của chi đoàn"): "Sinh hoạt tạm, tham gia đầy đủ.",  # remarks only
        (6, "Nhận xét"): "Không đọc",
    })  # fmt: skip
    preview = ws.rating_sheets.preview(filled, YEAR)
    assert preview.refused == [] and preview.unchanged == 0
    assert [(c.row, c.full_name, c.changes) for c in preview.changes] == [
        (4, "Nguyễn Văn An", (FieldChange("proposed_level", None, 1),
                              FieldChange("proposed_remark", None, "Gương mẫu,\nnhiệt tình."))),
        (5, "Trần Thị Bình", (FieldChange("self_level", None, 2),
                              FieldChange("proposed_level", None, 2))),
        (6, "Lê Văn Cường", (FieldChange("proposed_remark", None,
                                         "Sinh hoạt tạm, tham gia đầy đủ."),)),
    ]  # fmt: skip
    assert preview.changes[0].changes[0].text() == (
        "Chi đoàn đề nghị: (trống) → Hoàn thành xuất sắc nhiệm vụ"
    )
    before = _rows(ws)
    assert ws.rating_sheets.apply(preview) == 3
    after = _rows(ws)
    assert {n: (r.self_level, r.proposed_level, r.proposed_remark, r.decided_level, r.remark)
            for n, r in after.items()} == {
        "Nguyễn Văn An": (1, 1, "Gương mẫu,\nnhiệt tình.", None, None),
        "Trần Thị Bình": (2, 2, None, None, None),
        "Lê Văn Cường": (None, None, "Sinh hoạt tạm, tham gia đầy đủ.", None, None),
        "Phạm Văn Dũng": (None, 3, None, None, None),
    }  # fmt: skip
    assert after["Phạm Văn Dũng"] == before["Phạm Văn Dũng"]  # another chi đoàn: untouched
    again = ws.rating_sheets.preview(filled, YEAR)
    assert (again.changes, again.refused, again.unchanged) == ([], [], 3)


def test_refused_rows_with_their_reasons(
    ws: Workspace, people: dict[str, str], tmp_path: Path
) -> None:
    exported = tmp_path / "xep-loai.xlsx"
    ws.rating_sheets.export(exported, YEAR)
    filled = tmp_path / "da-dien.xlsx"
    _fill(exported, filled, {
        (4, "Chi đoàn đề nghị"): "Khá",  # Dũng: no level
        (5, "Chi đoàn đề nghị"): 2,  # An: fine
        (6, "Mã (không sửa)"): "00000000-0000-0000-0000-000000000000",  # Bình: unknown id
        (6, "Chi đoàn đề nghị"): 2,
        (7, "Chi đoàn đề nghị"): 3,  # Cường is not rated
        (8, "Họ và tên"): "Nguyễn Văn An",  # An again, below
        (8, "Ngày sinh"): dt.datetime(2000, 3, 5),
        (8, "Chi đoàn đề nghị"): 4,
        (9, "Họ và tên"): "Trần Thị Bình",  # typed in by hand, no id: name and birth date
        (9, "Ngày sinh"): "20/11/2001",
        (9, "Chi đoàn đề nghị"): 3.0,
        (10, "Họ và tên"): "Võ Văn Lạ",
        (10, "Chi đoàn đề nghị"): 2,
    })  # fmt: skip
    preview = ws.rating_sheets.preview(filled, YEAR)
    assert preview.refused == [
        RefusedRow(4, "Phạm Văn Dũng", "“Khá” ở cột “Chi đoàn đề nghị” không phải mức xếp loại "
                   "(cần 1–4 hoặc tên mức: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm "
                   "vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ)."),
        RefusedRow(6, "Trần Thị Bình", "Không có đoàn viên này trong đợt xếp loại năm 2025 (mã "
                   "“00000000-0000-0000-0000-000000000000” không khớp)."),
        RefusedRow(7, "Lê Văn Cường", "Đoàn viên không xếp loại năm 2025 (Sinh hoạt tạm: đơn vị "
                   "gốc xếp loại, ở đây chỉ nhận xét): cột “Chi đoàn đề nghị” phải để trống, chỉ "
                   "ghi nhận xét."),
        RefusedRow(8, "Nguyễn Văn An", "Đoàn viên này đã có ở dòng 5."),
        RefusedRow(10, "Võ Văn Lạ", "Không có đoàn viên này trong đợt xếp loại năm 2025."),
    ]  # fmt: skip
    assert [(c.row, c.full_name, c.changes) for c in preview.changes] == [
        (5, "Nguyễn Văn An", (FieldChange("proposed_level", None, 2),)),
        (9, "Trần Thị Bình", (FieldChange("proposed_level", None, 3),)),
    ]
    assert ws.rating_sheets.apply(preview) == 2
    assert {n: r.proposed_level for n, r in _rows(ws).items()} == {
        "Nguyễn Văn An": 2, "Trần Thị Bình": 3, "Lê Văn Cường": None, "Phạm Văn Dũng": 3,
    }  # fmt: skip


def _stored(ws: Workspace) -> list[tuple[object, ...]]:
    return [(r.member_id, r.self_level, r.proposed_level, r.proposed_remark, r.decided_level)
            for r in ws.rating.rows(YEAR)]  # fmt: skip


def test_a_closed_round_refuses_the_import(
    ws: Workspace, people: dict[str, str], tmp_path: Path
) -> None:
    exported = tmp_path / "xep-loai.xlsx"
    ws.rating_sheets.export(exported, YEAR)
    filled = tmp_path / "da-dien.xlsx"
    _fill(exported, filled, {(5, "Chi đoàn đề nghị"): 2})
    preview = ws.rating_sheets.preview(filled, YEAR)
    ws.rating.close(YEAR)
    stored = _stored(ws)
    message = "Đợt xếp loại năm 2025 đã kết thúc: mở lại đợt (“Mở lại”) trước khi nhập."
    with pytest.raises(ConflictError) as caught:
        ws.rating_sheets.apply(preview)
    assert caught.value.message == message
    with pytest.raises(ConflictError) as caught:
        ws.rating_sheets.preview(filled, YEAR)
    assert caught.value.message == message
    assert _stored(ws) == stored
    assert not (ws.data_dir / "backups").exists() or not any(
        "truoc-nhap" in p.name for p in (ws.data_dir / "backups").iterdir()
    )


def test_a_value_changed_since_the_preview_writes_nothing(
    ws: Workspace, people: dict[str, str], tmp_path: Path
) -> None:
    exported = tmp_path / "xep-loai.xlsx"
    ws.rating_sheets.export(exported, YEAR)
    filled = tmp_path / "da-dien.xlsx"
    _fill(exported, filled, {(5, "Chi đoàn đề nghị"): 2, (6, "Chi đoàn đề nghị"): 2})
    preview = ws.rating_sheets.preview(filled, YEAR)
    ws.rating.set(YEAR, people["Bình"], {"proposed_level": 4})  # in the app meanwhile
    stored = _stored(ws)
    with pytest.raises(ConflictError, match="đã thay đổi sau khi xem trước"):
        ws.rating_sheets.apply(preview)
    assert _stored(ws) == stored


def test_malformed_and_hostile_files_change_nothing(
    ws: Workspace, people: dict[str, str], tmp_path: Path
) -> None:
    stored = _stored(ws)
    roster = tmp_path / "doan-vien.xlsx"
    ws.spreadsheets.export_members(roster)
    with pytest.raises(ImportFileError) as caught:
        ws.rating_sheets.preview(roster, YEAR)
    assert caught.value.message == (
        "Tệp doan-vien.xlsx không phải bảng xếp loại đoàn viên: không thấy dòng tiêu đề có "
        "“Họ và tên” và “Ngày sinh” (hoặc “Mã (không sửa)”) cùng ít nhất một cột để nhập: "
        "“Nghỉ ốm (tháng)”, “Chưa đóng đủ đoàn phí”, “Tự đánh giá”, “Chi đoàn đề nghị” hoặc "
        "“Nhận xét của chi đoàn” (hãy xuất bảng xếp loại từ ứng dụng, điền rồi nhập lại)."
    )
    last_year = tmp_path / "nam-truoc.xlsx"
    ws.rating_sheets.export(last_year, YEAR - 1)
    with pytest.raises(ImportFileError) as caught:
        ws.rating_sheets.preview(last_year, YEAR)
    assert caught.value.message == (
        "Tệp nam-truoc.xlsx là bảng xếp loại năm 2024, không phải năm 2025."
    )
    fake = tmp_path / "gia.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportFileError, match="gia.xlsx"):
        ws.rating_sheets.preview(fake, YEAR)
    missing = tmp_path / "khong-co.xlsx"
    with pytest.raises(ImportFileError) as caught:
        ws.rating_sheets.preview(missing, YEAR)
    assert caught.value.message == "Không tìm thấy tệp khong-co.xlsx."
    exported = tmp_path / "xep-loai.xlsx"
    ws.rating_sheets.export(exported, YEAR)
    hostile = tmp_path / "doc.xlsx"
    _fill(exported, hostile, {
        (5, "Chi đoàn đề nghị"): "=1+1",  # a formula never calculated: empty
        (5, "Tự đánh giá"): True,
        (6, "Chi đoàn đề nghị"): 2.5,
        (6, "Tự đánh giá"): dt.datetime(2025, 1, 2),
        (7, "Mã (không sửa)"): "' OR 1=1 --",
        (7, "Nhận xét của chi đoàn"): "x" * 5000,
    })  # fmt: skip
    preview = ws.rating_sheets.preview(hostile, YEAR)
    assert preview.changes == []
    assert [(r.row, r.reason.split(" không phải")[0]) for r in preview.refused] == [
        (5, "“TRUE” ở cột “Tự đánh giá”"),  # the formula, never calculated, reads as empty
        (6, "“02/01/2025” ở cột “Tự đánh giá”"),
        (7, "Không có đoàn viên này trong đợt xếp loại năm 2025 (mã “' OR 1=1 --” không khớp)."),
    ]
    assert "“2,5” ở cột “Chi đoàn đề nghị” không phải mức xếp loại" in preview.refused[1].reason
    assert ws.rating_sheets.apply(preview) == 0
    assert _stored(ws) == stored
    with pytest.raises(AppError) as refused:
        ws.rating_sheets.export(tmp_path / "xep-loai.csv", YEAR)
    assert refused.value.message == (
        "Không xuất được ra “xep-loai.csv”: bảng xếp loại xuất ra tệp .xlsx."
    )
    assert not (tmp_path / "xep-loai.csv").exists()


def test_a_member_not_rated_is_exported_without_levels(
    ws: Workspace, people: dict[str, str], tmp_path: Path
) -> None:
    """Levels saved for a member the round does not rate (here: entered before she became a
    full Party member) are not the round's: the sheet leaves her level columns empty, as the
    grid does, so that the chi đoàn's sheet read back is not refused for them."""
    ws.rating.set(YEAR, people["Bình"], {"self_level": 2, "proposed_level": 2, "decided_level": 2})
    ws.members.save({"full_name": "Trần Thị Bình", "birth_date": "20/11/2001",
                     "branch_id": _branch(ws, "Chi đoàn ấp Tân Hưng"),
                     "admission_date": "01/01/2020", "party_date": "10/12/2024"},
                    people["Bình"])  # fmt: skip
    exported = tmp_path / "xep-loai.xlsx"
    ws.rating_sheets.export(exported, YEAR, _branch(ws, "Chi đoàn ấp Tân Hưng"))
    sheet = openpyxl.load_workbook(exported).active
    assert sheet is not None
    (line,) = [r for r in sheet.iter_rows(min_row=4, values_only=True) if r[1] == "Trần Thị Bình"]
    assert line[7:13] == (
        "Không xếp loại — Đảng viên chính thức: đánh giá, không xếp loại.",
        None, None, None, None, None,
    )  # fmt: skip
    filled = tmp_path / "da-dien.xlsx"
    _fill(exported, filled, {(5, "Nhận xét của chi đoàn"): "Gương mẫu."})
    preview = ws.rating_sheets.preview(filled, YEAR)
    assert preview.refused == []
    assert [(c.full_name, c.changes) for c in preview.changes] == [
        ("Trần Thị Bình", (FieldChange("proposed_remark", None, "Gương mẫu."),)),
    ]


def test_a_member_known_by_the_birth_year_alone_is_exported_with_that_year(
    ws: Workspace, people: dict[str, str], tmp_path: Path
) -> None:
    """A member of an old list that gave only "Năm sinh" has "2001" in the sheet's "Ngày
    sinh", as in the roster's export, not an invented 01/01/2001; the sheet reads back
    unchanged, and a row typed in by hand with that year finds the member."""
    one = _branch(ws, "Chi đoàn ấp Tân Hưng")
    ws.members.save({"full_name": "Lý Văn Năm", "birth_date": "2001", "branch_id": one,
                     "admission_date": "01/01/2020"})  # fmt: skip
    path = tmp_path / "xep-loai.xlsx"
    assert ws.rating_sheets.export(path, YEAR, one) == 4
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    births = {r[1]: r[2] for r in sheet.iter_rows(min_row=4, values_only=True)}
    assert births["Lý Văn Năm"] == "2001"
    assert births["Nguyễn Văn An"] == dt.datetime(2000, 3, 5)
    same = ws.rating_sheets.preview(path, YEAR)
    assert (same.changes, same.refused, same.unchanged) == ([], [], 4)
    row = next(r[0].row for r in sheet.iter_rows(min_row=4) if r[1].value == "Lý Văn Năm")
    filled = tmp_path / "da-dien.xlsx"
    for typed in ("2001", 2001):  # as exported, or typed into Excel as a number
        _fill(path, filled, {(row, "Mã (không sửa)"): None, (row, "Ngày sinh"): typed,
                             (row, "Chi đoàn đề nghị"): 2})  # fmt: skip
        preview = ws.rating_sheets.preview(filled, YEAR)
        assert preview.refused == [], typed
        assert [(c.full_name, c.changes) for c in preview.changes] == [
            ("Lý Văn Năm", (FieldChange("proposed_level", None, 2),))
        ]
    assert ws.rating_sheets.apply(preview) == 1
    assert _rows(ws)["Lý Văn Năm"].proposed_level == 2


def test_levels_written_as_the_app_itself_shortens_them(
    ws: Workspace, people: dict[str, str], tmp_path: Path
) -> None:
    """A chi đoàn writes a level as the rating page shows it ("2. Tốt", "Tốt") or as the printed
    summary abbreviates it ("HTXSNV"): the import reads it as that level (it refused them as "no
    level"). A number and a name that disagree ("1. Tốt"), or a word that is no level, are
    still refused."""
    exported = tmp_path / "xep-loai.xlsx"
    ws.rating_sheets.export(exported, YEAR)
    filled = tmp_path / "da-dien.xlsx"
    _fill(exported, filled, {
        (4, "Chi đoàn đề nghị"): "KHTNV",  # Dũng
        (5, "Tự đánh giá"): "Xuất sắc",  # An
        (5, "Chi đoàn đề nghị"): "htxsnv",
        (6, "Tự đánh giá"): "2. Tốt",  # Bình
        (6, "Chi đoàn đề nghị"): "hoàn thành",
    })  # fmt: skip
    preview = ws.rating_sheets.preview(filled, YEAR)
    assert preview.refused == []
    assert [(c.row, c.full_name, c.changes) for c in preview.changes] == [
        (4, "Phạm Văn Dũng", (FieldChange("proposed_level", 3, 4),)),
        (5, "Nguyễn Văn An", (FieldChange("proposed_level", None, 1),)),  # self: already 1
        (6, "Trần Thị Bình", (FieldChange("self_level", None, 2),
                              FieldChange("proposed_level", None, 3))),
    ]  # fmt: skip
    _fill(exported, filled, {(6, "Tự đánh giá"): "1. Tốt", (5, "Chi đoàn đề nghị"): "Khá tốt"})
    refused = ws.rating_sheets.preview(filled, YEAR).refused
    assert [(r.row, r.reason.split(" ở cột")[0]) for r in refused] == [
        (5, "“Khá tốt”"), (6, "“1. Tốt”"),
    ]  # fmt: skip


def test_a_member_transferred_in_for_less_is_exported_with_the_note_and_read_back(
    ws: Workspace, people: dict[str, str], tmp_path: Path
) -> None:
    """DOMAIN.md §3: a member transferred in during the year for fewer months than the rules
    ask for is rated here on the previous organisation's remarks. The sheet's "Ghi chú" says so,
    with those remarks (the transfer's note), as the page, the summary and the phiếu do; the
    chi đoàn's sheet, filled in, reads back with that column left unread."""
    arrived = ws.members.save({"full_name": "Phan Văn Chuyển Đến", "birth_date": "01/01/2000",
                               "branch_id": _branch(ws, "Chi đoàn ấp Kênh Xáng")})  # fmt: skip
    ws.events.record(arrived, "transfer_in", "01/10/2025", note="Tích cực, gương mẫu.",
                     other_organization="Đoàn xã Tân Phú")  # fmt: skip
    exported = tmp_path / "kenh-xang.xlsx"
    ws.rating_sheets.export(exported, YEAR, _branch(ws, "Chi đoàn ấp Kênh Xáng"))
    sheet = openpyxl.load_workbook(exported).active
    assert sheet is not None
    assert [c.value for c in sheet[3]][-2:] == ["Ghi chú", "Mã (không sửa)"]
    notes = {r[1]: r[-2] for r in sheet.iter_rows(min_row=4, values_only=True)}
    assert notes == {
        "Phan Văn Chuyển Đến": "Chuyển đến ngày 01/10/2025 (từ Đoàn xã Tân Phú): xếp loại căn "
        "cứ nhận xét của đơn vị cũ.\nNhận xét của đơn vị cũ (ghi khi chuyển đến): Tích cực, "
        "gương mẫu.",
        "Phạm Văn Dũng": None,
    }
    assert sheet.cell(5, len(HEADERS) - 1).alignment.wrap_text  # row 5: the two lines shown

    filled = tmp_path / "da-dien.xlsx"
    _fill(exported, filled, {(5, "Chi đoàn đề nghị"): "Hoàn thành tốt nhiệm vụ",
                             (5, "Ghi chú"): "Đã xem nhận xét."})  # fmt: skip
    preview = ws.rating_sheets.preview(filled, YEAR)
    assert (preview.refused, preview.unchanged) == ([], 1)
    assert [(c.full_name, c.changes) for c in preview.changes] == [
        ("Phan Văn Chuyển Đến", (FieldChange("proposed_level", None, 2),)),
    ]
    assert ws.rating_sheets.apply(preview) == 1
    assert _rows(ws)["Phan Văn Chuyển Đến"].proposed_level == 2


def test_levels_written_in_the_secretaries_short_forms(
    ws: Workspace, people: dict[str, str], tmp_path: Path
) -> None:
    """The short forms "HTXS", "HTT", "HT", "KHT" (any case, tones or none) are the four levels:
    the row is taken whole, its remark with it (it was refused, the remark lost). A level still
    unknown ("HTK") is refused with its exact message, the row changing nothing."""
    exported = tmp_path / "xep-loai.xlsx"
    ws.rating_sheets.export(exported, YEAR)
    filled = tmp_path / "da-dien.xlsx"
    _fill(exported, filled, {
        (4, "Chi đoàn đề nghị"): "KHT",  # Dũng
        (4, "Nhận xét của chi đoàn"): "Thường vắng sinh hoạt.",
        (5, "Tự đánh giá"): "htxs",  # An
        (5, "Chi đoàn đề nghị"): "HTT",
        (5, "Nhận xét của chi đoàn"): "Tích cực.",
        (6, "Tự đánh giá"): "Ht",  # Bình
        (6, "Chi đoàn đề nghị"): "KHT",
    })  # fmt: skip
    preview = ws.rating_sheets.preview(filled, YEAR)
    assert preview.refused == []
    assert [(c.row, c.full_name, c.changes) for c in preview.changes] == [
        (4, "Phạm Văn Dũng", (FieldChange("proposed_level", 3, 4),
                              FieldChange("proposed_remark", None, "Thường vắng sinh hoạt."))),
        (5, "Nguyễn Văn An", (FieldChange("proposed_level", None, 2),
                              FieldChange("proposed_remark", None, "Tích cực."))),
        (6, "Trần Thị Bình", (FieldChange("self_level", None, 3),
                              FieldChange("proposed_level", None, 4))),
    ]  # fmt: skip
    assert ws.rating_sheets.apply(preview) == 3
    assert {n: (r.self_level, r.proposed_level, r.proposed_remark)
            for n, r in _rows(ws).items()} == {
        "Nguyễn Văn An": (1, 2, "Tích cực."),
        "Trần Thị Bình": (3, 4, None),
        "Lê Văn Cường": (None, None, None),
        "Phạm Văn Dũng": (None, 4, "Thường vắng sinh hoạt."),
    }  # fmt: skip

    _fill(exported, filled, {(4, "Chi đoàn đề nghị"): "HTK",
                             (4, "Nhận xét của chi đoàn"): "Cần cố gắng."})  # fmt: skip
    again = ws.rating_sheets.preview(filled, YEAR)
    assert again.refused == [
        RefusedRow(4, "Phạm Văn Dũng", "“HTK” ở cột “Chi đoàn đề nghị” không phải mức xếp loại "
                   "(cần 1–4 hoặc tên mức: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm "
                   "vụ, Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ)."),
    ]  # fmt: skip
    assert again.changes == []
