"""Someone born on 29 February: in a year without one, their birthday is 28 February, the rule
of the Civil Code for a term counted in years (Bộ luật Dân sự 2015, Điều 148: a term ending in
a month without its day ends on that month's last day). Every age the app computes agrees on
it: the completed age, the statistics' age bands, the coming of age before the birthday's
warning and the admission age's first day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from doancoso.core.lang.dates import DAY, add_years, age_on
from doancoso.core.roster.rules import early_coming_of_age, too_young_message
from doancoso.core.workspace import Workspace

LEAP = date(1996, 2, 29)


@pytest.mark.parametrize(
    ("on", "age"),
    [
        (date(2026, 2, 27), 29),
        (date(2026, 2, 28), 30),  # no 29 February in 2026: the birthday is the 28th
        (date(2026, 3, 1), 30),
        (date(2024, 2, 28), 27),  # 2024 has a 29 February: the birthday is that day
        (date(2024, 2, 29), 28),
    ],
)
def test_the_completed_age(on: date, age: int) -> None:
    assert age_on(LEAP, on) == age
    assert (add_years(LEAP, age) <= on < add_years(LEAP, age + 1)) is True


def test_the_coming_of_age_warning_agrees() -> None:
    """A coming of age dated 28/02/2026 is not before the 30th birthday; the 27th is."""
    assert early_coming_of_age(LEAP, DAY, date(2026, 2, 28), 30) is None
    assert early_coming_of_age(LEAP, DAY, date(2026, 2, 27), 30) == date(2026, 2, 28)


def test_the_admission_age_agrees() -> None:
    """15 years and 1 day: 15 on 28/02/2023, so admitted from 01/03/2023."""
    born = date(2008, 2, 29)
    assert too_young_message(born, DAY, date(2023, 3, 1)) is None
    assert too_young_message(born, DAY, date(2023, 2, 28)) == (
        "Chưa đủ tuổi vào Đoàn: sinh 29/02/2008, đủ 15 tuổi + 1 ngày vào 01/03/2023."
    )


def test_the_statistics_age_bands_agree(ws: Workspace, add_member: Callable[..., str]) -> None:
    """Born 29/02/2000: 25 on 28/02/2025 (band 25–30), 24 the day before; born 29/02/1996: 31
    on 28/02/2027, past the bands."""
    add_member("Nguyễn Văn An", "29/02/2000")
    add_member("Lê Thị Bình", "29/02/1996")
    for day, bands in (
        (date(2025, 2, 27), {"19–24": 1, "25–30": 1}),
        (date(2025, 2, 28), {"25–30": 2}),
        (date(2027, 2, 27), {"25–30": 2}),
        (date(2027, 2, 28), {"25–30": 1, "Ngoài độ tuổi": 1}),
        (date(2028, 2, 28), {"25–30": 1, "Ngoài độ tuổi": 1}),  # 2028 has a 29 February
    ):
        shown = {band: n for band, n in ws.statistics.roster(day).by_age_band.items() if n}
        assert shown == bands, day
    assert age_on(date(2000, 2, 29), date(2028, 2, 28)) == 27
