"""The reminder of a yearly plan still to register with the superior body: from 30 days before
its deadline (10/11 of the year before by default, a setting) until it is registered, saying
whether it is made and whether the deadline has passed. The deadline is set through
``ws.plans.set_registration_deadline``: a day of its month in every year, anything else refused
with its message and nothing written. Every date is in 2024–2025, so that no test depends on the
day it runs (a registration cannot be dated after today)."""

from __future__ import annotations

import datetime as dt

import pytest

from doancoso.core.errors import ValidationError
from doancoso.core.plans.registration import PLAN_DEADLINE_KEY, Deadline, parse_deadline
from doancoso.core.storage.db import Database
from doancoso.core.storage.folder import ReadOnlyData, ReadOnlyDataError
from doancoso.core.storage.settings import put_setting, setting_value
from doancoso.core.workspace import DATABASE_FILE, Workspace

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


# Setting the deadline ------------------------------------------------------------------------


def _stored(ws: Workspace) -> str | None:
    """The setting's value as the database holds it."""
    organization = ws.organization.get()
    assert organization is not None
    with ws.db.read() as session:
        return setting_value(session, organization.id, PLAN_DEADLINE_KEY)


def test_the_deadline_is_set_read_back_and_followed(ws: Workspace) -> None:
    _this_year_registered(ws)
    assert ws.plans.registration_deadline() == Deadline(10, 11)  # nothing stored: the default
    assert _stored(ws) is None
    generation = ws.db.changes.generation
    ws.plans.set_registration_deadline(15, 12)
    assert ws.plans.registration_deadline() == Deadline(15, 12)
    assert _stored(ws) == "15/12"
    # announced like every write: the reminders of the GUI follow the settings table
    assert ws.db.changes.since(generation).touches("settings")
    assert _texts(ws, D(2025, 11, 14)) == []
    assert _texts(ws, D(2025, 11, 15)) == [
        "Kế hoạch công tác năm 2026 chưa lập — hạn đăng ký với cấp trên 15/12/2025"
    ]
    ws.plans.set_registration_deadline(5, 3)  # early in the year: "d/m", no leading zero
    assert _stored(ws) == "5/3"
    assert ws.plans.registration_deadline() == Deadline(5, 3)
    assert _texts(ws, D(2025, 2, 3)) == [
        "Kế hoạch công tác năm 2026 chưa lập — hạn đăng ký với cấp trên 05/03/2025"
    ]
    assert _texts(ws, D(2025, 3, 6)) == [
        "Kế hoạch công tác năm 2026 chưa lập — đã quá hạn đăng ký với cấp trên (hạn 05/03/2025)"
    ]
    generation = ws.db.changes.generation
    ws.plans.set_registration_deadline(5, 3)  # the same again: nothing to announce
    assert ws.db.changes.generation == generation
    ws.plans.set_registration_deadline(28, 2)  # the last day February has every year
    assert ws.plans.registration_deadline() == Deadline(28, 2)
    ws.plans.set_registration_deadline(31, 12)
    assert ws.plans.registration_deadline() == Deadline(31, 12)


REFUSED = [
    (29, 2, "Ngày 29/02 chỉ có trong năm nhuận: hạn đăng ký phải là ngày có trong mọi năm "
            "(ví dụ 28/02 hoặc 01/03)."),
    (30, 2, "Tháng 2 chỉ có 28 ngày: không có ngày 30/02."),
    (31, 4, "Tháng 4 chỉ có 30 ngày: không có ngày 31/04."),
    (31, 11, "Tháng 11 chỉ có 30 ngày: không có ngày 31/11."),
    (0, 11, "Ngày phải từ 1 đến 31."),
    (32, 1, "Ngày phải từ 1 đến 31."),
    (10, 0, "Tháng phải từ 1 đến 12."),
    (10, 13, "Tháng phải từ 1 đến 12."),
    (0, 13, "Ngày phải từ 1 đến 31 và tháng phải từ 1 đến 12."),
]  # fmt: skip


@pytest.mark.parametrize(("day", "month", "message"), REFUSED)
def test_a_day_not_in_every_year_is_refused_and_nothing_written(
    ws: Workspace, day: int, month: int, message: str
) -> None:
    ws.plans.set_registration_deadline(15, 12)
    generation = ws.db.changes.generation
    with pytest.raises(ValidationError) as info:
        ws.plans.set_registration_deadline(day, month)
    assert info.value.field_errors == {"plan_deadline": message}
    assert info.value.message == message
    assert _stored(ws) == "15/12"
    assert ws.plans.registration_deadline() == Deadline(15, 12)
    assert ws.db.changes.generation == generation


@pytest.mark.parametrize(
    ("text", "expected"), [("10/11", (10, 11)), (" 5 / 3 ", (5, 3)), ("05/03", (5, 3))]
)
def test_the_deadline_written_day_slash_month(text: str, expected: tuple[int, int]) -> None:
    assert parse_deadline(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("10-11", "Hạn đăng ký phải viết dạng ngày/tháng, ví dụ 10/11."),
        ("10/11/2025", "Hạn đăng ký phải viết dạng ngày/tháng, ví dụ 10/11."),
        ("mười/11", "Hạn đăng ký phải viết dạng ngày/tháng, ví dụ 10/11."),
        ("", "Hạn đăng ký phải viết dạng ngày/tháng, ví dụ 10/11."),
        ("31/4", "Tháng 4 chỉ có 30 ngày: không có ngày 31/04."),
        ("29/02", REFUSED[0][2]),
    ],
)
def test_a_deadline_badly_written_is_refused(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_deadline(text)
    assert info.value.field_errors == {"plan_deadline": message}


@pytest.mark.parametrize("value", ["29/2", "31/4", "hạn", "10/11/2025"])
def test_a_stored_value_that_is_no_day_of_every_year_reads_as_the_default(
    ws: Workspace, value: str
) -> None:
    """A value not written by the app (an old copy, a hand edit) is not trusted."""
    organization = ws.organization.get()
    assert organization is not None
    with ws.db.transaction() as session:
        put_setting(session, organization.id, PLAN_DEADLINE_KEY, value)
    assert ws.plans.registration_deadline() == Deadline(10, 11)
    assert ws.plans.reminders(D(2024, 3, 1))[0].deadline == D(2023, 11, 10)


def test_read_only_data_refuse_the_deadline(ws: Workspace) -> None:
    ws.plans.set_registration_deadline(15, 12)
    path = ws.data_dir / DATABASE_FILE
    ws.close()
    before = path.read_bytes()
    marked = ReadOnlyData("thử nghiệm", "Hãy chép dữ liệu sang máy.")
    read_only = Workspace(ws.data_dir, Database.open(path, marked))
    try:
        assert read_only.plans.registration_deadline() == Deadline(15, 12)
        with pytest.raises(ReadOnlyDataError) as info:
            read_only.plans.set_registration_deadline(1, 10)
        assert info.value.message == marked.message
        assert read_only.plans.registration_deadline() == Deadline(15, 12)
    finally:
        read_only.close()
    assert path.read_bytes() == before


# A deadline in the plan's own year ------------------------------------------------------------


def test_a_deadline_in_the_plans_own_year(ws: Workspace) -> None:
    """A province that wants the plan by 31/01 of its own year: stored "31/1/0", the plan of
    2026 due on 31/01/2026, recalled from 01/01/2026, overdue from 01/02/2026; back to the
    year before, the same day and month are of 2025 again."""
    _this_year_registered(ws)
    ws.plans.set_registration_deadline(31, 1, in_plan_year=True)
    assert _stored(ws) == "31/1/0"
    assert ws.plans.registration_deadline() == Deadline(31, 1, in_plan_year=True)
    assert _texts(ws, D(2025, 12, 31)) == []  # 31 days before
    assert _texts(ws, D(2026, 1, 1)) == [
        "Kế hoạch công tác năm 2026 chưa lập — hạn đăng ký với cấp trên 31/01/2026"
    ]
    assert _texts(ws, D(2026, 2, 1)) == [
        "Kế hoạch công tác năm 2026 chưa lập — đã quá hạn đăng ký với cấp trên (hạn 31/01/2026)"
    ]
    ws.plans.create(2026, from_year=2025)
    ws.plans.register(2026, "Đã gửi", D(2026, 1, 20))  # a registration in the plan's year
    assert _texts(ws, D(2026, 1, 25)) == []
    ws.plans.set_registration_deadline(31, 1)
    assert _stored(ws) == "31/1"
    assert ws.plans.registration_deadline() == Deadline(31, 1)
    assert _texts(ws, D(2026, 1, 5)) == [
        "Kế hoạch công tác năm 2027 chưa lập — hạn đăng ký với cấp trên 31/01/2026"
    ]
    with pytest.raises(ValidationError) as info:
        ws.plans.set_registration_deadline(29, 2, in_plan_year=True)
    assert info.value.field_errors == {"plan_deadline": REFUSED[0][2]}
    assert _stored(ws) == "31/1"


@pytest.mark.parametrize(
    ("value", "deadline", "of_2026"),
    [
        ("15/12", Deadline(15, 12), D(2025, 12, 15)),  # as every older version wrote it
        ("31/1", Deadline(31, 1), D(2025, 1, 31)),
        ("31/1/0", Deadline(31, 1, in_plan_year=True), D(2026, 1, 31)),
        ("31/1/-1", Deadline(31, 1), D(2025, 1, 31)),
        ("31/1/1", Deadline(10, 11), D(2025, 11, 10)),  # not written by the app: default
        ("29/2/0", Deadline(10, 11), D(2025, 11, 10)),
    ],
)
def test_stored_values_keep_their_meaning(
    ws: Workspace, value: str, deadline: Deadline, of_2026: dt.date
) -> None:
    """A value stored by an older version (or brought by its bundle), "d/m", is still a day of
    the year before the plan's; "d/m/0" is one of the plan's own year."""
    organization = ws.organization.get()
    assert organization is not None
    with ws.db.transaction() as session:
        put_setting(session, organization.id, PLAN_DEADLINE_KEY, value)
    assert ws.plans.registration_deadline() == deadline
    assert deadline.of_plan(2026) == of_2026
