"""The minutes of a meeting (biên bản, BB), A4 portrait in the union's document frame.

No official template exists (DOMAIN.md §7); this follows the Party cell's form the union
usually copies: time and place; who chaired, who wrote the minutes, the guests; members present
out of those expected, and the absent by name with their reason (with leave) or without, a
name borne by two members on the sheet with the birth year; the
agenda, what was said, the conclusions; the time the meeting closed; the signatures of the
recorder (THƯ KÝ, at left) and of the chair (CHỦ TRÌ, at right). Both sides of the page are
signed, so "Nơi nhận:", when the minutes are sent somewhere, stands under the signatures at
left; the copy placed in the recognition dossier has none.

A meeting of one chi đoàn is issued by that chi đoàn: the header reads the Đoàn cơ sở over the
chi đoàn ("ĐOÀN XÃ TÂN HƯNG" / "CHI ĐOÀN ẤP BÀ ĐIỀU"), the type name "BIÊN BẢN SINH HOẠT CHI
ĐOÀN". Any other activity is issued by the BCH of the Đoàn cơ sở (or by its one chi đoàn), as
"BIÊN BẢN" of its title; only a meeting's minutes say "Buổi sinh hoạt kết thúc lúc…", others
"Buổi hoạt động kết thúc lúc…", the time typed, else the date's own end time. The attendance
line names who the meeting is of: "Đoàn viên", the BCH's members at a meeting of the BCH
(:func:`attendees`).

Like every document of the union (DOMAIN.md §5, "BB" biên bản), the minutes carry a number
line: without a number, one to fill in by hand ("Số:          -BB/CĐ" of a chi đoàn).

What the secretary has not filled in yet (the chair, the attendance, the content…) is printed
as dotted lines to write on, so the minutes can also be printed before the meeting and filled
in by hand.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..core.activities.attendance import AttendanceRow, MinutesDocument
from ..core.activities.rules import MEETING_KIND, is_branch_meeting
from ..core.documents import KEEP, KEEP_IN_OFFICE, blank_number, place_and_date
from ..core.errors import AppError, ConflictError
from ..core.lang.text import fold, nfc, nfc_multiline, vn_number
from ..core.workspace import Workspace
from .document import UnionDocument, header_name
from .fonts import REGULAR
from .prose import fill_lines, labelled, paragraphs, section, style
from .roster import NO_ORGANIZATION
from .styles import markup, styles

MEETING_KIND_NAME = "BIÊN BẢN SINH HOẠT CHI ĐOÀN"
OTHER_KIND_NAME = "BIÊN BẢN"
CODE = "BB"
"""The type code of a biên bản (DOMAIN.md §5)."""
BRANCH_BLANK_NUMBER = f"-{CODE}/CĐ"
"""The number line of a chi đoàn's minutes without a number, to fill in by hand: the chi
đoàn's own symbol ("03-BB/CĐ"), not the BCH's "ĐTN"."""
BLANK = "…………………………"
SHORT_BLANK = "……"
NOT_HELD = "Buổi hoạt động đã hoãn hoặc hủy: không có biên bản."


def spoken_time(hhmm: str | None) -> str:
    """ "19:30" -> "19 giờ 30 phút"; dotted blanks when unknown."""
    if not hhmm:
        return f"{SHORT_BLANK} giờ {SHORT_BLANK} phút"
    hour, _, minute = hhmm.partition(":")
    return f"{int(hour)} giờ {minute or '00'} phút"


def chi_doan_name(branch: str) -> str:
    """ "Chi đoàn ấp Bà Điều" -> "CHI ĐOÀN ẤP BÀ ĐIỀU"; "Ấp Bà Điều" -> "CHI ĐOÀN ẤP BÀ ĐIỀU"."""
    upper = nfc(branch).upper()
    return upper if upper.startswith("CHI ĐOÀN") else f"CHI ĐOÀN {upper}"


def _names(rows: Sequence[AttendanceRow], namesakes: frozenset[str] = frozenset()) -> str:
    """ "Trần Thị Bích (đi làm ăn xa), Lê Văn Cường"; a member whose name another on the sheet
    bears with the birth year: "Nguyễn Thị Thủy (sinh năm 2000; ốm)"."""

    def named(row: AttendanceRow) -> str:
        notes = [f"sinh năm {row.birth_year}"] if row.member_id in namesakes else []
        if row.reason:
            notes.append(nfc(row.reason))
        return f"{row.full_name} ({'; '.join(notes)})" if notes else row.full_name

    return ", ".join(named(r) for r in rows)


_COMMITTEES = (
    (("ban thuong vu", "btv"), "Ủy viên Ban Thường vụ"),
    (("ban chap hanh", "bch"), "Ủy viên Ban Chấp hành"),
)
"""The committees a meeting of the whole organisation may be of, by the words of its title
(folded), and who attends them."""
_WORD_BREAKS = re.compile(r"[\W_]+")
MEMBERS = "Đoàn viên"
EXTENDED = "Dự họp"
"""Who attends an extended meeting ("mở rộng": the committee and those invited)."""


def attendees(doc: MinutesDocument) -> str:
    """Who the attendance line counts, by what the meeting is: a meeting ("Họp", "Hội nghị")
    of the BCH (naming "Ban Chấp hành" or "BCH") its members, "Ủy viên Ban Chấp hành", of the
    Ban Thường vụ theirs; an extended one ("mở rộng") those who attend; a chi đoàn's monthly
    meeting or any other activity, "Đoàn viên". What the meeting is is read from its kind's
    name first (an organisation's own kind "Họp Ban Chấp hành" under any title), else from
    its title."""
    if is_branch_meeting(doc.kind, len(doc.branches)):
        return MEMBERS
    title = _words(doc.title)
    for words in (_words(doc.kind_name), title):
        committee = _committee(words)
        if committee is not None:
            return EXTENDED if " mo rong " in words or " mo rong " in title else committee
    return MEMBERS


def _words(text: str) -> str:
    """``text`` folded, its words between single spaces (and one at each end)."""
    return f" {' '.join(_WORD_BREAKS.split(fold(text)))} "


def _committee(words: str) -> str | None:
    """Who attends the meeting ``words`` (see :func:`_words`) names, when it names a meeting
    of a committee; else None."""
    if " hop " not in words and " hoi nghi " not in words:
        return None
    return next((who for names, who in _COMMITTEES if any(f" {n} " in words for n in names)), None)


def attendance_lines(doc: MinutesDocument) -> list[Flowable]:
    who = f"- {attendees(doc)}"
    if not doc.attendance_taken:
        text = (
            f"có mặt {SHORT_BLANK}/{SHORT_BLANK} đồng chí; vắng {SHORT_BLANK} đồng chí (có phép "
            f"{SHORT_BLANK}, không phép {SHORT_BLANK})."
        )
        return [labelled(who, text)]
    away = len(doc.excused) + len(doc.absent)
    text = f"có mặt {vn_number(doc.present)}/{vn_number(doc.expected)} đồng chí"
    if away:
        text += (
            f"; vắng {vn_number(away)} đồng chí (có phép {vn_number(len(doc.excused))}, "
            f"không phép {vn_number(len(doc.absent))})."
        )
    else:
        text += ", không có đồng chí nào vắng."
    lines: list[Flowable] = [labelled(who, text)]
    if doc.excused:
        lines.append(labelled("+ Vắng có phép", _names(doc.excused, doc.namesakes) + "."))
    if doc.absent:
        lines.append(labelled("+ Vắng không phép", _names(doc.absent, doc.namesakes) + "."))
    return lines


def _text_or_blank(text: str | None) -> list[Flowable]:
    return paragraphs(text) or fill_lines()


def minutes_body(doc: MinutesDocument) -> list[Flowable]:
    m = doc.minutes
    start = f"{spoken_time(doc.start_time)}, {place_and_date('', doc.day)}"
    body: list[Flowable] = [
        section(1, "Thời gian, địa điểm"),
        labelled("- Thời gian", f"bắt đầu lúc {start}."),
        labelled("- Địa điểm", f"{nfc(doc.place)}." if doc.place else BLANK),
        section(2, "Thành phần"),
        labelled("- Chủ trì", f"{nfc(m.chair)}." if m.chair else BLANK),
        labelled("- Thư ký", f"{nfc(m.recorder)}." if m.recorder else BLANK),
    ]
    if m.guests:
        guests = " ".join(nfc_multiline(m.guests).split()).rstrip(".;,")
        body.append(labelled("- Đại biểu dự", f"{guests}."))
    body += attendance_lines(doc)
    body += [
        section(3, "Nội dung"),
        Paragraph(markup("1. Chương trình"), style("lead")),
        *_text_or_blank(m.agenda),
        Paragraph(markup("2. Diễn biến"), style("lead")),
        *(paragraphs(m.content) or fill_lines(6)),
    ]
    conclusions = [section(4, "Kết luận, nghị quyết"), *_text_or_blank(m.resolutions)]
    if paragraphs(m.resolutions):
        body += conclusions
    else:
        # Lines to write on, kept whole with their heading: at a page's foot they go over
        # together with the end and the signatures (KeepEnd), never one line alone there.
        body.append(KeepTogether(conclusions))
    held = "sinh hoạt" if doc.kind == MEETING_KIND else "hoạt động"  # a meeting, or any other
    # Left blank, the date's own end time, when it ends the day it began ("cùng ngày").
    ended = doc.end_time if (doc.end_day or doc.day) == doc.day else None
    closed = f"Buổi {held} kết thúc lúc {spoken_time(m.closed_at or ended)} cùng ngày."
    body.append(Paragraph(markup(closed), style("body")))
    return body


@dataclass(frozen=True)
class MinutesFrame(UnionDocument):
    """The union's frame with the minutes' own closing: the recorder's signature at left and
    the chair's at right, each with the name under it; under them at left "Nơi nhận:" when
    ``with_recipients`` (the lines of ``recipients``, as every document prints them)."""

    chair: str = ""
    recorder: str = ""
    with_recipients: bool = False

    def closing(self, lead: Sequence[Flowable] = ()) -> Flowable:
        sign = styles()["sign"]

        def block(title: str, name: str) -> list[Flowable]:
            return [Paragraph(markup(title), sign), Spacer(1, 24 * mm),
                    Paragraph(markup(name), sign)]  # fmt: skip

        half = self.frame_width / 2
        table = Table([[block("THƯ KÝ", self.recorder), block("CHỦ TRÌ", self.chair)]],
                      colWidths=[half, half])  # fmt: skip
        table.setStyle(
            TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ])
        )  # fmt: skip
        received: list[Flowable] = []
        if self.with_recipients:
            received = [Spacer(1, 6 * mm), *self.recipients_block()]
        return KeepTogether([*lead, Spacer(1, 6 * mm), table, *received])


def print_minutes(ws: Workspace, path: Path | str, occurrence_id: str, *,
                  issued_on: date | None = None, number: str | None = None,
                  place: str | None = None, recipients: Sequence[str] | None = None,
                  page_numbers: bool = True) -> Path:  # fmt: skip
    """Write the minutes of the date ``occurrence_id`` to the PDF ``path``; returns the path.

    ``number`` defaults to the minutes' own (none: "Số:          -BB/CĐ" of a chi đoàn,
    "-BB/ĐTN" of the BCH, to fill in by hand), ``issued_on`` to the meeting's day, ``place`` to
    the organisation's (see :class:`~doancoso.reports.document.UnionDocument`);
    ``recipients`` the "Nơi nhận" lines printed under the signatures (None: no "Nơi nhận").

    Raises AppError when there is no organisation, the date does not exist or was postponed or
    cancelled, or the file cannot be written.
    """
    org = ws.organization.get()
    if org is None:
        raise AppError(NO_ORGANIZATION)
    doc = ws.attendance.minutes_document(occurrence_id)
    if doc.status in ("hoan", "huy"):
        raise ConflictError(NOT_HELD)
    one_branch = len(doc.branches) == 1
    if one_branch:
        # The chi đoàn issues it; the Đoàn cơ sở stands above it in the header.
        superior = header_name(org.name)
        frame_org, issuer = replace(org, superior_name=superior), chi_doan_name(doc.branches[0])
    else:
        frame_org, issuer = org, None
    meeting = is_branch_meeting(doc.kind, len(doc.branches))
    number = nfc(doc.minutes.number if number is None else number)
    if not number:  # a number line to fill in by hand, as every document of the union has
        number = BRANCH_BLANK_NUMBER if one_branch else blank_number(CODE)
    frame = MinutesFrame(
        frame_org,
        kind=MEETING_KIND_NAME if meeting else OTHER_KIND_NAME,
        title=f"Kỳ sinh hoạt tháng {doc.day.month} năm {doc.day.year}" if meeting else doc.title,
        number=number,
        issued_on=issued_on or doc.day,
        place=place,
        issuer=issuer,
        chair=nfc(doc.minutes.chair),
        recorder=nfc(doc.minutes.recorder),
        recipients=tuple(recipients or ()),
        keep=KEEP if one_branch else KEEP_IN_OFFICE,  # a chi đoàn has no office ("VP")
        with_recipients=recipients is not None,
        metadata={"title": f"Biên bản – {nfc(doc.title)} – {doc.day:%d/%m/%Y}"},
        page_numbers=page_numbers,
    )
    body = minutes_body(doc)
    return frame.build(path, body[:-1], closing_lead=body[-1:])
