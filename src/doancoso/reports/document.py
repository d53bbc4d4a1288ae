"""The union's document frame (thể thức văn bản, DOMAIN.md §5), shared by every printed document.

    doc = UnionDocument(org, kind="BÁO CÁO", title="Kết quả công tác năm 2026",
                        number="12-BC/ĐTN", issued_on=date(2026, 11, 26))
    doc.build(path, [Paragraph(..., styles()["body"]), ...])

The frame lays out, on A4 portrait or landscape with margins 20/20/30/20 mm (top, bottom,
left, right): the issuing bodies at top left (superior body, then the issuer in bold, then
``***`` and the number), "ĐOÀN TNCS HỒ CHÍ MINH" at top right with a rule under it and the
place and date in italic; the type name and summary centred; the body; the signature block at
right and "Nơi nhận:" at left; "Trang n/N" at the foot of every page of a document of several
pages (none on a one-page document, as the union's letters have it; left out with
``page_numbers=False``, for a document placed in a larger one that numbers its own pages, like
the recognition dossier). Everything is set in
Liberation Serif and every string is NFC. The superior body's name comes from the
organisation's settings, never from the code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..core.documents import (
    KEEP_IN_OFFICE,
    blank_number,
    place_and_date,
    place_name,
    printed_recipients,
)
from ..core.lang.text import name_case, nfc
from ..core.organization import OrganizationInfo
from ..core.storage.files import written_atomically
from .fonts import BOLD, REGULAR, register_fonts, string_width
from .header_lines import header_lines
from .keep_end import KeepEnd
from .styles import markup, styles

Orientation = Literal["portrait", "landscape"]

UNION_NAME = "ĐOÀN TNCS HỒ CHÍ MINH"
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20 * mm, 20 * mm, 30 * mm, 20 * mm
PAGE_NUMBER_SIZE = 11
HEADER_GAP = 4 * mm
"""The least room between the bodies' names at top left and the union's name at top right."""


_UNION_IN_NAME = re.compile(r"^Đoàn\s+(TNCS|Thanh\s+niên\s+Cộng\s+sản)\s+Hồ\s+Chí\s+Minh\s+",
                            re.IGNORECASE)  # fmt: skip
_ADDRESS_IN_NAME = re.compile(r",\s*(huyện|quận|thị xã|thành phố|TP\.|tỉnh)\s.*$", re.IGNORECASE)


def header_name(org_name: str) -> str:
    """The organisation as a header names it: "Đoàn TNCS Hồ Chí Minh xã Tân Hưng Đông, huyện
    Cái Nước, tỉnh Cà Mau" -> "Đoàn xã Tân Hưng Đông". The union's full name stands at top
    right and the superior body above, so neither is repeated in the left block; a name set
    as "Đoàn xã Tân Hưng" is kept as it is."""
    name = _ADDRESS_IN_NAME.sub("", nfc(org_name)).strip()
    short = _UNION_IN_NAME.sub("Đoàn ", name)
    return short if short != "Đoàn " else name


def issuing_body(org_name: str) -> str:
    """The issuer line: "Đoàn xã Tân Hưng" -> "BCH ĐOÀN XÃ TÂN HƯNG" (kept if it names a BCH);
    a formal name shortened as :func:`header_name` says."""
    upper = header_name(org_name).upper()
    if upper.startswith(("BCH ", "BAN CHẤP HÀNH", "BAN THƯỜNG VỤ", "BTV ")):
        return upper
    return f"BCH {upper}"


def document_number(number: str | None) -> str:
    """The number line: "12-BC/ĐTN" -> "Số: 12-BC/ĐTN"; empty when there is no number."""
    text = nfc(number)
    if not text:
        return ""
    return text if text.lower().startswith("số") else f"Số: {text}"


HAND_WRITTEN = "\u00a0" * 10
"""Room for a number's digits written by hand (about 12 mm at 14 pt): no-break spaces, which
the PDF keeps where plain ones would collapse to one."""


def number_markup(line: str) -> str:
    """The number line as Paragraph markup: "Số: 12-BC/ĐTN" as it is; a number without its
    digits ("Số: -BC/ĐTN", :func:`~doancoso.core.documents.blank_number`) with room for them,
    "Số:          -BC/ĐTN"."""
    text = markup(line)
    label, _, rest = text.partition(" ")
    if label == "Số:" and rest.startswith("-"):
        return f"{label}{HAND_WRITTEN}{rest}"
    return text


@dataclass(frozen=True)
class Signer:
    """Who signs: "TM. BAN CHẤP HÀNH" / "BÍ THƯ" / (signature and seal) / the name."""

    name: str = ""
    title: str = "BÍ THƯ"
    on_behalf: str = "TM. BAN CHẤP HÀNH"


@dataclass(frozen=True)
class DocumentHeader:
    """The two header blocks: issuing bodies and number at left, union name and date at right."""

    superior: str
    issuer: str
    number: str = ""
    place_date: str = ""

    @classmethod
    def for_organization(cls, org: OrganizationInfo, number: str | None, issued_on: date,
                         issuer: str | None = None, place: str | None = None,
                         ) -> DocumentHeader:  # fmt: skip
        """The header of ``org``'s document; ``place`` None: the organisation's own
        (:func:`place_name`), "" for none."""
        return cls(
            superior=nfc(org.superior_name).upper(),
            issuer=nfc(issuer) if issuer else issuing_body(org.name),
            number=document_number(number),
            place_date=place_and_date(place_name(org) if place is None else place, issued_on),
        )

    def flowables(self, width: float) -> list[Flowable]:
        st = styles()
        left_w = min(width * 0.45, 100 * mm)
        right_w = min(width * 0.55, 105 * mm)
        rule_w = string_width(UNION_NAME, BOLD, 15) * 0.6
        superior, issuer = st["superior"], st["issuer"]
        # The bodies' names on one line each within the left block's share of the page; the
        # issuer's also where only the union's name leaves room for it ("BCH ĐOÀN XÃ TÂN HƯNG
        # ĐÔNG" is wider than the share of a portrait page), a gap kept between the blocks. A
        # name still too wide goes on even lines (:func:`header_lines`).
        issuer_w = string_width(self.issuer, issuer.fontName, issuer.fontSize) + 2
        names_w = max(issuer_w, string_width(self.superior, superior.fontName,
                                             superior.fontSize) + 2)  # fmt: skip
        union_w = string_width(UNION_NAME, BOLD, st["union"].fontSize) + 4 * mm
        issuer_room = min(issuer_w, width - union_w - HEADER_GAP)
        left_w = max(left_w, min(names_w, max(width - right_w, issuer_room)))
        left = [
            Paragraph(header_lines(self.superior, superior.fontName, superior.fontSize, left_w),
                      superior),
            Paragraph(header_lines(self.issuer, issuer.fontName, issuer.fontSize, left_w), issuer),
            Paragraph("***", st["stars"]),
        ]  # fmt: skip
        right = [
            Paragraph(markup(UNION_NAME), st["union"]),
            HRFlowable(width=rule_w, thickness=0.8, color="black", spaceBefore=1, spaceAfter=0),
        ]
        number = Paragraph(number_markup(self.number), st["number"]) if self.number else ""
        # room for the number with its blank for digits, which the date never takes
        number_needed = string_width(self.number + HAND_WRITTEN, REGULAR, 14) + 2
        when: Paragraph | str = ""
        date_w = right_w
        if self.place_date:
            when, needed = _date_line(self.place_date, right_w)
            date_w = max(right_w, min(needed, width - number_needed))
        top_right_w = min(right_w, width - left_w)
        tops = Table([[left, "", right]], colWidths=[left_w, width - left_w - top_right_w,
                     top_right_w], hAlign="CENTER")  # fmt: skip
        tops.setStyle(_HEADER_STYLE + [("BOTTOMPADDING", (0, 0), (-1, -1), 2)])
        # A long place pushes the date's cell leftwards, over the gap and then the number's
        # cell (the number is short), rather than wrapping the year onto a second line.
        number_w = min(left_w, width - date_w)
        lines = Table([[number, "", when]], colWidths=[number_w, width - number_w - date_w, date_w],
                      hAlign="CENTER")  # fmt: skip
        lines.setStyle(_HEADER_STYLE + [("BOTTOMPADDING", (0, 0), (-1, -1), 3)])
        return [tops, lines]


_HEADER_STYLE = [
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
]
DATE_SIZES = (14, 13)
"""The sizes the place and date may take (DOMAIN.md §5: 13–14 pt), the larger when it fits."""


def _date_line(text: str, width: float) -> tuple[Paragraph, float]:
    """The place and date as one line, in 14 pt if it fits ``width`` else 13 pt, and the width
    it takes (more than ``width`` for a place too long for either)."""
    base = styles()["date"]
    for size in DATE_SIZES:
        needed = string_width(text, base.fontName, size) + 1
        if needed <= width:
            break
    style = base if size == base.fontSize else ParagraphStyle(
        f"date{size}", parent=base, fontSize=size, leading=round(size * 1.2, 1))  # fmt: skip
    return Paragraph(markup(text), style), needed


class _PlainCanvas(Canvas):
    """A canvas without page numbers whose first font is Liberation Serif."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = REGULAR  # reportlab's default would pull in Helvetica
        super().__init__(*args, **kwargs)


class _NumberedCanvas(Canvas):
    """A canvas that writes "Trang n/N" on every page once N is known, in Liberation Serif; on
    none when the document has one page (the union's one-page letters carry no page number)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = REGULAR  # reportlab's default would pull in Helvetica
        super().__init__(*args, **kwargs)
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._page_states.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's page reset (not in stubs)

    def save(self) -> None:
        total = len(self._page_states)
        for state in self._page_states:
            self.__dict__.update(state)
            if total > 1:
                width = state["_pagesize"][0]
                self.setFont(REGULAR, PAGE_NUMBER_SIZE)
                self.drawCentredString(
                    MARGIN_LEFT + (width - MARGIN_LEFT - MARGIN_RIGHT) / 2,
                    MARGIN_BOTTOM / 2,
                    f"Trang {self.getPageNumber()}/{total}",
                )
            super().showPage()
        super().save()


@dataclass(frozen=True)
class UnionDocument:
    """One document of the union: header blocks, title, body, signature and recipients.

    ``kind`` is the type name printed in capitals ("BÁO CÁO", "DANH SÁCH ĐOÀN VIÊN"); ``title``
    the summary under it; ``number`` e.g. "12-BC/ĐTN", ``code`` its type code ("BC": without a
    number, "Số:          -BC/ĐTN" is printed to fill in by hand; no code and no number: no
    number line); ``issued_on`` the date
    written at top right (default: today) after ``place`` (None: the organisation's commune,
    else its province; "": no place); ``recipients`` the "Nơi nhận" lines, printed as
    :func:`~doancoso.core.documents.printed_recipients` says ("- " before each, ";" or "." after,
    ``keep`` ("Lưu VP."; a chi đoàn's "Lưu.") added unless the list already ends with a "Lưu"
    line); ``signer`` defaults to
    the organisation's secretary; ``page_numbers`` False: no "Trang n/N" (the document is
    part of a larger one that numbers the pages; a one-page document has none either way).
    """

    org: OrganizationInfo
    kind: str
    title: str = ""
    number: str | None = None
    code: str = ""
    issued_on: date | None = None
    place: str | None = None
    orientation: Orientation = "portrait"
    recipients: Sequence[str] = ()
    keep: str = KEEP_IN_OFFICE
    signer: Signer | None = None
    subtitle: str = ""
    issuer: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    page_numbers: bool = True

    @property
    def page_size(self) -> tuple[float, float]:
        return landscape(A4) if self.orientation == "landscape" else portrait(A4)

    @property
    def frame_width(self) -> float:
        """Width of the text area in points (the page less the left and right margins)."""
        return self.page_size[0] - MARGIN_LEFT - MARGIN_RIGHT

    def header(self) -> DocumentHeader:
        number = nfc(self.number) or blank_number(self.code)
        return DocumentHeader.for_organization(
            self.org, number, self.issued_on or date.today(), self.issuer, self.place
        )

    def heading(self) -> list[Flowable]:
        """The header blocks and the centred type name, summary and subtitle."""
        st = styles()
        parts: list[Flowable] = [*self.header().flowables(self.frame_width), Spacer(1, 8 * mm)]
        if self.kind:
            parts.append(Paragraph(markup(self.kind.upper()), st["kind"]))
        if self.title:  # too long for a line: even lines, not a full one over a few words
            title = header_lines(nfc(self.title), BOLD, st["title"].fontSize, self.frame_width)
            parts.append(Paragraph(title, st["title"]))
        if self.subtitle:
            parts.append(Paragraph(markup(self.subtitle), st["subtitle"]))
        parts.append(Spacer(1, 6 * mm))
        return parts

    def recipients_block(self) -> list[Flowable]:
        """ "Nơi nhận:" and its lines (:func:`printed_recipients`), set flush left."""
        st = styles()
        received: list[Flowable] = [Paragraph(markup("Nơi nhận:"), st["recipients_head"])]
        received += [Paragraph(markup(line), st["recipients"])
                     for line in printed_recipients(self.recipients, self.keep)]  # fmt: skip
        return received

    def closing(self, lead: Sequence[Flowable] = ()) -> Flowable:
        """The recipients ("Nơi nhận:") at left and the signature block at right, kept on one
        page with ``lead`` (e.g. a total line), so the signature never stands alone on a page."""
        st = styles()
        received = self.recipients_block()
        # name_case: a name stored as typed before the settings corrected it ("nguyễn văn bình")
        signer = self.signer or Signer(name=name_case(self.org.secretary_name or ""))
        signature = [
            Paragraph(markup(signer.on_behalf), st["sign"]),
            Paragraph(markup(signer.title), st["sign"]),
            Spacer(1, 24 * mm),
            Paragraph(markup(signer.name), st["sign"]),
        ]
        width = self.frame_width
        sign_w = min(width * 0.5, 95 * mm)
        table = Table([[received, signature]], colWidths=[width - sign_w, sign_w])
        table.setStyle(
            TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (0, 0), 8),
            ])
        )  # fmt: skip
        return KeepTogether([*lead, Spacer(1, 6 * mm), table])

    def build(self, path: Path | str, body: Sequence[Flowable], *,
              closing_lead: Sequence[Flowable] = (), annex: Sequence[Flowable] = (),
              ) -> Path:  # fmt: skip
        """Write the PDF to ``path`` (atomically) and return the path.

        ``closing_lead`` flowables come after the body and stay on the signature's page, and
        never without some of the body (:class:`~.keep_end.KeepEnd`: a table's last two rows
        go over with them);
        ``annex`` (e.g. the list a decision recognises) starts on a new page after the
        signature.

        Raises AppError (Vietnamese message) when the file cannot be written.
        """
        register_fonts()
        target = Path(path)
        story = [*self.heading(), *KeepEnd.of(body, self.closing(closing_lead))]
        if annex:
            story += [PageBreak(), *annex]
        with written_atomically(target) as temp:
            template = BaseDocTemplate(
                str(temp),
                pagesize=self.page_size,
                topMargin=MARGIN_TOP,
                bottomMargin=MARGIN_BOTTOM,
                leftMargin=MARGIN_LEFT,
                rightMargin=MARGIN_RIGHT,
                title=nfc(
                    self.metadata.get("title") or " ".join(p for p in (self.kind, self.title) if p)
                ),
                author=nfc(self.metadata.get("author") or self.org.name),
                subject=nfc(self.metadata.get("subject", "")),
                creator="doancoso",
                lang="vi",
            )
            # No frame padding: the text area is exactly the page less the margins of §5.
            frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, self.frame_width,
                          self.page_size[1] - MARGIN_TOP - MARGIN_BOTTOM, leftPadding=0,
                          rightPadding=0, topPadding=0, bottomPadding=0, id="text")  # fmt: skip
            template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
            canvas = _NumberedCanvas if self.page_numbers else _PlainCanvas
            template.build(story, canvasmaker=canvas)
        return target
