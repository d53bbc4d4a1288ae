"""What the rating page says of its round above the grid: the round's rules (a link to them)
and history with the decision recognising it (:func:`history_text`, :func:`history_html`),
the members counted (:func:`rated_text`), and, for a closed round, what changed since its
closing (:func:`changed_text`)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from ...core.lang.dates import format_vn_date
from ...core.lang.text import vn_number
from ...core.rating.decision import Decision
from ...core.rating.eligibility import says_brought_back, says_deleted
from ...core.rating.records import entries_said
from ...core.rating.service import RatingRow, RoundInfo

NO_DECISION_YET = (
    "Chưa ban hành quyết định công nhận kết quả: bấm “In…” → “Quyết định công nhận kết quả xếp "
    "loại”, ghi số văn bản (số và ngày được ghi lại cho hồ sơ)."
)
RULES_PREFIX = "Quy tắc của đợt: "
NAMED = 5
"""Members named in :func:`changed_text` before "và N đoàn viên khác"."""


def history_text(info: RoundInfo, decision: Decision | None = None) -> str:
    """ "Quy tắc của đợt: …; Kết thúc 10/12/2025 09:30; Mở lại 12/12/2025 14:00"; once the
    round is closed, the decision recognising it (its number, or how to issue it)."""
    parts = [f"{RULES_PREFIX}{info.rules.name}"]
    parts += entries_said(info.history)
    text = "; ".join(parts) + "."
    if not info.closed:
        return text
    if decision is None:
        return f"{text} {NO_DECISION_YET}"
    return (
        f"{text} Quyết định công nhận kết quả: số {decision.number} ngày "
        f"{format_vn_date(decision.issued_on)}."
    )


RULES_LINK = "rules"
"""The link of the round's rules in :func:`history_html`."""


def history_html(info: RoundInfo, decision: Decision | None = None) -> str:
    """:func:`history_text` as rich text, the name of the round's rules a link
    (:data:`RULES_LINK`) to them."""
    text = history_text(info, decision)
    prefix = f"{RULES_PREFIX}{info.rules.name}"
    return (
        f'{RULES_PREFIX}<a href="{RULES_LINK}">{html.escape(info.rules.name)}</a>'
        f"{html.escape(text.removeprefix(prefix))}"
    )


def _names(rows: list[RatingRow]) -> str:
    names = [r.full_name for r in rows[:NAMED]]
    more = len(rows) - len(names)
    return ", ".join(names) + (f" và {vn_number(more)} đoàn viên khác" if more else "")


def rated_text(rows: Sequence[RatingRow]) -> str:
    """ "5 thuộc diện xếp loại, 1 đã quyết định" of ``rows``."""
    eligible = [r for r in rows if r.eligible]
    decided = sum(1 for r in eligible if r.decided_level is not None)
    return f"{vn_number(len(eligible))} thuộc diện xếp loại, {vn_number(decided)} đã quyết định"


def changed_text(rows: Sequence[RatingRow]) -> str:
    """What a closed round says above its grid of the members whose record was edited, or who
    were deleted from the roster, or whose event deleted at the closing was brought back (left
    out by the round), after its closing (:attr:`RatingRow.changed_after_closing`),
    of those whose attendance changed since (:attr:`RatingRow.attendance_changed`) and of the
    chi đoàn renamed since (:attr:`RatingRow.branch_renamed`); "" for none."""
    changed = [r for r in rows if r.changed_after_closing]
    deleted = [r for r in changed if says_deleted(r.changed_after_closing)]
    # An event brought back since is left out by the round, whose decision stands.
    back = [r for r in changed if says_brought_back(r.changed_after_closing)]
    edited = [
        r
        for r in changed
        if not says_deleted(r.changed_after_closing)
        and not says_brought_back(r.changed_after_closing)
    ]
    marked = [r for r in rows if r.attendance_changed]
    renamed = {r.branch: r.branch_renamed for r in rows if r.branch and r.branch_renamed}
    parts = []
    if edited:
        parts.append(
            f"hồ sơ của {vn_number(len(edited))} đoàn viên đã sửa sau khi khóa đợt "
            f"({_names(edited)}): trang này và quyết định in lại theo hồ sơ hiện tại, có thể "
            "khác quyết định đã ký"
        )
    if deleted:
        parts.append(
            f"{vn_number(len(deleted))} đoàn viên đã xóa khỏi danh sách sau khi khóa đợt "
            f"({_names(deleted)}) vẫn thuộc đợt này"
        )
    if back:
        parts.append(
            f"sự kiện của {vn_number(len(back))} đoàn viên đã khôi phục sau khi khóa đợt "
            f"({_names(back)}): đợt đã khóa không tính sự kiện đó, giữ mức đã quyết định"
        )
    if marked:
        parts.append(
            f"điểm danh của {vn_number(len(marked))} đoàn viên đã sửa sau khi khóa đợt "
            f"({_names(marked)}): tỉ lệ tham gia và mức gợi ý tính theo điểm danh hiện tại, có "
            "thể khác lúc khóa đợt"
        )
    if renamed:
        names = ", ".join(f"{name} ({day})" for name, day in renamed.items())
        parts.append(
            f"chi đoàn đã đổi tên sau khi khóa đợt: {names}; trang này và bản in ghi tên hiện tại"
        )
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "." if text else ""
