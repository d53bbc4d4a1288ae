"""What of a year is not finished yet, as a report to the superior body would show it: said by
the export wizard on its first page and by ``doancoso bundle export --kind report`` on stderr,
as a notice (the report is exported all the same: it always carries the roster and the youth
register, which a new installation may send before any plan of the year exists)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..workspace import Workspace


def unfinished_lines(ws: Workspace, year: int) -> list[str]:
    """The plan not made, not registered or not approved; the rating round not opened or
    open."""
    from ..plans.registration import is_registered
    from ..plans.rules import APPROVED

    lines = []
    plan = ws.plans.get(year)
    if plan is None:
        lines.append(f"Chưa có kế hoạch công tác năm {year}.")
    elif not is_registered(plan.registration_state, plan.registered_on):
        lines.append(f"Kế hoạch công tác năm {year} chưa đăng ký với cấp trên.")
    elif plan.registration_state != APPROVED:
        lines.append(f"Kế hoạch công tác năm {year} chưa được cấp trên duyệt.")
    rating = ws.rating.round(year)
    if rating is None:
        lines.append(f"Chưa có đợt đánh giá, xếp loại năm {year}.")
    elif not rating.closed:
        lines.append(f"Đợt đánh giá, xếp loại năm {year} chưa khóa sổ.")
    return lines


def unfinished_items(lines: list[str]) -> str:
    return "\n".join(f"– {line}" for line in lines)
