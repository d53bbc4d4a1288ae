"""What the secretary sets on each printed document (DOMAIN.md §5): its number, the place and
date of its date line, and the recipients ("Nơi nhận"); and the rules they follow.

    details = DocumentDetails(number="16-DS/ĐTN", place="Tân Hưng",
                              issued_on=date(2026, 12, 5),
                              recipients=("Tỉnh đoàn Cà Mau (b/c);", "Lưu VP."))

The GUI's print dialog collects these before the save dialog; the report functions print them
(``reports.document`` lays them out). Plain values: no Qt, no reportlab.

- The number is written without "Số:" ("16-DS/ĐTN"); the frame adds it. Empty: the number line
  is printed blank, to be filled in by hand once the document is signed and entered in the
  office's register ("Số:          -BC/ĐTN", :func:`blank_number`): every document of the
  union carries a number line (DOMAIN.md §5), and the number is often given only on signing.
- The place is the commune without "xã"/"phường" (:func:`place_name`), else the province.
- Recipients are one per line. Printed, each line starts with "- ", every line but the last
  ends with ";" and the last with "."; the list always ends with the issuer's copy, which is
  added when missing (:func:`printed_recipients`): "Lưu VP." of the Đoàn cơ sở (its office),
  "Lưu." of a chi đoàn, which has no office (:func:`branch_recipients`).
- Numbers restart each year from 01 (the office's register of outgoing documents):
  :func:`next_number` suggests the number after the last one used.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .lang.text import nfc
from .organization import OrganizationInfo

SYMBOL = "ĐTN"
"""The issuer's part of a number ("12-BC/ĐTN"): the Đoàn cơ sở's BCH, as the examples of the
guidance and the app's own placeholders write it."""
PLACE_PREFIXES = ("xã ", "phường ", "thị trấn ", "đặc khu ", "thị xã ", "thành phố ")
KEEP_IN_OFFICE = "Lưu VP."
KEEP = "Lưu."
_NUMBER = re.compile(r"^(\D*?)(\d+)(.*)$", re.DOTALL)
_NUMBER_LABEL = re.compile(r"^số\s*:?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class DocumentDetails:
    """The number (without "Số:"; "" for none), place ("" for none), date and recipients of one
    printed document, as the print dialog gives them."""

    number: str
    place: str
    issued_on: date
    recipients: tuple[str, ...]


def place_name(org: OrganizationInfo) -> str:
    """The place written before the date: the commune without "xã"/"phường", else the province
    ("" when the organisation has neither)."""
    place = nfc(org.commune or org.province)
    for prefix in PLACE_PREFIXES:
        if place.lower().startswith(prefix):
            return place[len(prefix) :].strip()
    return place


def place_and_date(place: str, day: date) -> str:
    """Place and date: "Tân Hưng, ngày 26 tháng 11 năm 2026".

    Days under 10 and the months 1 and 2 are written with a leading zero ("ngày 05 tháng 02").
    """
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    dated = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    place = nfc(place)
    return nfc(f"{place}, {dated}" if place else dated)


def clean_number(text: str | None) -> str:
    """A typed number without its "Số:" label: "Số: 15-DS/ĐTN" -> "15-DS/ĐTN"."""
    return _NUMBER_LABEL.sub("", nfc(text)).strip()


def blank_number(code: str) -> str:
    """The number of a document of type ``code`` ("BC", "DS"...) without its digits, to write
    them by hand: "-BC/ĐTN" ("" without a code). The frame prints room before it."""
    code = nfc(code)
    return f"-{code}/{SYMBOL}" if code else ""


def next_number(previous: str) -> str:
    """The number after ``previous``, keeping its form and width: "15-DS/ĐTN" -> "16-DS/ĐTN",
    "09-BC/ĐTN" -> "10-BC/ĐTN"; "" when ``previous`` holds no number."""
    match = _NUMBER.match(clean_number(previous))
    if match is None:
        return ""
    before, digits, after = match.groups()
    return f"{before}{int(digits) + 1:0{len(digits)}d}{after}"


def first_number(previous: str) -> str:
    """The first number of a new year in the form of ``previous``: "15-DS/ĐTN" -> "01-DS/ĐTN"."""
    match = _NUMBER.match(clean_number(previous))
    if match is None:
        return ""
    before, digits, after = match.groups()
    return f"{before}{1:0{max(len(digits), 2)}d}{after}"


def default_recipients(org: OrganizationInfo) -> tuple[str, ...]:
    """The recipients of a document the organisation sends up: its superior body, to report
    ("b/c": báo cáo), and the office's copy."""
    return (f"{nfc(org.superior_name)} (b/c);", KEEP_IN_OFFICE)


def branch_recipients(org: OrganizationInfo) -> tuple[str, ...]:
    """The recipients of a document a chi đoàn issues (its meeting's minutes): the BCH of its
    own Đoàn cơ sở, to report, and the chi đoàn's copy ("Lưu.": a chi đoàn has no office)."""
    name = nfc(org.name)
    if not name.lower().startswith(("bch ", "ban chấp hành ")):
        name = f"BCH {name}"
    return (f"{name} (b/c);", KEEP)


def decision_recipients(org: OrganizationInfo) -> tuple[str, ...]:
    """The recipients of a decision (quyết định): those it names in its article on who carries
    it out ("Như Điều 3"), the superior body to report, the office's copy."""
    return ("Như Điều 3;", *default_recipients(org))


def recipient_lines(text: str) -> tuple[str, ...]:
    """The recipients typed one per line, without the empty lines."""
    return tuple(line for raw in (text or "").splitlines() if (line := nfc(raw)))


def printed_recipients(recipients: Iterable[str], keep: str = KEEP_IN_OFFICE) -> list[str]:
    """The "Nơi nhận" lines as printed: "- " before each, ";" after each but the last, "." after
    the last, which is ``keep`` (the issuer's copy: "Lưu VP.", a chi đoàn's "Lưu.") unless the
    list already ends with a "Lưu" line."""
    lines = [nfc(r).strip().lstrip("-–•").strip().rstrip(";,.").strip() for r in recipients]
    lines = [line for line in lines if line]
    if not lines or not lines[-1].lower().startswith("lưu"):
        lines.append(keep.rstrip("."))
    return [f"- {line}{'.' if i == len(lines) - 1 else ';'}" for i, line in enumerate(lines)]
