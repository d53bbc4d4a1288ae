"""The transfer letter (giấy giới thiệu sinh hoạt Đoàn) the secretary hands a member who
transfers out: A4 portrait in the union's document frame, addressed to the receiving
organisation, with the member's particulars, the month the dues are paid up to and the
organisation's remarks on the member recorded with the "Chuyển sinh hoạt đi" event
(:mod:`~doancoso.core.lifecycle.transfer`), then the place and date and the Bí thư's signature.

A particular the record does not hold is left as a dotted line to fill in by hand, as are the
dues and the remarks when the event has none.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable, Paragraph

from ..core.errors import AppError, NotFoundError
from ..core.lang.dates import DAY, format_vn_date, format_vn_month
from ..core.lang.text import nfc
from ..core.roster.vocab import GENDERS
from ..core.workspace import Workspace
from .document import UnionDocument, header_name
from .prose import fill_lines, labelled, lines, style
from .roster import NO_ORGANIZATION
from .styles import markup

TITLE = "GIẤY GIỚI THIỆU SINH HOẠT ĐOÀN"
CODE = "GGT"
BLANK = "." * 40
NOT_A_TRANSFER = "Chỉ in được giấy giới thiệu cho sự kiện “Chuyển sinh hoạt đi”."


def transfer_recipients() -> tuple[str, ...]:
    """The letter's "Nơi nhận" before any were typed: the receiving organisation ("Như trên")."""
    return ("Như trên",)


def print_transfer_letter(
    ws: Workspace, member_id: str, event_id: str, path: Path | str, *,
    number: str | None = None, place: str | None = None, issued_on: date | None = None,
    recipients: Sequence[str] | None = None,
) -> Path:  # fmt: skip
    """Write the transfer letter of the member's "Chuyển sinh hoạt đi" ``event_id`` to the PDF
    ``path`` (atomically) and return the path. ``number``, ``place``, ``issued_on`` and
    ``recipients`` are the print dialog's; left out: the number recorded with the event (the
    letter's own, printed "Số: …" in the header as the union's letters carry it; a transfer
    is no decision, and the letter names none), else a number to fill in by hand (as ``""``
    asks), the organisation's place, today, and "Như trên".

    Raises AppError when there is no organisation, the event is not the member's transfer out,
    or the file cannot be written.
    """
    org = ws.organization.get()
    if org is None:
        raise AppError(NO_ORGANIZATION)
    event = next((e for e in ws.events.history(member_id) if e.id == event_id), None)
    if event is None:
        raise NotFoundError("Không tìm thấy sự kiện (có thể đã bị xóa).")
    if event.kind != "transfer_out":
        raise AppError(NOT_A_TRANSFER)
    member = ws.members.get(member_id)
    fields = member.fields
    here = header_name(org.name)
    body: list[Flowable] = [
        Paragraph(f"Kính gửi: <b>{markup(event.other_organization)}</b>", style("title")),
        Paragraph("", style("item")),
        Paragraph(markup(f"Ban Chấp hành {here} trân trọng giới thiệu:"), style("body")),
    ]
    particulars = (
        ("Đồng chí", nfc(fields.full_name).upper()),
        ("Giới tính", GENDERS.get(fields.gender or "", "")),
        # a birth known only by its year is no day: "Năm sinh: 2001"
        (
            "Sinh ngày" if fields.birth_precision == DAY else "Năm sinh",
            format_vn_date(fields.birth_date, fields.birth_precision),
        ),
        ("Quê quán", fields.hometown),
        ("Ngày vào Đoàn", format_vn_date(fields.admission_date)),
        ("Nơi vào Đoàn", fields.admission_place),
        ("Số thẻ đoàn viên", fields.card_number),
        ("Chức vụ trong Đoàn", fields.position),
        ("Sinh hoạt tại", ", ".join(p for p in (member.branch_name, here) if p)),
    )
    body += [labelled(label, value or BLANK) for label, value in particulars]
    body.append(
        Paragraph(
            markup(
                f"Được chuyển sinh hoạt Đoàn đến {event.other_organization} kể từ ngày "
                f"{format_vn_date(event.event_date)}."
            ),
            style("body"),
        )
    )
    dues = format_vn_month(event.dues_paid_until)
    body.append(labelled("Đã đóng đoàn phí đến hết tháng", dues or BLANK))
    body.append(Paragraph("<b>Nhận xét của tổ chức Đoàn:</b>", style("item")))
    remarks = lines(event.remarks)
    body += [Paragraph(markup(line), style("body")) for line in remarks] or fill_lines(3)
    body.append(
        Paragraph(
            markup(
                f"Đề nghị {event.other_organization} tiếp nhận và tạo điều kiện để đồng chí "
                f"{nfc(fields.full_name)} sinh hoạt Đoàn theo Điều lệ Đoàn."
            ),
            style("body"),
        )
    )
    doc = UnionDocument(
        org,
        kind=TITLE,
        code=CODE,
        number=event.number if number is None else number,
        issued_on=issued_on,
        place=place,
        recipients=transfer_recipients() if recipients is None else recipients,
        metadata={"title": f"{TITLE} — {nfc(fields.full_name)}"},
    )
    return doc.build(path, body)
