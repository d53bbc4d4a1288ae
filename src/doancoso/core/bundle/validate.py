"""Checking incoming rows against the tables of this version (issue #17, "Hostile files").

Every row of a bundle is checked before anything is written: its table must be a travelling table,
its columns those of the table (a nullable column may be left out), each value of the column's JSON
kind (text, whole number, number, true/false, ISO date, ISO date and time), and the columns that
cannot be empty not empty. Every text is taken in NFC, as the app stores every text (a file may hold
it decomposed). A text holds no control character (a note keeps its line breaks and tabs) and no
more characters than an older version may have stored (:func:`~..storage.lengths.carried_limits`:
a one-line field :data:`~..storage.lengths.LONGEST_LINE` whatever its column declares, a full name
and an activity's title what their forms take, a multi-line one
:data:`~..storage.lengths.LONGEST_NOTE`). A member's or a young person's field their forms fill from
a fixed list (trạng thái, giới tính, tình trạng sổ, ngày sinh đủ hay chỉ năm), the status of an
activity's date and the self-assessment of a checklist item hold one of its codes. A phone of a
member or a young person is stored as their forms store it (a bundle made by hand or by an older
version may hold it as typed), or refused where the form would refuse it. A refusal is an
:class:`~.sync_errors.InvalidRows` naming the table and the row as the user knows it (a person, a
chi đoàn by name).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from functools import cache
from itertools import chain
from operator import itemgetter
from typing import Any
from unicodedata import is_normalized, normalize

from sqlalchemy import Text

from ..activities.rules import STATUSES as OCCURRENCE_STATUSES
from ..lang.text import nfc, vn_number
from ..recognition.rules import STATUSES as CHECKLIST_STATUSES
from ..roster.validation import normalize_phone
from ..roster.vocab import BOOK_STATUSES, GENDERS, STATUSES
from ..storage.lengths import CODES, carried_limits
from .labels import field_label, quoted_table, row_in_words
from .rows import columns_of, from_json, travelling_tables
from .sync_errors import InvalidRows

_KIND_WORDS = {
    "str": "chữ",
    "int": "số nguyên",
    "float": "số",
    "bool": "đúng/sai",
    "date": "ngày (yyyy-mm-dd)",
    "datetime": "ngày giờ (ISO 8601)",
}
NOTHING_WRITTEN = "Không có gì được ghi vào dữ liệu."
_INT64 = (-(2**63), 2**63 - 1)
_FORMATS: dict[str, dict[str, tuple[re.Pattern[str], str]]] = {
    # the evidence store names its files by this: anything else would be a path
    "evidence_files": {"sha256": (re.compile(r"[0-9a-f]{64}"), "mã SHA-256 (64 chữ số hệ 16)")},
}


def refuse(table: str, row: Mapping[str, Any] | None, what: str, details: str = "") -> InvalidRows:
    """The error for ``row`` of ``table`` (the file's, maybe not yet checked; None when it is
    not even a record): ``what`` is wrong with it. The row is named as the user knows it
    (:func:`~.labels.row_in_words`: a person's full name and birth date, a chi đoàn's name), by
    its id when it has no name to show."""
    row_id = None if row is None else row.get("id")
    where = f"bảng {quoted_table(table)}"
    named = None if row is None else row_in_words(table, row)
    if named is not None:
        where += f", {named}"
    elif row_id is not None:
        where += f", dòng {row_id}"
    return InvalidRows(
        f"Tệp dữ liệu có dòng không hợp lệ ở {where}: {what}. {NOTHING_WRITTEN}",
        details or f"{table} {row_id}: {what}",
    )


def check_table(table: str) -> None:
    if table not in travelling_tables():
        raise InvalidRows(
            f"Tệp dữ liệu có bảng “{table}” mà phiên bản này không biết. Hãy cập nhật ứng dụng "
            f"lên phiên bản mới nhất rồi nhập lại. {NOTHING_WRITTEN}",
            f"unknown table {table!r}",
        )


def _fits(value: Any, kind: str) -> bool:
    if kind == "str":
        return type(value) is str
    if kind == "int":  # SQLite keeps 64-bit integers: a larger one would fail at the write
        return (
            isinstance(value, int)
            and not isinstance(value, bool)
            and _INT64[0] <= value <= _INT64[1]
        )
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        return math.isfinite(value) if isinstance(value, float) else _INT64[0] <= value <= _INT64[1]
    if kind == "bool":
        return isinstance(value, bool)
    if not isinstance(value, str):
        return False
    try:
        if kind == "date":
            date.fromisoformat(value)
            return len(value) == 10
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _shown(value: Any) -> str:
    """``value`` as the message names it: a long one cut (a 100,000-letter text, a huge number)."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}…"


def check_row(table: str, row: Any) -> dict[str, Any]:
    """``row`` (JSON values) checked against ``table``: the row with every column (a left-out
    nullable one as None), or :class:`InvalidRows`."""
    if not isinstance(row, dict):
        raise refuse(table, None, "một dòng không phải là một bản ghi")
    row_id = row.get("id")
    if not isinstance(row_id, str) or not 0 < len(row_id) <= 36:
        raise refuse(table, row, "mã dòng (id) thiếu hoặc không hợp lệ")
    spec = _spec(table)
    if len(row) != len(spec) or any(name not in spec for name in row):
        unknown = sorted(set(row) - set(spec))
        if unknown:
            raise refuse(  # a later version's column, most likely
                table,
                row,
                f"cột “{unknown[0]}” không có trong bảng này (gói có thể được tạo bởi phiên bản "
                "doancoso mới hơn: hãy cập nhật ứng dụng)",
            )
    checked: dict[str, Any] = {}
    for name, (kind, nullable) in spec.items():
        value = row.get(name)
        if value is None:
            if not nullable:
                what = f"thiếu cột “{name}”" if name not in row else None
                raise refuse(table, row, what or f"cột “{name}” không được để trống")
        elif not _fits(value, kind):
            raise refuse(
                table,
                row,
                f"cột “{name}” phải là {_KIND_WORDS[kind]}, không phải {_shown(value)}",
            )
        checked[name] = value
    for name, (pattern, words) in _FORMATS.get(table, {}).items():
        value = checked.get(name)
        if isinstance(value, str) and not pattern.fullmatch(value):
            raise refuse(table, row, f"cột “{name}” phải là {words}, không phải {_shown(value)}")
    return checked


@cache
def _spec(table: str) -> dict[str, tuple[str, bool]]:
    """Each column of ``table``: its JSON kind and whether it may be empty."""
    columns = travelling_tables()[table].columns
    return {name: (kind, bool(columns[name].nullable)) for name, kind in columns_of(table).items()}


def check_rows(table: str, rows: list[Any]) -> list[dict[str, Any]]:
    """Each of ``rows`` checked as :func:`check_row` does, its texts in NFC
    (:func:`_composed`), each text and code as :func:`_texts` and :func:`_choices` do, then
    each phone as :func:`_phones` takes it."""
    rows = _composed(table, _checked(table, rows))
    return _phones(table, _choices(table, _texts(table, rows)))


@cache
def _text_columns(table: str) -> tuple[str, ...]:
    return tuple(name for name, kind in columns_of(table).items() if kind == "str")


@cache
def _all_texts(table: str) -> Callable[[dict[str, Any]], Any]:
    """A row's texts (and Nones) as an iterable: every table has several text columns."""
    return itemgetter(*_text_columns(table))


def _composed(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Checked ``rows`` with every text in NFC, as the app stores every text (a Mac, or
    another program, may write "Nguyễn" decomposed: "Nguye\\u0302\\u0303n"): a row holding
    another form replaced by a copy (the file's rows are never changed), so that it is compared
    with ours, its length checked, its search and sort keys made, and it is written as if typed
    here. Rows whose every text is NFC already (every bundle the app wrote) are passed in one
    check of their texts joined, then each column so: a line break, which composes with
    nothing, keeps each text apart."""
    every = "\n".join(filter(None, chain.from_iterable(map(_all_texts(table), rows))))
    if is_normalized("NFC", every):
        return rows
    decomposed = [
        name
        for name in _text_columns(table)
        if not is_normalized("NFC", "\n".join(filter(None, map(itemgetter(name), rows))))
    ]
    if not decomposed:
        return rows
    taken = []
    for row in rows:
        composed = {
            name: normalize("NFC", row[name])
            for name in decomposed
            if row[name] and not is_normalized("NFC", row[name])
        }
        taken.append({**row, **composed} if composed else row)
    return taken


_ONE_LINE_BAD = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_MULTILINE_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""What no text the app stores holds (``lang.text.clean_controls`` drops it from whatever is
typed, pasted or imported): control characters (C0, DEL, C1), a line break or a tab in a
one-line field, and lone surrogates, which SQLite cannot even store."""
TOO_LONG_WAY = "hãy sửa trên máy đã tạo tệp rồi tạo lại tệp"
"""What a text longer than its field takes is told to do (the forms may have taken it there)."""


@cache
def _text_rules(table: str) -> tuple[tuple[str, re.Pattern[str], int | None], ...]:
    """Each text column of ``table``: what it may not hold (a line break only in a multi-line
    one), and its most characters (:func:`~..storage.lengths.carried_limits`; None for a code of
    :data:`CHOICES`, refused if not one of its codes). Not
    the search and sort keys, computed again on import (derived.py), which separate their parts
    with control characters; nor a reference to another row, which SQLite (``foreign_keys`` on)
    takes only if it is the ``id`` of a row, checked here or already stored."""
    columns = travelling_tables()[table].columns
    return tuple(
        (name, _MULTILINE_BAD if isinstance(columns[name].type, Text) else _ONE_LINE_BAD, longest)
        for name, longest in carried_limits(table).items()
    )


def _said(column: str) -> str:
    """A column as a refusal names it: its label, as the forms name the field ("“Quê quán”"),
    its name only where it has none ("cột “id”")."""
    label = field_label(column)
    return f"cột “{column}”" if label == column else f"“{label}”"


def _texts(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` (checked) unless a text holds a character of :data:`_ONE_LINE_BAD` (of
    :data:`_MULTILINE_BAD` in a multi-line field) or is longer than its form takes: that one
    refused. Each column is scanned at once (one search of its values joined)."""
    for name, bad, longest in _text_rules(table):
        texts = list(filter(None, map(itemgetter(name), rows)))
        if not texts:
            continue
        said = _said(name)
        if bad.search("".join(texts)) is not None:
            row, hit = next((r, m) for r in rows if r[name] and (m := bad.search(r[name])))
            found = ord(hit.group())
            what = "ký tự không hợp lệ" if 0xD800 <= found <= 0xDFFF else "ký tự điều khiển"
            raise refuse(table, row, f"{said} chứa {what} U+{found:04X}, không được phép")
        if longest is not None and max(map(len, texts)) > longest:
            row = next(r for r in rows if r[name] and len(r[name]) > longest)
            raise refuse(
                table,
                row,
                f"{said} dài {vn_number(len(row[name]))} ký tự, quá {vn_number(longest)} ký tự "
                f"cho phép ({TOO_LONG_WAY})",
            )
    return rows


_PRECISIONS = {"day": "đủ ngày, tháng, năm", "year": "chỉ biết năm sinh"}
_CODE_WORDS: dict[str, dict[str, str]] = {
    "member_status": STATUSES,
    "gender": GENDERS,
    "book_status": BOOK_STATUSES,
    "birth_precision": _PRECISIONS,
    "occurrence_status": OCCURRENCE_STATUSES,
    "checklist_status": CHECKLIST_STATUSES,
}
"""Each list of codes :data:`~..storage.lengths.CODES` names, with what each code means (the
domains' words, which storage does not know)."""
CHOICES: dict[str, dict[str, dict[str, str]]] = {
    table: {name: _CODE_WORDS[codes] for (t, name), codes in CODES.items() if t == table}
    for table, _name in CODES
}
"""The columns the forms fill from a fixed list (a member's, a young person's, the status of an
activity's date, the self-assessment of a checklist item), by table: those storage names
(``storage.lengths.CODES``, whose length it does not check), with their codes (and what each
means): the only values the app reads there, as the forms refuse any other."""


def _choices(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` (checked) unless one holds a value outside the codes of :data:`CHOICES`
    (empty allowed where the column may be): that one refused, naming the codes allowed."""
    for name, codes in CHOICES.get(table, {}).items():
        taken = itemgetter(name)
        if set(map(taken, rows)) <= codes.keys() | {None}:
            continue
        row = next(r for r in rows if r[name] is not None and r[name] not in codes)
        allowed = ", ".join(f"{code} ({words})" for code, words in codes.items())
        raise refuse(
            table,
            row,
            f"{_said(name)} phải là một trong: {allowed}; không phải {_shown(row[name])}",
        )
    return rows


def _checked(table: str, rows: list[Any]) -> list[dict[str, Any]]:
    """Each of ``rows`` checked as :func:`check_row` does, column by column: a chunk of rows
    whose every column has the right kind of value (the common case) is passed in a few set
    operations per column instead of a Python call per value; any doubt, and the chunk is
    checked row by row (so a refusal names the same row and column as :func:`check_row`)."""
    spec = _spec(table)
    try:
        # Every row a dict of as many keys as the table has columns, each of them (else a
        # KeyError): the table's columns exactly, whatever their order.
        if set(map(type, rows)) != {dict} or set(map(len, rows)) != {len(spec)}:
            raise _Doubt
        try:
            taken = list(map(_getter(table), rows))
        except KeyError:
            raise _Doubt from None
        columns = zip(*taken, strict=True)
        for (name, (kind, nullable)), values in zip(spec.items(), columns, strict=True):
            _screen(values, kind, nullable)
            if name == "id" and not all(map(_ID_LENGTHS.__contains__, map(len, values))):
                raise _Doubt
            pattern = _FORMATS.get(table, {}).get(name)
            if pattern is not None and not all(
                pattern[0].fullmatch(v) for v in values if type(v) is str
            ):
                raise _Doubt
    except _Doubt:
        return [check_row(table, row) for row in rows]
    return rows


_ID_LENGTHS = range(1, 37)


@cache
def _getter(table: str) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """A row's values in the order of ``table``'s columns (every table has several)."""
    return itemgetter(*_spec(table))


class _Doubt(Exception):  # noqa: N818 - not an error: check row by row
    pass


_NONE = type(None)
_TYPES: dict[str, frozenset[type]] = {
    "str": frozenset({str}),
    "int": frozenset({int}),
    "float": frozenset({int, float}),
    "bool": frozenset({bool}),
    "date": frozenset({str}),
    "datetime": frozenset({str}),
}


def _screen(values: Sequence[Any], kind: str, nullable: bool) -> None:
    """Raise :class:`_Doubt` unless every value fits ``kind`` (None only if ``nullable``)."""
    found = set(map(type, values))
    allowed = _TYPES[kind] | {_NONE} if nullable else _TYPES[kind]
    if not found <= allowed:
        raise _Doubt
    if kind in ("int", "float"):  # within SQLite's 64 bits, and finite
        numbers = [v for v in values if v is not None] if _NONE in found else values
        if numbers and (
            min(numbers) < _INT64[0]
            or max(numbers) > _INT64[1]
            or (float in found and not all(map(math.isfinite, numbers)))
        ):
            raise _Doubt
        return
    if kind not in ("date", "datetime"):
        return
    texts = [v for v in values if v is not None] if _NONE in found else values
    try:
        if kind == "date":
            if set(map(len, texts)) - {10}:
                raise _Doubt
            list(map(date.fromisoformat, texts))
        else:
            list(map(datetime.fromisoformat, texts))
    except ValueError:
        raise _Doubt from None


_PHONE_TABLES = ("members", "youths")
"""The tables whose ``phone`` the member form and the youth form store in one normal form
(``roster.validation.normalize_phone``)."""
_NORMAL_PHONE = re.compile(r"0[0-9]{9,10}")
"""A phone as ``normalize_phone`` gives it, which it gives back unchanged."""
_PHONE = itemgetter("phone")
_PHONE_WORDS = "số điện thoại (10 chữ số, bắt đầu bằng 0, ví dụ 0912345678)"


def _phones(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Checked ``rows`` of ``table`` with each phone as the forms store it: "0912.345.678",
    " +84 912 345 678 " as "0912345678" (a copy of the row, its search text made again from
    it), a blank one as none; one the form would refuse refuses the bundle. The walk compares
    the rows so taken with ours: a phone only written otherwise is no change and no conflict.
    A chunk whose phones are stored so already (every row of a bundle the app wrote) is passed
    as it is."""
    if table not in _PHONE_TABLES or all(
        phone is None or _NORMAL_PHONE.fullmatch(phone) for phone in map(_PHONE, rows)
    ):
        return rows
    return [
        row
        if row["phone"] is None or _NORMAL_PHONE.fullmatch(row["phone"])
        else _phoned(table, row)
        for row in rows
    ]


def _phoned(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with its phone as the forms store it, or the refusal naming the person."""
    from .threeway import rederive

    typed = nfc(row["phone"])
    phone = normalize_phone(typed) if typed else None
    if typed and phone is None:
        raise refuse(
            table,
            row,
            f"{_said('phone')} phải là {_PHONE_WORDS}, không phải {_shown(row['phone'])}",
        )
    taken = dict(row, phone=phone)
    rederive(table, taken)  # the search text holds the phone
    return taken


def python_values(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A checked row's values as the Python values written to the database."""
    kinds = columns_of(table)
    return {name: from_json(value, kinds[name]) for name, value in row.items()}
