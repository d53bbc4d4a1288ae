"""Which threads the core's reads ran on, for GUI tests with the app's threaded runner: a read
the GUI hands to the worker (the core's caches are the worker's) never runs on the GUI thread;
when what the worker read has all come back (:func:`delivered`); the worker held busy while a
test presses (:func:`worker_held`)."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from doancoso.ui.shell.operations import Core, QueryOp


def record_reads(
    service: object, monkeypatch: pytest.MonkeyPatch, *names: str, into: list[int] | None = None
) -> list[int]:
    """The list the thread of each call of ``service``'s methods ``names`` goes into (the real
    method runs all the same): ``into`` when given (one list for several services)."""
    read_on: list[int] = [] if into is None else into
    for name in names:
        real = getattr(service, name)

        def read(*args: Any, _real: Any = real, **kwargs: Any) -> Any:
            read_on.append(threading.get_ident())
            return _real(*args, **kwargs)

        monkeypatch.setattr(service, name, read)
    return read_on


def record_every_read(
    service: object, monkeypatch: pytest.MonkeyPatch, into: list[int] | None = None
) -> list[int]:
    """:func:`record_reads` of every public method of ``service`` (a core service: a read the
    GUI makes of it later, whatever its name, is recorded too), into ``into`` if given."""
    names = [
        name
        for name in dir(type(service))
        if not name.startswith("_") and callable(getattr(type(service), name))
    ]
    return record_reads(service, monkeypatch, *names, into=into)


def on_the_worker(read_on: list[int]) -> bool:
    """Whether reads were recorded, none of them on this (the GUI) thread."""
    return bool(read_on) and threading.get_ident() not in read_on


def delivered(qtbot: QtBot, core: Core) -> None:
    """Wait until every operation started so far has come back on the GUI thread: the worker
    runs them in order, so a read started now comes back after all of them."""
    back: list[None] = []
    QueryOp(None, lambda _ws: None, core, progress=False).success(back.append).run()
    qtbot.waitUntil(lambda: bool(back), timeout=10_000)


@contextlib.contextmanager
def worker_held(core: Core) -> Iterator[None]:
    """The worker busy until the block ends (a slow PC's read, whatever the speed of this one):
    whatever the block presses comes before anything it started on the worker came back."""
    release = threading.Event()
    core.runner.run(lambda: release.wait(30), progress=False)
    try:
        yield
    finally:
        release.set()
