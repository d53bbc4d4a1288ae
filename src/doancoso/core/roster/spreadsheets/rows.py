"""Turning one spreadsheet row into member values and the problems found on the way.

Cell values arrive as the readers give them: text, numbers, real dates. Text is converted from
the legacy encodings and NFC-normalised; dates are read whether real Excel dates, serial
numbers, dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd) or a bare year, which is
kept as a year (``birth_precision`` "year"). A year typed with two digits ("5/3/98") is not read:
the century is never guessed (1998 or 2098), and the cell is refused with the member form's
message (:func:`~doancoso.core.lang.dates.unread_date`). Problems are either errors (the row is
rejected) or warnings (the row is imported without the bad value).

Someone too young to be admitted on the day of the import (15 years + 1 day; a bare year counts
by the year) and an admission or Party date after today are errors, as in the member form; the
ages at admission and at the Party admission, the dates that events decided, and being past the
coming-of-age year are checked once the row's values are decided, against the stored record and
its events for an update (:mod:`.preview`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date

from ...lang.dates import DAY, DateFormatError
from ...lang.legacy import Decoded, Encoding, decode_cell
from ...lang.text import fold, name_case, nfc, nfc_multiline
from ...storage.lengths import text_limits, too_long, too_long_message
from ...xlsx.workbook import Cell, cell_name
from ..notes import NOTE_FIELDS
from ..rules import MEMBER_CODE_DIGITS, national_id_mismatch_message, too_young_message
from ..validation import (
    FIRST_BIRTH_YEAR,
    birth_year_refused,
    check_email,
    check_member_code,
    check_national_id,
    full_name_too_long,
    normalize_phone,
)
from ..vocab import STATUSES, choice_code, position_of
from .cell_values import (
    CCCD_LENGTHS,
    PHONE_LENGTHS,
    digits_of_number,
    education_of_date,
    member_code_digits,
    parse_date_value,
    shown,
    unread_date_message,
)
from .groups import group_heading, heading_branch
from .headers import HeaderVocabulary, repeats_header

ERROR, WARNING = "error", "warning"

_MARKS = {"x", "v", "1", "co", "\u2713", "\u2714", "+", "*"}
_MALE = {"nam", "m", "male", "trai"}
_FEMALE = {"nu", "f", "female", "gai"}
# Totals under the table: "Tổng cộng: 25", "Cộng 25", "Tổng số 25 đoàn viên" (not the names
# "Công Văn Minh" or "Tống Thị Lan": a word after "cộng"/"tổng" must be a number or "cộng"/"số").
_TOTAL = re.compile(r"^(tong cong|tong so|danh sach (nay )?co|an dinh)|^(tong|cong)(\s*[:.]|\s+\d)")
_TOTAL_ALONE = re.compile(r"^(tong cong|tong so|tong|cong)\s*[:.]?$")  # a name cell's total
_TOTAL_WORD = frozenset({"tong", "cong"})  # alone, a total only with a number beside it
# The signature and date block: "Tân Hưng, ngày 26 tháng 11 năm 2026" (or "Kênh Xáng, ngày
# 20/11/2026"), "TM. BAN CHẤP HÀNH", "BÍ THƯ", "Người lập biểu", "(Ký tên, đóng dấu)", and the
# hamlet head who signs a list of the hamlet's youth ("Trưởng ấp"); the signers' names follow.
_SIGNATURE = re.compile(
    r"^(nguoi lap|t\.?\s?m[.\s]|bi thu|pho bi thu|xac nhan|\(?ky,? (ten|ghi)|thu truong"
    r"|truong (ap|thon|khom|khu pho|xom|buon|ban)\b"
    r"|.*ngay \S* thang \S* nam|(.*,\s*)?ngay \d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}$)"
)
# A note under the table: "Ghi chú: ...", "Lưu ý: ...", "* Đoàn viên đi làm ăn xa ..." (a colon
# needed after the word: "Lưu Ý Nhi" could be a name).
_NOTE = re.compile(r"^(\*|\(\*\)|(ghi chu|luu y|chu y|chu thich)\s*:)")
_NUMBERING = re.compile(r"^\(?\d{1,2}\)?$")  # a column's number under the header: 3, (3)
# Why a row under the header is no person (:attr:`ImportPreview.skipped`), one reason a kind,
# as the import's report names it: "Dòng 812: bỏ qua (dòng tổng cộng)."
SKIP_BLANK = "dòng trống"
SKIP_NUMBER_ONLY = "dòng chỉ có số thứ tự"
SKIP_UNMAPPED = "dòng không có dữ liệu ở các cột được nhập"
SKIP_HEADER = "dòng tiêu đề lặp lại"
SKIP_GROUP = "dòng tiêu đề nhóm"
SKIP_NUMBERING = "dòng đánh số cột"
SKIP_TOTAL = "dòng tổng cộng"
SKIP_NOTE = "dòng ghi chú"
SKIP_SIGNATURE = "dòng ký tên"
_NAME_FIELDS = ("full_name", "family_middle", "middle_name", "given_name")
# Places whose text converted from TCVN3/VNI starts in lower case ("ấp Tân Lập").
_PLACE_FIELDS = ("address", "hometown", "admission_place", "branch")


@functools.lru_cache(maxsize=1 << 16)
def cached_fold(value: str | None) -> str:
    """:func:`core.text.fold`, remembered: the same names and labels recur on every row."""
    return fold(value)


# Plain text fields of the member record reachable from a column.
TEXT_FIELDS = ("other_name", "ethnicity", "religion", "hometown", "occupation", "education",
               "qualification", "political_theory", "foreign_language", "admission_place",
               "card_number", "notes", "national_id_place", "computer_skills",
               "admission_decision", "association")  # fmt: skip


MULTILINE_FIELDS = ("notes",)


@dataclass(frozen=True)
class Duplicate:
    """The other row of the file a row repeats: "Trùng với Trần Văn Tốt (dòng 4)."

    Kept apart from the message so that the file of rejected rows can say where that row went
    (imported, or rejected too and a few lines up): see :func:`duplicate_text`."""

    lead: str  # "Trùng với", "Số CCCD 0123… trùng với"
    row: int
    name: str
    same: str = ""  # what the two share, when the lead does not say: "cùng họ tên và ngày sinh"


def duplicate_text(duplicate: Duplicate, where: str) -> str:
    """The sentence of ``duplicate``, the other row placed by ``where`` ("dòng 4")."""
    same = f", {duplicate.same}" if duplicate.same else ""
    return f"{duplicate.lead} {duplicate.name}{same} ({where})."


@dataclass(frozen=True)
class Problem:
    """Something wrong with a row: ``message`` in Vietnamese; an error rejects the row.
    ``duplicate``: the other row of the file this one repeats, if that is the problem."""

    message: str
    severity: str = ERROR
    field: str | None = None
    duplicate: Duplicate | None = None

    @classmethod
    def repeats(cls, duplicate: Duplicate, field: str) -> Problem:
        """The error of a row that repeats another row of the file."""
        return cls(duplicate_text(duplicate, f"dòng {duplicate.row}"), ERROR, field, duplicate)


@dataclass
class ParsedRow:
    row: int
    values: dict[str, object] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    legacy: list[Encoding] = field(default_factory=list)
    from_heading: bool = False  # its chi đoàn (a young person's hamlet) from a group heading

    @property
    def rejected(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)


def _folded_texts(values: list[Cell]) -> list[str]:
    """The row's non-empty cells, folded (no tones, no case), as a footer is recognised."""
    texts = (cached_fold(shown(v)).strip() for v in values if v is not None)
    return [t for t in texts if t]


def _first_folded(values: list[Cell]) -> str | None:
    """The row's first non-empty cell, folded."""
    for value in values:
        if value is not None:
            text = cached_fold(shown(value)).strip()
            if text:
                return text
    return None


def _is_numbering(values: list[Cell]) -> bool:
    """A row of column numbers: 1 2 3 ... or (1) (2) (3)..., at least three; read until the
    first cell that is none (the STT of a person's row, then the name)."""
    count = 0
    for value in values:
        if value is None:
            continue
        text = shown(value).strip()
        if text:
            if not _NUMBERING.match(text):
                return False
            count += 1
    return count >= 3


def _is_total(texts: list[str]) -> bool:
    first = texts[0]
    return bool(_TOTAL.match(first)) or (
        first in _TOTAL_WORD and any(t.isdigit() for t in texts[1:])
    )


class RowParser:
    """Parses the rows of one sheet with one column mapping.

    A row is first reduced to its mapped cells (:meth:`cells`). The same texts and dates recur
    down a roster (the same "Kinh", "Ấp 3", given names, birth dates), so each distinct cell is
    decoded, normalised or read as a date once per sheet and remembered.

    The cell readers (text, dates, names, birth and gender, phone, footer lines) serve any list
    of people; :meth:`parse` makes a member of a row. The youth register's import parses its
    rows with a subclass (:class:`doancoso.core.youth.sheet_rows.YouthRowParser`), which sets
    :attr:`TEXT_TARGETS`, :attr:`MULTILINE` and :attr:`CHECK_AGE` for its fields.
    """

    TEXT_TARGETS: tuple[str, ...] = TEXT_FIELDS + ("address", "branch") + NOTE_FIELDS
    MULTILINE: tuple[str, ...] = MULTILINE_FIELDS
    CHECK_AGE = True  # too young to be admitted today is an error (members only)
    HEADING_FIELD: str | None = "branch"  # what a group heading gives its rows (:mod:`.groups`)
    TABLE = "members"  # whose columns' lengths hold (:meth:`lengths`)
    STORED_AS: dict[str, tuple[str, str, str]] = {
        "address": ("members", "address_hamlet", "address"),
        "branch": ("branches", "name", "branch_id"),
    }
    """The fields stored under another name, or in another table, whose length holds too
    (:meth:`lengths`): (table, column, the field whose label the message says). The one-cell
    address goes into the hamlet's column (``apply._address``); a chi đoàn the sheet names is
    made with that name."""

    def __init__(self, mapping: dict[str, int], headers: list[str], today: date) -> None:
        self.mapping = mapping
        self.headers = headers
        self.today = today
        self.prefer: Encoding | None = None
        self._columns = list(mapping.items())
        self._text_targets = [t for t in self.TEXT_TARGETS if t in mapping]
        self._texts: dict[tuple[str, str], tuple[str, Problem | None, Encoding | None]] = {}
        self._dates: dict[tuple[str, bool], tuple[date, str] | None] = {}
        self._names: dict[str, tuple[str, Problem | None]] = {}
        self._too_young: dict[tuple[date, str], str | None] = {}
        self._signed = False  # a signature line was seen: names alone after it are signers
        self._heading: str | None = None  # what the last group heading gives (:meth:`take_heading`)
        self.vocab: HeaderVocabulary | None = None
        """The headers of the import, to know the header repeated on a later page."""
        self.zeros_lost_in_text = False
        """Whether digits held as text may have lost their leading zeros (a CSV, which Excel
        saves again with a CCCD or phone turned into a number): put back as for a number
        cell (:meth:`_digits`). An .xlsx text cell holds the digits as they were typed."""

    def learn_encoding(self, rows: list[tuple[int, list[Cell]]], sample: int = 2000) -> None:
        """Find which legacy encoding the sheet's unambiguous cells use, to settle the rest."""
        votes = {Encoding.TCVN3: 0, Encoding.VNI: 0, Encoding.UNICODE: 0}
        found: dict[str, Encoding] = {}
        columns = sorted(set(self.mapping.values()))
        for _, values in rows[:sample]:
            for col in columns:
                value = values[col] if col < len(values) else None
                if isinstance(value, str) and not value.isascii():
                    encoding = found.get(value)
                    if encoding is None:
                        encoding = found[value] = decode_cell(value).encoding
                    votes[encoding] += 1
        tcvn3, vni = votes[Encoding.TCVN3], votes[Encoding.VNI]
        if tcvn3 != vni:
            self.prefer = Encoding.TCVN3 if tcvn3 > vni else Encoding.VNI
        self._texts.clear()  # decoded before the encoding was known

    def cells(self, values: list[Cell]) -> dict[str, Cell]:
        """The mapped cells of a row that hold something: text stripped, empty text left out.
        No cells means a blank row (a row holding only an STT counts as blank)."""
        found: dict[str, Cell] = {}
        width = len(values)
        for target, col in self._columns:
            if col < width:
                value = values[col]
                if isinstance(value, str):
                    value = value.strip()
                    if value:
                        found[target] = value
                elif value is not None:
                    found[target] = value
        return found

    def _text(self, cells: dict[str, Cell], target: str, parsed: ParsedRow) -> str:
        value = cells.get(target)
        if value is None:
            return ""
        if not isinstance(value, str):
            if isinstance(value, bool):  # a TRUE/FALSE cell is no text: never a name "True"
                col = self.mapping[target]
                header = self.headers[col] if col < len(self.headers) else ""
                name = target in ("full_name", "family_middle", "middle_name", "given_name")
                severity = ERROR if name else WARNING  # a name without that part is wrong
                parsed.problems.append(Problem(
                    f"Ô {cell_name(parsed.row, col)} (cột “{header}”) là giá trị đúng/sai "
                    f"({'TRUE' if value else 'FALSE'}), không phải chữ: ô này không được nhập.",
                    severity, target))  # fmt: skip
                return ""
            if target == "education" and isinstance(value, date):
                return education_of_date(value)  # "12/12" typed and turned into a date
            return shown(value)
        known = self._texts.get((target, value))
        if known is None:
            known = self._texts[(target, value)] = self._decode(target, value)
        text, problem, encoding = known
        if problem is not None:
            parsed.problems.append(problem)
        elif encoding is not None:
            parsed.legacy.append(encoding)
        return text

    def _decode(self, target: str, value: str) -> tuple[str, Problem | None, Encoding | None]:
        decoded: Decoded = decode_cell(value, self.prefer)
        # Notes keep their line breaks, as the member form keeps them (and the export writes them).
        clean = nfc_multiline if target in self.MULTILINE else nfc
        if decoded.unsure:
            col = self.mapping[target]
            header = self.headers[col] if col < len(self.headers) else ""
            return clean(decoded.text), Problem(
                f"Cột “{header}”: chữ “{nfc(value)}” có thể gõ bằng bảng mã cũ (TCVN3/VNI) nhưng "
                "không chuyển được chắc chắn; hãy kiểm tra.", WARNING, target), None  # fmt: skip
        if decoded.encoding is not Encoding.UNICODE:
            return clean(decoded.text), None, decoded.encoding
        return clean(decoded.text), None, None

    def _date(self, value: Cell, *, allow_year: bool) -> tuple[date, str]:
        """:func:`parse_date_value`, remembered for text cells."""
        if not isinstance(value, str):
            return parse_date_value(value, self.today, allow_year=allow_year)
        key = (value, allow_year)
        if key not in self._dates:
            try:
                self._dates[key] = parse_date_value(value, self.today, allow_year=allow_year)
            except DateFormatError:
                self._dates[key] = None
        known = self._dates[key]
        if known is None:
            raise DateFormatError(value)
        return known

    @staticmethod
    def _name(text: str) -> tuple[str, Problem | None]:
        name = name_case(text)
        if not name:
            return name, Problem("Thiếu họ và tên.", ERROR, "full_name")
        if too_long := full_name_too_long(name):  # a paragraph, not quoted back
            return name, Problem(too_long, ERROR, "full_name")
        if any(ch.isdigit() for ch in name):
            return name, Problem(f"Họ và tên “{name}” có chữ số.", ERROR, "full_name")
        return name, None

    def skip_reason(self, values: list[Cell], cells: dict[str, Cell]) -> str | None:
        """Why a row under the header is no person (a ``SKIP_*`` kind), or None for a person.

        ``cells``: the row's :meth:`cells`; none means nothing in the columns imported (a row
        holding only an STT, a total or a note in the STT column, a group heading). A row with
        a birth date (or a CCCD, or a Nam/Nữ cell that is not text) is a person, unless it is a
        total whose words stand outside the name columns ("Tổng cộng" in the STT column, the
        counts under Nam and Nữ). The signer's name alone on a row counts as footer only after
        a signature line: a member with neither STT nor birth date elsewhere is rejected
        ("Thiếu ngày sinh."), not skipped.
        """
        if not cells:
            return self._unmapped_reason(values)
        birth = cells.get("birth_date")
        if birth is not None and (isinstance(birth, date) or self._has_date(birth)):
            return None  # the usual row: checked first, cheaply
        if _is_numbering(values):
            return SKIP_NUMBERING
        if self._marked(cells):  # a person, unless a total stands outside the name columns
            first = _first_folded(values)
            if first is None or not (_TOTAL.match(first) or first in _TOTAL_WORD):
                return None  # no need to fold the whole row
            if any(
                cached_fold(shown(cells[name])) == first for name in _NAME_FIELDS if name in cells
            ) and not self._total_in_name_column(first, cells):
                return None
            return SKIP_TOTAL if _is_total(_folded_texts(values)) else None
        texts = _folded_texts(values)
        if not texts:
            return None
        return self._footer_reason(values, texts)

    def _total_in_name_column(self, text: str, cells: dict[str, Cell]) -> bool:
        """Whether ``text``, in a name column, is a total ("Tổng cộng", "Cộng: 25") rather
        than a name that folds alike ("Tống Công", its birth year under Nam)."""
        if not (_TOTAL_ALONE.match(text) or any(ch.isdigit() for ch in text)):
            return False  # "Tống Công Minh"
        return not any(self._has_date(cells[mark]) for mark in ("male", "female") if mark in cells)

    @staticmethod
    def _marked(cells: dict[str, Cell]) -> bool:
        """Whether the row has what only a person's row has: a Nam/Nữ cell or a CCCD that is
        not text, or a CCCD with digits."""
        for target in ("male", "female", "national_id"):
            value = cells.get(target)
            if value is not None and not isinstance(value, str):
                return True
        return "national_id" in cells and any(ch.isdigit() for ch in str(cells["national_id"]))

    def _unmapped_reason(self, values: list[Cell]) -> str:
        """Why a row with nothing in the columns imported is skipped."""
        texts = _folded_texts(values)
        if not texts:
            return SKIP_BLANK
        if len(texts) == 1 and texts[0].isdigit():
            return SKIP_NUMBER_ONLY
        if _is_total(texts):
            return SKIP_TOTAL
        if _is_numbering(values):
            return SKIP_NUMBERING
        return self._footer_reason(values, texts) or SKIP_UNMAPPED

    def _footer_reason(self, values: list[Cell], texts: list[str]) -> str | None:
        first = texts[0]
        if _SIGNATURE.match(first):
            self._signed = True
            return SKIP_SIGNATURE
        if _is_total(texts) or (len(texts) == 1 and first.isdigit()):
            return SKIP_TOTAL
        if _NOTE.match(first):
            return SKIP_NOTE
        heading = self._group_heading(values) if len(texts) <= 4 else None  # (mark, title, counts)
        if heading is not None:  # "I. CHI ĐOÀN ẤP 1" over the rows of a group
            self._heading = self.heading_value(heading)
            return SKIP_GROUP
        if self._signed and not any(ch.isdigit() for t in texts for ch in t):
            return SKIP_SIGNATURE  # the signers' names under their titles
        if self.vocab is not None and repeats_header(values, self.vocab):
            return SKIP_HEADER
        return None

    def _group_heading(self, values: list[Cell]) -> str | None:
        """The group heading a row is (:func:`.groups.group_heading`), its text converted from
        TCVN3/VNI, or None."""
        texts = [
            decode_cell(v, self.prefer).text if isinstance(v, str) else shown(v)
            for v in values
            if v is not None
        ]
        return group_heading([t.strip() for t in texts if t.strip()])

    def heading_value(self, heading: str) -> str | None:
        """What a group heading gives the rows under it: the chi đoàn it names, capitalised as
        a "Chi đoàn" cell is (:func:`.groups.heading_branch`); None ends the group."""
        name = heading_branch(heading)
        return name[:1].upper() + name[1:] if name else None

    def take_heading(self, parsed: ParsedRow) -> None:
        """Give a row without a value of :attr:`HEADING_FIELD` (no such column, or its cell
        empty) the value of the group heading above it; the row's own value always wins."""
        target = self.HEADING_FIELD
        if target is not None and self._heading is not None and target not in parsed.values:
            parsed.values[target] = self._heading
            parsed.from_heading = True

    def _has_date(self, value: Cell) -> bool:
        try:
            self._date(value, allow_year=True)
        except DateFormatError:
            return False
        return True

    def parse(self, number: int, cells: dict[str, Cell]) -> ParsedRow:
        """The member values of a row from its :meth:`cells`."""
        parsed = ParsedRow(number)
        out = parsed.values
        self.name_and_birth(cells, parsed)
        for target in self._text_targets:
            converted = len(parsed.legacy)
            text = self._text(cells, target, parsed)
            if text:
                if target == "branch" or (
                    target in _PLACE_FIELDS and len(parsed.legacy) > converted
                ):
                    # a proper name; TCVN3 has no capital toned letters ("Êp" reads "ấp")
                    text = text[:1].upper() + text[1:]
                out[target] = text
        self._choices(cells, parsed)
        self._identity(cells, parsed)
        self._national_id_facts(parsed)
        self._contact(cells, parsed)
        self._issue_date(cells, parsed)
        for target, label in (("admission_date", "Ngày vào Đoàn"), ("party_date", "Ngày vào Đảng")):
            value = cells.get(target)
            if value is None:
                continue
            try:
                day = self._date(value, allow_year=False)[0]
            except DateFormatError:
                message = unread_date_message(label, value, self.today)
                parsed.problems.append(Problem(message, WARNING, target))
                continue
            if day > self.today:  # the member form refuses it too (core.validation)
                parsed.problems.append(
                    Problem(f"{label} không thể sau ngày hôm nay.", ERROR, target)
                )
            out[target] = day
        self.lengths(parsed)
        return parsed

    def lengths(self, parsed: ParsedRow) -> None:
        """A text longer than its column takes rejects the row, in the forms' words
        (:func:`~doancoso.core.storage.lengths.too_long`); a full name is told by :meth:`_name`."""
        for target, message in too_long(self.TABLE, parsed.values).items():
            if target != "full_name":
                parsed.problems.append(Problem(message, ERROR, target))
        for target, (table, column, label) in self.STORED_AS.items():
            value, longest = parsed.values.get(target), text_limits(table)[column]
            if isinstance(value, str) and longest is not None and len(value) > longest:
                message = too_long_message(label, len(value), longest)
                parsed.problems.append(Problem(message, ERROR, target))

    def name_and_birth(self, cells: dict[str, Cell], parsed: ParsedRow) -> None:
        """The person's full name (from one column or from its parts), birth date and gender
        into ``parsed``: what every list of people has."""
        out = parsed.values
        if "full_name" in self.mapping:
            name = self._text(cells, "full_name", parsed)
            given = self._text(cells, "given_name", parsed) if "given_name" in self.mapping else ""
            if given and cached_fold(name).rsplit(" ", 1)[-1] != cached_fold(given):
                # "Họ và tên" over the family (and middle) names only
                middle = self._text(cells, "middle_name", parsed)
                name = " ".join(p for p in (name, middle, given) if p)
        else:  # "Họ" | "Đệm" | "Tên", or "Họ đệm" | "Tên": family, middle, given names
            parts = (
                self._text(cells, "family_middle", parsed),
                self._text(cells, "middle_name", parsed),
                self._text(cells, "given_name", parsed),
            )
            name = " ".join(p for p in parts if p)
        known = self._names.get(name)
        if known is None:
            known = self._names[name] = self._name(name)
        out["full_name"], problem = known
        if problem is not None:
            parsed.problems.append(problem)
        self._birth_and_gender(cells, parsed)

    def _birth_and_gender(self, cells: dict[str, Cell], parsed: ParsedRow) -> None:
        out = parsed.values
        birth_cell = cells.get("birth_date")
        gender_text = (
            cached_fold(self._text(cells, "gender", parsed)) if "gender" in self.mapping else ""
        )
        if gender_text in _MALE:
            out["gender"] = "male"
        elif gender_text in _FEMALE:
            out["gender"] = "female"
        elif gender_text:
            parsed.problems.append(Problem(
                f"Giới tính không rõ: “{self._text(cells, 'gender', parsed)}” (cần Nam hoặc Nữ).",
                WARNING, "gender"))  # fmt: skip
        marked = [(code, cells[code]) for code in ("male", "female") if code in cells]
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
            birth, precision = self._date(birth_cell, allow_year=True)
        except DateFormatError:
            message = unread_date_message("Ngày sinh", birth_cell, self.today, allow_year=True)
            parsed.problems.append(Problem(message, ERROR, "birth_date"))
            return
        if birth > self.today:
            parsed.problems.append(Problem("Ngày sinh sau ngày hôm nay.", ERROR, "birth_date"))
        elif birth.year < FIRST_BIRTH_YEAR:
            message = birth_year_refused(birth.year, self.today)
            parsed.problems.append(Problem(message, ERROR, "birth_date"))
        elif self.CHECK_AGE:
            self._check_too_young(birth, precision, parsed)
        out["birth_date"], out["birth_precision"] = birth, precision

    def _check_too_young(self, birth: date, precision: str, parsed: ParsedRow) -> None:
        """Too young to be a member today: the rule and wording of the member form."""
        key = (birth, precision)
        if key not in self._too_young:  # many rows share a birth date: computed once each
            self._too_young[key] = too_young_message(birth, precision, self.today)
        message = self._too_young[key]
        if message is not None:
            parsed.problems.append(Problem(message, ERROR, "birth_date"))

    def _choices(self, cells: dict[str, Cell], parsed: ParsedRow) -> None:
        out = parsed.values
        if "status" in self.mapping:
            text = self._text(cells, "status", parsed)
            if text:
                code = choice_code(STATUSES, text)
                if code is None:
                    parsed.problems.append(
                        Problem(f"Trạng thái không rõ: “{text}”.", WARNING, "status")
                    )
                else:
                    out["status"] = code
        if "position" in self.mapping:
            text = self._text(cells, "position", parsed)
            if text:
                out["position"] = position_of(text)

    @staticmethod
    def _national_id_facts(parsed: ParsedRow) -> None:
        """A CCCD that says another gender or birth year than the row's: imported, with the
        warning of the member form (either may hold the typo)."""
        out = parsed.values
        national_id, gender, birth = (
            out.get("national_id"),
            out.get("gender"),
            out.get("birth_date"),
        )
        message = national_id_mismatch_message(
            national_id if isinstance(national_id, str) else None,
            gender if isinstance(gender, str) else None,
            birth if isinstance(birth, date) else None,
        )
        if message is not None:
            parsed.problems.append(Problem(message, WARNING, "national_id"))

    def _identity(self, cells: dict[str, Cell], parsed: ParsedRow) -> None:
        out = parsed.values
        value = cells.get("national_id")
        if value is not None:
            if isinstance(value, str) and value.isascii() and value.isdigit():
                raw = self._digits(value, CCCD_LENGTHS)  # the usual case, already as shown
            else:
                raw = digits_of_number(value, CCCD_LENGTHS) or shown(value).replace(
                    " ", ""
                ).replace(".", "")
            if check_national_id(raw):
                parsed.problems.append(Problem(
                    f"Số CCCD “{shown(value)}” không hợp lệ: phải gồm 12 chữ số "
                    "(CMND cũ: 9 chữ số).",
                    WARNING, "national_id"))  # fmt: skip
            else:
                out["national_id"] = raw
        self.phone(cells, parsed)

    def phone(self, cells: dict[str, Cell], parsed: ParsedRow) -> None:
        """The phone number, a number cell's lost leading 0 put back; a malformed one is left
        out with a warning."""
        out = parsed.values
        value = cells.get("phone")
        if value is not None:
            if isinstance(value, str) and value.isascii() and value.isdigit():
                raw = self._digits(value, PHONE_LENGTHS)
            else:
                raw = digits_of_number(value, PHONE_LENGTHS) or shown(value)
            phone = normalize_phone(raw)
            if phone is None:
                parsed.problems.append(
                    Problem(f"Số điện thoại không hợp lệ: “{shown(value)}”.", WARNING, "phone")
                )
            else:
                out["phone"] = phone

    def _digits(self, text: str, lengths: dict[int, int]) -> str:
        """A CCCD or phone held as text: as it is, but in a CSV (:attr:`zeros_lost_in_text`)
        one without its leading zero gets back the zeros a number cell would."""
        if not self.zeros_lost_in_text or text.startswith("0"):
            return text
        return digits_of_number(int(text), lengths) or text

    def _contact(self, cells: dict[str, Cell], parsed: ParsedRow) -> None:
        """The union's member code and the e-mail: a malformed one is left out with a warning,
        as the CCCD is."""
        out = parsed.values
        value = cells.get("member_code")
        if value is not None:
            code = member_code_digits(value)
            if check_member_code(code):
                parsed.problems.append(Problem(
                    f"Mã định danh đoàn viên “{shown(value)}” không hợp lệ: phải gồm đúng "
                    f"{MEMBER_CODE_DIGITS} chữ số.", WARNING, "member_code"))  # fmt: skip
            else:
                out["member_code"] = code
        if "email" in self.mapping:
            email = self._text(cells, "email", parsed)
            if email:
                if check_email(email):
                    parsed.problems.append(
                        Problem(f"Email “{email}” không hợp lệ.", WARNING, "email")
                    )
                else:
                    out["email"] = email

    def _issue_date(self, cells: dict[str, Cell], parsed: ParsedRow) -> None:
        """The CCCD's date of issue, between the birth date and today (the form's rule); any
        other is left out with a warning: a typo there is no reason to leave the member out."""
        value = cells.get("national_id_date")
        if value is None:
            return
        try:
            issued = self._date(value, allow_year=False)[0]
        except DateFormatError:
            message = unread_date_message("Ngày cấp CCCD", value, self.today)
        else:
            birth = parsed.values.get("birth_date")
            day_known = parsed.values.get("birth_precision", DAY) == DAY
            if issued > self.today:
                message = "Ngày cấp CCCD không thể sau ngày hôm nay."
            elif isinstance(birth, date) and (
                issued < birth if day_known else issued.year < birth.year
            ):
                message = "Ngày cấp CCCD không thể trước ngày sinh."
            else:
                parsed.values["national_id_date"] = issued
                return
        parsed.problems.append(Problem(message, WARNING, "national_id_date"))
