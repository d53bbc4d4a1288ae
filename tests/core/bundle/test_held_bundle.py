"""A bundle held for the import wizard (``ws.bundles.hold``): read once from the stick, its
SHA-256 taken in the same pass, an encrypted one decrypted into a private copy that the dry runs
and the import read instead of the stick. A clear bundle changed since it was read, a copy
removed meanwhile, a wrong password or a damaged file: a clear message, nothing changed, no
temporary file left.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import time
from pathlib import Path

import pytest

from breakage import snapshot
from bundle_sync import every_row
from doancoso.core.bundle.container import CHANGED_SINCE, COPY_LOST
from doancoso.core.bundle.errors import BundleError, WrongPassword
from doancoso.core.bundle.service import TEMP_FOLDER
from doancoso.core.workspace import Workspace

PASSWORD = "Đọc một lần từ USB"


def _temp_files(ws: Workspace) -> list[str]:
    folder = ws.data_dir / TEMP_FOLDER
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_the_stick_is_read_once_and_the_import_reads_the_copy(
    home: Workspace, tmp_path: Path
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    bundle = home.bundles.export(stick / "ban-giao.dcs", password=PASSWORD).path
    digest = hashlib.sha256(bundle.read_bytes()).hexdigest()
    fresh = Workspace.open(tmp_path / "may-moi")
    try:
        steps: list[tuple[int, int]] = []
        held = fresh.bundles.hold(bundle, PASSWORD, report=lambda d, t: steps.append((d, t)))
        assert held.sha256 == digest
        assert held.manifest.counts == fresh.bundles.inspect(bundle, PASSWORD).manifest.counts
        assert steps[-1] == (1000, 1000) and steps == sorted(steps)
        assert held.copy is not None and held.copy.parent == fresh.data_dir / TEMP_FOLDER
        assert stat.S_IMODE(held.copy.stat().st_mode) == 0o600

        shutil.rmtree(stick)  # the stick pulled out: the dry run and the import need it no more
        preview = fresh.bundles.preview(held, PASSWORD)
        assert preview.new["members"] == 40 and not preview.applied
        assert not fresh.has_organization
        applied = fresh.bundles.apply(held, PASSWORD)
        assert applied.applied and applied.new == preview.new
        assert every_row(fresh) == every_row(home)
        for sha256 in held.manifest.evidence_hashes():
            mine = (home.data_dir / "evidence" / sha256).read_bytes()
            assert (fresh.data_dir / "evidence" / sha256).read_bytes() == mine
        assert _temp_files(fresh) == [held.copy.name]  # kept while the wizard is open
        held.release()
        assert _temp_files(fresh) == []
    finally:
        fresh.close()


def test_a_copy_held_over_an_hour_is_not_swept_as_stale(home: Workspace, tmp_path: Path) -> None:
    bundle = home.bundles.export(tmp_path / "b.dcs", password=PASSWORD).path
    fresh = Workspace.open(tmp_path / "may-moi")
    try:
        held = fresh.bundles.hold(bundle, PASSWORD)
        assert held.copy is not None
        two_hours_ago = time.time() - 7200
        os.utime(held.copy, (two_hours_ago, two_hours_ago))
        assert fresh.bundles.preview(held, PASSWORD).new["members"] == 40
        held.release()
    finally:
        fresh.close()


def test_a_copy_removed_meanwhile_is_explained(home: Workspace, tmp_path: Path) -> None:
    bundle = home.bundles.export(tmp_path / "b.dcs", password=PASSWORD).path
    fresh = Workspace.open(tmp_path / "may-moi")
    try:
        held = fresh.bundles.hold(bundle, PASSWORD)
        held.release()
        before = snapshot(fresh.data_dir)
        with pytest.raises(BundleError) as caught:
            fresh.bundles.apply(held, PASSWORD)
        assert caught.value.message == COPY_LOST
        assert not fresh.has_organization and snapshot(fresh.data_dir) == before
    finally:
        fresh.close()


def test_a_clear_bundle_is_read_again_unless_it_changed(home: Workspace, tmp_path: Path) -> None:
    bundle = home.bundles.export(tmp_path / "ro.dcs", password=None).path
    fresh = Workspace.open(tmp_path / "may-moi")
    try:
        held = fresh.bundles.hold(bundle, None)
        assert held.copy is None and held.sha256 == hashlib.sha256(bundle.read_bytes()).hexdigest()
        assert fresh.bundles.preview(held, None).new["members"] == 40

        shutil.copyfile(home.bundles.export(tmp_path / "new.dcs", password=None).path, bundle)
        before = snapshot(fresh.data_dir)
        for step in (fresh.bundles.preview, fresh.bundles.apply):
            with pytest.raises(BundleError) as caught:
                step(held, None)
            assert caught.value.message == CHANGED_SINCE
        bundle.unlink()
        with pytest.raises(BundleError) as caught:
            fresh.bundles.apply(held, None)
        assert "Không mở được gói dữ liệu" in caught.value.message
        assert not fresh.has_organization and snapshot(fresh.data_dir) == before
        assert _temp_files(fresh) == []
    finally:
        fresh.close()


def test_refused_when_held_leaves_nothing_behind(home: Workspace, tmp_path: Path) -> None:
    bundle = home.bundles.export(tmp_path / "b.dcs", password=PASSWORD).path
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x01
    flipped = tmp_path / "hong.dcs"
    flipped.write_bytes(bytes(data))
    fresh = Workspace.open(tmp_path / "may-moi")
    try:
        with pytest.raises(WrongPassword):
            fresh.bundles.hold(bundle, "sai mật khẩu")
        with pytest.raises(BundleError) as caught:
            fresh.bundles.hold(flipped, PASSWORD)
        assert "của tệp không còn như lúc xuất" in caught.value.message
        assert _temp_files(fresh) == []
        assert not fresh.has_organization
    finally:
        fresh.close()
