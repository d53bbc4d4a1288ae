"""Evidence copied into a folder on a USB stick that is pulled out or fails: the secretary is told
the copy's own reason (never the failure to clean up after it), a temporary file the stick took
with it is named, a copy is said done only once its name is flushed to the stick, and what an
earlier copy killed half-way left is removed by the next copy into that folder."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from breakage import backing_of, pulled_stick
from doancoso.core.errors import StorageError
from doancoso.core.evidence.service import Attachment
from doancoso.core.workspace import Workspace

SCAN = b"%PDF-1.4\n" + bytes(range(256)) * 1024  # 256 KiB: a stick pulled half way through
PULLED = "lỗi đọc ghi ổ đĩa (USB có thể đã bị rút ra)"
GONE = "ổ đĩa không còn kết nối (USB có thể đã bị rút ra)"
GONE_REMEDY = "Hãy cắm lại USB vào máy rồi thử lại."
EIO_REMEDY = "Ổ đĩa có thể đang hỏng: hãy kiểm tra ổ đĩa (hoặc cắm lại USB) rồi thử lại."
OUR_TEMP = re.compile(r"\.[0-9a-f]{8}\.[a-z0-9_]{8}\.doancoso\.tmp")


def _scan(ws: Workspace, tmp_path: Path) -> list[Attachment]:
    source = tmp_path / "nguon" / "biên bản.pdf"
    source.parent.mkdir()
    source.write_bytes(SCAN)
    ws.recognition.attach(2025, "2.3", source)
    (item,) = [v for v in ws.recognition.view(2025).items if v.item.code == "2.3"]
    return list(item.files)


def _left_message(name: str) -> str:
    return (
        f" Tệp dở dang “{name}” có thể còn trên USB: đó không phải tệp minh chứng, có thể xóa "
        "đi; lần chép sau vào thư mục này sẽ tự xóa nó."
    )


@pytest.mark.parametrize(
    ("at", "error", "said"),
    [
        ("write", "EIO", f"{PULLED}. {EIO_REMEDY}"),
        ("fsync", "ENODEV", f"{GONE}. {GONE_REMEDY}"),
        ("fsync", "ENXIO", f"{GONE}. {GONE_REMEDY}"),
        # Pulled out while the copy is read back: the stick's reason, not "read back wrong".
        ("read", "EIO", f"{PULLED}. {EIO_REMEDY}"),
        # The copy has its name, but the name is not on the stick yet: not said done, removed.
        ("fsyncdir", "EIO", f"{PULLED}. {EIO_REMEDY}"),
    ],
)
def test_a_stick_pulled_out_and_put_back_is_said_and_keeps_nothing(
    ws: Workspace, tmp_path: Path, at: str, error: str, said: str
) -> None:
    files = _scan(ws, tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    with pulled_stick(usb, at, error):
        with pytest.raises(StorageError) as caught:
            ws.evidence.copy_to_folder(files, usb)
        assert caught.value.message == f"Không chép được tệp “biên bản.pdf” vào “{usb}”: {said}"
        assert list(backing_of(usb).iterdir()) == []


@pytest.mark.parametrize(("at", "error"), [("write", "ENODEV"), ("write", "EIO"), ("read", "EIO")])
def test_a_stick_gone_for_good_gets_the_copys_reason_and_its_leftover_named(
    ws: Workspace, tmp_path: Path, at: str, error: str
) -> None:
    files = _scan(ws, tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    reason = {
        "ENODEV": f"{GONE}. {GONE_REMEDY}",
        "EIO": f"{PULLED}. {EIO_REMEDY}",
    }
    with pulled_stick(usb, at, error, gone=True):
        with pytest.raises(StorageError) as caught:
            ws.evidence.copy_to_folder(files, usb)
        (left,) = [p.name for p in backing_of(usb).iterdir()]
        assert OUR_TEMP.fullmatch(left)
        assert caught.value.message == (
            f"Không chép được tệp “biên bản.pdf” vào “{usb}”: {reason[error]}{_left_message(left)}"
        )


def test_a_copy_that_reads_back_wrong_is_said_so_though_its_leftover_stays(
    ws: Workspace, tmp_path: Path
) -> None:
    """A worn stick gives other bytes back, then fails as the bad copy is removed: the user is
    told the copy did not read back right (the real reason), not the removal's error."""
    files = _scan(ws, tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    with pulled_stick(usb, "unlink", "EIO", garbled=True):
        with pytest.raises(StorageError) as caught:
            ws.evidence.copy_to_folder(files, usb)
        (left,) = [p.name for p in backing_of(usb).iterdir()]
        assert OUR_TEMP.fullmatch(left)
        assert caught.value.message == (
            f"Không chép được tệp “biên bản.pdf” vào “{usb}”: bản chép không đọc lại được đúng. "
            f"Hãy kiểm tra ổ đĩa rồi thử lại.{_left_message(left)}"
        )


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_the_next_copy_removes_what_a_killed_copy_left(ws: Workspace, tmp_path: Path) -> None:
    files = _scan(ws, tmp_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    sha = files[0].sha256
    stale = [
        usb / f".{sha[:8]}.k3_x9a2b.doancoso.tmp",  # a copy killed five minutes ago
        usb / f".{sha}.tmp",  # one an older version left (its own naming)
    ]
    young = usb / ".ảnh.jpg.q8w7e6r5.doancoso.tmp"  # a copy still running, maybe
    others = [usb / name for name in (".ghi-chu.tmp", f".{sha[:63]}.tmp", "a.doancoso.tmp")]
    for path in [*stale, young, *others]:
        path.write_bytes(b"half a copy")
        _age(path, 300)
    _age(young, 5)
    kept_folder = usb / ".cu.pdf.abcdefgh.doancoso.tmp"  # named as ours, but a folder
    kept_folder.mkdir()
    _age(kept_folder, 3600)

    (copy,) = ws.evidence.copy_to_folder(files, usb)

    assert copy.read_bytes() == SCAN
    assert sorted(p.name for p in usb.iterdir()) == sorted(
        [copy.name, young.name, kept_folder.name, *(p.name for p in others)]
    )
