"""A table a handover fills from empty with many rows has its indexes made once it is full
(storage/bulk.py's ``indexes_made_after``): the schema comes out as a new data folder has it,
and a value the file holds twice where it may be held once is refused naming both rows (before
the indexes are made again), nothing written."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from bundle_sync import bundle_of, every_row
from doancoso.core.bundle.merge import apply
from doancoso.core.bundle.rows import DictSource
from doancoso.core.bundle.sync_errors import SyncError
from doancoso.core.workspace import Workspace


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Workspace]:
    """The demo as it stands late in a year (early in a year it has no attendance yet, whose
    rows the first test copies)."""
    ws = Workspace.open(tmp_path / "home")
    ws.generate_demo(members=40, seed=3, today=dt.date(2026, 11, 20))
    yield ws
    ws.close()


def _indexes(ws: Workspace) -> dict[str, list[tuple[str, str | None]]]:
    """Each table's indexes, in the order SQLite keeps them."""
    with contextlib.closing(sqlite3.connect(ws.db.path)) as conn:
        found: dict[str, list[tuple[str, str | None]]] = {}
        for table, name, sql in conn.execute(
            "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' ORDER BY rowid"
        ):
            found.setdefault(table, []).append((name, sql))
        return found


def _with_copies(home: Workspace, table: str, count: int, **values: Any) -> DictSource:
    """``home``'s handover with ``count`` copies of its first row of ``table`` added (new ids,
    ``values`` set in each)."""
    source = bundle_of(home)
    tables = {name: list(source.rows(name)) for name in source.tables()}
    first = tables[table][0]
    tables[table] += [{**first, **values, "id": str(uuid.UUID(int=i + 1))} for i in range(count)]
    manifest = {**source.manifest, "counts": {n: len(rows) for n, rows in tables.items()}}
    files = {sha: source.evidence(sha) for sha in source.evidence_hashes()}
    return DictSource(manifest, tables, files)


def test_a_large_handover_leaves_the_schema_as_a_new_folder_has_it(
    home: Workspace, tmp_path: Path
) -> None:
    source = _with_copies(home, "attendance", 1500)
    with Workspace.open(tmp_path / "new") as new:
        schema = _indexes(new)
    with Workspace.open(tmp_path / "fresh") as fresh:
        dropped: list[str] = []

        def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if statement.startswith("DROP INDEX"):
                dropped.append(statement)

        event.listen(fresh.db.engine, "before_cursor_execute", seen)
        apply(fresh, source)
        assert sorted(dropped) == [  # made again once the table was full
            'DROP INDEX "ix_attendance_member"', 'DROP INDEX "ix_attendance_occurrence"',
        ]  # fmt: skip
        assert _indexes(fresh) == schema
        assert len(every_row(fresh)["attendance"]) == len(list(source.rows("attendance")))
        with contextlib.closing(sqlite3.connect(fresh.db.path)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def _person(member: dict[str, Any]) -> str:
    """A member as a refusal names them: name and birth date (its year alone when only that
    is known)."""
    born = str(member["birth_date"])
    if member["birth_precision"] == "year":
        return f"{member['full_name']} ({born[:4]})"
    return f"{member['full_name']} ({born[8:10]}/{born[5:7]}/{born[:4]})"


def test_a_value_held_twice_in_a_large_handover_is_refused_nothing_written(
    home: Workspace, tmp_path: Path
) -> None:
    source = _with_copies(home, "members", 1200, national_id=None, member_code=None)
    members = list(source.rows("members"))
    twins = {members[-1]["id"], members[-2]["id"]}
    tables = {name: list(source.rows(name)) for name in source.tables()}
    for member in tables["members"]:
        if member["id"] in twins:
            member["national_id"] = "001099000123"
    files = {sha: source.evidence(sha) for sha in source.evidence_hashes()}
    with Workspace.open(tmp_path / "fresh") as fresh:
        schema = _indexes(fresh)
        with pytest.raises(SyncError) as caught:
            apply(fresh, DictSource(source.manifest, tables, files))
        first, second = (_person(m) for m in members[-2:])
        assert caught.value.message == (
            f"Đoàn viên {first} trong tệp có Số CCCD “001099000123” trùng với Đoàn viên "
            f"{second} cũng trong tệp. Hãy sửa hoặc xóa một trong hai trên máy đã tạo tệp rồi "
            "tạo lại tệp. Không có gì được ghi vào dữ liệu."
        )
        assert fresh.organization.get() is None
        assert _indexes(fresh) == schema
        with contextlib.closing(sqlite3.connect(fresh.db.path)) as conn:
            assert conn.execute("SELECT count(*) FROM members").fetchone() == (0,)
        assert not list((fresh.data_dir / "backups").glob("*.sqlite"))


class _Cancelled(Exception):
    """What the GUI's report raises after "Hủy" (ui/shell/tasks.py's TaskCancelled)."""


@pytest.mark.parametrize("stop", [_Cancelled, KeyboardInterrupt])
def test_cancel_stops_the_index_rebuild_at_once_nothing_applied(
    home: Workspace, tmp_path: Path, stop: type[BaseException]
) -> None:
    """ "Hủy" pressed as the indexes of a large table are made again stops the statement
    making them (it waited for every index before); the import is rolled back whole: no row,
    the schema as it was, no backup; the same file is imported afterwards. A Ctrl+C of the
    command line goes through as itself, not as SQLite's "interrupted"."""
    source = _with_copies(home, "attendance", 3000)
    with Workspace.open(tmp_path / "fresh") as fresh:
        schema = _indexes(fresh)
        pressed: list[str] = []
        made: list[str] = []

        def started(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if statement.startswith("CREATE INDEX") and not pressed:
                pressed.append(statement)  # "Hủy" as the rebuild begins

        def ended(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if statement.startswith("CREATE INDEX"):
                made.append(statement)

        def report(_done: int, _total: int) -> None:
            if pressed:
                raise stop

        event.listen(fresh.db.engine, "before_cursor_execute", started)
        event.listen(fresh.db.engine, "after_cursor_execute", ended)
        with pytest.raises(stop):
            apply(fresh, source, report=report)
        event.remove(fresh.db.engine, "before_cursor_execute", started)
        event.remove(fresh.db.engine, "after_cursor_execute", ended)
        assert len(pressed) == 1 and made == []  # stopped inside the first index
        assert fresh.organization.get() is None
        assert _indexes(fresh) == schema
        with contextlib.closing(sqlite3.connect(fresh.db.path)) as conn:
            assert conn.execute("SELECT count(*) FROM attendance").fetchone() == (0,)
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert not list((fresh.data_dir / "backups").glob("*.sqlite"))

        apply(fresh, source)  # nothing left behind stops the next import
        assert len(every_row(fresh)["attendance"]) == len(list(source.rows("attendance")))
