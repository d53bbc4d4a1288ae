"""Two copies that each chose to keep its own record of a year before taking the other's choice
(issue #17: "never a silent loss").

Two records made apart (the plan of 2027 on each copy) are a conflict; the one not chosen is
deleted, and the deletion travels (:mod:`.one_per_year`). When each copy imports the other's
file made *before* either import, and each keeps its own (or each takes the other's), each has
deleted one of the two: taking the other's file then deletes the second, and the year would
hold nothing on either copy, though the user of each kept one.

The walk sees it as it is: the file deletes our live record of a year (or key) while it holds
live the record of that year we deleted. Of the two, the one of the smaller id is kept live,
on both copies alike whichever imports first, or both at once (as joins.py keeps one): as a
new version of this installation, with the rows that name it (a plan's targets, a round's
ratings, a checklist's answers and the evidence attached to them) kept or brought back with it.
The other stays deleted, as one of the two users chose. The import's plan says so
(``notes``), naming the record kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .joins import DEPENDENTS, new_version
from .one_per_year import EVIDENCE_OWNERS, KEYED, YEARLY, label

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Row = dict[str, Any]
Pair = tuple[Row, Row]
"""(this copy's row, the file's row), both in the bundle's form."""


def _key(table: str, row: Mapping[str, Any]) -> Any:
    if table == "criteria_templates":
        return row["name"]
    return row["key"] if table == "settings" else row["year"]


class Crossing:
    """What merge.py's walk tells it (:meth:`taken`, :meth:`kept`, :meth:`uncross`,
    :meth:`finish`), and the records it keeps (see the module)."""

    def __init__(self, merge: Any) -> None:
        self.merge = merge
        self.gone: dict[str, dict[Any, Pair]] = {}
        """Keyed table → key → our live row the file deletes, with the file's tombstone."""
        self.buried: dict[str, dict[Any, Pair]] = {}
        """Keyed table → key → our tombstone of a row the file holds live, kept deleted."""
        self.revived: dict[str, tuple[str, set[str], str]] = {}
        """Table → (its column naming a record kept, the records' ids, "mine" or "theirs")."""
        self.owners: dict[str, set[str]] = {}
        """Rows kept or brought back that evidence may be attached to, by table."""
        self.evidence: list[tuple[Pair, str]] = []
        """Evidence rows deleted on one side by this walk's rules: (the pair, the live side)."""

    # Told by the walk, row by row ----------------------------------------------------------

    def taken(self, table: str, mine: Row, theirs: Row, updates: list[Row]) -> bool:
        """The walk would take ``theirs``: True when this keeps ``mine`` instead (a row naming
        our record kept, which the file deletes), written into ``updates``."""
        if theirs["deleted_at"] is None or mine["deleted_at"] is not None:
            return False
        if table in KEYED:
            self.gone.setdefault(table, {})[_key(table, mine)] = (mine, theirs)
        elif table == "evidence_files":
            self.evidence.append(((mine, theirs), "mine"))
        elif self._names_kept(table, mine, "mine"):
            updates.append(self._revive(mine, mine, theirs))
            self.merge.plan._count(self.merge.plan.unchanged, table)  # noqa: SLF001
            return True
        return False

    def kept(self, table: str, mine: Row, theirs: Row, updates: list[Row]) -> bool:
        """The walk would keep ``mine``: True when this takes ``theirs`` instead (a row naming
        their record kept, which we deleted), written into ``updates``."""
        if theirs["deleted_at"] is not None or mine["deleted_at"] is None:
            return False
        if table in KEYED:
            self.buried.setdefault(table, {})[_key(table, theirs)] = (mine, theirs)
        elif table == "evidence_files":
            self.evidence.append(((mine, theirs), "theirs"))
        elif self._names_kept(table, theirs, "theirs"):
            updates.append(self._revive(theirs, mine, theirs))
            self.merge.plan._count(self.merge.plan.updated, table)  # noqa: SLF001
            return True
        return False

    def _names_kept(self, table: str, row: Row, side: str) -> bool:
        revived = self.revived.get(table)
        if revived is None or revived[2] != side or row.get(revived[0]) not in revived[1]:
            return False
        if table in EVIDENCE_OWNERS:
            self.owners.setdefault(table, set()).add(row["id"])
        return True

    # Once a keyed table is walked, and once every table is -------------------------------------

    def uncross(self, session: Session, table: str) -> None:
        """After the walk of a keyed ``table``: each year (or key) the file and this copy each
        emptied of the other's record, its record of the smaller id kept (see the module)."""
        gone, buried = self.gone.pop(table, {}), self.buried.pop(table, {})
        plan = self.merge.plan
        for key in sorted(gone.keys() & buried.keys(), key=str):
            (ours, their_tombstone), (our_tombstone, theirs) = gone[key], buried[key]
            if ours["id"] < theirs["id"]:
                side, row = "mine", self._revive(ours, ours, their_tombstone)
                plan.uncount(plan.deleted, table)
                plan._count(plan.unchanged, table)  # noqa: SLF001
            else:
                side, row = "theirs", self._revive(theirs, our_tombstone, theirs)
                plan.uncount(plan.unchanged, table)
                plan._count(plan.updated, table)  # noqa: SLF001
            for named, column in DEPENDENTS.get(table, ()):
                self.revived.setdefault(named, (column, set(), side))[1].add(row["id"])
            self._write(session, table, [row])
            where = "của máy này" if side == "mine" else "trong tệp"
            lost = "để " + ("năm đó " if table in YEARLY else "") + "không mất cả hai bản"
            plan.notes.append(
                f"{label(table, row)}: mỗi máy đã chọn giữ một bản khác nhau trước khi nhận "
                f"tệp của máy kia, nên bản {where} được giữ lại trên cả hai máy ({lost}); bản "
                "kia vẫn bị xóa như đã chọn."
            )

    def finish(self, session: Session) -> None:
        """After the walk: the evidence files attached to the rows kept or brought back (walked
        before them) kept or brought back too."""
        plan = self.merge.plan
        rows = []
        for (mine, theirs), live in self.evidence:
            row = mine if live == "mine" else theirs
            if row["owner_id"] not in self.owners.get(str(row["owner_table"]), ()):
                continue
            rows.append(self._revive(row, mine, theirs))
            if live == "mine":  # the file's deletion, counted, is not taken
                plan.uncount(plan.deleted, "evidence_files")
                plan._count(plan.unchanged, "evidence_files")  # noqa: SLF001
            else:
                plan.uncount(plan.unchanged, "evidence_files")
                plan._count(plan.updated, "evidence_files")  # noqa: SLF001
        self._write(session, "evidence_files", rows)

    def _revive(self, row: Row, *versions: Row) -> Row:
        """``row`` live, as a new version of this installation above every one of ``versions``."""
        from ..storage.models import utc_now

        return new_version(row, self.merge.me, utc_now().isoformat(), above=versions,
                           deleted_at=None)  # fmt: skip

    def _write(self, session: Session, table: str, rows: list[Row]) -> None:
        if rows and self.merge.write:
            from .dbwrite import writer

            writer(table, session.connection().dialect).update(session, rows)
