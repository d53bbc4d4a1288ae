"""The records held once per year or per key (:mod:`.one_per_year`) that two copies of one
organisation made apart and that an import joins instead of refusing: nothing of either is
lost, so nothing is asked.

- A setting set to the same value on both copies: no conflict at all. Likewise a criteria
  template of one name and the same content (the province's file imported on both).
- A plan, a rating round or a checklist of the same year, one of which (or both) is as it was
  made and holds nothing yet: no live target, rating, chi đoàn rating or answer names it, a plan
  kept its default title and has no number, date, text or registration, a round is still open
  with no level or remark of the organisation's own. The other is kept (what a checklist was
  opened with, its template, or a round, its rules, goes with the one dropped).

Of the two rows one is kept live on both copies alike: the one holding something, else the one
with the smaller id. The copies thus agree whichever imports first, or both at once. The other
is deleted, as a new version of this installation, which travels back so that the other copy
deletes it too: ours deleted before theirs is written, or theirs written deleted. No live row
names the record dropped, by the rule above (a deleted target or rating may: it still finds the
record, kept as a tombstone). The import counts the
record as unchanged when ours is kept (or the setting's value is the same), as new when theirs
is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .duplicates import Clashes
    from .rows import RowSource

DEPENDENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "plans": (("plan_targets", "plan_id"),),
    "rating_rounds": (("ratings", "round_id"), ("branch_ratings", "round_id")),
    "checklists": (("checklist_answers", "checklist_id"),),
}
"""The rows naming a record of a yearly table (their table and column): its content."""


def join(merge: Any, session: Session, table: str, clashes: Clashes) -> Clashes:
    """Join the ``clashes`` of ``table`` that can be (see the module); the clashes left.

    ``merge`` is merge.py's walk: ``held`` (the table's new rows, written after this check),
    ``plan``, ``write``, ``me``, ``source``."""
    from ..storage.models import utc_now
    from .dbwrite import writer

    left: Clashes = []
    ours_dropped: list[dict[str, Any]] = []
    theirs_dropped: set[str] = set()
    now = utc_now().isoformat()

    def dropped(row: dict[str, Any]) -> dict[str, Any]:
        return tombstone(row, merge.me, now)

    for clash in clashes:
        here_id, _column, theirs = clash
        (mine,) = rows_where(session, table, "id = ?", (here_id,))
        kept = _kept(session, merge.source, table, mine, theirs)
        if kept is None:
            left.append(clash)
            continue
        if kept == "theirs":
            ours_dropped.append(dropped(mine))
        else:
            theirs_dropped.add(theirs["id"])
        if kept == "mine" or table in ("settings", "criteria_templates"):  # seen as it was
            merge.plan.uncount(merge.counted_in(theirs["id"]), table)
            merge.plan._count(merge.plan.unchanged, table)  # noqa: SLF001 - the plan's counter
    if theirs_dropped:
        merge.held[:] = [dropped(r) if r["id"] in theirs_dropped else r for r in merge.held]
    if ours_dropped and merge.write:  # before theirs is written: the year or key is then free
        writer(table, session.connection().dialect).update(session, ours_dropped)
    return left


def new_version(
    row: Mapping[str, Any],
    me: str,
    now: str,
    *,
    above: tuple[Mapping[str, Any], ...] = (),
    **changes: Any,
) -> dict[str, Any]:
    """``row`` (in the bundle's form) with ``changes``, as a new version of installation ``me``
    made at ``now``: its revision above its own and each of ``above``'s, so that it wins at the
    next exchange and travels back."""
    revision = max(int(v["revision"]) for v in (row, *above)) + 1
    return {**row, **changes, "updated_at": now, "origin": me, "revision": revision}


def tombstone(row: Mapping[str, Any], me: str, now: str) -> dict[str, Any]:
    """``row`` deleted at ``now`` as a new version of installation ``me``: it travels back, so
    that the other copy deletes it too."""
    return new_version(row, me, now, deleted_at=now)


def rows_where(
    session: Session, table: str, where: str, parameters: tuple[Any, ...]
) -> list[dict[str, Any]]:
    """The rows of ``table`` here matching ``where``, in the bundle's form."""
    from .rows import columns_of, to_json

    kinds = columns_of(table)
    found = session.connection().exec_driver_sql(
        f"SELECT {', '.join(kinds)} FROM {table} WHERE {where}", parameters
    )
    return [{k: to_json(v, kinds[k]) for k, v in zip(kinds, r, strict=True)} for r in found]


def _kept(
    session: Session,
    source: RowSource,
    table: str,
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
) -> str | None:
    """Which of two clashing rows stays live, ``"mine"`` or ``"theirs"``; None when they
    cannot be joined."""
    if table == "settings":
        if mine["value"] != theirs["value"]:
            return None
    elif table == "criteria_templates":  # the same province file imported on both copies
        if mine["content"] != theirs["content"]:
            return None
    elif table in DEPENDENTS:
        mine_empty = _empty(table, mine) and not _named_here(session, table, mine["id"])
        theirs_empty = _empty(table, theirs) and not _named_in(source, table, theirs["id"])
        if not (mine_empty or theirs_empty):
            return None
        if mine_empty != theirs_empty:
            return "theirs" if mine_empty else "mine"
    else:
        return None
    return "mine" if mine["id"] < theirs["id"] else "theirs"


def _empty(table: str, row: Mapping[str, Any]) -> bool:
    """Whether the row itself holds nothing but what making it gave it."""
    if table == "plans":
        from ..plans.rules import DEFAULT_TITLE, NOT_REGISTERED

        return (
            row["title"] == DEFAULT_TITLE.format(year=row["year"])
            and row["registration_state"] == NOT_REGISTERED
            and not any(
                row[c]
                for c in ("number", "plan_date", "grounds", "purposes", "content",
                          "implementation", "registered_on", "registration_number")
            )
        )  # fmt: skip
    if table == "rating_rounds":
        from ..rating.records import OPEN

        return (
            row["state"] == OPEN
            and row["own_level"] is None
            and not row["own_remark"]
            and row["closed_at"] is None
            and _no_history(row["history"])
        )
    return True  # a checklist: its answers are all it holds


def _no_history(text: object) -> bool:
    try:
        return not json.loads(str(text or "[]"))
    except ValueError:
        return False


def _named_here(session: Session, table: str, row_id: str) -> bool:
    """Whether a live row here names ``row_id`` of ``table`` (a deleted one may: a dropped
    record is kept as a tombstone, which it still names)."""
    connection = session.connection()
    return any(
        connection.exec_driver_sql(
            f"SELECT 1 FROM {t} WHERE {c} = ? AND deleted_at IS NULL LIMIT 1", (row_id,)
        ).first()
        for t, c in DEPENDENTS[table]
    )


def _named_in(source: RowSource, table: str, row_id: str) -> bool:
    """Whether a live row of the file names ``row_id`` of ``table`` (read through: a clash
    of a year is rare, and the file holds a year's ratings at most once per member)."""
    return any(
        r.get(c) == row_id and r.get("deleted_at") is None
        for t, c in DEPENDENTS[table]
        for r in rows_of(source, t)
    )


def rows_of(source: RowSource, table: str) -> Iterator[dict[str, Any]]:
    """The file's rows of ``table`` as read (none when it holds no such table)."""
    return source.rows(table) if table in source.tables() else iter(())
