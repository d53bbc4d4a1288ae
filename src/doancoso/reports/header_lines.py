"""The lines of a header's body name too long for one line ("BAN THƯỜNG VỤ ĐOÀN TNCS HỒ CHÍ MINH
TỈNH BÀ RỊA - VŨNG TÀU" over a column of 85 mm): the fewest lines that fit, as even as they can
be, never breaking inside the union's name nor inside a place's name ("TỈNH BÀ RỊA - VŨNG TÀU"),
unless one of these alone is too wide.

A paragraph's own wrapping fills each line as far as it goes, leaving one word on the last line
("TÀU") or "HỒ" at the end of a line and "CHÍ MINH" on the next.
"""

from __future__ import annotations

import re

from .fonts import string_width
from .styles import markup

GLUE = "\u00a0"  # joins the words of a name kept on one line, until the lines are made

_UNION = re.compile(r"(?:ĐOÀN\s+)?(?:TNCS\s+)?HỒ\s+CHÍ\s+MINH", re.IGNORECASE)
_UNITS = r"TỈNH|THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|THỊ\s+TRẤN|XÃ|PHƯỜNG"
# A place: its unit, then its name up to a comma, the next unit or the end.
_PLACE = re.compile(rf"(?<!\w)(?:{_UNITS})\s+[^,]+?(?=,|\s+(?:{_UNITS})\s|$)", re.IGNORECASE)
_HYPHEN = re.compile(r"\s+-\s+")  # "BÀ RỊA - VŨNG TÀU"


def _glued(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: re.sub(r"\s+", GLUE, m.group(0)), text)


def _tokens(text: str) -> list[str]:
    """The words of ``text``, the union's name, places and hyphenated names each one token."""
    spaced = " ".join(text.split())
    return _glued(_glued(_glued(spaced, _HYPHEN), _UNION), _PLACE).split(" ")


def _width(tokens: list[str], font: str, size: float) -> float:
    return string_width(" ".join(tokens).replace(GLUE, " "), font, size)


def _even_lines(tokens: list[str], font: str, size: float, width: float) -> list[list[str]] | None:
    """The fewest lines of ``tokens`` each within ``width``, the widest as narrow as can be;
    None when a token alone is too wide."""
    n = len(tokens)
    # best[j]: (lines, widest line, breaks) of the first j tokens
    best: list[tuple[int, float, list[int]] | None] = [(0, 0.0, [])] + [None] * n
    for j in range(1, n + 1):
        for i in range(j):
            before = best[i]
            line = _width(tokens[i:j], font, size)
            if before is None or line > width:
                continue
            found = (before[0] + 1, max(before[1], line), [*before[2], j])
            current = best[j]
            if current is None or found[:2] < current[:2]:
                best[j] = found
    end = best[n]
    if end is None:
        return None
    starts = [0, *end[2]]
    return [tokens[a:b] for a, b in zip(starts, starts[1:], strict=False)]


def header_lines(text: str, font: str, size: float, width: float) -> str:
    """``text`` as Paragraph markup on the fewest even lines within ``width`` (joined by
    ``<br/>``), names kept whole where they fit; as it is (one line, or the paragraph's own
    wrapping of a word too wide) when it fits or cannot be broken so."""
    if not text or string_width(text, font, size) <= width:
        return markup(text)
    tokens = _tokens(text)
    lines = _even_lines(tokens, font, size, width)
    if lines is None:  # a name alone too wide: broken between its words too
        words = [[t] if _width([t], font, size) <= width else t.split(GLUE) for t in tokens]
        lines = _even_lines([w for t in words for w in t], font, size, width)
    if lines is None:
        return markup(text)
    return "<br/>".join(markup(" ".join(line).replace(GLUE, " ")) for line in lines)
