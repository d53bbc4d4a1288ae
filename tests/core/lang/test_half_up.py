"""A half rounds up in every share the app writes, as people, Excel and the superior body's
checks round it: 1 member of 16 is 6,3%, not the 6,2% Python's half-to-even rounding gives."""

from __future__ import annotations

from doancoso.cli.values import percent as cli_percent
from doancoso.core.lang.text import one_decimal, percent_cell, rate_cell
from doancoso.core.plans.figures import number_text, share_text
from doancoso.core.rating.rules import percent_text
from doancoso.core.statistics.export import share
from doancoso.core.statistics.export import share_text as statistics_share_text


def test_one_decimal_rounds_a_half_up() -> None:
    values = (6.25, 1.25, 0.05, 2.675, 12.5, 33.333333333333336, 66.66666666666667, 99.95, 0)
    assert [one_decimal(v) for v in values] == [6.3, 1.3, 0.1, 2.7, 12.5, 33.3, 66.7, 100.0, 0.0]


def test_every_writer_of_a_share_writes_one_of_sixteen_as_6_3() -> None:
    assert percent_cell(100 / 16) == "6,3%"
    assert rate_cell(100 / 16) == "6,3"
    assert percent_text(100 / 16) == "6,3%"
    assert share_text(1 / 16) == "6,3"  # a plan's target: share achieved
    assert number_text(1.25) == "1,3"
    assert share(1, 16) == 6.3  # the statistics' tables
    assert statistics_share_text(1, 80) == "1,3"
    assert cli_percent(1 / 16) == "6,3%"
