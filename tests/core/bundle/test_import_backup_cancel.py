"""The backup an import takes of the data before it ("truoc-nhap-goi") stops at "Hủy": the copy
(SQLite's backup API, page by page) and the check of the copy (``integrity_check``) ask the
import's report as they go, and what it raises stops them; no backup, whole or half, is left
and nothing of the import is applied."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from bundle_sync import bundle_of, edit, every_row
from doancoso.core.backup.store import copy_database, soundness
from doancoso.core.bundle.merge import apply
from doancoso.core.storage.folder import DATABASE_FILE
from doancoso.core.workspace import Workspace


class _Cancelled(Exception):
    """What the GUI's report raises after "Hủy" (ui/shell/tasks.py's TaskCancelled)."""


def _left(folder: Path) -> list[str]:
    """Every file in a backups folder, hidden temporary ones included."""
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


@pytest.mark.parametrize("stop", [_Cancelled, KeyboardInterrupt])
def test_cancel_during_the_backup_before_an_import_stops_it_nothing_left(
    home: Workspace, away: Workspace, stop: type[BaseException]
) -> None:
    """ "Hủy" pressed while the backup of the data is being written stops it there (it waited
    for the copy and its check before): the report raises while the backup's temporary file
    is being written, the backup never gets its name, and the import is rolled back."""
    edit(home, home.members.list()[0].id, phone="0912345678")
    source = bundle_of(home)
    before = every_row(away)
    backups = away.data_dir / "backups"
    for old in backups.glob("*.sqlite"):
        old.unlink()  # only what this import writes is looked at
    pressed: list[list[str]] = []

    def report(_done: int, _total: int) -> None:
        writing = [n for n in _left(backups) if n.endswith(".tmp")]
        if writing:  # "Hủy" while the backup is being written
            pressed.append(_left(backups))
            raise stop

    with pytest.raises(stop):
        apply(away, source, report=report)
    assert len(pressed) == 1
    assert not [n for n in pressed[0] if n.endswith(".sqlite")]  # not finished when it stopped
    assert _left(backups) == []
    assert every_row(away) == before
    with contextlib.closing(sqlite3.connect(away.db.path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

    assert apply(away, source).applied  # nothing left behind stops the next import
    assert [b.reason for b in away.backups.list()] == ["truoc-nhap-goi"]


def test_the_copy_stops_at_the_first_page_step_no_file_left(
    home: Workspace, tmp_path: Path
) -> None:
    target = tmp_path / "copy" / "truoc-nhap-goi-20261120-101500.sqlite"
    asked: list[int] = []

    def check() -> None:
        asked.append(len(_left(target.parent)))
        raise _Cancelled

    with pytest.raises(_Cancelled):
        copy_database(home.data_dir / DATABASE_FILE, target, check=check)
    assert asked == [1]  # asked once, its temporary file then being written
    assert _left(target.parent) == []


def test_the_check_of_a_copy_stops_when_asked(home: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite"
    copy_database(home.data_dir / DATABASE_FILE, target)
    assert soundness(target, full=True, check=lambda: None) is None

    def check() -> None:
        raise _Cancelled

    with pytest.raises(_Cancelled):  # not "unreadable: interrupted"
        soundness(target, full=True, check=check)
