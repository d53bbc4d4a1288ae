"""After the command line found the data damaged and set them aside, the next commands run on
that folder: they used to say the folder had no data and send the secretary to ``doancoso
init``, which would make a new, empty organisation in front of the backups. They say the
backups are there and how to restore the newest sound one."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

from doancoso.cli.main import run
from doancoso.core.storage.folder import DATABASE_FILE
from doancoso.core.workspace import Workspace


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    return run(list(args), out, err), out.getvalue(), err.getvalue()


def _set_aside(data_dir: Path) -> Path:
    """The demo's data truncated (a copy cut short), then found damaged by ``check``: the
    newest sound backup, which the next commands must name."""
    ws = Workspace.open(data_dir)
    ws.generate_demo(members=40, seed=2)
    taken = ws.backups.take()
    ws.close()
    live = data_dir / DATABASE_FILE
    live.write_bytes(live.read_bytes()[: live.stat().st_size // 2])
    code, _, err = _cli("check", "--data-dir", str(data_dir))
    assert code == 1 and "Tệp hỏng đã được chuyển sang" in err
    assert not live.exists()
    return taken.path


def test_commands_after_the_data_were_set_aside_say_how_to_restore(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    newest = _set_aside(data_dir)
    for command in ("backup", "check"):
        code, out, err = _cli(command, "--data-dir", str(data_dir))
        assert (code, out) == (1, "")
        assert err.startswith(
            f"Lỗi: Thư mục “{data_dir}” không có dữ liệu đang dùng nhưng có bản sao lưu. Bản sao "
            "lưu gần nhất còn tốt: lúc "
        )
        assert "40 đoàn viên; sao lưu theo yêu cầu)." in err
        assert "doancoso init" not in err
        assert err.endswith(
            f'hoặc chạy lệnh: doancoso restore --data-dir "{data_dir}" "{newest}"\n'
        )
    assert not (data_dir / DATABASE_FILE).exists()  # nothing made in their place


def test_the_backups_are_listed_without_data(tmp_path: Path) -> None:
    """``doancoso backups``: what the secretary reads to choose which one to restore."""
    data_dir = tmp_path / "data"
    newest = _set_aside(data_dir)
    code, out, err = _cli("backups", "--data-dir", str(data_dir))
    assert (code, err) == (0, "")
    [line] = out.splitlines()
    assert line.endswith(
        f"  Sao lưu theo yêu cầu  {line.split('  ')[2]}  40 đoàn viên  tốt  {newest}"
    )
    code, out, err = _cli("backups", "--data-dir", str(data_dir), "--format", "json")
    assert (code, err) == (0, "")
    assert [(b["file"], b["members"], b["ok"]) for b in json.loads(out)] == [
        (str(newest), 40, True)
    ]
    assert not (data_dir / DATABASE_FILE).exists()


def test_a_folder_without_data_nor_backups_is_still_refused(tmp_path: Path) -> None:
    code, out, err = _cli("backups", "--data-dir", str(tmp_path / "khong-co"))
    assert (code, out) == (1, "")
    assert err.startswith(f"Lỗi: Chưa có dữ liệu ở thư mục “{tmp_path / 'khong-co'}”.")
    assert not (tmp_path / "khong-co").exists()
