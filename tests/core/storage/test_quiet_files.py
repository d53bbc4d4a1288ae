"""Small things a secretary or a maintainer notices (#10): exported files get the user's usual
permissions, the log holds no Alembic chatter, the demo's young people left home as adults."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import select

from doancoso.core.lang.dates import add_years
from doancoso.core.storage.files import written_atomically
from doancoso.core.storage.models import Youth
from doancoso.core.workspace import Workspace


def test_a_written_file_has_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "danh-sach.xlsx"
        with written_atomically(target) as temp:
            temp.write_bytes(b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["danh-sach.xlsx"]


def test_a_new_database_writes_no_alembic_lines(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        Workspace.open(tmp_path / "data").close()
    assert [r for r in caplog.records if r.name.startswith("alembic")] == []


def test_demo_youth_work_away_only_from_sixteen(demo_ws: Workspace) -> None:
    with demo_ws.db.read() as session:
        away = session.execute(
            select(Youth.birth_date, Youth.away_since).where(Youth.working_away.is_(True))
        ).all()
    assert away  # the demo does have young people working away
    assert all(since is not None and since >= add_years(birth, 16) for birth, since in away)
