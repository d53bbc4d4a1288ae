"""Row sources built from plain dicts for the container's tests: real rows through the real
``RowSource`` interface (the one core/bundle/rows.py's snapshot implements)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ORG_ID = "0b6c1c53-5a5c-4d7e-9a1d-6f1f3b0e2a10"
ORG_NAME = "Đoàn xã Tân Hưng"


class DictSource:
    """Tables of rows held as lists of dicts, evidence files written into ``folder``."""

    def __init__(
        self,
        tables: dict[str, list[dict[str, Any]]],
        evidence: list[bytes] | None = None,
        *,
        folder: Path,
        kind: str = "handover",
        year: int | None = None,
    ) -> None:
        self._tables = tables
        self._evidence: dict[str, Path] = {}
        folder.mkdir(parents=True, exist_ok=True)
        for content in evidence or []:
            sha256 = hashlib.sha256(content).hexdigest()
            path = folder / sha256
            path.write_bytes(content)
            self._evidence[sha256] = path
        self.manifest: dict[str, Any] = {
            "kind": kind,
            "year": year,
            "organization": {"id": ORG_ID, "name": ORG_NAME},
            "source_installation": "c3a4e0f2-0000-4000-8000-000000000001",
            "exchange": {"since": {"peer": 3}},
        }

    def tables(self) -> list[str]:
        return list(self._tables)

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        yield from self._tables[table]

    def evidence(self, sha256: str) -> Path:
        return self._evidence[sha256]

    def evidence_hashes(self) -> list[str]:
        return list(self._evidence)


def member(i: int) -> dict[str, Any]:
    return {
        "id": f"00000000-0000-4000-8000-{i:012d}",
        "revision": 1 + i % 3,
        "family_name": "Nguyễn",
        "given_name": ["An", "Bình", "Đạt", "Thủy"][i % 4],
        "birth_date": f"{1990 + i % 15}-0{1 + i % 9}-1{i % 10}",
        "cccd": f"0{i:011d}" if i % 2 else None,
        "score": 7.5 + i % 3,
        "active": bool(i % 5),
    }


def sample_source(folder: Path, members: int = 30, **kwargs: Any) -> DictSource:
    """A small organisation: members, chi đoàn, events, two evidence files (a PDF, a PNG)."""
    return DictSource(
        {
            "branches": [
                {"id": "b1", "revision": 1, "name": "Chi đoàn ấp Mỹ Phú"},
                {"id": "b2", "revision": 2, "name": "Chi đoàn Trường THCS Tân Hưng"},
            ],
            "members": [member(i) for i in range(members)],
            "member_events": [
                {"id": f"e{i}", "member_id": member(i)["id"], "kind": "ket_nap", "on": "2020-03-26"}
                for i in range(0, members, 3)
            ],
            "tombstones": [],
        },
        [b"%PDF-1.4\n" + bytes(range(256)) * 40, b"\x89PNG\r\n\x1a\n" + b"\x01" * 5000],
        folder=folder,
        **kwargs,
    )
