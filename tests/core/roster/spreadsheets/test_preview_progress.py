"""The preview of an import reports its progress and stops at whatever the report raises.

The GUI's report raises its ``TaskCancelled`` after "Hủy" (:mod:`doancoso.ui.shell.tasks`);
here a plain exception stands for it. A cancelled preview leaves no file behind (temporary or
other), keeps no handle on the file it read, and the data is as it was.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sheetfiles import TODAY, write_csv, write_excel_xlsx

from doancoso.core.progress import EVERY, SCALE, Stages, counted
from doancoso.core.workspace import Workspace

ROWS = 3000
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chi đoàn", "Ngày vào Đoàn"]
YOUTH_HEADER = ["STT", "Họ tên", "Năm sinh", "Phái", "Ấp"]
GIVEN = ["An", "Bình", "Châu", "Dũng", "Hà", "Hùng", "Lan", "Mai", "Nam", "Phúc"]


class Stop(Exception):
    """Stands for the GUI's cancellation."""


def _name(i: int) -> str:
    return f"Nguyễn Văn {GIVEN[i % 10]} {GIVEN[i // 10 % 10]} {GIVEN[i // 100 % 10]}"


def member_rows(count: int = ROWS) -> list[list[object]]:
    rows: list[list[object]] = [["DANH SÁCH ĐOÀN VIÊN"], HEADER]
    for i in range(count):
        birth = f"{1 + i % 28:02d}/{1 + i % 12:02d}/{1996 + i % 10}"
        rows.append([i + 1, _name(i), birth, "Nam", f"Chi đoàn ấp {1 + i % 5}", "26/03/2015"])
    return rows


def youth_rows(count: int = ROWS) -> list[list[object]]:
    rows: list[list[object]] = [YOUTH_HEADER]
    for i in range(count):
        rows.append([i + 1, _name(i), str(2000 + i % 8), "Nam", f"Ấp {1 + i % 5}"])
    return rows


@pytest.fixture
def quiet_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder of :mod:`tempfile`, redirected to an empty one of this test."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def _open_handles(path: Path) -> list[str]:
    """The descriptors of this process open on ``path`` (Linux; none known elsewhere)."""
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        return []
    found = []
    for fd in os.listdir(fds):
        try:
            if os.readlink(fds / fd) == str(path):
                found.append(fd)
        except OSError:
            continue
    return found


class Recorder:
    """A report that records its calls and raises :class:`Stop` at call ``stop_at``."""

    def __init__(self, stop_at: int | None = None) -> None:
        self.calls: list[tuple[int, int]] = []
        self.stop_at = stop_at

    def __call__(self, done: int, total: int) -> None:
        if self.stop_at is not None and len(self.calls) == self.stop_at:
            raise Stop
        self.calls.append((done, total))


def _check_calls(calls: list[tuple[int, int]], rows: int) -> None:
    assert calls, "never reported"
    assert {total for _done, total in calls} == {SCALE}
    done = [d for d, _total in calls]
    assert done == sorted(done) and done[0] < SCALE // 4 and done[-1] == SCALE
    # a report every few hundred rows, not one a row: parsing and deciding each report
    assert 2 * rows // EVERY <= len(calls) <= 2 * rows // EVERY + 20


Preview = Callable[..., object]


def _previews(ws: Workspace) -> dict[str, tuple[Preview, Callable[[Path], Path]]]:
    return {
        "members .xlsx": (
            ws.spreadsheets.preview_import,
            lambda folder: write_excel_xlsx(folder / "ds.xlsx", member_rows()),
        ),
        "members .csv": (
            ws.spreadsheets.preview_import,
            lambda folder: write_csv(folder / "ds.csv", member_rows()),
        ),
        "youth .xlsx": (
            ws.youth_import.preview_import,
            lambda folder: write_excel_xlsx(folder / "tn.xlsx", youth_rows()),
        ),
    }


KINDS = ["members .xlsx", "members .csv", "youth .xlsx"]


@pytest.mark.parametrize("kind", KINDS)
def test_the_preview_reports_its_progress(sws: Workspace, tmp_path: Path, kind: str) -> None:
    sws.youth_import.today = lambda: TODAY
    preview, write = _previews(sws)[kind]
    path = write(tmp_path)
    report = Recorder()
    result = preview(path, report=report)
    assert len(result.rows) == ROWS  # type: ignore[attr-defined]
    _check_calls(report.calls, ROWS)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("where", ["first", "reading", "parsing", "deciding", "last"])
def test_a_cancelled_preview_stops_and_leaves_nothing(
    sws: Workspace, tmp_path: Path, quiet_tmp: Path, kind: str, where: str
) -> None:
    sws.youth_import.today = lambda: TODAY
    preview, write = _previews(sws)[kind]
    (tmp_path / "in").mkdir()
    path = write(tmp_path / "in")
    calls = Recorder()
    preview(path, report=calls)
    fractions = [done for done, _total in calls.calls]
    stop_at = {
        "first": 0,
        "reading": 1,
        "parsing": next(i for i, d in enumerate(fractions) if 300 < d < 700),
        "deciding": next(i for i, d in enumerate(fractions) if 820 < d < 990),
        "last": len(fractions) - 1,
    }[where]
    before = _tree(tmp_path)
    members, youths = sws.members.count(), sws.youth.count()
    report = Recorder(stop_at)
    with pytest.raises(Stop):
        preview(path, report=report)
    assert len(report.calls) == stop_at
    assert _tree(tmp_path) == before  # nothing beside the file, in the data or in tempdir
    assert not list(quiet_tmp.iterdir())
    assert _open_handles(path) == []
    assert (sws.members.count(), sws.youth.count()) == (members, youths)
    again = preview(path)  # and the file reads again as before
    assert len(again.rows) == ROWS  # type: ignore[attr-defined]


def test_a_preview_of_a_fresh_file_after_a_cancel_is_imported(
    sws: Workspace, tmp_path: Path
) -> None:
    path = write_excel_xlsx(tmp_path / "ds.xlsx", member_rows(600))
    with pytest.raises(Stop):
        sws.spreadsheets.preview_import(path, report=Recorder(3))
    result = sws.spreadsheets.apply_import(sws.spreadsheets.preview_import(path))
    assert result.created == 600 and sws.members.count() == 600


def test_counted_reports_every_few_hundred_items() -> None:
    calls = Recorder()
    assert list(counted(range(1000), calls, every=256)) == list(range(1000))
    assert calls.calls == [(0, 1000), (256, 1000), (512, 1000), (768, 1000), (1000, 1000)]
    assert list(counted([], calls)) == [] and calls.calls[-2:] == [(0, 0), (0, 0)]
    assert list(counted([1, 2], None)) == [1, 2]


def test_counted_stops_at_what_the_report_raises() -> None:
    seen: list[int] = []
    with pytest.raises(Stop):
        for item in counted(range(1000), Recorder(2), every=100):
            seen.append(item)
    assert seen == list(range(200))


def test_stages_nest() -> None:
    calls = Recorder()
    outer = Stages(calls)
    inner = Stages(outer.part(800))
    inner.part(500)(1, 2)
    outer.part(200)(1, 1)
    outer.finish()
    assert calls.calls == [(200, 1000), (1000, 1000), (1000, 1000)]
