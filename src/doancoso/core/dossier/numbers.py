"""The numbers of the dossier's own documents ("Số: 12-BC/ĐTN", DOMAIN.md §5).

Every document of the union carries a number line; a document printed without its number gets a
blank one to fill in by hand ("Số:      -BC/ĐTN", :func:`~doancoso.core.documents.blank_number`).
The secretary often has the numbers from the office's register when she builds the dossier, so
each part that prints one document of the Đoàn cơ sở may be given its number::

    numbers = clean_numbers({"bao-cao": "Số: 12-BC/ĐTN", "bang": ""})   # {"bao-cao": "12-BC/ĐTN"}
    missing = unnumbered(["to-trinh", "bao-cao", "bang"], numbers)      # ["bang"]

The tờ trình's number is the dossier's own ``number`` (the page's "Số tờ trình", the command
line's ``--number SỐ``) and is checked apart (a gap). The plan (KH) and the rating's decision
(QĐ) print the numbers stored with them; the minutes (one per meeting, issued by the chi đoàn)
and the members' lists chi đoàn by chi đoàn (one per chi đoàn) are several documents each and
keep their blank lines. Plain values: no Qt, no reportlab, no database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..documents import clean_number
from ..errors import ValidationError
from .check import PARTS

TTR = "to-trinh"


@dataclass(frozen=True)
class NumberedDocument:
    """The one document of a part that takes a number here: its type code and its name."""

    code: str
    name: str


NUMBERED: dict[str, NumberedDocument] = {
    "bao-cao": NumberedDocument("BC", "Báo cáo tự đánh giá"),
    "bang": NumberedDocument("BC", "Bảng tự đánh giá"),
    "ke-hoach": NumberedDocument("BC", "Báo cáo kết quả thực hiện kế hoạch"),
    "hoat-dong": NumberedDocument("DS", "Danh sách hoạt động trong năm"),
    "tham-muu-phoi-hop": NumberedDocument("DS", "Sổ tham mưu, phối hợp"),
    "xep-loai": NumberedDocument("BC", "Báo cáo tổng hợp kết quả xếp loại"),
    "gioi-thieu-dang": NumberedDocument("DS", "Danh sách đoàn viên ưu tú được giới thiệu cho Đảng"),
    "doan-vien": NumberedDocument("DS", "Danh sách đoàn viên"),
    "thanh-nien": NumberedDocument("DS", "Danh sách thanh niên có hoàn cảnh khó khăn"),
    "thanh-nien-dan-toc": NumberedDocument("DS", "Danh sách thanh niên dân tộc thiểu số"),
    "thanh-nien-ton-giao": NumberedDocument("DS", "Danh sách thanh niên có tôn giáo"),
    "chi-doan": NumberedDocument("DS", "Danh sách chi đoàn"),
    "so-thanh-nien": NumberedDocument("DS", "Danh sách thanh niên địa phương"),
    "thong-ke": NumberedDocument("BC", "Thống kê tình hình đoàn viên"),
}
"""The parts, in the dossier's order, whose one document prints a number given here (all but
the tờ trình, numbered apart, and the parts whose numbers are stored or that are several
documents: see the module's doc)."""

UNNUMBERED_INFO = "{count} văn bản chưa có số (sẽ in để trống, ghi tay sau khi in)"
DUPLICATE = "Số {number} đã dùng cho “{other}”."
NOT_NUMBERED = "Phần “{part}” không có số văn bản để nhập ở đây. Các phần có số: {parts}."
NUMBER_FORM = "Số văn bản ghi theo dạng PHẦN=SỐ, ví dụ bao-cao=12-BC/ĐTN (nhận được “{text}”)."


def numbered_parts(parts: Iterable[str]) -> list[str]:
    """The parts among ``parts`` whose document takes a number here, in the order given."""
    return [p for p in parts if p in NUMBERED]


def clean_numbers(numbers: Mapping[str, str | None]) -> dict[str, str]:
    """The numbers as printed: each without its "Số:" label (:func:`clean_number`), the empty
    ones left out (a blank line to fill in by hand)."""
    cleaned = {part: clean_number(n) for part, n in numbers.items()}
    return {part: n for part, n in cleaned.items() if n}


def duplicates(numbers: Mapping[str, str], ttr_number: str | None = None) -> dict[str, str]:
    """Part → message for each number already given to an earlier document of the dossier
    (the tờ trình first): one number is one document in the office's register."""
    seen: dict[str, str] = {}
    if ttr_number and clean_number(ttr_number):
        seen[clean_number(ttr_number).casefold()] = PARTS[TTR]
    found: dict[str, str] = {}
    for part, number in numbers.items():
        key = clean_number(number).casefold()
        if not key:
            continue
        name = NUMBERED[part].name if part in NUMBERED else PARTS.get(part, part)
        if key in seen:
            found[part] = DUPLICATE.format(number=clean_number(number), other=seen[key])
        else:
            seen[key] = name
    return found


def unnumbered(parts: Iterable[str], numbers: Mapping[str, str]) -> list[str]:
    """The chosen parts whose document will print a blank number line."""
    return [p for p in numbered_parts(parts) if not clean_number(numbers.get(p))]


_FIGURE = re.compile(r"\d+")


def last_by_code(numbers: Mapping[str, str]) -> dict[str, str]:
    """Type code → the highest number given to a document of that type (by its figure), for
    the print dialogs' memory to suggest the one after it."""
    last: dict[str, tuple[int, str]] = {}
    for part, number in clean_numbers(numbers).items():
        figure = _FIGURE.search(number)
        if part not in NUMBERED or figure is None:
            continue
        code, value = NUMBERED[part].code, int(figure.group())
        if code not in last or value >= last[code][0]:
            last[code] = (value, number)
    return {code: number for code, (_value, number) in last.items()}


def parse_number_options(values: Iterable[str]) -> tuple[str | None, dict[str, str]]:
    """The command line's ``--number`` values: "15-TTr/ĐTN" (the tờ trình's, as before) or
    "PHẦN=SỐ" ("bao-cao=12-BC/ĐTN", "to-trinh=15-TTr/ĐTN"). Returns the tờ trình's number
    and the others by part; raises ValidationError for a part that takes no number here."""
    ttr: str | None = None
    numbers: dict[str, str] = {}
    for value in values:
        part, sep, number = value.partition("=")
        if not sep:
            ttr = clean_number(value) or None
            continue
        part = part.strip()
        if part == TTR:
            ttr = clean_number(number) or None
        elif part in NUMBERED:
            numbers[part] = clean_number(number)
        elif part in PARTS:
            raise ValidationError({"number": NOT_NUMBERED.format(
                part=part, parts=", ".join([TTR, *NUMBERED]))})  # fmt: skip
        else:
            raise ValidationError({"number": NUMBER_FORM.format(text=value)})
    return ttr, clean_numbers(numbers)
