"""The backups of a data folder: taken with SQLite's backup API, checked before they count, named
by why and when they were taken, kept by rotation.

A backup is one SQLite file in ``backups/`` of the data folder, named
``<reason>-<yyyymmdd>-<hhmmss>.sqlite`` (the pre-upgrade copies keep their older name,
``truoc-nang-cap-<revision>-<yyyymmdd>-<hhmmss>.sqlite``). It is written under a temporary name,
checked with ``PRAGMA integrity_check``, flushed to disk, then renamed and its folder flushed: a
backup under its final name is whole and sound, and one cut short leaves nothing behind (one
killed leaves its temporary file, removed by the next backup into that folder). Never a copy
of the live file (its WAL may hold the latest commits).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import math
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from ..errors import AppError, StorageError
from ..lang.text import vn_number
from ..progress import SCALE, Report, Stages
from ..storage.db import BACKUP_FOLDER as BACKUP_FOLDER
from ..storage.disk import UNCHANGED, disk_error
from ..storage.files import NameNotFlushed, discard, remove_stale_temps, replace_flushed
from ..storage.folder import os_reason, write_remedy
from ..storage.inspection import (
    UNREADABLE,
    inspecting,
    read_only_uri,
    roll_back_hot_journal,
    unfinished_writes,
)
from ..storage.temp import session_folder

log = logging.getLogger(__name__)

REASONS = {
    "thu-cong": "Sao lưu theo yêu cầu",
    "hang-ngay": "Sao lưu hằng ngày",
    "khi-dong": "Khi đóng ứng dụng sau khi có thay đổi",
    "truoc-nhap": "Trước khi nhập danh sách",
    "truoc-nhap-goi": "Trước khi nhập tệp dữ liệu từ USB",
    "truoc-khoi-phuc": "Trước khi khôi phục một bản sao lưu",
    "truoc-kiem-tra": "Trước khi kiểm tra dữ liệu",
    "truoc-nang-cap": "Trước khi nâng cấp dữ liệu",
    "truoc-ket-thuc-xep-loai": "Trước khi kết thúc đợt xếp loại",
}
"""Why a backup was taken: the code in its file name and the words shown to the secretary."""

_NAME = re.compile(
    r"^(?P<reason>[a-z-]+?)(?:-(?P<revision>\d{4}))?-(?P<stamp>\d{8}-\d{6})\.sqlite$"
)
_KILLED_COPY = re.compile(r"\.[a-z-]+?(?:-\d{4})?-\d{8}-\d{6}\.sqlite\.tmp(?:-journal|-wal|-shm)?")
"""The temporary file of :func:`copy_database` (and SQLite's beside it) that a killed backup left:
removed by the next backup into that folder once :data:`STALE_AFTER` old."""
STALE_AFTER = 3600.0
"""Seconds: a backup's temporary file is not written while the copy is checked, which on a slow
stick may take many minutes: one an hour old is no running backup's."""

KEEP_DAYS, KEEP_WEEKS, KEEP_MONTHS = 7, 4, 12
BACKUP_PAGES = 256
"""Pages SQLite's backup API copies between two calls of a copy's ``check`` (1 MiB of 4 KiB
pages: a few milliseconds; a large database is copied in many steps, each a chance to stop)."""
COPY_SHARE = 250
"""The copy's share of a backup's progress (of :data:`~doancoso.core.progress.SCALE`), the
check of the copy the rest: ``integrity_check`` took 1.4 to 3.1 times as long as the copy on
the benches' databases (5,000 to 57,000 pages)."""
CHECK_STEPS_PER_PAGE = 0.5
"""Calls of SQLite's progress handler (one every ``interrupt.STEPS`` instructions) per page that
``integrity_check`` makes: 0.37 to 0.48 measured on the same databases. What the check's
progress is estimated by (never shown as done before it is)."""
_DEVICE_ERRORS = frozenset(
    {errno.EROFS, errno.EIO, errno.ENODEV, errno.ENXIO, errno.ENOSPC, errno.EDQUOT}
)
"""What a backup's write fails with when the stick is write-protected (EROFS), pulled out or
failing (EIO; ENODEV or ENXIO when the device itself is gone), or full (ENOSPC, EDQUOT: its
folder could not be made): said with :func:`~..storage.folder.write_remedy`'s advice."""
IN_USE_KEPT = "Dữ liệu đang dùng không bị thay đổi."
"""What every backup's refusal ends with (a disk's message too, in place of its "Dữ liệu đã lưu
không bị thay đổi"): a backup only reads the data in use."""
_NO_WAL_INDEX = ("SQLITE_READONLY", "SQLITE_CANTOPEN")
"""What SQLite says when it cannot make the WAL index (``-shm``) a file's ``-wal`` needs."""
SIZE_BUDGET = 2 * 1024**3
"""Backups beyond the rotation are dropped, oldest first, while they take more than this."""


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: when and why it was taken, its size, and what it holds."""

    path: Path
    taken_at: datetime
    reason: str
    size: int
    members: int | None  # live members in it; None when it cannot be read
    ok: bool  # passes SQLite's quick check

    @property
    def reason_label(self) -> str:
        return REASONS.get(self.reason, self.reason)


def evidence_folder(backup: Path) -> Path:
    """Where the evidence files of a backup written to a stick are: beside it, ``<name>.evidence``
    (a restore takes them in)."""
    return backup.with_name(backup.name + ".evidence")


def evidence_beside_text(backup: Path) -> str:
    """What a backup written to a stick says of its evidence folder ("" when it has none): the
    two go together to another PC."""
    folder = evidence_folder(backup)
    files = sum(1 for p in folder.iterdir() if p.is_file()) if folder.is_dir() else 0
    if not files:
        return ""
    return (
        f"{vn_number(files)} tệp minh chứng (ảnh, văn bản scan) nằm trong thư mục "
        f"“{folder.name}” bên cạnh: khi chép sang máy khác, hãy chép cả tệp sao lưu và thư mục này."
    )


def backup_name(reason: str, when: datetime) -> str:
    return f"{reason}-{when:%Y%m%d-%H%M%S}.sqlite"


def parse_name(path: Path) -> tuple[str, datetime] | None:
    """(reason, time taken) from a backup's file name, or None if it is not one of ours."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        when = datetime.strptime(match.group("stamp"), "%Y%m%d-%H%M%S")
    except ValueError:
        return None
    return match.group("reason"), when


def soundness(
    path: Path,
    *,
    full: bool = False,
    check: Callable[[], None] | None = None,
    report: Report | None = None,
) -> str | None:
    """None if ``path`` is a sound SQLite database of this app, else what is wrong (English,
    for the log). ``full``: ``integrity_check`` (every page and index) instead of the quick one.
    ``check``: asked while the check runs; what it raises (an import's "Hủy") stops the check
    and goes through. ``report(done, total)``: asked as ``check`` is, with how far the check
    got, estimated from the database's pages (:data:`CHECK_STEPS_PER_PAGE`); what it raises
    stops the check too.

    Its header must also say what this app always writes: a file SQLite may write (format
    versions 1 or 2: a higher one opens read-only, and a restored copy could never be changed
    again) holding UTF-8 text."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        return f"cannot read: {exc!r}"
    if len(header) == 100:  # a shorter file is refused by SQLite below
        if header[18] not in (1, 2) or header[19] not in (1, 2):
            return f"file format versions {header[18]}/{header[19]}: not writable by SQLite"
        if int.from_bytes(header[56:60], "big") not in (0, 1):
            return f"text encoding {int.from_bytes(header[56:60], 'big')}, not UTF-8"
    try:
        conn = inspecting(read_only_uri(path))  # nothing made beside it
    except UNREADABLE as exc:
        return f"cannot open: {exc!r}"
    from ..bundle.interrupt import Counted

    expected = 1
    stop = Counted(conn, lambda: asked())

    def asked() -> None:
        if check is not None:
            check()
        if report is not None:
            report(min(stop.steps, expected - 1), expected)  # never done before it is

    # What ``check`` raised leaves the block in place of SQLite's "interrupted".
    with contextlib.closing(conn), stop:
        try:
            if report is not None:
                pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
                expected = max(1, math.ceil(pages * CHECK_STEPS_PER_PAGE))
            if check is not None or report is not None:
                stop.arm()
            pragma = "integrity_check" if full else "quick_check"
            rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
            if rows != ["ok"]:
                return f"{pragma}: {'; '.join(map(str, rows[:5]))}"
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not {"alembic_version", "members", "organizations"} <= tables:
                return "not a database of this app"
            return None
        except UNREADABLE as exc:
            return f"unreadable: {exc!r}"


@contextlib.contextmanager
def readable(path: Path) -> Iterator[Path]:
    """``path``, or a private copy of it that SQLite can read, for the block's duration.

    A data file copied while the app was open carries its last commits in the ``-wal`` beside
    it, often without the ``-shm`` (Windows refuses to copy it while the app holds it). SQLite
    reads those commits only by making the ``-shm``, which a write-protected stick refuses: it
    could not open the file at all, and a sound backup was said to be damaged. Then the file and
    its ``-wal`` are copied into this session's temporary folder (they hold members' personal
    data: removed after the block, or at the next start if the app dies) and read there.

    A file beside a hot ``-journal`` (a writer killed in the middle of a transaction) holds half
    of it: SQLite rolls it back only through a read-write connection, which a write-protected
    stick refuses (and which must not change a backup where it is anyway), so it too was said
    to be damaged. The file and its journal are copied the same way, the half transaction
    rolled back in the copy, and the copy read. An empty journal, or one whose header is zeroed
    (not hot: :func:`~..storage.inspection.hot_journal`), holds nothing: the file is read where
    it is. A copy that fails (the stick failing) yields ``path`` itself: its reading
    says what is wrong."""
    pending = unfinished_writes(path)
    if pending == "-wal" and _wal_index_refused(path):
        beside = "-wal"
    elif pending == "-journal":
        beside = "-journal"
    else:
        yield path
        return
    try:
        folder = Path(tempfile.mkdtemp(prefix="sao-luu-", dir=session_folder()))
    except (OSError, AppError) as exc:
        log.warning("no temporary folder to read %s in: %s", path, exc)
        yield path
        return
    try:
        copy = folder / path.name
        try:
            for suffix in ("", beside):
                shutil.copyfile(f"{path}{suffix}", f"{copy}{suffix}")
        except OSError as exc:
            log.warning("could not copy %s to read it: %s", path, exc)
            yield path
        else:
            roll_back_hot_journal(copy)  # only where its journal is one
            yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _wal_index_refused(path: Path) -> bool:
    """Whether SQLite cannot read ``path`` where it is for want of a WAL index beside it."""
    try:
        conn = inspecting(read_only_uri(path))
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except UNREADABLE as exc:
        return str(getattr(exc, "sqlite_errorname", "")).startswith(_NO_WAL_INDEX)
    return False


def members(path: Path) -> int | None:
    """The live members in the database ``path``, or None when it cannot be read (read as
    :func:`held_organization` reads it: nothing made beside it)."""
    try:
        conn = inspecting(read_only_uri(path))
        try:
            row = conn.execute("SELECT count(*) FROM members WHERE deleted_at IS NULL").fetchone()
            return int(row[0])
        finally:
            conn.close()
    except UNREADABLE:
        return None


def describe(path: Path, *, inspect: bool = True) -> BackupInfo | None:
    """The backup ``path`` (None if it is not one); ``inspect``: open it to count its members
    and check it (else ``members`` is None and ``ok`` True, for the rotation's quick listing)."""
    parsed = parse_name(path)
    if parsed is None or not path.is_file():
        return None
    reason, when = parsed
    size = path.stat().st_size
    if not inspect:
        return BackupInfo(path, when, reason, size, None, True)
    with readable(path) as source:
        return BackupInfo(path, when, reason, size, members(source), soundness(source) is None)


def list_backups(folder: Path, *, inspect: bool = True) -> list[BackupInfo]:
    """The backups in ``folder``, newest first (see :func:`describe` for ``inspect``)."""
    if not folder.is_dir():
        return []
    found = [
        info for p in folder.glob("*.sqlite") if (info := describe(p, inspect=inspect)) is not None
    ]
    # Names keep only the second: within one, the file written last is the newest.
    return sorted(found, key=lambda b: (b.taken_at, _written_ns(b.path)), reverse=True)


def _written_ns(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:  # gone since it was listed: last
        return 0


def newest_sound(folder: Path, *, set_up: bool = False) -> BackupInfo | None:
    """The newest backup that passes the check (the one to offer when the data are damaged);
    ``set_up``: only one holding an organisation (see :func:`holds_organization`)."""
    return next(
        (b for b in list_backups(folder) if b.ok and (not set_up or holds_organization(b.path))),
        None,
    )


def holds_organization(path: Path) -> bool:
    """Whether the database ``path`` holds its organisation (set up, even with no member yet):
    a backup taken before the first-start setup holds nothing worth restoring. Read as
    :func:`held_organization` reads it: nothing made beside it."""
    return held_organization(path) is not None


class HeldOrganization(NamedTuple):
    """The organisation a database holds as its own: what tells it apart from another (its
    ``id``; two unions set up apart may bear one name, a renamed one keeps its id) and what
    names it to the user."""

    id: str
    name: str
    members: int | None
    """Its live members, None when they cannot be counted."""
    created_at: str
    """When it was set up, as stored (UTC, ISO 8601), "" when not stored."""


def held_organization(path: Path) -> HeldOrganization | None:
    """The organisation the database ``path`` holds as its own, read without changing
    anything: no WAL made beside it (on a write-protected stick, none could be), no upgrade;
    None when it holds none or cannot be read where it is (a file beside a hot journal: read it
    through :func:`readable`)."""
    try:
        conn = inspecting(read_only_uri(path))
        try:
            row = conn.execute(
                "SELECT organizations.id, organizations.name, organizations.created_at "
                "FROM app_meta JOIN organizations ON organizations.id = app_meta.value "
                "WHERE app_meta.key = 'organization_id'"
            ).fetchone()
            if row is None:
                return None
            try:
                (count,) = conn.execute(
                    "SELECT count(*) FROM members WHERE deleted_at IS NULL AND organization_id = ?",
                    (row[0],),
                ).fetchone()
            except UNREADABLE:
                count = None
            members = None if count is None else int(count)
            return HeldOrganization(str(row[0]), str(row[1]), members, str(row[2] or ""))
        finally:
            conn.close()
    except UNREADABLE:
        return None


def copy_database(
    source: Path,
    target: Path,
    *,
    source_uri: str | None = None,
    check: Callable[[], None] | None = None,
    report: Report | None = None,
) -> int | None:
    """``source`` copied into ``target`` with SQLite's backup API, checked in full and flushed to
    disk under a temporary name, then renamed: ``target`` is whole or absent; returns the live
    members it holds (:func:`members`, counted before the rename). ``source_uri``:
    how to open ``source`` when it is not simply ``mode=ro`` (read-only data, see
    :attr:`Database.source_uri <doancoso.core.storage.db.Database.source_uri>`). ``check``:
    asked after every :data:`BACKUP_PAGES` pages copied and during the check of the copy; what
    it raises (an import's "Hủy") stops the copy and goes through, the temporary file removed.
    ``report(done, total)``: asked as ``check`` is (and stopping the same way), with how far the
    copy and its check got (:data:`COPY_SHARE`), so that a progress bar moves all along."""
    temp = target.with_name(f".{target.name}.tmp")
    bar = Stages(report)
    copying, checking = bar.part(COPY_SHARE), bar.part(SCALE - COPY_SHARE)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)  # a stick pulled out: said, as below
        remove_stale_temps(target.parent, also=_KILLED_COPY, older_than=STALE_AFTER)
        temp.unlink(missing_ok=True)
        src = sqlite3.connect(source_uri or f"{source.resolve().as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(temp)
            try:
                if report is not None:  # an exception of ``progress`` ends the backup
                    src.backup(
                        dst, pages=BACKUP_PAGES,
                        progress=lambda _status, left, pages: copying(pages - left, pages),
                    )  # fmt: skip
                elif check is not None:
                    src.backup(dst, pages=BACKUP_PAGES, progress=lambda *_: check())
                else:
                    src.backup(dst)
                # A file on its own: no WAL beside it (the live database's mode is copied too).
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        problem = soundness(
            temp, full=True, check=check, report=None if report is None else checking
        )
        if problem is not None:
            raise StorageError(
                "Bản sao lưu vừa tạo không vượt qua bước kiểm tra nên không được giữ lại. "
                "Dữ liệu đang dùng có thể đã bị hỏng: hãy chạy “Kiểm tra dữ liệu”.",
                problem,
            )
        held = members(temp)
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        try:
            replace_flushed(temp, target)
        except NameNotFlushed:  # the name may not last: not a backup to count on
            discard(target)
            raise
        return held
    except UNREADABLE as exc:
        left = _left_said(_remove_copy(temp), target.parent)
        full = disk_error(exc, target.parent)
        if full is not None:
            # One wording in every backup's message: the data in use, not "đã lưu".
            said = full.message.removesuffix(UNCHANGED)
            raise StorageError(
                f"Không sao lưu được dữ liệu. {said}{IN_USE_KEPT}{left}", full.details
            ) from exc
        raise StorageError(
            f"Không sao lưu được dữ liệu: SQLite không đọc hoặc ghi được tệp. {IN_USE_KEPT}{left}",
            repr(exc),
        ) from exc
    except OSError as exc:
        # A write-protected stick, a stick pulled out, failing or full: say what to do about
        # the device (other causes need no device advice).
        remedy = f"{write_remedy(exc)} " if exc.errno in _DEVICE_ERRORS else ""
        left = _left_said(_remove_copy(temp), target.parent)
        raise StorageError(
            f"Không ghi được bản sao lưu vào “{target.parent}”: {os_reason(exc)}. {remedy}"
            f"{IN_USE_KEPT}{left}",
            repr(exc),
        ) from exc
    finally:
        _remove_copy(temp)


def _remove_copy(temp: Path) -> list[Path]:
    """The copy ``temp`` and what SQLite made beside it while writing it removed (a copy cut
    short by a full disk leaves its rollback journal: one more per attempt, on the disk that is
    full); returns those that may still be there (a stick gone for good: removing fails). A
    write-protected stick refuses to remove even a file that is not there (EROFS): only one
    that may be there is returned."""
    return [
        left
        for suffix in ("", "-journal", "-wal", "-shm")
        if (left := discard(Path(f"{temp}{suffix}"))) is not None and _may_be_there(left)
    ]


def _may_be_there(path: Path) -> bool:
    """Whether ``path`` may be there: not when looking says it is not (nor when a part of its
    folder's path is a file: no folder, no file in it)."""
    try:
        path.lstat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:  # cannot look (a stick gone): it may be
        return True
    return True


def _left_said(left: list[Path], folder: Path) -> str:
    """What a backup cut off says of the files ``left`` it could not remove from ``folder``
    (" Tệp dở dang …", as a bundle export names its own), or nothing. The next backup into that
    folder removes them only once an hour old: nothing is promised."""
    if not left:
        return ""
    names = ", ".join(f"“{path.name}”" for path in left)
    files = "Tệp dở dang" if len(left) == 1 else "Các tệp dở dang"
    return (
        f" {files} {names} có thể còn trong thư mục “{folder}”: đó không phải bản sao lưu, có "
        "thể xóa đi."
    )


def take_backup(
    database: Path,
    folder: Path,
    reason: str,
    now: datetime | None = None,
    check: Callable[[], None] | None = None,
    report: Report | None = None,
) -> BackupInfo:
    """A checked backup of ``database`` in ``folder`` for ``reason`` (a code of
    :data:`REASONS`), then the rotation; returns the new backup. ``check``, ``report``: see
    :func:`copy_database`."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    now = now or datetime.now()
    stamp = now
    # Two in one second, whatever their reasons: the next free second, so that the names keep
    # the order they were taken in.
    while any(folder.glob(f"*-{stamp:%Y%m%d-%H%M%S}.sqlite")):
        stamp += timedelta(seconds=1)
    target = folder / backup_name(reason, stamp)
    held = copy_database(database, target, check=check, report=report)
    rotate(folder, now)
    # What describe() would say, without opening the copy again for its quick check (0.4 s
    # on 100,000 members, after the bar and "Hủy" had done): the full check the copy passed
    # covers it, and its members were counted as it was checked.
    parsed = parse_name(target)
    assert parsed is not None
    return BackupInfo(target, parsed[1], reason, target.stat().st_size, held, True)


REPLACED = ("truoc-khoi-phuc", "truoc-nhap-goi", "truoc-nhap")
"""The reasons of the copies holding data an action then replaced (a restore, a bundle's
import, a sheet's import: of members, of young people, or of a rating round's proposals), which
the backups taken after it do not hold: kept longer by :func:`rotate`. Each is the way back the
action's question or message promises. Not so the copy taken before a check
("truoc-kiem-tra": a check changes nothing, a repair only fills what the data derive from
themselves) nor the one before closing a rating round ("truoc-ket-thuc-xep-loai": a closing
adds to the data, and "Mở lại" is its way back): the backups after them hold what they held."""


def rotate(folder: Path, now: datetime, budget: int = SIZE_BUDGET) -> list[Path]:
    """Drop the backups the rotation does not keep; returns what was removed.

    Kept: the newest of each of the last :data:`KEEP_DAYS` days, of each of the last
    :data:`KEEP_WEEKS` weeks and of each of the last :data:`KEEP_MONTHS` months, every
    pre-upgrade copy, every copy of :data:`REPLACED` taken in the last :data:`KEEP_DAYS` days
    and the newest of each of its reasons whatever its age, and everything of the last hour (a
    backup just taken before an action is never the one dropped). Then, while the rest takes
    more than ``budget``, the oldest go first (pre-upgrade copies, those of :data:`REPLACED`
    and the newest backup last of all).

    A pre-restore copy is the only one holding the work a restore replaced (every backup after
    it holds the restored, older data): the restore's question promises it can be got back, so
    a later backup of its day must not push it out (nor, after a second restore the same day,
    the copy taken before the first one). A copy taken before a bundle or a sheet is imported
    is likewise the only one holding the rows the import replaced: the import's message sends
    the secretary to it if the wrong file was imported.
    """
    backups = list_backups(folder, inspect=False)
    keep: set[Path] = set()
    buckets: dict[tuple[str, object], Path] = {}
    newest_of = {r: next((b.path for b in backups if b.reason == r), None) for r in REPLACED}
    for info in backups:  # newest first: the first of each bucket is its newest
        day = info.taken_at.date()
        age = now - info.taken_at
        replaced = info.reason in REPLACED and (
            info.path == newest_of[info.reason] or age <= timedelta(days=KEEP_DAYS)
        )
        if info.reason == "truoc-nang-cap" or replaced or age < timedelta(hours=1):
            keep.add(info.path)
            continue
        for kind, key, limit in (
            ("day", day, timedelta(days=KEEP_DAYS)),
            ("week", tuple(day.isocalendar())[:2], timedelta(weeks=KEEP_WEEKS)),
            ("month", (day.year, day.month), timedelta(days=31 * KEEP_MONTHS)),
        ):
            if age <= limit and (kind, key) not in buckets:
                buckets[(kind, key)] = info.path
                keep.add(info.path)
    removed = [b.path for b in backups if b.path not in keep]
    kept = [b for b in backups if b.path in keep]
    total = sum(b.size for b in kept)
    newest = backups[0].path if backups else None
    last_dropped = ("truoc-nang-cap", *REPLACED)
    for info in sorted(kept, key=lambda b: (b.reason in last_dropped, b.taken_at)):
        if total <= budget:
            break
        if info.path == newest:
            continue
        removed.append(info.path)
        total -= info.size
    for path in removed:
        with contextlib.suppress(OSError):
            path.unlink()
    return removed


def age_text(then: datetime, now: datetime) -> str:
    """How long before ``now`` a backup taken at ``then`` was, as the secretary is told it
    ("vừa xong", "20 phút trước", "26 giờ trước", "9 ngày trước"). Under a minute (or a
    clock put back since) is "vừa xong": "0 phút trước" read as a number gone wrong."""
    minutes = int((now - then).total_seconds() // 60)
    if minutes < 1:
        return "vừa xong"
    if minutes < 60:
        return f"{minutes} phút trước"
    if minutes < 48 * 60:
        return f"{minutes // 60} giờ trước"
    return f"{minutes // (24 * 60)} ngày trước"


def recovery_advice(
    folder: Path, now: datetime | None = None, *, set_up: bool = False
) -> tuple[str, BackupInfo | None]:
    """What to tell a secretary whose data are damaged: the newest sound backup (when, how old,
    what it holds; the window asks to restore it, the command line adds :func:`restore_hint`);
    and that backup, if any. ``set_up``: only a backup holding an organisation counts."""
    best = newest_sound(folder, set_up=set_up)
    if best is None:
        return "Không có bản sao lưu nào còn dùng được trong thư mục “backups”.", None
    now = now or datetime.now()
    held = f", {vn_number(best.members)} đoàn viên" if best.members is not None else ""
    text = (
        f"Bản sao lưu gần nhất còn tốt: lúc {best.taken_at:%H:%M} ngày {best.taken_at:%d/%m/%Y} "
        f"({age_text(best.taken_at, now)}{held}; {best.reason_label.lower()})."
    )
    return text, best


def restore_hint(best: BackupInfo | None, data_dir: Path) -> str:
    """How to restore ``best`` into ``data_dir`` outside the window's question (" Để khôi phục:
    …"; "" if none). The command names the folder: without it, copied after a command given
    ``--data-dir``, it restored into the default data folder."""
    if best is None:
        return ""
    return (" Để khôi phục: mở ứng dụng và chọn “Khôi phục”, hoặc chạy lệnh: "
            f"{restore_command(best, data_dir)}")  # fmt: skip


def restore_command(backup: BackupInfo, data_dir: Path) -> str:
    """The command restoring ``backup`` into ``data_dir``, naming the folder (without it,
    copied after a command given ``--data-dir``, it restored into the default data folder)."""
    return f'doancoso restore --data-dir "{data_dir}" "{backup.path}"'
