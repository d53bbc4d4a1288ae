"""The bundle of format version 1 kept in tests/fixtures (made by ``bundle-v1-make.py``): every
later version of the app must still read it, say what it is, and import it whole."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from sqlalchemy import text

from doancoso.core.bundle.container import open_bundle, read_manifest
from doancoso.core.workspace import Workspace
from stored import organization_of

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
FIXTURE = FIXTURES / "bundle-v1.dcs"
PASSWORD = "Bàn giao dữ liệu phiên bản 1"  # as bundle-v1-make.py encrypted it


def test_version_1_is_still_inspected_as_it_was() -> None:
    expected = json.loads((FIXTURES / "bundle-v1.json").read_text(encoding="utf-8"))
    # what it said then, and that it carries no built dossier (said since format version 2)
    assert read_manifest(FIXTURE, PASSWORD).to_json() == {**expected, "dossier": None}
    assert expected["version"] == 1 and expected["encrypted"] is True
    # 11 rows of the table evidence_files and 10 files: neither number hides the other
    info = read_manifest(FIXTURE, PASSWORD)
    assert info.counts["evidence_files"] == expected["counts"]["evidence_file_rows"] == 11
    assert info.evidence_files == expected["counts"]["evidence_files"] == 10


def test_version_1_is_still_read_whole(tmp_path: Path) -> None:
    info = read_manifest(FIXTURE, PASSWORD)
    with open_bundle(FIXTURE, PASSWORD, workdir=tmp_path) as reader:
        for table in reader.tables():
            assert sum(1 for _ in reader.rows(table)) == info.counts[table], table
        hashes = reader.evidence_hashes()
        assert len(hashes) == info.evidence_files > 0
        for sha256 in hashes:
            assert hashlib.sha256(reader.evidence(sha256).read_bytes()).hexdigest() == sha256


def test_version_1_is_still_imported_into_a_fresh_folder(tmp_path: Path) -> None:
    info = read_manifest(FIXTURE, PASSWORD)
    with Workspace.open(tmp_path / "may-moi") as ws:
        result = ws.bundles.apply(FIXTURE, PASSWORD)
        assert result.applied and result.handover
        assert organization_of(ws).name == info.organization_name == "Đoàn xã Tân Hưng"
        assert len(ws.members.ids()) == info.counts["members"] == 8
        report = ws.check()
        assert report.ok, [p.message for p in report.problems]


def test_version_1_members_get_their_admission_number_without_a_new_revision(
    tmp_path: Path,
) -> None:
    """Made before "Số nghị quyết chuẩn y kết nạp" followed the admission event: the import
    fills it from the event, as migration 0012 fills a database, keeping each row's revision
    (the bundle's), so the next exchange sees no change to the member."""
    with open_bundle(FIXTURE, PASSWORD, workdir=tmp_path) as reader:
        bundled = {row["id"]: row for row in reader.rows("members")}
        numbers = {
            row["member_id"]: row["number"]
            for row in reader.rows("member_events")
            if row["kind"] == "admission" and row["number"] and not row["deleted_at"]
        }
    assert numbers and not any(bundled[m]["admission_decision"] for m in numbers)
    with Workspace.open(tmp_path / "may-moi") as ws:
        ws.bundles.apply(FIXTURE, PASSWORD)
        with ws.db.read() as session:
            stored = {
                row.id: (row.admission_decision, row.revision)
                for row in session.execute(
                    text("SELECT id, admission_decision, revision FROM members")
                )
            }
    assert stored == {
        i: (numbers.get(i, row["admission_decision"]), row["revision"])
        for i, row in bundled.items()
    }
