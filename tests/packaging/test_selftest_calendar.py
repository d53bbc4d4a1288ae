"""The self-test's calendar step: a recurring activity, its attendance, the .ics read back."""

from __future__ import annotations

import re
from io import StringIO

from doancoso import selftest


def test_calendar_step_runs_after_the_demo() -> None:
    names = [name for name, _ in selftest.STEPS]
    assert names.index("demo") < names.index("calendar")
    out = StringIO()
    steps = [(n, s) for n, s in selftest.STEPS if n in ("migrate", "demo", "calendar")]
    assert selftest.run_self_test(out, steps=steps) == 0, out.getvalue()
    assert re.search(r" OK .*, calendar \(12 dates, \d+ members expected", out.getvalue())


def test_calendar_step_needs_the_workspace() -> None:
    out = StringIO()
    assert selftest.run_self_test(out, steps=[("calendar", selftest.step_calendar)]) == 1
    assert "FAILED calendar (no workspace (the migrate step failed))" in out.getvalue()
