"""``doancoso --self-test``: a headless end-to-end check, from source or inside the frozen bundle.

It works in a temporary data folder (never the user's; in the app's own temporary folder, never
the system's), runs every step in :data:`STEPS` in order and prints ONE line saying what passed
and what failed; the exit code is non-zero on any failure.
A step is a function taking the shared :class:`Run` and raising on failure (``SelfTestFailure``
for a failed check, anything else for a crash). Every later feature adds its step to ``STEPS``:
a step that needs the workspace reads ``run.ws``.

The checks matter most inside the PyInstaller bundle, where a missing resource (migrations,
fonts, Qt plugins, reportlab's data modules) only shows at run time.

This module also holds the launch-time probe used by ``make package`` (see
:func:`install_exit_after_show`): it is installed by ``packaging/launcher.py`` only when the
environment variable ``DOANCOSO_EXIT_AFTER_SHOW`` is set, and never by the app itself.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from .core.workspace import Workspace

DEMO_MEMBERS = 2000
EXIT_AFTER_SHOW_ENV = "DOANCOSO_EXIT_AFTER_SHOW"
SHOWN_MARKER = "doancoso-startup: main window shown"


class SelfTestFailure(Exception):
    """A check that did not hold."""


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SelfTestFailure(message)


@dataclass
class Run:
    """State shared by the steps of one self-test run."""

    folder: Path
    _ws: Workspace | None = None
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def ws(self) -> Workspace:
        if self._ws is None:
            raise SelfTestFailure("no workspace (the migrate step failed)")
        return self._ws


# Steps ------------------------------------------------------------------------------------------


def step_migrate(run: Run) -> None:
    """A new data folder opens at the Alembic head, and the migration scripts (loaded from the
    file system, so they must be in the bundle) build the same tables from an empty database."""
    from alembic import command
    from sqlalchemy import create_engine, inspect

    from .core.storage.db import alembic_config, head_revision, known_revisions
    from .core.storage.models import Base
    from .core.workspace import Workspace

    run._ws = Workspace.open(run.folder / "data")
    head = head_revision()
    check(run.ws.db.current_revision() == head, f"new database not at head {head}")
    engine = create_engine(f"sqlite:///{run.folder / 'from-empty.sqlite'}")
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names()) - {"alembic_version"}
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    finally:
        engine.dispose()
    check(version == head, f"upgrade from empty stopped at {version}, head is {head}")
    missing = set(Base.metadata.tables) - tables
    check(not missing, f"tables missing after upgrade from empty: {sorted(missing)}")
    run.notes["migrate"] = f"{len(known_revisions())} revisions"


def demo_day(today: dt.date | None = None) -> dt.date:
    """The day the self-test's demo stands on: today, or in January and February (when this
    year's calendar has next to no attendance yet, so that no rating could be suggested) 15
    December of last year, its round of the year still open and its attendance recorded."""
    today = today or dt.date.today()
    return today if today.month > 2 else dt.date(today.year - 1, 12, 15)


def step_demo(run: Run) -> None:
    from .core.roster.service import MemberFilter

    run.ws.generate_demo(members=DEMO_MEMBERS, seed=1, today=demo_day())
    count = run.ws.members.count(MemberFilter())
    check(count == DEMO_MEMBERS, f"{count} members after demo, expected {DEMO_MEMBERS}")


def step_search(run: Run) -> None:
    from .core.lang.text import fold
    from .core.roster.service import MemberFilter

    rows = run.ws.members.list(MemberFilter(search="nguyen"))
    check(len(rows) > 0, "search “nguyen” found nothing")
    check(len(rows) < DEMO_MEMBERS, "search “nguyen” found everyone")
    wrong = [r.full_name for r in rows if "nguyen" not in fold(r.full_name)]
    check(not wrong, f"search “nguyen” found {wrong[:3]}")
    toned = run.ws.members.count(MemberFilter(search="NGUYỄN"))
    check(toned == len(rows), "search ignores neither case nor tones")


def step_sort(run: Run) -> None:
    from .core.lang.text import name_sort_key

    names = [r.full_name for r in run.ws.members.list(sort="name")]
    check(names == sorted(names, key=name_sort_key), "roster not in Vietnamese name order")
    births = [r.birth_date for r in run.ws.members.list(sort="birth_date")]
    check(births == sorted(births), "roster not in birth date order")


def step_excel(run: Run) -> None:
    """Export the roster to .xlsx; reading it back changes nothing here and recreates every
    member in a new data folder."""
    from .core.roster.spreadsheets.preview import NEW, UNCHANGED
    from .core.workspace import Workspace

    path = run.folder / "doan-vien.xlsx"
    written = run.ws.spreadsheets.export_members(path)
    check(written == DEMO_MEMBERS, f"exported {written} members, expected {DEMO_MEMBERS}")
    same = run.ws.spreadsheets.preview_import(path)
    check(same.count(UNCHANGED) == DEMO_MEMBERS, f"re-reading the export: {_actions(same)}")
    org = run.ws.organization.get()
    check(org is not None, "demo data has no organisation")
    assert org is not None
    with Workspace.open(run.folder / "reimport") as other:
        other.organization.create(org)
        preview = other.spreadsheets.preview_import(path)
        check(preview.count(NEW) == DEMO_MEMBERS, f"importing the export: {_actions(preview)}")
        result = other.spreadsheets.apply_import(preview)
        check(result.created == DEMO_MEMBERS, f"import created {result.created} members")
        names = sorted(r.full_name for r in other.members.list())
    check(names == sorted(r.full_name for r in run.ws.members.list()), "names differ after import")


def _actions(preview: object) -> str:
    from .core.roster.spreadsheets.preview import NEW, REJECTED, UNCHANGED, UPDATE, ImportPreview

    assert isinstance(preview, ImportPreview)
    counts = {a: preview.count(a) for a in (NEW, UPDATE, UNCHANGED, REJECTED)}
    return ", ".join(f"{n} {a}" for a, n in counts.items() if n)


def step_rating(run: Run) -> None:
    """The rating round the demo has open (this year's; :func:`demo_day`): the chi đoàn's
    proposals, then the suggestions, taken as the decided levels; the round closed (a change
    then refused, the levels in the members' history); the summary printed with the bundled
    fonts embedded."""
    from .core.errors import ConflictError
    from .reports.rating import print_summary

    ws, year = run.ws, demo_day().year
    info = ws.rating.round(year) or ws.rating.open(year)
    check(not info.closed, f"the demo's round of {year} is closed")
    decided = ws.rating.accept(year, "proposals") + ws.rating.accept(year, "suggestions")
    rows = ws.rating.rows(year)
    levels = [r for r in rows if r.eligible and r.decided_level is not None]
    check(len(levels) > DEMO_MEMBERS // 2, f"{len(levels)} decided levels after taking {decided}")
    ws.rating.close(year)
    try:
        ws.rating.set(year, levels[0].member_id, {"decided_level": 1})
    except ConflictError:
        pass
    else:
        raise SelfTestFailure("a closed round took a change")
    history = ws.rating.member_history(levels[0].member_id)
    check(history[-1][:2] == (year, levels[0].decided_level), f"history: {history[-1:]}")
    total = ws.rating.summary(year)[-1]
    check(total.rated == len(levels), f"summary counts {total.rated}, not {len(levels)}")
    data = Path(print_summary(ws, run.folder / "tong-hop.pdf", year)).read_bytes()
    check(data.startswith(b"%PDF-") and b"/FontFile2" in data, "summary PDF without its fonts")
    check(b"/Helvetica" not in data, "a built-in font without Vietnamese was used")
    run.notes["rating"] = f"{len(levels)} decided, closed"


def step_pdf(run: Run) -> None:
    """Print the roster to PDF with the bundled fonts, embedded."""
    from .reports.fonts import REGULAR
    from .reports.roster import print_roster

    path = print_roster(run.ws, run.folder / "danh-sach.pdf")
    data = Path(path).read_bytes()
    check(data.startswith(b"%PDF-"), "the roster PDF is not a PDF")
    check(b"/FontFile2" in data and REGULAR.encode() in data, "bundled font not embedded")
    check(b"/Helvetica" not in data, "a built-in font without Vietnamese was used")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    check(pages > 10, f"{pages} pages for {DEMO_MEMBERS} members")
    run.notes["pdf"] = f"{pages} pages"


def step_qt(run: Run) -> None:
    """Qt loads headless (platform plugin, widgets), renders text with the bundled fonts and
    speaks Vietnamese in its own strings (the bundled translations)."""
    from PySide6.QtGui import QFontDatabase, QGuiApplication
    from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

    from .paths import resource
    from .ui.shell.translator import install_qt_vietnamese

    app = QApplication.instance() or QApplication(["doancoso-self-test"])
    fonts = sorted(resource("fonts").glob("*.ttf"))
    check(bool(fonts), f"no bundled fonts in {resource('fonts')}")
    families: list[str] = []
    for font in fonts:
        font_id = QFontDatabase.addApplicationFont(str(font))
        check(font_id >= 0, f"Qt cannot load font {font.name}")
        families += QFontDatabase.applicationFontFamilies(font_id)
    label = QLabel("Đoàn Thanh niên Cộng sản Hồ Chí Minh — Nguyễn Thị Như Quỳnh")
    if families:
        label.setStyleSheet(f"font-family: '{families[0]}'")
    label.adjustSize()
    image = label.grab().toImage()
    check(not image.isNull() and image.width() > 100, "Qt rendered nothing")
    inked = any(image.pixelColor(x, image.height() // 2) != image.pixelColor(0, 0)
                for x in range(image.width()))  # fmt: skip
    check(inked, "Qt drew no text")
    label.deleteLater()
    install_qt_vietnamese(app)
    edit = QLineEdit()
    menu = edit.createStandardContextMenu()
    undo = menu.actions()[0].text() if menu.actions() else ""
    check(undo.startswith("&Hoàn tác"), f"Qt's strings are not in Vietnamese: {undo!r}")
    menu.deleteLater()
    edit.deleteLater()
    app.processEvents()
    run.notes["qt"] = f"{QGuiApplication.platformName()}, {len(fonts)} fonts"


CALENDAR_TITLE = "Sinh hoạt chi đoàn định kỳ – tự kiểm tra"


def step_calendar(run: Run) -> None:
    """A monthly meeting of last year (on the 31st: the shorter months' last day), its first
    date's attendance taken, the participation counted, the .ics exported and read back with
    icalendar, its dates expanded with dateutil and its time zone's data found (tzdata, which
    Windows lacks)."""

    from dateutil.rrule import rrulestr
    from icalendar import Calendar

    ws = run.ws
    year = dt.date.today().year - 1
    branch = ws.branches.list()[0]
    raw = {"title": CALENDAR_TITLE, "kind": "sinh-hoat", "start_date": f"31/01/{year}",
           "start_time": "19:30", "branch_ids": [branch.id], "repeat": "monthly",
           "until": f"31/12/{year}"}  # fmt: skip
    activity_id, count = ws.activities.save(raw)
    check(count == 12, f"a monthly meeting over a year has {count} dates")
    days = [o.day for o in ws.activities.occurrences(dt.date(year, 1, 1), dt.date(year, 12, 31))
            if o.activity_id == activity_id]  # fmt: skip
    check(days[1] == dt.date(year, 2, 28 + (year % 4 == 0)), f"February's date is {days[1]}")
    first = ws.activities.occurrence_ids_of(activity_id)[0]
    sheet = ws.attendance.sheet(first)
    check(len(sheet) > 1, f"{len(sheet)} members expected at a meeting of {branch.name}")
    marks: dict[str, tuple[str, str | None]] = {r.member_id: ("present", None) for r in sheet}
    marks[sheet[0].member_id] = ("excused", "ốm")
    ws.attendance.save(first, marks)
    row = ws.activities.occurrence(first).row
    expected = (len(sheet), len(sheet) - 1, 1, "da-thuc-hien")
    got = (row.expected, row.present, row.excused, row.status)
    check(got == expected, f"attendance saved as {got}, expected {expected}")
    rates = {p.member_id: p for p in ws.participation.year(year)}
    present = rates.get(sheet[1].member_id)
    check(present is not None and present.attended >= 1, "attendance not in the participation")

    from importlib.resources import files

    # Windows has no time zone database of its own: zoneinfo reads the tzdata package, which
    # the bundle must carry (PyInstaller does not see zoneinfo's lazy import of it).
    zone = files("tzdata").joinpath("zoneinfo", "Asia", "Ho_Chi_Minh")
    check(zone.is_file(), "no Asia/Ho_Chi_Minh in the tzdata package")
    path = run.folder / "lich.ics"
    ws.activities.export_calendar(path, dt.date(year, 1, 1), dt.date(year, 12, 31))
    calendar = Calendar.from_ical(path.read_bytes())
    zones = [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")]
    check(zones == ["Asia/Ho_Chi_Minh"], f"time zones in the .ics: {zones}")
    (event,) = [e for e in calendar.walk("VEVENT") if e["UID"] == f"{activity_id}@doancoso"]
    check(str(event["SUMMARY"]) == CALENDAR_TITLE, f"title read back: {event['SUMMARY']!r}")
    start = event.decoded("DTSTART")
    check(start.utcoffset() == dt.timedelta(hours=7), f"start read back as {start}")
    rule = event["RRULE"].to_ical()
    back = [m.date() for m in rrulestr(rule.decode() if isinstance(rule, bytes) else rule,
                                       dtstart=start)]  # fmt: skip
    check(back == days, f"the .ics gives {len(back)} dates, not the calendar's {len(days)}")
    run.notes["calendar"] = f"{count} dates, {len(sheet)} members expected"


def step_checklist(run: Run) -> None:
    """The "3 chủ động" checklist of this year (opened by the demo): a photo attached to an item
    (stored under its SHA-256 and read back), every indicator computed over the demo's records,
    and the readiness following an item ticked "đạt"."""
    from .core.demo.checklist import photo_bytes

    ws = run.ws
    year = demo_day().year
    ws.recognition.open(year)
    before = ws.recognition.view(year)
    item = next((v for v in before.items if v.status not in ("dat", "khong-ap-dung")), None)
    check(item is not None, "every item of the demo's checklist is already met")
    assert item is not None
    code = item.item.code
    photo = run.folder / "minh-chung.png"
    photo.write_bytes(photo_bytes(2024))
    ws.recognition.attach(year, code, photo, "Ảnh tự kiểm tra")
    ws.recognition.set(year, code, {"status": "dat"})
    after = ws.recognition.view(year)
    shown = next(v for v in after.items if v.item.code == code)
    check(len(shown.files) == len(item.files) + 1, f"item {code} has {len(shown.files)} files")
    check(ws.evidence.store.verify(shown.files[-1].sha256), "the attached file fails its hash")
    indicators = [v.indicator for v in after.items if v.item.indicator is not None]
    check(bool(indicators) and all(i is not None for i in indicators), "an indicator is missing")
    measured = [i for i in indicators if i is not None and i.met is not None]
    check(len(measured) == len(indicators), f"{len(indicators) - len(measured)} not measured")
    met, total = before.readiness()
    check(after.readiness() == (met + 1, total), f"readiness {after.readiness()} after a tick")
    check(not [m for m in after.missing() if m.code == code and m.kind != "indicator"],
          f"item {code} still missing after a tick and a file")  # fmt: skip
    run.notes["checklist"] = f"{met + 1}/{total} đạt, {len(indicators)} indicators"


def step_dossier(run: Run) -> None:
    """A small recognition dossier (issue #16): the tờ trình and an annex of one evidence PDF
    and one photo, merged with pypdf, its progress reported step by step, its text read back
    page by page (the dossier's page numbers only)."""
    import datetime as dt

    from pypdf import PdfReader

    from .core.demo.checklist import photo_bytes
    from .reports.dossier.build import build_dossier
    from .reports.dossier.front import serif_canvas
    from .reports.fonts import REGULAR, register_fonts

    ws = run.ws
    year = dt.date.today().year + 1  # a year of its own: exactly these two files
    ws.recognition.open(year)
    register_fonts()
    evidence = run.folder / "bien-ban.pdf"
    canvas = serif_canvas(str(evidence))
    canvas.setFont(REGULAR, 14)
    canvas.drawString(100, 700, "Biên bản tự kiểm tra")
    canvas.showPage()
    canvas.save()
    photo = run.folder / "anh.png"
    photo.write_bytes(photo_bytes(2024))
    ws.recognition.attach(year, "1.1", evidence, "Biên bản")
    ws.recognition.attach(year, "1.2", photo, "Ảnh")
    steps: list[tuple[int, int]] = []
    built = build_dossier(ws, run.folder / "ho-so.pdf", year, ("to-trinh", "minh-chung"),
                          report=lambda done, total: steps.append((done, total)))  # fmt: skip
    texts = [page.extract_text() for page in PdfReader(built.path).pages]
    check(len(texts) == built.pages == 6, f"{built.pages} pages, not 6")
    check(steps == [(done, 6) for done in range(7)], f"progress reported as {steps}")
    check("TỜ TRÌNH" in texts[2], "no tờ trình on page 3")
    check(texts[2].rstrip().endswith("\n3") and "Trang 1/" not in texts[2],
          "the tờ trình is not numbered by the dossier alone")  # fmt: skip
    check(texts[4].startswith("Biên bản tự kiểm tra"), "the evidence PDF is not on page 5")
    check(texts[5].startswith("Minh chứng 1.2.1"), "the photo is not on page 6")
    from .ui.dossier.pdf_file import PdfFile  # the preview: pdfium inside the bundle

    preview = PdfFile(built.path)
    try:
        image = preview.render(2, 400)
        check(len(preview) == 6 and image.width() == 400, "the preview does not open the dossier")
        dark = sum(image.pixelColor(x, y).value() < 128 for x in range(0, 400, 4)
                   for y in range(0, image.height(), 4))  # fmt: skip
        check(dark > 50, "the preview renders a blank tờ trình")
        titles = [entry.title for entry in preview.outline]
        check("Phụ lục minh chứng" in titles, f"the preview's outline is {titles}")
    finally:
        preview.close()
    run.notes["dossier"] = f"{built.pages} pages, previewed"


def step_bundle(run: Run) -> None:
    """A handover bundle (issue #17): exported encrypted, imported into a fresh data folder,
    every travelling row and every evidence file compared."""
    from .core.bundle.rows import collect
    from .core.workspace import Workspace

    def rows(ws: Workspace) -> dict[str, list[dict[str, object]]]:
        with collect(ws, "handover") as snapshot:
            return {table: list(snapshot.rows(table)) for table in snapshot.tables()}

    password = "Tự kiểm tra gói dữ liệu"
    exported = run.ws.bundles.export(run.folder / "ban-giao.dcs", password=password)
    check(exported.info.encrypted, "the bundle is not encrypted")
    with Workspace.open(run.folder / "nhan-ban-giao") as fresh:
        applied = fresh.bundles.apply(exported.path, password)
        check(applied.applied and fresh.has_organization, "the handover was not applied")
        check(rows(fresh) == rows(run.ws), "the imported rows differ from the exported ones")
        hashes = exported.info.manifest.evidence_hashes()
        for sha256 in hashes:
            mine = (run.ws.data_dir / "evidence" / sha256).read_bytes()
            check((fresh.data_dir / "evidence" / sha256).read_bytes() == mine, "evidence differs")
    members = exported.counts.get("members", 0)
    run.notes["bundle"] = f"{members} members, {len(hashes)} files, {exported.size // 1024} KB"


SOAK_COUNTS = {
    "emits": 5000, "set_texts": 5000, "filter_changes": 500, "form_openings": 50, "additions": 5,
    "levels": 10,
}  # fmt: skip
"""Fewer than the soak's own defaults, to stay quick; a leak of one reference per call shows
within its first hundred (see ``doancoso.ui.soak``)."""


def step_soak(run: Run) -> None:
    """Qt keeps Python's reference counts of None, True and False (issue #9: PySide6 6.12.0 on
    Python 3.11 lost one per signal emitted or per Qt call returning nothing, until Python
    aborted). The soak runs in a new process of this program: it must start from few references."""
    import subprocess

    from .ui.soak import soak_command

    done = subprocess.run(
        soak_command(run.folder / "soak", **SOAK_COUNTS),
        capture_output=True, encoding="utf-8", errors="replace", timeout=600,
    )  # fmt: skip
    line = (done.stdout.strip().splitlines() or [""])[-1]
    if done.returncode != 0:
        fatal = [text for text in done.stderr.splitlines() if text.startswith("Fatal Python")]
        reason = line or (fatal or [done.stderr.strip()[-120:]])[0]
        raise SelfTestFailure(f"exit code {done.returncode}: {reason}")
    check(line.startswith("soak OK"), f"the soak said: {line or done.stderr.strip()[-120:]}")
    run.notes["soak"] = f"{SOAK_COUNTS['emits']} emits, references kept"


Step = Callable[[Run], None]

# In order; a step may use what an earlier one made. Add the step of each new feature here.
STEPS: list[tuple[str, Step]] = [
    ("migrate", step_migrate),
    ("demo", step_demo),
    ("search", step_search),
    ("sort", step_sort),
    ("excel", step_excel),
    ("rating", step_rating),
    ("pdf", step_pdf),
    ("calendar", step_calendar),
    ("checklist", step_checklist),
    ("dossier", step_dossier),
    ("bundle", step_bundle),
    ("qt", step_qt),
    ("soak", step_soak),
]


# Running --------------------------------------------------------------------------------------


def _headless() -> None:
    """No window may open: Qt draws offscreen (unless the caller chose a platform)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _short(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    if not isinstance(error, SelfTestFailure):
        text = f"{type(error).__name__}: {text}"
    return text if len(text) <= 160 else text[:157] + "..."


def run_self_test(out: TextIO | None = None, steps: list[tuple[str, Step]] | None = None) -> int:
    """Run ``steps`` (default :data:`STEPS`), print one line, return the exit code (0: passed)."""
    out = out or sys.stdout
    _headless()
    from . import __version__

    started = time.perf_counter()
    passed: list[str] = []
    failed: list[str] = []
    # Not at import: the launch probe below must not slow the launch it times.
    import shutil
    import tempfile

    from .core.storage.temp import session_folder

    # A roster of 2,000 and a dossier are personal data in shape: in the app's own temporary
    # folder, which the next start clears should the run be cut short; removed at its end.
    run = Run(Path(tempfile.mkdtemp(prefix="tu-kiem-tra-", dir=session_folder())))
    try:
        for name, step in steps if steps is not None else STEPS:
            step_started = time.perf_counter()
            try:
                step(run)
            except Exception as error:  # every failure is reported, the run goes on
                failed.append(f"{name} ({_short(error)})")
                continue
            took = time.perf_counter() - step_started
            notes = [run.notes[name]] if name in run.notes else []
            notes += [f"{took:.1f} s"] if took >= 1 else []
            passed.append(f"{name} ({', '.join(notes)})" if notes else name)
    finally:
        if run._ws is not None:
            run._ws.close()
        shutil.rmtree(run.folder, ignore_errors=True)
    seconds = time.perf_counter() - started
    frozen = "frozen" if getattr(sys, "frozen", False) else "source"
    head = f"doancoso {__version__} self-test ({frozen}, {seconds:.1f} s):"
    if failed:
        summary = f"FAILED {'; '.join(failed)} | passed: {', '.join(passed) or 'nothing'}"
        print(f"{head} {summary}", file=out)
        return 1
    print(f"{head} OK {', '.join(passed)}", file=out)
    return 0


# Launch-time probe ----------------------------------------------------------------------------


def install_exit_after_show() -> bool:
    """If ``DOANCOSO_EXIT_AFTER_SHOW`` is set, make the GUI print :data:`SHOWN_MARKER` and exit
    as soon as its event loop runs with a main window shown. Returns whether it was installed.

    It wraps ``QApplication.exec`` (the GUI shows its window, then enters the loop): the first
    turn of the loop after a top-level window is visible counts as "shown". Used by
    ``packaging/check_bundle.py`` to time the frozen app against the source one.
    """
    if not os.environ.get(EXIT_AFTER_SHOW_ENV):
        return False
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    original = QApplication.exec

    def exec_then_exit(
        *_args: object,
    ) -> int:  # exec() is static: app.exec() or QApplication.exec()
        def poll() -> None:
            shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
            if not shown:
                QTimer.singleShot(10, poll)
                return
            names = ",".join(type(w).__name__ for w in shown)
            print(f"{SHOWN_MARKER} ({names})", flush=True)
            sys.stderr.flush()
            os._exit(0)  # skip teardown: only the launch is timed

        QTimer.singleShot(0, poll)
        return original()

    QApplication.exec = exec_then_exit  # type: ignore[method-assign]
    return True
