"""The store's copy (left to the system, then the copy hashed): a file of several chunks is
named by the hash of its whole content, holds it byte for byte, and leaves no temporary file;
the same content attached again leaves the stored file as it is. The copy for the system's
viewer: read once, checked against the hash, nothing left when the stored file is lost, changed
or on a stick pulled out, or when the copy is stopped."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from breakage import backing_of, pulled_stick
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


def _stored_scan(tmp_path: Path) -> tuple[EvidenceStore, str, bytes]:
    data = b"%PDF-1.4\n" + bytes(range(256)) * (10 * 1024)  # 2.5 MB: three chunks
    source = tmp_path / "ban-quet.pdf"
    source.write_bytes(data)
    store = EvidenceStore(tmp_path / "data")
    return store, store.add(source).sha256, data


def test_a_copy_for_the_viewer_is_read_once_and_checked(tmp_path: Path) -> None:
    store, sha, data = _stored_scan(tmp_path)
    target = tmp_path / "xem" / "Biên bản.pdf"
    read: list[int] = []
    assert store.copy_checked(sha, target, read.append)
    assert target.read_bytes() == data and sum(read) == len(data) and len(read) == 3
    assert [p.name for p in target.parent.iterdir()] == ["Biên bản.pdf"]
    written = target.stat().st_mtime_ns
    assert store.copy_checked(sha, target)  # opened again: the copy kept, the store checked
    assert target.stat().st_mtime_ns == written


@pytest.mark.parametrize("damage", ["deleted", "changed", "a folder"])
def test_a_stored_file_lost_or_changed_gives_no_copy(tmp_path: Path, damage: str) -> None:
    store, sha, data = _stored_scan(tmp_path)
    stored = store.path(sha)
    stored.unlink()
    if damage == "changed":
        stored.write_bytes(data[:-1] + b"\0")
    elif damage == "a folder":
        stored.mkdir()
    target = tmp_path / "xem" / "Biên bản.pdf"
    assert not store.copy_checked(sha, target)
    assert not target.parent.exists() or list(target.parent.iterdir()) == []


def test_a_copy_stopped_half_way_leaves_nothing(tmp_path: Path) -> None:
    store, sha, _data = _stored_scan(tmp_path)
    target = tmp_path / "xem" / "Biên bản.pdf"

    def stop(_size: int) -> None:
        raise KeyboardInterrupt  # as "Hủy" raises in the progress callback

    with pytest.raises(KeyboardInterrupt):
        store.copy_checked(sha, target, stop)
    assert list(target.parent.iterdir()) == []


def test_a_data_folder_on_a_stick_pulled_out_mid_way_gives_no_copy(tmp_path: Path) -> None:
    store, sha, data = _stored_scan(tmp_path)
    store.path(sha).unlink()
    with pulled_stick(store.folder, "read", "EIO"):
        (backing_of(store.folder) / sha).write_bytes(data)
        target = tmp_path / "xem" / "Biên bản.pdf"
        assert not store.copy_checked(sha, target)
    assert list(target.parent.iterdir()) == []


def test_a_copy_out_that_does_not_match_its_hash_leaves_nothing(tmp_path: Path) -> None:
    store, sha, data = _stored_scan(tmp_path)
    damaged = bytearray(data)
    damaged[1000] ^= 0xFF  # one byte flipped on disk: the copy no longer has its recorded hash
    store.path(sha).write_bytes(bytes(damaged))
    stick = tmp_path / "usb" / "minh-chung"
    with pytest.raises(OSError, match="does not read back with its hash"):
        store.copy_out(sha, stick)
    assert not (stick / sha).exists()
    assert not (stick / f".{sha}.tmp").exists()
    assert list(stick.iterdir()) == []


def test_a_copy_out_lands_under_its_hash(tmp_path: Path) -> None:
    store, sha, data = _stored_scan(tmp_path)
    stick = tmp_path / "usb" / "minh-chung"
    read: list[int] = []
    store.copy_out(sha, stick, read.append)
    assert (stick / sha).read_bytes() == data and sum(read) == len(data)
    assert [p.name for p in stick.iterdir()] == [sha]
