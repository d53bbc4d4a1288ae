"""A disk that starts failing to flush (``fsync`` giving ``EIO``) once the data are open, as a
worn USB stick does: a save is refused with the disk's message and is not there afterwards, not
even after the data are closed and opened again; once the disk flushes again, the next save
works. The data folder is served through FUSE (:func:`breakage.failing_fsync`), SQLite's own
``fsync`` of its WAL failing at the commit."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from breakage import failing_fsync
from doancoso.core.errors import StorageError
from doancoso.core.workspace import DATABASE_FILE, Workspace


def _member(name: str) -> dict[str, str]:
    return {"full_name": name, "birth_date": "01/01/2000", "gender": "Nam"}


def _names(folder: Path) -> list[str]:
    with sqlite3.connect(folder / DATABASE_FILE) as conn:
        rows = conn.execute("SELECT full_name FROM members WHERE full_name LIKE 'Lê Văn %'")
        names = sorted(name for (name,) in rows)
    conn.close()
    return names


def test_a_save_the_disk_cannot_flush_is_refused_and_not_kept(tmp_path: Path) -> None:
    folder, switch = tmp_path / "du-lieu", tmp_path / "o-dia-hong"
    folder.mkdir()
    with failing_fsync(folder, "both", switch):
        with Workspace.open(folder) as ws:
            ws.generate_demo(members=20, seed=4)
        with Workspace.open(folder) as ws:
            switch.touch()  # the disk fails from here on
            with pytest.raises(StorageError) as refused:
                ws.members.save(_member("Lê Văn Tám"))
            assert refused.value.message == (
                f"Không ghi được dữ liệu vào thư mục “{folder}”: ổ đĩa đã đầy hoặc bị lỗi đọc "
                "ghi (USB có thể đã bị rút ra). Hãy giải phóng chỗ trống trên ổ đĩa hoặc cắm lại "
                "USB, rồi thử lại. Dữ liệu đã lưu không bị thay đổi."
            )
            assert ws.members.count() == 20
            switch.unlink()  # the stick plugged in again
            ws.members.save(_member("Lê Văn Chín"))
            assert ws.members.count() == 21
        with Workspace.open(folder) as ws:
            assert ws.members.count() == 21
        assert _names(folder) == ["Lê Văn Chín"]
