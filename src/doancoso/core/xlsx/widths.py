"""How wide a text shows in a cell of the app's sheets, in Excel's unit of column width.

Every sheet the app writes names Calibri 11 (:data:`.writer.FONT`). Excel measures a column in
widths of the digit "0" of that font (plus a padding of its own), so a text's width in that unit
is the sum of its letters' advance widths over the advance of "0". The widths below are
Calibri's, regular and bold, in its units of 2048 to the em, as Carlito (the metric-compatible
font LibreOffice shows for Calibri) declares them: the printable ASCII characters, the letters
Vietnamese adds that are wider than their base letter (đ, and the hooked ơ and ư), and the
typographic marks a note may hold. Every other Vietnamese letter is as wide as its base letter
(its tone and vowel marks take no width: "Ễ" is an "E"); a character outside the table counts as
the widest of the table, so that a row sized by it is too tall rather than too short.
"""

from __future__ import annotations

import math
import unicodedata

_FIRST = 0x20  # the first character of the ASCII tables (the space)
_REGULAR_ASCII = (
    463, 667, 821, 1020, 1038, 1464, 1397, 452, 621, 621, 1020, 1020, 511, 627, 517, 791, 1038,
    1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 548, 548, 1020, 1020, 1020, 949, 1831,
    1185, 1114, 1092, 1260, 1000, 941, 1292, 1276, 516, 653, 1064, 861, 1751, 1322, 1356, 1058,
    1378, 1112, 941, 998, 1314, 1162, 1822, 1063, 998, 959, 628, 791, 628, 1020, 1020, 596, 981,
    1076, 866, 1076, 1019, 625, 964, 1076, 470, 490, 931, 470, 1636, 1076, 1080, 1076, 1076, 714,
    801, 686, 1076, 925, 1464, 887, 927, 809, 644, 943, 644, 1020,
)  # fmt: skip
_BOLD_ASCII = (
    463, 667, 898, 1020, 1038, 1493, 1443, 478, 638, 638, 1020, 1020, 528, 627, 547, 880, 1038,
    1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 565, 565, 1020, 1020, 1020, 949, 1840,
    1241, 1148, 1084, 1291, 999, 940, 1305, 1292, 546, 678, 1120, 866, 1790, 1349, 1385, 1090,
    1405, 1153, 968, 1014, 1337, 1211, 1856, 1128, 1064, 979, 665, 880, 665, 1020, 1020, 615,
    1011, 1099, 857, 1099, 1031, 648, 971, 1099, 503, 523, 983, 503, 1666, 1099, 1101, 1099,
    1099, 728, 817, 710, 1099, 969, 1526, 941, 970, 814, 704, 973, 704, 1020,
)  # fmt: skip
_REGULAR_MORE = {
    "đ": 1130, "Đ": 1279, "ơ": 1184, "Ơ": 1428, "ư": 1234, "Ư": 1478, "“": 857, "”": 857,
    "‘": 511, "’": 511, "–": 1020, "—": 1854, "…": 1414, "•": 1020, "°": 694,
}  # fmt: skip
_BOLD_MORE = {
    "đ": 1165, "Đ": 1309, "ơ": 1296, "Ơ": 1566, "ư": 1326, "Ư": 1559, "“": 891, "”": 891,
    "‘": 528, "’": 528, "–": 1020, "—": 1854, "…": 1457, "•": 1020, "°": 701,
}  # fmt: skip
_ZERO = 1038  # the advance of "0", regular and bold alike: Excel's unit of column width
_EM = 2048
# A column of width w is 7w pixels wide on a screen of 96 dpi (Excel's digit of Calibri 11, its
# unit, hinted to 7 pixels) of which 5 are padding and grid line; the text in it is set at 11 pt,
# 14.67 pixels to the em, where a "0" is really 7.43 pixels wide.
DIGIT_PIXELS = 7
PADDING_PIXELS = 5
ZERO_PIXELS = 11 * 96 / 72 * _ZERO / _EM
_HORN = "\u031b"  # the hook of ơ and ư: the one mark that widens its letter


class _Units(dict[str, float]):
    """Characters' widths in widths of "0", each worked out the first time it is asked for
    (a long export measures millions of characters: a dict's lookup is what it can afford)."""

    def __init__(self, ascii_widths: tuple[int, ...], more: dict[str, int]) -> None:
        super().__init__()
        self._widths = {chr(_FIRST + index): w for index, w in enumerate(ascii_widths)}
        self._widths.update(more)
        self._widest = max(self._widths.values())

    def __missing__(self, char: str) -> float:
        width = self._widths.get(char)
        if width is None:
            base = _base(char)
            width = self._widths.get(base, self._widest) if len(base) == 1 else self._widest
        self[char] = units = width / _ZERO
        return units


def _base(char: str) -> str:
    """``char`` without its marks, but for the hook of ơ and ư ("ờ" -> "ơ", "Ễ" -> "E")."""
    bare = "".join(
        c for c in unicodedata.normalize("NFD", char) if c == _HORN or not unicodedata.combining(c)
    )
    return unicodedata.normalize("NFC", bare)


_REGULAR = _Units(_REGULAR_ASCII, _REGULAR_MORE)
_BOLD = _Units(_BOLD_ASCII, _BOLD_MORE)


def char_units(char: str, bold: bool = False) -> float:
    """The width of ``char`` in Calibri 11, in widths of its "0"."""
    return (_BOLD if bold else _REGULAR)[char]


def text_units(text: str, bold: bool = False) -> float:
    """The width of the one-line ``text`` in Calibri 11, in widths of its "0" (Excel's unit of
    column width, before the column's padding): "0000" is 4, "Nguyễn Văn An" 12.3, "NGUYỄN VĂN
    AN" 13.8."""
    return sum(map((_BOLD if bold else _REGULAR).__getitem__, text))


def line_room(width: float) -> float:
    """How wide a text one line of a column ``width`` wide (Excel's unit, its padding
    included) shows, in widths of Calibri's "0" (:func:`text_units`): a little less than the
    width less the padding, since Excel's unit is the digit hinted to whole pixels (7 for
    7.43), a text is set at its true size."""
    return (DIGIT_PIXELS * width - PADDING_PIXELS) / ZERO_PIXELS


def column_width(units: float) -> float:
    """The width (Excel's unit, its padding included, rounded up to a quarter) of the narrowest
    column that shows a text ``units`` wide on one line: :func:`line_room` turned round."""
    return math.ceil((units * ZERO_PIXELS + PADDING_PIXELS) / DIGIT_PIXELS * 4 - 1e-9) / 4
