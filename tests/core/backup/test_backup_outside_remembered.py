"""The last backup written outside the data folder (onto a USB stick), remembered in the data
folder with when it was taken, from the app and the command line alike: the list of backups
shows only those of ``backups/``, and once the "Đã sao lưu ra …" message was closed nothing said
where it went."""

from __future__ import annotations

from pathlib import Path

from doancoso.core.backup.outside import OUTSIDE_FILE, outside_text
from doancoso.core.workspace import Workspace


def test_a_backup_onto_a_stick_is_remembered_and_said(ws: Workspace, tmp_path: Path) -> None:
    assert ws.backups.last_outside() is None  # none yet
    usb = tmp_path / "usb"
    info = ws.backups.to_folder(usb)
    ws.backups.take("thu-cong")  # one in the data folder does not count
    last = ws.backups.last_outside()
    assert last is not None
    assert (last.path, last.taken_at, last.present) == (info.path, info.taken_at, True)
    when = f"{info.taken_at:%H:%M} ngày {info.taken_at:%d/%m/%Y}"
    assert outside_text(last) == f"Lần sao lưu ra USB gần nhất: “{info.path}” lúc {when}."
    data_dir = ws.data_dir
    ws.close()
    again = Workspace.open(data_dir)  # kept in the data folder
    try:
        assert again.backups.last_outside() == last
    finally:
        again.close()


def test_a_remembered_backup_no_longer_there_is_said_missing(ws: Workspace, tmp_path: Path) -> None:
    info = ws.backups.to_folder(tmp_path / "usb")
    info.path.unlink()  # the stick not plugged in, or the file moved
    last = ws.backups.last_outside()
    assert last is not None and not last.present
    when = f"{info.taken_at:%H:%M} ngày {info.taken_at:%d/%m/%Y}"
    assert outside_text(last) == (
        f"Lần sao lưu ra USB gần nhất: “{info.path}” lúc {when}, nhưng hiện không thấy tệp đó "
        "(USB chưa được cắm vào, hoặc tệp đã bị xóa hay chuyển đi)."
    )


def test_the_newest_one_is_remembered(ws: Workspace, tmp_path: Path) -> None:
    ws.backups.to_folder(tmp_path / "usb")
    second = ws.backups.to_folder(tmp_path / "other")
    last = ws.backups.last_outside()
    assert last is not None and last.path == second.path


def test_a_damaged_memory_reads_as_none_and_is_written_again(ws: Workspace, tmp_path: Path) -> None:
    memory = ws.data_dir / OUTSIDE_FILE
    for garbage in ("{not json", '{"path": 3}', '["a"]', '{"path": "x", "taken_at": "hôm qua"}'):
        memory.write_text(garbage, encoding="utf-8")
        assert ws.backups.last_outside() is None
    info = ws.backups.to_folder(tmp_path / "usb")
    last = ws.backups.last_outside()
    assert last is not None and last.path == info.path
