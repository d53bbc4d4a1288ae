"""While the GUI runs, reference cycles are collected on the GUI thread only (a parentless Qt
object in a cycle must never be destroyed on the worker thread): ``ui/shell/collector.py``."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.storage.bulk import paused_gc
from doancoso.ui.shell.collector import collected_on_gui_thread
from doancoso.ui.shell.tasks import TaskRunner
from scripted import ScriptedPrompts


class Cycle:
    """An object that refers to itself: only the cyclic collector frees it. Its finaliser
    records the thread it runs on."""

    def __init__(self, finalised: list[int]) -> None:
        self.me = self
        self.finalised = finalised

    def __del__(self) -> None:
        self.finalised.append(threading.get_ident())


def _allocate() -> tuple[list[list[int]], bool]:
    """A job that builds far more objects than the collector's thresholds, as an import does."""
    return [[i] for i in range(300_000)], gc.isenabled()


@pytest.fixture
def collecting() -> Iterator[None]:
    """The collector on, as in a normal process, whatever an earlier test left."""
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_a_cycle_is_collected_on_the_gui_thread_while_the_worker_allocates(
    qtbot: QtBot, collecting: None
) -> None:
    runner = TaskRunner(None, ScriptedPrompts())
    finalised: list[int] = []
    results: list[tuple[list[list[int]], bool]] = []
    with collected_on_gui_thread(interval_ms=50) as collector:
        gc.collect()  # nothing older pending
        Cycle(finalised)  # garbage at once, for the collector only
        runner.run(_allocate, on_success=results.append)
        qtbot.waitUntil(lambda: bool(results) and bool(finalised), timeout=10000)
    assert len(results) == 1 and len(results[0][0]) == 300_000
    assert results[0][1] is False  # the worker ran with the automatic collector off
    assert finalised == [threading.get_ident()]  # freed on this (the GUI) thread
    assert collector.collections[0] >= 1


def test_the_timer_collects_by_python_s_thresholds(qtbot: QtBot, collecting: None) -> None:
    finalised: list[int] = []
    with collected_on_gui_thread(interval_ms=20) as collector:
        gc.collect()
        for _ in range(50):  # below the youngest generation's threshold (700): left alone
            Cycle(finalised)
        qtbot.wait(100)
        assert finalised == []
        assert collector.collections == [0, 0, 0]
        for _ in range(1000):
            Cycle(finalised)
        qtbot.waitUntil(lambda: len(finalised) == 1050, timeout=5000)
    assert set(finalised) == {threading.get_ident()}


@pytest.mark.parametrize("enabled", [True, False])
def test_the_automatic_collector_is_as_it_was_after_the_block(enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with collected_on_gui_thread():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_nothing_is_collected_while_a_load_pauses_the_collector(
    qtbot: QtBot, collecting: None
) -> None:
    finalised: list[int] = []
    with collected_on_gui_thread(interval_ms=20) as collector:
        gc.collect()
        with paused_gc():  # as the roster's load of 100,000 rows on the worker
            for _ in range(1000):
                Cycle(finalised)
            qtbot.wait(100)
            assert finalised == []
            assert collector.collections == [0, 0, 0]
        qtbot.waitUntil(lambda: len(finalised) == 1000, timeout=5000)
