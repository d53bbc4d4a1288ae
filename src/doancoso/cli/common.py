"""What every command group shares: exit codes, the ``--data-dir`` option, the data folder.

A command group registers its subcommands with ``register(subparsers)``; each subcommand sets a
``handler`` (see :data:`Handler`) that returns the exit code and lets an :class:`AppError` reach
:func:`doancoso.cli.main.run`, which prints it and exits 1.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeAlias

from ..core.errors import AppError, ValidationError
from ..core.lang.dates import DateFormatError, parse_vn_date
from ..core.workspace import Workspace
from ..paths import default_data_dir

if TYPE_CHECKING:
    from .parser import Parser

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130
"""Stopped by Ctrl+C (128 + SIGINT, as shells report it)."""

Subparsers: TypeAlias = "argparse._SubParsersAction[Parser]"
"""What ``add_subparsers(parser_class=Parser)`` returns: a group adds its subcommands to it."""

Handler: TypeAlias = Callable[[argparse.Namespace, TextIO], int]
"""A subcommand: its parsed options and the output stream in, the exit code out."""


def not_blank(what: str) -> Callable[[str], str]:
    """The ``type=`` of an option whose value may not be blank: ``--branch "$CD"`` with CD
    unset in a script is bad usage (exit 2), saying ``what`` is needed ("tên một chi đoàn"),
    rather than read as no option at all, which would list or export every member."""

    def checked(text: str) -> str:
        if not text.strip():
            raise argparse.ArgumentTypeError(f"cần {what}, không được để trống")
        return text

    return checked


def one_line(text: str) -> str:
    """Text typed on several lines, on one line of a listing: "a\nb\n\nc" -> "a / b / c"."""
    return " / ".join(part for part in text.splitlines() if part)


def folder_path(text: str) -> Path:
    """The ``type=`` of a folder argument (``--data-dir``, ``backup --to``): a blank one is bad
    usage, not the current folder (``Path("")``), where ``init`` would set up data and
    ``backup`` write its copy."""
    return Path(not_blank("tên một thư mục")(text))


def file_path(text: str) -> Path:
    """The ``type=`` of a file argument: a blank one is bad usage, rather than the current
    folder, which the writers refused with a wrong reason ("tệp đang được chương trình khác sử
    dụng")."""
    return Path(not_blank("tên một tệp")(text))


PDF = "Tệp PDF"


def require_suffix(path: Path, what: str, *suffixes: str) -> None:
    """Refuse, before anything is opened or written, a file to write whose extension is none of
    ``suffixes`` (case ignored): ``members print -o ds.txt`` wrote a PDF named .txt, which no
    program opens by its name. ``what`` names the file ("Tệp PDF")."""
    if path.suffix.lower() not in suffixes:
        shown = path.name or path  # "." has no name
        raise AppError(f"{what} phải có đuôi {' hoặc '.join(suffixes)}: {shown}")


FORMAT_HELP = "dạng kết quả: table (bảng, mặc định) hoặc json"


def format_option(
    parser: argparse.ArgumentParser, help: str = FORMAT_HELP, *, text: bool = False
) -> None:
    """``--format table|json``, the same on every command that reports (``table`` by default).
    ``text``: also take ``text``, which ``dossier`` and ``bundle`` took instead of ``table``
    (scripts written for them keep working; the usage line shows table and json only)."""
    parser.add_argument(
        "--format",
        choices=("table", "json", "text") if text else ("table", "json"),
        default="table",
        metavar="{table,json}",
        help=help,
    )


def data_dir_option(parser: argparse.ArgumentParser) -> None:
    """``--data-dir DIR``, on the subcommand as well as before it."""
    parser.add_argument(
        "--data-dir",
        type=folder_path,
        metavar="THƯ_MỤC",
        default=argparse.SUPPRESS,
        help="thư mục dữ liệu (mặc định: thư mục dữ liệu của người dùng)",
    )


def data_dir_of(args: argparse.Namespace) -> Path:
    """The data folder of ``--data-dir``, or the default one."""
    return Path(getattr(args, "data_dir", None) or default_data_dir())


def open_workspace(args: argparse.Namespace, *, create: bool = False) -> Workspace:
    """The workspace of ``--data-dir``, or of the default data folder. Only the commands that
    set up a folder (``init``, ``demo``, ``bundle import`` of a handover) pass ``create``: the
    others create nothing, and on a folder with no data they say how to set it up."""
    return Workspace.open(data_dir_of(args), create=create)


@contextlib.contextmanager
def made_folders_undone(folder: Path) -> Iterator[None]:
    """Remove, when the block fails, the folders it made on the way to ``folder`` (those
    missing when it began) with whatever was put in them: a refused ``restore`` left an empty
    data folder at a mistyped ``--data-dir``."""
    missing: Path | None = None
    for path in (folder.absolute(), *folder.absolute().parents):
        if os.path.exists(path):
            break
        missing = path
    try:
        yield
    except BaseException:
        if missing is not None:
            shutil.rmtree(missing, ignore_errors=True)
        raise


def date_option(text: str | None) -> date | None:
    """The day of a ``--date dd/mm/yyyy`` option (None when not given); a day not written so
    is refused in Vietnamese, named as the option."""
    if text is None:
        return None
    try:
        return parse_vn_date(text)[0]
    except DateFormatError as exc:
        raise ValidationError({"date": str(exc)}) from None
