"""The self-test's checklist step: a file attached, the indicators computed, readiness checked."""

from __future__ import annotations

import re
from io import StringIO

from doancoso import selftest


def test_checklist_step_runs_after_the_demo() -> None:
    names = [name for name, _ in selftest.STEPS]
    assert names.index("demo") < names.index("checklist")
    out = StringIO()
    steps = [(n, s) for n, s in selftest.STEPS if n in ("migrate", "demo", "checklist")]
    assert selftest.run_self_test(out, steps=steps) == 0, out.getvalue()
    assert re.search(r" OK .*, checklist \(10/14 đạt, 11 indicators", out.getvalue())


def test_checklist_step_needs_the_workspace() -> None:
    out = StringIO()
    assert selftest.run_self_test(out, steps=[("checklist", selftest.step_checklist)]) == 1
    assert "FAILED checklist (no workspace (the migrate step failed))" in out.getvalue()
