"""Run every benchmark: ``python -m benchmarks`` (``make bench``)."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path


def main() -> None:
    folder = Path(__file__).parent
    for module in sorted(
        m.name for m in pkgutil.iter_modules([str(folder)]) if m.name.startswith("bench_")
    ):
        print(f"== {module}", flush=True)
        importlib.import_module(f"benchmarks.{module}").run()


if __name__ == "__main__":
    main()
