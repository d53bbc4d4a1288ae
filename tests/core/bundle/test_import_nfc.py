"""Vietnamese text of a bundle written decomposed (NFD: "Nguyễn" as "Nguye\\u0302\\u0303n", as
a Mac or another program may save it) is taken as the app stores every text, in NFC: so an NFD
copy of a bundle is the same data as the NFC one (nothing new, changed or in conflict where the
rows are those of this installation), and a person it brings is stored in NFC, shown and found
by the toneless search as if typed here."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from pathlib import Path
from typing import Any

from bundle_crafting import build, manifest_of, matching_manifest, members_of
from bundle_sync import by_id, every_row
from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace


def _nfd(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFD", value)
    if isinstance(value, dict):
        return {key: _nfd(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_nfd(item) for item in value]
    return value


def _nfd_copy(bundle: Path, target: Path) -> Path:
    """``bundle`` (clear) with every text of every row decomposed (NFD), its manifest's hashes
    and sizes redone to match."""
    real = members_of(bundle)
    members = dict(real)
    for name, data in real.items():
        if name.startswith("data/") and name.endswith(".jsonl"):
            members[name] = b"".join(
                json.dumps(_nfd(json.loads(line)), ensure_ascii=False).encode() + b"\n"
                for line in data.splitlines()
            )
    assert members != real  # the demo's names and notes have accents to decompose
    return build(target, members, manifest=matching_manifest(members, manifest_of(real)))


def test_an_nfd_copy_of_a_bundle_imports_as_unchanged_into_the_folder_that_made_it(
    home: Workspace, tmp_path: Path
) -> None:
    made = home.bundles.export(tmp_path / "that.dcs", password=None).path
    bundle = _nfd_copy(made, tmp_path / "nfd.dcs")
    before = every_row(home)

    plan = home.bundles.preview(bundle, None)
    assert (plan.new, plan.updated, plan.deleted, plan.conflicts) == ({}, {}, {}, [])
    result = home.bundles.apply(bundle, None)

    assert (result.new, result.updated, result.deleted, result.conflicts) == ({}, {}, {}, [])
    assert every_row(home) == before
    with Workspace.open(tmp_path / "moi") as fresh:  # a handover of it: the same rows
        fresh.bundles.apply(bundle, None)
        assert by_id(fresh) == by_id(home)


def test_a_new_member_written_in_nfd_arrives_in_nfc_and_is_found_without_tones(
    home: Workspace, away: Workspace, tmp_path: Path
) -> None:
    added = home.members.add(
        {"full_name": "Nguyễn Thị Thủy", "birth_date": "14/02/2003", "hometown": "Xã Ấp Bắc"}
    )
    member_id = added.member_id
    made = home.bundles.export(tmp_path / "that.dcs", password=None).path
    bundle = _nfd_copy(made, tmp_path / "nfd.dcs")

    result = away.bundles.apply(bundle, None)

    assert result.new == {"members": 1}
    with sqlite3.connect(away.db.path) as db:
        stored = db.execute(
            "SELECT full_name, hometown FROM members WHERE id = ?", (member_id,)
        ).fetchone()
    db.close()
    assert stored == ("Nguyễn Thị Thủy", "Xã Ấp Bắc")
    assert all(unicodedata.is_normalized("NFC", text) for text in stored)
    found = away.members.list(MemberFilter(search="nguyen thi thuy"))
    assert [(m.id, m.full_name) for m in found] == [(member_id, "Nguyễn Thị Thủy")]
