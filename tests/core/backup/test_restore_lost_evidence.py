"""A restore whose records cite evidence files the data folder does not have: the secretary is
told where they are, or that they were lost before the backup was taken, never sent to copy a
folder that does not exist or that is already there without them."""

from __future__ import annotations

from pathlib import Path

import pytest

from doancoso.core.backup.restore import missing_evidence_text
from doancoso.core.backup.store import evidence_folder
from doancoso.core.errors import StorageError
from doancoso.core.workspace import Workspace

SCAN = b"%PDF-1.4\n" + bytes(range(256)) * 40


def _attached_then_lost(ws: Workspace, tmp_path: Path) -> None:
    """A scan attached to an item of the checklist, then its stored file deleted by hand."""
    source = tmp_path / "nguon" / "biên bản họp.pdf"
    source.parent.mkdir()
    source.write_bytes(SCAN)
    ws.recognition.attach(2025, "2.3", source)
    (stored,) = [p for p in (ws.data_dir / "evidence").iterdir() if p.is_file()]
    stored.unlink()


def test_a_backup_of_the_list_does_not_send_to_a_stick_folder(
    ws: Workspace, tmp_path: Path
) -> None:
    _attached_then_lost(ws, tmp_path)
    taken = ws.backups.take()
    ws.restore(taken.path)
    assert ws.evidence.missing() == 1
    assert not evidence_folder(taken.path).exists()
    assert missing_evidence_text(1, taken.path, ws.data_dir) == (
        "Thiếu 1 tệp minh chứng (ảnh, văn bản scan) mà dữ liệu có ghi: tệp đó đã không còn "
        "trong thư mục dữ liệu trước khi sao lưu (các bản sao lưu trong danh sách không chứa "
        "tệp minh chứng). “Kiểm tra dữ liệu” (lệnh doancoso check) nêu tên từng tệp: hãy lấy "
        "lại từ một bản sao lưu ra USB có tệp đó (“Lấy lại tệp minh chứng bị mất từ USB…” "
        "trong “Sao lưu và khôi phục…”, lệnh doancoso restore-evidence) hoặc đính kèm lại tệp "
        "gốc."
    )


def test_a_stick_backup_whose_folder_lacks_them_says_they_were_lost_before(
    ws: Workspace, tmp_path: Path
) -> None:
    _attached_then_lost(ws, tmp_path)
    ws.recognition.attach(2025, "2.4", _second(tmp_path))
    usb = tmp_path / "usb"
    usb.mkdir()
    with pytest.raises(StorageError):  # one file lost: the backup and the other are written
        ws.backups.to_folder(usb)
    (saved,) = usb.glob("*.sqlite")
    assert [p.name for p in evidence_folder(saved).iterdir()] != []  # the folder is there
    ws.restore(saved)
    assert ws.evidence.missing() == 1
    assert missing_evidence_text(1, saved, ws.data_dir) == (
        "Thiếu 1 tệp minh chứng (ảnh, văn bản scan) mà dữ liệu có ghi: thư mục "
        f"“{saved.name}.evidence” cạnh tệp sao lưu cũng không có tệp đó (đã mất trước khi sao "
        "lưu). “Kiểm tra dữ liệu” (lệnh doancoso check) nêu tên từng tệp: hãy lấy lại từ một "
        "bản sao lưu ra USB có tệp đó (“Lấy lại tệp minh chứng bị mất từ USB…” trong “Sao lưu "
        "và khôi phục…”, lệnh doancoso restore-evidence) hoặc đính kèm lại tệp gốc."
    )


def test_a_stick_backup_copied_without_its_folder_still_says_where_they_are(
    ws: Workspace, tmp_path: Path
) -> None:
    saved = tmp_path / "usb" / "thu-cong-20261207-053127.sqlite"
    assert missing_evidence_text(2, saved, ws.data_dir) == (
        "Thiếu 2 tệp minh chứng (ảnh, văn bản scan) mà dữ liệu có ghi: chúng nằm trong thư mục "
        "“thu-cong-20261207-053127.sqlite.evidence” cạnh tệp sao lưu khi sao lưu ra USB. Hãy "
        "chép cả thư mục đó vào cùng chỗ với tệp sao lưu rồi khôi phục lại."
    )


def _second(tmp_path: Path) -> Path:
    photo = tmp_path / "nguon" / "ảnh ra quân.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x01" * 40)
    return photo
