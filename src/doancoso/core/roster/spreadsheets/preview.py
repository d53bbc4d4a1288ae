"""The import preview: every row of the sheet with its values, problems and what would happen.

Rows are matched to the roster by the union's member code first, then by CCCD, then by folded
name and birth date (a birth year matches any date in that year). A matched row updates only
the fields whose cell holds a different value: an empty cell never blanks a stored value, a
name that differs only in accents or case (a file typed without tones) is not a change, nor is
any other text that is the stored one without its tones (:func:`toneless_copy`).

The values a row would leave on the member (a new member's, or the stored record with the
row's changes) pass the member form's own date checks (:class:`DateRules`), so that every
imported member can be saved by the form afterwards: see :func:`decide` for what happens to a
value the form would refuse.

A member's status changes only through events (:mod:`core.lifecycle_rules`): the import never
changes the status of an existing member (a differing "Trạng thái" cell is a warning), and a
member who left or came of age (read-only) is not updated at all. A new member takes the file's
status as its starting status. A chi đoàn named in the file is matched to an existing one
ignoring case, tones, "Chi đoàn"/"CĐ" and place words ("ấp", "khóm", ...: read as
:mod:`core.lang.places` says) where that leaves a single match; the others will be created, and
the preview lists them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ...context import WorkspaceContext
from ...errors import ValidationError
from ...lang.dates import DAY, YEAR, format_vn_date
from ...lang.places import hamlet_key, hamlet_name
from ...lang.text import nfc
from ...lifecycle.rules import ACTIVE_STATUSES, READ_ONLY_STATUSES, check_date
from ...progress import Report, counted
from ...storage.live import is_live
from ...storage.models import Branch, Member, MemberEvent
from ..notes import NOTE_FIELDS, merge_note_lines
from ..rules import (
    admission_history_message,
    admission_window,
    over_age_message,
    party_age_error,
    same_birth,
)
from ..service import EVENT_DECIDED_DATES, event_date_message
from ..validation import parse_member
from ..vocab import STATUSES
from .rejected import SourceRows
from .rows import ERROR, TEXT_FIELDS, WARNING, Duplicate, ParsedRow, Problem, cached_fold
from .standing import standing_columns
from .template_lists import same_in_template

NEW, UPDATE, UNCHANGED, REJECTED = "new", "update", "unchanged", "rejected"
MEMBERS, YOUTH = "members", "youth"
"""What an import fills (:attr:`ImportPreview.kind`): the member roster or the youth register."""
# Fields compared one to one with the stored member.
_PLAIN_FIELDS = ("gender", "national_id", "phone", "position", "status", "admission_date",
                 "party_date", "member_code", "email", "national_id_date",
                 *TEXT_FIELDS)  # fmt: skip
_LOADED = ("id", "revision", "full_name", "sort_key", "birth_date", "birth_precision", "branch_id",
           "address_hamlet", "address_commune", "address_province") + _PLAIN_FIELDS  # fmt: skip


@dataclass
class ImportRow:
    """One row of the sheet. ``changed`` names the fields an update writes; ``member_id`` and
    ``member_revision`` are the record it updates (a young person's in a youth import);
    ``from_heading``: its chi đoàn (a young person's hamlet) is the group heading's above it
    (:mod:`.groups`), the row giving none."""

    row: int
    values: dict[str, object]
    problems: list[Problem]
    action: str
    changed: list[str] = field(default_factory=list)
    member_id: str | None = None
    member_revision: int | None = None
    from_heading: bool = False
    given: dict[str, object] | None = None
    """The values the file gave, where ``values`` became the whole record the row leaves (a
    youth import); None when ``values`` are the file's."""

    @property
    def left_out(self) -> list[str]:
        """The fields whose value the file gave but the import leaves out with a warning (a CCCD
        of 5 digits, an admission at 40): of a row that is not rejected, its warnings' fields
        that are not among the file's values. The preview shows those cells as typed
        (:attr:`ImportPreview.source`), saying they are not kept."""
        if self.action == REJECTED:
            return []
        given = self.values if self.given is None else self.given
        fields = (p.field for p in self.problems if p.severity != ERROR and p.field is not None)
        return list(dict.fromkeys(f for f in fields if f not in given))


@dataclass
class ImportPreview:
    """What an import would do; :meth:`SpreadsheetService.apply_import` carries it out."""

    path: Path
    sheet: str
    sheets: list[str]
    header_row: int
    headers: list[str]
    mapping: dict[str, int]
    rows: list[ImportRow]
    skipped: list[tuple[int, str]] = field(default_factory=list)
    legacy_cells: dict[str, int] = field(default_factory=dict)
    generation: int = 0
    warnings: list[str] = field(default_factory=list)  # about the sheet as a whole
    new_branches: list[str] = field(default_factory=list)  # chi đoàn the import would create
    # the header, the rejected rows and those with a value left out, as read (:mod:`.rejected`)
    source: SourceRows | None = None
    kind: str = MEMBERS  # MEMBERS or YOUTH: which service applies it

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    def from_headings(self, target: str = "branch") -> int:
        """How many rows the import gives the ``target`` value of the group heading above them
        (:attr:`ImportRow.from_heading`): new ones, and updated ones it moves there."""
        return sum(
            1
            for r in self.rows
            if r.from_heading and (r.action == NEW or (r.action == UPDATE and target in r.changed))
        )

    @property
    def problems(self) -> list[tuple[int, str]]:
        return [(r.row, p.message) for r in self.rows for p in r.problems]


@dataclass(frozen=True)
class _Stored:
    values: dict[str, Any]
    branch_name: str | None


def stored_address(values: dict[str, Any]) -> str:
    parts = (
        values.get("address_hamlet"),
        values.get("address_commune"),
        values.get("address_province"),
    )
    return ", ".join(p for p in parts if p)


_ORG_PREFIX = re.compile(r"^(chi doan|c\.?\s?d)(\s*[.:\-]\s*|\s+)")


def branch_place(name: str) -> str:
    """The chi đoàn's name as written without "Chi đoàn"/"CĐ"/"C.Đ" (the place it is named
    after: "Ấp Tân Phú" for "Chi đoàn Ấp Tân Phú")."""
    text = nfc(name)
    folded = cached_fold(text)
    match = _ORG_PREFIX.match(folded)
    if match is None or match.end() == len(folded):
        return text
    if len(folded) != len(text):  # letters NFC cannot compose: the folded rest, as a last resort
        return folded[match.end() :]
    return text[match.end() :]


def branch_keys(name: str) -> tuple[str, str, str]:
    """Ever looser keys of a chi đoàn's name: folded; without "Chi đoàn"/"CĐ"/"C.Đ"; also
    without a place word ("ấp", "khóm", "thôn", "khu phố", "tổ") unless it is numbered, the
    number in figures (:func:`~doancoso.core.lang.places.hamlet_key`: "Tổ 5" and "Khóm 5" stay
    apart, "Ấp III" is "Ấp 3", "Tô Châu" is not the tổ of Châu)."""
    place = branch_place(name)
    return cached_fold(name), cached_fold(place), hamlet_key(place)


def _in_lower_case(name: str) -> bool:
    """Whether the place a chi đoàn is named after is written all in lower case."""
    place = hamlet_name(branch_place(name))
    return place == place.lower()


class BranchResolver:
    """The existing chi đoàn a name in the file means, else the spelling to create."""

    def __init__(self, names: list[str]) -> None:
        self._levels: list[dict[str, list[str]]] = [{}, {}, {}]
        for name in names:
            self._add(name, self._levels)
        self._new: list[dict[str, list[str]]] = [{}, {}, {}]
        self._known: dict[str, tuple[str, bool]] = {}

    @staticmethod
    def _add(name: str, levels: list[dict[str, list[str]]]) -> None:
        for level, key in zip(levels, branch_keys(name), strict=True):
            level.setdefault(key, []).append(name)

    @staticmethod
    def _find(name: str, levels: list[dict[str, list[str]]]) -> str | None:
        for level, key in zip(levels, branch_keys(name), strict=True):
            found = level.get(key, [])
            if len(found) == 1:
                return found[0]
            if found:
                return None  # ambiguous: looser keys would only be more so
        return None

    def prefer(self, names: Iterable[str]) -> None:
        """Learn the file's spellings (``names``, one per row) before its rows are resolved: a
        chi đoàn to create gets the spelling the file uses most for it; on a tie, one whose
        place is not all in lower case ("Chi đoàn ấp Tân Phú", not "chi đoàn ấp tân phú"),
        then the first met (the youth register picks its hamlets' spellings alike)."""
        counts = Counter(names)
        for name in sorted(counts, key=lambda n: (-counts[n], _in_lower_case(n))):
            self.resolve(name)

    def resolve(self, name: str) -> tuple[str, bool]:
        """(the name to store, whether it is a chi đoàn the import creates)."""
        known = self._known.get(name)
        if known is not None:
            return known
        existing = self._find(name, self._levels)
        if existing is not None:
            known = (existing, False)
        else:
            first = self._find(name, self._new) or name
            if first == name and cached_fold(name) not in self._new[0]:
                self._add(name, self._new)
            known = (first, True)
        self._known[name] = known
        return known


class Matcher:
    """The roster as the import compares against it, loaded once per preview."""

    def __init__(self, ctx: WorkspaceContext) -> None:
        self._ctx = ctx
        self._standings: dict[str, dict[str, str]] | None = None
        with ctx.db.read() as session:
            branch_rows = session.execute(
                select(Branch.id, Branch.name).where(is_live(Branch, ctx.organization_id))
            ).all()
            branches = {branch_id: name for branch_id, name in branch_rows}
            self.branch_names = list(branches.values())
            columns = [getattr(Member, name) for name in _LOADED]
            stmt = select(*columns).where(is_live(Member, ctx.organization_id))
            rows = session.execute(stmt).all()
        self.members: dict[str, _Stored] = {}
        self.by_national_id: dict[str, str] = {}
        self.by_member_code: dict[str, str] = {}
        self.by_name_year: dict[tuple[str, int], list[str]] = {}
        for row in rows:
            values = dict(zip(_LOADED, row, strict=True))
            member_id = values["id"]
            self.members[member_id] = _Stored(values, branches.get(values["branch_id"] or ""))
            if values["national_id"]:
                self.by_national_id[values["national_id"]] = member_id
            if values["member_code"]:
                self.by_member_code[values["member_code"]] = member_id
            key = (cached_fold(values["full_name"]), values["birth_date"].year)
            self.by_name_year.setdefault(key, []).append(member_id)

    def _same_person(self, member_id: str, values: dict[str, object]) -> bool:
        """Whether a row naming ``member_id``'s code or CCCD is that member: the same folded
        name or the same birth (one may have been corrected)."""
        stored = self.members[member_id].values
        birth = values["birth_date"]
        assert isinstance(birth, date)
        precision = str(values.get("birth_precision", DAY))
        return cached_fold(stored["full_name"]) == cached_fold(str(values["full_name"])) or (
            same_birth(stored["birth_date"], stored["birth_precision"], birth, precision)
        )

    def _taken(self, member_id: str, field: str, value: object) -> Problem:
        """The error of a row giving ``member_id``'s member code or CCCD (``field``) to
        someone else."""
        stored = self.members[member_id].values
        when = format_vn_date(stored["birth_date"], stored["birth_precision"])
        what = "Mã định danh đoàn viên" if field == "member_code" else "Số CCCD"
        return Problem(
            f"{what} {value} đã dùng cho đoàn viên {stored['full_name']} (sinh {when}).",
            ERROR,
            field,
        )

    def find(self, values: dict[str, object]) -> tuple[str | None, Problem | None]:
        member_id, problem = self._find(values)
        code = values.get("member_code")
        if problem is None and isinstance(code, str):
            owner = self.by_member_code.get(code)
            if owner is not None and owner != member_id:  # the code is another member's
                return None, self._taken(owner, "member_code", code)
        return member_id, problem

    def _find(self, values: dict[str, object]) -> tuple[str | None, Problem | None]:
        name, birth = str(values["full_name"]), values["birth_date"]
        precision = str(values.get("birth_precision", DAY))
        assert isinstance(birth, date)
        national_id = values.get("national_id")
        code = values.get("member_code")
        if isinstance(code, str) and code in self.by_member_code:
            member_id = self.by_member_code[code]
            if not self._same_person(member_id, values):
                return None, self._taken(member_id, "member_code", code)
            owner = self.by_national_id.get(national_id) if isinstance(national_id, str) else None
            if owner is not None and owner != member_id:
                return None, self._taken(owner, "national_id", national_id)
            return member_id, None
        if isinstance(national_id, str) and national_id in self.by_national_id:
            member_id = self.by_national_id[national_id]
            if self._same_person(member_id, values):
                return member_id, None
            return None, self._taken(member_id, "national_id", national_id)
        candidates = [
            member_id
            for member_id in self.by_name_year.get((cached_fold(name), birth.year), [])
            if same_birth(self.members[member_id].values["birth_date"],
                           self.members[member_id].values["birth_precision"], birth, precision)
            and not (national_id and self.members[member_id].values["national_id"])
            and not (code and self.members[member_id].values["member_code"])
        ]  # fmt: skip
        if len(candidates) > 1:
            exact = [m for m in candidates if self.members[m].values["birth_date"] == birth]
            candidates = exact if len(exact) == 1 else candidates
        if len(candidates) > 1:
            return None, Problem(
                f"Có {len(candidates)} đoàn viên cùng họ tên {name} và năm sinh {birth.year}; "
                "không biết cập nhật ai (hãy ghi thêm số CCCD).",
                ERROR,
                "full_name",
            )
        return (candidates[0] if candidates else None), None

    def events(self, member_ids: list[str]) -> dict[str, list[tuple[str, date]]]:
        """(kind, date) of the live events of each of ``member_ids``, read in one go."""
        found: dict[str, list[tuple[str, date]]] = {member_id: [] for member_id in member_ids}
        with self._ctx.db.read() as session:
            for first in range(0, len(member_ids), 900):
                stmt = select(
                    MemberEvent.member_id, MemberEvent.kind, MemberEvent.event_date
                ).where(
                    MemberEvent.member_id.in_(member_ids[first : first + 900]),
                    is_live(MemberEvent),
                )
                for member_id, kind, when in session.execute(stmt):
                    found[member_id].append((kind, when))
        return found

    def standing(self, member_id: str) -> dict[str, str]:
        """The rating and discipline texts the data hold for the member (:mod:`.standing`),
        read for the whole roster on first use."""
        if self._standings is None:
            with self._ctx.db.read() as session:
                self._standings = standing_columns(session, self._ctx.organization_id)
        return self._standings.get(member_id, {})

    def changes(self, member_id: str, values: dict[str, object]) -> list[str]:
        """Fields of ``values`` that differ from the stored member (empty values never count)."""
        stored = self.members[member_id]
        old = stored.values
        changed: list[str] = []
        if cached_fold(str(values["full_name"])) != cached_fold(old["full_name"]):
            changed.append("full_name")
        birth, precision = values["birth_date"], values.get("birth_precision", DAY)
        if precision == YEAR:
            if not isinstance(birth, date) or birth.year != old["birth_date"].year:
                changed.append("birth_date")
        elif (birth, precision) != (old["birth_date"], old["birth_precision"]):
            changed.append("birth_date")
        for name in _PLAIN_FIELDS:
            value = values.get(name)
            if (value is not None and value != old[name]
                    and not same_in_template(name, old[name], value)
                    and not toneless_copy(value, old[name])):  # fmt: skip
                changed.append(name)
        address = values.get("address")
        if address is not None and not any(
            address == known or toneless_copy(address, known)
            for known in (stored_address(old), old["address_hamlet"])
        ):
            changed.append("address")
        branch = values.get("branch")
        if branch is not None and cached_fold(str(branch)) != cached_fold(stored.branch_name):
            changed.append("branch")
        return changed


def toneless_copy(value: object, stored: object) -> bool:
    """Whether the file's ``value`` is the ``stored`` text with its tones (and case) lost: a
    list typed without tones ("Ap Tan Long" for "Ấp Tân Long"), which says nothing new, as a
    name typed so is no change. A value written with tones is the file's correction, never this.
    """
    if not isinstance(value, str) or not isinstance(stored, str):
        return False
    folded = cached_fold(value)
    return folded == value.lower() and folded == cached_fold(stored)


def mark_duplicates(parsed: list[ParsedRow]) -> None:
    """Rows of the file that repeat a member code, a CCCD or a person (same folded name and
    birth date); each message names the other row's person and its row number."""
    by_code: dict[str, ParsedRow] = {}
    by_id: dict[str, ParsedRow] = {}
    by_person: dict[tuple[str, object, object], ParsedRow] = {}
    for row in parsed:
        values = row.values
        if not values.get("full_name") or "birth_date" not in values:
            continue
        person = _person(row)
        code = values.get("member_code")
        if isinstance(code, str):
            holder = by_code.setdefault(code, row)
            if holder is not row:
                lead = f"Mã định danh đoàn viên {code} trùng với"
                row.problems.append(Problem.repeats(_other(lead, holder), "member_code"))
                continue
        national_id = values.get("national_id")
        if isinstance(national_id, str):
            first = by_id.get(national_id)
            if first is not None:
                if person == _person(first):
                    row.problems.append(Problem.repeats(_other("Trùng với", first), "national_id"))
                else:
                    lead = f"Số CCCD {national_id} trùng với"
                    row.problems.append(Problem.repeats(_other(lead, first), "national_id"))
                    if not any(
                        p.field == "national_id" and p.severity == ERROR for p in first.problems
                    ):
                        first.problems.append(Problem.repeats(_other(lead, row), "national_id"))
                continue
            by_id[national_id] = row
        first = by_person.get(person)
        if first is not None:
            other_id = first.values.get("national_id")
            if not (national_id and other_id and national_id != other_id):
                other = _other("Trùng với", first, "cùng họ tên và ngày sinh")
                row.problems.append(Problem.repeats(other, "full_name"))
                continue
        by_person.setdefault(person, row)


def _person(row: ParsedRow) -> tuple[str, object, object]:
    """Who a row is, for finding the same person twice: folded name and birth date."""
    values = row.values
    return (
        cached_fold(str(values["full_name"])),
        values["birth_date"],
        values.get("birth_precision"),
    )


def _other(lead: str, row: ParsedRow, same: str = "") -> Duplicate:
    return Duplicate(lead, row.row, str(row.values["full_name"]), same)


def drop_standing(values: dict[str, object], standing: dict[str, str]) -> None:
    """Leave out the rating and discipline cells that say what the data already hold for the
    member (:mod:`.standing`: what the template export wrote), so that they are not copied into
    the notes: an exported file imported again changes nothing."""
    for name, text in standing.items():
        value = values.get(name)
        if isinstance(value, str) and cached_fold(value) == cached_fold(text):
            del values[name]


def carry_note_columns(values: dict[str, object], stored_notes: str | None) -> None:
    """Fold the row's columns kept in the notes ("Khen thưởng", "Kỷ luật", ...: see
    :mod:`core.roster.notes`) into ``values["notes"]``: the file's own notes if it has a notes
    column, else the stored ones, with a line per column replaced or added."""
    carried = {name: str(values.pop(name)) for name in NOTE_FIELDS if name in values}
    if carried:
        base = values.get("notes", stored_notes)
        values["notes"] = merge_note_lines(base if isinstance(base, str) else None, carried)


def _label(status: object) -> str:
    return STATUSES.get(str(status), str(status))


_DATES = ("admission_date", "party_date")
_BIRTH_AFFECTED = frozenset(("birth_date", *_DATES))


class DateRules:
    """The member form's checks of the dates of a record against the birth date.

    The verdict and the message are those of :func:`core.validation.parse_member` (the form's
    own validation), run on the record as the import would leave it. Most rows are fine, and
    parsing a whole record costs about as much as reading the row, so a quick pass with the same
    rule functions the form uses (:func:`core.rules.admission_window`,
    :func:`core.rules.party_age_error`) lets plainly good dates through first; anything else
    (and a birth known only by its year) goes to the form's validation.
    """

    def __init__(self, today: date) -> None:
        self.today = today
        self._windows: dict[date, tuple[date, date]] = {}

    def _plainly_good(self, birth: date, precision: str, dates: dict[str, date]) -> bool:
        if precision != DAY:
            return False
        for name, when in dates.items():
            if name == "admission_date":
                window = self._windows.get(birth)
                if window is None:
                    window = self._windows[birth] = admission_window(birth)
                if not window[0] <= when <= window[1]:
                    return False
            elif party_age_error(birth, precision, when) is not None:
                return False
        return True

    def errors(
        self, name: str, birth: date, precision: str, dates: dict[str, date | None]
    ) -> dict[str, str]:
        """The form's message for each of ``dates`` (admission, Party) that it would refuse
        next to this birth date; dates after today are refused earlier (:mod:`.rows`)."""
        given = {field: when for field, when in dates.items() if when is not None}
        if not given or self._plainly_good(birth, precision, given):
            return {}
        raw = {"full_name": name, "birth_date": format_vn_date(birth, precision)}
        raw.update({field: format_vn_date(when) for field, when in given.items()})
        try:
            parse_member(raw, self.today)
        except ValidationError as exc:
            return {f: exc.field_errors[f] for f in _DATES if f in given and f in exc.field_errors}
        return {}


def _drop_bad_dates(row: ParsedRow, errors: dict[str, str], changed: list[str] | None) -> None:
    """Leave out the dates the form would refuse, each with the form's message as a warning."""
    for name in _DATES:
        if name in errors:
            row.values.pop(name, None)
            if changed is not None and name in changed:
                changed.remove(name)
            row.problems.append(Problem(errors[name], WARNING, name))


def _settle_update(
    row: ParsedRow,
    changed: list[str],
    stored: dict[str, Any],
    events: list[tuple[str, date]],
    rules: DateRules,
    coming_of_age: int,
) -> tuple[date, str]:
    """Make the dates an update leaves on a member acceptable to the member form; returns the
    birth date (and precision) the member keeps.

    - A date of admission (to the union, to the Party) recorded by an event is kept: the form
      refuses to change it (:func:`core.roster.event_date_message`), it is changed through the
      event. Warning; the rest of the row is imported.
    - A new birth date that makes the events or the stored dates impossible (admitted at 12) is
      not written: the events were recorded from decisions, the file is the likelier mistake,
      and the member stays identified by the birth date it has. Warning (the form's message);
      the rest of the row is imported.
    - A date of the file that the form refuses next to the birth date kept (admitted at 40,
      Party before 18) is left out, as every warning of the import leaves its value out.
    """
    values = row.values
    decided = {kind: when for kind, when in events}
    for name, kind, _, _ in EVENT_DECIDED_DATES:
        if name in changed and kind in decided:
            changed.remove(name)
            values.pop(name, None)
            message = event_date_message(name, decided[kind], kept=True)
            row.problems.append(Problem(message, WARNING, name))
    full_name = str(values["full_name"])
    birth, precision = stored["birth_date"], str(stored["birth_precision"])
    if "birth_date" in changed:
        new_birth = values["birth_date"]
        new_precision = str(values.get("birth_precision", DAY))
        assert isinstance(new_birth, date)
        # The stored dates that stay next to the new birth date: those the file leaves alone,
        # and those whose new value in the file would be left out (refused with it).
        mine = {name: values.get(name) for name in _DATES if name in changed}
        refused = rules.errors(full_name, new_birth, new_precision, mine)  # type: ignore[arg-type]
        kept = {name: stored[name] for name in _DATES if name not in changed or name in refused}
        messages = list(rules.errors(full_name, new_birth, new_precision, kept).values())
        member = Member(full_name=full_name, birth_date=new_birth, birth_precision=new_precision)
        for kind, when in events:
            found: dict[str, str] = {}
            # Only the age rules: an event is never "after today" here (the preview's today
            # may be behind the day it was recorded).
            check_date(member, kind, when, max(rules.today, when), found, coming_of_age)
            if "date" in found and found["date"] not in messages:
                messages.append(found["date"])
        if messages:
            changed.remove("birth_date")
            kept_birth = format_vn_date(birth, precision)
            row.problems.append(Problem(
                f"{messages[0]} Ngày sinh trong tệp không khớp với hồ sơ của đoàn viên: giữ "
                f"nguyên ngày sinh {kept_birth}.", WARNING, "birth_date"))  # fmt: skip
        else:
            birth, precision = new_birth, new_precision
    mine = {name: values.get(name) for name in _DATES if name in changed}
    _drop_bad_dates(row, rules.errors(full_name, birth, precision, mine), changed)  # type: ignore[arg-type]
    return birth, precision


def _note_history(row: ParsedRow, birth: date, precision: str) -> None:
    """An admission date of the file from before today's rules, outside today's ages: kept,
    with the warning of the member form (:func:`~..rules.admission_history_message`)."""
    admitted = row.values.get("admission_date")
    if isinstance(admitted, date):
        message = admission_history_message(birth, precision, admitted)
        if message is not None:
            row.problems.append(Problem(message, WARNING, "admission_date"))


def _over_age(birth: object, status: object, today: date, age: int) -> Problem | None:
    """Past the coming-of-age year: the warning of the member form (:func:`over_age_message`)."""
    if status not in ACTIVE_STATUSES or not isinstance(birth, date):
        return None
    message = over_age_message(birth, today, age)
    return None if message is None else Problem(message, WARNING, "birth_date")


def decide(
    parsed: list[ParsedRow], matcher: Matcher, today: date, coming_of_age: int,
    report: Report | None = None,
) -> tuple[list[ImportRow], list[str]]:  # fmt: skip
    """The action of every row, and the chi đoàn the import would create (in the order first
    met); a member claimed by two rows rejects the second.

    The values a row leaves on a member pass the member form's date checks: a new member's
    admission or Party date that the form refuses is left out with a warning (the member is
    still worth importing; the date can be entered later), and an update is settled against the
    stored record and its events (:func:`_settle_update`). An admission dated before today's
    rules outside today's ages is history: written, with the form's warning. ``report(done,
    total)`` is called every few hundred rows (:func:`~doancoso.core.progress.counted`).
    """
    claimed: dict[str, int] = {}
    result: list[ImportRow] = []
    branches = BranchResolver(matcher.branch_names)
    branches.prefer(
        str(row.values["branch"])
        for row in parsed
        if not row.rejected and isinstance(row.values.get("branch"), str)
    )
    rules = DateRules(today)
    created: list[str] = []
    settle: list[tuple[ImportRow, ParsedRow, str]] = []  # updates touching dates: see below
    for row in counted(parsed, report):
        item = ImportRow(row.row, row.values, row.problems, REJECTED, from_heading=row.from_heading)
        result.append(item)
        if row.rejected:
            continue
        member_id, problem = matcher.find(row.values)
        if problem is not None:
            row.problems.append(problem)
            continue
        stored_notes = matcher.members[member_id].values["notes"] if member_id else None
        if member_id is not None:
            drop_standing(row.values, matcher.standing(member_id))
        carry_note_columns(row.values, stored_notes)
        branch, new_branch = None, False
        if isinstance(row.values.get("branch"), str):
            branch, new_branch = branches.resolve(str(row.values["branch"]))
            row.values["branch"] = branch
        if member_id is None:
            item.action = NEW
            if new_branch and branch not in created:
                created.append(str(branch))
            birth = row.values["birth_date"]
            assert isinstance(birth, date)
            dates = {name: row.values.get(name) for name in _DATES}
            errors = rules.errors(
                str(row.values["full_name"]),
                birth,
                str(row.values.get("birth_precision", DAY)),
                dates,  # type: ignore[arg-type]
            )
            _drop_bad_dates(row, errors, None)
            _note_history(row, birth, str(row.values.get("birth_precision", DAY)))
            status = row.values.get("status", "active")
            problem = _over_age(birth, status, today, coming_of_age)
            if problem is not None:
                row.problems.append(problem)
            continue
        if member_id in claimed:
            row.problems.append(
                Problem(
                    f"Dòng {claimed[member_id]} đã ứng với cùng đoàn viên này.", ERROR, "full_name"
                )
            )
            continue
        claimed[member_id] = row.row
        item.member_id = member_id
        stored = matcher.members[member_id].values
        item.member_revision = int(stored["revision"])
        changed = matcher.changes(member_id, row.values)
        status = stored["status"]
        if status in READ_ONLY_STATUSES:
            if changed:
                label = _label(status)
                row.problems.append(Problem(
                    f"Hồ sơ đoàn viên {label[:1].lower()}{label[1:]} chỉ để xem: không cập nhật "
                    "từ tệp.", WARNING, "status"))  # fmt: skip
            item.action = UNCHANGED
            continue
        if "status" in changed:
            changed.remove("status")
            row.problems.append(Problem(
                f"Trạng thái trong tệp (“{_label(row.values['status'])}”) khác với quá trình của "
                f"đoàn viên (“{_label(status)}”): giữ nguyên; muốn đổi hãy ghi sự kiện.",
                WARNING, "status"))  # fmt: skip
        item.changed = changed
        item.action = UPDATE if changed else UNCHANGED
        if new_branch and branch not in created:
            created.append(str(branch))
        if _BIRTH_AFFECTED.intersection(changed):
            settle.append((item, row, member_id))  # with the events, read for all at once
            continue
        problem = _over_age(stored["birth_date"], status, today, coming_of_age)
        if problem is not None:
            row.problems.append(problem)
    events = matcher.events([member_id for _, _, member_id in settle]) if settle else {}
    for item, row, member_id in settle:
        stored = matcher.members[member_id].values
        birth, precision = _settle_update(
            row, item.changed, stored, events[member_id], rules, coming_of_age
        )
        if "admission_date" in item.changed:
            _note_history(row, birth, precision)
        item.action = UPDATE if item.changed else UNCHANGED
        problem = _over_age(birth, stored["status"], today, coming_of_age)
        if problem is not None:
            row.problems.append(problem)
    return result, created
