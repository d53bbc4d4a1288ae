"""The dossier's cover page and table of contents (page numbers filled in by the assembly)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer

from ...core.documents import place_name
from ...core.lang.text import nfc
from ...core.organization import OrganizationInfo
from ..document import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, header_name
from ..fonts import REGULAR, register_fonts
from ..header_lines import header_lines
from ..styles import markup, styles
from ..tables import Column, PagedTable

TOC_TITLE = "MỤC LỤC"
OMITTED_HEAD = "Các phần không có trong hồ sơ:"


@dataclass(frozen=True)
class TocLine:
    """One line of the table of contents: a part (level 0) or an evidence item (level 1)."""

    title: str
    level: int
    page: int


def serif_canvas(*args: Any, **kwargs: Any) -> Canvas:
    kwargs["initialFontName"] = REGULAR  # reportlab's default would pull in Helvetica
    return Canvas(*args, **kwargs)


def cover(org: OrganizationInfo, year: int, issued_on: dt.date) -> list[Flowable]:
    st = styles()
    place = place_name(org)
    when = f"tháng {issued_on.month} năm {issued_on.year}"
    width = A4[0] - MARGIN_LEFT - MARGIN_RIGHT
    # A name too long for a line on even lines, names kept whole, as the documents' headers
    bodies = [(org.superior_name.upper(), st["superior"]),
              (header_name(org.name).upper(), st["issuer"])]  # fmt: skip
    return [
        *(
            Paragraph(header_lines(nfc(text), style.fontName, style.fontSize, width), style)
            for text, style in bodies
        ),
        Spacer(1, 70 * mm),
        Paragraph(markup("HỒ SƠ"), st["kind"]),
        Paragraph(markup("ĐỀ NGHỊ CÔNG NHẬN “ĐOÀN CƠ SỞ 3 CHỦ ĐỘNG”"), st["kind"]),
        Paragraph(markup(f"NĂM {year}"), st["kind"]),
        Spacer(1, 90 * mm),
        Paragraph(markup(f"{place}, {when}" if place else when.capitalize()), st["date"]),
    ]


def _item_style() -> ParagraphStyle:
    """A line under a part (an evidence item, a chi đoàn's minutes): indented under its part."""
    return ParagraphStyle("toc-item", fontName=REGULAR, fontSize=12, leading=14.5,
                          leftIndent=6 * mm)  # fmt: skip


def contents(lines: Sequence[TocLine], omitted: Sequence[tuple[str, str]]) -> list[Flowable]:
    st = styles()
    rows: list[tuple[object, ...]] = []
    number = 0
    for line in lines:
        if line.level == 0:
            number += 1
            rows.append((number, line.title, line.page))
        else:
            rows.append(("", Paragraph(markup(line.title), _item_style()), line.page))
    columns = [Column("STT", 1, "CENTER"), Column("Nội dung", 12), Column("Trang", 1.4, "CENTER")]
    story: list[Flowable] = [Paragraph(markup(TOC_TITLE), st["kind"]), Spacer(1, 6 * mm),
                             PagedTable(columns, rows, font_size=12)]  # fmt: skip
    if omitted:
        story += [Spacer(1, 6 * mm), Paragraph(markup(OMITTED_HEAD), st["total"])]
        story += [Paragraph(markup(f"- {name}: {note}"), st["body_left"]) for name, note in omitted]
    return story


def write_front(path: Path, org: OrganizationInfo, year: int, issued_on: dt.date,
                lines: Sequence[TocLine], omitted: Sequence[tuple[str, str]]) -> Path:  # fmt: skip
    """The cover (page 1) and the table of contents from page 2."""
    register_fonts()
    template = SimpleDocTemplate(str(path), pagesize=A4, topMargin=MARGIN_TOP,
                                 bottomMargin=MARGIN_BOTTOM, leftMargin=MARGIN_LEFT,
                                 rightMargin=MARGIN_RIGHT)  # fmt: skip
    template.build([*cover(org, year, issued_on), PageBreak(), *contents(lines, omitted)],
                   canvasmaker=serif_canvas)  # fmt: skip
    return path
