"""``manifest.json``: what a bundle holds, checked field by field before anything else is read.

The manifest names every other member of the container with its SHA-256 and size; a reader
trusts no member that the manifest does not name (docs/bundle-format.md, "Manifest").
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .errors import BundleError, NewerFormat, NotABundle
from .labels import quoted_table
from .limits import DOSSIER_VERSION, FORMAT_NAME, FORMAT_VERSION

MANIFEST_NAME = "manifest.json"
KINDS = ("handover", "report")
NOTHING_CHANGED = "Không có gì được thay đổi."
NEWER_FORMAT = "Gói dữ liệu được tạo bởi phiên bản doancoso mới hơn: hãy cập nhật ứng dụng."

TABLE_NAME = re.compile(r"[a-z][a-z0-9_]{0,62}")
SHA256 = re.compile(r"[0-9a-f]{64}")
DATA_MEMBER = re.compile(r"data/([a-z][a-z0-9_]{0,62})\.jsonl")
EVIDENCE_MEMBER = re.compile(r"evidence/([0-9a-f]{64})")
DOSSIER_MEMBER = "dossier.pdf"
"""The built recognition dossier a report bundle may carry (format version 2)."""
DOSSIER_FILE_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,99}\.pdf")

WRITER_KEYS = (
    "format", "version", "created_at", "app_version", "counts", "evidence_files", "members",
    "dossier",
)  # fmt: skip
"""Keys the writer sets itself, whatever the source's manifest says."""


@dataclass(frozen=True)
class MemberInfo:
    sha256: str
    size: int


@dataclass(frozen=True)
class DossierInfo:
    """The manifest's ``dossier``: the year's recognition dossier (a PDF) as last built before
    the export, carried as the member :data:`DOSSIER_MEMBER` (docs/bundle-format.md)."""

    year: int
    file_name: str
    built_at: str
    sha256: str
    size: int

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "file_name": self.file_name,
            "built_at": self.built_at,
            "size": self.size,
            "sha256": self.sha256,
        }


@dataclass(frozen=True)
class Manifest:
    """A checked manifest. ``raw`` is the whole JSON object (with bundle-sync's ``exchange``)."""

    version: int
    kind: str
    organization_id: str
    organization_name: str
    year: int | None
    created_at: str
    app_version: str
    counts: dict[str, int]
    evidence_files: int
    members: dict[str, MemberInfo]
    raw: dict[str, Any] = field(repr=False)
    encrypted: bool = False
    format: str = FORMAT_NAME
    dossier: DossierInfo | None = None

    def tables(self) -> list[str]:
        """The tables whose rows the bundle holds, in the order they were written."""
        return [m.group(1) for name in self.members if (m := DATA_MEMBER.fullmatch(name))]

    def evidence_hashes(self) -> list[str]:
        return [m.group(1) for name in self.members if (m := EVIDENCE_MEMBER.fullmatch(name))]

    def to_json(self) -> dict[str, Any]:
        """The shape of ``doancoso bundle inspect --format json`` (issue #17); ``live_counts``
        (the keys of ``counts``, deleted rows left out) and ``member_statuses`` (members not
        deleted per status code) only for a bundle that carries them (:func:`live_counts`);
        ``dossier``: the built dossier carried (:meth:`DossierInfo.to_json`) or null."""
        shown: dict[str, Any] = {
            "format": self.format,
            "version": self.version,
            "kind": self.kind,
            "organization": {"id": self.organization_id, "name": self.organization_name},
            "year": self.year,
            "created_at": self.created_at,
            "app_version": self.app_version,
            "encrypted": self.encrypted,
            "counts": json_counts(self.counts, self.evidence_files),
        }
        live = live_counts(self)
        if live is not None:
            shown["live_counts"] = json_counts(live.tables, self.evidence_files)
            shown["member_statuses"] = dict(live.member_statuses)
        shown["dossier"] = None if self.dossier is None else self.dossier.to_json()
        return shown


@dataclass(frozen=True)
class LiveCounts:
    """What a bundle holds that is not deleted: rows per table (``live_counts``) and members
    per status code (``member_statuses``), optional fields of the manifest since 2026-12
    (docs/bundle-format.md): a bundle written before has none."""

    tables: dict[str, int]
    member_statuses: dict[str, int]


def live_counts(manifest: Manifest) -> LiveCounts | None:
    """The manifest's live counts, or None when it has none (an older bundle) or when they do
    not agree with the rest (they are only shown: a bundle is never refused for them)."""
    raw = manifest.raw
    tables, statuses = raw.get("live_counts"), raw.get("member_statuses", {})
    if not isinstance(tables, dict) or not isinstance(statuses, dict):
        return None
    if set(tables) != set(manifest.counts) or not all(isinstance(k, str) for k in statuses):
        return None
    values = [*tables.values(), *statuses.values()]
    if any(isinstance(v, bool) or not isinstance(v, int) or v < 0 for v in values):
        return None
    if any(tables[t] > manifest.counts[t] for t in tables):
        return None
    if statuses and sum(statuses.values()) != tables.get("members"):
        return None
    return LiveCounts(dict(tables), dict(statuses))


EVIDENCE_ROWS_KEY = "evidence_file_rows"
"""In ``inspect --format json``'s ``counts``, the rows of the table ``evidence_files``: the
key ``evidence_files`` there is the number of evidence files (issue #17), so the table's rows
cannot be under its own name."""


def json_counts(counts: dict[str, int], evidence_files: int) -> dict[str, int]:
    """``counts`` of ``inspect --format json``: the rows of each table under its name (those of
    ``evidence_files`` under :data:`EVIDENCE_ROWS_KEY`), then ``evidence_files``, the number
    of evidence files in the bundle."""
    shown = {
        EVIDENCE_ROWS_KEY if table == "evidence_files" else table: rows
        for table, rows in counts.items()
    }
    shown["evidence_files"] = evidence_files
    return shown


def malformed(detail: str) -> BundleError:
    return BundleError(
        f"Danh mục của gói dữ liệu (manifest.json) không hợp lệ: {detail}. Tệp đã bị sửa "
        f"đổi hoặc không do doancoso tạo ra. {NOTHING_CHANGED}"
    )


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicated key")
    return result


def loads(data: bytes) -> Any:
    """JSON as a bundle's reader accepts it: UTF-8, no NaN or Infinity, no duplicated keys."""
    return json.loads(
        data.decode("utf-8"), parse_constant=_no_constant, object_pairs_hook=_unique_keys
    )


def dumps(manifest: Mapping[str, Any]) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, allow_nan=False, indent=1).encode("utf-8")


def _count(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**53:
        raise malformed(f"{what} phải là một số nguyên không âm")
    return value


def _text(raw: Mapping[str, Any], key: str, what: str, *, empty: bool = False) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or (not empty and not value.strip()) or len(value) > 1000:
        raise malformed(f"thiếu {what}")
    return value


def parse_manifest(data: bytes, *, encrypted: bool = False) -> Manifest:
    """The :class:`Manifest` of ``data`` (the bytes of ``manifest.json``), or a
    :class:`BundleError` saying what is wrong (:class:`NewerFormat` for a newer version)."""
    try:
        raw = loads(data)
    except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
        raise malformed("không phải JSON đúng cú pháp") from exc
    if not isinstance(raw, dict):
        raise malformed("không phải một đối tượng JSON")
    if raw.get("format") != FORMAT_NAME:
        raise NotABundle(f"Tệp này không phải là gói dữ liệu doancoso (.dcs). {NOTHING_CHANGED}")
    version = raw.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise malformed("phiên bản định dạng không hợp lệ")
    if version > FORMAT_VERSION:
        raise NewerFormat(
            f"{NEWER_FORMAT} (Gói dùng định dạng phiên bản {version}; phiên bản ứng dụng này "
            f"đọc được đến phiên bản {FORMAT_VERSION}.) {NOTHING_CHANGED}"
        )
    kind = raw.get("kind")
    if kind not in KINDS:
        raise malformed("loại gói không phải “handover” hay “report”")
    organization = raw.get("organization")
    if not isinstance(organization, dict):
        raise malformed("thiếu tổ chức Đoàn")
    year = raw.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise malformed("năm không hợp lệ")
    if year is not None and not 1900 <= year <= 9999:
        raise malformed("năm không hợp lệ")
    created_at = _text(raw, "created_at", "thời điểm tạo")
    try:
        datetime.fromisoformat(created_at)
    except ValueError as exc:
        raise malformed("thời điểm tạo không hợp lệ") from exc
    counts = raw.get("counts")
    if not isinstance(counts, dict):
        raise malformed("thiếu số bản ghi của từng bảng")
    checked_counts = {}
    for table, count in counts.items():
        if not TABLE_NAME.fullmatch(table):
            raise malformed(f"tên bảng “{table[:64]}” không hợp lệ")
        checked_counts[table] = _count(count, f"số bản ghi của bảng {quoted_table(table)}")
    members = raw.get("members")
    if not isinstance(members, dict):
        raise malformed("thiếu danh sách các mục")
    checked_members = {}
    for name, info in members.items():
        known = DATA_MEMBER.fullmatch(name) or EVIDENCE_MEMBER.fullmatch(name)
        if not (known or name == DOSSIER_MEMBER):
            raise malformed(f"mục “{name[:80]}” không được phép")
        if not isinstance(info, dict) or not SHA256.fullmatch(str(info.get("sha256"))):
            raise malformed(f"mã kiểm tra của mục “{name}” không hợp lệ")
        size = _count(info.get("size"), f"kích thước của mục “{name}”")
        checked_members[name] = MemberInfo(info["sha256"], size)
        evidence = EVIDENCE_MEMBER.fullmatch(name)
        if evidence and evidence.group(1) != info["sha256"]:
            raise malformed(f"tệp minh chứng “{name}” không mang tên theo mã của nó")
    manifest = Manifest(
        version=version,
        kind=kind,
        organization_id=_text(organization, "id", "mã tổ chức Đoàn"),
        organization_name=_text(organization, "name", "tên tổ chức Đoàn"),
        year=year,
        created_at=created_at,
        app_version=_text(raw, "app_version", "phiên bản ứng dụng"),
        counts=checked_counts,
        evidence_files=_count(raw.get("evidence_files"), "số tệp minh chứng"),
        members=checked_members,
        raw=raw,
        encrypted=encrypted,
        dossier=_dossier(raw, version, checked_members.get(DOSSIER_MEMBER)),
    )
    if set(manifest.tables()) != set(checked_counts):
        raise malformed("số bản ghi không khớp với các bảng trong gói")
    if len(manifest.evidence_hashes()) != manifest.evidence_files:
        raise malformed("số tệp minh chứng không khớp với các tệp trong gói")
    return manifest


def _dossier(raw: Mapping[str, Any], version: int, member: MemberInfo | None) -> DossierInfo | None:
    """The manifest's ``dossier``, which must describe the member :data:`DOSSIER_MEMBER` (both
    or neither, from format version 2)."""
    dossier = raw.get("dossier")
    if dossier is None and member is None:
        return None
    if member is None or not isinstance(dossier, dict):
        raise malformed("hồ sơ đề nghị công nhận kèm theo không khớp với các mục trong gói")
    if version < DOSSIER_VERSION:
        raise malformed(f"gói phiên bản {version} không kèm hồ sơ đề nghị công nhận")
    year = dossier.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 9999:
        raise malformed("năm của hồ sơ kèm theo không hợp lệ")
    if year != raw.get("year"):
        raise malformed("hồ sơ kèm theo không phải của năm báo cáo")
    name = _text(dossier, "file_name", "tên tệp hồ sơ kèm theo")
    if not DOSSIER_FILE_NAME.fullmatch(name):
        raise malformed("tên tệp hồ sơ kèm theo không hợp lệ")
    built_at = _text(dossier, "built_at", "thời điểm tạo hồ sơ kèm theo")
    try:
        datetime.fromisoformat(built_at)
    except ValueError as exc:
        raise malformed("thời điểm tạo hồ sơ kèm theo không hợp lệ") from exc
    if dossier.get("sha256") != member.sha256 or dossier.get("size") != member.size:
        raise malformed("mã kiểm tra hoặc kích thước của hồ sơ kèm theo không khớp")
    return DossierInfo(year, name, built_at, member.sha256, member.size)
