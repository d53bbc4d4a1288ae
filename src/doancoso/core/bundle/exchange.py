"""Exchange state: what this installation last exchanged with each other one (issue #17).

A row's *version* is its ``(revision, updated_at, origin)``: every change raises the revision and
sets ``updated_at``, so two copies of a row at the same version hold the same content (``origin``
names the installation where the row was born, so alone it cannot tell apart two installations'
edits to the same revision). For each peer installation, ``exchange_rows`` keeps the version of
each row that both held when they last exchanged it (see ``docs/bundle-format.md``, "Merge
semantics"):

- an import records, for every row of the bundle, the version the two installations now share
  (the bundle's, which this side has seen whatever it kept);
- an export carries, in the manifest's ``exchange`` section, for each peer this installation
  has imported from, the rows whose version differs from the one agreed with that peer (the
  agreed version, or None for a row never exchanged with it). A row it does not list is at the
  version agreed.

A version an installation agreed with anyone is one it held. At the next import the importer
knows, for each row, the versions each side held (:class:`Bases`): a side whose version the other
held has not changed the row since the other saw it. The latest version both held is the base of
a three-way merge of a row both changed (``threeway.py``), whose content this installation kept
when it changed the row (``exchange_bases``, ``storage/bases.py``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from datetime import datetime
from itertools import repeat
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
    """What each side has seen of the rows of a bundle: the versions each installation recorded
    as agreed, with each other and with any third installation (a copy handed over to two
    successors, a report to the superior body).

    A version an installation agreed with anyone is one it held. So for a row of the bundle:
    mine has not changed since the peer saw it when the peer held it (``seen_by_them``), and
    theirs is no change to me when I held it (``seen_by_me``).
    """

    def __init__(self, manifest: Mapping[str, Any], my_installation: str) -> None:
        section = manifest.get("exchange") or {}
        self.peer = str(section.get("installation") or manifest.get("installation_id") or "")
        agreed = section.get("agreed")
        self._sections: dict[str, dict[str, Any]] = {
            str(p): v
            for p, v in (agreed.items() if isinstance(agreed, dict) else ())
            if isinstance(v, dict)
        }
        self._me = my_installation
        self.peer_knows_us = my_installation in self._sections
        self.peers: list[str] = []

    def _listed(self, peer: str, table: str, row_id: str) -> tuple[bool, Version | None]:
        listed = self._sections.get(peer, {}).get(table)
        if not isinstance(listed, dict) or row_id not in listed:
            return False, None
        value = listed[row_id]
        if isinstance(value, list) and len(value) == 3:
            return True, (int(value[0]), str(value[1]), str(value[2]))
        return True, None

    def seen_by_them(
        self, table: str, row_id: str, theirs: Version, pair: Version | None
    ) -> set[Version]:
        """The versions the bundle's installation held: its own, those it agreed with anyone
        (its section), and the one this installation agreed with it (``pair``)."""
        seen = {theirs}
        for peer in self._sections:
            _, version = self._listed(peer, table, row_id)
            if version is not None:
                seen.add(version)
        if pair is not None:
            seen.add(pair)
        return seen

    def seen_by_me(
        self, table: str, row_id: str, mine: Version, theirs: Version, local: set[Version]
    ) -> set[Version]:
        """The versions this installation held: its own, those it agreed with anyone
        (``local``), the one the bundle's installation says it agreed with this one, and, in a
        bundle this installation made, its older version."""
        seen = {mine, *local}
        if self.peer == self._me and theirs[0] < mine[0]:
            # A file this installation made itself (an old one left on the stick) holds
            # versions it held; one of a lower revision than ours is one we changed since, here
            # or by taking the other copy's. (One of a higher revision is not ours to trust:
            # this data folder may have been restored from an older backup since.)
            seen.add(theirs)
        if self.peer_knows_us:
            listed, version = self._listed(self._me, table, row_id)
            if not listed:
                seen.add(theirs)  # not listed: at the version agreed with us
            elif version is not None:
                seen.add(version)
        return seen

    def local(
        self, session: Session, table: str, ids: list[str]
    ) -> dict[str, tuple[Version | None, set[Version]]]:
        """For ``ids``: the version this installation agreed with the bundle's installation
        (None: never exchanged), and every version it agreed with any installation."""
        if not self.peers:
            self.peers = [
                str(p)
                for (p,) in session.connection().exec_driver_sql("SELECT peer FROM exchange_peers")
            ] or [""]
        found: dict[str, tuple[Version | None, set[Version]]] = {}
        peer_marks = ", ".join("?" * len(self.peers))
        for start in range(0, len(ids), _CHUNK):
            part = ids[start : start + _CHUNK]
            marks = ", ".join("?" * len(part))
            rows = session.connection().exec_driver_sql(
                "SELECT peer, row_id, agreed_revision, agreed_updated_at, agreed_origin"
                f" FROM exchange_rows WHERE peer IN ({peer_marks}) AND table_name = ?"
                f" AND row_id IN ({marks})",
                (*self.peers, table, *part),
            )
            for peer, row_id, revision, updated, origin in rows:
                version = (int(revision), _iso(updated), str(origin))
                pair, every = found.get(str(row_id), (None, set()))
                every.add(version)
                found[str(row_id)] = (version if peer == self.peer else pair, every)
        return found


_INTO = (
    "INSERT INTO exchange_rows"
    " (peer, table_name, row_id, agreed_revision, agreed_updated_at, agreed_origin)"
)
_OR_UPDATE = (
    " ON CONFLICT (peer, table_name, row_id) DO UPDATE SET"
    " agreed_revision = excluded.agreed_revision,"
    " agreed_updated_at = excluded.agreed_updated_at, agreed_origin = excluded.agreed_origin"
)


def record(
    session: Session, peer: str, table: str, versions: Iterable[tuple[str, Version]]
) -> None:
    """Remember that ``peer`` and this installation now share these versions of rows."""
    from .dbwrite import moments_as_stored

    listed = list(versions)
    if not listed:
        return
    ids, agreed = zip(*listed, strict=True)
    revisions, moments, origins = zip(*agreed, strict=True)
    name = str(table)  # not SQLAlchemy's quoted_name: sqlite3 would look it up for every row
    stored = moments_as_stored(moments, _stored)
    rows = list(zip(repeat(peer), repeat(name), ids, revisions, stored, origins))
    connection = session.connection()
    statement = f"{_INTO} VALUES (?, ?, ?, ?, ?, ?){_OR_UPDATE}"
    for start in range(0, len(rows), _CHUNK):
        connection.exec_driver_sql(statement, rows[start : start + _CHUNK])


def record_table(session: Session, peer: str, table: str) -> None:
    """Remember that ``peer`` and this installation now share the version of every row of
    ``table``, as stored: what :func:`record` of each row would write, for a table an import
    filled from empty with the rows of ``peer``'s bundle. One statement, in the order of the
    ids (the exchange state's key: its index grows at its end instead of at random places)."""
    session.connection().exec_driver_sql(
        f"{_INTO} SELECT ?, ?, id, revision, updated_at, origin FROM {table}"
        f" WHERE true ORDER BY id{_OR_UPDATE}",  # WHERE: the upsert's ON is not a join's
        (peer, str(table)),
    )


def _stored(iso: str) -> str:
    """An ISO date and time as :data:`STORED` (the common forms without parsing them)."""
    if (
        len(iso) == 26
        and iso[4] == iso[7] == "-"
        and iso[10] == "T"
        and iso[13] == iso[16] == ":"
        and iso[19] == "."
        and iso[20:].isdigit()
    ):
        return f"{iso[:10]} {iso[11:]}"
    moment = datetime.fromisoformat(iso)  # as SQLAlchemy writes it (strftime drops the 0 of 0999)
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d} "
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}.{moment.microsecond:06d}"
    )


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
