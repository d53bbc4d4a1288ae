"""The commands that list evidence files over a row whose hash is not a SHA-256 (a damaged
database, a hand edit, an old bundle): the file is listed as its row names it and marked lost,
never a crash, and the data check names it as a lost file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cli_run import cli
from doancoso.core.evidence.store import lost_file_message
from doancoso.core.recognition.registers import ADVICE_TABLE
from doancoso.core.workspace import Workspace

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau", "--commune", "Tân Hưng"]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


@pytest.fixture
def folder(data_dir: Path, tmp_path: Path) -> str:
    """Item 1.3 of 2025 and an advice record with one photo each, their rows' hash in capitals
    (as an old version wrote it)."""
    assert cli("init", "--data-dir", str(data_dir), *INIT).code == 0
    photo = tmp_path / "anh-ra-quan.png"
    photo.write_bytes(PNG)
    assert cli("checklist", "attach", "1.3", "--year", "2025", str(photo), "--caption",
               "Ảnh ra quân", "--data-dir", str(data_dir)).code == 0  # fmt: skip
    assert cli("advice", "add", "--date", "15/06/2025", "--title", "Tờ trình về kinh phí",
               "--data-dir", str(data_dir)).code == 0  # fmt: skip
    with Workspace.open(data_dir) as ws:
        [advice] = ws.registers.advice()
        ws.evidence.attach(ADVICE_TABLE, advice.id, photo, "Tờ trình đã ký")
        database = ws.db.path
    with sqlite3.connect(database) as db:
        db.execute("UPDATE evidence_files SET sha256 = upper(sha256)")
    db.close()
    return str(data_dir)


def _hash(folder: str) -> str:
    with sqlite3.connect(Path(folder) / "doancoso.sqlite") as db:
        (sha256,) = db.execute("SELECT DISTINCT sha256 FROM evidence_files").fetchone()
    db.close()
    assert isinstance(sha256, str) and sha256 == sha256.upper()
    return sha256


def test_checklist_show_lists_the_file(folder: str) -> None:
    sha256 = _hash(folder)
    result = cli("checklist", "show", "--year", "2025", "--data-dir", folder)
    assert (result.code, result.err) == (0, "")
    assert (
        f"        Minh chứng: anh-ra-quan.png — Ảnh ra quân [{sha256[:12]}] (mất — lấy lại bằng "
        "lệnh doancoso restore-evidence)\n"
    ) in result.out
    shown = cli("checklist", "show", "--year", "2025", "--format", "json", "--data-dir", folder)
    assert (shown.code, shown.err) == (0, "")
    [item] = [i for i in shown.json()["items"] if i["code"] == "1.3"]
    assert item["evidence"] == [
        {"sha256": sha256, "name": "anh-ra-quan.png", "caption": "Ảnh ra quân", "date": None,
         "size": len(PNG), "lost": True}
    ]  # fmt: skip


def test_advice_show_lists_the_file(folder: str) -> None:
    [row] = cli("advice", "list", "--format", "json", "--data-dir", folder).json()
    result = cli("advice", "show", row["id"], "--data-dir", folder)
    assert (result.code, result.err) == (0, "")
    assert (
        f"  Minh chứng: anh-ra-quan.png — Tờ trình đã ký [{_hash(folder)[:12]}] (mất — lấy lại "
        "bằng lệnh doancoso restore-evidence)\n"
    ) in result.out


def test_the_data_check_names_it_lost(folder: str) -> None:
    result = cli("check", "--data-dir", folder)
    lines = [line for line in result.out.splitlines() if line.startswith("- Tệp minh chứng")]
    assert lines == [f"- {lost_file_message('anh-ra-quan.png')}"] * 2


def test_the_file_is_detached_by_the_hash_show_prints(folder: str) -> None:
    """The way out of a file that cannot come back: detached by what ``checklist show``
    printed of it, then no longer named by the data check for that item."""
    printed = _hash(folder)[:12]
    result = cli("checklist", "detach", "1.3", "--year", "2025", printed, "--data-dir", folder)
    assert result == (0, "Đã gỡ 1 tệp minh chứng khỏi mục 1.3 năm 2025.\n", "")
    shown = cli("checklist", "show", "--year", "2025", "--format", "json", "--data-dir", folder)
    [item] = [i for i in shown.json()["items"] if i["code"] == "1.3"]
    assert item["evidence"] == []
    lines = [line for line in cli("check", "--data-dir", folder).out.splitlines()
             if line.startswith("- Tệp minh chứng")]  # fmt: skip
    assert lines == [f"- {lost_file_message('anh-ra-quan.png')}"]  # the advice record's only
