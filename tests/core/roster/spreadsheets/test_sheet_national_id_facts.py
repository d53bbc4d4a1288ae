"""The import warns about a CCCD that says another gender or birth year than the row's, in the
member form's words, on the row, and imports it with the number (either may hold the typo)."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

from sheetfiles import write_xlsx

from doancoso.cli.main import run
from doancoso.core.roster.spreadsheets import NEW
from doancoso.core.workspace import Workspace


def _said(gender: str, year: int) -> str:
    return (
        f"Số CCCD cho biết {gender}, sinh năm {year}: khác với giới tính hoặc năm sinh đã nhập. "
        "Hãy kiểm tra lại."
    )


def test_the_import_warns_on_the_row_and_imports_it(ws: Workspace, tmp_path: Path) -> None:
    header = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD"]
    rows = [
        [1, "Lê Thị Hoa", "02/04/2005", "Nữ", "096206123456"],
        [2, "Trần Văn Bình", "03/05/2006", "Nam", "096206123457"],
        [3, "Võ Thị Dung", "2007", "Nữ", "096207123458"],
    ]
    preview = ws.spreadsheets.preview_import(write_xlsx(tmp_path / "ds.xlsx", [header, *rows]))
    found = [(r.row, [(p.message, p.severity, p.field) for p in r.problems]) for r in preview.rows]
    assert found == [
        (2, [(_said("nam", 2006), "warning", "national_id")]),
        (3, []),
        (4, [(_said("nam", 2007), "warning", "national_id")]),
    ]
    assert all("national_id" in r.values for r in preview.rows)  # imported with the number


# One row each: a CCCD of the other gender, one of another birth year, one that agrees, an old
# 9-digit CMND (it says neither). Born in the 2000s: the command checks ages with today's date.
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD"]
ROWS = [
    [1, "Lê Thị Hoa", "02/04/2005", "Nữ", "096205123456"],
    [2, "Trần Văn Bình", "03/05/2006", "Nam", "096207123457"],
    [3, "Võ Thị Dung", "04/06/2004", "Nữ", "096304123458"],
    [4, "Phạm Văn Tú", "05/07/2003", "Nam", "381234567"],
]
GENDER_SAID, YEAR_SAID = _said("nam", 2005), _said("nam", 2007)


def test_gender_and_year_are_each_warned_of_and_every_row_is_imported(
    ws: Workspace, tmp_path: Path
) -> None:
    preview = ws.spreadsheets.preview_import(write_xlsx(tmp_path / "ds.xlsx", [HEADER, *ROWS]))
    assert [
        (r.row, r.action, [(p.message, p.severity, p.field) for p in r.problems])
        for r in preview.rows
    ] == [
        (2, NEW, [(GENDER_SAID, "warning", "national_id")]),
        (3, NEW, [(YEAR_SAID, "warning", "national_id")]),
        (4, NEW, []),
        (5, NEW, []),
    ]
    result = ws.spreadsheets.apply_import(preview)
    assert (result.created, result.rejected) == (4, 0)
    stored = {row.full_name: ws.members.get(row.id).fields.national_id for row in ws.members.list()}
    assert stored == {  # each with the number of the file
        "Lê Thị Hoa": "096205123456",
        "Trần Văn Bình": "096207123457",
        "Võ Thị Dung": "096304123458",
        "Phạm Văn Tú": "381234567",
    }


def test_the_command_lists_the_warnings_with_their_rows(ws: Workspace, tmp_path: Path) -> None:
    """In JSON a row's warnings are among the ``problems`` with the row (``warnings`` is about the
    sheet as a whole), and nothing is rejected; the text report has no “[bị loại]” on them."""
    data_dir = str(ws.data_dir)
    ws.close()
    path = write_xlsx(tmp_path / "ds.xlsx", [HEADER, *ROWS])

    def cli(*argv: str) -> tuple[int, str, str]:
        out, err = StringIO(), StringIO()
        code = run(["members", "import", str(path), "--dry-run", *argv, "--data-dir", data_dir],
                   out=out, err=err)  # fmt: skip
        return code, out.getvalue(), err.getvalue()

    code, out, err = cli("--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "new": 4,
        "updated": 0,
        "unchanged": 0,
        "rejected": 0,
        "problems": [{"row": 2, "reason": GENDER_SAID}, {"row": 3, "reason": YEAR_SAID}],
        "new_branches": [],
        "from_headings": 0,
        "warnings": [],
        "left_out": [],
        "applied": False,
    }
    code, out, err = cli()
    assert (code, err) == (0, "")
    assert f"Dòng 2: {GENDER_SAID}\nDòng 3: {YEAR_SAID}\n" in out
    assert "Mới: 4, cập nhật: 0, không đổi: 0, bị loại: 0." in out
    with Workspace.open(Path(data_dir)) as again:
        assert again.members.count() == 0  # a dry run
