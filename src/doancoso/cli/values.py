"""Values shared by the plan and calendar commands: dates and ranges given as options, numbers
written the Vietnamese way, JSON output."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TextIO

from ..core.errors import ValidationError
from ..core.lang.dates import DateFormatError, day_range, parse_vn_date
from ..core.lang.text import one_decimal, vn_number


def day(text: str | None, field: str) -> dt.date | None:
    """The date of an option (dd/mm/yyyy); a bad one is bad data named by ``field`` (exit 1)."""
    if text is None:
        return None
    try:
        return parse_vn_date(text)[0]
    except DateFormatError as exc:
        raise ValidationError({field: str(exc)}) from None


def date_range(args: argparse.Namespace) -> tuple[dt.date, dt.date]:
    """The days of ``--from`` and ``--to`` (and ``--year`` where the command has it): the whole
    year by default (``--year`` or this year), the end of ``--from``'s year when only ``--from``
    is given, the start of ``--to``'s year when only ``--to`` is."""
    first, last = day(args.date_from, "from"), day(args.date_to, "to")
    if first is None and last is None:
        year = getattr(args, "year", None)  # --year 0 is refused, not taken for "this year"
        year = check_year(dt.date.today().year if year is None else year)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    return day_range(first, last)


def check_year(year: int) -> int:
    """``year`` if the app takes it (the years of its yearly records), else bad data named
    ``--year``."""
    from ..core.lang.dates import check_year as checked

    return checked(year)


_RANGE_DEFAULT = "không có --from và --to: cả năm nay"


def add_range_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="date_from", metavar="dd/mm/yyyy", help=f"từ ngày ({_RANGE_DEFAULT})"
    )
    parser.add_argument(
        "--to", dest="date_to", metavar="dd/mm/yyyy", help="đến ngày (mặc định: hết năm của --from)"
    )


def number(value: float | None) -> str:
    """20.0 → "20", 1500 → "1.500", 99.5 → "99,5" ("" for None)."""
    if value is None:
        return ""
    if float(value).is_integer():
        return vn_number(int(value))
    return f"{value:.2f}".rstrip("0").replace(".", ",")


def json_number(value: float | None) -> int | float | None:
    """A whole number as an int in JSON (20, not 20.0)."""
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def share_json(share: float | None) -> float | None:
    """A share 0–1 in JSON, rounded to 4 decimals as every command gives it (0.4444, not
    0.4444444444444444): a participation rate, a rating's participation."""
    return None if share is None else round(share, 4)


def percent(share: float) -> str:
    """0.835 → "83,5%"."""
    return number(one_decimal(share * 100)) + "%"


def dump(data: object, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=1)
    out.write("\n")
