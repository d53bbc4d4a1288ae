"""An export killed half-way leaves its hidden temporary file beside the target (#12: 13 of 20
kills); the next export to that folder removes such files of ours, once they are a minute old
(a younger one may belong to an export still running), and nothing else."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from doancoso.core.storage.files import written_atomically
from doancoso.core.workspace import Workspace

# Starts writing the target atomically, says so, and waits to be killed.
_WRITER = """
import sys, time
from pathlib import Path
from doancoso.core.storage.files import written_atomically
with written_atomically(Path(sys.argv[1])) as temp:
    temp.write_bytes(b"half a list")
    print(temp, flush=True)
    time.sleep(120)
"""


def _killed_while_writing(target: Path) -> Path:
    """The temporary file a real process left when it was killed in the middle of a write."""
    process = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(target)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        temp = Path(process.stdout.readline().strip())
    finally:
        process.send_signal(signal.SIGKILL if hasattr(signal, "SIGKILL") else signal.SIGTERM)
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()
    assert temp.parent == target.parent and temp.name.startswith(f".{target.name}.")
    assert temp.name.endswith(".doancoso.tmp")
    assert temp.exists() and not target.exists()
    return temp


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_the_next_export_to_the_folder_removes_what_a_killed_one_left(
    demo_ws: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    old = _killed_while_writing(folder / "danh-sach.xlsx")
    _age(old, 120)
    running = _killed_while_writing(folder / "thong-ke.xlsx")  # as young as a running export
    others = [  # the user's, some named much like ours
        folder / name
        for name in (".ghi-chu.tmp", ".danh-sach.xlsx.tmp", ".config.settings.tmp", "a.b.tmp")
    ]
    for path in others:
        path.write_text("của người dùng")
        _age(path, 3600)
    keep = folder / ".cu.xlsx.abcdefgh.doancoso.tmp"  # named as ours, but a folder
    keep.mkdir()
    _age(keep, 3600)

    demo_ws.spreadsheets.export_members(folder / "moi.csv")

    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["moi.csv", running.name, keep.name] + [p.name for p in others]
    )


def test_a_leftover_in_another_folder_is_left_alone(tmp_path: Path) -> None:
    elsewhere = tmp_path / "khac"
    elsewhere.mkdir()
    old = _killed_while_writing(elsewhere / "a.xlsx")
    _age(old, 120)
    (tmp_path / "day").mkdir()
    with written_atomically(tmp_path / "day" / "b.csv") as temp:
        temp.write_text("x")
    assert old.exists()
