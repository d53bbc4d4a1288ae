"""Chi đoàn (branches): create, rename, merge two into one, move members between them.

Creates, renames, merges, moves and deletions are undoable (each returns what its undo and redo
check).

The list is read with plain ``sqlite3`` (the roster's filter shows it at start-up); the writes
import SQLAlchemy and the models when called (see core/storage/db.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..context import WorkspaceContext
from ..errors import ConflictError, ValidationError
from ..lang.text import collation_key, fold, nfc, vn_number
from ..lifecycle.rules import (
    ACTIVE_STATUSES,
    READ_ONLY_REASONS,
    READ_ONLY_STATUSES,
    is_read_only,
)
from ..storage.live import get_live, is_live
from .vocab import position_of

if TYPE_CHECKING:
    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import Session

    from ..storage.models import Branch

_LIST = """
    SELECT b.id, b.name, coalesce(counts.n, 0), coalesce(counts.active, 0),
           coalesce(counts.temporary, 0)
    FROM branches AS b LEFT JOIN (
        SELECT branch_id, count(*) AS n, sum(status IN ({active})) AS active,
               sum(status = 'temporary') AS temporary FROM members
        WHERE organization_id = :org AND deleted_at IS NULL GROUP BY branch_id
    ) AS counts ON counts.branch_id = b.id
    WHERE b.organization_id = :org AND b.deleted_at IS NULL
""".format(active=", ".join(f"'{status}'" for status in ACTIVE_STATUSES))
_UNASSIGNED = """
    SELECT count(*), coalesce(sum(status IN ({active})), 0),
           coalesce(sum(status = 'temporary'), 0) FROM members
    WHERE organization_id = :org AND deleted_at IS NULL AND branch_id IS NULL
""".format(active=", ".join(f"'{status}'" for status in ACTIVE_STATUSES))
UNASSIGNED = "Chưa có chi đoàn"
"""How the members without a chi đoàn are named where chi đoàn are listed with their counts."""
BranchNames = list[tuple[str, str]]
_NAMES = "SELECT id, name FROM branches WHERE organization_id = ? AND deleted_at IS NULL"


def undeletable_message(name: str, members: int, read_only: int = 0) -> str:
    """Why the chi đoàn ``name`` with ``members`` records, ``read_only`` of them of people who
    left or came of age, cannot be deleted, and what will empty it (the page says it before
    asking; :meth:`BranchService.delete` refuses with the same words). Those records cannot be
    moved to another chi đoàn (:meth:`BranchService.move_undoable` leaves them where they are),
    so a chi đoàn holding any is only emptied by a merge."""
    refused = f"Không xóa được “{name}”: chi đoàn còn"
    if not read_only:
        return (
            f"{refused} {vn_number(members)} hồ sơ đoàn viên (kể cả người đã chuyển đi, trưởng "
            "thành Đoàn). Hãy chuyển họ sang chi đoàn khác, hoặc gộp chi đoàn này vào chi đoàn "
            "khác."
        )
    whose = "của người đã chuyển đi, trưởng thành Đoàn, bị khai trừ hoặc xóa tên"
    if read_only < members:
        held = (
            f"{vn_number(members)} hồ sơ đoàn viên, trong đó {vn_number(read_only)} hồ sơ {whose}"
        )
    else:
        held = f"{vn_number(read_only)} hồ sơ {whose}"
    return (
        f"{refused} {held}: các hồ sơ này chỉ để xem, không chuyển sang chi đoàn khác được. Hãy "
        "gộp chi đoàn này vào chi đoàn khác (nút “Gộp vào…”)."
    )


@dataclass(frozen=True)
class MovedMembers:
    """Members moved to a chi đoàn (:meth:`BranchService.move_undoable`), as the move left them:
    what its undo and redo check and write."""

    target_id: str | None
    """Where they were moved (None: no chi đoàn)."""
    before: tuple[tuple[str, str | None], ...]
    """Each member moved, with their chi đoàn before the move."""
    not_moved: tuple[tuple[str, int], ...]
    """The read-only members chosen and not moved, counted by status."""

    @property
    def count(self) -> int:
        return len(self.before)


def not_moved_message(moved: MovedMembers) -> str:
    """What is said of the read-only members a move left where they were ("" when none)."""
    total = sum(n for _, n in moved.not_moved)
    if not total:
        return ""
    if len(moved.not_moved) == 1:
        reasons = READ_ONLY_REASONS[moved.not_moved[0][0]]
    else:
        reasons = ", ".join(
            f"{vn_number(n)} người {READ_ONLY_REASONS[status]}" for status, n in moved.not_moved
        )
    return f"{vn_number(total)} đoàn viên không được chuyển vì hồ sơ chỉ để xem: {reasons}."


SECRETARY = "Bí thư"
"""The position a chi đoàn has one of (DOMAIN.md: Bí thư, Phó Bí thư, Ủy viên BCH...)."""


def secretaries_message(branch_name: str, names: Sequence[str], merging: bool) -> str:
    """The warning that the chi đoàn ``branch_name`` holds the Bí thư ``names`` once a merge
    (``merging``: said in its question, before) or a move (said after it) is done; "" for one or
    none. Only a warning: the secretary decides who keeps the post."""
    if len(names) < 2:
        return ""
    when, then = ("sẽ có", "sau khi gộp, hãy") if merging else ("nay có", "hãy")
    return (
        f"Lưu ý: chi đoàn “{branch_name}” {when} {vn_number(len(names))} {SECRETARY}: "
        f"{', '.join(names)}. {one_secretary_advice(then)}"
    )


def one_secretary_advice(then: str = "hãy") -> str:
    """What to do of two Bí thư in one chi đoàn (``then``: the verb's lead-in)."""
    return (
        f"Mỗi chi đoàn chỉ có một {SECRETARY}: {then} sửa chức vụ của người không giữ chức này nữa."
    )


@dataclass(frozen=True)
class RenamedBranch:
    """A chi đoàn renamed (:meth:`BranchService.rename_undoable`): what its undo and redo check
    and write."""

    branch_id: str
    before: str
    after: str


@dataclass(frozen=True)
class DeletedBranch:
    """A chi đoàn deleted (:meth:`BranchService.delete_undoable`), with its deleted members then
    left in no chi đoàn: what its undo puts back."""

    branch_id: str
    name: str
    deleted_members: tuple[str, ...]


@dataclass(frozen=True)
class MergedBranch:
    """A chi đoàn merged into another (:meth:`BranchService.merge_undoable`): what its undo
    puts back."""

    source_id: str
    source_name: str
    target_id: str
    target_name: str
    members: tuple[str, ...]
    """The live members moved (those who left or came of age too)."""
    deleted_members: tuple[str, ...]
    """The deleted members moved along (see :meth:`BranchService.merge_undoable`)."""

    @property
    def count(self) -> int:
        return len(self.members)


@dataclass(frozen=True)
class BranchInfo:
    """A chi đoàn with the number of members on its record (tombstones not counted), of those
    the ones on the active roster (who did not leave), and of these the members of other
    organisations on temporary activity here."""

    id: str
    name: str
    member_count: int
    active_count: int = 0
    temporary_count: int = 0


class BranchService:
    """Branches of the workspace's organisation, sorted by Vietnamese collation."""

    def __init__(self, ctx: WorkspaceContext) -> None:
        self._ctx = ctx

    def list(self) -> list[BranchInfo]:
        with self._ctx.db.raw() as cursor:
            cursor.execute(_LIST, {"org": self._ctx.organization_id})
            rows = [BranchInfo(str(i), str(name), int(n), int(active), int(temporary))
                    for i, name, n, active, temporary in cursor.fetchall()]  # fmt: skip
        return sorted(rows, key=lambda b: collation_key(b.name))

    def unassigned(self) -> BranchInfo:
        """The members in no chi đoàn, counted like a chi đoàn's (id "" and the name
        :data:`UNASSIGNED`), so that the chi đoàn and the roster give the same totals."""
        with self._ctx.db.raw() as cursor:
            cursor.execute(_UNASSIGNED, {"org": self._ctx.organization_id})
            n, active, temporary = cursor.fetchone()
        return BranchInfo("", UNASSIGNED, int(n), int(active), int(temporary))

    def names(self) -> BranchNames:
        """(id, name) of each chi đoàn in Vietnamese order, without counting members."""
        with self._ctx.db.raw() as cursor:
            cursor.execute(_NAMES, (self._ctx.organization_id,))
            rows = [(str(i), str(name)) for i, name in cursor.fetchall()]
        return sorted(rows, key=lambda r: collation_key(r[1]))

    def find(self, name: str) -> BranchInfo | None:
        """The branch named ``name``, ignoring case and tones."""
        key = fold(name)
        return next((b for b in self.list() if fold(b.name) == key), None)

    def _clean_name(self, name: str, exclude_id: str | None = None) -> str:
        """``name`` as a chi đoàn (``exclude_id``, when renamed) may take it, refused
        (:class:`ValidationError`) when empty, when another chi đoàn has it (case and tones
        ignored), or when it differs from another's only by "Chi đoàn" ("CĐ") in front ("Ấp 3"
        beside "Chi đoàn Ấp 3": two chi đoàn read as one; the import's first loose key,
        :func:`.spreadsheets.preview.branch_place`, matches them as one too). The stored
        ``name_fold`` stays the plain fold, by which bundles and sáp nhập join chi đoàn: the
        look-alike rule is the page's, not theirs. A chi đoàn saved under its own name is never
        refused for a look-alike (a pair from older data is not made worse)."""
        from .spreadsheets.preview import branch_place

        clean = nfc(name)
        if not clean:
            raise ValidationError({"name": "Cần nhập tên chi đoàn."})
        key, place = fold(clean), fold(branch_place(clean))
        names = self.names()
        others = [n for i, n in names if i != exclude_id]
        same = next((n for n in others if fold(n) == key), None)
        if same is not None:
            raise ValidationError({"name": f"Đã có chi đoàn tên “{same}”."})
        if any(i == exclude_id and fold(n) == key for i, n in names):
            return clean  # its own name, case or tones changed at most
        alike = next((n for n in others if fold(branch_place(n)) == place), None)
        if alike is not None:
            raise ValidationError(
                {
                    "name": f"Đã có chi đoàn “{alike}”: hai tên chỉ khác nhau ở chữ “Chi đoàn” "
                    "(“CĐ”) đầu tên nên dễ bị đọc là một. Hãy đặt tên khác."
                }
            )
        return clean

    def create(self, name: str) -> BranchInfo:
        from ..storage.models import Branch

        clean = self._clean_name(name)
        with self._ctx.db.transaction() as session:
            row = Branch(
                organization_id=self._ctx.organization_id, name=clean, name_fold=fold(clean)
            )
            session.add(row)
            session.flush()
            return BranchInfo(row.id, row.name, 0)

    def rename(self, branch_id: str, name: str) -> None:
        self.rename_undoable(branch_id, name)

    def rename_undoable(self, branch_id: str, name: str) -> RenamedBranch:
        """Rename the chi đoàn; returns its name before and after, read in the write's
        transaction, which :meth:`name_back` undoes and :meth:`rename_again` redoes."""
        clean = self._clean_name(name, exclude_id=branch_id)
        with self._ctx.db.transaction() as session:
            row = self._get(session, branch_id)
            before = row.name
            if before != clean:  # an unchanged row stays clean: nothing to announce or undo
                row.name, row.name_fold = clean, fold(clean)
            return RenamedBranch(branch_id, before, clean)

    def name_back(self, renamed: RenamedBranch) -> None:
        """Undo :meth:`rename_undoable`: the old name back, provided the chi đoàn still has the
        new one and no other took the old one since (:class:`ConflictError`)."""
        self._rename_from(renamed.branch_id, renamed.after, renamed.before)

    def rename_again(self, renamed: RenamedBranch) -> None:
        """Redo :meth:`rename_undoable` undone by :meth:`name_back`, on the same conditions."""
        self._rename_from(renamed.branch_id, renamed.before, renamed.after)

    def _rename_from(self, branch_id: str, expected: str, name: str) -> None:
        from ..storage.models import Branch

        with self._ctx.db.transaction() as session:
            row = get_live(
                session, Branch, branch_id, self._ctx.organization_id,
                f"Chi đoàn “{expected}” đã bị gộp hoặc xóa sau đó: không đổi tên được.",
            )  # fmt: skip
            if row.name != expected:
                raise ConflictError(
                    f"Chi đoàn “{expected}” đã được đổi tên thành “{row.name}” sau đó: giữ "
                    "nguyên tên hiện tại."
                )
            other = self._named(session, name, branch_id)
            if other is not None:
                raise ConflictError(
                    f"Đã có chi đoàn tên “{other.name}” (đặt sau đó): không đặt lại được tên "
                    f"“{name}”."
                )
            row.name, row.name_fold = name, fold(name)

    def _named(self, session: Session, name: str, other_than: str) -> Branch | None:
        """The live chi đoàn other than ``other_than`` named ``name`` (case and tones ignored)."""
        from sqlalchemy import select

        from ..storage.models import Branch

        return session.scalars(
            select(Branch).where(
                is_live(Branch, self._ctx.organization_id),
                Branch.id != other_than,
                Branch.name_fold == fold(name),
            )
        ).first()

    def take_back_created(self, created: BranchInfo) -> None:
        """Undo :meth:`create`: remove the chi đoàn, provided it is still as the create left it:
        one renamed since, or that holds a member's record (put in it since, even one deleted
        later), is refused (:class:`ConflictError`); one merged or deleted too."""
        from sqlalchemy import func, select

        from ..storage.models import Branch, Member, utc_now

        with self._ctx.db.transaction() as session:
            row = get_live(
                session, Branch, created.id, self._ctx.organization_id,
                f"Chi đoàn “{created.name}” đã bị gộp hoặc xóa sau đó.",
            )  # fmt: skip
            if row.name != created.name:
                raise ConflictError(
                    f"Chi đoàn “{created.name}” đã được đổi tên thành “{row.name}” sau đó: giữ "
                    "nguyên, không xóa."
                )
            live = session.scalar(
                select(func.count()).where(Member.branch_id == row.id, is_live(Member))
            )
            if live:
                raise ConflictError(
                    f"Chi đoàn “{row.name}” đã có {vn_number(live)} đoàn viên được đưa vào sau "
                    "khi thêm: giữ nguyên, không xóa chi đoàn."
                )
            deleted = session.scalar(select(func.count()).where(self._deleted_members_of(row.id)))
            if deleted:
                raise ConflictError(
                    f"Chi đoàn “{row.name}” có {vn_number(deleted)} hồ sơ đoàn viên đã xóa (có "
                    "thể khôi phục): giữ nguyên, không xóa chi đoàn."
                )
            row.deleted_at = utc_now()

    def bring_back_created(self, created: BranchInfo) -> None:
        """Redo :meth:`create` undone by :meth:`take_back_created`: the chi đoàn back, provided
        no other took its name since (:class:`ConflictError`)."""

        with self._ctx.db.transaction() as session:
            self._revive(session, created.id, created.name, "không thêm lại được")

    def merge(self, source_id: str, target_id: str) -> int:
        """Move every member of ``source`` into ``target`` and remove ``source``
        (:meth:`merge_undoable`); returns the number of (live) members moved."""
        return self.merge_undoable(source_id, target_id).count

    def merge_undoable(self, source_id: str, target_id: str) -> MergedBranch:
        """Move every member of ``source`` into ``target`` and remove ``source``; returns what
        the merge moved, which :meth:`unmerge` undoes and :meth:`merge_again` redoes.

        Every record goes, those who left or came of age too (a chi đoàn's records stay
        together). The deleted members of ``source`` go too, so that one restored later
        ("Hoàn tác" of their deletion) is in ``target``, not in a chi đoàn that no longer
        exists. One transaction: all or nothing.
        """
        from sqlalchemy import select

        from ..storage.models import Member, utc_now

        if source_id == target_id:
            raise ConflictError("Không thể gộp một chi đoàn vào chính nó.")
        org = self._ctx.organization_id
        with self._ctx.db.transaction() as session:  # undoable: not bulk
            source = self._get(session, source_id)
            target = self._get(session, target_id)
            live = tuple(
                session.scalars(
                    select(Member.id).where(is_live(Member, org), Member.branch_id == source_id)
                )
            )
            deleted = tuple(
                session.scalars(select(Member.id).where(self._deleted_members_of(source_id)))
            )
            _set_branches(session, org, [(member_id, target_id) for member_id in live + deleted])
            source.deleted_at = utc_now()
            return MergedBranch(source_id, source.name, target_id, target.name, live, deleted)

    def secretaries_after(
        self, target_id: str, source_id: str | None = None, member_ids: Sequence[str] = ()
    ) -> tuple[str, ...]:
        """The Bí thư of chi đoàn ``target_id`` once every member of ``source_id`` is merged
        into it, or ``member_ids`` moved there, in name order: members of the active roster
        whose position is Bí thư (one who left or came of age holds none, and is not moved).
        Empty unless at least one of them comes with the merge or move and they are two or
        more: a chi đoàn has one Bí thư (:func:`secretaries_message`)."""
        from ..storage.models import Member

        found: dict[str, tuple[str, str, bool]] = {}  # id → (sort key, name, comes along)
        with self._ctx.db.read() as session:
            for chunk in [*_chunks(tuple(member_ids)), ()]:  # () alone: the chi đoàn's own
                wanted = [Member.branch_id == target_id, Member.id.in_(chunk)]
                if source_id is not None:
                    wanted.append(Member.branch_id == source_id)
                for member_id, key, name, branch_id in secretary_rows(
                    session, self._ctx.organization_id, *wanted
                ):
                    found[member_id] = (key, name, branch_id != target_id)
        if len(found) < 2 or not any(comes for *_, comes in found.values()):
            return ()
        return tuple(name for _, name, _ in sorted(found.values()))

    def unmerge(self, merged: MergedBranch) -> None:
        """Undo :meth:`merge_undoable`: the merged chi đoàn back, with every member the merge
        moved, provided each is still live in the chi đoàn merged into and no other chi đoàn
        took the name since (:class:`ConflictError`, nothing written). A deleted member the
        merge moved goes back while still deleted there (one restored since stays)."""
        from sqlalchemy import select

        from ..storage.models import Member
        from .service import changed_since_message

        org = self._ctx.organization_id
        with self._ctx.db.transaction() as session:
            rows: dict[str, tuple[str, str | None, bool]] = {}
            for chunk in _chunks(merged.members + merged.deleted_members):
                stmt = select(
                    Member.id, Member.full_name, Member.branch_id, Member.deleted_at
                ).where(Member.organization_id == org, Member.id.in_(chunk))
                for member_id, name, branch_id, deleted_at in session.execute(stmt):
                    rows[member_id] = (name, branch_id, deleted_at is not None)
            for member_id in merged.members:
                name, branch_id, deleted = rows[member_id]
                if deleted:
                    raise ConflictError(
                        f"Đoàn viên {name} đã bị xóa sau đó: giữ nguyên, không tách lại chi đoàn."
                    )
                if branch_id != merged.target_id:
                    raise ConflictError(changed_since_message("đoàn viên", name))
            still_deleted = [
                member_id
                for member_id in merged.deleted_members
                if rows[member_id][1:] == (merged.target_id, True)
            ]
            self._revive(
                session, merged.source_id, merged.source_name, "không khôi phục được chi đoàn"
            )
            back = [*merged.members, *still_deleted]
            _set_branches(session, org, [(member_id, merged.source_id) for member_id in back])

    def merge_again(self, merged: MergedBranch) -> MergedBranch:
        """Redo :meth:`merge_undoable` undone by :meth:`unmerge`: the same chi đoàn merged
        again, with whatever members it holds now; returns what the next undo puts back."""
        return self.merge_undoable(merged.source_id, merged.target_id)

    def deleted_members(self, branch_id: str) -> int:
        """How many deleted (restorable) members name the chi đoàn ``branch_id``: they do not
        keep it from being deleted, and once it is, one restored has no chi đoàn."""
        with self._ctx.db.raw() as cursor:
            cursor.execute(
                "SELECT count(*) FROM members WHERE organization_id = ? AND branch_id = ? "
                "AND deleted_at IS NOT NULL",
                (self._ctx.organization_id, branch_id),
            )
            return int(cursor.fetchone()[0])

    def _deleted_members_of(self, branch_id: str) -> ColumnElement[bool]:
        """The condition "a deleted member of the chi đoàn ``branch_id``"."""
        from sqlalchemy import and_

        from ..storage.models import Member

        return and_(
            Member.organization_id == self._ctx.organization_id,
            Member.branch_id == branch_id,
            Member.deleted_at.is_not(None),
        )

    def move_members(self, member_ids: Sequence[str], target_id: str | None) -> int:
        """Put the given members into ``target_id`` (None: no chi đoàn). Returns how many moved
        (:meth:`move_undoable`, whose rules hold)."""
        return self.move_undoable(member_ids, target_id).count

    def move_undoable(self, member_ids: Sequence[str], target_id: str | None) -> MovedMembers:
        """Put the given members into ``target_id`` (None: no chi đoàn); returns the move as it
        left them, which :meth:`move_back` undoes and :meth:`move_again` redoes. A member who
        left or came of age (a read-only record) stays where they are, counted by status in
        :attr:`MovedMembers.not_moved`; a deleted one, or one already there, is left alone."""
        from sqlalchemy import select

        from ..storage.models import Member

        org = self._ctx.organization_id
        wanted = list(dict.fromkeys(member_ids))
        moving: list[tuple[str, str | None]] = []
        kept: Counter[str] = Counter()
        with self._ctx.db.transaction() as session:  # undoable: not bulk
            if target_id is not None:
                self._get(session, target_id)
            found: dict[str, tuple[str | None, str]] = {}
            for chunk in _chunks(wanted):
                stmt = select(Member.id, Member.branch_id, Member.status).where(
                    is_live(Member, org), Member.id.in_(chunk)
                )
                found.update((i, (branch, status)) for i, branch, status in session.execute(stmt))
            for member_id in wanted:
                branch_id, status = found.get(member_id, (target_id, ""))
                if branch_id == target_id:
                    continue
                if is_read_only(status):
                    kept[status] += 1
                else:
                    moving.append((member_id, branch_id))
            _set_branches(session, org, [(member_id, target_id) for member_id, _ in moving])
        not_moved = tuple((s, kept[s]) for s in READ_ONLY_STATUSES if kept[s])
        return MovedMembers(target_id, tuple(moving), not_moved)

    def move_back(self, moved: MovedMembers) -> None:
        """Undo :meth:`move_undoable`: each member moved goes back to their chi đoàn before it,
        provided all are still as the move left them (see :meth:`_put_back`)."""
        self._put_back([(m, moved.target_id, before) for m, before in moved.before])

    def move_again(self, moved: MovedMembers) -> None:
        """Redo :meth:`move_undoable` undone by :meth:`move_back`, on the same conditions."""
        self._put_back([(m, before, moved.target_id) for m, before in moved.before])

    def _put_back(self, changes: Sequence[tuple[str, str | None, str | None]]) -> None:
        """Put each member (id, chi đoàn expected, chi đoàn to put) into their chi đoàn to put,
        all or none: a member deleted, read-only (left, came of age) or in another chi đoàn
        than expected since, or a chi đoàn to put that no longer exists, is refused
        (:class:`ConflictError`), so that no later change is overwritten unseen."""
        from sqlalchemy import select

        from ..storage.models import Branch, Member
        from .service import branch_gone_message, changed_since_message, read_only_message

        org = self._ctx.organization_id
        with self._ctx.db.transaction() as session:
            rows: dict[str, tuple[str, str | None, str, bool]] = {}
            for chunk in _chunks([member_id for member_id, _, _ in changes]):
                stmt = select(
                    Member.id, Member.full_name, Member.branch_id, Member.status,
                    Member.deleted_at,
                ).where(Member.organization_id == org, Member.id.in_(chunk))  # fmt: skip
                for member_id, name, branch_id, status, deleted_at in session.execute(stmt):
                    rows[member_id] = (name, branch_id, status, deleted_at is not None)
            live = set(session.scalars(select(Branch.id).where(is_live(Branch, org))))
            for member_id, expected, put in changes:
                name, branch_id, status, deleted = rows[member_id]
                if deleted:
                    raise ConflictError(
                        f"Đoàn viên {name} đã bị xóa sau đó: giữ nguyên, không chuyển chi đoàn."
                    )
                if is_read_only(status):
                    raise ConflictError(read_only_message(name, status))
                if branch_id != expected:
                    raise ConflictError(changed_since_message("đoàn viên", name))
                if put is not None and put not in live:
                    raise ConflictError(branch_gone_message(name))
            _set_branches(session, org, [(member_id, put) for member_id, _, put in changes])

    def delete(self, branch_id: str) -> None:
        """Remove an empty chi đoàn (:meth:`delete_undoable`, whose rules hold)."""
        self.delete_undoable(branch_id)

    def delete_undoable(self, branch_id: str) -> DeletedBranch:
        """Remove an empty chi đoàn (one with members must be merged instead). Its deleted
        members (:meth:`deleted_members`) are left in no chi đoàn: one restored later is among
        those with no chi đoàn, not in one that no longer exists. Returns what
        :meth:`bring_back_deleted` undoes."""
        from sqlalchemy import func, select, update

        from ..storage.models import Member, utc_now

        with self._ctx.db.transaction() as session:
            row = self._get(session, branch_id)
            members, read_only = session.execute(
                select(func.count(), func.count().filter(Member.status.in_(READ_ONLY_STATUSES)))
                .where(Member.branch_id == branch_id, is_live(Member))
            ).one()  # fmt: skip
            if members:
                raise ConflictError(undeletable_message(row.name, members, read_only))
            left = tuple(
                session.scalars(select(Member.id).where(self._deleted_members_of(branch_id)))
            )
            session.execute(
                update(Member).where(self._deleted_members_of(branch_id)).values(branch_id=None)
            )
            row.deleted_at = utc_now()
            return DeletedBranch(branch_id, row.name, left)

    def bring_back_deleted(self, deleted: DeletedBranch) -> None:
        """Undo :meth:`delete_undoable`: the chi đoàn back, with its deleted members still deleted
        and in no chi đoàn (one restored since stays where it is); refused
        (:class:`ConflictError`) when another chi đoàn took its name since."""
        from sqlalchemy import update

        from ..storage.models import Member

        org = self._ctx.organization_id
        with self._ctx.db.transaction() as session:
            row = self._revive(
                session, deleted.branch_id, deleted.name, "không khôi phục được chi đoàn"
            )
            for chunk in _chunks(deleted.deleted_members):
                session.execute(
                    update(Member)
                    .where(
                        Member.organization_id == org,
                        Member.id.in_(chunk),
                        Member.deleted_at.is_not(None),
                        Member.branch_id.is_(None),
                    )
                    .values(branch_id=row.id)
                )

    def _revive(self, session: Session, branch_id: str, name: str, refused: str) -> Branch:
        """Bring back the deleted chi đoàn ``branch_id`` (an undone create or delete): refused
        (:class:`ConflictError`) when it is not deleted any more, or another took its name
        since ("Đã có chi đoàn tên “…” (thêm sau đó): ``refused`` “…”.")."""
        from ..storage.models import Branch

        row = session.get(Branch, branch_id)
        if row is None or row.organization_id != self._ctx.organization_id or not row.deleted_at:
            raise ConflictError(f"Chi đoàn “{name}” đã thay đổi sau đó.")
        other = self._named(session, row.name, row.id)
        if other is not None:
            raise ConflictError(
                f"Đã có chi đoàn tên “{other.name}” (thêm sau đó): {refused} “{row.name}”."
            )
        row.deleted_at = None
        return row

    def _get(self, session: Session, branch_id: str) -> Branch:
        from ..storage.models import Branch

        return get_live(
            session, Branch, branch_id, self._ctx.organization_id,
            "Không tìm thấy chi đoàn (có thể đã bị gộp hoặc xóa).",
        )  # fmt: skip


def leave_gone_branches(session: Session, organization_id: str, member_ids: Sequence[str]) -> None:
    """Put the members ``member_ids`` whose chi đoàn was deleted or merged away in no chi đoàn:
    members restored from data written before :meth:`BranchService.merge` and
    :meth:`~BranchService.delete` took the deleted members along."""
    from sqlalchemy import select, update

    from ..storage.models import Branch, Member

    live_branches = select(Branch.id).where(is_live(Branch, organization_id))
    for chunk in _chunks(member_ids):
        session.execute(
            update(Member)
            .where(
                Member.organization_id == organization_id,
                Member.id.in_(chunk),
                Member.branch_id.is_not(None),
                Member.branch_id.not_in(live_branches),
            )
            .values(branch_id=None)
        )


def secretary_rows(
    session: Session, organization_id: str, *where: ColumnElement[bool]
) -> list[tuple[str, str, str, str | None]]:
    """The members of the active roster (one who left or came of age holds no post) whose
    position is Bí thư and who match any of ``where``: (id, sort key, name, chi đoàn id)."""
    from sqlalchemy import or_, select

    from ..storage.models import Member

    stmt = select(
        Member.id, Member.sort_key, Member.full_name, Member.position, Member.branch_id
    ).where(
        is_live(Member, organization_id),
        Member.status.in_(ACTIVE_STATUSES),
        Member.position.is_not(None),
        or_(*where),
    )
    return [
        (member_id, key, name, branch_id)
        for member_id, key, name, position, branch_id in session.execute(stmt)
        if position_of(position or "") == SECRETARY
    ]


def _chunks(ids: Sequence[str], size: int = 900) -> Iterator[Sequence[str]]:
    """``ids`` in slices within SQLite's bound-parameter limit."""
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _set_branches(
    session: Session, organization_id: str, changes: Sequence[tuple[str, str | None]]
) -> None:
    """Put each member (id, chi đoàn) into their chi đoàn: one UPDATE per chi đoàn and slice."""
    from sqlalchemy import update

    from ..storage.models import Member

    by_branch: dict[str | None, list[str]] = {}
    for member_id, branch_id in changes:
        by_branch.setdefault(branch_id, []).append(member_id)
    for branch_id, member_ids in by_branch.items():
        for chunk in _chunks(member_ids):
            session.execute(
                update(Member)
                .where(Member.organization_id == organization_id, Member.id.in_(chunk))
                .values(branch_id=branch_id)
            )
