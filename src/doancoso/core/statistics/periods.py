"""The periods the statistics count movements over: the year up to a day, or a quarter alone
(the chi đoàn and the Đoàn cơ sở report on member work quarterly, DOMAIN.md §7)."""

from __future__ import annotations

import datetime as dt

QUARTER_NAMES: tuple[str, ...] = ("I", "II", "III", "IV")
"""Quarters as the union writes them: "Quý III"."""


def quarter_of(day: dt.date) -> int:
    """The quarter (1 to 4) ``day`` falls in."""
    return (day.month - 1) // 3 + 1


def quarter_start(year: int, quarter: int) -> dt.date:
    return dt.date(year, 3 * quarter - 2, 1)


def quarter_end(year: int, quarter: int) -> dt.date:
    """The quarter's last day: 31/03, 30/06, 30/09, 31/12."""
    if quarter == 4:
        return dt.date(year, 12, 31)
    return quarter_start(year, quarter + 1) - dt.timedelta(days=1)


def quarter_name(quarter: int) -> str:
    """ "Quý III"."""
    return f"Quý {QUARTER_NAMES[quarter - 1]}"


def period_start(day: dt.date, quarter: int | None) -> dt.date:
    """The first day of the movements counted up to ``day``: the quarter's first when
    ``quarter`` is given (``day`` must fall in it), else 01/01 of ``day``'s year.

    Raises ValueError for a quarter ``day`` does not fall in."""
    if quarter is None:
        return dt.date(day.year, 1, 1)
    if quarter not in range(1, 5) or quarter_of(day) != quarter:
        raise ValueError(f"{day} is not a day of quarter {quarter}")
    return quarter_start(day.year, quarter)
