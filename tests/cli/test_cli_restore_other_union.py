"""``doancoso restore`` of a backup holding another Đoàn cơ sở (a file of the next commune's, on
a stick they share): refused, naming both, unless ``--other-organization`` says it is meant;
the window's "Khôi phục từ tệp…" names the other union in its question the same way."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from cli_run import cli
from doancoso.core.storage.folder import DATABASE_FILE
from doancoso.core.workspace import Workspace

OURS = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau"]
THEIRS = ["--name", "Đoàn xã Phú Mỹ", "--superior", "Huyện đoàn Cái Nước"]


def _demo(folder: Path, init: list[str], members: str) -> None:
    """A data folder set up for one union, then filled with demo members."""
    assert cli("init", "--data-dir", str(folder), *init).code == 0
    made = cli("demo", "--data-dir", str(folder), "--members", members)
    assert made.code == 0, made.err


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """Tân Hưng's data folder (30 members) and a backup of Phú Mỹ's (20 members)."""
    ours, theirs = tmp_path / "tan-hung", tmp_path / "phu-my"
    _demo(ours, OURS, "30")
    _demo(theirs, THEIRS, "20")
    taken = cli("backup", "--data-dir", str(theirs), "--format", "json")
    assert taken.code == 0, taken.err
    return ours, Path(taken.json()["file"])


def _held(folder: Path) -> tuple[str, int, list[str]]:
    """The union the folder holds, its members and its backups' reasons."""
    with Workspace.open(folder) as ws:
        org = ws.organization.get()
        assert org is not None
        reasons = [b.reason for b in ws.backups.list()]
        return org.name, ws.members.count(), reasons


def test_another_union_s_backup_is_refused_naming_both(folders: tuple[Path, Path]) -> None:
    ours, backup = folders
    code, out, err = cli("restore", "--data-dir", str(ours), str(backup))
    assert (code, out) == (1, "")
    assert err == (
        "Lỗi: Bản sao lưu này là của “Đoàn xã Phú Mỹ” (20 đoàn viên), không phải của “Đoàn xã "
        f"Tân Hưng” (30 đoàn viên) đang dùng trong thư mục “{ours}”: khôi phục sẽ thay toàn bộ "
        "dữ liệu của “Đoàn xã Tân Hưng” bằng dữ liệu của “Đoàn xã Phú Mỹ”. Nếu thật sự muốn "
        "vậy, hãy chạy lại với --other-organization. Dữ liệu đang dùng không bị thay đổi.\n"
    )
    assert _held(ours) == ("Đoàn xã Tân Hưng", 30, [])  # not even a copy taken before


def test_with_the_flag_it_is_restored_and_ours_kept_in_a_backup(
    folders: tuple[Path, Path],
) -> None:
    ours, backup = folders
    code, out, err = cli("restore", "--data-dir", str(ours), str(backup), "--other-organization")
    assert (code, err) == (0, "")
    assert out.startswith(f"Đã khôi phục {backup.name} (20 đoàn viên).\n")
    assert _held(ours) == ("Đoàn xã Phú Mỹ", 20, ["truoc-khoi-phuc"])
    with Workspace.open(ours) as ws:
        (safety,) = ws.backups.list()
    assert safety.members == 30


def test_a_backup_of_our_own_union_needs_no_flag(folders: tuple[Path, Path]) -> None:
    ours, _theirs = folders
    taken = cli("backup", "--data-dir", str(ours), "--format", "json")
    own = Path(json.loads(taken.out)["file"])
    code, out, err = cli("restore", "--data-dir", str(ours), str(own))
    assert (code, err) == (0, "")
    assert out.startswith(f"Đã khôi phục {own.name} (30 đoàn viên).\n")


def _setup(folder: Path) -> tuple[str, str]:
    """The id and setup day (dd/mm/yyyy) of the union ``folder`` holds."""
    conn = sqlite3.connect(f"{(folder / DATABASE_FILE).as_uri()}?mode=ro", uri=True)
    try:
        org_id, created = conn.execute(
            "SELECT organizations.id, created_at FROM app_meta JOIN organizations "
            "ON organizations.id = app_meta.value WHERE app_meta.key = 'organization_id'"
        ).fetchone()
    finally:
        conn.close()
    return org_id, datetime.fromisoformat(created).strftime("%d/%m/%Y")


def test_a_backup_taken_before_our_union_was_renamed_is_ours(folders: tuple[Path, Path]) -> None:
    """Communes merged in 2025 renamed their unions: a backup of before the new name is still
    this union's (the same organisation), restored without the flag."""
    ours, _theirs = folders
    taken = cli("backup", "--data-dir", str(ours), "--format", "json")
    own = Path(taken.json()["file"])
    with Workspace.open(ours) as ws:
        org = ws.organization.get()
        assert org is not None
        ws.organization.update(replace(org, name="Đoàn xã Tân Hưng Mới"))
    code, out, err = cli("restore", "--data-dir", str(ours), str(own))
    assert (code, err) == (0, "")
    assert out.startswith(f"Đã khôi phục {own.name} (30 đoàn viên).\n")
    assert _held(ours) == ("Đoàn xã Tân Hưng", 30, ["truoc-khoi-phuc", "thu-cong"])


def test_another_union_of_the_same_name_is_refused_told_apart(tmp_path: Path) -> None:
    """Two unions both named Tân Hưng, set up apart (two provinces' communes): the other's
    backup is refused as another union's, each told by its setup day and id."""
    ours, other = tmp_path / "tan-hung", tmp_path / "tan-hung-khac"
    _demo(ours, OURS, "30")
    _demo(other, OURS, "20")
    taken = cli("backup", "--data-dir", str(other), "--format", "json")
    backup = Path(taken.json()["file"])
    (my_id, my_day), (their_id, their_day) = _setup(ours), _setup(other)
    code, out, err = cli("restore", "--data-dir", str(ours), str(backup))
    assert (code, out) == (1, "")
    assert err == (
        "Lỗi: Bản sao lưu này là của một Đoàn cơ sở khác cũng tên “Đoàn xã Tân Hưng” (lập ngày "
        f"{their_day}, mã {their_id[:8]}, 20 đoàn viên), không phải của “Đoàn xã Tân Hưng” (lập "
        f"ngày {my_day}, mã {my_id[:8]}, 30 đoàn viên) đang dùng trong thư mục “{ours}”: khôi "
        "phục sẽ thay toàn bộ dữ liệu đang dùng bằng dữ liệu trong bản sao lưu. Nếu thật sự "
        "muốn vậy, hãy chạy lại với --other-organization. Dữ liệu đang dùng không bị thay đổi.\n"
    )
    assert _held(ours) == ("Đoàn xã Tân Hưng", 30, [])
