"""``doancoso restore-evidence BACKUP_FILE``: the evidence files lost from the data folder taken
back from a backup on a USB stick, each checked by its hash, without restoring its data; what
the backup does not have either is named, and the exit code says whether any is still lost."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cli_run import cli
from doancoso.core.backup.store import evidence_folder
from doancoso.core.workspace import Workspace

SCAN = b"%PDF-1.4\n" + bytes(range(256)) * 40
PHOTO = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def _attach(ws: Workspace, tmp_path: Path, name: str, content: bytes) -> str:
    source = tmp_path / "nguon" / name
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(content)
    ws.recognition.attach(2025, "2.3", source)
    return hashlib.sha256(content).hexdigest()


def test_the_lost_files_are_taken_back_and_the_rest_named(
    ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    scan = _attach(ws, tmp_path, "biên bản họp.pdf", SCAN)
    usb = tmp_path / "usb"
    usb.mkdir()
    backup = ws.backups.to_folder(usb).path
    photo = _attach(ws, tmp_path, "ảnh ra quân.png", PHOTO)  # after the backup
    ws.evidence.store.path(scan).unlink()
    ws.evidence.store.path(photo).unlink()
    ws.close()

    code, out, err = cli("restore-evidence", "--data-dir", str(data_dir), str(backup))

    assert (code, err) == (1, "")
    assert out == (
        f"Đã lấy lại 1 tệp minh chứng từ thư mục “{backup.name}.evidence”: “biên bản họp.pdf”.\n"
        "Bản sao lưu này cũng không có 1 tệp: “ảnh ra quân.png”. Hãy lấy lại từ một bản sao "
        "lưu ra USB khác có tệp đó hoặc đính kèm lại tệp gốc.\n"
    )
    assert (data_dir / "evidence" / scan).read_bytes() == SCAN
    assert not (data_dir / "evidence" / photo).exists()

    (evidence_folder(backup) / photo).write_bytes(PHOTO)  # found, and put beside the backup
    code, out, err = cli("restore-evidence", "--data-dir", str(data_dir), str(backup))
    assert (code, err) == (0, "")
    assert out == (
        f"Đã lấy lại 1 tệp minh chứng từ thư mục “{backup.name}.evidence”: “ảnh ra quân.png”.\n"
    )
    code, out, err = cli("check", "--data-dir", str(data_dir))
    assert code == 0, out
