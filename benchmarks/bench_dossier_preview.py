"""The dossier's preview: the first page of a dossier of about 330 pages shown in the app.

The dossier is the one of ``bench_dossier`` (a copy of the 500-member demo, 30 evidence PDFs of
200 pages in all, 40 photos), built once. Timed: the file opened with pdfium, the preview given
it (page sizes, outline, thumbnails' model) and its viewport painted at the size the page has in
a 1366×768 window. Baseline, in the same run: pypdfium2 alone opening the file and rendering its
first page to a bitmap of the same width. Then a page turned (PageDown) and a jump to the last
page. Each figure is the median of 5 runs (the file closed and opened again each time: nothing
cached).

A page is rendered off the GUI thread once the view has rested ``RENDER_DELAY_MS``; until then it
shows at once as it can (a stand-in). Each action is timed twice: until its first paint (what
the GUI thread spends: the window answers again) and until the pages in sight are sharp (the
rest, the render asked and arrived, included).
"""

from __future__ import annotations

import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

from doancoso.core.workspace import Workspace

from .bench_dossier import MEMBERS, PDF_PAGES, PDFS, PHOTOS, _evidence_pdf, _photo
from .common import best_of, demo_folder, report

VIEW_SIZE = (900, 640)
"""The preview's pages in the "Hồ sơ" page of a maximised 1366×768 window (measured there)."""


def _build(tmp: Path) -> Path:
    from doancoso.reports.dossier.build import build_dossier

    folder = tmp / "data"
    shutil.copytree(demo_folder(MEMBERS), folder)
    out = tmp / "ho-so.pdf"
    with Workspace.open(folder) as ws:
        year = date.today().year
        ws.recognition.open(year)
        codes = [item.code for item in ws.recognition.view(year).template.items]
        for i in range(PDFS):
            path = tmp / f"minh-chung-{i}.pdf"
            _evidence_pdf(path, PDF_PAGES // PDFS + (i < PDF_PAGES % PDFS), i)
            ws.recognition.attach(year, codes[i % len(codes)], path, f"Văn bản số {i + 1}")
        for i in range(PHOTOS):
            path = tmp / f"anh-{i}.jpg"
            _photo(path, i)
            ws.recognition.attach(year, codes[i % len(codes)], path, f"Ảnh hoạt động {i + 1}")
        build_dossier(ws, out, year, number="15-TTr/ĐTN")
    return out


def run() -> None:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from doancoso.ui.dossier.pdf_file import PdfFile
    from doancoso.ui.dossier.preview import Preview

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="bench-dossier-preview-") as tmp:
        path = _build(Path(tmp))
        preview = Preview()
        preview.resize(*VIEW_SIZE)
        preview.show()
        preview.set_pdf(PdfFile(path))  # once, so the layout has its final size
        app.processEvents()
        width = preview.view.page_rect(0).width()
        pages = len(preview.view.pdf or [])
        preview.view.pdf.close()  # type: ignore[union-attr]
        preview.set_pdf(None)

        def bare() -> None:
            pdf = pdfium.PdfDocument(str(path))
            page = pdf[0]
            page.render(scale=width / page.get_width(), prefer_bgrx=True).close()
            page.close()
            pdf.close()

        def until_sharp() -> None:
            """Events processed until the view has rested and every render it asked arrived."""
            view = preview.view
            deadline = time.perf_counter() + 60
            while view.render_timer.isActive() or view.asked:
                if time.perf_counter() > deadline:
                    raise TimeoutError("the preview's pages were not rendered within 60 s")
                app.processEvents()
                time.sleep(0.0005)
            view.viewport().repaint()

        def shown() -> None:
            pdf = PdfFile(path)
            preview.set_pdf(pdf)
            preview.view.viewport().repaint()
            preview.set_pdf(None)
            pdf.close()

        def sharp() -> None:
            pdf = PdfFile(path)
            preview.set_pdf(pdf)
            preview.view.viewport().repaint()
            until_sharp()
            preview.set_pdf(None)
            pdf.close()

        bare_time = best_of(5, bare)
        report(f"dossier preview: first page of {pages} painted ({width} px wide)",
               best_of(5, shown), "<= 0.1 s")  # fmt: skip
        report("dossier preview: first page sharp (rest + render)",
               best_of(5, sharp), "<= 0.3 s",
               baseline=("pypdfium2 open + render page 1", bare_time))  # fmt: skip

        pdf = PdfFile(path)
        preview.set_pdf(pdf)
        preview.view.viewport().repaint()
        until_sharp()
        painted, rendered = [], []
        for _ in range(5):
            start = time.perf_counter()
            QTest.keyClick(preview.view, Qt.Key.Key_PageDown)
            preview.view.viewport().repaint()
            painted.append(time.perf_counter() - start)
            until_sharp()
            rendered.append(time.perf_counter() - start)
        report("dossier preview: PageDown, next page painted", sorted(painted)[2])
        report("dossier preview: PageDown, next page sharp", sorted(rendered)[2])
        start = time.perf_counter()
        QTest.keyClick(preview.view, Qt.Key.Key_End)
        preview.view.viewport().repaint()
        report("dossier preview: End, last page painted", time.perf_counter() - start)
        until_sharp()
        report("dossier preview: End, last page sharp", time.perf_counter() - start)
        preview.set_pdf(None)
        pdf.close()
        preview.close()
        preview.deleteLater()
