"""Ctrl+C in a command: a message, exit 130, no traceback (a real process, a real SIGINT)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from doancoso.cli.main import INTERRUPTED

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a FIFO and SIGINT: POSIX only")


def test_ctrl_c_while_a_command_waits_stops_it_with_a_message(tmp_path: Path) -> None:
    """``bundle inspect`` blocked reading its password file (a FIFO nobody writes) when Ctrl+C
    comes: the command stops with the message and exit 130, no traceback, nothing created."""
    fifo = tmp_path / "mat-khau"
    os.mkfifo(fifo)
    bundle = tmp_path / "goi.dcs"
    bundle.write_bytes(b"not read: the password comes first")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "doancoso", "bundle", "inspect", str(bundle),
         "--password-file", str(fifo)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    writer = None
    try:
        deadline = time.monotonic() + 60
        while writer is None:  # a FIFO opens for writing once its reader opens it
            try:
                writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("the command never opened its password file")
                time.sleep(0.05)
        time.sleep(0.2)  # it now waits for the line that never comes
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        if writer is not None:
            os.close(writer)
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130
    assert out == b""
    assert err.decode("utf-8") == INTERRUPTED + "\n"
    assert INTERRUPTED == (
        "Đã dừng theo yêu cầu (Ctrl+C) trước khi lệnh làm xong: những gì lệnh đang ghi dở đã "
        "được bỏ."
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["goi.dcs", "mat-khau"]
