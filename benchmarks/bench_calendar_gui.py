"""Calendar GUI speed: showing a month on the calendar page with 5 years of activities (about 60
a year, some recurring, attendance taken on the past ones), next to the core's read of the same
weeks and a bare table of 42 text cells painted, both measured in the same run.

Showing a month is what Page Up / Page Down does: the grid's weeks read from the core, the
agenda of the month read again, the view painted.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from pathlib import Path

from doancoso.core.workspace import Workspace

from .common import BENCH_DATA, report

YEARS = 5
MEMBERS = 500


def calendar_folder() -> Path:
    """A data folder with 500 demo members and 5 years of activities, made once and reused."""
    folder = BENCH_DATA / "calendar-5y"
    if (folder / "doancoso.sqlite").exists():
        return folder
    rnd = random.Random(1)
    today = dt.date.today()
    kinds = ("tinh-nguyen", "tuyen-truyen", "van-hoa", "hoi-thi", "phoi-hop", "tham-muu", "khac")
    with Workspace.open(folder) as ws:
        ws.generate_demo(members=MEMBERS, seed=1)
        branches = [b.id for b in ws.branches.list()]
        half = len(branches) // 2
        for year in range(today.year - YEARS + 2, today.year + 2):
            for group in (branches[:half], branches[half:]):  # 2 x 12 monthly meetings
                ws.activities.save({
                    "title": "Sinh hoạt chi đoàn định kỳ", "kind": "sinh-hoat",
                    "start_date": f"{rnd.randint(5, 20):02d}/01/{year}", "start_time": "19:30",
                    "repeat": "monthly", "until": f"31/12/{year}", "branch_ids": group,
                })  # fmt: skip
            ws.activities.save({
                "title": "Ngày Chủ nhật xanh", "kind": "chu-nhat-xanh",
                "start_date": f"01/01/{year}", "start_time": "06:30",
                "repeat": "last-sunday", "until": f"31/12/{year}",
            })  # fmt: skip
            for number in range(24):
                day = dt.date(year, 1, 1) + dt.timedelta(days=rnd.randint(0, 364))
                ws.activities.save({
                    "title": f"Hoạt động {number + 1} năm {year}", "kind": rnd.choice(kinds),
                    "start_date": day.strftime("%d/%m/%Y"), "start_time": "08:00",
                    "place": "Hội trường xã",
                })  # fmt: skip
        first = dt.date(today.year - YEARS + 2, 1, 1)
        for row in ws.activities.occurrences(first, today - dt.timedelta(days=1)):
            states = ("present",) * 8 + ("excused", "absent")
            marks = {m.member_id: (rnd.choice(states), None) for m in ws.attendance.sheet(row.id)}
            if marks:
                ws.attendance.save(row.id, marks)
    return folder


def run() -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from doancoso.ui.calendar.page import CalendarPage
    from doancoso.ui.calendar.words import month_grid
    from doancoso.ui.shell.operations import Core
    from doancoso.ui.shell.undo import UndoHistory

    folder = calendar_folder()
    app = QApplication.instance() or QApplication([])
    today = dt.date.today()
    months = [(today.year + (today.month - 1 + k) // 12 - 2, (today.month - 1 + k) % 12 + 1)
              for k in range(24)]  # fmt: skip
    with Workspace.open(folder) as ws:
        ws.load_everything()
        core = Core(ws, synchronous=True)
        page = CalendarPage(core, UndoHistory(core))
        page.resize(1200, 650)
        page.show()
        app.processEvents()
        count = len(ws.activities.occurrences(dt.date(today.year - 3, 1, 1),
                                              dt.date(today.year + 1, 12, 31)))  # fmt: skip
        print(f"({count} dates of activities over {YEARS} years, {MEMBERS} members)")

        def read(year: int, month: int) -> None:
            start, weeks = month_grid(year, month)
            ws.activities.occurrences(start, start + dt.timedelta(days=7 * weeks - 1))

        def show(year: int, month: int) -> None:
            page.month.select_date(dt.date(year, month, 15))
            app.processEvents()

        bare_model = QStandardItemModel(6, 7)
        for cell in range(42):
            bare_model.setItem(cell // 7, cell % 7, QStandardItem(f"{cell % 31 + 1}\n08:00 Họp"))
        bare = QTableView()
        bare.setModel(bare_model)
        bare.resize(900, 600)
        bare.show()
        app.processEvents()

        def paint_bare(_year: int, _month: int) -> None:
            bare.viewport().repaint()

        timings: dict[str, list[float]] = {"read": [], "show": [], "bare": []}
        for _ in range(3):  # turns, so that a busy moment hits each alike
            for year, month in months:
                for name, action in (("read", read), ("show", show), ("bare", paint_bare)):
                    start = time.perf_counter()
                    action(year, month)
                    timings[name].append(time.perf_counter() - start)
        median = {name: statistics.median(values) for name, values in timings.items()}
        report("calendar: show a month (page, 5 years)", median["show"], "<= 50 ms",
               baseline=("core read of its weeks", median["read"]))  # fmt: skip
        report("calendar: show a month, worst of 72", max(timings["show"]), "<= 50 ms")
        report("bare QTableView of 42 text cells painted", median["bare"])
        page.close()
        bare.close()
