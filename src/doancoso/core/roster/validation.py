"""Validation of a member as typed in the form or given on the command line.

:func:`parse_member` turns raw text fields into a :class:`MemberFields` or raises a
:class:`ValidationError` whose ``field_errors`` name each field with its Vietnamese message,
so the form can show every problem next to its field at once.

The date of admission (ngày vào Đoàn) is a fact of the member's record, and the record keeps
history: the age rule of today (from 15 years and 1 day to 30) refuses an admission dated under
today's rules (:data:`~.rules.ADMISSION_RULES_SINCE`), in the form as on the command line and
in the import. An older admission outside those ages (admitted at 15 by the rules of the time)
is kept: :meth:`~.service.MemberService.warnings` (and the import, with the same words) names
the rule and the date (:func:`~.rules.admission_history_message`). An admission before the
birth date or after today is refused whatever its date.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date

from ..errors import ValidationError
from ..lang.dates import DAY, DateFormatError, format_vn_date, parse_vn_date, short_year_message
from ..lang.text import name_case, nfc, nfc_multiline_or_none, nfc_or_none
from ..storage.lengths import LONGEST_FULL_NAME as LONGEST_FULL_NAME  # every write holds it
from .rules import MEMBER_CODE_DIGITS, admission_age_error, party_age_error, too_young_message
from .vocab import BOOK_STATUSES, GENDERS, STATUSES, choice_code, position_of

_PHONE_SEPARATORS = re.compile(r"[\s.\-()]")
_DIGITS = re.compile(r"^[0-9]+$")
# One "@", something before it, a dot in the domain, no spaces: what a form can check of an
# address without sending mail to it.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")

FIRST_BIRTH_YEAR = 1900
"""The earliest birth year taken (a member's, a parent's): an earlier one is a year mistyped."""


def birth_year_refused(year: int, today: date) -> str:
    """What a birth year out of :data:`FIRST_BIRTH_YEAR` to this year is told: the years taken,
    not a bare "không hợp lý" nor "4 chữ số" for a year that has them ("1850")."""
    return f"Năm sinh {year} không hợp lý: chỉ nhận các năm {FIRST_BIRTH_YEAR}–{today.year}."


def full_name_error(full_name: str) -> str | None:
    """What is wrong with ``full_name`` (already NFC), or None: empty, too long (said before
    the digits a pasted paragraph usually holds), or holding digits. The member form's and the
    youth register's rule."""
    if not full_name:
        return "Cần nhập họ và tên."
    if message := full_name_too_long(full_name):
        return message
    if any(ch.isdigit() for ch in full_name):
        return "Họ và tên không được chứa chữ số."
    return None


def full_name_too_long(full_name: str) -> str | None:
    """The message for a full name over :data:`LONGEST_FULL_NAME` characters, its length said;
    None when it fits. The imports reject a row with it."""
    if len(full_name) <= LONGEST_FULL_NAME:
        return None
    return (
        f"Họ và tên dài {len(full_name)} ký tự, quá {LONGEST_FULL_NAME} ký tự cho phép: hãy "
        "kiểm tra lại, có thể đã dán nhầm cả một đoạn văn."
    )


@dataclass(frozen=True)
class MemberFields:
    """Everything the member form edits, already validated and normalised (NFC)."""

    full_name: str
    birth_date: date
    birth_precision: str = DAY
    other_name: str | None = None
    gender: str | None = None
    branch_id: str | None = None
    position: str | None = None
    status: str = "active"
    hometown: str | None = None
    address_hamlet: str | None = None
    address_commune: str | None = None
    address_province: str | None = None
    ethnicity: str | None = None
    religion: str | None = None
    national_id: str | None = None
    phone: str | None = None
    occupation: str | None = None
    education: str | None = None
    qualification: str | None = None
    political_theory: str | None = None
    foreign_language: str | None = None
    admission_date: date | None = None
    admission_place: str | None = None
    card_number: str | None = None
    book_number: str | None = None
    book_status: str | None = None
    party_date: date | None = None
    father_name: str | None = None
    father_birth_year: int | None = None
    father_occupation: str | None = None
    mother_name: str | None = None
    mother_birth_year: int | None = None
    mother_occupation: str | None = None
    notes: str | None = None
    # Fields of the union's member template (migration 0006).
    member_code: str | None = None
    email: str | None = None
    national_id_date: date | None = None
    national_id_place: str | None = None
    computer_skills: str | None = None
    admission_decision: str | None = None
    association: str | None = None


MEMBER_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(MemberFields))
_DATE_FIELDS = ("admission_date", "party_date", "national_id_date")
_YEAR_FIELDS = ("father_birth_year", "mother_birth_year")
_CHOICE_FIELDS = {"gender": GENDERS, "status": STATUSES, "book_status": BOOK_STATUSES}
_CHOICE_NAMES = {
    "gender": "Giới tính",
    "status": "Trạng thái",
    "book_status": "Tình trạng sổ đoàn viên",
}
_SPECIAL = {"full_name", "birth_date", "birth_precision", "national_id", "phone", "notes",
            "member_code", "email"}  # fmt: skip
_SPECIAL |= set(_DATE_FIELDS) | set(_YEAR_FIELDS) | set(_CHOICE_FIELDS)
_TEXT_FIELDS = tuple(name for name in MEMBER_FIELD_NAMES if name not in _SPECIAL)


def plain_digits(text: str) -> str:
    """``text`` with the digits of other scripts (full-width "０９１", pasted from a web page or
    a PDF) as plain 0–9: a CCCD, a phone, a code is stored, searched and compared in those."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def clean_identifier(raw: str | None) -> str:
    """A CCCD or a member code as stored: NFC, plain digits, no spaces (the form, the import
    and the check that no other member has it clean it alike)."""
    return plain_digits(nfc(raw)).replace(" ", "")


def normalize_phone(raw: str) -> str | None:
    """Digits of a plausible Vietnamese phone number (0 + 9–10 digits), else None.

    "+84 912 345 678" and "0912.345.678" both give "0912345678".
    """
    digits = _PHONE_SEPARATORS.sub("", plain_digits(raw))
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    if _DIGITS.match(digits) and digits.startswith("0") and 10 <= len(digits) <= 11:
        return digits
    return None


def check_national_id(raw: str) -> str | None:
    """An error message for a malformed CCCD/CMND, or None when it is 12 (or 9) digits."""
    value = clean_identifier(raw)
    if not _DIGITS.match(value) or len(value) not in (9, 12):
        return "Số CCCD phải gồm đúng 12 chữ số (CMND cũ: 9 chữ số)."
    return None


def unknown_choice(what: str, raw: str, choices: Iterable[str], more: str = "") -> str:
    """The message for a value given (typed, or on the command line) that is none of
    ``choices``: what was given, in NFC, then what may be given (``more``: choices outside the
    list, such as ", hoặc “tất cả”"). ``what`` names the field: "Giới tính"."""
    return f"{what} “{nfc(raw)}” không có; chọn một trong: {', '.join(choices)}{more}."


def check_member_code(raw: str) -> str | None:
    """An error message for a malformed member code (mã định danh đoàn viên), or None when it
    is :data:`~.rules.MEMBER_CODE_DIGITS` digits (spaces aside)."""
    value = clean_identifier(raw)
    if not _DIGITS.match(value) or len(value) != MEMBER_CODE_DIGITS:
        return f"Mã định danh đoàn viên phải gồm đúng {MEMBER_CODE_DIGITS} chữ số."
    return None


def check_email(raw: str) -> str | None:
    """An error message for an e-mail address that cannot be one, or None."""
    if not _EMAIL.match(raw):
        return "Địa chỉ email không hợp lệ (ví dụ: nguyenvanan@gmail.com)."
    return None


def _parse_date(raw: str, errors: dict[str, str], name: str) -> date | None:
    if not raw:
        return None
    try:
        return parse_vn_date(raw)[0]
    except DateFormatError as exc:
        errors[name] = str(exc)
        return None


def _parse_birth(raw: str, today: date, errors: dict[str, str]) -> tuple[date | None, str]:
    if not raw:
        errors["birth_date"] = "Cần nhập ngày sinh."
        return None, DAY
    try:
        birth, precision = parse_vn_date(raw, allow_year=True)
    except DateFormatError as exc:
        errors["birth_date"] = str(exc)
        return None, DAY
    if birth > today:
        errors["birth_date"] = "Ngày sinh không thể sau ngày hôm nay."
    elif birth.year < FIRST_BIRTH_YEAR:
        errors["birth_date"] = birth_year_refused(birth.year, today)
    return birth, precision


def _check_admission(
    birth: date | None, precision: str, admitted: date | None, today: date, errors: dict[str, str]
) -> None:
    """Today's ages for an admission under today's rules; an older one is history (see the
    module docstring), refused only before the birth date."""
    if admitted is None:
        return
    if admitted > today:
        errors["admission_date"] = "Ngày vào Đoàn không thể sau ngày hôm nay."
        return
    if birth is None:
        return
    if (admitted < birth) if precision == DAY else (admitted.year < birth.year):
        errors["admission_date"] = "Ngày vào Đoàn không thể trước ngày sinh."
        return
    message = admission_age_error(birth, precision, admitted)
    if message:
        errors["admission_date"] = message


def _check_issue_date(
    birth: date | None, precision: str, issued: date | None, today: date, errors: dict[str, str]
) -> None:
    if issued is None:
        return
    if issued > today:
        errors["national_id_date"] = "Ngày cấp CCCD không thể sau ngày hôm nay."
    elif birth is not None and ((issued < birth) if precision == DAY else issued.year < birth.year):
        errors["national_id_date"] = "Ngày cấp CCCD không thể trước ngày sinh."


def _check_party(
    birth: date | None, precision: str, joined: date | None, today: date, errors: dict[str, str]
) -> None:
    if joined is None:
        return
    if joined > today:
        errors["party_date"] = "Ngày vào Đảng không thể sau ngày hôm nay."
    elif birth is not None:
        message = party_age_error(birth, precision, joined)
        if message:
            errors["party_date"] = message


def parse_member(raw: Mapping[str, str], today: date | None = None) -> MemberFields:
    """Validate the raw text of a member form; every problem is reported at once.

    Keys are the names of :class:`MemberFields`; missing keys count as empty. Checks that need
    the database (CCCD unique in the organisation, branch exists) are done by the roster.
    """
    today = today or date.today()
    text = {name: nfc(raw.get(name, "")) for name in MEMBER_FIELD_NAMES}
    errors: dict[str, str] = {}

    full_name = name_case(text["full_name"])
    if name_error := full_name_error(full_name):
        errors["full_name"] = name_error
    birth, precision = _parse_birth(text["birth_date"], today, errors)
    if birth is not None and "birth_date" not in errors:
        too_young = too_young_message(birth, precision, today)  # the import's rule and words
        if too_young is not None:
            errors["birth_date"] = too_young

    values: dict[str, object] = {name: nfc_or_none(text[name]) for name in _TEXT_FIELDS}
    values["notes"] = nfc_multiline_or_none(raw.get("notes"))  # keeps its line breaks
    if values["position"]:
        values["position"] = position_of(str(values["position"]))  # as the import stores it
    for name in _DATE_FIELDS:
        values[name] = _parse_date(text[name], errors, name)
    _check_admission(birth, precision, values["admission_date"], today, errors)  # type: ignore[arg-type]
    _check_party(birth, precision, values["party_date"], today, errors)  # type: ignore[arg-type]
    _check_issue_date(birth, precision, values["national_id_date"], today, errors)  # type: ignore[arg-type]
    for name in _YEAR_FIELDS:
        values[name] = None
        year = plain_digits(text[name])
        if year:
            if _DIGITS.match(year) and FIRST_BIRTH_YEAR <= int(year) <= today.year:
                values[name] = int(year)
            elif _DIGITS.match(year) and len(year) == 4:
                errors[name] = birth_year_refused(int(year), today)
            else:  # "82": the example from what was typed, as a birth year alone is told
                short = short_year_message(year, allow_year=True, today=today)
                errors[name] = short or "Năm sinh phải là số có 4 chữ số, ví dụ 1975."
    for name, vocabulary in _CHOICE_FIELDS.items():
        values[name] = choice_code(vocabulary, text[name]) if text[name] else None
        if text[name] and values[name] is None:
            errors[name] = unknown_choice(_CHOICE_NAMES[name], text[name], vocabulary.values())
    values["status"] = values["status"] or "active"

    values["national_id"] = None
    if text["national_id"]:
        message = check_national_id(text["national_id"])
        if message:
            errors["national_id"] = message
        else:
            values["national_id"] = clean_identifier(text["national_id"])
    values["member_code"] = None
    if text["member_code"]:
        message = check_member_code(text["member_code"])
        if message:
            errors["member_code"] = message
        else:
            values["member_code"] = clean_identifier(text["member_code"])
    values["email"] = None
    if text["email"]:
        message = check_email(text["email"])
        if message:
            errors["email"] = message
        else:
            values["email"] = text["email"]
    values["phone"] = None
    if text["phone"]:
        values["phone"] = normalize_phone(text["phone"])
        if values["phone"] is None:
            errors["phone"] = (
                "Số điện thoại không hợp lệ (10 chữ số, bắt đầu bằng 0, ví dụ 0912345678)."
            )

    if errors:
        raise ValidationError(errors)
    assert birth is not None
    return MemberFields(full_name=full_name, birth_date=birth, birth_precision=precision, **values)  # type: ignore[arg-type]


def form_texts(member: MemberFields) -> dict[str, str]:
    """A member's saved values as the member form shows them and ``members edit`` starts from
    them: dates dd/mm/yyyy (a birth known by its year alone as the year), empty for nothing;
    ``birth_precision`` follows from how the birth date is written."""
    texts: dict[str, str] = {}
    for name in MEMBER_FIELD_NAMES:
        value = getattr(member, name)
        if name == "birth_precision":
            continue
        if name == "birth_date":
            texts[name] = format_vn_date(value, member.birth_precision)
        elif isinstance(value, date):
            texts[name] = format_vn_date(value)
        else:
            texts[name] = "" if value is None else str(value)
    return texts
