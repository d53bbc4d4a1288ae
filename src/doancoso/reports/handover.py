"""The handover record (biên bản bàn giao dữ liệu) printed after a handover bundle is written.

When the secretary changes, the outgoing secretary hands the organisation's data to the
incoming one on a USB stick (issue #17). The record, in the union's document frame (DOMAIN.md
§5), says who hands over to whom (names and positions), when and where, what the bundle holds
(the rows of each kind of record, named in Vietnamese, and the evidence files with their total
size), and the bundle's file name and SHA-256, printed in groups of four characters so that the
two secretaries can read it aloud and compare it with what the app shows on the receiving
machine. Both sign: the giver (BÊN GIAO) at left, the receiver (BÊN NHẬN) at right.

The evidence files are listed by name, what they are attached to and size: in the record
when the list is short, else as its annex on a new page. A representative of the superior body
may witness the handover (a third party, signing under both secretaries). The commitment says
what is true: the app keeps its data on the outgoing secretary's computer, so the outgoing
secretary undertakes not to use it and to delete the copies of personal data (Decree 13/2023).

The input is a plain :class:`HandoverRecord`, so the record can be printed from an export's
result or again later from the figures alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..core.bundle.labels import in_label_order, table_label
from ..core.documents import place_and_date, place_name
from ..core.evidence.service import ListedFile
from ..core.lang.text import nfc, size_text, vn_number
from ..core.organization import OrganizationInfo
from .document import UnionDocument
from .fonts import BOLD, REGULAR
from .prose import labelled, section, style
from .styles import markup, styles
from .tables import ROW_SPLIT_RANGE, Column, PagedTable

KIND_NAME = "BIÊN BẢN BÀN GIAO DỮ LIỆU"
HANDOVER_CODE = "BB"
"""The type code of its number (biên bản): "03-BB/ĐTN"."""
BLANK = "…………………………"
EVIDENCE_FILES = "Tệp minh chứng (ảnh, văn bản scan)"
"""The row of the files themselves, under the table's rows (``evidence_files`` is the table of
their attachments: one file may be attached to several records)."""
ATTACHMENTS_NOTE = (
    "Một tệp minh chứng có thể được đính kèm ở nhiều nơi (nhiều buổi hoạt động, tiêu chí…): "
    "“{attachments}” đếm số lần đính kèm, “{files}” đếm số tệp."
)
WITNESS = "Đại diện Đoàn cấp trên"
IF_ANY = " (nếu có)"
"""After :data:`WITNESS` where no one is named: the blanks are filled in by hand, or left."""
INLINE_FILES = 15
"""At most this many evidence files are listed in the record itself; more go to its annex."""
EVIDENCE_COLUMNS = (
    Column("STT", 1.1, "CENTER"),
    Column("Tên tệp", 4.5),
    Column("Đính kèm ở", 6.0),
    Column("Dung lượng", 2.2, "RIGHT"),
)
PRIVACY = (
    "Dữ liệu có thông tin cá nhân của đoàn viên, thanh niên: các bên có trách nhiệm bảo vệ theo "
    "Nghị định số 13/2023/NĐ-CP. Sau khi xuất tệp bàn giao, dữ liệu vẫn còn trên máy tính của "
    "bên giao (phần mềm không tự xóa); bên giao cam kết không sử dụng, không cung cấp cho người "
    "khác và xóa các bản sao dữ liệu cá nhân còn giữ (thư mục dữ liệu của phần mềm doancoso, "
    "các bản sao lưu, các tệp đã xuất ra USB) sau khi bên nhận đã nhận đủ dữ liệu."
)


LIVE_NOTE = "Số lượng là số bản ghi đang có, không tính các bản ghi đã xóa."
"""Said under the counts, on the biên bản and in the import wizard: the roster's own figures."""


def ordered_counts(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    """(Vietnamese name, count) for every table in ``counts``: the known tables in the order
    of the table names, then any other in alphabetical order."""
    return [(table_label(t), counts[t]) for t in in_label_order(counts)]


def count_lines(
    counts: Mapping[str, int], member_statuses: Mapping[str, int] | None = None
) -> list[tuple[str, int, bool]]:
    """The lines of the counts as printed: (name, count, whether it is a detail line) for every
    table with rows, in :func:`ordered_counts`'s order; under "Đoàn viên", the members by
    status as the statistics page counts them (statuses with none left off), adding up to it."""
    from ..core.statistics.service import status_breakdown

    lines: list[tuple[str, int, bool]] = []
    for table, (name, count) in zip(in_label_order(counts), ordered_counts(counts), strict=True):
        if not count:
            continue
        lines.append((name, count, False))
        if table == "members" and member_statuses:
            breakdown = status_breakdown(dict(member_statuses))
            lines += [(f"– {label}", n, True) for label, n in breakdown.items() if n]
    return lines


def sha256_groups(digest: str) -> list[str]:
    """The digest in upper case, in groups of four characters to read aloud."""
    text = nfc(digest).strip().upper()
    return [text[i : i + 4] for i in range(0, len(text), 4)]


def sha256_lines(digest: str, per_line: int = 8) -> list[str]:
    """The groups of :func:`sha256_groups`, ``per_line`` to a printed line."""
    groups = sha256_groups(digest)
    return [" ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line)]


@dataclass(frozen=True)
class Party:
    """One side of the handover: a person's name and position ("Bí thư Đoàn xã Tân Hưng")."""

    name: str
    position: str = ""


@dataclass(frozen=True)
class HandoverRecord:
    """What the record says. ``counts`` are the records per table that are not deleted (the
    manifest's ``live_counts``; tables with none are left off the printed list) and
    ``member_statuses`` the members not deleted per status code (``member_statuses``), printed
    under "Đoàn viên"; ``evidence_files`` the number of evidence files themselves; ``sha256``
    the bundle file's own digest (64 hex characters)."""

    org: OrganizationInfo
    giver: Party
    receiver: Party
    handed_on: date
    counts: Mapping[str, int]
    evidence_files: int
    evidence_bytes: int
    file_name: str
    sha256: str
    file_size: int | None = None
    number: str | None = None
    place: str | None = None
    extra_lines: Sequence[str] = field(default_factory=tuple)
    member_statuses: Mapping[str, int] | None = None
    evidence: Sequence[ListedFile] = ()
    """The evidence files by name (:meth:`EvidenceService.files_listed`); empty: the count and
    total size only."""
    witness: Party | None = None
    """The superior body's representative, if one witnesses the handover (blank lines else)."""


def _party(title: int, heading: str, party: Party) -> list[Flowable]:
    return [
        section(title, heading),
        labelled("- Đồng chí", nfc(party.name) or BLANK),
        labelled("- Chức vụ", nfc(party.position) or BLANK),
    ]


def _counts_table(record: HandoverRecord, width: float) -> Table:
    cell, head = styles()["cell"], styles()["cell_head"]
    number_style = cell.clone("cell-right", alignment=2)
    rows: list[list[object]] = [
        [Paragraph("STT", head), Paragraph("Loại dữ liệu", head), Paragraph("Số lượng", head)]
    ]
    detail = cell.clone("cell-detail", leftIndent=12)
    index = 0
    for name, count, is_detail in count_lines(record.counts, record.member_statuses):
        if not is_detail:
            index += 1
        rows.append([
            Paragraph("" if is_detail else str(index), cell.clone("cell-center", alignment=1)),
            Paragraph(markup(name), detail if is_detail else cell),
            Paragraph(vn_number(count), number_style),
        ])  # fmt: skip
    rows.append([
        Paragraph(str(index + 1), cell.clone("cell-center", alignment=1)),
        Paragraph(markup(EVIDENCE_FILES), cell),
        Paragraph(vn_number(record.evidence_files), number_style),
    ])  # fmt: skip
    table = Table(rows, colWidths=[14 * mm, width - 44 * mm, 30 * mm], repeatRows=1,
                  rowSplitRange=ROW_SPLIT_RANGE)  # fmt: skip
    table.setStyle(
        TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, "black"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("FONTNAME", (0, 0), (-1, 0), BOLD),
        ])
    )  # fmt: skip
    return table


def _unkept(paragraph: Paragraph) -> Paragraph:
    paragraph.style = paragraph.style.clone(f"{paragraph.style.name}-unkept", keepWithNext=0)
    paragraph.keepWithNext = 0
    return paragraph


def evidence_table(files: Sequence[ListedFile]) -> PagedTable:
    """The evidence files, one a row: number, file name, what it is attached to, size."""
    rows = [(str(i), f.name, f.attached_to, size_text(f.size)) for i, f in enumerate(files, 1)]
    return PagedTable(EVIDENCE_COLUMNS, rows, font_size=10.5)


def _evidence_part(record: HandoverRecord) -> list[Flowable]:
    """ "2. Tệp minh chứng": how many and their size, then the list (or where it is)."""
    count, files = record.evidence_files, record.evidence
    total = (f"{vn_number(count)} tệp, tổng dung lượng {size_text(record.evidence_bytes)}"
             if count else "không có tệp nào")  # fmt: skip
    part: list[Flowable] = [
        _unkept(Paragraph(markup("2. Tệp minh chứng"), style("lead"))),
        Paragraph(markup(f"Tệp minh chứng: {total}."), style("body")),
    ]
    if files and len(files) <= INLINE_FILES:
        part += [evidence_table(files), Spacer(1, 3 * mm)]
    elif files:
        part.append(Paragraph(markup(
            f"Danh sách {vn_number(len(files))} tệp minh chứng (tên tệp, nơi đính kèm, dung "
            "lượng) tại Phụ lục kèm theo biên bản này."), style("body")))  # fmt: skip
    return part


def handover_annex(record: HandoverRecord) -> list[Flowable]:
    """The list of evidence files on its own pages, when too long for the record."""
    if len(record.evidence) <= INLINE_FILES:
        return []
    title = styles()["title"]
    return [
        Paragraph(markup("PHỤ LỤC"), title),
        Paragraph(markup("DANH SÁCH TỆP MINH CHỨNG BÀN GIAO"), title),
        Paragraph(
            markup(f"(Kèm theo Biên bản bàn giao dữ liệu ngày {record.handed_on:%d/%m/%Y})"),
            styles()["sign_note"],
        ),
        Spacer(1, 4 * mm),
        evidence_table(record.evidence),
    ]


def handover_body(record: HandoverRecord, width: float) -> list[Flowable]:
    org = record.org
    place = place_name(org) if record.place is None else nfc(record.place)
    when = place_and_date("", record.handed_on)
    opening = f"Hôm nay, {when}" + (f", tại {place}" if place else "") + ", chúng tôi gồm:"
    body: list[Flowable] = [
        Paragraph(markup(opening), style("body")),
        *_party(1, "Bên giao", record.giver),
        *_party(2, "Bên nhận", record.receiver),
        *_party(3, WITNESS + ("" if record.witness else IF_ANY), record.witness or Party("")),
        Paragraph(
            markup(
                f"Hai bên thống nhất bàn giao toàn bộ dữ liệu công tác Đoàn của {nfc(org.name)} "
                "được quản lý trên phần mềm doancoso, với nội dung như sau:"
            ),
            style("body"),
        ),
        # Not kept with the table: a long table starts on this page and goes on over the next.
        _unkept(section(4, "Nội dung bàn giao")),
        _unkept(Paragraph(markup("1. Dữ liệu"), style("lead"))),
        _counts_table(record, width),
        Spacer(1, 3 * mm),
        Paragraph(markup(LIVE_NOTE), style("body")),
    ]
    if record.counts.get("evidence_files"):
        note = ATTACHMENTS_NOTE.format(attachments=table_label("evidence_files"),
                                       files=EVIDENCE_FILES)  # fmt: skip
        body.append(Paragraph(markup(note), style("body")))
    body += [
        *_evidence_part(record),
        Paragraph(markup("3. Tệp dữ liệu bàn giao"), style("lead")),
        labelled("- Tên tệp", nfc(record.file_name)),
    ]
    if record.file_size is not None:
        body.append(labelled("- Dung lượng", size_text(record.file_size)))
    digest: list[Flowable] = [
        Paragraph(
            f"<b>{markup('- Mã kiểm tra SHA-256')}</b> {markup('(đọc theo từng nhóm 4 ký tự):')}",
            style("item"),
        ),
        *(
            Paragraph(markup(line), style("item").clone("digest", fontName=BOLD, leftIndent=28))
            for line in sha256_lines(record.sha256)
        ),
    ]
    body.append(KeepTogether(digest))
    body += [
        section(5, "Cam kết"),
        Paragraph(
            markup(
                "Bên nhận đã mở tệp dữ liệu trên máy của mình, đối chiếu mã kiểm tra SHA-256 "
                "trùng khớp với mã ghi trong biên bản này và nhận đủ các nội dung trên."
            ),
            style("body"),
        ),
        Paragraph(markup(PRIVACY), style("body")),
        *(Paragraph(markup(line), style("body")) for line in record.extra_lines),
    ]
    return body


def handover_closing_lead(witnessed: bool = False) -> list[Flowable]:
    """The last line, kept on the signatures' page (they never stand alone on a page): a copy
    for each party signing (the superior body's too, when it is ``witnessed``)."""
    count = "03" if witnessed else "02"
    copies = f"Biên bản được lập thành {count} bản có giá trị như nhau, mỗi bên giữ 01 bản."
    return [Paragraph(markup(copies), style("body"))]


@dataclass(frozen=True)
class HandoverFrame(UnionDocument):
    """The union's frame with the handover's closing: BÊN GIAO at left, BÊN NHẬN at right,
    each with "(Ký, ghi rõ họ tên)" and the name under the space for the signature; the
    superior body's representative centred under both."""

    giver: str = ""
    receiver: str = ""
    witness: str = ""
    witnessed: bool = False
    """Whether a representative of the superior body is named (its block then says so
    plainly, not "(nếu có)")."""

    def closing(self, lead: Sequence[Flowable] = ()) -> Flowable:
        sign, note = styles()["sign"], styles()["sign_note"]

        def block(title: str, name: str) -> list[Flowable]:
            return [
                Paragraph(markup(title), sign),
                Paragraph(markup("(Ký, ghi rõ họ tên)"), note),
                Spacer(1, 22 * mm),
                Paragraph(markup(name), sign),
            ]

        half = self.frame_width / 2
        witness = block(WITNESS.upper() + ("" if self.witnessed else IF_ANY), self.witness)
        table = Table([[block("BÊN GIAO", self.giver), block("BÊN NHẬN", self.receiver)],
                       [witness, ""]], colWidths=[half, half])  # fmt: skip
        table.setStyle(
            TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("SPAN", (0, 1), (1, 1)),  # the witness centred under both
                ("TOPPADDING", (0, 1), (1, 1), 6 * mm),
            ])
        )  # fmt: skip
        return KeepTogether([*lead, Spacer(1, 6 * mm), table])


def print_handover(record: HandoverRecord, path: Path | str) -> Path:
    """Write the handover record to the PDF ``path`` (atomically) and return the path.

    Raises AppError (Vietnamese message) when the file cannot be written.
    """
    frame = HandoverFrame(
        record.org,
        kind=KIND_NAME,
        title=f"của {nfc(record.org.name)}",
        number=record.number,
        code=HANDOVER_CODE,  # no number yet: "Số:          -BB/ĐTN", filled in by hand
        issued_on=record.handed_on,
        place=record.place,
        giver=nfc(record.giver.name),
        receiver=nfc(record.receiver.name),
        witness=nfc(record.witness.name) if record.witness else "",
        witnessed=record.witness is not None,
        metadata={
            "title": f"Biên bản bàn giao dữ liệu – {nfc(record.org.name)} – "
            f"{record.handed_on:%d/%m/%Y}",
            "subject": nfc(record.file_name),
        },
    )
    body = handover_body(record, frame.frame_width)
    return frame.build(
        path,
        body,
        closing_lead=handover_closing_lead(record.witness is not None),
        annex=handover_annex(record),
    )
