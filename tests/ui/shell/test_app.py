"""Start-up: a database the app cannot open, and unexpected errors reported with the log path."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from doancoso.core.errors import ConflictError
from doancoso.core.workspace import DATABASE_FILE, Workspace
from doancoso.logs import setup_logging
from doancoso.ui.shell.app import make_excepthook, open_workspace


def test_database_from_a_newer_version_is_refused(data_dir: Path, prompts) -> None:
    Workspace.open(data_dir).close()
    with sqlite3.connect(data_dir / DATABASE_FILE) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    conn.close()
    assert open_workspace(data_dir, prompts) is None
    assert len(prompts.errors) == 1
    assert prompts.errors[0].startswith("Dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng.")


def test_unexpected_error_is_logged_and_reported(
    data_dir: Path, prompts, caplog: pytest.LogCaptureFixture
) -> None:
    data_dir.mkdir()
    log_path = setup_logging(data_dir)
    handler = next(
        h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "") == str(log_path)
    )
    hook = make_excepthook(log_path, prompts)
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        with caplog.at_level(logging.ERROR):
            hook(type(exc), exc, exc.__traceback__)
    assert "unexpected error" in caplog.text and "ZeroDivisionError" in caplog.text
    assert str(log_path) in prompts.errors[0]
    assert prompts.errors[0].startswith("Đã xảy ra lỗi không mong đợi.")

    hook(ConflictError, ConflictError("Không thể gộp."), None)
    assert prompts.errors[1] == "Không thể gộp."
    logging.getLogger().removeHandler(handler)
    handler.close()
