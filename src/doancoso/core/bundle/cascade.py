"""The rows deleted together with a record whose deletion the user chose not to keep (issue #17:
"a deletion on one side and a change on the other after it is never a silent loss").

Deleting a plan deletes its targets in the same transaction; deleting an activity, its dates,
their attendance, minutes and evidence files. Each is a row of its own, so when one copy deleted
a plan and the other changed it, the conflict is the plan's alone: the targets, changed on the
deleting side only, would stay deleted even when the user chose "Giữ lại" for the plan, and
the deletion would travel back and delete them on the other copy too — a plan kept without
the targets it had on both copies.

The walk keeps them with it: once a deletion conflict is resolved with the record live
(:meth:`Cascade.chosen`), each row naming it (by a foreign key, or an evidence file by its
owner) that the deleting side deleted at the very moment it deleted the record — the same
transaction, the same ``deleted_at`` — and that the keeping side holds live is kept live as
well: the file's row taken (we deleted it), or ours kept as a new version of this installation
above the file's tombstone (they deleted it), so that it travels back. Each row so kept keeps
its own dependents the same way (an activity's dates, then their attendance), the tables being
walked parents first. A row deleted on its own before, at another moment, stays deleted.
"""

from __future__ import annotations

from functools import cache
from typing import Any

Row = dict[str, Any]
MINE, THEIRS = "mine", "theirs"


@cache
def _parents() -> dict[str, tuple[tuple[str, str], ...]]:
    """Table → (its column, the travelling table it names) for each foreign key of a travelling
    table to another (the organisation aside: it is never deleted)."""
    from .rows import travelling_tables

    tables = travelling_tables()
    found: dict[str, tuple[tuple[str, str], ...]] = {}
    for name, model in tables.items():
        keys = tuple(
            (column.name, key.column.table.name)
            for column in model.c
            for key in column.foreign_keys
            if key.column.table.name in tables and key.column.table.name != "organizations"
        )
        if keys:
            found[name] = keys
    return found


class Cascade:
    """Told by merge.py's walk: the deletion conflicts resolved (:meth:`chosen`), and each row
    it would take (:meth:`taken`) or keep (:meth:`kept`) deleted on one side."""

    def __init__(self, merge: Any) -> None:
        self.merge = merge
        self.live: dict[str, dict[str, tuple[str, str]]] = {}
        """Table → a record's id → (the side keeping it live, the moment the other deleted it)."""

    def chosen(self, table: str, mine: Row, theirs: Row, final: Row) -> None:
        """A conflict of ``table`` resolved into ``final``: a deletion not kept noted."""
        if final["deleted_at"] is not None:
            return
        if mine["deleted_at"] is not None and theirs["deleted_at"] is None:
            self._note(table, final["id"], THEIRS, mine["deleted_at"])
        elif theirs["deleted_at"] is not None and mine["deleted_at"] is None:
            self._note(table, final["id"], MINE, theirs["deleted_at"])

    def taken(self, table: str, mine: Row, theirs: Row, updates: list[Row]) -> bool:
        """The walk would take the file's deletion of our live row: True when it went with a
        record kept by ours, the row then kept as a new version (in ``updates``)."""
        if theirs["deleted_at"] is None or mine["deleted_at"] is not None:
            return False
        if not self._with_kept(table, theirs, MINE):
            return False
        from ..storage.models import utc_now
        from .joins import new_version

        updates.append(
            new_version(mine, self.merge.me, utc_now().isoformat(), above=(theirs,))
        )  # fmt: skip
        self._note(table, mine["id"], MINE, theirs["deleted_at"])
        self.merge.plan._count(self.merge.plan.unchanged, table)  # noqa: SLF001 - its counter
        return True

    def kept(self, table: str, mine: Row, theirs: Row, updates: list[Row]) -> bool:
        """The walk would keep our deletion of the file's live row: True when it went with a
        record kept by theirs, the file's row then taken (in ``updates``)."""
        if mine["deleted_at"] is None or theirs["deleted_at"] is not None:
            return False
        if not self._with_kept(table, mine, THEIRS):
            return False
        updates.append(theirs)
        self._note(table, theirs["id"], THEIRS, mine["deleted_at"])
        self.merge.plan._count(self.merge.plan.updated, table)  # noqa: SLF001
        return True

    def _with_kept(self, table: str, deleted: Row, side: str) -> bool:
        """Whether ``deleted`` (the deleting side's row) names a record kept live by ``side``
        and was deleted at the moment that side's record was."""
        if not self.live:
            return False
        named = [(deleted.get(column), parent) for column, parent in _parents().get(table, ())]
        if table == "evidence_files":
            named.append((deleted.get("owner_id"), str(deleted.get("owner_table"))))
        for parent_id, parent in named:
            found = self.live.get(parent, {}).get(str(parent_id))
            if found is not None and found == (side, deleted["deleted_at"]):
                return True
        return False

    def _note(self, table: str, row_id: str, side: str, moment: str) -> None:
        self.live.setdefault(table, {})[row_id] = (side, moment)
