"""The printed results of the rating round (DOMAIN.md §3, §5), in the union's document frame:

- the **summary** (báo cáo tổng hợp kết quả đánh giá, xếp loại đoàn viên năm Y), A4 landscape:
  I. the counts per level with their shares for each chi đoàn (and the chi đoàn's own level)
  and for the whole organisation, with the organisation's own level; II. each chi đoàn's
  members with their level, then the chi đoàn's counts and level;
- the **decision** (quyết định công nhận kết quả), A4 portrait: the grounds, "QUYẾT ĐỊNH:", the
  articles with the counts per level, the signature, then the list of the members recognised
  (those with a level decided by the Ban Chấp hành) as its annex on a new page; printed only
  once the round is closed (:func:`~doancoso.core.rating.decision.open_round`).

Shares are of the members with a decided level, written one way in tables and sentences alike
(:meth:`~doancoso.core.rating.records.LevelCounts.share_text`: "33,3%", "20,0%"), each its
count's own rounding (:func:`~doancoso.core.lang.text.shares`). The summary of a round still
open says that its results are provisional (:data:`PROVISIONAL`). The phiếu tự đánh giá is in
:mod:`.rating_forms`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer

from ..core.documents import blank_number, decision_recipients, default_recipients
from ..core.errors import AppError, ConflictError, NotFoundError
from ..core.lang.dates import format_vn_date
from ..core.lang.text import nfc, rate_cell, vn_number
from ..core.organization import OrganizationInfo
from ..core.rating.decision import no_decision, open_round
from ..core.rating.records import level_counts
from ..core.rating.rules import LEVEL_ABBREVIATIONS, LEVELS
from ..core.rating.service import LevelCounts, RatingRow, RoundInfo
from ..core.rating.since import renamed_note
from ..core.workspace import Workspace
from .document import HAND_WRITTEN, UnionDocument
from .keep_end import KeepEnd
from .roster import NO_ORGANIZATION
from .styles import markup, styles
from .tables import NBSP, Column, PagedTable

SUMMARY_KIND = "BÁO CÁO"
SUMMARY_TITLE = "Tổng hợp kết quả đánh giá, xếp loại đoàn viên năm {year}"
DECISION_KIND = "QUYẾT ĐỊNH"
DECISION_TITLE = "Về việc công nhận kết quả đánh giá, xếp loại đoàn viên năm {year}"
ANNEX_TITLE = "DANH SÁCH XẾP LOẠI ĐOÀN VIÊN NĂM {year}"
SHORT = LEVEL_ABBREVIATIONS
LEGEND = "; ".join(f"{SHORT[level]}: {name}" for level, name in LEVELS.items()) + "."
PROVISIONAL = "Kết quả tạm thời: đợt đánh giá, xếp loại năm {year} chưa khóa sổ."
"""Under the summary's title while its round is open (or reopened): the levels are not the
union's record until the round is closed, wherever the summary is printed (the dossier too)."""
UNDECIDED = "Chưa xếp loại"
NOT_RATED = "Không xếp loại"
WHOLE = "Toàn Đoàn cơ sở"
FONT_SIZE = 10.5
MEMBERS_HEADING = "Số đoàn viên thuộc đợt xếp loại"
"""Everyone the round covers: more than the roster when some left during the year."""
LEFT_NOTE = "Gồm {count} đoàn viên đã chuyển đi, trưởng thành hoặc bị xóa tên trong năm."
KEEP_WITH_ROWS = 45 * mm  # a heading, the table's header and four rows
SHORT_TABLE = 4  # rows: a chi đoàn's table this short goes to a new page with its heading

HELD_WORDS = ("đoàn viên", "xếp loại", "tham gia")
"""Words of two syllables that the headers below hold whole on a line."""


def held(text: str) -> str:
    """A column's header ``text`` with its words of two syllables held whole on a line
    (no-break spaces, which the table's header keeps): it breaks between words, never inside
    one ("Chưa / xếp loại", never "Chưa xếp / loại")."""
    for word in HELD_WORDS:
        text = text.replace(word, word.replace(" ", NBSP))
    return text


# Shares in millimetres of the 247 mm landscape text width: the members' heading as wide as
# "Số đoàn viên" on its first line.
SUMMARY_COLUMNS = (
    Column("STT", 10, "CENTER"),
    Column("Chi đoàn", 43),
    Column(held(MEMBERS_HEADING), 22, "CENTER"),
    Column(held("Được xếp loại"), 18, "CENTER"),
    *(Column(SHORT[level], 20, "CENTER") for level in LEVELS),
    Column(held(UNDECIDED), 17, "CENTER"),
    Column(held(NOT_RATED), 17, "CENTER"),
    Column("Xếp loại chi đoàn", 40),
)
# The levels' columns as wide as the longest level needs (as in the annex), the name's as an
# ordinary long name ("Nguyễn Hoàng Phương Quỳnh", 48.2 mm at 10.5 pt with padding), the
# date's as a date, the rate's as its header's "tham gia (%)": the rest to the remark or the
# reason not rated (about 95 mm of text), on two lines rather than three.
PARTICIPATION_COLUMN = "Tỉ lệ tham gia (%)"  # worded as every rate column (RATE_COLUMN)
MEMBER_COLUMNS = (
    Column("STT", 10, "CENTER"),
    Column("Họ và tên", 48.7),
    Column("Ngày sinh", 19.5, "CENTER"),
    Column(held(PARTICIPATION_COLUMN), 23.2, "CENTER"),
    Column("Chi đoàn đề nghị", 47.5),
    Column("Ban Chấp hành xếp loại", 47.5),
    Column("Ghi chú", 50.6),
)
# Of the 160 mm portrait width, at 10 pt: an ordinary long name ("Nguyễn Hoàng Phương Quỳnh",
# 46 mm with padding), a chi đoàn's usual name ("Chi đoàn ấp Thạnh Điền", 37 mm) and the longest
# level ("Hoàn thành xuất sắc nhiệm vụ", 45 mm) on one line, so that each member takes one
# line (at 10.5 pt the name took two).
ANNEX_FONT_SIZE = 10
ANNEX_COLUMNS = (
    Column("STT", 10, "CENTER"),
    Column("Họ và tên", 46.7),
    Column("Ngày sinh", 19, "CENTER"),
    Column("Chi đoàn", 38.3),
    Column("Xếp loại", 46),
)


def no_round(year: int) -> str:
    return f"Chưa có đợt xếp loại năm {year}."


def executive(org: OrganizationInfo) -> str:
    """ "Ban Chấp hành Đoàn xã Tân Hưng" (kept when the name already names the BCH)."""
    name = nfc(org.name)
    lowered = name.lower()
    if lowered.startswith(("ban chấp hành", "ban thường vụ")):
        return name
    if lowered.startswith("bch "):
        return "Ban Chấp hành " + name[4:]
    return f"Ban Chấp hành {name}"


def counts_sentence(counts: LevelCounts) -> str:
    """ "25 đoàn viên được xếp loại: Hoàn thành xuất sắc nhiệm vụ 5 (20,0%); …" and those
    not decided or not rated."""
    parts = [f"{LEVELS[level]} {counts.count_text(level)}" for level in LEVELS]
    text = f"{vn_number(counts.rated)} đoàn viên được xếp loại"
    text += ": " + "; ".join(parts) + "." if counts.rated else "."
    extra = []
    if counts.undecided:
        extra.append(f"chưa xếp loại: {vn_number(counts.undecided)}")
    if counts.not_rated:
        extra.append(f"không xếp loại: {vn_number(counts.not_rated)}")
    if extra:
        text += " " + "; ".join(extra).capitalize() + "."
    return text


@dataclass(frozen=True)
class RoundReport:
    """What the printed results need, read once: the round, each chi đoàn's counts with its
    members (in the summary's order), the whole organisation's counts, and each member's birth
    date as printed (a year alone for a member known by the year); ``left``, how many of the
    round's members left the roster during the year (moved away, matured, struck off,
    expelled), not after it."""

    org: OrganizationInfo
    year: int
    info: RoundInfo
    groups: list[tuple[LevelCounts, list[RatingRow]]]
    total: LevelCounts
    births: dict[str, str]
    branch: str | None
    left: int = 0
    renamed: dict[str, str] = field(default_factory=dict)
    """The chi đoàn renamed since a closed round's closing, by their name of now (which the
    documents print), with the day of the change (:func:`.since.renamed_note` says them)."""


def gather(ws: Workspace, year: int, branch_id: str | None = None) -> RoundReport:
    """The round of ``year`` as the documents print it (of one chi đoàn when given); a year
    without a round is refused (:class:`NotFoundError`), as ``rating close`` refuses it."""
    org = ws.organization.get()
    if org is None:
        raise AppError(NO_ORGANIZATION)
    info = ws.rating.round(year)
    if info is None:  # a print is no write: it opens no round (a year mistyped, or not rated)
        raise NotFoundError(no_round(year))
    rows = ws.rating.rows(year)
    *branches, total = ws.rating.summary(year)
    by_branch: dict[str | None, list[RatingRow]] = {}
    for row in rows:
        by_branch.setdefault(row.branch_id if row.branch else None, []).append(row)
    groups = [(counts, by_branch.get(counts.branch_id, [])) for counts in branches]
    branch = None
    if branch_id is not None:
        # "": the members in no chi đoàn, as the page's filter names them
        groups = [g for g in groups if (g[0].branch_id or "") == branch_id]
        if not groups:  # none of its members in the round: its counts are zero, not the whole's
            groups = [(level_counts(branch_id, _branch_name(ws, branch_id), []), [])]
        branch = groups[0][0].branch
        total = groups[0][0]
    members = [r for _, group in groups for r in group]
    # From the round's rows: a closed round keeps a member deleted from the roster since.
    births = {r.member_id: format_vn_date(r.birth_date, r.birth_precision) for r in members}
    # Left in the year, as the rows say: not the status today, which counts a member who
    # moved away after the year as gone from it.
    left = sum(1 for r in members if r.left)
    renamed = {r.branch: r.branch_renamed for r in members if r.branch and r.branch_renamed}
    return RoundReport(org, year, info, groups, total, births, branch, left, renamed)


def _branch_name(ws: Workspace, branch_id: str) -> str:
    return next((b.name for b in ws.branches.list() if b.id == branch_id), "")


def _level(level: int | None) -> str:
    return LEVELS[level] if level is not None else ""


# The summary ----------------------------------------------------------------------------------


def _member_line(number: int, row: RatingRow, births: dict[str, str]) -> tuple[object, ...]:
    if not row.eligible:
        decided, note = NOT_RATED, (row.reason or "")
    else:
        decided = _level(row.decided_level) or UNDECIDED
        # A member transferred in for less than the months asked for: rated on the previous
        # organisation's remarks, which the note says after the remark.
        note = " ".join(filter(None, (row.remark, row.note)))
    participation = rate_cell(row.participation * 100) if row.participation is not None else ""
    proposed = row.round_levels[1]  # none for a member not rated, as the page shows it
    return (number, row.full_name, births.get(row.member_id, ""), participation,
            _level(proposed), decided, note)  # fmt: skip


def _summary_line(number: int | str, counts: LevelCounts, name: str) -> tuple[object, ...]:
    members = counts.rated + counts.undecided + counts.not_rated
    return (
        number,
        name,
        vn_number(members),
        vn_number(counts.rated),
        *(counts.count_text(level) for level in LEVELS),
        vn_number(counts.undecided),
        vn_number(counts.not_rated),
        _level(counts.branch_level),
    )


def summary_body(report: RoundReport) -> tuple[list[Flowable], list[Flowable]]:
    """The summary's body, and its last lines (the last chi đoàn's counts), which stay on the
    signature's page."""
    st = styles()
    # A heading starts a new page rather than end one: room for it and a few rows, or a break.
    section = st["total"].clone("section", spaceBefore=8, spaceAfter=4)
    branch_heading = st["total"].clone("branch", spaceBefore=8, spaceAfter=3)
    legend = st["subtitle"].clone("legend", fontSize=10.5, leading=13, spaceBefore=3,
                                  alignment=0)  # fmt: skip
    intro = (
        f"Căn cứ kết quả đánh giá, xếp loại đoàn viên của "
        f"{'chi đoàn' if report.branch else 'các chi đoàn'}, {executive(report.org)} tổng hợp "
        f"kết quả đánh giá, xếp loại đoàn viên năm {report.year} như sau:"
    )
    body: list[Flowable] = []
    if not report.info.closed:
        notice = st["subtitle"].clone("provisional", fontName=st["recipients_head"].fontName,
                                      spaceAfter=6)  # fmt: skip
        body.append(Paragraph(markup(PROVISIONAL.format(year=report.year)), notice))
    body.append(Paragraph(markup(intro), st["body"]))
    if report.renamed:
        body.append(Paragraph(markup(renamed_note(report.renamed)), legend))
    if report.branch is None:
        lines = [
            _summary_line(i, counts, counts.branch)
            for i, (counts, _) in enumerate(report.groups, start=1)
        ]
        lines.append(_summary_line("", report.total, WHOLE))
        body += [
            CondPageBreak(KEEP_WITH_ROWS),
            Paragraph(markup("I. KẾT QUẢ CHUNG"), section),
            PagedTable(SUMMARY_COLUMNS, lines, font_size=10),
            Paragraph(markup(LEGEND + " Tỉ lệ tính trên số đoàn viên được xếp loại."), legend),
        ]
        if report.left:
            note = LEFT_NOTE.format(count=vn_number(report.left))
            body.append(Paragraph(markup(note), legend))
        if report.info.own_level is not None:
            own = f"{report.org.name} tự đánh giá, xếp loại năm {report.year}: "
            own += LEVELS[report.info.own_level] + "."
            if report.info.own_remark:
                own += f" {report.info.own_remark}"
            body.append(Paragraph(markup(own), st["body"].clone("own", spaceBefore=6)))
        body += [
            CondPageBreak(KEEP_WITH_ROWS + 10 * mm),
            Paragraph(markup("II. KẾT QUẢ XẾP LOẠI TỪNG CHI ĐOÀN"), section),
        ]
    last: list[Flowable] = []
    for index, (counts, rows) in enumerate(report.groups, start=1):
        lines = [_member_line(i, r, report.births) for i, r in enumerate(rows, start=1)]
        after: list[Flowable] = [
            Paragraph(f"<b>Cộng:</b> {markup(counts_sentence(counts))}",
                      st["body_left"].clone("sum", spaceBefore=4)),
        ]  # fmt: skip
        if counts.branch_level is not None:
            level = f"Chi đoàn được xếp loại: {LEVELS[counts.branch_level]}."
            if counts.branch_remark:
                level += f" {counts.branch_remark}"
            after.append(Paragraph(markup(level), st["body_left"]))
        group: list[Flowable] = []
        if report.branch is None:  # one chi đoàn is named under the title already
            # The heading goes with a short table: when it goes over to the next page with its
            # total (or the last one's with the signature), the heading goes too. Not with a
            # long one, which would go whole to a new page, leaving the rest of this one blank
            # (CondPageBreak keeps the heading from ending a page).
            short = len(lines) <= SHORT_TABLE
            heading = branch_heading.clone("kept_branch", keepWithNext=1) if short else (
                branch_heading)  # fmt: skip
            body.append(CondPageBreak(KEEP_WITH_ROWS))
            group.append(Paragraph(markup(f"{index}. {counts.branch}"), heading))
        group.append(PagedTable(MEMBER_COLUMNS, lines, font_size=FONT_SIZE))
        if index < len(report.groups):
            # Its "Cộng:" line never starts a page alone: the table's last row goes with it.
            body += KeepEnd.of(group, KeepTogether(after))
        else:
            body += group
            last = after
    return body, last


def print_summary(ws: Workspace, path: Path | str, year: int, branch_id: str | None = None, *,
                  issued_on: date | None = None, number: str | None = None,
                  place: str | None = None, recipients: Sequence[str] | None = None,
                  page_numbers: bool = True) -> Path:  # fmt: skip
    """Write the summary of the round of ``year`` (of one chi đoàn when ``branch_id`` is given)
    to the PDF ``path`` and return it; the print dialog's ``number``, ``place``, ``issued_on``
    and ``recipients`` as for :func:`~doancoso.reports.roster.print_roster`."""
    report = gather(ws, year, branch_id)
    doc = UnionDocument(
        report.org,
        kind=SUMMARY_KIND,
        code="BC",
        title=SUMMARY_TITLE.format(year=year),
        subtitle=report.branch or "",
        number=number,
        issued_on=issued_on,
        place=place,
        orientation="landscape",
        recipients=default_recipients(report.org) if recipients is None else recipients,
        page_numbers=page_numbers,
    )
    body, last = summary_body(report)
    return doc.build(path, body, closing_lead=last)


# The decision ---------------------------------------------------------------------------------


def decision_body(report: RoundReport, recognised: int) -> list[Flowable]:
    st = styles()
    ground = st["body"].clone("ground", fontName=st["subtitle"].fontName, spaceAfter=2)
    article = st["body"].clone("article", spaceAfter=4)
    who = f"{report.branch}" if report.branch else "các chi đoàn trực thuộc"
    body: list[Flowable] = [
        Paragraph(markup(executive(report.org).upper()), st["title"]),
        Spacer(1, 4 * mm),
        Paragraph(markup("- Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;"), ground),
        Paragraph(markup(f"- Căn cứ hướng dẫn của Trung ương Đoàn và của "
                         f"{nfc(report.org.superior_name)} về đánh giá, xếp loại đoàn viên;"),
                  ground),  # fmt: skip
        Paragraph(markup(f"- Xét kết quả đánh giá, xếp loại đoàn viên năm {report.year} của "
                         f"{who},"), ground),  # fmt: skip
        Spacer(1, 3 * mm),
        Paragraph(markup("QUYẾT ĐỊNH:"), st["title"]),
        Spacer(1, 3 * mm),
        _article(1, f"Công nhận kết quả đánh giá, xếp loại đoàn viên năm {report.year} đối với "
                    f"{vn_number(recognised)} đoàn viên (có danh sách kèm theo), cụ thể:"),
    ]  # fmt: skip
    for level, name in LEVELS.items():
        end = "." if level == max(LEVELS) else ";"
        share = report.total.share_text(level)
        line = f"- {name}: {vn_number(report.total.counts.get(level, 0))} đoàn viên"
        line += f" ({share}){end}" if share is not None else end
        body.append(Paragraph(markup(line), article))
    body += [
        _article(2, "Kết quả xếp loại được ghi vào sổ đoàn viên, là căn cứ để bình xét khen "
                    "thưởng và giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp."),
        _article(3, f"Ban Chấp hành {report.branch or 'các chi đoàn trực thuộc'} và các đoàn "
                    "viên có tên tại Điều 1 căn cứ Quyết định thi hành. Quyết định có hiệu lực "
                    "kể từ ngày ký./."),
    ]  # fmt: skip
    return body


def _article(number: int, text: str) -> Paragraph:
    style = styles()["body"].clone("article", spaceAfter=4)
    return Paragraph(f"<b>{markup(f'Điều {number}.')}</b> {markup(text)}", style)


def annex(report: RoundReport, doc: UnionDocument) -> list[Flowable]:
    st = styles()
    decided = [
        (counts.branch, r, r.decided_level)
        for counts, rows in report.groups
        for r in rows
        if r.eligible and r.decided_level is not None
    ]
    lines = [
        (i, r.full_name, report.births.get(r.member_id, ""), branch, LEVELS[level])
        for i, (branch, r, level) in enumerate(decided, start=1)
    ]
    issued = format_vn_date(doc.issued_on or date.today())
    reference = f"(Kèm theo Quyết định {decision_number(doc)} ngày {markup(issued)} của "
    reference += f"{markup(executive(report.org))})"
    flowables: list[Flowable] = [
        Paragraph(markup(ANNEX_TITLE.format(year=report.year)), st["title"]),
        Paragraph(reference, st["subtitle"]),
        Spacer(1, 4 * mm),
        PagedTable(ANNEX_COLUMNS, lines, font_size=ANNEX_FONT_SIZE),
    ]
    if report.renamed:
        note = st["body_left"].clone("renamed", fontSize=ANNEX_FONT_SIZE, spaceBefore=4)
        flowables.append(Paragraph(markup(renamed_note(report.renamed)), note))
    return flowables


def decision_number(doc: UnionDocument) -> str:
    """The decision's number as its annex names it, in Paragraph markup: "số 15-QĐ/ĐTN"; without
    one yet, "số          -QĐ/ĐTN", room left for the digits as the decision's heading leaves it
    (:func:`~.document.number_markup`), to be filled in by the same hand."""
    number = nfc(doc.number)
    if number:
        return markup(f"số {number}")
    return f"số{HAND_WRITTEN}{markup(blank_number(doc.code))}"


def print_decision(ws: Workspace, path: Path | str, year: int, branch_id: str | None = None, *,
                   issued_on: date | None = None, number: str | None = None,
                   place: str | None = None, recipients: Sequence[str] | None = None,
                   page_numbers: bool = True) -> Path:  # fmt: skip
    """Write the decision recognising the results of ``year`` (of one chi đoàn when given),
    with the list of the members recognised as its annex, to ``path``; returns it. Refused
    (AppError) while no member has a decided level, then (ConflictError) while the round is
    open: a signed decision is never provisional."""
    report = gather(ws, year, branch_id)
    recognised = report.total.rated
    if not recognised:
        raise AppError(no_decision(year))
    if not report.info.closed:
        raise ConflictError(open_round(year))
    doc = UnionDocument(
        report.org,
        kind=DECISION_KIND,
        code="QĐ",
        title=DECISION_TITLE.format(year=year),
        number=number,
        issued_on=issued_on or date.today(),
        place=place,
        recipients=decision_recipients(report.org) if recipients is None else recipients,
        page_numbers=page_numbers,
    )
    return doc.build(path, decision_body(report, recognised), annex=annex(report, doc))
