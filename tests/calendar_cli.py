"""Helpers of the plan and calendar command tests: running the CLI in-process, and a small
organisation made through the core (two chi đoàn, four members on the roster since 2018)."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest

from doancoso.cli.main import run
from doancoso.core.workspace import Workspace

BRANCHES = ("Chi đoàn ấp 1", "Chi đoàn ấp 2")
MEMBERS = (  # name, birth date, chi đoàn (index into BRANCHES)
    ("Nguyễn Văn An", "05/03/2001", 0),
    ("Trần Thị Bình", "12/07/2002", 0),
    ("Lê Hoàng Cường", "20/11/1999", 1),
    ("Phạm Thị Dung", "01/01/2000", 1),
)


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> Any:
        return json.loads(self.out)


def cli(*argv: str) -> Result:
    out, err = StringIO(), StringIO()
    code = run(list(argv), out=out, err=err)
    return Result(code, out.getvalue(), err.getvalue())


def in_folder(folder: Path, *argv: str) -> Result:
    """``doancoso ARGV --data-dir FOLDER``."""
    return cli(*argv, "--data-dir", str(folder))


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run a command that must be refused as bad usage (exit 2); its stderr."""
    capsys.readouterr()
    with pytest.raises(SystemExit) as info:
        run(list(argv), out=StringIO(), err=StringIO())
    assert info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err


def add_members(ws: Workspace) -> dict[str, str]:
    """The two chi đoàn and four members of :data:`MEMBERS`; given name → member id."""
    branch_ids = [ws.branches.create(name).id for name in BRANCHES]
    ids = {}
    for name, birth, branch in MEMBERS:
        ids[name.split()[-1]] = ws.members.save(
            {
                "full_name": name,
                "birth_date": birth,
                "branch_id": branch_ids[branch],
                "admission_date": "26/03/2018",
            }
        )
    return ids
