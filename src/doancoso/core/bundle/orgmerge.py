"""Merging another organisation's handover bundle into this one (sáp nhập, issue #17).

Since 1 July 2025 new commune unions were formed from several former ones: the secretary brings
each former organisation's data into the new one. Every row of the other organisation becomes
a row of ours (its ``organization_id`` ours), keeping its id, except:

- its organisation row (ours stands for both);
- its chi đoàn of the same name as one of ours (or mapped onto one by ``branch_map``): joined
  with ours; the others are kept (renamed by ``branch_names``);
- its members who are the same person as one of ours: matched by CCCD, then by full name and
  birth date (a :class:`~.merge.Match`, for the secretary to confirm; ``unmatch`` keeps a
  member apart), their histories (events, attendance, ratings...) joined onto ours, and each
  field of the sổ đoàn viên ours left empty taken from theirs (:data:`FILLED`: a phone, a
  CCCD, the father's name...; nothing of ours is overwritten, and a CCCD or member code that
  another of ours holds is not taken);
- rows that this organisation can hold once (the activity kind of a code, a setting, the plan,
  rating round and checklist of a year, a member's rating in a round...): ours is kept and what
  named theirs names ours.

Each member brought in (matched or not) gets a "Sáp nhập tổ chức Đoàn" event in its history.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from ..lang.text import fold, nfc
from .rows import travelling_tables
from .sync_errors import SyncError
from .validate import NOTHING_WRITTEN

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..workspace import Workspace
    from .outcome import ImportPlan

JOIN_KEYS: dict[str, tuple[str, ...]] = {
    "activity_kinds": ("code",),
    "settings": ("key",),
    "plans": ("year",),
    "rating_rounds": ("year",),
    "checklists": ("year",),
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
MERGE_EVENT = "org_merge"
_EVENT_STATUSES = ("active", "temporary")
"""Members whose history takes the merge event (one who left or came of age takes none: their
history only accepts a transfer back in, or joining the Party)."""


@cache
def _references(table: str) -> tuple[str, ...]:
    """The columns of ``table`` that name a row of another travelling table."""
    columns = travelling_tables()[table].columns
    return tuple(c.name for c in columns if c.foreign_keys and c.name != "organization_id")


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

    def remap(self, session: Session, table: str, row: dict[str, Any]) -> dict[str, Any] | None:
        """``row`` as a row of ours, or None when it is joined with one of ours."""
        if table == "organizations":
            return None
        row = dict(row)
        row["organization_id"] = self.my_org
        for column in _references(table):
            value = row[column]
            if value is not None and value in self.ids:
                row[column] = self.ids[value]
        for column in JSON_ID_LISTS.get(table, ()):
            values = json.loads(row[column] or "[]")
            if isinstance(values, list) and any(v in self.ids for v in values):
                row[column] = json.dumps([self.ids.get(v, v) for v in values])
        if table == "evidence_files" and row["owner_id"] in self.ids:
            row["owner_id"] = self.ids[row["owner_id"]]
        model = travelling_tables()[table]
        from sqlalchemy import select

        known = session.execute(select(model.c.id).where(model.c.id == row["id"])).first()
        if known is not None or row["deleted_at"] is not None:
            return row  # already merged by an earlier import, or a tombstone: as it is
        if table == "branches":
            return self._branch(session, row)
        if table == "members":
            return self._member(session, row)
        if table in JOIN_KEYS:
            mine = self._same_key(session, table, row)
            if mine is not None:
                self.ids[row["id"]] = mine
                return None
        return row

    # chi đoàn ----------------------------------------------------------------------------------

    def _branch(self, session: Session, row: dict[str, Any]) -> dict[str, Any] | None:
        from sqlalchemy import select

        from ..storage.models import Branch

        theirs_id, theirs_name = row["id"], row["name"]
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
        row["name"], row["name_fold"] = new_name, fold(new_name)
        self.plan.branches.append(_mapping(theirs_id, theirs_name, "kept", None, new_name))
        return row

    # members -----------------------------------------------------------------------------------

    def _member(self, session: Session, row: dict[str, Any]) -> dict[str, Any] | None:
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
            self.brought.append(row["id"])
            return row
        mine_id, reason = found
        self.ids[row["id"]] = mine_id
        self.brought.append(mine_id)
        fills = self._fills(session, mine_id, row)
        if fills:
            self.fills.setdefault(mine_id, {}).update(fills)
        self.plan.matches.append(
            Match(mine_id, row["id"], reason, row["full_name"], row["birth_date"], tuple(fills))  # type: ignore[arg-type]
        )
        return None

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

    def finish(self, session: Session) -> None:
        """Record the merge in the history of each member brought in (once per organisation
        merged: a second import of the same bundle adds none)."""
        from sqlalchemy import func, select

        from ..storage.models import Member, MemberEvent
        from ..storage.tracking import transaction_time

        _fill_members(session, self.fills)
        today = transaction_time(session).date()
        for start in range(0, len(self.brought), 500):
            part = self.brought[start : start + 500]
            statuses = dict(
                session.execute(select(Member.id, Member.status).where(Member.id.in_(part))).all()
            )
            last = dict(
                session.execute(
                    select(MemberEvent.member_id, func.max(MemberEvent.sequence))
                    .where(MemberEvent.member_id.in_(part))
                    .group_by(MemberEvent.member_id)
                ).all()
            )
            already = set(
                session.execute(
                    select(MemberEvent.member_id).where(
                        MemberEvent.member_id.in_(part),
                        MemberEvent.kind == MERGE_EVENT,
                        MemberEvent.other_organization == self.their_name,
                        MemberEvent.deleted_at.is_(None),
                    )
                ).scalars()
            )
            for member_id in part:
                status = statuses.get(member_id)
                if status not in _EVENT_STATUSES or member_id in already:
                    continue
                session.add(
                    MemberEvent(
                        organization_id=self.my_org,
                        member_id=member_id,
                        kind=MERGE_EVENT,
                        event_date=today,
                        note=f"Sáp nhập dữ liệu của {self.their_name}",
                        other_organization=self.their_name,
                        status_before=status,
                        sequence=int(last.get(member_id) or 0) + 1,
                    )
                )
        session.flush()


def _fill_members(session: Session, fills: Mapping[str, Mapping[str, Any]]) -> None:
    """Write the fields taken from theirs into ours (their derived search keys made again)."""
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
    session.flush()


def _mapping(theirs_id: str, theirs_name: str, action: str, mine_id: str | None, name: str) -> Any:
    from .outcome import BranchMapping

    return BranchMapping(theirs_id, theirs_name, action, mine_id, name)  # type: ignore[arg-type]
