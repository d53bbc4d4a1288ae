"""The local youth register (sổ theo dõi thanh niên): young people of the locality who are not
(yet) members, their situation, and the member who follows each up (the "1+1" drive).

The register is small (hundreds to a few thousand): search is done in memory over the stored
folded text, like the roster's. Admitting a young person (:meth:`YouthService.admit`) creates the
member, records the admission event and links the youth record to it, in one transaction; the
record is kept for history and leaves the active list.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, select
from sqlalchemy.orm import Session, aliased

from ..context import WorkspaceContext
from ..errors import ConflictError, ValidationError
from ..lang.dates import DAY, DateFormatError, format_vn_date, parse_vn_date
from ..lang.places import hamlet_key, hamlet_name
from ..lang.text import (
    collation_key,
    fold,
    name_case,
    name_sort_key,
    nfc,
    nfc_multiline_or_none,
    nfc_or_none,
)
from ..lifecycle.rules import ACTIVE_STATUSES, parse_day
from ..lifecycle.service import EventService
from ..roster.rules import youth_age_message
from ..roster.service import (
    AddedMember,
    MemberService,
    added_since_message,
    changed_since_message,
    derived_columns,
    live_events,
    member_fields,
)
from ..roster.validation import (
    _parse_birth,  # the member form's birth-date rules, shared
    full_name_error,
    normalize_phone,
    unknown_choice,
)
from ..roster.vocab import GENDERS, choice_code
from ..storage.live import find_live, get_live, is_live, set_deleted
from ..storage.models import Member, Youth

SORT_COLUMNS = ("name", "birth_date", "hamlet")
ADMITTED_FROM_REGISTER = "Kết nạp từ sổ theo dõi thanh niên."
"""The note of the admission event of a member admitted from the register (:meth:`admit`)."""
YES_WORDS = frozenset({"co", "x", "v", "1", "true", "yes", "y", "\u2713", "\u2714", "+", "*"})
NO_WORDS = frozenset({"khong", "khong co", "k", "0", "false", "no", "n", "-"})
"""A yes or a no, folded (:func:`fold`), in the form's boxes and in a hamlet's list."""
NO_RELIGION = NO_WORDS | {"khong ton giao", "khong theo", "khong theo ton giao"}
"""A tôn giáo cell that says the young person follows none, folded."""
MAJORITY = "kinh"
"""The majority ethnic group, folded: any other dân tộc written is an ethnic minority."""


def is_minority(ethnicity: str | None) -> bool:
    """Whether a young person of ``ethnicity`` is of an ethnic minority (criterion 1's list):
    a dân tộc written, other than Kinh (case and tones ignored)."""
    folded = fold(ethnicity or "").strip()
    return bool(folded) and folded != MAJORITY


def is_religious(religion: str | None) -> bool:
    """Whether a young person of ``religion`` follows one (criterion 1's list): a tôn giáo
    written, other than "Không" / "Không có" (case and tones ignored)."""
    folded = fold(religion or "").strip()
    return bool(folded) and folded not in NO_RELIGION


@dataclass(frozen=True)
class YouthFields:
    """Everything the youth form edits, validated and normalised (NFC)."""

    full_name: str
    birth_date: dt.date
    birth_precision: str = DAY
    gender: str | None = None
    hamlet: str | None = None
    address: str | None = None
    occupation: str | None = None
    working_away: bool = False
    away_place: str | None = None
    away_since: dt.date | None = None
    in_hardship: bool = False
    hardship_kind: str | None = None
    hardship_support: str | None = None
    ethnicity: str | None = None
    religion: str | None = None
    disability: str | None = None
    contact: str | None = None
    phone: str | None = None
    notes: str | None = None
    follow_up_member_id: str | None = None


YOUTH_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(YouthFields))
_TEXT_FIELDS = (
    "hamlet", "address", "occupation", "away_place", "hardship_kind", "ethnicity", "religion",
    "disability", "contact",
)  # fmt: skip


@dataclass(frozen=True)
class YouthFilter:
    """What the register shows: a search (tones and case ignored) and filters, combined.

    Admitted young people (now members) are hidden unless ``include_admitted``.
    """

    search: str = ""
    hamlet: str | None = None
    hardship_only: bool = False
    working_away_only: bool = False
    minority_only: bool = False
    """Only ethnic-minority youth: a dân tộc other than Kinh (:func:`is_minority`)."""
    religious_only: bool = False
    """Only religious youth: a tôn giáo other than "Không" (:func:`is_religious`)."""
    followed_only: bool = False
    """Only the young people a member follows up (the "1+1" drive's list, with the member):
    one chosen and still on the roster (:func:`follow_up_live`)."""
    unfollowed_only: bool = False
    """Only the young people no member follows yet (the "1+1" drive): none chosen, or one
    deleted from the roster since (:func:`follow_up_live`)."""
    include_admitted: bool = False


@dataclass(frozen=True)
class YouthRow:
    """One line of the youth register table."""

    id: str
    full_name: str
    birth_date: dt.date
    birth_precision: str
    gender: str | None
    hamlet: str | None
    occupation: str | None
    phone: str | None
    working_away: bool
    away_place: str | None
    in_hardship: bool
    hardship_kind: str | None
    follow_up_member_id: str | None
    follow_up_name: str | None
    admitted_member_id: str | None
    ethnicity: str | None = None
    religion: str | None = None


@dataclass(frozen=True)
class YouthRecord:
    """A young person with every field of the form."""

    id: str
    revision: int
    fields: YouthFields
    follow_up_name: str | None
    admitted_member_id: str | None


def hamlet_spellings(used: Iterable[tuple[str, int]]) -> dict[str, str]:
    """The spelling shown for each hamlet (by :func:`hamlet_key`), from the spellings ``used``
    and how many records use each: the most used; on a tie, a capitalised one (not one in
    capitals: "Ấp Tân Phú" before "ẤP TÂN PHÚ"), then one with its place word ("Ấp Tân Phú"
    before "Tân Phú")."""
    best: dict[str, str] = {}
    for hamlet, _ in sorted(used, key=lambda r: (
        -r[1], r[0] in (r[0].lower(), r[0].upper()), hamlet_name(r[0]) == r[0],
        collation_key(r[0]),
    )):  # fmt: skip
        best.setdefault(hamlet_key(hamlet), hamlet)
    return best


def admitted_live() -> ColumnElement[bool]:
    """Whether a young person's admission stands: the member it made is still on the roster. A
    member deleted since (an admission made by mistake, deleted from the roster rather than
    undone) puts the young person back among those not yet in the union, in the register and
    its statistics, and the admission can be made again."""
    return exists().where(Member.id == Youth.admitted_member_id, Member.deleted_at.is_(None))


def follow_up_live(follow: Any) -> ColumnElement[bool]:
    """The join of a young person to their follow-up member (1+1), ``follow`` an alias of
    :class:`Member`, while that member is on the roster. A member deleted since follows no one
    up: the register reads the young person as having no follow-up member (in its table, form,
    export and import) until the deletion is undone, which brings the link back, or the young
    person is saved without one. The stored link is not cleared by the deletion."""
    return and_(follow.id == Youth.follow_up_member_id, follow.deleted_at.is_(None))


def _hamlet_order(places: Iterable[str | None]) -> Callable[[tuple[str, str | None]], Any]:
    """The sort key of a (youth id, hamlet) pair for the hamlet column: the order of the
    filter's choices (:meth:`YouthService.hamlets`: the hamlet's name in Vietnamese order, the
    place word aside), every spelling of one hamlet together; no hamlet first. SQLite's own
    order of the stored text would put "Ấp …" and "Đông …" after "Xóm …" and split "ấp Tân
    Phú" from "Tân Phú"."""
    shown = hamlet_spellings(Counter(p for p in places if p).items())
    ranks = {key: i for i, key in enumerate(sorted(shown, key=lambda k: (
        collation_key(hamlet_name(shown[k])), collation_key(shown[k]))))}  # fmt: skip
    return lambda pair: ranks[hamlet_key(pair[1])] if pair[1] else -1


def yes_or_no(text: str | None) -> bool | None:
    """True for a yes ("Có", "x", "✓"…), False for a no ("Không", "Không có", "-"…), None for
    any other text (tones and case ignored)."""
    key = fold(text)
    return True if key in YES_WORDS else False if key in NO_WORDS else None


def _flag(raw: str) -> bool:
    return yes_or_no(raw) is True


def _with_flag(detail: str | None, flag: str) -> tuple[str | None, bool]:
    """A place of work away or a kind of hardship, and its flag. The form's field is the
    import's column ("Đi làm ăn xa (nơi)", "Hoàn cảnh khó khăn"), read the same way: a yes
    there says the fact without the detail, a no says there is none (not a place called
    "Không"); any other text is the detail, and implies its flag."""
    answer = yes_or_no(detail)
    if answer is not None:
        return None, answer
    return detail, _flag(flag) or bool(detail)


def parse_youth(raw: Mapping[str, str], today: dt.date | None = None) -> YouthFields:
    """Validate the raw text of the youth form; every problem is reported at once.

    Flags (``working_away``, ``in_hardship``) are true for a yes ("1", "x", "có"…); a hardship
    kind or a place of work away implies its flag, and a yes or a no typed there sets it
    (:func:`_with_flag`).
    """
    today = today or dt.date.today()
    text = {name: nfc(raw.get(name, "")) for name in YOUTH_FIELD_NAMES}
    errors: dict[str, str] = {}
    full_name = name_case(text["full_name"])
    if name_error := full_name_error(full_name):
        errors["full_name"] = name_error
    birth, precision = _parse_birth(text["birth_date"], today, errors)
    values: dict[str, object] = {name: nfc_or_none(text[name]) for name in _TEXT_FIELDS}
    for name in ("hardship_support", "notes"):
        values[name] = nfc_multiline_or_none(raw.get(name))  # keeps its line breaks
    values["gender"] = choice_code(GENDERS, text["gender"]) if text["gender"] else None
    if text["gender"] and values["gender"] is None:
        errors["gender"] = unknown_choice("Giới tính", text["gender"], GENDERS.values())
    values["away_since"] = parse_day(text["away_since"], "away_since", errors)
    if values["away_since"] and values["away_since"] > today:  # type: ignore[operator]
        errors["away_since"] = "Ngày đi làm ăn xa không thể sau ngày hôm nay."
    for detail, flag in (("away_place", "working_away"), ("hardship_kind", "in_hardship")):
        values[detail], values[flag] = _with_flag(values[detail], text[flag])  # type: ignore[arg-type]
    values["phone"] = None
    if text["phone"]:
        values["phone"] = normalize_phone(text["phone"])
        if values["phone"] is None:
            errors["phone"] = (
                "Số điện thoại không hợp lệ (10 chữ số, bắt đầu bằng 0, ví dụ 0912345678)."
            )
    values["follow_up_member_id"] = text["follow_up_member_id"] or None
    if errors:
        raise ValidationError(errors)
    assert birth is not None
    return YouthFields(full_name=full_name, birth_date=birth, birth_precision=precision, **values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class AddedYouth:
    """A young person as their add left them, read in its transaction (:meth:`YouthService.add`):
    what the undo of the add (:meth:`YouthService.take_back`) checks is still so."""

    youth_id: str
    fields: YouthFields


def _fields(row: Youth) -> YouthFields:
    return YouthFields(**{name: getattr(row, name) for name in YOUTH_FIELD_NAMES})


def register_fields(row: Youth, follow_id: str | None) -> YouthFields:
    """The fields of ``row`` as the register reads them, ``follow_id`` its follow-up member
    found on the roster (None for one deleted since: see :func:`follow_up_live`)."""
    fields_ = _fields(row)
    if fields_.follow_up_member_id == follow_id:
        return fields_
    return replace(fields_, follow_up_member_id=follow_id)


def _member_address(youth: Youth) -> str | None:
    """The member's "Ấp/thôn/khóm" line: the young person's address (house, group) then hamlet,
    the hamlet left out when the address already names it."""
    parts = [youth.address, youth.hamlet]
    if youth.address and youth.hamlet and fold(youth.hamlet) in fold(youth.address):
        parts = [youth.address]
    return ", ".join(p for p in parts if p) or None


def _member_notes(youth: Youth) -> str | None:
    """What the member record has no field for, in readable lines for the member's notes:
    disability, hardship (and the support received), work away from home, other contacts, then
    the register's own notes."""
    lines = []
    if youth.disability:
        lines.append(f"Khuyết tật: {youth.disability}")
    support = "; ".join(
        line.strip() for line in (youth.hardship_support or "").splitlines() if line.strip()
    )  # on one line, in the brackets
    if youth.in_hardship or youth.hardship_kind or support:
        line = "Hoàn cảnh khó khăn" + (f": {youth.hardship_kind}" if youth.hardship_kind else "")
        lines.append(line + (f" (đã hỗ trợ: {support})" if support else ""))
    if youth.working_away or youth.away_place:
        line = "Đi làm ăn xa" + (f": {youth.away_place}" if youth.away_place else "")
        since = f" (từ {format_vn_date(youth.away_since)})" if youth.away_since else ""
        lines.append(line + since)
    if youth.contact:
        lines.append(f"Liên hệ khác: {youth.contact}")
    if youth.notes:
        lines.append(youth.notes)
    return "\n".join(lines) or None


def youth_search_text(full_name: str, phone: str | None) -> str:
    """The stored search text of a young person: the folded name and the phone."""
    return " ".join(p for p in (fold(full_name), phone) if p)


def _search_text(fields_: YouthFields) -> str:
    return youth_search_text(fields_.full_name, fields_.phone)


class YouthService:
    """The youth register of the workspace's organisation."""

    def __init__(self, ctx: WorkspaceContext, members: MemberService, events: EventService) -> None:
        self._ctx = ctx
        self._members = members
        self._events = events

    # Reading -----------------------------------------------------------------------------

    def ids(
        self, flt: YouthFilter | None = None, sort: str = "name", descending: bool = False
    ) -> list[str]:
        """Ids of the young people shown by ``flt``, in order (default: Vietnamese name order)."""
        if sort not in SORT_COLUMNS:
            raise ValueError(f"unknown sort column {sort!r}")
        flt = flt or YouthFilter()
        stmt = select(
            Youth.id, Youth.search_text, Youth.hamlet, Youth.ethnicity, Youth.religion
        ).where(is_live(Youth, self._ctx.organization_id))
        if not flt.include_admitted:
            stmt = stmt.where(~admitted_live())
        if flt.hardship_only:
            stmt = stmt.where(Youth.in_hardship.is_(True))
        if flt.working_away_only:
            stmt = stmt.where(Youth.working_away.is_(True))
        if flt.followed_only or flt.unfollowed_only:
            follow = aliased(Member)
            followed = select(follow.id).where(follow_up_live(follow)).exists()
            if flt.followed_only:
                stmt = stmt.where(followed)
            if flt.unfollowed_only:
                stmt = stmt.where(~followed)
        if sort == "birth_date":
            stmt = stmt.order_by(Youth.birth_date)
        stmt = stmt.order_by(Youth.sort_key, Youth.birth_date, Youth.id)
        # Words match from their start ("an" finds An, Anh, not Trần or Văn), digits anywhere
        # (the last digits of a phone number): the roster's rule (:mod:`..roster.index`).
        needles = [t if t.isdigit() else " " + t for t in fold(flt.search).split()]
        hamlet = hamlet_key(flt.hamlet) if flt.hamlet else None
        with self._ctx.db.read() as session:
            rows = session.execute(stmt).all()
        kept = [
            (youth_id, place)
            for youth_id, text, place, ethnicity, religion in rows
            if all(n in " " + text for n in needles)
            and (hamlet is None or hamlet_key(place) == hamlet)
            and (not flt.minority_only or is_minority(ethnicity))
            and (not flt.religious_only or is_religious(religion))
        ]
        if sort == "hamlet":
            kept.sort(key=_hamlet_order([place for _, place in kept]))  # stable: names break ties
        ids = [youth_id for youth_id, _ in kept]
        return ids[::-1] if descending else ids

    def hamlets(self) -> list[str]:
        """The hamlets used in the register, for the filter's choices, in the Vietnamese order
        of their names (the place word left aside).

        Spellings of one hamlet (:func:`hamlet_key`: case, tones and a leading "ấp", "khu
        phố"... ignored; the filter ignores them too) are one choice, shown as its most used
        spelling; on a tie, a capitalised one, then one with its place word ("Ấp Tân Phú").
        """
        with self._ctx.db.read() as session:
            spellings = self._hamlet_spellings(session)
        return sorted(
            spellings.values(),
            key=lambda h: (collation_key(hamlet_name(h)), collation_key(h)),
        )

    def _hamlet_spellings(self, session: Session) -> dict[str, str]:
        """The register's spelling of each hamlet it uses, by :func:`hamlet_key`
        (:func:`hamlet_spellings`)."""
        stmt = (
            select(Youth.hamlet, func.count())
            .where(is_live(Youth, self._ctx.organization_id), Youth.hamlet.is_not(None))
            .group_by(Youth.hamlet)
        )
        return hamlet_spellings((h, int(n)) for h, n in session.execute(stmt) if h)

    def rows(self, ids: Sequence[str]) -> list[YouthRow]:
        """Rows for ``ids`` in the same order; ids that no longer exist are left out."""
        follow = aliased(Member)
        found: dict[str, YouthRow] = {}
        with self._ctx.db.read() as session:
            for start in range(0, len(ids), 900):
                stmt = (
                    select(Youth, follow.id, follow.full_name, admitted_live())
                    .outerjoin(follow, follow_up_live(follow))
                    .where(Youth.id.in_(ids[start : start + 900]))
                )
                for y, follow_id, follow_name, admitted in session.execute(stmt):
                    found[y.id] = YouthRow(
                        y.id, y.full_name, y.birth_date, y.birth_precision, y.gender, y.hamlet,
                        y.occupation, y.phone, y.working_away, y.away_place, y.in_hardship,
                        y.hardship_kind, follow_id, follow_name,
                        y.admitted_member_id if admitted else None, y.ethnicity, y.religion,
                    )  # fmt: skip
        return [found[i] for i in ids if i in found]

    def list(self, flt: YouthFilter | None = None, sort: str = "name") -> list[YouthRow]:
        return self.rows(self.ids(flt, sort))

    def count(self, flt: YouthFilter | None = None) -> int:
        return len(self.ids(flt))

    def get(self, youth_id: str) -> YouthRecord:
        """A young person with every field, a follow-up member deleted from the roster read as
        none (:func:`follow_up_live`)."""
        with self._ctx.db.read() as session:
            row = self._get(session, youth_id)
            follow = find_live(session, Member, row.follow_up_member_id, self._ctx.organization_id)
            return YouthRecord(
                row.id, row.revision, register_fields(row, follow.id if follow else None),
                follow.full_name if follow else None, self._admitted(session, row),
            )  # fmt: skip

    # Checking ----------------------------------------------------------------------------

    def validate(self, raw: Mapping[str, str]) -> YouthFields:
        """The youth form's values checked as :meth:`save` checks them, nothing written: raises
        :class:`ValidationError` with every problem."""
        return parse_youth(raw)

    def warnings(self, raw: Mapping[str, str]) -> dict[str, str]:
        """What is allowed in ``raw`` but unusual, by field: the form asks before saving. Today:
        a birth date outside the union's ages (:func:`~..roster.rules.youth_age_message`, with
        the organisation's coming-of-age age). The youth import warns with the same words."""
        try:
            birth, precision = parse_vn_date(nfc(raw.get("birth_date", "")), allow_year=True)
        except DateFormatError:
            return {}  # an error, which validate() reports
        message = youth_age_message(birth, precision, dt.date.today(), self._ctx.coming_of_age())
        return {} if message is None else {"birth_date": message}

    # Writing -----------------------------------------------------------------------------

    def save(self, raw: Mapping[str, str], youth_id: str | None = None) -> str:
        """Validate and write one young person (new when ``youth_id`` is None); returns the id."""
        return self._write(parse_youth(raw), youth_id)[0]

    def add(self, raw: Mapping[str, str]) -> AddedYouth:
        """Add a young person as :meth:`save` does; returns the record as the add left it: what
        its undo (:meth:`take_back`) checks before taking it back."""
        youth_id, _, after = self._write(parse_youth(raw), None)
        return AddedYouth(youth_id, after)

    def take_back(self, added: AddedYouth) -> None:
        """Undo an add: soft-delete the record (:meth:`bring_back` restores it), provided it is
        still as the add left it: one edited or admitted into the union since is refused
        (:class:`ConflictError`), a deleted one too (:class:`NotFoundError`)."""
        with self._ctx.db.transaction() as session:
            row = self._get(session, added.youth_id)
            if _fields(row) != added.fields or self._admitted(session, row):
                raise ConflictError(added_since_message("thanh niên", row.full_name))
            set_deleted(session, Youth, [row.id], self._ctx.organization_id, deleted=True)

    def bring_back(self, added: AddedYouth) -> None:
        """Redo an add taken back by :meth:`take_back`: restore the record."""
        self.restore([added.youth_id])

    def edit(self, raw: Mapping[str, str], youth_id: str) -> tuple[YouthFields, YouthFields]:
        """Save a young person of the register as :meth:`save` does; returns the fields before
        and after the write, read in its transaction (equal when nothing changed): what the undo
        of the edit writes back with :meth:`put_back`."""
        _, before, after = self._write(parse_youth(raw), youth_id)
        assert before is not None
        return before, after

    def put_back(self, youth_id: str, fields_: YouthFields, expected: YouthFields) -> None:
        """Write ``fields_`` (from :meth:`edit`) over the young person's, provided they are still
        ``expected``: the undo of an edit (``fields_`` before it, ``expected`` after it) and its
        redo (the other way round). A later change is never overwritten: a record edited again
        since is refused (:class:`ConflictError`), as is a deleted one (:class:`NotFoundError`)
        or a follow-up member no longer in the roster (:class:`ValidationError`, as on saving).
        """
        self._write(fields_, youth_id, expected)

    def _write(
        self, fields_: YouthFields, youth_id: str | None, expected: YouthFields | None = None
    ) -> tuple[str, YouthFields | None, YouthFields]:
        """Write ``fields_`` (a new record when ``youth_id`` is None, then only if its fields are
        ``expected`` when given); returns the id and the fields before (None when new) and after.
        """
        values = asdict(fields_)
        with self._ctx.db.transaction() as session:
            # as the register reads them (a follow-up member deleted since: none), so that the
            # undo of an edit writes back what the form showed
            before = (
                None if youth_id is None else self._as_read(session, self._get(session, youth_id))
            )
            if (
                expected is not None
                and before is not None
                and before != self._as_read(session, expected)
            ):
                raise ConflictError(changed_since_message("thanh niên", before.full_name))
            follow_id = values["follow_up_member_id"]
            org = self._ctx.organization_id
            if follow_id and find_live(session, Member, follow_id, org) is None:
                raise ValidationError(
                    {"follow_up_member_id": "Đoàn viên theo dõi không có trong danh sách."}
                )
            if expected is None:  # typed in the form (an undo writes back what was there)
                values["hamlet"] = self._as_registered(session, values["hamlet"], before)
            values["sort_key"] = name_sort_key(values["full_name"])
            values["search_text"] = _search_text(fields_)
            if youth_id is None:
                row = Youth(organization_id=self._ctx.organization_id, **values)
                session.add(row)
            else:
                row = self._get(session, youth_id)
                for name, value in values.items():
                    if getattr(row, name) != value:
                        setattr(row, name, value)
            session.flush()
            return row.id, before, _fields(row)

    def _as_registered(
        self, session: Session, hamlet: str | None, before: YouthFields | None
    ) -> str | None:
        """The hamlet typed, in the register's spelling when the register knows it ("tân hưng",
        "ap tan hung" -> "Ấp Tân Hưng"), as the import gives it a new young person
        (:mod:`.sheet_import`): one hamlet is not printed three ways. The record's own hamlet
        respelt (a correction: "Ấp Tân Hung" -> "Ấp Tân Hưng") and a new hamlet stay as typed."""
        if not hamlet or (before is not None and hamlet_key(before.hamlet) == hamlet_key(hamlet)):
            return hamlet
        return self._hamlet_spellings(session).get(hamlet_key(hamlet), hamlet)

    def _as_read(self, session: Session, record: Youth | YouthFields) -> YouthFields:
        """A record's fields as the register reads them: a follow-up member deleted from the
        roster read as none (:func:`register_fields`)."""
        fields_ = _fields(record) if isinstance(record, Youth) else record
        follow_id = fields_.follow_up_member_id
        if follow_id and find_live(session, Member, follow_id, self._ctx.organization_id) is None:
            return replace(fields_, follow_up_member_id=None)
        return fields_

    def delete(self, youth_ids: Sequence[str]) -> int:
        """Soft-delete (tombstone) young people; returns how many. Undone by :meth:`restore`."""
        return self._set_deleted(youth_ids, deleted=True)

    def restore(self, youth_ids: Sequence[str]) -> int:
        return self._set_deleted(youth_ids, deleted=False)

    def admit(
        self,
        youth_id: str,
        admission_date: dt.date | str,
        place: str | None,
        branch_id: str | None,
        number: str | None = None,
        introducer_id: str | None = None,
    ) -> str:
        """Admit a young person into the union: one transaction creates the member (checked by
        the roster's rules), records the admission event (noted :data:`ADMITTED_FROM_REGISTER`),
        and links the youth record to the member (kept, hidden from the active list). Returns
        the new member's id.

        The member gets the young person's gender, ethnicity, religion, phone, occupation and
        address (address then hamlet, in "Ấp/thôn/khóm"); what the member record has no field for
        (disability, hardship and the support received, work away, other contacts, the
        register's notes) goes into the member's notes, one readable line each.

        ``introducer_id`` (None) defaults to the member who followed the young person up (1+1),
        while a member of the active roster; "" records no introducer.
        """
        return self.admit_undoable(
            youth_id, admission_date, place, branch_id, number, introducer_id
        ).member_id

    def admit_undoable(
        self,
        youth_id: str,
        admission_date: dt.date | str,
        place: str | None,
        branch_id: str | None,
        number: str | None = None,
        introducer_id: str | None = None,
    ) -> AddedMember:
        """:meth:`admit`; returns the new member as the admission left them (their fields and
        the admission event), what its undo (:meth:`take_back_admission`) checks."""
        with self._ctx.db.read() as session:
            youth = self._get(session, youth_id)
            if self._admitted(session, youth):
                raise ConflictError(f"{youth.full_name} đã được kết nạp Đoàn.")
            errors: dict[str, str] = {}
            day = parse_day(admission_date, "admission_date", errors)
            if errors:
                raise ValidationError(errors)
            if day is None:
                raise ValidationError({"admission_date": "Cần nhập ngày kết nạp."})
            raw = {
                "full_name": youth.full_name,
                "birth_date": format_vn_date(youth.birth_date, youth.birth_precision),
                "gender": youth.gender or "",
                "address_hamlet": _member_address(youth) or "",
                "ethnicity": youth.ethnicity or "",
                "religion": youth.religion or "",
                "occupation": youth.occupation or "",
                "phone": youth.phone or "",
                "branch_id": branch_id or "",
                "admission_date": format_vn_date(day),
                "admission_place": place or "",
                "position": "Đoàn viên",
                "notes": _member_notes(youth) or "",
            }
            if introducer_id is None:  # none chosen: the follow-up member, while active
                follow = find_live(
                    session, Member, youth.follow_up_member_id, self._ctx.organization_id
                )
                if follow is not None and follow.status in ACTIVE_STATUSES:
                    introducer_id = follow.id
        fields_ = self._members.validate(raw)  # the roster's rules, including the age window
        values = asdict(fields_)
        values.update(derived_columns(fields_.full_name, None, None, fields_.phone))
        with self._ctx.db.transaction() as session:
            member = Member(organization_id=self._ctx.organization_id, **values)
            session.add(member)
            session.flush()
            details: dict[str, object] = {"place": place}
            if introducer_id:
                details["introducer_id"] = introducer_id
            self._events.record_in(
                session, member.id, "admission", day, number, ADMITTED_FROM_REGISTER, details
            )
            youth = self._get(session, youth_id)
            youth.admitted_member_id = member.id
            session.flush()
            return AddedMember(member.id, member_fields(member), live_events(session, member.id))

    def take_back_admission(self, youth_id: str, added: AddedMember) -> None:
        """Undo an admission (:meth:`admit_undoable`): soft-delete the member it created, as
        :meth:`MemberService.take_back` does (refused likewise when they were edited or had
        events recorded since), and put the young person back in the register's active list."""
        with self._ctx.db.transaction() as session:
            youth = self._get(session, youth_id)
            self._members.take_back_in(session, added)
            if youth.admitted_member_id == added.member_id:
                youth.admitted_member_id = None

    def bring_back_admission(self, youth_id: str, added: AddedMember) -> None:
        """Redo an admission taken back: restore the member and link the young person to them
        again; refused when the young person was admitted meanwhile (:class:`ConflictError`)."""
        with self._ctx.db.transaction() as session:
            youth = self._get(session, youth_id)
            if self._admitted(session, youth) not in (None, added.member_id):
                raise ConflictError(f"{youth.full_name} đã được kết nạp Đoàn.")
            self._members.restore_in(session, [added.member_id])
            youth.admitted_member_id = added.member_id

    def _set_deleted(self, youth_ids: Sequence[str], deleted: bool) -> int:
        with self._ctx.db.transaction() as session:
            return set_deleted(session, Youth, youth_ids, self._ctx.organization_id, deleted)

    def _admitted(self, session: Session, youth: Youth) -> str | None:
        """The member the young person's admission made, if still on the roster (see
        :func:`admitted_live`)."""
        member_id = youth.admitted_member_id
        if member_id and find_live(session, Member, member_id, self._ctx.organization_id):
            return member_id
        return None

    def _get(self, session: Session, youth_id: str) -> Youth:
        return get_live(
            session, Youth, youth_id, self._ctx.organization_id,
            "Không tìm thấy thanh niên trong sổ theo dõi (có thể đã bị xóa).",
        )  # fmt: skip
