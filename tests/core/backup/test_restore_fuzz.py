"""Mutated backups given to ``restore`` (#12): a backup is a file from outside (a USB stick, an
old PC), so restoring one either succeeds with a file that passes the full check, or is refused
with the app's typed error (:class:`AppError`, a Vietnamese message) and the live database stays
byte for byte as it was. Never another exception, never a half-restored database.

The backup is a real one (a roster of 20, made afresh in each run), damaged byte by byte with
:func:`mutations.sqlite_mutated`: SQLite's header fields and b-tree page headers set to edge
values, cell pointers moved, pages copied, lost or scrambled, the file cut or grown, or the
generic damage of the other fuzz tests. After a restore that succeeds, the data are opened as the
command line does next, and what the app's first screen reads is read (the organisation, the chi
đoàn, every member's row).

4 x DOANCOSO_FUZZ_CASES cases (the budget of the four kinds of the spreadsheet fuzz together):
1,200 in the normal run, 12,000 in ``make torture``; DOANCOSO_FUZZ_SEED=S makes other ones. A
failing case is kept beside the test's folder, to replay.
"""

from __future__ import annotations

import os
import random
import shutil
from collections import Counter
from pathlib import Path

from breakage import snapshot
from doancoso.core.backup.restore import restore_backup
from doancoso.core.backup.store import soundness
from doancoso.core.errors import AppError
from doancoso.core.storage.folder import DATABASE_FILE
from doancoso.core.workspace import Workspace
from mutations import sqlite_mutated

CASES = 4 * int(os.environ.get("DOANCOSO_FUZZ_CASES", "300"))
SEED = int(os.environ.get("DOANCOSO_FUZZ_SEED", "12"))


def _reset(data: Path, original: bytes) -> None:
    """The data folder back to its one sound database, without backups or leftovers."""
    shutil.rmtree(data)
    data.mkdir()
    (data / DATABASE_FILE).write_bytes(original)


def test_damaged_backups_restore_whole_or_are_refused(tmp_path: Path) -> None:
    data = tmp_path / "du-lieu"
    with Workspace.open(data) as ws:
        ws.generate_demo(members=20, seed=7)
        backup = ws.backups.take().path.read_bytes()
        ws.members.delete([ws.members.ids()[0]])  # the live data differ from the backup
    original = (data / DATABASE_FILE).read_bytes()
    _reset(data, original)
    before = snapshot(data)
    outside = tmp_path / "usb"
    rnd = random.Random(f"{SEED}-restore")
    outcomes: Counter[str] = Counter()
    for case in range(CASES):
        shutil.rmtree(outside, ignore_errors=True)
        outside.mkdir()
        damaged = outside / "thu-cong-20261204-101500.sqlite"
        damaged.write_bytes(sqlite_mutated(backup, rnd))
        try:
            try:
                restore_backup(data, damaged)
            except AppError as exc:
                assert exc.message and not exc.message.isascii(), exc.message
                assert snapshot(data) == before, case
                outcomes["refused"] += 1
                continue
            # Restored: the live file passes the full check, and the app opens it as the
            # command line does next, or refuses it with its own message.
            assert soundness(data / DATABASE_FILE, full=True) is None, case
            try:
                with Workspace.open(data, create=False) as ws:  # what the first screen reads
                    assert ws.organization.get() is not None
                    ws.branches.list()
                    assert len(ws.members.list()) == ws.members.count()
                outcomes["restored"] += 1
            except AppError as exc:
                assert exc.message and not exc.message.isascii(), exc.message
                outcomes["restored, then refused at open"] += 1
        except Exception as exc:  # the finding: kept, with the case to replay it
            keep = tmp_path.parent / f"fuzz-restore-{SEED}-{case}.sqlite"
            shutil.copyfile(damaged, keep)
            raise AssertionError(f"case {case} ({keep}): {type(exc).__name__}: {exc}") from exc
        finally:
            if snapshot(data) != before:
                _reset(data, original)
    print(f"\nrestore fuzz, seed {SEED}: {CASES} cases, {dict(outcomes)}")
    assert outcomes["refused"] > CASES // 4 and outcomes["restored"] > 0
