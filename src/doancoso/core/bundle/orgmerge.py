"""Merging another organisation's handover bundle into this one (sáp nhập, issue #17).

Since 1 July 2025 new commune unions were formed from several former ones: the secretary brings
each former organisation's data into the new one. Every row of the other organisation becomes
a row of ours (its ``organization_id`` ours), keeping its id, except:

- its organisation row (ours stands for both);
- its chi đoàn of the same name as one of ours (or mapped onto one by ``branch_map``): joined
  with ours; the others are kept (renamed by ``branch_names``);
- its members who are the same person as one of ours: matched by CCCD, then by mã định danh
  (member code, one person's in the whole union), then by full name and birth date (a
  :class:`~.merge.Match`, for the secretary to confirm; ``unmatch`` keeps a member apart, which
  for a match by CCCD or code is refused: two people cannot hold one), their histories
  (events, attendance, ratings...) joined onto ours, and each field of the sổ đoàn viên ours
  left empty taken from theirs (:data:`FILLED`: a phone, a CCCD, the father's name...; nothing
  of ours is overwritten, and a CCCD or member code that another of ours holds is not taken);
- their activity kinds of the name of one of ours: joined with ours, what named their code
  (activities, targets) naming ours;
- rows that this organisation can hold once (the activity kind of a code, a setting, the rating
  round of a year, a member's rating in a round...): ours is kept and what named theirs names
  ours (their members' ratings join our round of the year);
- their plan and their "3 chủ động" checklist of a year we already have one of: not taken, with
  all that hangs on them (the plan's targets, the checklist's answers and the evidence attached
  to them): the new commune's plan and self-evaluation of that year are ours, and two plans
  joined into one would hold two targets at each position (:class:`YearRecord` says what was
  kept, joined and dropped, for the preview).

Each member brought in (matched or not) gets a "Sáp nhập tổ chức Đoàn" event in its history.
The fields a matched member of ours takes from theirs are a change of ours (a new revision), so
that the other copies of this organisation receive them at the next exchange.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from ..lang.text import collation_key, fold, name_sort_key, nfc
from .kinds import REFERENCES as KIND_REFERENCES
from .kinds import TABLE as KIND_TABLE
from .rows import travelling_tables
from .sync_errors import SyncError
from .validate import NOTHING_WRITTEN

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..workspace import Workspace
    from .outcome import BranchMapping, ImportPlan
    from .rows import RowSource

JOIN_KEYS: dict[str, tuple[str, ...]] = {
    "activity_kinds": ("code",),
    "settings": ("key",),
    "rating_rounds": ("year",),
    "criteria_templates": ("name",),
    "ratings": ("round_id", "member_id"),
    "branch_ratings": ("round_id", "branch_id"),
    "checklist_answers": ("checklist_id", "code"),
}
"""Rows this organisation holds once per key: a live one of theirs with the key of a live one of
ours is joined with ours."""
FILLED = (
    "other_name", "gender", "hometown", "address_hamlet", "address_commune", "address_province",
    "ethnicity", "religion", "national_id", "national_id_date", "national_id_place", "phone",
    "email", "occupation", "education", "qualification", "political_theory", "foreign_language",
    "computer_skills", "member_code", "admission_date", "admission_place", "admission_decision",
    "card_number", "book_number", "party_date", "association", "father_name",
    "father_birth_year", "father_occupation", "mother_name", "mother_birth_year",
    "mother_occupation",
)  # fmt: skip
"""The fields of a matched member that ours takes from theirs when ours is empty (not the name,
birth date, chi đoàn, standing or notes, which are ours)."""
_UNIQUE = ("national_id", "member_code")
"""Fields one member of an organisation holds at most."""
JSON_ID_LISTS = {"activities": ("branch_ids", "target_ids")}
YEAR_DROPPED = {"plans": "plan_targets", "checklists": "checklist_answers"}
"""Their rows of a year we hold one of, not taken, each with the table of its parts."""
ROUND_PARTS = ("ratings", "branch_ratings")
"""The rows of a rating round: none of theirs joins a round of ours that is closed."""
MERGE_EVENT = "org_merge"
_EVENT_STATUSES = ("active", "temporary")
"""Members whose history takes the merge event (one who left or came of age takes none: their
history only accepts a transfer back in, or joining the Party)."""


@cache
def _references(table: str) -> tuple[str, ...]:
    """The columns of ``table`` that name a row of another travelling table."""
    columns = travelling_tables()[table].columns
    return tuple(c.name for c in columns if c.foreign_keys and c.name != "organization_id")


@dataclass(frozen=True)
class Person:
    """What the secretary compares to judge a match: one side's member, as that side holds it."""

    full_name: str
    birth_date: str
    """ISO date."""
    branch: str | None
    national_id: str | None
    hometown: str | None
    birth_precision: str = "day"
    """``year`` when only the birth's year is known (``birth_date`` then its 1 January)."""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def birth_text(self) -> str:
        """The birth as the side knows it: "05/03/2001", or "2001" when only its year is."""
        from ..lang.dates import format_vn_date

        return format_vn_date(date.fromisoformat(self.birth_date), self.birth_precision)


@dataclass
class YearRecord:
    """A record of theirs bound to a year we already hold one of (``table``: ``plans``,
    ``checklists`` or ``rating_rounds``): ours is kept; ``dropped``: their rows not taken, by
    table (the plan or checklist itself, its parts, the evidence attached to them, the ratings
    of people ours already rated); ``joined``: their rows added to ours (their members'
    ratings into our round)."""

    table: str
    year: int
    dropped: dict[str, int] = field(default_factory=dict)
    joined: dict[str, int] = field(default_factory=dict)
    closed: bool = False
    """A rating round: ours is closed, so none of their ratings of the year is taken."""

    def count(self, bucket: dict[str, int], table: str) -> None:
        bucket[table] = bucket.get(table, 0) + 1

    def to_json(self) -> dict[str, Any]:
        return {
            "table": self.table, "year": self.year,
            "dropped": dict(self.dropped), "joined": dict(self.joined),
            **({"closed": True} if self.closed else {}),
        }  # fmt: skip


class OrgMapper:
    """Rewrites the other organisation's rows as ours, row by row, in the walk's order."""

    def __init__(
        self,
        ws: Workspace,
        my_org: str,
        their_org: str,
        their_name: str,
        plan: ImportPlan,
        branch_map: Mapping[str, str | None],
        branch_names: Mapping[str, str],
        unmatch: set[str],
    ) -> None:
        self.my_org = my_org
        self.their_name = their_name
        self.plan = plan
        self.branch_map = branch_map
        self.branch_names = branch_names
        self.unmatch = unmatch
        self.ids: dict[str, str] = {their_org: my_org}
        self.brought: list[str] = []
        """Members brought in by this import (ours for the matched), for the merge event."""
        self.fills: dict[str, dict[str, Any]] = {}
        """For each of ours matched: the fields taken from theirs (Python values)."""
        self.statuses: dict[str, str] = {}
        """The status of each member brought in (ours for the matched)."""
        self.branch_of: dict[str, str] = {}
        """Their chi đoàn id → its name in the bundle (for :class:`Person`)."""
        self.dropped: dict[str, YearRecord] = {}
        """Ids of their rows not taken (:data:`YEAR_DROPPED`) → the record saying so."""
        self.rounds: dict[str, YearRecord] = {}
        """Our rating rounds their round of the same year joins → the record saying so."""
        self.codes: dict[str, str] = {}
        """Their activity kinds' codes joined with ours (:meth:`_same_kinds`) → our codes."""
        self.closed: dict[str, YearRecord] = {}
        """Our closed rating rounds their round of the same year joins: none of their ratings
        taken into them (the levels of a closed round never change until it is reopened)."""

    def prepare(self, session: Session, source: RowSource) -> None:
        """Before the walk: their plans and checklists of a year we hold one of, and the rows
        hanging on them, are not taken. Found first, since evidence files come before the
        checklists in the walk's order. Rows are read as the bundle holds them (checked later
        in the walk): a malformed one is left to the walk to refuse."""
        from sqlalchemy import select

        present = set(source.tables())
        for table, parts in YEAR_DROPPED.items():
            if table not in present:
                continue
            model = travelling_tables()[table]
            ours = dict(
                session.execute(
                    select(model.c.year, model.c.id).where(
                        model.c.organization_id == self.my_org, model.c.deleted_at.is_(None)
                    )
                ).all()
            )
            records: dict[str, YearRecord] = {}
            for row in source.rows(table):
                year, row_id = row.get("year"), row.get("id")
                taken_before = ours.get(year) == row_id  # merged by an earlier import
                if (
                    row.get("deleted_at") is None and year in ours and not taken_before
                    and isinstance(row_id, str) and isinstance(year, int)
                ):  # fmt: skip
                    records[row_id] = self.dropped[row_id] = YearRecord(table, int(year))
            if records and parts in present:
                parent = "plan_id" if parts == "plan_targets" else "checklist_id"
                for row in source.rows(parts):
                    record = records.get(row.get(parent))  # type: ignore[arg-type]
                    if record is not None and isinstance(row.get("id"), str):
                        self.dropped[row["id"]] = record
        seen: set[int] = set()
        for record in self.dropped.values():
            if id(record) not in seen:
                seen.add(id(record))
                self.plan.years.append(record)
        self._same_kinds(session, source)

    def _same_kinds(self, session: Session, source: RowSource) -> None:
        """Their activity kinds of the name of one of ours (as ``add_kind`` compares names):
        joined with ours, their activities and targets naming our code (a kind's code is made
        from its row's id, so two organisations' kinds never share one). Found before the walk:
        the plan's targets come before the kinds in its order."""
        from .joins import rows_of

        ours = {
            fold(str(name)).strip(): (str(i), str(code))
            for i, code, name in session.connection().exec_driver_sql(
                f"SELECT id, code, name FROM {KIND_TABLE} WHERE organization_id = ?"
                " AND deleted_at IS NULL",
                (self.my_org,),
            )
        }
        if not ours:
            return
        for row in rows_of(source, KIND_TABLE):
            name, code, row_id = row.get("name"), row.get("code"), row.get("id")
            if row.get("deleted_at") is not None or not isinstance(name, str):
                continue
            mine = ours.get(fold(name).strip())
            if mine is None or mine[0] == row_id:  # none, or theirs taken by an earlier import
                continue
            if isinstance(code, str) and isinstance(row_id, str):
                self.ids[row_id], self.codes[code] = mine
                self.plan.notes.append(
                    f"Loại hoạt động “{name}” của {self.their_name} gộp vào loại cùng tên của "
                    "tổ chức này."
                )

    def _drop(self, table: str, row: dict[str, Any]) -> bool:
        """Whether ``row`` is one of theirs not taken (counted in its :class:`YearRecord`)."""
        owner = row["owner_id"] if table == "evidence_files" else row["id"]
        record = self.dropped.get(owner)
        if record is None:
            return False
        if row["deleted_at"] is None:
            record.count(record.dropped, table)
        return True

    def remap(self, session: Session, table: str, row: dict[str, Any]) -> dict[str, Any] | None:
        """``row`` as a row of ours, or None when it is joined with one of ours or not taken."""
        if table == "organizations" or self._drop(table, row):
            return None
        their_branch = row.get("branch_id")  # before it names ours (a chi đoàn joined)
        row = dict(row)
        row["organization_id"] = self.my_org
        for column in _references(table):
            value = row[column]
            if value is not None and value in self.ids:
                row[column] = self.ids[value]
        for column in JSON_ID_LISTS.get(table, ()):
            values = json.loads(row[column] or "[]")
            if isinstance(values, list) and any(
                v in self.ids or v in self.dropped for v in values
            ):  # a target of a plan not taken: the activity no longer names it
                kept = [self.ids.get(v, v) for v in values if v not in self.dropped]
                row[column] = json.dumps(kept)
        if table == "evidence_files" and row["owner_id"] in self.ids:
            row["owner_id"] = self.ids[row["owner_id"]]
        code = KIND_REFERENCES.get(table)
        if code is not None and row.get(code) in self.codes:
            row[code] = self.codes[row[code]]
        if table == KIND_TABLE and row["id"] in self.ids:
            return None  # joined with ours of its name
        model = travelling_tables()[table]
        from sqlalchemy import select

        known = session.execute(select(model.c.id).where(model.c.id == row["id"])).first()
        if known is not None:
            return row  # already merged by an earlier import: as it is
        closed = self.closed.get(row.get("round_id")) if table in ROUND_PARTS else None  # type: ignore[arg-type]
        if closed is not None:  # a closed round's levels never change (rating/service.py)
            if row["deleted_at"] is None:
                closed.count(closed.dropped, table)
            return None
        if row["deleted_at"] is not None:
            return row  # a tombstone: as it is
        if table == "branches":
            return self._branch(session, row)
        if table == "members":
            return self._member(session, row, their_branch)
        record = self.rounds.get(row.get("round_id"))  # type: ignore[arg-type]
        if table in JOIN_KEYS:
            mine = self._same_key(session, table, row)
            if mine is not None:
                self.ids[row["id"]] = mine
                if table == "rating_rounds":
                    self.rounds[mine] = YearRecord(table, int(row["year"]))
                    self.plan.years.append(self.rounds[mine])
                    if _closed(session, mine):
                        self.rounds[mine].closed = True
                        self.closed[mine] = self.rounds[mine]
                elif record is not None:  # ours rated them already: ours kept
                    record.count(record.dropped, table)
                return None
        if record is not None:
            record.count(record.joined, table)
        return row

    # chi đoàn ----------------------------------------------------------------------------------

    def _branch(self, session: Session, row: dict[str, Any]) -> dict[str, Any] | None:
        from sqlalchemy import select

        from ..storage.models import Branch

        theirs_id, theirs_name = row["id"], row["name"]
        self.branch_of[theirs_id] = theirs_name
        if theirs_id in self.branch_map:
            target = self.branch_map[theirs_id]
        else:
            target = session.execute(
                select(Branch.id).where(
                    Branch.organization_id == self.my_org,
                    Branch.deleted_at.is_(None),
                    Branch.name_fold == row["name_fold"],
                )
            ).scalar()
        if target is not None:
            mine = session.get(Branch, target)
            if mine is None or mine.organization_id != self.my_org or mine.deleted_at is not None:
                raise SyncError(
                    f"Chi đoàn được chọn để gộp “{theirs_name}” vào không còn trong dữ liệu. "
                    f"{NOTHING_WRITTEN}"
                )
            self.ids[theirs_id] = mine.id
            self.plan.branches.append(
                _mapping(theirs_id, theirs_name, "joined", mine.id, mine.name)
            )
            return None
        new_name = nfc(self.branch_names.get(theirs_id, "").strip()) or theirs_name
        self._name_free(session, new_name, theirs_name)
        row["name"], row["name_fold"] = new_name, fold(new_name)
        self.plan.branches.append(_mapping(theirs_id, theirs_name, "kept", None, new_name))
        return row

    def _name_free(self, session: Session, name: str, theirs_name: str) -> None:
        """Refuse a chi đoàn of theirs kept under a name one of ours, or another of theirs
        kept, already has (ignoring case and tones, as the chi đoàn page does)."""
        from sqlalchemy import select

        from ..storage.models import Branch

        key = fold(name)
        held = session.execute(
            select(Branch.name).where(
                Branch.organization_id == self.my_org,
                Branch.deleted_at.is_(None),
                Branch.name_fold == key,
            )
        ).scalar()
        if held is None:
            held = next(
                (b.name for b in self.plan.branches if b.action == "kept" and fold(b.name) == key),
                None,
            )
        if held is not None:
            raise SyncError(
                f"Đã có chi đoàn tên “{held}”: hãy đặt tên khác cho chi đoàn “{theirs_name}” "
                f"của tệp, hoặc gộp nó vào chi đoàn đó. {NOTHING_WRITTEN}"
            )

    # members -----------------------------------------------------------------------------------

    def _member(
        self, session: Session, row: dict[str, Any], their_branch: str | None
    ) -> dict[str, Any] | None:
        from sqlalchemy import select

        from ..storage.models import Member
        from .outcome import Match

        live = (Member.organization_id == self.my_org, Member.deleted_at.is_(None))
        found: tuple[str, str] | None = None
        if row["id"] not in self.unmatch:
            if row["national_id"]:
                hit = session.execute(
                    select(Member.id).where(*live, Member.national_id == row["national_id"])
                ).scalar()
                if hit is not None:
                    found = (hit, "cccd")
            if found is None and row.get("member_code"):
                # One person's code in the whole union: the same person even when one
                # organisation wrote the name or birth date differently, unless both hold a
                # CCCD and these differ (two people: refused, the code being held by ours).
                coded = session.execute(
                    select(Member.id, Member.national_id).where(
                        *live, Member.member_code == row["member_code"]
                    )
                ).first()
                if coded is not None and not (
                    coded[1] and row["national_id"] and coded[1] != row["national_id"]
                ):
                    found = (coded[0], "member_code")
            if found is None:
                same_day = session.execute(
                    select(Member.id, Member.full_name, Member.national_id).where(
                        *live, Member.birth_date == date.fromisoformat(row["birth_date"])
                    )
                ).all()
                for mine_id, name, national_id in same_day:
                    if fold(name) != fold(row["full_name"]):
                        continue
                    if national_id and row["national_id"] and national_id != row["national_id"]:
                        continue  # two people: their CCCD differ
                    found = (mine_id, "name_birth")
                    break
        if found is None:
            self._bring(row["id"], row["status"])
            return row
        mine_id, reason = found
        self.ids[row["id"]] = mine_id
        ours = self._person(session, mine_id)
        fills = self._fills(session, mine_id, row)
        if fills:
            if mine_id not in self.fills:  # a change of ours: a new revision (see finish)
                self.plan._count(self.plan.updated, "members")
            self.fills.setdefault(mine_id, {}).update(fills)
        theirs = Person(
            row["full_name"], row["birth_date"], self.branch_of.get(their_branch or ""),
            row["national_id"], row["hometown"], str(row.get("birth_precision") or "day"),
        )  # fmt: skip
        match = Match(
            mine_id, row["id"], reason, row["full_name"], row["birth_date"],  # type: ignore[arg-type]
            tuple(fills), mine=ours[0], theirs=theirs,
        )  # fmt: skip
        self.plan.matches.append(match)
        self._bring(mine_id, ours[1])
        return None

    def _bring(self, member_id: str, status: str) -> None:
        if member_id not in self.statuses:
            self.brought.append(member_id)
            self.statuses[member_id] = status

    def _person(self, session: Session, mine_id: str) -> tuple[Person, str]:
        """Our member ``mine_id`` as the secretary compares it, and its status."""
        from sqlalchemy import select

        from ..storage.models import Branch, Member

        found = session.execute(
            select(
                Member.full_name, Member.birth_date, Branch.name, Member.national_id,
                Member.hometown, Member.status, Member.birth_precision,
            )
            .outerjoin(Branch, Branch.id == Member.branch_id)
            .where(Member.id == mine_id)
        ).one()  # fmt: skip
        name, born, branch, national_id, hometown, status, precision = found
        person = Person(name, born.isoformat(), branch, national_id, hometown, str(precision))
        return person, str(status)

    def _fills(self, session: Session, mine_id: str, row: dict[str, Any]) -> dict[str, Any]:
        """The fields of ``row`` (theirs) that ours (``mine_id``) lacks, as Python values."""
        from sqlalchemy import select

        from ..storage.models import Member
        from .validate import python_values

        columns = Member.__table__.c
        theirs = {c: row[c] for c in FILLED if row.get(c) not in (None, "")}
        if not theirs:
            return {}
        mine = session.execute(select(*(columns[c] for c in theirs)).where(columns.id == mine_id))
        ours = mine.one()._mapping
        fills: dict[str, Any] = {}
        for name, value in python_values("members", theirs).items():
            if ours[name] not in (None, "") or name in self.fills.get(mine_id, {}):
                continue
            if name in _UNIQUE:
                held = session.execute(
                    select(columns.id).where(
                        columns.organization_id == self.my_org,
                        columns.deleted_at.is_(None),
                        columns[name] == value,
                    )
                ).first()
                if held is not None or any(f.get(name) == value for f in self.fills.values()):
                    continue  # another of ours holds it: not taken
            fills[name] = value
        return fills

    # rows held once ----------------------------------------------------------------------------

    def _same_key(self, session: Session, table: str, row: dict[str, Any]) -> str | None:
        from sqlalchemy import select

        from .validate import python_values

        model = travelling_tables()[table]
        values = python_values(table, {k: row[k] for k in JOIN_KEYS[table]})
        condition = [model.c[k] == v for k, v in values.items()]
        hit = session.execute(
            select(model.c.id).where(
                model.c.organization_id == self.my_org, model.c.deleted_at.is_(None), *condition
            )
        ).scalar()
        return None if hit is None else str(hit)

    # after the rows ------------------------------------------------------------------------------

    def finish(self, session: Session, *, write: bool) -> None:
        """After the walk: the fields of ours taken from theirs written (a new revision), and
        the merge recorded in the history of each member brought in (once per organisation
        merged: a second import of the same bundle adds none). Counted in the plan as written
        (the events apart, ``merge_events``), so that the dry run (``write`` False: nothing
        written) says what the import does."""
        from sqlalchemy import func, select

        from ..storage.models import MemberEvent

        order = ("plans", "checklists", "rating_rounds")
        self.plan.years.sort(key=lambda y: (y.year, order.index(y.table)))
        # Listed as the roster lists them, not in the order the other organisation typed them.
        self.plan.branches.sort(key=lambda b: collation_key(b.theirs_name))
        self.plan.matches.sort(key=lambda m: (name_sort_key(m.full_name), m.birth_date))
        needing = self._needing_event(session)
        self.plan.merge_events = len(needing)  # apart from the file's rows (outcome.py)
        if not write:
            return
        from ..storage.tracking import transaction_time

        now = transaction_time(session)
        _fill_members(session, self.fills, now)
        last: dict[str, int] = {}
        for start in range(0, len(needing), 500):
            part = needing[start : start + 500]
            last.update(
                session.execute(
                    select(MemberEvent.member_id, func.max(MemberEvent.sequence))
                    .where(MemberEvent.member_id.in_(part))
                    .group_by(MemberEvent.member_id)
                ).all()
            )
        for member_id in needing:
            session.add(
                MemberEvent(
                    organization_id=self.my_org,
                    member_id=member_id,
                    kind=MERGE_EVENT,
                    event_date=now.date(),
                    note=f"Sáp nhập dữ liệu của {self.their_name}",
                    other_organization=self.their_name,
                    status_before=self.statuses[member_id],
                    sequence=int(last.get(member_id) or 0) + 1,
                )
            )
        session.flush()

    def _needing_event(self, session: Session) -> list[str]:
        """The members brought in whose history takes the merge event (still in the roster,
        none recorded for this organisation yet)."""
        from sqlalchemy import select

        from ..storage.models import MemberEvent

        wanted = [m for m in self.brought if self.statuses[m] in _EVENT_STATUSES]
        already: set[str] = set()
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            already.update(
                session.execute(
                    select(MemberEvent.member_id).where(
                        MemberEvent.member_id.in_(part),
                        MemberEvent.kind == MERGE_EVENT,
                        MemberEvent.other_organization == self.their_name,
                        MemberEvent.deleted_at.is_(None),
                    )
                ).scalars()
            )
        return [m for m in wanted if m not in already]


def _fill_members(session: Session, fills: Mapping[str, Mapping[str, Any]], now: datetime) -> None:
    """Write the fields taken from theirs into ours (their derived search keys made again), as a
    change of this installation: a new revision, so that every other copy of this organisation
    takes it at its next exchange (the import's session keeps the revisions it is given)."""
    from ..roster.service import derived_columns
    from ..storage.models import Member

    for mine_id, fields in fills.items():
        member = session.get(Member, mine_id)
        if member is None:
            continue
        for name, value in fields.items():
            setattr(member, name, value)
        derived = derived_columns(
            member.full_name, member.other_name, member.national_id, member.phone,
            member.member_code,
        )  # fmt: skip
        member.sort_key, member.search_text = derived["sort_key"], derived["search_text"]
        member.revision += 1
        member.updated_at = now
    session.flush()


def _mapping(theirs_id: str, theirs_name: str, action: str, mine_id: str | None, name: str) -> Any:
    from .outcome import BranchMapping

    return BranchMapping(theirs_id, theirs_name, action, mine_id, name)  # type: ignore[arg-type]


_PART_WORDS = {
    "plan_targets": "chỉ tiêu",
    "checklist_answers": "tiêu chí đã đánh giá",
    "evidence_files": "tệp minh chứng",
    "ratings": "xếp loại đoàn viên",
    "branch_ratings": "xếp loại chi đoàn",
}


def _parts(counts: Mapping[str, int]) -> str:
    from ..lang.text import vn_number

    return ", ".join(
        f"{vn_number(counts[t])} {word}" for t, word in _PART_WORDS.items() if counts.get(t)
    )


def _closed(session: Session, round_id: str) -> bool:
    from sqlalchemy import select

    from ..rating.records import CLOSED
    from ..storage.models import RatingRound

    state = session.execute(select(RatingRound.state).where(RatingRound.id == round_id)).scalar()
    return state == CLOSED


def branch_text(branch: BranchMapping) -> str:
    """What the merge does with one of their chi đoàn, in words (the result, the command
    line): joined with one of ours, kept under its name, or kept under a new one."""
    if branch.action == "joined":
        return f"Chi đoàn “{branch.theirs_name}”: gộp vào “{branch.name}”"
    renamed = f", đổi tên thành “{branch.name}”" if branch.name != branch.theirs_name else ""
    return f"Chi đoàn “{branch.theirs_name}”: giữ riêng{renamed}"


def closed_round_text(year: int, dropped: Mapping[str, int], theirs: str | None) -> str:
    """Our round of ``year`` is closed: the ratings ``dropped`` (table → rows) not taken into
    it, of ``theirs`` (a sáp nhập) or changed in the file (a copy of this organisation:
    closed_rounds.py), and how to take them."""
    parts = _parts(dropped)
    text = f"Đợt xếp loại năm {year}: đợt của máy này đã kết thúc nên được giữ nguyên"
    if not parts:
        return text + "."
    whose = f"của {theirs}" if theirs is not None else "có thay đổi trong tệp"
    return (
        f"{text}; không nhận {parts} {whose} (kết quả của đợt đã kết thúc không được "
        "thay đổi; muốn nhận thì mở lại đợt (“Mở lại”) rồi nhập lại tệp)."
    )


def year_text(record: YearRecord, theirs: str) -> str:
    """What the merge does with their record of a year we hold one of, in words (the preview,
    the result, the command line)."""
    year = record.year
    if record.table == "plans":
        parts = _parts(record.dropped)
        return (
            f"Kế hoạch năm {year}: giữ kế hoạch của máy này; không nhận kế hoạch năm {year} của "
            f"{theirs}" + (f" ({parts})." if parts else ".")
        )
    if record.table == "checklists":
        parts = _parts(record.dropped)
        return (
            f"Bảng tự đánh giá “3 chủ động” năm {year}: giữ bảng của máy này; không nhận bảng "
            f"của {theirs}" + (f" ({parts})." if parts else ".")
        )
    if record.closed:
        return closed_round_text(year, record.dropped, theirs)
    text = (
        f"Đợt xếp loại năm {year}: giữ đợt của máy này (trạng thái, kết quả tự xếp loại của "
        "Đoàn cơ sở)"
    )
    joined, kept = _parts(record.joined), _parts(record.dropped)
    if joined:
        text += f"; thêm vào đợt này {joined} của {theirs}"
    if kept:
        text += f"; không nhận {kept} của {theirs} cho người và chi đoàn đã được xếp loại ở máy này"
    return text + "."
