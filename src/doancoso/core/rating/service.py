"""The rating round of a year: who is rated (and why not), each member's figures, the suggested
level, the self-assessment, the chi đoàn's proposal, the decided level and remark; closing and
reopening; the chi đoàn's and the organisation's own levels; the results by level.

A round keeps the rules it was opened with (a later change of the rules never rewrites a past
year). A closed round refuses every change (:class:`ConflictError`) until it is reopened; its
decided levels then show in each member's history (:meth:`RatingService.member_history`).
The grid is read by :mod:`.grid`, with the rules this service gives it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from typing import Any, NamedTuple

from sqlalchemy import insert, or_, select, update
from sqlalchemy.orm import Session

from ..activities.participation import ParticipationService
from ..context import WorkspaceContext
from ..errors import ConflictError, NotFoundError, ValidationError
from ..lang.dates import check_year
from ..lang.text import (
    collation_key,
    nfc_multiline_or_none,
    one_decimal,
    percent_cell,
    vn_number,
)
from ..lifecycle.periods import active_periods, from_admission_age
from ..roster.branches import UNASSIGNED
from ..storage.live import is_live
from ..storage.models import (
    BranchRating,
    Member,
    Rating,
    RatingRound,
    new_id,
    utc_now,
)
from ..storage.settings import put_setting, setting_row, setting_value
from .decision import Decision, DecisionRecords
from .eligibility import (
    arrivals,
    closing_of,
    deleted_at_closing,
    deleted_events,
    event_versions,
    reason_in,
    round_day,
    standing,
)
from .grid import covered_ids, read_rows
from .names import told_apart
from .records import (
    CLOSED,
    DELETED_EVENTS,
    EVENT_REVISIONS,
    LEVEL_FIELDS,
    OPEN,
    REVISIONS,
    LevelCounts,
    RatingRow,
    RoundInfo,
    append_history,
    history_entries,
    kept_text,
    level_counts,
    not_rated_reason,
    parse_fields,
    parse_level_field,
)
from .rules import (
    LEVELS,
    RatingRules,
    ceiling,
    default_rules,
    parse_rules,
    percent_text,
)
from .since import COUNTS, PERIODS, counts_kept, periods_kept

__all__ = [
    "CLOSED", "OPEN", "RATING_TABLES", "LevelCounts", "RatingHistory", "RatingRow", "RatingService",
    "RoundInfo", "not_rated_reason",
]  # fmt: skip

RULES_KEY = "rating_rules"
RATING_TABLES = ("ratings", "rating_rounds", "branch_ratings", "settings")
NAMED_ABOVE_CEILING = 10
"""How many members decided above their cap the warning before closing names (then a count)."""


class RatingHistory(NamedTuple):
    """A closed round in a member's history: the level it decided, or None with the reason
    the round did not rate the member."""

    year: int
    level: int | None
    remark: str | None
    reason: str | None = None


class RatingService:
    """The rating rounds of the workspace's organisation."""

    def __init__(self, ctx: WorkspaceContext, participation: ParticipationService) -> None:
        self._ctx = ctx
        self._participation = participation

    # Rules ---------------------------------------------------------------------------------

    def rules(self, year: int | None = None) -> RatingRules:
        """The rules new rounds open with: the organisation's, else the shipped default (also
        before the organisation is set up: the rules dialog shows them); for the round of
        ``year``, the default outside its period named as carried over, or as used for a year
        before it (:func:`default_rules`, told by :func:`~.rules.carried_over`)."""
        if not self._ctx.has_organization:
            return default_rules(year)
        with self._ctx.db.read() as session:
            text = setting_value(session, self._ctx.organization_id, RULES_KEY)
            return parse_rules(text) if text is not None else default_rules(year)

    def set_rules(self, text: str) -> RatingRules:
        """Replace the organisation's rules by ``text`` (a rules file): refused whole, naming the
        line, if anything is wrong; rounds already open keep theirs."""
        rules = parse_rules(text)
        with self._ctx.db.transaction() as session:  # the text as read: composed (NFC)
            put_setting(session, self._ctx.organization_id, RULES_KEY, rules.text)
        return rules

    def reset_rules(self) -> None:
        """Back to the shipped default rules."""
        with self._ctx.db.transaction() as session:
            row = setting_row(session, self._ctx.organization_id, RULES_KEY)
            if row is not None:
                row.deleted_at = utc_now()

    # The round -----------------------------------------------------------------------------

    def round(self, year: int) -> RoundInfo | None:
        with self._ctx.db.read() as session:
            row = self._find(session, year)
            return self._info(row) if row is not None else None

    def open(self, year: int) -> RoundInfo:
        """The round of ``year``, made with the rules in force if it does not exist yet."""
        check_year(year)
        rules = self.rules(year)
        with self._ctx.db.transaction() as session:
            row = self._find(session, year)
            if row is None:
                row = RatingRound(
                    organization_id=self._ctx.organization_id,
                    year=year,
                    state=OPEN,
                    rules=rules.text,
                    history="[]",
                )
                session.add(row)
                session.flush()
            return self._info(row)

    def rows(
        self, year: int, branch_id: str | None = None, as_of: dt.date | None = None
    ) -> list[RatingRow]:
        """Every member on the active roster at some time in ``year``, in name order (of one
        chi đoàn when ``branch_id`` is given; "" for the members in none, or in one deleted, as
        the page's filter shows them), with eligibility, figures and levels. A year whose round
        is not opened yet shows with the rules in force; nothing is written."""
        check_year(year)
        info = self.round(year)
        rules = info.rules if info is not None else self.rules(year)
        round_id = info.id if info is not None else ""
        return read_rows(self._ctx, self._participation, rules, round_id, year, branch_id, as_of)

    def covered(self, year: int, as_of: dt.date | None = None) -> set[str]:
        """The ids of the members the year's round covers: the eligible of :meth:`rows`,
        without their figures (no participation counted; what the checklist's remarks share
        counts over)."""
        check_year(year)
        info = self.round(year)
        rules = info.rules if info is not None else self.rules(year)
        return covered_ids(self._ctx, rules, year, as_of)

    def set(self, year: int, member_id: str, raw: Mapping[str, Any]) -> None:
        """Change one member's figures or levels: keys among ``participation`` (85, "85%",
        empty to use the attendance), ``training_registered`` (bool), ``training_result``,
        :data:`LEVEL_FIELDS` (1–4 or a level's name, empty to clear), :data:`TEXT_FIELDS`,
        ``sick_months`` (0–12, empty or 0 for none) and ``dues_unpaid`` ("có"/"không", a bool).
        Every problem at once; a closed round refuses."""
        values = parse_fields(raw)
        with self._ctx.db.transaction() as session:
            round_row = self._editable(session, year)
            member = session.get(Member, member_id)
            if (
                member is None
                or member.deleted_at is not None
                or member.organization_id != self._ctx.organization_id
            ):
                raise NotFoundError("Không tìm thấy đoàn viên (có thể đã bị xóa).")
            row = self._saved_rating(session, round_row, member_id)
            if row is None:
                if not self._in_year(session, member, year):
                    # Not in the round (left before the year, admitted after it: a year
                    # mistyped). A rating already saved stays editable: the round shows it.
                    raise NotFoundError(
                        f"{member.full_name} không có trong đợt xếp loại năm {year}: không sinh "
                        "hoạt tại đơn vị trong năm này."
                    )
                row = self._new_rating(session, round_row, member_id)
            for name, value in values.items():
                if getattr(row, name) != value:
                    setattr(row, name, value)

    def set_many(
        self,
        year: int,
        changes: Mapping[str, Mapping[str, Any]],
        seen: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> int:
        """Change several members' fields (as :meth:`set` takes them) in one transaction: all
        or nothing. ``seen`` holds the stored values the caller read (an import's preview): if
        one of them has changed since, nothing is written (:class:`ConflictError`). Returns
        how many members changed."""
        parsed = {member_id: parse_fields(raw) for member_id, raw in changes.items()}
        changed = 0
        with self._ctx.db.transaction() as session:
            round_row = self._editable(session, year)
            existing = {
                r.member_id: r
                for r in session.scalars(
                    select(Rating).where(is_live(Rating), Rating.round_id == round_row.id)
                )
            }
            known = set(
                session.scalars(select(Member.id).where(is_live(Member, self._ctx.organization_id)))
            )
            for member_id, expected in (seen or {}).items():
                row = existing.get(member_id)
                if any((getattr(row, f) if row else None) != v for f, v in expected.items()):
                    raise ConflictError(
                        f"Dữ liệu xếp loại năm {year} đã thay đổi sau khi xem trước. Hãy xem "
                        "trước lại rồi nhập; chưa có gì được ghi."
                    )
            for member_id, values in parsed.items():
                if member_id not in known:
                    raise NotFoundError("Không tìm thấy đoàn viên (có thể đã bị xóa).")
                row = existing.get(member_id)
                if row is None:
                    row = Rating(
                        organization_id=round_row.organization_id,
                        round_id=round_row.id,
                        member_id=member_id,
                    )
                    session.add(row)
                    existing[member_id] = row
                differs = [(n, v) for n, v in values.items() if getattr(row, n) != v]
                for name, value in differs:
                    setattr(row, name, value)
                changed += bool(differs)
        return changed

    def set_levels(self, year: int, field: str, levels: Mapping[str, int | None]) -> int:
        """Set one level column for many members at once (the grid's bulk actions); returns
        how many changed.

        Written as a few bulk statements (one UPDATE per level, one INSERT of the new rows),
        not ORM objects: 2,000 levels in one action."""
        if field not in LEVEL_FIELDS:
            raise ValueError(f"not a level field: {field}")
        for level in levels.values():
            if level is not None and level not in LEVELS:
                raise ValidationError({field: "Mức xếp loại phải từ 1 đến 4."})
        column = getattr(Rating, field)
        with self._ctx.db.transaction() as session:
            round_row = self._editable(session, year)
            existing = {
                member_id: (rating_id, value)
                for member_id, rating_id, value in session.execute(
                    select(Rating.member_id, Rating.id, column).where(
                        is_live(Rating), Rating.round_id == round_row.id
                    )
                )
            }
            known = set(
                session.scalars(select(Member.id).where(is_live(Member, self._ctx.organization_id)))
            )
            changed: dict[int | None, list[str]] = defaultdict(list)
            new_rows: list[dict[str, Any]] = []
            for member_id, level in levels.items():
                if member_id not in known:
                    raise NotFoundError("Không tìm thấy đoàn viên (có thể đã bị xóa).")
                found = existing.get(member_id)
                if found is None:
                    if level is not None:
                        org = round_row.organization_id
                        new_rows.append({"id": new_id(), "organization_id": org,
                                         "round_id": round_row.id, "member_id": member_id,
                                         field: level})  # fmt: skip
                elif found[1] != level:
                    changed[level].append(found[0])
            for level, ids in changed.items():
                for chunk in range(0, len(ids), 900):
                    session.execute(
                        update(Rating)
                        .where(Rating.id.in_(ids[chunk : chunk + 900]))
                        .values({field: level})
                    )
            if new_rows:
                session.execute(insert(Rating), new_rows)
        return len(new_rows) + sum(len(ids) for ids in changed.values())

    def accept(self, year: int, source: str, branch_id: str | None = None) -> int:
        """Decide the eligible members not decided yet from the chi đoàn's ``proposals`` or
        the app's ``suggestions``; returns how many were decided."""
        levels: dict[str, int | None] = dict(self.levels_to_accept(year, source, branch_id))
        return self.set_levels(year, "decided_level", levels)

    def levels_to_accept(
        self,
        year: int,
        source: str,
        branch_id: str | None = None,
        rows: list[RatingRow] | None = None,
    ) -> dict[str, int]:
        """What :meth:`accept` would decide: member → the proposed or suggested level, for the
        eligible members not decided yet that have one (the GUI keeps them for its undo).
        ``rows``: the year's :meth:`rows` when the caller has just read them (not read twice)."""
        if source not in ("proposals", "suggestions"):
            raise ValueError(source)
        if rows is None:
            rows = self.rows(year, branch_id)
        elif branch_id is not None:
            rows = [r for r in rows if r.branch_id == branch_id]
        levels = {
            r.member_id: (r.proposed_level if source == "proposals" else r.suggested)
            for r in rows
            if r.eligible and r.decided_level is None
        }
        return {m: lv for m, lv in levels.items() if lv is not None}

    def close_warnings(self, year: int) -> list[str]:
        """What the secretary should know before closing: members not decided, a share of
        level 1 over the rules' cap. The app warns; people decide."""
        info = self.round(year)
        cap_rules = info.rules if info is not None else self.rules(year)
        everyone = self.rows(year)
        rows = [r for r in everyone if r.eligible]
        warnings = []
        undecided = sum(1 for r in rows if r.decided_level is None)
        if undecided:
            warnings.append(
                f"Còn {vn_number(undecided)} đoàn viên chưa có mức xếp loại do Ban Chấp hành "
                "quyết định."
            )
        cap = cap_rules.level1_cap_percent
        decided = [r for r in rows if r.decided_level is not None]
        if cap is not None and decided:
            # Decided as the share prints (one decimal, adding to 100,0 with the other levels',
            # as the decision writes it): 20,0% does not exceed a cap of 20%, whatever lies
            # beyond the decimal; the 33,4% of three thirds does exceed 33,3%.
            share = level_counts(None, "", rows).shares[1]
            if share > one_decimal(cap):
                warnings.append(
                    f"Tỉ lệ “{LEVELS[1]}” là {percent_cell(share)}, vượt giới hạn "
                    f"{percent_text(cap)} trong quy tắc."
                )
        over = above_ceiling(cap_rules, rows, told_apart(everyone))
        if over:
            named = over[:NAMED_ABOVE_CEILING]  # the question stays within the screen
            if len(over) > len(named):
                named.append(f"  – và {vn_number(len(over) - len(named))} đoàn viên khác")
            warnings.append(
                f"Có {vn_number(len(over))} đoàn viên được quyết định mức cao hơn mức quy tắc cho "
                "phép:\n" + ";\n".join(named) + "."
            )
        return warnings

    def close(self, year: int) -> None:
        """Close the round: read-only from now on; the decided levels join the members' history.
        A checked backup is taken first (a closing is the year's record: #12). A year without a
        round is refused (:class:`NotFoundError`), as :meth:`reopen` refuses it."""
        from ..backup.store import BACKUP_FOLDER, take_backup

        self._ctx.db.require_writable()
        with self._ctx.db.read() as session:
            if self._find(session, year) is None:  # a year mistyped: no round made to close
                raise NotFoundError(f"Chưa có đợt xếp loại năm {year}.")
            self._editable_read(session, year)  # refused before the backup if it cannot close
        # The figures the round is closed with, and the members' periods they were counted
        # over: a change since is told by them (since.py).
        with self._ctx.db.read() as session:
            periods = active_periods(session, self._ctx.organization_id)
        counts = self._participation.counts(year, round_day(year), periods)
        db = self._ctx.db
        take_backup(db.path, db.path.parent / BACKUP_FOLDER, "truoc-ket-thuc-xep-loai")
        with self._ctx.db.transaction(bulk=True) as session:
            row = self._editable(session, year)
            # Each member's version now, and their events': an edit since is told from the events
            # written since, which write the record too (eligibility.changed_since).
            versions = session.execute(
                select(Member.id, Member.revision).where(is_live(Member, self._ctx.organization_id))
            )
            revisions = kept_text({member_id: revision for member_id, revision in versions})
            events = kept_text(event_versions(session, self._ctx.organization_id))
            # The events deleted now: one brought back since is not the round's.
            deleted = kept_text(deleted_events(session, self._ctx.organization_id))
            kept = {REVISIONS: revisions, EVENT_REVISIONS: events, DELETED_EVENTS: deleted,
                    COUNTS: counts_kept(counts), PERIODS: periods_kept(periods, year)}  # fmt: skip
            row.state = CLOSED
            row.closed_at = utc_now()
            row.history = append_history(row.history, "close", kept)

    def reopen(self, year: int) -> None:
        """Reopen a closed round (the GUI asks first; the command is its own confirmation);
        recorded in the round's history."""
        with self._ctx.db.transaction(bulk=True) as session:
            row = self._find(session, year)
            if row is None:
                raise NotFoundError(f"Chưa có đợt xếp loại năm {year}.")
            if row.state != CLOSED:
                raise ConflictError(f"Đợt xếp loại năm {year} đang mở.")
            row.state = OPEN
            row.closed_at = None
            row.history = append_history(row.history, "reopen")

    # The decision ---------------------------------------------------------------------------

    def decision(self, year: int) -> Decision | None:
        """The decision recognising the results of ``year`` as issued (:mod:`.decision`)."""
        return DecisionRecords(self._ctx).get(year)

    def record_decision(self, year: int, number: str, issued_on: dt.date) -> Decision:
        """Record the number and date the decision of ``year`` was issued with."""
        return DecisionRecords(self._ctx).record(year, number, issued_on)

    # The chi đoàn and the organisation -----------------------------------------------------

    def set_branch_level(
        self, year: int, branch_id: str, level: int | str | None, remark: str | None = None
    ) -> None:
        parsed = parse_level_field(level, "level")
        with self._ctx.db.transaction() as session:
            round_row = self._editable(session, year)
            row = session.scalar(
                select(BranchRating).where(
                    is_live(BranchRating),
                    BranchRating.round_id == round_row.id,
                    BranchRating.branch_id == branch_id,
                )
            )
            if row is None:
                row = BranchRating(
                    organization_id=round_row.organization_id,
                    round_id=round_row.id,
                    branch_id=branch_id,
                )
                session.add(row)
            row.level, row.remark = parsed, nfc_multiline_or_none(remark)

    def set_own_level(self, year: int, level: int | str | None, remark: str | None = None) -> None:
        parsed = parse_level_field(level, "own_level")
        with self._ctx.db.transaction() as session:
            row = self._editable(session, year)
            row.own_level, row.own_remark = parsed, nfc_multiline_or_none(remark)

    def summary(self, year: int, rows: list[RatingRow] | None = None) -> list[LevelCounts]:
        """Decided levels counted by chi đoàn (in Vietnamese order, those without one last),
        with each chi đoàn's own level; the last entry is the whole organisation. ``rows``: the
        year's :meth:`rows` when the caller has just read them (not read twice)."""
        rows = self.rows(year) if rows is None else rows
        info = self.round(year)
        with self._ctx.db.read() as session:
            own = {
                b.branch_id: b
                for b in session.scalars(
                    select(BranchRating).where(
                        is_live(BranchRating), BranchRating.round_id == (info.id if info else "")
                    )
                )
            }
        groups: dict[str | None, list[RatingRow]] = defaultdict(list)
        names: dict[str | None, str] = {None: UNASSIGNED}
        for r in rows:
            groups[r.branch_id if r.branch else None].append(r)
            if r.branch:
                names[r.branch_id] = r.branch
        order: list[str | None] = sorted(
            (k for k in groups if k), key=lambda k: collation_key(names[k])
        )
        order += [None] if None in groups else []
        result = []
        for key in order:
            b = own.get(key) if key else None
            result.append(
                level_counts(
                    key, names[key], groups[key], b.level if b else None, b.remark if b else None
                )
            )
        result.append(level_counts(None, "Toàn Đoàn cơ sở", rows))
        return result

    def round_years(self) -> list[int]:
        """The years that have a round, open or closed, oldest first."""
        stmt = select(RatingRound.year).where(is_live(RatingRound, self._ctx.organization_id))
        with self._ctx.db.read() as session:
            return sorted(set(session.scalars(stmt)))

    def closed_years(self) -> list[int]:
        """The years whose round is closed, oldest first (the statistics show the latest)."""
        stmt = select(RatingRound.year).where(
            is_live(RatingRound, self._ctx.organization_id), RatingRound.state == CLOSED
        )
        with self._ctx.db.read() as session:
            return sorted(session.scalars(stmt))

    def member_history(self, member_id: str) -> list[RatingHistory]:
        """What the closed rounds decided for the member, oldest first: the level and remark of
        those that rated the member (with a decided level); for those that did not (on
        temporary activity here, a full Party member, not six months here...), no level (one
        saved for the member is not the union's record) but the reason, and the remark, when
        the round holds a level or a remark for the member."""
        org = self._ctx.organization_id
        with self._ctx.db.read() as session:
            stmt = (
                select(RatingRound.year, RatingRound.rules, Rating.decided_level, Rating.remark)
                .join(RatingRound, RatingRound.id == Rating.round_id)
                .where(
                    is_live(Rating),
                    is_live(RatingRound, org),
                    RatingRound.state == CLOSED,
                    Rating.member_id == member_id,
                    or_(Rating.decided_level.is_not(None), Rating.remark.is_not(None)),
                )
                .order_by(RatingRound.year)
            )
            found = session.execute(stmt).all()
            member = session.execute(
                select(
                    Member.status, Member.party_date, Member.birth_date, Member.birth_precision
                ).where(Member.organization_id == org, Member.id == member_id)
            ).one_or_none()
            if not found or member is None:
                return []
            history = []
            for year, rules, level, remark in found:
                as_of = round_day(year)  # each round as it was closed
                by = closing_of(session, org, year)
                gone = deleted_at_closing(session, org, year)
                spans, then, party = standing(session, org, as_of, by, [member_id], gone)
                periods = from_admission_age(
                    spans.get(member_id, []), member.birth_date, member.birth_precision
                )
                status = then.get(member_id)
                arrival = arrivals(session, org, year, as_of, [member_id], by, gone).get(member_id)
                reason = reason_in(
                    parse_rules(rules), year, as_of, periods, status or member.status,
                    party.get(member_id, member.party_date), arrival,
                )  # fmt: skip
                if reason is not None:
                    history.append(RatingHistory(year, None, remark, reason))
                elif level is not None:
                    history.append(RatingHistory(year, level, remark))
            return history

    # Helpers -------------------------------------------------------------------------------

    def _in_year(self, session: Session, member: Member, year: int) -> bool:
        """Whether the member was on the active roster at some time in ``year`` (in its
        round, as :meth:`rows` lists it)."""
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        periods = active_periods(session, self._ctx.organization_id, [member.id])
        known = from_admission_age(
            periods.get(member.id, []), member.birth_date, member.birth_precision
        )
        return any(p.overlaps(first, last) for p in known)

    def _find(self, session: Session, year: int) -> RatingRound | None:
        return session.scalar(
            select(RatingRound).where(
                is_live(RatingRound, self._ctx.organization_id), RatingRound.year == year
            )
        )

    def _editable_read(self, session: Session, year: int) -> None:
        """Refuse, as :meth:`_editable` would, a round that is closed (without opening one)."""
        row = self._find(session, year)
        if row is not None and row.state == CLOSED:
            raise ConflictError(
                f"Đợt xếp loại năm {year} đã kết thúc: mở lại đợt (“Mở lại”) trước khi sửa."
            )

    def _editable(self, session: Session, year: int) -> RatingRound:
        """The year's round to change, made with the rules in force if there is none: a caller
        of the core (a test, a script) may rate without opening first. The page and the
        command line never get here without a round: the page's grid is read-only until “Mở
        đợt xếp loại năm …” is pressed, and ``rating set``, ``accept`` and ``import`` refuse a
        year never opened (``cli.rating.require_round``)."""
        check_year(year)  # a mistyped year ("25") makes no round of its own
        row = self._find(session, year)
        if row is None:
            rules = self.rules(year)
            row = RatingRound(
                organization_id=self._ctx.organization_id,
                year=year,
                state=OPEN,
                rules=rules.text,
                history="[]",
            )
            session.add(row)
            session.flush()
        if row.state == CLOSED:
            raise ConflictError(
                f"Đợt xếp loại năm {year} đã kết thúc: mở lại đợt (“Mở lại”) trước khi sửa."
            )
        return row

    @staticmethod
    def _saved_rating(session: Session, round_row: RatingRound, member_id: str) -> Rating | None:
        return session.scalar(
            select(Rating).where(
                is_live(Rating), Rating.round_id == round_row.id, Rating.member_id == member_id
            )
        )

    @staticmethod
    def _new_rating(session: Session, round_row: RatingRound, member_id: str) -> Rating:
        row = Rating(
            organization_id=round_row.organization_id, round_id=round_row.id, member_id=member_id
        )
        session.add(row)
        return row

    @staticmethod
    def _info(row: RatingRound) -> RoundInfo:
        history = history_entries(row.history)
        return RoundInfo(
            row.id,
            row.year,
            row.state,
            parse_rules(row.rules),
            row.closed_at,
            row.own_level,
            row.own_remark,
            history,
        )


def above_ceiling(
    rules: RatingRules, rows: list[RatingRow], names: Mapping[str, str] | None = None
) -> list[str]:
    """The members of ``rows`` (in their order) decided above what their discipline, sick leave
    or unpaid dues allow under ``rules`` (:func:`~.rules.ceiling`), one line each: "  – Nguyễn
    Văn An: “Hoàn thành xuất sắc nhiệm vụ”, nhưng bị kỷ luật cảnh cáo trở lên trong năm — Không
    hoàn thành nhiệm vụ". ``names`` names a member (by id) otherwise than by the full name: a
    namesake with the chi đoàn (:func:`~.names.told_apart`)."""
    names = names or {}
    lines = []
    for row in rows:
        if row.decided_level is None:
            continue
        cap = ceiling(rules, row.discipline, row.sick_months, row.dues_unpaid)
        if cap is not None and cap.level is not None and row.decided_level < cap.level:
            who = names.get(row.member_id, row.full_name)
            lines.append(f"  – {who}: “{LEVELS[row.decided_level]}”, nhưng {cap.reason}")
    return lines
