"""Prove that the frozen build in portable mode writes nothing outside its own folder.

    python packaging/check_portable.py [dist/doancoso]

Copies the bundle into a temporary folder, adds the ``doancoso.portable`` marker, and runs real
headless commands (``demo --members 50``, ``members list --status "tat ca" --format json``: every
member, those who left included) WITHOUT ``--data-dir``,
with HOME, the XDG folders, TMPDIR (and the Windows profile variables) and the working directory
all pointing to empty temporary folders. Passes when those stay empty, the data landed in
``doancoso-data/`` beside the executable, and nothing else in the app folder changed.
Needs the built bundle, so ``.ci/run`` calls it after ``make package`` (not part of
``make test``; the source-mode logic is unit-tested in ``tests/packaging/test_portable.py``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WINDOWS = sys.platform == "win32"
CLI_NAME = "doancoso-cli.exe" if WINDOWS else "doancoso"  # the console executable
MARKER, DATA = "doancoso.portable", "doancoso-data"
OUTSIDE_VARS = (
    "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
    "XDG_RUNTIME_DIR", "TMPDIR", "TEMP", "TMP", "APPDATA", "LOCALAPPDATA", "USERPROFILE",
)  # fmt: skip


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def main() -> int:
    bundle = (Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "doancoso").resolve()
    if not (bundle / CLI_NAME).is_file():
        print(f"No bundle at {bundle}: run `make package` first.", file=sys.stderr)
        return 1
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="doancoso-portable-") as tmp:
        app = Path(tmp) / "usb" / "doancoso"
        shutil.copytree(bundle, app, symlinks=True)
        (app / MARKER).write_bytes(b"")
        outside = Path(tmp) / "outside"
        env = {
            k: v for k, v in os.environ.items() if k not in OUTSIDE_VARS and k != "QT_QPA_PLATFORM"
        }
        for var in OUTSIDE_VARS:
            (outside / var.lower()).mkdir(parents=True)
            env[var] = str(outside / var.lower())
        cwd = outside / "cwd"
        cwd.mkdir()
        before = snapshot(app)

        def doancoso(*args: str) -> str:
            done = subprocess.run([str(app / CLI_NAME), *args], cwd=cwd, env=env,
                                  capture_output=True, text=True, timeout=300)  # fmt: skip
            if done.returncode != 0:
                problems.append(
                    f"`doancoso {' '.join(args)}` exited {done.returncode}: {done.stderr}"
                )
            return done.stdout

        print(doancoso("demo", "--members", "50").strip())
        listed = doancoso("members", "list", "--status", "tat ca", "--format", "json")
        try:
            count = len(json.loads(listed))
        except ValueError:
            count = -1
        if count != 50:
            problems.append(f"members list gave {count} members, expected 50")
        if not (app / DATA / "doancoso.sqlite").is_file():
            problems.append(f"no database in {DATA}/ beside the executable")
        written_outside = sorted(p.relative_to(outside).as_posix() for p in outside.rglob("*")
                                 if p.relative_to(outside).parts[1:])  # fmt: skip
        if written_outside:
            problems.append(f"written outside the app folder: {written_outside[:10]}")
        after = snapshot(app)
        changed = sorted(
            n for n, v in after.items() if before.get(n) != v and not n.startswith(DATA + "/")
        )
        removed = sorted(set(before) - set(after))
        if changed or removed:
            problems.append(f"app files changed outside {DATA}/: {(changed + removed)[:10]}")
        data_files = sorted(n for n in after if n.startswith(DATA + "/"))
        print(f"Data folder beside the executable: {', '.join(data_files)}")
    if problems:
        print("Portable check FAILED:\n  " + "\n  ".join(problems))
        return 1
    print("Portable check passed: the data stay beside the program, nothing written elsewhere.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
