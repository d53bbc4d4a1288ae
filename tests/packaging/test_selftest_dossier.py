"""The self-test's dossier step: a small dossier with one evidence PDF and one photo."""

from __future__ import annotations

import re
from io import StringIO

from doancoso import selftest


def test_dossier_step_runs_after_the_demo() -> None:
    names = [name for name, _ in selftest.STEPS]
    assert names.index("demo") < names.index("dossier")
    out = StringIO()
    steps = [(n, s) for n, s in selftest.STEPS if n in ("migrate", "demo", "dossier")]
    assert selftest.run_self_test(out, steps=steps) == 0, out.getvalue()
    # a step of a second or more also gives its time ("6 pages, previewed, 1.1 s"): the test
    # must not depend on the machine's load
    assert re.search(r", dossier \(6 pages, previewed(, \d+\.\d s)?\)", out.getvalue())
