"""Number cells that are no number, and TRUE/FALSE cells, never become text (#12): a NaN cell
made a member named "Nan", a boolean one a member named "True", without a word."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sheetfiles import with_sheet_xml, write_csv, write_excel_xlsx, write_xls

from doancoso.core.roster.spreadsheets import NEW
from doancoso.core.workspace import Workspace
from doancoso.core.xlsx.workbook import read_sheets

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Dân tộc"]


def _xlsx(tmp_path: Path, xml: str) -> Path:
    """A workbook with the header in row 1, one member in row 2, then ``xml`` (rows 3...)."""
    rows: list[list[Any]] = [HEADER, [1, "Mai Văn Một", "01/01/2001", "Nam", "Kinh"]]
    return with_sheet_xml(write_excel_xlsx(tmp_path / "o.xlsx", rows), xml)


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def test_nan_and_infinite_numbers_read_as_empty_with_a_warning(
    sws: Workspace, tmp_path: Path
) -> None:
    xml = (
        f'<row r="3"><c r="A3"><v>2</v></c><c r="B3"><v>NaN</v></c>{_inline("C3", "02/02/2002")}'
        "</row>"
        f'<row r="4"><c r="A4"><v>3</v></c>{_inline("B4", "Hà Thị Vô")}<c r="C4"><v>inf</v></c>'
        f'{_inline("D4", "Nữ")}<c r="E4"><v>-inf</v></c></row>'
    )
    preview = sws.spreadsheets.preview_import(_xlsx(tmp_path, xml))
    assert [
        (r.row, r.values["full_name"], [p.message for p in r.problems]) for r in preview.rows
    ] == [
        (2, "Mai Văn Một", []),
        (3, "", ["Thiếu họ và tên."]),
        (4, "Hà Thị Vô", ["Thiếu ngày sinh."]),
    ]
    assert preview.warnings == [
        "Ô B3, C4, E4 (trang tính “Sheet1”) có giá trị số không hợp lệ (NaN hoặc vô cực): đã "
        "coi là ô trống."
    ]


def test_nan_in_an_xls_reads_as_empty(tmp_path: Path) -> None:
    rows: list[list[Any]] = [HEADER, [1, float("nan"), "01/01/2001", "Nam", float("inf")]]
    [sheet] = list(read_sheets(write_xls(tmp_path / "o.xls", rows)))
    assert sheet.rows[1] == (2, [1.0, None, "01/01/2001", "Nam"])
    assert sheet.notes == [
        "Ô B2, E2 (trang tính “Sheet1”) có giá trị số không hợp lệ (NaN hoặc vô cực): đã coi là "
        "ô trống."
    ]


def test_many_odd_numbers_are_counted_not_listed(tmp_path: Path) -> None:
    xml = "".join(f'<row r="{r}"><c r="A{r}"><v>nan</v></c></row>' for r in range(3, 13))
    [sheet] = list(read_sheets(_xlsx(tmp_path, xml)))
    assert sheet.notes == [
        "Ô A3, A4, A5, A6, A7 và 5 ô khác (trang tính “Sheet1”) có giá trị số không hợp lệ (NaN "
        "hoặc vô cực): đã coi là ô trống."
    ]
    assert [number for number, _ in sheet.rows] == [1, 2]  # rows of nothing else are no rows


@pytest.mark.parametrize(("value", "shown"), [(1, "TRUE"), (0, "FALSE")])
def test_a_boolean_name_rejects_the_row(
    sws: Workspace, tmp_path: Path, value: int, shown: str
) -> None:
    xml = (
        f'<row r="3"><c r="A3"><v>2</v></c><c r="B3" t="b"><v>{value}</v></c>'
        f"{_inline('C3', '02/02/2002')}{_inline('D3', 'Nam')}</row>"
    )
    preview = sws.spreadsheets.preview_import(_xlsx(tmp_path, xml))
    row = preview.rows[1]
    assert row.values["full_name"] == ""
    assert [(p.message, p.severity) for p in row.problems] == [
        (
            f"Ô B3 (cột “Họ và tên”) là giá trị đúng/sai ({shown}), không phải chữ: ô này không "
            "được nhập.",
            "error",
        ),
        ("Thiếu họ và tên.", "error"),
    ]


def test_a_boolean_in_another_text_field_is_left_out_with_a_warning(
    sws: Workspace, tmp_path: Path
) -> None:
    xml = (
        f'<row r="3"><c r="A3"><v>2</v></c>{_inline("B3", "Lò Văn Đúng")}'
        f'{_inline("C3", "03/03/2003")}{_inline("D3", "Nam")}<c r="E3" t="b"><v>1</v></c></row>'
    )
    preview = sws.spreadsheets.preview_import(_xlsx(tmp_path, xml))
    row = preview.rows[1]
    assert (row.action, row.values["full_name"], row.values.get("ethnicity")) == (
        NEW,
        "Lò Văn Đúng",
        None,
    )
    assert [(p.message, p.severity) for p in row.problems] == [
        (
            "Ô E3 (cột “Dân tộc”) là giá trị đúng/sai (TRUE), không phải chữ: ô này không được "
            "nhập.",
            "warning",
        )
    ]


def test_a_year_zero_is_an_unreadable_birth_date(sws: Workspace, tmp_path: Path) -> None:
    """Found by the fuzz test: "0000" made a date of year 0 and a ValueError, not a problem."""
    path = write_csv(tmp_path / "nam.csv", [HEADER, [1, "Chu Văn Không", "0000", "Nam", "Kinh"]])
    [row] = sws.spreadsheets.preview_import(path).rows
    assert [(p.message, p.severity) for p in row.problems] == [
        ("Ngày sinh không đọc được: “0000”.", "error")
    ]


def test_a_damaged_xls_prints_nothing(tmp_path: Path) -> None:
    """Found by the fuzz test: xlrd wrote its warnings on stdout (into `--format json` output).
    In a subprocess: xlrd took the stdout of the moment it was imported."""
    path = write_xls(tmp_path / "le.xls", [HEADER, [1, "Lê Văn Lẻ", "01/01/2001", "Nam", "Kinh"]])
    path.write_bytes(path.read_bytes() + b"\0" * 100)  # no longer a whole number of sectors
    code = (
        "import sys; from pathlib import Path; from doancoso.core.xlsx.workbook import read_sheets;"
        "[sheet] = read_sheets(Path(sys.argv[1])); assert sheet.rows[1][1][1] == 'Lê Văn Lẻ'"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
