"""``ws.backups``: the backups of the open data folder, taken when the app's actions call for one.

Taken automatically before an import (in the core, so the GUI and the command line alike) and,
by the GUI, when the app closes after a change and at most once a day while it stays open;
before a restore by :func:`.restore.restore_backup`. A backup can also be written to another
folder, a USB stick: written under a temporary name, flushed, renamed, then read back and
checked before it counts; the evidence files it names go beside it (:func:`.store.evidence_folder`),
each read back and checked by its hash.
"""

from __future__ import annotations

import errno
import shutil
import stat
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from ..changes import Changes
from ..context import WorkspaceContext
from ..errors import StorageError
from ..progress import BytesDone
from ..storage.files import discard, leave_named, left_behind
from ..storage.folder import os_reason
from .outside import OutsideBackup, last_outside, remember_outside
from .store import (
    BACKUP_FOLDER,
    BackupInfo,
    backup_name,
    copy_database,
    describe,
    evidence_folder,
    list_backups,
    take_backup,
)

if TYPE_CHECKING:
    from ..evidence.store import EvidenceStore
    from .lost_evidence import TakenBack

DAILY = timedelta(days=1)
TAKEN_BACK_KEY = "evidence_taken_back"
"""The ``app_meta`` key counting the take-backs of lost evidence files (see
:meth:`BackupService.take_back_evidence`)."""


class EvidenceNotCarried(StorageError):
    """A backup onto a stick written and read back sound (``backup``, set by
    :meth:`BackupService.to_folder`) without some of the evidence files it names: ``lacking``
    of them, lost from the data folder (None: the stick failed and how many is not known)."""

    def __init__(self, message: str, lacking: int | None = None) -> None:
        super().__init__(message)
        self.lacking = lacking
        self.backup: BackupInfo | None = None


class BackupService:
    """The backups of one open workspace."""

    def __init__(self, ctx: WorkspaceContext, data_dir: Path) -> None:
        self._ctx = ctx
        self.data_dir = data_dir
        self.folder = data_dir / BACKUP_FOLDER

    def take(
        self,
        reason: str = "thu-cong",
        check: Callable[[], None] | None = None,
        report: Callable[[int, int], None] | None = None,
    ) -> BackupInfo:
        """A checked backup now (see :data:`.store.REASONS` for ``reason``); refused when the
        data can only be read (the backups folder is in the data folder). ``check``: asked as
        the copy goes; what it raises (an import's "Hủy") stops it, leaving no file.
        ``report(done, total)``: the same, told how far the copy and its check got."""
        self._ctx.db.require_writable()
        return take_backup(self._ctx.db.path, self.folder, reason, check=check, report=report)

    def list(self) -> list[BackupInfo]:
        """Every backup of this data folder, newest first."""
        return list_backups(self.folder)

    def inspect(self, path: Path) -> BackupInfo:
        """A backup file from anywhere (a stick), checked as a restore checks it first, with
        when it was taken and its members; refused with the restore's message (read only:
        :func:`.restore.inspect_backup`)."""
        from .restore import inspect_backup

        return inspect_backup(path)

    def take_back_evidence(self, backup: Path) -> TakenBack:
        """The evidence files lost from the data folder (gone, or no longer with their hash)
        taken back from the folder beside ``backup``, a backup on a stick, each verified by its
        hash; the data are not restored (:mod:`.lost_evidence`). Refused when the data can
        only be read (the store is in the data folder)."""
        from .lost_evidence import take_back_evidence

        self._ctx.db.require_writable()
        result = take_back_evidence(self._ctx, self.data_dir, backup)
        if result.taken:  # no row changed, but the lists showing these files lost must know
            self._count_taken_back()
            self._ctx.db.changes.record(Changes.of({"evidence_files": None}))
        return result

    def _count_taken_back(self) -> None:
        """Add one to :data:`TAKEN_BACK_KEY`: a commit, which an app open on this folder
        while another process (``doancoso restore-evidence``) took files back sees as any other
        process's write (``PRAGMA data_version``, checked when it becomes active), so that what
        it shows lost is read again. Nothing else in the database changes."""
        from ..storage.models import AppMeta

        with self._ctx.db.transaction() as session:
            row = session.get(AppMeta, TAKEN_BACK_KEY)
            count = int(row.value) if row is not None and row.value.isdigit() else 0
            session.merge(AppMeta(key=TAKEN_BACK_KEY, value=str(count + 1)))

    def latest(self) -> BackupInfo | None:
        backups = self.list()
        return backups[0] if backups else None

    def daily_if_due(self, now: datetime | None = None) -> BackupInfo | None:
        """A backup if none was taken in the last day (called after the app's writes)."""
        if self._ctx.db.read_only is not None:
            return None  # nothing was written, nothing to keep
        now = now or datetime.now()
        latest = self.latest()
        if latest is not None and now - latest.taken_at < DAILY:
            return None
        return take_backup(self._ctx.db.path, self.folder, "hang-ngay", now)

    def to_folder(
        self, target: Path, report: Callable[[int, int], None] | None = None
    ) -> BackupInfo:
        """A backup written to ``target`` (a USB stick): temporary name, flushed, renamed, then
        read back and checked in full before it is reported as done. ``target`` is made if
        missing, the folder it is in never: a mistyped one is refused, named, as is one inside
        the data folder (lost with the PC's disk). Works on data that
        can only be read too: the copy is read through the same read-only connection.
        ``report(done, total)`` follows the evidence files' bytes; an exception it raises (the
        user's "Hủy") removes what was written, the backup and its files; a backup a stick gone
        keeps is named on that exception (:func:`~..storage.files.left_behind`). A stored
        evidence file gone or damaged is told as the data check tells it, once the rest is
        written (:meth:`_copy_evidence`). The backup written is remembered as the last one
        outside the data folder (:meth:`last_outside`), lacking evidence files or not."""
        if target.exists() and not target.is_dir():  # the copy's name given for its folder
            raise StorageError(
                f"“{target}” là một tệp, không phải thư mục: hãy cho thư mục (trên USB) để ghi "
                "bản sao lưu vào. Dữ liệu đang dùng không bị thay đổi."
            )
        data = self.data_dir.resolve()
        if data == target.resolve() or data in target.resolve().parents:
            # Lost with the PC's disk; and in backups/ the rotation would drop it, not its files.
            raise StorageError(
                f"“{target}” nằm trong thư mục dữ liệu “{self.data_dir}”: bản sao lưu ở đó sẽ mất "
                "cùng ổ đĩa của máy. Hãy chọn một thư mục trên USB hoặc ổ đĩa khác. Chưa ghi gì; "
                "dữ liệu đang dùng không bị thay đổi."
            )
        if _missing(target.parent):  # a mistyped folder ("D:/saoluuu/x"), a stick not in
            raise StorageError(
                f"Không tìm thấy thư mục “{target.parent}”: hãy kiểm tra lại đường dẫn (và USB "
                "đã được cắm vào chưa). Chưa ghi gì; dữ liệu đang dùng không bị thay đổi."
            )
        path = target / backup_name("thu-cong", datetime.now())
        # Checks the copy before the rename.
        copy_database(self._ctx.db.path, path, source_uri=self._ctx.db.source_uri)
        info = describe(path)
        if info is None or not info.ok:  # read back from the stick, as it is there now
            raise StorageError(
                f"Bản sao lưu ghi ra “{target}” không đọc lại được đúng: USB có thể bị lỗi. "
                f"{_unsound_said(discard(path))} Hãy thử lại với USB khác. Dữ liệu đang dùng "
                "không bị thay đổi."
            )
        try:
            self._copy_evidence(path, report)
        except EvidenceNotCarried as exc:  # the backup is written and checked: kept, as said
            exc.backup = info
            remember_outside(self.data_dir, info.path, info.taken_at)
            raise
        except BaseException as exc:  # stopped: nothing half-written left on the stick
            shutil.rmtree(evidence_folder(path), ignore_errors=True)
            # A stick gone cannot have the backup removed: the stop (the user's "Hủy") stays
            # what is told, the file it leaves named on it.
            leave_named(exc, discard(path))
            raise
        remember_outside(self.data_dir, info.path, info.taken_at)
        return info

    def last_outside(self) -> OutsideBackup | None:
        """The last backup :meth:`to_folder` wrote outside the data folder, and whether it is
        there now (:mod:`.outside`)."""
        return last_outside(self.data_dir)

    def _copy_evidence(self, backup: Path, report: Callable[[int, int], None] | None) -> None:
        """The evidence files the backup names, beside it in ``<name>.evidence/`` (a stick
        taken to another PC has no ``evidence/`` folder of this one). A copy that fails is the
        stick's fault only when the stored file still has its hash: a stored file gone or
        damaged is the data folder's, named as the data check names it, after the other files
        are copied (:func:`_lost_said`); so is a row whose hash is not one (:func:`_stored_size`),
        and a file gone from the store while the others are copied."""
        from sqlalchemy import select

        from ..evidence.store import EvidenceStore
        from ..storage.models import EvidenceFile

        with self._ctx.db.read() as session:
            rows = session.execute(
                select(EvidenceFile.sha256, EvidenceFile.original_name, EvidenceFile.deleted_at)
            ).all()
        hashes = sorted({sha for sha, _, _ in rows})
        # The names of each file the records cite, as the check names them: a file only
        # detached ones cite (kept for an undo) is carried when it is there, never required.
        cited: dict[str, list[str]] = {}
        for sha, name, deleted_at in rows:
            if deleted_at is None:
                cited.setdefault(sha, []).append(name)
        store = EvidenceStore(self.data_dir)
        folder = evidence_folder(backup)
        sizes = {sha: size for sha in hashes if (size := _stored_size(store, sha)) is not None}
        present = list(sizes)
        lost = sorted(set(cited) - set(present))
        copied = BytesDone(sum(sizes.values()), report)
        for sha in present:
            try:
                store.copy_out(sha, folder, copied)
            except OSError as exc:
                if not store.verify(sha):  # the stored file's fault, not the stick's
                    if sha in cited:
                        lost.append(sha)
                    continue
                # One without an errno: the copy did not read back with its hash.
                reason = os_reason(exc) if exc.errno else "bản chép không đọc lại được đúng"
                raise EvidenceNotCarried(
                    f"Không chép được tệp minh chứng ra “{backup.parent}”: {reason}. "
                    f"Bản sao lưu dữ liệu đã ghi, nhưng {_stick_remedy(exc)}"
                    + _leftover_said(exc, folder)
                ) from exc
        if lost:
            names = [n for sha in lost for n in cited[sha]]
            raise EvidenceNotCarried(_lost_said(backup.parent, names), len(set(lost)))


def _stored_size(store: EvidenceStore, sha: str) -> int | None:
    """The size of the stored file ``sha``, or None when it cannot be carried: the row's hash
    is not a SHA-256 (the data check's :func:`.check.is_sha`), or the file is not there. One
    look at the disk: a file that goes after it is met by the copy (a lost file too)."""
    from .check import is_sha

    if not is_sha(sha):
        return None
    try:
        found = store.path(sha).stat()
    except OSError:  # gone, or the folder unreadable: the store does not have it
        return None
    return found.st_size if stat.S_ISREG(found.st_mode) else None


def _stick_remedy(error: OSError) -> str:
    """What to do when the evidence of a backup written onto a stick could not be copied: a
    full stick can be given room; any other failure, another stick."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return (
            "USB không còn chỗ cho các tệp minh chứng: hãy giải phóng chỗ trống trên USB (hoặc "
            "dùng USB khác) rồi sao lưu lại để có đủ minh chứng."
        )
    return "hãy thử lại với USB khác để có đủ minh chứng."


def _lost_said(target: Path, names: list[str]) -> str:
    """What a backup onto ``target`` says of the stored evidence files ``names`` it could not
    carry, gone from the data folder or no longer with their hash: what the data check says of
    each (:func:`~..evidence.store.lost_file_message`), the stick not blamed."""
    from ..evidence.store import lost_file_message
    from ..lang.text import collation_key

    named = sorted(dict.fromkeys(names), key=lambda name: (collation_key(name), name))
    lost = " ".join(lost_file_message(name) for name in named)
    them = "tệp đó" if len(named) == 1 else "các tệp đó"
    return (
        f"Bản sao lưu dữ liệu đã ghi ra “{target}” và đọc lại thấy đúng, nhưng thiếu minh chứng "
        f"do lỗi ở thư mục dữ liệu trên máy này, không phải ở USB. {lost} Bản sao lưu vừa ghi "
        f"không có {them}; các tệp minh chứng khác đã chép đủ."
    )


def _unsound_said(left: Path | None) -> str:
    """What a backup onto a stick that did not read back right says of it: removed, so that no
    restore offers it; or, the stick gone (``left``), named, not to be restored from."""
    if left is None:
        return "Bản sao lưu đó đã được xóa khỏi USB."
    return (
        f"Tệp “{left.name}” còn trên USB không dùng được: đừng khôi phục từ tệp đó, hãy xóa nó đi."
    )


def _leftover_said(error: BaseException, folder: Path) -> str:
    """What a copy of evidence stopped by ``error`` says of the temporary file it could not
    remove from the backup's evidence ``folder`` (a stick gone), or nothing. The next backup
    writes into a folder of its own: this one is not cleaned by it, so nothing is promised."""
    left = left_behind(error)
    if left is None:
        return ""
    return (
        f" Tệp dở dang “{left.name}” có thể còn trong thư mục “{folder.name}” trên USB: đó "
        "không phải tệp minh chứng, có thể xóa đi."
    )


def _missing(folder: Path) -> bool:
    """Whether ``folder`` is missing, the folders above it being folders (a file on the way is
    said by the copy: "một phần của đường dẫn là tệp")."""
    if folder.exists():
        return False
    above = next((path for path in folder.parents if path.exists()), None)
    return above is None or above.is_dir()
