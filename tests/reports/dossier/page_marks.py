"""Where things stand on a dossier document's pages, read back from the PDF with pypdfium2:
the lines of text with their tops, and the room between a table's bottom border and the line
under it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

MM = 72 / 25.4


@dataclass(frozen=True)
class Found:
    """``text`` found on the page ``page`` (from 0), the top of its first letter ``top`` in
    points from the page's foot; ``height`` the page's height."""

    page: int
    top: float
    height: float


def find(path: Path, text: str) -> Found:
    """The first place ``text`` is printed in the PDF ``path``."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index, page in enumerate(pdf):
            textpage = page.get_textpage()
            found = textpage.search(text).get_next()
            if found is not None:
                return Found(index, float(textpage.get_charbox(found[0])[3]), page.get_height())
        raise AssertionError(f"{text!r} not found")
    finally:
        pdf.close()


def room_above(path: Path, text: str) -> float:
    """The space between the bottom border of the table above ``text`` and the top of its
    first letter, in points."""
    where = find(path, text)
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[where.page]
        rules = (o.get_bounds() for o in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,)))
        borders = [b[1] for b in rules if b[3] - b[1] < 2 and b[1] > where.top]
        assert borders, f"no table above {text!r}"
        return float(min(borders) - where.top)
    finally:
        pdf.close()


def lowest_text(path: Path, page_index: int) -> float:
    """How far down the page ``page_index`` its printed text goes: the foot of its lowest
    letter, in points from the page's foot (the page number at the foot left out)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        textpage = pdf[page_index].get_textpage()
        bottoms = [textpage.get_charbox(i)[1] for i in range(textpage.count_chars())
                   if not textpage.get_text_range(i, 1).isspace()]  # fmt: skip
        body = [b for b in bottoms if b > 20 * MM]  # above the bottom margin
        assert body, f"page {page_index + 1} is empty"
        return float(min(body))
    finally:
        pdf.close()
