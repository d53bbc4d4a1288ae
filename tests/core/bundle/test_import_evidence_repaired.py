"""An evidence file the store holds damaged (a byte changed on disk, a file cut short) is
replaced by the sound copy a bundle brings: the import compares the stored copy of each file the
bundle names with the bundle's, byte for byte, as it verifies the bundle (a copy of another size
is not even read). Before, a file of that name in the store was taken as sound and kept."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest

from bundle_sync import DEMO_DAY, bundle_of, carry, edit
from doancoso.core.bundle.merge import apply
from doancoso.core.evidence.store import EvidenceStore
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.import_texts import result_text

PASSWORD = "Minh chứng hỏng được thay"


def _attach(ws: Workspace, tmp_path: Path, count: int) -> list[str]:
    """``count`` files attached to the checklist of the demo's year; their hashes."""
    year = DEMO_DAY.year
    ws.recognition.open(year)
    codes = [item.code for item in ws.recognition.view(year).template.items]
    hashes = []
    for i in range(count):
        path = tmp_path / f"bien-ban-{i}.pdf"
        data = b"%PDF-1.4\n" + os.urandom(200_000 + i)
        path.write_bytes(data)
        ws.recognition.attach(year, codes[i], path, f"Biên bản số {i + 1}")
        hashes.append(hashlib.sha256(data).hexdigest())
    return hashes


def _damage(store: EvidenceStore, flipped: str, cut: str) -> None:
    """One stored copy with a byte changed (same size), one cut short."""
    path = store.path(flipped)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    path = store.path(cut)
    path.write_bytes(path.read_bytes()[:1000])


@pytest.fixture
def three(home: Workspace, away: Workspace, tmp_path: Path) -> list[str]:
    """Three files of home's, carried to away (sound in both stores)."""
    hashes = _attach(home, tmp_path, 3)
    carry(home, away)
    store = EvidenceStore(away.data_dir)
    assert all(store.verify(sha) for sha in hashes)
    return hashes


def test_a_bundle_replaces_the_damaged_copies_and_leaves_the_sound_one(
    home: Workspace, away: Workspace, three: list[str], tmp_path: Path
) -> None:
    flipped, cut, sound = three
    store = EvidenceStore(away.data_dir)
    _damage(store, flipped, cut)
    assert not store.verify(flipped) and not store.verify(cut)
    untouched = store.path(sound).stat()
    edit(home, home.members.list()[0].id, phone="0912345678")
    bundle = home.bundles.export(tmp_path / "lan-sau.dcs", password=PASSWORD).path

    result = away.bundles.apply(bundle, PASSWORD)
    assert result.applied and result.evidence_repaired == 2 and result.evidence_new == 0
    assert store.verify(flipped) and store.verify(cut) and store.verify(sound)
    after = store.path(sound).stat()
    assert (after.st_ino, after.st_mtime_ns) == (untouched.st_ino, untouched.st_mtime_ns)
    assert not list(store.folder.glob(".evidence.*.tmp"))
    assert away.check().problems == []
    assert "• Tệp minh chứng trên máy này bị hỏng, đã thay bằng bản đúng trong tệp: 2 tệp" in (
        result_text(result).splitlines()
    )
    assert result.to_json()["evidence_repaired"] == 2

    again = away.bundles.apply(bundle, PASSWORD)  # sound now: nothing replaced
    assert again.evidence_repaired == 0 and "evidence_repaired" not in again.to_json()


def test_rows_held_in_memory_replace_a_damaged_copy_too(
    home: Workspace, away: Workspace, three: list[str]
) -> None:
    flipped, cut, _sound = three
    store = EvidenceStore(away.data_dir)
    _damage(store, flipped, cut)
    edit(home, home.members.list()[0].id, phone="0912345678")
    result = apply(away, bundle_of(home))
    assert result.evidence_repaired == 2
    assert all(store.verify(sha) for sha in three)


def test_the_command_line_says_how_many_damaged_files_were_replaced(
    home: Workspace, away: Workspace, three: list[str], tmp_path: Path
) -> None:
    from io import StringIO

    from doancoso.cli.main import run

    flipped, cut, _sound = three
    _damage(EvidenceStore(away.data_dir), flipped, cut)
    bundle = home.bundles.export(tmp_path / "lan-sau.dcs", password=None).path
    folder = away.data_dir
    away.close()  # the command opens the folder itself
    out, err = StringIO(), StringIO()
    code = run(["bundle", "import", str(bundle), "--data-dir", str(folder)], out=out, err=err)
    assert code == 0, err.getvalue()
    assert "Tệp minh chứng trên máy này bị hỏng, đã thay bằng bản đúng trong tệp: 2 tệp" in (
        out.getvalue().splitlines()
    )
    assert all(EvidenceStore(folder).verify(sha) for sha in three)


def test_the_dry_run_says_the_copies_of_another_size_will_be_replaced(
    home: Workspace, away: Workspace, three: list[str], tmp_path: Path
) -> None:
    """The preview counted a damaged stored copy as present: one of another size than the
    bundle's is now said to be replaced (found from the sizes alone; one of the same size with
    other bytes is found only as the import compares it, and said in the result)."""
    from io import StringIO

    from doancoso.cli.main import run
    from doancoso.ui.bundle.counts import files_text

    flipped, cut, _sound = three
    store = EvidenceStore(away.data_dir)
    _damage(store, flipped, cut)
    damaged = {sha: store.path(sha).read_bytes() for sha in (flipped, cut)}
    edit(home, home.members.list()[0].id, phone="0912345678")
    bundle = home.bundles.export(tmp_path / "lan-sau.dcs", password=PASSWORD).path
    said = "Tệp minh chứng trên máy này bị hỏng, sẽ thay bằng bản đúng trong tệp: 1 tệp"

    preview = away.bundles.preview(bundle, PASSWORD)
    assert (preview.evidence_repaired, preview.evidence_new) == (1, 0)
    assert f"{said}." in files_text(preview)
    assert plan_of_memory(away, home).evidence_repaired == 1
    assert {sha: store.path(sha).read_bytes() for sha in (flipped, cut)} == damaged

    clear = home.bundles.export(tmp_path / "ro.dcs", password=None).path
    folder = away.data_dir
    away.close()
    out, err = StringIO(), StringIO()
    argv = ["bundle", "import", str(clear), "--dry-run", "--data-dir", str(folder)]
    assert run(argv, out=out, err=err) == 0, err.getvalue()
    assert said in out.getvalue().splitlines()
    out = StringIO()
    assert run([*argv, "--format", "json"], out=out, err=err) == 0, err.getvalue()
    import json

    assert json.loads(out.getvalue())["evidence_repaired"] == 1
    assert {sha: EvidenceStore(folder).path(sha).read_bytes() for sha in (flipped, cut)} == damaged


def plan_of_memory(away: Workspace, home: Workspace) -> Any:
    """The dry run of rows held in memory (their files' sizes read from the files)."""
    from doancoso.core.bundle.merge import plan

    return plan(away, bundle_of(home))
