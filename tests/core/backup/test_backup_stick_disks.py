"""A backup onto a USB stick, and evidence files copied onto one, on sticks that refuse writes for
real (the tests run as root, for whom permission bits stop nothing): a write-protected stick (a
read-only bind mount, EROFS) and a stick that fills up half-way (a small tmpfs, ENOSPC). Each
says in Vietnamese what happened and what to do, leaves no partial file under a final name,
and changes nothing in the data folder. Skipped, with the reason, where mounting is not
permitted (:mod:`breakage`)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from breakage import read_only_mount, small_disk, snapshot
from doancoso.core.backup.outside import OUTSIDE_FILE
from doancoso.core.backup.service import EvidenceNotCarried
from doancoso.core.backup.store import describe, evidence_folder
from doancoso.core.errors import StorageError
from doancoso.core.workspace import Workspace

KIB = 1024
SCAN_SIZE = 256 * KIB


def _attached(ws: Workspace, tmp_path: Path, names: list[str]) -> list[str]:
    """PDFs of :data:`SCAN_SIZE` attached to item 1.6, named ``names``: their hashes."""
    hashes = []
    for name in names:
        source = tmp_path / "nguon" / name
        source.parent.mkdir(exist_ok=True)
        content = b"%PDF-1.4\n" + os.urandom(SCAN_SIZE - 9)
        source.write_bytes(content)
        ws.recognition.attach(2025, "1.6", source)
        hashes.append(hashlib.sha256(content).hexdigest())
    return hashes


def test_a_backup_onto_a_write_protected_stick_is_refused_and_writes_nothing(
    ws: Workspace, tmp_path: Path
) -> None:
    _attached(ws, tmp_path, ["biên bản họp.pdf"])
    members = ws.members.count()
    before = snapshot(ws.data_dir)
    usb = tmp_path / "usb"
    usb.mkdir()
    with read_only_mount(usb):
        for target in (usb, usb / "sao-luu"):  # the stick itself, a folder to make on it
            with pytest.raises(StorageError) as caught:
                ws.backups.to_folder(target)
            assert caught.value.message == (
                f"Không ghi được bản sao lưu vào “{target}”: ổ đĩa chỉ cho phép đọc (USB có thể "
                "đang bị khóa ghi). Hãy gạt khóa ghi của USB (nếu có) hoặc dùng USB khác, rồi "
                "thử lại. Dữ liệu đang dùng không bị thay đổi."
            )
            assert list(usb.iterdir()) == []
    assert snapshot(ws.data_dir) == before and ws.members.count() == members


def test_evidence_copied_onto_a_write_protected_stick_is_refused_and_writes_nothing(
    ws: Workspace, tmp_path: Path
) -> None:
    _attached(ws, tmp_path, ["biên bản họp.pdf"])
    (item,) = [v for v in ws.recognition.view(2025).items if v.item.code == "1.6"]
    before = snapshot(ws.data_dir)
    usb = tmp_path / "usb"
    usb.mkdir()
    with read_only_mount(usb):
        with pytest.raises(StorageError) as caught:
            ws.evidence.copy_to_folder(list(item.files), usb)
        assert caught.value.message == (
            f"Không chép được tệp “biên bản họp.pdf” vào “{usb}”: ổ đĩa chỉ cho phép đọc (USB "
            "có thể đang bị khóa ghi). Hãy gạt khóa ghi của USB (nếu có) hoặc dùng USB khác, rồi "
            "thử lại."
        )
        assert list(usb.iterdir()) == []
    assert snapshot(ws.data_dir) == before


def test_a_stick_filling_up_during_the_evidence_copy_keeps_only_whole_files(
    ws: Workspace, tmp_path: Path
) -> None:
    """The database fits, one evidence file fits, the next does not: the backup is written and
    said to be; the stick holds whole files only, each under the hash of what it holds, and
    nothing under a temporary name; the user is told to make room or take another stick."""
    hashes = _attached(ws, tmp_path, ["biên bản họp.pdf", "báo cáo.pdf"])
    measured = ws.backups.to_folder(tmp_path / "do-kich-thuoc")
    before = snapshot(ws.data_dir)
    usb = tmp_path / "usb"
    usb.mkdir()
    room = -(-measured.size // KIB) + SCAN_SIZE // KIB + 128  # the database and one file
    with small_disk(usb, room):
        with pytest.raises(EvidenceNotCarried) as caught:
            ws.backups.to_folder(usb)
        assert caught.value.message == (
            f"Không chép được tệp minh chứng ra “{usb}”: ổ đĩa đã đầy. Bản sao lưu dữ liệu đã "
            "ghi, nhưng USB không còn chỗ cho các tệp minh chứng: hãy giải phóng chỗ trống trên "
            "USB (hoặc dùng USB khác) rồi sao lưu lại để có đủ minh chứng."
        )
        written = caught.value.backup
        assert written is not None and written.ok
        (on_stick,) = usb.glob("*.sqlite")
        assert describe(on_stick) == written
        carried = sorted(p.name for p in evidence_folder(on_stick).iterdir())
        assert carried == sorted(hashes)[:1]  # copied in the order of their hashes
        for name in carried:
            whole = evidence_folder(on_stick) / name
            assert hashlib.sha256(whole.read_bytes()).hexdigest() == name
        assert sorted(p.name for p in usb.iterdir()) == [on_stick.name, f"{on_stick.name}.evidence"]
    # The data folder changed only in where it remembers the last backup onto a stick went.
    assert snapshot(ws.data_dir) == {**before, OUTSIDE_FILE: snapshot(ws.data_dir)[OUTSIDE_FILE]}
    remembered = ws.backups.last_outside()
    assert remembered is not None and remembered.path == on_stick
