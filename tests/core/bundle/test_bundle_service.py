"""``ws.bundles`` (core/bundle/service.py): a real organisation exported to a file, inspected,
previewed and imported into a fresh installation through the container, encrypted; the same
bundle twice changes nothing; a refused bundle changes nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from breakage import snapshot
from bundle_sync import every_row
from doancoso import __version__
from doancoso.core.bundle.errors import BundleError, WrongPassword
from doancoso.core.bundle.service import TEMP_FOLDER
from doancoso.core.errors import AppError
from doancoso.core.workspace import Workspace
from stored import organization_of

PASSWORD = "Chuyển giao 2026"


def test_handover_round_trip_through_an_encrypted_file(home: Workspace, tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    result = home.bundles.export(stick / "ban-giao.dcs", kind="handover", password=PASSWORD)
    data = result.path.read_bytes()
    assert result.sha256 == hashlib.sha256(data).hexdigest() and result.size == len(data)
    assert result.info.encrypted and result.info.kind == "handover"
    assert result.counts["members"] == 40
    assert [p.name for p in stick.iterdir()] == ["ban-giao.dcs"]

    fresh = Workspace.open(tmp_path / "may-moi")
    try:
        info = fresh.bundles.inspect(result.path, PASSWORD)
        assert info.organization_name == organization_of(home).name
        assert info.app_version == __version__ and info.version == 1
        assert info.to_json()["counts"]["evidence_files"] == result.info.evidence_files > 0
        preview = fresh.bundles.preview(result.path, PASSWORD)
        assert not preview.applied and preview.new["members"] == 40
        assert not fresh.has_organization
        applied = fresh.bundles.apply(result.path, PASSWORD)
        assert applied.applied and applied.new == preview.new
        assert every_row(fresh) == every_row(home)
        for sha256 in home.bundles.inspect(result.path, PASSWORD).manifest.evidence_hashes():
            mine = home.data_dir / "evidence" / sha256
            assert (fresh.data_dir / "evidence" / sha256).read_bytes() == mine.read_bytes()
        again = fresh.bundles.apply(result.path, PASSWORD)
        assert again.applied and not any(again.new.values()) and not any(again.updated.values())
        assert list((fresh.data_dir / TEMP_FOLDER).iterdir()) == []
    finally:
        fresh.close()


def test_refused_bundles_change_nothing(home: Workspace, tmp_path: Path) -> None:
    bundle = home.bundles.export(tmp_path / "b.dcs", password=PASSWORD).path
    other = Workspace.open(tmp_path / "khac")
    other.generate_demo(members=5, seed=11)
    other.close()
    before = snapshot(tmp_path / "khac")
    other = Workspace.open(tmp_path / "khac")
    try:
        with pytest.raises(WrongPassword):
            other.bundles.apply(bundle, "sai mật khẩu")
        data = bytearray(bundle.read_bytes())
        data[5000] ^= 1
        bundle.write_bytes(bytes(data))
        with pytest.raises(BundleError) as error:
            other.bundles.apply(bundle, PASSWORD)
        assert error.value.message.startswith("Gói dữ liệu bị hỏng hoặc đã bị sửa đổi")
    finally:
        other.close()
    after = snapshot(tmp_path / "khac")
    assert {k: v for k, v in after.items() if not k.startswith("logs")} == {
        k: v for k, v in before.items() if not k.startswith("logs")
    }


def test_export_choices(home: Workspace, tmp_path: Path) -> None:
    with pytest.raises(BundleError) as error:
        home.bundles.export(tmp_path / "b.dcs", password="  ")
    assert error.value.message == "Mật khẩu không được để trống."
    with pytest.raises(BundleError) as error:
        home.bundles.export(tmp_path / "b.dcs", kind="report", password=None)
    assert error.value.message == "Gói báo cáo cấp trên cần chọn năm báo cáo."
    with pytest.raises(AppError):
        home.bundles.export(tmp_path / "b.dcs", kind="backup", password=None)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]
    report = home.bundles.export(tmp_path / "bao-cao.dcs", kind="report", year=2026, password=None)
    assert not report.info.encrypted and report.info.kind == "report" and report.info.year == 2026


def test_leftovers_of_a_killed_import_are_removed_by_the_next(
    home: Workspace, tmp_path: Path
) -> None:
    import os
    import time

    bundle = home.bundles.export(tmp_path / "b.dcs", password=PASSWORD).path
    work = home.data_dir / TEMP_FOLDER
    work.mkdir(exist_ok=True)
    old_file = work / "doancoso-goi-abc123.zip"
    old_file.write_bytes(b"a decrypted container a killed import left")
    old_folder = work / "doancoso-goi-def456"
    old_folder.mkdir()
    (old_folder / ("a" * 64)).write_bytes(b"an evidence copy")
    young = work / "doancoso-goi-ghi789.zip"
    young.write_bytes(b"an import running now")
    stranger = work / "ghi-chu.txt"
    stranger.write_bytes(b"not ours")
    hour_ago = time.time() - 3700
    for path in (old_file, old_folder):
        os.utime(path, (hour_ago, hour_ago))
    home.bundles.preview(bundle, PASSWORD)
    assert sorted(p.name for p in work.iterdir()) == [young.name, stranger.name]
    assert oct(work.stat().st_mode & 0o777) == oct(0o700)
