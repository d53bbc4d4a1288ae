"""Helpers shared by the benchmarks: timing, a cached demo data folder, a result table."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from doancoso.core.workspace import Workspace

BENCH_DATA = Path(__file__).resolve().parents[1] / "bench-data"


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """The median of ``repeat`` runs, in seconds (the median resists a busy machine)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def worst_keystroke(
    keystrokes: list[str], type_text: Callable[[str], object], runs: int = 5
) -> float:
    """Type ``keystrokes`` one after another from an empty search box, as a user types; the
    slowest keystroke of each run, the median over ``runs`` runs, in seconds.

    (Repeating one keystroke would measure a search that only narrows the one before it.)
    """
    worst = []
    for _ in range(runs):
        type_text("")
        slowest = 0.0
        for text in keystrokes:
            start = time.perf_counter()
            type_text(text)
            slowest = max(slowest, time.perf_counter() - start)
        worst.append(slowest)
    return statistics.median(worst)


def demo_folder(members: int) -> Path:
    """A data folder with ``members`` demo members (seed 1), made once and reused."""
    folder = BENCH_DATA / f"demo-{members}"
    if not (folder / "doancoso.sqlite").exists():
        with Workspace.open(folder) as ws:
            ws.generate_demo(members=members, seed=1)
    return folder


def report(
    name: str, seconds: float, target: str = "", baseline: tuple[str, float] | None = None
) -> None:
    line = f"{name:<52} {seconds * 1000:9.1f} ms"
    if baseline:
        label, base = baseline
        line += f"   (baseline {label}: {base * 1000:.1f} ms, ratio {seconds / base:.2f}x)"
    if target:
        line += f"   target {target}"
    print(line, flush=True)
