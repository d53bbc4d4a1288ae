"""allowed_kinds: the kinds of event offered for a member's status follow the transition rule."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from doancoso.core.errors import ConflictError
from doancoso.core.lifecycle.rules import (
    APP_KINDS,
    EVENT_KINDS,
    LEFT_STATUSES,
    allowed_kinds,
    check_transition,
)
from doancoso.core.roster.vocab import STATUSES


def _accepted(status: str, kind: str) -> bool:
    """Whether check_transition accepts ``kind`` from ``status`` for some history (as the first
    event or a later one, nothing of the kind seen before)."""
    member: Any = SimpleNamespace(full_name="Nguyễn Văn An")
    event: Any = SimpleNamespace(kind=kind)
    for index in (0, 1):
        try:
            check_transition(status, event, index, member, set())
        except ConflictError:
            continue
        return True
    return False


def test_who_left_can_only_come_back_and_a_matured_member_only_join_the_party() -> None:
    for status in LEFT_STATUSES:
        assert allowed_kinds(status) == ("transfer_in",)
    assert allowed_kinds("matured") == ("party_admission",)
    offered = tuple(k for k in EVENT_KINDS if k not in APP_KINDS)
    assert "org_merge" in EVENT_KINDS and "org_merge" not in offered  # recorded by a sáp nhập
    assert allowed_kinds("active") == offered
    assert allowed_kinds("temporary") == offered


@pytest.mark.parametrize("status", list(STATUSES))
def test_the_kinds_offered_are_those_the_transition_rule_accepts(status: str) -> None:
    accepted = tuple(k for k in EVENT_KINDS if k not in APP_KINDS and _accepted(status, k))
    assert allowed_kinds(status) == accepted
