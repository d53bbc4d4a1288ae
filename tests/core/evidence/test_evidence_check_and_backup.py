"""Evidence files in the data check and in a backup to a USB stick: a missing or changed file is
reported, a file nobody names is moved aside on repair (never deleted), and a backup taken to a
stick carries the files it names, which a restore on another PC takes in."""

from __future__ import annotations

import hashlib
from pathlib import Path

from doancoso.core.backup.store import evidence_folder
from doancoso.core.workspace import Workspace

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def _attach(ws: Workspace, tmp_path: Path, content: bytes = PNG) -> str:
    photo = tmp_path / "anh-ra-quan.png"
    photo.write_bytes(content)
    ws.evidence.attach("occurrences", "occ-1", photo, "Ảnh ra quân")
    return hashlib.sha256(content).hexdigest()


def test_check_reports_a_missing_file_and_moves_an_orphan_aside(
    ws: Workspace, tmp_path: Path
) -> None:
    sha = _attach(ws, tmp_path)
    assert ws.check().ok
    stray = ws.evidence.store.folder / ("0" * 64)
    stray.write_bytes(b"%PDF-1.4 left by hand")
    (ws.evidence.store.folder / ".evidence.abc.tmp").write_bytes(b"half a copy")
    ws.evidence.store.path(sha).unlink()
    report = ws.check()
    assert [(p.kind, p.message) for p in report.problems] == [
        ("evidence", "Tệp minh chứng “anh-ra-quan.png” không còn trong thư mục dữ liệu hoặc đã bị "
         "thay đổi: hãy "
         "lấy lại từ một bản sao lưu ra USB có tệp đó (“Lấy lại tệp minh chứng bị mất từ "
         "USB…” trong “Sao lưu và khôi phục…”, lệnh doancoso restore-evidence) hoặc đính kèm "
         "lại tệp gốc."),
        ("evidence_orphan", f"Tệp “{'0' * 64}” trong thư mục minh chứng không thuộc hồ sơ nào "
         "(sửa bằng: doancoso check --repair, tệp được chuyển sang evidence/.orphans)."),
    ]  # fmt: skip
    assert not (ws.evidence.store.folder / ".evidence.abc.tmp").exists()
    repaired = ws.check(repair=True)
    assert repaired.repaired == 1
    assert (
        ws.evidence.store.folder / ".orphans" / ("0" * 64)
    ).read_bytes() == b"%PDF-1.4 left by hand"
    assert [p.kind for p in repaired.problems] == ["evidence"]


def test_a_backup_on_a_stick_carries_its_evidence_to_another_pc(
    ws: Workspace, tmp_path: Path
) -> None:
    sha = _attach(ws, tmp_path)
    stick = tmp_path / "usb"
    stick.mkdir()
    info = ws.backups.to_folder(stick)
    carried = evidence_folder(info.path)
    assert [p.name for p in carried.iterdir()] == [sha]
    other = Workspace.open(tmp_path / "other-pc")
    other.restore(info.path)
    try:
        assert other.evidence.attachments("occurrences", "occ-1")[0].path.read_bytes() == PNG
        assert other.check().ok
    finally:
        other.close()


def test_a_tampered_file_beside_a_backup_is_not_taken_in(ws: Workspace, tmp_path: Path) -> None:
    sha = _attach(ws, tmp_path)
    stick = tmp_path / "usb"
    stick.mkdir()
    info = ws.backups.to_folder(stick)
    (evidence_folder(info.path) / sha).write_bytes(PNG + b"tampered")
    other = Workspace.open(tmp_path / "other-pc")
    other.restore(info.path)
    try:
        assert not other.evidence.store.has(sha)
        assert [p.kind for p in other.check().problems] == ["evidence"]
    finally:
        other.close()


def _damage(ws: Workspace, sha: str) -> None:
    """A stored file changed behind the app's back, its size kept (a flipped byte)."""
    path = ws.evidence.store.path(sha)
    content = bytearray(path.read_bytes())
    content[-1] ^= 0xFF
    path.chmod(0o644)
    path.write_bytes(bytes(content))


def test_attaching_the_original_again_repairs_a_changed_stored_file(
    ws: Workspace, tmp_path: Path
) -> None:
    sha = _attach(ws, tmp_path)
    _damage(ws, sha)
    assert [p.kind for p in ws.check().problems] == ["evidence"]
    # What the check says to do: attach the original file again.
    (tmp_path / "goc").mkdir()
    original = tmp_path / "goc" / "anh-ra-quan.png"
    original.write_bytes(PNG)
    ws.evidence.attach("occurrences", "occ-2", original, "Ảnh ra quân")
    assert ws.evidence.store.path(sha).read_bytes() == PNG
    assert ws.check().ok


def test_restoring_a_backup_repairs_a_changed_stored_file(ws: Workspace, tmp_path: Path) -> None:
    sha = _attach(ws, tmp_path)
    stick = tmp_path / "usb"
    stick.mkdir()
    info = ws.backups.to_folder(stick)
    _damage(ws, sha)
    assert [p.kind for p in ws.check().problems] == ["evidence"]
    ws.restore(info.path)  # the check's other advice: restore the backup on the stick
    assert ws.evidence.store.path(sha).read_bytes() == PNG
    assert ws.check().ok
