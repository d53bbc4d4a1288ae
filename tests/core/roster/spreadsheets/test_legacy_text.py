"""Legacy Vietnamese encodings (TCVN3/ABC, VNI): real phrases convert, Unicode never does.

The checks run over every Vietnamese syllable built from initials, vowel nuclei, finals and tones
(tones placed where Vietnamese puts them, old and new style), not over a few chosen names.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest

from doancoso.core.lang import legacy
from doancoso.core.lang.legacy import Decoded, Encoding, decode_cell

INITIALS = [
    "",
    "b",
    "c",
    "ch",
    "d",
    "đ",
    "g",
    "gh",
    "gi",
    "h",
    "k",
    "kh",
    "l",
    "m",
    "n",
    "ng",
    "ngh",
    "nh",
    "p",
    "ph",
    "qu",
    "r",
    "s",
    "t",
    "th",
    "tr",
    "v",
    "x",
]
OPEN = [
    "a",
    "ă",
    "â",
    "e",
    "ê",
    "i",
    "o",
    "ô",
    "ơ",
    "u",
    "ư",
    "y",
    "oa",
    "oe",
    "uy",
    "uê",
    "ia",
    "ua",
    "ưa",
    "ai",
    "ao",
    "au",
    "ay",
    "âu",
    "ây",
    "eo",
    "êu",
    "iu",
    "oi",
    "ôi",
    "ơi",
    "ui",
    "ưi",
    "ưu",
    "oai",
    "oay",
    "uôi",
    "ươi",
    "ươu",
    "iêu",
    "yêu",
    "uya",
]
CLOSED = [
    "a",
    "ă",
    "â",
    "e",
    "ê",
    "i",
    "o",
    "ô",
    "ơ",
    "u",
    "ư",
    "y",
    "oa",
    "oă",
    "oe",
    "uy",
    "uê",
    "uâ",
    "iê",
    "uô",
    "ươ",
    "yê",
    "uyê",
]
FINALS = ["c", "ch", "m", "n", "ng", "nh", "p", "t"]
TONES = ["\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]


def _tone_positions(nucleus: str, closed: bool) -> list[int]:
    marked = [i for i, ch in enumerate(nucleus) if ch in "ăâêôơư"]
    if marked:
        return [marked[-1]]
    if nucleus in ("oa", "oe", "uy") and not closed:
        return [0, 1]  # "hoà" (old style) and "hòa" (new style)
    if len(nucleus) == 1:
        return [0]
    if closed:
        return [len(nucleus) - 1]
    return [1] if len(nucleus) == 3 else [0]


def syllables() -> Iterator[str]:
    for initial in INITIALS:
        for closed, nuclei, finals in ((False, OPEN, [""]), (True, CLOSED, FINALS)):
            for nucleus in nuclei:
                if initial == "qu" and nucleus[0] in "uưoôơ":
                    continue
                for final in finals:
                    yield unicodedata.normalize("NFC", initial + nucleus + final)
                    for tone in TONES:
                        if final in ("c", "ch", "p", "t") and tone not in ("\u0301", "\u0323"):
                            continue
                        for pos in _tone_positions(nucleus, closed):
                            word = nucleus[: pos + 1] + tone + nucleus[pos + 1 :]
                            yield unicodedata.normalize("NFC", initial + word + final)


# Encoders (the reverse of the module's charts), to type Unicode text the legacy way.
_TCVN3 = {
    letter: bytes([b]).decode("cp1252", "ignore") or chr(b)
    for b, letter in legacy._TCVN3_BYTES.items()
}


def _marks_key(marks: str) -> str:
    return unicodedata.normalize("NFD", "a" + marks)[1:]


_VNI_LOWER = {_marks_key(v): k for k, v in legacy._VNI_MARKS_LOWER.items()}
_VNI_UPPER = {_marks_key(v): k for k, v in legacy._VNI_MARKS_UPPER.items()}
_VNI_LETTERS = {v: k for k, v in legacy._VNI_LETTERS.items()}
_VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def to_tcvn3(text: str) -> str:
    return "".join(_TCVN3.get(ch, ch) for ch in text)


def to_vni(text: str) -> str:
    out = []
    for ch in text:
        base, marks = unicodedata.normalize("NFD", ch)[0], unicodedata.normalize("NFD", ch)[1:]
        table = _VNI_UPPER if base.isupper() else _VNI_LOWER
        if ch in _VNI_LETTERS:
            out.append(_VNI_LETTERS[ch])
        elif base in "iI" and marks:
            out.append(_VNI_I[marks].upper() if base.isupper() else _VNI_I[marks])
        elif base in "yY" and marks == "\u0323":
            out.append("Î" if base.isupper() else "î")
        elif "\u031b" in marks:
            rest = marks.replace("\u031b", "")
            out.append(
                {"o": "ô", "u": "ö", "O": "Ô", "U": "Ö"}[base] + (table[rest] if rest else "")
            )
        elif marks:
            out.append(base + table[_marks_key(marks)])
        else:
            out.append(ch)
    return "".join(out)


@pytest.mark.parametrize(
    ("legacy_text", "unicode_text", "encoding"),
    [
        ("NguyÔn V¨n An", "Nguyễn Văn An", Encoding.TCVN3),
        ("§oµn TNCS Hå ChÝ Minh", "Đoàn TNCS Hồ Chí Minh", Encoding.TCVN3),
        (
            "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
            "Cộng hoà xã hội chủ nghĩa Việt Nam",
            Encoding.TCVN3,
        ),
        ("Tr\xadêng THPT Phan Ngäc HiÓn", "Trường THPT Phan Ngọc Hiển", Encoding.TCVN3),
        ("Ph¹m ThÞ Quúnh", "Phạm Thị Quỳnh", Encoding.TCVN3),
        ("Êp T©n Th¹nh, x· T©n H\xadng", "ấp Tân Thạnh, xã Tân Hưng", Encoding.TCVN3),
        ("Nguyeãn Vaên An", "Nguyễn Văn An", Encoding.VNI),
        ("Ñoaøn TNCS Hoà Chí Minh", "Đoàn TNCS Hồ Chí Minh", Encoding.VNI),
        ("Leâ Thò Hoàng Yeán", "Lê Thị Hồng Yến", Encoding.VNI),
        ("ÑAËNG VAÊN TUAÁN", "ĐẶNG VĂN TUẤN", Encoding.VNI),
        ("Phaät giaùo", "Phật giáo", Encoding.VNI),
        ("Tröôøng Sôn", "Trường Sơn", Encoding.VNI),
    ],
)
def test_real_phrases_are_converted(
    legacy_text: str, unicode_text: str, encoding: Encoding
) -> None:
    assert decode_cell(legacy_text) == Decoded(unicode_text, encoding)


@pytest.mark.parametrize(
    "text",
    [
        "Nguyễn Văn An",
        "Hoà",
        "Toàn Khoá",
        "HOÀ TOÁN",
        "Bùi Thị Thuý",
        "Hòa Lê Võ Tâm",
        "Kinh",
        "Công giáo",
        "Ấp 3",
        "Số 12/3 đường 30/4",
        "CCCD 086201000123",
        "Ông Ích Khiêm",
        "ÚT",
        "Ý",
    ],
)
def test_unicode_text_is_kept(text: str) -> None:
    assert decode_cell(text) == Decoded(text)


def test_no_unicode_syllable_is_ever_converted() -> None:
    touched = []
    for word in syllables():
        for text in (word, word.capitalize(), word.upper(), f"Ông {word.capitalize()} Văn"):
            decoded = decode_cell(text)
            if decoded.text != text or decoded.unsure:
                touched.append((text, decoded))
    assert touched == []


def test_encoded_syllables_are_never_converted_wrongly_given_the_sheet_encoding() -> None:
    """Each syllable typed in TCVN3 or VNI comes back right, or is left alone (unsure): the
    handful of exceptions are spellings that do not occur in Vietnamese ("giỉ", "giuỷa")."""
    wrong: dict[Encoding, list[tuple[str, str]]] = {Encoding.TCVN3: [], Encoding.VNI: []}
    right = dict.fromkeys(wrong, 0)
    for word in syllables():
        if word.isascii():
            continue
        text = f"Nguyễn {word} An"
        for encoding, encoded in ((Encoding.TCVN3, to_tcvn3(text)), (Encoding.VNI, to_vni(text))):
            decoded = decode_cell(encoded, encoding)
            if decoded.text == text:
                right[encoding] += 1
            elif not decoded.unsure and decoded.text != encoded:
                wrong[encoding].append((text, decoded.text))
    assert right[Encoding.TCVN3] > 25_000 and right[Encoding.VNI] > 25_000
    assert all(" gi" in text for text, _ in wrong[Encoding.TCVN3] + wrong[Encoding.VNI]), wrong
    assert len(wrong[Encoding.TCVN3]) + len(wrong[Encoding.VNI]) <= 10


def test_the_sheet_encoding_settles_ambiguous_cells() -> None:
    # VNI "của" or TCVN3 "cuỷa": alone, the VNI pair "uû" is the stronger evidence.
    assert decode_cell("cuûa") == Decoded("của", Encoding.VNI)
    assert decode_cell("cuûa", Encoding.VNI) == Decoded("của", Encoding.VNI)
    assert decode_cell("cuûa", Encoding.TCVN3) == Decoded("cuỷa", Encoding.TCVN3)
