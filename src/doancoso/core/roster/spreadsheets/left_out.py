"""The line on the rows an import takes but leaves a value out of (:attr:`.preview.ImportRow.
left_out`: a CCCD of 5 digits, an admission at 40, imported empty with a warning), said by the
import wizard's result page and by ``members import`` alike: how many rows, and which columns of
the file to look at, by Excel's letter and the file's header, with their rows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...lang.text import vn_number
from .headers import column_letter

if TYPE_CHECKING:
    from .preview import ImportPreview

ROWS_NAMED = 10
"""A column names its first rows only; more are "…"."""


@dataclass(frozen=True)
class LeftOut:
    """A value a row gave and the import leaves out: the sheet's row, the field, and the
    file's column (Excel's letter and its header; ``column`` None for a field read from no
    single column, ``header`` then its label)."""

    row: int
    field: str
    column: str | None
    header: str


def left_out_values(preview: ImportPreview, labels: Mapping[str, str]) -> list[LeftOut]:
    """Every value :func:`left_out_text` speaks of, row by row (in each row, the file's column
    order): what ``members import --format json`` gives as ``left_out``."""
    found = []
    for row in preview.rows:
        for name in sorted(row.left_out, key=lambda name: _order(preview, name)):
            col = preview.mapping.get(name)
            if col is None:
                found.append(LeftOut(row.row, name, None, labels.get(name, name)))
            else:
                found.append(LeftOut(row.row, name, column_letter(col), _header(preview, col)))
    return found


def left_out_text(preview: ImportPreview, labels: Mapping[str, str]) -> str:
    """ "3 dòng bỏ qua giá trị không hợp lệ (không ghi vào danh sách): xem cột E “Số CCCD”
    (dòng 4, 7), cột H “Ngày vào Đoàn” (dòng 9)."; "" when no row leaves a value out. A field
    read from no single column (``preview.mapping`` has none for it) is named by its label in
    ``labels``."""
    rows = [row for row in preview.rows if row.left_out]
    if not rows:
        return ""
    by_field: dict[str, list[int]] = {}
    for row in rows:
        for name in row.left_out:
            by_field.setdefault(name, []).append(row.row)
    columns = []
    for name, numbers in sorted(by_field.items(), key=lambda item: _order(preview, item[0])):
        shown = ", ".join(str(n) for n in numbers[:ROWS_NAMED])
        more = ", …" if len(numbers) > ROWS_NAMED else ""
        columns.append(f"{_column(preview, name, labels)} (dòng {shown}{more})")
    return (
        f"{vn_number(len(rows))} dòng bỏ qua giá trị không hợp lệ (không ghi, các giá trị khác "
        f"của dòng vẫn được nhập): xem {', '.join(columns)}."
    )


def _order(preview: ImportPreview, name: str) -> int:
    return preview.mapping.get(name, len(preview.headers))


def _column(preview: ImportPreview, name: str, labels: Mapping[str, str]) -> str:
    col = preview.mapping.get(name)
    if col is None:
        return f"cột “{labels.get(name, name)}”"
    header = _header(preview, col)
    return f"cột {column_letter(col)} “{header}”" if header else f"cột {column_letter(col)}"


def _header(preview: ImportPreview, col: int) -> str:
    return preview.headers[col].strip() if col < len(preview.headers) else ""
