"""``doancoso backup --to`` onto a write-protected stick (a read-only bind mount) and onto a stick
that fills up during the evidence copy (a small tmpfs): exit 1 with the Vietnamese message, the
data folder unchanged; a backup written whole before the stick filled up is named, since
``doancoso restore`` takes it. Skipped, with the reason, where mounting is not permitted."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from breakage import read_only_mount, small_disk, snapshot
from cli_run import cli
from doancoso.core.backup.outside import OUTSIDE_FILE
from doancoso.core.backup.store import describe, evidence_folder
from doancoso.core.workspace import Workspace

KIB = 1024


def _set_up(tmp_path: Path, scans: int) -> Path:
    """A data folder with ``scans`` PDFs of 256 KiB attached to item 1.6 of 2025."""
    data = tmp_path / "du-lieu"
    with Workspace.open(data) as ws:
        ws.generate_demo(members=20, seed=5)
        ws.recognition.open(2025)
        for index in range(scans):
            source = tmp_path / f"bien-ban-{index}.pdf"
            source.write_bytes(b"%PDF-1.4\n" + os.urandom(256 * KIB - 9))
            ws.recognition.attach(2025, "1.6", source)
    return data


def test_a_backup_onto_a_write_protected_stick(tmp_path: Path) -> None:
    data = _set_up(tmp_path, 1)
    before = snapshot(data)
    usb = tmp_path / "usb"
    usb.mkdir()
    with read_only_mount(usb):
        result = cli("backup", "--data-dir", str(data), "--to", str(usb))
        assert (result.code, result.out) == (1, "")
        assert result.err == (
            f"Lỗi: Không ghi được bản sao lưu vào “{usb}”: ổ đĩa chỉ cho phép đọc (USB có thể "
            "đang bị khóa ghi). Hãy gạt khóa ghi của USB (nếu có) hoặc dùng USB khác, rồi thử lại. "
            "Dữ liệu đang dùng không bị thay đổi.\n"
        )
        assert list(usb.iterdir()) == []
    assert snapshot(data) == before


def test_a_stick_full_before_the_evidence_names_the_backup_written(tmp_path: Path) -> None:
    data = _set_up(tmp_path, 1)
    measured = cli("backup", "--data-dir", str(data), "--to", str(tmp_path / "do"))
    assert measured.code == 0, measured.err
    size = next((tmp_path / "do").glob("*.sqlite")).stat().st_size
    before = snapshot(data)
    usb = tmp_path / "usb"
    usb.mkdir()
    with small_disk(usb, -(-size // KIB) + 64):  # the database fits, the scan does not
        result = cli("backup", "--data-dir", str(data), "--to", str(usb))
        (written,) = usb.glob("*.sqlite")
        assert result.code == 1
        assert result.out == f"Đã sao lưu: {written}\n"
        assert result.err == (
            f"Lỗi: Không chép được tệp minh chứng ra “{usb}”: ổ đĩa đã đầy. Bản sao lưu dữ liệu "
            "đã ghi, nhưng USB không còn chỗ cho các tệp minh chứng: hãy giải phóng chỗ trống "
            "trên USB (hoặc dùng USB khác) rồi sao lưu lại để có đủ minh chứng.\n"
        )
        info = describe(written)
        assert info is not None and info.ok and info.members == 20
        carried = list(evidence_folder(written).iterdir())  # the demo's small photos first
        assert len(carried) < len(list((data / "evidence").iterdir()))
        for whole in carried:  # no part of a file, nothing under a temporary name
            assert hashlib.sha256(whole.read_bytes()).hexdigest() == whole.name
    # The data folder changed only in where it remembers the last backup onto a stick went.
    assert snapshot(data) == {**before, OUTSIDE_FILE: snapshot(data)[OUTSIDE_FILE]}
