"""Turning one spreadsheet row into member values and the problems found on the way.

Cell values arrive as the readers give them: text, numbers, real dates. Text is converted from
the legacy encodings and NFC-normalised; dates are read whether real Excel dates, serial
numbers, dd/mm/yyyy (also d/m/yy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd) or a bare year, which is
kept as a year (``birth_precision`` "year"). Problems are either errors (the row is rejected)
or warnings (the row is imported without the bad value).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from ..dates import DAY, YEAR, DateFormatError, format_vn_date
from ..rules import ADMISSION_MAX_AGE, ADMISSION_MIN_AGE, admission_window
from ..text import fold, name_case, nfc
from ..validation import check_national_id, normalize_phone
from ..vocab import POSITIONS, STATUSES, choice_code
from .legacy import Decoded, Encoding, decode_cell
from .workbook import Cell

ERROR, WARNING = "error", "warning"

_DATE = re.compile(
    r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_YEAR = re.compile(r"^(\d{4})$")
_EXCEL_EPOCH = date(1899, 12, 30)
_MARKS = {"x", "v", "1", "co", "\u2713", "\u2714", "+", "*"}
_MALE = {"nam", "m", "male", "trai"}
_FEMALE = {"nu", "f", "female", "gai"}
_FOOTER = re.compile(
    r"^(tong|cong|nguoi lap|tm |t m |bi thu|pho bi thu|xac nhan|danh sach (nay )?co|an dinh"
    r"|.*ngay \S* thang \S* nam)"
)


@functools.lru_cache(maxsize=1 << 16)
def cached_fold(value: str | None) -> str:
    """:func:`core.text.fold`, remembered: the same names and labels recur on every row."""
    return fold(value)


_POSITIONS = {fold(p): p for p in POSITIONS}
# Plain text fields of the member record reachable from a column.
TEXT_FIELDS = ("other_name", "ethnicity", "religion", "hometown", "occupation", "education",
               "qualification", "political_theory", "foreign_language", "admission_place",
               "card_number", "notes")  # fmt: skip


@dataclass(frozen=True)
class Problem:
    """Something wrong with a row: ``message`` in Vietnamese; an error rejects the row."""

    message: str
    severity: str = ERROR
    field: str | None = None


@dataclass
class ParsedRow:
    row: int
    values: dict[str, object] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    legacy: list[Encoding] = field(default_factory=list)

    @property
    def rejected(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)


def parse_date_value(value: Cell, today: date, *, allow_year: bool) -> tuple[date, str]:
    """A date from a cell; raises DateFormatError when it cannot be read."""
    if isinstance(value, datetime):
        return value.date(), DAY
    if isinstance(value, date):
        return value, DAY
    if isinstance(value, (bool, time)):
        raise DateFormatError(str(value))
    if isinstance(value, (int, float)):
        if float(value).is_integer() and 1900 <= value <= today.year and allow_year:
            return date(int(value), 1, 1), YEAR
        if 10_000 <= value < 80_000:  # a date typed in a cell formatted as a number
            return _EXCEL_EPOCH + timedelta(days=int(value)), DAY
        raise DateFormatError(str(value))
    text = nfc(str(value)) if value is not None else ""
    match = _DATE.match(text)
    if match:
        day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
        full_year = int(year)
        if len(year) == 2:  # members are young: 05 -> 2005, 98 -> 1998
            full_year += 2000 if full_year <= today.year % 100 else 1900
        return _real_date(full_year, month, day, text), DAY
    match = _ISO.match(text)
    if match:
        return _real_date(int(match.group(1)), int(match.group(2)), int(match.group(3)), text), DAY
    match = _YEAR.match(text)
    if match and allow_year:
        return date(int(match.group(1)), 1, 1), YEAR
    raise DateFormatError(text)


def _real_date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise DateFormatError(text) from exc


def shown(value: Cell) -> str:
    """A cell as the user sees it, for messages."""
    if isinstance(value, datetime):
        return format_vn_date(value.date())
    if isinstance(value, date):
        return format_vn_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return nfc(str(value)) if value is not None else ""


class RowParser:
    """Parses the rows of one sheet with one column mapping."""

    def __init__(self, mapping: dict[str, int], headers: list[str], today: date) -> None:
        self.mapping = mapping
        self.headers = headers
        self.today = today
        self.prefer: Encoding | None = None

    def learn_encoding(self, rows: list[tuple[int, list[Cell]]], sample: int = 2000) -> None:
        """Find which legacy encoding the sheet's unambiguous cells use, to settle the rest."""
        votes = {Encoding.TCVN3: 0, Encoding.VNI: 0}
        columns = sorted(set(self.mapping.values()))
        for _, values in rows[:sample]:
            for col in columns:
                value = values[col] if col < len(values) else None
                if isinstance(value, str) and not value.isascii():
                    found = decode_cell(value).encoding
                    if found is not Encoding.UNICODE:
                        votes[found] += 1
        tcvn3, vni = votes[Encoding.TCVN3], votes[Encoding.VNI]
        if tcvn3 != vni:
            self.prefer = Encoding.TCVN3 if tcvn3 > vni else Encoding.VNI

    def _cell(self, values: list[Cell], target: str) -> Cell:
        col = self.mapping.get(target)
        if col is None or col >= len(values):
            return None
        value = values[col]
        if isinstance(value, str):
            value = value.strip()
            return value or None
        return value

    def _text(self, values: list[Cell], target: str, parsed: ParsedRow) -> str:
        value = self._cell(values, target)
        if value is None:
            return ""
        if target == "education" and isinstance(value, date):
            return f"{value.day}/{value.month}"  # "12/12" typed and turned into a date by Excel
        if not isinstance(value, str):
            return shown(value)
        decoded: Decoded = decode_cell(value, self.prefer)
        if decoded.unsure:
            header = (
                self.headers[self.mapping[target]]
                if self.mapping[target] < len(self.headers)
                else ""
            )
            parsed.problems.append(Problem(
                f"Cột “{header}”: chữ “{nfc(value)}” có thể gõ bằng bảng mã cũ (TCVN3/VNI) nhưng "
                "không chuyển được chắc chắn; hãy kiểm tra.", WARNING, target))  # fmt: skip
        elif decoded.encoding is not Encoding.UNICODE:
            parsed.legacy.append(decoded.encoding)
        return nfc(decoded.text)

    def is_blank(self, values: list[Cell]) -> bool:
        """No value in any mapped column (a row holding only an STT counts as blank)."""
        return all(self._cell(values, t) is None for t in self.mapping)

    def footer_reason(self, values: list[Cell]) -> str | None:
        """Why a row is a total or signature line rather than a member, or None."""
        if any(
            self._cell(values, t) is not None
            for t in ("birth_date", "male", "female", "national_id")
        ):
            return None
        texts = [cached_fold(shown(v)) for v in values if v is not None and shown(v)]
        if texts and (_FOOTER.match(texts[0]) or len(texts) == 1 and texts[0].isdigit()):
            return "dòng tổng cộng hoặc chữ ký"
        return None

    def parse(self, number: int, values: list[Cell]) -> ParsedRow:
        parsed = ParsedRow(number)
        out = parsed.values
        if "full_name" in self.mapping:
            name = self._text(values, "full_name", parsed)
        else:
            name = " ".join(
                p
                for p in (
                    self._text(values, "family_middle", parsed),
                    self._text(values, "given_name", parsed),
                )
                if p
            )
        name = name_case(name)
        if not name:
            parsed.problems.append(Problem("Thiếu họ và tên.", ERROR, "full_name"))
        elif any(ch.isdigit() for ch in name):
            parsed.problems.append(Problem(f"Họ và tên “{name}” có chữ số.", ERROR, "full_name"))
        out["full_name"] = name
        self._birth_and_gender(values, parsed)
        for target in TEXT_FIELDS + ("address", "branch"):
            if target in self.mapping:
                text = self._text(values, target, parsed)
                if text and target == "branch":
                    # a proper name; TCVN3 has no capital toned letters ("Êp" reads "ấp")
                    text = text[:1].upper() + text[1:]
                if text:
                    out[target] = text
        self._choices(values, parsed)
        self._identity(values, parsed)
        for target, label in (("admission_date", "Ngày vào Đoàn"), ("party_date", "Ngày vào Đảng")):
            value = self._cell(values, target)
            if value is None:
                continue
            try:
                out[target] = parse_date_value(value, self.today, allow_year=False)[0]
            except DateFormatError:
                parsed.problems.append(
                    Problem(f"{label} không đọc được: “{shown(value)}”.", WARNING, target)
                )
        self._check_admission(parsed)
        return parsed

    def _birth_and_gender(self, values: list[Cell], parsed: ParsedRow) -> None:
        out = parsed.values
        birth_cell = self._cell(values, "birth_date")
        gender_text = (
            cached_fold(self._text(values, "gender", parsed)) if "gender" in self.mapping else ""
        )
        if gender_text in _MALE:
            out["gender"] = "male"
        elif gender_text in _FEMALE:
            out["gender"] = "female"
        elif gender_text:
            parsed.problems.append(Problem(
                f"Giới tính không rõ: “{self._text(values, 'gender', parsed)}” (cần Nam hoặc Nữ).",
                WARNING, "gender"))  # fmt: skip
        marked = [
            (code, self._cell(values, t)) for code, t in (("male", "male"), ("female", "female"))
        ]
        marked = [(code, v) for code, v in marked if v is not None]
        if len(marked) == 1:
            code, value = marked[0]
            out["gender"] = code
            if birth_cell is None and cached_fold(shown(value)) not in _MARKS:
                birth_cell = value  # the year or date written in the Nam/Nữ column
        elif len(marked) == 2:
            parsed.problems.append(
                Problem("Cả hai cột Nam và Nữ đều có giá trị.", WARNING, "gender")
            )
            if birth_cell is None:
                birth_cell = next(
                    (v for _, v in marked if cached_fold(shown(v)) not in _MARKS), None
                )
        if birth_cell is None:
            parsed.problems.append(Problem("Thiếu ngày sinh.", ERROR, "birth_date"))
            return
        try:
            birth, precision = parse_date_value(birth_cell, self.today, allow_year=True)
        except DateFormatError:
            parsed.problems.append(
                Problem(f"Ngày sinh không đọc được: “{shown(birth_cell)}”.", ERROR, "birth_date")
            )
            return
        if birth > self.today:
            parsed.problems.append(Problem("Ngày sinh sau ngày hôm nay.", ERROR, "birth_date"))
        elif birth.year < 1900:
            parsed.problems.append(Problem("Năm sinh không hợp lý.", ERROR, "birth_date"))
        out["birth_date"], out["birth_precision"] = birth, precision

    def _choices(self, values: list[Cell], parsed: ParsedRow) -> None:
        out = parsed.values
        if "status" in self.mapping:
            text = self._text(values, "status", parsed)
            if text:
                code = choice_code(STATUSES, text)
                if code is None:
                    parsed.problems.append(
                        Problem(f"Trạng thái không rõ: “{text}”.", WARNING, "status")
                    )
                else:
                    out["status"] = code
        if "position" in self.mapping:
            text = self._text(values, "position", parsed)
            if text:
                out["position"] = _POSITIONS.get(cached_fold(text), text)

    def _identity(self, values: list[Cell], parsed: ParsedRow) -> None:
        out = parsed.values
        value = self._cell(values, "national_id")
        if value is not None:
            raw = _digits_of_number(value, (11, 8)) or shown(value).replace(" ", "").replace(
                ".", ""
            )
            if check_national_id(raw):
                parsed.problems.append(Problem(
                    f"Số CCCD “{shown(value)}” không hợp lệ: phải gồm 12 chữ số "
                    "(CMND cũ: 9 chữ số).",
                    WARNING, "national_id"))  # fmt: skip
            else:
                out["national_id"] = raw
        value = self._cell(values, "phone")
        if value is not None:
            raw = _digits_of_number(value, (9, 10)) or shown(value)
            phone = normalize_phone(raw)
            if phone is None:
                parsed.problems.append(
                    Problem(f"Số điện thoại không hợp lệ: “{shown(value)}”.", WARNING, "phone")
                )
            else:
                out["phone"] = phone

    def _check_admission(self, parsed: ParsedRow) -> None:
        out = parsed.values
        birth, admitted = out.get("birth_date"), out.get("admission_date")
        if not isinstance(birth, date) or not isinstance(admitted, date):
            return
        if out.get("birth_precision") == DAY:
            first, last = admission_window(birth)
            ok = first <= admitted <= last
        else:
            ok = ADMISSION_MIN_AGE <= admitted.year - birth.year <= ADMISSION_MAX_AGE + 1
        if not ok:
            parsed.problems.append(Problem(
                f"Tuổi vào Đoàn phải từ {ADMISSION_MIN_AGE} đến {ADMISSION_MAX_AGE}: sinh "
                f"{format_vn_date(birth, str(out['birth_precision']))}, "
                f"vào Đoàn {format_vn_date(admitted)}.",
                WARNING, "admission_date"))  # fmt: skip


def _digits_of_number(value: Cell, pad: tuple[int, ...]) -> str | None:
    """A CCCD or phone typed as a number lost its leading zero: put it back."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    digits = str(int(value))
    return "0" + digits if len(digits) in pad else digits
