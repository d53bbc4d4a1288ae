"""The .ics of the calendar at its edges, each file written by the core as the app and the
command write it and read back with ``icalendar``: a series whose first date was moved, all-day
and timed activities, one across midnight, a series edited after an export, Vietnamese text
with commas and semicolons, and long lines folded at 75 octets between letters."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path
from typing import Any, cast
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone

from doancoso.core.workspace import Workspace
from ics_read import rule_dates

VN = ZoneInfo("Asia/Ho_Chi_Minh")
D = dt.date


def _at(day: int, month: int, hour: int = 19, minute: int = 30, year: int = 2025) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=VN)


def export(ws: Workspace, target: Path, first: dt.date, last: dt.date) -> Calendar:
    ws.activities.export_calendar(target, first, last)
    return Calendar.from_ical(target.read_bytes())


def year_file(ws: Workspace, tmp_path: Path, name: str = "lich.ics") -> Calendar:
    return export(ws, tmp_path / name, D(2025, 1, 1), D(2025, 12, 31))


def starts(calendar: Calendar) -> list[Any]:
    """The starts a phone shows: each series expanded (less its EXDATEs, its moved dates
    replaced), cancelled events left out."""
    moments: list[Any] = []
    for event in calendar.walk("VEVENT"):
        if str(event.get("STATUS", "")) == "CANCELLED" or "RECURRENCE-ID" in event:
            continue
        if "RRULE" not in event:
            moments.append(event.decoded("DTSTART"))
            continue
        dates = rule_dates(event)
        for moved in calendar.walk("VEVENT"):
            if "RECURRENCE-ID" in moved and str(moved["UID"]) == str(event["UID"]):
                dates.remove(moved.decoded("RECURRENCE-ID"))
                if str(moved.get("STATUS", "")) != "CANCELLED":
                    dates.append(moved.decoded("DTSTART"))
        moments.extend(dates)
    return sorted(
        moments,
        key=lambda m: m if isinstance(m, dt.datetime) else _at(m.day, m.month, 0, 0, m.year),
    )


def test_a_series_whose_first_date_was_moved(ws: Workspace, tmp_path: Path) -> None:
    """DTSTART is the series' first date as the rule gives it (RFC 5545 counts it as the first
    instance); the move is an event naming it by RECURRENCE-ID."""
    activity_id, _ = ws.activities.save(
        {"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat", "start_date": "15/01/2025",
         "start_time": "19:30", "end_time": "21:00", "repeat": "monthly",
         "until": "30/04/2025"}
    )  # fmt: skip
    first = ws.activities.occurrence_ids_of(activity_id)[0]
    ws.activities.update_occurrence(first, {"day": "17/01/2025", "start_time": "08:00",
                                            "end_time": "10:00"})  # fmt: skip
    calendar = year_file(ws, tmp_path)
    assert starts(calendar) == [_at(17, 1, 8, 0), _at(15, 2), _at(15, 3), _at(15, 4)]
    (moved,) = [e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" in e]
    assert (moved.decoded("RECURRENCE-ID"), moved.decoded("DTEND")) == (
        _at(15, 1),
        _at(17, 1, 10, 0),
    )
    (master,) = [e for e in calendar.walk("VEVENT") if "RRULE" in e]
    assert master.decoded("DTSTART") == _at(15, 1)
    # cancelled instead: the series starts on a date it skips
    ws.activities.update_occurrence(first, {"day": "15/01/2025", "start_time": "19:30",
                                            "end_time": "21:00", "status": "Hủy"})  # fmt: skip
    assert starts(year_file(ws, tmp_path, "huy.ics")) == [_at(15, m) for m in (2, 3, 4)]


def test_all_day_and_timed_activities(ws: Workspace, tmp_path: Path) -> None:
    """An activity without a time is a whole day (DTEND the day after, exclusive); one of
    several days ends the day after its last; a time without an end lasts two hours."""
    ws.activities.save({"title": "Ngày Chủ nhật xanh", "start_date": "26/10/2025"})
    ws.activities.save({"title": "Hội trại", "start_date": "01/11/2025",
                        "end_date": "03/11/2025"})  # fmt: skip
    ws.activities.save({"title": "Hội thi", "start_date": "05/11/2025", "start_time": "07:30"})
    calendar = year_file(ws, tmp_path)
    spans = {
        str(e["SUMMARY"]): (e.decoded("DTSTART"), e.decoded("DTEND"))
        for e in calendar.walk("VEVENT")
    }
    assert spans == {
        "Ngày Chủ nhật xanh": (D(2025, 10, 26), D(2025, 10, 27)),
        "Hội trại": (D(2025, 11, 1), D(2025, 11, 4)),
        "Hội thi": (_at(5, 11, 7, 30), _at(5, 11, 9, 30)),
    }
    raw = (tmp_path / "lich.ics").read_bytes().decode()
    assert "DTSTART;VALUE=DATE:20251026\r\n" in raw
    assert "DTSTART;TZID=Asia/Ho_Chi_Minh:20251105T073000\r\n" in raw


def test_an_activity_across_midnight(ws: Workspace, tmp_path: Path) -> None:
    """A New Year's Eve vigil from 20:00 on 31/12 to 01:00 on 01/01: it ends the next morning,
    and the file of the new year (or of its first day) holds it, as the calendar shows it on
    both days."""
    activity_id, _ = ws.activities.save(
        {"title": "Đêm hội chào năm mới", "start_date": "31/12/2025", "start_time": "20:00",
         "end_date": "01/01/2026", "end_time": "01:00"}
    )  # fmt: skip
    (event,) = year_file(ws, tmp_path).walk("VEVENT")
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (
        _at(31, 12, 20, 0), _at(1, 1, 1, 0, year=2026),
    )  # fmt: skip
    new_year = (D(2026, 1, 1), D(2026, 1, 1))
    assert [r.activity_id for r in ws.activities.occurrences(*new_year)] == [activity_id]
    assert ws.activities.calendar_size(*new_year) == 1
    (event,) = export(ws, tmp_path / "2026.ics", *new_year).walk("VEVENT")
    assert str(event["UID"]) == f"{activity_id}@doancoso"


def test_a_series_edited_after_an_export(ws: Workspace, tmp_path: Path) -> None:
    """The meetings moved from 19:30 to 20:00 after the file went onto a phone: the series
    comes again under its UID at a higher SEQUENCE with the new time; a date given its own time
    keeps it."""
    raw = {"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat", "start_date": "15/01/2025",
           "start_time": "19:30", "repeat": "monthly", "until": "30/04/2025"}  # fmt: skip
    activity_id, _ = ws.activities.save(raw)
    march = ws.activities.occurrence_ids_of(activity_id)[2]
    ws.activities.update_occurrence(march, {"start_time": "07:00"})
    before = year_file(ws, tmp_path, "lan-1.ics")
    ws.activities.save({**raw, "start_time": "20:00"}, activity_id)
    after = year_file(ws, tmp_path, "lan-2.ics")
    assert starts(after) == [_at(15, 1, 20, 0), _at(15, 2, 20, 0), _at(15, 3, 7, 0),
                             _at(15, 4, 20, 0)]  # fmt: skip

    def versions(calendar: Calendar) -> dict[tuple[str, Any], int]:
        return {
            (str(e["UID"]), e.decoded("RECURRENCE-ID") if "RECURRENCE-ID" in e else None): int(
                cast(int, e["SEQUENCE"])  # icalendar reads it as a vInt
            )
            for e in calendar.walk("VEVENT")
        }

    uid = f"{activity_id}@doancoso"
    old, new = versions(before), versions(after)
    assert list(old) == [(uid, None), (uid, _at(15, 3))]
    assert list(new) == [(uid, None), (uid, _at(15, 3, 20, 0))]  # named by the series' time
    assert new[(uid, None)] > old[(uid, None)]


def test_vietnamese_text_with_commas_and_semicolons(ws: Workspace, tmp_path: Path) -> None:
    """SUMMARY, LOCATION, DESCRIPTION and CATEGORIES are TEXT (RFC 5545 §3.3.11): a comma, a
    semicolon, a backslash and a line break are escaped, and come back as typed, in NFC (a
    title typed decomposed included)."""
    kind = ws.activities.add_kind("Văn hóa, thể thao; giao lưu")
    title = unicodedata.normalize(
        "NFD", "Họp BCH: tổng kết năm, phân công; chuẩn bị Đại hội \\ 2026"
    )
    ws.activities.save(
        {"title": title, "kind": kind, "start_date": "20/12/2025", "start_time": "14:00",
         "place": "Hội trường UBND xã Tân Hưng, ấp 3; tầng 2",
         "partners": "Hội LHPN xã, Hội Nông dân; Công an xã",
         "notes": "Mang theo: sổ đoàn viên, thẻ đoàn viên;\nĐồng phục áo xanh thanh niên."}
    )  # fmt: skip
    target = tmp_path / "lich.ics"
    (event,) = export(ws, target, D(2025, 12, 1), D(2025, 12, 31)).walk("VEVENT")
    assert str(event["SUMMARY"]) == unicodedata.normalize("NFC", title)
    assert str(event["LOCATION"]) == "Hội trường UBND xã Tân Hưng, ấp 3; tầng 2"
    assert str(event["DESCRIPTION"]) == (
        "Loại: Văn hóa, thể thao; giao lưu\n"
        "Phối hợp: Hội LHPN xã, Hội Nông dân; Công an xã\n"
        "Mang theo: sổ đoàn viên, thẻ đoàn viên;\nĐồng phục áo xanh thanh niên."
    )
    unfolded = target.read_bytes().replace(b"\r\n ", b"").decode("utf-8")
    assert unicodedata.is_normalized("NFC", unfolded)
    lines = unfolded.split("\r\n")
    assert "SUMMARY:Họp BCH: tổng kết năm\\, phân công\\; chuẩn bị Đại hội \\\\ 2026" in lines
    assert "LOCATION:Hội trường UBND xã Tân Hưng\\, ấp 3\\; tầng 2" in lines
    assert "CATEGORIES:Văn hóa\\, thể thao\\; giao lưu" in lines  # one category, not two
    (description,) = [line for line in lines if line.startswith("DESCRIPTION:")]
    assert "thẻ đoàn viên\\;\\nĐồng phục" in description


def test_long_lines_are_folded_between_letters(ws: Workspace, tmp_path: Path) -> None:
    """Lines past 75 octets are folded (RFC 5545 §3.1), never inside a letter: Vietnamese
    letters take two or three octets in UTF-8, so a fold counted in characters, or cut at 75
    bytes, would break one."""
    title = "Tuyên truyền, phổ biến, giáo dục pháp luật; kỹ năng sống " + "Ưng Hoàng Phúc " * 8
    place = "Ệ" * 60  # three octets each
    ws.activities.save({"title": title.strip(), "start_date": "09/12/2025", "place": place})
    target = tmp_path / "lich.ics"
    (event,) = export(ws, target, D(2025, 12, 1), D(2025, 12, 31)).walk("VEVENT")
    assert (str(event["SUMMARY"]), str(event["LOCATION"])) == (title.strip(), place)
    raw = target.read_bytes()
    assert raw.endswith(b"\r\n")
    lines = raw.split(b"\r\n")
    folded = [line for line in lines if line.startswith(b" ")]
    assert len(folded) >= 4
    for line in lines:
        assert len(line) <= 75, line
        line.decode("utf-8")  # each piece whole: no letter cut in two


def test_the_timezone_carries_no_english_comment(ws: Workspace, tmp_path: Path) -> None:
    """The calendar library notes in English that its timezone "only works from 1970-01-01 to
    2038-01-01": a file the secretary hands on carries no English. The timezone stays whole:
    a phone reads 19:30 in Vietnam (+07:00) from it."""
    ws.activities.save({"title": "Hội thi", "start_date": "05/11/2025", "start_time": "19:30"})
    calendar = year_file(ws, tmp_path)
    raw = (tmp_path / "lich.ics").read_bytes().decode()
    assert "COMMENT" not in raw and "This timezone" not in raw
    (zone,) = calendar.walk("VTIMEZONE")
    assert isinstance(zone, Timezone) and str(zone["TZID"]) == "Asia/Ho_Chi_Minh"
    offset = zone.to_tz().utcoffset(dt.datetime(2025, 11, 5, 19, 30))
    assert offset == dt.timedelta(hours=7)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == _at(5, 11, 19, 30)
