"""A chi đoàn has one Bí thư: adding (or saving) a member as Bí thư of a chi đoàn that already
has one is warned of, naming the sitting one, as the form asks and the command line says, and
saved all the same (the secretary decides who keeps the post)."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from doancoso.cli.main import run
from doancoso.core.workspace import Workspace

WARNING = (
    "Chi đoàn “Chi đoàn Ấp 1” đã có Bí thư: Lê Văn An. Mỗi chi đoàn chỉ có một Bí thư: hãy "
    "sửa chức vụ của người không giữ chức này nữa."
)


def test_a_second_secretary_is_warned_of_and_saved(ws: Workspace, data_dir: Path) -> None:
    branch = ws.branches.create("Chi đoàn Ấp 1").id
    other = ws.branches.create("Chi đoàn Ấp 2").id
    an = ws.members.save({"full_name": "Lê Văn An", "birth_date": "01/01/2000",
                          "branch_id": branch, "position": "Bí thư"})  # fmt: skip
    new = {"full_name": "Trần Thị Bình", "birth_date": "01/01/2001", "branch_id": branch}
    assert ws.members.warnings({**new, "position": "bi thu"}) == {"position": WARNING}
    assert ws.members.warnings({**new, "position": "Phó Bí thư"}) == {}
    assert ws.members.warnings({**new, "position": "Bí thư", "branch_id": other}) == {}
    an_raw = {"full_name": "Lê Văn An", "birth_date": "01/01/2000", "branch_id": branch,
              "position": "Bí thư"}  # fmt: skip
    assert ws.members.warnings(an_raw, an) == {}  # the sitting one himself
    ws.close()

    out, err = StringIO(), StringIO()
    code = run(
        ["members", "add", "--data-dir", str(data_dir), "--name", "Trần Thị Bình",
         "--birth", "01/01/2001", "--branch", "Chi đoàn Ấp 1", "--position", "Bí thư"],
        out=out, err=err,
    )  # fmt: skip
    assert (code, err.getvalue()) == (0, "")
    assert out.getvalue() == f"Đã thêm đoàn viên Trần Thị Bình.\nCảnh báo: {WARNING}\n"
    with Workspace.open(data_dir) as again:
        assert again.branches.secretaries_after(branch) == ()  # nobody comes: no merge warning
        assert len(again.members.list(None)) == 2
