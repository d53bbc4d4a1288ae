"""Evidence files lost from the store taken back from a USB backup's ``.evidence`` folder,
without restoring the data: only the files the store lacks or holds damaged, each verified by
its SHA-256; what the backup does not have (or holds damaged) is named, and nothing else
changes."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from pathlib import Path

import pytest

from doancoso.core.backup.lost_evidence import taken_back_text
from doancoso.core.backup.service import TAKEN_BACK_KEY
from doancoso.core.backup.store import evidence_folder
from doancoso.core.errors import StorageError
from doancoso.core.workspace import Workspace

SCAN = b"%PDF-1.4\n" + bytes(range(256)) * 40
PHOTO = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
MINUTES = b"%PDF-1.5\n" + b"bien ban" * 300
SCAN_NAME, PHOTO_NAME = "biên bản họp.pdf", "ảnh ra quân.png"
BOTH = ((SCAN_NAME, SCAN), (PHOTO_NAME, PHOTO))


def _attached(ws: Workspace, tmp_path: Path, files: tuple[tuple[str, bytes], ...]) -> list[str]:
    """``files`` (name, content) attached to an item of the checklist: their hashes."""
    hashes = []
    for name, content in files:
        source = tmp_path / "nguon" / name
        source.parent.mkdir(exist_ok=True)
        source.write_bytes(content)
        ws.recognition.attach(2025, "2.3", source)
        hashes.append(hashlib.sha256(content).hexdigest())
    return hashes


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[20] ^= 0xFF  # a flipped byte, the size kept
    path.chmod(0o644)
    path.write_bytes(bytes(data))


def _data(ws: Workspace) -> list[str]:
    """Every row of the database, but the take-backs' counter (see the last test)."""
    with contextlib.closing(sqlite3.connect(ws.db.path)) as connection:
        return [line for line in connection.iterdump() if TAKEN_BACK_KEY not in line]


def _usb_backup(ws: Workspace, tmp_path: Path) -> Path:
    usb = tmp_path / "usb"
    usb.mkdir(exist_ok=True)
    return ws.backups.to_folder(usb).path


def test_only_the_lost_files_the_backup_has_are_taken_back(ws: Workspace, tmp_path: Path) -> None:
    scan, photo = _attached(ws, tmp_path, BOTH)
    backup = _usb_backup(ws, tmp_path)  # holds the scan and the photo
    (minutes,) = _attached(ws, tmp_path, (("biên bản đại hội.pdf", MINUTES),))  # after it
    store = ws.evidence.store
    store.path(scan).unlink()  # two lost
    store.path(minutes).unlink()
    _damage(store.path(photo))  # one damaged
    members_before = ws.members.count()
    database_before = _data(ws)
    generation = ws.changes.generation

    result = ws.backups.take_back_evidence(backup)
    changes = ws.changes.since(generation)  # no row changed: the lists showing them are told
    assert changes.ids("evidence_files") is None and not changes.ends_undo

    assert result.taken == ["ảnh ra quân.png", "biên bản họp.pdf"]
    assert result.absent == ["biên bản đại hội.pdf"]
    assert result.damaged == []
    assert store.path(scan).read_bytes() == SCAN
    assert store.path(photo).read_bytes() == PHOTO
    assert not store.path(minutes).exists()
    assert [p.name for p in store.folder.iterdir() if p.name.startswith(".")] == []
    assert ws.members.count() == members_before and _data(ws) == database_before
    assert [p.message for p in ws.check().problems] == [
        "Tệp minh chứng “biên bản đại hội.pdf” không còn trong thư mục dữ liệu hoặc đã bị thay "
        "đổi: hãy lấy lại từ một bản sao lưu ra USB có tệp đó (“Lấy lại tệp minh chứng bị mất "
        "từ USB…” trong “Sao lưu và khôi phục…”, lệnh doancoso restore-evidence) hoặc đính kèm "
        "lại tệp gốc."
    ]
    assert taken_back_text(result, backup) == (
        f"Đã lấy lại 2 tệp minh chứng từ thư mục “{backup.name}.evidence”: “ảnh ra quân.png”, "
        "“biên bản họp.pdf”.\n"
        "Bản sao lưu này cũng không có 1 tệp: “biên bản đại hội.pdf”. Hãy lấy lại từ một bản "
        "sao lưu ra USB khác có tệp đó hoặc đính kèm lại tệp gốc."
    )


def test_a_file_damaged_in_the_backup_is_not_taken(ws: Workspace, tmp_path: Path) -> None:
    scan, photo = _attached(ws, tmp_path, BOTH)
    backup = _usb_backup(ws, tmp_path)
    _damage(evidence_folder(backup) / scan)  # a worn stick
    ws.evidence.store.path(scan).unlink()
    ws.evidence.store.path(photo).unlink()

    result = ws.backups.take_back_evidence(backup)

    assert result.taken == ["ảnh ra quân.png"] and result.absent == []
    assert result.damaged == ["biên bản họp.pdf"]
    assert not ws.evidence.store.path(scan).exists()
    assert list(ws.evidence.store.folder.glob(".*")) == []
    assert taken_back_text(result, backup) == (
        f"Đã lấy lại 1 tệp minh chứng từ thư mục “{backup.name}.evidence”: “ảnh ra quân.png”.\n"
        "Tệp “biên bản họp.pdf” trong bản sao lưu đã bị hỏng (nội dung không còn đúng như khi "
        "sao lưu) nên không được lấy lại. Hãy lấy lại từ một bản sao lưu ra USB khác có tệp đó "
        "hoặc đính kèm lại tệp gốc."
    )


def test_nothing_lost_takes_nothing(ws: Workspace, tmp_path: Path) -> None:
    _attached(ws, tmp_path, BOTH[:1])
    backup = _usb_backup(ws, tmp_path)
    generation = ws.changes.generation
    result = ws.backups.take_back_evidence(backup)
    assert (result.taken, result.absent, result.damaged) == ([], [], [])
    assert not ws.changes.since(generation)  # nothing announced
    assert taken_back_text(result, backup) == (
        "Không có tệp minh chứng nào bị mất: không cần lấy lại tệp nào."
    )


def test_a_backup_without_its_evidence_folder_is_refused(ws: Workspace, tmp_path: Path) -> None:
    (scan,) = _attached(ws, tmp_path, BOTH[:1])
    listed = ws.backups.take()  # a backup of the list: it carries no evidence
    ws.evidence.store.path(scan).unlink()
    with pytest.raises(StorageError) as caught:
        ws.backups.take_back_evidence(listed.path)
    assert caught.value.message == (
        f"Không có thư mục “{listed.path.name}.evidence” cạnh tệp sao lưu “{listed.path.name}”: "
        "chỉ bản sao lưu ra USB mới mang theo tệp minh chứng (trong thư mục đó). Hãy chọn một "
        "bản sao lưu ra USB. Chưa lấy lại tệp nào."
    )
    assert not ws.evidence.store.path(scan).exists()


def test_files_taken_back_by_another_process_are_seen_by_the_app_open_on_the_folder(
    ws: Workspace, tmp_path: Path
) -> None:
    """``doancoso restore-evidence`` in a terminal while the app is open: no row changes, yet
    the app's check for other processes' writes (the one it makes on becoming active) must see
    it, or the files stay shown as lost. Seen before the command's workspace is even closed."""
    (scan,) = _attached(ws, tmp_path, BOTH[:1])
    backup = _usb_backup(ws, tmp_path)
    ws.evidence.store.path(scan).unlink()
    assert not ws.check_external()

    with Workspace.open(ws.data_dir) as terminal:
        assert terminal.backups.take_back_evidence(backup).taken == [SCAN_NAME]
        assert ws.check_external().touches("evidence_files")

    assert ws.evidence.store.path(scan).read_bytes() == SCAN
    ws.check_external()  # the command's closing (its WAL checkpoint), not a write of its own
    with Workspace.open(ws.data_dir) as terminal:  # nothing lost: nothing to tell
        assert terminal.backups.take_back_evidence(backup).taken == []
        assert not ws.check_external()
