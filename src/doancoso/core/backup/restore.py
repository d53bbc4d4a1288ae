"""Restoring a backup in place of the data folder's database.

The backup is checked in full first (a damaged or foreign file is refused and nothing changes);
the current database is backed up ("truoc-khoi-phuc") or, if damaged, moved aside; then the
backup is copied with SQLite's backup API under a temporary name, flushed and renamed into
place. An older backup is upgraded when it is next opened, like any older database.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import StorageError
from ..storage.db import damage, known_revisions, move_aside, stored_revision
from ..storage.folder import DATABASE_FILE, check_data_folder
from .store import BACKUP_FOLDER, BackupInfo, copy_database, describe, soundness, take_backup


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
    if not backup.is_file():
        raise StorageError(f"Không tìm thấy bản sao lưu “{backup}”.")
    problem = soundness(backup, full=True)
    if problem is not None:
        raise StorageError(
            f"Bản sao lưu “{backup.name}” bị hỏng hoặc không phải dữ liệu của ứng dụng nên không "
            "được khôi phục. Dữ liệu hiện tại giữ nguyên.",
            problem,
        )
    if stored_revision(backup) not in known_revisions():
        raise StorageError(
            f"Bản sao lưu “{backup.name}” được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cài "
            "phiên bản mới nhất rồi khôi phục; dữ liệu hiện tại giữ nguyên."
        )
    live = data_dir / DATABASE_FILE
    safety: BackupInfo | None = None
    set_aside: Path | None = None
    if live.exists():
        if damage(live) is None:
            safety = take_backup(live, data_dir / BACKUP_FOLDER, "truoc-khoi-phuc")
        else:
            set_aside = move_aside(live, "hong")
    temp = data_dir / f".{DATABASE_FILE}.khoi-phuc"
    copy_database(backup, temp)
    # The replaced database's WAL must not be applied to the restored file: its commits are in
    # the safety copy just taken.
    for suffix in ("-wal", "-shm"):
        Path(f"{live}{suffix}").unlink(missing_ok=True)
    os.replace(temp, live)
    restored = describe(backup)
    return RestoreResult(
        live,
        restored.members if restored is not None else None,
        safety.path if safety is not None else None,
        set_aside,
    )
