"""The recognition dossier at 500 members (a copy of the 500-member demo): this year's checklist
with 30 evidence PDFs of about 200 pages in all and 40 photos attached, the year's activities,
the rating round, the roster and the youth list, built next to a bare equivalent.

The bare equivalent holds the text of our own pages (read back with pypdf) as plain paragraphs
in Liberation Serif, a page break after each page, then a bare pypdf merge of the same evidence
PDFs and each photo drawn on an A4 page: what reportlab and pypdf cost for those pages without
our layout, contents, bookmarks and page numbers. Each is built three times; the best compared.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import time
from datetime import date
from pathlib import Path

from doancoso.core.workspace import Workspace

from .bench_rating import bare_forms
from .common import demo_folder, report

MEMBERS = 500
PDFS, PDF_PAGES, PHOTOS = 30, 200, 40


def _evidence_pdf(path: Path, pages: int, seed: int) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    for number in range(pages):
        canvas.drawString(72, 760, f"Minh chung {seed} - trang {number + 1}")
        for line in range(40):
            canvas.drawString(72, 720 - line * 16, f"Dong {line + 1} " + "noi dung " * 8)
        canvas.showPage()
    canvas.save()


def _photo(path: Path, seed: int) -> None:
    from PIL import Image

    image = Image.new("RGB", (1600, 1200), (40 + seed * 5 % 200, 120, 200))
    image.paste((30, 160, 40), (0, 700, 1600, 1200))
    image.save(path, quality=85)


def _bare(ws: Workspace, texts: list[list[str]], files: list[Path], out: Path) -> None:
    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    text_pdf = out.with_suffix(".text.pdf")
    bare_forms(texts, text_pdf)
    writer = PdfWriter()
    writer.append(PdfReader(text_pdf))
    for file in files:
        if file.suffix == ".pdf":
            writer.append(PdfReader(file))
        else:
            buffer = io.BytesIO()
            canvas = Canvas(buffer, pagesize=A4)
            canvas.drawImage(str(file), 85, 200, 425, 320)
            canvas.showPage()
            canvas.save()
            writer.append(PdfReader(buffer))
    with out.open("wb") as handle:
        writer.write(handle)


def run() -> None:
    from pypdf import PdfReader

    from doancoso.reports.dossier.build import build_dossier

    with tempfile.TemporaryDirectory(prefix="bench-dossier-") as tmp:
        folder = Path(tmp) / "data"
        shutil.copytree(demo_folder(MEMBERS), folder)
        files: list[Path] = []
        with Workspace.open(folder) as ws:
            year = date.today().year
            ws.recognition.open(year)
            codes = [item.code for item in ws.recognition.view(year).template.items]
            for i in range(PDFS):
                path = Path(tmp) / f"minh-chung-{i}.pdf"
                _evidence_pdf(path, PDF_PAGES // PDFS + (i < PDF_PAGES % PDFS), i)
                ws.recognition.attach(year, codes[i % len(codes)], path, f"Văn bản số {i + 1}")
                files.append(path)
            for i in range(PHOTOS):
                path = Path(tmp) / f"anh-{i}.jpg"
                _photo(path, i)
                ws.recognition.attach(year, codes[i % len(codes)], path, f"Ảnh hoạt động {i + 1}")
                files.append(path)
            ours_path, bare_path = Path(tmp) / "ho-so.pdf", Path(tmp) / "bare.pdf"
            built = build_dossier(ws, ours_path, year, number="15-TTr/ĐTN")
            reader = PdfReader(ours_path)
            evidence_pages = sum(len(PdfReader(f).pages) for f in files if f.suffix == ".pdf")
            own = len(reader.pages) - evidence_pages - PHOTOS
            texts = [
                [line.strip() for line in page.extract_text().splitlines() if line.strip()]
                for page in list(reader.pages)[:own]
            ]
            ours, bare = [], []
            for _ in range(3):
                start = time.perf_counter()
                build_dossier(ws, ours_path, year, number="15-TTr/ĐTN")
                ours.append(time.perf_counter() - start)
                start = time.perf_counter()
                _bare(ws, texts, files, bare_path)
                bare.append(time.perf_counter() - start)
            report(f"dossier: {built.pages} pages ({evidence_pages} of {PDFS} PDFs, {PHOTOS} "
                   f"photos)", min(ours), "<= 1.5x bare",
                   baseline=("bare reportlab + pypdf merge", min(bare)))  # fmt: skip
