"""How the command line's tests run a command: in-process through ``doancoso.cli.main.run``,
as ``doancoso ARGV`` would, with its exit code, what it printed and what it said on stderr.

``cli(...)`` gives a :class:`CliResult`, which a test reads by name (``result.code``) or
unpacks (``code, out, err = cli(...)``); ``usage_error(...)`` runs a command that must be
refused as bad usage (exit 2, said by argparse on the real stderr)."""

from __future__ import annotations

import json
from io import StringIO
from typing import Any, NamedTuple

import pytest

from doancoso.cli.main import run


class CliResult(NamedTuple):
    """A command's exit code, its output and its messages."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        """The output read as JSON (the commands' ``--format json``)."""
        return json.loads(self.out)


def cli(*argv: str) -> CliResult:
    """Run ``doancoso ARGV``."""
    out, err = StringIO(), StringIO()
    code = run(list(argv), out=out, err=err)
    return CliResult(code, out.getvalue(), err.getvalue())


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Run a command that must be refused as bad usage (exit 2, nothing printed on stdout); its
    stderr."""
    capsys.readouterr()
    with pytest.raises(SystemExit) as info:
        run(list(argv), out=StringIO(), err=StringIO())
    assert info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err
