"""What the member template's "Đánh giá, xếp loại đoàn viên" and "Kỷ luật" columns say from
the data: the member's rating of the latest closed round and live discipline events.

The rating column is one year's classification (the rating is yearly: DOMAIN.md §3), that of
the latest year whose round is closed: a member not rated in that round has it empty, never an
older year's level as if it were that year's.

The template export (:mod:`.member_template`) writes these in place of the lines an earlier
import kept in the notes (:mod:`core.roster.notes`), which stay the fallback for a member the
data say nothing about (the rating: while no round is closed). The import reads the same texts
(:func:`standing_columns`) to drop a cell that only repeats the data, so that an exported file
imported again changes nothing.

Everything is read in bulk: one query per table for all the members asked (in chunks of
SQLite's bound-parameter limit), never one per member.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from ...lang.dates import format_vn_date
from ...lifecycle.rules import DISCIPLINE_LEVELS
from ...rating.eligibility import not_rated
from ...rating.records import CLOSED
from ...rating.rules import LEVELS, parse_rules
from ...storage.live import is_live
from ...storage.models import Member, MemberEvent, Rating, RatingRound

_CHUNK = 900  # SQLite's bound-parameter limit
RATING, DISCIPLINE = "rating", "discipline"  # the fields of core.roster.notes they replace


def discipline_text(level: str | None, when: date, number: str | None) -> str:
    """One discipline event as the column writes it: "Khiển trách (15/03/2021, số 12-QĐ/ĐTN)"."""
    kind = DISCIPLINE_LEVELS.get(level or "", "Kỷ luật")
    details = format_vn_date(when) + (f", số {number}" if number else "")
    return f"{kind} ({details})"


def standing_columns(
    session: Session, organization_id: str, member_ids: Sequence[str] | None = None
) -> dict[str, dict[str, str]]:
    """The text of the rating and discipline columns of each member of ``member_ids`` (every
    member of the organisation when None) that the data have something for, by member id.

    Rating: the level decided for the member in the latest closed round, by its name
    ("Hoàn thành tốt nhiệm vụ"), as the template's list and the rating sheet write it; "" for
    every other member (not rated that year, or without a decided level: a level saved for a
    member the round does not rate is not its record), whatever an older round or the notes
    say. No round closed: no rating text (the notes' value stays). A level
    decided in a round still open (or reopened) is not the union's record yet and is not
    written, as the member's history leaves it out
    (:meth:`~doancoso.core.rating.service.RatingService.member_history`). Discipline: every
    live discipline event, oldest first, in one cell separated by "; " (the template's column
    is free text with no list, and a member disciplined twice has both in the sổ đoàn viên)."""
    found: dict[str, dict[str, str]] = {}
    latest = session.execute(
        select(RatingRound.year, RatingRound.rules)
        .where(is_live(RatingRound, organization_id), RatingRound.state == CLOSED)
        .order_by(RatingRound.year.desc())
        .limit(1)
    ).one_or_none()
    if latest is not None:
        year, rules = latest
        every = member_ids if member_ids is not None else _member_ids(session, organization_id)
        for member_id in every:  # not rated that year: an empty cell
            found[member_id] = {RATING: ""}
        decided: dict[str, int] = {}
        for chunk in _chunks(member_ids):
            ratings = _rating_query(organization_id, year)
            if chunk is not None:
                ratings = ratings.where(Rating.member_id.in_(chunk))
            decided.update((m, lv) for m, lv in session.execute(ratings) if lv in LEVELS)
        # A level saved for a member the round does not rate is not the round's record.
        unrated = not_rated(session, organization_id, year, parse_rules(rules), list(decided))
        for member_id, level in decided.items():
            if member_id not in unrated:
                found.setdefault(member_id, {})[RATING] = LEVELS[level]
    events: dict[str, list[str]] = {}
    for chunk in _chunks(member_ids):
        disciplines = _discipline_query(organization_id)
        if chunk is not None:
            disciplines = disciplines.where(MemberEvent.member_id.in_(chunk))
        for member_id, when, number, kind in session.execute(disciplines):
            events.setdefault(member_id, []).append(discipline_text(kind, when, number))
    for member_id, texts in events.items():
        found.setdefault(member_id, {})[DISCIPLINE] = "; ".join(texts)
    return found


def _rating_query(organization_id: str, year: int) -> Select[str, int | None]:
    """The levels decided in the closed round of ``year``."""
    return (
        select(Rating.member_id, Rating.decided_level)
        .join(RatingRound, RatingRound.id == Rating.round_id)
        .where(
            is_live(Rating),
            is_live(RatingRound, organization_id),
            RatingRound.state == CLOSED,
            RatingRound.year == year,
            Rating.decided_level.is_not(None),
        )
    )


def _member_ids(session: Session, organization_id: str) -> list[str]:
    return list(session.scalars(select(Member.id).where(is_live(Member, organization_id))))


def _discipline_query(organization_id: str) -> Select[str, date, str | None, str | None]:
    return (
        select(
            MemberEvent.member_id,
            MemberEvent.event_date,
            MemberEvent.number,
            MemberEvent.discipline_level,
        )
        .where(is_live(MemberEvent, organization_id), MemberEvent.kind == "discipline")
        .order_by(MemberEvent.event_date, MemberEvent.sequence)
    )


def _chunks(member_ids: Sequence[str] | None) -> list[Sequence[str] | None]:
    """The chunks of ``member_ids`` to ask for in turn; ``[None]``: all members at once."""
    if member_ids is None:
        return [None]
    return [member_ids[at : at + _CHUNK] for at in range(0, len(member_ids), _CHUNK)]
