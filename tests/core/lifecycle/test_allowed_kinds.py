"""allowed_kinds and next_kinds: the kinds of event offered for a member's status (and opened on,
given their history) follow the transition rule."""

from __future__ import annotations

from collections.abc import Callable
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
    next_kinds,
)
from doancoso.core.roster.vocab import STATUSES
from doancoso.core.workspace import Workspace

AddMember = Callable[..., str]


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


def test_next_kinds_leave_out_what_the_history_refuses(
    ws: Workspace, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    offered = allowed_kinds("active")
    assert ws.events.next_kinds(an) == offered  # no event yet: an admission can come first
    assert ws.events.next_kinds(an)[0] == "admission"

    ws.events.record(an, "admission", "26/03/2018")
    after_admission = ws.events.next_kinds(an)
    assert after_admission == tuple(k for k in offered if k not in ("admission", "transfer_in"))
    assert after_admission[0] == "transfer_out"

    ws.events.record(an, "transfer_out", "15/03/2024", other_organization="Đoàn xã Tân Lộc")
    assert ws.events.next_kinds(an) == ("transfer_in",)


def test_a_matured_member_already_in_the_party_can_be_offered_nothing(
    ws: Workspace, add_member: AddMember
) -> None:
    binh = add_member("Trần Văn Bình", "01/01/1990")
    ws.events.record(binh, "party_admission", "10/10/2015")
    ws.events.record(binh, "matured", "31/12/2020")
    assert allowed_kinds("matured") == ("party_admission",)
    assert ws.events.next_kinds(binh) == ()


@pytest.mark.parametrize("status", list(STATUSES))
def test_next_kinds_are_the_kinds_the_transition_rule_accepts_next(status: str) -> None:
    member: Any = SimpleNamespace(full_name="Nguyễn Văn An")
    for seen in (set[str](), {"admission"}, {"admission", "party_admission"}):
        count = len(seen)
        accepted = []
        for kind in allowed_kinds(status):
            event: Any = SimpleNamespace(kind=kind)
            try:
                check_transition(status, event, count, member, set(seen))
            except ConflictError:
                continue
            accepted.append(kind)
        assert next_kinds(status, seen, count) == tuple(accepted)


def test_refusals_are_the_kinds_refused_whatever_the_date_with_the_reason(
    ws: Workspace, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    assert ws.events.refusals(an) == {}
    ws.events.record(an, "admission", "26/03/2018")
    ws.events.record(an, "party_admission", "03/02/2024")
    assert ws.events.refusals(an) == {
        "admission": "Đoàn viên Nguyễn Văn An đã có quyết định kết nạp Đoàn.",
        "transfer_in": "Đoàn viên Nguyễn Văn An đang sinh hoạt tại đơn vị: không thể ghi "
        "nhận chuyển sinh hoạt đến.",
        "party_admission": "Đoàn viên Nguyễn Văn An đã được ghi nhận vào Đảng.",
    }  # an introduction dated before the Party admission is accepted
    for kind, date in (("admission", "01/03/2017"), ("transfer_in", "01/03/2017")):
        details = {"other_organization": "Đoàn xã Tân Lộc"} if kind == "transfer_in" else {}
        with pytest.raises(ConflictError):  # dated before the admission too
            ws.events.record(an, kind, date, **details)
    assert ws.events.refusals(an, ["admission", "temporary"]) == {
        "admission": "Đoàn viên Nguyễn Văn An đã có quyết định kết nạp Đoàn."
    }


def test_a_kind_refused_today_but_accepted_at_an_earlier_date_is_no_refusal(
    ws: Workspace, add_member: AddMember
) -> None:
    binh = add_member("Trần Văn Bình", "01/01/2000")
    ws.events.record(binh, "party_introduction", "10/10/2019")
    assert "admission" not in ws.events.next_kinds(binh)  # dated today it would come second
    assert ws.events.refusals(binh) == {}
    ws.events.record(binh, "admission", "26/03/2017")  # before the introduction: accepted
    assert [e.kind for e in ws.events.history(binh)] == ["admission", "party_introduction"]
