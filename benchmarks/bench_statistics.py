"""Statistics at 100,000 members: ``ws.statistics.roster()`` cold (after a write) and warm."""

from __future__ import annotations

from doancoso.core.changes import EVERYTHING
from doancoso.core.workspace import Workspace

from .common import best_of, demo_folder, report


def run() -> None:
    folder = demo_folder(100_000)
    with Workspace.open(folder) as ws:
        statistics = ws.statistics

        def cold() -> object:
            ws.db.changes.record(
                EVERYTHING
            )  # as after any member write: the cached counts are dropped
            return statistics.roster()

        report("statistics: roster counts, cold (100k)", best_of(5, cold), "<= 0.3 s")
        statistics.roster()
        report("statistics: roster counts, warm (100k)", best_of(5, statistics.roster), "<= 0.3 s")
