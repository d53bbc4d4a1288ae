"""Backups taken within the same second are listed newest first (in the backups dialog and by
``doancoso backups``), whatever their reasons and however their names sort."""

from __future__ import annotations

import os
from datetime import datetime
from io import StringIO

from doancoso.cli.main import run
from doancoso.core.backup.store import BACKUP_FOLDER, list_backups, take_backup
from doancoso.core.workspace import Workspace

SECOND = datetime(2026, 12, 4, 19, 0, 0)


def test_backups_of_one_second_are_listed_newest_first(ws: Workspace) -> None:
    folder = ws.data_dir / BACKUP_FOLDER
    # Reasons whose names do not sort in the order taken, one of them twice.
    reasons = ("truoc-nhap", "thu-cong", "hang-ngay", "thu-cong", "truoc-nhap")
    taken = [take_backup(ws.db.path, folder, reason, SECOND).path for reason in reasons]
    newest_first = taken[::-1]
    assert [b.path for b in list_backups(folder)] == newest_first
    assert [b.path for b in ws.backups.list()] == newest_first
    out = StringIO()
    assert run(["--data-dir", str(ws.data_dir), "backups"], out=out) == 0
    assert [line.rsplit("  ", 1)[1] for line in out.getvalue().splitlines()] == [
        str(p) for p in newest_first
    ]


def test_backups_already_named_with_one_second_are_ordered_by_when_they_were_written(
    ws: Workspace,
) -> None:
    """Two backups an older version named with the same second (different reasons): the file
    written last is listed first."""
    folder = ws.data_dir / BACKUP_FOLDER
    first = take_backup(ws.db.path, folder, "thu-cong", SECOND).path
    second = first.with_name("truoc-nhap-20261204-190000.sqlite")
    second.write_bytes(first.read_bytes())
    stamp = first.stat().st_mtime_ns
    for earlier, later in ((first, second), (second, first)):
        os.utime(earlier, ns=(stamp, stamp))
        os.utime(later, ns=(stamp + 500_000_000, stamp + 500_000_000))  # half a second later
        assert [b.path for b in list_backups(folder)] == [later, earlier]
