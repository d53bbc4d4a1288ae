"""On a Windows PC whose display is scaled above 100% (125%, 150%, 200%: common on a laptop)
the preview's pages and thumbnails are rendered at the screen's device pixels, not at its
logical pixels which the screen then scales up, blurring the small print of a table; the
layout (page sizes, scrolling, zoom) stays in logical pixels. The scaling is the process's
(``QT_SCALE_FACTOR``, read when the application starts): the preview runs in a child."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from doancoso.ui.dossier.page_view import GAP
from dossier_data import evidence_pdf

# The preview of a dossier, shown until its first page and first thumbnail are rendered.
_SHOWN = """
import json
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from doancoso.ui.dossier.pdf_file import PdfFile
from doancoso.ui.dossier.preview import THUMB_WIDTH, Preview

app = QApplication([])
pdf = PdfFile(Path(sys.argv[1]))
preview = Preview()
preview.resize(1000, 700)
preview.set_pdf(pdf)
preview.side.setCurrentWidget(preview.thumbnails)
preview.show()
view = preview.view
deadline = time.monotonic() + 30
while time.monotonic() < deadline and not (
    pdf.any_cached(0) is not None and preview.thumbnails_model.pixmap(0) is not None
):
    app.processEvents()
    time.sleep(0.01)
rect = view.page_rect(0)
page = pdf.any_cached(0)
thumbnail = preview.thumbnails_model.pixmap(0)
print(json.dumps({
    "ratio": view.viewport().devicePixelRatioF(),
    "viewport": view.viewport().width(),
    "page": [rect.width(), rect.height()],
    "image": [page.width(), page.height(), page.devicePixelRatio()],
    "kept": pdf.cached(0, page.width()) is not None,
    "thumbnail": [thumbnail.width(), thumbnail.devicePixelRatio(), THUMB_WIDTH],
}))
preview.set_pdf(None)
pdf.close()
"""


def _shown(pdf: Path, scale: str) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path), QT_SCALE_FACTOR=scale,
               QT_QPA_PLATFORM="offscreen")  # fmt: skip
    run = subprocess.run([sys.executable, "-c", _SHOWN, str(pdf)], capture_output=True,
                         text=True, env=env, timeout=120)  # fmt: skip
    assert run.returncode == 0, run.stderr
    shown: dict[str, Any] = json.loads(run.stdout.strip().splitlines()[-1])
    return shown


@pytest.mark.parametrize("scale", ["1", "2"])
def test_pages_and_thumbnails_are_rendered_at_device_pixels(tmp_path: Path, scale: str) -> None:
    pdf = evidence_pdf(tmp_path / "ho-so.pdf", pages=2)
    shown = _shown(pdf, scale)
    ratio = float(scale)
    assert shown["ratio"] == ratio
    width, height = shown["page"]
    assert width == shown["viewport"] - 2 * GAP  # fitted to the width, in logical pixels
    # As many pixels as the screen shows there: twice as wide and as high at 200%.
    assert shown["image"] == [round(width * ratio), pytest.approx(height * ratio, abs=2), ratio]
    assert shown["kept"]
    thumbnail_width, thumbnail_ratio, logical = shown["thumbnail"]
    assert (thumbnail_width, thumbnail_ratio) == (round(logical * ratio), ratio)
