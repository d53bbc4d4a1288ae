"""The argument parser of every command: argparse speaking Vietnamese, exit code 2 for bad usage.

argparse builds its texts from English templates (through ``gettext``, with no Vietnamese
catalogue). Rather than replace argparse's ``_`` for the whole process, :class:`Parser` says
its own words: Vietnamese section headings and ``-h/--help``, a formatter whose usage line
starts with "cách dùng:", and :meth:`Parser.error` translating the messages a user can meet
(a missing or unknown argument, a choice or value not accepted, a missing value...). The
templates differ a little between Python versions (choices quoted or not, 3.13's
``ArgumentError(None, ...)``), so the messages are matched loosely; one not listed here is shown
as argparse wrote it.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NoReturn

from .common import EXIT_USAGE, data_dir_option

USAGE_PREFIX = "cách dùng: "
POSITIONALS_TITLE = "tham số"
OPTIONALS_TITLE = "tùy chọn"
HELP_HELP = "hiện trợ giúp này rồi thoát"
ERROR_PREFIX = "Lỗi cú pháp lệnh: "

# What a value of a ``type=`` converter should look like, by the converter's name.
_EXPECTED_TYPES = {"int": "một số nguyên", "float": "một số"}


class HelpFormatter(argparse.HelpFormatter):
    """argparse's layout, with a Vietnamese "usage:"."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, USAGE_PREFIX if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse with Vietnamese help and errors, and exit code 2 for bad usage.

    Used for every subcommand too (``add_subparsers(parser_class=Parser)``).
    """

    def __init__(self, *, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = POSITIONALS_TITLE
        self._optionals.title = OPTIONALS_TITLE
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", default=argparse.SUPPRESS, help=HELP_HELP
            )

    def add_subparsers(self, **kwargs: Any) -> Any:
        """A group of commands (``members``, ``checklist template``...) takes ``--data-dir``
        too, so ``doancoso members --data-dir D list`` reads D as the data folder: without it,
        D was taken for the command ("lựa chọn không hợp lệ “D”")."""
        if not any("--data-dir" in action.option_strings for action in self._actions):
            data_dir_option(self)
        return super().add_subparsers(**kwargs)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """A command (``members list``) or a group (``members``) refuses the arguments it does
        not take, with its own usage line: argparse handed them up to the top parser, whose
        usage ("doancoso [-h] [--version] ... LỆNH ...") lists none of the command's options.
        The words after a command are all its own (argparse gives none back to the parsers
        above it), so whatever is left is unknown. A command's parser is named after the one
        above it ("doancoso members list"); the top one (``doancoso``) is left to argparse."""
        parsed, extras = super().parse_known_args(args, namespace)
        if extras and " " in (self.prog or ""):
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{ERROR_PREFIX}{vietnamese_error(message)}\n")


def vietnamese_error(message: str) -> str:
    """argparse's error ``message`` in Vietnamese (unchanged when it is not one we know)."""
    about = _ABOUT_ARGUMENT.fullmatch(message)
    if about is None:
        return _translate(message)
    name = about["name"]
    kind = OPTIONALS_TITLE if name.startswith("-") else POSITIONALS_TITLE
    return f"{kind} {name}: {_translate(about['message'])}"


def _translate(message: str) -> str:
    for pattern, render in _MESSAGES:
        found = pattern.fullmatch(message)
        if found is not None:
            return render(found)
    return message


def _unquote(text: str) -> str:
    """``'frob'`` → ``frob``: argparse quotes values (and, in some versions, choices)."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        try:
            value = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            return text
        return str(value)
    return text


def _invalid_choice(found: re.Match[str]) -> str:
    choices = ", ".join(_unquote(choice) for choice in found["choices"].split(", "))
    return f"lựa chọn không hợp lệ “{_unquote(found['value'])}” (chọn một trong: {choices})"


def _invalid_value(found: re.Match[str]) -> str:
    expected = _EXPECTED_TYPES.get(found["type"])
    text = f"giá trị không hợp lệ “{_unquote(found['value'])}”"
    return f"{text} (cần {expected})" if expected else text


_ABOUT_ARGUMENT = re.compile(r"argument (?P<name>[^:]+): (?P<message>.*)", re.DOTALL)

# argparse's messages (Python 3.11 to 3.13) and their Vietnamese.
_MESSAGES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"the following arguments are required: (?P<names>.*)"),
        lambda found: f"thiếu tham số bắt buộc: {found['names']}",
    ),
    (
        re.compile(r"one of the arguments (?P<names>.*) is required"),
        lambda found: "cần một trong các tùy chọn: " + ", ".join(found["names"].split()),
    ),
    (
        re.compile(r"unrecognized arguments: (?P<names>.*)"),
        lambda found: f"tham số không nhận ra: {found['names']}",
    ),
    (
        re.compile(
            r"invalid choice: (?P<value>.*?)(?:, maybe you meant .*?\?)?"
            r" \(choose from (?P<choices>.*)\)"
        ),
        _invalid_choice,
    ),
    (re.compile(r"invalid (?P<type>\S+) value: (?P<value>.*)"), _invalid_value),
    (re.compile(r"expected one argument"), lambda found: "cần một giá trị"),
    (re.compile(r"expected at least one argument"), lambda found: "cần ít nhất một giá trị"),
    (re.compile(r"expected at most one argument"), lambda found: "chỉ nhận tối đa một giá trị"),
    (
        re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)"),
        lambda found: f"tùy chọn “{found['option']}” chưa rõ: có thể là {found['matches']}",
    ),
    (
        re.compile(r"not allowed with argument (?P<other>.*)"),
        lambda found: f"không dùng cùng với {found['other']}",
    ),
    (
        re.compile(r"ignored explicit argument (?P<value>.*)"),
        lambda found: f"không nhận giá trị “{_unquote(found['value'])}”",
    ),
]
