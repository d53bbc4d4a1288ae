"""``doancoso backups``: each backup listed to the second, as the app's list shows it, so that
two backups of the same minute (one now, then the one before a restore) are told apart."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from cli_run import cli
from doancoso.core.backup.store import take_backup
from doancoso.core.workspace import Workspace


def test_backups_of_one_minute_are_told_apart(ws: Workspace, data_dir: Path) -> None:
    database, folder = ws.db.path, data_dir / "backups"
    take_backup(database, folder, "thu-cong", datetime(2026, 12, 7, 5, 31, 8))
    take_backup(database, folder, "truoc-khoi-phuc", datetime(2026, 12, 7, 5, 31, 42))
    ws.close()

    code, out, err = cli("backups", "--data-dir", str(data_dir))

    assert (code, err) == (0, "")
    assert [line.split("  ")[:2] for line in out.splitlines()] == [
        ["07/12/2026 05:31:42", "Trước khi khôi phục một bản sao lưu"],
        ["07/12/2026 05:31:08", "Sao lưu theo yêu cầu"],
    ]
