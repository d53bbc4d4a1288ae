"""The year in a plan copied from another year's: which mentions move, which the secretary reads.

A plan copied from last year's says "năm 2026" where it means the plan's own year ("Căn cứ
Chương trình công tác Đoàn … năm 2026 của Tỉnh đoàn …", "xây dựng kế hoạch công tác năm 2026
như sau:"). Only that form moves, the year right after the word "năm":

- "năm 2026" becomes "năm 2027" (any case of "năm", any spaces between);
- a date is not moved ("ngày 10 tháng 11 năm 2026", "tháng 3 năm 2026"): it may be a document's
  date, which stays;
- a period is not moved ("năm 2026 – 2027", "năm học 2025-2026", "2026/2027");
- a year without "năm" before it is not moved ("10/11/2026", "Nghị quyết số 12/2026",
  "Tết 2026").

What stays and may be stale is listed for the secretary to read: every other mention of the
source year, of the year before it ("kết quả năm 2025" in the plan of 2026) and of any year
between the two plans; a period is listed only after "năm" or "năm học" (a school year), not
as a term or stage ("nhiệm kỳ 2022–2027", "giai đoạn 2023-2027").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PLACES = {
    "title": "Tên kế hoạch",
    "grounds": "Căn cứ",
    "purposes": "I. Mục đích, yêu cầu",
    "content": "III. Nội dung",
    "implementation": "IV. Tổ chức thực hiện",
    "targets": "II. Chỉ tiêu",
}
"""Where a mention is, named as on the plan page."""

_YEAR_OR_PERIOD = re.compile(r"(?<!\d)(\d{4})(?:\s*[-–—/]\s*(\d{4}))?(?!\d)")
_AFTER_YEAR_WORD = re.compile(r"(?<!\w)năm\s+$", re.IGNORECASE)
_AFTER_MONTH = re.compile(r"(?<!\w)tháng\s+\d{1,2}\s+năm\s+$", re.IGNORECASE)
_AFTER_YEAR_OR_SCHOOL_YEAR = re.compile(r"(?<!\w)năm(?:\s+học)?\s+$", re.IGNORECASE)
_CONTEXT = 32  # characters of text shown on each side of a year to check
_LOOK_BEHIND = 40  # enough for "tháng 12 năm " and "năm học 2025 – "


@dataclass(frozen=True)
class YearMention:
    """A year in a copied text: where (a name of :data:`PLACES`) and the words around it."""

    place: str
    excerpt: str


@dataclass(frozen=True)
class PlanCopy:
    """What copying the plan of ``from_year`` into ``year`` did to the years in its texts."""

    from_year: int
    year: int
    moved: tuple[str, ...]
    """The place of each "năm <from_year>" changed to "năm <year>", in order."""
    to_check: tuple[YearMention, ...]
    """Years left as they were that may be stale (see the module's docstring)."""


@dataclass(frozen=True)
class CreatedPlan:
    """The plan just made: its id, and for a copy what happened to the years in it."""

    id: str
    copy: PlanCopy | None


def years_to_check(from_year: int, year: int) -> frozenset[int]:
    """The years that may be stale in a plan of ``year`` copied from ``from_year``'s."""
    return frozenset({from_year - 1, from_year, *range(from_year + 1, year)}) - {year}


def move_year(text: str, from_year: int, year: int) -> tuple[str, int, list[str]]:
    """``text`` with each "năm <from_year>" meaning a year as "năm <year>", the number moved,
    and the excerpts (of the new text) around the years the secretary should read
    (:func:`years_to_check`)."""
    parts: list[str] = []
    moved = 0
    last = 0
    for match in _YEAR_OR_PERIOD.finditer(text):
        if match.group(2) is not None or int(match.group(1)) != from_year:
            continue  # a period, or another year
        head = text[max(0, match.start() - _LOOK_BEHIND) : match.start()]
        if _AFTER_YEAR_WORD.search(head) and not _AFTER_MONTH.search(head):
            parts += [text[last : match.start()], str(year)]
            last = match.end()
            moved += 1
    parts.append(text[last:])
    new_text = "".join(parts)
    check = years_to_check(from_year, year)
    excerpts = []
    for match in _YEAR_OR_PERIOD.finditer(new_text):
        years = {int(y) for y in match.groups() if y is not None}
        if not years & check:
            continue
        head = new_text[max(0, match.start() - _LOOK_BEHIND) : match.start()]
        if match.group(2) is None or _AFTER_YEAR_OR_SCHOOL_YEAR.search(head):
            excerpts.append(_excerpt(new_text, match.start(), match.end()))
    return new_text, moved, excerpts


def move_title_year(title: str, from_year: int, year: int) -> tuple[str, int]:
    """The plan's title with ``from_year`` as ``year`` and the number moved. A title names the
    plan's year with "năm" or without ("Kế hoạch công tác 2026"), so every mention moves, but
    for a period ("nhiệm kỳ 2025 – 2030", which a union formed in 2025 names in its titles)
    and a date ("10/11/2026", "tháng 11 năm 2026"), kept as :func:`move_year` keeps them."""
    parts: list[str] = []
    moved = last = 0
    for match in _YEAR_OR_PERIOD.finditer(title):
        if match.group(2) is not None or int(match.group(1)) != from_year:
            continue
        head = title[max(0, match.start() - _LOOK_BEHIND) : match.start()]
        if head.rstrip().endswith("/") or _AFTER_MONTH.search(head):
            continue
        parts += [title[last : match.start()], str(year)]
        last = match.end()
        moved += 1
    parts.append(title[last:])
    return "".join(parts), moved


def _excerpt(text: str, start: int, end: int) -> str:
    """The words around ``text[start:end]`` in its line, "…" where they were cut."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    left = max(line_start, start - _CONTEXT)
    right = min(line_end, end + _CONTEXT)
    if left > line_start:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < line_end:
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    words = " ".join(text[left:right].split())
    return ("…" if left > line_start else "") + words + ("…" if right < line_end else "")


def copy_notice(copy: PlanCopy, limit: int | None = None) -> str:
    """What the secretary is told after the copy: what moved, what to read (Vietnamese), at
    most ``limit`` of the places to read named."""
    first = f"Kế hoạch năm {copy.year} được sao chép từ kế hoạch năm {copy.from_year}."
    return "\n".join([first, *copy_details(copy, limit)])


def copy_details(copy: PlanCopy, limit: int | None = None) -> list[str]:
    """The lines of :func:`copy_notice` after its first: what moved, what to read."""
    old, new = copy.from_year, copy.year
    if copy.moved:
        places = ", ".join(dict.fromkeys(copy.moved))
        lines = [f"Đã đổi “năm {old}” thành “năm {new}” ở {len(copy.moved)} chỗ ({places})."]
    else:
        lines = [f"Không có chỗ nào ghi “năm {old}” để đổi thành “năm {new}”."]
    if copy.to_check:
        years = " hoặc ".join(str(y) for y in sorted(years_to_check(old, new)))
        lines.append(
            f"Còn {len(copy.to_check)} chỗ ghi năm {years} không tự đổi (có thể là ngày, số "
            "văn bản hay một năm khác), hãy xem và sửa nếu cần:"
        )
        shown = copy.to_check if limit is None else copy.to_check[:limit]
        lines.extend(f"- {m.place}: “{m.excerpt}”" for m in shown)
        if len(shown) < len(copy.to_check):
            lines.append(f"- và {len(copy.to_check) - len(shown)} chỗ khác.")
    lines.append("Hãy đọc lại tên, nội dung kế hoạch và các chỉ tiêu trước khi in và gửi đăng ký.")
    return lines


def copy_summary(copy: PlanCopy) -> str:
    """The notice in one short sentence (the status bar, the command line)."""
    text = f"đã đổi “năm {copy.from_year}” thành “năm {copy.year}” ở {len(copy.moved)} chỗ"
    if copy.to_check:
        text += f", còn {len(copy.to_check)} chỗ ghi năm cũ cần xem lại"
    return text
