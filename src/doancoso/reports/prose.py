"""Running text of a document (a plan's sections, the minutes): headings numbered I, II, III…,
the secretary's multi-line text kept line by line, and lines left blank to fill in by hand.

A line the secretary typed as a numbered heading ("1. Công tác giáo dục chính trị tư tưởng":
a number, then words, no closing punctuation) is set in bold, as in the union's plans; every
other line is a body paragraph (first line indented, justified). Empty lines only separate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from ..core.lang.text import nfc, nfc_multiline
from .document import MARGIN_LEFT, MARGIN_RIGHT
from .fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, string_width
from .styles import markup, styles

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
PORTRAIT_WIDTH = A4[0] - MARGIN_LEFT - MARGIN_RIGHT
_HEADLINE = re.compile(r"^\d+(\.\d+)*\.\s+\S.*[^.;:,!?]$")


def style(name: str) -> ParagraphStyle:
    """The document styles plus those of running text: ``section`` (I., II. headings),
    ``headline`` (bold body line), ``lead`` (bold-italic group heading), ``note`` (italic),
    ``line`` (a line to write on), ``item`` (a list item, not justified)."""
    extra = _running_styles()
    return extra[name] if name in extra else styles()[name]


@cache
def _running_styles() -> dict[str, ParagraphStyle]:
    base = styles()
    return {
        "section": base["total"].clone("section", spaceBefore=8, spaceAfter=4, keepWithNext=1),
        "headline": base["body"].clone("headline", fontName=BOLD, keepWithNext=1),
        "lead": base["body"].clone("lead", fontName=BOLD_ITALIC, keepWithNext=1),
        "note": base["body"].clone("note", fontName=ITALIC, fontSize=11.5, leading=14),
        "line": base["body"].clone("line", firstLineIndent=0, spaceAfter=2, alignment=TA_LEFT),
        "item": base["body"].clone("item", alignment=TA_LEFT),
    }


def section(number: int, title: str) -> Paragraph:
    """A numbered section heading: "II. CHỈ TIÊU" (``number`` from 1)."""
    return Paragraph(markup(f"{ROMAN[number - 1]}. {nfc(title).upper()}"), style("section"))


def lines(text: str | None) -> list[str]:
    """The non-empty lines of ``text`` in NFC, trimmed."""
    return [line for raw in nfc_multiline(text).splitlines() if (line := raw.strip())]


def paragraphs(text: str | None, body: str = "body") -> list[Flowable]:
    """One paragraph per line of ``text``; numbered headings in bold (module docstring)."""
    return [
        Paragraph(markup(line), style("headline" if _HEADLINE.match(line) else body))
        for line in lines(text)
    ]


def labelled(label: str, value: str, body: str = "item") -> Paragraph:
    """ "Label: value" with the label in bold."""
    return Paragraph(f"<b>{markup(label)}:</b> {markup(value)}", style(body))


def fill_lines(count: int = 3, width: float = PORTRAIT_WIDTH) -> list[Flowable]:
    """Dotted lines across ``width`` (points) to write on by hand, where the secretary left a
    part empty."""
    line_style = style("line")
    dots = int(width / string_width(".", REGULAR, line_style.fontSize)) - 1
    return [Paragraph("." * dots, line_style) for _ in range(count)]


def numbered(items: Sequence[tuple[str, str]], body: str = "body") -> list[Flowable]:
    """Paragraphs "1.1. text" from (number, text) pairs."""
    return [Paragraph(markup(f"{number} {text}"), style(body)) for number, text in items]
