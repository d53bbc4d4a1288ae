"""The removable drives (USB sticks) a bundle can be written to, offered first as the target.

Qt lists the mounted volumes (``QStorageInfo.mountedVolumes()``) but not whether each can be
pulled out, so the facts are gathered per platform and judged by one pure function,
:func:`is_removable`:

- Windows: ``GetDriveTypeW(root) == DRIVE_REMOVABLE`` (2), through ctypes; a USB hard disk
  says DRIVE_FIXED and is not offered first (it may still be chosen with "Chọn nơi khác…").
- Linux: the volume's block device has ``/sys/block/<disk>/removable`` = 1 or sits on the USB
  bus (its sysfs path goes through ``/usb``), or the volume is mounted under ``/media`` or
  ``/run/media`` (where desktops mount sticks).

Pseudo, read-only and not-ready volumes are never offered.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo

from ...core.lang.text import size_text

DRIVE_REMOVABLE = 2
_MEDIA_ROOTS = ("/media/", "/run/media/")
_PARTITION = re.compile(r"^(nvme\d+n\d+|mmcblk\d+|[a-z]+?)(p?\d+)?$")
FAT32_LIMIT = 4 * 1024**3 - 1


@dataclass(frozen=True)
class MountFacts:
    """What is known of one mounted volume: where, which device, which file system; on Windows
    the drive type; on Linux what sysfs says of its disk (None: unknown)."""

    root: str
    device: str = ""
    fs_type: str = ""
    platform: str = "linux"
    drive_type: int | None = None
    sys_removable: bool | None = None
    on_usb: bool | None = None
    ready: bool = True
    read_only: bool = False


@dataclass(frozen=True)
class Drive:
    """A volume a bundle can be written to."""

    root: Path
    label: str
    fs_type: str
    free: int
    total: int

    @property
    def fat32(self) -> bool:
        """FAT32 holds no file of 4 GB or more."""
        return self.fs_type.lower() in ("vfat", "fat32", "fat", "msdos")

    def describe(self) -> str:
        """ "USB_DOAN (E:\\) — còn trống 3,2 GB" for the target list."""
        name = f"{self.label} ({self.root})" if self.label else str(self.root)
        return f"{name} — còn trống {size_text(self.free)}"


def is_removable(facts: MountFacts) -> bool:
    """Whether the volume is a removable drive to offer first (module docstring)."""
    if not facts.ready or facts.read_only:
        return False
    if facts.platform.startswith("win"):
        return facts.drive_type == DRIVE_REMOVABLE
    if facts.sys_removable or facts.on_usb:
        return True
    root = facts.root.rstrip("/") + "/"
    return root.startswith(_MEDIA_ROOTS) and facts.device.startswith("/dev/")


def disk_of(device: str) -> str | None:
    """The disk of a Linux partition device: "/dev/sdb1" -> "sdb", "/dev/nvme0n1p2" ->
    "nvme0n1", "/dev/mmcblk0p1" -> "mmcblk0"; None for what is not under /dev."""
    if not device.startswith("/dev/"):
        return None
    match = _PARTITION.match(device.removeprefix("/dev/"))
    return match.group(1) if match else None


def _linux_facts(root: str, device: str) -> tuple[bool | None, bool | None]:
    disk = disk_of(device)
    if disk is None:
        return None, None
    base = Path("/sys/block") / disk
    try:
        removable = (base / "removable").read_text().strip() == "1"
    except OSError:
        return None, None
    return removable, "/usb" in os.path.realpath(base)


def _drive_type(root: str) -> int | None:
    if not sys.platform.startswith("win"):
        return None
    import ctypes

    windll = ctypes.windll  # type: ignore[attr-defined,unused-ignore]  # Windows only
    return int(windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


def facts_of(volume: QStorageInfo) -> MountFacts:
    root = volume.rootPath()
    device = bytes(volume.device().data()).decode(errors="replace")
    removable = usb = None
    if sys.platform.startswith("linux"):
        removable, usb = _linux_facts(root, device)
    return MountFacts(
        root=root,
        device=device,
        fs_type=bytes(volume.fileSystemType().data()).decode(errors="replace"),
        platform=sys.platform,
        drive_type=_drive_type(root),
        sys_removable=removable,
        on_usb=usb,
        ready=volume.isValid() and volume.isReady(),
        read_only=volume.isReadOnly(),
    )


def removable_drives() -> list[Drive]:
    """The mounted removable drives, by root path."""
    drives = []
    for volume in QStorageInfo.mountedVolumes():
        facts = facts_of(volume)
        if is_removable(facts):
            drives.append(
                Drive(Path(facts.root), volume.displayName() if volume.name() else "",
                      facts.fs_type, volume.bytesAvailable(), volume.bytesTotal())
            )  # fmt: skip
    return sorted(drives, key=lambda d: str(d.root))
