"""Reading a clear container (a ZIP): nothing is trusted before it is checked, nothing is ever
extracted to a path taken from the archive.

:func:`check_directory` checks the central directory (whitelisted names only, no ``../`` or
absolute name, no link, no duplicate, no unknown member, sizes and compression ratios within
:mod:`limits`) and the manifest; :meth:`ContainerReader.verify` then reads every member once,
checking its real size and SHA-256 against the manifest. An import gives the reader the evidence
store it fills: in that same pass each evidence file the store lacks is written into a temporary
file of the store's folder (read once, hashed once, written once), flushed to disk by a worker
thread while the reading goes on and the rows are written (fsync releases the GIL: on a slow disk
the flush is the long part), which the import then renames into place
(:meth:`ContainerReader.staged` waits for that file's flush and raises its error, if any, in the
caller's thread; ``EvidenceStore.adopt``); those not taken are removed when the bundle is closed.
Rows are parsed lazily afterwards, re-hashed as they are read, so that a file changed under the
reader meanwhile is caught too.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..storage.folder import os_reason, write_remedy
from .errors import BundleError, NotABundle
from .labels import quoted_table
from .limits import (
    MAX_LINE,
    MAX_MANIFEST_SIZE,
    MAX_MEMBER_SIZE,
    MAX_MEMBERS,
    MAX_RATIO,
    MAX_TOTAL_SIZE,
    RATIO_FROM,
)
from .manifest import (
    DATA_MEMBER,
    DOSSIER_MEMBER,
    EVIDENCE_MEMBER,
    MANIFEST_NAME,
    NOTHING_CHANGED,
    Manifest,
    parse_manifest,
)

if TYPE_CHECKING:
    from ..evidence.store import EvidenceStore

_BLOCK = 1024 * 1024
NOT_OURS = f"Tệp đã bị sửa đổi hoặc không do doancoso tạo ra. {NOTHING_CHANGED}"
TRUNCATED = (
    "Gói dữ liệu bị cắt cụt hoặc hỏng (có thể do chép ra USB chưa xong): hãy chép lại tệp "
    f"hoặc xuất lại gói. {NOTHING_CHANGED}"
)
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    ValueError,
    KeyError,
    IndexError,
    OverflowError,
    NotImplementedError,
    RuntimeError,
    TypeError,
    AttributeError,
)


def refused(text: str) -> BundleError:
    return BundleError(f"{text} {NOT_OURS}")


def not_a_bundle(name: str) -> NotABundle:
    """A file that is no doancoso bundle: a random file, or a ZIP without a doancoso manifest
    (another program's, renamed .dcs)."""
    return NotABundle(f"Tệp “{name}” không phải là gói dữ liệu doancoso (.dcs). {NOTHING_CHANGED}")


def _added(name: str) -> BundleError:
    """A file or folder in a doancoso bundle that its manifest does not name: added to it."""
    what = "thư mục" if name.endswith(("/", "\\")) else "tệp"
    return refused(f"Gói dữ liệu có thêm {what} “{name[:120]}” không do doancoso ghi vào.")


@contextlib.contextmanager
def zip_errors(what: str = "") -> Iterator[None]:
    """The errors of :mod:`zipfile` (and of the disk) as a :class:`BundleError`."""
    try:
        yield
    except BundleError:
        raise
    except OSError as exc:
        raise BundleError(
            f"Không đọc được gói dữ liệu: {os_reason(exc)}. {NOTHING_CHANGED}", repr(exc)
        ) from exc
    except _ZIP_ERRORS as exc:
        lead = f"Mục “{what}” của gói dữ liệu bị hỏng. " if what else ""
        raise BundleError(f"{lead}{TRUNCATED}", repr(exc)) from exc


def _dangerous(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return (
        name.startswith(("/", "\\"))
        or (len(name) > 1 and name[1] == ":")
        or ".." in parts
        or "\0" in name
    )


def _check_names(infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    if len(infos) > MAX_MEMBERS:
        raise refused(f"Gói dữ liệu có {len(infos)} mục, vượt giới hạn {MAX_MEMBERS}.")
    by_name: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.orig_filename
        if _dangerous(name):
            raise refused(f"Gói dữ liệu chứa mục có đường dẫn nguy hiểm (“{name[:120]}”).")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise refused(f"Gói dữ liệu chứa một liên kết (symlink) “{name[:120]}”.")
        if name in by_name:
            raise refused(f"Gói dữ liệu chứa hai mục cùng tên “{name[:120]}”.")
        by_name[name] = info
        if not (
            name in (MANIFEST_NAME, DOSSIER_MEMBER)
            or DATA_MEMBER.fullmatch(name)
            or EVIDENCE_MEMBER.fullmatch(name)
        ):
            continue  # not a bundle's own: refused once the manifest says whose file this is
        if info.flag_bits & 0x1:
            raise refused(f"Mục “{name}” của gói dữ liệu được mã hóa theo cách không hỗ trợ.")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refused(f"Mục “{name}” của gói dữ liệu được nén theo cách không hỗ trợ.")
    return by_name


def _check_sizes(by_name: dict[str, zipfile.ZipInfo], file_size: int) -> None:
    total = compressed = 0
    for name, info in by_name.items():
        limit = MAX_MANIFEST_SIZE if name == MANIFEST_NAME else MAX_MEMBER_SIZE
        if info.file_size > limit:
            raise refused(f"Mục “{name}” khai báo kích thước vượt giới hạn.")
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise refused(
                f"Mục “{name}” có tỉ lệ nén bất thường ({info.file_size} byte nén còn "
                f"{info.compress_size} byte): có thể là tệp độc hại (“bom zip”)."
            )
        total += info.file_size
        compressed += info.compress_size
    if compressed > file_size:
        raise refused("Các mục của gói dữ liệu chồng lên nhau (có thể là “bom zip”).")
    if total > MAX_TOTAL_SIZE or total > MAX_RATIO * file_size + RATIO_FROM:
        raise refused(
            f"Gói dữ liệu khai báo {total} byte dữ liệu, vượt giới hạn cho phép (có thể là "
            "“bom zip”)."
        )


def _read_small(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with zip_errors(info.orig_filename), archive.open(info) as member:
        data = member.read(info.file_size + 1)
    if len(data) != info.file_size:
        raise refused(f"Kích thước thực của mục “{info.orig_filename}” khác với khai báo.")
    return data


def check_directory(
    archive: zipfile.ZipFile, file_size: int, *, encrypted: bool, name: str
) -> Manifest:
    """The manifest of ``archive`` once its central directory and manifest are checked
    (names, links, duplicates, sizes and ratios; every member named by the manifest and
    every manifest entry present with its declared size). Reads no member but the manifest.
    An archive without a doancoso manifest is no bundle (:func:`not_a_bundle` of the file's
    ``name``); one with it and a member it does not name has been added to."""
    with zip_errors():
        infos = archive.infolist()
    by_name = _check_names(infos)
    _check_sizes(by_name, file_size)
    if MANIFEST_NAME not in by_name:
        raise not_a_bundle(name)
    try:
        manifest = parse_manifest(_read_small(archive, by_name[MANIFEST_NAME]), encrypted=encrypted)
    except NotABundle as exc:
        raise not_a_bundle(name) from exc
    for entry in by_name:
        if entry != MANIFEST_NAME and entry not in manifest.members:
            raise _added(entry)
    for name, member in manifest.members.items():
        if name not in by_name:
            raise refused(f"Gói dữ liệu thiếu mục “{name}” có trong danh mục.")
        if by_name[name].file_size != member.size:
            raise refused(
                f"Kích thước của mục “{name}” không khớp với danh mục (khai báo "
                f"{member.size} byte, trong tệp {by_name[name].file_size} byte)."
            )
    return manifest


def _lines_error(table: str, line: int, what: str) -> BundleError:
    return refused(f"Dòng {line} của bảng {quoted_table(table)} trong gói dữ liệu {what}.")


class ContainerReader:
    """The rows and evidence files of a checked container (a :class:`RowSource`)."""

    def __init__(
        self,
        archive: zipfile.ZipFile,
        manifest: Manifest,
        evidence_folder: Path | None,
        store: EvidenceStore | None = None,
    ) -> None:
        self.archive = archive
        self.info = manifest
        self.manifest: dict[str, Any] = manifest.raw
        self._evidence_folder = evidence_folder
        self._store = store
        self._staged: dict[str, Path] = {}
        self.damaged: set[str] = set()
        """The evidence files the store holds damaged (another size, other bytes): staged from
        the bundle, to replace them (:meth:`_stage`)."""
        self._flushes: dict[str, Future[None]] = {}
        self._flusher: ThreadPoolExecutor | None = None

    # -- verification -------------------------------------------------------------------
    def _stream(self, name: str, sink: Callable[[bytes], object] | None = None) -> tuple[str, int]:
        """Read member ``name`` whole: its SHA-256 and real size (``sink`` gets each block)."""
        digest = hashlib.sha256()
        size = 0
        declared = self.info.members[name].size
        with zip_errors(name), self.archive.open(name) as member:
            while block := member.read(_BLOCK):
                size += len(block)
                if size > declared:
                    break
                digest.update(block)
                if sink is not None:
                    sink(block)
        return digest.hexdigest(), size

    def _check(self, name: str, sha256: str, size: int) -> None:
        member = self.info.members[name]
        if size != member.size:
            raise refused(
                f"Kích thước thực của mục “{name}” ({size} byte) khác với danh mục "
                f"({member.size} byte)."
            )
        if sha256 != member.sha256:
            raise refused(f"Mục “{name}” không khớp mã kiểm tra SHA-256: gói dữ liệu bị hỏng.")

    def verify(self, progress: Callable[[int], None] | None = None) -> None:
        """Read every member once: size and SHA-256 as the manifest says, every table's line
        count as its ``counts``."""
        done = 0
        for name in self.info.members:
            lines = 0
            sha = name.removeprefix("evidence/")
            if name.startswith("data/"):

                def sink(block: bytes) -> None:
                    nonlocal lines
                    lines += block.count(b"\n")

                digest, size = self._stream(name, sink)
            elif name.startswith("evidence/") and self._store is not None:
                digest, size = self._stage(name, sha, self._store)
            else:
                digest, size = self._stream(name)
            self._check(name, digest, size)
            table = DATA_MEMBER.fullmatch(name)
            if table and lines != self.info.counts[table.group(1)]:
                raise refused(
                    f"Số dòng của bảng {quoted_table(table.group(1))} ({lines}) khác với danh mục "
                    f"({self.info.counts[table.group(1)]})."
                )
            done += size
            if progress is not None:
                progress(done)

    def _stage(self, name: str, sha: str, store: EvidenceStore) -> tuple[str, int]:
        """Verify evidence member ``name`` as :meth:`_stream` does, written as it is read into
        a temporary file of ``store``'s folder unless the store already holds it sound (or it
        was staged already). The file is kept (see :meth:`staged`) only once its hash checked.

        A stored copy of the member's size is compared with the member byte for byte in the
        same pass (the member's hash is checked, so an equal copy is sound): one damaged on
        disk, or of another size, is staged like a missing one, and the import puts the sound
        copy in its place (:attr:`damaged`)."""
        if sha in self._staged:
            return self._stream(name)
        if store.has(sha):
            compared = self._compare(name, store.path(sha))
            if compared is not None and compared[2]:
                return compared[0], compared[1]
            self.damaged.add(sha)
        try:
            handle, temp = store.staged_file()
        except OSError as exc:
            raise store_failed(exc) from exc

        def write(block: bytes) -> None:
            try:
                handle.write(block)
            except OSError as exc:  # the store's disk (reading is zip_errors')
                raise store_failed(exc) from exc

        try:
            try:
                with handle:
                    digest, size = self._stream(name, write)
            except OSError as exc:  # closing: the last block written out
                raise store_failed(exc) from exc
            self._check(name, digest, size)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        self._staged[sha] = temp
        if self._flusher is None:
            self._flusher = ThreadPoolExecutor(1, thread_name_prefix="doancoso-flush")
        self._flushes[sha] = self._flusher.submit(_flush, temp)
        return digest, size

    def _compare(self, name: str, stored: Path) -> tuple[str, int, bool] | None:
        """Verify member ``name`` as :meth:`_stream` does, comparing it with the ``stored``
        file as it is read: its hash, size, and whether the stored file holds the same bytes.
        None, the member not read, when the stored file is of another size or cannot be
        opened (damaged: the member is read once, as it is staged)."""
        try:
            here = open(stored, "rb")  # noqa: SIM115 - closed below
        except OSError:
            return None
        with here:
            try:
                if os.fstat(here.fileno()).st_size != self.info.members[name].size:
                    return None
            except OSError:
                return None
            same = True

            def compare(block: bytes) -> None:
                nonlocal same
                if same:
                    try:
                        same = here.read(len(block)) == block
                    except OSError:
                        same = False

            digest, size = self._stream(name, compare)
        return digest, size, same

    def staged(self, sha256: str) -> Path | None:
        """The verified temporary copy of evidence file ``sha256`` in the store's folder, made
        by :meth:`verify` and flushed to disk (waited for here: a failure to flush raised as a
        :class:`BundleError`), for the store to adopt (None: not made, or adopted already)."""
        path = self._staged.get(sha256)
        if path is None:
            return None
        flush = self._flushes.pop(sha256, None)
        if flush is not None:
            try:
                flush.result()
            except OSError as exc:
                raise store_failed(exc) from exc
        return path if path.is_file() else None

    def discard_staged(self) -> None:
        """Remove the temporary copies the store did not adopt (the bundle being closed), once
        the flushes under way are over (those not started are cancelled)."""
        if self._flusher is not None:
            self._flusher.shutdown(wait=True, cancel_futures=True)
            self._flusher = None
        self._flushes.clear()
        for path in self._staged.values():
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        self._staged.clear()

    # -- RowSource ------------------------------------------------------------------------
    def tables(self) -> list[str]:
        return self.info.tables()

    def evidence_hashes(self) -> list[str]:
        return self.info.evidence_hashes()

    def evidence(self, sha256: str) -> Path:
        """A private copy of evidence file ``sha256``, made when first asked for (an import
        asks only for the files its store lacks), its hash checked again as it is copied."""
        name = f"evidence/{sha256}"
        if name not in self.info.members or self._evidence_folder is None:
            raise KeyError(sha256)
        path = self._evidence_folder / sha256
        if not path.exists():
            part = path.with_name(f"{sha256}.part")
            try:
                with open(part, "wb") as target:
                    digest, size = self._stream(name, target.write)
                self._check(name, digest, size)
                part.replace(path)
            except OSError as exc:  # the temporary folder's disk (reading is zip_errors')
                raise BundleError(
                    f"Không chép được tệp minh chứng ra thư mục tạm: {os_reason(exc)}. "
                    f"{write_remedy(exc)} {NOTHING_CHANGED}",
                    repr(exc),
                ) from exc
            finally:
                part.unlink(missing_ok=True)
        return path

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """The rows of ``table`` one by one (parsed lazily, re-hashed as they are read)."""
        name = f"data/{table}.jsonl"
        if name not in self.info.members:
            raise KeyError(table)
        digest = hashlib.sha256()
        size = 0
        line = 0
        rest = b""
        with zip_errors(name), self.archive.open(name) as member:
            while True:
                with zip_errors(name):
                    block = member.read(_BLOCK)
                if not block:
                    break
                size += len(block)
                digest.update(block)
                data = rest + block
                cut = data.rfind(b"\n") + 1
                rest = data[cut:]
                if len(rest) > MAX_LINE:
                    raise _lines_error(table, line + 1, "dài quá giới hạn")
                for row in _rows_of(data[:cut], table, line + 1):
                    line += 1
                    yield row
        if rest:
            raise _lines_error(table, line + 1, "không kết thúc bằng dấu xuống dòng")
        self._check(name, digest.hexdigest(), size)


def _flush(path: Path) -> None:
    """Write ``path``'s data to the disk (the flusher thread's work)."""
    with open(path, "r+b") as handle:  # written to: Windows flushes only such handles
        os.fsync(handle.fileno())


def store_failed(exc: OSError) -> BundleError:
    """An evidence file the import could not write, flush or rename into the store."""
    return BundleError(
        f"Không ghi được tệp minh chứng vào thư mục dữ liệu: {os_reason(exc)}. "
        f"{write_remedy(exc)} {NOTHING_CHANGED}",
        repr(exc),
    )


def _no_constant(name: str) -> Any:
    raise ValueError(name)


_DECODER = json.JSONDecoder(parse_constant=_no_constant)
"""Made once (``json.loads`` with an option makes a decoder at every call)."""
_SCAN: Callable[[str, int], tuple[Any, int]] = _DECODER.scan_once  # type: ignore[attr-defined]
"""The decoder's scanner (C): one JSON value read where it stands in a text."""


def _rows_of(lines: bytes, table: str, first: int) -> Iterator[dict[str, Any]]:
    """The rows of ``lines`` (whole lines, each ending with a newline; ``first``: the number of
    the first), exactly as :func:`_row` reads each one: the text decoded at once and each line
    read by the scanner where it stands (less work than a decoder called on each line alone).
    A line in any doubt (not one object ending at its newline: leading or trailing spaces,
    anything wrong) is read alone by :func:`_row`, which accepts it or says what is wrong."""
    try:
        text = lines.decode("utf-8")
    except UnicodeDecodeError:  # some line is not UTF-8: each read alone to tell which
        for number, piece in enumerate(lines.split(b"\n")[:-1], first):
            yield _row(piece, table, number)
        return
    find = text.find
    number = first
    start = 0
    while start < len(text):
        stop = find("\n", start)
        try:
            row, end = _SCAN(text, start)
        except (StopIteration, ValueError, RecursionError):
            row, end = None, -1
        if end != stop or type(row) is not dict:
            row = _row(text[start:stop].encode("utf-8"), table, number)
        yield row
        number += 1
        start = stop + 1


def _row(data: bytes, table: str, line: int) -> dict[str, Any]:
    try:
        row = _DECODER.decode(data.decode("utf-8"))
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        raise _lines_error(table, line, "không phải JSON hợp lệ") from None
    if not isinstance(row, dict):
        raise _lines_error(table, line, "không phải một đối tượng JSON")
    return row


def container_size(handle: IO[bytes]) -> int:
    return os.fstat(handle.fileno()).st_size
