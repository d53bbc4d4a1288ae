"""The order in which a write flushes and renames, recorded: every ``os.fsync`` as
``("fsync", inode)`` of what it flushed (a file, or a folder for its entries) and every
``os.replace`` as ``("replace", inode)`` of the file taking its name, each call then made for
real. A test compares the steps with the inodes of the files and folders it expects."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

Step = tuple[str, int]


@contextlib.contextmanager
def flush_steps() -> Iterator[list[Step]]:
    """The steps of the calls made inside the block, in order (recording stops at its end)."""
    steps: list[Step] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        steps.append(("fsync", os.fstat(fd).st_ino))
        real_fsync(fd)

    def replace(source: str | Path, target: str | Path) -> None:
        steps.append(("replace", os.stat(source).st_ino))
        real_replace(source, target)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fsync", fsync)
        patch.setattr(os, "replace", replace)
        yield steps
