"""The Linux bundle's ICU data trimmed (packaging/icu_data.py): the other locales and the legacy
charset converters go, root, English and Vietnamese stay, and the rebuilt library is one ICU
still reads: Vietnamese collation sorts as before."""

from __future__ import annotations

import ctypes
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import icu_data  # noqa: E402

PYSIDE = Path(importlib.util.find_spec("PySide6").origin).parent  # type: ignore[arg-type, union-attr]
LIBRARY = next((PYSIDE / "Qt" / "lib").glob("libicudata.so.*"), None)


def test_other_locales_and_converters_are_dropped_and_vietnamese_kept() -> None:
    items = ["coll/vi.res", "coll/de.res", "coll/de_.res", "coll/root.res", "coll/ucadata.icu",
             "zh_Hant_TW.res", "vi.res", "en.res", "pool.res", "zone/sr_Latn.res",
             "ibm-1258_P100-1997.cnv", "brkitr/thaidict.dict", "brkitr/line.brk",
             "supplementalData.res", "zoneinfo64.res", "translit/el.res"]  # fmt: skip
    assert icu_data.dropped(items) == ["coll/de.res", "coll/de_.res", "zh_Hant_TW.res",
                                       "zone/sr_Latn.res", "ibm-1258_P100-1997.cnv",
                                       "translit/el.res"]  # fmt: skip


needs_tools = pytest.mark.skipif(
    LIBRARY is None or not all(shutil.which(t) for t in ("icupkg", "genccode", "gcc")),
    reason="Linux PySide6 wheel and icu-devtools + gcc (.ci/run installs them)",
)


@needs_tools
def test_the_trimmed_library_holds_the_kept_items_and_its_one_symbol(tmp_path: Path) -> None:
    assert LIBRARY is not None
    small = icu_data.trimmed(LIBRARY, tmp_path)
    assert small is not None and small.name == LIBRARY.name
    assert small.stat().st_size < LIBRARY.stat().st_size / 3
    items = subprocess.run(["icupkg", "-l", str(next(tmp_path.glob("icudt*l.dat")))],
                           check=True, capture_output=True, text=True).stdout.split()  # fmt: skip
    assert {"coll/vi.res", "coll/root.res", "coll/ucadata.icu", "vi.res", "zoneinfo64.res"} <= set(
        items
    )
    assert "coll/de.res" not in items and not [i for i in items if i.endswith(".cnv")]
    data = ctypes.CDLL(str(small))
    assert ctypes.c_char.in_dll(data, icu_data._symbol(small)[0]) is not None


@needs_tools
def test_qt_sorts_vietnamese_the_same_on_the_trimmed_data(tmp_path: Path) -> None:
    assert LIBRARY is not None
    small = icu_data.trimmed(LIBRARY, tmp_path)
    assert small is not None
    script = (
        "from PySide6.QtCore import QCollator, QLocale\n"
        "c = QCollator(QLocale('vi_VN'))\n"
        "print(' '.join(sorted(['Đức', 'Anh', 'Ân', 'ăn', 'Bình', 'Yến'], key=c.sortKey)))\n"
        "print([l.split()[-1] for l in open('/proc/self/maps') if 'icudata' in l][0])\n"
    )
    out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True,
                         text=True, env={"LD_PRELOAD": str(small)}).stdout.splitlines()  # fmt: skip
    assert out == ["Anh ăn Ân Bình Đức Yến", str(small)]
