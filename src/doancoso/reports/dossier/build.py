"""The dossier assembled: its parts written one by one to a temporary folder, the evidence
checked first, the cover and table of contents with the pages where each part starts, then
everything merged with pypdf (bookmarks, running page numbers, metadata) and written
atomically: an unreadable evidence file stops it before anything is written."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from collections.abc import Callable, Sequence
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
from reportlab.lib.pagesizes import A4

from ...core.dossier.check import PARTS, Gap, check
from ...core.errors import AppError
from ...core.lang.text import nfc
from ...core.organization import OrganizationInfo
from ...core.recognition.service import ChecklistView
from ...core.storage.files import written_atomically
from ...core.workspace import Workspace
from ...core.youth.service import YouthFilter
from ..document import MARGIN_TOP, PAGE_NUMBER_SIZE
from ..fonts import BOLD, REGULAR, register_fonts
from ..plan import print_plan, print_report
from ..rating import print_summary
from ..roster import NO_ORGANIZATION, print_roster
from ..youth import print_youth
from .annex import Photo, check_files, write_photo_page
from .front import TocLine, serif_canvas, write_front
from .parts import (
    Evidence,
    numbered_evidence,
    write_activities,
    write_report,
    write_table,
    write_ttr,
)

TITLE = "Hồ sơ đề nghị công nhận “Đoàn cơ sở 3 chủ động” năm {year}"
ANNEX_TITLE = "PHỤ LỤC MINH CHỨNG"
STAMP_FONT = "/DossierPageNumber"


@dataclass
class Entry:
    """One part (level 0) or evidence item (level 1) and the PDFs it is made of."""

    title: str
    level: int
    files: list[PdfReader] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return sum(len(r.pages) for r in self.files)


@dataclass(frozen=True)
class Dossier:
    """What was built: the file, its page count, the parts in it, those left out and why."""

    path: Path
    pages: int
    parts: tuple[str, ...]
    omitted: tuple[tuple[str, str], ...]
    gaps: tuple[Gap, ...]


def _read(path: Path) -> PdfReader:
    return PdfReader(io.BytesIO(path.read_bytes()))


def build_dossier(ws: Workspace, path: Path | str, year: int, parts: Sequence[str] = tuple(PARTS),
                  *, number: str | None = None, issued_on: dt.date | None = None,
                  ) -> Dossier:  # fmt: skip
    """Write the dossier of ``year`` with ``parts`` (codes of :data:`PARTS`, in the order
    given) to ``path``; returns what was built.

    Raises AppError (Vietnamese, naming the file) when an evidence file is encrypted, damaged
    or not what it claims to be: nothing is written then.
    """
    org = ws.organization.get()
    if org is None:
        raise AppError(NO_ORGANIZATION)
    issued_on = issued_on or dt.date.today()
    gaps = check(ws, year, parts, number)
    view = ws.recognition.view(year) if ws.recognition.opened(year) is not None else None
    evidence = numbered_evidence(view) if view is not None and "minh-chung" in parts else []
    opened = check_files(evidence)  # before anything is written
    entries: list[Entry] = []
    omitted: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory(prefix="doancoso-dossier-") as folder:
        job = _Job(ws, org, year, number, issued_on, view, Path(folder))
        for part in parts:
            made = _part(job, part)
            if isinstance(made, str):
                omitted.append((PARTS[part], made))
            elif part == "minh-chung":
                if not evidence:
                    omitted.append((PARTS[part], "Chưa có tệp minh chứng nào."))
                    continue
                entries += _annex(PARTS[part], evidence, opened, job.temp)
            else:
                entries.append(Entry(PARTS[part], 0, made))
        pages = _assemble(path, org, year, issued_on, entries, omitted, job.temp)
    left_out = {name for name, _ in omitted}
    included = tuple(p for p in parts if PARTS[p] not in left_out)
    return Dossier(Path(path), pages, included, tuple(omitted), tuple(gaps))


@dataclass(frozen=True)
class _Job:
    ws: Workspace
    org: OrganizationInfo
    year: int
    number: str | None
    issued_on: dt.date
    view: ChecklistView | None
    temp: Path

    def made(self, name: str, write: Callable[[Path], object]) -> PdfReader:
        file = self.temp / f"{len(list(self.temp.iterdir()))}-{name}.pdf"
        write(file)
        return _read(file)


def _part(job: _Job, part: str) -> list[PdfReader] | str:
    """The PDFs of ``part`` written to the job's folder, or why it is left out."""
    ws, org, year, view, when = job.ws, job.org, job.year, job.view, job.issued_on
    if part == "to-trinh":
        return [job.made(part, lambda p: write_ttr(p, org, view, year, job.number, when))]
    if part in ("bao-cao", "bang"):
        if view is None:
            return f"Chưa lập bảng tự đánh giá năm {year}."
        if part == "bao-cao":
            return [job.made(part, lambda p: write_report(p, org, view, year, when))]
        evidence = numbered_evidence(view)
        return [job.made(part, lambda p: write_table(p, org, view, evidence, year, when))]
    if part == "ke-hoach":
        if ws.plans.get(year) is None:
            return f"Chưa có kế hoạch năm {year}."
        return [job.made("kh", lambda p: print_plan(ws, p, year)),
                job.made("bc", lambda p: print_report(ws, p, year))]  # fmt: skip
    if part == "hoat-dong":
        rows = ws.activities.occurrences(dt.date(year, 1, 1), dt.date(year, 12, 31))
        if not rows:
            return f"Chưa có hoạt động nào trong năm {year}."
        kinds = ws.activities.kind_names()
        details = [ws.activities.occurrence(r.id) for r in rows]
        return [job.made(part, lambda p: write_activities(p, org, details, kinds, year, when))]
    if part == "xep-loai":
        if ws.rating.round(year) is None:
            return f"Chưa có đợt đánh giá, xếp loại năm {year}."
        return [job.made(part, lambda p: print_summary(ws, p, year, issued_on=when))]
    if part == "doan-vien":
        return [job.made(part, lambda p: print_roster(ws, p, issued_on=when))]
    if part == "thanh-nien":
        flt = YouthFilter(hardship_only=True)
        if not ws.youth.ids(flt):
            return "Không có thanh niên có hoàn cảnh khó khăn."
        return [job.made(part, lambda p: print_youth(ws, p, flt, issued_on=when))]
    return []  # "minh-chung": the annex, made by the caller


def _annex(name: str, evidence: Sequence[Evidence], opened: dict[str, PdfReader | Photo],
           temp: Path) -> list[Entry]:  # fmt: skip
    divider = temp / "annex.pdf"
    register_fonts()
    width, height = A4
    canvas = serif_canvas(str(divider), pagesize=A4)
    canvas.setFont(BOLD, 16)
    canvas.drawCentredString(width / 2, height / 2, ANNEX_TITLE)
    canvas.showPage()
    canvas.save()
    entries = [Entry(name, 0, [_read(divider)])]
    for e in evidence:
        item = opened[e.number]
        title = f"{e.label}: {e.caption}"
        if isinstance(item, PdfReader):
            entries.append(Entry(title, 1, [item]))
        else:
            page = write_photo_page(temp / f"photo-{e.number}.pdf", e, item)
            entries.append(Entry(title, 1, [_read(page)]))
    return entries


def _starts(entries: Sequence[Entry], front_pages: int) -> list[int]:
    starts, page = [], front_pages + 1
    for entry in entries:
        starts.append(page)
        page += entry.pages
    return starts


def _assemble(path: Path | str, org: OrganizationInfo, year: int, issued_on: dt.date,
              entries: Sequence[Entry], omitted: Sequence[tuple[str, str]], temp: Path,
              ) -> int:  # fmt: skip
    """Cover and contents (rebuilt until their own page count is stable), then the merge."""
    front_pages = 2
    while True:
        starts = _starts(entries, front_pages)
        lines = [TocLine(e.title, e.level, s) for e, s in zip(entries, starts, strict=True)]
        front = _read(write_front(temp / f"front-{front_pages}.pdf", org, year, issued_on,
                                  lines, omitted))  # fmt: skip
        if len(front.pages) == front_pages:
            break
        front_pages = len(front.pages)
    writer = PdfWriter()
    writer.append(front, import_outline=False)
    parent = None
    for entry, start in zip(entries, starts, strict=True):
        for reader in entry.files:
            writer.append(reader, import_outline=False)
        item = writer.add_outline_item(title=nfc(entry.title), page_number=start - 1,
                                       parent=parent if entry.level else None)  # fmt: skip
        if entry.level == 0:
            parent = item
    _number_pages(writer)
    writer.add_metadata({"/Title": nfc(TITLE.format(year=year)), "/Author": nfc(org.name),
                         "/Creator": "doancoso"})  # fmt: skip
    writer.page_mode = "/UseOutlines"
    with written_atomically(Path(path)) as target, target.open("wb") as handle:
        writer.write(handle)
    return len(writer.pages)


def _number_pages(writer: PdfWriter) -> None:
    """The dossier's page number centred in the top margin of every page but the cover.

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
            canvas.setFont(REGULAR, PAGE_NUMBER_SIZE + 2)
            canvas.drawCentredString(float(box.left) + float(box.width) / 2,
                                     float(box.top) - MARGIN_TOP / 2, str(number))  # fmt: skip
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


def _stream(data: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream
