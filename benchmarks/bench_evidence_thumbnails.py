"""Evidence thumbnails: the time the GUI thread spends to first show a list of 20 phone photos
(8 megapixels, 3264 × 2448 JPEG, a few MB each) on an empty thumbnail cache, every photo in
sight (a panel of 900 × 700), as the checklist's and the calendar's evidence panels show them:
from the files given to the panel and the panel shown until the event loop's turn that painted
the list with its items returns. Then how long until every thumbnail is on screen, and the
longest single turn of the event loop meanwhile (how long the window was held at once).

The photos are made once with Pillow (noise over a gradient, so that they weigh what a phone's
do) and reused from ``bench-data/``; each run attaches them to a fresh record of a fresh data
folder, each run's copies with a JPEG comment of their own: new SHA-256s, so no thumbnail of
them is cached yet (the system's file cache is warm: a USB stick would add its reads).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from .common import BENCH_DATA, report

PHOTOS = 20
WIDTH, HEIGHT = 3264, 2448
RUNS = 5
OWNER = "0b6f8c3e-4a51-4c1e-9a53-5f0f1f6b2d10"


def photos() -> list[Path]:
    """Twenty 8-megapixel JPEGs (made once)."""
    from PIL import Image

    folder = BENCH_DATA / "photos-8mp"
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"IMG_2026{index:04d}.jpg" for index in range(PHOTOS)]
    for index, path in enumerate(paths):
        if path.exists():
            continue
        noise = Image.effect_noise((WIDTH, HEIGHT), 40 + index).convert("L")
        gradient = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
        image = Image.merge(
            "RGB", (noise, gradient, gradient.transpose(Image.Transpose.FLIP_TOP_BOTTOM))
        )
        image.save(path, "JPEG", quality=92)
    return paths


def _variant(source: Path, folder: Path, run: int) -> Path:
    """``source`` with a comment of its own after its start: the same photo under a new
    SHA-256, so nothing of it is cached yet."""
    data = source.read_bytes()
    text = f"run {run}".encode()
    comment = b"\xff\xfe" + (len(text) + 2).to_bytes(2, "big") + text
    target = folder / source.name
    target.write_bytes(data[:2] + comment + data[2:])
    return target


class _Painted(QObject):
    """Whether ``widget`` was painted since ``seen`` was last cleared."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.seen = False
        self.items = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.seen = True
        return False


def _one_run(app: Any, sources: list[Path], number: int) -> tuple[float, float, float]:
    """(first paint, every thumbnail on screen, longest stall) of one run, in seconds."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QStyle

    from doancoso.core.organization import OrganizationInfo
    from doancoso.core.workspace import Workspace
    from doancoso.ui.common.evidence_panel import DECORATION, THUMB, EvidencePanel
    from doancoso.ui.shell.operations import Core
    from doancoso.ui.shell.undo import UndoHistory

    with tempfile.TemporaryDirectory(dir=BENCH_DATA) as tmp:
        folder = Path(tmp)
        (folder / "in").mkdir()
        paths = [_variant(p, folder / "in", number) for p in sources]
        with Workspace.open(folder / "data") as ws:
            ws.organization.create(OrganizationInfo(name="Đoàn xã Tân Hưng",
                                                    superior_name="Tỉnh đoàn Cà Mau"))  # fmt: skip
            for path in paths:
                ws.evidence.attach("advice", OWNER, path)
            files = ws.evidence.attachments("advice", OWNER)
            core = Core(ws)
            file_icon = app.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
            panel = EvidencePanel(
                core, UndoHistory(core), empty_text="", cell=QSize(THUMB + 44, THUMB + 40),
                document_icon=lambda: file_icon, caption_saved=None,
            )  # fmt: skip
            panel.resize(900, 700)  # every one of the 20 in sight

            def keys() -> list[int]:
                return [panel.model.index(r).data(DECORATION).cacheKey() for r in range(PHOTOS)]

            painted = _Painted(panel.view.viewport())
            stall = 0.0

            def turn() -> None:
                """One turn of the event loop; the longest kept (the GUI thread held)."""
                nonlocal stall
                began = time.perf_counter()
                app.processEvents()
                stall = max(stall, time.perf_counter() - began)

            start = time.perf_counter()
            panel.set_target(None, files)
            panel.show()
            deadline = start + 60
            while not painted.items and time.perf_counter() < deadline:
                painted.items = panel.view.visualRect(panel.model.index(PHOTOS - 1)).isValid()
                painted.seen = False
                turn()  # the show, the list's layout, its paint
                painted.items = painted.items and painted.seen
            first = time.perf_counter() - start
            shown = keys()
            waiting = {k for k in shown if shown.count(k) > 1}  # a placeholder (photos differ)
            while waiting & set(keys()) and time.perf_counter() < deadline:
                turn()
                time.sleep(0.005)  # idle, as the app's loop is between events (not spinning)
            panel.view.repaint()
            every = time.perf_counter() - start
            panel.close()
            panel.deleteLater()
            app.processEvents()
            core.runner.wait()
    return first, every, stall


def run() -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    sources = photos()
    size = sum(p.stat().st_size for p in sources) / len(sources) / 1024 / 1024
    print(f"({PHOTOS} photos {WIDTH} × {HEIGHT}, {size:.1f} MB each on average)")
    results = [_one_run(app, sources, number + 1) for number in range(RUNS)]
    firsts, everys, stalls = zip(*results, strict=True)
    print("runs (first paint, all shown, longest stall), ms:",
          [tuple(round(x * 1000) for x in r) for r in results])  # fmt: skip
    report("20 photos of 8 MP: first paint of the list", statistics.median(firsts), "<= 0.1 s")
    report("  ... every thumbnail on screen", statistics.median(everys))
    report("  ... the GUI thread's longest stall until then", statistics.median(stalls))
