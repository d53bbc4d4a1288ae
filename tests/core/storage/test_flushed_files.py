"""A printed PDF or an export written straight to a USB stick, pulled out as soon as the app says
it is written: the file's bytes are flushed to the disk before it takes its name, and the
folder's entry after (``written_atomically``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from doancoso.core.storage.files import written_atomically
from flush_steps import flush_steps


def test_the_file_is_flushed_before_it_takes_its_name_then_its_folder(tmp_path: Path) -> None:
    target = tmp_path / "danh-sach-doan-vien.pdf"
    with flush_steps() as steps, written_atomically(target) as temp:
        temp.write_bytes(b"%PDF-1.4 bytes of a list")

    written, folder = target.stat().st_ino, tmp_path.stat().st_ino
    assert steps == [("fsync", written), ("replace", written), ("fsync", folder)]
    assert target.read_bytes() == b"%PDF-1.4 bytes of a list"
    assert [p.name for p in tmp_path.iterdir()] == ["danh-sach-doan-vien.pdf"]


def test_a_failed_write_flushes_and_renames_nothing(tmp_path: Path) -> None:
    target = tmp_path / "danh-sach.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), flush_steps() as steps, written_atomically(target) as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("the export failed half-way")
    assert steps == []
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["danh-sach.xlsx"]
