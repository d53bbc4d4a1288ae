"""Text typed in the legacy Vietnamese font encodings, found in old rosters (DOMAIN.md §6).

Before Unicode, Vietnamese was typed with 8-bit fonts: **TCVN3** (ABC, fonts ".VnTime", one byte
per accented letter) and **VNI** (fonts "VNI-Times", a base letter followed by a mark byte).
Excel stores those bytes as the Windows-1252 characters they happen to share, so a name reads
"NguyÔn V¨n An" (TCVN3) or "Nguyeãn Vaên An" (VNI). No Python codec exists; the two charts are
written out below.

Detection is conservative, because many TCVN3/VNI characters are also ordinary Vietnamese
letters in Unicode (ò, á, ô, Ê...): a cell is converted only when it holds nothing beyond
Latin-1, shows evidence of a legacy encoding (characters or pairs that Vietnamese Unicode never
uses), and the converted text is made of plausible Vietnamese syllables. Evidence without a
plausible conversion is reported as "unsure" and the text is kept as it was.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

# TCVN3 (TCVN 5712:1993, VN3 as used by the ABC keyboard and ".Vn" fonts): byte -> letter.
# Capitals with tones have no code of their own (".VnTimeH" fonts draw the lower-case codes as
# capitals), so text in those fonts comes back in lower case; names are re-cased anyway.
_TCVN3_BYTES: dict[int, str] = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}  # fmt: skip

# VNI Windows: a vowel followed by a mark byte, plus a few letters of their own.
_VNI_MARKS_LOWER = {
    "ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",
    "â": "\u0302", "á": "\u0302\u0301", "à": "\u0302\u0300", "å": "\u0302\u0309",
    "ã": "\u0302\u0303", "ä": "\u0302\u0323",
    "ê": "\u0306", "é": "\u0306\u0301", "è": "\u0306\u0300", "ú": "\u0306\u0309",
    "ü": "\u0306\u0303", "ë": "\u0306\u0323",
}  # fmt: skip
_VNI_MARKS_UPPER = {
    "Ù": "\u0301", "Ø": "\u0300", "Û": "\u0309", "Õ": "\u0303", "Ï": "\u0323",
    "Â": "\u0302", "Á": "\u0302\u0301", "À": "\u0302\u0300", "Å": "\u0302\u0309",
    "Ã": "\u0302\u0303", "Ä": "\u0302\u0323",
    "Ê": "\u0306", "É": "\u0306\u0301", "È": "\u0306\u0300", "Ú": "\u0306\u0309",
    "Ü": "\u0306\u0303", "Ë": "\u0306\u0323",
}  # fmt: skip
_TONE_ONLY = {"\u0301", "\u0300", "\u0309", "\u0303", "\u0323"}
# Letters of their own; "ô"/"ö" are ơ/ư and take tone marks after them like a vowel.
_VNI_LETTERS = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
    "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ",
}  # fmt: skip


def _cp1252(byte: int) -> set[str]:
    """The characters a legacy byte shows up as: Windows-1252, or Latin-1 where 1252 has a hole."""
    shown = {chr(byte)}
    with contextlib.suppress(UnicodeDecodeError):
        shown.add(bytes([byte]).decode("cp1252"))
    return shown


_TCVN3: dict[str, str] = {ch: letter for b, letter in _TCVN3_BYTES.items() for ch in _cp1252(b)}

# Latin-1 letters that Vietnamese Unicode text itself uses: never evidence of anything.
_VIET_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
_TCVN3_EVIDENCE = set(_TCVN3) - _VIET_LATIN1
_VNI_EVIDENCE = (set(_VNI_MARKS_LOWER) | set(_VNI_MARKS_UPPER) | set(_VNI_LETTERS)) - _VIET_LATIN1
# Vowel + mark pairs of VNI. "oà", "oá", "oã" are left out: Unicode with the old tone placement
# ("Hoà", "Toàn", "Khoá") writes exactly those.
# A mark has the case of its vowel ("aø", "AØ"), which tells VNI from TCVN3's "yÕu" (yếu).
_VNI_PAIR = re.compile(
    "a[ùøûõïâáàåãäêéèúüë]|A[ÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]"
    "|e[ùøûõïâáàåãä]|E[ÙØÛÕÏÂÁÀÅÃÄ]|o[ùøûõïâåä]|O[ÙØÛÕÏÂÅÄ]"
    "|[uyôö][ùøûõï]|[UYÔÖ][ÙØÛÕÏ]"
)
_VNI_BASES = set("aeouyAEOUYôöÔÖ")
_MID_WORD_CAPITAL = re.compile("[a-z][ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ]")
_WORD = re.compile(r"[^\W\d_]+")
_VOWELS = set("aeiouy")
_QU = re.compile("qu[aeiouy]")


class Encoding(Enum):
    UNICODE = "unicode"
    TCVN3 = "tcvn3"
    VNI = "vni"


@dataclass(frozen=True)
class Decoded:
    """The text of one cell after detection. ``unsure``: looks legacy, left unconverted."""

    text: str
    encoding: Encoding = Encoding.UNICODE
    unsure: bool = False


def tcvn3_to_unicode(text: str) -> str:
    return unicodedata.normalize("NFC", "".join(_TCVN3.get(ch, ch) for ch in text))


def vni_to_unicode(text: str) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        base = _VNI_LETTERS.get(ch, ch)
        nxt = text[i + 1] if i + 1 < n else ""
        if ch in _VNI_BASES:
            marks = _VNI_MARKS_LOWER.get(nxt) or _VNI_MARKS_UPPER.get(nxt)
            allowed = _allowed_marks(ch)
            if marks and nxt in allowed:
                out.append(base + marks)
                i += 2
                continue
        out.append(base)
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def _allowed_marks(base: str) -> str:
    lower = base.lower()
    if lower == "a":
        marks = "ùøûõïâáàåãäêéèúüë"
    elif lower in "eo":
        marks = "ùøûõïâáàåãä"
    elif lower in "uyôö":
        marks = "ùøûõï"
    else:
        return ""
    return marks.upper() if base.isupper() else marks


def plausible_vietnamese(text: str) -> bool:
    """Every word looks like a Vietnamese syllable: one tone at most, at most three vowels,
    only Vietnamese letters, no capital after a small letter; at least one real word."""
    words = _WORD.findall(text)
    if not words:
        return False
    for word in words:
        decomposed = unicodedata.normalize("NFD", word)
        tones = sum(1 for ch in decomposed if ch in _TONE_ONLY)
        if tones > 1:
            return False
        letters = [ch for ch in decomposed if not unicodedata.combining(ch)]
        for ch in letters:
            if not ("a" <= ch.lower() <= "z" or ch in "đĐ"):
                return False
        lower = "".join(letters).lower()
        if "q" in lower and not _QU.search(lower):
            return False  # q is always "qu" + a vowel
        if lower.startswith("gi") and len(lower) > 2 and lower[2] in _VOWELS:
            lower = "g" + lower[2:]  # the i of "gi" is part of the consonant ("giường")
        vowels = sum(1 for ch in lower if ch in _VOWELS)
        if vowels > 3:
            return False
        for prev, cur in zip(letters, letters[1:], strict=False):
            if prev.islower() and cur.isupper():
                return False
            if prev.lower() == cur.lower() and prev.lower() in "aeiuy":
                return False  # "aa", "ee"...: a VNI mark read as a letter, or the reverse
    return True


def decode_cell(text: str, prefer: Encoding | None = None) -> Decoded:
    """Detect TCVN3 or VNI in one cell's text and convert it; Unicode text is returned as is.

    When both readings are plausible and equally supported, ``prefer`` (the encoding the rest of
    the sheet was found in) decides; without it the cell is reported unsure.
    """
    if text.isascii() or any(ord(ch) > 0xFF and ch not in _CP1252_EXTRA for ch in text):
        return Decoded(text)  # plain ASCII, or real Unicode Vietnamese (ă, ơ, ư, đ, ạ...)
    tcvn3_evidence = any(ch in _TCVN3_EVIDENCE for ch in text) or bool(
        _MID_WORD_CAPITAL.search(text)
    )
    vni_evidence = any(ch in _VNI_EVIDENCE for ch in text) or bool(_VNI_PAIR.search(text))
    if not (tcvn3_evidence or vni_evidence):
        return Decoded(text)
    candidates: list[tuple[int, Decoded]] = []
    if tcvn3_evidence:
        converted = tcvn3_to_unicode(text)
        if converted != text and plausible_vietnamese(converted):
            weight = sum(1 for ch in text if ch in _TCVN3_EVIDENCE)
            candidates.append((weight, Decoded(converted, Encoding.TCVN3)))
    if vni_evidence:
        converted = vni_to_unicode(text)
        if converted != text and plausible_vietnamese(converted):
            weight = sum(1 for ch in text if ch in _VNI_EVIDENCE) + len(_VNI_PAIR.findall(text))
            candidates.append((weight, Decoded(converted, Encoding.VNI)))
    if prefer is not None and len(candidates) == 2:
        return next(d for _, d in candidates if d.encoding is prefer)
    candidates.sort(key=lambda item: -item[0])
    if len(candidates) == 1 or (len(candidates) == 2 and candidates[0][0] > candidates[1][0]):
        return candidates[0][1]
    return Decoded(text, unsure=True)


# Characters of Windows-1252 above U+00FF (its 0x80-0x9F row): legacy text can hold them.
_CP1252_EXTRA = {bytes([b]).decode("cp1252", "ignore") for b in range(0x80, 0xA0)} - {""}
