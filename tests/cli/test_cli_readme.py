"""The README's command line section against the commands themselves: every subcommand there
is one the parser has, every subcommand the parser has is there, each option the README gives a
command is one that command takes, and the dossier's default parts are the ones it builds; the
help of a command says what the README says of it."""

from __future__ import annotations

import argparse
import re
from io import StringIO
from pathlib import Path

import pytest

from doancoso.cli.main import build_parser, run
from doancoso.core.dossier.check import DEFAULT_PARTS

README = Path(__file__).resolve().parents[2] / "README.md"
OPTION = re.compile(r"(?<![\w-])--?[a-z][a-z-]*")
"""An option in a synopsis line (``--format``, ``-o``), not a word with a dash ("07-KH/ĐTN")."""


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Command line\n")
    return text[start : text.index("\n## ", start + 1)]


def _readme_commands() -> dict[str, set[str]]:
    """Each command of the section's synopsis (``"members import"``; ``""`` for ``doancoso``
    alone): the options given it there. A command's words are those in lower case after
    ``doancoso``, up to its first argument or option; a line may hold several commands."""
    block = _section().split("```sh\n", 1)[1].split("```", 1)[0]
    commands: dict[str, set[str]] = {}
    for line in block.replace("\\\n", " ").splitlines():
        for synopsis in re.split(r"\s+(?=doancoso )", line.strip()):
            words = synopsis.split()
            assert words[0] == "doancoso", synopsis
            path = []
            for word in words[1:]:
                if not re.fullmatch(r"[a-z][a-z-]*", word):
                    break
                path.append(word)
            commands.setdefault(" ".join(path), set()).update(OPTION.findall(synopsis))
    return commands


def _parser_commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> dict[str, set[str]]:
    """Each subcommand the parser runs (its groups left out) with the options it takes."""
    groups = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not groups:
        return {" ".join(path): {o for a in parser._actions for o in a.option_strings}}
    commands: dict[str, set[str]] = {}
    for group in groups:
        for name, sub in group.choices.items():
            commands.update(_parser_commands(sub, (*path, name)))
    return commands


def test_the_readme_lists_every_subcommand_and_no_other() -> None:
    readme = _readme_commands().keys() - {""}
    parser = _parser_commands(build_parser()).keys()
    assert sorted(parser - readme) == []  # a subcommand the README does not show
    assert sorted(readme - parser) == []  # one the README shows that does not exist


def test_every_option_the_readme_gives_a_command_is_one_it_takes() -> None:
    parser = _parser_commands(build_parser())
    root = {o for a in build_parser()._actions for o in a.option_strings}
    unknown = {
        command: sorted(options - parser.get(command, root))
        for command, options in _readme_commands().items()
        if options - parser.get(command, root)
    }
    assert unknown == {}


def test_the_dossiers_default_parts_are_the_readmes() -> None:
    said = re.search(r"`--parts`\s+\(default\s+`([^`]*)`", _section())
    assert said is not None
    assert re.sub(r"\s+", "", said.group(1)) == ",".join(DEFAULT_PARTS)


def _help(capsys: pytest.CaptureFixture[str], *command: str) -> str:
    """``doancoso COMMAND --help`` as one line (argparse wraps it to the terminal)."""
    with pytest.raises(SystemExit):
        run([*command, "--help"], out=StringIO(), err=StringIO())
    return " ".join(capsys.readouterr().out.split())


def test_the_dossiers_help_says_the_numbers_are_kept_for_the_year(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """As the README says: the numbers given to a year's dossier are printed by its next
    builds; ``--number ""`` or ``PHẦN=`` prints a blank line this time."""
    assert (
        "--number SỐ|PHẦN=SỐ số của tờ trình, ví dụ 15-TTr/ĐTN; hoặc số văn bản của một phần, "
        "ví dụ bao-cao=12-BC/ĐTN (lặp lại cho mỗi phần). Số đã nhập cho hồ sơ của năm (bằng "
        'lệnh này hay trong ứng dụng) được giữ và in lại ở các lần lập sau; --number "" (tờ '
        "trình) hoặc PHẦN= để lần này in dòng số để trống, ghi tay sau khi in, như phần chưa có "
        "số nào --photos-per-page"
    ) in _help(capsys, "dossier")


def test_checklist_detach_says_how_many_characters_of_the_hash_it_takes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """As ``checklist caption`` says it, and as the command refuses fewer."""
    assert "SHA256 mã SHA-256 của tệp, hoặc ít nhất 8 ký tự đầu mà checklist show in ra" in _help(
        capsys, "checklist", "detach"
    )
