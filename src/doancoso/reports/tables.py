"""Table documents: a list of column specs and row tuples printed as one long table.

Used by the printed roster and by any later list (e.g. the youth register): the header row is
repeated on every page, and a long table costs time in proportion to its length. reportlab's
own Table re-measures every remaining row each time it splits at a page end, which is
quadratic; :class:`PagedTable` instead hands the frame one ordinary Table per page, built
from only the rows that can fit there, and keeps the rest for the next page; each row's cells
are laid out once to measure it (its height kept for the next pages) and once to draw it. A row
is kept whole on a page, unless it is taller than what a page holds (an item citing forty
files): then it starts at the top of a page and is split within, its cells going on on the next
page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
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
KEPT_ROWS = 2
"""A table's last rows that stand together at a page break: split at a page's foot, a table
leaves at least this many rows for the next page, so that the page of its end (with the total
line and the signature, :class:`~.keep_end.KeepEnd`) never holds its last row alone."""
ROW_SPLIT_RANGE = (0, -KEPT_ROWS)
"""reportlab's ``rowSplitRange`` (the rows between which a table may be split) that keeps the
last :data:`KEPT_ROWS` rows together."""


@dataclass(frozen=True)
class Column:
    """One column: its header text, its share of the width (any unit; shares are scaled to the
    text width) and how its cells are aligned. Text too long for the cell wraps onto more lines."""

    title: str
    weight: float
    align: Align = "LEFT"


class _MeasuredTable(Table):
    """A Table that measures its cells once for a given space: reportlab's own measures every
    cell again at each wrap and at each split, and a page's table is wrapped then split in the
    same space (its cells, the rows themselves, do not change once it is made)."""

    _measured: tuple[float, float] | None = None

    def _calc(self, availWidth: float, availHeight: float) -> None:  # noqa: N803
        if self._measured == (availWidth, availHeight):
            return
        super()._calc(availWidth, availHeight)  # type: ignore[misc]  # not in reportlab's stubs
        self._measured = (availWidth, availHeight)


@dataclass
class _Made:
    """The cells made and the heights measured of a table's rows, by row index, at one width:
    shared by the tables of the following pages, so that a row measured on one page but left
    for the next (each page's table is built with more rows than can fit) is not made or
    measured again there."""

    width: float = -1.0
    cells: dict[int, list[object]] = field(default_factory=dict)
    heights: dict[int, float] = field(default_factory=dict)

    def at_width(self, width: float) -> None:
        if width != self.width:
            self.cells.clear()
            self.heights.clear()
            self.width = width

    def forget_before(self, start: int) -> None:
        """Forget the rows of earlier pages."""
        for made in (self.cells, self.heights):
            for index in [i for i in made if i < start]:
                del made[index]


class PagedTable(Flowable):
    """A table of any length with the header row on every page (see the module docstring)."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Sequence[object]], *,
                 font_size: float = 10.5, _start: int = 0,
                 _made: _Made | None = None,
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
        # Cells already made and rows measured; shared with the tables of the following pages.
        self._made = _made if _made is not None else _Made()
        # The rest of the first row's cells when the page before split it (never put in
        # _made: the row split again at another height, as KeepEnd does, starts whole).
        self._carried = _carried
        self._table: Table | None = None
        self._table_key: tuple[float, int] = (-1.0, -1)
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
        cells = self._made.cells.get(index)
        if cells is None:
            row = self.rows[index]
            cells = [self._cell(v, c, w) for v, c, w in zip(row, self.columns, widths, strict=True)]
            self._made.cells[index] = cells
        return cells

    def _is_carried(self, index: int) -> bool:
        return index == self._start and self._carried is not None

    def _known_height(self, index: int) -> float | None:
        return None if self._is_carried(index) else self._made.heights.get(index)

    def _make_table(self, avail_width: float, count: int) -> Table:
        """The table of the next ``count`` rows (a row split within only when :meth:`split`
        allows it, on the table :meth:`wrap` measured)."""
        if (avail_width, count) == self._table_key and self._table is not None:
            return self._table
        widths = self._col_widths(avail_width)
        self._made.at_width(avail_width)
        self._made.forget_before(self._start)
        # A header holds a word of two syllables on one line with a no-break space, as a cell
        # does ("khó khăn": "Hoàn cảnh / khó khăn", never "Hoàn cảnh khó / khăn").
        header = [Paragraph("&nbsp;".join(markup(p) for p in c.title.split(NBSP)),
                            self._head_style) for c in self.columns]  # fmt: skip
        end = min(len(self.rows), self._start + count)
        body = [self._row_cells(i, widths) for i in range(self._start, end)]
        # None: reportlab measures the row (its cells' flowables laid out)
        heights = [None, *(self._known_height(i) for i in range(self._start, end))]
        table = _MeasuredTable([header, *body], colWidths=widths, rowHeights=heights,
                               repeatRows=1)  # fmt: skip
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
        self._table, self._table_key = table, (avail_width, count)
        return table

    def _measure(self, table: Table, avail_width: float, avail_height: float,
                 ) -> tuple[float, float]:  # fmt: skip
        """``table`` measured (:meth:`_make_table`'s), the heights of its rows kept with their
        cells as reportlab made them ready (a flowable put in a tuple, as it must be found when
        a row of known height is split within)."""
        width, height = table.wrap(avail_width, avail_height)
        measured: list[float | None] = table._rowHeights  # type: ignore[attr-defined]
        values: list[list[object]] = table._cellvalues  # type: ignore[attr-defined]
        for offset, row_height in enumerate(measured[1:], start=1):
            index = self._start + offset - 1
            if row_height is not None and not self._is_carried(index):
                self._made.heights[index] = row_height
                self._made.cells[index] = values[offset]
        return width, height

    def _remaining(self) -> int:
        return len(self.rows) - self._start

    def _fitting_count(self, avail_height: float) -> int:
        """At most this many rows can fit in ``avail_height`` (every row is at least one line)."""
        return max(1, int(avail_height / self._min_row) + 1)

    # Flowable ----------------------------------------------------------------------------

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        count = min(self._remaining(), self._fitting_count(availHeight))
        self._table = self._make_table(availWidth, count)
        width, height = self._measure(self._table, availWidth, availHeight)
        self.width, self.height = width, height + (self._remaining() - count) * self._min_row
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        count = min(self._remaining(), self._fitting_count(availHeight))
        # A row is split within only at the top of a page: taller than a page, it could not be
        # placed whole anywhere. Lower on a page it goes to the next one, never beginning
        # under the rows just placed with the header row repeated above it.
        at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", False))
        table = self._make_table(availWidth, count)  # most often the one wrap just measured
        # Split by rows first; within a row only when no whole row fits (reportlab's order),
        # leaving at least two lines of it on the page. (reportlab reads splitInRow only when
        # splitting: the table measured by wrap serves as it is.)
        table.splitInRow = round(2 * self._min_row) if at_top else 0
        self._measure(table, availWidth, availHeight)
        table._rowSplitRange = self._split_range(count)  # type: ignore[attr-defined]
        parts = table.split(availWidth, availHeight)
        if not parts and at_top:  # a page holds fewer rows than are to stand together
            table._rowSplitRange = None  # type: ignore[attr-defined]
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
                               _made=self._made, _carried=carried)  # fmt: skip
        return [parts[0], following]

    def _split_range(self, count: int) -> tuple[int, int] | None:
        """Where the table of the next ``count`` rows may be split (reportlab's
        ``rowSplitRange``, rows counted with the header): anywhere, but when it holds the
        table's last rows, before the last :data:`KEPT_ROWS` of them at the latest."""
        return ROW_SPLIT_RANGE if self._start + count >= len(self.rows) else None

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
