"""The member template's rating and discipline columns come from the data, its listed columns
speak the template's lists ("Hòa Hảo" written "Phật giáo Hòa Hảo"), values no list has are
counted in the export's message, and the export imported again changes nothing."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from openpyxl import load_workbook
from sheetfiles import write_member_template

from doancoso.cli.main import run
from doancoso.core.roster.spreadsheets import UNCHANGED
from doancoso.core.roster.spreadsheets.member_template import FIRST_ROW, HEADERS
from doancoso.core.workspace import Workspace


def _imported(ws: Workspace, tmp_path: Path) -> dict[str, str]:
    path = write_member_template(tmp_path / "dsdv.xlsx")
    ws.spreadsheets.apply_import(ws.spreadsheets.preview_import(path))
    return {r.full_name: r.id for r in ws.members.list()}


def _cells(path: Path) -> dict[str, dict[str, str | None]]:
    """Each written member's cells by header (the second birth column is "Nữ")."""
    book = load_workbook(path)
    try:
        sheet = book["DSDV"]
        heads = [h or "Nữ" for h in HEADERS]
        rows = sheet.iter_rows(min_row=FIRST_ROW, max_col=len(HEADERS), values_only=True)
        return {str(row[1]): dict(zip(heads, row, strict=True)) for row in rows if row[1]}
    finally:
        book.close()


def _round_trip(ws: Workspace, path: Path) -> None:
    before = {r.id: ws.members.get(r.id).fields for r in ws.members.list()}
    preview = ws.spreadsheets.preview_import(path)
    assert [(r.row, r.changed) for r in preview.rows if r.action != UNCHANGED] == []
    ws.spreadsheets.apply_import(preview)
    assert {r.id: ws.members.get(r.id).fields for r in ws.members.list()} == before


def test_rating_and_discipline_come_from_the_data(sws: Workspace, tmp_path: Path) -> None:
    ids = _imported(sws, tmp_path)
    hau, diep = ids["Nguyễn Văn Hậu"], ids["Lê Thị Ngọc Diệp"]
    path = tmp_path / "xuat.xlsx"
    # No round closed: the data say nothing of any year, the values the import kept are written.
    sws.spreadsheets.export_members(path, layout="mau-dsdv")
    assert {name: cells["Đánh giá, xếp loại đoàn viên"] for name, cells in _cells(path).items()
            if cells["Đánh giá, xếp loại đoàn viên"]} == {
        "Lê Thị Ngọc Diệp": "Hoàn thành xuất sắc nhiệm vụ",
        "Nguyễn Văn Hậu": "Hoàn thành tốt nhiệm vụ",
    }  # fmt: skip
    sws.rating.set(2024, hau, {"decided_level": 1})
    sws.rating.close(2024)
    sws.rating.set(2025, hau, {"decided_level": 2})  # the round is open: not written
    sws.rating.set(2025, diep, {"proposed_level": 1})  # proposed, not decided: not a rating
    sws.events.record(hau, "discipline", "15/03/2021", "12-QĐ/ĐTN", level="reprimand")
    sws.events.record(hau, "discipline", "02/06/2023", None, level="warning")
    assert sws.spreadsheets.export_members(path, layout="mau-dsdv") == 4
    cells = _cells(path)
    assert cells["Nguyễn Văn Hậu"]["Đánh giá, xếp loại đoàn viên"] == (
        "Hoàn thành xuất sắc nhiệm vụ"  # 2024's, the latest closed round
    )
    assert cells["Nguyễn Văn Hậu"]["Kỷ luật"] == (
        "Khiển trách (15/03/2021, số 12-QĐ/ĐTN); Cảnh cáo (02/06/2023)"
    )
    # Diệp is not rated in 2024: an empty cell, not the level her notes keep from the file.
    assert cells["Lê Thị Ngọc Diệp"]["Đánh giá, xếp loại đoàn viên"] is None
    assert "Đánh giá, xếp loại đoàn viên: Hoàn thành xuất sắc nhiệm vụ" in (
        sws.members.get(diep).fields.notes or ""
    )
    assert cells["Lê Thị Ngọc Diệp"]["Kỷ luật"] is None
    notes = sws.members.get(hau).fields.notes or ""
    assert "Kỷ luật: Khiển trách năm 2023" in notes  # the notes' line stays as it was
    _round_trip(sws, path)
    assert sws.members.get(hau).fields.notes == notes


def test_a_member_not_rated_in_the_latest_closed_round_has_an_empty_cell(
    sws: Workspace, tmp_path: Path
) -> None:
    """Rated in 2024 and 2025: 2025's level; rated in 2024 only, 2025 closed: empty, not 2024's
    level as if it were 2025's. Read back from the .xlsx written."""
    first = sws.members.save({"full_name": "Phạm Văn Bình", "birth_date": "03/03/2000"})
    second = sws.members.save({"full_name": "Đỗ Thị Cúc", "birth_date": "04/04/2001"})
    sws.rating.set(2024, first, {"decided_level": 3})
    sws.rating.set(2024, second, {"decided_level": 1})
    sws.rating.close(2024)
    sws.rating.set(2025, first, {"decided_level": 2})
    sws.rating.close(2025)
    path = tmp_path / "xuat.xlsx"
    assert sws.spreadsheets.export_members(path, layout="mau-dsdv") == 2
    cells = _cells(path)
    assert cells["Phạm Văn Bình"]["Đánh giá, xếp loại đoàn viên"] == "Hoàn thành tốt nhiệm vụ"
    assert cells["Đỗ Thị Cúc"]["Đánh giá, xếp loại đoàn viên"] is None
    _round_trip(sws, path)


def test_the_rating_written_is_that_of_the_latest_closed_round(
    sws: Workspace, tmp_path: Path
) -> None:
    ids = _imported(sws, tmp_path)
    hau, diep, sa = ids["Nguyễn Văn Hậu"], ids["Lê Thị Ngọc Diệp"], ids["Thạch Thị Sa Rươl"]
    may = sws.members.save({"full_name": "Võ Thị May", "birth_date": "02/02/2001"})
    sws.rating.set(2023, hau, {"decided_level": 1})
    sws.rating.set(2023, may, {"decided_level": 2})
    sws.rating.close(2023)
    sws.rating.set(2024, hau, {"decided_level": 3})
    sws.rating.close(2024)
    # 2025 is still open: the levels decided there are not the union's record yet.
    for member in (hau, diep, may):
        sws.rating.set(2025, member, {"decided_level": 4})
    sws.rating.set(2025, sa, {"decided_level": 1})
    column = "Đánh giá, xếp loại đoàn viên"
    path = tmp_path / "xuat.xlsx"

    def written() -> dict[str, str | None]:
        sws.spreadsheets.export_template(path)
        return {name: cells[column] for name, cells in _cells(path).items()}

    official = {
        "Nguyễn Văn Hậu": "Hoàn thành nhiệm vụ",  # 2024's
        "Lê Thị Ngọc Diệp": None,  # not rated in 2024, whatever her notes (the file) say
        "Thạch Thị Sa Rươl": None,  # only the open round has a level for her
        "Trần Minh Tú": None,
        "Võ Thị May": None,  # rated in 2023 only: not 2023's level as if it were 2024's
    }
    assert written() == official
    _round_trip(sws, path)
    sws.rating.close(2025)
    assert written() == {
        "Nguyễn Văn Hậu": "Không hoàn thành nhiệm vụ",
        "Lê Thị Ngọc Diệp": "Không hoàn thành nhiệm vụ",
        "Thạch Thị Sa Rươl": "Hoàn thành xuất sắc nhiệm vụ",
        "Trần Minh Tú": None,
        "Võ Thị May": "Không hoàn thành nhiệm vụ",
    }
    sws.rating.reopen(2025)  # reopened: its levels are no longer the record
    assert written() == official
    _round_trip(sws, path)


def test_values_are_written_as_the_lists_have_them(sws: Workspace, tmp_path: Path) -> None:
    ids = _imported(sws, tmp_path)
    hau = ids["Nguyễn Văn Hậu"]
    fields = sws.members.get(hau).fields
    raw = {"full_name": fields.full_name, "birth_date": "05/11/1998", "gender": "Nam",
           "member_code": "8012346", "religion": "hòa hảo", "occupation": "Buôn bán"}  # fmt: skip
    sws.members.save(raw, hau)
    sws.members.save({"full_name": "Trần Văn Tôm", "birth_date": "01/01/2000",
                      "occupation": "Nuôi tôm", "religion": "Hoà Hảo"})  # fmt: skip
    sws.members.save({"full_name": "Võ Thị May", "birth_date": "02/02/2001",
                      "occupation": "Thợ may"})  # fmt: skip
    path = tmp_path / "xuat.xlsx"
    result = sws.spreadsheets.export_template(path)
    cells = _cells(path)
    assert cells["Nguyễn Văn Hậu"]["Tôn giáo"] == "Phật giáo Hòa Hảo"
    assert cells["Nguyễn Văn Hậu"]["Nghề nghiệp hiện nay"] == "Kinh doanh, buôn bán"
    assert cells["Trần Văn Tôm"]["Tôn giáo"] == "Phật giáo Hòa Hảo"
    assert cells["Trần Văn Tôm"]["Nghề nghiệp hiện nay"] == "Nông dân"
    assert cells["Võ Thị May"]["Nghề nghiệp hiện nay"] == "Thợ may"  # no entry means it
    assert (result.written, result.outside_lists) == (6, 1)
    assert result.message(path) == (
        f"Đã xuất 6 đoàn viên ra {path}. 1 ô có giá trị ngoài danh sách chọn của mẫu (Excel sẽ "
        "cảnh báo khi sửa các ô này)."
    )
    _round_trip(sws, path)
    assert sws.members.get(hau).fields.religion == "hòa hảo"  # the app's own value is kept


def test_the_command_line_says_how_many_cells_are_off_the_lists(
    sws: Workspace, tmp_path: Path
) -> None:
    _imported(sws, tmp_path)
    sws.members.save({"full_name": "Võ Thị May", "birth_date": "02/02/2001",
                      "occupation": "Thợ may"})  # fmt: skip
    target = tmp_path / "cli.xlsx"
    out, err = StringIO(), StringIO()
    code = run(["members", "export", str(target), "--layout", "mau-dsdv",
                "--data-dir", str(sws.data_dir)], out=out, err=err)  # fmt: skip
    assert (code, err.getvalue()) == (0, "")
    assert out.getvalue() == (
        f"Đã xuất 5 đoàn viên ra {target}. 1 ô có giá trị ngoài danh sách chọn của mẫu (Excel "
        "sẽ cảnh báo khi sửa các ô này).\n"
    )


def test_a_level_saved_for_a_member_the_round_does_not_rate_is_not_written(
    sws: Workspace, tmp_path: Path
) -> None:
    """A guest on temporary activity in 2025 is given remarks only: a level saved for her in
    the closed round is not the union's record (her history shows the year not rated), and the
    template's rating column stays empty, as for any member the round does not rate."""
    rated = sws.members.save({"full_name": "Phạm Văn Bình", "birth_date": "03/03/2000"})
    guest = sws.members.save({"full_name": "Đỗ Thị Tạm", "birth_date": "04/04/2001"})
    sws.events.record(guest, "temporary", "01/02/2025", home_organization="Đoàn phường 5",
                      period_start="01/02/2025")  # fmt: skip
    sws.rating.set(2025, rated, {"decided_level": 2})
    sws.rating.set(2025, guest, {"decided_level": 1, "remark": "Nhiệt tình."})
    sws.rating.close(2025)
    path = tmp_path / "xuat.xlsx"
    assert sws.spreadsheets.export_members(path, layout="mau-dsdv") == 2
    cells = _cells(path)
    assert cells["Phạm Văn Bình"]["Đánh giá, xếp loại đoàn viên"] == "Hoàn thành tốt nhiệm vụ"
    assert cells["Đỗ Thị Tạm"]["Đánh giá, xếp loại đoàn viên"] is None
    _round_trip(sws, path)


def test_a_member_transferred_in_for_less_has_the_level_decided_for_him(
    sws: Workspace, tmp_path: Path
) -> None:
    """A member transferred in during October 2025 is rated on the previous organisation's
    remarks: the closed round's level is his record, and the template writes it."""
    came = sws.members.save({"full_name": "Phan Văn Đến", "birth_date": "03/03/2000"})
    sws.events.record(came, "transfer_in", "01/10/2025", other_organization="Đoàn xã Tân Phú")
    sws.rating.set(2025, came, {"decided_level": 2})
    sws.rating.close(2025)
    path = tmp_path / "xuat.xlsx"
    sws.spreadsheets.export_members(path, layout="mau-dsdv")
    cells = _cells(path)
    assert cells["Phan Văn Đến"]["Đánh giá, xếp loại đoàn viên"] == "Hoàn thành tốt nhiệm vụ"
    assert sws.rating.member_history(came) == [(2025, 2, None, None)]
