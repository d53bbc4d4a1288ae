"""What every service of one open workspace shares: the database and the organisation id."""

from __future__ import annotations

from .errors import ConflictError
from .storage.db import Database
from .storage.folder import SETUP_HINT

OWN_ORGANIZATION_KEY = "organization_id"
ROSTER_TABLES = ("members", "branches", "member_events")


class WorkspaceContext:
    """The open database and which organisation is this installation's own."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._organization_id = db.get_meta(OWN_ORGANIZATION_KEY)

    @property
    def roster_generation(self) -> int:
        """The generation of the last change to the roster (members, chi đoàn, events): a
        preview made at another generation is out of date."""
        return self.db.changes.last_touch(*ROSTER_TABLES)

    @property
    def has_organization(self) -> bool:
        return self._organization_id is not None

    @property
    def organization_id(self) -> str:
        if self._organization_id is None:
            raise ConflictError(f"Chưa thiết lập thông tin Đoàn cơ sở. {SETUP_HINT}")
        return self._organization_id

    def reload_organization(self) -> None:
        """Read which organisation is ours again (another process may have run ``init``)."""
        self._organization_id = self.db.get_meta(OWN_ORGANIZATION_KEY)

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
            raise ConflictError(f"Chưa thiết lập thông tin Đoàn cơ sở. {SETUP_HINT}")
        return int(row[0])
