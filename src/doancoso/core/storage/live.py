"""Live rows: the rows of an organisation that are not tombstoned, read one way everywhere.

Rows are soft-deleted (``deleted_at``) so that deletions can travel; every read of "what exists"
goes through these helpers, so a new table hides its tombstones by construction.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ..errors import NotFoundError

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy import ColumnElement
    from sqlalchemy.orm import Session

    from .models import Travelling

T = TypeVar("T", bound="Travelling")


def is_live(model: type[Travelling], organization_id: str | None = None) -> ColumnElement[bool]:
    """The condition "not tombstoned" (and "of this organisation" when one is given)."""
    from sqlalchemy import and_

    live = model.deleted_at.is_(None)
    if organization_id is None or not hasattr(model, "organization_id"):
        return live
    return and_(live, model.organization_id == organization_id)


def known(
    model: type[Travelling], organization_id: str, by: datetime | None
) -> ColumnElement[bool]:
    """The condition on ``model``'s rows of the organisation as they stood at ``by``: the live
    ones (``by`` None), or those recorded by ``by`` and not deleted by then (what a closed
    rating round reads: :mod:`doancoso.core.rating.eligibility`)."""
    from sqlalchemy import and_, or_

    if by is None:
        return is_live(model, organization_id)
    condition: ColumnElement[bool] = and_(
        model.organization_id == organization_id,  # type: ignore[attr-defined]
        model.created_at <= by,
        or_(model.deleted_at.is_(None), model.deleted_at > by),
    )
    return condition


def get_live(
    session: Session, model: type[T], row_id: str | None, organization_id: str, missing: str
) -> T:
    """The live row ``row_id`` of ``model`` in the organisation, else :class:`NotFoundError`
    with the Vietnamese message ``missing``."""
    row = session.get(model, row_id) if row_id else None
    if (
        row is None
        or row.deleted_at is not None
        or getattr(row, "organization_id", organization_id) != organization_id
    ):
        raise NotFoundError(missing)
    return row


def find_live(
    session: Session, model: type[T], row_id: str | None, organization_id: str
) -> T | None:
    """The live row ``row_id`` of ``model`` in the organisation, or None."""
    try:
        return get_live(session, model, row_id, organization_id, "")
    except NotFoundError:
        return None


def set_deleted(
    session: Session,
    model: type[Travelling],
    row_ids: Sequence[str],
    organization_id: str,
    deleted: bool,
) -> int:
    """Tombstone (``deleted``) or bring back the rows ``row_ids``; returns how many changed.

    One bulk UPDATE per 900 ids (SQLite's bound-parameter limit); the revision and the time are
    stamped by the storage (:mod:`.tracking`) as for every write.
    """
    from sqlalchemy import update

    from .tracking import transaction_time

    when: Any = transaction_time(session) if deleted else None
    changed = 0
    for start in range(0, len(row_ids), 900):
        stmt = (
            update(model)
            .where(
                model.organization_id == organization_id,  # type: ignore[attr-defined]
                model.id.in_(row_ids[start : start + 900]),
                model.deleted_at.is_(None) if deleted else model.deleted_at.is_not(None),
            )
            .values(deleted_at=when)
        )
        changed += int(session.execute(stmt).rowcount)  # type: ignore[attr-defined]
    return changed
