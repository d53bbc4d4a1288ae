"""The evidence store: ``evidence/`` in the data folder, one file per content, named by its
SHA-256 (DESIGN.md, "Evidence files").

A file enters the store by :meth:`EvidenceStore.add`: its type is checked by its first bytes
(PDF, JPEG or PNG: never by the extension), its size against a limit, then it is copied under a
temporary name, hashed, flushed to disk and renamed to its hash. Adding the same content
twice stores it once (a stored copy found changed on disk is replaced by the sound one). A file
already written and hashed elsewhere (a bundle's evidence, verified as it was read) enters by
:meth:`EvidenceStore.adopt` instead: written once into a temporary file of the store's own
folder (:meth:`EvidenceStore.staged_file`), then renamed to its hash, never copied again.
Stored files are never changed; a file no record refers to any more is removed only by the data
check, never as a side effect of a detach (an undo may bring the record back).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import ImportFileError
from ..lang.text import size_text
from ..storage.files import (
    NameNotFlushed,
    discard,
    fsync_folder,
    leave_named,
    new_temp,
    remove_stale_temps,
    replace_flushed,
)
from ..storage.folder import os_reason, write_remedy

EVIDENCE_FOLDER = "evidence"
DEFAULT_MAX_SIZE = 50 * 1024 * 1024
MEDIA_TYPES: dict[str, str] = {
    "application/pdf": "PDF",
    "image/jpeg": "ảnh JPEG",
    "image/png": "ảnh PNG",
}
_SHA256 = re.compile(r"[0-9a-f]{64}")
NOT_STORED = ".not-a-sha256"
"""The name a row's hash that is not a SHA-256 (a damaged database, a hand edit, an old
bundle) is looked for under: one the store never gives a file (:meth:`EvidenceStore.cited`)."""
_CHUNK = 1024 * 1024
TEMP_PREFIX, TEMP_SUFFIX = ".evidence.", ".tmp"
"""A file being written into the store: never named by a record; one a crash left is removed by
the data check (backup/check.py), or by the next import once an hour old."""
STALE_AFTER = 3600.0  # seconds
_OLD_COPY_TEMP = re.compile(r"\.[0-9a-f]{64}\.tmp")
"""The temporary name :meth:`EvidenceStore.copy_out` gave its copies in earlier versions: one a
killed copy left on a stick is removed as the app's own."""


def lost_file_message(name: str) -> str:
    """What a secretary is told of a stored file that is gone or no longer has its hash (by
    the data check, or when it is opened), and what to do."""
    return (
        f"Tệp minh chứng “{name}” không còn trong thư mục dữ liệu hoặc đã bị thay đổi: hãy lấy "
        "lại từ một bản sao lưu ra USB có tệp đó (“Lấy lại tệp minh chứng bị mất từ USB…” trong "
        "“Sao lưu và khôi phục…”, lệnh doancoso restore-evidence) hoặc đính kèm lại tệp gốc."
    )


_WRITE_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS})
"""Errors of a copy that come from where it is written (the data folder's disk)."""


def _write_error(name: str, exc: OSError) -> ImportFileError:
    """A file that could not be written into the store: the data folder's disk, not the file."""
    return ImportFileError(
        f"Không ghi được tệp “{name}” vào thư mục dữ liệu: {os_reason(exc)}. {write_remedy(exc)}"
    )


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    media_type: str


def sniff(head: bytes) -> str | None:
    """The media type of a file from its first bytes, among :data:`MEDIA_TYPES`, else None."""
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    return None


class EvidenceStore:
    """The ``evidence/`` folder of one data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / EVIDENCE_FOLDER

    def path(self, sha256: str) -> Path:
        """Where the store holds ``sha256``'s file; a ``ValueError`` for a text that is not a
        SHA-256 (a file is only written under its hash: readers of rows use :meth:`cited`)."""
        if not is_sha256(sha256):
            raise ValueError(f"not a SHA-256: {sha256!r}")
        return self.folder / sha256

    def cited(self, sha256: str) -> Path:
        """Where a row's file is looked for: :meth:`path`, or for a hash that is not a SHA-256
        a name in the store no file is ever given (:data:`NOT_STORED`), never a path out of
        it: the row's file is found gone, a lost file, as the data check names it."""
        return self.path(sha256) if is_sha256(sha256) else self.folder / NOT_STORED

    def has(self, sha256: str) -> bool:
        return is_sha256(sha256) and self.path(sha256).is_file()

    def _holds(self, sha256: str, size: int) -> bool:
        """Whether the store holds ``sha256`` intact: a stored file damaged or changed on disk
        (which the data check reports, advising to attach the original again or to restore a
        backup) is then replaced by the sound copy coming in."""
        path = self.path(sha256)
        return path.is_file() and path.stat().st_size == size and self.verify(sha256)

    def add(self, source: Path, max_size: int = DEFAULT_MAX_SIZE) -> StoredFile:
        """Copy ``source`` into the store (once per content); refused with an
        :class:`ImportFileError` when it cannot be read, is too large or is not a PDF, JPEG or
        PNG (:meth:`accepted`). Nothing is left behind on failure."""
        media_type = self.accepted(source, max_size)
        name = source.name or str(source)
        try:
            return self._copy(source, media_type, max_size, name)
        except OSError as exc:
            raise ImportFileError(f"Không đọc được tệp “{name}”: {os_reason(exc)}.") from exc

    @staticmethod
    def accepted(source: Path, max_size: int = DEFAULT_MAX_SIZE) -> str:
        """The media type of ``source`` if :meth:`add` would take it as it is now, read without
        copying it; else :meth:`add`'s refusal (it cannot be read, is too large or is not a
        PDF, JPEG or PNG). What a caller checks before it makes anything for the file."""
        name = source.name or str(source)  # "." (the current folder) has no name
        try:
            size = source.stat().st_size
            if not source.is_file():
                raise ImportFileError(f"“{name}” không phải là một tệp.")
            if size > max_size:
                raise ImportFileError(
                    f"Tệp “{name}” nặng {size_text(size)}, quá giới hạn {size_text(max_size)} "
                    "cho một tệp minh chứng. Hãy nén hoặc chụp lại với độ phân giải thấp hơn."
                )
            if size == 0:
                raise ImportFileError(f"Tệp “{name}” rỗng.")
            with open(source, "rb") as handle:
                head = handle.read(16)
            media_type = sniff(head)
            if media_type is None:
                raise ImportFileError(
                    f"Tệp “{name}” không phải PDF, ảnh JPEG hoặc PNG (kiểm tra theo nội dung "
                    "tệp, không theo phần mở rộng). Hãy lưu lại ở một trong các dạng đó."
                )
            return media_type
        except OSError as exc:
            raise ImportFileError(f"Không đọc được tệp “{name}”: {os_reason(exc)}.") from exc

    def _copy(self, source: Path, media_type: str, max_size: int, name: str) -> StoredFile:
        """Copy ``source`` under a temporary name, hash the copy, flush it to disk and rename it
        to its hash. The copy is left to the system (``shutil.copyfile``: the kernel copies on
        Linux), then the copy itself is hashed: a store file is named by what it holds, even if
        the source changed meanwhile. About the cost of a bare copy and hash (BENCHMARKS.md).
        A failure of the data folder's disk is said as such (:func:`_write_error`), a failure of
        the source's as a file that cannot be read (by :meth:`add`)."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, temp_name = tempfile.mkstemp(
                prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=self.folder
            )
            os.close(fd)
        except OSError as exc:
            raise _write_error(name, exc) from exc
        digest = hashlib.sha256()
        temp = Path(temp_name)
        try:
            try:
                shutil.copyfile(source, temp)
            except OSError as exc:
                if exc.errno in _WRITE_ERRNOS:
                    raise _write_error(name, exc) from exc
                raise  # the source's: "Không đọc được tệp"
            try:
                size = 0
                with open(temp, "r+b") as copied:  # written to: Windows flushes only such handles
                    while chunk := copied.read(_CHUNK):
                        size += len(chunk)
                        if size > max_size:  # the file grew since its size was checked
                            raise ImportFileError(
                                f"Tệp “{name}” quá giới hạn {size_text(max_size)}."
                            )
                        digest.update(chunk)
                    os.fsync(copied.fileno())
                sha = digest.hexdigest()
                if self._holds(sha, size):
                    temp.unlink()
                else:  # new, or a stored copy changed behind the app's back: the sound one wins
                    os.replace(temp, self.path(sha))
            except OSError as exc:
                raise _write_error(name, exc) from exc
            return StoredFile(sha, size, media_type)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise

    def staged_file(self) -> tuple[BinaryIO, Path]:
        """A new private temporary file in the store's folder, open for writing, and its path:
        written by the caller, then :meth:`adopt`-ed, or removed by the caller."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=self.folder)
        return open(fd, "wb"), Path(name)

    def remove_stale_temps(self, older_than: float = STALE_AFTER) -> None:
        """Remove the temporary files a killed write left in the store's folder (those at least
        ``older_than`` seconds old: a younger one may belong to a write under way); any failure
        is ignored (the data check removes them too)."""
        now = time.time()
        with contextlib.suppress(OSError), os.scandir(self.folder) as entries:
            for entry in entries:
                if not (entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(TEMP_SUFFIX)):
                    continue
                with contextlib.suppress(OSError):
                    info = entry.stat(follow_symlinks=False)
                    if stat.S_ISREG(info.st_mode) and now - info.st_mtime >= older_than:
                        os.unlink(entry.path)

    def adopt(
        self,
        temp: Path,
        sha256: str,
        *,
        flushed: bool = False,
        sync_folder: bool = True,
        replace: bool = False,
    ) -> bool:
        """Take ``temp`` (a :meth:`staged_file` whose content the caller hashed as ``sha256``
        while writing it) into the store: its type checked by its first bytes, flushed to disk
        (``flushed``: the caller did, once written), renamed to its hash, the folder flushed too
        (``sync_folder``: False when the caller calls :meth:`sync_folder` once after several).
        True when the file is new; False when the store already holds that content: ``temp`` is
        removed and the stored file left as it is. ``replace``: the caller found the stored file
        of that name damaged (not the content its name says): ``temp`` takes its place (True).
        Refused with an :class:`ImportFileError` (``temp`` removed) when not a PDF, JPEG or
        PNG, or when the disk fails."""
        target = self.path(sha256)
        if temp.parent != self.folder or not temp.name.startswith(TEMP_PREFIX):
            raise ValueError(f"not a staged file of this store: {temp}")
        try:
            with open(temp, "r+b") as staged:  # written to: Windows flushes only such handles
                head = staged.read(16)
                size = os.fstat(staged.fileno()).st_size
                if sniff(head) is None:
                    raise ImportFileError(
                        f"Tệp “{sha256}” không phải PDF, ảnh JPEG hoặc PNG (kiểm tra theo nội "
                        "dung tệp, không theo phần mở rộng). Hãy lưu lại ở một trong các dạng đó."
                    )
                if not replace and target.is_file() and target.stat().st_size == size:
                    new = False
                else:
                    if not flushed:
                        os.fsync(staged.fileno())
                    new = True
            if not new:
                temp.unlink()
                return False
            os.replace(temp, target)
            if sync_folder:
                self.sync_folder()
        except OSError as exc:
            temp.unlink(missing_ok=True)
            raise ImportFileError(
                f"Không ghi được tệp minh chứng vào thư mục dữ liệu: {os_reason(exc)}."
            ) from exc
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return True

    def sync_folder(self) -> None:
        """Flush the store folder's entries (the renames into it) to disk."""
        fsync_folder(self.folder)

    def copy_out(
        self,
        sha256: str,
        folder: Path,
        copied: Callable[[int], object] | None = None,
        *,
        name: str | None = None,
    ) -> Path:
        """Copy a stored file to ``folder`` under its hash (a backup on a USB stick), or under
        ``name`` (a name Windows accepts: :mod:`.copies`), and return where: temporary
        name, flushed, read back from the disk and checked, then renamed and the folder flushed
        (:func:`~..storage.files.replace_flushed`): a copy is returned only once its name is on
        the stick; a copy that fails its check is removed, never renamed. A file already under
        that name that does not read back with its hash (a copy an older version cut short,
        bytes a worn stick changed) is removed first: a new copy that fails too (the stick full
        or pulled out) leaves no file under the final name that is not a sound copy, and a full
        stick gets its room back. Another file under ``name`` is the user's: refused
        (``FileExistsError``), never replaced. ``copied(bytes)`` after each chunk (a progress
        bar, which may stop the copy by raising).

        What copies killed half-way left in ``folder`` is removed first (only the app's own
        temporary names, only a minute old). The error raised is always the copy's own (a
        full stick, one pulled out, a read-back not right: ``OSError`` without an errno); a
        temporary file the stick took with it is named on it
        (:func:`~..storage.files.left_behind`)."""
        folder.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(folder, also=_OLD_COPY_TEMP)
        target = folder / (name or sha256)
        if target.is_file():
            if EvidenceStore.hash_of(target) == sha256:
                return target
            if name is not None:
                raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target))
            target.unlink()
        # Named by the hash, not by ``name``: a name chosen to just fit Windows' path length
        # would not fit with the temporary name's additions.
        temp = new_temp(folder / sha256[:8])
        try:
            with open(self.path(sha256), "rb") as source, open(temp, "wb") as out:
                while chunk := source.read(_CHUNK):
                    out.write(chunk)
                    if copied is not None:
                        copied(len(chunk))
                out.flush()
                os.fsync(out.fileno())
                if hasattr(os, "posix_fadvise"):  # read back from the stick, not from memory
                    os.posix_fadvise(out.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            # Checked under the temporary name: a copy that does not read back with its hash
            # (a damaged stored file, a stick returning bad bytes) never gets the final name.
            # Read errors go through: a stick pulled out is said as such, not as bad bytes.
            if _read_hash(temp) != sha256:
                raise OSError(f"{target} does not read back with its hash")
            replace_flushed(temp, target)
        except NameNotFlushed:  # its name may not last: not a copy to count on (whole, if kept)
            discard(target)
            raise
        except BaseException as exc:
            leave_named(exc, discard(temp))
            raise
        return target

    def copy_checked(
        self, sha256: str, target: Path, copied: Callable[[int], object] | None = None
    ) -> bool:
        """Copy a stored file to ``target`` (the copy the system's viewer is given), reading it
        once: hashed as it is copied under a temporary name beside ``target``, renamed to
        ``target`` only if what was read has its hash. A ``target`` already there with the
        stored file's size (opened before) is kept and the stored file only checked. False, and
        nothing left, when the stored file is gone, cannot be read or no longer has its hash;
        an ``OSError`` of ``target``'s folder is raised. ``copied(bytes)`` after each chunk (a
        progress bar, which may stop the copy by raising: the temporary file is removed)."""
        if not is_sha256(sha256):  # a row's hash a hand edit made: a lost file
            return False
        temp: Path | None = None
        try:
            with contextlib.ExitStack() as files:
                try:
                    source = files.enter_context(open(self.path(sha256), "rb"))
                    size = os.fstat(source.fileno()).st_size
                except OSError:
                    return False
                out: BinaryIO | None = None
                if not (target.is_file() and target.stat().st_size == size):
                    target.parent.mkdir(parents=True, exist_ok=True)
                    fd, temp_name = tempfile.mkstemp(
                        prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=target.parent
                    )
                    temp = Path(temp_name)
                    out = files.enter_context(open(fd, "wb"))
                digest = hashlib.sha256()
                while True:
                    try:
                        chunk = source.read(_CHUNK)
                    except OSError:
                        return False
                    if not chunk:
                        break
                    digest.update(chunk)
                    if out is not None:
                        out.write(chunk)
                    if copied is not None:
                        copied(len(chunk))
                if digest.hexdigest() != sha256:
                    return False
            if temp is not None:
                os.replace(temp, target)
            return True
        finally:
            if temp is not None:
                temp.unlink(missing_ok=True)

    def take_in(self, folder: Path) -> int:
        """Add to the store every file of ``folder`` named by its hash whose content has that
        hash (the evidence beside a backup being restored), in place of a stored copy that no
        longer has its hash; others are ignored. Returns how many were added."""
        added = 0
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if not (is_sha256(path.name) and path.is_file()) or self.verify(path.name):
                continue
            if EvidenceStore.hash_of(path) != path.name:
                continue
            stored = self.add(path, max_size=max(path.stat().st_size, 1))
            added += stored.sha256 == path.name
        return added

    def take_back(self, source: Path, sha256: str) -> bool:
        """Put ``source`` (a lost file's copy in a backup's evidence folder on a stick) in the
        store as ``sha256``, in place of a stored copy gone or damaged: read once, hashed and
        written under a temporary name of the store's folder, flushed, then renamed only if what
        was read has that hash and is a PDF, JPEG or PNG, the folder flushed too. False, and
        nothing left, when it has not (a damaged copy on a worn stick). A failure of reading
        ``source`` or of writing into the data folder is an :class:`ImportFileError` saying
        which, nothing left either."""
        target = self.path(sha256)
        try:
            out, temp = self.staged_file()
        except OSError as exc:
            raise _write_error(source.name, exc) from exc
        try:
            digest = hashlib.sha256()
            head = b""
            with out, open(source, "rb") as copy:
                while True:
                    try:
                        chunk = copy.read(_CHUNK)
                    except OSError as exc:
                        raise ImportFileError(
                            f"Không đọc được tệp “{source}”: {os_reason(exc)}."
                        ) from exc
                    if not chunk:
                        break
                    head = head or chunk[:16]
                    digest.update(chunk)
                    try:
                        out.write(chunk)
                    except OSError as exc:
                        raise _write_error(source.name, exc) from exc
                try:
                    out.flush()
                    os.fsync(out.fileno())
                except OSError as exc:
                    raise _write_error(source.name, exc) from exc
            if digest.hexdigest() != sha256 or sniff(head) is None:
                return False
            try:
                os.replace(temp, target)
                self.sync_folder()
            except OSError as exc:
                raise _write_error(source.name, exc) from exc
            return True
        finally:
            temp.unlink(missing_ok=True)

    @staticmethod
    def hash_of(path: Path) -> str | None:
        """The SHA-256 of the file at ``path``, or None when it cannot be read."""
        try:
            return _read_hash(path)
        except OSError:
            return None

    def verify(self, sha256: str) -> bool:
        """Whether the stored file exists and still has its hash (never for a text that is not
        a SHA-256)."""
        return is_sha256(sha256) and EvidenceStore.hash_of(self.path(sha256)) == sha256


def holds_at(path: Path, size: int) -> bool:
    """Whether a regular file of ``size`` bytes is at ``path`` (a stored file's presence and
    size by one ``stat``, its bytes not read: cheap enough for every file a list cites)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size == size


def is_sha256(text: str) -> bool:
    """Whether ``text`` is a SHA-256 as the store names its files (64 lower-case hex digits)."""
    return _SHA256.fullmatch(text) is not None


def _read_hash(path: Path) -> str:
    """The SHA-256 of the file at ``path``; an ``OSError`` when it cannot be read."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
