"""``doancoso --self-test``: one line, non-zero on any failure, every step run."""

from __future__ import annotations

import sys
from io import StringIO

import pytest

from doancoso import selftest
from doancoso.cli.main import run
from doancoso.selftest import Run, SelfTestFailure, check, run_self_test


def _ok(run: Run) -> None:
    run.notes["ok"] = "fine"


def _broken(run: Run) -> None:
    check(1 + 1 == 3, "arithmetic is off")


def _crash(run: Run) -> None:
    raise KeyError("boom")


def test_one_line_and_exit_code_on_failure() -> None:
    out = StringIO()
    code = run_self_test(out, steps=[("ok", _ok), ("broken", _broken), ("crash", _crash)])
    lines = out.getvalue().splitlines()
    assert code == 1
    assert len(lines) == 1
    assert "FAILED broken (arithmetic is off); crash (KeyError: 'boom')" in lines[0]
    assert lines[0].endswith("| passed: ok (fine)")


def test_all_passed_exits_zero() -> None:
    out = StringIO()
    assert run_self_test(out, steps=[("ok", _ok)]) == 0
    assert out.getvalue().strip().endswith("OK ok (fine)")


def test_steps_needing_the_workspace_fail_without_it() -> None:
    out = StringIO()
    assert run_self_test(out, steps=[("search", selftest.step_search)]) == 1
    assert "no workspace" in out.getvalue()


def test_step_names_are_unique() -> None:
    names = [name for name, _ in selftest.STEPS]
    assert len(names) == len(set(names))


def test_real_steps_pass_from_source(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real steps but Excel (slow; the full list runs in the bundle in .ci/run)."""
    steps = [(name, step) for name, step in selftest.STEPS if name != "excel"]
    out = StringIO()
    code = run_self_test(out, steps=steps)
    assert code == 0, out.getvalue()
    assert " OK migrate" in out.getvalue()


def test_cli_flag_runs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selftest, "STEPS", [("ok", _ok)])
    out = StringIO()
    assert run(["--self-test"], out=out) == 0
    assert "self-test (source" in out.getvalue()


def test_launch_probe_is_off_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(selftest.EXIT_AFTER_SHOW_ENV, raising=False)
    assert selftest.install_exit_after_show() is False


def test_failure_type() -> None:
    with pytest.raises(SelfTestFailure):
        check(False, "no")


def test_the_soak_is_a_step() -> None:
    assert ("soak", selftest.step_soak) in selftest.STEPS


def test_a_soak_that_aborts_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    """A leaking Qt binding may make the soak's process abort before it prints its line."""
    from doancoso.ui import soak

    abort = "import sys; sys.stderr.write('Fatal Python error: bool_dealloc\\n'); sys.exit(134)"
    monkeypatch.setattr(soak, "soak_command", lambda *_a, **_k: [sys.executable, "-c", abort])
    out = StringIO()
    assert run_self_test(out, steps=[("soak", selftest.step_soak)]) == 1
    assert "FAILED soak (exit code 134: Fatal Python error: bool_dealloc)" in out.getvalue()
