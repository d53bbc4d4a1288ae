"""What a data folder holds, read where the test knows it is there: the core answers None for
an organisation or a plan not set up, which such a test takes as a failure."""

from __future__ import annotations

import datetime as dt

from doancoso.core.organization import OrganizationInfo
from doancoso.core.plans.service import PlanInfo
from doancoso.core.workspace import Workspace


def organization_of(ws: Workspace) -> OrganizationInfo:
    """The organisation set up in ``ws``."""
    info = ws.organization.get()
    assert info is not None, "no organisation set up"
    return info


def plan_of(ws: Workspace, year: int, as_of: dt.date | None = None) -> PlanInfo:
    """The plan of ``year`` (its targets' progress at ``as_of``, default today)."""
    found = ws.plans.get(year, as_of)
    assert found is not None, f"no plan for {year}"
    return found
