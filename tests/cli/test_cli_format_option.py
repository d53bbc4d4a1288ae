"""``--format``: the same values and the same help on every command that reports. ``dossier``
and ``bundle`` took ``text`` where every other command takes ``table``: a script passing
``--format table`` to them, as to the others, was refused as bad usage (exit 2)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from bundle_cli import demo_home, write_password_file
from cli_run import cli
from doancoso.cli.main import build_parser

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau"]


def _commands(parser: argparse.ArgumentParser, path: str) -> dict[str, argparse.ArgumentParser]:
    found = {path: parser}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.update(_commands(sub, f"{path} {name}".strip()))
    return found


def test_every_format_option_takes_table_and_json_and_says_what_it_is() -> None:
    reporting = {}
    for path, parser in _commands(build_parser(), "").items():
        for action in parser._actions:
            if "--format" in action.option_strings:
                reporting[path] = action
    assert len(reporting) > 20
    for path, action in reporting.items():
        assert action.default == "table", path
        assert action.choices is not None and {"table", "json"} <= set(action.choices), path
        assert action.help, path  # "--format {table,json}" alone said nothing


def test_members_list_help_says_what_format_is(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli("members", "list", "--help")
    words = " ".join(capsys.readouterr().out.split())
    assert "--format {table,json} dạng kết quả: table (bảng, mặc định) hoặc json" in words


def test_dossier_takes_table_as_every_command_does(data_dir: Path) -> None:
    assert cli("init", "--data-dir", str(data_dir), *INIT).code == 0
    check = ("dossier", "--year", "2025", "--check", "--parts", "to-trinh")
    plain = cli(*check, "--data-dir", str(data_dir))
    assert plain.err == ""
    assert cli(*check, "--format", "table", "--data-dir", str(data_dir)) == plain
    assert cli(*check, "--format", "text", "--data-dir", str(data_dir)) == plain  # as before


def test_bundle_inspect_takes_table_as_every_command_does(tmp_path: Path) -> None:
    home = demo_home(tmp_path)
    password = write_password_file(tmp_path)
    bundle = tmp_path / "ban-giao.dcs"
    code, _, err = cli("bundle", "export", str(bundle), "--password-file", str(password),
                       "--data-dir", str(home))  # fmt: skip
    assert (code, err) == (0, "")
    inspect = ("bundle", "inspect", str(bundle), "--password-file", str(password))
    plain = cli(*inspect)
    assert (plain.code, plain.err) == (0, "")
    assert cli(*inspect, "--format", "table") == plain
    assert cli(*inspect, "--format", "text") == plain
