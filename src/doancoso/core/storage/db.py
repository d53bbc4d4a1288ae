"""The SQLite database: opening, durability pragmas, migrations and revision stamping.

Opening follows DESIGN.md "Storage rules":
- a new (absent or empty) file is created from the models and stamped at the Alembic head;
- an older schema is first copied with the SQLite backup API into ``backups/``, then upgraded;
- a schema this version does not know (made by a newer app) is refused and left untouched:
  it is inspected through a read-only connection before any pragma can write to it;
- data that can only be read (a write-protected stick, a read-only folder or file: see
  :func:`.folder.check_data_folder`) are opened read-only (:meth:`Database.open_read_only`):
  no creation, upgrade, backup or WAL is attempted, and every write is refused with a message;
- a full disk or a file-size limit met while opening is said in Vietnamese (:mod:`.disk`), and
  the ``-wal`` and ``-shm`` files the attempt made are removed again.

How a file is looked at before it is opened (damage, schema version, unfinished writes) is in
:mod:`.inspection`.

SQLAlchemy takes longer to import (~0.35 s) than Qt takes to show a window, so it is imported on
first use: a database already at the head is opened with plain ``sqlite3``, and the reads of the
first screen (organisation, chi đoàn, roster) go through :meth:`Database.raw`. The GUI shows its
window first and loads the rest right after (``ui/shell/app.py``).
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import re
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..changes import EVERYTHING, ChangeLog
from ..errors import StorageError
from .disk import disk_errors
from .folder import ReadOnlyData, os_reason
from .inspection import (
    damage,
    move_aside,
    reading_uri,
    roll_back_hot_journal,
    unfinished_creation,
)
from .inspection import stored_revision as stored_revision

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection, Engine
    from sqlalchemy.orm import Session, sessionmaker

    from ..backup.store import BackupInfo


log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BACKUP_FOLDER = "backups"


# Alembic takes about 0.7 s to import (it loads every dialect), so it is imported only to
# create or upgrade a database. Opening a current one only needs the revision ids, read from
# the migration files themselves (a test checks this reading against Alembic's own).
_REVISION = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*[\"']([^\"']+)[\"']", re.MULTILINE)
_DOWN_REVISION = re.compile(
    r"^down_revision(?:\s*:[^=]*)?=\s*(?:None|[\"']([^\"']+)[\"'])", re.MULTILINE
)


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def _revision_graph() -> dict[str, str | None]:
    """Each migration's revision id mapped to the one it follows (None for the first)."""
    graph: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        source = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN_REVISION.search(source)
        if revision and down:
            graph[revision.group(1)] = down.group(1)
    return graph


def known_revisions() -> set[str]:
    return set(_revision_graph())


def head_revision() -> str:
    graph = _revision_graph()
    heads = set(graph) - set(graph.values())
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    # WAL: the GUI thread keeps reading while the single writer worker commits, and a crash
    # mid-write never corrupts the main file. synchronous=FULL makes every commit durable in WAL
    # mode too (NORMAL could lose the last commits on power loss, which old shared PCs see).
    # The live file stays on local disk; copies for other machines use the backup API.
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.close()


def _set_read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """For data that can only be read: no journal mode or durability to set (nothing is
    written), and ``query_only`` so that a write that slipped past the app's own refusal fails
    in SQLite too."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.execute("PRAGMA query_only = ON")
    cursor.close()


class DamagedDatabaseError(StorageError):
    """The database file is damaged; it was moved aside to ``moved_to`` (never deleted).
    :meth:`doancoso.core.workspace.Workspace.open` adds the backup to restore to the message."""

    def __init__(self, problem: str, moved_to: Path, details: str = "") -> None:
        super().__init__(
            f"Tệp dữ liệu bị hỏng ({problem}). Tệp hỏng đã được chuyển sang “{moved_to.name}” "
            "trong thư mục dữ liệu (không bị xóa).",
            details,
        )
        self.problem = problem
        self.moved_to = moved_to
        self.backup: BackupInfo | None = None  # the backup to restore, found by the workspace
        self.in_window = ""
        """The message without the command line's way to restore: the window asks itself."""


def _companions(path: Path) -> set[str]:
    """Which of ``path``'s ``-wal`` and ``-shm`` exist now."""
    return {suffix for suffix in ("-wal", "-shm") if Path(f"{path}{suffix}").exists()}


def _remove_new_companions(path: Path, before: set[str]) -> None:
    """Remove the ``-wal`` and ``-shm`` an open that failed made (a full disk): only ones that
    did not exist before and hold no commit (an empty WAL; the index is rebuilt from the WAL)."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    with contextlib.suppress(OSError):
        if "-wal" not in before and wal.exists() and wal.stat().st_size == 0:
            wal.unlink()
        if "-shm" not in before and shm.exists() and not wal.exists():
            shm.unlink()


def _quiet_alembic() -> None:
    """Alembic logs each step at INFO (ten lines for a new database): the log file keeps what a
    user or a maintainer needs, our own line about an upgrade among it."""
    logging.getLogger("alembic").setLevel(logging.WARNING)


@dataclass(frozen=True)
class _Snapshot:
    """The read transaction a thread holds inside :meth:`Database.snapshot`."""

    connection: Connection
    dbapi: sqlite3.Connection
    generation: int


class Database:
    """One open SQLite file: plain ``sqlite3`` connections for reads that must not wait for
    SQLAlchemy (:meth:`raw`), and the SQLAlchemy engine and sessions, made on first use."""

    def __init__(self, path: Path, read_only: ReadOnlyData | None = None) -> None:
        self.path = path
        self.read_only = read_only
        """Why the data can only be read (None when they can be written): every write is then
        refused with its message (:meth:`require_writable`)."""
        self._uri = reading_uri(path) if read_only is not None else ""
        self.installation_id = ""
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._lock = threading.Lock()
        self._local = threading.local()  # one plain connection per thread
        self._raw_connections: list[sqlite3.Connection] = []
        self.changes = ChangeLog()
        """What each committed transaction changed (see :mod:`doancoso.core.changes`)."""
        self._watch_lock = threading.RLock()  # our commits, their log entry, data_version
        self._watch: sqlite3.Connection | None = None
        self._seen_version = 0

    @classmethod
    def open(cls, path: Path, read_only: ReadOnlyData | None = None) -> Database:
        """Open ``path``, creating or upgrading it as DESIGN.md describes; ``read_only``: the
        data can only be read (see :meth:`open_read_only`).

        A new database is built under a temporary name and renamed into place, so a creation
        killed half-way leaves nothing under the real name. A damaged file (empty, not a
        database, failing SQLite's quick check) is moved aside and :class:`DamagedDatabaseError`
        raised: it is never replaced by an empty database, never written to. A full disk (or a
        file-size limit) raises :class:`StorageError` and leaves the folder as it was.
        """
        if read_only is not None:
            return cls.open_read_only(path, read_only)
        path.parent.mkdir(parents=True, exist_ok=True)
        before = _companions(path)
        try:
            with disk_errors(path.parent):
                return cls._open(path)
        except OSError as exc:
            _remove_new_companions(path, before)
            raise StorageError(
                f"Không ghi được dữ liệu vào thư mục “{path.parent}”: {os_reason(exc)}. "
                "Dữ liệu đã lưu không bị thay đổi.",
                repr(exc),
            ) from exc
        except BaseException:
            _remove_new_companions(path, before)
            raise

    @classmethod
    def _open(cls, path: Path) -> Database:
        roll_back_hot_journal(path)  # before anything reads it read-only
        if path.exists() and unfinished_creation(path):
            moved = move_aside(path, "chua-tao-xong")
            log.warning("an unfinished database creation was moved aside to %s", moved)
        if not path.exists():
            db = cls._create_new(path)
        else:
            found = damage(path)
            if found is not None:
                moved = move_aside(path, "hong")
                log.error("damaged database %s (%s) moved aside to %s", path, found[1], moved)
                raise DamagedDatabaseError(found[0], moved, found[1])
            revision = stored_revision(path)
            if revision is None:
                raise StorageError(
                    f"Tệp {path.name} không phải dữ liệu của ứng dụng Đoàn cơ sở; "
                    "ứng dụng không mở và không sửa tệp này."
                )
            if revision not in known_revisions():
                raise StorageError(
                    "Dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cài phiên bản mới "
                    "nhất để mở; dữ liệu được giữ nguyên, không bị thay đổi.",
                    f"stored revision {revision} unknown to this version",
                )
            if revision != head_revision():
                from ..backup.store import copy_database

                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                copy_database(
                    path, path.parent / BACKUP_FOLDER / f"truoc-nang-cap-{revision}-{stamp}.sqlite"
                )
                db = cls(path)
                db._upgrade()
            else:
                db = cls(path)
        try:
            db.installation_id = db._ensure_installation_id()
            db._seen_version = db._data_version()
        except BaseException:
            db.close()
            raise
        return db

    @classmethod
    def open_read_only(cls, path: Path, read_only: ReadOnlyData) -> Database:
        """Open ``path`` for reading only: nothing is created, moved, upgraded or backed up, no
        WAL is set, and every write is refused with ``read_only``'s message. A file that would
        need any of those to open is refused with what to do (copy the folder to the PC)."""
        copy_it = (
            "Hãy chép cả thư mục dữ liệu sang máy tính (hoặc gạt khóa ghi của USB) rồi mở lại; "
            "dữ liệu không bị thay đổi."
        )
        if not path.is_file():
            raise StorageError(f"Chưa có dữ liệu ở “{path.parent}”. {read_only.message}")
        reading_uri(path)  # a WAL that cannot be read is said before anything else
        found = damage(path)
        if found is not None:
            raise StorageError(
                f"Tệp dữ liệu bị hỏng ({found[0]}), và dữ liệu chỉ đọc nên ứng dụng không chuyển "
                f"được tệp hỏng sang bên để khôi phục bản sao lưu. {copy_it}",
                found[1],
            )
        revision = stored_revision(path)
        if revision is None:
            raise StorageError(
                f"Tệp {path.name} không phải dữ liệu của ứng dụng Đoàn cơ sở; "
                "ứng dụng không mở và không sửa tệp này."
            )
        if revision not in known_revisions():
            raise StorageError(
                "Dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cài phiên bản mới "
                "nhất để mở; dữ liệu được giữ nguyên, không bị thay đổi.",
                f"stored revision {revision} unknown to this version",
            )
        if revision != head_revision():
            raise StorageError(
                "Dữ liệu được tạo bởi phiên bản cũ hơn của ứng dụng và cần được nâng cấp, nhưng "
                f"dữ liệu chỉ đọc nên không nâng cấp được ({read_only.reason}). {copy_it}",
                f"stored revision {revision}, read-only",
            )
        db = cls(path, read_only)
        try:
            db.installation_id = db.get_meta("installation_id") or ""
            db._seen_version = db._data_version()
        except BaseException:
            db.close()
            raise
        log.info("opened %s read-only: %s", path, read_only.reason)
        return db

    def require_writable(self) -> None:
        """Raise the read-only data's error (see :attr:`read_only`) before any write."""
        if self.read_only is not None:
            raise self.read_only.error(f"write refused: {self.path} is read-only")

    @property
    def source_uri(self) -> str:
        """The URI a copy (a backup to a USB stick) reads this database through."""
        return self._uri or f"{self.path.resolve().as_uri()}?mode=ro"

    def _connect(self) -> sqlite3.Connection:
        """A plain connection with this database's pragmas (read-only ones when it is)."""
        if self.read_only is not None:
            conn = sqlite3.connect(
                self._uri, uri=True, isolation_level=None, check_same_thread=False
            )
            _set_read_only_pragmas(conn, None)
            return conn
        # check_same_thread=False only so that close() may close it from another thread.
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            _set_pragmas(conn, None)
        except BaseException:
            conn.close()
            raise
        return conn

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy imported) on first use."""
        with self._lock:
            if self._engine is None:
                self._engine, self._sessions = self._make_engine()
            return self._engine

    def _make_engine(self) -> tuple[Engine, sessionmaker[Session]]:
        from sqlalchemy import create_engine, event
        from sqlalchemy.orm import sessionmaker

        from . import lengths, tracking

        if self.read_only is not None:
            uri = self._uri
            engine = create_engine(
                f"sqlite:///{self.path}",
                creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            )
            event.listen(engine, "connect", _set_read_only_pragmas)
        else:
            engine = create_engine(f"sqlite:///{self.path}")
            event.listen(engine, "connect", _set_pragmas)
        event.listen(engine, "before_cursor_execute", tracking.note_statement)
        sessions = sessionmaker(engine, expire_on_commit=False)
        # a text longer than its column takes refused before anything is stamped or written
        event.listen(sessions, "before_flush", lambda s, _c, _i: lengths.check_flush(s))
        event.listen(sessions, "do_orm_execute", lengths.check_bulk_write)
        event.listen(
            sessions,
            "before_flush",
            lambda s, _c, _i: tracking.stamp_flush(self.installation_id, s),
        )
        event.listen(sessions, "after_flush", tracking.track_flush)
        event.listen(
            sessions, "do_orm_execute", lambda st: tracking.on_orm_execute(self.installation_id, st)
        )
        return engine, sessions

    @classmethod
    def _create_new(cls, path: Path) -> Database:
        """A new database at ``path``: made complete under a temporary name, then renamed."""
        _quiet_alembic()
        temp = path.with_name(f".{path.name}.new")
        for suffix in ("", "-wal", "-shm", "-journal"):  # what a killed creation left
            Path(f"{temp}{suffix}").unlink(missing_ok=True)
        building = cls(temp)
        try:
            try:
                from alembic import command

                from .models import Base

                with building.engine.begin() as conn:
                    Base.metadata.create_all(conn)
                    cfg = alembic_config()
                    cfg.attributes["connection"] = conn
                    command.stamp(cfg, "head")
            finally:
                building.close()  # checkpoints the WAL into the file
            with open(temp, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(temp, path)
        except BaseException:  # a full disk: the half-made file is not left behind
            for suffix in ("", "-wal", "-shm", "-journal"):
                with contextlib.suppress(OSError):
                    Path(f"{temp}{suffix}").unlink(missing_ok=True)
            raise
        for suffix in ("-wal", "-shm"):  # empty after the checkpoint; never the new file's
            Path(f"{temp}{suffix}").unlink(missing_ok=True)
        return cls(path)

    @classmethod
    def upgrade_copy(cls, path: Path) -> None:
        """Upgrade ``path``, a copy that is not live (a backup being restored), to the head
        schema; without the pre-upgrade copy of :meth:`open`, since the original stays where it
        was. Leaves no ``-wal`` beside it."""
        db = cls(path)
        try:
            db._upgrade()
        finally:
            db.close()
        for suffix in ("-wal", "-shm"):  # empty after the checkpoint of close()
            Path(f"{path}{suffix}").unlink(missing_ok=True)

    def _upgrade(self) -> None:
        log.info("upgrading %s to %s", self.path, head_revision())
        _quiet_alembic()
        from alembic import command

        with self.engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def current_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def _ensure_installation_id(self) -> str:
        value = self.get_meta("installation_id")
        if value is None:
            import uuid  # only once per database

            value = str(uuid.uuid4())
            with self.raw() as cursor:
                cursor.execute(
                    "INSERT INTO app_meta (key, value) VALUES ('installation_id', ?)", (value,)
                )
        return value

    def get_meta(self, key: str) -> str | None:
        with self.raw() as cursor:
            row = cursor.execute("SELECT value FROM app_meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    @contextlib.contextmanager
    def raw(self) -> Iterator[sqlite3.Cursor]:
        """A plain ``sqlite3`` cursor, for reads that must be fast or must not wait for
        SQLAlchemy to load. Autocommit: each statement sees every committed write (inside
        :meth:`snapshot`: the snapshot's connection, seeing the database as it was then)."""
        held: _Snapshot | None = getattr(self._local, "snapshot", None)
        conn: sqlite3.Connection | None = (
            held.dbapi if held is not None else getattr(self._local, "connection", None)
        )
        if conn is None:
            conn = self._connect()
            with self._lock:
                self._raw_connections.append(conn)
            self._local.connection = conn
        cursor = conn.cursor()
        try:
            yield cursor
        finally:
            cursor.close()  # also ends the statement, so no read snapshot stays open

    def _session(self) -> Session:
        self.engine  # noqa: B018 - makes the session factory on first use
        assert self._sessions is not None
        return self._sessions()

    @contextlib.contextmanager
    def transaction(self, *, bulk: bool = False) -> Iterator[Session]:
        """One user action: everything commits together or nothing does.

        What it wrote is collected as it goes (:mod:`.tracking`) and, once committed, recorded
        in :attr:`changes`: writers never announce their changes themselves. ``bulk``: the
        action writes many records at once and cannot be undone (an import, a round closed…);
        its changes say so (:attr:`~doancoso.core.changes.Changes.bulk`), and the GUI's undo
        history is forgotten after it.
        """
        from .tracking import COLLECTOR, WHOLESALE, Collector, collecting

        self.require_writable()
        collector = Collector()
        with disk_errors(self.path.parent), self._session() as session, collecting(collector):
            session.info[COLLECTOR] = collector
            session.begin()
            try:
                yield session
                session.flush()
                written = collector.changes()
                if session.info.get(WHOLESALE):
                    written = dataclasses.replace(written, wholesale=True)
                if bulk and written:  # a bulk action that changed nothing ends no undo
                    written = dataclasses.replace(written, bulk=True)
                # The commit and its entry in the log land together: a reader that takes this
                # lock (consistent_read) sees the database exactly at the log's generation.
                with self._watch_lock:
                    session.commit()
                    self.changes.record(written)
                    self._seen_version = self._data_version()
            except BaseException:
                session.rollback()
                raise

    @contextlib.contextmanager
    def consistent_read(self) -> Iterator[tuple[sqlite3.Cursor, int]]:
        """A plain cursor reading the database exactly as it was at the returned generation of
        :attr:`changes`, however many commits land meanwhile (a WAL read transaction begun
        while no commit can be recorded). Inside :meth:`snapshot`: the snapshot's."""
        pinned = self.pinned_generation()
        if pinned is not None:
            with self.raw() as cursor:
                yield cursor, pinned
            return
        with self.raw() as cursor:
            with self._watch_lock:
                generation = self.changes.generation
                cursor.execute("BEGIN")
                cursor.execute("SELECT 1 FROM app_meta LIMIT 1").fetchall()  # the snapshot
            try:
                yield cursor, generation
            finally:
                cursor.execute("COMMIT")

    def _data_version(self) -> int:
        """SQLite's ``PRAGMA data_version`` on a connection that never writes: it changes when
        any other connection (this process's included) commits."""
        with self._watch_lock:
            if self._watch is None and self.read_only is not None:
                self._watch = sqlite3.connect(
                    self._uri, uri=True, isolation_level=None, check_same_thread=False
                )
            elif self._watch is None:
                self._watch = sqlite3.connect(
                    self.path, isolation_level=None, check_same_thread=False
                )
            return int(self._watch.execute("PRAGMA data_version").fetchone()[0])

    def check_external(self) -> bool:
        """Whether another process (the CLI while the GUI is open) committed since the last
        check or the last commit of ours; if so, :attr:`changes` records that anything may have
        changed, so every cache reloads. (A commit of another process that lands in the instant
        between one of ours and the read that follows it is seen with the next one.)"""
        with self._watch_lock:
            version = self._data_version()
            if version == self._seen_version:
                return False
            self._seen_version = version
            self.changes.record(EVERYTHING)
            return True

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        held: _Snapshot | None = getattr(self._local, "snapshot", None)
        if held is not None:
            assert self._sessions is not None
            # The session only joins the snapshot's transaction: closing it leaves it open.
            with self._sessions(bind=held.connection,
                                join_transaction_mode="rollback_only") as session:  # fmt: skip
                yield session
            return
        with self._session() as session:
            yield session

    # One read of the whole database ---------------------------------------------------------

    def pinned_generation(self) -> int | None:
        """The generation of :attr:`changes` this thread reads at, inside :meth:`snapshot`;
        None outside one. A cache kept at another generation is not to be used then."""
        held: _Snapshot | None = getattr(self._local, "snapshot", None)
        return None if held is None else held.generation

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[int]:
        """Every read of this thread inside (:meth:`read`, :meth:`raw`,
        :meth:`consistent_read`) sees the database exactly as it was at the returned
        generation of :attr:`changes`, whatever other connections commit meanwhile: one WAL
        read transaction on one connection, begun while no commit of ours can be recorded.
        Made for a document built from many reads (the recognition dossier), whose figures
        must all be those of one moment. Writes are refused inside (``query_only``); a write
        of another thread or connection goes on and is not seen. Nested: the outer one holds.
        """
        held: _Snapshot | None = getattr(self._local, "snapshot", None)
        if held is not None:
            yield held.generation
            return
        with self.engine.connect() as connection:
            # The transaction SQLAlchemy knows of (pysqlite begins nothing itself), so that a
            # session joining it leaves it open; the real one is begun below.
            connection.begin()
            dbapi = connection.connection.dbapi_connection
            assert isinstance(dbapi, sqlite3.Connection)
            cursor = dbapi.cursor()
            try:
                cursor.execute("PRAGMA query_only = ON")
                with self._watch_lock:
                    generation = self.changes.generation
                    cursor.execute("BEGIN")
                    cursor.execute("SELECT 1 FROM app_meta LIMIT 1").fetchall()  # the snapshot
                self._local.snapshot = _Snapshot(connection, dbapi, generation)
                try:
                    yield generation
                finally:
                    self._local.snapshot = None
                    dbapi.rollback()
            finally:
                if self.read_only is None:
                    cursor.execute("PRAGMA query_only = OFF")
                cursor.close()
            connection.rollback()

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        if self.read_only is None:
            with contextlib.suppress(sqlite3.Error), self.raw() as cursor:
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with self._lock:
            for conn in self._raw_connections:
                conn.close()
            self._raw_connections.clear()
        with self._watch_lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
        self._local = threading.local()
