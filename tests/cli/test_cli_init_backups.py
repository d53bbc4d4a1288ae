"""``doancoso init`` on a folder whose damaged data were set aside and that still holds their
backups: it used to make a new, empty organisation in front of them. It refuses, naming the
newest sound backup and the ``doancoso restore`` command, unless ``--ignore-backups`` says a
new organisation is really wanted."""

from __future__ import annotations

from pathlib import Path

from cli_run import cli
from doancoso.core.backup.store import recovery_advice
from doancoso.core.storage.folder import DATABASE_FILE
from doancoso.core.workspace import Workspace

INIT = ("init", "--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau")


def _set_aside(data_dir: Path) -> Path:
    """The demo's data truncated, then found damaged by ``check`` and set aside: the newest
    sound backup."""
    ws = Workspace.open(data_dir)
    ws.generate_demo(members=40, seed=2)
    taken = ws.backups.take()
    ws.close()
    live = data_dir / DATABASE_FILE
    live.write_bytes(live.read_bytes()[: live.stat().st_size // 2])
    code, _, _ = cli("check", "--data-dir", str(data_dir))
    assert code == 1 and not live.exists()
    return taken.path


def test_init_in_front_of_backups_is_refused_naming_the_restore(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    newest = _set_aside(data_dir)
    aside = sorted(p.name for p in data_dir.iterdir())

    code, out, err = cli(*INIT, "--data-dir", str(data_dir))

    advice, _ = recovery_advice(data_dir / "backups", set_up=True)
    assert (code, out) == (1, "")
    assert err == (
        f"Lỗi: Thư mục “{data_dir}” không có dữ liệu đang dùng nhưng có bản sao lưu. {advice} "
        "Để khôi phục: mở ứng dụng và chọn “Khôi phục”, hoặc chạy lệnh: doancoso restore "
        f'--data-dir "{data_dir}" "{newest}"\n'
        "Thiết lập lúc này sẽ tạo một tổ chức mới, chưa có đoàn viên nào, thay cho dữ liệu trong "
        "các bản sao lưu đó; nếu thật sự muốn vậy, hãy chạy lại với --ignore-backups. Chưa thay "
        "đổi gì.\n"
    )
    assert "40 đoàn viên" in advice
    assert sorted(p.name for p in data_dir.iterdir()) == aside  # nothing made

    code, out, err = cli(*INIT, "--ignore-backups", "--data-dir", str(data_dir))
    assert (code, err) == (0, "")
    assert out == "Đã thiết lập Đoàn xã Tân Hưng (cấp trên: Tỉnh đoàn Cà Mau).\n"
    assert newest.exists()


def test_init_in_a_new_folder_needs_no_choice(tmp_path: Path) -> None:
    code, out, err = cli(*INIT, "--data-dir", str(tmp_path / "moi"))
    assert (code, err) == (0, "")
