"""Activity kinds of one name added apart on two copies of one organisation (issue #17's
walkthrough): joined into one.

A kind the organisation adds ("Hiến máu") gets a code of its own row (``k-`` and the start of
its id), which its activities (``activities.kind``) and the targets measured by it
(``plan_targets.measure_kind``) name. Two copies that each added "Hiến máu" before exchanging
would end with two kinds of that name, their activities split between them, and a target
counting only half of them. The import joins them instead: of the two rows the one with the
smaller id is kept on both copies alike, whichever imports first or both at once (as
:mod:`.joins` keeps one of two empty plans); the other is deleted, and every row naming its
code names the code kept, each a new version of this installation, so that the other copy
takes the same. Names are compared as the app compares them when a kind is added (tones and
case ignored: ``code_of``). The kept row keeps its own name and colour. The plan's ``notes``
say which kinds were joined.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..lang.text import fold
from .joins import new_version, rows_of, rows_where

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

TABLE = "activity_kinds"
REFERENCES = {"activities": "kind", "plan_targets": "measure_kind"}
"""The tables naming a kind by its code, and their column."""


class KindJoin:
    """Found before merge.py's walk (:meth:`prepare`); applied to the rows it writes
    (:meth:`rewrite`) and to this copy's own rows (:meth:`prepare`, when writing)."""

    def __init__(self, merge: Any) -> None:
        self.merge = merge
        self.codes: dict[str, str] = {}
        """A code of a kind not kept → the code of the kind kept."""
        self.theirs_dropped: set[str] = set()
        """The file's kind rows not kept (written deleted)."""

    def tables(self) -> set[str]:
        """The tables whose rows :meth:`rewrite` may change."""
        if not self.codes:
            return set()
        return {*REFERENCES, *([TABLE] if self.theirs_dropped else [])}

    def prepare(self, session: Session) -> None:
        """Before the walk: the file's new kinds of the name of one of ours, each pair joined;
        ours not kept deleted now, with our rows naming its code moved to the one kept."""
        merge = self.merge
        if merge.mapper is not None or TABLE not in merge.source.tables():
            return
        own_org = merge.my_org or merge.their_org
        ours = {
            str(i): (str(code), str(name))
            for i, code, name in session.connection().exec_driver_sql(
                f"SELECT id, code, name FROM {TABLE} WHERE organization_id = ?"
                " AND deleted_at IS NULL",
                (own_org,),
            )
        }
        if not ours:
            return
        names = {fold(name).strip() for _code, name in ours.values()}
        touched: set[str] = set()  # ours the file deletes or renames: they lose their name
        groups: dict[str, list[tuple[str, str, str]]] = {}  # name → (id, code, its name)
        for row in rows_of(merge.source, TABLE):  # read through: only matches are held
            row_id, name, code = row.get("id"), row.get("name"), row.get("code")
            if row_id in ours:
                if row.get("deleted_at") is not None or name != ours[str(row_id)][1]:
                    touched.add(str(row_id))
                continue
            if row.get("deleted_at") is not None or not isinstance(name, str):
                continue
            if not isinstance(row_id, str) or not isinstance(code, str):
                continue  # (a malformed row is refused by the walk)
            key = fold(name).strip()
            if key in names:
                groups.setdefault(key, []).append((row_id, code, name))
        named = {
            fold(name).strip(): (i, code) for i, (code, name) in ours.items() if i not in touched
        }
        groups = {key: found for key, found in groups.items() if key in named}
        ours_dropped: list[str] = []
        for key, theirs in groups.items():
            mine_id, mine_code = named[key]
            members = [(mine_id, mine_code), *((i, c) for i, c, _ in theirs)]
            kept_id, kept_code = min(members)  # the same on every copy: the smallest id
            for row_id, code in members:
                if row_id == kept_id:
                    continue
                self.codes[code] = kept_code
                if row_id == mine_id:
                    ours_dropped.append(mine_id)
                else:
                    self.theirs_dropped.add(row_id)
            merge.plan.notes.append(
                f"Loại hoạt động “{theirs[0][2]}” được thêm riêng trên cả hai máy: đã gộp làm "
                "một, các hoạt động và chỉ tiêu của hai loại nay cùng một loại."
            )
        if ours_dropped:
            self._ours(session, ours_dropped)

    def _ours(self, session: Session, dropped: list[str]) -> None:
        """Our kinds not kept deleted, and our live rows naming their codes moved (counted;
        written only when the walk writes)."""
        plan = self.merge.plan
        marks = ", ".join("?" * len(dropped))
        kinds = rows_where(session, TABLE, f"id IN ({marks})", tuple(dropped))
        plan.deleted[TABLE] = plan.deleted.get(TABLE, 0) + len(kinds)
        self._write(session, TABLE, [self._version(r, deleted=True) for r in kinds])
        codes = [c for c in self.codes if c in {k["code"] for k in kinds}]
        marks = ", ".join("?" * len(codes))
        for table, column in REFERENCES.items():
            live = f"{column} IN ({marks}) AND deleted_at IS NULL"
            rows = rows_where(session, table, live, tuple(codes))
            if rows:
                plan.updated[table] = plan.updated.get(table, 0) + len(rows)
                moved = [self._version(r, {column: self.codes[r[column]]}) for r in rows]
                self._write(session, table, moved)

    def rewrite(self, table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``rows`` of ``table`` from the file, to be written: the kinds not kept deleted, the
        rows naming their codes moved to the code kept (their versions agreed as they came)."""
        if table == TABLE:
            out = []
            for row in rows:
                if row["id"] in self.theirs_dropped:
                    if row["deleted_at"] is None:
                        self.merge.plan.uncount(self.merge.plan.new, TABLE)
                    row = self._version(row, deleted=True)
                out.append(row)
            return out
        column = REFERENCES.get(table)
        if column is None:
            return rows
        return [
            self._version(r, {column: self.codes[r[column]]}) if r.get(column) in self.codes
            else r
            for r in rows
        ]  # fmt: skip

    def _version(
        self, row: dict[str, Any], changes: dict[str, Any] | None = None, *, deleted: bool = False
    ) -> dict[str, Any]:
        """``row`` with ``changes`` (``deleted``: deleted now) as a new version of ours."""
        from ..storage.models import utc_now

        now = utc_now().isoformat()
        changed = {**(changes or {}), **({"deleted_at": now} if deleted else {})}
        return new_version(row, self.merge.me, now, **changed)

    def _write(self, session: Session, table: str, rows: list[dict[str, Any]]) -> None:
        if rows and self.merge.write:
            from .dbwrite import writer

            writer(table, session.connection().dialect).update(session, rows)
