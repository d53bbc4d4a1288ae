"""Check the built bundle (``make package`` runs this after PyInstaller).

    python packaging/check_bundle.py [dist/doancoso] [--no-timing]

1. Lists every file of the bundle into ``dist/doancoso-contents.txt`` and prints the unpacked size
   by top folder; fails above the size budget (150 MB; ``DOANCOSO_BUNDLE_LIMIT_MB`` overrides).
2. Proves the unused Qt modules are out: no PySide6 module, Qt library or plugin of an excluded
   module is in the bundle (a module a source file imports is reported as "used" instead).
3. Checks that what is only found at run time is there: resources (fonts), every migration
   script and script.py.mako, the package metadata (the version), the offscreen Qt plugin.
4. Times the launch until the main window is shown, frozen against source (the same
   ``packaging/launcher.py`` with ``DOANCOSO_EXIT_AFTER_SHOW=1``, headless), on a demo data folder.
   The timing is reported, never failed on: the target is frozen <= 1.5x source.
Exit code 1 when a check fails.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "doancoso"
RESOURCES = ROOT / "resources"  # installed as doancoso/resources
EXE_NAME = "doancoso.exe" if sys.platform == "win32" else "doancoso"
LIMIT_MB = float(os.environ.get("DOANCOSO_BUNDLE_LIMIT_MB", "150"))
SHOWN_MARKER = "doancoso-startup: main window shown"
LAUNCH_TARGET = 1.5

# Qt modules that must not be in the bundle unless the sources use them (DESIGN.md "Packaging").
EXCLUDED_QT = (
    "Qml", "Quick", "QuickWidgets", "QuickControls2", "WebEngineCore", "WebEngineWidgets",
    "WebChannel", "WebSockets", "Multimedia", "MultimediaWidgets", "3DCore", "3DRender",
    "Charts", "DataVisualization", "Graphs", "Pdf", "PdfWidgets", "Network", "OpenGL",
    "OpenGLWidgets", "Sql", "Designer", "Help", "UiTools", "Test", "Concurrent", "Xml",
    "SvgWidgets", "Positioning", "Location", "Bluetooth", "SerialPort", "TextToSpeech",
    "WaylandClient", "EglFSDeviceIntegration",
)  # fmt: skip
FAILURES: list[str] = []


def fail(message: str) -> None:
    FAILURES.append(message)
    print(f"  FAIL {message}")


def qt_modules_used() -> set[str]:
    used: set[str] = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= {m[2:] for m in re.findall(r"PySide6\.(Qt\w+)", text)}
        for names in re.findall(r"from\s+PySide6\s+import\s+\(?([\w\s,]+)\)?", text):
            used |= {n.strip()[2:] for n in names.split(",") if n.strip().startswith("Qt")}
    return used


def files_of(bundle: Path) -> list[tuple[str, int]]:
    return sorted(
        (p.relative_to(bundle).as_posix(), p.stat().st_size)
        for p in bundle.rglob("*")
        if p.is_file() and not p.is_symlink()
    )


def check_size(bundle: Path, files: list[tuple[str, int]]) -> float:
    listing = bundle.parent / f"{bundle.name}-contents.txt"
    listing.write_text("".join(f"{size:>12}  {name}\n" for name, size in files), encoding="utf-8")
    total = sum(size for _, size in files) / 1e6
    print(f"Unpacked size: {total:.1f} MB in {len(files)} files (limit {LIMIT_MB:.0f} MB)")
    print(f"  full listing: {listing}")
    by_top: dict[str, int] = {}
    for name, size in files:
        parts = name.split("/")
        depth = 3 if parts[0] == "_internal" and len(parts) > 2 else 2
        top = "/".join(parts[:depth])
        by_top[top] = by_top.get(top, 0) + size
    for top, size in sorted(by_top.items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {size / 1e6:7.1f} MB  {top}")
    if total > LIMIT_MB:
        fail(f"bundle is {total:.1f} MB, over the {LIMIT_MB:.0f} MB budget")
    return total


def check_excluded(files: list[tuple[str, int]]) -> None:
    used = qt_modules_used()
    print(f"Qt modules imported by the sources: {', '.join(sorted('Qt' + m for m in used))}")
    names = [name for name, _ in files]
    present_qt = sorted({m for n in names for m in re.findall(r"(?:^|/)(?:lib)?Qt6?(\w+?)[.]", n)})
    print(f"Qt modules/libraries in the bundle: {', '.join('Qt' + m for m in present_qt)}")
    for module in EXCLUDED_QT:
        pattern = re.compile(rf"(^|/)(lib)?Qt6?{module}(\.|d\.|$)|/plugins/{module.lower()}")
        hits = [n for n in names if pattern.search(n)]
        if module in used:
            print(f"  used     Qt{module} ({len(hits)} files)")
        elif hits:
            fail(f"Qt{module} is excluded but in the bundle: {hits[:3]}")
        else:
            print(f"  absent   Qt{module}")
    translations = [n for n in names if "/Qt/translations/" in n]
    if translations:
        fail(f"Qt translations in the bundle: {translations[:3]}")
    else:
        print("  absent   Qt translations")


def check_present(bundle: Path, files: list[tuple[str, int]]) -> None:
    names = {name for name, _ in files}
    internal = "_internal/" if any(n.startswith("_internal/") for n in names) else ""
    wanted = [f"{internal}doancoso/core/storage/migrations/env.py",
              f"{internal}doancoso/core/storage/migrations/script.py.mako"]  # fmt: skip
    wanted += [
        f"{internal}doancoso/{p.relative_to(SRC).as_posix()}"
        for p in (SRC / "core" / "storage" / "migrations" / "versions").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    wanted += [
        f"{internal}doancoso/resources/{p.relative_to(RESOURCES).as_posix()}"
        for p in RESOURCES.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".py"
    ]
    missing = [w for w in wanted if w not in names]
    if missing:
        fail(f"missing from the bundle: {missing}")
    else:
        print(f"Run-time files present: {len(wanted)} (resources, migrations, script.py.mako)")
    if not any(re.match(rf"{internal}doancoso-[\d.]+\w*\.dist-info/METADATA$", n) for n in names):
        fail("doancoso's dist-info (its version) is missing")
    if not any(re.search(r"platforms/(lib)?qoffscreen", n) for n in names):
        fail("the offscreen Qt platform plugin is missing")
    exe = bundle / EXE_NAME
    source_version = run_text([sys.executable, "-m", "doancoso", "--version"])
    frozen_version = run_text([str(exe), "--version"])
    print(f"Version: frozen {frozen_version!r}, source {source_version!r}")
    if frozen_version != source_version:
        fail("the frozen version differs from the source version")


def run_text(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    return (done.stdout + done.stderr).strip()


def launch_seconds(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    with subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                          text=True) as proc:  # fmt: skip
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith(SHOWN_MARKER):
                seconds = time.perf_counter() - started
                break
        else:
            proc.wait(timeout=60)
            raise RuntimeError(f"{command[0]} exited ({proc.returncode}) without a main window")
        proc.wait(timeout=60)
    return seconds


def check_launch(bundle: Path, runs: int) -> tuple[float, float] | None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DOANCOSO_EXIT_AFTER_SHOW="1")
    with tempfile.TemporaryDirectory(prefix="doancoso-launch-") as tmp:
        data = Path(tmp) / "data"
        for var in ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
            env[var] = str(Path(tmp) / var.lower())
        demo = ["demo", "--members", "2000"]
        subprocess.run([sys.executable, "-m", "doancoso", "--data-dir", str(data), *demo],
                       env=env, check=True, capture_output=True)  # fmt: skip
        source = [sys.executable, str(ROOT / "packaging" / "launcher.py"), "--data-dir", str(data)]
        frozen = [str(bundle / EXE_NAME), "--data-dir", str(data)]
        times: dict[str, list[float]] = {"source": [], "frozen": []}
        try:
            for command in (source, frozen):  # warm the disk cache once, untimed
                launch_seconds(command, env)
            for _ in range(runs):
                times["source"].append(launch_seconds(source, env))
                times["frozen"].append(launch_seconds(frozen, env))
        except (RuntimeError, subprocess.SubprocessError) as error:
            fail(f"launch timing: {error}")
            return None
    src, frz = statistics.median(times["source"]), statistics.median(times["frozen"])
    ratio = frz / src
    verdict = "within" if ratio <= LAUNCH_TARGET else "OVER"
    print(f"Launch to main window shown (median of {runs}, 2000 members, offscreen):")
    print(f"  frozen {frz:.2f} s, source {src:.2f} s: {ratio:.2f}x, {verdict} the {LAUNCH_TARGET}x")
    for side, values in times.items():
        print(f"  {side} runs: {', '.join(f'{t:.2f}' for t in values)} s")
    return frz, src


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / "doancoso")
    parser.add_argument("--no-timing", action="store_true", help="skip the launch timing")
    parser.add_argument("--runs", type=int, default=5, help="timed launches of each (default 5)")
    args = parser.parse_args()
    bundle: Path = args.bundle.resolve()
    if not (bundle / EXE_NAME).is_file():
        print(f"No bundle at {bundle}: run `make package` first.", file=sys.stderr)
        return 1
    files = files_of(bundle)
    check_size(bundle, files)
    check_excluded(files)
    check_present(bundle, files)
    if not args.no_timing:
        check_launch(bundle, args.runs)
    if FAILURES:
        print(f"Bundle check FAILED: {len(FAILURES)} problem(s).")
        return 1
    print("Bundle check passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
