"""A backup written to a USB stick: said done only once its name is on the stick (the folder
flushed after the rename), and what a backup killed half-way left there removed by the next
backup into that folder, only the app's own files, only long stale."""

from __future__ import annotations

import os
import time
from pathlib import Path

from doancoso.core.workspace import Workspace
from flush_steps import flush_steps

MIB = 1024 * 1024


def test_the_backup_is_flushed_then_named_then_its_folder_flushed(
    ws: Workspace, tmp_path: Path
) -> None:
    """The folder's flush after the rename is what makes the name last on a FAT32 stick pulled
    out as soon as the app says done (SQLite flushes the folder only when it makes its journal,
    before the rename: a stick failing then is said by the backup's own message)."""
    usb = tmp_path / "usb"
    usb.mkdir()
    with flush_steps() as steps:
        info = ws.backups.to_folder(usb)

    written, folder = info.path.stat().st_ino, usb.stat().st_ino
    # Then only the data folder's memory of where it went (core.backup.outside).
    assert steps[:3] == [("fsync", written), ("replace", written), ("fsync", folder)]
    assert all(inode not in (written, folder) for _, inode in steps[3:])


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_the_next_backup_removes_what_a_killed_one_left(ws: Workspace, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    stale = [
        usb / ".thu-cong-20261205-101500.sqlite.tmp",  # killed yesterday, with its journal
        usb / ".thu-cong-20261205-101500.sqlite.tmp-journal",
    ]
    young = usb / ".thu-cong-20261206-231000.sqlite.tmp"  # maybe still being checked
    others = [usb / name for name in (".thu-cong.sqlite.tmp", "thu-cong-20261205-101500.tmp")]
    for path in [*stale, *others]:
        path.write_bytes(b"half a backup")
        _age(path, 86_400)
    young.write_bytes(b"a backup being checked")
    _age(young, 600)

    info = ws.backups.to_folder(usb)

    assert sorted(p.name for p in usb.iterdir()) == sorted(
        [info.path.name, young.name, *(p.name for p in others)]
    )


def test_the_evidence_copy_reports_its_bytes_as_they_go(ws: Workspace, tmp_path: Path) -> None:
    """What the progress bar of "Sao lưu ra USB" follows: the bytes of every evidence file, a
    report after each chunk (1 MiB) of each file, up to the total of them all."""
    scan = b"%PDF-1.4\n" + bytes(range(256)) * (6 * 1024)  # 1.5 MiB: two chunks
    photo = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
    for name, content in (("biên bản.pdf", scan), ("ảnh.png", photo)):
        source = tmp_path / "nguon" / name
        source.parent.mkdir(exist_ok=True)
        source.write_bytes(content)
        ws.recognition.attach(2025, "2.3", source)
    usb = tmp_path / "usb"
    usb.mkdir()
    reported: list[tuple[int, int]] = []

    ws.backups.to_folder(usb, lambda done, total: reported.append((done, total)))

    dones = [done for done, _ in reported]
    chunks = [after - before for before, after in zip([0, *dones], dones, strict=False)]
    assert {total for _, total in reported} == {len(scan) + len(photo)}
    assert sorted(chunks) == sorted([MIB, len(scan) - MIB, len(photo)])  # in the hashes' order
