"""Where ``backup --to`` writes: a mistyped folder is refused, naming it; a new folder in an
existing one is made."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest

from breakage import snapshot
from doancoso.cli.main import run
from doancoso.core.workspace import Workspace


def _cli(*argv: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    code = run(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


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
    code, out, err = _cli("backup", "--to", str(mistyped / "x"), "--data-dir", str(folder))
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
    code, out, err = _cli(
        "backup", "--to", str(target), "--data-dir", str(folder), "--format", "json"
    )
    assert (code, err) == (0, "")
    taken = json.loads(out)
    assert Path(taken["file"]).parent == target and taken["members"] == 1
