"""A chi đoàn deleted on one copy while the other put members in it (issue #17: "a deletion on
one side and a change on the other after it is never a silent loss").

The roster never deletes a chi đoàn that has members ("Gộp vào…" moves them first), but two
copies do not see each other's members: one deletes "Chi đoàn ấp 3", empty there, while the
other adds a new member to it, or moves one into it. Row by row the import would take both —
the deletion and the member — and leave a live member in a deleted chi đoàn, found only by
``doancoso check`` ("… thuộc một chi đoàn đã bị xóa"). The walk keeps the app's rule instead:
once the members are walked, every chi đoàn that a live member names in the end (the file's
rows written, this copy's rows as they stay) and that the end would leave deleted is kept live,
as a new version of this installation above both copies' versions, so that the other copy
takes it back too. The plan's ``notes`` say so, naming the chi đoàn and how many members are
in it. Where keeping it would give two chi đoàn of one name (the deleting copy made a new one
of that name), the import is refused in words instead, naming both.

The dry run decides the same as the import: the rows the walk writes are noted as it goes
(:meth:`note`), and the end is computed from them and this copy's rows, never from what was
written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..lang.text import fold
from .joins import new_version, rows_where
from .sync_errors import SyncError
from .validate import NOTHING_WRITTEN

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Row = dict[str, Any]


class OccupiedBranches:
    """Told the rows merge.py's walk writes (:meth:`note`); once every table is walked,
    :meth:`settle` keeps the chi đoàn the members need."""

    def __init__(self, merge: Any) -> None:
        self.merge = merge
        self.branches: dict[str, Row] = {}
        """The file's chi đoàn rows written by the walk, by id (as written)."""
        self.before: dict[str, Row] = {}
        """This copy's rows of :attr:`branches`, as they were before the walk wrote them."""
        self.members: dict[str, tuple[bool, str | None]] = {}
        """The file's member rows written by the walk: id → (live, its chi đoàn)."""

    def note(self, session: Session, table: str, rows: list[Row]) -> None:
        """``rows`` of ``table`` the walk is about to write (this copy's before them kept)."""
        if table == "branches" and rows:
            self.before.update(_ours(session, [r["id"] for r in rows if r["id"] not in
                                               self.branches]))  # fmt: skip
            self.branches.update((r["id"], r) for r in rows)
        elif table == "members":
            self.members.update(
                (r["id"], (r["deleted_at"] is None, r.get("branch_id"))) for r in rows
            )

    def settle(self, session: Session) -> None:
        """Keep live each chi đoàn a live member names in the end (see the module)."""
        merge = self.merge
        if merge.mapper is not None:  # sáp nhập: the mapping decides the chi đoàn
            return
        named: dict[str, int] = {}  # chi đoàn → live members naming it in the end
        for live, branch in self.members.values():
            if live and branch is not None:
                named[branch] = named.get(branch, 0) + 1
        deleting = [i for i, r in self.branches.items() if r["deleted_at"] is not None]
        for start in range(0, len(deleting), 500):  # ours in the chi đoàn the file deletes
            part = deleting[start : start + 500]
            marks = ", ".join("?" * len(part))
            for member_id, branch in session.connection().exec_driver_sql(
                f"SELECT id, branch_id FROM members WHERE deleted_at IS NULL"
                f" AND branch_id IN ({marks})",
                tuple(part),
            ):
                if member_id not in self.members:  # a row the file changes is counted above
                    named[branch] = named.get(branch, 0) + 1
        if not named:
            return
        unwritten = _ours(session, [i for i in named if i not in self.branches])
        kept: list[tuple[Row, int]] = []
        for branch_id, count in sorted(named.items()):
            theirs = self.branches.get(branch_id)
            mine = self.before.get(branch_id) if theirs is not None else unwritten.get(branch_id)
            end = theirs if theirs is not None else mine
            if end is None or end["deleted_at"] is None:
                continue
            above = tuple(r for r in (theirs, mine) if r is not None)
            kept.append((new_version(end, merge.me, _now(), above=above, deleted_at=None), count))
            self._count(branch_id, theirs, mine)
        if not kept:
            return
        self._clashes(session, [row for row, _ in kept])
        for row, count in kept:
            merge.plan.notes.append(
                f"Chi đoàn “{row['name']}” đã bị xóa ở một máy trong khi máy kia có đoàn viên "
                f"trong đó ({count} người): chi đoàn được giữ lại trên cả hai máy, để không "
                "đoàn viên nào thuộc một chi đoàn đã xóa."
            )
        if merge.write:
            from .dbwrite import writer

            writer("branches", session.connection().dialect).update(session, [r for r, _ in kept])

    def _count(self, branch_id: str, theirs: Row | None, mine: Row | None) -> None:
        """The chi đoàn kept counted as the user sees it: unchanged when the file's deletion
        of ours is not taken after all, updated when ours was deleted."""
        plan = self.merge.plan
        if theirs is not None:  # written by the walk, deleted
            if mine is not None and mine["deleted_at"] is None:  # counted as deleted
                plan.uncount(plan.deleted, "branches")
                plan._count(plan.unchanged, "branches")  # noqa: SLF001 - its counter
            return  # both deleted before: counted as updated, as it stays
        if branch_id in self.merge.seen:  # the file's, not taken: counted as unchanged
            plan.uncount(plan.unchanged, "branches")
        plan._count(plan.updated, "branches")  # noqa: SLF001

    def _clashes(self, session: Session, kept: list[Row]) -> None:
        """Refuse a chi đoàn kept whose name another live chi đoàn holds in the end."""
        names = {fold(str(r["name"])).strip(): r for r in kept}
        live: dict[str, str] = {}
        own_org = self.merge.my_org or self.merge.their_org
        for row_id, name in session.connection().exec_driver_sql(
            "SELECT id, name FROM branches WHERE organization_id = ? AND deleted_at IS NULL",
            (own_org,),
        ):
            written = self.branches.get(str(row_id))
            if written is None or written["deleted_at"] is None:
                live[str(row_id)] = str(name)
        for row_id, row in self.branches.items():
            if row["deleted_at"] is None:
                live[row_id] = str(row["name"])
        for row_id, name in live.items():
            holder = names.get(fold(name).strip())
            if holder is not None and holder["id"] != row_id:
                raise SyncError(
                    f"Chi đoàn “{holder['name']}” đã bị xóa ở một máy trong khi máy kia có đoàn "
                    "viên trong đó, nên phải giữ lại; nhưng như vậy sẽ có hai chi đoàn cùng tên "
                    f"“{name}”. Hãy đổi tên chi đoàn “{name}” trên máy này (ví dụ thêm “(cũ)”) "
                    "rồi nhận lại tệp, sau đó ở trang Chi đoàn dùng “Gộp vào…” để gộp hai chi "
                    f"đoàn làm một. {NOTHING_WRITTEN}",
                    f"branch {holder['id']} kept for its members clashes by name with {row_id}",
                )


def _ours(session: Session, ids: list[str]) -> dict[str, Row]:
    """This copy's chi đoàn rows of ``ids`` (as stored now), by id."""
    found: dict[str, Row] = {}
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        marks = ", ".join("?" * len(part))
        found.update((r["id"], r) for r in rows_where(session, "branches", f"id IN ({marks})",
                                                        tuple(part)))  # fmt: skip
    return found


def _now() -> str:
    from ..storage.models import utc_now

    return utc_now().isoformat()
