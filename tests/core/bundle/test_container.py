"""Writing and reading bundles (core/bundle/container.py): what goes in comes out, row for row
and byte for byte, clear or encrypted; what the manifest says; temporary files never outlive
the reading; a damaged evidence store stops an export before anything is under the name."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tracemalloc
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from bundle_sources import ORG_ID, ORG_NAME, DictSource, member, sample_source

from doancoso import __version__
from doancoso.core.bundle.container import open_bundle, read_manifest, write_bundle
from doancoso.core.bundle.crypto import MAGIC
from doancoso.core.bundle.errors import BundleError

PASSWORD = "Bí thư 2026"


@pytest.mark.parametrize("password", [None, PASSWORD])
def test_round_trip(tmp_path: Path, password: str | None) -> None:
    source = sample_source(tmp_path / "kho", year=2026, kind="report")
    written = write_bundle(tmp_path / "ban-giao.dcs", source, password=password, kdf_log2_n=10)
    data = written.path.read_bytes()
    assert written.size == len(data)
    assert written.sha256 == hashlib.sha256(data).hexdigest()
    assert data.startswith(MAGIC if password else b"PK\x03\x04")
    work = tmp_path / "tam"
    work.mkdir()
    with open_bundle(written.path, password, workdir=work) as reader:
        assert reader.tables() == ["branches", "members", "member_events", "tombstones"]
        for table in reader.tables():
            assert list(reader.rows(table)) == list(source.rows(table))
        assert reader.evidence_hashes() == source.evidence_hashes()
        for sha256 in reader.evidence_hashes():
            copy = reader.evidence(sha256)
            assert copy.read_bytes() == source.evidence(sha256).read_bytes()
            assert copy.parent.parent == work  # a private folder of ours, named by the hash
            assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700
        assert reader.manifest["exchange"] == {"since": {"peer": 3}}
        assert reader.manifest["source_installation"] == "c3a4e0f2-0000-4000-8000-000000000001"
        if password:  # the clear container, private to this user while it is read
            (clear,) = [p for p in work.iterdir() if p.is_file()]
            assert stat.S_IMODE(clear.stat().st_mode) == 0o600
    assert list(work.iterdir()) == []
    info = read_manifest(written.path, password, workdir=work)
    assert list(work.iterdir()) == []
    assert info.to_json() == {
        "format": "doancoso-bundle",
        "version": 1,
        "kind": "report",
        "organization": {"id": ORG_ID, "name": ORG_NAME},
        "year": 2026,
        "created_at": written.manifest["created_at"],
        "app_version": __version__,
        "encrypted": password is not None,
        "counts": {
            "branches": 2, "members": 30, "member_events": 10, "tombstones": 0,
            "evidence_files": 2,
        },
        "dossier": None,
    }  # fmt: skip


def test_clear_container_layout(tmp_path: Path) -> None:
    source = sample_source(tmp_path / "kho")
    written = write_bundle(tmp_path / "b.dcs", source, password=None)
    with zipfile.ZipFile(written.path) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read("manifest.json"))
        rows = archive.read("data/members.jsonl").decode("utf-8").splitlines()
        kinds = {i.filename: i.compress_type for i in archive.infolist()}
    assert names[-1] == "manifest.json"
    assert names[:4] == [f"data/{t}.jsonl" for t in source.tables()]
    assert sorted(names[4:-1]) == sorted(f"evidence/{h}" for h in source.evidence_hashes())
    assert kinds["data/members.jsonl"] == zipfile.ZIP_DEFLATED
    assert all(kinds[f"evidence/{h}"] == zipfile.ZIP_STORED for h in source.evidence_hashes())
    assert json.loads(rows[3]) == member(3)
    assert rows[0].startswith('{"id":"00000000-0000-4000-8000-000000000000","revision":1,')
    assert "Nguyễn" in rows[0]  # UTF-8, not \\u escapes
    assert manifest["format"] == "doancoso-bundle" and manifest["version"] == 1
    for name in names[:-1]:
        with zipfile.ZipFile(written.path) as archive:
            content = archive.read(name)
        assert manifest["members"][name] == {
            "sha256": hashlib.sha256(content).hexdigest(), "size": len(content),
        }  # fmt: skip
    assert manifest["counts"] == {
        "branches": 2,
        "members": 30,
        "member_events": 10,
        "tombstones": 0,
    }
    assert manifest["evidence_files"] == 2


def test_temporary_files_go_even_when_the_reading_fails(tmp_path: Path) -> None:
    source = sample_source(tmp_path / "kho")
    bundle = write_bundle(tmp_path / "b.dcs", source, password=PASSWORD, kdf_log2_n=10).path
    work = tmp_path / "tam"
    work.mkdir()
    with pytest.raises(RuntimeError), open_bundle(bundle, PASSWORD, workdir=work) as reader:
        assert len(list(work.iterdir())) == 2  # the clear container and the evidence folder
        next(reader.rows("members"))
        raise RuntimeError("the import failed")
    assert list(work.iterdir()) == []


def test_progress_goes_up_to_the_end_and_can_cancel(tmp_path: Path) -> None:
    source = sample_source(tmp_path / "kho", members=2000)
    seen: list[tuple[int, int]] = []
    write_bundle(
        tmp_path / "b.dcs",
        source,
        password=PASSWORD,
        kdf_log2_n=10,
        report=lambda d, t: seen.append((d, t)),
    )
    assert seen[-1] == (1000, 1000)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    seen.clear()
    with open_bundle(tmp_path / "b.dcs", PASSWORD, report=lambda d, t: seen.append((d, t))):
        pass
    assert seen[-1] == (1000, 1000) and [d for d, _ in seen] == sorted(d for d, _ in seen)

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        if done > 0:
            raise Cancelled

    target = tmp_path / "huy.dcs"
    with pytest.raises(Cancelled):
        write_bundle(target, source, password=None, report=cancel)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.dcs", "kho"]


@pytest.mark.parametrize("password", [None, PASSWORD])
def test_damaged_evidence_in_the_store_stops_the_export(
    tmp_path: Path, password: str | None
) -> None:
    source = sample_source(tmp_path / "kho")
    sha256 = source.evidence_hashes()[1]
    path = source.evidence(sha256)
    path.write_bytes(path.read_bytes()[:-1] + b"?")  # bit rot in the store
    target = tmp_path / "usb"
    target.mkdir()
    with pytest.raises(BundleError) as error:
        write_bundle(target / "b.dcs", source, password=password, kdf_log2_n=10)
    assert error.value.message == (
        f"Tệp minh chứng {sha256[:12]}… không đọc được hoặc đã bị hỏng trong kho minh chứng: "
        "hãy chạy “Kiểm tra dữ liệu” (lệnh doancoso check) rồi xuất lại. Không có tệp nào "
        "được ghi."
    )
    assert list(target.iterdir()) == []
    path.unlink()
    with pytest.raises(BundleError) as error:
        write_bundle(target / "b.dcs", source, password=password, kdf_log2_n=10)
    assert error.value.message.startswith(f"Tệp minh chứng {sha256[:12]}… không đọc được")
    assert list(target.iterdir()) == []


def test_a_large_store_file_changed_at_its_end_is_refused_as_it_is_copied(
    tmp_path: Path,
) -> None:
    """A 6 MB evidence file whose last byte no longer matches its name: found in the pass that
    copies it into the bundle (while the blocks before it are being written), the export
    stopped with its message, nothing left on the stick."""
    big = os.urandom(6 * 1024 * 1024)
    source = DictSource(
        {"members": [{"id": str(i), "ho_ten": "Nguyễn Văn An"} for i in range(5000)]},
        [big, b"%PDF-1.4\n"],
        folder=tmp_path / "kho",
    )
    sha256 = hashlib.sha256(big).hexdigest()
    source.evidence(sha256).write_bytes(big[:-1] + bytes([big[-1] ^ 1]))
    stick = tmp_path / "usb"
    stick.mkdir()
    with pytest.raises(BundleError) as error:
        write_bundle(stick / "b.dcs", source, password=PASSWORD, kdf_log2_n=10)
    assert error.value.message == (
        f"Tệp minh chứng {sha256[:12]}… không đọc được hoặc đã bị hỏng trong kho minh chứng: "
        "hãy chạy “Kiểm tra dữ liệu” (lệnh doancoso check) rồi xuất lại. Không có tệp nào "
        "được ghi."
    )
    assert list(stick.iterdir()) == []


def test_a_row_that_is_not_json_stops_the_export(tmp_path: Path) -> None:
    source = DictSource({"members": [{"id": "a", "score": float("nan")}]}, folder=tmp_path / "k")
    with pytest.raises(BundleError) as error:
        write_bundle(tmp_path / "b.dcs", source, password=None)
    assert error.value.message.startswith(
        "Một bản ghi của bảng “Đoàn viên” (members) không ghi được vào gói dữ liệu"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k"]


def test_an_empty_organisation_and_an_existing_target(tmp_path: Path) -> None:
    source = DictSource({"members": []}, folder=tmp_path / "k")
    target = tmp_path / "b.dcs"
    target.write_bytes(b"an older bundle")
    write_bundle(target, source, password=PASSWORD, kdf_log2_n=10)
    with open_bundle(target, PASSWORD) as reader:
        assert list(reader.rows("members")) == []
        assert reader.evidence_hashes() == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.dcs", "k"]


def test_the_written_file_takes_the_usual_permissions(tmp_path: Path) -> None:
    source = sample_source(tmp_path / "kho")
    old = os.umask(0o022)
    try:
        written = write_bundle(tmp_path / "b.dcs", source, password=None)
    finally:
        os.umask(old)
    assert stat.S_IMODE(written.path.stat().st_mode) == 0o644


class _Generated:
    """Rows made as they are asked for and one large evidence file: nothing held whole."""

    def __init__(self, evidence: Path, rows: int) -> None:
        self._evidence = evidence
        self._sha256 = hashlib.sha256(evidence.read_bytes()).hexdigest()
        self._rows = rows
        self.manifest = sample_source(evidence.parent / "nho").manifest

    def tables(self) -> list[str]:
        return ["members"]

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        return (member(i) for i in range(self._rows))

    def evidence(self, sha256: str) -> Path:
        return self._evidence

    def evidence_hashes(self) -> list[str]:
        return [self._sha256]


def test_writing_and_reading_stream(tmp_path: Path) -> None:
    """50,000 rows and a 48 MB file go through the writer and the reader, clear and encrypted,
    with a few MB of Python memory at the peak: rows and files are never held whole."""
    big = tmp_path / "video.pdf"
    with open(big, "wb") as out:
        for _ in range(48):
            out.write(os.urandom(1024 * 1024))
    source = _Generated(big, 50_000)
    for password in (None, PASSWORD):
        tracemalloc.start()
        try:
            written = write_bundle(tmp_path / "b.dcs", source, password=password, kdf_log2_n=10)
            with open_bundle(written.path, password, workdir=tmp_path) as reader:
                assert sum(1 for _ in reader.rows("members")) == 50_000
                assert reader.evidence(source.evidence_hashes()[0]).stat().st_size == 48 * 2**20
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert peak < 16 * 1024 * 1024, f"{peak / 2**20:.1f} MB at the peak"
