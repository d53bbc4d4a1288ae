"""The calendar's core at the sizes of #13: participation rates of 2,000 members over a year of
60 activities, saving the attendance of a 500-member activity, and the query behind a month
view (and the status bar's "coming" and "overdue") over 5 years of activities.

Each figure has, where one makes sense, a baseline measured in the same run: plain ``sqlite3``
reading the same rows, the floor any code above the database stands on. The data folders are
made once through the core's own API into ``bench-data/`` (a few minutes the first time), in
the last full year so that every date is in the past and has its attendance.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from doancoso.core.activities.rules import BUILTIN_KINDS, MEETING_KIND
from doancoso.core.storage.folder import DATABASE_FILE
from doancoso.core.workspace import Workspace

from .common import BENCH_DATA, best_of, report

MEMBERS = 2000
YEAR = dt.date.today().year - 1
_OTHER_KINDS = [code for code in BUILTIN_KINDS if code != MEETING_KIND]


# Data ------------------------------------------------------------------------------------------


def _made_once(name: str, build: Callable[[Workspace], None]) -> Path:
    """``bench-data/NAME``: 2,000 demo members and what ``build`` adds, made once (in a
    temporary folder renamed when complete, so an interrupted build is not reused)."""
    folder = BENCH_DATA / name
    if (folder / DATABASE_FILE).exists():
        return folder
    partial = BENCH_DATA / f"{name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    started = time.perf_counter()
    with Workspace.open(partial) as ws:
        ws.generate_demo(members=MEMBERS, seed=1)
        _clear_activities(ws)
        build(ws)
    partial.rename(folder)
    print(f"(made {folder.name} in {time.perf_counter() - started:.0f} s)", flush=True)
    return folder


def _clear_activities(ws: Workspace) -> None:
    """Start from no activity, whatever the demo makes, so that the counts are the bench's."""
    every = ws.activities.occurrences(dt.date(1900, 1, 1), dt.date(2999, 12, 31))
    for activity_id in dict.fromkeys(o.activity_id for o in every):
        ws.activities.delete(activity_id)


def _take_attendance(ws: Workspace, occurrence_id: str, rng: random.Random) -> None:
    """The default expected members: three in four present, one in ten excused."""
    marks: dict[str, tuple[str, str | None]] = {}
    for row in ws.attendance.sheet(occurrence_id):
        draw = rng.random()
        marks[row.member_id] = (
            ("present", None)
            if draw < 0.75
            else ("excused", "bận")
            if draw < 0.85
            else ("absent", None)
        )
    ws.attendance.save(occurrence_id, marks)


def _whole_organisation_year(ws: Workspace, year: int, count: int, rng: random.Random) -> None:
    """``count`` activities of the whole organisation spread over ``year``, attendance taken."""
    first = dt.date(year, 1, 5)
    step = 360 // count
    for index in range(count):
        day = first + dt.timedelta(days=index * step)
        activity_id, _ = ws.activities.save(
            {"title": f"Hoạt động {index + 1} năm {year}", "kind": _OTHER_KINDS[index % 8],
             "start_date": f"{day:%d/%m/%Y}", "start_time": "07:30", "place": "Hội trường xã"}
        )  # fmt: skip
        (occurrence_id,) = ws.activities.occurrence_ids_of(activity_id)
        _take_attendance(ws, occurrence_id, rng)


def participation_folder() -> Path:
    def build(ws: Workspace) -> None:
        _whole_organisation_year(ws, YEAR, 60, random.Random(1))

    return _made_once(f"calendar-participation-{MEMBERS}-{YEAR}", build)


def five_years_folder() -> Path:
    """Five years to ``YEAR``: each chi đoàn's monthly meeting and 60 activities of the whole
    organisation a year, every date's attendance taken."""

    def build(ws: Workspace) -> None:
        rng = random.Random(5)
        for year in range(YEAR - 4, YEAR + 1):
            for branch in ws.branches.list():
                activity_id, _ = ws.activities.save(
                    {"title": f"Sinh hoạt {branch.name}", "kind": MEETING_KIND,
                     "start_date": f"15/01/{year}", "start_time": "19:30",
                     "branch_ids": [branch.id], "repeat": "monthly", "until": f"31/12/{year}"}
                )  # fmt: skip
                for occurrence_id in ws.activities.occurrence_ids_of(activity_id):
                    _take_attendance(ws, occurrence_id, rng)
            _whole_organisation_year(ws, year, 60, rng)

    return _made_once(f"calendar-5-years-{MEMBERS}-{YEAR}", build)


# Measures --------------------------------------------------------------------------------------


def _raw(folder: Path, sql: str, *params: object) -> Callable[[], object]:
    def read() -> object:
        with sqlite3.connect(folder / DATABASE_FILE) as conn:
            return conn.execute(sql, params).fetchall()

    return read


_ATTENDANCE_OF_YEAR = """
    SELECT a.member_id, a.state, o.day FROM attendance AS a
    JOIN occurrences AS o ON o.id = a.occurrence_id
    WHERE a.deleted_at IS NULL AND o.deleted_at IS NULL AND o.attendance_taken
      AND o.status = 'da-thuc-hien' AND o.day BETWEEN ? AND ?
"""


def bench_participation() -> None:
    folder = participation_folder()
    with Workspace.open(folder) as ws:
        rows = ws.participation.year(YEAR)
        marks = sum(r.expected for r in rows)
        floor = best_of(5, _raw(folder, _ATTENDANCE_OF_YEAR, f"{YEAR}-01-01", f"{YEAR}-12-31"))
        report(
            f"participation: a year, {MEMBERS} members, 60 dates ({marks // 1000}k marks)",
            best_of(5, lambda: ws.participation.year(YEAR)),
            "<= 0.2 s",
            baseline=("sqlite3 reading the marks", floor),
        )
        report("participation: by chi đoàn (statistics page)",
               best_of(5, lambda: ws.participation.by_branch(YEAR)))  # fmt: skip


def bench_attendance_save() -> None:
    """On a copy of 2,000 demo members: a weekly activity of the whole organisation, each date
    saved once with 500 members (500 new rows), then saved again with 50 marks changed."""
    with tempfile.TemporaryDirectory(prefix="bench-attendance-") as tmp, \
            Workspace.open(Path(tmp) / "data") as ws:  # fmt: skip
        ws.generate_demo(members=MEMBERS, seed=1)
        activity_id, _ = ws.activities.save(
            {"title": "Sinh hoạt", "start_date": f"05/01/{YEAR}", "repeat": "weekly",
             "until": f"28/02/{YEAR}"}
        )  # fmt: skip
        occurrences = ws.activities.occurrence_ids_of(activity_id)
        people = [r.member_id for r in ws.attendance.sheet(occurrences[0])][:500]
        assert len(people) == 500
        marks: dict[str, tuple[str, str | None]] = {
            m: ("present" if i % 5 else "absent", None) for i, m in enumerate(people)
        }
        ws.attendance.save(occurrences[0], marks)  # the day's first change takes a backup
        firsts, agains = [], []
        changed = dict(marks)
        for member_id in people[:50]:
            changed[member_id] = ("excused", "ốm")
        for occurrence_id in occurrences[1:6]:
            start = time.perf_counter()
            ws.attendance.save(occurrence_id, marks)
            firsts.append(time.perf_counter() - start)
            start = time.perf_counter()
            ws.attendance.save(occurrence_id, changed)
            agains.append(time.perf_counter() - start)
        report("attendance: save 500 members (new rows)", statistics.median(firsts), "<= 0.2 s")
        report("attendance: save again, 50 marks changed", statistics.median(agains), "<= 0.2 s")
        report("attendance: the sheet of a date (default expected)",
               best_of(5, lambda: ws.attendance.sheet(occurrences[7])))  # fmt: skip


_MONTH_ROWS = """
    SELECT o.*, a.title, a.kind, a.branch_ids, a.rule FROM occurrences AS o
    JOIN activities AS a ON a.id = o.activity_id
    WHERE o.organization_id = ? AND o.deleted_at IS NULL AND o.day BETWEEN ? AND ?
    ORDER BY o.day, o.start_time, a.title, o.id
"""


def bench_month_view() -> None:
    folder = five_years_folder()
    month = dt.date(YEAR - 2, 6, 1)
    first = month - dt.timedelta(days=month.weekday())  # the grid: six weeks from a Monday
    last = first + dt.timedelta(days=41)
    with Workspace.open(folder) as ws:
        total = len(ws.activities.occurrences(dt.date(YEAR - 4, 1, 1), dt.date(YEAR, 12, 31)))
        shown = len(ws.activities.occurrences(first, last))
        org = ws.organization.get()
        assert org is not None
        floor = best_of(9, _raw(folder, _MONTH_ROWS, org.id, f"{first}", f"{last}"))
        report(
            f"month view: dates of a 6-week grid ({shown} of {total} in 5 years)",
            best_of(9, lambda: ws.activities.occurrences(first, last)),
            "part of <= 50 ms (the page: calendar GUI bench)",
            baseline=("sqlite3 reading the rows", floor),
        )
        report(
            "agenda: dates of a whole year",
            best_of(
                5, lambda: ws.activities.occurrences(dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
            ),
        )
        today = dt.date(YEAR, 12, 31)

        def status_bar() -> object:
            return ws.activities.upcoming(today), ws.activities.overdue(today)

        report("status bar at start: coming 7 days + overdue", best_of(5, status_bar))
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "lich.ics"
            report(
                "calendar export: a year to .ics",
                best_of(3, lambda: ws.activities.export_calendar(
                    target, dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))),
            )  # fmt: skip


def run() -> None:
    bench_participation()
    bench_attendance_save()
    bench_month_view()


if __name__ == "__main__":
    run()
