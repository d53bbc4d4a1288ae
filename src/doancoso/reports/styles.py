"""Paragraph styles of union documents, every one set in Liberation Serif.

Sizes follow DOMAIN.md §5: the header lines 14–15 pt, the body 13–14 pt. Each style names its
font explicitly, so nothing can fall back to reportlab's Helvetica.
"""

from __future__ import annotations

from functools import cache
from typing import Literal, TypeAlias
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from ..core.lang.text import nfc
from .fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts

Alignment: TypeAlias = Literal[0, 1, 2, 4]
"""A paragraph's alignment: one of reportlab's ``TA_LEFT``, ``TA_CENTER``, ``TA_RIGHT``,
``TA_JUSTIFY``."""


def _style(
    name: str,
    font: str,
    size: float,
    align: Alignment = TA_LEFT,
    *,
    space_before: float = 0,
    space_after: float = 0,
    first_line_indent: float = 0,
) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=round(size * 1.2, 1),
        alignment=align,
        spaceBefore=space_before,
        spaceAfter=space_after,
        firstLineIndent=first_line_indent,
    )


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The named styles; fonts are registered on first use."""
    register_fonts()
    return {
        "superior": _style("superior", REGULAR, 14, TA_CENTER),
        "issuer": _style("issuer", BOLD, 14, TA_CENTER),
        "stars": _style("stars", REGULAR, 14, TA_CENTER),
        "number": _style("number", REGULAR, 14, TA_CENTER),
        "union": _style("union", BOLD, 15, TA_CENTER),
        "date": _style("date", ITALIC, 14, TA_CENTER),
        "kind": _style("kind", BOLD, 15, TA_CENTER, space_before=0),
        "title": _style("title", BOLD, 14, TA_CENTER),
        "subtitle": _style("subtitle", ITALIC, 13, TA_CENTER),
        "body": _style("body", REGULAR, 13, TA_JUSTIFY, first_line_indent=28, space_after=6),
        "body_left": _style("body_left", REGULAR, 13, TA_LEFT, space_after=3),
        "total": _style("total", BOLD, 13, TA_LEFT, space_before=6),
        "sign": _style("sign", BOLD, 14, TA_CENTER),
        "sign_note": _style("sign_note", ITALIC, 13, TA_CENTER),
        "recipients_head": _style("recipients_head", BOLD_ITALIC, 12, TA_LEFT),
        "recipients": _style("recipients", REGULAR, 11, TA_LEFT),
        "cell": _style("cell", REGULAR, 10.5, TA_LEFT),
        "cell_head": _style("cell_head", BOLD, 10.5, TA_CENTER),
    }


def markup(text: str | None) -> str:
    """Plain text made safe for a reportlab Paragraph, in NFC."""
    return escape(nfc(text))
