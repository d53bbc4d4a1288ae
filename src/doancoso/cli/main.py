"""The command line: the same core as the GUI, headless.

``doancoso`` alone opens the GUI. Subcommands take ``--data-dir DIR``; those that report take
``--format json``. A user error prints a Vietnamese message on stderr and exits 1; bad usage
exits 2; Ctrl+C stops the command with a message and exits 130; no traceback reaches the user
for any of them.

Each command group lives in its own module and adds its subcommands with ``register``: a new
group is one module and one line in :data:`COMMAND_GROUPS`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from .. import __version__
from ..core.errors import AppError, BadRowsError, ValidationError
from . import (
    activities,
    backups,
    bundles,
    checklist,
    dossier,
    getting_started,
    members,
    plans,
    rating,
    registers,
)
from .common import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    Subparsers,
    data_dir_of,
    data_dir_option,
)
from .parser import Parser

__all__ = [
    "EXIT_ERROR",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "build_parser",
    "data_dir_in",
    "run",
]

COMMAND_GROUPS: tuple[Callable[[Subparsers], None], ...] = (
    getting_started.register,  # init, demo
    members.register,  # members list|add|edit|import|export|print|event add|undo|events
    backups.register,  # backup, backups, check, restore
    plans.register,  # plan show|new|target add|register|deadline
    activities.register,  # activity add|list|attend, participation, calendar export
    checklist.register,  # checklist show|set|attach|detach|template
    registers.register,  # advice|coordination add|edit|delete|list|show|attach|caption|detach
    rating.register,  # rating list|open|set|accept|close|reopen|export|import|print
    dossier.register,  # dossier --year Y -o FILE.pdf [--check]
    bundles.register,  # bundle export|inspect|import
)

# Field names of the core whose option is not the field name with dashes.
_FIELD_LABELS = {
    "full_name": "--name",
    "birth_date": "--birth",
    "branch_id": "--branch",
    "superior_name": "--superior",
    "secretary_name": "--secretary",
    "start_date": "--date",
    "start_time": "--time",
    "rule": "--repeat",
    "measure_kind": "--kind",
    "registered_on": "--date",
    "member_id": "--present/--excused/--absent",
    "branch_ids": "--branch",
    "day": "--date",
    "end_day": "--end-date",
    "answer_day": "--answer-date",
    "activity_id": "--activity",
    "plan_deadline": "NGÀY/THÁNG",
    "introducer_id": "--introducer",
}


def build_parser() -> Parser:
    parser = Parser(prog="doancoso", description="Quản lý Đoàn cơ sở 3 chủ động.")
    parser.add_argument(
        "--version",
        action="version",
        version=f"doancoso {__version__}",
        help="hiện số phiên bản rồi thoát",
    )
    parser.add_argument(
        "--self-test", action="store_true", help="tự kiểm tra ứng dụng (không giao diện) rồi thoát"
    )
    data_dir_option(parser)
    subparsers = parser.add_subparsers(dest="command", parser_class=Parser, metavar="LỆNH")
    for register in COMMAND_GROUPS:
        register(subparsers)
    return parser


def data_dir_in(argv: Sequence[str]) -> Path:
    """The data folder of a command line, read by its own parser (so ``--data-dir X``,
    ``--data-dir=X`` and an abbreviation, before or after the subcommand), or the default one:
    where the log of an unexpected error in that command goes."""
    try:
        args = build_parser().parse_args(list(argv))
    except (Exception, SystemExit):  # the command line itself failed: nothing names a folder
        return data_dir_of(argparse.Namespace())
    return data_dir_of(args)


def option_of(field: str) -> str:
    """The command line's option for a field of the core (``end_date`` → ``--end-date``)."""
    return _FIELD_LABELS.get(field, "--" + field.replace("_", "-"))


def _describe(error: AppError) -> str:
    if isinstance(error, ValidationError) and error.field_errors:
        lines = [f"  {option_of(k)}: {v}" for k, v in error.field_errors.items()]
        return "Dữ liệu không hợp lệ:\n" + "\n".join(lines)
    if isinstance(error, BadRowsError):  # every bad row, where a message box shows the first
        return error.full
    return error.message


def run(
    argv: Sequence[str],
    out: TextIO | None = None,
    err: TextIO | None = None,
    gui: Callable[[Path | None], int] | None = None,
) -> int:
    """Run the command line; returns the exit code. With no subcommand, ``gui`` opens the app."""
    out, err = out or sys.stdout, err or sys.stderr
    args = build_parser().parse_args(list(argv))
    if args.self_test:
        from ..selftest import run_self_test

        return run_self_test(out)
    if args.command is None:
        if gui is None:
            raise RuntimeError("no GUI entry point given")
        return gui(getattr(args, "data_dir", None))
    try:
        code: int = args.handler(args, out)
        return code
    except AppError as error:
        print(f"Lỗi: {_describe(error)}", file=err)
        return EXIT_ERROR
    except KeyboardInterrupt as stopped:
        print(_interrupted(stopped), file=err)
        return EXIT_INTERRUPTED


INTERRUPTED = (
    "Đã dừng theo yêu cầu (Ctrl+C) trước khi lệnh làm xong: những gì lệnh đang ghi dở đã được bỏ."
)


def _interrupted(stopped: KeyboardInterrupt) -> str:
    """What Ctrl+C left: every write of a command is one transaction or a file written under a
    temporary name, both undone when the interrupt unwinds them; a temporary file on a stick
    pulled out meanwhile is named (see :func:`~doancoso.core.bundle.disks.temp_left`)."""
    from ..core.bundle.disks import partial_left, temp_left

    left = temp_left(stopped)
    return INTERRUPTED if left is None else f"{INTERRUPTED} {partial_left(left)}"
