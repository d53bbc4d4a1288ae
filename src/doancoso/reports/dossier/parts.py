"""The dossier's own documents: the tờ trình (TTr), the self-assessment report (BC), the
self-assessment table and the year's activities, each written to a PDF of its own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ...core.activities.rules import STATUSES as ACTIVITY_STATUSES
from ...core.activities.service import OccurrenceDetail
from ...core.evidence.service import Attachment
from ...core.lang.dates import format_vn_date
from ...core.lang.text import nfc, vn_number
from ...core.organization import OrganizationInfo
from ...core.recognition.rules import NOT_APPLICABLE, STATUSES, points_text
from ...core.recognition.service import ChecklistView, ItemView
from ..document import UnionDocument
from ..fonts import BOLD, register_fonts
from ..styles import Alignment, markup, styles
from ..tables import NBSP, Column, PagedTable

RECOGNITION = "“Đoàn cơ sở 3 chủ động”"
TTR_KIND = "TỜ TRÌNH"
BC_KIND = "BÁO CÁO"
TABLE_KIND = "BẢNG TỰ ĐÁNH GIÁ"
ACTIVITIES_KIND = "DANH SÁCH HOẠT ĐỘNG"
AFTER_TABLE = 3 * mm
"""The room left between a table and the line under it ("Kết quả: …", "Tổng cộng: …"), as the
other documents leave it (the plan's report, the handover record)."""


@dataclass(frozen=True)
class Evidence:
    """One attached file with its number in the dossier ("Minh chứng 1.2.3") and the text of
    the checklist item it proves."""

    number: str
    item: str
    attachment: Attachment
    item_text: str = ""

    @property
    def label(self) -> str:
        return f"Minh chứng {self.number}"

    @property
    def dated(self) -> str:
        """ " (15/10/2026)": the day the file was made, as entered with its caption ("" if
        none was entered)."""
        taken_on = self.attachment.taken_on
        return f" ({format_vn_date(taken_on)})" if taken_on is not None else ""

    @property
    def caption(self) -> str:
        """What the file shows, as its caption says, with its day; without one, the item it
        proves.

        Never the file's name: "bien-ban-1cong1.pdf" tells the superior body's reader nothing
        and shows the dossier was not read over. The item's text says at least what the file
        is there to prove, and the dossier check names the file as a gap to mend
        (:mod:`~doancoso.core.dossier.check`)."""
        return (nfc(self.attachment.caption) or self.item_text or self.label) + self.dated

    @property
    def entry(self) -> str:
        """The line of the table of contents and the annex: "Minh chứng 1.2.3: Biên bản …"."""
        return f"{self.label}: {self.caption}"

    @property
    def cell(self) -> str:
        """The line of the self-assessment table, whose row already gives the item's text: the
        caption, else the number alone (with the file's day)."""
        return self.cell_on(None)

    def cell_on(self, page: int | None) -> str:
        """:attr:`cell` with the dossier's page where the file starts after its number
        ("Minh chứng 1.1.1 (trang 12): Biên bản …"): the officer turns to it from the table.
        "Minh chứng 1.1.1" is held on one line (no-break spaces), as the register holds it."""
        caption = nfc(self.attachment.caption)
        label = on_page(self.label.replace(" ", NBSP), page)
        return (f"{label}: {caption}" if caption else label) + self.dated


def on_page(text: str, page: int | None) -> str:
    """``text`` with the page of the dossier it is found at: "Danh sách đoàn viên năm 2026
    (trang 42)"; as it is when not in the dossier (None). "trang" and its number are held on
    one line (a no-break space): a cell never ends with "(trang" and the number below."""
    return text if page is None else f"{text} (trang\u00a0{page})"


def numbered_evidence(view: ChecklistView) -> list[Evidence]:
    """Every file attached to the checklist, item by item, numbered within its item."""
    return [Evidence(f"{v.item.code}.{i}", v.item.code, a, nfc(v.item.text))
            for v in view.items for i, a in enumerate(v.files, start=1)]  # fmt: skip


def readiness_text(view: ChecklistView) -> str:
    met, counted = view.readiness()
    text = f"đạt {vn_number(met)}/{vn_number(counted)} nội dung"
    points = view.scored()  # none at stake (every scored item "không áp dụng"): no "0/0 điểm"
    if points is not None:
        # Vietnamese figures: "8,5/1.010 điểm", never "8.5/1010" (read as 85 and 1.010).
        text += f", {points_text(points[0])}/{points_text(points[1])} điểm"
    return text


def _body(text: str) -> Paragraph:
    return Paragraph(markup(text), styles()["body"])


def _bold(text: str) -> Paragraph:
    return Paragraph(f"<b>{markup(text)}</b>", styles()["body_left"])


CELL_SIZE = 10.5  # the tables' cells (PagedTable's), which the total rows' cells match


@cache
def _total_cell(align: str) -> ParagraphStyle:
    register_fonts()  # a Paragraph maps its font when it is made, before the document's build
    alignment: Alignment = TA_CENTER if align == "CENTER" else TA_LEFT
    return ParagraphStyle(f"total-{align}", fontName=BOLD, fontSize=CELL_SIZE,
                          leading=round(CELL_SIZE * 1.2, 1), alignment=alignment)  # fmt: skip


def total_row(columns: Sequence[Column], values: Sequence[object]) -> list[Paragraph]:
    """A table's "Cộng" row in bold, each cell aligned as its column: as the union's tables
    (the statistics') set their totals, found at a glance under the items."""
    return [Paragraph(markup(str(value)), _total_cell(column.align))
            for column, value in zip(columns, values, strict=True)]  # fmt: skip


def _heading(text: str) -> Paragraph:
    """A bold heading kept with what follows it: never alone at the foot of a page."""
    style = styles()["body_left"].clone("kept_heading", keepWithNext=1)
    return Paragraph(f"<b>{markup(text)}</b>", style)


# The tờ trình ----------------------------------------------------------------------------------


GENERIC_GUIDANCE = "hướng dẫn của các tỉnh"
"""How the shipped default criteria (resources/criteria) name the provinces' guidance: the
organisation's documents name its own superior body instead (:func:`grounds`)."""
NO_SUPERIOR = "Đoàn cấp trên"


def grounds(source: str, org: OrganizationInfo) -> str:
    """A template's source as the grounds of this organisation's documents: "… và hướng dẫn
    của các tỉnh" becomes "… và hướng dẫn của Tỉnh đoàn Cà Mau" (of "Đoàn cấp trên" if the
    superior body is not set); any other source is kept as written."""
    superior = nfc(org.superior_name) or NO_SUPERIOR
    return source.replace(GENERIC_GUIDANCE, f"hướng dẫn của {superior}")


ENCLOSED = (("bao-cao", "báo cáo tự đánh giá"), ("bang", "bảng tự đánh giá"),
            ("minh-chung", "các minh chứng"))  # fmt: skip
"""The parts the tờ trình names as enclosed (codes of
:data:`~doancoso.core.dossier.check.PARTS`), in order, when the dossier holds them."""
BY_CONTENTS = "Hồ sơ kèm theo gồm các tài liệu nêu trong mục lục."


def enclosure(included: Collection[str]) -> str:
    """The tờ trình's line on what the dossier holds: of the self-assessment report, the table
    and the evidence annex, those among ``included`` (the parts the built dossier holds);
    never a document it leaves out (not chosen, no checklist, no file for the annex)."""
    named = [name for part, name in ENCLOSED if part in included]
    if not named:
        return BY_CONTENTS
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} và {named[-1]}"
    return f"Hồ sơ kèm theo gồm {listed}."


def ttr_paragraphs(org: OrganizationInfo, view: ChecklistView | None, year: int,
                   included: Collection[str] = ()) -> list[str]:  # fmt: skip
    lines = []
    if view is not None and view.template.source:
        lines.append(f"Căn cứ {grounds(view.template.source, org)};")
    results = f"Căn cứ kết quả thực hiện nhiệm vụ công tác Đoàn và phong trào thanh niên năm {year}"
    if view is not None:
        results += f", {org.name} đã tự đánh giá theo tiêu chí {RECOGNITION}: "
        results += readiness_text(view)
    lines.append(results + ".")
    lines.append(f"{org.name} kính đề nghị {org.superior_name} xem xét, công nhận {org.name} "
                 f"đạt tiêu chuẩn {RECOGNITION} năm {year}.")  # fmt: skip
    lines.append(enclosure(included))
    lines.append(f"Kính trình {org.superior_name} xem xét, quyết định./.")
    return lines


def write_ttr(path: Path, org: OrganizationInfo, view: ChecklistView | None, year: int,
              number: str | None, issued_on: dt.date, included: Collection[str] = (),
              ) -> Path:  # fmt: skip
    """The tờ trình; ``included``: the parts the dossier holds (:func:`enclosure`)."""
    doc = UnionDocument(org, kind=TTR_KIND, code="TTr",
                        title=f"Về việc đề nghị công nhận {RECOGNITION} năm {year}",
                        number=number, issued_on=issued_on, recipients=("Như trên",),
                        page_numbers=False)  # fmt: skip
    st = styles()
    body: list[Flowable] = [Paragraph(markup(f"Kính gửi: {org.superior_name}"), st["title"]),
                            Spacer(1, 4 * mm)]  # fmt: skip
    body += [_body(text) for text in ttr_paragraphs(org, view, year, included)]
    return doc.build(path, body[:-1], closing_lead=body[-1:])


# The self-assessment report ----------------------------------------------------------------------


def item_sentence(v: ItemView) -> str:
    text = f"{v.item.code}. {v.item.text}: {STATUSES[v.status]}."
    if v.indicator is not None:
        text += f" {v.indicator.text}"
    if v.note:
        text += f" {v.note}"
    return text


def write_report(path: Path, org: OrganizationInfo, view: ChecklistView, year: int,
                 issued_on: dt.date, number: str | None = None) -> Path:  # fmt: skip
    doc = UnionDocument(org, kind=BC_KIND, code="BC",
                        title=f"Tự đánh giá kết quả xây dựng {RECOGNITION} năm {year}",
                        number=number, issued_on=issued_on,
                        recipients=(f"{org.superior_name} (b/c)",), page_numbers=False)  # fmt: skip
    source = view.template.source
    basis = grounds(source, org) if source else f"bộ tiêu chí {view.template.name}"
    body: list[Flowable] = [_body(f"Thực hiện {basis}, {org.name} tự đánh giá kết quả xây "
                                  f"dựng {RECOGNITION} năm {year} như sau:")]  # fmt: skip
    for index, criterion in enumerate(view.template.criteria, start=1):
        body.append(_heading(f"{index}. {criterion.title}"))
        body += [_body(item_sentence(v)) for v in view.criterion_items(criterion.code)]
    body.append(_heading("Tổng hợp"))
    rows: list[Sequence[object]] = []
    for criterion in view.template.criteria:
        met, counted = view.readiness(criterion.code)
        rows.append((criterion.code, criterion.title, counted, met))
    met, counted = view.readiness()
    columns = [Column("Tiêu chí", 1.2, "CENTER"), Column("Nội dung", 8),
               Column("Số nội dung", 1.8, "CENTER"), Column("Đạt", 1.2, "CENTER")]  # fmt: skip
    rows.append(total_row(columns, ("", "Cộng", counted, met)))
    body.append(PagedTable(columns, rows))
    body.append(Spacer(1, AFTER_TABLE))
    body.append(_body(f"Kết quả chung: {org.name} {readiness_text(view)}."))
    return doc.build(path, body[:-1], closing_lead=body[-1:])


# The self-assessment table -------------------------------------------------------------------


def write_table(path: Path, org: OrganizationInfo, view: ChecklistView,
                evidence: Sequence[Evidence], year: int, issued_on: dt.date,
                cited: Mapping[str, Sequence[str]] | None = None,
                number: str | None = None,
                evidence_pages: Mapping[str, int] | None = None) -> Path:  # fmt: skip
    """``cited``: item code → the dossier's parts it cites, before its files (with their
    pages: :func:`on_page`); ``evidence_pages``: an evidence number → the page of the dossier
    where its file starts (none for a file not in the dossier's annex)."""
    pages = evidence_pages or {}
    doc = UnionDocument(org, kind=TABLE_KIND, code="BC",
                        title=f"Kết quả thực hiện tiêu chí {RECOGNITION} năm {year}",
                        number=number, issued_on=issued_on, orientation="landscape",
                        recipients=(f"{org.superior_name} (b/c)",), page_numbers=False)  # fmt: skip
    by_item: dict[str, list[Evidence]] = {}
    for e in evidence:
        by_item.setdefault(e.item, []).append(e)
    scored = view.points()
    at_stake = view.scored()
    rows: list[Sequence[object]] = []
    for v in view.items:
        files = "; ".join([*(cited or {}).get(v.item.code, ()),
                           *(e.cell_on(pages.get(e.number))
                             for e in by_item.get(v.item.code, []))])  # fmt: skip
        figure = v.indicator.text if v.indicator is not None else ""
        points = item_points(v) if scored is not None else ()
        rows.append((v.item.code, v.item.text, status_cell(v.status), *points, figure, files))
    if scored is None:
        columns = [Column("Mục", 1, "CENTER"), Column("Nội dung", 7), Column("Tự đánh giá", 2,
                   "CENTER"), Column("Số liệu", 4), Column("Minh chứng", 5)]  # fmt: skip
    else:  # the superior body's scoring tables: each item's maximum and the points given
        # "Điểm / tối đa", never "Điểm tối / đa": a header breaks between words
        columns = [Column("Mục", 1, "CENTER"), Column("Nội dung", 6), Column("Tự đánh giá", 2,
                   "CENTER"), Column(f"Điểm tối{NBSP}đa", 1.5, "CENTER"),
                   Column(f"Điểm tự{NBSP}chấm", 1.5, "CENTER"), Column("Số liệu", 3.5),
                   Column("Minh chứng", 4.5)]  # fmt: skip
        # Nothing at stake (every scored item "không áp dụng"): blank, as the items' cells are.
        totals = (points_text(at_stake[1]), points_text(at_stake[0])) if at_stake else ("", "")
        rows.append(total_row(columns, ("", "Cộng", "", *totals, "", "")))
    total = _bold(f"Kết quả: {readiness_text(view)}.")
    return doc.build(path, [PagedTable(columns, rows), Spacer(1, AFTER_TABLE)],
                     closing_lead=[total])  # fmt: skip


def status_cell(status: str) -> str:
    """The item's self-assessment in its cell, broken between words, never inside one: "Không /
    áp dụng", never "Không áp / dụng" (held by a no-break space, which the table keeps)."""
    return STATUSES[status].replace("áp dụng", f"áp{NBSP}dụng")


def item_points(v: ItemView) -> tuple[str, str]:
    """The item's cells of a table with points: its maximum and the points self-assessed;
    empty for an item the template does not score or that does not apply (out of the totals,
    :meth:`~doancoso.core.recognition.service.ChecklistView.points`), and the points given
    empty until some are."""
    if v.item.points is None or v.status == NOT_APPLICABLE:
        return "", ""
    return points_text(v.item.points), "" if v.points is None else points_text(v.points)


# The activities of the year ----------------------------------------------------------------------


def participation(detail: OccurrenceDetail) -> str:
    """Present out of expected when attendance was taken, else the headcount given, else ""."""
    row = detail.row
    if row.attendance_taken:
        return f"{vn_number(row.present)}/{vn_number(row.expected)}"
    return "" if detail.participants is None else vn_number(detail.participants)


def write_activities(path: Path, org: OrganizationInfo, details: Sequence[OccurrenceDetail],
                     kinds: dict[str, str], year: int, issued_on: dt.date,
                     number: str | None = None) -> Path:  # fmt: skip
    doc = UnionDocument(org, kind=ACTIVITIES_KIND, code="DS", title=f"Năm {year}",
                        number=number, issued_on=issued_on,
                        orientation="landscape",
                        recipients=(f"{org.superior_name} (b/c)",), page_numbers=False)  # fmt: skip
    table_rows = [(i, f"{d.row.day:%d/%m/%Y}", d.row.title, kinds.get(d.row.kind, d.row.kind),
                   d.row.place or "", ACTIVITY_STATUSES.get(d.row.status, d.row.status),
                   d.results or "", participation(d))
                  for i, d in enumerate(details, start=1)]  # fmt: skip
    columns = [Column("STT", 1, "CENTER"), Column("Ngày", 2, "CENTER"), Column("Hoạt động", 6),
               Column("Loại", 2.6), Column("Địa điểm", 3), Column("Tình trạng", 2.2, "CENTER"),
               Column("Kết quả", 5.4), Column("Tham gia", 2.4, "CENTER")]  # fmt: skip
    # "Tham gia" holds "12.202/12.661" on one line (about 24 mm of the 247 mm).
    done = sum(1 for d in details if d.row.status == "da-thuc-hien")
    total = _bold(
        f"Tổng cộng: {vn_number(len(details))} lần hoạt động, đã thực hiện {vn_number(done)}."
    )
    return doc.build(path, [PagedTable(columns, rows=table_rows), Spacer(1, AFTER_TABLE)],
                     closing_lead=[total])  # fmt: skip
