"""Repeating activities: the presets a secretary picks, RRULEs typed by hand, and the rules that
are refused (no end, too many dates, unreadable)."""

from __future__ import annotations

import datetime as dt

import pytest

from doancoso.core.activities.recurrence import describe, expand, normalize_rule
from doancoso.core.errors import ValidationError

D = dt.date


def _dates(rule: str, start: dt.date, until: dt.date | None = None) -> list[dt.date]:
    return expand(normalize_rule(rule, start, until), start)


def test_monthly_on_the_31st_falls_on_each_months_last_day() -> None:
    dates = _dates("monthly", D(2024, 1, 31), D(2024, 12, 31))
    assert dates == [
        D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31), D(2024, 4, 30), D(2024, 5, 31),
        D(2024, 6, 30), D(2024, 7, 31), D(2024, 8, 31), D(2024, 9, 30), D(2024, 10, 31),
        D(2024, 11, 30), D(2024, 12, 31),
    ]  # fmt: skip


def test_monthly_on_the_29th_in_a_common_and_a_leap_february() -> None:
    assert _dates("monthly", D(2025, 1, 29), D(2025, 3, 31)) == [
        D(2025, 1, 29), D(2025, 2, 28), D(2025, 3, 29)
    ]  # fmt: skip
    assert _dates("monthly", D(2028, 1, 29), D(2028, 3, 31)) == [
        D(2028, 1, 29), D(2028, 2, 29), D(2028, 3, 29)
    ]  # fmt: skip


def test_the_15th_of_every_month_and_its_words() -> None:
    rule = normalize_rule("Hằng tháng (cùng ngày)", D(2025, 1, 15), D(2025, 6, 30))
    assert rule == "FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=20250630"
    assert describe(rule) == "Ngày 15 hằng tháng, đến 30/06/2025"
    assert len(expand(rule, D(2025, 1, 15))) == 6


def test_last_sunday_of_the_month_starts_on_the_first_match() -> None:
    dates = _dates("last-sunday", D(2025, 1, 1), D(2025, 4, 30))
    assert dates == [D(2025, 1, 26), D(2025, 2, 23), D(2025, 3, 30), D(2025, 4, 27)]
    assert describe(normalize_rule("last-sunday", D(2025, 1, 1), D(2025, 4, 30))) == (
        "Chủ nhật cuối tháng, đến 30/04/2025"
    )


def test_weekly_and_a_typed_rule_with_a_count() -> None:
    assert _dates("weekly", D(2025, 3, 3), D(2025, 3, 24)) == [
        D(2025, 3, 3), D(2025, 3, 10), D(2025, 3, 17), D(2025, 3, 24)
    ]  # fmt: skip
    rule = normalize_rule("RRULE:freq=monthly;byday=2SA;count=3", D(2025, 1, 1))
    assert rule == "FREQ=MONTHLY;BYDAY=2SA;COUNT=3"
    assert expand(rule, D(2025, 1, 1)) == [D(2025, 1, 11), D(2025, 2, 8), D(2025, 3, 8)]


def test_an_until_given_apart_replaces_the_rules_count() -> None:
    rule = normalize_rule("FREQ=WEEKLY;COUNT=50", D(2025, 1, 6), D(2025, 1, 20))
    assert rule == "FREQ=WEEKLY;UNTIL=20250120"


@pytest.mark.parametrize(
    ("rule", "until", "message"),
    [
        (
            "monthly",
            None,
            "Hoạt động lặp lại cần ngày kết thúc lặp lại, nếu không lịch sẽ dài vô hạn.",
        ),
        (
            "FREQ=DAILY",
            None,
            "Quy tắc lặp lại cần ngày kết thúc lặp lại hoặc số lần (COUNT), "
            "nếu không lịch sẽ dài vô hạn.",
        ),
        ("FREQ=DAILY", D(2030, 1, 1), "Quy tắc lặp lại tạo ra hơn 1000 ngày"),
        ("FREQ=DAILY;COUNT=1001", None, "Hoạt động lặp lại tối đa 1000 lần."),
        ("FREQ=HOURLY;COUNT=3", None, "Quy tắc lặp lại cần FREQ là DAILY"),
        ("mỗi tháng một lần", None, "Quy tắc lặp lại không hợp lệ (phần “mỗi tháng một lần”)."),
        ("FREQ=WEEKLY;UNTIL=2025", None, "UNTIL trong quy tắc lặp lại phải có dạng YYYYMMDD."),
        ("FREQ=WEEKLY;COUNT=2;UNTIL=20250301", None, "không được có cả UNTIL và COUNT"),
        ("FREQ=WEEKLY;BYDAY=XX;COUNT=2", None, "Quy tắc lặp lại không hợp lệ"),
        ("monthly", D(2024, 12, 31), "Ngày kết thúc lặp lại không thể trước ngày bắt đầu."),
    ],
)
def test_rules_that_are_refused(rule: str, until: dt.date | None, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalize_rule(rule, D(2025, 1, 1), until)
    assert message in caught.value.field_errors["rule"]


def test_a_repeat_every_few_months_says_so() -> None:
    """A meeting every quarter on the 15th was described as monthly ("hằng tháng")."""
    quarterly = normalize_rule("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15", D(2025, 1, 15),
                               D(2025, 12, 31))  # fmt: skip
    assert expand(quarterly, D(2025, 1, 15)) == [D(2025, m, 15) for m in (1, 4, 7, 10)]
    assert describe(quarterly) == "Ngày 15, 3 tháng một lần, đến 31/12/2025"
    assert describe("FREQ=MONTHLY;INTERVAL=2;BYDAY=-1SU;COUNT=4") == (
        "Chủ nhật cuối tháng, 2 tháng một lần, 4 lần"
    )
    assert describe("FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=15;COUNT=4") == (
        "Ngày 15 hằng tháng, 4 lần"
    )


def test_the_days_of_a_typed_rule_are_named() -> None:
    """A class on Mondays and Wednesdays was described as "Hằng tuần", a meeting on the second
    Saturday as "Hằng tháng": the days the rule names are said."""
    assert describe("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8") == "Thứ Hai, Thứ Tư hằng tuần, 8 lần"
    assert describe("FREQ=WEEKLY;INTERVAL=2;BYDAY=SU;UNTIL=20261231") == (
        "Chủ nhật, 2 tuần một lần, đến 31/12/2026"
    )
    assert describe("FREQ=MONTHLY;BYDAY=2SA;COUNT=6") == "Thứ Bảy tuần thứ 2 hằng tháng, 6 lần"
    assert describe("FREQ=MONTHLY;BYDAY=-1FR;COUNT=6") == "Thứ Sáu cuối tháng, 6 lần"
    assert describe("FREQ=MONTHLY;INTERVAL=3;BYDAY=1MO;COUNT=4") == (
        "Thứ Hai tuần thứ 1, 3 tháng một lần, 4 lần"
    )
    rule = normalize_rule("FREQ=WEEKLY;BYDAY=MO,WE", D(2025, 1, 6), D(2025, 1, 15))
    assert expand(rule, D(2025, 1, 6)) == [D(2025, 1, d) for d in (6, 8, 13, 15)]
    assert describe(rule) == "Thứ Hai, Thứ Tư hằng tuần, đến 15/01/2025"


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("FREQ=MONTHLY;BYDAY=SA;COUNT=8", "Mọi Thứ Bảy hằng tháng, 8 lần"),
        ("FREQ=MONTHLY;BYDAY=SA,SU;COUNT=8", "Mọi Thứ Bảy, Chủ nhật hằng tháng, 8 lần"),
        ("FREQ=MONTHLY;INTERVAL=2;BYDAY=SA;COUNT=8", "Mọi Thứ Bảy, 2 tháng một lần, 8 lần"),
        ("FREQ=MONTHLY;BYDAY=-2SU;COUNT=6", "Chủ nhật áp chót hằng tháng, 6 lần"),
        ("FREQ=MONTHLY;BYDAY=-3SU;COUNT=6", "Chủ nhật thứ 3 tính từ cuối tháng, 6 lần"),
        (
            "FREQ=MONTHLY;BYDAY=2SA,4SA;COUNT=6",
            "Thứ Bảy tuần thứ 2, Thứ Bảy tuần thứ 4 hằng tháng, 6 lần",
        ),
        ("FREQ=MONTHLY;BYDAY=1MO,-1FR;COUNT=6", "Thứ Hai tuần thứ 1, Thứ Sáu cuối tháng, 6 lần"),
        ("FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2;COUNT=6", "Thứ Bảy tuần thứ 2 hằng tháng, 6 lần"),
        ("FREQ=MONTHLY;BYDAY=SU;BYSETPOS=-1;COUNT=6", "Chủ nhật cuối tháng, 6 lần"),
        (
            "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=6",
            "Ngày cuối cùng trong các ngày Thứ Hai, Thứ Ba, Thứ Tư, Thứ Năm, Thứ Sáu của tháng, "
            "6 lần",
        ),
        (
            "FREQ=MONTHLY;INTERVAL=3;BYDAY=SA,SU;BYSETPOS=1;COUNT=4",
            "Ngày đầu tiên trong các ngày Thứ Bảy, Chủ nhật của tháng, 3 tháng một lần, 4 lần",
        ),
        ("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=6", "Ngày cuối tháng, 6 lần"),
        ("FREQ=MONTHLY;BYMONTHDAY=1,15;COUNT=6", "Ngày 1, 15 hằng tháng, 6 lần"),
        ("FREQ=MONTHLY;BYMONTHDAY=31,-1;BYSETPOS=1;COUNT=6", "Ngày 31 hằng tháng, 6 lần"),
        (
            "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=20",
            "Thứ Hai, Thứ Ba, Thứ Tư, Thứ Năm, Thứ Sáu hằng tuần, 20 lần",
        ),
    ],
)
def test_every_day_form_of_a_typed_monthly_rule_is_named(rule: str, text: str) -> None:
    """A typed monthly rule on every Saturday ("BYDAY=SA") or on the second-to-last Sunday
    ("BYDAY=-2SU") read just "Hằng tháng"; the days it names are said."""
    assert describe(rule) == text
    expand(normalize_rule(rule, D(2025, 1, 1)), D(2025, 1, 1))  # a rule dateutil reads
