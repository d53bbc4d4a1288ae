"""The size check before calamine: a sheet is sized as calamine would grid it (cells with
content, placed by their reference or after the cell before them), so a file that would
allocate a huge grid is refused and a valid roster with far formatting is read."""

from __future__ import annotations

from pathlib import Path

import pytest
from sheetfiles import with_sheet_xml, write_excel_xlsx

from doancoso.core.errors import ImportFileError
from doancoso.core.workspace import Workspace
from doancoso.core.xlsx.zip_guard import grid_size

ROWS = [["Họ và tên", "Ngày sinh"], ["Lý Văn Xa", "01/01/2001"]]


def _refused(ws: Workspace, path: Path) -> str:
    with pytest.raises(ImportFileError) as info:
        ws.spreadsheets.preview_import(path)
    assert ws.members.count() == 0
    return info.value.message


def test_too_many_cells_are_refused_before_placing_them(sws: Workspace, tmp_path: Path) -> None:
    """3,000 rows of 4,000 unreferenced cells: a small file, a grid of 12 million cells."""
    row = "<row>" + "<c><v>1</v></c>" * 4000 + "</row>"
    path = with_sheet_xml(write_excel_xlsx(tmp_path / "bom.xlsx", ROWS), row * 3000)
    assert path.stat().st_size < 500_000
    assert _refused(sws, path) == (
        "Tệp bom.xlsx có trang tính quá rộng để nhập: có hơn 10.000.000 ô. Hãy xóa các ô thừa "
        "nằm xa bảng danh sách (hoặc chép bảng sang một tệp mới), lưu lại rồi nhập lại."
    )


def test_cells_without_references_are_placed_one_after_another(
    sws: Workspace, tmp_path: Path
) -> None:
    """One wide row, then 3,000 rows of one cell: few cells, a grid of 12 million."""
    xml = "<row>" + "<c><v>1</v></c>" * 4000 + "</row>" + "<row><c><v>1</v></c></row>" * 3000
    path = with_sheet_xml(write_excel_xlsx(tmp_path / "bom.xlsx", ROWS), xml)
    assert _refused(sws, path).startswith(
        "Tệp bom.xlsx có trang tính quá rộng để nhập: có ô dữ liệu ở tới dòng 3003 và cột thứ 4000."
    )


def test_empty_rows_without_references_still_count_for_the_cell_after_them(
    sws: Workspace, tmp_path: Path
) -> None:
    xml = (
        "<row>"
        + "<c><v>1</v></c>" * 200
        + "</row>"
        + "<row/>" * 60_000
        + ('<row><c t="inlineStr"><is><t>x</t></is></c></row>')
    )
    path = with_sheet_xml(write_excel_xlsx(tmp_path / "dai.xlsx", ROWS), xml)
    assert "tới dòng 60004 và cột thứ 200" in _refused(sws, path)


def test_formatting_far_away_is_no_data(sws: Workspace, tmp_path: Path) -> None:
    """Borders drawn down to the sheet's last row (cells with a style and no value)."""
    far = "".join(f'<c r="{col}1048576" s="1"/>' for col in "ABCDEFGHIJKL")
    path = with_sheet_xml(
        write_excel_xlsx(tmp_path / "vien.xlsx", ROWS), f'<row r="1048576">{far}</row>'
    )
    preview = sws.spreadsheets.preview_import(path)
    assert [(r.row, r.values["full_name"]) for r in preview.rows] == [(2, "Lý Văn Xa")]


@pytest.mark.parametrize(
    ("xml", "size"),
    [
        ('<row r="2"><c r="B2"><v>1</v></c><c><v>2</v></c></row>', (2, 3)),
        ('<row r="7"><c><v>1</v></c></row><row><c r="D9"><v>1</v></c></row>', (9, 4)),
        ("<x:row><x:c><x:v>1</x:v></x:c><x:c/></x:row>", (1, 1)),
        ('<row r = "5"><c r = " AA5 "><v>1</v></c></row>', (5, 27)),
    ],
)  # fmt: skip
def test_grid_size_follows_calamine_placement(xml: str, size: tuple[int, int]) -> None:
    assert grid_size(xml.encode()) == size
