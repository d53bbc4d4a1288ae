"""The store's copy (left to the system, then the copy hashed): a file of several chunks is
named by the hash of its whole content, holds it byte for byte, and leaves no temporary file;
the same content attached again leaves the stored file as it is."""

from __future__ import annotations

import hashlib
from pathlib import Path

from doancoso.core.evidence.store import EvidenceStore


def test_a_large_file_is_stored_whole_under_its_hash(tmp_path: Path) -> None:
    data = b"%PDF-1.4\n" + bytes(range(256)) * (14 * 1024)  # 3.5 MB: several chunks
    source = tmp_path / "ban-quet.pdf"
    source.write_bytes(data)
    store = EvidenceStore(tmp_path / "data")
    stored = store.add(source)
    assert (stored.sha256, stored.size) == (hashlib.sha256(data).hexdigest(), len(data))
    assert stored.media_type == "application/pdf"
    assert store.path(stored.sha256).read_bytes() == data
    assert [p.name for p in store.folder.iterdir()] == [stored.sha256]
    written = store.path(stored.sha256).stat().st_mtime_ns
    assert store.add(source) == stored
    assert store.path(stored.sha256).stat().st_mtime_ns == written  # the stored file kept as is
    assert [p.name for p in store.folder.iterdir()] == [stored.sha256]
