"""CSV files: read as UTF-8 (with or without BOM) when they are; otherwise as the 8-bit
encoding a Windows PC saves, when that can be told (see :func:`decode_csv_bytes`), or refused
with the line that is not UTF-8 and how to save it again; never as mojibake."""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from pathlib import Path
from typing import Any

from ..errors import ImportFileError
from ..lang.legacy import Encoding, decode_cell, plausible_vietnamese
from ..progress import EVERY, Report, Stages
from .cells import Cell, RowGuard
from .refusals import MAX_CSV_BYTES, SCAN_BYTES, os_error


def read_csv(
    path: Path, report: Report | None = None
) -> tuple[list[tuple[int, list[Cell]]], list[str]]:
    """The non-empty rows of a CSV file (its delimiter guessed), and the note for the preview
    when its encoding was converted. ``report(done, total)``: after the file is read and
    decoded, then every few hundred records (the characters read of the text)."""
    stages = Stages(report)
    decoding, splitting = stages.part(200), stages.part(800)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CSV_BYTES + 1)
    except OSError as exc:
        raise os_error(path, exc) from exc
    if len(data) > MAX_CSV_BYTES:  # grown since its size was checked
        raise ImportFileError(f"Tệp {path.name} quá lớn để nhập.", f"{len(data)} bytes")
    if b"\x00" in data[:SCAN_BYTES]:
        raise ImportFileError(
            f"Tệp {path.name} không phải tệp CSV dạng văn bản (có thể là UTF-16). Hãy lưu lại dạng "
            "“CSV UTF-8”.",
            "NUL bytes in a CSV",
        )
    decoding(0, 1)
    text, note = decode_csv_bytes(data, path.name)
    decoding(1, 1)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    guard = RowGuard(path)
    rows: list[tuple[int, list[Cell]]] = []
    source = io.StringIO(text, newline="")
    reader = csv.reader(source, dialect)
    number = 0
    try:
        for number, values in enumerate(reader, start=1):
            if report is not None and not number % EVERY:
                splitting(source.tell(), len(text))
            end = len(values)
            while end and not values[end - 1]:
                end -= 1
            if end and any(v.strip() for v in values):
                row = guard.check(number, list(values[:end]))
                if row is not None:
                    rows.append((number, row))
    except csv.Error as exc:
        number += 1  # the record being read
        if "field limit" in str(exc):  # "field larger than field limit (131072)"
            raise guard.too_long(number, csv.field_size_limit()) from exc
        raise ImportFileError(
            f"Không đọc được tệp {path.name}: tệp CSV bị hỏng ở dòng {number}. Hãy mở tệp, kiểm "
            "tra rồi lưu lại dạng “CSV UTF-8” và nhập lại.",
            f"record {number}: {exc}",
        ) from exc
    splitting(1, 1)
    return rows, [note] if note else []


def decode_csv_bytes(data: bytes, name: str) -> tuple[str, str | None]:
    """The text of a CSV file called ``name``, and a note for the preview when it was converted.

    UTF-8 (with or without BOM) is read strictly. A file that is otherwise UTF-8 (or has a BOM)
    but holds a byte that is not is refused, naming the line. Any other file is one of the
    8-bit encodings a Windows PC saves: Windows-1252 holding legacy TCVN3/VNI letters (an old
    roster typed with ".VnTime" fonts; read as Excel shows it, and the legacy detection
    converts the cells), or Windows-1258 (Excel's "CSV (Comma delimited)" on a Windows set to
    Vietnamese: converted, with a note). Whichever makes more words of the file Vietnamese
    wins; when neither does, the file is refused rather than read as mojibake.
    """
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        # where, counted from the file's start (utf-8-sig counts after its BOM)
        bad = exc.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
    line, text = _line_at(data, bad)
    save_as_utf8 = "lưu lại tệp CSV với bảng mã UTF-8 (Excel: Lưu thành → CSV UTF-8)."
    if data.startswith(codecs.BOM_UTF8) or _mostly_utf8(data):
        raise ImportFileError(
            f"Tệp {name} có chữ không đọc được ở dòng {line} (“{text}”): byte 0x{data[bad]:02X} "
            f"không phải chữ UTF-8. Hãy sửa chữ đó rồi {save_as_utf8}",
            f"invalid UTF-8 at byte {bad}",
        )
    western = data.decode("latin-1").translate(_CP1252_ROW)
    words = _foreign_words(western)
    if not words:  # no letter outside ASCII: nothing can be read wrong
        return western, None
    legacy = sum(1 for word in words if _is_legacy(word))
    try:
        vietnamese = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:  # a byte Windows-1258 leaves undefined
        vietnamese = ""
    plausible = implausible = 0
    for word in _foreign_words(vietnamese):
        if plausible_vietnamese(word):
            plausible += 1
        else:
            implausible += 1
    if plausible > legacy and plausible >= 9 * implausible:
        return vietnamese, (
            f"Tệp {name} được lưu bằng bảng mã Windows-1258, không phải UTF-8: chữ đã được "
            "chuyển sang Unicode, hãy kiểm tra lại họ tên trong bản xem trước. Lần sau hãy lưu "
            "dạng “CSV UTF-8” (Excel: Lưu thành → CSV UTF-8)."
        )
    if legacy:
        return western, None
    raise ImportFileError(
        f"Tệp {name} không được lưu bằng bảng mã UTF-8 (dòng {line} có byte "
        f"0x{data[bad]:02X}) và không nhận ra được bảng mã của nó. Hãy {save_as_utf8}",
        f"invalid UTF-8 at byte {bad}; legacy words {legacy}, Windows-1258 words "
        f"{plausible}/{plausible + implausible}",
    )


# One character of UTF-8 beyond ASCII: a lead byte and its continuation bytes.
_UTF8_CHAR = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_WORDS = 5_000  # distinct words enough to tell an encoding


def _mostly_utf8(data: bytes) -> bool:
    """Whether most bytes beyond ASCII form UTF-8 characters (the rest are stray bytes)."""
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    in_chars = sum(len(m) for m in _UTF8_CHAR.findall(data))
    return in_chars > 0 and in_chars * 2 >= high


def _line_at(data: bytes, at: int) -> tuple[int, str]:
    """The 1-based line number of byte ``at``, and that line (cut around it) for a message."""
    start = max(data.rfind(b"\n", 0, at) + 1, at - 60)
    end = data.find(b"\n", at)
    end = min(len(data) if end == -1 else end, at + 60)
    text = data[start:end].decode("utf-8", errors="replace").strip()
    return data.count(b"\n", 0, at) + 1, text


def _foreign_words(text: str) -> list[str]:
    """The distinct words of ``text`` with a letter beyond ASCII (the first few thousand)."""
    found: dict[str, None] = {}
    for word in _WORD.findall(text):
        if not word.isascii():
            found[word] = None
            if len(found) >= _SAMPLE_WORDS:
                break
    return list(found)


def _is_legacy(word: str) -> bool:
    decoded = decode_cell(word)
    return decoded.encoding is not Encoding.UNICODE and not decoded.unsure


# Latin-1 decodes every byte; this puts Windows-1252's letters in its 0x80-0x9F row.
_CP1252_ROW = {b: bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xA0)}
