"""An unexpected error (a bug) in a command is logged in the data folder the command was given,
however ``--data-dir`` was written: ``--data-dir X`` or ``--data-dir=X``, before or after the
subcommand. ``--data-dir=X`` used to send the log to the default user data folder, where the
secretary sending it in does not look."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from doancoso.paths import default_data_dir

# A bug in `members list`, put in before the command line is built: the process is otherwise the
# `doancoso` command itself.
_BUGGY = """
import sys
import doancoso.cli.members as members

def members_list(args, out):
    raise ZeroDivisionError("a bug")

members.members_list = members_list
from doancoso.__main__ import main
sys.exit(main())
"""


@pytest.mark.parametrize(
    "spelling",
    [
        ["members", "list", "--data-dir={folder}"],
        ["--data-dir={folder}", "members", "list"],
        ["members", "list", "--data-dir", "{folder}"],
        ["--data", "{folder}", "members", "list"],  # an abbreviation, as argparse takes it
    ],
)
def test_the_log_of_an_unexpected_error_is_in_the_data_folder_given(
    tmp_path: Path, spelling: list[str]
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    argv = [arg.format(folder=folder) for arg in spelling]
    done = subprocess.run(
        [sys.executable, "-c", _BUGGY, *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    log = folder / "logs" / "doancoso.log"
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"Lỗi không mong đợi. Chi tiết đã ghi vào {log}.\n"
    assert "ZeroDivisionError: a bug" in log.read_text(encoding="utf-8")
    assert not (default_data_dir() / "logs").exists()
