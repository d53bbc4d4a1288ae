"""Where ``backup --to`` and ``restore`` write: a mistyped folder is refused, naming it, and a
refused restore leaves everything as it found it, not even an empty data folder at --data-dir."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from breakage import snapshot
from cli_run import cli
from doancoso.core.workspace import Workspace


@pytest.fixture
def folder(ws: Workspace, data_dir: Path) -> Path:
    ws.members.save({"full_name": "Lê Văn An", "birth_date": "05/03/2001", "gender": "Nam"})
    ws.close()
    return data_dir


def test_a_backup_into_a_mistyped_folder_is_refused_naming_it(folder: Path, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    mistyped = usb / "saoluuu"
    data = snapshot(folder)
    code, out, err = cli("backup", "--to", str(mistyped / "x"), "--data-dir", str(folder))
    assert (code, out) == (1, "")
    assert err == (
        f"Lỗi: Không tìm thấy thư mục “{mistyped}”: hãy kiểm tra lại đường dẫn (và USB đã được "
        "cắm vào chưa). Chưa ghi gì; dữ liệu đang dùng không bị thay đổi.\n"
    )
    assert list(usb.iterdir()) == []
    assert snapshot(folder) == data


def test_a_backup_into_a_new_folder_of_an_existing_one_makes_it(
    folder: Path, tmp_path: Path
) -> None:
    target = tmp_path / "saoluu"
    code, out, err = cli(
        "backup", "--to", str(target), "--data-dir", str(folder), "--format", "json"
    )
    assert (code, err) == (0, "")
    taken = json.loads(out)
    assert Path(taken["file"]).parent == target and taken["members"] == 1


def test_a_refused_restore_into_a_new_folder_makes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "khong-phai.sqlite"
    bad.write_text("không phải dữ liệu", encoding="utf-8")
    fresh = tmp_path / "may-moi" / "du-lieu"
    code, out, err = cli("restore", str(bad), "--data-dir", str(fresh))
    assert (code, out) == (1, "")
    assert err == (
        "Lỗi: Bản sao lưu “khong-phai.sqlite” bị hỏng hoặc không phải dữ liệu của ứng dụng nên "
        "không được khôi phục. Dữ liệu đang dùng không bị thay đổi.\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["khong-phai.sqlite"]


def test_a_refused_restore_leaves_the_data_as_they_were(folder: Path, tmp_path: Path) -> None:
    bad = tmp_path / "sao-luu.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)  # a header and nothing else
    data = snapshot(folder)
    code, out, err = cli("restore", str(bad), "--data-dir", str(folder))
    assert (code, out) == (1, "") and err.startswith("Lỗi: Bản sao lưu “sao-luu.sqlite” ")
    assert snapshot(folder) == data


def test_a_restore_onto_a_new_computer_makes_its_folder(folder: Path, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, err = cli("backup", "--to", str(usb), "--data-dir", str(folder), "--format", "json")
    assert (code, err) == (0, "")
    backup = Path(json.loads(out)["file"])
    fresh = tmp_path / "may-moi" / "du-lieu"
    code, out, err = cli("restore", str(backup), "--data-dir", str(fresh))
    assert (code, err) == (0, "")
    assert out == f"Đã khôi phục {backup.name} (1 đoàn viên).\n"
    with Workspace.open(fresh, create=False) as ws:
        assert [m.full_name for m in ws.members.list()] == ["Lê Văn An"]
