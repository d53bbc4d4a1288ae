"""Helpers of the merge tests: carrying rows from one real installation to another, reading
every row back, editing a member as the form does."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from doancoso.core.bundle.merge import ImportPlan, apply
from doancoso.core.bundle.rows import DictSource, collect
from doancoso.core.workspace import Workspace

DEMO_DAY = dt.date(2026, 11, 20)
"""The day the merge tests' demos stand on: late in their year, its calendar's attendance taken
and its round open with ratings, whatever today is (on 2 January the year's demo has next to
nothing; from 2027 a demo of the real today is of another year than the tests expect)."""


def bundle_of(ws: Workspace, kind: str = "handover", year: int | None = None) -> DictSource:
    """Every row a bundle of ``ws`` would carry, held in memory."""
    with collect(ws, kind, year) as snapshot:
        return DictSource.of(snapshot)


def carry(source: Workspace, target: Workspace, **options: Any) -> ImportPlan:
    """Export from ``source`` and import into ``target`` (handover kind)."""
    return apply(target, bundle_of(source), **options)


def cross(home: Workspace, away: Workspace, **options: Any) -> None:
    """Each copy imports the other's file, both made before either import (``options`` given
    to both imports)."""
    from_home, from_away = bundle_of(home), bundle_of(away)
    assert apply(home, from_away, **options).applied
    assert apply(away, from_home, **options).applied


def attach_pdf(ws: Workspace, year: int, code: str, path: Path) -> None:
    """A small PDF named ``path`` attached to item ``code`` of ``ws``'s checklist of ``year``."""
    path.write_bytes(f"%PDF-1.4\n% Biên bản {code} của {path.stem}\n".encode())
    ws.recognition.attach(year, code, path, "Biên bản")


def every_row(ws: Workspace) -> dict[str, list[dict[str, Any]]]:
    """Every travelling row of ``ws``'s organisation, table by table."""
    with collect(ws, "handover") as snapshot:
        return {table: list(snapshot.rows(table)) for table in snapshot.tables()}


def by_id(ws: Workspace) -> dict[str, list[dict[str, Any]]]:
    """:func:`every_row` with each table's rows in the order of their ids (two copies store
    them in their own order): two copies that ended equal give the same."""
    return {t: sorted(rows, key=lambda r: str(r["id"])) for t, rows in every_row(ws).items()}


def live_ids(ws: Workspace, table: str, column: str, value: object) -> list[str]:
    """The ids of ``ws``'s live rows of ``table`` whose ``column`` is ``value``, in order."""
    with ws.db.raw() as cursor:
        cursor.execute(
            f"SELECT id FROM {table} WHERE {column} = ? AND deleted_at IS NULL ORDER BY id",
            (value,),
        )
        return [r[0] for r in cursor.fetchall()]


def round_rows(ws: Workspace, year: int) -> list[tuple[object, ...]]:
    """Every rating and chi đoàn rating of ``ws``'s round of ``year``, read from the file."""
    with contextlib.closing(sqlite3.connect(ws.db.path)) as db:
        return [
            row
            for table in ("ratings", "branch_ratings")
            for row in db.execute(
                f"SELECT x.* FROM {table} x JOIN rating_rounds r ON r.id = x.round_id"
                " WHERE r.year = ? AND r.deleted_at IS NULL ORDER BY x.id",
                (year,),
            ).fetchall()
        ]


def created_day(ws: Workspace, table: str, row_id: str) -> str:
    """The day a row of ``ws`` was made, as a refusal names it (dd/mm/yyyy, UTC)."""
    with ws.db.raw() as cursor:
        cursor.execute(f"SELECT created_at FROM {table} WHERE id = ?", (row_id,))
        (created,) = cursor.fetchone()
    return f"{created[8:10]}/{created[5:7]}/{created[0:4]}"


def edit(ws: Workspace, member_id: str, **changes: str) -> None:
    """Change fields of a member through the roster, as the member form does."""
    import dataclasses
    import datetime as dt

    fields = dataclasses.asdict(ws.members.get(member_id).fields)
    raw = {
        k: v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else "" if v is None else str(v)
        for k, v in fields.items()
    }
    if fields.get("birth_precision") == "year":
        raw["birth_date"] = str(fields["birth_date"].year)
    ws.members.save({**raw, **changes}, member_id)


def both_changed(tmp_path: Path, members: int) -> tuple[Workspace, Workspace, Path]:
    """Two copies of one organisation of ``members`` demo members, every member's phone changed
    on both since the handover (a sheet of phones imported on each machine); the other copy's
    bundle (password :data:`bundle_gui.PASSWORD`) with them. The caller closes both."""
    from sqlalchemy import update

    from bundle_gui import PASSWORD
    from doancoso.core.storage.models import Member

    mine, theirs = Workspace.open(tmp_path / "cua-toi"), Workspace.open(tmp_path / "cua-ban")
    theirs.generate_demo(members=members, seed=2)
    first = tmp_path / "ban-giao.dcs"
    theirs.bundles.export(first, kind="handover", year=None, password=PASSWORD)
    mine.bundles.run_import(first, PASSWORD, dry_run=False)
    for ws, phone in ((mine, "0900000001"), (theirs, "0900000002")):
        with ws.db.transaction() as session:
            session.execute(update(Member).values(phone=phone))
    bundle = tmp_path / "lan-hai.dcs"
    theirs.bundles.export(bundle, kind="handover", year=None, password=PASSWORD)
    return mine, theirs, bundle
