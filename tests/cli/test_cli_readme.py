"""The README's command line section against the commands themselves: every subcommand there
is one the parser has, every subcommand the parser has is there, each option the README gives a
command is one that command takes, and the dossier's default parts are the ones it builds."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from doancoso.cli.main import build_parser
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
