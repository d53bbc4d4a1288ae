"""Evidence files copied into a folder the secretary chooses (a USB stick): each under its own
name as Windows 10 and a FAT32 stick accept it, with its own content; names Windows takes for
one told apart with " (2)", a file already there never replaced; a stored file lost, or a stick
that fails, said in Vietnamese."""

from __future__ import annotations

import errno
from dataclasses import replace
from pathlib import Path

import pytest

from breakage import fill, small_disk
from doancoso.core.errors import StorageError
from doancoso.core.evidence.service import Attachment
from doancoso.core.workspace import Workspace

JPEG, PNG, PDF = b"\xff\xd8\xff\xe0", b"\x89PNG\r\n\x1a\n", b"%PDF-1.4\n"
LONG = ("Ảnh ra quân Ngày Chủ nhật xanh " * 10)[:296] + ".jpg"  # 300 characters


def _attached(ws: Workspace, tmp_path: Path, files: list[tuple[str, bytes]]) -> list[Attachment]:
    """``files`` attached to item 1.6, each from a file of that name on this (Linux) PC."""
    for index, (name, head) in enumerate(files):
        source = tmp_path / f"nguon-{index}" / name
        source.parent.mkdir()
        source.write_bytes(head + f"nội dung {index}".encode() * 1000)
        ws.recognition.attach(2025, "1.6", source)
    (item,) = [v for v in ws.recognition.view(2025).items if v.item.code == "1.6"]
    return list(item.files)


def test_files_with_names_windows_refuses_are_copied_under_names_it_accepts(
    ws: Workspace, tmp_path: Path
) -> None:
    files = _attached(ws, tmp_path, [
        ("CON.jpg", JPEG), ("a:b?.pdf", PDF), ("ảnh.", PNG), ("Ảnh.jpg", JPEG),
        ("ảnh.JPG", JPEG), ("x", PDF), ("y.jpg", JPEG),
    ])  # fmt: skip
    # Names a record may hold from a bundle made elsewhere (no Linux file can have them).
    files[5] = replace(files[5], original_name="../x")
    files[6] = replace(files[6], original_name=LONG)
    usb = tmp_path / "USB"
    usb.mkdir()
    (usb / "ẢNH.JPG").write_bytes(b"a photo of the secretary's own")
    copies = ws.evidence.copy_to_folder(files, usb)
    room = 259 - len(str(usb)) - 1
    assert [c.name for c in copies] == [
        "CON_.jpg", "a-b.pdf", "ảnh.png", "Ảnh (2).jpg", "ảnh (3).JPG", "-x.pdf",
        LONG[: room - 4].rstrip() + ".jpg",
    ]  # fmt: skip
    assert all(c.parent == usb for c in copies)
    for copy, file in zip(copies, files, strict=True):
        assert copy.read_bytes() == ws.evidence.store.path(file.sha256).read_bytes()
    assert (usb / "ẢNH.JPG").read_bytes() == b"a photo of the secretary's own"
    assert sorted(p.name for p in usb.iterdir()) == sorted(["ẢNH.JPG", *(c.name for c in copies)])


def test_copied_again_into_the_same_folder_nothing_is_replaced(
    ws: Workspace, tmp_path: Path
) -> None:
    files = _attached(ws, tmp_path, [("Biên bản.pdf", PDF)])
    usb = tmp_path / "USB" / "minh chứng"  # made when missing
    first = ws.evidence.copy_to_folder(files, usb)
    again = ws.evidence.copy_to_folder(files, usb)
    assert [p.name for p in first + again] == ["Biên bản.pdf", "Biên bản (2).pdf"]
    reported: list[tuple[int, int]] = []
    ws.evidence.copy_to_folder(files, usb, lambda done, total: reported.append((done, total)))
    assert reported == [(files[0].size, files[0].size)]


def test_a_stored_file_lost_is_said_and_the_copies_before_it_stay(
    ws: Workspace, tmp_path: Path
) -> None:
    files = _attached(ws, tmp_path, [("ảnh 1.jpg", JPEG), ("ảnh 2.jpg", JPEG)])
    ws.evidence.store.path(files[1].sha256).unlink()
    usb = tmp_path / "USB"
    with pytest.raises(StorageError) as caught:
        ws.evidence.copy_to_folder(files, usb)
    assert caught.value.message == (
        "Tệp minh chứng “ảnh 2.jpg” không còn trong thư mục dữ liệu hoặc đã bị thay đổi: hãy "
        "lấy lại từ một bản sao lưu ra USB có tệp đó (“Lấy lại tệp minh chứng bị mất từ "
        "USB…” trong “Sao lưu và khôi phục…”, lệnh doancoso restore-evidence) hoặc đính kèm "
        "lại tệp gốc."
    )
    assert [p.name for p in usb.iterdir()] == ["ảnh 1.jpg"]


def test_a_full_stick_is_said_and_leaves_no_half_copy(ws: Workspace, tmp_path: Path) -> None:
    files = _attached(ws, tmp_path, [("ảnh 1.jpg", JPEG)])
    usb = tmp_path / "USB"
    usb.mkdir()
    with small_disk(usb, 1024):
        filler = fill(usb)
        with pytest.raises(StorageError) as caught:
            ws.evidence.copy_to_folder(files, usb)
        assert isinstance(caught.value.__cause__, OSError)
        assert caught.value.__cause__.errno == errno.ENOSPC
        assert caught.value.message == (
            f"Không chép được tệp “ảnh 1.jpg” vào “{usb}”: ổ đĩa đã đầy. Hãy giải phóng chỗ "
            "trống trên ổ đĩa rồi thử lại."
        )
        assert [p.name for p in usb.iterdir()] == [filler.name]
        filler.unlink()
