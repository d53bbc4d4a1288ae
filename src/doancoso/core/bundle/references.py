"""The names of the records a conflict's id fields refer to (a youth's follow-up member, an
activity's chi đoàn, an evidence file's owner), looked up in this copy, then in the bundle, so
that the import wizard and ``doancoso bundle import`` show "Nguyễn Văn An", not a UUID."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .labels import kind_codes, record_name, referenced_ids, referenced_table
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
        self.kinds: set[str] = set()
        """The codes of the kinds of activity the organisation added that conflicts hold."""

    def note(self, conflict: Conflict, mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> None:
        """Remember the ids ``conflict``'s fields hold (both sides' values)."""
        found = False
        for diff in conflict.fields:
            codes = [kind_codes(conflict.table, diff.name, v) for v in (diff.mine, diff.theirs)]
            if codes != [[], []]:
                found = True
                self.kinds.update(*codes)
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
        names.update(self._kind_names(session, source))
        for conflict in self.conflicts:
            conflict.names.update(names)

    def _kind_names(self, session: Session, source: RowSource) -> dict[str, str]:
        """Each noted kind's code → its name: this copy's kind (a live one before a deleted
        one), then the file's."""
        found: dict[str, str] = {}
        codes = sorted(self.kinds)
        for start in range(0, len(codes), _CHUNK):
            part = codes[start : start + _CHUNK]
            marks = ", ".join("?" * len(part))
            result = session.connection().exec_driver_sql(
                f"SELECT code, name FROM activity_kinds WHERE code IN ({marks})"
                " ORDER BY deleted_at IS NULL",  # the live one last: it is the one named
                tuple(part),
            )
            found.update((str(code), str(name)) for code, name in result)
        if self.kinds - found.keys() and "activity_kinds" in source.tables():
            for row in source.rows("activity_kinds"):
                if row["code"] in self.kinds and row["code"] not in found:
                    found[str(row["code"])] = str(row["name"])
        return found
