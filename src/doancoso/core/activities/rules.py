"""The words of the calendar: kinds of activity, the status of a date, attendance, times."""

from __future__ import annotations

import re

from ..lang.text import fold

BUILTIN_KINDS: dict[str, tuple[str, str]] = {
    "sinh-hoat": ("Sinh hoạt chi đoàn định kỳ", "#1565c0"),
    "chu-nhat-xanh": ("Ngày Chủ nhật xanh", "#2e7d32"),
    "tinh-nguyen": ("Tình nguyện vì cộng đồng và an sinh xã hội", "#c62828"),
    "tuyen-truyen": ("Tuyên truyền giáo dục", "#6a1b9a"),
    "van-hoa": ("Văn hóa – văn nghệ – thể dục thể thao", "#ef6c00"),
    "hoi-thi": ("Hội thi", "#ad1457"),
    "phoi-hop": ("Phối hợp", "#00838f"),
    "tham-muu": ("Tham mưu", "#4e342e"),
    "khac": ("Khác", "#546e7a"),
}
"""code → (Vietnamese name, colour in the calendar). The organisation may add its own kinds
(table ``activity_kinds``)."""
MEETING_KIND = "sinh-hoat"
"""The kind whose dates are chi đoàn meetings (minutes, "met every month")."""


def is_branch_meeting(kind: str, branches: int) -> bool:
    """Whether an activity of ``kind`` held by ``branches`` chi đoàn is a chi đoàn's own meeting
    (sinh hoạt chi đoàn): its minutes are that chi đoàn's, worded so."""
    return kind == MEETING_KIND and branches == 1


def minutes_name(kind: str, branches: int) -> str:
    """What the minutes of an activity are called: "biên bản sinh hoạt chi đoàn" of a chi
    đoàn's meeting, "biên bản sinh hoạt" of a meeting of several (or of the whole union),
    "biên bản" of any other activity."""
    if kind != MEETING_KIND:
        return "biên bản"
    return "biên bản sinh hoạt chi đoàn" if branches == 1 else "biên bản sinh hoạt"


STATUSES: dict[str, str] = {
    "du-kien": "Dự kiến",
    "da-thuc-hien": "Đã thực hiện",
    "hoan": "Hoãn",
    "huy": "Hủy",
}
DONE = "da-thuc-hien"
PLANNED = "du-kien"

PARTICIPATION_TABLES = ("attendance", "occurrences", "members", "member_events", "organizations")
"""The tables whose changes may change a participation rate (the leave setting is the
organisation's). Here, not in :mod:`.participation`, so that the first screen can name them
without loading SQLAlchemy."""

ATTENDANCE_STATES: dict[str, str] = {
    "present": "Có mặt",
    "excused": "Vắng có phép",
    "absent": "Vắng không phép",
}

_TIME = re.compile(r"^\s*(\d{1,2})\s*[:hg.]\s*(\d{2})?\s*$", re.IGNORECASE)


def parse_time(text: str | None) -> str | None:
    """``HH:MM`` from "7:30", "07:30", "7h30", "19h" (None for empty); ValueError if invalid."""
    if text is None or not text.strip():
        return None
    match = _TIME.match(text)
    if not match:
        raise ValueError("Giờ phải viết dạng HH:MM, ví dụ 07:30.")
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"Giờ {text.strip()} không hợp lệ.")
    return f"{hour:02d}:{minute:02d}"


def code_of(choices: dict[str, str], text: str) -> str | None:
    """The code of a choice given by its code or its Vietnamese name (tones and case ignored)."""
    key = fold(text).strip()
    for code, name in choices.items():
        if key in (code, fold(name)):
            return code
    return None
