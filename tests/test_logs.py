"""The log file (#12): a data folder that cannot hold one (read-only) logs to the system's
temporary folder instead, and a log that stops taking writes (a full disk) drops the record
rather than printing Python's "--- Logging error ---" and a traceback to the user."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from breakage import fill, read_only_mount, small_disk
from doancoso.logs import FALLBACK_FOLDER, LOG_FILE, setup_logging


@pytest.fixture(autouse=True)
def _own_handlers() -> Iterator[None]:
    """The handlers a test adds to the root logger are closed and removed after it."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def test_a_read_only_data_folder_logs_to_the_temporary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temporary = tmp_path / "temp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))  # not the machine's own
    data = tmp_path / "usb"
    data.mkdir()
    with read_only_mount(data):
        path = setup_logging(data)
        logging.getLogger("doancoso").error("written somewhere")
    assert path == temporary / FALLBACK_FOLDER / LOG_FILE
    assert "written somewhere" in path.read_text(encoding="utf-8")
    assert list(data.iterdir()) == []


def test_a_log_on_a_full_disk_drops_records_quietly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    with small_disk(disk, 64):
        path = setup_logging(disk)
        assert path == disk / "logs" / LOG_FILE
        fill(disk)
        for _ in range(50):  # more than any buffer
            logging.getLogger("doancoso").error("%s", "x" * 2000)
        for handler in logging.getLogger().handlers:
            handler.flush()
        root = logging.getLogger()
        for handler in [h for h in root.handlers if getattr(h, "baseFilename", "") == str(path)]:
            root.removeHandler(handler)
            handler.close()  # before the disk goes away
    assert capsys.readouterr().err == ""
