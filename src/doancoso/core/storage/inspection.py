"""Looking at a database file without changing it: whether it is damaged, which schema it
holds, whether writes lie beside it unfinished (a ``-wal`` with commits, a hot ``-journal``), and
how to read it when it can only be read.

Every function here opens the file read-only (or, for a hot journal, lets SQLite's own crash
recovery run): :class:`~.db.Database` calls them before it opens a file for good, restore and
the backups before they trust one.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from ..errors import StorageError

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"


UNREADABLE = (sqlite3.Error, UnicodeDecodeError)
"""What reading a damaged file can raise: SQLite's errors, and ``UnicodeDecodeError`` when
SQLite's message quotes damaged bytes (Python decodes every message as UTF-8)."""


def inspecting(uri: str) -> sqlite3.Connection:
    """A connection (``uri`` is a ``file:`` URI) for looking at a file that may be damaged or
    foreign: text that is not UTF-8 (a damaged name, SQLite's own report of a damaged page) is
    read with replacement characters rather than raising ``UnicodeDecodeError``."""
    conn = sqlite3.connect(uri, uri=True)
    conn.text_factory = lambda data: data.decode("utf-8", "replace")
    return conn


def unfinished_writes(path: Path) -> str | None:
    """Which file beside ``path`` holds writes not yet in it: a ``-wal`` with commits (a close
    that did not checkpoint), or a hot ``-journal`` (:func:`hot_journal`: a writer killed in
    the middle of a transaction in rollback-journal mode, which SQLite rolls back at its next
    read-write open); None when there is neither."""
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return "-wal"
    return "-journal" if hot_journal(path) else None


def hot_journal(path: Path) -> bool:
    """Whether the ``-journal`` beside ``path`` is hot as SQLite judges it (``hasHotJournal``
    in its pager; "hot journal" in its file format's documentation): there, and its first byte
    not zero. An empty one, or one whose header was zeroed (how a transaction ends in
    ``journal_mode=PERSIST``), holds nothing to roll back: SQLite ignores it. One that cannot be
    read is taken as hot: writes may be pending in it."""
    try:
        with open(f"{path}-journal", "rb") as handle:
            return handle.read(1) not in (b"", b"\x00")
    except FileNotFoundError:
        return False
    except OSError:
        return True


def read_only_uri(path: Path) -> str:
    # A read-only connection to a WAL-mode file still creates -wal and -shm beside it; with
    # immutable=1 SQLite creates nothing. That is only right when nothing beside the file holds
    # writes not yet in it (a clean close leaves nothing): immutable=1 would read the file
    # without them, half a transaction if a -journal is hot.
    pending = unfinished_writes(path) is not None
    return f"{path.resolve().as_uri()}?mode=ro" + ("" if pending else "&immutable=1")


def roll_back_hot_journal(path: Path) -> None:
    """SQLite's own crash recovery of a hot ``-journal`` beside ``path``: a read-write
    connection's first read rolls the killed transaction back; a read-only one cannot (it says
    "attempt to write a readonly database"), so without this a sound file would be taken for a
    damaged one. A file SQLite cannot read is left to :func:`damage` to describe. What was done
    is logged as it was: a journal that is not hot (its header zeroed) is left alone, and one
    still hot after the read (a writer's lock held on it) was not rolled back."""
    journal = Path(f"{path}-journal")
    if not hot_journal(path):
        if journal.is_file() and journal.stat().st_size > 0:
            log.info(
                "left %s alone: its header is zeroed (a transaction ended in persistent-journal "
                "mode), SQLite ignores it: nothing rolled back",
                journal,
            )
        return
    try:
        conn = sqlite3.connect(path)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except UNREADABLE as exc:
        log.warning("could not roll back the journal beside %s: %s", path, exc)
    else:
        if hot_journal(path):
            log.warning("%s is still hot after a read of %s: nothing rolled back", journal, path)
        else:
            log.warning("rolled back the transaction a killed writer left in %s", journal)


# What SQLite says when a read-only connection cannot set up the WAL index (-shm) beside a
# WAL-mode file: the folder cannot hold it.
_NO_WAL_INDEX = ("SQLITE_READONLY", "SQLITE_CANTOPEN")


def reading_uri(path: Path) -> str:
    """The URI that opens ``path`` for reading only, for as long as the data stay open.

    ``mode=ro`` reads through the WAL and sees the commits of any other process. In a folder
    that cannot hold the WAL index (a write-protected stick, a folder without write permission)
    SQLite cannot open a WAL-mode file that way; ``immutable=1`` then reads it without any WAL,
    lock or file of its own: right for a write-protected stick, which nothing can change (for a
    folder read-only to this account only, see RELIABILITY.md's known gaps). If a WAL still holds
    commits (the app was not closed properly before the stick was write-protected), they cannot
    be read that way: refused, with what to do.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = inspecting(uri)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return uri
        finally:
            conn.close()
    except UNREADABLE as exc:
        name = str(getattr(exc, "sqlite_errorname", ""))
        if not name.startswith(_NO_WAL_INDEX):
            return uri  # a damaged file: damage() says what is wrong with it
        pending = unfinished_writes(path)
        if pending is not None:
            raise StorageError(
                f"Không đọc được tệp dữ liệu “{path}”: lần trước ứng dụng chưa được đóng đúng "
                f"cách nên còn thay đổi dở dang nằm trong tệp “{pending}” bên cạnh, và thư mục "
                "chỉ cho phép đọc nên không xử lý được chúng. Hãy gạt khóa ghi của USB (hoặc "
                "chép cả thư mục dữ liệu sang máy tính) rồi mở lại; dữ liệu không bị thay đổi.",
                f"{name}: {exc}; a non-empty {pending}",
            ) from exc
        return f"{uri}&immutable=1"


def stored_revision(path: Path) -> str | None:
    """The schema revision of an existing file, read without changing it (None if not ours)."""
    try:
        conn = inspecting(read_only_uri(path))
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables:
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return str(row[0]) if row else None
        finally:
            conn.close()
    except UNREADABLE as exc:
        raise StorageError(
            f"Không đọc được tệp dữ liệu {path.name}: tệp bị hỏng hoặc không phải dữ liệu của "
            "ứng dụng.",
            str(exc),
        ) from exc


def damage(path: Path) -> tuple[str, str] | None:
    """What makes ``path`` unusable as a database (Vietnamese, then details for the log), read
    without changing it; None when it opens and passes SQLite's quick check (about 10 ms for
    5,000 members, 0.2 s for 100,000)."""
    size = path.stat().st_size
    if size == 0:
        return "tệp rỗng, 0 byte", "empty file"
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        return "không còn là tệp cơ sở dữ liệu", f"header {header!r}"
    try:
        conn = inspecting(read_only_uri(path))
        try:
            rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except UNREADABLE as exc:
        return "không đọc được", str(exc)
    if rows != ["ok"]:
        return "không vượt qua bước kiểm tra của SQLite", "; ".join(rows[:5])
    return None


def unfinished_creation(path: Path) -> bool:
    """A database an older version began to create and never finished (killed during ``init``):
    some of our tables, no schema version, not one organisation or member."""
    try:
        conn = inspecting(read_only_uri(path))
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" in tables or not tables & {"organizations", "members"}:
                return False
            return all(
                conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] == 0  # noqa: S608
                for t in tables & {"organizations", "members", "app_meta"}
            )
        finally:
            conn.close()
    except UNREADABLE:
        return False


def move_aside(path: Path, label: str) -> Path:
    """Rename ``path`` (and its -wal, -shm, -journal) to a dated name beside it; never deletes."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}-{label}-{stamp}{path.suffix}")
    for suffix in ("", "-wal", "-shm", "-journal"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{target}{suffix}"))
    return target
