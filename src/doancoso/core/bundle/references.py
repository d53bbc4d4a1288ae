"""The names of the records a conflict's id fields refer to (a youth's follow-up member, an
activity's chi đoàn, an evidence file's owner), looked up in this copy, then in the bundle, so
that the import wizard and ``doancoso bundle import`` show "Nguyễn Văn An", not a UUID."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .labels import record_name, referenced_ids, referenced_table
from .outcome import Conflict

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .rows import RowSource

_CHUNK = 500


class References:
    """The ids the conflicts of one walk refer to, by table, named once the walk is over."""

    def __init__(self) -> None:
        self.wanted: dict[str, set[str]] = {}
        self.conflicts: list[Conflict] = []

    def note(self, conflict: Conflict, mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> None:
        """Remember the ids ``conflict``'s fields hold (both sides' values)."""
        found = False
        for diff in conflict.fields:
            for row in (mine, theirs):
                table = referenced_table(conflict.table, diff.name, row)
                if table is None:
                    continue
                found = True
                self.wanted.setdefault(table, set()).update(
                    referenced_ids(diff.name, row[diff.name])
                )
        if found:
            self.conflicts.append(conflict)

    def name(self, session: Session, source: RowSource) -> None:
        """Fill each noted conflict's ``names``: this copy's records first (deleted ones too),
        then the bundle's; an id neither holds stays unnamed ("(không còn)")."""
        names: dict[str, str] = {}
        present = set(source.tables())
        for table, ids in self.wanted.items():
            missing = sorted(ids)
            for start in range(0, len(missing), _CHUNK):
                part = missing[start : start + _CHUNK]
                marks = ", ".join("?" * len(part))
                result = session.connection().exec_driver_sql(
                    f"SELECT * FROM {table} WHERE id IN ({marks})", tuple(part)
                )
                for held in result.mappings():
                    names[str(held["id"])] = record_name(table, dict(held))
            left = ids - names.keys()
            if left and table in present:
                for row in source.rows(table):
                    if row["id"] in left:
                        names[str(row["id"])] = record_name(table, row)
        for conflict in self.conflicts:
            conflict.names.update(names)
