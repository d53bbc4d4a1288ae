"""A photo with transparent parts (a PNG of a signed list or a stamp, dark ink on nothing, as
phone apps and scanners' "remove background" save them) prints on white in the dossier's annex,
its ink legible, as the app's thumbnail shows it: not on black, where dark ink disappears."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from PIL import Image, ImageDraw

from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.build import build_dossier
from dossier_data import ISSUED

INK = (20, 20, 20)


def _ink_on_nothing(path: Path, mode: str) -> Path:
    """Dark ink (a thick bar across the middle) on fully transparent pixels whose colour is
    black, as most programs store them; ``mode`` RGBA, LA or P (a palette with a transparent
    index)."""
    image = Image.new("RGBA", (800, 600), (0, 0, 0, 0))
    ImageDraw.Draw(image).rectangle((100, 270, 700, 330), fill=(*INK, 255))
    if mode == "LA":
        image.convert("LA").save(path)
    elif mode == "P":  # index 0 black and transparent, index 1 the ink
        palette = Image.new("P", image.size, 0)
        palette.putpalette([0, 0, 0, *INK])
        ImageDraw.Draw(palette).rectangle((100, 270, 700, 330), fill=1)
        palette.save(path, transparency=0)
    else:
        image.save(path)
    return path


def _annex_page(pdf_path: Path, label: str) -> Image.Image:
    """The last page of the dossier showing ``label`` (the first is the contents), rendered as
    the preview and the printer do."""
    document = pdfium.PdfDocument(str(pdf_path))
    try:
        for index in reversed(range(len(document))):
            page = document[index]
            text = page.get_textpage().get_text_range()
            if label in text:
                return page.render(scale=1).to_pil().convert("RGB")  # type: ignore[no-any-return]
    finally:
        document.close()
    raise AssertionError(f"{label} not found")


@pytest.mark.parametrize("mode", ["RGBA", "LA", "P"])
def test_a_transparent_photo_prints_on_white(dossier_ws: Workspace, tmp_path: Path,
                                             mode: str) -> None:  # fmt: skip
    photo = _ink_on_nothing(tmp_path / "chu-ky.png", mode)
    dossier_ws.recognition.attach(2025, "1.3", photo, "Danh sách có chữ ký")
    out = tmp_path / "ho-so.pdf"
    build_dossier(dossier_ws, out, 2025, parts=["minh-chung"], number="15-TTr/ĐTN",
                  issued_on=ISSUED)  # fmt: skip

    page = _annex_page(out, "Minh chứng 1.3.1")
    px_per_mm = page.size[0] / 210
    # The photo (4:3) fills the text width, 30 to 190 mm from the left, from 33 mm under the
    # page's top (the margin, its number, a gap) down 120 mm: its middle row lies 93 mm under
    # the top, the ink across it from 50 to 170 mm; a fifth of its height (58 mm) is on nothing.
    xs = [int(x * px_per_mm) for x in range(60, 161, 10)]
    paper: list[Any] = [page.getpixel((x, int(58 * px_per_mm))) for x in xs]
    assert all(min(p) > 240 for p in paper), paper  # white, where nothing is drawn
    ink: list[Any] = [page.getpixel((x, int(93 * px_per_mm))) for x in xs]
    assert all(max(p) < 80 for p in ink), ink  # the ink, dark on the white
