"""Writing a clear container (a ZIP) in one pass from a :class:`RowSource`: rows streamed table by
table, evidence files block by block, each member hashed as it is written; the manifest, naming
every member with its SHA-256 and size, comes last. Nothing is held whole in memory but the
manifest."""

from __future__ import annotations

import hashlib
import json
import os
import time
import zipfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import IO, Any, BinaryIO, Protocol

from ... import __version__
from .errors import BundleError
from .labels import quoted_table
from .limits import BASE_VERSION, DOSSIER_VERSION, FORMAT_NAME
from .manifest import (
    DOSSIER_MEMBER,
    MANIFEST_NAME,
    NOTHING_CHANGED,
    SHA256,
    TABLE_NAME,
    WRITER_KEYS,
    dumps,
    parse_manifest,
)

_BLOCK = 1024 * 1024
_BATCH = 1024 * 1024
_WAITING = 8 * 1024 * 1024
"""Bytes at most handed to the writing thread and not yet written."""


class Dossier(Protocol):
    """The built dossier a report bundle carries (core/dossier/stored.py's BuiltDossier)."""

    @property
    def year(self) -> int: ...
    @property
    def path(self) -> Path: ...
    @property
    def size(self) -> int: ...
    @property
    def built_at(self) -> datetime: ...
    @property
    def file_name(self) -> str: ...


class Source(Protocol):
    """What the container needs of core/bundle/rows.py's ``RowSource``."""

    manifest: dict[str, Any]

    def tables(self) -> list[str]: ...
    def rows(self, table: str) -> Iterator[dict[str, Any]]: ...
    def evidence(self, sha256: str) -> Path: ...
    def evidence_hashes(self) -> list[str]: ...


def _zip_info(name: str, moment: datetime, compressed: bool) -> zipfile.ZipInfo:
    local = moment.astimezone()
    info = zipfile.ZipInfo(name, date_time=local.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED if compressed else zipfile.ZIP_STORED
    info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
    return info


def _row_encoder() -> Callable[[dict[str, Any]], str]:
    """A row as compact JSON (UTF-8 text, no NaN): the C encoder made once, called per row
    (``JSONEncoder.encode`` makes a new one at every call, a third of the export's encoding)."""
    plain = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return plain.encode
    iterencode = make(
        None, plain.default, json.encoder.encode_basestring, None, ":", ",", False, False, False
    )

    def encode(row: dict[str, Any]) -> str:
        return "".join(iterencode(row, 0))

    return encode


def _line(encode: Callable[[dict[str, Any]], str], row: dict[str, Any], table: str) -> str:
    try:
        return encode(row)
    except (TypeError, ValueError) as exc:
        raise BundleError(
            f"Một bản ghi của bảng {quoted_table(table)} không ghi được vào gói dữ liệu ({exc}). "
            f"{NOTHING_CHANGED}"
        ) from exc


def _encoded(rows: Iterator[dict[str, Any]], table: str) -> Iterator[bytes]:
    """The rows as JSON lines, in batches of about 1 MiB (:func:`_batches`)."""
    encode = _row_encoder()
    return _batches(_line(encode, row, table) for row in rows)


def _batches(lines: Iterable[str]) -> Iterator[bytes]:
    """``lines`` joined, each ended by a newline, in batches of about 1 MiB (fewer hand-overs
    to the helper thread, each of which may wait for the GIL)."""
    batch: list[str] = []
    size = 0
    for line in lines:
        batch.append(line)
        size += len(line)
        if size >= _BATCH:
            batch.append("")
            yield "\n".join(batch).encode("utf-8")
            batch, size = [], 0
    if batch:
        batch.append("")
        yield "\n".join(batch).encode("utf-8")


_COLUMN = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=("\n", ":"))
"""A column's values as a JSON array whose items are separated by a newline, which JSON text
never holds unescaped (strings write it ``\\n``): split on it, each value's JSON text."""


def _lines_of_columns(names: list[str], columns: list[list[Any]], table: str) -> list[str]:
    """The JSON lines of a chunk of rows given as columns, each line exactly what
    :func:`_encoded` writes of that row: each column encoded by one call, each line then one
    ``%``-format of a template holding the keys."""
    encoded = []
    try:
        for column in columns:
            parts = _COLUMN.encode(column)[1:-1].split("\n")
            if len(parts) != len(column):
                break  # a value not a JSON scalar: row by row below
            encoded.append(parts)
    except (TypeError, ValueError):
        pass  # row by row below, to stop on the row at fault with its message
    if len(encoded) != len(columns) or not columns:
        encode = _row_encoder()
        return [
            _line(encode, dict(zip(names, values, strict=True)), table)
            for values in zip(*columns, strict=True)
        ]
    keys = (json.encoder.encode_basestring(name).replace("%", "%%") + ":%s" for name in names)
    template = "{" + ",".join(keys) + "}"
    return list(map(template.__mod__, zip(*encoded, strict=True)))


def _encoded_columns(
    chunks: Iterator[tuple[list[str], list[list[Any]]]], table: str
) -> Iterator[bytes]:
    """What :func:`_encoded` makes of the same rows, from chunks of columns (the snapshot's)."""
    return _batches(
        line for names, columns in chunks for line in _lines_of_columns(names, columns, table)
    )


def _encoded_source(source: Source, table: str) -> Iterator[bytes]:
    """The JSON lines of ``source``'s rows of ``table``, in batches: made by the source when it
    can (the snapshot's ``json_lines``: SQLite writes them, a chunk it would write otherwise
    given as columns), else from its rows a column at a time (``columns``), else row by row."""
    lines = getattr(source, "json_lines", None)
    if lines is not None:
        return _joined(lines(table), table)
    columns = getattr(source, "columns", None)  # rows a column at a time
    if columns is not None:
        return _encoded_columns(columns(table), table)
    return _encoded(source.rows(table), table)


def _joined(
    chunks: Iterator[bytes | tuple[list[str], list[list[Any]]]], table: str
) -> Iterator[bytes]:
    """Chunks of JSON lines (UTF-8, each ended by a newline), or of columns to encode
    (:func:`_lines_of_columns`), in batches of about 1 MiB."""
    batch: list[bytes] = []
    size = 0
    for chunk in chunks:
        if isinstance(chunk, tuple):
            lines = _lines_of_columns(*chunk, table)
            chunk = "".join(f"{line}\n" for line in lines).encode("utf-8")
        batch.append(chunk)
        size += len(chunk)
        if size >= _BATCH:
            yield b"".join(batch)
            batch, size = [], 0
    if batch:
        yield b"".join(batch)


def evidence_sizes(source: Source) -> dict[str, int]:
    """Each evidence file's size, by hash (checked to be a SHA-256)."""
    sizes = {}
    for sha256 in source.evidence_hashes():
        if not SHA256.fullmatch(sha256):
            raise BundleError(f"Mã tệp minh chứng “{sha256[:80]}” không hợp lệ. {NOTHING_CHANGED}")
        try:
            sizes[sha256] = source.evidence(sha256).stat().st_size
        except OSError as exc:
            raise _missing_evidence(sha256) from exc
    return sizes


def _missing_evidence(sha256: str) -> BundleError:
    return BundleError(
        f"Tệp minh chứng {sha256[:12]}… không đọc được hoặc đã bị hỏng trong kho minh chứng: "
        "hãy chạy “Kiểm tra dữ liệu” (lệnh doancoso check) rồi xuất lại. Không có tệp nào "
        "được ghi."
    )


class _Pipeline:
    """Work handed, in order, to one helper thread: the ZIP (CRC-32, deflate), the encryption
    and the writes to the target, while the caller's thread reads rows and evidence (CRC-32,
    deflate, SHA-256 and file writes release the GIL: the two cores work at once). At most
    ``limit`` bytes wait; the helper's error is raised on the caller's thread at its next
    :meth:`put` or at :meth:`drain`, and nothing more runs after an error on either side."""

    def __init__(self, limit: int) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="doancoso-goi")
        self._pending: deque[tuple[Future[None], int]] = deque()
        self._waiting = 0
        self._limit = limit
        self._stopped = False

    def put(self, work: Callable[..., None], *args: Any, size: int = 0) -> None:
        self._pending.append((self._pool.submit(self._run, work, *args), size))
        self._waiting += size
        while self._pending and (self._waiting > self._limit or self._pending[0][0].done()):
            self._settle()

    def _run(self, work: Callable[..., None], *args: Any) -> None:
        if self._stopped:
            return
        try:
            work(*args)
        except BaseException:
            self._stopped = True
            raise

    def _settle(self) -> None:
        done, size = self._pending.popleft()
        self._waiting -= size
        done.result()

    def drain(self) -> None:
        """Wait for all the work handed over (raising the helper's error, if any)."""
        while self._pending:
            self._settle()

    def close(self) -> None:
        """Stop: work not started is dropped; the helper has finished when this returns."""
        self._stopped = True
        self._pool.shutdown(wait=True, cancel_futures=True)


class _Members:
    """The ZIP being written, on the pipeline's thread: one member open at a time."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self._archive = archive
        self._member: IO[bytes] | None = None
        self.digest = hashlib.sha256()

    def begin(self, info: zipfile.ZipInfo, force_zip64: bool) -> None:
        self._member = self._archive.open(info, "w", force_zip64=force_zip64)
        self.digest = hashlib.sha256()

    def write(self, data: bytes) -> None:
        assert self._member is not None
        self._member.write(data)

    def write_hashed(self, data: bytes) -> None:
        assert self._member is not None
        self._member.write(data)
        self.digest.update(data)

    def end(self, hashes: dict[str, str] | None = None, name: str = "") -> None:
        assert self._member is not None
        self._member.close()
        self._member = None
        if hashes is not None:
            hashes[name] = self.digest.hexdigest()


def write_container(
    out: BinaryIO,
    source: Source,
    *,
    progress: Callable[[int, int], None] | None = None,
    sizes: dict[str, int] | None = None,
    dossier: Dossier | None = None,
) -> dict[str, Any]:
    """Write the container of ``source`` into ``out`` (a one-pass stream); returns the
    manifest written. ``progress(done, total)`` counts rows and evidence bytes (rows / 100
    + evidence KiB); it may raise to cancel (on the caller's thread, as every callback here).
    ``dossier``: the built dossier PDF to carry (member ``dossier.pdf``, described by the
    manifest's ``dossier``; the bundle is then of format version 2).

    ``out`` is written on a helper thread (:class:`_Pipeline`), in order; the rows are read
    and encoded, the evidence files read and checked against their names, on this one."""
    moment = datetime.now().astimezone().replace(microsecond=0)
    sizes = evidence_sizes(source) if sizes is None else sizes
    tables = source.tables()
    for table in tables:
        if not TABLE_NAME.fullmatch(table):
            raise BundleError(f"Tên bảng “{table[:80]}” không hợp lệ. {NOTHING_CHANGED}")
    declared = source.manifest.get("counts")
    expected_rows = sum(declared.values()) if isinstance(declared, dict) else 0
    extra = 0 if dossier is None else dossier.size
    total = expected_rows // 100 + (sum(sizes.values()) + extra) // 1024 + 1
    done = 0
    members: dict[str, dict[str, Any]] = {}
    row_hashes: dict[str, str] = {}
    counts: dict[str, int] = {}
    last_report = 0.0

    def advance(step: int) -> None:
        nonlocal done, last_report
        done += step
        now = time.monotonic()
        if progress is not None and now - last_report > 0.1:
            last_report = now
            progress(min(done, total), total)

    archive = zipfile.ZipFile(out, "w", allowZip64=True)
    zip_members = _Members(archive)
    pipeline = _Pipeline(_WAITING)
    try:
        for table in tables:
            name = f"data/{table}.jsonl"
            size, lines = 0, 0
            pipeline.put(zip_members.begin, _zip_info(name, moment, True), True)
            batches = _encoded_source(source, table)
            for batch in batches:
                pipeline.put(zip_members.write_hashed, batch, size=len(batch))
                size += len(batch)
                count = batch.count(b"\n")
                lines += count
                advance(count // 100)
            pipeline.put(zip_members.end, row_hashes, name)
            members[name] = {"sha256": "", "size": size}
            counts[table] = lines
        for sha256, expected in sizes.items():
            name = f"evidence/{sha256}"
            digest, size = hashlib.sha256(), 0
            info = _zip_info(name, moment, False)
            info.file_size = expected
            try:
                handle = open(source.evidence(sha256), "rb")  # noqa: SIM115 - closed below
            except OSError as exc:
                raise _missing_evidence(sha256) from exc
            with handle:
                pipeline.put(zip_members.begin, info, expected > 2**31)
                while True:
                    try:
                        block = handle.read(_BLOCK)
                    except OSError as exc:
                        raise _missing_evidence(sha256) from exc
                    if not block:
                        break
                    pipeline.put(zip_members.write, block, size=len(block))
                    digest.update(block)  # checked against its name as it is copied
                    size += len(block)
                    advance(len(block) // 1024)
            if digest.hexdigest() != sha256 or size != expected:
                raise _missing_evidence(sha256)
            pipeline.put(zip_members.end)
            members[name] = {"sha256": sha256, "size": size}
        carried = None
        if dossier is not None:
            carried = _write_dossier(dossier, moment, pipeline, zip_members, advance)
            members[DOSSIER_MEMBER] = {"sha256": carried["sha256"], "size": carried["size"]}
        pipeline.drain()
        for name, sha256 in row_hashes.items():
            members[name]["sha256"] = sha256
        manifest = {k: v for k, v in source.manifest.items() if k not in WRITER_KEYS}
        manifest.update(
            format=FORMAT_NAME,
            version=BASE_VERSION if carried is None else DOSSIER_VERSION,
            created_at=moment.isoformat(),
            app_version=__version__,
            counts=counts,
            evidence_files=len(sizes),
            members=members,
        )
        if carried is not None:
            manifest["dossier"] = carried
        data = dumps(manifest)
        parse_manifest(data)  # never write a bundle this version could not read
        archive.writestr(_zip_info(MANIFEST_NAME, moment, True), data)
        archive.close()
    except BaseException:
        pipeline.close()  # the helper stopped before anything more is done to ``out``
        archive.fp = None  # never let the collector's close() write to a failed target
        raise
    finally:
        pipeline.close()
    if progress is not None:
        progress(total, total)
    return manifest


def _write_dossier(
    dossier: Dossier,
    moment: datetime,
    pipeline: _Pipeline,
    zip_members: _Members,
    advance: Callable[[int], None],
) -> dict[str, Any]:
    """Write the built dossier as the member ``dossier.pdf`` (stored: a PDF is compressed
    already), hashed as it is read; the manifest's ``dossier`` describing what was written
    (the file read once, through one handle: a dossier built again meanwhile replaces the file
    by a rename, and this one is read whole as it was)."""
    unreadable = (
        f"Không đọc được hồ sơ đề nghị công nhận năm {dossier.year} đã tạo (“{dossier.path}”): "
        f"hãy tạo lại hồ sơ rồi xuất lại. {NOTHING_CHANGED}"
    )
    try:
        handle = open(dossier.path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise BundleError(unreadable, repr(exc)) from exc
    digest, size = hashlib.sha256(), 0
    with handle:
        try:
            expected = os.fstat(handle.fileno()).st_size
        except OSError as exc:
            raise BundleError(unreadable, repr(exc)) from exc
        info = _zip_info(DOSSIER_MEMBER, moment, False)
        info.file_size = expected
        pipeline.put(zip_members.begin, info, expected > 2**31)
        while True:
            try:
                block = handle.read(_BLOCK)
            except OSError as exc:
                raise BundleError(unreadable, repr(exc)) from exc
            if not block:
                break
            pipeline.put(zip_members.write, block, size=len(block))
            digest.update(block)
            size += len(block)
            advance(len(block) // 1024)
    pipeline.put(zip_members.end)
    return {
        "year": dossier.year,
        "file_name": dossier.file_name,
        "built_at": dossier.built_at.isoformat(),
        "size": size,
        "sha256": digest.hexdigest(),
    }
