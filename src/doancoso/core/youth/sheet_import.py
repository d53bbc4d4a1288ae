"""``ws.youth_import``: the youth register filled from the hamlet heads' Excel/CSV lists.

The same two steps as the roster's import (:mod:`doancoso.core.roster.spreadsheets`), with its
readers, header finder, preview and file of rejected rows: :meth:`YouthImportService.preview_import`
says row by row what would happen, :meth:`YouthImportService.apply_import` writes the new and
changed young people in one transaction, after a checked backup, as the member import does.

Matching. A row is the young person of the register with the same name (tones and case ignored,
as a list typed without tones must still match) and the same birth date (a birth year alone
matches any date of that year). The hamlet is not part of who someone is: people move, and a
hamlet head's list may give a new hamlet, which is then an update, not a second person. It only
tells apart two young people of the register with the same name and birth date; when even the
hamlet leaves several, the row is rejected rather than guessed. Young people already admitted
into the union (kept in the register for history) are matched too, and left unchanged.

Checks. Every record the import would leave, a new young person or the stored one with the
row's values over it (an empty cell never blanks a stored value), passes the youth form's own
validation (:func:`~doancoso.core.youth.service.parse_youth`): a name or birth date the form
refuses rejects the row; any other value it refuses is left out with the form's message as a
warning. A birth date outside the union's ages (younger than the admission age, past the
organisation's coming-of-age year) is imported with the warning the form asks about. A row
whose person (name and birth date) is already a member of the roster is imported with a warning:
the young person may have joined the union already. Two rows of the file for the
same person (name and birth date, and the same hamlet where both give one) reject the second,
naming the first.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from ..context import WorkspaceContext
from ..errors import ConflictError, ValidationError
from ..lang.dates import DAY, YEAR, format_vn_date
from ..lang.places import hamlet_key
from ..lang.text import name_sort_key
from ..lifecycle.rules import ACTIVE_STATUSES
from ..progress import Report, Stages, counted
from ..roster.rules import same_birth, youth_age_message
from ..roster.spreadsheets.apply import ImportResult
from ..roster.spreadsheets.preview import (
    NEW,
    REJECTED,
    UNCHANGED,
    UPDATE,
    YOUTH,
    ImportPreview,
    ImportRow,
    toneless_copy,
)
from ..roster.spreadsheets.reading import make_preview, read_import_sheet
from ..roster.spreadsheets.rejected import write_rejected
from ..roster.spreadsheets.rows import ERROR, WARNING, Duplicate, ParsedRow, Problem, cached_fold
from ..storage.bulk import paused_gc
from ..storage.live import is_live
from ..storage.models import Member, Youth
from ..xlsx.workbook import sheet_names
from .service import (
    YOUTH_FIELD_NAMES,
    YouthFields,
    _search_text,
    admitted_live,
    follow_up_live,
    hamlet_spellings,
    parse_youth,
    register_fields,
)
from .sheet_rows import FLAGGED, YOUTH_HEADERS, YouthRowParser

WATCHED_TABLES = ("youths", "members")
"""What a youth preview is compared with: the register, and the roster (follow-up members,
members with the same name)."""
_ESSENTIAL = ("full_name", "birth_date")  # refused by the form: the row is rejected
# A changed field of the record, as the preview names it (a column of the import).
_SHOWN_AS = {"working_away": "away_place", "in_hardship": "hardship_kind",
             "follow_up_member_id": "follow_up", "birth_precision": "birth_date"}  # fmt: skip


@dataclasses.dataclass(frozen=True)
class _StoredYouth:
    id: str
    revision: int
    fields: YouthFields
    admitted: bool


class YouthMatcher:
    """The register and the roster as the import compares against them, read once."""

    def __init__(self, ctx: WorkspaceContext) -> None:
        org = ctx.organization_id
        with ctx.db.read() as session:
            follow = aliased(Member)  # one deleted from the roster follows no one up
            youths = session.execute(
                select(Youth, follow.id, admitted_live())
                .outerjoin(follow, follow_up_live(follow))
                .where(is_live(Youth, org))
            )
            stored = [
                _StoredYouth(y.id, y.revision, register_fields(y, follow_id), bool(admitted))
                for y, follow_id, admitted in youths
            ]
            members = session.execute(
                select(Member.id, Member.full_name, Member.birth_date, Member.birth_precision,
                       Member.status).where(is_live(Member, org))
            ).all()  # fmt: skip
        self.youths = {y.id: y for y in stored}
        counts = Counter(y.fields.hamlet for y in stored if y.fields.hamlet)
        self.hamlets = hamlet_spellings(counts.items())
        """The register's spelling of each hamlet (by :func:`hamlet_key`), as its filter shows
        it: a new young person of a hamlet the register knows gets it."""
        self._youths_by_key: dict[tuple[str, int], list[_StoredYouth]] = {}
        for youth in stored:
            key = (cached_fold(youth.fields.full_name), youth.fields.birth_date.year)
            self._youths_by_key.setdefault(key, []).append(youth)
        self._members_by_key: dict[tuple[str, int], list[tuple[str, date, str]]] = {}
        self._members_by_name: dict[str, list[str]] = {}
        self._member_names = {member_id: cached_fold(name) for member_id, name, *_ in members}
        for member_id, name, birth, precision, status in members:
            key = (cached_fold(name), birth.year)
            self._members_by_key.setdefault(key, []).append((name, birth, precision))
            if status in ACTIVE_STATUSES:  # one who left or came of age follows no one up
                self._members_by_name.setdefault(cached_fold(name), []).append(member_id)

    def find(self, values: dict[str, object]) -> tuple[_StoredYouth | None, Problem | None]:
        """The young person of the register a row is (see the module docstring)."""
        name, birth = str(values["full_name"]), values["birth_date"]
        precision = str(values.get("birth_precision", DAY))
        assert isinstance(birth, date)
        found = [
            y
            for y in self._youths_by_key.get((cached_fold(name), birth.year), [])
            if same_birth(y.fields.birth_date, y.fields.birth_precision, birth, precision)
        ]
        if len(found) > 1:
            exact = [y for y in found if y.fields.birth_date == birth]
            found = exact if len(exact) == 1 else found
        hamlet = values.get("hamlet")
        if len(found) > 1 and isinstance(hamlet, str):
            found = [y for y in found if hamlet_key(y.fields.hamlet) == hamlet_key(hamlet)]
            if not found:
                return None, None  # another young person of that name, in another hamlet
        if len(found) > 1:
            when = format_vn_date(birth, precision)
            return None, Problem(
                f"Sổ theo dõi có {len(found)} thanh niên cùng họ tên {name}, sinh {when}"
                + (f", ở {hamlet}" if isinstance(hamlet, str) else "")
                + "; không biết cập nhật ai (hãy ghi thêm ấp/khu phố).",
                ERROR,
                "full_name",
            )
        return (found[0] if found else None), None

    def member_warning(self, values: dict[str, object]) -> Problem | None:
        """A warning when a member of the roster has the row's name and birth date."""
        name, birth = str(values["full_name"]), values["birth_date"]
        precision = str(values.get("birth_precision", DAY))
        assert isinstance(birth, date)
        for member_name, member_birth, member_precision in self._members_by_key.get(
            (cached_fold(name), birth.year), []
        ):
            if same_birth(member_birth, member_precision, birth, precision):
                when = format_vn_date(member_birth, member_precision)
                return Problem(
                    f"Trùng họ tên và ngày sinh với đoàn viên {member_name} (sinh {when}) trong "
                    "danh sách đoàn viên: người này đã vào Đoàn? Hãy kiểm tra lại.",
                    WARNING,
                )
        return None

    def follow_up(self, name: str, stored: str | None) -> tuple[str | None, Problem | None]:
        """The member named ``name`` (the 1+1 follow-up): the young person's ``stored`` one when
        it bears that name, whatever became of that member since (the register's own export
        names them), else the one of the active roster, or a warning when there is none or more
        than one (the value is then left out)."""
        if stored is not None and self._member_names.get(stored) == cached_fold(name):
            return stored, None
        ids = self._members_by_name.get(cached_fold(name), [])
        if len(ids) == 1:
            return ids[0], None
        if ids:
            text = (f"Có {len(ids)} đoàn viên tên {name}: không biết ai là đoàn viên theo dõi; "
                    "hãy chọn trong hồ sơ thanh niên sau khi nhập.")  # fmt: skip
        else:
            text = f"Không có đoàn viên {name} trong danh sách đoàn viên (đoàn viên theo dõi)."
        return None, Problem(text, WARNING, "follow_up")


def mark_youth_duplicates(parsed: list[ParsedRow]) -> None:
    """Rows that repeat an earlier row's person: same folded name and birth date, and the same
    hamlet when both rows give one (two people of one name and birth in two hamlets are two)."""
    seen: dict[tuple[str, object, object], list[ParsedRow]] = {}
    for row in parsed:
        values = row.values
        if not values.get("full_name") or "birth_date" not in values:
            continue
        person = (
            cached_fold(str(values["full_name"])),
            values["birth_date"],
            values.get("birth_precision"),
        )
        hamlet = hamlet_key(str(values.get("hamlet") or ""))
        earlier = seen.setdefault(person, [])
        for first in earlier:
            other = hamlet_key(str(first.values.get("hamlet") or ""))
            if not (hamlet and other and hamlet != other):
                duplicate = Duplicate("Trùng với", first.row, str(first.values["full_name"]),
                                      "cùng họ tên và ngày sinh")  # fmt: skip
                row.problems.append(Problem.repeats(duplicate, "full_name"))
                break
        else:
            earlier.append(row)


def _raw_of(fields_: YouthFields) -> dict[str, str]:
    """The youth form's raw text of a stored record."""
    raw: dict[str, str] = {}
    for name in YOUTH_FIELD_NAMES:
        value = getattr(fields_, name)
        if name == "birth_precision":
            continue
        if name == "birth_date":
            raw[name] = format_vn_date(value, fields_.birth_precision)
        elif isinstance(value, bool):
            raw[name] = "1" if value else ""
        elif isinstance(value, date):
            raw[name] = format_vn_date(value)
        else:
            raw[name] = "" if value is None else str(value)
    return raw


def _overlay(
    raw: dict[str, str],
    values: dict[str, object],
    stored: YouthFields | None,
    hamlets: Mapping[str, str],
) -> None:
    """Put the row's values over ``raw``; a name differing from the stored one only in tones or
    case, any other text that is the stored one without its tones (:func:`toneless_copy`: a list
    typed without tones), and a birth year alone where the stored date is in that year, keep the
    stored ones.
    A hamlet that is the stored one (:func:`hamlet_key`: "Tân Phú" for "Ấp Tân Phú") keeps the
    stored spelling; another hamlet the register knows takes the register's spelling
    (``hamlets``, as its filter shows it), as a chi đoàn of the member import takes the name
    of the chi đoàn it matches."""
    for name, value in values.items():
        if name not in raw or name == "birth_date":
            continue
        if stored is not None and toneless_copy(value, raw[name]):
            continue  # the stored text without its tones: nothing new
        if isinstance(value, bool):
            raw[name] = "1" if value else ""
        elif isinstance(value, date):
            raw[name] = format_vn_date(value)
        else:
            raw[name] = str(value)
    if stored is not None and cached_fold(str(values["full_name"])) == cached_fold(
        stored.full_name
    ):
        raw["full_name"] = stored.full_name
    hamlet = values.get("hamlet")
    if isinstance(hamlet, str) and hamlet:
        key = hamlet_key(hamlet)
        if stored is not None and stored.hamlet and hamlet_key(stored.hamlet) == key:
            raw["hamlet"] = stored.hamlet
        else:
            raw["hamlet"] = hamlets.get(key, hamlet)
    birth, precision = values["birth_date"], str(values.get("birth_precision", DAY))
    assert isinstance(birth, date)
    if stored is None or not (precision == YEAR and stored.birth_date.year == birth.year):
        raw["birth_date"] = format_vn_date(birth, precision)


def _checked(
    row: ParsedRow, raw: dict[str, str], fallback: dict[str, str], today: date
) -> YouthFields | None:
    """``raw`` through the youth form's validation: a refused name or birth date rejects the
    row (None); another refused value falls back to ``fallback``'s with a warning."""
    for _ in range(len(raw) + 1):
        try:
            return parse_youth(raw, today)
        except ValidationError as exc:
            errors = exc.field_errors
        essential = [name for name in _ESSENTIAL if name in errors]
        for name in essential:
            row.problems.append(Problem(errors[name], ERROR, name))
        if essential:
            return None
        for name, message in errors.items():
            shown = _SHOWN_AS.get(name, name)
            row.problems.append(Problem(message, WARNING, shown))
            row.values.pop(shown, None)
            raw[name] = fallback.get(name, "")
            for detail, flag in FLAGGED.items():  # a flag and its detail go together
                if name in (detail, flag):
                    raw[detail], raw[flag] = fallback.get(detail, ""), fallback.get(flag, "")
    return None  # pragma: no cover - every pass removes at least one refused value


def _changed(before: YouthFields, after: YouthFields) -> list[str]:
    """The import columns whose value the update changes, in the form's order."""
    shown: list[str] = []
    for name in YOUTH_FIELD_NAMES:
        if getattr(before, name) != getattr(after, name):
            column = _SHOWN_AS.get(name, name)
            if column not in shown:
                shown.append(column)
    return shown


def _with_the_files_hamlets(parsed: list[ParsedRow], known: Mapping[str, str]) -> dict[str, str]:
    """The spelling each hamlet is stored with: the register's (``known``) for those it knows;
    for a hamlet new to it, the file's most used spelling (:func:`hamlet_spellings`), so that a
    hamlet head's list writing it "ấp rạch gốc", "Ấp Rạch Gốc" and "RẠCH GỐC" leaves it one
    way, as the register's filter and its printed lists show it."""
    used = Counter(
        hamlet
        for row in parsed
        if not row.rejected and isinstance(hamlet := row.values.get("hamlet"), str) and hamlet
    )
    return {**hamlet_spellings(used.items()), **known}


def decide(
    parsed: list[ParsedRow], matcher: YouthMatcher, today: date, coming_of_age: int,
    report: Report | None = None,
) -> list[ImportRow]:  # fmt: skip
    """What happens to every row (see the module docstring). The values of a row that is not
    rejected become the whole record it leaves (the fields of :class:`YouthFields`), with
    ``follow_up`` the follow-up member's name as the file gives it. A record it leaves outside
    the union's ages is imported with the youth form's warning (:func:`youth_age_message`).
    ``report(done, total)`` is called every few hundred rows."""
    claimed: dict[str, int] = {}
    result: list[ImportRow] = []
    hamlets = _with_the_files_hamlets(parsed, matcher.hamlets)
    for row in counted(parsed, report):
        item = ImportRow(row.row, row.values, row.problems, REJECTED, from_heading=row.from_heading)
        result.append(item)
        if row.rejected:
            continue
        youth, problem = matcher.find(row.values)
        if problem is not None:
            row.problems.append(problem)
            continue
        if youth is not None and youth.id in claimed:
            message = f"Dòng {claimed[youth.id]} đã ứng với cùng thanh niên này."
            row.problems.append(Problem(message, ERROR, "full_name"))
            continue
        follow_name = row.values.get("follow_up")
        if isinstance(follow_name, str):
            stored_id = youth.fields.follow_up_member_id if youth is not None else None
            follow_id, problem = matcher.follow_up(follow_name, stored_id)
            if problem is not None:
                row.problems.append(problem)
                del row.values["follow_up"]
            else:
                row.values["follow_up_member_id"] = follow_id
        if youth is not None and youth.admitted:
            claimed[youth.id] = row.row
            item.member_id, item.member_revision = youth.id, youth.revision
            item.action = UNCHANGED
            row.problems.append(Problem(
                "Thanh niên này đã được kết nạp Đoàn: hồ sơ trong sổ theo dõi chỉ để xem, "
                "không cập nhật từ tệp.", WARNING))  # fmt: skip
            continue
        warning = matcher.member_warning(row.values)
        if warning is not None:
            row.problems.append(warning)
        stored = youth.fields if youth is not None else None
        fallback = _raw_of(stored) if stored is not None else {}
        raw = dict(fallback) if stored is not None else dict.fromkeys(YOUTH_FIELD_NAMES, "")
        raw.pop("birth_precision", None)
        _overlay(raw, row.values, stored, hamlets)
        final = _checked(row, raw, fallback, today)
        if final is None:
            continue
        age = youth_age_message(final.birth_date, final.birth_precision, today, coming_of_age)
        if age is not None:
            row.problems.append(Problem(age, WARNING, "birth_date"))
        shown_name = row.values.get("follow_up")
        item.given, item.values = row.values, dataclasses.asdict(final)
        if shown_name is not None:
            item.values["follow_up"] = shown_name
        if youth is None:
            item.action = NEW
            continue
        claimed[youth.id] = row.row
        item.member_id, item.member_revision = youth.id, youth.revision
        item.changed = _changed(youth.fields, final)
        item.action = UPDATE if item.changed else UNCHANGED
    return result


def record_of(item: ImportRow) -> YouthFields:
    """The record an accepted row of a youth preview leaves."""
    return YouthFields(**{name: item.values[name] for name in YOUTH_FIELD_NAMES})  # type: ignore[arg-type]


def apply_youth_preview(ctx: WorkspaceContext, preview: ImportPreview) -> ImportResult:
    """Write the new and changed young people of ``preview``: one transaction after a checked
    backup ("truoc-nhap"); a record changed or deleted since the preview, or any change to the
    register or the roster since, fails the whole import with nothing written."""
    if preview.kind != YOUTH:
        raise ValueError(f"not a youth import: {preview.kind!r}")
    ctx.db.require_writable()  # before the backup, which could not be written either
    if preview.generation != ctx.db.changes.last_touch(*WATCHED_TABLES):
        raise ConflictError(
            "Sổ theo dõi thanh niên hoặc danh sách đoàn viên đã thay đổi sau khi xem trước. Hãy "
            "xem trước lại rồi nhập; chưa có gì được ghi."
        )
    from ..backup.store import BACKUP_FOLDER, take_backup

    backup = take_backup(ctx.db.path, ctx.db.path.parent / BACKUP_FOLDER, "truoc-nhap")
    new_rows = [r for r in preview.rows if r.action == NEW]
    updates = [r for r in preview.rows if r.action == UPDATE]
    org = ctx.organization_id
    with ctx.db.transaction(bulk=True) as session:
        follow_ids = {record_of(r).follow_up_member_id for r in new_rows + updates} - {None}
        live = set(session.scalars(select(Member.id).where(
            Member.id.in_(follow_ids), is_live(Member, org))))  # fmt: skip
        for item in new_rows + updates:
            if record_of(item).follow_up_member_id not in live | {None}:
                raise ConflictError(
                    f"Đoàn viên theo dõi ở dòng {item.row} không còn trong danh sách đoàn viên. "
                    "Hãy xem trước lại; chưa có gì được ghi."
                )
        for item in new_rows:
            fields_ = record_of(item)
            values: dict[str, Any] = dataclasses.asdict(fields_)
            session.add(Youth(organization_id=org, sort_key=name_sort_key(fields_.full_name),
                              search_text=_search_text(fields_), **values))  # fmt: skip
        for item in updates:
            youth = session.get(Youth, item.member_id)
            if (
                youth is None
                or youth.organization_id != org
                or youth.deleted_at is not None
                or youth.revision != item.member_revision
            ):
                raise ConflictError(
                    f"Thanh niên ở dòng {item.row} đã bị sửa hoặc xóa sau khi xem trước. Hãy "
                    "xem trước lại; chưa có gì được ghi."
                )
            fields_ = record_of(item)
            for name in YOUTH_FIELD_NAMES:
                value = getattr(fields_, name)
                if getattr(youth, name) != value:
                    setattr(youth, name, value)
            youth.sort_key = name_sort_key(fields_.full_name)
            youth.search_text = _search_text(fields_)
    return ImportResult(
        created=len(new_rows),
        updated=len(updates),
        unchanged=preview.count(UNCHANGED),
        rejected=preview.count(REJECTED),
        backup=backup,
    )


class YouthImportService:
    """The youth register's import for one workspace: the methods of the roster's
    :class:`~doancoso.core.roster.spreadsheets.SpreadsheetService` that the import wizard and
    the command line use, for young people."""

    def __init__(self, ctx: WorkspaceContext, today: Callable[[], date] = date.today) -> None:
        self._ctx = ctx
        self.today = today

    def sheets(self, path: Path) -> list[str]:
        """Sheet names of a workbook, for the wizard's sheet chooser."""
        return sheet_names(Path(path))

    def preview_import(
        self, path: Path, sheet: str | None = None, mapping: Mapping[str, int] | None = None,
        report: Report | None = None,
    ) -> ImportPreview:  # fmt: skip
        """Read ``path`` and say what importing it into the register would do; nothing is
        written. ``mapping`` (field of :data:`YOUTH_IMPORT_FIELDS` -> 0-based column) replaces
        the guessed columns. A file that cannot be read raises :class:`ImportFileError`.
        ``report(done, total)``: the progress of reading and checking the rows; what it raises
        (a cancellation) ends the preview, with the file closed and nothing left behind."""
        path = Path(path)
        stages = Stages(report)
        with paused_gc():
            read = read_import_sheet(path, sheet, mapping, YOUTH_HEADERS, YouthRowParser,
                                     self.today(), stages.part(800))  # fmt: skip
            mark_youth_duplicates(read.parsed)
            generation = self._ctx.db.changes.last_touch(*WATCHED_TABLES)
            decided = decide(read.parsed, YouthMatcher(self._ctx), read.parser.today,
                             self._ctx.coming_of_age(), stages.part(200))  # fmt: skip
            stages.finish()
            return make_preview(read, path, decided, generation, kind=YOUTH)

    def apply_import(self, preview: ImportPreview) -> ImportResult:
        """Write the new and changed rows of ``preview`` (see :func:`apply_youth_preview`)."""
        return apply_youth_preview(self._ctx, preview)

    def save_rejected(self, preview: ImportPreview, path: Path, *, imported: bool = False) -> int:
        """Write the rejected rows of ``preview`` with their reasons to the .xlsx ``path`` (see
        :mod:`doancoso.core.roster.spreadsheets.rejected`)."""
        return write_rejected(preview, Path(path), imported=imported)

    def write_sample(self, path: Path) -> None:
        """Write an example youth list to the .xlsx ``path`` (see :mod:`.sheet_sample`)."""
        from .sheet_sample import write_youth_sample

        write_youth_sample(self._ctx, Path(path), self.today())
