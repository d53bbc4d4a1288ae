"""A USB stick pulled out in the middle of an export (#17, "Safe on a cheap stick"): half way
through the write, at the flush, or at the read-back; the device reported gone as Linux does
(``EIO``) or as a vanished device is (``ENODEV``, ``ENXIO``). The stick is real files served
through FUSE (:func:`breakage.pulled_stick`). Each export says the stick was pulled out or can no
more be written, to plug it back and export again; nothing is left under the final name, the
older bundle of that name is kept as it was, and the temporary file is removed where the stick
still lets it be removed, else named in the message. The other failures of a write (a read-back
not what was written, the drive's limit reached half way, a cancel) say the same of it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bundle_sources import DictSource

from breakage import backing_of, pulled_stick
from doancoso.core.bundle.container import open_bundle, write_bundle
from doancoso.core.bundle.disks import temp_left
from doancoso.core.bundle.errors import BundleWriteError

PASSWORD = "Mật khẩu bàn giao 2026"
OLDER = b"the bundle of last month"


def pulled_out(target: Path) -> str:
    return (
        f"Không ghi được gói dữ liệu “{target}”: USB đã bị rút ra hoặc ổ đĩa không còn đọc ghi "
        "được: hãy cắm lại USB rồi xuất lại. Tệp cũ cùng tên (nếu có) vẫn còn nguyên; không có "
        "tệp dở dang nào được để lại."
    )


def pulled_out_for_good(target: Path, temp: str) -> str:
    return (
        f"Không ghi được gói dữ liệu “{target}”: USB đã bị rút ra hoặc ổ đĩa không còn đọc ghi "
        f"được: hãy cắm lại USB rồi xuất lại. Tệp cũ cùng tên (nếu có) vẫn còn nguyên. Tệp dở "
        f"dang “{temp}” có thể còn trên USB: đó không phải gói dữ liệu, có thể xóa đi; lần xuất "
        "sau vào thư mục này sẽ tự xóa nó."
    )


def _source(folder: Path) -> DictSource:
    """Rows and two random 64 KiB files: a bundle of about 200 KiB, clear or encrypted."""
    return DictSource(
        {"members": [{"id": str(i), "ho_ten": "Nguyễn Văn An"} for i in range(3000)]},
        [os.urandom(64 * 1024), os.urandom(64 * 1024)],
        folder=folder,
    )


@pytest.mark.parametrize("password", [PASSWORD, None], ids=["encrypted", "clear"])
@pytest.mark.parametrize("error", ["EIO", "ENODEV", "ENXIO"])
@pytest.mark.parametrize("at", ["write", "fsync", "read"])
def test_a_stick_pulled_out_mid_way(
    tmp_path: Path, at: str, error: str, password: str | None
) -> None:
    source = _source(tmp_path / "kho")
    stick = tmp_path / "usb"
    stick.mkdir()
    with pulled_stick(stick, at, error):
        target = stick / "ban-giao.dcs"
        target.write_bytes(OLDER)
        with pytest.raises(BundleWriteError) as refused:
            write_bundle(target, source, password=password, kdf_log2_n=10)
        assert refused.value.message == pulled_out(target)
        assert [p.name for p in backing_of(stick).iterdir()] == ["ban-giao.dcs"]
        assert (backing_of(stick) / "ban-giao.dcs").read_bytes() == OLDER


@pytest.mark.parametrize("password", [PASSWORD, None], ids=["encrypted", "clear"])
@pytest.mark.parametrize("at", ["write", "fsync", "read"])
def test_a_stick_gone_for_good_names_the_file_it_keeps(
    tmp_path: Path, at: str, password: str | None
) -> None:
    """Removing the temporary file fails too: the message says where it is, and that it is
    no bundle; nothing is under the final name, the older bundle is as it was."""
    source = _source(tmp_path / "kho")
    stick = tmp_path / "usb"
    stick.mkdir()
    with pulled_stick(stick, at, "ENODEV", gone=True):
        target = stick / "ban-giao.dcs"
        target.write_bytes(OLDER)
        with pytest.raises(BundleWriteError) as refused:
            write_bundle(target, source, password=password, kdf_log2_n=10)
        files = sorted(p.name for p in backing_of(stick).iterdir())
        assert len(files) == 2 and files[1] == "ban-giao.dcs", files
        temp = files[0]
        assert temp.startswith(".ban-giao.dcs.") and temp.endswith(".doancoso.tmp")
        assert refused.value.message == pulled_out_for_good(target, temp)
        assert (backing_of(stick) / "ban-giao.dcs").read_bytes() == OLDER


def test_the_stick_plugged_back_takes_the_export(tmp_path: Path) -> None:
    """The same export again once the stick works: written, verified, read back whole."""
    source = _source(tmp_path / "kho")
    stick = tmp_path / "usb"
    stick.mkdir()
    with pulled_stick(stick, "write", "EIO"):
        with pytest.raises(BundleWriteError):
            write_bundle(stick / "ban-giao.dcs", source, password=PASSWORD, kdf_log2_n=10)
        assert list(stick.iterdir()) == []
    written = write_bundle(stick / "ban-giao.dcs", source, password=PASSWORD, kdf_log2_n=10)
    assert [p.name for p in stick.iterdir()] == ["ban-giao.dcs"]
    with open_bundle(written.path, PASSWORD) as reader:
        assert len(list(reader.rows("members"))) == 3000


# Every other failure of a write says what became of its temporary file: removed ("no partial
# file left"), or named when the stick, pulled out as it was being removed, kept it.

REMOVED = "Tệp cũ cùng tên (nếu có) vẫn còn nguyên; không có tệp dở dang nào được để lại."


def named(temp: str) -> str:
    return (
        f"Tệp cũ cùng tên (nếu có) vẫn còn nguyên. Tệp dở dang “{temp}” có thể còn trên USB: đó "
        "không phải gói dữ liệu, có thể xóa đi; lần xuất sau vào thư mục này sẽ tự xóa nó."
    )


def _left_on(stick: Path, removable: bool) -> str | None:
    """The temporary file left beside the older bundle (None when removed), checked so."""
    files = sorted(p.name for p in backing_of(stick).iterdir())
    assert (backing_of(stick) / "ban-giao.dcs").read_bytes() == OLDER
    if removable:
        assert files == ["ban-giao.dcs"]
        return None
    assert len(files) == 2 and files[1] == "ban-giao.dcs", files
    assert files[0].startswith(".ban-giao.dcs.") and files[0].endswith(".doancoso.tmp")
    return files[0]


REMOVABLE = pytest.mark.parametrize("removable", [True, False], ids=["removed", "kept"])
PASSWORDS = pytest.mark.parametrize("password", [PASSWORD, None], ids=["encrypted", "clear"])


@REMOVABLE
@PASSWORDS
def test_a_read_back_not_what_was_written(
    tmp_path: Path, removable: bool, password: str | None
) -> None:
    """The stick gives back another byte than it took (no error): the read-back refuses it."""
    source = _source(tmp_path / "kho")
    stick = tmp_path / "usb"
    stick.mkdir()
    at = "never" if removable else "unlink"
    with pulled_stick(stick, at, "ENODEV", gone=not removable, garbled=True):
        target = stick / "ban-giao.dcs"
        target.write_bytes(OLDER)
        with pytest.raises(BundleWriteError) as refused:
            write_bundle(target, source, password=password, kdf_log2_n=10)
        temp = _left_on(stick, removable)
        assert refused.value.message == (
            f"Gói dữ liệu đọc lại từ “{stick}” bị hỏng: khác với dữ liệu vừa ghi (ổ đĩa hoặc USB "
            "có thể bị lỗi). Hãy thử ghi lại, hoặc chọn ổ đĩa khác. "
            + (REMOVED if temp is None else named(temp))
        )


@REMOVABLE
def test_the_drives_limit_reached_half_way(tmp_path: Path, removable: bool) -> None:
    """The evidence (128 KiB) fits under the limit, the whole bundle (about 137 KiB) does not:
    stopped on the way."""
    source = _source(tmp_path / "kho")
    stick = tmp_path / "usb"
    stick.mkdir()
    with pulled_stick(stick, "never" if removable else "unlink", "ENODEV", gone=not removable):
        target = stick / "ban-giao.dcs"
        target.write_bytes(OLDER)
        with pytest.raises(BundleWriteError) as refused:
            write_bundle(target, source, password=PASSWORD, kdf_log2_n=10, limit=135_000)
        temp = _left_on(stick, removable)
        assert refused.value.message == (
            f"Không ghi được gói dữ liệu vào “{stick}”: ổ đĩa này định dạng FAT32, chỉ nhận tệp "
            "nhỏ hơn 4 GB. Hãy chọn ổ đĩa khác, hoặc định dạng lại USB theo exFAT hay NTFS (định "
            "dạng lại sẽ xóa hết dữ liệu trên USB: hãy chép chúng ra trước). "
            + (REMOVED if temp is None else named(temp))
        )


class Cancelled(Exception):
    """Stands for the GUI's TaskCancelled, raised by its report after "Hủy"."""


@REMOVABLE
@PASSWORDS
def test_a_cancel_goes_through_with_the_file_it_left(
    tmp_path: Path, removable: bool, password: str | None
) -> None:
    """A cancel half way through the write is let through untouched (the GUI's "Hủy" ends as a
    cancel); the temporary file it could not remove is named on it for the wizard to say."""
    source = _source(tmp_path / "kho")
    stick = tmp_path / "usb"
    stick.mkdir()
    cancel = Cancelled()

    def report(done: int, total: int) -> None:
        if any(p.name.endswith(".doancoso.tmp") for p in backing_of(stick).iterdir()):
            raise cancel  # "Hủy" pressed once the temporary file is being written

    with pulled_stick(stick, "never" if removable else "unlink", "ENODEV", gone=not removable):
        target = stick / "ban-giao.dcs"
        target.write_bytes(OLDER)
        with pytest.raises(Cancelled) as stopped:
            write_bundle(target, source, password=password, kdf_log2_n=10, report=report)
        assert stopped.value is cancel
        temp = _left_on(stick, removable)
        assert temp_left(cancel) == (None if temp is None else stick / temp)


@pytest.mark.parametrize("gone", [False, True], ids=["removable", "gone"])
def test_a_stick_pulled_out_once_the_file_took_its_name(tmp_path: Path, gone: bool) -> None:
    """Written, read back whole and renamed over the older bundle, then the folder cannot be
    flushed: the new name may not last, so the file is removed (or, the stick gone for good,
    said not to be used); the message says the older file is no longer there."""
    source = _source(tmp_path / "kho")
    stick = tmp_path / "usb"
    stick.mkdir()
    with pulled_stick(stick, "fsyncdir", "EIO", gone=gone):
        target = stick / "ban-giao.dcs"
        target.write_bytes(OLDER)
        with pytest.raises(BundleWriteError) as refused:
            write_bundle(target, source, password=PASSWORD, kdf_log2_n=10)
        left = sorted(p.name for p in backing_of(stick).iterdir())
        what = (
            "nên tệp “ban-giao.dcs” còn trên USB có thể chưa được lưu hẳn: đừng dùng tệp đó"
            if gone
            else "nên tệp mới đã được xóa; không có tệp dở dang nào được để lại"
        )
        assert refused.value.message == (
            f"Không ghi được gói dữ liệu “{target}”: USB đã bị rút ra hoặc ổ đĩa không còn đọc "
            "ghi được: hãy cắm lại USB rồi xuất lại. Ổ đĩa hỏng đúng lúc tệp mới vừa thay chỗ "
            "tệp cũ cùng tên (nếu có), nên tệp cũ không còn; tên tệp mới chưa chắc đã được lưu "
            f"hẳn trên ổ đĩa, {what}."
        )
        assert left == (["ban-giao.dcs"] if gone else [])
        if gone:  # the new bundle, whole: never the older file said to be kept
            assert (backing_of(stick) / "ban-giao.dcs").read_bytes() != OLDER
