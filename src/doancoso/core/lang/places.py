"""Names of places (hamlets: "Ấp Tân Phú", "Khóm 3") and of the chi đoàn named after them: when
two spellings are one place.

A leading place word ("ấp", "khóm", "thôn", "xóm", "khu phố", "KP", "tổ dân phố", "tổ") is left
out of a named place ("Ấp Tân Phú" is "Tân Phú") and kept in a numbered one ("Ấp 3" and "Khóm
3" are two places). Place words are read without their marks ("Ap Tan Phu", typed without
tones), except "tổ": "to" folded is as likely "Tô", a name, so "Tô Châu" is not the tổ of Châu.
A number is written in figures, with or without leading zeros, or in capital Roman numerals ("Ấp
03" and "Ấp III" are "Ấp 3"); the letters of Roman numerals in lower or mixed case are a name
("Ấp Vi").
"""

from __future__ import annotations

import re

from .text import fold, nfc

# The place word before a place's name, folded, then a separator: "ấp Tân Phú", "Khu phố: Bình
# An", "Tổ dân phố 3".
_PLACE_WORD = re.compile(r"(to dan pho|khu pho|ap|khom|thon|xom|kp|to)(?:\s*[.:\-]\s*|\s+)")
_TO = "tổ"
"""The one place word read only with its marks: "to" folded is as likely "Tô", a name."""
_SAME_WORD = {"kp": "khu pho"}
"""Place words written two ways, by their folded spelling."""
# Capital Roman numerals up to 39: enough for places, and "LI" stays a name.
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_LEADING_ZEROS = re.compile(r"(?<!\d)0+(?=\d)")


def _roman_value(numeral: str) -> int:
    values = [_ROMAN_VALUES[letter] for letter in numeral]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def _number(text: str) -> str | None:
    """The number ``text`` is, folded, in figures without leading zeros ("3A" as "3a", "03" and
    "III" as "3"), or None."""
    if any(ch.isdigit() for ch in text):
        return _LEADING_ZEROS.sub("", fold(text))
    if _ROMAN.fullmatch(text):
        return str(_roman_value(text))
    return None


def _split(name: str | None) -> tuple[str | None, str]:
    """(the leading place word folded, or None; the rest as written) of ``name`` in NFC."""
    text = nfc(name)
    folded = fold(text)
    match = _PLACE_WORD.match(folded)
    if match is None or match.end() == len(folded) or len(folded) != len(text):
        return None, text  # (a length apart: letters NFC cannot compose, where no place is)
    word = match.group(1)
    if word == "to" and text[:2].lower() != _TO:
        return None, text
    return _SAME_WORD.get(word, word), text[match.end() :]


def hamlet_key(hamlet: str | None) -> str:
    """Who a place is: its name folded (case, tones, đ/d ignored) without a leading place word,
    so "Tân Phú", "ấp Tân Phú" and "Ap tan phu" are one place; a numbered place keeps its place
    word and has its number in figures ("Ấp 3" and "Ấp III" are one, "Ấp 3" and "Khóm 3" two)."""
    word, rest = _split(hamlet)
    number = _number(rest)
    if number is not None:
        return f"{word} {number}" if word else number
    return fold(rest)


def hamlet_name(hamlet: str) -> str:
    """The place's name as written, without its place word ("Ấp Tân Phú" -> "Tân Phú"; "Ấp 3",
    numbered, and "Tô Châu", a name, as they are)."""
    word, rest = _split(hamlet)
    return nfc(hamlet) if word is None or _number(rest) is not None else rest
