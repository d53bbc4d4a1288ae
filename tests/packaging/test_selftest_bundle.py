"""The self-test's bundle step (#17): an encrypted handover exported, imported into a fresh
folder and compared, after the demo."""

from __future__ import annotations

from io import StringIO

from doancoso import selftest


def test_bundle_step_runs_after_the_demo() -> None:
    names = [name for name, _ in selftest.STEPS]
    assert names.index("demo") < names.index("dossier") < names.index("bundle")
    steps = [(n, s) for n, s in selftest.STEPS if n in ("migrate", "demo", "bundle")]
    out = StringIO()
    assert selftest.run_self_test(out, steps) == 0, out.getvalue()
    line = out.getvalue()
    assert "bundle" in line and "2000 members" in line
