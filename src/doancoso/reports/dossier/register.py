"""Criterion 3 in the dossier: the register of advice to the Party committee and coordination
programmes of the year (one DS document, each record citing its files by their number in the
evidence annex), and the list of the members introduced to the Party that item 3.2 counts.

A record's files are evidence of the checklist item that cites the register (3.1 the advice,
3.3 the coordination in the default criteria): they are numbered after that item's own files
and go into the annex with them; a file already attached to an item keeps its number there and
is not put in twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from ...core.dossier.check import register_item
from ...core.evidence.service import Attachment
from ...core.lang.dates import format_vn_date
from ...core.lang.text import nfc, vn_number
from ...core.lifecycle.service import PartyIntroduction
from ...core.organization import OrganizationInfo
from ...core.recognition.registers import (
    ADVICE_TABLE,
    COORDINATION_TABLE,
    NO_ANSWER,
    Advice,
    Coordination,
)
from ...core.recognition.service import ChecklistView
from ...core.workspace import Workspace
from ..document import UnionDocument
from ..styles import markup, styles
from ..tables import NBSP, Column, PagedTable
from .parts import AFTER_TABLE, Evidence, on_page

REGISTER_KIND = "SỔ THAM MƯU, PHỐI HỢP"
INTRODUCTIONS_KIND = "DANH SÁCH"
ADVICE_HEAD = "I. Văn bản tham mưu cấp ủy"
COORDINATION_HEAD = "II. Chương trình phối hợp"
NONE = "Không có."
Row = tuple[int, str, str, str, str, str]
OWN_ADVICE, OWN_COORDINATION = "TM", "PH"
"""How the register numbers the files of its records no item cites (tham mưu, phối hợp)."""


@dataclass(frozen=True)
class Register:
    """The register of a year: its records, their files and the numbers the files have in the
    evidence annex (record id → the files' evidence in the annex, or "“tên tệp”" for a file
    that is not in it)."""

    advice: list[Advice] = field(default_factory=list)
    coordination: list[Coordination] = field(default_factory=list)
    files: dict[str, list[Attachment]] = field(default_factory=dict)
    cites: dict[str, list[Evidence | str]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.advice and not self.coordination


def read_register(ws: Workspace, year: int) -> Register:
    advice = ws.registers.advice(year)
    coordination = ws.registers.coordination(year)
    files = ws.evidence.attachments_of(ADVICE_TABLE, [a.id for a in advice])
    files.update(ws.evidence.attachments_of(COORDINATION_TABLE, [c.id for c in coordination]))
    return Register(advice, coordination, files)


def advice_text(a: Advice) -> str:
    number = f" số {a.number}" if a.number else ""
    return f"Văn bản tham mưu{number} ngày {format_vn_date(a.day)}: {a.title}"


def coordination_text(c: Coordination) -> str:
    return f"Chương trình phối hợp với {c.partner}: {c.title}"


def with_register(
    view: ChecklistView | None,
    evidence: Sequence[Evidence],
    register: Register,
    in_dossier: bool = True,
) -> tuple[list[Evidence], Register]:
    """The annex's evidence with the register's files added under their items (in item order),
    and the register with each record's citations. A file already in the annex (the same
    content, attached to an item or to another record) is cited by its number there.

    A record no item cites or counts (a province's template without them, a year whose
    checklist is not opened) has its files numbered by the register itself, after the items'
    evidence: "TM.1.2" is the second file the advice record 1 puts in the annex, "PH.2.1" the
    first of the coordination record 2, as the register's STT column numbers them;
    ``in_dossier``: the register is in the dossier (else nothing would cite those files, and
    they are left out)."""
    by_hash = {e.attachment.sha256: e for e in evidence}
    count: dict[str, int] = {}
    for e in evidence:
        count[e.item] = count.get(e.item, 0) + 1
    added: dict[str, list[Evidence]] = {}
    cites: dict[str, list[Evidence | str]] = {}
    records = [("advice", f"{OWN_ADVICE}.{i}", a.id, advice_text(a))
               for i, a in enumerate(register.advice, start=1)]  # fmt: skip
    records += [("coordination", f"{OWN_COORDINATION}.{i}", c.id, coordination_text(c))
                for i, c in enumerate(register.coordination, start=1)]  # fmt: skip
    own: list[Evidence] = []
    for record, own_number, record_id, text in records:
        item = register_item(view, record)
        group = item if item is not None else own_number if in_dossier else None
        for attachment in register.files.get(record_id, ()):
            known = by_hash.get(attachment.sha256)
            if known is None and group is not None:
                count[group] = count.get(group, 0) + 1
                known = Evidence(f"{group}.{count[group]}", group, attachment, nfc(text))
                by_hash[attachment.sha256] = known
                (added.setdefault(group, []) if item is not None else own).append(known)
            cite = known if known is not None else f"“{attachment.original_name}”"
            cites.setdefault(record_id, []).append(cite)
    merged: list[Evidence] = []
    for v in view.items if view is not None else ():
        merged += [e for e in evidence if e.item == v.item.code]
        merged += added.get(v.item.code, [])
    return merged + own, Register(register.advice, register.coordination, register.files, cites)


# The register ------------------------------------------------------------------------------


def _head(text: str, keep_with_next: bool = False) -> Paragraph:
    style = styles()["body_left"]
    if keep_with_next:
        style = style.clone("register_head", keepWithNext=1)
    return Paragraph(f"<b>{markup(text)}</b>", style)


def _none() -> Paragraph:
    return Paragraph(markup(NONE), styles()["body_left"])


class Section(Flowable):
    """A section's heading and its table, as one piece of the page: the heading stays at the
    foot of a page only with the table's header row and at least its first row under it, the
    rest of the table going on on the next pages with the header row repeated. Neither alone
    (a heading ending a page) nor kept whole (a long section moved to the next page, leaving
    the rest of this one blank: what a heading kept with its table by keepWithNext does)."""

    def __init__(self, heading: Paragraph, table: PagedTable) -> None:
        super().__init__()
        self.heading, self.table = heading, table
        self._head_height = 0.0

    def _place_heading(self, width: float, height: float) -> float:
        _, head = self.heading.wrap(width, height)
        self._head_height = head + self.heading.getSpaceAfter()
        return self._head_height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        head = self._place_heading(availWidth, availHeight)
        _, table = self.table.wrap(availWidth, availHeight - head)
        self.width, self.height = availWidth, head + table
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        head = self._place_heading(availWidth, availHeight)
        # At the top of a page, a first row taller than the page is split within, as the
        # table alone there would split it; lower down, it goes to the next page with the
        # heading.
        frame = getattr(self, "_frame", None)
        if getattr(frame, "_atTop", False):
            self.table._frame = frame  # type: ignore[attr-defined]
        try:
            parts = self.table.splitOn(self.canv, availWidth, availHeight - head)
        finally:
            self.table.__dict__.pop("_frame", None)
        return [self.heading, *parts] if parts else []

    def draw(self) -> None:
        # Reached only when the whole section fits where wrap() measured it.
        self.heading.drawOn(
            self.canv, 0, self.height - self._head_height + self.heading.getSpaceAfter()
        )
        self.table.drawOn(self.canv, 0, 0)


def _answer(a: Advice) -> str:
    parts = [nfc(a.answer)] if a.answer else []
    if a.answer_day is not None:  # "(ngày" and its date on one line (a no-break space)
        parts.append(f"(ngày\u00a0{format_vn_date(a.answer_day)})")
    return " ".join(parts) or NO_ANSWER


def _period(c: Coordination) -> str:
    if c.end_day is None or c.end_day == c.day:
        return format_vn_date(c.day)
    return f"{format_vn_date(c.day)} – {format_vn_date(c.end_day)}"


def _with_detail(title: str, detail: str | None) -> str:
    return f"{title}: {nfc(detail)}" if detail else title


def register_rows(register: Register, evidence_pages: Mapping[str, int] | None = None,
                  ) -> tuple[list[Row], list[Row]]:  # fmt: skip
    """The rows of the advice table and of the coordination table; ``evidence_pages``: an
    evidence number → the page of the dossier where its file starts, cited after its number
    ("Minh chứng 3.1.1 (trang 8)", as the self-assessment table cites it; none for a file not
    in the dossier's annex)."""
    pages = evidence_pages or {}

    def cited(record_id: str) -> str:
        # "Minh chứng PH.1.2" held on one line (no-break spaces): a citation too long for
        # the column breaks before its "(trang …)", never inside the label and its number.
        return "; ".join(c if isinstance(c, str)
                         else on_page(c.label.replace(" ", NBSP), pages.get(c.number))
                         for c in register.cites.get(record_id, ()))  # fmt: skip

    advice = [(i, a.number or "", format_vn_date(a.day), _with_detail(a.title, a.summary),
               _answer(a), cited(a.id))
              for i, a in enumerate(register.advice, start=1)]  # fmt: skip
    coordination = [(i, c.partner, _period(c), _with_detail(c.title, c.content),
                      nfc(c.results) if c.results else "", cited(c.id))
                     for i, c in enumerate(register.coordination, start=1)]  # fmt: skip
    return advice, coordination


def write_register(path: Path, org: OrganizationInfo, register: Register, year: int,
                   issued_on: dt.date, number: str | None = None,
                   evidence_pages: Mapping[str, int] | None = None) -> Path:  # fmt: skip
    """The register; ``evidence_pages``: where its files start in the dossier
    (:func:`register_rows`)."""
    doc = UnionDocument(org, kind=REGISTER_KIND, code="DS", title=f"Năm {year}", number=number,
                        issued_on=issued_on, orientation="landscape",
                        recipients=(f"{org.superior_name} (b/c)",), page_numbers=False)  # fmt: skip
    advice, coordination = register_rows(register, evidence_pages)
    # "Minh chứng 3.1.1 (trang 12);" on one line of its column.
    body: list[Flowable] = []
    if advice:  # "125-TTr/ĐTN-BTC" on one line of "Số, ký hiệu" (34 mm of the 247)
        body.append(Section(_head(ADVICE_HEAD), PagedTable([
            Column("STT", 1, "CENTER"), Column("Số, ký hiệu", 3.1), Column("Ngày", 1.9, "CENTER"),
            Column("Trích yếu", 6.7), Column("Trả lời của cấp ủy", 5.4),
            Column("Minh chứng", 4.5)], advice)))  # fmt: skip
    else:
        body += [_head(ADVICE_HEAD), _none()]
    body.append(Spacer(1, 4 * mm))
    if coordination:
        body.append(Section(_head(COORDINATION_HEAD), PagedTable([
            Column("STT", 1, "CENTER"), Column("Đơn vị phối hợp", 4),
            Column("Thời gian", 2.6, "CENTER"), Column("Chương trình, nội dung", 6),
            Column("Kết quả", 4.5), Column("Minh chứng", 4.5)], coordination)))  # fmt: skip
    else:  # kept with its line, never alone at the foot of a page
        body += [_head(COORDINATION_HEAD, keep_with_next=True), _none()]
    body.append(Spacer(1, AFTER_TABLE))
    total = _head(f"Tổng cộng: {vn_number(len(register.advice))} văn bản tham mưu, "
                  f"{vn_number(len(register.coordination))} chương trình phối hợp.")  # fmt: skip
    return doc.build(path, body, closing_lead=[total])


# The members introduced to the Party ---------------------------------------------------------


def introductions_title(year: int) -> str:
    return f"Đoàn viên ưu tú được giới thiệu cho Đảng năm {year}"


def write_introductions(path: Path, org: OrganizationInfo, rows: Sequence[PartyIntroduction],
                        year: int, issued_on: dt.date,
                        number: str | None = None) -> Path:  # fmt: skip
    """The members introduced in ``year``: as many rows as item 3.2's figure counts."""
    doc = UnionDocument(org, kind=INTRODUCTIONS_KIND, code="DS", title=introductions_title(year),
                        number=number, issued_on=issued_on, orientation="landscape",
                        recipients=(f"{org.superior_name} (b/c)",), page_numbers=False)  # fmt: skip
    table = [(i, r.full_name, format_vn_date(r.birth_date, r.birth_precision),
              r.branch_name or "", format_vn_date(r.introduced_on), r.number or "")
             for i, r in enumerate(rows, start=1)]  # fmt: skip
    # "Ngày / giới thiệu", never "Ngày giới / thiệu": the word held whole on its line
    columns = [Column("STT", 1.2, "CENTER"), Column("Họ và tên", 6),
               Column("Ngày sinh", 2.6, "CENTER"), Column("Chi đoàn", 6),
               Column(f"Ngày giới{NBSP}thiệu", 2.6, "CENTER"),
               Column("Số văn bản", 3.4)]  # fmt: skip
    total = _head(f"Tổng số: {vn_number(len(rows))} đoàn viên.")
    return doc.build(path, [PagedTable(columns, table, font_size=12), Spacer(1, AFTER_TABLE)],
                     closing_lead=[total])  # fmt: skip


CITED_PARTS: dict[str, tuple[str, ...]] = {
    "roster": ("doan-vien", "doan-vien-chi-doan"),
    "youth-register": ("thanh-nien", "thanh-nien-dan-toc", "thanh-nien-ton-giao", "so-thanh-nien"),
    "plan": ("ke-hoach",),
    "activities": ("hoat-dong",),
    "minutes": ("bien-ban",),
    "rating": ("xep-loai",),
    "advice": ("tham-muu-phoi-hop",),
    "coordination": ("tham-muu-phoi-hop",),
    "party-introductions": ("gioi-thieu-dang",),
}
"""A record an item cites (template.RECORDS' keys, "activities:<kind>" by its base) → the
dossier's parts that print it."""


def part_title(name: str, year: int) -> str:
    """A part as the table cites it: "Danh sách đoàn viên năm 2026", "Hoạt động trong năm
    2026" (not "trong năm năm")."""
    return f"{name} {year}" if name.endswith(" năm") else f"{name} năm {year}"


def record_cites(view: ChecklistView, parts: Sequence[str]) -> dict[str, list[str]]:
    """Item code → the dossier's parts it cites as evidence (codes of ``parts``, in the order
    the item's records name them; the table prints them :func:`part_title`'s way): those
    printing the records the item cites, of ``parts``, the parts the dossier holds (never one
    left out of it: an empty register, a year without a plan)."""
    found: dict[str, list[str]] = {}
    for v in view.items:
        for record in v.item.records:
            for part in CITED_PARTS.get(record.split(":")[0], ()):
                if part not in parts:
                    continue
                if part not in found.setdefault(v.item.code, []):
                    found[v.item.code].append(part)
    return found
