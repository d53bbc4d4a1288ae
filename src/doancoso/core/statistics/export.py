"""The roster's statistics as an .xlsx sheet (and the figures shared by the page and the PDF).

:func:`summary_figures` and :func:`breakdowns` name, in Vietnamese and in display order, what
the statistics page, the printed report and this sheet show, so the three always agree. The
sheet holds a title, the organisation, the summary figures and one small table per breakdown
(label, count, share); it is set up for A4 portrait and written atomically, with the print
setup, file handling and text cleaning of the exported lists (:mod:`doancoso.core.xlsx.writer`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..activities.participation import BranchParticipation, ParticipationService
from ..context import WorkspaceContext
from ..lang.dates import format_vn_date
from ..lang.text import RATE_COLUMN, one_decimal, rate_cell
from ..lang.text import shares as shares  # the breakdowns' shares, imported from here too
from ..rating.records import LevelCounts
from ..rating.rules import LEVELS
from ..storage.models import Organization
from ..xlsx.writer import (
    FONT,
    atomic_write,
    cell_text,
    print_setup,
    save_workbook,
    sheet_title,
    wrapped_height,
)
from .periods import QUARTER_NAMES, quarter_end
from .service import RosterStats, StatisticsService

if TYPE_CHECKING:
    from ..rating.service import RatingService

TITLE = "THỐNG KÊ TÌNH HÌNH ĐOÀN VIÊN"
SHEET = "Thống kê"
COUNT = "Số lượng"
SHARE = RATE_COLUMN
TOTAL = "Cộng"
WOMEN = "Nữ"


@dataclass(frozen=True)
class Breakdown:
    """One breakdown: its heading ("Theo chi đoàn"), the label column's header and the counts."""

    heading: str
    column: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def shares(self) -> list[float]:
        """Each count's share, in the order of ``counts``, each rounded on its own (:func:`shares`:
        they may add to 99,9 or 100,1)."""
        return shares(list(self.counts.values()))


def share(count: int, total: int) -> float:
    """``count`` as a percentage of ``total``, rounded to one decimal (0 when total is 0): a
    share alone; those of a breakdown are :func:`shares`."""
    return one_decimal(100.0 * count / total) if total else 0.0


def share_text(count: int, total: int) -> str:
    """The share written the Vietnamese way: "33,3"."""
    return decimal_text(share(count, total))


def decimal_text(value: float) -> str:
    """A share already rounded (:func:`shares`) written the Vietnamese way: "42,8"."""
    return f"{value:.1f}".replace(".", ",")


ACTIVE_TOTAL = "Tổng số đoàn viên đang sinh hoạt (kể cả sinh hoạt tạm)"
TEMPORARY = "Trong đó: sinh hoạt tạm (đoàn viên của đơn vị khác)"
FIGURE_TIPS: dict[str, str] = {
    ACTIVE_TOTAL: (
        "Đoàn viên của đơn vị đang sinh hoạt và đoàn viên của đơn vị khác đang sinh hoạt tạm "
        "tại đơn vị (như danh sách “Đang sinh hoạt và sinh hoạt tạm”)."
    ),
    TEMPORARY: (
        "Đoàn viên của đơn vị khác đang sinh hoạt tạm tại đơn vị: đã tính trong tổng số. Khi "
        "cộng số liệu nhiều đơn vị, trừ số này để không tính một người hai lần."
    ),
}


def year_span(day: date) -> str:
    """The span of the year's movements counted on ``day`` (from 01/01 up to it): "năm 2025" on
    the year's end, else "từ 01/01/2026 đến 30/09/2026" (today's figures too)."""
    if (day.month, day.day) == (12, 31):
        return f"năm {day.year}"
    return f"từ {format_vn_date(date(day.year, 1, 1))} đến {format_vn_date(day)}"


MONTHS_OF_YEAR: dict[tuple[int, int], str] = {(6, 30): "6 tháng đầu", (9, 30): "9 tháng đầu"}
"""The days (month, day) whose figures from 01/01 make the half-year and nine-month reports."""


def period_name(stats: RosterStats) -> str:
    """The period the report is of, as its title names it: "năm 2026", "quý III năm 2026";
    the year's movements counted up to 30/06 or 30/09, as the superior body asks for those
    reports, "6 tháng đầu năm 2026", "9 tháng đầu năm 2026" (not "năm 2026": the year's)."""
    year = stats.today.year
    if stats.quarter is not None:
        return f"quý {QUARTER_NAMES[stats.quarter - 1]} năm {year}"
    months = MONTHS_OF_YEAR.get((stats.today.month, stats.today.day))
    return f"{months} năm {year}" if months else f"năm {year}"


def movements_span(stats: RosterStats) -> str:
    """The span the movements of ``stats`` are counted over: the year's (:func:`year_span`),
    or the quarter's, "quý III năm 2026" once it is over, else "từ 01/10/2026 đến
    07/12/2026"."""
    if stats.quarter is None:
        return year_span(stats.today)
    if stats.today == quarter_end(stats.today.year, stats.quarter):
        return period_name(stats)
    return f"từ {format_vn_date(stats.first_day)} đến {format_vn_date(stats.today)}"


ADMITTED = "Kết nạp đoàn viên mới"
TRANSFERRED_IN = "Chuyển sinh hoạt đến"
ARRIVED = "Đến sinh hoạt tạm"
DEPARTED = "Đoàn viên chuyển đi, ra khỏi Đoàn"
ENDED = "Kết thúc sinh hoạt tạm"
MOVEMENT_TIPS: dict[str, str] = {
    TRANSFERRED_IN: (
        "Số người, không phải số lần: đoàn viên chuyển sinh hoạt đến đơn vị {span}; người "
        "chuyển đến hai lần chỉ tính một lần."
    ),
    ARRIVED: (
        "Số người, không phải số lần: đoàn viên của đơn vị khác đến sinh hoạt tạm tại đơn vị "
        "{span}; người được ghi nhận sinh hoạt tạm hai lần (gia hạn, đến lại) chỉ tính một lần."
    ),
    DEPARTED: (
        "Số người, không phải số lần: đoàn viên của đơn vị đã chuyển sinh hoạt đi, trưởng thành "
        "Đoàn, bị khai trừ hoặc bị xóa tên {span}; người rời đi, trở lại rồi rời đi lần nữa chỉ "
        "tính một lần (theo lần rời đi sau cùng). Không tính đoàn viên của đơn vị khác kết thúc "
        "sinh hoạt tạm."
    ),
    ENDED: (
        "Số người: đoàn viên của đơn vị khác thôi sinh hoạt tạm tại đơn vị {span} (trở về đơn vị "
        "cũ, chuyển sinh hoạt hẳn về đơn vị, trưởng thành Đoàn hoặc ra khỏi Đoàn). Không tính "
        "trong số chuyển đi, ra khỏi Đoàn."
    ),
}
"""What each movement of the period counts, for its tooltip; ``{span}`` is the span counted
(:func:`movements_span`), as its label ends."""


def figure_tip(label: str, stats: RosterStats) -> str:
    """What the headline figure ``label`` of ``stats`` counts, for its tooltip; "" if
    plain."""
    span = movements_span(stats)
    for movement, tip in MOVEMENT_TIPS.items():
        if label == f"{movement} {span}":
            return tip.format(span=span)
    return FIGURE_TIPS.get(label, "")


def summary_figures(stats: RosterStats) -> list[tuple[str, int]]:
    """The headline figures, labelled for ``stats.today``: the admissions, transfers in,
    arrivals on temporary activity, departures and stays on temporary activity ended, counted
    from 01/01 (or the quarter's first day) up to that day, say so (:func:`movements_span`).

    The total is the active roster, members of other organisations on temporary activity here
    included (as the roster's usual list shows it); the next figure says how many of those there
    are, so that whoever adds up several organisations' figures can count each member once."""
    year, span = stats.today.year, movements_span(stats)
    return [
        (ACTIVE_TOTAL, stats.total),
        (TEMPORARY, stats.temporary),
        ("Trong đó: đoàn viên nữ", stats.by_gender.get(WOMEN, 0)),
        (
            f"Đến tuổi trưởng thành Đoàn ({stats.coming_of_age_age} tuổi) năm {year}",
            stats.coming_of_age,
        ),
        (f"{ADMITTED} {span}", stats.admissions),
        (f"{TRANSFERRED_IN} {span}", stats.transfers_in),
        (f"{ARRIVED} {span}", stats.temporary_arrivals),
        (f"{DEPARTED} {span}", stats.departures_total),
        (f"{ENDED} {span}", stats.temporary_ended),
        ("Thanh niên chưa vào Đoàn", stats.youth_total),
        ("Thanh niên có hoàn cảnh khó khăn", stats.youth_in_hardship),
        ("Thanh niên đi làm ăn xa", stats.youth_working_away),
    ]


BY_BRANCH = "Theo chi đoàn (đang sinh hoạt)"
"""The heading of the members per chi đoàn on the day: not the participation table's members
of the span counted (:func:`participation_members_note`)."""
BY_BRANCH_TIP = (
    "Đoàn viên đang sinh hoạt (kể cả sinh hoạt tạm) vào ngày lấy số liệu, theo chi đoàn hiện "
    "tại: cộng lại bằng tổng số đoàn viên đang sinh hoạt."
)


def as_recorded_today(fields: str, recorded_on: date | None = None) -> str:
    """What a list or count of a past day shows as recorded today, its history not being kept
    (a member's chi đoàn and position, a chi đoàn's name: only their values of today are
    stored), said so: "chi đoàn, chức vụ ghi theo ngày 06/12/2026". ``recorded_on``: the
    caller's today (its clock), else the system's."""
    return f"{fields} ghi theo ngày {format_vn_date(recorded_on or date.today())}"


def printed_heading(part: Breakdown, counted_on: date, recorded_on: date | None = None) -> str:
    """``part``'s heading as the printed statistics of ``counted_on`` give it: on a day before
    ``recorded_on`` (the caller's today, else the system's: the dossier of a past year), the
    chi đoàn's says the members are under today's chi đoàn (:func:`as_recorded_today`); the
    page shows :data:`BY_BRANCH`, its note under the chart (:data:`BY_BRANCH_TIP`) saying the
    chi đoàn are today's."""
    today = recorded_on or date.today()
    if part.heading != BY_BRANCH or counted_on >= today:
        return part.heading
    return f"Theo chi đoàn (đang sinh hoạt; {as_recorded_today('chi đoàn', today)})"


def breakdowns(stats: RosterStats) -> list[Breakdown]:
    """The breakdowns shown as charts and tables, in display order."""
    return [
        Breakdown(BY_BRANCH, "Chi đoàn", stats.by_branch),
        Breakdown("Theo trạng thái (mọi đoàn viên)", "Trạng thái", stats.by_status),
        Breakdown("Theo giới tính", "Giới tính", stats.by_gender),
        Breakdown("Theo độ tuổi", "Độ tuổi", stats.by_age_band),
        Breakdown("Theo dân tộc", "Dân tộc", stats.by_ethnicity),
        Breakdown("Theo tôn giáo", "Tôn giáo", stats.by_religion),
        Breakdown("Theo trình độ văn hóa", "Trình độ văn hóa", stats.by_education),
    ]


WHOLE = "Toàn Đoàn cơ sở"
"""The last row of the participation and rating tables: the whole organisation."""
RATING_HEADERS = ("Chi đoàn", *LEVELS.values(), "Không xếp loại")
PARTICIPATION_COLUMNS = 5
"""The participation tables' columns: chi đoàn, members, expected, attended, rate
(:func:`participation_headers`)."""


def participation_headers(span: str) -> tuple[str, ...]:
    """The participation table's headers, its members' naming the ``span`` counted
    (:attr:`ActivityFigures.participation_span`): "Đoàn viên từ 01/01/2026 đến 30/09/2026"."""
    return ("Chi đoàn", f"Đoàn viên {span}", "Lượt phải tham gia", "Lượt có mặt", RATE_COLUMN)


def participation_members_note(span: str) -> str:
    """What the members' column counts over ``span``: not the roster of the day."""
    return (
        f"Cột “{participation_headers(span)[1]}” tính mọi người đã sinh hoạt tại đơn vị {span}, "
        "kể cả người nay đã chuyển đi hoặc ra khỏi Đoàn (ở chi đoàn sau cùng của họ), nên có thể "
        f"nhiều hơn số ở phần “{BY_BRANCH}”."
    )


def participation_note(span: str) -> str:
    """The note under the participation table counted over ``span``."""
    return (
        "Tính trên các buổi hoạt động đã thực hiện và đã điểm danh; mỗi đoàn viên chỉ tính các "
        f"buổi trong thời gian sinh hoạt tại đơn vị. {participation_members_note(span)}"
    )


NO_CLOSED_ROUND = "chưa có đợt xếp loại nào kết thúc."
NO_CLOSED_ROUND_LINE = NO_CLOSED_ROUND[0].upper() + NO_CLOSED_ROUND[1:]
NO_MEMBERS_LINE = "Không có đoàn viên nào sinh hoạt tại đơn vị {span}."
"""Under the participation's heading when no member was in the organisation over its span
("từ 01/01/2026 đến 20/11/2026", "năm 2025"), in the sheet and the printed statistics."""


@dataclass(frozen=True)
class ActivityFigures:
    """The statistics page's two tables, for its exports too: the year's participation by chi
    đoàn with the whole organisation last (none when there is no member), and the latest
    closed rating round up to the year (its year and counts, the whole organisation last), or
    None; ``counted_on``, the day the participation is counted up to (None: the whole year)."""

    year: int
    participation: list[BranchParticipation] = field(default_factory=list)
    rating: tuple[int, list[LevelCounts]] | None = None
    counted_on: date | None = None

    @property
    def participation_span(self) -> str:
        """The span the participation is counted over, as the movements' labels say it
        (:func:`year_span`): "từ 01/01/2026 đến 30/09/2026", "năm 2025"."""
        return f"năm {self.year}" if self.counted_on is None else year_span(self.counted_on)

    @property
    def participation_title(self) -> str:
        return f"Tham gia hoạt động {self.participation_span} theo chi đoàn"

    @property
    def participation_headers(self) -> tuple[str, ...]:
        return participation_headers(self.participation_span)

    @property
    def participation_note(self) -> str:
        return participation_note(self.participation_span)

    @property
    def rating_title(self) -> str:
        if self.rating is None:
            return f"Xếp loại đoàn viên: {NO_CLOSED_ROUND}"
        return f"Kết quả xếp loại đoàn viên năm {self.rating[0]} (đợt đã kết thúc)"

    @property
    def rating_heading(self) -> str:
        """The exports' heading of the rating: its title, or the part's name alone when no
        round is closed (said under it, :data:`NO_CLOSED_ROUND_LINE`)."""
        return self.rating_title if self.rating is not None else "Kết quả xếp loại đoàn viên"


def with_total(rows: Sequence[BranchParticipation]) -> list[BranchParticipation]:
    """The chi đoàn's participation, then the whole organisation's (none when no rows)."""
    if not rows:
        return []
    members = sum(r.members for r in rows)
    expected, attended = sum(r.expected for r in rows), sum(r.attended for r in rows)
    return [*rows, BranchParticipation(None, WHOLE, members, expected, attended)]


def activity_figures(participation: ParticipationService, rating: RatingService,
                     year: int, today: date, *, rated: bool = True) -> ActivityFigures:  # fmt: skip
    """The page's tables for ``year`` counted up to ``today`` (the rating's summed only when
    ``rated``: the dossier prints its own)."""
    closed = [y for y in rating.closed_years() if y <= year] if rated else []
    summed = (closed[-1], rating.summary(closed[-1])) if closed else None
    rows = with_total(participation.by_branch(year, today))
    return ActivityFigures(year, rows, summed, today if today.year == year else None)


def rate_text(rate: float | None) -> str:
    """A participation rate as the page and the printed statistics show it under
    :data:`~doancoso.core.lang.text.RATE_COLUMN`: "33,3", "—" when nothing was expected."""
    return "—" if rate is None else rate_cell(100 * rate)


def organization_name(ctx: WorkspaceContext) -> str:
    with ctx.db.read() as session:
        org = session.get(Organization, ctx.organization_id)
        return org.name if org else ""


def write_statistics_xlsx(path: Path, stats: RosterStats, organization: str,
                          activity: ActivityFigures | None = None,
                          recorded_on: date | None = None) -> None:  # fmt: skip
    """Write ``stats`` to the .xlsx ``path`` (one sheet, A4 portrait), atomically, and the
    page's participation and rating tables (``activity``); ``recorded_on``: the day the records
    are read on, the caller's today (:func:`printed_heading`)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    def write(temp: Path) -> None:
        book = Workbook()
        sheet: Any = book.active
        sheet.title = sheet_title(SHEET)
        widths = [6, 46, *(13 for _ in "CDEFG")]  # columns A to G, in characters
        for column, width in enumerate(widths, start=1):
            sheet.column_dimensions[chr(64 + column)].width = width
        print_setup(sheet, "portrait", 0.6)

        center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        left = Alignment(horizontal="left", vertical="center", wrap_text=True)
        thin = Side(style="thin")
        box = Border(left=thin, right=thin, top=thin, bottom=thin)
        bold = Font(name=FONT, bold=True)
        head_fill = PatternFill("solid", fgColor="DDE7F3")
        row = 1

        def put(col: int, value: Any) -> Any:
            """The cell at (row, ``col``) holding ``value``; a text starting with "=" (a chi
            đoàn or dân tộc named so) stays a text, never a formula."""
            cell = sheet.cell(row, col, value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"
            return cell

        def fit(values: Sequence[Any], columns: int = 1) -> None:
            """Make the row as tall as the texts of ``values`` (one a column from A, each over
            ``columns`` columns) take wrapped: :func:`..xlsx.writer.wrapped_height`."""
            texts = [
                (value, sum(widths[at : at + columns]))
                for at, value in enumerate(values)
                if isinstance(value, str)
            ]
            height = wrapped_height(texts)
            if height is not None:
                sheet.row_dimensions[row].height = height

        def merged(text: str, font: Font, align: Alignment = center, columns: int = 4) -> None:
            nonlocal row
            put(1, cell_text(text)).font = font
            sheet.cell(row, 1).alignment = align
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
            row += 1

        def note(text: str, columns: int) -> None:
            """``text`` across the ``columns`` of the table above it, wrapped."""
            nonlocal row
            text = cell_text(text)
            put(1, text).alignment = Alignment(wrap_text=True, vertical="top")
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
            fit([text], columns)
            row += 1

        def table(header: tuple[str, ...], lines: list[tuple[Any, ...]],
                  footer: tuple[Any, ...] | None) -> None:  # fmt: skip
            nonlocal row
            texts = [cell_text(text) for text in header]
            for col, text in enumerate(texts, start=1):
                cell = put(col, text)
                cell.font, cell.alignment, cell.border, cell.fill = bold, center, box, head_fill
            fit(texts)
            row += 1
            for values in [*lines, *([footer] if footer else [])]:
                cleaned = [
                    # labels come from the data (chi đoàn, dân tộc); "" would be an empty cell
                    (cell_text(value) or None) if isinstance(value, str) else value
                    for value in values
                ]
                fit(cleaned)
                for col, value in enumerate(cleaned, start=1):
                    cell = put(col, value)
                    cell.border = box
                    cell.alignment = left if col == 2 else center
                    if isinstance(value, float):  # a share, in %
                        cell.number_format = "0.0"
                    if footer is not None and values is footer:
                        cell.font = bold
                row += 1
            row += 1

        # The title is centred over the widest table, in the middle of the printed page.
        wide = 4
        if activity is not None and activity.participation:
            wide = PARTICIPATION_COLUMNS + 1
        if activity is not None and activity.rating is not None:
            wide = len(RATING_HEADERS) + 1
        merged(organization.upper(), Font(name=FONT, bold=True, size=12), center, wide)
        merged(f"{TITLE} {period_name(stats).upper()}", Font(name=FONT, bold=True, size=14),
               center, wide)  # fmt: skip
        merged(f"(Số liệu đến ngày {format_vn_date(stats.today)})",
               Font(name=FONT, italic=True, size=11), center, wide)  # fmt: skip
        row += 1
        merged("I. SỐ LIỆU CHUNG", bold, left)
        figures = summary_figures(stats)
        table(("STT", "Chỉ tiêu", COUNT),
              [(i, label, n) for i, (label, n) in enumerate(figures, start=1)], None)  # fmt: skip
        merged("II. CƠ CẤU ĐOÀN VIÊN", bold, left)
        for number, part in enumerate(breakdowns(stats), start=1):
            merged(f"{number}. {printed_heading(part, stats.today, recorded_on)}", bold, left)
            lines = [
                (i, label, n, part_share)
                for i, ((label, n), part_share) in enumerate(
                    zip(part.counts.items(), part.shares, strict=True), start=1
                )
            ]
            total = 100.0 if part.total else 0.0
            table(("STT", part.column, COUNT, SHARE), lines, ("", TOTAL, part.total, total))
        if activity is not None:
            merged(f"III. {activity.participation_title.upper()}", bold, left)
            rows = [
                (r.branch, r.members, r.expected, r.attended,
                 "—" if r.rate is None else share(r.attended, r.expected))
                for r in activity.participation
            ]  # fmt: skip
            if rows:
                numbered = [(i, *r) for i, r in enumerate(rows[:-1], start=1)]
                headers = activity.participation_headers
                table(("STT", *headers[:-1], SHARE), numbered, ("", *rows[-1]))
                note(activity.participation_note, PARTICIPATION_COLUMNS + 1)
            else:  # no member over the span: said, not a heading alone
                line = NO_MEMBERS_LINE.format(span=activity.participation_span)
                merged(line, Font(name=FONT), left, wide)
            merged(f"IV. {activity.rating_heading.upper()}", bold, left)
            if activity.rating is None:
                merged(NO_CLOSED_ROUND_LINE, Font(name=FONT), left)
            else:
                counts = [(c.branch, *(c.counts.get(level, 0) for level in LEVELS),
                           c.not_rated + c.undecided) for c in activity.rating[1]]  # fmt: skip
                ranked = [(i, *c) for i, c in enumerate(counts[:-1], start=1)]
                table(("STT", *RATING_HEADERS), ranked, ("", *counts[-1]))
        save_workbook(book, temp)  # nothing left half-written if the disk is full

    atomic_write(Path(path), write)


def export_statistics(ctx: WorkspaceContext, path: Path, today: date | None = None,
                      quarter: int | None = None) -> None:  # fmt: skip
    """Compute the statistics on ``today`` (of ``quarter``, as :meth:`StatisticsService.roster`)
    and write them to the .xlsx ``path``."""
    from ..rating.service import RatingService

    stats = StatisticsService(ctx).roster(today, quarter)
    participation = ParticipationService(ctx)
    activity = activity_figures(participation, RatingService(ctx, participation),
                                stats.today.year, stats.today)  # fmt: skip
    write_statistics_xlsx(Path(path), stats, organization_name(ctx), activity)
