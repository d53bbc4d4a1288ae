"""Entry point: ``doancoso`` (GUI) and ``doancoso SUBCOMMAND`` (headless)."""

from __future__ import annotations

import codecs
import io
import logging
import sys
from pathlib import Path

from .cli.main import EXIT_ERROR, data_dir_in, run
from .logs import setup_logging
from .paths import default_data_dir


def _gui(data_dir: Path | None) -> int:
    from .ui.shell.app import run_app  # Qt is imported only when the GUI opens

    return run_app(data_dir or default_data_dir())


def _utf8_output() -> None:
    """Write the console's output in UTF-8. Windows gives a stdout redirected to a file or a
    pipe (``doancoso members list > ds.txt``, a script reading the JSON) its ANSI code page,
    cp1252 or cp1258, which cannot hold "ệ" or "ư": the command stopped half-way with an
    unexpected error, and stderr came out as \\u escapes."""
    for stream in (sys.stdout, sys.stderr):  # None in the windowed (GUI) executable
        if isinstance(stream, io.TextIOWrapper) and codecs.lookup(stream.encoding).name != "utf-8":
            stream.reconfigure(encoding="utf-8", errors=stream.errors)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    _utf8_output()
    # The app's own log lines (a damaged file moved aside...) go to the log file once one is
    # set up, never to the console: with no handler at all Python prints them, in English, on
    # stderr beside the Vietnamese message.
    logging.getLogger("doancoso").addHandler(logging.NullHandler())
    if args[:1] == ["--soak"]:  # hidden: the self-test runs the soak in a new process of this exe
        from .ui.soak import main as soak

        return soak(args[1:])
    try:
        return run(args, gui=_gui)
    except BrokenPipeError:  # output piped into `head` and the like
        return 0
    except Exception:  # a bug, not a user error: log it and say where the log is
        log_path = setup_logging(data_dir_in(args))
        logging.getLogger("doancoso").exception("unexpected error running %s", args)
        where = f"Chi tiết đã ghi vào {log_path}." if log_path else "Không ghi được nhật ký."
        print(f"Lỗi không mong đợi. {where}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
