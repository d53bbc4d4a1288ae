"""Vietnamese text: NFC normalisation, search folding, name splitting and collation.

Everything here is pure Python so the core can sort and search without Qt.
The collation follows DOMAIN.md §6: letters a < ă < â, d < đ, e < ê, o < ô < ơ,
u < ư are distinct at the primary level; tones (none < huyền < hỏi < ngã < sắc <
nặng) only break ties, then case. The old and the new tone placement ("Thủy"/"Thuỷ",
"hòa"/"hoà", "khỏe"/"khoẻ") give the same key. Keys are encoded as strings whose plain
code-point order equals the collation order, so SQLite can sort them with an index.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

_SPACES = re.compile(r"\s+")
# Whitespace other than a space left after clean_controls(): with "  ", what _SPACES changes.
_OTHER_SPACES = re.compile("[\n\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Line breaks of every kind, control characters (C0, DEL, C1), lone surrogates and the two
# non-characters that XML 1.0 forbids. See clean_controls().
_NEEDS_CLEANING = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_DROPPED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

# Combining marks that change the letter itself (primary differences).
_BREVE, _CIRCUMFLEX, _HORN = "\u0306", "\u0302", "\u031b"
# Tone marks in the order of the Vietnamese collation (none < huyền < hỏi < ngã < sắc < nặng).
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

# Primary alphabet. Foreign letters (f, j, w, z) sit where Latin puts them.
_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]  # fmt: skip
# Code points used in encoded keys: digits first, then letters, all above the separators and
# all ASCII, so a stored key takes one byte a letter.
_PRIMARY_CODE = {letter: chr(0x30 + 10 + i) for i, letter in enumerate(_ALPHABET)}
_PRIMARY_CODE.update({str(d): chr(0x30 + d) for d in range(10)})
_WORD_SEP = "\u0020"  # between words inside one name part
_LEVEL_SEP = "\u0002"  # between the primary, tone and case levels of one part
_PART_SEP = "\u0001"  # between name parts (given, middle, family)
# A syllable ending in oa, oe or uy (not the u of qu) takes its tone on the first vowel in the
# old placement ("hòa", "khỏe", "thủy") and on the second in the new ("hoà", "khoẻ", "thuỷ"):
# the key puts it on the first, so both spellings of one name get the same key.
_GLIDE_ENDINGS = frozenset((_PRIMARY_CODE[a], _PRIMARY_CODE[b]) for a, b in ("oa", "oe", "uy"))
_Q = _PRIMARY_CODE["q"]
_NO_TONE = chr(0x30)


# fold(): the combining marks of the blocks that hold them (Vietnamese tones and letters use
# U+0300-U+036F) are dropped, and đ/Đ (and the look-alike ð/Ð) become d/D, in one translate.
_FOLD_TABLE: dict[int, str | None] = {
    cp: None
    for low, high in (
        (0x0300, 0x036F),
        (0x1AB0, 0x1AFF),
        (0x1DC0, 0x1DFF),
        (0x20D0, 0x20FF),
        (0xFE20, 0xFE2F),
    )  # fmt: skip
    for cp in range(low, high + 1)
    if unicodedata.combining(chr(cp))
}
_FOLD_TABLE.update({ord("đ"): "d", ord("Đ"): "D", ord("ð"): "d", ord("Ð"): "D"})


def clean_controls(text: str) -> str:
    """``text`` without the characters that break files and screens, line breaks kept as ``\n``.

    Line breaks of every kind (``\r\n``, ``\r``, the vertical tab ``\x0b`` that Word uses for
    a line break, form feed, NEL, U+2028/U+2029) become ``\n``; a tab becomes a space; every
    other control character (C0, DEL, C1), lone surrogates and the non-characters U+FFFE/U+FFFF
    are dropped. Text pasted from other programs carries them, and an .xlsx cannot hold them
    (Excel refuses the file, openpyxl raises). Nothing else changes, not even NFC.
    """
    if _NEEDS_CLEANING.search(text) is None:
        return text  # the usual case, decided by one scan
    text = _LINE_BREAKS.sub("\n", text).replace("\t", " ")
    return _DROPPED.sub("", text)


def nfc(value: str | None) -> str:
    """Return ``value`` as one line: NFC, control characters dropped (:func:`clean_controls`),
    line breaks and tabs as spaces, surrounding whitespace removed and inner runs collapsed.

    Every one-line string that enters the database goes through here (keyboard, paste, Excel,
    CLI); multi-line fields (notes) go through :func:`nfc_multiline`.
    """
    if value is None:
        return ""
    # Controls go first: one between a letter and its mark would keep them apart in NFC.
    text = unicodedata.normalize("NFC", clean_controls(str(value)))
    if "  " in text or _OTHER_SPACES.search(text):  # a scan is cheaper than a substitution
        text = _SPACES.sub(" ", text)
    return text.strip()


def nfc_or_none(value: str | None) -> str | None:
    """Like :func:`nfc`, but an empty result becomes ``None``."""
    text = nfc(value)
    return text or None


def nfc_multiline(value: str | None) -> str:
    """Return ``value`` in NFC with its line breaks as ``\n`` (:func:`clean_controls`) and
    surrounding whitespace removed; spaces inside are kept. For notes and other multi-line fields.
    """
    if value is None:
        return ""
    return unicodedata.normalize("NFC", clean_controls(str(value))).strip()


def nfc_multiline_or_none(value: str | None) -> str | None:
    """Like :func:`nfc_multiline`, but an empty result becomes ``None``."""
    text = nfc_multiline(value)
    return text or None


def fold(value: str | None) -> str:
    """Search key: no tones, no diacritics, no case, đ/Đ as d.

    "Nguyễn Văn Đạt" -> "nguyen van dat"; "Thuỷ" and "Thủy" both -> "thuy".
    """
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFD", clean_controls(value))
    stripped = decomposed.translate(_FOLD_TABLE).lower()
    if "  " in stripped or _OTHER_SPACES.search(stripped):  # a scan is cheaper than a sub
        stripped = _SPACES.sub(" ", stripped)
    return stripped.strip()


_NOT_IN_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str, empty: str = "to-chuc") -> str:
    """A file name every system can write, its words joined by one dash each:
    "Đoàn xã Tân Hưng" -> "doan-xa-tan-hung"; ``empty`` when ``text`` has no letter or digit."""
    return _NOT_IN_SLUG.sub("-", fold(text)).strip("-") or empty


# Inside one word of a name: the apostrophe and hyphen of the Central Highlands' names ("H'Hen
# Niê", "Y-Moan Ênuôl"), each part after them written with its capital too.
_NAME_JOINERS = re.compile("([-'\u2019])")


def name_case(full_name: str) -> str:
    """A person's name as written on documents: each word capitalised ("NGUYỄN văn an" ->
    "Nguyễn Văn An"), and each part of a word after an apostrophe or a hyphen ("h'hen niê" ->
    "H'Hen Niê"). The sổ đoàn viên prints it in capitals itself when it needs to."""
    return " ".join(
        "".join(p[:1].upper() + p[1:].lower() for p in _NAME_JOINERS.split(word))
        for word in nfc(full_name).split(" ")
    )


@dataclass(frozen=True)
class NameParts:
    """A Vietnamese full name split as written: family, middle(s), given."""

    family: str
    middle: str
    given: str


def split_name(full_name: str) -> NameParts:
    """Split "Nguyễn Thị Như Quỳnh" into family "Nguyễn", middle "Thị Như", given "Quỳnh".

    One word is taken as the given name alone.
    """
    words = nfc(full_name).split(" ")
    words = [w for w in words if w]
    if not words:
        return NameParts("", "", "")
    if len(words) == 1:
        return NameParts("", "", words[0])
    return NameParts(words[0], " ".join(words[1:-1]), words[-1])


def _letter_levels(ch: str) -> tuple[str, int, int] | None:
    """Return (primary code, tone, case) for one character, or None if it is ignorable."""
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    is_upper = 1 if base.isupper() else 0
    lower = base.lower()
    if lower in ("đ", "ð"):
        letter = "đ"
    else:
        letter = lower
        if _BREVE in marks and lower == "a":
            letter = "ă"
        elif _CIRCUMFLEX in marks and lower in "aeo":
            letter = {"a": "â", "e": "ê", "o": "ô"}[lower]
        elif _HORN in marks and lower in "ou":
            letter = {"o": "ơ", "u": "ư"}[lower]
    tone = 0
    for mark in marks:
        tone = _TONES.get(mark, tone)
    code = _PRIMARY_CODE.get(letter)
    if code is None:
        if not lower.isalnum():
            return None  # punctuation and symbols do not take part in ordering
        # Any other letter (foreign scripts, accented Latin): after the alphabet, by code point.
        code = chr(0x100 + ord(unicodedata.normalize("NFD", lower)[0]))
    return code, tone, is_upper


@functools.lru_cache(maxsize=1 << 13)  # name parts recur: sort keys of a roster or an import
def collation_key(text: str) -> str:
    """Encode one name part (one or several words) as a string ordered like Vietnamese.

    Primary letters first for the whole part, then tones, then case, so that tones
    only decide between names whose letters are equal.
    """
    primary: list[str] = []
    tones: list[str] = []
    cases: list[str] = []
    for word_index, word in enumerate(nfc(text).split(" ")):
        if word_index:
            primary.append(_WORD_SEP)
        letters = 0
        for ch in word:
            levels = _letter_levels(ch)
            if levels is None:
                continue
            code, tone, case = levels
            primary.append(code)
            tones.append(chr(0x30 + tone))
            cases.append(chr(0x30 + case))
            letters += 1
        if (
            letters >= 2
            and tones[-1] != _NO_TONE
            and tones[-2] == _NO_TONE
            and (primary[-2], primary[-1]) in _GLIDE_ENDINGS
            and not (letters >= 3 and primary[-3] == _Q)  # quý: the u belongs to the qu
        ):
            tones[-2], tones[-1] = tones[-1], _NO_TONE  # the new placement, read as the old
    return "".join(primary) + _LEVEL_SEP + "".join(tones) + _LEVEL_SEP + "".join(cases)


def name_sort_key(full_name: str) -> str:
    """Roster order: given name, then middle names, then family name (DOMAIN.md §6)."""
    parts = split_name(full_name)
    return _PART_SEP.join(
        (collation_key(parts.given), collation_key(parts.middle), collation_key(parts.family))
    )


def vn_number(value: int) -> str:
    """1234567 -> "1.234.567" (Vietnamese groups thousands with a dot)."""
    return f"{value:,}".replace(",", ".")


def size_text(size: int) -> str:
    """A size of a file or a drive's free space as a secretary reads it: KB under a megabyte
    (rounded up, so that a small file is not "0 KB"), MB under a gigabyte, then GB, with one
    decimal and a decimal comma: "850 KB", "42,0 MB", "3,2 GB". A value that rounds up to the
    next unit is said in it ("1,0 MB", never "1.024 KB")."""
    kilobytes = -(-size // 1024)
    if kilobytes < 1024:
        return f"{vn_number(kilobytes)} KB"
    tenths, unit = round(size * 10 / 1024**2), "MB"
    if tenths >= 10240:
        tenths, unit = round(size * 10 / 1024**3), "GB"
    whole, tenth = divmod(tenths, 10)
    return f"{vn_number(whole)},{tenth} {unit}"


RATE_COLUMN = "Tỉ lệ (%)"
"""The heading of a column of shares in percent, in every table printed, shown or exported; its
cells are figures without the sign (:func:`rate_cell`)."""


def one_decimal(value: float) -> float:
    """``value`` rounded to one decimal as people, Excel and the superior body's checks round:
    a half goes up, 6.25 -> 6.3 and 1.25 -> 1.3 (1 member of 16, of 80). Python's ``round``
    and ``format`` round a half to even on the binary value and give 6.2 and 1.2. The value
    is read as its shortest decimal (``repr``), so 2.675, stored as 2.67499…, gives 2.7."""
    return float(Decimal(repr(float(value))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def rate_cell(value: float) -> str:
    """A percentage (0–100) in a column headed :data:`RATE_COLUMN`: as :func:`percent_cell`,
    the sign left to the heading: 10 -> "10,0", 8.24 -> "8,2"."""
    return percent_cell(value).removesuffix("%")


def percent_cell(value: float) -> str:
    """A percentage (0–100) in a column of figures: always one decimal and a decimal comma, so
    that the column reads evenly: 10 -> "10,0%", 8.24 -> "8,2%", 100 -> "100,0%". The rating
    writes every share so, in sentences too; a figure of its rules keeps the shorter
    :func:`~doancoso.core.rating.rules.percent_text` ("10%")."""
    return f"{one_decimal(value):.1f}%".replace(".", ",")


def shares(counts: Sequence[int]) -> list[float]:
    """Each of ``counts`` as a percentage of their sum, to one decimal, each rounded on its own
    with a half up as :func:`one_decimal` rounds (all 0 when the sum is 0): the shares of every
    breakdown the app shows or prints (the statistics' tables and charts, the rating's levels).
    The same count of the same total always reads the same, and each share is its count's own
    rounding, which an officer checking a row can redo: 1 of 16 is 6,3, 5 of 28 is 17,9.

    So rounded, the shares may add to 99,9 or 100,1 (3, 2 and 2 of 7: 42,9 + 28,6 + 28,6), while
    the "Cộng" row says 100,0, the whole: no form of the union asks the shares to add to exactly
    100 (DOMAIN.md), and forcing it gave the same count two shares in one table."""
    total = sum(counts)
    if not total:
        return [0.0 for _ in counts]
    # The tenths of a percent, 1000 * n / total, rounded half up on the exact fraction.
    return [(2000 * n + total) // (2 * total) / 10 for n in counts]
