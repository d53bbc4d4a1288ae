"""The line on the rows an import takes but leaves a value out of (:attr:`.preview.ImportRow.
left_out`: a CCCD of 5 digits, an admission at 40, imported empty with a warning), said by the
import wizard's result page and by ``members import`` alike: how many rows, and which columns of
the file to look at, by Excel's letter and the file's header, with their rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ...lang.text import vn_number
from .headers import column_letter

if TYPE_CHECKING:
    from .preview import ImportPreview

ROWS_NAMED = 10
"""A column names its first rows only; more are "…"."""


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
    header = preview.headers[col].strip() if col < len(preview.headers) else ""
    return f"cột {column_letter(col)} “{header}”" if header else f"cột {column_letter(col)}"
