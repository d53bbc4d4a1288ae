"""Writing a clear container (a ZIP) in one pass from a :class:`RowSource`: rows streamed table by
table, evidence files block by block, each member hashed as it is written; the manifest, naming
every member with its SHA-256 and size, comes last. Nothing is held whole in memory but the
manifest."""

from __future__ import annotations

import hashlib
import json
import time
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from ... import __version__
from .errors import BundleError
from .limits import FORMAT_NAME, FORMAT_VERSION
from .manifest import (
    MANIFEST_NAME,
    NOTHING_CHANGED,
    SHA256,
    TABLE_NAME,
    WRITER_KEYS,
    dumps,
    parse_manifest,
)

_BLOCK = 1024 * 1024
_BATCH = 256 * 1024


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


def _encoded(rows: Iterator[dict[str, Any]], table: str) -> Iterator[bytes]:
    """The rows as JSON lines, in batches of about 256 KiB."""
    encode = _row_encoder()
    batch: list[str] = []
    size = 0
    for row in rows:
        try:
            line = encode(row)
        except (TypeError, ValueError) as exc:
            raise BundleError(
                f"Một bản ghi của bảng “{table}” không ghi được vào gói dữ liệu ({exc}). "
                f"{NOTHING_CHANGED}"
            ) from exc
        batch.append(line)
        size += len(line)
        if size >= _BATCH:
            batch.append("")
            yield "\n".join(batch).encode("utf-8")
            batch, size = [], 0
    if batch:
        batch.append("")
        yield "\n".join(batch).encode("utf-8")


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


def write_container(
    out: BinaryIO,
    source: Source,
    *,
    progress: Callable[[int, int], None] | None = None,
    sizes: dict[str, int] | None = None,
) -> dict[str, Any]:
    """Write the container of ``source`` into ``out`` (a one-pass stream); returns the
    manifest written. ``progress(done, total)`` counts rows and evidence bytes (rows / 100
    + evidence KiB); it may raise to cancel."""
    moment = datetime.now().astimezone().replace(microsecond=0)
    sizes = evidence_sizes(source) if sizes is None else sizes
    tables = source.tables()
    for table in tables:
        if not TABLE_NAME.fullmatch(table):
            raise BundleError(f"Tên bảng “{table[:80]}” không hợp lệ. {NOTHING_CHANGED}")
    declared = source.manifest.get("counts")
    expected_rows = sum(declared.values()) if isinstance(declared, dict) else 0
    total = expected_rows // 100 + sum(sizes.values()) // 1024 + 1
    done = 0
    members: dict[str, dict[str, Any]] = {}
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
    try:
        for table in tables:
            name = f"data/{table}.jsonl"
            digest, size, lines = hashlib.sha256(), 0, 0
            with archive.open(_zip_info(name, moment, True), "w", force_zip64=True) as member:
                for batch in _encoded(source.rows(table), table):
                    member.write(batch)
                    digest.update(batch)
                    size += len(batch)
                    count = batch.count(b"\n")
                    lines += count
                    advance(count // 100)
            members[name] = {"sha256": digest.hexdigest(), "size": size}
            counts[table] = lines
        for sha256, expected in sizes.items():
            name = f"evidence/{sha256}"
            digest, size = hashlib.sha256(), 0
            info = _zip_info(name, moment, False)
            info.file_size = expected
            try:
                with (
                    open(source.evidence(sha256), "rb") as handle,
                    archive.open(info, "w", force_zip64=expected > 2**31) as member,
                ):
                    while block := handle.read(_BLOCK):
                        member.write(block)
                        digest.update(block)
                        size += len(block)
                        advance(len(block) // 1024)
            except OSError as exc:
                if getattr(exc, "filename", None) is None or size:
                    raise  # the target's disk, not the evidence store
                raise _missing_evidence(sha256) from exc
            if digest.hexdigest() != sha256 or size != expected:
                raise _missing_evidence(sha256)
            members[name] = {"sha256": sha256, "size": size}
        manifest = {k: v for k, v in source.manifest.items() if k not in WRITER_KEYS}
        manifest.update(
            format=FORMAT_NAME,
            version=FORMAT_VERSION,
            created_at=moment.isoformat(),
            app_version=__version__,
            counts=counts,
            evidence_files=len(sizes),
            members=members,
        )
        data = dumps(manifest)
        parse_manifest(data)  # never write a bundle this version could not read
        archive.writestr(_zip_info(MANIFEST_NAME, moment, True), data)
        archive.close()
    except BaseException:
        archive.fp = None  # never let the collector's close() write to a failed target
        raise
    if progress is not None:
        progress(total, total)
    return manifest
