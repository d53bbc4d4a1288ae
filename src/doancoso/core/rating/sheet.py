"""The rating round as an Excel sheet, and that sheet read back once a chi đoàn has filled it in.

The export (all chi đoàn, or one) is a list written by the core's writer
(:func:`~doancoso.core.xlsx.writer.write_list_xlsx`): the title "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI
ĐOÀN VIÊN NĂM Y" (and the chi đoàn), the organisation, then one row per member of the round in
name order with :data:`HEADERS`. Levels are written as their Vietnamese names; a member who is
not rated has "Không xếp loại — <the reason>" under "Mức gợi ý"; one transferred in during the
year for fewer months than the rules ask for has, under "Ghi chú", that the rating rests on the
previous organisation's remarks, and those remarks (:func:`note`). The member's id in the app is
the **last column**, "Mã (không sửa)", visible so that the chi đoàn sees it must stay: the
import finds each member by it (a row without it, typed in by hand, by name and birth date;
a list a chi đoàn made itself may head these "Họ tên", "Ngày, tháng, năm sinh" or "Năm sinh":
:data:`HEADER_ALIASES`; a year alone finds the member of the name born that year).

The import reads five columns, what a chi đoàn writes: "Nghỉ ốm (tháng)" (the months of sick
leave in the year: 0 clears), "Chưa đóng đủ đoàn phí" ("Có"; "Không" clears), "Tự đánh giá" (the
level from the member's phiếu), "Chi đoàn đề nghị" and "Nhận xét của chi đoàn". The other
columns are the app's or the Ban Chấp hành's and are not read. As in the roster import, an
empty cell never clears what is stored. The preview lists each member whose values change
(before and after) and each row refused with its reason (a member not in the round, a level
that is no level, months or dues not understood, a level or a fact for a member who is not
rated, the same member twice); :meth:`RatingSheetService.apply`
then writes the changes in one transaction, after a backup, and writes nothing if the round
was closed or a value changed since the preview. A file that cannot be read gets the messages
of :func:`~doancoso.core.xlsx.workbook.read_sheets`; a sheet that is not a rating sheet, or the
sheet of another year, is refused whole.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..context import WorkspaceContext
from ..errors import AppError, ConflictError, ImportFileError
from ..lang.dates import DAY, YEAR, format_vn_date
from ..lang.text import collation_key, fold, nfc, nfc_multiline_or_none, percent_cell
from ..roster.branches import UNASSIGNED
from ..roster.spreadsheets.export import date_value
from ..xlsx.workbook import Cell, SheetRows, read_sheets
from ..xlsx.writer import ListLayout, Value, write_list_xlsx
from .names import told_apart
from .records import parse_dues, parse_sick_months
from .rules import LEVELS, parse_level
from .service import RatingRow, RatingService

TITLE = "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐOÀN VIÊN NĂM {year}"
ID_HEADER = "Mã (không sửa)"
NOTE_HEADER = "Ghi chú"
OLD_REMARKS = "Nhận xét của đơn vị cũ (ghi khi chuyển đến): {remarks}"
NOT_RATED = "Không xếp loại — {reason}"
SICK_HEADER = "Nghỉ ốm (tháng)"
DUES_HEADER = "Chưa đóng đủ đoàn phí"
UNPAID = "Có"
"""The dues column of a member whose year's dues are not paid in full (empty: paid)."""
REPEATED = "Đoàn viên này đã có ở dòng"
"""The start of the reason of a row naming again the member of an earlier row (its number
follows)."""
COLUMNS: tuple[tuple[str, int], ...] = (
    ("STT", 6),
    ("Họ và tên", 28),
    ("Ngày sinh", 12),
    ("Chi đoàn", 26),
    ("Tỉ lệ tham gia", 10),
    (SICK_HEADER, 10),
    (DUES_HEADER, 12),
    ("Mức gợi ý", 30),
    ("Tự đánh giá", 28),
    ("Chi đoàn đề nghị", 28),
    ("Nhận xét của chi đoàn", 40),
    ("BCH quyết định", 28),
    ("Nhận xét", 40),
    (NOTE_HEADER, 90),  # the note on one line: "Chuyển đến ngày … xếp loại căn cứ …"
    (ID_HEADER, 38),
)
HEADERS = tuple(header for header, _ in COLUMNS)
# What the import reads: header -> the rating's field, and the words used for it in messages.
IMPORTED = {
    SICK_HEADER: "sick_months",
    DUES_HEADER: "dues_unpaid",
    "Tự đánh giá": "self_level",
    "Chi đoàn đề nghị": "proposed_level",
    "Nhận xét của chi đoàn": "proposed_remark",
}
FIELD_LABELS = {field: header for header, field in IMPORTED.items()}
FACT_FIELDS = ("sick_months", "dues_unpaid")
"""The imported fields whose cell, when not empty, may clear what is stored ("0", "Không")."""
HEADER_ALIASES = {
    "Họ và tên": ("Họ tên", "Họ và tên đoàn viên"),
    "Ngày sinh": (
        "Ngày, tháng, năm sinh",
        "Ngày tháng năm sinh",
        "Ngày/tháng/năm sinh",
        "Năm sinh",
    ),
}
"""Headings of a list a chi đoàn types itself (the union's forms write "Ngày, tháng, năm
sinh"; a list of birth years, "Năm sinh") for the columns the export calls otherwise."""


def _heading_key(text: str) -> str:
    """A heading as it is compared: folded, punctuation as spaces ("ngay thang nam sinh")."""
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())


_KEYS = {_heading_key(h): h for h in (*IMPORTED, ID_HEADER, "Họ và tên", "Ngày sinh")} | {
    _heading_key(alias): header for header, aliases in HEADER_ALIASES.items() for alias in aliases
}
_YEAR = re.compile(r"\bNĂM\s+(\d{4})\b", re.IGNORECASE)
_HEADER_ROWS = 20  # the header is looked for in the sheet's first rows
CLOSE_NAME = 2
"""How many letters (added, dropped or changed, tones aside) a name may be off a member's of
the same birth date to be suggested: "Nguyễn Công A" for "Nguyễn Công An" (1), not "Nguyễn Văn
An" for "Nguyễn Văn Bình" (3)."""
LEVEL_CHOICES = "1–4 hoặc tên mức: " + ", ".join(LEVELS.values())


def layout(year: int) -> ListLayout:
    return ListLayout(
        title=TITLE.format(year=year),
        sheet=f"Xếp loại {year}",
        columns=COLUMNS,
        multiline=frozenset({"Nhận xét của chi đoàn", "Nhận xét", NOTE_HEADER}),
    )


def closed_round(year: int) -> str:
    """Why a sheet is not imported into the round of ``year``: it is closed."""
    return f"Đợt xếp loại năm {year} đã kết thúc: mở lại đợt (“Mở lại”) trước khi nhập."


def level_name(level: int | None) -> str:
    return LEVELS[level] if level is not None else ""


def sheet_line(number: int, row: RatingRow) -> list[Value]:
    """The exported cells of one member. A member the round does not rate has the reason and
    no level: one saved for the member (before the member became so) is not the round's, the
    grid does not show it, and the import refuses a level for the member."""
    suggestion = level_name(row.suggested) if row.eligible else NOT_RATED.format(reason=row.reason)
    participation = percent_cell(row.participation * 100) if row.participation is not None else ""
    levels = row.round_levels
    sick = str(row.sick_months) if row.eligible and row.sick_months else ""
    return [
        str(number),
        row.full_name,
        date_value(row.birth_date, row.birth_precision),
        row.branch or "",
        participation,
        sick,
        UNPAID if row.eligible and row.dues_unpaid else "",
        suggestion,
        level_name(levels[0]),
        level_name(levels[1]),
        row.proposed_remark or "",
        level_name(levels[2]),
        row.remark or "",
        note(row),
        row.member_id,
    ]


def note(row: RatingRow) -> str:
    """The "Ghi chú" of a member transferred in during the year for fewer months than the rules
    ask for, rated on the previous organisation's remarks (:attr:`RatingRow.note`), with those
    remarks when the transfer recorded them; empty for the others."""
    if not row.note:
        return ""
    remarks = OLD_REMARKS.format(remarks=row.arrival_remarks) if row.arrival_remarks else ""
    return "\n".join(filter(None, (row.note, remarks)))


@dataclass(frozen=True)
class FieldChange:
    """One value a row changes: ``field`` among :data:`IMPORTED`'s, stored and new value."""

    field: str
    before: int | str | None
    after: int | str | None  # None: a fact cleared ("0" months, dues "Không")

    @property
    def label(self) -> str:
        return FIELD_LABELS[self.field]

    def text(self) -> str:
        """ "Chi đoàn đề nghị: (trống) → Hoàn thành tốt nhiệm vụ"."""

        def shown(value: int | str | None) -> str:
            if value is None or value == "":
                return "(trống)"
            if self.field == "sick_months":
                return f"{value} tháng"
            if self.field == "dues_unpaid":
                return "chưa đóng đủ"
            return LEVELS[value] if isinstance(value, int) else f"“{value}”"

        return f"{self.label}: {shown(self.before)} → {shown(self.after)}"


@dataclass(frozen=True)
class RowChange:
    """A member whose values the import changes."""

    row: int
    member_id: str
    full_name: str
    changes: tuple[FieldChange, ...]
    who: str = field(default="", compare=False)
    """The member as the confirmation names them: a namesake of another member of the round
    with the chi đoàn (and birth year) (:func:`~.names.told_apart`), the others by name."""


@dataclass(frozen=True)
class RefusedRow:
    """A row the import leaves out, with its reason in Vietnamese."""

    row: int
    full_name: str
    reason: str
    who: str = field(default="", compare=False)
    """The member found, named as :attr:`RowChange.who`; the name in the sheet when none."""
    repeats: int | None = field(default=None, compare=False)
    """The earlier row of the sheet whose member this row names again, if that is its
    reason (:meth:`RatingSheetService.save_rejected` places it for the saved file's reader)."""


@dataclass
class SheetPreview:
    """What importing a filled-in sheet would do; :meth:`RatingSheetService.apply` does it."""

    path: Path
    year: int
    sheet: str
    changes: list[RowChange] = field(default_factory=list)
    refused: list[RefusedRow] = field(default_factory=list)
    unchanged: int = 0
    header: list[Cell] = field(default_factory=list)
    """The sheet's header row as it was, and each refused row's cells by its row number: what
    :meth:`RatingSheetService.save_rejected` writes back."""
    refused_cells: dict[int, list[Cell]] = field(default_factory=dict)

    @property
    def usable(self) -> int:
        """Rows the import takes (changed or already as stored)."""
        return len(self.changes) + self.unchanged


class RatingSheetService:
    """The round's sheet out to Excel and back (see the module's description)."""

    def __init__(self, ctx: WorkspaceContext, rating: RatingService) -> None:
        self._ctx = ctx
        self._rating = rating

    def export(self, path: Path, year: int, branch_id: str | None = None) -> int:
        """Write the round of ``year`` (one chi đoàn's members, or all) to ``path`` (.xlsx);
        returns how many members."""
        if path.suffix.lower() != ".xlsx":
            raise AppError(f"Không xuất được ra “{path.name}”: bảng xếp loại xuất ra tệp .xlsx.")
        rows = self._rating.rows(year, branch_id)
        if branch_id is None:  # each chi đoàn's members together, those in none last
            rows.sort(key=lambda r: (r.branch is None, collation_key(r.branch or "")))
        subtitle = ""
        if branch_id is not None:
            name = rows[0].branch if rows and rows[0].branch else self._branch(branch_id)
            subtitle = f"– {name}"
        organization = self._organization()
        lines = (sheet_line(i, r) for i, r in enumerate(rows, start=1))
        return write_list_xlsx(path, layout(year), lines, organization, subtitle)

    def preview(self, path: Path, year: int) -> SheetPreview:
        """Read ``path`` and say what importing it into the round of ``year`` would change;
        writes nothing. A closed round is refused at once."""
        self._check_open(year)
        sheet, header_row, columns, title = _find_header(path)
        found = _YEAR.search(title)
        if found and int(found.group(1)) != year:
            raise ImportFileError(
                f"Tệp {path.name} là bảng xếp loại năm {found.group(1)}, không phải năm {year}."
            )
        rows = self._rating.rows(year)
        return _compare(path, year, sheet, header_row, columns, rows)

    def save_rejected(self, preview: SheetPreview, path: Path) -> int:
        """Write the refused rows of ``preview`` to the .xlsx ``path``, as the roster's import
        writes its rejected rows (:mod:`doancoso.core.roster.spreadsheets.rejected`): the
        sheet's header row, each refused row's cells as they were and a "Lý do" column with its
        reason and its row in the imported file, to fix and import again (the "Lý do" column
        is not read back). Returns how many rows."""
        from ..roster.spreadsheets.rejected import write_rows

        if not preview.refused:
            raise AppError("Không có dòng nào bị loại để lưu.", "no refused rows")
        written = {r.row: i for i, r in enumerate(preview.refused, start=2)}  # under the header
        lines = [
            (preview.refused_cells.get(r.row, []), f"{_saved_reason(r, written)} (Dòng {r.row} "
             "của tệp đã nhập.)")
            for r in preview.refused
        ]  # fmt: skip
        write_rows(Path(path), [preview.header], lines)
        return len(lines)

    def apply(self, preview: SheetPreview) -> int:
        """Write the preview's changes in one transaction (a backup first); returns how many
        members changed. Nothing is written when the round is closed or a value changed since
        the preview."""
        if not preview.changes:
            self._check_open(preview.year)
            return 0
        self._check_open(preview.year)
        from ..backup.store import BACKUP_FOLDER, take_backup

        take_backup(self._ctx.db.path, self._ctx.db.path.parent / BACKUP_FOLDER, "truoc-nhap")
        changes = {c.member_id: {f.field: f.after for f in c.changes} for c in preview.changes}
        seen = {c.member_id: {f.field: f.before for f in c.changes} for c in preview.changes}
        return self._rating.set_many(preview.year, changes, seen)

    def _check_open(self, year: int) -> None:
        info = self._rating.round(year)
        if info is not None and info.closed:
            raise ConflictError(closed_round(year))

    def _organization(self) -> str:
        from ..organization import OrganizationService

        info = OrganizationService(self._ctx).get()
        return info.name if info else ""

    def _branch(self, branch_id: str) -> str:
        from ..roster.branches import UNASSIGNED, BranchService

        if not branch_id:  # the members in no chi đoàn
            return UNASSIGNED
        return next((b.name for b in BranchService(self._ctx).list() if b.id == branch_id), "")


# Reading ----------------------------------------------------------------------------------------


def _find_header(path: Path) -> tuple[SheetRows, int, dict[str, int], str]:
    """The first sheet with a rating header: the sheet, the header's row number, the column of
    each header the import knows (by :data:`_KEYS`), and the text above the header (the title)."""
    for sheet in read_sheets(path):
        above: list[str] = []
        for number, values in sheet.rows[:_HEADER_ROWS]:
            columns = {}
            for index, value in enumerate(values):
                key = _heading_key(value) if isinstance(value, str) else ""
                if key in _KEYS and _KEYS[key] not in columns:
                    columns[_KEYS[key]] = index
            if any(h in columns for h in IMPORTED) and (
                ID_HEADER in columns or {"Họ và tên", "Ngày sinh"} <= columns.keys()
            ):
                return sheet, number, columns, " ".join(above)
            above += [nfc(v) for v in values if isinstance(v, str)]
    *first, last = (f"“{header}”" for header in IMPORTED)
    raise ImportFileError(  # what the test above asks for, neither more nor less
        f"Tệp {path.name} không phải bảng xếp loại đoàn viên: không thấy dòng tiêu đề có "
        f"“Họ và tên” và “Ngày sinh” (hoặc “{ID_HEADER}”) cùng ít nhất một cột để nhập: "
        f"{', '.join(first)} hoặc {last} (hãy xuất bảng xếp loại từ ứng dụng, điền rồi nhập "
        "lại)."
    )


def _cell(values: Sequence[Cell], index: int | None) -> Cell:
    return values[index] if index is not None and index < len(values) else None


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):  # as Excel shows it
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    if isinstance(value, dt.date):  # a datetime too
        return format_vn_date(value)
    return nfc(str(value))


def _birth(value: Cell) -> tuple[dt.date, str] | None:
    """The birth date of a row typed in by hand and its precision: a date (``DAY``), or a year
    alone ("2001" under "Năm sinh", as the export writes a member known by the year, or the
    number 2001) as its 1 January with ``YEAR``."""
    if isinstance(value, dt.datetime):
        return value.date(), DAY
    if isinstance(value, dt.date):
        return value, DAY
    if isinstance(value, float) and value.is_integer() or type(value) is int:
        value = str(int(value))
    if isinstance(value, str):
        from ..lang.dates import DateFormatError, parse_vn_date

        try:
            return parse_vn_date(value, allow_year=True)
        except DateFormatError:
            return None
    return None


def _level(value: Cell) -> int | None:
    """A level cell: None when empty, ValueError when it is no level."""
    if isinstance(value, bool | dt.date | dt.time | dt.timedelta):
        raise ValueError
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError
        value = int(value)
    return parse_level(value if isinstance(value, int) else _text(value))


def _compare(
    path: Path,
    year: int,
    sheet: SheetRows,
    header_row: int,
    columns: dict[str, int],
    rows: list[RatingRow],
) -> SheetPreview:
    preview = SheetPreview(path, year, sheet.name)
    preview.header = next((list(v) for n, v in sheet.rows if n == header_row), [])
    finder = _Finder(rows, year)
    names = told_apart(rows)
    taken: dict[str, int] = {}
    for number, values in sheet.rows:
        if number <= header_row:
            continue
        member_id = _text(_cell(values, columns.get(ID_HEADER))).strip()
        name = _text(_cell(values, columns.get("Họ và tên"))).strip()
        raw = {h: _cell(values, columns.get(h)) for h in IMPORTED}
        if not member_id and not name and all(_text(v).strip() == "" for v in raw.values()):
            continue  # an empty line, or a total under the list
        birth = _birth(_cell(values, columns.get("Ngày sinh")))
        member, problem = finder.find(member_id, name, birth)
        if member is None:
            preview.refused.append(RefusedRow(number, name, problem, name))
            preview.refused_cells[number] = list(values)
            continue
        who = names[member.member_id]
        if member.member_id in taken:
            first = taken[member.member_id]
            reason = f"{REPEATED} {first}."
            preview.refused.append(RefusedRow(number, member.full_name, reason, who, first))
            preview.refused_cells[number] = list(values)
            continue
        taken[member.member_id] = number
        parsed, problems = _values(raw, member, year)
        if problems:
            refused = RefusedRow(number, member.full_name, " ".join(problems), who)
            preview.refused.append(refused)
            preview.refused_cells[number] = list(values)
            continue
        stored: dict[str, int | str | None] = {
            "sick_months": member.sick_months,
            "dues_unpaid": member.dues_unpaid,
            "self_level": member.self_level,
            "proposed_level": member.proposed_level,
            "proposed_remark": member.proposed_remark,
        }
        changes = tuple(
            FieldChange(target, stored[target], value)
            for target, value in parsed.items()
            if stored[target] != value
        )
        if changes:
            change = RowChange(number, member.member_id, member.full_name, changes, who)
            preview.changes.append(change)
        else:
            preview.unchanged += 1
    return preview


class _Finder:
    """The member of a row: by the id column, else (a row typed in by hand) by name and birth
    date when that names one member of the round. A row whose name is not found, of a member's
    birth date and a close name, says whom it may mean ("Có phải …?") and is still refused."""

    def __init__(self, rows: list[RatingRow], year: int) -> None:
        self._year = year
        self._by_id = {r.member_id: r for r in rows}
        self._by_name: dict[tuple[str, dt.date], list[RatingRow]] = {}
        self._by_birth: dict[dt.date, list[RatingRow]] = {}
        self._by_folded: dict[str, list[RatingRow]] = {}
        for r in rows:
            self._by_folded.setdefault(fold(r.full_name), []).append(r)
            self._by_name.setdefault((fold(r.full_name), r.birth_date), []).append(r)
            self._by_birth.setdefault(r.birth_date, []).append(r)

    def _close(self, name: str, birth: dt.date) -> str:
        """ " Có phải “Nguyễn Công An” (…, cùng ngày sinh)? …" for a name one letter or two
        off a member's of that birth date; "" when none is that close."""
        typed = " ".join(fold(name).split())
        close = [
            r
            for r in self._by_birth.get(birth, [])
            if _letters_off(typed, fold(r.full_name)) <= CLOSE_NAME
        ]
        if not close:
            return ""
        named = " hoặc ".join(
            f"“{r.full_name}” ({r.branch or UNASSIGNED}, cùng ngày sinh)" for r in close[:2]
        )
        return f" Có phải {named}? Hãy sửa họ tên trong tệp rồi nhập lại."

    def find(
        self, member_id: str, name: str, birth: tuple[dt.date, str] | None
    ) -> tuple[RatingRow | None, str]:
        """The member, or None and why not. A birth year alone (``birth``'s precision
        ``YEAR``) finds the member of the name born that year, whatever the day stored."""
        if member_id:
            member = self._by_id.get(member_id)
            if member is None:
                return None, (
                    f"Không có đoàn viên này trong đợt xếp loại năm {self._year} (mã "
                    f"“{member_id}” không khớp)."
                )
            return member, ""
        if name and birth and birth[1] == YEAR:
            year = birth[0].year
            matches = [r for r in self._by_folded.get(fold(name), []) if r.birth_date.year == year]
            if len(matches) > 1:
                return None, (
                    f"Có {len(matches)} đoàn viên cùng họ tên sinh năm {year}: cần ngày sinh đầy "
                    f"đủ hoặc cột “{ID_HEADER}”."
                )
        else:
            matches = self._by_name.get((fold(name), birth[0]), []) if name and birth else []
        if len(matches) > 1:
            return None, (
                f"Có {len(matches)} đoàn viên cùng họ tên và ngày sinh: cần cột “{ID_HEADER}”."
            )
        if not matches:
            close = self._close(name, birth[0]) if name and birth and birth[1] == DAY else ""
            return None, f"Không có đoàn viên này trong đợt xếp loại năm {self._year}.{close}"
        return matches[0], ""


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."


def _saved_reason(refused: RefusedRow, written: dict[int, int]) -> str:
    """The reason of ``refused`` in the file of refused rows (``written``: the row there of
    each refused row of the sheet): a row naming a member again names the sheet's earlier row
    as a row "của tệp đã nhập" (the saved file's own rows are others), and, when that row is
    refused too, where it is in the saved file."""
    first = refused.repeats
    if first is None:
        return _sentence(refused.reason)
    where = f"{REPEATED} {first} của tệp đã nhập"
    if first in written:
        where += f", dòng đó cũng bị loại: xem dòng {written[first]} của tệp này"
    return f"{where}."


def _letters_off(a: str, b: str) -> int:
    """The letters to add, drop or change to make ``a`` of ``b`` (Levenshtein's distance)."""
    previous = list(range(len(b) + 1))
    for i, letter in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other))
            )
        previous = current
    return previous[-1]


def _fact(target: str, value: Cell) -> int | bool | None:
    """A cell of sick leave or dues (not empty): the value stored, None to clear; ValueError
    when it is neither."""
    if isinstance(value, dt.date | dt.time | dt.timedelta):
        raise ValueError
    if target == "sick_months":
        return parse_sick_months(value if isinstance(value, int | float) else _text(value))
    return parse_dues(value if isinstance(value, bool) else _text(value))


FACT_PROBLEMS = {
    "sick_months": "không phải số tháng nghỉ ốm (cần số nguyên từ 0 đến 12; 0 để xóa)",
    "dues_unpaid": "không rõ (ghi “Có” nếu chưa đóng đủ đoàn phí, “Không” nếu đã đóng đủ)",
}


def _values(
    raw: dict[str, Cell], member: RatingRow, year: int
) -> tuple[dict[str, int | str | None], list[str]]:
    """The values a row gives (empty cells left out) and its problems."""
    parsed: dict[str, int | str | None] = {}
    problems = []
    reason = (member.reason or "").rstrip(".")
    for header, target in IMPORTED.items():
        value = raw[header]
        if target in FACT_FIELDS:
            if _text(value).strip() == "":
                continue
            try:
                fact = _fact(target, value)
            except ValueError:
                problems.append(f"“{_text(value)}” ở cột “{header}” {FACT_PROBLEMS[target]}.")
                continue
            if fact and not member.eligible:
                problems.append(
                    f"Đoàn viên không xếp loại năm {year} ({reason}): cột “{header}” phải để "
                    "trống, chỉ ghi nhận xét."
                )
            elif member.eligible:
                parsed[target] = fact
            continue
        if target == "proposed_remark":
            text = nfc_multiline_or_none(value if isinstance(value, str) else _text(value))
            if text:
                parsed[target] = text
            continue
        try:
            level = _level(value)
        except ValueError:
            problems.append(
                f"“{_text(value)}” ở cột “{header}” không phải mức xếp loại (cần {LEVEL_CHOICES})."
            )
            continue
        if level is not None and not member.eligible:
            problems.append(
                f"Đoàn viên không xếp loại năm {year} ({reason}): cột “{header}” phải để "
                "trống, chỉ ghi nhận xét."
            )
        elif level is not None:
            parsed[target] = level
    return parsed, problems
