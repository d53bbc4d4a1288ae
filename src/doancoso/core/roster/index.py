"""An in-memory index of the roster for search-as-you-type and sorting on 100,000 members.

A SQL scan with ``instr`` costs about 0.3 s per keystroke at 100,000 rows (the table rows are
visited in index order); filtering a list of folded strings in Python costs about 15 ms. The
index holds, in Vietnamese name order, each member's id, folded search text and the values the
roster filters and sorts on. It is loaded with one plain cursor (no ORM rows: 4x faster).
After a write whose changes name their members (see :mod:`doancoso.core.changes`) only those
rows are re-read and moved to their place; a write to members the storage could not name reloads
the whole index. Callers serialise access (``MemberService`` holds a lock).
Other sort orders are stable sorts of the name order, so name order breaks their ties.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import Any, cast

from ..context import WorkspaceContext
from ..storage.bulk import paused_gc

# Columns loaded when the snapshot is built, through the covering index ix_members_org_sort:
# reading the table in index order instead would visit its rows at random (about 1 s at
# 100,000 rows against 0.15 s). Sortable columns are loaded the first time they are sorted on.
_INDEXED = ("id", "search_text", "branch_id", "status", "gender")
_LIVE = "organization_id = ? AND deleted_at IS NULL"
_LOAD = f"SELECT {', '.join(_INDEXED)} FROM members WHERE {_LIVE} ORDER BY sort_key, birth_date, id"
SORTABLE = ("birth_date", "gender", "branch_id", "position", "status", "national_id", "phone",
            "member_code")  # fmt: skip
_PATCH_COLUMNS = tuple(dict.fromkeys((*_INDEXED, *SORTABLE, "sort_key")))
# Where a row goes in name order: how many live rows come before its key (an index range).
_POSITION = f"SELECT count(*) FROM members WHERE {_LIVE} AND (sort_key, birth_date, id) < (?, ?, ?)"
_PATCH_LIMIT = 2000  # more changed rows than this: a reload is cheaper than patching


@dataclass
class RosterSnapshot:
    """Column lists in the default order; ``orders`` caches other sort orders as positions."""

    generation: int
    columns: dict[str, list[str | None]]
    load_column: Callable[[str], dict[str, str | None]]
    orders: dict[tuple[str, bool], Sequence[int]] = field(default_factory=dict)
    filtered: dict[object, tuple[Sequence[int], Sequence[str]]] = field(default_factory=dict)
    last_search: tuple[object, tuple[str, ...], Sequence[int], Sequence[str]] | None = None

    @property
    def size(self) -> int:
        return len(self.columns["id"])

    def patch(
        self,
        generation: int,
        fresh: dict[str, dict[str, str | None] | None],
        position: Callable[[dict[str, str | None]], int],
    ) -> None:
        """Replace the rows of the members in ``fresh`` (None: no longer on the roster).

        ``position(row)`` is the row's index in name order in the database, which already holds
        every change: rows are put back in ascending order, so each lands at exactly that index.
        """
        ids = self.columns["id"]
        where = {member_id: i for i, member_id in enumerate(ids)} if len(fresh) > 8 else None
        stale = []
        for member_id in fresh:
            if where is not None:
                found = where.get(member_id)
            else:
                found = ids.index(member_id) if member_id in ids else None
            if found is not None:
                stale.append(found)
        for index in sorted(stale, reverse=True):
            for values in self.columns.values():
                del values[index]
        alive = [row for row in fresh.values() if row is not None]
        alive.sort(key=lambda r: (str(r["sort_key"]), str(r["birth_date"]), str(r["id"])))
        for row in alive:
            index = position(row)
            for name, values in self.columns.items():
                values.insert(index, row[name])
        self.orders.clear()
        self.filtered.clear()
        self.last_search = None
        self.generation = generation

    def order(
        self, sort: str, descending: bool, rank: Callable[[str | None], Any] | None
    ) -> Sequence[int]:
        """Positions in the order of column ``sort`` ("name": the default order).

        ``rank`` maps a column value to its sort key (e.g. a chi đoàn to its collation rank);
        without it the stored text is compared (ISO dates, digits). Computed once per snapshot.
        """
        key = (sort, descending)
        if key not in self.orders:
            positions = range(self.size)
            if sort == "name":
                self.orders[key] = positions[::-1] if descending else positions
            else:
                values = self.column(sort)
                by: Callable[[int], Any] = (
                    (lambda i: rank(values[i])) if rank else (lambda i: values[i] or "")
                )
                return self.order_by(key, by, descending)
        return self.orders[key]

    def order_by(
        self, key: tuple[str, bool], by: Callable[[int], Any], descending: bool
    ) -> Sequence[int]:
        """Positions sorted on ``by(position)`` (a key over several columns), name order
        breaking ties; cached under ``key`` until the snapshot changes."""
        if key not in self.orders:
            self.orders[key] = sorted(range(self.size), key=by, reverse=descending)
        return self.orders[key]

    def column(self, name: str) -> list[str | None]:
        """Values of one column in snapshot order, read from the database on first use."""
        if name not in self.columns:
            if name not in SORTABLE:
                raise ValueError(f"not a roster column: {name!r}")
            by_id = self.load_column(name)
            self.columns[name] = [by_id.get(str(i)) for i in self.columns["id"]]
        return self.columns[name]

    def select(
        self,
        order_key: tuple[str, bool],
        candidates: Sequence[int],
        tokens: list[str],
        filters: dict[str, str | frozenset[str | None] | None],
    ) -> list[str]:
        """Ids at ``candidates`` (the order ``order_key``) containing every search token and
        matching every filter.

        The filters rarely change between two keystrokes, so the rows they keep (positions and
        search texts side by side) are cached per order. A keystroke that only adds to the last
        search ("ng" after "n") scans just the rows the last search found.
        """
        wanted = tuple(sorted((k, v) for k, v in filters.items() if v is not None))
        cache_key = (order_key, wanted)
        kept = self.filtered.get(cache_key)
        if kept is None:
            positions = candidates
            for name, value in wanted:
                values = self.columns["status" if name == "statuses" else name]
                pairs = self._pairs(positions, values)
                if isinstance(value, frozenset):  # any of several values
                    positions = [i for i, v in pairs if v in value]
                else:
                    positions = [i for i, v in pairs if v == value]
            every_text = cast("list[str]", self.columns["search_text"])  # never NULL
            kept = (positions, [every_text[i] for i in positions])
            if len(self.filtered) > 32:
                self.filtered.clear()
            self.filtered[cache_key] = kept
        positions, texts = kept
        searched = tuple(tokens)
        last = self.last_search
        if last is not None and last[0] == cache_key and _narrows(last[1], searched):
            positions, texts = last[2], last[3]  # every match of this search is among those
        for token in sorted(set(searched), key=len, reverse=True):  # rarest (longest) first
            # Words match from their start ("an" finds An, Anh, not Văn); digits match anywhere,
            # so the last digits of a CCCD or a phone number find the member.
            needle = token if token.isdigit() else " " + token  # texts begin with a space
            found = [needle in text for text in texts]
            positions, texts = list(compress(positions, found)), list(compress(texts, found))
        self.last_search = (cache_key, searched, positions, texts)
        return list(map(self.columns["id"].__getitem__, positions))  # type: ignore[arg-type]

    @staticmethod
    def _pairs(
        positions: Sequence[int], values: list[str | None]
    ) -> Iterable[tuple[int, str | None]]:
        """(position, value) pairs; over all rows in order, without looking up each position."""
        if isinstance(positions, range) and positions == range(len(values)):
            return enumerate(values)
        return ((i, values[i]) for i in positions)


def _narrows(before: tuple[str, ...], now: tuple[str, ...]) -> bool:
    """Whether every match of search ``now`` also matches ``before``: each earlier word is the
    start of a word searched now (a word start, or digits anywhere, then still matches)."""
    return all(any(word.startswith(old) for word in now) for old in before)


def _fetch(ctx: WorkspaceContext, sql: str) -> list[tuple[str | None, ...]]:
    with ctx.db.raw() as cursor:  # a plain cursor: ORM rows cost 3x more here
        cursor.execute(sql, (ctx.organization_id,))
        return list(cursor.fetchall())


def _patch(
    ctx: WorkspaceContext,
    cursor: sqlite3.Cursor,
    snapshot: RosterSnapshot,
    member_ids: Sequence[str],
    generation: int,
) -> None:
    """Bring the rows of ``member_ids`` in ``snapshot`` up to date with the database as
    ``cursor`` reads it (at ``generation``: positions are counted in the same state)."""
    fresh: dict[str, dict[str, str | None] | None] = dict.fromkeys(member_ids)
    for start in range(0, len(member_ids), 500):
        chunk = list(member_ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        columns = ", ".join(_PATCH_COLUMNS)
        sql = f"SELECT {columns} FROM members WHERE {_LIVE} AND id IN ({marks})"
        cursor.execute(sql, (ctx.organization_id, *chunk))
        for values in cursor.fetchall():
            row = dict(zip(_PATCH_COLUMNS, values, strict=True))
            row["search_text"] = " " + str(row["search_text"])
            fresh[str(row["id"])] = row

    def position(row: dict[str, str | None]) -> int:
        key = (ctx.organization_id, row["sort_key"], row["birth_date"], row["id"])
        (count,) = cursor.execute(_POSITION, key).fetchone()
        return int(count)

    snapshot.patch(generation, fresh, position)


def refreshed(ctx: WorkspaceContext, snapshot: RosterSnapshot | None) -> RosterSnapshot:
    """``snapshot`` brought up to date: patched where the changes are known, else reloaded.

    Patching counts each row's position among the rows in the database, so the database must be
    read exactly at the generation the patch brings the snapshot to, while the worker may be
    committing: the reads run in one read transaction begun at a known generation
    (:meth:`~doancoso.core.storage.db.Database.consistent_read`). The changes taken may include
    later ones; patching them again later is harmless (a row is replaced, not added twice).
    Inside :meth:`~doancoso.core.storage.db.Database.snapshot` the index is brought to the
    snapshot's generation (reloaded when it is already past it).
    """
    log = ctx.db.changes
    pinned = ctx.db.pinned_generation()  # inside a snapshot: read at its generation
    if snapshot is not None and snapshot.generation == (log.generation if pinned is None
                                                        else pinned):  # fmt: skip
        return snapshot
    with ctx.db.consistent_read() as (cursor, generation):
        if snapshot is None or snapshot.generation > generation:  # newer than the snapshot read
            return load_snapshot(ctx, generation)
        changes = log.since(snapshot.generation)
        if not changes.touches("members", "branches"):
            snapshot.generation = generation  # events change a status through their member's row
            return snapshot
        changed = changes.ids("members")
        if changed is None or len(changed) > _PATCH_LIMIT:
            return load_snapshot(ctx, generation)
        # No member named: a chi đoàn was renamed, so only the cached orders are reset.
        _patch(ctx, cursor, snapshot, sorted(changed), generation)
        return snapshot


def load_snapshot(ctx: WorkspaceContext, generation: int) -> RosterSnapshot:
    """The whole roster as the database holds it at ``generation`` (read on the thread's raw
    connection, inside :meth:`~doancoso.core.storage.db.Database.consistent_read`)."""
    with paused_gc():
        rows = _fetch(ctx, _LOAD)
        data = list(zip(*rows, strict=True)) if rows else [() for _ in _INDEXED]
        columns = {n: list(v) for n, v in zip(_INDEXED, data, strict=True)}
        columns["search_text"] = [" " + str(t) for t in columns["search_text"]]  # word starts
        del rows, data  # freed now, so the collector has no tuples to walk when it resumes

    def load_column(name: str) -> dict[str, str | None]:
        assert name in SORTABLE  # the name goes into SQL
        sql = f"SELECT id, {name} FROM members WHERE {_LIVE}"
        with paused_gc():
            rows = _fetch(ctx, sql)
            values = {str(member_id): value for member_id, value in rows}
            del rows
        return values

    return RosterSnapshot(generation, columns, load_column)
