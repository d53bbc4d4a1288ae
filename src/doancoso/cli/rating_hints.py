"""The rating's messages said to a command-line user: the core's refusals, shared with the app,
name the app's buttons ("mở lại đợt (“Mở lại”)"); at the command line they name the command
that does it (``doancoso rating reopen --year Y``). The core's text is left as the app shows it.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import re
from collections.abc import Iterator
from typing import TextIO

from ..core.errors import AppError, ValidationError
from .common import Handler


def command_words(year: int) -> dict[str, str]:
    """The words of the app's messages for an action of the year's round → the same action
    said as its command."""
    return {
        "mở lại đợt (“Mở lại”)": f"mở lại đợt bằng lệnh “doancoso rating reopen --year {year}”",
        f"hãy kết thúc đợt xếp loại năm {year} trước khi": (
            f"hãy kết thúc đợt xếp loại năm {year} (lệnh “doancoso rating close --year {year}”) "
            "trước khi"
        ),
        "hãy xuất bảng xếp loại từ ứng dụng": (
            f"hãy xuất bảng xếp loại bằng lệnh “doancoso rating export --year {year} TỆP.xlsx”"
        ),
    }


def as_commands(text: str, year: int) -> str:
    """``text`` with the app's words for an action of the year's round said as its command."""
    for app, command in command_words(year).items():
        text = text.replace(app, command)
    return text


ROUND_OF_YEAR = re.compile(r"Đợt xếp loại năm (\d{4})")


def note_as_commands(text: str) -> str:
    """A note about a year's round ("Đợt xếp loại năm 2025: …", a bundle import's) with the
    app's words said as commands; any other text unchanged."""
    match = ROUND_OF_YEAR.search(text)
    return text if match is None else as_commands(text, int(match.group(1)))


@contextlib.contextmanager
def said_as_commands(year: int) -> Iterator[None]:
    """Re-raise an error of the block whose message names the app's buttons with the commands
    instead (see :func:`command_words`); any other error goes through unchanged."""
    try:
        yield
    except AppError as error:
        if isinstance(error, ValidationError):  # said per option, never of a button
            raise
        text = as_commands(error.message, year)
        error.message, error.args = text, (text,)
        raise


def with_commands(handler: Handler) -> Handler:
    """A ``rating`` subcommand (all take ``--year``) whose refusals name commands."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace, out: TextIO) -> int:
        with said_as_commands(args.year):
            return handler(args, out)

    return run
