"""ICU's data library trimmed for the Linux bundle: 32 MB of every locale and legacy charset
down to 8 MB of what the app can use.

PySide6's wheel for Linux carries its own ICU (``libicudata.so.73``: Qt Core links ICU for
collation, case mapping, time-zone names and IDNA). The app sorts and searches Vietnamese in
Python (``doancoso.core.lang``) and asks Qt for none of ICU's locales or converters, so the
bundle keeps the root, English and Vietnamese locale data, the collation tables, the
normalisation, break-iterator and time-zone data, and drops the other ~800 locales and the
190 legacy charset converters. Windows needs none of this: Qt uses the system's ICU there.

The data is the library's one exported symbol (``icudt73_dat``, an ICU "common data" package).
It is read out of the library, trimmed with ICU's own ``icupkg`` (which refuses to drop an
item another item needs), and turned back into a library with ``genccode`` and the C compiler,
as ICU's own build does. Without those tools (``icu-devtools``, ``gcc``) the full library is
kept and the reason printed: the bundle then misses its size budget, which says so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

KEPT_LOCALES = frozenset({"root", "en", "vi", "pool", "res_index"})
"""Locale files kept in every tree (pool and res_index are the trees' shared indexes)."""

_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")  # af, de_, zh_Hant_TW, sr_Latn
_TREES = frozenset({"", "curr", "lang", "region", "unit", "zone", "coll", "rbnf", "translit",
                    "brkitr"})  # fmt: skip


def dropped(items: list[str]) -> list[str]:
    """The data items to remove: other locales' files and the legacy charset converters."""
    out = []
    for item in items:
        tree, _, name = item.rpartition("/")
        stem, _, ext = name.rpartition(".")
        other_locale = ext == "res" and tree in _TREES and bool(_LOCALE.match(stem))
        if ext == "cnv" or (other_locale and stem not in KEPT_LOCALES):
            out.append(item)
    return out


def _symbol(library: Path) -> tuple[str, int, int]:
    """The data symbol's name, its offset in the file and its size (ELF tables)."""
    lines = subprocess.run(["nm", "-D", "-S", "--defined-only", str(library)], check=True,
                           capture_output=True, text=True).stdout.splitlines()  # fmt: skip
    address, size, _, name = next(
        line.split() for line in lines if re.search(r" icudt\d+_dat$", line)
    )
    sections = subprocess.run(["readelf", "-S", "-W", str(library)], check=True,
                              capture_output=True, text=True).stdout  # fmt: skip
    for line in sections.splitlines():
        fields = line.replace("]", "] ").split()
        if ".rodata" in fields:
            at = fields.index(".rodata")
            section_address, offset = int(fields[at + 2], 16), int(fields[at + 3], 16)
            return name, offset + int(address, 16) - section_address, int(size, 16)
    raise RuntimeError(f"no .rodata section in {library}")


def trimmed(library: Path, workdir: Path) -> Path | None:
    """A trimmed copy of ``library`` built in ``workdir``, or None (with the reason printed)
    when the tools are missing or the library is not the one expected."""
    missing = [t for t in ("icupkg", "genccode", "gcc", "nm", "readelf") if not shutil.which(t)]
    if missing:
        print(
            f"icu_data: {', '.join(missing)} not found (apt-get install icu-devtools gcc): "
            f"the full {library.name} ({library.stat().st_size / 1e6:.1f} MB) is kept"
        )
        return None
    name, offset, size = _symbol(library)
    entry = name.removesuffix("_dat")  # icudt73
    package = f"{entry}l"  # the items' prefix inside the data: icudt73l/...
    workdir.mkdir(parents=True, exist_ok=True)
    with library.open("rb") as handle:
        handle.seek(offset)
        data = handle.read(size)
    full = workdir / "full" / f"{package}.dat"
    full.parent.mkdir(exist_ok=True)
    full.write_bytes(data)
    listing = subprocess.run(["icupkg", "-l", str(full)], check=True, capture_output=True,
                             text=True).stdout.split()  # fmt: skip
    drop = workdir / "drop.txt"
    drop.write_text("\n".join(dropped(listing)) + "\n", encoding="utf-8")
    small = workdir / f"{package}.dat"
    small.unlink(missing_ok=True)
    subprocess.run(["icupkg", "-r", str(drop), str(full), str(small)], check=True,
                   capture_output=True)  # fmt: skip
    subprocess.run(["genccode", "-a", "gcc", "-e", entry, "-d", str(workdir), str(small)],
                   check=True, capture_output=True)  # fmt: skip
    out = workdir / library.name
    subprocess.run(["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(out),
                    str(workdir / f"{package}_dat.S")], check=True)  # fmt: skip
    kept = len(listing) - len(dropped(listing))
    print(
        f"icu_data: {library.name} {library.stat().st_size / 1e6:.1f} MB -> "
        f"{out.stat().st_size / 1e6:.1f} MB ({kept} of {len(listing)} items kept)"
    )
    return out
