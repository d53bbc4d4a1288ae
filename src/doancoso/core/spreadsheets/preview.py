"""The import preview: every row of the sheet with its values, problems and what would happen.

Rows are matched to the roster by CCCD first, then by folded name and birth date (a birth year
matches any date in that year). A matched row updates only the fields whose cell holds a
different value: an empty cell never blanks a stored value, and a name that differs only in
accents or case (a file typed without tones) is not a change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..context import WorkspaceContext
from ..dates import DAY, YEAR, format_vn_date
from ..models import Branch, Member
from .rows import ERROR, TEXT_FIELDS, ParsedRow, Problem, cached_fold

NEW, UPDATE, UNCHANGED, REJECTED = "new", "update", "unchanged", "rejected"
# Fields compared one to one with the stored member.
_PLAIN_FIELDS = ("gender", "national_id", "phone", "position", "status", "admission_date",
                 "party_date") + TEXT_FIELDS  # fmt: skip
_LOADED = ("id", "revision", "full_name", "birth_date", "birth_precision", "branch_id",
           "address_hamlet", "address_commune", "address_province") + _PLAIN_FIELDS  # fmt: skip


@dataclass
class ImportRow:
    """One row of the sheet. ``changed`` names the fields an update writes."""

    row: int
    values: dict[str, object]
    problems: list[Problem]
    action: str
    changed: list[str] = field(default_factory=list)
    member_id: str | None = None
    member_revision: int | None = None


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

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

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


def _same_birth(a: date, a_precision: str, b: date, b_precision: str) -> bool:
    if a_precision == DAY and b_precision == DAY:
        return a == b
    return a.year == b.year


class Matcher:
    """The roster as the import compares against it, loaded once per preview."""

    def __init__(self, ctx: WorkspaceContext) -> None:
        with ctx.db.read() as session:
            branch_rows = session.execute(
                select(Branch.id, Branch.name).where(
                    Branch.organization_id == ctx.organization_id, Branch.deleted_at.is_(None)
                )
            ).all()
            branches = {branch_id: name for branch_id, name in branch_rows}
            columns = [getattr(Member, name) for name in _LOADED]
            stmt = select(*columns).where(
                Member.organization_id == ctx.organization_id, Member.deleted_at.is_(None)
            )
            rows = session.execute(stmt).all()
        self.members: dict[str, _Stored] = {}
        self.by_national_id: dict[str, str] = {}
        self.by_name_year: dict[tuple[str, int], list[str]] = {}
        for row in rows:
            values = dict(zip(_LOADED, row, strict=True))
            member_id = values["id"]
            self.members[member_id] = _Stored(values, branches.get(values["branch_id"] or ""))
            if values["national_id"]:
                self.by_national_id[values["national_id"]] = member_id
            key = (cached_fold(values["full_name"]), values["birth_date"].year)
            self.by_name_year.setdefault(key, []).append(member_id)

    def find(self, values: dict[str, object]) -> tuple[str | None, Problem | None]:
        name, birth = str(values["full_name"]), values["birth_date"]
        precision = str(values.get("birth_precision", DAY))
        assert isinstance(birth, date)
        national_id = values.get("national_id")
        if isinstance(national_id, str) and national_id in self.by_national_id:
            member_id = self.by_national_id[national_id]
            stored = self.members[member_id].values
            if cached_fold(stored["full_name"]) == cached_fold(name) or _same_birth(
                stored["birth_date"], stored["birth_precision"], birth, precision
            ):
                return member_id, None
            when = format_vn_date(stored["birth_date"], stored["birth_precision"])
            return None, Problem(
                f"Số CCCD {national_id} đã dùng cho đoàn viên {stored['full_name']} (sinh {when}).",
                ERROR,
                "national_id",
            )
        candidates = [
            member_id
            for member_id in self.by_name_year.get((cached_fold(name), birth.year), [])
            if _same_birth(self.members[member_id].values["birth_date"],
                           self.members[member_id].values["birth_precision"], birth, precision)
            and not (national_id and self.members[member_id].values["national_id"])
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
            if value is not None and value != old[name]:
                changed.append(name)
        address = values.get("address")
        if address is not None and address not in (stored_address(old), old["address_hamlet"]):
            changed.append("address")
        branch = values.get("branch")
        if branch is not None and cached_fold(str(branch)) != cached_fold(stored.branch_name):
            changed.append("branch")
        return changed


def mark_duplicates(parsed: list[ParsedRow]) -> None:
    """Rows of the file that repeat a CCCD or a person (same folded name and birth date)."""
    by_id: dict[str, ParsedRow] = {}
    by_person: dict[tuple[str, object, object], ParsedRow] = {}
    for row in parsed:
        values = row.values
        if not values.get("full_name") or "birth_date" not in values:
            continue
        person = (
            cached_fold(str(values["full_name"])),
            values["birth_date"],
            values.get("birth_precision"),
        )
        national_id = values.get("national_id")
        if isinstance(national_id, str):
            first = by_id.get(national_id)
            if first is not None:
                same_person = person == (
                    cached_fold(str(first.values["full_name"])),
                    first.values["birth_date"],
                    first.values.get("birth_precision"),
                )
                if same_person:
                    row.problems.append(
                        Problem(f"Trùng với dòng {first.row}.", ERROR, "national_id")
                    )
                else:
                    row.problems.append(
                        Problem(
                            f"Số CCCD {national_id} trùng với dòng {first.row}.",
                            ERROR,
                            "national_id",
                        )
                    )
                    if not any(
                        p.field == "national_id" and p.severity == ERROR for p in first.problems
                    ):
                        first.problems.append(
                            Problem(
                                f"Số CCCD {national_id} trùng với dòng {row.row}.",
                                ERROR,
                                "national_id",
                            )
                        )
                continue
            by_id[national_id] = row
        first = by_person.get(person)
        if first is not None:
            other_id = first.values.get("national_id")
            if not (national_id and other_id and national_id != other_id):
                row.problems.append(
                    Problem(
                        f"Trùng với dòng {first.row} (cùng họ tên và ngày sinh).",
                        ERROR,
                        "full_name",
                    )
                )
                continue
        by_person.setdefault(person, row)


def decide(parsed: list[ParsedRow], matcher: Matcher) -> list[ImportRow]:
    """The action of every row; a member claimed by two rows rejects the second."""
    claimed: dict[str, int] = {}
    result: list[ImportRow] = []
    for row in parsed:
        item = ImportRow(row.row, row.values, row.problems, REJECTED)
        result.append(item)
        if row.rejected:
            continue
        member_id, problem = matcher.find(row.values)
        if problem is not None:
            row.problems.append(problem)
            continue
        if member_id is None:
            item.action = NEW
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
        item.member_revision = int(matcher.members[member_id].values["revision"])
        item.changed = matcher.changes(member_id, row.values)
        item.action = UPDATE if item.changed else UNCHANGED
    return result
