"""The phiếu tự đánh giá, xếp loại đoàn viên (DOMAIN.md §3): one page per member, a whole chi
đoàn (or the whole organisation, chi đoàn after chi đoàn) in one PDF, A4 portrait.

Each page carries the union's header (the Đoàn cơ sở above the chi đoàn at left, "ĐOÀN TNCS HỒ
CHÍ MINH" at right, the date left to fill in), the member's name, birth date, chi đoàn and
position, then I. the self-assessment, II. the level the member gives themselves (four boxes),
III. the chi đoàn's remarks and proposal, IV. the Ban Chấp hành's level, and the signatures of
the chi đoàn's secretary and of the member. What the app knows as facts (the participation in
the year's activities, the training programme's result) is printed on every form, and for a
rated member the months of sick leave and the year's dues not paid in full, when so. A member
the round does not rate (on temporary activity here, a full Party member, not six months here)
is given remarks only: the form says why under II. and offers no level to tick or propose.
**Blank** forms leave the self-assessment to be written by hand (dotted lines, empty boxes);
otherwise the member's self-assessment text and level are printed, as entered. The chi đoàn's
and the Ban Chấp hành's parts are always left to fill in: the form is what they write on.

A long self-assessment is set smaller so that each form stays on its page; a form that cannot
(a chi đoàn's name of many lines in the header) runs onto a second page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..core.documents import place_name
from ..core.errors import AppError
from ..core.lang.dates import format_vn_date
from ..core.lang.text import nfc, nfc_multiline, percent_cell
from ..core.organization import OrganizationInfo
from ..core.rating.rules import LEVELS, TRAINING_RESULTS
from ..core.rating.service import RatingRow
from ..core.roster.branches import UNASSIGNED
from ..core.storage.files import written_atomically
from ..core.workspace import Workspace
from .document import (
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    DocumentHeader,
    header_name,
    issuing_body,
)
from .fonts import BOLD, ITALIC, REGULAR, register_fonts, string_width
from .roster import NO_ORGANIZATION
from .styles import markup, styles

TITLE = "PHIẾU TỰ ĐÁNH GIÁ, XẾP LOẠI ĐOÀN VIÊN"
CHECKED, UNCHECKED = "■", "□"
SELF_HINT = (
    "(Ưu điểm, khuyết điểm về tư tưởng chính trị, đạo đức, lối sống; thực hiện nhiệm vụ học "
    "tập, lao động, công tác; tham gia sinh hoạt, hoạt động Đoàn và ở nơi cư trú)"
)
SELF_LINES = 6  # dotted lines for a self-assessment written by hand (fewer if no room)
SELF_HEIGHT = 60 * mm  # the most a typed self-assessment takes (set smaller beyond)
SAFETY = 3 * mm  # left free at the foot of a page, against rounding in the measures
DATE_TO_FILL = "ngày ...... tháng ...... năm ..........."
UNRATED_HEADING = "II. XẾP LOẠI"


def no_members(year: int) -> str:
    return f"Không có đoàn viên nào để in phiếu tự đánh giá năm {year}."


@dataclass(frozen=True)
class FormMember:
    """What one form prints about its member."""

    row: RatingRow
    birth: str
    position: str


@cache
def _styles() -> dict[str, ParagraphStyle]:
    base = styles()
    body = base["body_left"].clone("form-body", spaceAfter=2)
    return {
        "kind": base["kind"],
        "year": base["title"],
        "body": body,
        "section": body.clone("form-section", fontName=BOLD, spaceBefore=5, spaceAfter=2),
        "facts": body.clone("form-facts", spaceBefore=8),
        "hint": body.clone("form-hint", fontName=ITALIC, fontSize=11.5, leading=13.8),
        "text": base["body"].clone("form-text", spaceAfter=2),
        "dots": body.clone("form-dots", spaceAfter=0, leading=19),
        "sign": base["sign"].clone("form-sign", fontSize=13, leading=15.6),
        "sign_note": base["sign_note"].clone("form-sign-note", fontSize=12, leading=14.4),
        "name": base["sign"].clone("form-name", fontSize=13, leading=15.6),
        "box": body.clone("form-box", spaceAfter=0, alignment=TA_LEFT),
    }


@cache
def _dots(width: float, lead: str = "") -> str:
    """``lead`` followed by dots up to ``width`` points."""
    size = _styles()["dots"].fontSize
    room = width - string_width(lead, REGULAR, size) - 2
    return lead + "." * max(3, int(room / string_width(".", REGULAR, size)))


def _labelled(label: str, value: str) -> str:
    return f"{markup(label)}: <b>{markup(value)}</b>"


class FormBook:
    """The forms of one PDF: the organisation, its place, and the blocks every form shares.

    What is the same on every page (the header of a chi đoàn, the headings, the lines left to
    fill in, the signature titles) is drawn once into the PDF and placed on each page by
    reference (:class:`_Static`): 2,000 forms cost little more than their names and figures.
    """

    def __init__(self, org: OrganizationInfo, year: int, blank: bool) -> None:
        self.org, self.year, self.blank = org, year, blank
        self.width = 210 * mm - MARGIN_LEFT - MARGIN_RIGHT
        self.place = place_name(org)
        self._statics: dict[str, _Static] = {}
        self._reserves: dict[str, float] = {}

    def header(self, branch: str | None) -> list[Flowable]:
        when = f"{self.place}, {DATE_TO_FILL}" if self.place else DATE_TO_FILL
        if branch:
            head = DocumentHeader(superior=header_name(self.org.name).upper(),
                                  issuer=nfc(branch).upper(), place_date=when)  # fmt: skip
        else:
            head = DocumentHeader(superior=nfc(self.org.superior_name).upper(),
                                  issuer=issuing_body(self.org.name), place_date=when)  # fmt: skip
        return head.flowables(self.width)

    def _static(self, key: str, make: Callable[[], list[Flowable]]) -> _Static:
        """The block ``key`` (made by ``make`` the first time)."""
        block = self._statics.get(key)
        if block is None:
            block = self._statics[key] = _Static(f"Form{len(self._statics)}", make(), self.width)
        return block

    def form(self, member: FormMember) -> list[Flowable]:
        """One member's page."""
        st = _styles()
        row = member.row
        flow: list[Flowable] = [
            self._static(f"head:{row.branch or ''}", lambda: self._heading(row.branch)),
            Paragraph(
                _labelled("Họ và tên", row.full_name) + "; " + _labelled("ngày sinh", member.birth),
                st["body"],
            ),
            Paragraph(
                _labelled("Chi đoàn", row.branch or UNASSIGNED)
                + (f"; {_labelled('chức vụ', member.position)}" if member.position else ""),
                st["body"],
            ),
            self._static("self", lambda: [
                Paragraph(markup("I. TỰ NHẬN XÉT"), st["section"]),
                Paragraph(markup(SELF_HINT), st["hint"]),
            ]),
        ]  # fmt: skip
        text = "" if self.blank else nfc_multiline(row.self_text).strip()
        tail = self._tail(row, apart=bool(text))
        # The tail's height, measured once per chi đoàn (and reason, for a member not rated;
        # note, for one rated on the previous organisation's remarks; under typed text or not).
        key = f"{row.branch or ''}\n{(row.note or '') if row.eligible else row.reason}"
        key += f"\n{bool(text)}"
        if row.eligible:  # and the lines of sick leave and dues
            key += f"\n{bool(row.sick_months)}\n{bool(row.dues_unpaid)}"
        if text:
            lines: list[Flowable] = [
                Paragraph(markup(line), st["text"]) for line in text.splitlines() if line
            ]
            flow.append(_Shrunk(lines, self.width, self._reserve(key, tail)))
        else:
            flow.append(_Blank(self, self._reserve(key, tail)))
        return [*flow, *tail, PageBreak()]

    def blank_lines(self, count: int) -> _Static:
        """``count`` dotted lines for a self-assessment written by hand."""
        line = _dots(self.width)
        return self._static(
            f"blank:{count}", lambda: [Paragraph(line, _styles()["dots"]) for _ in range(count)]
        )

    def _heading(self, branch: str | None) -> list[Flowable]:
        st = _styles()
        return [
            *self.header(branch),
            Spacer(1, 7 * mm),
            Paragraph(markup(TITLE), st["kind"]),
            Paragraph(markup(f"Năm {self.year}"), st["year"]),
            Spacer(1, 5 * mm),
        ]

    def _tail(self, row: RatingRow, apart: bool = False) -> list[Flowable]:
        """The page after the self-assessment: the facts, the level, the chi đoàn's and the Ban
        Chấp hành's parts, the signatures. ``apart``: under a typed self-assessment, the facts
        (the app's, not the member's words) stand a little apart from its last line."""
        st = _styles()
        facts = [
            Paragraph(self._participation(row), st["facts" if apart else "body"]),
            Paragraph(self._training(row), st["body"]),
        ]
        if not row.eligible:  # remarks only, no level to give or tick (DOMAIN.md §3)
            reason = f"Không xếp loại năm {self.year}: {row.reason or ''}".strip()
            return [
                *facts,
                self._static("unrated", lambda: [Paragraph(UNRATED_HEADING, st["section"])]),
                Paragraph(markup(reason), st["body"]),
                self._static("remarks", self._remarks),
                _Signed(row.full_name, self.width),
            ]
        self_level = row.round_levels[0]
        facts += [Paragraph(fact, st["body"]) for fact in self._sick_and_dues(row)]
        if row.note:  # transferred in for less than the months asked for (DOMAIN.md §3)
            facts.append(Paragraph(markup(row.note), st["body"]))
        return [
            *facts,
            self._static("level", lambda: [Paragraph(markup("II. TỰ XẾP LOẠI"), st["section"])]),
            _Boxes(None if self.blank else self_level, self.width),
            self._static("parts", self._parts),
            _Signed(row.full_name, self.width),
        ]

    def _parts(self) -> list[Flowable]:
        """The chi đoàn's and the Ban Chấp hành's parts and the signature titles."""
        st = _styles()
        return [
            Paragraph(markup("III. NHẬN XÉT, ĐỀ NGHỊ CỦA CHI ĐOÀN"), st["section"]),
            *(Paragraph(_dots(self.width), st["dots"]) for _ in range(3)),
            Paragraph(_dots(self.width, "Chi đoàn đề nghị xếp loại: "), st["dots"]),
            Paragraph(markup("IV. XẾP LOẠI CỦA BAN CHẤP HÀNH ĐOÀN CƠ SỞ"), st["section"]),
            Paragraph(_dots(self.width, "Nhận xét: "), st["dots"]),
            Paragraph(_dots(self.width, "Xếp loại: "), st["dots"]),
            Spacer(1, 4 * mm),
            self._signatures(),
        ]

    def _remarks(self) -> list[Flowable]:
        """The chi đoàn's and the Ban Chấp hành's remarks on a member the round does not rate
        (no level proposed or decided), and the signature titles."""
        st = _styles()
        return [
            Paragraph(markup("III. NHẬN XÉT CỦA CHI ĐOÀN"), st["section"]),
            *(Paragraph(_dots(self.width), st["dots"]) for _ in range(3)),
            Paragraph(markup("IV. NHẬN XÉT CỦA BAN CHẤP HÀNH ĐOÀN CƠ SỞ"), st["section"]),
            Paragraph(_dots(self.width, "Nhận xét: "), st["dots"]),
            Spacer(1, 4 * mm),
            self._signatures(),
        ]

    def _reserve(self, key: str, tail: list[Flowable]) -> float:
        """The height ``tail`` takes on the page, with its spaces (the same on every page of
        ``key``, a chi đoàn: measured once)."""
        total = self._reserves.get(key)
        if total is None:
            total = SAFETY
            for flowable in tail:
                total += flowable.wrap(self.width, 297 * mm)[1]
                total += flowable.getSpaceBefore() + flowable.getSpaceAfter()
            self._reserves[key] = total
        return total

    def _participation(self, row: RatingRow) -> str:
        label = "Tham gia sinh hoạt, hoạt động Đoàn trong năm"
        if row.participation is None:
            return markup(_dots(self.width, f"{label}: "))
        share = percent_cell(row.participation * 100)  # as the summary: "95,0", "93,8"
        if row.expected and not row.participation_entered:
            value = f"{row.attended}/{row.expected} buổi ({share})"
        else:
            value = share
        return _labelled(label, value)

    def _training(self, row: RatingRow) -> str:
        label = "Kết quả chương trình rèn luyện đoàn viên"
        if row.training_result is None:
            return markup(_dots(self.width, f"{label}: "))
        return _labelled(label, TRAINING_RESULTS[row.training_result])

    def _sick_and_dues(self, row: RatingRow) -> list[str]:
        """The months of sick leave and the dues unpaid, when so (the rules of DOMAIN.md §3)."""
        said = []
        if row.sick_months:
            said.append(_labelled("Nghỉ ốm trong năm", f"{row.sick_months} tháng"))
        if row.dues_unpaid:
            said.append(_labelled(f"Đoàn phí năm {self.year}", "chưa đóng đủ"))
        return said

    def _signatures(self) -> Table:
        st = _styles()
        left = [
            Paragraph(markup("TM. BCH CHI ĐOÀN"), st["sign"]),
            Paragraph(markup("BÍ THƯ"), st["sign"]),
            Paragraph(markup("(Ký, ghi rõ họ tên)"), st["sign_note"]),
        ]
        right = [
            Paragraph(markup("NGƯỜI TỰ ĐÁNH GIÁ"), st["sign"]),
            Paragraph(markup("(Ký, ghi rõ họ tên)"), st["sign_note"]),
            Spacer(1, 20 * mm),
        ]
        half = self.width / 2
        table = Table([[left, right]], colWidths=[half, half])
        table.setStyle(_PLAIN)
        return table


class _Static(Flowable):
    """Flowables that are the same on many pages: drawn once into a form XObject ``name`` of
    the PDF, then placed by reference. They are stacked as a frame would stack them (each one's
    space before and after), left-aligned at the full ``width``."""

    def __init__(self, name: str, content: list[Flowable], width: float) -> None:
        super().__init__()
        self.name, self._content, self._width = name, content, width
        self._places: list[tuple[Flowable, float]] | None = None
        self._drawn: set[int] = set()  # the canvases it was drawn into

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self._places is None:
            places, y, after = [], 0.0, 0.0
            for flowable in self._content:
                y += max(flowable.getSpaceBefore() - after, 0)  # as a frame overlaps them
                height = flowable.wrap(self._width, 297 * mm)[1]
                places.append((flowable, y + height))  # distance of its foot from the top
                after = flowable.getSpaceAfter()
                y += height + after
            self._places, self.height = places, y
        self.width = self._width
        return self.width, self.height

    def draw(self) -> None:
        # reportlab marks a flowable pushed to the next page and never unmarks it: this one
        # object stands on every form, and the next form it is pushed on would be refused
        # (LayoutError, "too large") though it fits a page.
        self.__dict__.pop("_postponed", None)
        canvas = self.canv
        if id(canvas) not in self._drawn:
            assert self._places is not None
            canvas.beginForm(self.name, 0, -2, self._width, self.height + 2)
            for flowable, foot in self._places:
                flowable.drawOn(canvas, 0, self.height - foot)
            canvas.endForm()
            self._drawn.add(id(canvas))
        canvas.doForm(self.name)


class _Blank(Flowable):
    """The dotted lines of a self-assessment to write by hand: :data:`SELF_LINES`, or as many
    as the page has room for once ``reserve`` (the rest of the form) is kept; all of them when
    not even one has room (the form then runs onto a second page)."""

    def __init__(self, book: FormBook, reserve: float) -> None:
        super().__init__()
        self._book, self._reserve = book, reserve
        self._lines: _Static | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        leading = _styles()["dots"].leading
        fit = int((availHeight - self._reserve) // leading)
        # A form that cannot keep to its page (a chi đoàn's name of many lines in the header)
        # runs onto the next: all the lines to write on, not one.
        count = min(SELF_LINES, fit) if fit >= 1 else SELF_LINES
        self._lines = self._book.blank_lines(count)
        self.width, self.height = self._lines.wrap(availWidth, availHeight)
        return self.width, self.height

    def draw(self) -> None:
        assert self._lines is not None
        self._lines.drawOn(self.canv, 0, 0)


class _Boxes(Flowable):
    """The four levels in two columns, a filled box before the ``chosen`` one."""

    def __init__(self, chosen: int | None, width: float) -> None:
        super().__init__()
        self._chosen, self.width = chosen, width
        self._style = _styles()["box"]
        self.height = 2 * (self._style.leading + 2)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        style, canvas = self._style, self.canv
        canvas.setFont(style.fontName, style.fontSize)
        for index, (level, name) in enumerate(LEVELS.items()):
            x = (index % 2) * self.width / 2
            y = self.height - (index // 2 + 1) * (style.leading + 2) + 0.25 * style.leading
            canvas.drawString(x, y, f"{CHECKED if level == self._chosen else UNCHECKED} {name}")


class _Signed(Flowable):
    """The member's name under the signature at right."""

    def __init__(self, name: str, width: float) -> None:
        super().__init__()
        self._name, self.width = nfc(name), width
        self._style = _styles()["name"]
        self.height = self._style.leading

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setFont(self._style.fontName, self._style.fontSize)
        self.canv.drawCentredString(0.75 * self.width, 0.25 * self.height, self._name)


class _Shrunk(Flowable):
    """The typed self-assessment, set smaller when it does not fit: in at most
    :data:`SELF_HEIGHT`, and in what the page has left once ``reserve`` (the rest of the form)
    is kept, so that the form never runs onto a second page."""

    def __init__(self, content: list[Flowable], width: float, reserve: float) -> None:
        super().__init__()
        self._content, self._width, self._reserve = content, width, reserve
        self._frame: KeepInFrame | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        room = max(12 * mm, min(SELF_HEIGHT, availHeight - self._reserve))
        self._frame = KeepInFrame(self._width, room, self._content, mode="shrink")
        width, height = self._frame.wrapOn(self.canv, availWidth, room)
        self.width, self.height = width, height
        return width, height

    def draw(self) -> None:
        assert self._frame is not None
        self._frame.drawOn(self.canv, 0, 0)


_PLAIN = TableStyle([
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("FONTNAME", (0, 0), (-1, -1), REGULAR),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 1),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
])  # fmt: skip


def form_members(ws: Workspace, year: int, branch_id: str | None = None) -> list[FormMember]:
    """The members with a form: those of the round (of one chi đoàn when given), chi đoàn
    after chi đoàn in Vietnamese order, in name order within each; not those who left during
    the year (moved away, matured, struck off: no longer here to write one)."""
    from ..core.lang.text import collation_key

    rows = [r for r in ws.rating.rows(year, branch_id) if not r.left]
    if branch_id is None:
        rows.sort(key=lambda r: (r.branch is None, collation_key(r.branch or "")))
    details = {m.id: m for m in ws.members.rows([r.member_id for r in rows])}
    members = []
    for row in rows:
        detail = details.get(row.member_id)
        birth = format_vn_date(row.birth_date, detail.birth_precision if detail else "day")
        members.append(FormMember(row, birth, (detail.position or "") if detail else ""))
    return members


def _story(book: FormBook, members: list[FormMember]) -> Iterator[Flowable]:
    for member in members:
        yield from book.form(member)


def print_forms(ws: Workspace, path: Path | str, year: int, branch_id: str | None = None, *,
                blank: bool = False) -> Path:  # fmt: skip
    """Write one form per member of the round of ``year`` (of one chi đoàn when given) to the
    PDF ``path`` (atomically) and return it; ``blank``: without the self-assessment."""
    org = ws.organization.get()
    if org is None:
        raise AppError(NO_ORGANIZATION)
    members = form_members(ws, year, branch_id)
    if not members:
        raise AppError(no_members(year))
    return write_forms(org, year, members, path, blank=blank)


def write_forms(org: OrganizationInfo, year: int, members: list[FormMember], path: Path | str,
                *, blank: bool = False) -> Path:  # fmt: skip
    register_fonts()
    book = FormBook(org, year, blank)
    story = list(_story(book, members))
    story.pop()  # no empty page after the last form
    target = Path(path)
    with written_atomically(target) as temp:
        template = BaseDocTemplate(
            str(temp),
            pagesize=(210 * mm, 297 * mm),
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            title=nfc(f"{TITLE} năm {year}"),
            author=nfc(org.name),
            creator="doancoso",
            lang="vi",
        )
        height = 297 * mm - MARGIN_TOP - MARGIN_BOTTOM
        frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, book.width, height, leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0, id="form")  # fmt: skip
        template.addPageTemplates([PageTemplate(id="form", frames=[frame])])
        template.build(story, canvasmaker=_Canvas)
    return target


class _Canvas(Canvas):
    """A plain canvas whose first font is Liberation Serif (reportlab's default would pull in
    Helvetica)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs["initialFontName"] = REGULAR
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
