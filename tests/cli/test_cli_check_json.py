"""``doancoso check --format json``: what the text says, the backup taken before the check
included — its whole path, the one ``doancoso restore`` takes."""

from __future__ import annotations

import json
from pathlib import Path

from cli_run import cli
from doancoso.core.workspace import Workspace


def test_the_json_names_the_backup_taken_before_the_check(ws: Workspace, data_dir: Path) -> None:
    ws.close()
    code, out, err = cli("check", "--data-dir", str(data_dir))
    assert (code, err) == (0, "")
    said, verdict = out.splitlines()
    assert said.startswith("Đã sao lưu trước khi kiểm tra: ")
    assert verdict == "Dữ liệu tốt, không có lỗi."

    code, out, err = cli("check", "--format", "json", "--data-dir", str(data_dir))
    assert (code, err) == (0, "")
    report = json.loads(out)
    backup = Path(report.pop("backup"))
    assert report == {"ok": True, "problems": [], "repaired": 0}
    assert backup.parent == data_dir / "backups" and backup.is_file()
    assert backup != Path(said.removeprefix("Đã sao lưu trước khi kiểm tra: "))  # a new one
    assert cli("restore", str(backup), "--data-dir", str(data_dir)).code == 0
