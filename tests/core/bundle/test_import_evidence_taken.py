"""An import copies only the evidence files some row names once it is applied (#17): a file
named only by rows not taken (sáp nhập: their checklist of a year we hold; an exchange: their
version of a record whose conflict keeps ours) is not copied into the store; the dry run's count
of files to copy is the import's."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bundle_sync import DEMO_DAY, carry
from doancoso.core.evidence.store import EvidenceStore
from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace

TAN_LOC = "Đoàn xã Tân Lộc"


def _pdf(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(20_000))
    return path


def _store(ws: Workspace) -> set[str]:
    """The files of the evidence store (temporary ones too)."""
    folder = EvidenceStore(ws.data_dir).folder
    return {p.name for p in folder.iterdir() if p.is_file()} if folder.is_dir() else set()


def _named(ws: Workspace) -> set[str]:
    """The files named by a row of ``evidence_files`` (tombstones too)."""
    with sqlite3.connect(ws.db.path) as db:
        return {sha for (sha,) in db.execute("SELECT sha256 FROM evidence_files")}


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Workspace]:
    """A former commune union holding, like home, a checklist of this year."""
    ws = Workspace.open(tmp_path / "other")
    ws.generate_demo(members=30, seed=8, today=DEMO_DAY)
    info = ws.organization.get()
    assert info is not None
    ws.organization.update(OrganizationInfo(**{**info.__dict__, "name": TAN_LOC}))
    yield ws
    ws.close()


def test_sap_nhap_copies_no_file_of_their_checklist_not_taken(
    home: Workspace, other: Workspace, tmp_path: Path
) -> None:
    year = DEMO_DAY.year
    codes = [item.code for item in other.recognition.view(year).template.items]
    dropped: set[str | None] = set()
    for i in range(3):  # their checklist of this year: not taken (home has one)
        path = _pdf(tmp_path, f"bien-ban-{i}.pdf")
        dropped.add(EvidenceStore.hash_of(path))
        other.recognition.attach(year, codes[i], path, f"Biên bản số {i + 1}")
    with sqlite3.connect(other.db.path) as db:
        (advice_id,) = db.execute("SELECT id FROM advice_records LIMIT 1").fetchone()
    path = _pdf(tmp_path, "to-trinh.pdf")  # their advice record: taken
    taken = EvidenceStore.hash_of(path)
    other.evidence.attach("advice_records", advice_id, path, "Tờ trình")
    bundle = other.bundles.export(tmp_path / "tan-loc.dcs", password=None).path
    in_bundle = set(home.bundles.inspect(bundle, None).manifest.evidence_hashes())
    assert dropped | {taken} <= in_bundle
    before = _store(home)
    assert not (dropped | {taken}) & before

    preview = home.bundles.run_import(bundle, None, dry_run=True, merge_organization=True)
    result = home.bundles.run_import(bundle, None, merge_organization=True)

    assert result.applied
    assert (preview.evidence_new, preview.evidence_skipped) == (1, 3)
    assert (result.evidence_new, result.evidence_skipped) == (1, 3)
    assert preview.evidence_present == result.evidence_present == len(in_bundle) - 4
    after = _store(home)
    assert after - before == {taken}  # the files of their checklist not taken: not copied
    assert after <= _named(home) | before
    assert [p for p in home.check().problems if p.kind == "evidence_orphan"] == []


def test_an_exchange_keeping_our_version_copies_not_the_file_only_theirs_names(
    home: Workspace, away: Workspace, tmp_path: Path
) -> None:
    """Their row of a file changed to name another file (a copy's own edit, made here in its
    database) against our caption: the conflict kept ours, their file is not copied; taken,
    it is."""
    with sqlite3.connect(home.db.path) as db:
        (row_id,) = db.execute("SELECT id FROM evidence_files LIMIT 1").fetchone()
    home.evidence.caption(row_id, "Chú thích của máy này")
    replaced = EvidenceStore(away.data_dir).add(_pdf(tmp_path, "ban-moi.pdf")).sha256
    with sqlite3.connect(away.db.path) as db:
        db.execute(
            "UPDATE evidence_files SET sha256 = ?, revision = revision + 1,"
            " updated_at = '2030-01-01 00:00:00.000000' WHERE id = ?",
            (replaced, row_id),
        )
    bundle = away.bundles.export(tmp_path / "away.dcs", password=None).path
    before = _store(home)

    theirs = home.bundles.run_import(bundle, None, dry_run=True, on_conflict="theirs")
    assert (theirs.evidence_new, theirs.evidence_skipped) == (1, 0)
    mine = home.bundles.run_import(bundle, None, dry_run=True, on_conflict="mine")
    assert (mine.evidence_new, mine.evidence_skipped) == (0, 1)
    result = home.bundles.run_import(bundle, None, on_conflict="mine")

    assert result.applied and [c.id for c in result.conflicts] == [row_id]
    assert (result.evidence_new, result.evidence_skipped) == (0, 1)
    assert _store(home) == before
    assert [p for p in home.check().problems if p.kind == "evidence_orphan"] == []
    carry(home, away)  # our version reaches the other copy, which keeps its file
    assert replaced in _store(away)
