"""A target's achieved figure typed by hand against what the app counts of the same thing.

A target without a measure keeps the figure the secretary typed ("Giới thiệu 3 đoàn viên ưu tú
cho Đảng": đạt 2). When the app counts that very thing (the members' Party introductions), the
dossier prints both: the plan's report says 2, the self-assessment says 27. The superior body
reads a dossier that contradicts itself, so the dossier check names each such target with both
figures (:func:`hand_figure_conflicts`), and the target's dialog can offer the counted figure.

Which measure a target "could have" is read from its text (:func:`suggested_measure`): only
wordings that cannot mean something else, since a wrong guess would raise a false alarm.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from ..lang.text import nfc
from .figures import quantity_text
from .rules import MEASURES
from .service import PlanInfo, TargetInfo

_SUGGESTIONS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    # (measure, words all present, words none present), in lower case with their tones: the
    # tones tell "Đảng" (the Party) from "đang" and "đăng ký", which folding would merge
    ("party-introductions", ("giới thiệu", "đảng"), ()),
    ("youth-admitted", ("thanh niên", "vào đoàn"), ("đảng",)),
    ("admissions", ("kết nạp", "đoàn viên"), ("đảng", "thanh niên")),
)
TOLERANCE = 1e-6


class _Plans(Protocol):
    def get(self, year: int, as_of: dt.date | None = None) -> PlanInfo | None: ...

    def measured(self, year: int, key: str, kind: str | None = None,
                 as_of: dt.date | None = None) -> float | None: ...  # fmt: skip


@dataclass(frozen=True)
class HandFigureConflict:
    """A target whose typed figure differs from what the app counts of the same thing."""

    target: TargetInfo
    measure: str
    typed: float
    counted: float

    @property
    def subject(self) -> str:
        """The target and its two figures: "chỉ tiêu “…” (nhập tay 2 đoàn viên, ứng dụng đếm
        27 đoàn viên)"."""
        unit = self.target.unit or MEASURES[self.measure][1]
        typed, counted = quantity_text(self.typed, unit), quantity_text(self.counted, unit)
        return f"chỉ tiêu “{self.target.text}” (nhập tay {typed}, ứng dụng đếm {counted})"

    @property
    def message(self) -> str:
        unit = self.target.unit or MEASURES[self.measure][1]
        what = measure_phrase(self.measure)
        return (
            f"Chỉ tiêu “{self.target.text}”: số đạt được nhập tay là "
            f"{quantity_text(self.typed, unit)}, nhưng ứng dụng đếm được "
            f"{quantity_text(self.counted, unit)} ({what}). Hồ sơ sẽ in hai số khác nhau: sửa "
            "số đạt được ở trang Kế hoạch, hoặc chọn cách đo để ứng dụng tự đếm."
        )


def measure_phrase(key: str) -> str:
    """What measure ``key`` counts, as words within a sentence: "số đoàn viên mới được kết nạp
    trong năm" (the dossier check's message and the target dialog's offer say it alike)."""
    description = MEASURES[key][0]
    return description[0].lower() + description[1:]


def suggested_measure(text: str) -> str | None:
    """The measure that counts what a target's text names, if its wording is unambiguous:
    "Giới thiệu 3 đoàn viên ưu tú cho Đảng" -> "party-introductions"; None otherwise."""
    words = nfc(text).lower()
    for key, present, absent in _SUGGESTIONS:
        if all(w in words for w in present) and not any(w in words for w in absent):
            return key
    return None


def hand_figure_conflicts(plans: _Plans, year: int,
                          as_of: dt.date | None = None) -> list[HandFigureConflict]:  # fmt: skip
    """The targets of ``year``'s plan whose hand-typed achieved figure differs from the app's
    count of what their text names, in the plan's order."""
    plan = plans.get(year, as_of)
    if plan is None:
        return []
    found = []
    for target in plan.targets:
        if target.measured or target.achieved is None:
            continue
        key = suggested_measure(target.text)
        if key is None:
            continue
        counted = plans.measured(year, key, None, plan.as_of)
        if counted is not None and abs(counted - target.achieved) > TOLERANCE:
            found.append(HandFigureConflict(target, key, target.achieved, counted))
    return found
