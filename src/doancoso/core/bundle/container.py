"""A bundle file (``.dcs``): written safely, read only once verified (docs/bundle-format.md).

- :func:`write_bundle` writes a :class:`RowSource` as a container (encrypted with a password, or
  clear by an explicit choice) on a stick, the safe way (:mod:`disks`), and returns what it
  wrote once the file read back matched.
- :func:`read_manifest` says what a bundle is (for ``inspect``): the password checked, the
  container decrypted and its directory and manifest checked, no member hashed.
- :func:`open_bundle` yields the bundle's rows and evidence once every member is verified.
- :func:`hold_bundle` reads a bundle once from its stick for the import wizard's steps
  (:class:`HeldBundle`): the file hashed whole, an encrypted one decrypted into a private copy
  that each later opening reads instead of the stick.

An encrypted bundle is decrypted into a private temporary file (0600) first and read from there.
An import (``open_bundle(..., store=...)``) has the evidence files its store lacks written, as
they are verified, into temporary files of the store's folder, which it then renames into place:
each read, hashed and written once. Otherwise evidence files are copied on demand into a private
temporary folder (0700) under their verified hash. All of them are removed on leaving (those the
store did not take), whatever happened.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from ..storage.folder import os_reason, write_remedy
from .crypto import EncryptingWriter, ReadBackMismatch, decrypt, is_encrypted
from .disks import safe_write
from .errors import OLDER_FILE_KEPT, BundleError, BundleWriteError, NotABundle
from .limits import SCRYPT_LOG2_N
from .manifest import DOSSIER_MEMBER, NOTHING_CHANGED, DossierInfo, Manifest
from .reader import TRUNCATED, ContainerReader, check_directory, not_a_bundle, zip_errors
from .writer import Dossier, Source, evidence_sizes, write_container

if TYPE_CHECKING:
    from ..evidence.store import EvidenceStore

Report = Callable[[int, int], None]
_SCALE = 1000
PDF_MAGIC = b"%PDF-"


@dataclass(frozen=True)
class Written:
    path: Path
    sha256: str
    """Of the whole file as written (what the biên bản bàn giao prints)."""
    size: int
    manifest: dict[str, Any]


class _Progress:
    """One bar over several phases: ``report(done, 1000)``; each phase a share of it."""

    def __init__(self, report: Report | None) -> None:
        self._report = report
        self._start = 0
        self._share = 0

    def phase(self, share: int) -> None:
        self._start += self._share
        self._share = share

    def __call__(self, done: int, total: int) -> None:
        if self._report is not None and total > 0:
            self._report(self._start + min(self._share, self._share * done // total), _SCALE)

    def finish(self) -> None:
        if self._report is not None:
            self._report(_SCALE, _SCALE)


@dataclass(frozen=True)
class HeldBundle:
    """A bundle read once from where it lies (a USB stick, slow and perhaps pulled out next):
    the password checked, the whole file hashed (``sha256``, what the biên bản bàn giao prints),
    the directory and manifest checked. An encrypted bundle is decrypted and authenticated into
    ``copy``, a private temporary file that each later opening (:func:`open_bundle`) reads
    instead of the stick, its members verified again there. A clear bundle has no copy: it is
    read from ``path`` again, and refused if the file changed since (size, modification time).
    :meth:`release` removes the copy; one left behind (a crash) is removed as stale by a later
    import."""

    path: Path
    manifest: Manifest
    sha256: str
    copy: Path | None
    stamp: tuple[int, int]
    """``path``'s size and modification time (ns) when it was read."""

    def release(self) -> None:
        if self.copy is not None:
            with contextlib.suppress(OSError):
                self.copy.unlink()


CHANGED_SINCE = (
    "Tệp dữ liệu đã thay đổi hoặc không còn ở chỗ cũ kể từ khi được mở. Hãy quay lại bước "
    f"đầu, chọn lại tệp rồi bấm “Tiếp”. {NOTHING_CHANGED}"
)
COPY_LOST = (
    "Bản giải mã tạm của tệp dữ liệu đã bị xóa (có thể do dọn dẹp tệp tạm). Hãy quay lại bước "
    f"đầu rồi bấm “Tiếp” để mở lại tệp. {NOTHING_CHANGED}"
)


class _HashingReader:
    """A one-pass reading of ``source`` that hashes what it reads (``count`` bytes so far)."""

    def __init__(self, source: BinaryIO) -> None:
        self._source = source
        self.digest = hashlib.sha256()
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self._source.read(size)
        self.digest.update(data)
        self.count += len(data)
        return data

    def drain(self, report: Callable[[int], None]) -> None:
        """Read to the end."""
        while self.read(1 << 20):
            report(self.count)


def hold_bundle(
    path: Path, password: str | None, *, report: Report | None = None, workdir: Path | None = None
) -> HeldBundle:
    """The bundle at ``path`` read once (:class:`HeldBundle`), for openings to come; a
    :class:`BundleError` and nothing left behind when it cannot be."""
    path = Path(path)
    progress = _Progress(report)
    progress.phase(_SCALE)
    copy: Path | None = None
    try:
        with _open_file(path) as handle:
            with zip_errors():
                head = handle.read(8)
                info = os.fstat(handle.fileno())
                handle.seek(0)
            reading = _HashingReader(handle)
            if is_encrypted(head):
                copy = _decrypt_to_temp(reading, password, info.st_size, progress, workdir)
            else:
                _check_clear_head(path, head, info.st_size)
            with zip_errors():
                reading.drain(lambda done: progress(done, info.st_size))  # a clear bundle's
                handle.seek(0)
            named = path.name
            manifest = None if copy else _manifest_of(handle, encrypted=False, name=named)
        if copy is not None:
            with _opened_copy(copy) as clear:
                manifest = _manifest_of(clear, encrypted=True, name=named)
        assert manifest is not None
        stamp = (info.st_size, info.st_mtime_ns)
        held = HeldBundle(path, manifest, reading.digest.hexdigest(), copy, stamp)
    except BaseException:
        if copy is not None:
            with contextlib.suppress(OSError):
                copy.unlink()
        raise
    progress.finish()
    return held


def size_of(reader: ContainerReader) -> int:
    return sum(member.size for member in reader.info.members.values())


class _Hashing:
    """A one-pass stream that hashes what goes through it into ``out``."""

    def __init__(self, out: BinaryIO) -> None:
        self._out = out
        self.digest = hashlib.sha256()

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self.digest.update(data)
        return self._out.write(data)

    def flush(self) -> None:
        self._out.flush()

    def tell(self) -> int:
        return self._out.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        raise OSError("written in one pass")


def write_bundle(
    target: Path,
    source: Source,
    *,
    password: str | None,
    report: Report | None = None,
    limit: int | None = None,
    kdf_log2_n: int = SCRYPT_LOG2_N,
    workdir: Path | None = None,
    dossier: Dossier | None = None,
) -> Written:
    """Write ``source`` as a bundle at ``target``: encrypted with ``password`` (None: clear).
    ``limit`` bounds the file's size (default: the drive's, FAT32's 4 GB); ``kdf_log2_n`` is
    scrypt's cost (the fuzz tests lower it to make thousands of bundles); ``workdir`` holds
    the read-back's decrypted copy (default: the system's temporary folder); ``dossier``: the
    built dossier a report bundle carries."""
    target = Path(target)
    progress = _Progress(report)
    sizes = evidence_sizes(source)
    written: dict[str, Any] = {}
    sha256: list[str] = []  # of the whole file
    sealing: list[EncryptingWriter] = []

    def write(stream: BinaryIO) -> None:
        progress.phase(_SCALE * 7 // 10)
        if password is None:
            out = _Hashing(stream)
            made = write_container(out, source, progress=progress, sizes=sizes, dossier=dossier)  # type: ignore[arg-type]
            written.update(made)
            sha256.append(out.digest.hexdigest())
            return
        encrypting = EncryptingWriter(stream, password, log2_n=kdf_log2_n)
        sealing.append(encrypting)
        made = write_container(encrypting, source, progress=progress, sizes=sizes, dossier=dossier)  # type: ignore[arg-type]
        written.update(made)
        encrypting.finish()

    def verify(path: Path) -> None:
        progress.phase(_SCALE * 3 // 10)
        total = path.stat().st_size
        progress(0, total)
        if password is None:  # read back as any reader would: every member's hash
            try:
                with _opened(path, None, extract=False, workdir=workdir) as reader:
                    reader.verify(lambda done: progress(done, size_of(reader)))
            except BundleError as exc:
                if isinstance(exc.__cause__, OSError):  # the stick failed under the reading
                    raise exc.__cause__ from None  # (safe_write says so, as of a write)
                raise read_back_failed(target, exc.message) from exc
            return
        # Encrypted: every chunk read back is decrypted and its tag checked (sealed by this
        # writer, with its key, counter and last flag), the header compared byte for byte, the
        # length too: the file on the stick is the very bytes written, whose members were
        # hashed into the manifest. Its SHA-256 (the biên bản's) is that of the bytes read.
        with open(path, "rb") as handle:
            try:
                sha256.append(sealing[0].check_file(handle, lambda done: progress(done, total)))
            except ReadBackMismatch as exc:
                raise read_back_failed(target, str(exc)) from exc

    expected = sum(sizes.values()) + (0 if dossier is None else dossier.size)
    size = safe_write(target, write, verify, expected_size=expected, limit=limit)
    progress.finish()
    return Written(target, sha256[0], size, written)


def read_back_failed(target: Path, details: str) -> BundleWriteError:
    """The file read back from the stick is not what was written."""
    return BundleWriteError(
        f"Gói dữ liệu đọc lại từ “{target.parent}” bị hỏng: khác với dữ liệu vừa ghi (ổ đĩa "
        f"hoặc USB có thể bị lỗi). Hãy thử ghi lại, hoặc chọn ổ đĩa khác. {OLDER_FILE_KEPT}",
        details=f"read back: {details}",
    )


def read_manifest(path: Path, password: str | None, *, workdir: Path | None = None) -> Manifest:
    """The checked manifest of the bundle at ``path`` (the password checked, an encrypted
    bundle decrypted whole and authenticated; members not hashed)."""
    with _opened(Path(path), password, extract=False, workdir=workdir) as reader:
        return reader.info


NO_DOSSIER = "Gói dữ liệu này không kèm hồ sơ đề nghị công nhận."


def save_dossier(
    source: Path | HeldBundle, password: str | None, target: Path, *, workdir: Path | None = None
) -> DossierInfo:
    """Copy the built dossier a report bundle carries to ``target`` (written atomically: a
    temporary name, renamed once its size and SHA-256 matched the manifest and it began as a
    PDF), from the bundle at ``source`` (or held: its decrypted copy). Nothing else of the
    bundle is used; a :class:`BundleError` (nothing left at ``target``) when it cannot be."""
    from ..storage.files import written_atomically

    target = Path(target)
    with _opened(source, password, extract=False, workdir=workdir) as reader:
        dossier = reader.info.dossier
        if dossier is None:
            raise BundleError(NO_DOSSIER)
        with written_atomically(target) as temp, open(temp, "wb") as out:
            head = bytearray()

            def write(block: bytes) -> None:
                if len(head) < len(PDF_MAGIC):
                    head.extend(block[: len(PDF_MAGIC)])
                try:
                    out.write(block)
                except OSError as exc:
                    raise BundleError(
                        f"Không ghi được tệp “{target}”: {os_reason(exc)}. {write_remedy(exc)}",
                        repr(exc),
                    ) from exc

            digest, size = reader._stream(DOSSIER_MEMBER, write)
            reader._check(DOSSIER_MEMBER, digest, size)
            if not bytes(head).startswith(PDF_MAGIC):
                raise BundleError(
                    "Hồ sơ kèm theo gói dữ liệu không phải tệp PDF: tệp đã bị sửa đổi hoặc không "
                    "do doancoso tạo ra. Không có tệp nào được ghi."
                )
    return dossier


@contextlib.contextmanager
def open_bundle(
    path: Path | HeldBundle,
    password: str | None,
    *,
    report: Report | None = None,
    workdir: Path | None = None,
    store: EvidenceStore | None = None,
) -> Iterator[ContainerReader]:
    """The rows and evidence of the bundle at ``path`` (or held: :func:`hold_bundle`), every
    member verified before the block starts (a :class:`BundleError` otherwise); ``workdir``
    holds the temporary files.
    ``store`` (an import's): the evidence files it lacks are written into its folder as they
    are verified, for it to adopt (``reader.staged``); those it did not are removed on leaving.
    """
    progress = _Progress(report)
    progress.phase(_SCALE // 2)  # decrypting (a clear bundle skips it)
    source = path if isinstance(path, HeldBundle) else Path(path)
    with _opened(
        source, password, extract=True, progress=progress, workdir=workdir, store=store
    ) as reader:
        progress.phase(_SCALE // 2)
        total = sum(member.size for member in reader.info.members.values())
        reader.verify(lambda done: progress(done, total))
        progress.finish()
        yield reader


def _open_file(path: Path) -> BinaryIO:
    try:
        if path.is_dir():
            raise BundleError(f"“{path}” là một thư mục, không phải gói dữ liệu.")
        return open(path, "rb")
    except OSError as exc:
        raise BundleError(
            f"Không mở được gói dữ liệu “{path}”: {os_reason(exc)}. {NOTHING_CHANGED}", repr(exc)
        ) from exc


def _check_clear_head(path: Path, head: bytes, size: int) -> None:
    """A file that is not encrypted must be a zip container."""
    if not size:
        raise BundleError(
            f"Tệp “{path.name}” rỗng (0 byte): có thể việc chép ra USB chưa xong. {NOTHING_CHANGED}"
        )
    if len(head) >= 8 and b"SQLite format 3\x00".startswith(head[:16]):  # a backup, not one
        raise NotABundle(
            f"Tệp “{path.name}” là một bản sao lưu dữ liệu (.sqlite), không phải gói dữ liệu "
            "(.dcs): bản sao lưu được đưa vào máy bằng “Khôi phục từ tệp…” (Tệp → Sao lưu và "
            "khôi phục…; lần đầu mở ứng dụng: “Khôi phục bản sao lưu…”) hoặc lệnh doancoso "
            f"restore. {NOTHING_CHANGED}"
        )
    if not head.startswith(b"PK"):
        raise not_a_bundle(path.name)


def _manifest_of(handle: BinaryIO, *, encrypted: bool, name: str) -> Manifest:
    """The checked directory and manifest of the container read from ``handle``."""
    with zip_errors():
        size = os.fstat(handle.fileno()).st_size
        try:
            archive = zipfile.ZipFile(handle)
        except zipfile.BadZipFile as exc:
            raise BundleError(TRUNCATED, repr(exc)) from exc
    with archive:
        return check_directory(archive, size, encrypted=encrypted, name=name)


def _opened_copy(copy: Path) -> BinaryIO:
    """A held bundle's decrypted copy, touched (not stale while in use)."""
    try:
        os.utime(copy)
        return open(copy, "rb")
    except OSError as exc:
        raise BundleError(COPY_LOST, repr(exc)) from exc


def _open_held(held: HeldBundle) -> BinaryIO:
    """The held bundle's decrypted copy (touched: not stale while in use), or its file on the
    stick if unchanged since it was read."""
    if held.copy is not None:
        return _opened_copy(held.copy)
    handle = _open_file(held.path)
    try:
        info = os.fstat(handle.fileno())
    except OSError as exc:
        handle.close()
        raise BundleError(CHANGED_SINCE, repr(exc)) from exc
    if (info.st_size, info.st_mtime_ns) != held.stamp:
        handle.close()
        raise BundleError(CHANGED_SINCE, f"{held.path}: {held.stamp} -> {info.st_size}")
    return handle


@contextlib.contextmanager
def _opened(
    source: Path | HeldBundle,
    password: str | None,
    *,
    extract: bool,
    progress: _Progress | None = None,
    workdir: Path | None = None,
    store: EvidenceStore | None = None,
) -> Iterator[ContainerReader]:
    with contextlib.ExitStack() as stack:
        if isinstance(source, HeldBundle):
            handle = stack.enter_context(_open_held(source))
            encrypted = source.copy is not None
            with zip_errors():
                size = os.fstat(handle.fileno()).st_size
        else:
            handle = stack.enter_context(_open_file(source))
            with zip_errors():
                head = handle.read(8)
                size = os.fstat(handle.fileno()).st_size
            encrypted = is_encrypted(head)
            handle.seek(0)
            if encrypted:
                handle = stack.enter_context(_decrypted(handle, password, size, progress, workdir))
                size = os.fstat(handle.fileno()).st_size
            else:
                _check_clear_head(source, head, size)
        with zip_errors():
            try:
                archive = stack.enter_context(zipfile.ZipFile(handle))
            except zipfile.BadZipFile as exc:
                raise BundleError(TRUNCATED, repr(exc)) from exc
        name = (source.path if isinstance(source, HeldBundle) else source).name
        manifest = check_directory(archive, size, encrypted=encrypted, name=name)
        folder = None
        if extract:
            folder = Path(tempfile.mkdtemp(prefix="doancoso-goi-", dir=workdir))
            stack.callback(shutil.rmtree, folder, ignore_errors=True)
        reader = ContainerReader(archive, manifest, folder, store)
        stack.callback(reader.discard_staged)
        yield reader


@contextlib.contextmanager
def _decrypted(
    source: BinaryIO,
    password: str | None,
    size: int,
    progress: _Progress | None,
    workdir: Path | None,
) -> Iterator[BinaryIO]:
    """``source`` decrypted into a private temporary file, removed on leaving."""
    temp = _decrypt_to_temp(source, password, size, progress, workdir)
    try:
        with open(temp, "rb") as clear:
            yield clear
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _decrypt_to_temp(
    source: Any,
    password: str | None,
    size: int,
    progress: _Progress | None,
    workdir: Path | None,
) -> Path:
    """``source`` (read from its start) decrypted and authenticated into a new private
    temporary file, closed; nothing is left behind when it fails."""
    try:
        fd, temp = _private_temp(workdir)
    except OSError as exc:
        raise _temp_failed(exc) from exc
    try:
        with open(fd, "wb") as clear:
            try:
                decrypt(
                    source, clear, password,
                    progress=None if progress is None else (lambda done: progress(done, size)),
                )  # fmt: skip
            except OSError as exc:
                raise _temp_failed(exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return temp


_TEMP_FLAGS = (
    os.O_RDWR | os.O_CREAT | os.O_EXCL
    | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NOINHERIT", 0)
    | getattr(os, "O_SHORT_LIVED", 0)
)  # fmt: skip
"""As :func:`tempfile.mkstemp` opens its files, and on Windows short-lived (the file is marked
temporary: the system keeps it in memory when it can, rather than write to an old PC's slow
disk the whole container it is about to delete)."""


def _private_temp(workdir: Path | None) -> tuple[int, Path]:
    """A new temporary file (0600) for a decrypted container: its descriptor and path."""
    import errno
    import secrets

    folder = Path(tempfile.gettempdir() if workdir is None else workdir)
    for _ in range(100):
        path = folder / f"doancoso-goi-{secrets.token_hex(8)}.zip"
        try:
            return os.open(path, _TEMP_FLAGS, 0o600), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _temp_failed(exc: OSError) -> BundleError:
    return BundleError(
        f"Không giải mã được gói dữ liệu: không ghi được tệp tạm ({os_reason(exc)}). "
        f"{write_remedy(exc)} {NOTHING_CHANGED}",
        repr(exc),
    )
