"""Roster speed at 100,000 members: snapshot load, search keystroke, sorts, the .xlsx export
(core level)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from doancoso.core.changes import EVERYTHING
from doancoso.core.lang.text import name_sort_key
from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace

from .common import best_of, demo_folder, report, worst_keystroke


def run() -> None:
    folder = demo_folder(100_000)
    with Workspace.open(folder) as ws:
        members = ws.members

        def cold_ids() -> object:
            ws.db.changes.record(EVERYTHING)  # force the snapshot to be rebuilt, as after a write
            return members.ids()

        report(
            "roster: name-ordered ids, cold (100k)",
            best_of(5, cold_ids),
            "part of page open <= 0.5 s",
        )
        report("roster: name-ordered ids, warm (100k)", best_of(5, members.ids))
        keystrokes = ["n", "ng", "ngu", "nguy", "nguye", "nguyen", "nguyen v", "nguyen van a"]
        worst = worst_keystroke(keystrokes, lambda k: members.ids(MemberFilter(search=k)))
        report("roster: search keystroke, worst of 'nguyen van a'", worst, "<= 50 ms")
        for column in ("birth_date", "branch", "status", "national_id"):

            def sort_cold(column: str = column) -> object:
                ws.db.changes.record(EVERYTHING)
                members.ids()
                return members.ids(sort=column)

            report(f"roster: sort by {column}, cold (100k)", best_of(3, sort_cold))
        rows = members.rows(members.ids())
        names = [r.full_name for r in rows]
        baseline = best_of(3, lambda: sorted(names))
        report(
            "Vietnamese sort key + sort of 100k names in Python",
            best_of(3, lambda: sorted(names, key=name_sort_key)),
            baseline=("plain str sort", baseline),
        )
        block = members.ids()[:200]
        report("roster: fetch a block of 200 rows", best_of(20, lambda: members.rows(block)))
        with tempfile.TemporaryDirectory(prefix="bench-roster-") as tmp:
            target = Path(tmp) / "doan-vien.xlsx"
            report(
                "roster: export .xlsx (100k)",
                best_of(2, lambda: ws.spreadsheets.export_members(target)),
            )
