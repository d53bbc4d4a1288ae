"""``EvidenceStore.adopt``: a file written and hashed elsewhere (a bundle's evidence, verified as
it was read) enters the store by a rename of the very file written, never by a copy; content the
store already holds is not written again; anything else is refused with nothing left behind."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from doancoso.core.errors import ImportFileError
from doancoso.core.evidence.store import EvidenceStore

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40


def _staged(store: EvidenceStore, content: bytes) -> Path:
    handle, path = store.staged_file()
    with handle:
        handle.write(content)
    return path


def test_the_staged_file_itself_becomes_the_stored_file(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "data")
    staged = _staged(store, PDF)
    assert staged.parent == store.folder and staged.name.startswith(".evidence.")
    assert oct(staged.stat().st_mode & 0o777) == oct(0o600)  # private until adopted
    inode = staged.stat().st_ino
    sha = hashlib.sha256(PDF).hexdigest()
    assert store.adopt(staged, sha) is True
    assert store.path(sha).stat().st_ino == inode  # renamed, not copied
    assert store.path(sha).read_bytes() == PDF and store.verify(sha)
    assert os.listdir(store.folder) == [sha]


def test_content_already_stored_is_not_written_again(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "data")
    source = tmp_path / "bien-ban.pdf"
    source.write_bytes(PDF)
    sha = store.add(source).sha256
    kept = store.path(sha).stat()
    staged = _staged(store, PDF)
    assert store.adopt(staged, sha) is False
    now = store.path(sha).stat()
    assert (now.st_ino, now.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)
    assert os.listdir(store.folder) == [sha]  # the staged copy removed


def test_a_file_that_is_no_pdf_jpeg_or_png_is_refused_and_removed(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "data")
    content = b"MZ\x90\x00 not a document"
    staged = _staged(store, content)
    sha = hashlib.sha256(content).hexdigest()
    with pytest.raises(ImportFileError) as refused:
        store.adopt(staged, sha)
    assert refused.value.message == (
        f"Tệp “{sha}” không phải PDF, ảnh JPEG hoặc PNG (kiểm tra theo nội dung tệp, không theo "
        "phần mở rộng). Hãy lưu lại ở một trong các dạng đó."
    )
    assert os.listdir(store.folder) == []


def test_only_a_file_staged_in_the_store_is_adopted(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "data")
    elsewhere = tmp_path / ".evidence.abc.tmp"
    elsewhere.write_bytes(PDF)
    with pytest.raises(ValueError):
        store.adopt(elsewhere, hashlib.sha256(PDF).hexdigest())
    assert elsewhere.read_bytes() == PDF and not store.folder.exists()
