"""How a plan's targets read, the same on the page and in print: quantities with their unit,
the share achieved, whether a target is met, and the targets grouped by criterion.

    quantity_text(20, "đoàn viên")   -> "20 đoàn viên"
    quantity_text(100, "%")          -> "100%"
    share_text(0.905)                -> "90,5"
    outcome(target)                  -> MET, NOT_MET or UNKNOWN
    outcome(target, started=False)   -> NOT_DUE (the plan's year has not begun)
    outcome(target)                  -> NOT_DUE too while its measure cannot judge it yet
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..lang.text import nfc, nfc_multiline, one_decimal, vn_number
from .rules import CRITERIA, CRITERIA_OFFICIAL
from .service import TargetInfo

MET, NOT_MET, UNKNOWN, NOT_DUE = "met", "not-met", "unknown", "not-due"
OTHER_TARGETS = "Chỉ tiêu khác"
NOT_DUE_TEXT = "chưa đến kỳ"
"""A target of a plan whose year has not begun: neither met nor failed."""


def not_started_text(year: int) -> str:
    """Why a plan's targets are not judged yet: "năm 2027 chưa bắt đầu"."""
    return f"năm {year} chưa bắt đầu"


def number_text(value: float) -> str:
    """20.0 -> "20", 1500 -> "1.500", 12.5 -> "12,5", 33.333 -> "33,3" (one decimal at most)."""
    rounded = one_decimal(value)
    if rounded.is_integer():
        return vn_number(int(rounded))
    whole, _, decimal = f"{rounded:.1f}".partition(".")
    return f"{vn_number(int(whole))},{decimal}"


def quantity_text(value: float | None, unit: str | None) -> str:
    """A figure with its unit ("" when there is no figure); "%" follows without a space."""
    if value is None:
        return ""
    unit = nfc(unit)
    number = number_text(value)
    if not unit:
        return number
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}"


def share_text(share: float | None) -> str:
    """A share as a percentage with one decimal, without the sign: 0.5 -> "50,0" ("" if None)."""
    if share is None:
        return ""
    return f"{one_decimal(share * 100):.1f}".replace(".", ",")


def outcome(target: TargetInfo, started: bool = True) -> str:
    """:data:`MET` once achieved reaches planned, :data:`NOT_MET` below it, :data:`UNKNOWN`
    when either figure is missing (no planned quantity, or nothing entered yet);
    :data:`NOT_DUE` whatever its figures when the plan's year has not begun (``started`` False,
    :attr:`~.service.PlanInfo.started`): nothing of that year can have been done yet; and when
    the target is not due (:attr:`~.service.TargetInfo.due`: no month of the year over yet)."""
    if not started or not target.due:
        return NOT_DUE
    share = target.share
    if share is None:
        return UNKNOWN
    return MET if share >= 1 else NOT_MET


@dataclass(frozen=True)
class TargetGroup:
    """The targets of one criterion (``criterion`` None: those without one), in plan order;
    ``heading`` is the criterion's official wording (or "Chỉ tiêu khác"), as printed."""

    criterion: int | None
    heading: str
    targets: tuple[TargetInfo, ...]


def criterion_heading(criterion: int) -> str:
    """A criterion as lists on the screen name it, shortened: "Tiêu chí 3: Chủ động tham mưu…"."""
    return f"Tiêu chí {criterion}: {CRITERIA[criterion]}"


def grouped(targets: Iterable[TargetInfo]) -> list[TargetGroup]:
    """The targets by criterion 1, 2, 3, then those without one under "Chỉ tiêu khác"; when no
    target names a criterion, one group with every target and no heading. For documents: the
    headings are the criteria's official wording (:data:`CRITERIA_OFFICIAL`)."""
    items = list(targets)
    if not any(t.criterion for t in items):
        return [TargetGroup(None, "", tuple(items))] if items else []
    groups = [
        TargetGroup(c, CRITERIA_OFFICIAL[c], tuple(t for t in items if t.criterion == c))
        for c in CRITERIA
    ]
    rest = tuple(t for t in items if t.criterion not in CRITERIA)
    if rest:
        groups.append(TargetGroup(None, OTHER_TARGETS, rest))
    return [g for g in groups if g.targets]


def target_sentence(target: TargetInfo) -> str:
    """A target as the plan states it: its text, then its planned quantity unless the text
    already gives that number ("Tổ chức 4 hoạt động…"), ending with a full stop."""
    text = " ".join(nfc_multiline(target.text).split()).rstrip(" .;,:")
    planned = quantity_text(target.planned, target.unit)
    if planned and target.planned is not None:
        numbers = {_plain(n) for n in _NUMBER.findall(text)}
        if _plain(number_text(target.planned)) not in numbers:
            text = f"{text}: {planned}"
    return f"{text}."


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
"""A number in a target's text: "20", "1.500", "1500", "12,5", "12.5" (a comma after it is
the sentence's)."""


def _plain(number: str) -> str:
    """A number however grouped and pointed, as one form: "1.500" and "1500" -> "1500", "12,5"
    and "12.5" -> "12.5"."""
    grouped = re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", number)
    if grouped:
        number = number.replace(".", "")
    return number.replace(",", ".")


@dataclass(frozen=True)
class Tally:
    """How many targets are met, not met, cannot be judged yet for want of figures, and are
    not due (every target of a plan whose year has not begun, a target not due yet)."""

    met: tuple[TargetInfo, ...]
    not_met: tuple[TargetInfo, ...]
    unknown: tuple[TargetInfo, ...]
    not_due: tuple[TargetInfo, ...] = ()

    @property
    def total(self) -> int:
        return len(self.met) + len(self.not_met) + len(self.unknown) + len(self.not_due)


def tally(targets: Sequence[TargetInfo], started: bool = True) -> Tally:
    """The targets by :func:`outcome` (``started``: whether the plan's year has begun)."""
    outcomes = [(t, outcome(t, started)) for t in targets]

    def of(wanted: str) -> tuple[TargetInfo, ...]:
        return tuple(t for t, o in outcomes if o == wanted)

    return Tally(of(MET), of(NOT_MET), of(UNKNOWN), of(NOT_DUE))
