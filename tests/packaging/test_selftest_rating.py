"""The self-test's rating step: the round decided, closed (and then refusing a change), the
levels in the members' history, the summary printed."""

from __future__ import annotations

import datetime as dt
import re
from io import StringIO

from doancoso import selftest


def test_rating_step_runs_after_the_demo() -> None:
    names = [name for name, _ in selftest.STEPS]
    assert names.index("demo") < names.index("rating")
    out = StringIO()
    steps = [(n, s) for n, s in selftest.STEPS if n in ("migrate", "demo", "rating")]
    assert selftest.run_self_test(out, steps=steps) == 0, out.getvalue()
    assert re.search(r" OK .*, rating \(\d+ decided, closed", out.getvalue())


def test_the_demo_stands_on_last_december_in_the_first_two_months() -> None:
    assert selftest.demo_day(dt.date(2027, 1, 5)) == dt.date(2026, 12, 15)
    assert selftest.demo_day(dt.date(2027, 2, 28)) == dt.date(2026, 12, 15)
    assert selftest.demo_day(dt.date(2027, 3, 1)) == dt.date(2027, 3, 1)


def test_rating_step_fails_on_a_closed_round() -> None:
    def close(run: selftest.Run) -> None:
        run.ws.rating.close(selftest.demo_day().year)

    out = StringIO()
    steps = [(n, s) for n, s in selftest.STEPS if n in ("migrate", "demo")]
    assert selftest.run_self_test(out, steps=[*steps, ("close", close),
                                              ("rating", selftest.step_rating)]) == 1  # fmt: skip
    year = selftest.demo_day().year
    assert f"FAILED rating (the demo's round of {year} is closed)" in out.getvalue()
