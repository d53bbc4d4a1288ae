"""What every service of one open workspace shares: the database and the organisation id."""

from __future__ import annotations

from .db import Database
from .errors import ConflictError

OWN_ORGANIZATION_KEY = "organization_id"


class WorkspaceContext:
    """The open database and which organisation is this installation's own."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._organization_id = db.get_meta(OWN_ORGANIZATION_KEY)
        self.roster_generation = 0

    def roster_changed(self) -> None:
        """Every write to members or branches calls this so cached roster indexes are rebuilt."""
        self.roster_generation += 1

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
