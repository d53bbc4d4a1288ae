"""A chi đoàn has one Bí thư: an import that would give one a second (two rows of the file, or
a row against the sitting one) warns on the row, in the member form's words, and imports it all
the same (the secretary decides who keeps the post), as ``members add`` does."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

from sheetfiles import write_xlsx

from doancoso.cli.main import run
from doancoso.core.roster.spreadsheets import NEW, UPDATE
from doancoso.core.workspace import Workspace

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Chi đoàn", "Chức vụ"]
ADVICE = "Mỗi chi đoàn chỉ có một Bí thư: hãy sửa chức vụ của người không giữ chức này nữa."


def _warned(branch: str, names: str) -> str:
    return f"Chi đoàn “{branch}” đã có Bí thư: {names}. {ADVICE}"


def test_two_secretaries_of_a_chi_doan_are_warned_of_and_imported(
    ws: Workspace, tmp_path: Path
) -> None:
    branch = ws.branches.create("Chi đoàn Ấp 1").id
    an = ws.members.save({"full_name": "Lê Văn An", "birth_date": "01/01/2000",
                          "branch_id": branch, "position": "Bí thư"})  # fmt: skip
    rows = [
        [1, "Trần Thị Bình", "02/02/2001", "Chi đoàn Ấp 1", "Bí thư"],  # against the sitting An
        [2, "Võ Văn Cường", "03/03/2002", "Ấp 2", "Bí thư"],  # a chi đoàn the import creates
        [3, "Phạm Thị Dung", "04/04/2003", "Chi đoàn Ấp 2", "bi thu"],  # a second row of it
        [4, "Lê Văn An", "01/01/2000", "Chi đoàn Ấp 1", "Bí thư"],  # the sitting one himself
        [5, "Ngô Văn Em", "05/05/2004", "Chi đoàn Ấp 1", "Phó Bí thư"],
    ]
    preview = ws.spreadsheets.preview_import(write_xlsx(tmp_path / "ds.xlsx", [HEADER, *rows]))
    found = [(r.row, r.action, [(p.message, p.severity, p.field) for p in r.problems])
             for r in preview.rows]  # fmt: skip
    assert found == [
        (2, NEW, [(_warned("Chi đoàn Ấp 1", "Lê Văn An"), "warning", "position")]),
        (3, NEW, []),
        (4, NEW, [(_warned("Ấp 2", "Võ Văn Cường (dòng 3)"), "warning", "position")]),
        (5, "unchanged", []),
        (6, NEW, []),
    ]
    result = ws.spreadsheets.apply_import(preview)
    assert (result.created, result.rejected) == (4, 0)
    positions = {r.full_name: r.position for r in ws.members.list()}
    assert positions["Trần Thị Bình"] == positions["Phạm Thị Dung"] == "Bí thư"
    # A sitting Bí thư moved out by the file, and a member made Bí thư by it.
    ws.members.save({"full_name": "Lê Văn An", "birth_date": "01/01/2000",
                     "branch_id": branch, "position": "Đoàn viên"}, an)  # fmt: skip
    rows = [[1, "Ngô Văn Em", "05/05/2004", "Chi đoàn Ấp 1", "Bí thư"]]
    preview = ws.spreadsheets.preview_import(write_xlsx(tmp_path / "b.xlsx", [HEADER, *rows]))
    [row] = preview.rows
    assert (row.action, row.changed) == (UPDATE, ["position"])
    assert [p.message for p in row.problems] == [_warned("Chi đoàn Ấp 1", "Trần Thị Bình")]
    rows = [[1, "Ngô Văn Em", "05/05/2004", "Chi đoàn Ấp 1", "Bí thư"],
            [2, "Trần Thị Bình", "02/02/2001", "Chi đoàn Ấp 3", "Bí thư"]]  # fmt: skip
    preview = ws.spreadsheets.preview_import(write_xlsx(tmp_path / "c.xlsx", [HEADER, *rows]))
    assert [r.problems for r in preview.rows] == [[], []]


def test_the_command_says_the_warning_with_its_row(ws: Workspace, tmp_path: Path) -> None:
    branch = ws.branches.create("Chi đoàn Ấp 1").id
    ws.members.save({"full_name": "Lê Văn An", "birth_date": "01/01/2000",
                     "branch_id": branch, "position": "Bí thư"})  # fmt: skip
    data_dir = str(ws.data_dir)
    ws.close()
    rows = [[1, "Trần Thị Bình", "02/02/2001", "Chi đoàn Ấp 1", "Bí thư"]]
    path = write_xlsx(tmp_path / "ds.xlsx", [HEADER, *rows])
    said = _warned("Chi đoàn Ấp 1", "Lê Văn An")

    def cli(*argv: str) -> tuple[int, str, str]:
        out, err = StringIO(), StringIO()
        code = run(["members", "import", str(path), *argv, "--data-dir", data_dir],
                   out=out, err=err)  # fmt: skip
        return code, out.getvalue(), err.getvalue()

    code, out, err = cli("--dry-run", "--format", "json")
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert (report["new"], report["rejected"]) == (1, 0)
    assert report["problems"] == [{"row": 2, "reason": said}]
    code, out, err = cli()
    assert (code, err) == (0, "")
    assert f"Dòng 2: {said}\n" in out and "[bị loại]" not in out
    assert out.endswith("Mới: 1, cập nhật: 0, không đổi: 0, bị loại: 0.\nĐã nhập vào danh sách "
                        "đoàn viên.\n")  # fmt: skip
    with Workspace.open(Path(data_dir)) as again:
        assert sorted((r.full_name, r.position) for r in again.members.list()) == [
            ("Lê Văn An", "Bí thư"), ("Trần Thị Bình", "Bí thư")
        ]  # fmt: skip
