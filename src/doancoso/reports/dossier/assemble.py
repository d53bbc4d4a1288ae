"""The dossier put together: the cover and table of contents with the page where each part
and evidence item starts, every PDF merged with pypdf, bookmarks, the running page numbers and
the metadata, then written atomically (each step reported, so that it can be cancelled)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
)
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from ...core.lang.text import nfc
from ...core.organization import OrganizationInfo
from ...core.storage.files import written_atomically
from ..document import MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, PAGE_NUMBER_SIZE
from ..fonts import REGULAR, register_fonts, string_width
from .front import TocLine, serif_canvas, write_front

TITLE = "Hồ sơ đề nghị công nhận “Đoàn cơ sở 3 chủ động” năm {year}"
STAMP_FONT = "/DossierPageNumber"
FOOT_LINES = 2
FOOT_BASE = 6 * mm
FRONT_PAGES = 2
"""The cover and contents' usual length: the first guess, checked once they are written."""


@dataclass
class Entry:
    """One part (level 0) or item of a part (level 1: an evidence item, a minutes, a chi
    đoàn's list) and the PDFs it is made of; ``same_page``: it starts on the page where the
    entry before it starts (the second of two photos on a page); ``stamp``: a label printed in
    the top margin of each of its pages, right of the page number (an evidence PDF's number:
    its pages carry no caption of their own); ``key``: how a document citing it finds the
    page where it starts (a part's code, an evidence file's :func:`evidence_key`);
    ``caption``: a line printed in the bottom margin of its first page (an evidence PDF's
    number and caption, as the contents give them: the officer turning to the page reads
    what it is, as under a photo); ``starts_with``: the key of an entry before it where it
    starts, without pages of its own (an evidence file attached to another item too, printed
    once)."""

    title: str
    level: int
    files: list[PdfReader] = field(default_factory=list)
    same_page: bool = False
    stamp: str | None = None
    key: str | None = None
    caption: str | None = None
    starts_with: str | None = None

    def stamps(self) -> list[str | None]:
        """The label of each of its pages: "Minh chứng 1.1.1 (trang 2/3)"."""
        if self.stamp is None:
            return [None] * self.pages
        if self.pages == 1:
            return [self.stamp]
        return [f"{self.stamp} (trang {n}/{self.pages})" for n in range(1, self.pages + 1)]

    def feet(self) -> list[str | None]:
        """The text at the foot of each of its pages: the caption on the first."""
        if self.pages == 0:
            return []
        return [self.caption] + [None] * (self.pages - 1)

    @property
    def pages(self) -> int:
        return sum(len(r.pages) for r in self.files)


Late = Callable[[Mapping[str, int]], bool]
"""Rewrites the files of the entries that cite the pages of others (the self-assessment table,
the register) from the pages where the keyed entries start, those whose cited pages moved;
True when that changed a page count."""
LATE_ROUNDS = 5
"""At most this many rewrites that change the citing entry's length (each moves the pages
after it): two are enough unless a page number's extra digit keeps adding a line."""


def evidence_key(number: str) -> str:
    """The key of the annex's entry of the evidence file numbered ``number`` ("1.2.3")."""
    return f"minh-chung:{number}"


def read_pdf(path: Path) -> PdfReader:
    return PdfReader(io.BytesIO(path.read_bytes()))


def starts(entries: Sequence[Entry], front_pages: int) -> list[int]:
    """The page where each entry starts, after ``front_pages`` pages of cover and contents."""
    found: list[int] = []
    keyed: dict[str, int] = {}
    page = front_pages + 1
    for entry in entries:
        if entry.starts_with is not None:
            found.append(keyed[entry.starts_with])
        else:
            found.append(found[-1] if entry.same_page and found else page)
        if entry.key is not None:
            keyed[entry.key] = found[-1]
        page += entry.pages
    return found


def keyed_starts(entries: Sequence[Entry], at: Sequence[int]) -> dict[str, int]:
    """The page where each entry with a key starts."""
    return {e.key: page for e, page in zip(entries, at, strict=True) if e.key is not None}


def assemble(path: Path | str, org: OrganizationInfo, year: int, issued_on: dt.date,
             entries: Sequence[Entry], omitted: Sequence[tuple[str, str]], temp: Path,
             step: Callable[[], None], late: Late | None = None) -> int:  # fmt: skip
    """Cover and contents (rebuilt until their own page count is stable), with ``late``
    rewriting the entry that cites others' pages once they are known, then the merge
    (``step()`` after it) and the write (``step()`` once written, before the file takes its
    name: a step that raises leaves nothing). Returns the number of pages."""
    front_pages = FRONT_PAGES
    rounds = 0
    while True:
        at = starts(entries, front_pages)
        lines = [TocLine(e.title, e.level, s) for e, s in zip(entries, at, strict=True)]
        front = read_pdf(write_front(temp / f"front-{front_pages}.pdf", org, year, issued_on,
                                     lines, omitted))  # fmt: skip
        if len(front.pages) != front_pages:
            front_pages = len(front.pages)
            continue
        # Once the front's length is known (its lines, not their numbers, make it), so that
        # the citing entry is not rewritten for pages about to move.
        if late is not None and rounds < LATE_ROUNDS and late(keyed_starts(entries, at)):
            rounds += 1
            continue  # it grew or shrank: the pages after it moved
        break
    writer = PdfWriter()
    writer.append(front, import_outline=False)
    for entry in entries:
        for reader in entry.files:
            writer.append(reader, import_outline=False)
    parent = None  # bookmarks once every page is in (a part may start with its first item's)
    for entry, start in zip(entries, at, strict=True):
        item = writer.add_outline_item(title=nfc(entry.title), page_number=start - 1,
                                       parent=parent if entry.level else None)  # fmt: skip
        if entry.level == 0:
            parent = item
    _number_pages(writer, [None] * front_pages + [s for e in entries for s in e.stamps()],
                  [None] * front_pages + [f for e in entries for f in e.feet()])  # fmt: skip
    writer.add_metadata({"/Title": nfc(TITLE.format(year=year)), "/Author": nfc(org.name),
                         "/Creator": "doancoso"})  # fmt: skip
    writer.page_mode = "/UseOutlines"
    step()
    with written_atomically(Path(path)) as target:
        with target.open("wb") as handle:
            writer.write(handle)
        step()
    return len(writer.pages)


def _number_pages(writer: PdfWriter, stamps: Sequence[str | None],
                  feet: Sequence[str | None]) -> None:  # fmt: skip
    """The dossier's page number centred in the top margin of every page but the cover, and
    each page's stamp (an evidence PDF's label) right-aligned on the same line; each page's
    foot (an evidence PDF's caption, on its first page) centred in the bottom margin.

    The numbers are drawn by reportlab on pages of their own, then each one's content is added
    to its page as one more content stream (the page's own wrapped in q/Q) with the number's
    font: far quicker than pypdf's ``merge_page``, which rewrites every page's content."""
    register_fonts()
    for page in writer.pages:
        if page.rotation:  # a scan kept turned: the number goes at the top as it is read
            page.transfer_rotation_to_content()
    buffer = io.BytesIO()
    canvas = serif_canvas(buffer)
    for number, page in enumerate(writer.pages, start=1):
        box = page.mediabox
        canvas.setPageSize((float(box.width), float(box.height)))
        if number > 1:
            baseline = float(box.top) - MARGIN_TOP / 2
            canvas.setFont(REGULAR, PAGE_NUMBER_SIZE + 2)
            canvas.drawCentredString(float(box.left) + float(box.width) / 2, baseline,
                                     str(number))  # fmt: skip
            label = stamps[number - 1]
            if label is not None:
                canvas.drawRightString(float(box.right) - MARGIN_RIGHT, baseline, nfc(label))
            foot = feet[number - 1]
            if foot is not None:
                _draw_foot(canvas, foot, float(box.left), float(box.bottom), float(box.width))
        canvas.showPage()
    canvas.save()
    overlay = PdfReader(buffer)
    font_ref = None
    push = writer._add_object(_stream(b"q\n"))
    for number, page in enumerate(writer.pages):
        if number == 0:
            continue
        stamp = overlay.pages[number]
        stamp_resources = cast(DictionaryObject, stamp["/Resources"].get_object())
        ((key, ref),) = cast(DictionaryObject, stamp_resources["/Font"].get_object()).items()
        if font_ref is None:
            font_ref = ref.get_object().clone(writer).indirect_reference
        data = stamp.get_contents().get_data()  # type: ignore[union-attr]
        data = data.replace(f"{key} ".encode(), f"{STAMP_FONT} ".encode())
        tail = writer._add_object(_stream(b"\nQ\n" + data))
        contents = page.get("/Contents")
        existing = contents.get_object() if contents is not None else None
        if isinstance(existing, ArrayObject):
            streams = list(existing)
        elif contents is None:
            streams = []
        elif isinstance(contents, IndirectObject):
            streams = [contents]
        else:
            streams = [writer._add_object(contents)]
        page[NameObject("/Contents")] = ArrayObject([push, *streams, tail])
        if "/Resources" not in page:
            page[NameObject("/Resources")] = DictionaryObject()
        resources = cast(DictionaryObject, page["/Resources"].get_object())
        if "/Font" not in resources:
            resources[NameObject("/Font")] = DictionaryObject()
        fonts = cast(DictionaryObject, resources["/Font"].get_object())
        fonts[NameObject(STAMP_FONT)] = font_ref


def foot_lines(text: str, width: float) -> list[str]:
    """``text`` on at most :data:`FOOT_LINES` lines of ``width``, the last cut with "…"."""
    lines = simpleSplit(nfc(text), REGULAR, PAGE_NUMBER_SIZE, width)
    if len(lines) <= FOOT_LINES:
        return lines
    last = " ".join(lines[FOOT_LINES - 1 :])
    while string_width(f"{last}…", REGULAR, PAGE_NUMBER_SIZE) > width and " " in last:
        last = last.rsplit(" ", 1)[0]
    return [*lines[: FOOT_LINES - 1], f"{last}…"]


def _draw_foot(canvas: Canvas, text: str, left: float, bottom: float, width: float) -> None:
    """``text`` centred in the bottom margin, its last line 6 mm above the page's edge."""
    lines = foot_lines(text, width - MARGIN_LEFT - MARGIN_RIGHT)
    centre = left + MARGIN_LEFT + (width - MARGIN_LEFT - MARGIN_RIGHT) / 2
    leading = PAGE_NUMBER_SIZE * 1.2
    for index, line in enumerate(lines):
        canvas.drawCentredString(centre, bottom + FOOT_BASE + (len(lines) - 1 - index) * leading,
                                 line)  # fmt: skip


def _stream(data: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream
