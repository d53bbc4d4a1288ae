"""A rating round closed on this copy takes no rating from a copy of the same organisation
(issue #17; the rule a sáp nhập keeps, ``orgmerge.py``).

A closed round's levels are decided: the rating page and the rating sheet's import refuse any
change until it is reopened. An exchange between two copies took a member's rating changed on
the other copy (or a rating made there) into a round closed here all the same. Now the walk
leaves out, for a round closed here that stays closed after the import, every rating and chi
đoàn rating of the file that would change it (new, taken, or in conflict with ours): ours kept,
its version not recorded as agreed, so that once the round is reopened here the same file
imported again takes them. The plan's ``notes`` say so, with how to take them.

Which rounds: those closed here before the import, less those the file reopens (their round's
row, reopened on the other copy and not changed here since, is taken as any row is, and the
ratings changed there with it come along); a round closed on the other copy only is open here,
so it takes the file's ratings and its closing, the levels as decided there. A round closed on
both keeps ours.

The dry run decides the same as the import: the rounds the file reopens are known from the
round's rows as classified, before any rating is walked (``rating_rounds`` comes first).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .outcome import ImportPlan

PARTS = ("ratings", "branch_ratings")
"""The rows of a rating round."""


class ClosedRounds:
    """The rounds closed here (:meth:`prepare`), those the file reopens taken off
    (:meth:`taken`), and the file's rows each keeps out (:meth:`holds`, :meth:`keep`)."""

    def __init__(self) -> None:
        self.years: dict[str, int] = {}
        """Our closed rounds' ids → their years."""
        self.kept: dict[int, dict[str, int]] = {}
        """A closed round's year → table → the file's rows left out of it."""

    def prepare(self, session: Session, organization_id: str) -> None:
        from ..rating.records import CLOSED

        found = session.connection().exec_driver_sql(
            "SELECT id, year FROM rating_rounds WHERE organization_id = ? AND state = ?"
            " AND deleted_at IS NULL",
            (organization_id, CLOSED),
        )
        self.years = {str(i): int(y) for i, y in found}

    def taken(self, table: str, rows: list[dict[str, Any]]) -> None:
        """The file's round rows taken over ours: one no longer closed is open to its ratings."""
        from ..rating.records import CLOSED

        if table != "rating_rounds" or not self.years:
            return
        for row in rows:
            if row["id"] in self.years and (row["state"] != CLOSED or row["deleted_at"]):
                del self.years[row["id"]]

    def holds(self, table: str, row: dict[str, Any]) -> bool:
        """Whether ``row`` belongs to a round closed here."""
        return table in PARTS and row.get("round_id") in self.years

    def keep(self, table: str, row: dict[str, Any]) -> None:
        """Count ``row`` left out of its closed round (a tombstone of a row we never had is
        left out uncounted: it changes nothing)."""
        counts = self.kept.setdefault(self.years[row["round_id"]], {})
        counts[table] = counts.get(table, 0) + 1

    def new_rows(
        self, table: str, rows: list[dict[str, Any]], here: Mapping[str, object]
    ) -> list[dict[str, Any]]:
        """``rows`` less those new here (not in ``here``) of a round closed here (counted when
        live), in their order."""
        if table not in PARTS or not self.years:
            return rows
        left = []
        for row in rows:
            if row["id"] in here or not self.holds(table, row):
                left.append(row)
            elif row["deleted_at"] is None:
                self.keep(table, row)
        return left

    def say(self, plan: ImportPlan) -> None:
        """A note for each closed round that left rows of the file out."""
        from .orgmerge import closed_round_text

        for year, counts in sorted(self.kept.items()):
            plan.notes.append(closed_round_text(year, counts, None))
