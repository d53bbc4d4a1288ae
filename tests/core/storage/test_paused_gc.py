"""The collector paused while a large collection is built (storage/bulk.py ``paused_gc``).

When the block fails (a preview stopped by "Hủy"), what it built is let go at once, before the
collector runs again, though the exception is still held: the collector would otherwise walk
it all once more (0.1-0.5 s after a Hủy among 100,000 rows, which the import wizard waited for).
"""

from __future__ import annotations

import gc
import traceback
import weakref

import pytest

from doancoso.core.storage.bulk import paused_gc


class Stop(Exception):
    """Stands for the GUI's cancellation."""


class Rows(list[list[int]]):
    """What a reader builds (a list that a weak reference can follow)."""


def test_the_collector_is_paused_in_the_block_and_back_after() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # it was off before: it stays off
    finally:
        gc.enable()


def test_what_a_failed_block_built_goes_with_its_frames() -> None:
    built: list[weakref.ref[Rows]] = []

    def read_rows() -> None:
        rows = Rows([i] for i in range(10_000))
        built.append(weakref.ref(rows))
        raise Stop

    with pytest.raises(Stop) as info, paused_gc():
        read_rows()
    assert gc.isenabled()
    # freed, though the exception (and its traceback) is still held, and not by the collector
    [rows] = built
    assert rows() is None
    names = [frame.name for frame in traceback.extract_tb(info.value.__traceback__)]
    assert names[-1] == "read_rows"  # the traceback still says where it was raised
