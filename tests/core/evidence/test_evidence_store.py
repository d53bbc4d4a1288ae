"""Evidence files: stored once by their SHA-256, checked by their content (not their name),
bounded in size, never left half-written, and attached to records with a caption."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from doancoso.core.errors import ImportFileError
from doancoso.core.workspace import Workspace

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x9a\xa0\xa0\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def _pdf(path: Path, text: str) -> Path:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.save()
    path.write_bytes(buffer.getvalue())
    return path


def _stored(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_file_is_stored_once_under_its_hash(ws: Workspace, tmp_path: Path) -> None:
    photo = tmp_path / "anh-ra-quan.png"
    photo.write_bytes(PNG)
    copy = tmp_path / "ban-sao.jpg"  # the same photo under a misleading name
    copy.write_bytes(PNG)
    store = ws.evidence.store
    first, second = store.add(photo), store.add(copy)
    digest = hashlib.sha256(PNG).hexdigest()
    assert (first.sha256, first.size, first.media_type) == (digest, len(PNG), "image/png")
    assert second == first
    assert _stored(store.folder) == [digest]
    assert store.verify(digest)


def test_attachments_keep_name_caption_and_order_and_detach_is_undone(
    ws: Workspace, tmp_path: Path
) -> None:
    report = _pdf(tmp_path / "Báo cáo.pdf", "Bao cao ket qua")
    photo = tmp_path / "anh.png"
    photo.write_bytes(PNG)
    a = ws.evidence.attach("occurrences", "occ-1", report, "Báo cáo kết quả", None)
    b = ws.evidence.attach("occurrences", "occ-1", photo, "Ảnh ra quân")
    files = ws.evidence.attachments("occurrences", "occ-1")
    assert [(f.id, f.original_name, f.caption, f.media_type) for f in files] == [
        (a, "Báo cáo.pdf", "Báo cáo kết quả", "application/pdf"),
        (b, "anh.png", "Ảnh ra quân", "image/png"),
    ]
    assert files[0].path.read_bytes() == report.read_bytes()
    assert ws.evidence.count("occurrences", ["occ-1", "occ-2"]) == {"occ-1": 2}
    ws.evidence.detach([b])
    assert [f.id for f in ws.evidence.attachments("occurrences", "occ-1")] == [a]
    assert files[1].path.exists()  # the stored file stays: the detach can be undone
    ws.evidence.reattach([b])
    assert len(ws.evidence.attachments("occurrences", "occ-1")) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04 a zip named .pdf", "không phải PDF, ảnh JPEG hoặc PNG"),
        (b"MZ\x90\x00 an executable", "không phải PDF, ảnh JPEG hoặc PNG"),
        (b"<html><body>%PDF-1.4</body></html>", "không phải PDF, ảnh JPEG hoặc PNG"),
        (b"", "rỗng"),
    ],
)
def test_files_that_are_not_evidence_are_refused_and_nothing_is_stored(
    ws: Workspace, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "minh-chung.pdf"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=message):
        ws.evidence.attach("occurrences", "occ-1", path)
    assert _stored(ws.evidence.store.folder) == []
    assert ws.evidence.attachments("occurrences", "occ-1") == []


def test_a_file_over_the_limit_is_refused_by_its_size(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    with open(path, "wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(3 * 1024 * 1024)
    ws.evidence.set_max_size_mb(2)  # the organisation's setting (50 MB by default)
    assert ws.evidence.max_size == 2 * 1024 * 1024
    with pytest.raises(ImportFileError) as caught:
        ws.evidence.attach("occurrences", "occ-1", path)
    assert caught.value.message.startswith(
        "Tệp “scan.pdf” nặng 3,0 MB, quá giới hạn 2,0 MB cho một tệp minh chứng."
    )
    assert _stored(ws.evidence.store.folder) == []


def test_a_folder_or_a_missing_file_gets_a_message(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="không phải là một tệp"):
        ws.evidence.attach("occurrences", "occ-1", tmp_path)
    with pytest.raises(ImportFileError, match="Không đọc được tệp “mat.png”"):
        ws.evidence.attach("occurrences", "occ-1", tmp_path / "mat.png")


def test_a_damaged_stored_file_fails_its_check(ws: Workspace, tmp_path: Path) -> None:
    photo = tmp_path / "anh.png"
    photo.write_bytes(PNG)
    stored = ws.evidence.store.add(photo)
    path = ws.evidence.store.path(stored.sha256)
    os.chmod(path, 0o644)
    path.write_bytes(PNG[:-1] + b"\x00")
    assert not ws.evidence.store.verify(stored.sha256)
    with pytest.raises(ValueError):
        ws.evidence.store.path("../../etc/passwd")


def test_the_size_limit_is_a_setting_with_its_bounds(ws: Workspace) -> None:
    from doancoso.core.errors import ValidationError

    assert ws.evidence.max_size == 50 * 1024 * 1024
    for bad in ("0", "501", "nhiều"):
        with pytest.raises(ValidationError, match="Dung lượng tối đa phải từ 1 đến 500 MB."):
            ws.evidence.set_max_size_mb(bad)
    ws.evidence.set_max_size_mb("120")
    assert ws.evidence.max_size == 120 * 1024 * 1024


def test_a_files_date_is_kept_and_a_future_one_refused(ws: Workspace, tmp_path: Path) -> None:
    import datetime as dt

    from doancoso.core.errors import ValidationError

    photo = tmp_path / "anh.png"
    photo.write_bytes(PNG)
    attachment = ws.evidence.attach("occurrences", "occ-1", photo, "Ảnh")
    ws.evidence.caption(attachment, "Ảnh ra quân", "29/03/2025")
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="Ngày của minh chứng không thể sau hôm nay."):
        ws.evidence.caption(attachment, "Ảnh khác", f"{tomorrow:%d/%m/%Y}")
    (kept,) = ws.evidence.attachments("occurrences", "occ-1")
    assert (kept.caption, kept.taken_on) == ("Ảnh ra quân", dt.date(2025, 3, 29))
    ws.evidence.caption(attachment, "Ảnh ra quân", "")
    assert ws.evidence.attachments("occurrences", "occ-1")[0].taken_on is None


def test_a_video_over_a_gigabyte_is_said_in_gb(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "clip.mp4"
    with open(path, "wb") as handle:  # sparse: takes no room on the disk
        handle.write(b"%PDF-1.7\n")
        handle.truncate(1536 * 1024 * 1024)
    with pytest.raises(ImportFileError) as caught:
        ws.evidence.attach("occurrences", "occ-1", path)
    assert caught.value.message.startswith(
        "Tệp “clip.mp4” nặng 1,5 GB, quá giới hạn 50,0 MB cho một tệp minh chứng."
    )
    assert _stored(ws.evidence.store.folder) == []
