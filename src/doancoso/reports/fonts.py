"""The one font family of every printed document: Liberation Serif, bundled and embedded.

Union documents are set in Times New Roman (DOMAIN.md §5); Liberation Serif has the same
metrics and covers Vietnamese. It ships with the app (``resources/fonts``, SIL OFL) so a PDF
looks the same on every machine. reportlab's built-in Type 1 fonts (Helvetica, Times) have
no Vietnamese glyphs and are never embedded, so no document may use them, not even for page
numbers: every style and every canvas call names one of the constants below.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import resource

FAMILY = "LiberationSerif"
REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"

_FILES = {
    REGULAR: "LiberationSerif-Regular.ttf",
    BOLD: "LiberationSerif-Bold.ttf",
    ITALIC: "LiberationSerif-Italic.ttf",
    BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the family with reportlab (once per process; safe from any thread)."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
        pdfmetrics.registerFontFamily(
            FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
        )
        _registered = True


def string_width(text: str, font: str, size: float) -> float:
    """Width in points of ``text`` set in ``font`` at ``size`` (fonts registered first)."""
    register_fonts()
    return float(pdfmetrics.stringWidth(text, font, size))


def char_widths(font: str) -> tuple[dict[int, int], int]:
    """The font's advance widths (1/1000 em) by code point, and the width of a missing glyph.

    Summing these is what reportlab's stringWidth does, without its per-call overhead; long
    tables measure every cell.
    """
    register_fonts()
    registered = pdfmetrics.getFont(font)
    if not isinstance(registered, TTFont):  # every font of ours is one (see register_fonts)
        raise TypeError(f"{font} is not a TrueType font")
    face = registered.face
    return face.charWidths, int(face.defaultWidth)
