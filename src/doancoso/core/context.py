"""What every service of one open workspace shares: the database and the organisation id."""

from __future__ import annotations

from collections.abc import Iterable

from .errors import ConflictError
from .storage.db import Database

OWN_ORGANIZATION_KEY = "organization_id"


class WorkspaceContext:
    """The open database and which organisation is this installation's own."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._organization_id = db.get_meta(OWN_ORGANIZATION_KEY)
        self.roster_generation = 0
        # What each generation changed: a set of member ids, or None for "anything may have".
        self._roster_changes: list[tuple[int, frozenset[str] | None]] = []

    def roster_changed(self, member_ids: Iterable[str] | None = None) -> None:
        """Every write to members, branches or events calls this so caches are refreshed.

        Naming the members that changed lets the roster index patch just those rows instead of
        reloading 100,000 (a save, a delete, an undo); without ids everything is reloaded.
        """
        self.roster_generation += 1
        changed = None if member_ids is None else frozenset(member_ids)
        self._roster_changes.append((self.roster_generation, changed))
        del self._roster_changes[:-64]  # older readers than this reload everything

    def roster_changes_since(self, generation: int) -> frozenset[str] | None:
        """The members changed after ``generation``, or None if that is not known exactly."""
        if generation < self.roster_generation and not any(
            gen == generation + 1 for gen, _ in self._roster_changes
        ):
            return None  # the log no longer reaches back that far
        changed: set[str] = set()
        for gen, ids in self._roster_changes:
            if gen > generation:
                if ids is None:
                    return None
                changed |= ids
        return frozenset(changed)

    @property
    def has_organization(self) -> bool:
        return self._organization_id is not None

    @property
    def organization_id(self) -> str:
        if self._organization_id is None:
            raise ConflictError("Chưa thiết lập thông tin Đoàn cơ sở. Hãy chạy thiết lập trước.")
        return self._organization_id

    def set_organization_id(self, organization_id: str) -> None:
        self._organization_id = organization_id

    def coming_of_age(self) -> int:
        """The organisation's coming-of-age age (a setting, 30 by default), read fresh: one
        indexed row, so the lists and counts that depend on it follow a change at once."""
        with self.db.raw() as cursor:
            row = cursor.execute(
                "SELECT coming_of_age FROM organizations WHERE id = ?", (self.organization_id,)
            ).fetchone()
        if row is None:
            raise ConflictError("Chưa thiết lập thông tin Đoàn cơ sở. Hãy chạy thiết lập trước.")
        return int(row[0])
