"""A backup onto a USB stick when a stored evidence file is itself gone or damaged (its bytes no
longer those of its hash): the stick is not blamed. The backup and the other files are written;
the secretary is told which file is lost from the data folder, as ``doancoso check`` says it."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from doancoso.core.backup.store import evidence_folder
from doancoso.core.errors import StorageError
from doancoso.core.workspace import Workspace

SCAN = b"%PDF-1.4\n" + bytes(range(256)) * 40
PHOTO = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def _attached(ws: Workspace, tmp_path: Path) -> tuple[str, str]:
    """A scan and a photo attached to an item of the checklist: their hashes."""
    for name, content in (("biên bản họp.pdf", SCAN), ("ảnh ra quân.png", PHOTO)):
        source = tmp_path / "nguon" / name
        source.parent.mkdir(exist_ok=True)
        source.write_bytes(content)
        ws.recognition.attach(2025, "2.3", source)
    return hashlib.sha256(SCAN).hexdigest(), hashlib.sha256(PHOTO).hexdigest()


def _said(usb: Path, *names: str) -> str:
    lost = " ".join(
        f"Tệp minh chứng “{name}” không còn trong thư mục dữ liệu hoặc đã bị thay đổi: hãy "
        "lấy lại từ một bản sao lưu ra USB có tệp đó (“Lấy lại tệp minh chứng bị mất từ "
        "USB…” trong “Sao lưu và khôi phục…”, lệnh doancoso restore-evidence) hoặc đính kèm "
        "lại tệp gốc."
        for name in names
    )
    return (
        f"Bản sao lưu dữ liệu đã ghi ra “{usb}” và đọc lại thấy đúng, nhưng thiếu minh chứng do "
        f"lỗi ở thư mục dữ liệu trên máy này, không phải ở USB. {lost} Bản sao lưu vừa ghi "
        f"không có {'tệp đó' if len(names) == 1 else 'các tệp đó'}; các tệp minh chứng khác đã "
        "chép đủ."
    )


def test_a_damaged_stored_file_is_named_and_the_stick_not_blamed(
    ws: Workspace, tmp_path: Path
) -> None:
    scan, photo = _attached(ws, tmp_path)
    stored = ws.evidence.store.path(scan)
    damaged = bytearray(stored.read_bytes())
    damaged[100] ^= 0xFF  # a flipped byte on the office PC's disk, the size kept
    stored.chmod(0o644)
    stored.write_bytes(bytes(damaged))
    assert [p.message for p in ws.check().problems] == [
        "Tệp minh chứng “biên bản họp.pdf” không còn trong thư mục dữ liệu hoặc đã bị thay đổi: "
        "hãy "
        "lấy lại từ một bản sao lưu ra USB có tệp đó (“Lấy lại tệp minh chứng bị mất từ "
        "USB…” trong “Sao lưu và khôi phục…”, lệnh doancoso restore-evidence) hoặc đính kèm "
        "lại tệp gốc."
    ]
    usb = tmp_path / "usb"
    usb.mkdir()

    with pytest.raises(StorageError) as caught:
        ws.backups.to_folder(usb)

    assert caught.value.message == _said(usb, "biên bản họp.pdf")
    (backup,) = usb.glob("*.sqlite")
    assert ws.backups.inspect(backup).ok
    assert [p.name for p in evidence_folder(backup).iterdir()] == [photo]


def test_stored_files_gone_are_named_in_the_alphabets_order(ws: Workspace, tmp_path: Path) -> None:
    scan, photo = _attached(ws, tmp_path)
    ws.evidence.store.path(scan).unlink()
    ws.evidence.store.path(photo).unlink()
    usb = tmp_path / "usb"
    usb.mkdir()

    with pytest.raises(StorageError) as caught:
        ws.backups.to_folder(usb)

    assert caught.value.message == _said(usb, "ảnh ra quân.png", "biên bản họp.pdf")
    (backup,) = usb.glob("*.sqlite")
    assert ws.backups.inspect(backup).ok
    assert list(evidence_folder(backup).glob("*")) == []


def test_a_row_with_a_malformed_hash_is_named_as_the_check_names_it(
    ws: Workspace, tmp_path: Path
) -> None:
    scan, photo = _attached(ws, tmp_path)
    with sqlite3.connect(ws.db.path) as db:  # a row an old version or a hand edit left so
        db.execute("UPDATE evidence_files SET sha256 = ? WHERE sha256 = ?", (scan.upper(), scan))
    db.close()
    said = (
        "Tệp minh chứng “biên bản họp.pdf” không còn trong thư mục dữ liệu hoặc đã bị thay đổi: "
        "hãy "
        "lấy lại từ một bản sao lưu ra USB có tệp đó (“Lấy lại tệp minh chứng bị mất từ "
        "USB…” trong “Sao lưu và khôi phục…”, lệnh doancoso restore-evidence) hoặc đính kèm "
        "lại tệp gốc."
    )
    assert [p.message for p in ws.check().problems if p.kind == "evidence"] == [said]
    usb = tmp_path / "usb"
    usb.mkdir()

    with pytest.raises(StorageError) as caught:
        ws.backups.to_folder(usb)

    assert caught.value.message == _said(usb, "biên bản họp.pdf")
    (backup,) = usb.glob("*.sqlite")
    assert ws.backups.inspect(backup).ok
    assert [p.name for p in evidence_folder(backup).iterdir()] == [photo]


def test_a_file_gone_during_the_copy_is_named_as_lost(ws: Workspace, tmp_path: Path) -> None:
    scan, photo = _attached(ws, tmp_path)
    first, second = sorted((scan, photo))  # the order the backup copies them in
    names = {scan: "biên bản họp.pdf", photo: "ảnh ra quân.png"}
    reports: list[tuple[int, int]] = []

    def report(done: int, total: int) -> None:
        if not reports:  # the first file is being copied: the second goes from the disk
            ws.evidence.store.path(second).unlink()
        reports.append((done, total))

    usb = tmp_path / "usb"
    usb.mkdir()

    with pytest.raises(StorageError) as caught:
        ws.backups.to_folder(usb, report)

    assert caught.value.message == _said(usb, names[second])
    (backup,) = usb.glob("*.sqlite")
    assert ws.backups.inspect(backup).ok
    assert [p.name for p in evidence_folder(backup).iterdir()] == [first]
    assert reports[0] == (len(SCAN if first == scan else PHOTO), len(SCAN) + len(PHOTO))
