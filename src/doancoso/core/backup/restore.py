"""Restoring a backup in place of the data folder's database.

A backup is a file from outside (a USB stick, an old PC): it is copied and made ready under a
temporary name before anything of the data folder changes, and refused with nothing changed
unless the copy is one the app can use:

1. the backup passes SQLite's full integrity check, has a schema version this app knows, and is
   not written by a newer version;
2. it is copied with SQLite's backup API under a temporary name (checked again, flushed), and an
   older one is upgraded there, as the app would upgrade it when next opened;
3. every table and column of the app's models is there, and every value reads as the app reads
   it (a byte changed inside a value passes SQLite's check, since SQLite keeps no checksums,
   and would make the restored data unreadable to the app).

Only then is the current database backed up ("truoc-khoi-phuc") or, if damaged, moved aside,
and the copy renamed into place. The order keeps the data whole if the power goes at any point
(a stick pulled out in portable mode): the current database's WAL is first checkpointed into
the file itself (its last changes would otherwise be lost with it) and removed, the removal
flushed to the disk; only then does the copy take the name, the folder flushed again. The
restored file is never paired with the replaced one's WAL: SQLite would apply it, since nothing
in a WAL names the file it belongs to (its salts only tell its own frames apart). A disk gone
at those last steps is a :class:`StorageError` saying which data the folder holds: the replaced
ones (or none, a damaged file moved aside), or the restored ones whose name may not last.
"""

from __future__ import annotations

import contextlib
import sqlite3
import zipfile
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from ..errors import AppError, StorageError
from ..evidence.store import EvidenceStore
from ..lang.text import vn_number
from ..storage.db import Database, head_revision, known_revisions
from ..storage.files import NameNotFlushed, fsync_folder, replace_flushed
from ..storage.folder import DATABASE_FILE, check_data_folder, os_reason, write_remedy
from ..storage.inspection import (
    damage,
    move_aside,
    read_only_uri,
    roll_back_hot_journal,
    stored_revision,
)
from .store import (
    BACKUP_FOLDER,
    IN_USE_KEPT,
    BackupInfo,
    copy_database,
    describe,
    evidence_folder,
    members,
    readable,
    soundness,
    take_backup,
)

KEPT = IN_USE_KEPT
"""What every refusal of a restore ends with, in the words of a backup's: one app, one phrase."""


@dataclass(frozen=True)
class RestoreResult:
    restored: Path
    members: int | None
    safety_copy: Path | None  # the backup of what was replaced, if it could be read
    set_aside: Path | None  # the damaged database moved aside, if it was damaged


def restore_backup(data_dir: Path, backup: Path) -> RestoreResult:
    """Put ``backup`` in place of ``data_dir``'s database; the caller holds the data folder
    (no workspace open on it: the GUI closes its own, the command line checks the lock).
    Data that can only be read are refused before anything else, and stay as they are."""
    read_only = check_data_folder(data_dir, create=True)
    if read_only is not None:
        raise read_only.error(f"restore of {backup} refused")
    _require_file(backup)
    temp = data_dir / f".{DATABASE_FILE}.khoi-phuc"
    with readable(backup) as source:  # its last commits too, on a write-protected stick
        _check_backup(backup, source)
        try:
            copy_database(source, temp, source_uri=read_only_uri(source))  # nothing made beside
            _make_ready(temp, backup.name)
        except BaseException:
            _remove(temp)
            raise
        restored = describe(source)
    # The evidence files a stick's backup carries beside it join the store (checked by hash;
    # the store only ever grows, so this is safe even if the restore went no further).
    EvidenceStore(data_dir).take_in(evidence_folder(backup))
    live = data_dir / DATABASE_FILE
    safety: BackupInfo | None = None
    set_aside: Path | None = None
    try:
        if live.exists():
            roll_back_hot_journal(live)  # a killed writer's, before it is judged
            if damage(live) is None:
                safety = take_backup(live, data_dir / BACKUP_FOLDER, "truoc-khoi-phuc")
                _checkpoint(live)
            else:
                set_aside = move_aside(live, "hong")
    except BaseException:
        _remove(temp)
        raise
    # The replaced database's WAL or journal must not be applied to the restored file: its
    # commits are in the file itself now (and in the safety copy). Their removal reaches the
    # disk before the restored file takes the name, which reaches it before "Đã khôi phục".
    try:
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{live}{suffix}").unlink(missing_ok=True)
        fsync_folder(data_dir)
        replace_flushed(temp, live)
    except NameNotFlushed as exc:
        raise StorageError(_not_flushed_text(exc, safety), details=repr(exc)) from exc
    except OSError as exc:  # the data folder's disk gone (a stick pulled out in portable mode)
        _remove(temp)
        raise StorageError(_not_replaced_text(exc, data_dir, set_aside), details=repr(exc)) from exc
    return RestoreResult(
        live,
        restored.members if restored is not None else None,
        safety.path if safety is not None else None,
        set_aside,
    )


def _not_replaced_text(error: OSError, data_dir: Path, set_aside: Path | None) -> str:
    """Said when the restored copy could not take the database's name: the data replaced are
    still there (their last changes in the file), or, damaged, moved aside with none in place."""
    said = f"Chưa khôi phục được: {os_reason(error)} khi thay dữ liệu trong “{data_dir}”."
    if set_aside is None:
        return f"{said} {KEPT} {write_remedy(error)}"
    return (
        f"{said} Dữ liệu hỏng đã được đổi tên thành “{set_aside.name}” và chưa có dữ liệu nào "
        f"thay vào. {write_remedy(error)}"
    )


def _not_flushed_text(error: OSError, safety: BackupInfo | None) -> str:
    """Said when the restored copy took the database's name but the folder could not be
    flushed: the new name may not have reached the disk (a stick pulled out just then)."""
    said = (
        "Bản sao lưu đã được đưa vào thay dữ liệu nhưng chưa chắc đã ghi hẳn xuống ổ đĩa: "
        f"{os_reason(error)}. Khi cắm lại USB, có thể vẫn thấy dữ liệu cũ: hãy mở lại ứng dụng "
        "và kiểm tra; nếu vẫn là dữ liệu cũ, hãy khôi phục lại."
    )
    if safety is None:
        return said
    return f"{said} Dữ liệu cũ đã được sao lưu thành “{safety.path.name}”."


def missing_evidence_text(missing: int, backup: Path, data_dir: Path) -> str:
    """What a restore of ``backup`` into ``data_dir`` says when the records cite ``missing``
    evidence files the data folder does not have ("" when none). A backup written to a stick
    carries them in its folder beside it: left on the stick, the secretary is sent for it; there
    without them, or a backup of the data folder's list (which carries none), they were lost
    before the backup was taken, and the secretary is sent to the check that names them."""
    if not missing:
        return ""
    head = f"Thiếu {vn_number(missing)} tệp minh chứng (ảnh, văn bản scan) mà dữ liệu có ghi: "
    them = "tệp đó" if missing == 1 else "các tệp đó"
    remedy = (
        "“Kiểm tra dữ liệu” (lệnh doancoso check) nêu tên từng tệp: hãy lấy lại từ một bản sao "
        f"lưu ra USB có {them} (“Lấy lại tệp minh chứng bị mất từ USB…” trong “Sao lưu và khôi "
        "phục…”, lệnh doancoso restore-evidence) hoặc đính kèm lại tệp gốc."
    )
    folder = evidence_folder(backup)
    if folder.is_dir():
        return (
            f"{head}thư mục “{folder.name}” cạnh tệp sao lưu cũng không có {them} (đã mất trước "
            f"khi sao lưu). {remedy}"
        )
    if _in_list(backup, data_dir):
        return (
            f"{head}{them} đã không còn trong thư mục dữ liệu trước khi sao lưu (các bản sao lưu "
            f"trong danh sách không chứa tệp minh chứng). {remedy}"
        )
    return (
        f"{head}chúng nằm trong thư mục “{folder.name}” cạnh tệp sao lưu khi sao lưu ra USB. "
        "Hãy chép cả thư mục đó vào cùng chỗ với tệp sao lưu rồi khôi phục lại."
    )


def _in_list(backup: Path, data_dir: Path) -> bool:
    """Whether ``backup`` is one of ``data_dir``'s own backups (its folder "backups")."""
    try:
        return backup.resolve().parent == (data_dir / BACKUP_FOLDER).resolve()
    except OSError:
        return False


def inspect_backup(backup: Path) -> BackupInfo:
    """What the file ``backup`` (from a stick, any name) holds, for the question before its
    restore: when it was taken (from its name when it is one of ours, else when the file was
    last written) and its members. Refused, read only, by the checks a restore makes first
    (:func:`restore_backup` makes them again, and the rest)."""
    _require_file(backup)
    with readable(backup) as source:  # its last commits too, on a write-protected stick
        _check_backup(backup, source)
        info = describe(source)
        if info is not None:
            return replace(info, path=backup)
        stat = backup.stat()
        return BackupInfo(
            backup, datetime.fromtimestamp(stat.st_mtime), "", stat.st_size, members(source), True
        )


def _is_bundle(path: Path) -> bool:
    """Whether ``path`` is a bundle: encrypted as one, or a clear ZIP container holding a
    bundle's manifest (an .xlsx is a ZIP too, and no bundle)."""
    from ..bundle.crypto import is_encrypted
    from ..bundle.manifest import MANIFEST_NAME

    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
        if not head.startswith(b"PK\x03\x04"):
            return is_encrypted(head)
        with zipfile.ZipFile(path) as container:
            return MANIFEST_NAME in container.namelist()
    except (OSError, zipfile.BadZipFile):
        return False  # said by the checks that follow


def _require_file(backup: Path) -> None:
    """A folder given for the file (the stick's, where the backups are) is said to be one."""
    if backup.is_dir():
        raise StorageError(
            f"“{backup}” là một thư mục, không phải tệp sao lưu: hãy ghi tên một tệp sao lưu "
            f"(.sqlite) trong thư mục đó. {KEPT}"
        )
    if not backup.is_file():
        raise StorageError(f"Không tìm thấy bản sao lưu “{backup}”. {KEPT}")


def _check_backup(backup: Path, source: Path) -> None:
    """Step 1 of the module docstring, on the backup itself (read only) as ``source`` reads it
    (:func:`~.store.readable`)."""
    if _is_bundle(backup):  # "Xuất dữ liệu ra USB…" and "Sao lưu ra USB…" both fill sticks
        raise StorageError(
            f"Tệp “{backup.name}” là một gói dữ liệu (.dcs), không phải bản sao lưu: gói dữ liệu "
            f"được nhận bằng “Nhận dữ liệu từ USB…” (Tệp) hoặc lệnh doancoso bundle import. {KEPT}"
        )
    problem = soundness(source, full=True)
    if problem is not None:
        unread = _read_error(backup)
        if unread is not None:  # the stick's fault, not the backup's: never said "bị hỏng"
            raise StorageError(
                f"Không đọc được bản sao lưu “{backup}”: {os_reason(unread)}. "
                f"{write_remedy(unread)} {KEPT}",
                f"{problem}; read through: {unread!r}",
            ) from unread
        raise StorageError(
            f"Bản sao lưu “{backup.name}” bị hỏng hoặc không phải dữ liệu của ứng dụng nên không "
            f"được khôi phục. {KEPT}",
            problem,
        )
    revision = stored_revision(source)
    if revision is None:
        raise StorageError(
            f"Bản sao lưu “{backup.name}” không phải dữ liệu của ứng dụng (không có phiên bản "
            f"dữ liệu) nên không được khôi phục. {KEPT}"
        )
    if revision not in known_revisions():
        raise StorageError(
            f"Bản sao lưu “{backup.name}” được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cài "
            f"phiên bản mới nhất rồi khôi phục. {KEPT}"
        )


def _read_error(path: Path) -> OSError | None:
    """What reading ``path`` through fails with (a stick failing or pulled out), or None: asked
    only of a backup that failed its check, to tell a stick that cannot be read from a damaged
    backup."""
    try:
        with open(path, "rb") as handle:
            while handle.read(1024 * 1024):
                pass
    except OSError as exc:
        return exc
    return None


def _make_ready(copy: Path, name: str) -> None:
    """Steps 2 and 3 of the module docstring, on the copy under its temporary name."""
    if stored_revision(copy) != head_revision():
        try:
            Database.upgrade_copy(copy)
        except AppError:
            raise
        except Exception as exc:  # a migration meeting a schema it does not expect
            raise StorageError(
                f"Bản sao lưu “{name}” được tạo bởi phiên bản cũ hơn và không nâng cấp được "
                f"(dữ liệu trong đó có thể đã bị hỏng) nên không được khôi phục. {KEPT}",
                f"{type(exc).__name__}: {exc}"[:500],
            ) from exc
    problem = unreadable_value(copy)
    if problem is None:
        # In WAL mode before it is live, as a database the app made is: the first open would
        # otherwise switch it through a rollback journal, and a kill in that instant left a hot
        # journal that read-only inspection took for damage.
        conn = sqlite3.connect(copy)
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
        finally:
            conn.close()
    for suffix in ("-wal", "-shm"):  # empty: what reading it and the switch left
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    if problem is not None:
        raise StorageError(
            f"Bản sao lưu “{name}” có dữ liệu bị hỏng (thiếu bảng, thiếu cột hoặc có giá trị "
            f"không đọc được) nên không được khôi phục. {KEPT} Hãy chọn bản sao lưu khác.",
            problem,
        )


def _checkpoint(live: Path) -> None:
    """Every commit of ``live``'s WAL copied into ``live`` itself and flushed, the WAL emptied:
    the file is whole on its own before its WAL is removed."""
    if not Path(f"{live}-wal").exists():
        return
    conn = sqlite3.connect(live)
    try:
        conn.execute("PRAGMA synchronous = FULL")  # the file flushed before the WAL is emptied
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    finally:
        conn.close()
    if busy:  # another program is reading or writing the data
        raise StorageError(
            f"Dữ liệu đang được một chương trình khác dùng nên chưa khôi phục được: hãy đóng "
            f"các cửa sổ và lệnh doancoso khác đang mở dữ liệu này rồi thử lại. {KEPT}"
        )


def _remove(temp: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            Path(f"{temp}{suffix}").unlink(missing_ok=True)


def unreadable_value(path: Path) -> str | None:
    """What the app could not read in ``path``, a database at the head schema (English, for
    the log), or None: a table or column of the app's models that is missing, or a value that
    does not read with its column's type (the types turn the stored text into dates, times,
    numbers and flags as every read of the app does)."""
    from sqlalchemy import create_engine, select

    from ..storage.models import Base

    uri = read_only_uri(path)
    engine = create_engine(f"sqlite:///{path}", creator=lambda: sqlite3.connect(uri, uri=True))
    try:
        with engine.connect() as conn:
            for table in Base.metadata.sorted_tables:
                present = {
                    str(row[1])
                    for row in conn.exec_driver_sql(f'PRAGMA table_info("{table.name}")')
                }
                missing = [c.name for c in table.columns if c.name not in present]
                if missing:
                    return f"table {table.name} lacks {', '.join(missing)}"
                for _row in conn.execute(select(table)):
                    pass
        return None
    except Exception as exc:  # whatever a read of the app would have met
        return f"{type(exc).__name__}: {exc}"[:500]
    finally:
        engine.dispose()
