"""Three-way merge of a row changed on both sides since the two copies last exchanged (#17).

The rows alone say *that* both sides changed a row (merge.py); which side changed which field
needs the row as both held it last: the **base**, the content of the latest version both
installations are known to have held (a version each agreed with someone: exchange.py's
``seen_by_them`` and ``seen_by_me``). This installation kept that content when it changed the
row away from it (``storage/bases.py``). Each field that differs is then:

- ``"mine"``: changed only here (the bundle still holds the base's value);
- ``"theirs"``: changed only in the bundle (this copy still holds the base's value);
- ``"both"``: changed on both sides, to different values.

A field changed on one side only takes that side unless a choice per field says otherwise;
``"mine"``/``"theirs"`` for a row (or for every row) decide only the fields changed on both sides.
A row whose differing fields were each changed on one side only needs no choice at all (a
conflict resolved by itself: :attr:`Conflict.automatic`). Without a base (a version from
before the bases were kept, a change written by raw SQL, a base older than the latest version
both held) every field is ``None``: the choice decides every field, as before. A deletion against
a change is always the user's: kept or deleted whole (:attr:`Conflict.deletion`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from .exchange import Version, _iso
from .rows import columns_of, to_json

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .outcome import Changed, Conflict

Choice = Literal["mine", "theirs"]
_MISSING = object()


def base_version(
    by_them: set[Version], by_me: set[Version], mine: Version, theirs: Version
) -> Version | None:
    """The latest version both sides held (the highest revision; the later ``updated_at``
    between two of one revision), neither side's current one; None when none is known."""
    common = (by_them & by_me) - {mine, theirs}
    if not common:
        return None
    return max(common, key=lambda v: (v[0], v[1]))


def base_of(session: Session, table: str, row_id: str, version: Version) -> dict[str, Any] | None:
    """The content this installation kept of ``table``'s row ``row_id`` at ``version``, in the
    bundle's form; None when it kept none."""
    found = session.connection().exec_driver_sql(
        "SELECT base_revision, base_updated_at, base_origin, content FROM exchange_bases"
        " WHERE table_name = ? AND row_id = ? AND base_revision = ?",
        (table, row_id, version[0]),
    )
    kinds = columns_of(table)
    for revision, updated_at, origin, content in found:
        if (int(revision), _iso(updated_at), str(origin)) != version:
            continue
        stored = json.loads(content)
        return {name: to_json(stored[name], kinds[name]) for name in stored if name in kinds}
    return None


def who_changed(
    base: Mapping[str, Any] | None,
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
    names: list[str],
) -> dict[str, Changed | None]:
    """For each field of ``names`` (differing on the two sides): who changed it since ``base``
    (module docstring); None for each without a base, or for a field the base lacks."""
    if base is None:
        return dict.fromkeys(names)
    changed: dict[str, Changed | None] = {}
    for name in names:
        was = base.get(name, _MISSING)
        if was is _MISSING:
            changed[name] = None
        elif was == theirs[name]:
            changed[name] = "mine"
        elif was == mine[name]:
            changed[name] = "theirs"
        else:
            changed[name] = "both"
    return changed


def choices(conflict: Conflict, given: Any) -> dict[str, Choice] | None:
    """The side taken for each field of ``conflict`` given ``on_conflict`` (merge.py's
    ``OnConflict``), or None when a field is left without one: a field changed on one side only
    takes that side unless a per-field choice names it; ``"mine"``/``"theirs"`` for the row
    decide the others."""
    own = conflict.defaults()
    if isinstance(given, Mapping):
        given = given.get((conflict.table, conflict.id))
    if given in ("mine", "theirs"):
        return {f.name: own.get(f.name, given) for f in conflict.fields}
    if isinstance(given, Mapping):
        picked = {f.name: given.get(f.name) or own.get(f.name) for f in conflict.fields}
        if all(v in ("mine", "theirs") for v in picked.values()):
            return picked  # type: ignore[return-value]
        return None
    if conflict.automatic:
        return dict(own)
    return None


def keep_resolved(session: Session, resolved: list[tuple[str, dict[str, Any]]]) -> None:
    """After an import wrote them: the bases of the rows it resolved into a new version of this
    installation, at that version and at the bundle's (``theirs``, now agreed with the peer),
    the two versions the next merge of the row may find both sides held."""
    from ..storage.bases import keep_current
    from .exchange import _stored
    from .rows import travelling_tables

    if not resolved:
        return
    tables = travelling_tables()
    by_table: dict[str, list[str]] = {}
    theirs_rows: list[dict[str, Any]] = []
    for table, theirs in resolved:
        by_table.setdefault(table, []).append(str(theirs["id"]))
        content = {k: v for k, v in theirs.items() if k != "id"}
        theirs_rows.append({
            "table_name": table, "row_id": str(theirs["id"]), "revision": int(theirs["revision"]),
            "updated_at": _stored(str(theirs["updated_at"])), "origin": str(theirs["origin"]),
            "content": json.dumps(content, ensure_ascii=False, default=str),
        })  # fmt: skip
    for table, ids in by_table.items():
        keep_current(session, tables[table], ids)
    connection = session.connection()
    connection.exec_driver_sql(
        "INSERT INTO exchange_bases"
        " (table_name, row_id, base_revision, base_updated_at, base_origin, content)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [tuple(r.values()) for r in theirs_rows],
    )


def rederive(table: str, row: dict[str, Any]) -> None:
    """Compute a mixed row's derived columns again from the fields it now holds."""
    from .derived import derived_of

    row.update(derived_of(table, row))
