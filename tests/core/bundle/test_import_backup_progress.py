"""The bar moves while the backup an import takes before it ("truoc-nhap-goi") is written: the
copy reports its pages (256 a step) and the check of the copy how far it got, and the import's
bar gives the backup a share in proportion to the database it copies (seconds on a large one,
which the bar sat through before at one value, then jumped 3 %)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bundle_sync import DEMO_DAY, bundle_of, carry, edit
from doancoso.core.backup.store import BACKUP_PAGES, copy_database
from doancoso.core.bundle.merge import EVIDENCE_SHARE, apply, shares
from doancoso.core.progress import SCALE
from doancoso.core.storage.folder import DATABASE_FILE
from doancoso.core.workspace import Workspace


@pytest.fixture
def big(tmp_path: Path) -> Iterator[Workspace]:
    """300 demo members: a database of several of the backup's page steps."""
    ws = Workspace.open(tmp_path / "big")
    ws.generate_demo(members=300, seed=3, today=DEMO_DAY)
    yield ws
    ws.close()


def _pages(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA page_count").fetchone()[0])
    finally:
        conn.close()


def test_the_copy_and_its_check_report_their_progress(big: Workspace, tmp_path: Path) -> None:
    source = big.data_dir / DATABASE_FILE
    target = tmp_path / "copy" / "truoc-nhap-goi-20261120-101500.sqlite"
    seen: list[tuple[int, int, bool]] = []

    def report(done: int, total: int) -> None:
        seen.append((done, total, target.exists()))

    copy_database(source, target, report=report)
    steps = -(-_pages(source) // BACKUP_PAGES)
    assert steps >= 3
    values = [done for done, _total, _there in seen]
    assert {total for _done, total, _there in seen} == {SCALE}
    assert values == sorted(values)  # never back
    assert len(set(values)) >= steps + 1  # each page step moved it, then the check
    assert values[-1] < SCALE  # the end is the caller's to say, once the copy has its name
    assert not any(there for *_, there in seen)  # all of it before the copy is renamed
    assert target.exists()


def test_the_import_bar_moves_while_the_backup_is_written(big: Workspace, tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "away") as away:
        carry(big, away)
        edit(big, big.members.list()[0].id, phone="0912345678")
        source = bundle_of(big)
        backups = away.data_dir / "backups"
        during: list[int] = []
        every: list[int] = []

        def report(done: int, total: int) -> None:
            assert total == SCALE
            every.append(done)
            if any(p.name.endswith(".tmp") for p in backups.glob(".*")):
                during.append(done)

        assert apply(away, source, report=report).applied
    assert every == sorted(every)
    assert len(set(during)) >= 4  # it moved, page step by page step (before: one value)


def test_the_backup_share_follows_the_database_copied(home: Workspace, tmp_path: Path) -> None:
    """An import into a folder holding the data gives the backup a share of its time; one into a
    fresh folder, whose backup is a few pages, next to nothing."""
    source = bundle_of(home)
    with Workspace.open(tmp_path / "away") as away:
        carry(home, away)
        rows, backup = shares(away, source)
    assert rows + backup == SCALE - EVIDENCE_SHARE and backup >= 100
    with Workspace.open(tmp_path / "fresh") as fresh:
        rows, backup = shares(fresh, source)
        assert rows + backup == SCALE - EVIDENCE_SHARE and backup < 30


def test_the_backup_is_not_checked_again_once_its_bar_is_done(
    big: Workspace, tmp_path: Path
) -> None:
    """The backup ended with describe() of the new file: one more quick check (0.4 s on 100,000
    members) after the copy's share of the bar was done, with no "Hủy". The full check the copy
    passed covers it: nothing opens the backup under its name, and what the import returns
    of it is what describe() says."""
    import sys

    from doancoso.core.backup.store import describe

    opened: list[str] = []
    watching: list[Path] = []

    def audit(event: str, args: tuple[object, ...]) -> None:
        if event == "sqlite3.connect" and watching:
            opened.append(str(args[0]))

    sys.addaudithook(audit)  # (a hook stays for the process: it records only while watching)
    with Workspace.open(tmp_path / "away") as away:
        carry(big, away)
        edit(big, big.members.list()[0].id, phone="0912345678")
        source = bundle_of(big)
        watching.append(away.data_dir)
        try:
            result = apply(away, source)
        finally:
            watching.clear()
        assert result.applied and result.backup is not None
        backup = result.backup
        assert not [p for p in opened if Path(p.split("?")[0].removeprefix("file:")).name
                    == backup.path.name]  # fmt: skip
        assert any(".tmp" in p for p in opened)  # the copy itself was checked, as it was made
        assert backup == describe(backup.path)
        assert backup.ok and backup.members == big.members.count()
