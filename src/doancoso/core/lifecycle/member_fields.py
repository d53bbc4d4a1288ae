"""What a member's events write on the member's row: the status, the dates of admission (to the
union, to the Party), the admission's place and decision (:func:`apply_timeline`); what a deleted
event gave, taken back, and the post a deleted return vacated, put back (:func:`forget_event`);
what the undo of a recording puts back (:func:`refill_before`); the post of a member back from a
transfer, vacated and kept in the return's note (:func:`vacate_on_return`). Used by
:mod:`.service` within its transactions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..storage.models import Member, MemberEvent, utc_now
from .recorded import Standing
from .rules import is_read_only
from .transfer import compose, parse


def apply_timeline(
    member: Member, timeline: Sequence[MemberEvent], status: str,
    given: MemberEvent | None = None,
) -> None:  # fmt: skip
    """Store what the events say on the member row; always a new revision of the member.

    The status and the dates (of admission, of joining the Party) follow the whole timeline: the
    member's form refuses another date than the event's (``roster.service``). The admission's
    place and number are copied from ``given`` (the event just recorded or brought back), from
    the timeline's other events only into a field left empty (what a deleted event gave, which
    :func:`forget_event` cleared): the form lets the secretary correct them, and recording a later
    event (an introduction to the Party, a discipline) must not put the event's back over her
    correction, as it silently did."""
    member.status = status
    for event in timeline:
        if event.kind == "admission":
            member.admission_date = event.event_date
            mine = event is given
            if event.place and (mine or not member.admission_place):
                member.admission_place = event.place
            if event.number and (mine or not member.admission_decision):
                member.admission_decision = event.number
        elif event.kind == "party_admission":
            member.party_date = event.event_date
    member.updated_at = utc_now()  # the stamping hook then bumps the revision


def forget_event(member: Member, event: MemberEvent) -> None:
    """Clear what the deleted ``event`` gave the member (what :func:`apply_timeline` copied from
    it); a value it did not give (typed by the secretary, or another event's) stays.
    :func:`apply_timeline` then copies again what a remaining event gives (an admission a merge
    brought too).

    A deleted return gives back the post it vacated (kept in its note, :func:`vacate_on_return`),
    as the undo of its recording does, unless the member holds a post again: one the secretary
    gave after the return is hers, and never overwritten."""
    if event.kind == "transfer_in":
        post = parse(event.note, "transfer_in").vacated_position
        if post and not member.position:
            member.position = post
    elif event.kind == "admission":
        if member.admission_date == event.event_date:
            member.admission_date = None
        if event.place and member.admission_place == event.place:
            member.admission_place = None
        if event.number and member.admission_decision == event.number:
            member.admission_decision = None
    elif event.kind == "party_admission" and member.party_date == event.event_date:
        member.party_date = None


def refill_before(member: Member, before: Standing) -> None:
    """Put back into the fields of admission (to the union, to the Party) that the undo of a
    recording left empty what the member held before it (:attr:`RecordedEvents.before`): the
    deleted event's values are cleared (:func:`forget_event`), and they may have been the form's."""
    _, admission_date, place, decision, party_date = before
    for name, value in (
        ("admission_date", admission_date),
        ("admission_place", place),
        ("admission_decision", decision),
        ("party_date", party_date),
    ):
        if value is not None and getattr(member, name) is None:
            setattr(member, name, value)


def vacate_on_return(
    member: Member, timeline: Sequence[MemberEvent], statuses: Sequence[str], baseline: str,
    given: MemberEvent,
) -> str | None:  # fmt: skip
    """Clear the stored post of a member whom the transfer in ``given`` brings back after they
    left (their status before it one of a member who left): the post was vacated when they
    left (lists and documents showed none, ``held_position``), and coming back does not give it
    to them again; until the secretary gives them one, they hold none, and are not counted as
    their chi đoàn's Bí thư once more. ``statuses``: the status after each event of
    ``timeline`` (from ``baseline``).

    The post cleared is kept in ``given``'s note (:mod:`.transfer`), what deleting the return
    (its undo, "Xóa sự kiện", ``members event undo``) puts back (:func:`forget_event`); a return
    brought back that cleared none keeps none there. Returns the post cleared, None when
    nothing was cleared."""
    if given.kind != "transfer_in":
        return None
    index = next((i for i, event in enumerate(timeline) if event is given), None)
    before = baseline if not index else statuses[index - 1]
    post = None
    if index is not None and member.position and is_read_only(before):
        post, member.position = member.position, None
    parts = parse(given.note, "transfer_in")
    if parts.vacated_position != post:
        given.note = compose(replace(parts, vacated_position=post))
    return post
