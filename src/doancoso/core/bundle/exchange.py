"""Exchange state: what this installation last exchanged with each other one (issue #17).

A row's *version* is its ``(revision, origin)``: every change raises the revision and stamps the
installation that made it, so two copies of a row with the same version hold the same content.
For each peer installation, ``exchange_rows`` keeps the version of each row that both held when
they last exchanged it (see ``docs/bundle-format.md``, "Merge"):

- an import records, for every row of the bundle, the version the two installations now share
  (the bundle's, which this side has seen whatever it kept);
- an export carries, in the manifest's ``exchange`` section, for each peer this installation
  has imported from, the rows whose version differs from the one agreed with that peer (the
  agreed version, or None for a row never exchanged with it). A row it does not list is at the
  version agreed.

At the next import, the importer knows for each row the versions both sides agreed on, from its
own records and from the bundle's section: a side whose version is one of them has not changed
the row since; a side whose version is none of them has.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Version = tuple[int, str, str]
"""``(revision, updated_at, origin)``: ``updated_at`` (ISO) tells apart two changes that give a
row the same revision on two installations (``origin`` is the installation that made the row,
not the last change); it identifies a change, it never orders two."""
STORED = "%Y-%m-%d %H:%M:%S.%f"
"""How SQLAlchemy stores a date and time in SQLite: agreed versions are stored alike, so that
SQL compares them with the rows' own."""
_CHUNK = 1000


def exchange_section(
    conn: sqlite3.Connection,
    installation_id: str,
    organization_id: str,
    where: Mapping[str, tuple[str, tuple[Any, ...]]],
) -> dict[str, Any]:
    """The manifest's ``exchange`` section for the rows ``where`` selects (see the module)."""
    from .rows import _bind

    peers = [
        str(p) for (p,) in conn.execute("SELECT peer FROM exchange_peers ORDER BY peer").fetchall()
    ]
    agreed: dict[str, dict[str, dict[str, list[Any] | None]]] = {}
    for peer in peers:
        tables: dict[str, dict[str, list[Any] | None]] = {}
        for table, (condition, params) in where.items():
            found = conn.execute(
                "SELECT t.id, e.agreed_revision, e.agreed_updated_at, e.agreed_origin"
                f" FROM {table} t LEFT JOIN exchange_rows e"
                " ON e.peer = ? AND e.table_name = ? AND e.row_id = t.id"
                " WHERE (e.row_id IS NULL OR e.agreed_revision != t.revision"
                " OR e.agreed_updated_at != t.updated_at OR e.agreed_origin != t.origin)"
                f" AND t.id IN (SELECT id FROM {table} WHERE {condition})",
                (peer, table, *_bind(organization_id, params)),
            ).fetchall()
            if found:
                tables[table] = {
                    str(i): None if r is None else [int(r), _iso(u), str(o)] for i, r, u, o in found
                }
        agreed[peer] = tables
    return {"installation": installation_id, "agreed": agreed}


class Bases:
    """The versions of the rows of one table that this installation and the bundle's
    installation agreed on, as both sides know them."""

    def __init__(self, manifest: Mapping[str, Any], my_installation: str) -> None:
        section = manifest.get("exchange") or {}
        self.peer = str(section.get("installation") or manifest.get("installation_id") or "")
        agreed = section.get("agreed") or {}
        mine = agreed.get(my_installation) if isinstance(agreed, dict) else None
        self.peer_knows_us = isinstance(mine, dict)
        self._remote: dict[str, Any] = mine if isinstance(mine, dict) else {}

    def remote(self, table: str, row_id: str, theirs: Version) -> Version | None:
        """The version the peer says we agreed on for this row (None: none known)."""
        if not self.peer_knows_us:
            return None
        listed = self._remote.get(table)
        if isinstance(listed, dict) and row_id in listed:
            value = listed[row_id]
            if isinstance(value, list) and len(value) == 3:
                return int(value[0]), str(value[1]), str(value[2])
            return None
        return theirs  # not listed: at the version agreed

    def local(self, session: Session, table: str, ids: list[str]) -> dict[str, Version]:
        """The versions this installation recorded for ``ids`` at its last exchange."""
        found: dict[str, Version] = {}
        for start in range(0, len(ids), _CHUNK):
            part = ids[start : start + _CHUNK]
            marks = ", ".join("?" * len(part))
            for row_id, revision, updated, origin in session.connection().exec_driver_sql(
                "SELECT row_id, agreed_revision, agreed_updated_at, agreed_origin"
                " FROM exchange_rows"
                f" WHERE peer = ? AND table_name = ? AND row_id IN ({marks})",
                (self.peer, table, *part),
            ):
                found[str(row_id)] = (int(revision), _iso(updated), str(origin))
        return found


def record(
    session: Session, peer: str, table: str, versions: Iterable[tuple[str, Version]]
) -> None:
    """Remember that ``peer`` and this installation now share these versions of rows."""
    from sqlalchemy import text

    statement = text(
        "INSERT INTO exchange_rows"
        " (peer, table_name, row_id, agreed_revision, agreed_updated_at, agreed_origin)"
        " VALUES (:peer, :table_name, :row_id, :revision, :updated, :origin)"
        " ON CONFLICT (peer, table_name, row_id) DO UPDATE SET"
        " agreed_revision = excluded.agreed_revision,"
        " agreed_updated_at = excluded.agreed_updated_at, agreed_origin = excluded.agreed_origin"
    )
    rows = [
        {
            "peer": peer, "table_name": table, "row_id": i, "revision": v[0],
            "updated": datetime.fromisoformat(v[1]).strftime(STORED), "origin": v[2],
        }
        for i, v in versions
    ]  # fmt: skip
    for start in range(0, len(rows), _CHUNK):
        session.execute(statement, rows[start : start + _CHUNK])


def record_peer(
    session: Session, peer: str, organization_id: str, organization_name: str, now: datetime
) -> None:
    from ..storage.models import ExchangePeer

    found = session.get(ExchangePeer, peer)
    if found is None:
        session.add(
            ExchangePeer(
                peer=peer,
                organization_id=organization_id,
                organization_name=organization_name,
                last_import_at=now,
                imports=1,
            )
        )
    else:
        found.organization_id = organization_id
        found.organization_name = organization_name
        found.last_import_at = now
        found.imports += 1


def _iso(stored: object) -> str:
    """A stored date and time in the ISO form rows travel with."""
    value = stored if isinstance(stored, datetime) else datetime.fromisoformat(str(stored))
    return value.isoformat()
