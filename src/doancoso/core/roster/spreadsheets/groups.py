"""Group headings of a list grouped by chi đoàn, and the chi đoàn each heading names.

Secretaries' lists are often one sheet grouped by chi đoàn: a heading row ("I. CHI ĐOÀN ẤP 1",
"Chi đoàn Ấp Tân Hòa", "2. Chi đoàn thôn Đông"), merged across the row or written in the STT or
the name column, then its members, then the next heading.

A row is a heading when it holds one text, or a mark in the STT column ("I", "A", "2") and one
text, maybe followed by the group's count ("25", "25 ĐV", "25 đoàn viên", "(25)": a number of
three digits at most, never a birth year, a date or a CCCD, which are a person's), and that text
reads as a heading, not as a person (a person's row without its birth date must still be
rejected as one, "Thiếu ngày sinh."):

- it is numbered as a section ("I. …", "2. …", "A- …"), or its mark is a Roman numeral or a
  letter (a person's STT is a number);
- or it names a chi đoàn ("Chi đoàn Ấp Tân Hòa"), a place ("Ấp 1", "Tổ 3", "Khóm Tân Phú") or
  a list ("Danh sách đoàn viên …"): words no person is named with. The name after "chi đoàn"
  or the place word holds a capitalised word or a number: "Chi đoàn" alone, "Tổ dân phố" or
  "Ấp khu phố" are a column's header (of a header on two rows), not a heading. Typed all in
  lower case without tones ("chi doan ap tan hoa", "ap tan hoa"), the name is a few plain
  words not beginning with a word of a header or of a note's phrase ("ap dung cho doan vien",
  "áp dụng …", is a note).

Which chi đoàn a heading gives (:func:`heading_branch`): only a heading that names one, that is
contains the words "chi đoàn" (any case, with or without tones) followed by a name, gives its
members that chi đoàn: the name after those words, without the numbering, NFC, its spaces
collapsed ("I. CHI ĐOÀN ẤP 1" gives "ẤP 1"). Any other heading ("II. ĐOÀN VIÊN ĐI LÀM ĂN XA",
"Tổ 3", "Danh sách đoàn viên") gives none and ends the group above it: the members under it are
not of the chi đoàn named before, and a word like "Tổ 3" or "Ấp 1" alone may name a part of a
chi đoàn as well as one, so no chi đoàn is invented from it. A member's own "Chi đoàn" cell
always wins over its heading (:meth:`~.rows.RowParser.take_heading`).

A youth list is read alike, its headings giving the young people their hamlet instead
(:func:`heading_hamlet`: "I. ẤP TÂN HÒA", "Tổ 3"), matched as the "Ấp/khu phố" column's value.
"""

from __future__ import annotations

import re

from ...lang.text import fold, nfc, vn_number

# A section's numbering before its title: "I.", "IV)", "2.", or "A-", "b:" with a letter after
# it (so that "1-2" or "12-2026" is none).
_NUMBERED = re.compile(
    r"^(?:[ivxlc]{1,6}|[a-z]|\d{1,2})\s*(?:[.)]\s*(?=\S)|[\-–:]\s*(?=[^\W\d_]))", re.IGNORECASE
)
# A mark alone in the STT column of a heading row: "I", "II.", "A", "2".
_MARK = re.compile(r"^(?:[ivxlc]{1,6}|[a-z]|\d{1,2})\s*[.)]?$", re.IGNORECASE)
_LETTER_MARK = re.compile(r"^(?:[ivxlc]{1,6}|[a-z])\s*[.)]?$", re.IGNORECASE)
_CHI_DOAN = re.compile(r"\bchi doan\b")
_NAMED_CHI_DOAN = re.compile(r"\bchi doan\b\s*[.:\-–]?\s*(?=[^\W_])")  # not "Chi đoàn" alone
_LIST = re.compile(r"^danh sach\s+\S")
# A place word and a name or number after it, folded: "Ấp 1", "Khu phố: Bình An", "Tổ 3" ("tổ"
# only with its marks: "Tô Châu" is a person, as :mod:`doancoso.core.lang.places` reads it).
_PLACE = re.compile(r"^(to dan pho|khu pho|ap|khom|thon|xom|kp|to)(?:\s*[.:\-]\s*|\s+)(?=\S)")
_SEPARATORS = " .:-–"
# A name typed in lower case without tones: four words at most ("chi doan ap binh thanh dong"),
# so that a sentence of a note is none.
_TONELESS_NAME = re.compile(r"^[a-z]+(?: [a-z0-9]+){0,3}$")
# Words, folded, that begin no place's name: the place words and the other words of a column's
# header ("Ấp khu phố", "Tổ dân phố", "Chi đoàn sinh hoạt"), and the words that make a place
# word a phrase of a note ("áp dụng", "áp lực", "áp đặt", "khom lưng", "thon thả").
_NOT_A_NAME = frozenset({
    "ap", "khom", "thon", "xom", "kp", "to", "khu", "pho", "dan", "sinh", "chi", "doan",
    "dung", "luc", "dat", "sat", "tai", "thap", "suat", "giai", "che", "lung", "tha",
})  # fmt: skip
# A group's count beside its heading, folded: "25", "25 ĐV", "25 đoàn viên", "(25)", "(12 đ/v)";
# three digits at most, so that a birth year or a CCCD is none.
_COUNT = re.compile(r"^\(?\s*\d{1,3}\s*(?:dv|d/v|doan vien|tn|thanh nien|nguoi)?\s*\)?\.?$")


def _clean(text: str) -> str:
    """NFC, spaces collapsed."""
    return " ".join(nfc(text).split())


def _unnumbered(text: str) -> str:
    """``text`` without its section numbering ("I. CHI ĐOÀN ẤP 1" -> "CHI ĐOÀN ẤP 1")."""
    match = _NUMBERED.match(text)
    return text[match.end() :] if match else text


def _proper(name: str) -> bool:
    """Whether a name holds a capitalised word or a number, as a place or a chi đoàn is named
    ("Tân Hòa", "1", "ấp Bào Sen"), or is one typed in lower case without tones
    (:func:`_toneless_name`); "khu phố", "dân phố", "sinh hoạt" (the words of a column's header:
    "Ấp khu phố", "Tổ dân phố", "Chi đoàn sinh hoạt") name none."""
    words = name.split()
    return any(w[:1].isupper() or w[:1].isdigit() for w in words) or _toneless_name(name)


def _toneless_name(name: str) -> bool:
    """Whether a name typed all in lower case without tones, by a secretary without a
    Vietnamese keyboard, reads as a place's or a chi đoàn's ("tan hoa", "ap tan hoa"): a few
    words of plain letters, the first (after a place word) no word a column's header or a
    phrase is made of ("khu pho", "sinh hoat"; "ap dung", "khom lung" in a note)."""
    if not _TONELESS_NAME.match(name):
        return False
    place = _PLACE.match(name)  # "ap tan hoa" after "chi doan": the place's own name
    if place is not None and place.group(1) != "to":
        name = name[place.end() :]
    return name.split()[0] not in _NOT_A_NAME


def _after(text: str, folded: str, end: int) -> str:
    """``text`` after the position ``end`` of its ``folded`` form (the folded rest where the
    two differ in length: letters NFC cannot compose)."""
    return text[end:] if len(folded) == len(text) else folded[end:]


def _names_place(text: str) -> bool:
    """Whether ``text`` begins with a place word and a proper name or number ("Ấp 1", "Tổ 3",
    "ấp Tân Hòa")."""
    folded = fold(text)
    match = _PLACE.match(folded)
    if match is None or (match.group(1) == "to" and text[:2].lower() != "tổ"):
        return False
    return _proper(_after(text, folded, match.end()))


def group_heading(texts: list[str]) -> str | None:
    """The heading a row is, from the texts of its non-empty cells (NFC, in column order), or
    None when the row is no heading: see the module docstring. A mark in the STT column is put
    before the title as its numbering ("I" and "CHI ĐOÀN ẤP 1" read "I. CHI ĐOÀN ẤP 1"); the
    group's count after the title ("25", "25 đoàn viên", "(25)") is left out of it."""
    while len(texts) > 1 and _COUNT.match(fold(texts[-1])):
        texts = texts[:-1]
    if len(texts) == 2 and _MARK.match(texts[0]):
        mark, title = texts[0].rstrip(".)").strip(), _clean(texts[1])
        if _LETTER_MARK.match(texts[0]) or _reads_as_heading(title):
            return f"{mark}. {title}"
        return None
    if len(texts) != 1:
        return None
    text = _clean(texts[0])
    if _NUMBERED.match(text) or _reads_as_heading(text):
        return text
    return None


def _reads_as_heading(text: str) -> bool:
    """Whether an unnumbered text names a chi đoàn, a place or a list: no person."""
    folded = fold(text)
    if _LIST.match(folded):
        return True
    match = _NAMED_CHI_DOAN.search(folded)
    if match is not None and _proper(_after(text, folded, match.end())):
        return True
    return _names_place(text)


def heading_branch(heading: str) -> str | None:
    """The chi đoàn a group heading names, or None: the name after the words "chi đoàn",
    without the numbering, NFC, its spaces collapsed ("2. Chi đoàn thôn Đông" -> "thôn Đông")."""
    text = _unnumbered(_clean(heading))
    folded = fold(text)
    match = _CHI_DOAN.search(folded)
    if match is None or len(folded) != len(text):  # (letters NFC cannot compose: no chi đoàn)
        return None
    name = text[match.end() :].strip(_SEPARATORS)
    return name or None


def heading_hamlet(heading: str) -> str | None:
    """The hamlet a group heading of a youth list names, or None: a place word and its name or
    number, after the numbering and after the words "chi đoàn" of a chi đoàn named after its
    hamlet ("I. ẤP TÂN HÒA" -> "ẤP TÂN HÒA", "Chi đoàn Ấp 1" -> "Ấp 1"); any other heading
    ("II. THANH NIÊN ĐI LÀM ĂN XA", "Chi đoàn Tân Hòa") ends the group."""
    text = _unnumbered(_clean(heading))
    place = heading_branch(text) or text
    return place if _names_place(place) else None


def from_headings_text(count: int, who: str, what: str) -> str:
    """The line saying how many rows take ``what`` ("chi đoàn") from the group heading above
    them (:meth:`~.preview.ImportPreview.from_headings`), for the import wizard and ``members
    import``: "3 đoàn viên lấy chi đoàn theo dòng tiêu đề nhóm phía trên (dòng không ghi chi
    đoàn riêng)."; "" when none do."""
    if not count:
        return ""
    return (
        f"{vn_number(count)} {who} lấy {what} theo dòng tiêu đề nhóm phía trên (dòng không ghi "
        f"{what} riêng)."
    )
