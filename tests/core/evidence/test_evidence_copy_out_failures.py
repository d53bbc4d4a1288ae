"""Evidence copied out beside a backup on a stick that fails: whatever was under a file's final
name and is not a sound copy (a half copy an earlier run left, bytes a worn stick changed) is
gone before the new copy is written, so that a copy that fails too (the stick full, pulled out)
leaves nothing under that name, and a full stick gets the room of the bad file back."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from breakage import backing_of, fill, pulled_stick, small_disk
from doancoso.core.evidence.store import EvidenceStore


def _stored_scan(tmp_path: Path) -> tuple[EvidenceStore, str, bytes]:
    data = b"%PDF-1.4\n" + bytes(range(256)) * (10 * 1024)  # 2.5 MB: three chunks
    source = tmp_path / "ban-quet.pdf"
    source.write_bytes(data)
    store = EvidenceStore(tmp_path / "data")
    return store, store.add(source).sha256, data


def test_a_copy_onto_a_full_stick_leaves_no_bad_file_under_the_final_name(
    tmp_path: Path,
) -> None:
    store, sha, data = _stored_scan(tmp_path)
    stick = tmp_path / "usb"
    stick.mkdir()
    with small_disk(stick, 4096):
        folder = stick / "sao-luu.evidence"
        folder.mkdir()
        (folder / sha).write_bytes(data[:1_000_000])  # a copy cut short by an older version
        filler = fill(stick)
        with pytest.raises(OSError) as caught:
            store.copy_out(sha, folder)
        assert caught.value.errno == errno.ENOSPC
        assert list(folder.iterdir()) == []
        filler.unlink()


def test_a_bad_file_under_the_final_name_gives_its_room_to_the_sound_copy(
    tmp_path: Path,
) -> None:
    store, sha, data = _stored_scan(tmp_path)
    stick = tmp_path / "usb"
    stick.mkdir()
    with small_disk(stick, 4096):
        folder = stick / "sao-luu.evidence"
        folder.mkdir()
        garbled = bytearray(data)
        garbled[70_000] ^= 0xFF  # a worn stick gave one byte back changed
        (folder / sha).write_bytes(bytes(garbled))
        filler = fill(stick)
        store.copy_out(sha, folder)
        assert [p.name for p in folder.iterdir()] == [sha]
        assert (folder / sha).read_bytes() == data
        filler.unlink()


def test_a_stick_pulled_out_during_the_copy_leaves_no_bad_file_under_the_final_name(
    tmp_path: Path,
) -> None:
    store, sha, data = _stored_scan(tmp_path)
    folder = tmp_path / "usb"
    folder.mkdir()
    with pulled_stick(folder, "write", "EIO"):
        backing = backing_of(folder)
        (backing / sha).write_bytes(data[:1_000_000])
        with pytest.raises(OSError) as caught:
            store.copy_out(sha, folder)
        assert caught.value.errno == errno.EIO
        assert list(backing.iterdir()) == []
