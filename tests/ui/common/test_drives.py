"""Removable drives offered first: the facts of each mount judged per platform."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStorageInfo

from doancoso.ui.common.drives import (
    Drive,
    MountFacts,
    disk_of,
    facts_of,
    is_removable,
    removable_drives,
)


def test_windows_asks_the_drive_type() -> None:
    assert is_removable(MountFacts("E:/", platform="win32", drive_type=2))
    assert not is_removable(MountFacts("C:/", platform="win32", drive_type=3))  # fixed
    assert not is_removable(MountFacts("D:/", platform="win32", drive_type=5))  # CD-ROM
    assert not is_removable(MountFacts("E:/", platform="win32", drive_type=2, ready=False))


def test_linux_asks_sysfs_then_the_mount_point() -> None:
    assert is_removable(MountFacts("/mnt/usb", "/dev/sdb1", sys_removable=True))
    assert is_removable(MountFacts("/mnt/disk", "/dev/sdc1", sys_removable=False, on_usb=True))
    assert is_removable(MountFacts("/media/an/USB_DOAN", "/dev/sdb1"))
    assert is_removable(MountFacts("/run/media/an/USB", "/dev/sdb1"))
    assert not is_removable(MountFacts("/", "/dev/sda2", sys_removable=False, on_usb=False))
    assert not is_removable(MountFacts("/home", "/dev/nvme0n1p3", sys_removable=False))
    assert not is_removable(MountFacts("/media/x", "tmpfs", fs_type="tmpfs"))
    assert not is_removable(MountFacts("/media/an/CD", "/dev/sr0", read_only=True))


def test_the_disk_of_a_partition() -> None:
    assert disk_of("/dev/sdb1") == "sdb"
    assert disk_of("/dev/sda") == "sda"
    assert disk_of("/dev/nvme0n1p2") == "nvme0n1"
    assert disk_of("/dev/mmcblk0p1") == "mmcblk0"
    assert disk_of("tmpfs") is None


def test_the_system_disk_of_this_machine_is_not_offered() -> None:
    roots = {str(d.root) for d in removable_drives()}
    root = QStorageInfo.root()
    assert not is_removable(facts_of(root)) and root.rootPath() not in roots
    for drive in removable_drives():
        assert drive.root.exists()


def test_a_drive_is_described_with_its_free_space_and_fat32_noticed() -> None:
    drive = Drive(Path("/media/an/USB"), "USB_DOAN", "vfat", int(3.2 * 1024**3), 8 * 1024**3)
    assert drive.describe() == "USB_DOAN (/media/an/USB) — còn trống 3,2 GB"
    nearly_full = Drive(Path("E:/"), "", "exFAT", 42 * 1024**2, 8 * 1024**3)
    assert nearly_full.describe() == "E: — còn trống 42,0 MB"
    assert drive.fat32 and not Drive(Path("E:/"), "", "exFAT", 0, 0).fat32
