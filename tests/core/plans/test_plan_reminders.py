"""The reminder of a yearly plan still to register with the superior body: from 30 days before
its deadline (10/11 of the year before by default, a setting) until it is registered, saying
whether it is made and whether the deadline has passed. Every date is in 2024–2025, so that no
test depends on the day it runs (a registration cannot be dated after today)."""

from __future__ import annotations

import datetime as dt

from doancoso.core.plans.registration import PLAN_DEADLINE_KEY
from doancoso.core.storage.settings import put_setting
from doancoso.core.workspace import Workspace

D = dt.date
NOT_MADE_2026 = "Kế hoạch công tác năm 2026 chưa lập — hạn đăng ký với cấp trên 10/11/2025"
NOT_REGISTERED_2026 = (
    "Kế hoạch công tác năm 2026 chưa đăng ký — hạn đăng ký với cấp trên 10/11/2025"
)


def _texts(ws: Workspace, today: dt.date) -> list[str]:
    return [r.text for r in ws.plans.reminders(today)]


def _this_year_registered(ws: Workspace) -> None:
    """The plan of 2025, registered in time: only next year's plan is left to recall."""
    ws.plans.create(2025)
    ws.plans.register(2025, "Đã gửi", D(2024, 11, 8))


def test_next_years_plan_not_made(ws: Workspace) -> None:
    _this_year_registered(ws)
    assert _texts(ws, D(2025, 10, 10)) == []  # 31 days before the deadline
    assert _texts(ws, D(2025, 10, 11)) == [NOT_MADE_2026]  # 30 days before (REMINDER_LEAD_DAYS)
    assert _texts(ws, D(2025, 11, 10)) == [NOT_MADE_2026]  # the deadline itself
    assert _texts(ws, D(2025, 11, 11)) == [
        "Kế hoạch công tác năm 2026 chưa lập — đã quá hạn đăng ký với cấp trên (hạn 10/11/2025)"
    ]
    assert _texts(ws, D(2025, 12, 31)) == [
        "Kế hoạch công tác năm 2026 chưa lập — đã quá hạn đăng ký với cấp trên (hạn 10/11/2025)"
    ]


def test_made_but_not_registered_then_registered(ws: Workspace) -> None:
    _this_year_registered(ws)
    ws.plans.create(2026, from_year=2025)
    assert _texts(ws, D(2025, 10, 20)) == [NOT_REGISTERED_2026]
    [reminder] = ws.plans.reminders(D(2025, 11, 20))
    assert (reminder.year, reminder.deadline, reminder.made, reminder.overdue) == (
        2026, D(2025, 11, 10), True, True,
    )  # fmt: skip
    assert reminder.text == (
        "Kế hoạch công tác năm 2026 chưa đăng ký — đã quá hạn đăng ký với cấp trên (hạn 10/11/2025)"
    )
    ws.plans.register(2026, "Đã gửi", D(2025, 11, 5), number="15-ĐK/ĐTN")
    assert _texts(ws, D(2025, 11, 5)) == []
    assert _texts(ws, D(2025, 12, 20)) == []
    ws.plans.register(2026, "Chưa đăng ký")  # taken back: recalled again
    assert _texts(ws, D(2025, 11, 5)) == [NOT_REGISTERED_2026]
    ws.plans.register(2026, "Đã được duyệt", D(2025, 11, 25))  # late, but registered
    assert _texts(ws, D(2025, 12, 1)) == []
    ws.plans.delete(2026)  # a deleted plan is no plan
    assert _texts(ws, D(2025, 10, 11)) == [NOT_MADE_2026]


def test_this_years_plan_still_to_register(ws: Workspace) -> None:
    """This year's deadline was last year: a plan not registered is always overdue."""
    assert _texts(ws, D(2025, 3, 1)) == [
        "Kế hoạch công tác năm 2025 chưa lập — đã quá hạn đăng ký với cấp trên (hạn 10/11/2024)"
    ]
    ws.plans.create(2025)
    assert _texts(ws, D(2025, 3, 1)) == [
        "Kế hoạch công tác năm 2025 chưa đăng ký — đã quá hạn đăng ký với cấp trên (hạn 10/11/2024)"
    ]
    assert _texts(ws, D(2025, 10, 11)) == [
        "Kế hoạch công tác năm 2025 chưa đăng ký — đã quá hạn đăng ký với cấp trên "
        "(hạn 10/11/2024)",
        NOT_MADE_2026,
    ]
    ws.plans.register(2025, "Đã gửi", D(2025, 3, 2))
    assert _texts(ws, D(2025, 3, 2)) == []
    assert _texts(ws, D(2025, 10, 11)) == [NOT_MADE_2026]


def test_the_deadline_follows_the_setting(ws: Workspace) -> None:
    _this_year_registered(ws)
    organization = ws.organization.get()
    assert organization is not None
    with ws.db.transaction() as session:
        put_setting(session, organization.id, PLAN_DEADLINE_KEY, "15/12")
    assert _texts(ws, D(2025, 11, 14)) == []  # 31 days before 15/12
    assert _texts(ws, D(2025, 11, 15)) == [
        "Kế hoạch công tác năm 2026 chưa lập — hạn đăng ký với cấp trên 15/12/2025"
    ]
