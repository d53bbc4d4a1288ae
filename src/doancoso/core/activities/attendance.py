"""Attendance of one date of an activity, and the minutes of a chi đoàn meeting.

The members expected at a date are, by default, those on the active roster that day
(:mod:`~doancoso.core.lifecycle.periods`) in the organiser's chi đoàn (everybody for the whole
organisation); the secretary may add or remove some. Saving the attendance stores one row per
expected member (present, excused or absent) in one transaction, and the date then counts in
the participation rates. A member deleted from the roster keeps a mark, neither shown nor
counted (nor changed by saving the sheet) until the deletion is undone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from ..context import WorkspaceContext
from ..errors import BadRowsError, ConflictError, ImportFileError, ValidationError
from ..lang.text import collation_key, fold, nfc, nfc_multiline_or_none, nfc_or_none
from ..lifecycle.periods import active_periods
from ..roster.rules import MEMBER_CODE_DIGITS
from ..storage.live import get_live, is_live
from ..storage.models import (
    Activity,
    ActivityKind,
    Attendance,
    Branch,
    Member,
    Minutes,
    Occurrence,
    new_id,
)
from ..storage.tracking import transaction_time
from .rules import ATTENDANCE_STATES, BUILTIN_KINDS, DONE, PLANNED
from .service import json_ids


@dataclass(frozen=True)
class AttendanceRow:
    member_id: str
    full_name: str
    birth_year: int
    branch: str | None
    state: str
    reason: str | None


@dataclass(frozen=True)
class MinutesFields:
    number: str | None = None
    chair: str | None = None
    recorder: str | None = None
    guests: str | None = None
    agenda: str | None = None
    content: str | None = None
    resolutions: str | None = None
    closed_at: str | None = None


MINUTES_FIELDS = tuple(MinutesFields.__dataclass_fields__)


@dataclass(frozen=True)
class MinutesDocument:
    """Everything the printed minutes (biên bản) of a date need, read at once: the date, time
    and place, the organiser, the minutes as saved (empty when none), and the attendance —
    whether it was taken, how many were expected and present, and who was absent with leave
    (with the reason) or without, in name order."""

    occurrence_id: str
    title: str
    kind: str
    day: dt.date
    start_time: str | None
    end_time: str | None
    place: str | None
    status: str
    branches: tuple[str, ...]
    """The organiser's chi đoàn by name (empty: the whole organisation)."""
    minutes: MinutesFields
    attendance_taken: bool
    expected: int
    present: int
    excused: tuple[AttendanceRow, ...]
    absent: tuple[AttendanceRow, ...]
    namesakes: frozenset[str] = frozenset()
    """The members (ids) on the sheet whose name another member on it bears too (the old and
    the new tone placement, "Thuỷ" and "Thủy", are one name): the minutes tell them apart."""
    end_day: dt.date | None = None
    """The last day of a date over several days (None: it ends on ``day``)."""
    kind_name: str = ""
    """The kind's name: a built-in one's, or the one the organisation gave its own kind (e.g.
    "Họp Ban Chấp hành", which tells what the meeting is better than its title)."""


def namesakes(rows: Sequence[AttendanceRow]) -> frozenset[str]:
    """The ids of ``rows`` whose full name another row bears too (case and tone placement
    aside)."""
    by_name: dict[str, list[str]] = {}
    for row in rows:
        by_name.setdefault(collation_key(nfc(row.full_name).lower()), []).append(row.member_id)
    return frozenset(i for ids in by_name.values() if len(ids) > 1 for i in ids)


def _kind_name(session: Session, activity: Activity) -> str:
    """The name of ``activity``'s kind: a built-in one's, or its organisation's own ("" when
    none is found)."""
    if activity.kind in BUILTIN_KINDS:
        return BUILTIN_KINDS[activity.kind][0]
    name = session.scalar(
        select(ActivityKind.name).where(
            is_live(ActivityKind, activity.organization_id), ActivityKind.code == activity.kind
        )
    )
    return name or ""


_MARKS_PRESENT = {"x", "co", "1", "co mat", "present", "✓", "✔"}
_MARKS_EXCUSED = {"p", "cp", "co phep", "vang co phep", "excused"}
_MARKS_ABSENT = {"", "0", "k", "kp", "v", "vang", "khong", "vang khong phep", "absent", "-"}
"""The marks of a roll call sheet, folded. "v" is "vắng", as the attendance sheet's own V key."""
_MARKS_SAID = "dùng “x” cho có mặt, “p” cho vắng có phép, để trống cho vắng"


class AttendanceService:
    """Who was expected at each date and who came."""

    def __init__(self, ctx: WorkspaceContext) -> None:
        self._ctx = ctx

    def sheet(self, occurrence_id: str) -> list[AttendanceRow]:
        """The attendance sheet of a date in name order: as saved, or (not yet taken) the
        default expected members, each marked absent."""
        with self._ctx.db.read() as session:
            occ = self._occurrence(session, occurrence_id)
            if occ.attendance_taken:
                marks = _saved_marks(session, occ.id)
            else:
                marks = {m: ("absent", None) for m in self._default_expected(session, occ)}
            return self._rows(session, marks)

    def expected_by_default(self, occurrence_id: str) -> list[str]:
        with self._ctx.db.read() as session:
            return self._default_expected(session, self._occurrence(session, occurrence_id))

    def save(self, occurrence_id: str, marks: Mapping[str, tuple[str, str | None]]) -> int:
        """Store the attendance of a date: ``marks`` maps every expected member to
        (state, reason); members no longer listed stop being expected. A date in the future is
        refused. The date becomes "done" if it was planned. Its "Số người tham gia" follows the
        number of members present while nobody entered another (a number entered, which may
        count guests and young people too, is never replaced). Returns the number of members."""
        org = self._ctx.organization_id
        for state, _ in marks.values():
            if state not in ATTENDANCE_STATES:
                raise ValidationError({"state": f"Trạng thái điểm danh không hợp lệ: {state}."})
        with self._ctx.db.transaction() as session:
            occ = self._occurrence(session, occurrence_id)
            if occ.day > dt.date.today():
                raise ConflictError(
                    f"Hoạt động ngày {occ.day:%d/%m/%Y} chưa diễn ra: chưa thể điểm danh."
                )
            if occ.status in ("huy", "hoan"):
                raise ConflictError("Buổi hoạt động đã hoãn hoặc hủy: không điểm danh được.")
            existing = {
                a.member_id: a
                for a in session.scalars(
                    select(Attendance).where(
                        Attendance.deleted_at.is_(None), Attendance.occurrence_id == occ.id
                    )
                )
            }
            ids = list(marks)
            # Those already on this date's sheet count as known though deleted from the roster
            # since (a sheet opened before the deletion may still name them).
            known = set(existing) | _on_roster(session, org, ids)
            unknown = [i for i in ids if i not in known]
            if unknown:
                raise ValidationError(
                    {"member_id": f"Không có đoàn viên mã {unknown[0]} trong danh sách."}
                )
            was_present = sum(1 for a in existing.values() if a.state == "present")
            following = occ.participants is None or (
                occ.attendance_taken and occ.participants == was_present
            )
            now = transaction_time(session)
            new_rows = []
            for member_id, (state, reason) in marks.items():
                reason = nfc_or_none(reason)
                row = existing.pop(member_id, None)
                if row is None:
                    new_rows.append(
                        {
                            "id": new_id(),
                            "organization_id": org,
                            "occurrence_id": occ.id,
                            "member_id": member_id,
                            "state": state,
                            "reason": reason,
                        }
                    )
                elif (row.state, row.reason) != (state, reason):
                    row.state, row.reason = state, reason
            if new_rows:
                session.execute(insert(Attendance), new_rows)
            # The marks of members deleted from the roster are not on the sheet (nor expected):
            # they stay as they were, for an undo of the deletion to bring them back.
            on_roster = _on_roster(session, org, list(existing))
            kept_present = sum(
                1 for m, a in existing.items() if m not in on_roster and a.state == "present"
            )
            gone = [row.id for m, row in existing.items() if m in on_roster]
            for start in range(0, len(gone), 900):
                session.execute(
                    update(Attendance)
                    .where(Attendance.id.in_(gone[start : start + 900]))
                    .values(deleted_at=now)
                )
            occ.attendance_taken = True
            if occ.status == PLANNED:
                occ.status = DONE
            if following:
                present = sum(1 for state, _ in marks.values() if state == "present")
                occ.participants = present + kept_present
            return len(marks)

    def marks_from_sheet(self, occurrence_id: str, path: Path) -> dict[str, tuple[str, str | None]]:
        """Read attendance from a spreadsheet: one column of names, CCCD or member codes, one
        column of marks ("x": present, "p"/"cp": excused, empty: absent). Every expected member
        the sheet does not name is absent. A sheet with a name that matches nobody, or two
        members, or a mark not understood, or a member named on several rows with marks that
        disagree (each of those rows) is refused, every such row named with its reason
        (:class:`BadRowsError`); a member named twice with the same mark counts once. Nothing
        is saved here (the caller passes the result to :meth:`save`)."""
        from ..xlsx.workbook import read_sheets

        sheet = next(iter(read_sheets(path)), None)
        if sheet is None or not sheet.rows:
            raise ImportFileError(f"Tệp “{path.name}” không có dòng nào.")
        with self._ctx.db.read() as session:
            occ = self._occurrence(session, occurrence_id)
            expected = (
                list(_saved_marks(session, occ.id))
                if occ.attendance_taken
                else self._default_expected(session, occ)
            )
            lookup = self._lookup(session)
        marks: dict[str, tuple[str, str | None]] = {m: ("absent", None) for m in expected}
        who_col, mark_col = _columns(sheet.rows, lookup)
        if who_col is None or mark_col is None:
            raise ImportFileError(
                f"Không tìm thấy trong “{path.name}” một cột họ tên (hoặc CCCD) và một cột đánh "
                "dấu “x” cho người có mặt."
            )
        bad: list[tuple[int | None, str]] = []
        named: dict[str, list[tuple[int, str, str, str]]] = {}  # (row, who, state, mark typed)
        for number, cells in sheet.rows:
            who = _text(cells, who_col)
            mark = fold(_text(cells, mark_col)).strip()
            if not who or _is_header(who):
                continue
            matches = _matches(lookup, cells, who_col)
            if len(matches) != 1:
                problem = (
                    "không có trong danh sách đoàn viên"
                    if not matches
                    else ("trùng tên với nhiều đoàn viên: hãy dùng số CCCD")
                )
                bad.append((number, f"“{who}” {problem}."))
            if mark in _MARKS_PRESENT:
                state = "present"
            elif mark in _MARKS_EXCUSED:
                state = "excused"
            elif mark in _MARKS_ABSENT:
                state = "absent"
            else:
                bad.append((number, f"không hiểu dấu “{_text(cells, mark_col)}” ({_MARKS_SAID})."))
                continue
            if len(matches) == 1:
                named.setdefault(matches[0], []).append(
                    (number, who, state, _text(cells, mark_col))
                )
        for member_id, rows in named.items():
            if len({state for _, _, state, _ in rows}) > 1:
                bad.extend(_named_twice(rows))
            else:
                marks[member_id] = (rows[0][2], None)
        if bad:
            bad.sort(key=lambda entry: entry[0] or 0)  # each row's reasons in the file's order
            raise BadRowsError(
                f"Tệp “{path.name}” có {{rows}} dòng không đọc được nên chưa lưu gì (sửa các "
                "dòng này rồi nhập lại tệp):",
                bad,
                lambda row, reason: f"Dòng {row}: {reason} Chưa lưu gì.",
            )
        return marks

    # Minutes -------------------------------------------------------------------------------

    def minutes(self, occurrence_id: str) -> MinutesFields | None:
        with self._ctx.db.read() as session:
            row = self._minutes(session, occurrence_id)
            if row is None:
                return None
            return MinutesFields(**{n: getattr(row, n) for n in MINUTES_FIELDS})

    def minutes_document(self, occurrence_id: str) -> MinutesDocument:
        """What the printed minutes of a date show (see :class:`MinutesDocument`), in one read."""
        with self._ctx.db.read() as session:
            occ = self._occurrence(session, occurrence_id)
            activity = session.get(Activity, occ.activity_id)
            assert activity is not None
            branch_ids = json_ids(activity.branch_ids)
            names = {
                b: name
                for b, name in session.execute(
                    select(Branch.id, Branch.name).where(Branch.id.in_(branch_ids))
                )
            }
            row = self._minutes(session, occ.id)
            fields = (
                MinutesFields(**{n: getattr(row, n) for n in MINUTES_FIELDS})
                if row is not None
                else MinutesFields()
            )
            rows: list[AttendanceRow] = []
            if occ.attendance_taken:
                rows = self._rows(session, _saved_marks(session, occ.id))
            return MinutesDocument(
                occurrence_id=occ.id,
                title=activity.title,
                kind=activity.kind,
                day=occ.day,
                start_time=occ.start_time,
                end_time=occ.end_time,
                place=occ.place,
                status=occ.status,
                branches=tuple(names[b] for b in branch_ids if b in names),
                minutes=fields,
                attendance_taken=occ.attendance_taken,
                expected=len(rows),
                present=sum(1 for r in rows if r.state == "present"),
                excused=tuple(r for r in rows if r.state == "excused"),
                absent=tuple(r for r in rows if r.state == "absent"),
                namesakes=namesakes(rows),
                end_day=occ.end_day,
                kind_name=_kind_name(session, activity),
            )

    def save_minutes(self, occurrence_id: str, raw: Mapping[str, str]) -> None:
        """Write the minutes of a date, from its day on. A form left blank writes nothing: an
        empty minutes would read "Đã có biên bản" and count among the year's minutes in the
        dossier (a blank is printed to be filled in by hand without being one)."""
        from .rules import parse_time

        values: dict[str, str | None] = {}
        for name in ("number", "chair", "recorder"):
            values[name] = nfc_or_none(raw.get(name))
        for name in ("guests", "agenda", "content", "resolutions"):
            values[name] = nfc_multiline_or_none(raw.get(name))
        try:
            values["closed_at"] = parse_time(raw.get("closed_at"))
        except ValueError as exc:
            raise ValidationError({"closed_at": str(exc)}) from exc
        with self._ctx.db.transaction() as session:
            occ = self._occurrence(session, occurrence_id)
            row = self._minutes(session, occ.id)
            # Minutes record what took place: written from the day on, as the date form says
            # (minutes already written ahead, by an older version or before the date was moved
            # later, stay open and saveable).
            if row is None and occ.day > dt.date.today():
                raise ConflictError(
                    f"Buổi ngày {occ.day:%d/%m/%Y} chưa diễn ra: điểm danh và viết biên bản "
                    "được từ ngày đó."
                )
            if row is None and not any(values.values()):
                return
            if row is None:
                session.add(
                    Minutes(organization_id=occ.organization_id, occurrence_id=occ.id, **values)
                )
            else:
                for name, value in values.items():
                    if getattr(row, name) != value:
                        setattr(row, name, value)

    # Helpers -------------------------------------------------------------------------------

    def _default_expected(self, session: Session, occ: Occurrence) -> list[str]:
        activity = session.get(Activity, occ.activity_id)
        assert activity is not None
        branches = set(json_ids(activity.branch_ids))
        org = self._ctx.organization_id
        stmt = select(Member.id, Member.branch_id).where(is_live(Member, org))
        in_branches = [m for m, b in session.execute(stmt) if not branches or b in branches]
        periods = active_periods(session, org, in_branches)
        return [m for m in in_branches if any(p.covers(occ.day) for p in periods.get(m, []))]

    def _rows(
        self, session: Session, marks: Mapping[str, tuple[str, str | None]]
    ) -> list[AttendanceRow]:
        ids = list(marks)
        keyed: list[tuple[str, str, AttendanceRow]] = []
        for start in range(0, len(ids), 900):
            stmt = (
                select(Member.id, Member.full_name, Member.birth_date, Branch.name, Member.sort_key)
                .outerjoin(Branch, Branch.id == Member.branch_id)
                .where(Member.id.in_(ids[start : start + 900]))
            )
            for member_id, name, birth, branch, key in session.execute(stmt):
                state, reason = marks[member_id]
                row = AttendanceRow(member_id, name, birth.year, branch, state, reason)
                keyed.append((key, member_id, row))
        keyed.sort(key=lambda k: (k[0], k[1]))
        return [row for _, _, row in keyed]

    def _lookup(self, session: Session) -> dict[str, list[str]]:
        """Folded name, CCCD and member code → member ids (live members)."""
        lookup: dict[str, list[str]] = {}
        stmt = select(Member.id, Member.full_name, Member.national_id, Member.member_code).where(
            is_live(Member, self._ctx.organization_id)
        )
        for member_id, name, national_id, code in session.execute(stmt):
            for key in {fold(name), national_id, code} - {None, ""}:
                lookup.setdefault(str(key), []).append(member_id)
        return lookup

    def _minutes(self, session: Session, occurrence_id: str) -> Minutes | None:
        return session.scalar(
            select(Minutes).where(
                Minutes.deleted_at.is_(None), Minutes.occurrence_id == occurrence_id
            )
        )

    def _occurrence(self, session: Session, occurrence_id: str) -> Occurrence:
        return get_live(
            session,
            Occurrence,
            occurrence_id,
            self._ctx.organization_id,
            "Không tìm thấy buổi hoạt động (có thể đã bị xóa).",
        )


def _saved_marks(session: Session, occurrence_id: str) -> dict[str, tuple[str, str | None]]:
    """The saved marks of a date (member id → state, reason) of the members on the roster: a
    member deleted from it keeps a mark, hidden (and not expected) until the deletion is undone."""
    stmt = (
        select(Attendance.member_id, Attendance.state, Attendance.reason)
        .join(Member, Member.id == Attendance.member_id)
        .where(
            Attendance.deleted_at.is_(None),
            Attendance.occurrence_id == occurrence_id,
            Member.deleted_at.is_(None),
        )
    )
    return {m: (s, r) for m, s, r in session.execute(stmt)}


def _on_roster(session: Session, organization_id: str, member_ids: Sequence[str]) -> set[str]:
    """Those of ``member_ids`` that are live members of the organisation."""
    found: set[str] = set()
    for start in range(0, len(member_ids), 900):
        found.update(
            session.scalars(
                select(Member.id).where(
                    is_live(Member, organization_id),
                    Member.id.in_(member_ids[start : start + 900]),
                )
            )
        )
    return found


def _text(cells: Sequence[object], column: int) -> str:
    value = cells[column] if column < len(cells) else None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc("" if value is None else str(value))


_PADDED_DIGITS = (12, 9, MEMBER_CODE_DIGITS)
"""A CCCD (12 digits), an old CMND (9) or a member code typed in a cell as a number lost its
leading zeros ("001203001234" of Hà Nội reads 1203001234): the lengths to put them back to."""


def _keys(cells: Sequence[object], column: int) -> list[str]:
    """What a cell naming a member is looked up by: its folded text, and for a whole number
    the same digits with their leading zeros back (as the roster's import reads them)."""
    keys = [fold(_text(cells, column))]
    value = cells[column] if column < len(cells) else None
    number = float(value) if isinstance(value, (int, float)) else None
    if number is not None and not isinstance(value, bool) and number.is_integer() and number >= 0:
        keys += [str(int(number)).zfill(n) for n in _PADDED_DIGITS]
    return list(dict.fromkeys(keys))


def _matches(lookup: Mapping[str, list[str]], cells: Sequence[object], column: int) -> list[str]:
    """The members a cell names (none, one, or several of the same name)."""
    for key in _keys(cells, column):
        if key in lookup:
            return lookup[key]
    return []


_HEADER_WORDS = ("ho va ten", "ho ten", "cccd", "can cuoc", "stt", "ma doan vien")


def _is_header(text: str) -> bool:
    return any(word in fold(text) for word in _HEADER_WORDS)


_NUMBERING = ("stt", "tt", "so tt", "so thu tu")


def _is_numbering(rows: Sequence[tuple[int, Sequence[object]]], column: int) -> bool:
    """A column headed STT: the rows' numbers, never the marks — though its "1" reads as
    present, and would win when the real marks are all of a kind the app does not know."""
    return any(fold(_text(cells, column)).strip() in _NUMBERING for _, cells in rows)


def _columns(
    rows: Sequence[tuple[int, Sequence[object]]], lookup: Mapping[str, list[str]]
) -> tuple[int | None, int | None]:
    """The column naming members (the one whose cells match most members) and the column of
    marks (the one, other than it, with most "x" or "p")."""
    width = max((len(cells) for _, cells in rows), default=0)
    hits = [  # an STT column never names members, though its 1, 2… may read as member codes
        0 if _is_numbering(rows, col) else sum(1 for _, c in rows if _matches(lookup, c, col))
        for col in range(width)
    ]
    if not hits or max(hits) == 0:
        return None, None
    who = hits.index(max(hits))
    marked = [
        0
        if col == who or _is_numbering(rows, col)
        else sum(
            1 for _, c in rows if fold(_text(c, col)).strip() in _MARKS_PRESENT | _MARKS_EXCUSED
        )
        for col in range(width)
    ]
    if max(marked, default=0) == 0:
        return who, None
    return who, marked.index(max(marked))


def _named_twice(rows: list[tuple[int, str, str, str]]) -> list[tuple[int | None, str]]:
    """The bad rows of a member the sheet names on several ``rows`` (row, who as typed, state,
    mark as typed) with marks that disagree: each of them, naming them all and their marks,
    since either may be the one to fix."""

    def joined(parts: list[str]) -> str:
        return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} và {parts[-1]}"

    where = joined([f"dòng {number}" for number, _, _, _ in rows])
    said = joined([f"“{mark}”" if mark else "để trống" for _, _, _, mark in rows])
    return [
        (number, f"“{who}” có ở {where} với dấu khác nhau ({said}): chỉ để lại một dòng.")
        for number, who, _, _ in rows
    ]
