"""Writing a bundle on a stick that fails (core/bundle/disks.py): a full disk (a real small
tmpfs), a file-size limit (RLIMIT_FSIZE, as a FAT32 drive's 4 GB is met), a FAT32 drive
detected, a read-back that does not match: a Vietnamese message, the temporary file removed,
nothing under the final name, and an older file of that name left as it was."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pytest
from bundle_sources import DictSource, sample_source

from breakage import fill, limited_file_size, small_disk
from doancoso.core.bundle.container import open_bundle, write_bundle
from doancoso.core.bundle.disks import (
    filesystem_type,
    fs_type_from_mounts,
    is_fat,
    safe_write,
)
from doancoso.core.bundle.errors import BundleError, BundleWriteError

MOUNTS = r"""sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
/dev/sda2 / ext4 rw,relatime 0 0
/dev/sdb1 /media/bi\040thu/USB\040DOAN vfat rw,nosuid,nodev,uid=1000,fmask=0022 0 0
/dev/sdc1 /media/bi\040thu/USB exfat rw,nosuid,nodev 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
"""


def test_filesystem_from_the_mount_table() -> None:
    assert fs_type_from_mounts(MOUNTS, Path("/media/bi thu/USB DOAN/ban-giao")) == "vfat"
    assert fs_type_from_mounts(MOUNTS, Path("/media/bi thu/USB DOAN")) == "vfat"
    assert fs_type_from_mounts(MOUNTS, Path("/media/bi thu/USB/x")) == "exfat"
    assert fs_type_from_mounts(MOUNTS, Path("/media/bi thu/USB DOANX")) == "ext4"
    assert fs_type_from_mounts(MOUNTS, Path("/tmp/a")) == "tmpfs"
    assert fs_type_from_mounts(MOUNTS, Path("/home/a")) == "ext4"
    assert is_fat("vfat") and is_fat("FAT32") and is_fat("msdos")
    assert not (is_fat("exfat") or is_fat("NTFS") or is_fat(None))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/mounts")
def test_filesystem_of_a_real_mount(tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    with small_disk(stick, 256):
        assert filesystem_type(stick) == "tmpfs"
        assert filesystem_type(stick / "ban-giao.dcs") == "tmpfs"


def test_too_large_for_fat32_is_refused_before_writing(tmp_path: Path) -> None:
    source = sample_source(tmp_path / "kho")
    stick = tmp_path / "usb"
    stick.mkdir()
    with pytest.raises(BundleWriteError) as error:
        write_bundle(stick / "b.dcs", source, password=None, limit=10_000)
    assert error.value.message == (
        f"Không ghi được gói dữ liệu vào “{stick}”: ổ đĩa này định dạng FAT32, chỉ nhận tệp "
        "nhỏ hơn 4 GB (gói dữ liệu cần khoảng 15 KB trở lên). Hãy chọn ổ đĩa khác, hoặc định "
        "dạng lại USB theo exFAT hay NTFS (định dạng lại sẽ xóa hết dữ liệu trên USB: hãy chép "
        "chúng ra trước)."
    )
    assert list(stick.iterdir()) == []
    # the evidence fits but the whole bundle does not: refused on the way, nothing left
    with pytest.raises(BundleWriteError) as error:
        write_bundle(stick / "b.dcs", source, password=None, limit=16_000)
    assert error.value.message == (
        f"Không ghi được gói dữ liệu vào “{stick}”: ổ đĩa này định dạng FAT32, chỉ nhận tệp "
        "nhỏ hơn 4 GB. Hãy chọn ổ đĩa khác, hoặc định dạng lại USB theo exFAT hay NTFS (định "
        "dạng lại sẽ xóa hết dữ liệu trên USB: hãy chép chúng ra trước). Tệp cũ cùng tên (nếu "
        "có) vẫn còn nguyên; không có tệp dở dang nào được để lại."
    )
    assert list(stick.iterdir()) == []


def test_full_stick(tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    source = DictSource(
        {"members": [{"id": str(i)} for i in range(10)]},
        [os.urandom(300 * 1024)],
        folder=tmp_path / "kho",
    )
    with small_disk(stick, 256):
        older = stick / "b.dcs"
        older.write_bytes(b"the bundle of last month")
        with pytest.raises(BundleWriteError) as error:
            write_bundle(older, source, password="mật khẩu", kdf_log2_n=10)
        assert error.value.message == (
            f"Không ghi được gói dữ liệu “{older}”: ổ đĩa đã đầy: hãy giải phóng chỗ trống hoặc "
            "chọn ổ đĩa khác. Tệp cũ cùng tên (nếu có) vẫn còn nguyên; không có tệp dở dang "
            "nào được để lại."
        )
        assert [p.name for p in stick.iterdir()] == ["b.dcs"]
        assert older.read_bytes() == b"the bundle of last month"
        filler = fill(stick)  # full before it starts: the temporary file cannot take a byte
        with pytest.raises(BundleWriteError) as error:
            write_bundle(stick / "c.dcs", source, password=None)
        assert "ổ đĩa đã đầy" in error.value.message
        assert sorted(p.name for p in stick.iterdir()) == ["b.dcs", filler.name]


_LIMITED = """
import sys
sys.path.insert(0, {tests!r})
from pathlib import Path
from bundle_sources import sample_source
from doancoso.core.bundle.container import write_bundle
from doancoso.core.bundle.errors import BundleError
try:
    write_bundle(Path({target!r}), sample_source(Path({store!r})), password=None)
except BundleError as exc:
    print(exc.message)
"""


def test_file_size_limit(tmp_path: Path) -> None:
    """RLIMIT_FSIZE: a write past it fails with EFBIG, as on a FAT32 drive's 4 GB."""
    stick = tmp_path / "usb"
    stick.mkdir()
    sample_source(tmp_path / "kho")  # evidence written before the limit applies
    script = _LIMITED.format(
        tests=str(Path(__file__).parent), target=str(stick / "b.dcs"), store=str(tmp_path / "kho")
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limited_file_size(12_000),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        f"Không ghi được gói dữ liệu “{stick / 'b.dcs'}”: tệp vượt quá kích thước lớn nhất mà ổ "
        "đĩa cho phép (USB định dạng FAT32 chỉ nhận tệp dưới 4 GB). Tệp cũ cùng tên (nếu có) "
        "vẫn còn nguyên; không có tệp dở dang nào được để lại."
    )
    assert list(stick.iterdir()) == []


def test_a_read_back_that_fails_leaves_nothing_under_the_name(tmp_path: Path) -> None:
    target = tmp_path / "b.dcs"
    target.write_bytes(b"older")

    def verify(path: Path) -> None:
        if path.read_bytes() != b"what was meant":
            raise BundleError("Đọc lại không khớp.")

    def write_not_meant(out: BinaryIO) -> None:
        out.write(b"what was not meant")

    def write_meant(out: BinaryIO) -> None:
        out.write(b"what was meant")

    with pytest.raises(BundleError, match="Đọc lại không khớp."):
        safe_write(target, write_not_meant, verify)
    assert target.read_bytes() == b"older"
    assert [p.name for p in tmp_path.iterdir()] == ["b.dcs"]
    assert safe_write(target, write_meant, verify) == 14
    assert target.read_bytes() == b"what was meant"


def test_a_missing_folder_and_a_folder_as_target(tmp_path: Path) -> None:
    source = sample_source(tmp_path / "kho")
    missing = tmp_path / "khong-co" / "b.dcs"
    with pytest.raises(BundleWriteError) as error:
        write_bundle(missing, source, password=None)
    assert error.value.message == (
        f"Không ghi được gói dữ liệu “{missing}”: thư mục không tồn tại."
    )
    with pytest.raises(BundleWriteError) as error:
        write_bundle(tmp_path / "kho", source, password=None)
    assert error.value.message.endswith("đó là một thư mục.")


@pytest.mark.parametrize("inside", ["b.dcs", "con/b.dcs"])
def test_a_file_where_the_folder_should_be_is_named(tmp_path: Path, inside: str) -> None:
    """ "afile/b.dcs", "afile" a file: it said "thư mục không tồn tại", and the secretary
    looked for a folder; it names the file standing in the way, which is left as it was."""
    source = sample_source(tmp_path / "kho")
    afile = tmp_path / "usb"
    afile.write_text("ghi chú của Bí thư", encoding="utf-8")
    target = afile / inside
    with pytest.raises(BundleWriteError) as error:
        write_bundle(target, source, password=None)
    assert error.value.message == (
        f"Không ghi được gói dữ liệu “{target}”: “{afile}” là một tệp, không phải thư mục."
    )
    assert afile.read_text(encoding="utf-8") == "ghi chú của Bí thư"


def test_temporary_files_left_by_a_killed_export_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / ".b.dcs.abcd1234.doancoso.tmp"
    stale.write_bytes(b"half a bundle")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    young = tmp_path / ".c.dcs.efgh5678.doancoso.tmp"
    young.write_bytes(b"an export running now")
    mine = tmp_path / ".ghi-chu.tmp"
    mine.write_bytes(b"a file of the user's")
    write_bundle(tmp_path / "b.dcs", sample_source(tmp_path / "kho"), password=None)
    assert not stale.exists() and young.exists() and mine.exists()
    with open_bundle(tmp_path / "b.dcs", None) as reader:
        assert len(list(reader.rows("members"))) == 30


def _longest_name(words: str, suffix: str) -> str:
    """``words`` repeated, cut where the name with ``suffix`` would pass Linux's 255 bytes."""
    name = ""
    for ch in words * 10:
        if len((name + ch + suffix).encode()) > 255:
            break
        name += ch
    return name.rstrip() + suffix


def test_a_long_vietnamese_name_is_written(tmp_path: Path) -> None:
    """A bundle named in full by the secretary, as long as the disk allows (255 bytes, each
    Vietnamese letter 2 or 3 of them): its temporary name must fit too."""
    name = _longest_name("Bàn giao dữ liệu Đoàn cơ sở xã Tân Hưng huyện Cái Nước Cà Mau ", ".dcs")
    target = tmp_path / name
    assert len(name.encode()) > 240
    write_bundle(target, sample_source(tmp_path / "kho"), password=None)
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == [name]
    with open_bundle(target, None) as reader:
        assert len(list(reader.rows("members"))) == 30


READ_BACK_FAILED = (
    "Gói dữ liệu đọc lại từ “{folder}” bị hỏng: khác với dữ liệu vừa ghi (ổ đĩa hoặc USB có "
    "thể bị lỗi). Hãy thử ghi lại, hoặc chọn ổ đĩa khác. Tệp cũ cùng tên (nếu có) vẫn còn "
    "nguyên; không có tệp dở dang nào được để lại."
)


def _stick_source(folder: Path) -> DictSource:
    """Rows and two random 64 KiB files: an encrypted bundle of three 64 KiB chunks."""
    return DictSource(
        {"members": [{"id": str(i), "ho_ten": "Nguyễn Văn An"} for i in range(3000)]},
        [os.urandom(64 * 1024), os.urandom(64 * 1024)],
        folder=folder,
    )


def _changing_the_stick(stick: Path, change: Callable[[Path], None]) -> Callable[[int, int], None]:
    """A progress report that, when the read-back starts (its first report, before it reads a
    byte: the second report of 700 out of 1,000, the writing's last being the first), changes
    the file on the "stick" as a failing stick returns other bytes than it took."""
    seen: list[int] = []

    def report(done: int, total: int) -> None:
        if done >= 700:
            seen.append(done)
            if len(seen) == 2:
                (temp,) = stick.glob(".*.doancoso.tmp")
                change(temp)

    return report


def _flip(offset: int) -> Callable[[Path], None]:
    def change(temp: Path) -> None:
        with open(temp, "r+b") as handle:
            handle.seek(offset if offset >= 0 else temp.stat().st_size + offset)
            byte = handle.read(1)
            handle.seek(-1, os.SEEK_CUR)
            handle.write(bytes([byte[0] ^ 0x10]))

    return change


def _cut(temp: Path) -> None:
    os.truncate(temp, temp.stat().st_size - 1)


def _grow(temp: Path) -> None:
    with open(temp, "ab") as handle:
        handle.write(b"\0")


@pytest.mark.parametrize(
    "change",
    [_flip(30), _flip(200), _flip(100_000), _flip(-1), _cut, _grow],
    ids=["header", "first-chunk", "middle-chunk", "last-tag", "cut", "grown"],
)
def test_the_read_back_catches_any_byte_changed_on_the_stick(
    tmp_path: Path, change: Callable[[Path], None]
) -> None:
    """Encrypted: the read-back decrypts every chunk with the writer's key and checks its tag,
    compares the header and the length: a byte changed anywhere after the write is caught."""
    stick = tmp_path / "usb"
    stick.mkdir()
    target = stick / "b.dcs"
    target.write_bytes(b"an older bundle")
    source = _stick_source(tmp_path / "kho")
    report = _changing_the_stick(stick, change)
    with pytest.raises(BundleWriteError) as error:
        write_bundle(target, source, password="mật khẩu", kdf_log2_n=10, report=report)
    assert error.value.message == READ_BACK_FAILED.format(folder=stick)
    assert [p.name for p in stick.iterdir()] == ["b.dcs"]
    assert target.read_bytes() == b"an older bundle"
    written = write_bundle(target, source, password="mật khẩu", kdf_log2_n=10)  # a good stick
    assert written.sha256 == hashlib.sha256(target.read_bytes()).hexdigest()
    assert written.size == target.stat().st_size > 2 * 64 * 1024  # three chunks
    with open_bundle(target, "mật khẩu") as reader:
        assert len(list(reader.rows("members"))) == 3000


def test_a_clear_bundle_changed_on_the_stick_is_caught_by_its_hashes(tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    source = _stick_source(tmp_path / "kho")
    report = _changing_the_stick(stick, _flip(-70_000))  # in the first evidence file
    with pytest.raises(BundleWriteError) as error:
        write_bundle(stick / "b.dcs", source, password=None, report=report)
    assert error.value.message == READ_BACK_FAILED.format(folder=stick)  # an export's words
    assert list(stick.iterdir()) == []
