"""What importing a bundle does or would do (merge.py's ``plan`` and ``apply``): the rows new,
updated, deleted and unchanged per table, the conflicts field by field, and, when merging another
organisation into this one, the people found on both sides and where each of its chi đoàn goes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from ..backup.store import BackupInfo
    from .orgmerge import Person, YearRecord


Changed = Literal["mine", "theirs", "both"]
CHANGED_TEXT: dict[str, str] = {
    "mine": "chỉ máy này sửa",
    "theirs": "chỉ máy kia sửa",
    "both": "cả hai cùng sửa",
}
"""Who changed a field since the two copies last agreed on the row, in words."""
AUTOMATIC_TEXT = "tự gộp: mỗi thông tin chỉ một máy sửa"
RECORD = "record"
"""The one field of a conflict of two records made apart (:attr:`Conflict.apart`)."""
APART_TEXT = "Mỗi máy có một bản riêng của"
APART_CHOICE = (
    "Mỗi năm (mỗi thiết lập) chỉ giữ được một bản: bản không chọn bị xóa cùng những gì nó chứa "
    "(chỉ tiêu, mức xếp loại, mục tự đánh giá và minh chứng của chúng), trên máy kia cũng vậy "
    "sau lần trao đổi tới."
)
"""What a conflict of two records made apart is, and what choosing does."""
"""A conflict whose every field was changed on one side only (:attr:`Conflict.automatic`)."""


@dataclass(frozen=True)
class FieldDiff:
    name: str
    label: str
    mine: Any
    theirs: Any
    changed: Changed | None = None
    """Who changed the field since the version both copies last held (threeway.py): only this
    installation, only the bundle's, or both; None when that version's content is not known."""


@dataclass(frozen=True)
class Conflict:
    table: str
    id: str
    label: str
    fields: list[FieldDiff]
    names: dict[str, str] = field(default_factory=dict, compare=False)
    """What the user knows each record its id fields refer to by (a member's full name, a chi
    đoàn's name), from this copy or the file, and each kind of activity the organisation added
    by its code (``labels.kind_codes``); for ``labels.field_value_text``."""
    mine_id: str | None = None
    """Two records made apart on the two copies where the organisation holds one (the plan of a
    year, a setting: one_per_year.py): this copy's record (``id`` is the file's). One field,
    :data:`RECORD`, the record as a whole: the one kept, the other deleted with what it holds."""

    @property
    def apart(self) -> bool:
        """Two records made apart (:attr:`mine_id`): one choice, which of the two is kept."""
        return self.mine_id is not None

    @property
    def deletion(self) -> bool:
        """One side deleted the row, the other kept it: one choice for the whole record."""
        return any(
            f.name == "deleted_at" and (f.mine is None) != (f.theirs is None) for f in self.fields
        )

    def defaults(self) -> dict[str, Literal["mine", "theirs"]]:
        """The side each field changed on one side only takes unless told otherwise: that side
        (none for a deletion: the record is kept or deleted whole)."""
        if self.deletion or self.apart:
            return {}
        return {f.name: f.changed for f in self.fields if f.changed in ("mine", "theirs")}

    @property
    def automatic(self) -> bool:
        """Every differing field was changed on one side only: resolved without a choice."""
        return len(self.defaults()) == len(self.fields)

    def to_json(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "id": self.id,
            "label": self.label,
            "fields": [
                {
                    "name": f.name,
                    "label": f.label,
                    "mine": f.mine,
                    "theirs": f.theirs,
                    "changed": f.changed,
                }
                for f in self.fields
            ],  # fmt: skip
            "automatic": self.automatic,
            **({"mine_id": self.mine_id} if self.apart else {}),
        }


@dataclass(frozen=True)
class Match:
    """A person of the other organisation found in this one (sáp nhập)."""

    mine_id: str
    theirs_id: str
    reason: Literal["cccd", "member_code", "name_birth"]
    full_name: str
    birth_date: str
    filled: tuple[str, ...] = ()
    """The fields ours lacked that theirs had: taken into ours (column names)."""
    mine: Person | None = None
    theirs: Person | None = None
    """The two records side by side, for the secretary to judge the match."""


@dataclass(frozen=True)
class BranchMapping:
    """Where a chi đoàn of the other organisation goes: ``joined`` with one of ours, or
    ``kept`` as a chi đoàn of its own (``name``: its name here)."""

    theirs_id: str
    theirs_name: str
    action: Literal["kept", "joined"]
    mine_id: str | None
    name: str


@dataclass
class ImportPlan:
    new: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    branches: list[BranchMapping] = field(default_factory=list)
    years: list[YearRecord] = field(default_factory=list)
    """Sáp nhập: their plan, checklist or rating round of a year we hold one of (ours kept)."""
    applied: bool = False
    organization: dict[str, str] = field(default_factory=dict)
    handover: bool = False
    """The data had no organisation: the bundle's becomes this installation's."""
    merged_organization: bool = False
    merge_events: int = 0
    """Sáp nhập: the "Sáp nhập tổ chức Đoàn" events the merge writes in the history of the
    members it brings in (once per organisation merged); not in ``new``, which counts the
    file's rows, so that no table shows more new rows than the file holds."""
    replaced_setup: str | None = None
    """The name of the first-start setup the handover replaced (firststart.py), if it did."""
    evidence_new: int = 0
    """The bundle's evidence files copied into the store (a dry run: to be copied)."""
    evidence_present: int = 0
    """The bundle's evidence files the store held already."""
    evidence_skipped: int = 0
    """The bundle's evidence files no row taken names (their records not taken): not copied."""
    evidence_repaired: int = 0
    """Applied: the evidence files the store held damaged (another size, other bytes than their
    name says), replaced by the bundle's sound copies (counted in ``evidence_present``). A dry
    run: those of another size than the bundle's, to be replaced (one of the same size with other
    bytes is found only as the import compares them)."""
    unresolved: list[Conflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What the import decided by itself beyond the counts, in words (uncross.py)."""
    backup: BackupInfo | None = None
    """Applied: the backup of the data as they were before the import (what to restore if it
    was a mistake); None when it changed nothing but the exchange state (no backup taken)."""

    def changes_anything(self) -> bool:
        """Whether the import changes anything the secretary would see (as the import wizard
        counts it before offering "Nhập"): records added, updated or deleted, events of a sáp
        nhập, people matched, conflicts, notes, evidence files copied or repaired. The
        exchange state alone (what was agreed with the bundle's maker) is not such a change."""
        counts = sum(sum(c.values()) for c in (self.new, self.updated, self.deleted))
        return bool(
            counts or self.merge_events or self.matches or self.conflicts or self.notes
            or self.evidence_new or self.evidence_repaired
        )  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        return {
            "new": dict(self.new),
            "updated": dict(self.updated),
            "deleted": dict(self.deleted),
            "unchanged": dict(self.unchanged),
            "conflicts": [c.to_json() for c in self.conflicts],
            "applied": self.applied,
            "matches": [
                {
                    "mine": m.mine_id,
                    "theirs": m.theirs_id,
                    "reason": m.reason,
                    "full_name": m.full_name,
                    "birth_date": m.birth_date,
                    "filled": list(m.filled),
                    **({"mine_member": m.mine.to_json()} if m.mine else {}),
                    **({"theirs_member": m.theirs.to_json()} if m.theirs else {}),
                }
                for m in self.matches
            ],  # fmt: skip
            "branches": [
                {
                    "theirs": b.theirs_id,
                    "theirs_name": b.theirs_name,
                    "action": b.action,
                    "mine": b.mine_id,
                    "name": b.name,
                }
                for b in self.branches
            ],  # fmt: skip
            "years": [y.to_json() for y in self.years],
            "notes": list(self.notes),
            **({"replaced_setup": self.replaced_setup} if self.replaced_setup else {}),
            **({"merge_events": self.merge_events} if self.merged_organization else {}),
            **({"evidence_repaired": self.evidence_repaired} if self.evidence_repaired else {}),
            **({"backup": str(self.backup.path)} if self.backup is not None else {}),
        }

    def _count(self, bucket: dict[str, int], table: str) -> None:
        bucket[table] = bucket.get(table, 0) + 1

    def uncount(self, bucket: dict[str, int], table: str, by: int = 1) -> None:
        """Take back ``by`` rows counted in ``bucket`` (a row decided otherwise later)."""
        bucket[table] = bucket.get(table, 0) - by
        if bucket[table] <= 0:
            del bucket[table]


def unresolved_message(conflicts: list[Conflict]) -> str:
    """The refusal of an import that meets ``conflicts`` left without a choice: names each
    record and the fields left to the user (those changed on both sides, or of unknown side; a
    field changed on one side only has its side already). Records made apart on both copies
    (a plan of one year...) are named apart: one of the two is kept whole. Each list is in the
    order a secretary can follow, not the file's: kind by kind as the preview lists the tables,
    then by the record's label in Vietnamese order."""
    from ..lang.text import vn_number
    from .validate import NOTHING_WRITTEN

    ordered = sorted(conflicts, key=_named_order)
    edited = [c for c in ordered if not c.apart]
    apart = [c for c in ordered if c.apart]
    said = []
    if edited:
        shown = "; ".join(f"{c.label}: {_open_fields(c)}" for c in edited[:10])
        more = f" và {vn_number(len(edited) - 10)} bản ghi khác" if len(edited) > 10 else ""
        said.append(
            f"Có {vn_number(len(edited))} bản ghi đã được sửa ở cả hai nơi kể từ lần trao đổi "
            f"trước: {shown}{more}."
        )
    if apart:
        said.append(f"{APART_TEXT}: {'; '.join(c.label for c in apart)}. {APART_CHOICE}")
    return f"{' '.join(said)} Hãy chọn giữ bản của máy này hay lấy bản trong tệp. {NOTHING_WRITTEN}"


def _named_order(conflict: Conflict) -> tuple[int, str, str, str]:
    """Where ``conflict`` comes in :func:`unresolved_message`: its table as the preview lists
    the tables (labels.py), then its label collated the Vietnamese way, a number in it by its
    value ("số 9" before "số 10"), the id last so that two records of one label keep one
    order."""
    from ..lang.text import collation_key
    from .labels import TABLE_LABELS

    tables = list(TABLE_LABELS)
    kind = tables.index(conflict.table) if conflict.table in tables else len(tables)
    label = _NUMBER.sub(lambda number: number[0].zfill(20), conflict.label)
    return kind, conflict.table, collation_key(label), conflict.id


_NUMBER = re.compile(r"[0-9]+")


def _open_fields(conflict: Conflict) -> str:
    decided = conflict.defaults()
    return ", ".join(f.label for f in conflict.fields if f.name not in decided)
