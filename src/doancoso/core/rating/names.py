"""Members of the round named so that namesakes are told apart, as the printed minutes tell
them apart (:func:`~doancoso.core.activities.attendance.namesakes`): "Nguyễn Thùy Anh" alone
when no other member of the round bears the name, "Nguyễn Thùy Anh (Chi đoàn ấp 1)" when
another does, "Nguyễn Thùy Anh (Chi đoàn ấp 1, sinh năm 2001)" when another of that name is in
the same chi đoàn (and the birth date, "sinh ngày 05/03/2001", when they share the year too).
The old and the new tone placement ("Thuỷ", "Thủy") are one name."""

from __future__ import annotations

from collections.abc import Sequence

from ..lang.dates import DAY, format_vn_date
from ..lang.text import collation_key, nfc
from ..roster.branches import UNASSIGNED
from .records import RatingRow


def _name_key(full_name: str) -> str:
    return collation_key(nfc(full_name).lower())


def told_apart(rows: Sequence[RatingRow]) -> dict[str, str]:
    """Each member of ``rows`` (by id) as the warnings and the confirmations name them."""
    by_name: dict[str, list[RatingRow]] = {}
    for row in rows:
        by_name.setdefault(_name_key(row.full_name), []).append(row)
    names = {}
    for same in by_name.values():
        for row in same:
            names[row.member_id] = _told(row, same) if len(same) > 1 else row.full_name
    return names


def _told(row: RatingRow, same: list[RatingRow]) -> str:
    """``row`` among ``same``, the members of its name: with its chi đoàn, and its birth year
    (or date) when another of the name is in that chi đoàn."""
    branch = row.branch or UNASSIGNED
    mates = [r for r in same if r is not row and r.branch_id == row.branch_id]
    if not mates:
        return f"{row.full_name} ({branch})"
    if all(r.birth_date.year != row.birth_date.year for r in mates) or row.birth_precision != DAY:
        return f"{row.full_name} ({branch}, sinh năm {row.birth_date.year})"
    return f"{row.full_name} ({branch}, sinh ngày {format_vn_date(row.birth_date)})"
