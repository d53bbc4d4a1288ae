"""Figures typed the Vietnamese way: a dot or a space groups the thousands ("1.500",
"1 500"), a comma marks the decimals ("12,5"); "12.5" is read as typed on an English keyboard.
Plan targets and activities' head counts read them with the one function here."""

from __future__ import annotations

import re

from .text import nfc

_GROUPED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?")
"""A figure grouped as the app shows it: "1.500", "1.000.000", "2.000,5"."""


def parse_figure(text: str | None) -> float | None:
    """The figure ``text`` writes (None when blank): "20", "12,5", "12.5", "1.500", "1 500"
    (fifteen hundred: read as 1,5 it would change a figure the secretary only re-saved).

    Raises ValueError when ``text`` is not a figure."""
    value = "".join(nfc(text).split())  # spaces, no-break spaces: thousands
    if _GROUPED.fullmatch(value):
        value = value.replace(".", "")
    value = value.replace(",", ".")
    if not value:
        return None
    return float(value)


def parse_count(text: str | None) -> int | None:
    """A head count (a whole number, grouped or not: "1.200", "1 200"), None when blank.

    Raises ValueError when ``text`` is not a whole number."""
    figure = parse_figure(text)
    if figure is None:
        return None
    if not figure.is_integer():
        raise ValueError(f"not a whole number: {text!r}")
    return int(figure)
