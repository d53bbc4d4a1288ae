"""Reference soak: does the Qt binding keep Python's reference counts of None, True and False?

PySide6 6.12.0 on Python 3.11 lost one reference to ``True`` on every ``Signal.emit()`` and one to
``None`` on every Qt call returning nothing (issue #9): when a count reaches zero, Python aborts
("Fatal Python error: bool_dealloc"). :func:`run_soak` drives, in the current process, what a
long working day does thousands of times (signals, label updates, the roster's chi đoàn filter,
the member form opened and closed, a member added by the form and taken back by Ctrl+Z, a level
typed on the rating page, the writes on the worker, in the real main window over a demo
workspace) and compares the three counts before and after. It closes the window as the app does:
a window that wrote closes at the end of its backup (on the worker), and only then does the
workspace close; the result says the backup was written. On Python 3.12+ these objects are
immortal: their counts stay huge whatever an extension does to them (they still move, and mean
nothing), and the check is only that the process survived.

It must run in a FRESH process: a loss shows against the few hundred references a new process
holds, not against the many more of a test runner. ``python -m doancoso.ui.soak DATA_DIR`` (or
the hidden ``doancoso --soak DATA_DIR``, which the frozen bundle understands) prints one line and
exits 0, or 1 when references were lost; :func:`soak_command` builds that command line for the
self-test. The counts are checked after every batch as it goes, so a leaking build is stopped and
reported before Python aborts.

This module imports nothing heavy: Qt and the app load when the soak runs.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QDialog, QWidget

    from ..core.workspace import Workspace
    from .shell.main_window import MainWindow

WATCHED = (("None", None), ("True", True), ("False", False))
IMMORTAL = sys.version_info >= (3, 12)
"""None, True and False are immortal from Python 3.12 on: no count of theirs reaches zero."""

DEMO_MEMBERS = 300
DEMO_SEED = 1
GUARD = 50
"""References a count may fall by, during a phase and against the phase's start, before the soak
stops (the end of each phase is compared strictly). A leak of one reference per emit passes it
within the first batch of 100; a filter change or a form opening is many Qt calls."""
PHASE_NOISE = 2
"""What a count may fall by over one phase without failing it: an object made before the phase and
freed during it (a deferred deletion, a cache entry) takes a reference with it, and once in a
CI run the first phase (20,000 emits) ended with None one lower. The binding's bug loses one per
operation: thousands in a phase. The run's start and end are compared strictly."""
BATCH, FILTER_BATCH, FORM_BATCH = 100, 20, 5
"""Operations between two checks of the counts: small enough that a leak of one reference per
operation is caught long before a count of a few hundred (True's, in a new process) runs out."""

Counts = dict[str, int]


def reference_counts() -> Counts:
    """The current reference counts of None, True and False."""
    return {name: sys.getrefcount(value) for name, value in WATCHED}


def _difference(after: Counts, before: Counts) -> Counts:
    return {name: after[name] - before[name] for name in after}


def _signed(counts: Counts) -> str:
    return " ".join(f"{name}={value:+d}" for name, value in counts.items())


@dataclass
class Phase:
    """One kind of operation repeated: how many were planned and done, and the counts' deltas
    from the phase's start (after a garbage collection) to its end (after another)."""

    name: str
    planned: int
    done: int = 0
    deltas: Counts = field(default_factory=dict)
    seconds: float = 0.0


@dataclass
class SoakResult:
    """What :func:`run_soak` measured. ``passed`` says whether any reference was lost."""

    start: Counts
    end: Counts = field(default_factory=dict)
    phases: list[Phase] = field(default_factory=list)
    immortal: bool = IMMORTAL
    stopped: str | None = None
    """Why the soak stopped before the end (a count fell during a phase), or None."""
    problems: list[str] = field(default_factory=list)
    """Anything else that went wrong (a prompt that should not appear, a signal not delivered)."""
    seconds: float = 0.0
    writes: dict[str, int] = field(default_factory=dict)
    """What the soak wrote through the window: "added" (members the form saved), "taken_back"
    (those Ctrl+Z took back), "levels" (typed on the rating page)."""
    closing_backup: str | None = None
    """The reason of the backup the window's close wrote ("khi-dong"), or None when none was."""

    @property
    def deltas(self) -> Counts:
        """End minus start, for None, True and False (meaningless on immortal builds)."""
        return _difference(self.end, self.start) if self.end else {}

    @property
    def lost(self) -> list[str]:
        """What lost references: an object whose count is lower at the end than at the start,
        or lower at the end of a phase than at its start (both after a garbage collection)."""
        if self.immortal:
            return []
        lost = [f"{name} {delta:+d}" for name, delta in self.deltas.items() if delta < 0]
        for phase in self.phases:
            fallen = {n: delta for n, delta in phase.deltas.items() if delta < -PHASE_NOISE}
            lost += [f"{_label(phase)}: {_signed(fallen)}"] if fallen else []
        return lost

    @property
    def passed(self) -> bool:
        return not self.lost and self.stopped is None and not self.problems

    def line(self) -> str:
        """One line for a person and for a test: the verdict, the deltas, what ran."""
        from PySide6 import __version__ as pyside

        python = ".".join(map(str, sys.version_info[:3]))
        head = f"soak {'OK' if self.passed else 'FAILED'}"
        if self.immortal:
            head += " (immortal None/True/False: only survival is checked)"
        reasons = [f"references lost ({', '.join(self.lost)})"] if self.lost else []
        reasons += [self.stopped] if self.stopped else []
        reasons += self.problems
        phases = "; ".join(f"{_label(p)}: {_signed(p.deltas)}" for p in self.phases)
        where = f"Python {python}, PySide6 {pyside}, {self.seconds:.1f} s"
        text = f"{head}: " + (f"{'; '.join(reasons)} | " if reasons else "")
        return f"{text}deltas {_signed(self.deltas)} | {phases} | {self._written()} ({where})"

    def _written(self) -> str:
        added, taken_back = self.writes.get("added", 0), self.writes.get("taken_back", 0)
        backup = self.closing_backup
        closing = f"closing backup written ({backup})" if backup else "no closing backup"
        return (
            f"writes: {added} members added by the form, {taken_back} taken back by Ctrl+Z, "
            f"{self.writes.get('levels', 0)} levels typed on the rating page; {closing}"
        )


def _label(phase: Phase) -> str:
    """E.g. "2002 filter changes", or "100/20000 emits" for a phase stopped early."""
    done = str(phase.done) if phase.done == phase.planned else f"{phase.done}/{phase.planned}"
    return f"{done} {phase.name.replace('_', ' ')}"


class _Stop(Exception):
    """A count fell during a phase: going on could make Python abort."""


class SoakPrompts:
    """The prompts of the soak's main window: a dialog is shown, drawn and rejected at once
    (nothing waits for a user); a question or a message means something went wrong."""

    def __init__(self, app: QApplication, problems: list[str]) -> None:
        self._app = app
        self._problems = problems
        self.opened = 0
        self.fill: Callable[[QDialog], None] | None = None
        """When set, what a user does in each dialog shown (types and saves, and waits until it
        closed); otherwise the dialog is rejected at once."""

    def run(self, dialog: QDialog) -> int:
        dialog.show()
        self._app.processEvents()
        if self.fill is not None:
            self.fill(dialog)
        if dialog.isVisible():
            dialog.reject()
        self.opened += 1
        dialog.deleteLater()  # the page keeps it as a child otherwise
        return dialog.result()

    def _unexpected(self, kind: str, title: str, text: str) -> None:
        self._problems.append(f"unexpected {kind} “{title}”: {' '.join(text.split())[:80]}")

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self._unexpected("question", title, text)
        return False

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self._unexpected("error", title, text)

    def information(self, parent: QWidget | None, title: str, text: str) -> None:
        self._unexpected("message", title, text)

    def choose(self, parent: QWidget | None, title: str, label: str, items: Sequence[str]) -> None:
        self._unexpected("choice", title, label)

    def save_anyway(self, parent: QWidget | None, warnings: Sequence[str]) -> bool:
        self._unexpected("warning", "Lưu", " ".join(warnings))
        return False


def _run_phase(
    result: SoakResult, name: str, count: int, operation: Callable[[int], None],
    settle: Callable[[], None], batch: int,
) -> None:  # fmt: skip
    """Run ``operation(i)`` ``count`` times, checking the counts after every ``batch`` (each
    batch must leave the window as it found it); ``settle`` processes what the operations left
    pending (events, deferred deletions)."""
    phase = Phase(name, count)
    result.phases.append(phase)
    settle()
    gc.collect()
    before = reference_counts()
    started = time.perf_counter()
    try:
        while phase.done < count:
            for i in range(phase.done, min(phase.done + batch, count)):
                operation(i)
                phase.done += 1
            settle()
            if result.immortal:
                continue
            fallen = [v for v in _difference(reference_counts(), before).values() if v < -GUARD]
            if fallen:
                raise _Stop("stopped early so that Python does not abort")
    finally:
        settle()
        gc.collect()
        phase.deltas = _difference(reference_counts(), before)
        phase.seconds = time.perf_counter() - started


def run_soak(
    data_dir: Path, *, emits: int = 20000, set_texts: int = 20000, filter_changes: int = 2000,
    form_openings: int = 500, additions: int = 50, levels: int = 200,
) -> SoakResult:  # fmt: skip
    """Run the soak in this process over a new demo workspace in ``data_dir`` (created; it must
    not hold data already). Makes the QApplication if there is none: set
    ``QT_QPA_PLATFORM=offscreen`` to run it without a screen."""
    gc.collect()
    result = SoakResult(start=reference_counts())
    started = time.perf_counter()
    try:
        _soak(result, data_dir, emits, set_texts, filter_changes, form_openings, additions, levels)
    except _Stop as stop:
        result.stopped = str(stop)
    gc.collect()
    result.end = reference_counts()
    result.seconds = time.perf_counter() - started
    return result


def _soak(
    result: SoakResult, data_dir: Path, emits: int, set_texts: int, filter_changes: int,
    form_openings: int, additions: int, levels: int,
) -> None:  # fmt: skip
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
    from PySide6.QtWidgets import QApplication, QLabel

    from ..core.workspace import Workspace

    app = QApplication.instance() or QApplication(["doancoso-soak"])
    assert isinstance(app, QApplication)

    def settle() -> None:
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    class Emitter(QObject):
        fired = Signal()

    received = [0]

    def on_fired() -> None:
        received[0] += 1

    emitter = Emitter()
    emitter.fired.connect(on_fired)
    _run_phase(result, "emits", emits, lambda _i: emitter.fired.emit(), settle, BATCH)
    if received[0] != result.phases[-1].done:
        result.problems.append(f"{result.phases[-1].done} emits, {received[0]} received")

    label = QLabel()
    texts = ("Đoàn viên", "Chi đoàn")
    set_text = lambda i: label.setText(texts[i % 2])  # noqa: E731
    _run_phase(result, "set_texts", set_texts, set_text, settle, BATCH)
    label.deleteLater()

    with Workspace.open(data_dir) as ws:
        if ws.has_organization:
            raise ValueError(f"{data_dir} already holds data: the soak needs a new folder")
        ws.generate_demo(members=DEMO_MEMBERS, seed=DEMO_SEED)
        window = _open_main_window(app, ws, data_dir, result.problems)
        try:
            _window_phases(result, window, filter_changes, form_openings, settle)
            _write_phases(result, window, additions, settle)
            _rating_phase(result, window, levels, settle)
        finally:
            before = {info.path for info in ws.backups.list()}  # the day's first, at the start
            _close_as_the_app_does(result, window, settle)
        written = [info for info in ws.backups.list() if info.path not in before]
        result.closing_backup = written[-1].reason if written else None
        if (result.closing_backup is None) == bool(window.core.wrote):
            result.problems.append(
                f"the soak {'wrote' if window.core.wrote else 'wrote nothing'}, and the close "
                f"{'wrote' if written else 'wrote no'} backup"
            )


CLOSE_SECONDS = 120.0
"""How long the window may take to close (its backup on the worker) before the soak says so."""


def _close_as_the_app_does(
    result: SoakResult, window: MainWindow, settle: Callable[[], None]
) -> None:
    """Close the window as the secretary does, and wait until it really closed: after a change
    its close runs a backup on the worker and the window closes at the backup's end; the
    workspace must not close under it."""
    window.close()
    deadline = time.monotonic() + CLOSE_SECONDS
    while window.isVisible() and time.monotonic() < deadline:
        window.core.runner.wait()
        settle()
    if window.isVisible():
        result.problems.append(f"the window was still open {CLOSE_SECONDS:.0f} s after close()")
    window.core.runner.wait()
    window.deleteLater()
    settle()


def _open_main_window(
    app: QApplication, ws: Workspace, data_dir: Path, problems: list[str]
) -> MainWindow:
    """The app's main window as ``run_app`` opens it, with :class:`SoakPrompts`."""
    from .shell.main_window import MainWindow
    from .shell.operations import Core
    from .shell.state import UiState

    prompts = SoakPrompts(app, problems)
    window = MainWindow(Core(ws, prompts), UiState(data_dir))  # type: ignore[arg-type]
    window.show()
    app.processEvents()
    window.load_rest()  # what run_app does after the first paint
    app.processEvents()
    # What the start left on the worker (the reminder of ended stays, the check for another
    # process's writes) is delivered now, not during a phase whose counts it would move.
    window.core.runner.wait()
    app.processEvents()
    return window


def _window_phases(
    result: SoakResult, window: MainWindow, filter_changes: int, form_openings: int,
    settle: Callable[[], None],
) -> None:  # fmt: skip
    roster = window.roster
    branches = roster.branch_combo  # the chi đoàn filter: "Tất cả chi đoàn", then each one
    if branches.count() < 2:
        result.problems.append(f"the chi đoàn filter has {branches.count()} entries")
        return
    # Whole rounds of the filter, back to "Tất cả chi đoàn": the rows the table holds, and so
    # the counts, are compared in the same state.
    rounds = branches.count()
    _run_phase(
        result, "filter_changes", -(-filter_changes // rounds) * rounds,
        lambda i: branches.setCurrentIndex((i + 1) % rounds), settle,
        -(-FILTER_BATCH // rounds) * rounds,
    )  # fmt: skip
    rows = roster.model.rowCount()
    if rows == 0:
        result.problems.append("the roster shows no member")
        return
    prompts = window.prompts
    assert isinstance(prompts, SoakPrompts)
    before = prompts.opened

    def open_form(i: int) -> None:  # as a double click (or Enter) on row i does
        roster.select_row(i * 7 % rows)
        roster.edit_member()

    _run_phase(result, "form_openings", form_openings, open_form, settle, FORM_BATCH)
    opened = prompts.opened - before
    if opened != result.phases[-1].done:
        result.problems.append(f"{result.phases[-1].done} form openings, {opened} forms shown")


SOAK_NAME = "Nguyễn Thị Soát"
"""The member the soak adds by the form, again and again (Ctrl+Z takes her back each time): in
one opening of the form each born on another day, lest the form ask whether she is already on
the roster (:func:`soak_member`)."""


def soak_member(n: int) -> dict[str, str]:
    """The ``n``-th member typed in one opening of the form."""
    return {"full_name": SOAK_NAME, "birth_date": f"{15 + n:02d}/03/2001"}


ADDED_PER_FORM = 5
"""Members typed in one after another in one opening of the form ("Lưu và thêm tiếp"), then
taken back one by one by Ctrl+Z: the soak's unit of writes to the roster."""


def _write_phases(
    result: SoakResult, window: MainWindow, additions: int, settle: Callable[[], None]
) -> None:
    """Members added by the roster's form (typed, saved on the worker, :data:`ADDED_PER_FORM`
    by an opening, with "Lưu và thêm tiếp") and taken back by Ctrl+Z (on the worker), about
    ``additions`` in all; each opening leaves the roster as it was."""
    from .roster.member_form import MemberFormDialog

    roster, runner = window.roster, window.core.runner
    prompts = window.prompts
    assert isinstance(prompts, SoakPrompts)
    roster.branch_combo.setCurrentIndex(0)  # "Tất cả chi đoàn"
    settle()
    rows = roster.model.rowCount()
    writes = result.writes
    writes.update(added=0, taken_back=0)

    def wait() -> None:
        runner.wait()
        settle()

    def type_and_save(dialog: QDialog) -> None:
        assert isinstance(dialog, MemberFormDialog)
        wait()  # the form's chi đoàn list, read on the worker
        saved = [0]
        dialog.member_added.connect(lambda _added: saved.__setitem__(0, saved[0] + 1))
        for n in range(ADDED_PER_FORM):
            for name, value in soak_member(n).items():
                dialog.set_value(name, value)
            dialog.submit_and_next()  # Ctrl+Enter: checked, then saved, on the worker
            for _ in range(100):  # the check, then the save it starts
                if saved[0] > n:
                    break
                wait()
            if saved[0] <= n:
                return  # not saved: the form is rejected, and the count below says so
            writes["added"] += 1

    def add_and_take_back(_i: int) -> None:
        prompts.fill = type_and_save
        try:
            roster.add_member()  # Ctrl+N
        finally:
            prompts.fill = None
        wait()
        shown = roster.model.rowCount()
        if shown != rows + ADDED_PER_FORM:
            raise _Stop(f"{ADDED_PER_FORM} members added by the form: the roster shows {shown}")
        for _ in range(ADDED_PER_FORM):
            window.undo_action.trigger()  # Ctrl+Z
            wait()
            writes["taken_back"] += 1
        if roster.model.rowCount() != rows:
            raise _Stop(f"Ctrl+Z after the additions: the roster shows {roster.model.rowCount()}")

    openings = -(-additions // ADDED_PER_FORM)
    _run_phase(result, "forms_of_additions", openings, add_and_take_back, settle, 1)


def _rating_phase(
    result: SoakResult, window: MainWindow, levels: int, settle: Callable[[], None]
) -> None:
    """A level typed on the rating page (a digit in the "Đề xuất" column of this year's open
    round, saved on the worker), ``levels`` times, 2 and 3 in turn on the first member who may
    be rated: each digit is a change. Nothing when the round is not open."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from .rating.model import COL_PROPOSED
    from .shell.main_window import RATING_AREA

    window.show_area(RATING_AREA)
    rating, runner = window.rating, window.core.runner
    runner.wait()
    settle()
    model = rating.model
    rows = [r for r in range(model.rowCount()) if model.editable(model.index(r, COL_PROPOSED))]
    result.writes["levels"] = 0
    if not rows:
        return  # no open round (or no member in it): nothing to type
    cell = model.index(rows[0], COL_PROPOSED)

    def type_level(i: int) -> None:
        level = 2 + i % 2
        rating.view.setCurrentIndex(cell)
        QTest.keyClick(rating.view, Qt.Key(Qt.Key.Key_0 + level))
        runner.wait()
        settle()
        shown = cell.data(Qt.ItemDataRole.EditRole)
        if shown != level:
            raise _Stop(f"level {level} typed on the rating page, {shown} shown")
        result.writes["levels"] += 1

    # Pairs (2 then 3): each batch leaves the cell as it found it.
    _run_phase(result, "levels", -(-levels // 2) * 2, type_level, settle, BATCH)


def soak_command(data_dir: Path, **counts: int) -> list[str]:
    """The command running the soak in a new process of this program: ``-m doancoso`` from
    source, the executable itself when frozen (both understand the hidden ``--soak``)."""
    frozen = getattr(sys, "frozen", False)
    program = [sys.executable] if frozen else [sys.executable, "-m", "doancoso"]
    options = [f"--{name.replace('_', '-')}={value}" for name, value in counts.items()]
    return [*program, "--soak", str(data_dir), *options]


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m doancoso.ui.soak DATA_DIR [--emits N ...]``: one line; 0 passed, 1 failed."""
    parser = argparse.ArgumentParser(
        prog="doancoso --soak", description="reference soak of the Qt binding (issue #9)"
    )
    parser.add_argument("data_dir", type=Path, help="a new folder for the demo data")
    for name, default in (
        ("emits", 20000), ("set-texts", 20000), ("filter-changes", 2000), ("form-openings", 500),
        ("additions", 50), ("levels", 200),
    ):  # fmt: skip
        parser.add_argument(f"--{name}", type=int, default=default)
    args = parser.parse_args(sys.argv[1:] if argv is None else list(argv))
    if hasattr(sys.stdout, "reconfigure"):  # the line may quote a Vietnamese title into a pipe
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")
    if args.data_dir.exists() and any(args.data_dir.iterdir()):
        print(f"soak: {args.data_dir} is not empty; the soak needs a new folder", file=sys.stderr)
        return 2
    result = run_soak(
        args.data_dir, emits=args.emits, set_texts=args.set_texts,
        filter_changes=args.filter_changes, form_openings=args.form_openings,
        additions=args.additions, levels=args.levels,
    )  # fmt: skip
    print(result.line(), flush=True)
    if result.lost:
        # Lost references stay lost: the interpreter's own clean-up at exit would take a count to
        # zero and abort ("Fatal Python error: bool_dealloc"). Leave without it.
        sys.stderr.flush()
        os._exit(1)
    return 0 if result.passed else 1


if __name__ == "__main__":
    sys.exit(main())
