"""Hostile and broken bundles made from a real one: its members taken out, changed, and put back
into a new ZIP with (or without) a manifest that matches them, as a crafted file would be."""

from __future__ import annotations

import hashlib
import json
import re
import stat
import warnings
import zipfile
from pathlib import Path
from typing import Any

EVIDENCE = re.compile(r"evidence/([0-9a-f]{64})")


def members_of(bundle: Path) -> dict[str, bytes]:
    """Every member of a clear bundle, manifest included, in the container's order."""
    with zipfile.ZipFile(bundle) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def manifest_of(members: dict[str, bytes]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(members["manifest.json"])
    return result


def matching_manifest(members: dict[str, bytes], base: dict[str, Any]) -> dict[str, Any]:
    """``base`` with its members, counts and evidence count redone for ``members``."""
    manifest = dict(base)
    manifest["members"] = {
        name: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, data in members.items()
        if name != "manifest.json"
    }
    manifest["counts"] = {
        name[5:-6]: data.count(b"\n")
        for name, data in members.items()
        if name.startswith("data/") and name.endswith(".jsonl")
    }
    manifest["evidence_files"] = sum(1 for name in members if EVIDENCE.fullmatch(name))
    return manifest


def build(
    target: Path,
    entries: list[tuple[str, bytes]] | dict[str, bytes],
    *,
    manifest: dict[str, Any] | None = None,
    symlinks: tuple[str, ...] = (),
    stored: bool = False,
) -> Path:
    """A ZIP of ``entries`` (name, bytes; names taken as they are, duplicates allowed), with
    ``manifest`` as manifest.json when given (else whatever ``entries`` hold)."""
    items = list(entries.items()) if isinstance(entries, dict) else list(entries)
    if manifest is not None:
        items = [(n, d) for n, d in items if n != "manifest.json"]
        items.append(("manifest.json", json.dumps(manifest, ensure_ascii=False).encode()))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of a duplicated name: we mean it
        with zipfile.ZipFile(target, "w") as archive:
            for name, data in items:
                info = zipfile.ZipInfo(name, date_time=(2026, 12, 4, 10, 0, 0))
                info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                mode = stat.S_IFLNK | 0o777 if name in symlinks else stat.S_IFREG | 0o644
                info.external_attr = mode << 16
                archive.writestr(info, data)
    return target


def central_entry(data: bytes, name: str) -> int:
    """The offset of ``name``'s central-directory record in a ZIP's bytes."""
    at = data.rindex(b"PK\x01\x02", 0, data.rindex(name.encode()) + 1)
    return at
