"""An import writes each evidence file once (#17, speed): verified as it is read from the
bundle, written in the same pass into a temporary file of the store's folder, renamed into place
before the commit. A file the store holds already is neither written nor touched. A refused or
cancelled import leaves the store exactly as it was: same files, same inodes, no temporary file.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from breakage import failing_fsync, fill, small_disk
from bundle_crafting import build, members_of
from bundle_sync import DEMO_DAY, every_row
from doancoso.core.bundle.errors import BundleError
from doancoso.core.bundle.reader import NOT_OURS
from doancoso.core.bundle.service import TEMP_FOLDER
from doancoso.core.bundle.sync_errors import ForeignBundle
from doancoso.core.evidence.store import EvidenceStore
from doancoso.core.workspace import Workspace

PASSWORD = "Minh chứng chép một lần"


def _listing(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every entry of ``folder``, dot files too: inode, size, modification time."""
    if not folder.is_dir():
        return {}
    return {
        p.name: (p.stat().st_ino, p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir()
    }


def _staged(store: EvidenceStore) -> dict[int, str]:
    """The temporary files being written into the store: inode → name."""
    return {p.stat().st_ino: p.name for p in store.folder.glob(".evidence.*.tmp")}


def _private_files(ws: Workspace) -> list[str]:
    """Files in the import's private temporary folder but the decrypted container."""
    work = ws.data_dir / TEMP_FOLDER
    return [p.name for p in work.rglob("*") if p.is_file() and not p.name.endswith(".zip")]


@pytest.fixture
def grown(home: Workspace, away: Workspace, tmp_path: Path) -> Path:
    """``home``'s handover once three files were attached to its checklist: new evidence for
    ``away``, which holds the rest already."""
    year = DEMO_DAY.year
    home.recognition.open(year)
    codes = [item.code for item in home.recognition.view(year).template.items]
    for i in range(3):
        path = tmp_path / f"bien-ban-{i}.pdf"
        path.write_bytes(b"%PDF-1.4\n" + os.urandom(300_000))
        home.recognition.attach(year, codes[i], path, f"Biên bản số {i + 1}")
    return home.bundles.export(tmp_path / "grown.dcs", password=PASSWORD).path


def test_new_evidence_enters_the_store_by_a_rename_of_the_file_verified(
    away: Workspace, grown: Path
) -> None:
    store = EvidenceStore(away.data_dir)
    before = _listing(store.folder)
    seen: dict[int, str] = {}
    copied_out: list[str] = []

    def report(done: int, total: int) -> None:
        seen.update(_staged(store))
        copied_out.extend(_private_files(away))

    hashes = away.bundles.inspect(grown, PASSWORD).manifest.evidence_hashes()
    new = [sha for sha in hashes if sha not in before]
    assert len(hashes) > len(new) > 0
    result = away.bundles.apply(grown, PASSWORD, report=report)
    assert result.applied and result.evidence_new == len(new)
    after = _listing(store.folder)
    assert sorted(after) == sorted([*before, *new])  # no temporary file left
    for sha in new:
        assert after[sha][0] in seen  # the very file written as the bundle was verified
        assert hashlib.sha256(store.path(sha).read_bytes()).hexdigest() == sha
    assert {name: after[name] for name in before} == before  # present files left untouched
    assert copied_out == []  # never copied out to the private temporary folder


def test_evidence_the_store_holds_is_verified_but_not_written(away: Workspace, grown: Path) -> None:
    store = EvidenceStore(away.data_dir)
    before = _listing(store.folder)
    with away.bundles.opened(grown, PASSWORD, staging=True) as source:
        hashes = source.evidence_hashes()
        staged = {sha: source.staged(sha) for sha in hashes}
        assert [sha for sha in hashes if staged[sha] is None] == [
            sha for sha in hashes if sha in before
        ]
        for sha in hashes:
            if staged[sha] is not None:
                assert staged[sha].parent == store.folder  # type: ignore[union-attr]
                assert hashlib.sha256(staged[sha].read_bytes()).hexdigest() == sha  # type: ignore[union-attr]
        assert len(_staged(store)) == len(hashes) - len(before)
    assert _listing(store.folder) == before  # closed without an import: nothing stays
    with away.bundles.opened(grown, PASSWORD) as source:  # a preview's: nothing written
        assert all(source.staged(sha) is None for sha in hashes)
        assert _listing(store.folder) == before


@pytest.mark.parametrize(
    "at", [190, 500, 900, 1000], ids=["verifying", "rows", "evidence", "last-step"]
)
def test_a_cancelled_import_leaves_the_store_as_it_was(
    away: Workspace, grown: Path, at: int
) -> None:
    """ "Hủy" while the bundle is verified (files being staged), while the rows are written,
    while the files are renamed into the store, or at the last step before the commit."""

    class Cancelled(Exception):
        pass

    store = EvidenceStore(away.data_dir)
    before = _listing(store.folder)
    rows = every_row(away)
    most = 0

    def report(done: int, total: int) -> None:
        nonlocal most
        most = max(most, len(_listing(store.folder)) - len(before))
        if done >= at:
            raise Cancelled

    with pytest.raises(Cancelled):
        away.bundles.apply(grown, PASSWORD, report=report)
    assert most > 0  # files were on their way into the store when it was cancelled
    assert _listing(store.folder) == before
    assert every_row(away) == rows
    assert list((away.data_dir / TEMP_FOLDER).iterdir()) == []
    result = away.bundles.apply(grown, PASSWORD)  # and the import runs whole afterwards
    assert result.applied and result.evidence_new > 0


def test_a_bundle_refused_for_a_broken_file_leaves_the_store_as_it_was(
    home: Workspace, away: Workspace, grown: Path, tmp_path: Path
) -> None:
    """The clear form of the same bundle, its last evidence file damaged: the files before it
    were staged when it is refused."""
    store = EvidenceStore(away.data_dir)
    before = _listing(store.folder)
    home_clear = home.bundles.export(tmp_path / "clear.dcs", password=None).path
    members = members_of(home_clear)
    evidence = [name for name in members if name.startswith("evidence/")]
    last = evidence[-1]
    assert any(name[9:] not in before for name in evidence[:-1])  # staged before it
    data = members[last]
    members[last] = data[:-1] + bytes([data[-1] ^ 1])
    bad = build(tmp_path / "bad.dcs", members)
    with pytest.raises(BundleError) as refused:
        away.bundles.apply(bad, None)
    assert refused.value.message == (
        f"Mục “{last}” không khớp mã kiểm tra SHA-256: gói dữ liệu bị hỏng. {NOT_OURS}"
    )
    assert _listing(store.folder) == before


def test_a_bundle_refused_after_its_files_were_staged_leaves_the_store_as_it_was(
    grown: Path, tmp_path: Path
) -> None:
    with Workspace.open(tmp_path / "other") as other:
        other.generate_demo(members=5, seed=4)  # another organisation, files of its own
        store = EvidenceStore(other.data_dir)
        before = _listing(store.folder)
        assert before
        with pytest.raises(ForeignBundle):
            other.bundles.apply(grown, PASSWORD)
        assert _listing(store.folder) == before
        assert os.listdir(other.data_dir / TEMP_FOLDER) == []


def test_the_files_a_killed_import_left_in_the_store_are_removed_by_the_next_one(
    away: Workspace, grown: Path
) -> None:
    """A killed import leaves its staged files (named as the store's temporary files, never
    named by a record); the next import removes those an hour old, not a younger one (a write
    under way), nor a file of anyone else."""
    store = EvidenceStore(away.data_dir)
    old = store.folder / ".evidence.k1ll3d00.tmp"
    young = store.folder / ".evidence.runn1ng0.tmp"
    stranger = store.folder / ".evidence-ghi-chu.txt"
    for path in (old, young, stranger):
        path.write_bytes(b"%PDF-1.4\n half written")
    hour_ago = time.time() - 3700
    os.utime(old, (hour_ago, hour_ago))
    before = _listing(store.folder)
    away.bundles.apply(grown, PASSWORD)
    after = _listing(store.folder)
    assert young.name in after and stranger.name in after and old.name not in after
    hashes = away.bundles.inspect(grown, PASSWORD).manifest.evidence_hashes()
    assert set(after) == (set(before) - {old.name}) | set(hashes)


def test_a_full_disk_while_the_files_are_staged_says_so_and_changes_nothing(
    home: Workspace, tmp_path: Path
) -> None:
    """The store's disk full while the bundle's files are written into it: the import is refused
    with a Vietnamese message before any row is written, and the store keeps only what it
    held."""
    bundle = home.bundles.export(tmp_path / "b.dcs", password=PASSWORD).path
    with Workspace.open(tmp_path / "fresh") as fresh:
        store = EvidenceStore(fresh.data_dir)
        store.folder.mkdir()
        with small_disk(store.folder, 256):
            fill(store.folder)
            before = _listing(store.folder)
            with pytest.raises(BundleError) as refused:
                fresh.bundles.apply(bundle, PASSWORD)
            assert refused.value.message == (
                "Không ghi được tệp minh chứng vào thư mục dữ liệu: ổ đĩa đã đầy. Hãy giải "
                "phóng chỗ trống trên ổ đĩa rồi thử lại. Không có gì được thay đổi."
            )
            assert _listing(store.folder) == before
        assert not fresh.has_organization
        assert list((fresh.data_dir / TEMP_FOLDER).iterdir()) == []


@pytest.mark.parametrize(
    "failing", ["files", "folders"], ids=["the-files-flush", "the-folder-flush"]
)
def test_a_disk_failing_to_flush_the_evidence_says_so_and_changes_nothing(
    home: Workspace, tmp_path: Path, failing: str
) -> None:
    """The store's disk takes the bundle's files but fails to flush them (``fsync`` gives
    ``EIO``: a staged file's, on the flusher thread, or the folder's after the renames): the
    import is refused before the commit with a Vietnamese message that does not blame the space;
    no row, no file in the store, no backup left of it."""
    bundle = home.bundles.export(tmp_path / "b.dcs", password=PASSWORD).path
    with Workspace.open(tmp_path / "fresh") as fresh:
        store = EvidenceStore(fresh.data_dir)
        store.folder.mkdir()
        backups = [b.path for b in fresh.backups.list()]
        with failing_fsync(store.folder, failing):
            with pytest.raises(BundleError) as refused:
                fresh.bundles.apply(bundle, PASSWORD)
            assert refused.value.message == (
                "Không ghi được tệp minh chứng vào thư mục dữ liệu: lỗi đọc ghi ổ đĩa (USB có "
                "thể đã bị rút ra). Ổ đĩa có thể đang hỏng: hãy kiểm tra ổ đĩa (hoặc cắm lại "
                "USB) rồi thử lại. Không có gì được thay đổi."
            )
            assert _listing(store.folder) == {}
        assert not fresh.has_organization
        assert [b.path for b in fresh.backups.list()] == backups
        assert list((fresh.data_dir / TEMP_FOLDER).iterdir()) == []
