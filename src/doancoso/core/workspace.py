"""The facade over one data folder: the GUI and the CLI reach the core only through it.

``Workspace.open(data_dir)`` opens (creating or upgrading) the database and exposes the
services: ``ws.organization``, ``ws.branches``, ``ws.members``, ``ws.events`` (member
lifecycle), ``ws.youth`` (youth register), ``ws.youth_import`` (its Excel/CSV import),
``ws.statistics``, ``ws.plans`` (the yearly work plan), ``ws.activities`` (the calendar),
``ws.attendance``, ``ws.participation``,
``ws.evidence`` (attached files), ``ws.rating`` (the annual rating of members),
``ws.rating_sheets`` (its Excel sheet out and back),
``ws.recognition`` (the "3 chủ động" checklist), ``ws.registers`` (advice and coordination),
``ws.backups``, ``ws.bundles`` (bundles on a USB stick). Services take and return
plain values; no database session leaves the core.

The services the first screen needs (organisation, branches, members) are made at once; the
others, and the SQLAlchemy models behind them, on first use (:meth:`Workspace.load_everything`
loads them ahead of time, e.g. once the GUI's window is shown).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from .bundle.labels import FIELD_LABELS
from .changes import EVERYTHING, NOTHING, REPLACED, ChangeLog, Changes
from .context import WorkspaceContext
from .organization import OrganizationService
from .roster.branches import BranchService
from .roster.service import MemberService
from .storage.db import DamagedDatabaseError, Database
from .storage.folder import DATABASE_FILE as DATABASE_FILE  # tests take the file name from here
from .storage.folder import ReadOnlyData, check_data_folder
from .storage.lengths import name_fields

if TYPE_CHECKING:
    from datetime import date

    from .activities.attendance import AttendanceService
    from .activities.participation import ParticipationService
    from .activities.service import ActivityService
    from .backup.check import CheckReport
    from .backup.restore import RestoreResult
    from .backup.service import BackupService
    from .bundle.service import BundleService
    from .evidence.service import EvidenceService
    from .lifecycle.service import EventService
    from .plans.service import PlanService
    from .rating.service import RatingService
    from .rating.sheet import RatingSheetService
    from .recognition.registers import RegisterService
    from .recognition.service import RecognitionService
    from .roster.spreadsheets import SpreadsheetService
    from .statistics.service import StatisticsService
    from .youth.service import YouthService
    from .youth.sheet_import import YouthImportService


_LAZY_SERVICES = (
    "spreadsheets", "events", "youth", "statistics", "backups", "plans", "activities",
    "attendance", "participation", "evidence", "rating", "rating_sheets", "recognition",
    "registers", "bundles", "youth_import",
)  # fmt: skip
"""The services made on first use (:meth:`Workspace.load_everything` makes them at once)."""

name_fields(FIELD_LABELS)  # storage's refusal of a text too long says the forms' words


class Workspace:
    """One open data folder and its services."""

    def __init__(self, data_dir: Path, db: Database) -> None:
        self.data_dir = data_dir
        self.db = db
        self._ctx = WorkspaceContext(db)
        self.organization = OrganizationService(self._ctx)
        self.branches = BranchService(self._ctx)
        self.members = MemberService(self._ctx)

    @cached_property
    def spreadsheets(self) -> SpreadsheetService:
        from .roster.spreadsheets import SpreadsheetService

        return SpreadsheetService(self._ctx, self.members)

    @cached_property
    def events(self) -> EventService:
        from .lifecycle.service import EventService

        return EventService(self._ctx, self.members)

    @cached_property
    def youth(self) -> YouthService:
        from .youth.service import YouthService

        return YouthService(self._ctx, self.members, self.events)

    @cached_property
    def youth_import(self) -> YouthImportService:
        """The youth register's import from Excel/CSV (beside ``spreadsheets``, the roster's)."""
        from .youth.sheet_import import YouthImportService

        return YouthImportService(self._ctx)

    @cached_property
    def statistics(self) -> StatisticsService:
        from .statistics.service import StatisticsService

        return StatisticsService(self._ctx)

    @cached_property
    def plans(self) -> PlanService:
        from .plans.service import PlanService

        return PlanService(self._ctx)

    @cached_property
    def activities(self) -> ActivityService:
        from .activities.service import ActivityService

        return ActivityService(self._ctx)

    @cached_property
    def attendance(self) -> AttendanceService:
        from .activities.attendance import AttendanceService

        return AttendanceService(self._ctx)

    @cached_property
    def participation(self) -> ParticipationService:
        from .activities.participation import ParticipationService

        return ParticipationService(self._ctx)

    @cached_property
    def rating(self) -> RatingService:
        from .rating.service import RatingService

        return RatingService(self._ctx, self.participation)

    @cached_property
    def rating_sheets(self) -> RatingSheetService:
        """The round's Excel sheet out and back (:mod:`.rating.sheet`)."""
        from .rating.sheet import RatingSheetService

        return RatingSheetService(self._ctx, self.rating)

    @cached_property
    def recognition(self) -> RecognitionService:
        from .recognition.service import RecognitionService

        return RecognitionService(self._ctx, self.evidence)

    @cached_property
    def registers(self) -> RegisterService:
        from .recognition.registers import RegisterService

        return RegisterService(self._ctx)

    @cached_property
    def evidence(self) -> EvidenceService:
        from .evidence.service import EvidenceService
        from .evidence.store import EvidenceStore

        return EvidenceService(self._ctx, EvidenceStore(self.data_dir))

    @cached_property
    def backups(self) -> BackupService:
        from .backup.service import BackupService

        return BackupService(self._ctx, self.data_dir)

    @cached_property
    def bundles(self) -> BundleService:
        from .bundle.service import BundleService

        return BundleService(self)

    def check(self, *, repair: bool = False) -> CheckReport:
        """Back up, then check the data (and repair the derived columns when asked)."""
        from .backup.check import check_data

        return check_data(self._ctx, self.data_dir, repair=repair)

    def restore(self, backup: Path) -> RestoreResult:
        """Put ``backup`` in place of this folder's data (see
        :func:`~.backup.restore.restore_backup`: checked first, what it replaces backed up),
        then open them again: every service and cache starts afresh and the change log says
        that anything may have changed, wholesale (the GUI forgets its undo history). Returns
        what the restore did (the backup of the data it replaced, among others)."""
        from .backup.restore import restore_backup

        self.db.require_writable()
        self.db.close()
        restored: RestoreResult | None = None
        try:
            restored = restore_backup(self.data_dir, backup)
        finally:  # restored or not, the workspace is usable again
            log = self.db.changes
            self.db = Database.open(self.data_dir / DATABASE_FILE, self.db.read_only)
            self.db.changes = log
            # Refused, the data are as they were (the caches reload all the same).
            self.db.changes.record(REPLACED if restored is not None else EVERYTHING)
            self._ctx = WorkspaceContext(self.db)
            self.organization = OrganizationService(self._ctx)
            self.branches = BranchService(self._ctx)
            self.members = MemberService(self._ctx)
            for name in _LAZY_SERVICES:
                self.__dict__.pop(name, None)  # made again on first use, over the new data
        assert restored is not None  # else restore_backup raised, through the finally
        return restored

    def load_everything(self) -> None:
        """Import and make everything that is otherwise made on first use (SQLAlchemy, the
        models, every service), so that no later action waits for it."""
        self.db.engine  # noqa: B018 - makes the engine
        for service in _LAZY_SERVICES:
            getattr(self, service)

    @classmethod
    def open(
        cls, data_dir: Path, *, create: bool = True, read_only: ReadOnlyData | None = None
    ) -> Workspace:
        """Open the data folder ``data_dir``; ``create``: make the folder and the database if
        they are missing (the app, ``init``, ``demo``). Without it (a command that only reads),
        a folder with no data is refused with the way to set it up, and nothing is created.

        Data that can only be read (a write-protected stick, a read-only folder or file) open
        for reading: :attr:`read_only` says why, and every write is refused with that message.
        ``read_only``: open them so even when they could be written (a second window of the
        app, only to look), unless the folder has a reason of its own."""
        read_only = check_data_folder(data_dir, create=create) or read_only
        try:
            return cls(data_dir, Database.open(data_dir / DATABASE_FILE, read_only))
        except DamagedDatabaseError as exc:
            from .backup.store import BACKUP_FOLDER, recovery_advice, restore_hint

            advice, exc.backup = recovery_advice(data_dir / BACKUP_FOLDER)
            exc.in_window = f"{exc.message} {advice}"  # the window asks to restore it itself
            exc.message = f"{exc.in_window}{restore_hint(exc.backup, data_dir)}"
            exc.args = (exc.message,)
            raise

    @property
    def read_only(self) -> ReadOnlyData | None:
        """Why the data can only be read, or None when they can be written."""
        return self.db.read_only

    @property
    def has_organization(self) -> bool:
        return self._ctx.has_organization

    @property
    def changes(self) -> ChangeLog:
        """What every committed write changed, by generation (see :mod:`.changes`)."""
        return self.db.changes

    def check_external(self) -> Changes:
        """What another process (the CLI while the GUI is open) may have changed since the last
        check: ``EVERYTHING`` if it committed anything (every cache then reloads), else
        ``NOTHING``. Cheap (one pragma): call it before each operation and on focus."""
        if self.db.check_external():
            self._ctx.reload_organization()
            return EVERYTHING
        return NOTHING

    def check_files(self) -> frozenset[str]:
        """The evidence files found lost from the store or back in it since the last check
        (:meth:`~.evidence.service.EvidenceService.check_lost`: recorded as changes of the
        rows citing them), e.g. moved by hand while the app is open. Nothing before any file
        was read (the evidence service not made yet): no list shows one, and the first screen
        does not wait for SQLAlchemy."""
        if "evidence" not in self.__dict__:
            return frozenset()
        return self.evidence.check_lost()

    def generate_demo(
        self,
        members: int = 300,
        seed: int = 1,
        progress: Callable[[int, int], None] | None = None,
        today: date | None = None,
    ) -> int:
        """Fill the workspace with a realistic demo organisation (see :mod:`.demo.generator`),
        as it stands on ``today`` (the real today when None)."""
        from .demo import generator as demo

        return demo.generate(self._ctx, members=members, seed=seed, progress=progress,
                             today=today)  # fmt: skip

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
