"""The self-test's dossier step: a small dossier with one evidence PDF and one photo."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

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


def test_the_self_test_keeps_its_data_in_the_apps_temp_and_leaves_nothing(temp: Path) -> None:
    """Its demo roster of 2,000 members and its dossier are personal data in shape: while it
    runs they are in the app's own temporary folder (which the next start clears, should the
    run be cut short), never in the system's; once it ends nothing of them is left."""
    from doancoso.core.storage.temp import APP_TEMP

    seen: list[tuple[list[str], Path]] = []

    def look(run: selftest.Run) -> None:  # a last step: how the system's temp looks mid-run
        seen.append((sorted(p.name for p in temp.iterdir()), run.folder))

    steps = [(n, s) for n, s in selftest.STEPS if n in ("migrate", "demo", "dossier")]
    out = StringIO()
    assert selftest.run_self_test(out, steps=[*steps, ("look", look)]) == 0, out.getvalue()
    ((names, folder),) = seen
    assert names == [APP_TEMP]
    assert folder.is_relative_to(temp / APP_TEMP)
    assert not folder.exists()
    assert sorted(p.name for p in temp.iterdir()) == [APP_TEMP]
    left = [p for p in (temp / APP_TEMP).rglob("*") if p.is_file()]
    assert [p.name for p in left] == ["doancoso.lock"]  # the session's own, until the next start
