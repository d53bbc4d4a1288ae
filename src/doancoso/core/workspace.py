"""The facade over one data folder: the GUI and the CLI reach the core only through it.

``Workspace.open(data_dir)`` opens (creating or upgrading) the database and exposes the
services: ``ws.organization``, ``ws.branches``, ``ws.members``, ``ws.events`` (member
lifecycle), ``ws.youth`` (youth register), ``ws.statistics``. Services take and return
plain values; no database session leaves the core.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from . import demo
from .branches import BranchService
from .context import WorkspaceContext
from .db import Database
from .lifecycle import EventService
from .organization import OrganizationService
from .roster import MemberService
from .spreadsheets import SpreadsheetService
from .statistics import StatisticsService
from .youth import YouthService

DATABASE_FILE = "doancoso.sqlite"


class Workspace:
    """One open data folder and its services."""

    def __init__(self, data_dir: Path, db: Database) -> None:
        self.data_dir = data_dir
        self.db = db
        self._ctx = WorkspaceContext(db)
        self.organization = OrganizationService(self._ctx)
        self.branches = BranchService(self._ctx)
        self.members = MemberService(self._ctx)
        self.spreadsheets = SpreadsheetService(self._ctx, self.members)
        self.events = EventService(self._ctx, self.members)
        self.youth = YouthService(self._ctx, self.members, self.events)
        self.statistics = StatisticsService(self._ctx)

    @classmethod
    def open(cls, data_dir: Path) -> Workspace:
        data_dir.mkdir(parents=True, exist_ok=True)
        return cls(data_dir, Database.open(data_dir / DATABASE_FILE))

    @property
    def has_organization(self) -> bool:
        return self._ctx.has_organization

    def generate_demo(
        self, members: int = 300, seed: int = 1, progress: Callable[[int, int], None] | None = None
    ) -> int:
        """Fill the workspace with a realistic demo organisation (see :mod:`.demo`)."""
        return demo.generate(self._ctx, members=members, seed=seed, progress=progress)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
