"""Table documents: a list of column specs and row tuples printed as one long table.

Used by the printed roster and by any later list (e.g. the youth register): the header row is
repeated on every page, and a long table costs time in proportion to its length. reportlab's
own Table re-measures every remaining row each time it splits at a page end, which is
quadratic; :class:`PagedTable` instead hands the frame one ordinary Table per page, built
from only the rows that can fit there, and keeps the rest for the next page. A row is kept
whole on a page, unless it is taller than what a page holds (an item citing forty files): then
it starts at the top of a page and is split within, its cells going on on the next page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from ..core.lang.text import nfc
from .document import UnionDocument
from .fonts import BOLD, REGULAR, char_widths
from .styles import Alignment, markup

Align = Literal["LEFT", "CENTER", "RIGHT"]
_ALIGNMENT: dict[str, Alignment] = {"LEFT": TA_LEFT, "CENTER": TA_CENTER, "RIGHT": TA_RIGHT}
PADDING = 3.0
NBSP = "\u00a0"
CONTINUED = "(tiếp)"


@dataclass(frozen=True)
class Column:
    """One column: its header text, its share of the width (any unit; shares are scaled to the
    text width) and how its cells are aligned. Text too long for the cell wraps onto more lines."""

    title: str
    weight: float
    align: Align = "LEFT"


class PagedTable(Flowable):
    """A table of any length with the header row on every page (see the module docstring)."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Sequence[object]], *,
                 font_size: float = 10.5, _start: int = 0,
                 _cells: dict[int, list[object]] | None = None,
                 _carried: list[object] | None = None) -> None:  # fmt: skip
        super().__init__()
        self.columns = tuple(columns)
        self.rows = rows
        self.font_size = font_size
        self._start = _start
        self._leading = round(font_size * 1.2, 1)
        self._min_row = self._leading + 2 * PADDING
        self._styles = {
            align: ParagraphStyle(f"cell-{align}", fontName=REGULAR, fontSize=font_size,
                                  leading=self._leading, alignment=_ALIGNMENT[align])
            for align in _ALIGNMENT
        }  # fmt: skip
        self._head_style = ParagraphStyle("cell-head", fontName=BOLD, fontSize=font_size,
                                          leading=self._leading, alignment=TA_CENTER)  # fmt: skip
        # Cells already made, by row index; shared with the tables of the following pages.
        self._cells = _cells if _cells is not None else {}
        # The rest of the first row's cells when the page before split it (never put in
        # _cells: the row split again at another height, as KeepEnd does, starts whole).
        self._carried = _carried
        self._cells_width = -1.0
        self._table: Table | None = None
        self._table_key: tuple[float, int, bool] = (-1.0, -1, False)
        self._char_widths, self._default_width = char_widths(REGULAR)

    # Cells -------------------------------------------------------------------------------

    def _col_widths(self, avail_width: float) -> list[float]:
        total = sum(c.weight for c in self.columns) or 1.0
        return [avail_width * c.weight / total for c in self.columns]

    def _cell(self, value: object, column: Column, width: float) -> object:
        if isinstance(value, Paragraph):  # laid out by the caller (an indented line...)
            return value
        # A no-break space put there on purpose ("trang 12") holds its words on one line;
        # nfc() would make it a plain space (data entered never holds one: nfc cleaned it).
        pieces = [nfc(piece) for piece in ("" if value is None else str(value)).split(NBSP)]
        text = NBSP.join(pieces)
        # A plain string is far cheaper for reportlab than a Paragraph: use one where it fits.
        widths, default = self._char_widths, self._default_width
        if (
            sum(widths.get(ord(ch), default) for ch in text) * self.font_size / 1000
            <= width - 2 * PADDING - 0.5
        ):
            return text
        return Paragraph("&nbsp;".join(markup(p) for p in pieces), self._styles[column.align])

    def _row_cells(self, index: int, widths: list[float]) -> list[object]:
        if index == self._start and self._carried is not None:
            return self._carried
        cells = self._cells.get(index)
        if cells is None:
            row = self.rows[index]
            cells = [self._cell(v, c, w) for v, c, w in zip(row, self.columns, widths, strict=True)]
            self._cells[index] = cells
        return cells

    def _make_table(self, avail_width: float, count: int, in_row: bool = False) -> Table:
        """The table of the next ``count`` rows; ``in_row``: a row may be split within."""
        if (avail_width, count, in_row) == self._table_key and self._table is not None:
            return self._table
        widths = self._col_widths(avail_width)
        if avail_width != self._cells_width:
            self._cells.clear()
            self._cells_width = avail_width
        header = [Paragraph(markup(c.title), self._head_style) for c in self.columns]
        end = min(len(self.rows), self._start + count)
        body = [self._row_cells(i, widths) for i in range(self._start, end)]
        for i in [i for i in self._cells if i < self._start]:  # rows of earlier pages
            del self._cells[i]
        # Split by rows first; within a row only when no whole row fits (reportlab's order),
        # leaving at least two lines of it on the page.
        table = Table([header, *body], colWidths=widths, repeatRows=1,
                      splitInRow=round(2 * self._min_row) if in_row else 0)  # fmt: skip
        commands: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("FONTNAME", (0, 0), (-1, 0), BOLD),
            ("FONTSIZE", (0, 0), (-1, -1), self.font_size),
            ("LEADING", (0, 0), (-1, -1), self._leading),
            ("GRID", (0, 0), (-1, -1), 0.5, "black"),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("VALIGN", (0, 1), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), PADDING - 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING + 1),
        ]
        for index, column in enumerate(self.columns):
            commands.append(("ALIGN", (index, 1), (index, -1), column.align))
        table.setStyle(TableStyle(commands))
        self._table, self._table_key = table, (avail_width, count, in_row)
        return table

    def _remaining(self) -> int:
        return len(self.rows) - self._start

    def _fitting_count(self, avail_height: float) -> int:
        """At most this many rows can fit in ``avail_height`` (every row is at least one line)."""
        return max(1, int(avail_height / self._min_row) + 1)

    # Flowable ----------------------------------------------------------------------------

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        count = min(self._remaining(), self._fitting_count(availHeight))
        self._table = self._make_table(availWidth, count)
        width, height = self._table.wrap(availWidth, availHeight)
        self.width, self.height = width, height + (self._remaining() - count) * self._min_row
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        count = min(self._remaining(), self._fitting_count(availHeight))
        # A row is split within only at the top of a page: taller than a page, it could not be
        # placed whole anywhere. Lower on a page it goes to the next one, never beginning
        # under the rows just placed with the header row repeated above it.
        at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", False))
        table = self._make_table(availWidth, count, in_row=at_top)
        table.wrap(availWidth, availHeight)
        parts = table.split(availWidth, availHeight)
        if not parts:
            return []
        # Rows of the part that fits, less the header row (reportlab's Table keeps its row count
        # in _nrows, which its stubs do not declare).
        placed = parts[0]._nrows - 1  # type: ignore[attr-defined]
        if placed <= 0:
            return []
        carried = None
        if len(parts) > 1 and parts[1]._nrows - 1 > count - placed:  # type: ignore[attr-defined]
            # Its last row split within: the row goes on, with the rest of its cells.
            placed -= 1
            carried = list(parts[1]._cellvalues[1])  # type: ignore[attr-defined]
            first_width = self._col_widths(availWidth)[0]
            carried[0] = self._continued(self._start + placed, carried[0], first_width)
        rest = self._start + placed
        if rest >= len(self.rows):
            return [parts[0]]
        following = PagedTable(self.columns, self.rows, font_size=self.font_size, _start=rest,
                               _cells=self._cells, _carried=carried)  # fmt: skip
        following._cells_width = self._cells_width
        return [parts[0], following]

    def _continued(self, index: int, rest: object, width: float) -> object:
        """The first cell of a row going on from the page before: its number or code (what a
        table's first column holds) with "(tiếp)", when nothing of it is left to print."""
        first = self.rows[index][0] if self.rows[index] else None
        if rest or first is None or first == "" or isinstance(first, Flowable):
            return rest
        return self._cell(f"{nfc(str(first))} {CONTINUED}", self.columns[0], width)

    def draw(self) -> None:
        # Reached only when everything left fits in the frame (wrap built that table).
        assert self._table is not None
        self._table.drawOn(self.canv, 0, 0)


def build_table_document(
    doc: UnionDocument,
    path: Path | str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[object]],
    *,
    before: Iterable[Flowable] = (),
    after: Iterable[Flowable] = (),
    font_size: float = 10.5,
) -> Path:
    """Print ``rows`` under ``columns`` inside the union's document frame ``doc``.

    ``before`` and ``after`` are flowables placed above and below the table; ``after`` (e.g. a
    total line) stays on the page of the signature block.
    """
    body = [*before, PagedTable(columns, rows, font_size=font_size)]
    return doc.build(path, body, closing_lead=list(after))
