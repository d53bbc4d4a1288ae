"""What a write changed, collected by the storage itself, and the log of changes readers follow.

Writers do not announce their changes: every transaction (``Database.transaction``) collects
the tables it wrote to, and the ids of the rows where it knows them, from the SQLAlchemy session
and the statements it ran (see :mod:`doancoso.core.storage.tracking`). When the transaction
commits, its :class:`Changes` are appended to the workspace's :class:`ChangeLog`. Caches (the
roster index, the statistics) compare the generation they were built at with the log's and patch
or drop themselves; the GUI's one "data changed" signal carries the changes of each operation.

A change that replaces or merges the data wholesale (a backup restored, a bundle imported) is
marked ``wholesale``: what anyone remembers of particular rows (the GUI's undo history) may no
longer hold, and is to be forgotten. A write of many records at once that cannot itself be undone
(a spreadsheet imported, a rating round closed or reopened, a plan copied) is marked ``bulk``
by the transaction that makes it (``Database.transaction(bulk=True)``): the GUI's undo history
must not reach past it to older commands, so it is forgotten too. (Coming of age or the end of
temporary stays confirmed for a list, members moved to a chi đoàn and chi đoàn merged are each
one undoable command, not bulk.)

Table names are the database's (``members``, ``branches``, ``member_events``, ``youths``,
``organizations``...), so a new table is tracked by construction.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

Ids = frozenset[str] | None
"""The ids of the rows changed in one table, or None when not known (any row may have)."""


@dataclass(frozen=True)
class Changes:
    """The tables (and rows) some writes changed; ``everything``: anything may have changed
    (another process wrote to the database, or the log no longer reaches back far enough);
    ``wholesale``: the data were replaced or merged as a whole (a backup restored, a bundle
    imported), so what was remembered of their rows (undo) no longer holds; ``bulk``: many
    records were written at once by a write that cannot be undone (an import, a round closed…),
    so "Hoàn tác" must not reach past it."""

    tables: Mapping[str, Ids] = field(default_factory=lambda: MappingProxyType({}))
    everything: bool = False
    wholesale: bool = False
    bulk: bool = False

    def __bool__(self) -> bool:
        return self.everything or self.wholesale or self.bulk or bool(self.tables)

    @property
    def ends_undo(self) -> bool:
        """Whether the undo history is to be forgotten after these changes (wholesale or bulk)."""
        return self.wholesale or self.bulk

    def touches(self, *tables: str) -> bool:
        """Whether any of ``tables`` may have changed."""
        return self.everything or any(t in self.tables for t in tables)

    def ids(self, table: str) -> Ids:
        """The rows of ``table`` that changed: an empty set if the table did not change, None
        if it did and which rows is not known."""
        if self.everything:
            return None
        if table not in self.tables:
            return frozenset()
        return self.tables[table]

    def merged(self, other: Changes) -> Changes:
        """These changes and ``other``'s together."""
        wholesale = self.wholesale or other.wholesale
        bulk = self.bulk or other.bulk
        if self.everything or other.everything:
            if bulk and not wholesale:
                return Changes(everything=True, bulk=True)
            return REPLACED if wholesale else EVERYTHING
        flags = (wholesale, bulk)
        if not other.tables and (self.wholesale, self.bulk) == flags:
            return self
        if not self.tables and (other.wholesale, other.bulk) == flags:
            return other
        tables = dict(self.tables)
        for table, ids in other.tables.items():
            tables[table] = _union(tables[table], ids) if table in tables else ids
        return Changes(MappingProxyType(tables), wholesale=wholesale, bulk=bulk)

    @classmethod
    def of(cls, tables: Mapping[str, Iterable[str] | None]) -> Changes:
        """Changes built from plain values, e.g. ``Changes.of({"members": [member_id]})``."""
        return cls(
            MappingProxyType(
                {t: None if ids is None else frozenset(ids) for t, ids in tables.items()}
            )
        )

    def __repr__(self) -> str:
        flags = [name for name in ("wholesale", "bulk") if getattr(self, name)]
        if self.everything:
            return f"Changes({', '.join(['everything', *flags])})"
        parts = [
            f"{t}: {'?' if ids is None else len(ids)}" for t, ids in sorted(self.tables.items())
        ]
        return f"Changes({', '.join(parts + flags)})"


def _union(a: Ids, b: Ids) -> Ids:
    return None if a is None or b is None else a | b


NOTHING = Changes()
EVERYTHING = Changes(everything=True)
REPLACED = Changes(everything=True, wholesale=True)
"""The data were replaced as a whole (a backup restored): anything may have changed, and
nothing remembered of them holds."""


class ChangeLog:
    """The changes committed in this workspace, numbered by generation (thread-safe).

    A reader remembers the generation it last saw and asks :meth:`since` for what changed
    after it; the log keeps the last :attr:`KEEP` entries, older readers get ``EVERYTHING``.
    """

    KEEP = 256

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._generation = 0
        self._entries: list[tuple[int, Changes]] = []
        self._wholesale = 0  # the generation of the last wholesale change
        self._bulk = 0  # the generation of the last bulk change

    @property
    def generation(self) -> int:
        return self._generation

    def record(self, changes: Changes) -> int:
        """Append ``changes`` (if any) and return the generation after them."""
        with self._lock:
            if changes:
                self._generation += 1
                self._entries.append((self._generation, changes))
                if changes.wholesale:
                    self._wholesale = self._generation
                if changes.bulk:
                    self._bulk = self._generation
                del self._entries[: -self.KEEP]
            return self._generation

    def since(self, generation: int) -> Changes:
        """Everything committed after ``generation``."""
        with self._lock:
            if generation >= self._generation:
                return NOTHING
            if not self._entries or self._entries[0][0] > generation + 1:
                # the log no longer reaches back that far
                if self._wholesale > generation:
                    return REPLACED
                return (
                    Changes(everything=True, bulk=True) if self._bulk > generation else EVERYTHING
                )
            result = NOTHING
            for gen, changes in self._entries:
                if gen > generation:
                    result = result.merged(changes)
            return result

    def last_touch(self, *tables: str) -> int:
        """The generation of the last change that may have touched any of ``tables`` (0 when
        none is known; a generation older than the log counts as a change)."""
        with self._lock:
            for gen, changes in reversed(self._entries):
                if changes.touches(*tables):
                    return gen
            return self._entries[0][0] - 1 if self._entries else 0
