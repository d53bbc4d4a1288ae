"""The organisation's settings (``settings``: key and text value, travelling with it), read and
written one way by every service that keeps one (rating rules, the evidence size limit, the plan
deadline, each year's rating decision)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from .live import is_live
from .models import Setting


def setting_row(session: Session, organization_id: str, key: str) -> Setting | None:
    """The live setting ``key`` of the organisation, None when it has none."""
    return session.scalar(
        select(Setting).where(is_live(Setting, organization_id), Setting.key == key)
    )


def setting_value(session: Session, organization_id: str, key: str) -> str | None:
    """The value of the live setting ``key``, None when the organisation has none."""
    return session.scalar(
        select(Setting.value).where(is_live(Setting, organization_id), Setting.key == key)
    )


def put_setting(session: Session, organization_id: str, key: str, value: str) -> None:
    """Set ``key`` to ``value`` (a new row, or the live one changed only if it differs)."""
    row = setting_row(session, organization_id, key)
    if row is None:
        session.add(Setting(organization_id=organization_id, key=key, value=value))
    elif row.value != value:
        row.value = value
