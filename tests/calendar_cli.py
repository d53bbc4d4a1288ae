"""Helpers of the plan and calendar command tests: running the CLI in-process, and a small
organisation made through the core (two chi đoàn, four members on the roster since 2018)."""

from __future__ import annotations

from pathlib import Path

from cli_run import CliResult, cli
from doancoso.core.workspace import Workspace

BRANCHES = ("Chi đoàn ấp 1", "Chi đoàn ấp 2")
MEMBERS = (  # name, birth date, chi đoàn (index into BRANCHES)
    ("Nguyễn Văn An", "05/03/2001", 0),
    ("Trần Thị Bình", "12/07/2002", 0),
    ("Lê Hoàng Cường", "20/11/1999", 1),
    ("Phạm Thị Dung", "01/01/2000", 1),
)


def in_folder(folder: Path, *argv: str) -> CliResult:
    """``doancoso ARGV --data-dir FOLDER``."""
    return cli(*argv, "--data-dir", str(folder))


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
