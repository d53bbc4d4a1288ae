"""The yearly plan as printed (kế hoạch, KH) and the year-end report of its results (báo cáo,
BC), A4 portrait in the union's document frame (DOMAIN.md §5, §7).

The plan: "KẾ HOẠCH" and its summary ("Công tác Đoàn và phong trào thanh thiếu nhi năm 2026":
the title less its leading "Kế hoạch", which the type name already says), the grounds, a
sentence saying who makes the plan, then the sections I. MỤC ĐÍCH, YÊU CẦU, II. CHỈ TIÊU
(the targets numbered by criterion, "1.1.", "1.2.", "2.1."…, each with its planned quantity),
III. NỘI DUNG and IV. TỔ CHỨC THỰC HIỆN; a section the secretary left empty is not printed and
the next ones move up. The plan's number and date are printed unless others are given.

The plan's registration with the superior body is not printed on the plan: the plan is what is
sent to register. The report, sent up at the year's end, says when it was registered.

The report: per criterion, a table of each target's planned and achieved figures and the share,
the figures the app measures computed at the report's date and marked "(*)"; then a short
assessment (how many targets met, not met, not yet known, and which).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..core.documents import default_recipients
from ..core.errors import AppError, NotFoundError
from ..core.lang.dates import format_vn_date
from ..core.lang.text import RATE_COLUMN, nfc, nfc_multiline, vn_number
from ..core.organization import OrganizationInfo
from ..core.plans.figures import (
    NOT_DUE_TEXT,
    grouped,
    not_started_text,
    quantity_text,
    share_text,
    tally,
    target_sentence,
)
from ..core.plans.rules import APPROVED, SENT
from ..core.plans.service import PlanInfo, TargetInfo
from ..core.workspace import Workspace
from .document import UnionDocument
from .fonts import BOLD, REGULAR, register_fonts
from .prose import numbered, paragraphs, section, style
from .roster import NO_ORGANIZATION
from .styles import markup, styles
from .tables import ROW_SPLIT_RANGE

PLAN_KIND = "KẾ HOẠCH"
REPORT_KIND = "BÁO CÁO"
MEASURED_MARK = "(*)"
TABLE_HEADER = ("STT", "Chỉ tiêu", "Kế hoạch", "Đạt được", RATE_COLUMN)
# Column widths (mm) of the 160 mm text width: the figures' columns as narrow as their headings
# and a measured "10 đoàn viên (*)" allow, so that a target of some forty letters ("100% chi
# đoàn sinh hoạt định kỳ hằng tháng") holds on one line.
WIDTHS_MM = (11, 77, 24, 29, 19)
CELL_SIZE = 11.5
CELL_PADDING = 3  # points, left and right


def no_plan(year: int) -> str:
    return f"Chưa có kế hoạch công tác năm {year}."


def lower_first(text: str) -> str:
    """ "Kế hoạch công tác" -> "kế hoạch công tác" (an acronym such as "BCH" is kept)."""
    text = nfc(text)
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def plan_summary(title: str) -> str:
    """The summary under "KẾ HOẠCH": the title less a leading "Kế hoạch" (capitalised again)."""
    text = nfc(title)
    if text.lower().startswith("kế hoạch "):
        rest = text[len("kế hoạch ") :].strip()
        return rest[:1].upper() + rest[1:]
    return text


def executive(org: OrganizationInfo) -> str:
    """ "Ban Chấp hành Đoàn xã Tân Hưng" (the name kept when it already names the BCH)."""
    name = nfc(org.name)
    lowered = name.lower()
    if lowered.startswith(("ban chấp hành", "ban thường vụ")):
        return name
    if lowered.startswith("bch "):
        return "Ban Chấp hành " + name[4:]
    return f"Ban Chấp hành {name}"


def _plan(ws: Workspace, year: int, as_of: date | None, read: PlanInfo | None = None,
          ) -> tuple[OrganizationInfo, PlanInfo]:  # fmt: skip
    """The organisation and the plan of ``year`` with its figures at ``as_of``; ``read``: that
    plan as the caller already read it at the same day (the dossier reads it to know it is
    there), not read again."""
    org = ws.organization.get()
    if org is None:
        raise AppError(NO_ORGANIZATION)
    plan = read if read is not None else ws.plans.get(year, as_of)
    if plan is None:
        raise NotFoundError(no_plan(year))
    return org, plan


# The plan (KH) ------------------------------------------------------------------------------


def targets_body(plan: PlanInfo) -> list[Flowable]:
    """Section II's paragraphs: the criterion's heading, then its targets "1.1.", "1.2."…"""
    body: list[Flowable] = []
    groups = grouped(plan.targets)
    for g, group in enumerate(groups, start=1):
        if group.heading:
            body.append(Paragraph(markup(f"{g}. {group.heading}"), style("lead")))
            prefix = f"{g}."
        else:
            prefix = ""
        items = [(f"{prefix}{i}.", target_sentence(t)) for i, t in enumerate(group.targets, 1)]
        body += numbered(items)
    return body


def plan_body(org: OrganizationInfo, plan: PlanInfo) -> list[Flowable]:
    body = paragraphs(plan.grounds)
    grounds = nfc_multiline(plan.grounds)
    if not grounds.endswith(":"):
        lead = f"{executive(org)} xây dựng {lower_first(plan.title)}, cụ thể như sau:"
        body.append(Paragraph(markup(lead), style("body")))
    sections: list[tuple[str, list[Flowable]]] = [
        ("Mục đích, yêu cầu", paragraphs(plan.purposes)),
        ("Chỉ tiêu", targets_body(plan)),
        ("Nội dung", paragraphs(plan.content)),
        ("Tổ chức thực hiện", paragraphs(plan.implementation)),
    ]
    number = 0
    for title, parts in sections:
        if parts:
            number += 1
            body += [section(number, title), *parts]
    return body


def print_plan(ws: Workspace, path: Path | str, year: int, *, issued_on: date | None = None,
               number: str | None = None, place: str | None = None,
               recipients: Sequence[str] | None = None, page_numbers: bool = True,
               plan: PlanInfo | None = None) -> Path:  # fmt: skip
    """Write the plan of ``year`` (KH) to the PDF ``path`` (atomically); returns the path.

    ``number`` and ``issued_on`` default to the plan's own (else one to fill in by hand, and today);
    ``place`` and ``recipients`` as for :func:`~doancoso.reports.roster.print_roster`; ``plan``:
    the plan of ``year`` as read today already (``ws.plans.get(year)``), not read again.

    Raises AppError when there is no organisation or no plan of ``year``, or when the file
    cannot be written.
    """
    org, plan = _plan(ws, year, None, plan)
    doc = UnionDocument(
        org,
        kind=PLAN_KIND,
        code="KH",
        title=plan_summary(plan.title),
        number=plan.number if number is None else number,
        issued_on=issued_on or plan.plan_date or date.today(),
        place=place,
        recipients=default_recipients(org) if recipients is None else recipients,
        metadata={"title": nfc(plan.title)},
        page_numbers=page_numbers,
    )
    body = plan_body(org, plan)
    # The last paragraph goes with the signature, which then never stands alone on a page.
    return doc.build(path, body[:-1], closing_lead=body[-1:])


# The report of results (BC) -----------------------------------------------------------------


def report_title(plan: PlanInfo) -> str:
    return f"Kết quả thực hiện chỉ tiêu {lower_first(plan.title)}"


def registration_text(plan: PlanInfo, org: OrganizationInfo) -> str:
    """ "đã gửi đăng ký với Tỉnh đoàn Cà Mau ngày 20/01/2026, số đăng ký 15/ĐK-TĐ, đã được
    duyệt" ("" when the plan was not sent)."""
    if plan.registration_state not in (SENT, APPROVED) or plan.registered_on is None:
        return ""
    text = f"đã gửi đăng ký với {nfc(org.superior_name)} ngày {format_vn_date(plan.registered_on)}"
    if plan.registration_number:
        text += f", số đăng ký {nfc(plan.registration_number)}"
    if plan.registration_state == APPROVED:
        text += ", đã được duyệt"
    return text


def report_intro(org: OrganizationInfo, plan: PlanInfo) -> str:
    reference = "Kế hoạch"
    if plan.number:
        reference += f" số {nfc(plan.number)}"
    if plan.plan_date:
        reference += f" ngày {format_vn_date(plan.plan_date)}"
    reference += f" của {executive(org)} về {lower_first(plan_summary(plan.title))}"
    registered = registration_text(plan, org)
    if registered:
        reference += f" ({registered})"
    return (
        f"Thực hiện {reference}, {executive(org)} báo cáo kết quả thực hiện các chỉ tiêu đến "
        f"ngày {format_vn_date(plan.as_of)} như sau:"
    )


@cache
def _cell_style(align: str) -> ParagraphStyle:
    aligned = {"LEFT": TA_LEFT, "CENTER": TA_CENTER}[align]
    return styles()["cell"].clone(f"plan-cell-{align}", fontSize=CELL_SIZE,
                                  leading=CELL_SIZE * 1.2, alignment=aligned)  # fmt: skip


def _cell(text: str, align: str = "LEFT") -> Paragraph:
    return Paragraph(markup(text), _cell_style(align))


def even_lines(text: str, width: float) -> str:
    """``text`` as Paragraph markup on as many lines as a cell ``width`` points wide needs,
    these as even as they can be (joined by ``<br/>``): a paragraph's own wrapping fills each
    line and may leave one word alone on the last ("…theo dõi vào" / "Đoàn")."""
    register_fonts()
    text = nfc(text)
    count = len(simpleSplit(text, REGULAR, CELL_SIZE, width))
    if count <= 1:
        return markup(text)
    low, high = 0.0, width  # the narrowest width that still needs no more lines
    while high - low > 0.5:
        middle = (low + high) / 2
        if len(simpleSplit(text, REGULAR, CELL_SIZE, middle)) <= count:
            high = middle
        else:
            low = middle
    return "<br/>".join(markup(line) for line in simpleSplit(text, REGULAR, CELL_SIZE, high))


def _target_cell(text: str) -> Paragraph:
    width = WIDTHS_MM[1] * mm - 2 * CELL_PADDING
    return Paragraph(even_lines(text, width), _cell_style("LEFT"))


def achieved_text(target: TargetInfo) -> str:
    if target.achieved is None:
        return "–"
    text = quantity_text(target.achieved, target.unit)
    return f"{text} {MEASURED_MARK}" if target.measured else text


def results_table(targets: Sequence[TargetInfo], started: bool = True) -> Table:
    """The targets' planned and achieved figures and share; no share ("–") for a plan whose
    year has not begun (``started`` False), which part II says is not due."""
    head_style = styles()["cell_head"].clone("plan-head", fontSize=CELL_SIZE,
                                             leading=CELL_SIZE * 1.2)  # fmt: skip
    rows: list[list[Any]] = [[Paragraph(markup(h), head_style) for h in TABLE_HEADER]]
    for i, t in enumerate(targets, start=1):
        rows.append([
            _cell(str(i), "CENTER"),
            _target_cell(t.text),
            _cell(quantity_text(t.planned, t.unit) or "–", "CENTER"),
            _cell(achieved_text(t), "CENTER"),
            _cell((share_text(t.share) if started else "") or "–", "CENTER"),
        ])  # fmt: skip
    table = Table(
        rows,
        colWidths=[w * mm for w in WIDTHS_MM],
        repeatRows=1,
        hAlign="LEFT",
        rowSplitRange=ROW_SPLIT_RANGE,
    )
    table.setStyle(
        TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("FONTNAME", (0, 0), (-1, 0), BOLD),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ])
    )  # fmt: skip
    return table


def _listed(targets: Sequence[TargetInfo]) -> list[Flowable]:
    items: list[Flowable] = []
    for t in targets:
        text = nfc(t.text).rstrip(" .;,:")
        if t.achieved is not None and t.planned is not None:
            text += (
                f": kế hoạch {quantity_text(t.planned, t.unit)}, đạt "
                f"{quantity_text(t.achieved, t.unit)} ({share_text(t.share)}% kế hoạch)"
            )
        items.append(Paragraph(markup(f"- {text}."), style("body")))
    return items


def assessment(plan: PlanInfo) -> list[Flowable]:
    counts = tally(plan.targets, plan.started)
    if not plan.started:  # made in advance: nothing met or missed yet
        text = (
            f"Kế hoạch có {vn_number(counts.total)} chỉ tiêu, {NOT_DUE_TEXT} đánh giá: "
            f"{not_started_text(plan.year)}."
        )
        return [Paragraph(markup(text), style("body"))]
    parts = [f"{vn_number(len(counts.met))} chỉ tiêu đạt và vượt kế hoạch"]
    parts.append(f"{vn_number(len(counts.not_met))} chỉ tiêu chưa đạt")
    if counts.unknown:
        parts.append(f"{vn_number(len(counts.unknown))} chỉ tiêu chưa có số liệu để đánh giá")
    if counts.not_due:  # chi đoàn meetings before January is over
        parts.append(
            f"{vn_number(len(counts.not_due))} chỉ tiêu {NOT_DUE_TEXT} đánh giá (tháng 01/"
            f"{plan.year} chưa kết thúc)"
        )
    body: list[Flowable] = [
        Paragraph(
            markup(f"Kế hoạch có {vn_number(counts.total)} chỉ tiêu, trong đó: "
                   + "; ".join(parts) + "."),
            style("body"),
        )
    ]  # fmt: skip
    if counts.met:
        body += [Paragraph(markup("Các chỉ tiêu đạt và vượt:"), style("lead")),
                 *_listed(counts.met)]  # fmt: skip
    if counts.not_met:
        body += [Paragraph(markup("Các chỉ tiêu chưa đạt:"), style("lead")),
                 *_listed(counts.not_met)]  # fmt: skip
    return body


SHORT_GROUP = 12
"""Targets of a criterion whose table is kept whole with its headings; a longer table runs on."""
KEEP_WITH_ROWS = 55 * mm
"""Room for the headings above a long table, its header row and its first rows: with less left
on the page, they start the next one."""


def _unkept(heading: Flowable) -> Flowable:
    """``heading`` no longer kept with what follows it (its style's keepWithNext)."""
    heading.__dict__["keepWithNext"] = 0
    return heading


def report_body(org: OrganizationInfo, plan: PlanInfo) -> list[Flowable]:
    body: list[Flowable] = [Paragraph(markup(report_intro(org, plan)), style("body"))]
    heads: list[Flowable] = [section(1, "Kết quả thực hiện các chỉ tiêu")]
    groups = grouped(plan.targets)
    if not groups:  # nothing to assess either: no part II ("Kế hoạch có 0 chỉ tiêu…")
        return [*body, *heads, Paragraph(markup("Kế hoạch chưa có chỉ tiêu nào."), style("body"))]
    for g, group in enumerate(groups, start=1):
        if group.heading:
            heads.append(Paragraph(markup(f"{g}. {group.heading}"), style("lead")))
        table = results_table(group.targets, plan.started)
        if len(group.targets) <= SHORT_GROUP:  # a short table stays with its headings
            body.append(KeepTogether([*heads, table, Spacer(1, 3 * mm)]))
        else:
            # Kept with it, the headings would take a long table whole to the next page
            # (reportlab keeps them together), leaving this one blank under the text above:
            # the table starts here under them, on the next page when its first rows do not fit.
            body += [CondPageBreak(KEEP_WITH_ROWS), *map(_unkept, heads), table,
                     Spacer(1, 3 * mm)]  # fmt: skip
        heads = []
    if any(t.measured for t in plan.targets):
        note = (
            f"{MEASURED_MARK} Số liệu do phần mềm tự tính từ dữ liệu quản lý (sổ đoàn viên, "
            f"lịch hoạt động, điểm danh) đến ngày {format_vn_date(plan.as_of)}."
        )
        body.append(Paragraph(markup(note), style("note")))
    body += [section(2, "Đánh giá chung"), *assessment(plan)]
    return body


def print_report(ws: Workspace, path: Path | str, year: int, *, issued_on: date | None = None,
                 number: str | None = None, place: str | None = None,
                 recipients: Sequence[str] | None = None, page_numbers: bool = True,
                 plan: PlanInfo | None = None) -> Path:  # fmt: skip
    """Write the report of the plan of ``year``'s results (BC) to the PDF ``path``; the
    figures the app measures are computed at ``issued_on`` (default today; the core stops at
    the year's end). Other options as for :func:`print_plan` (by default a number to fill in by
    hand); ``plan`` is taken only when its figures are of that same day (``plan.as_of``).
    """
    day = issued_on or date.today()
    as_of = min(day, date(year, 12, 31))
    org, plan = _plan(ws, year, as_of, plan if plan is not None and plan.as_of == as_of else None)
    doc = UnionDocument(
        org,
        kind=REPORT_KIND,
        code="BC",
        title=report_title(plan),
        subtitle=f"(Số liệu đến ngày {format_vn_date(plan.as_of)})",
        number=number,
        issued_on=day,
        place=place,
        recipients=default_recipients(org) if recipients is None else recipients,
        page_numbers=page_numbers,
    )
    body = report_body(org, plan)
    return doc.build(path, body[:-1], closing_lead=body[-1:])
