"""``doancoso calendar export`` run again after changes, each file imported into one phone: the
phone keeps every event (by UID) a later file does not carry, takes a carried one only at a
SEQUENCE at least as high, and drops a cancelled one (RFC 5546 §2.1.4, §3.2.5). What it then
shows must be the app's meetings, each once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar

from calendar_cli import in_folder
from doancoso.core.workspace import Workspace
from ics_read import rule_dates

VN = ZoneInfo("Asia/Ho_Chi_Minh")
YEAR = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
MEETING = {"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat", "start_date": "15/01/2025",
           "start_time": "19:30", "repeat": "monthly", "until": "30/06/2025"}  # fmt: skip


def _at(day: int, month: int, hour: int = 19, minute: int = 30) -> dt.datetime:
    return dt.datetime(2025, month, day, hour, minute, tzinfo=VN)


class Phone:
    """A calendar that imports .ics files one after the other."""

    def __init__(self) -> None:
        self.held: dict[str, list[Any]] = {}

    def import_file(self, path: Path) -> Calendar:
        calendar = Calendar.from_ical(path.read_bytes())
        incoming: dict[str, list[Any]] = {}
        for event in calendar.walk("VEVENT"):
            incoming.setdefault(str(event["UID"]), []).append(event)
        for uid, group in incoming.items():
            sequence = max(int(e["SEQUENCE"]) for e in group)
            if uid in self.held and sequence < max(int(e["SEQUENCE"]) for e in self.held[uid]):
                continue  # an older version than the one held: ignored
            live = [e for e in group if str(e.get("STATUS", "")) != "CANCELLED"]
            if any("RECURRENCE-ID" not in e for e in group) and len(live) < len(group):
                live = [e for e in live if "RECURRENCE-ID" in e]  # the event itself cancelled
            if live:
                self.held[uid] = live
            else:
                self.held.pop(uid, None)
        return calendar

    def shown(self) -> list[dt.date | dt.datetime]:
        """Every meeting the phone shows, in order."""
        moments: list[Any] = []
        for group in self.held.values():
            masters = [e for e in group if "RECURRENCE-ID" not in e]
            if not masters:
                continue
            (master,) = masters
            dates = rule_dates(master)
            for moved in (e for e in group if "RECURRENCE-ID" in e):
                dates.remove(moved.decoded("RECURRENCE-ID"))
                dates.append(moved.decoded("DTSTART"))
            moments.extend(dates)
        return sorted(moments)


def export(data_dir: Path, target: Path) -> Path:
    result = in_folder(data_dir, "calendar", "export", str(target), "--year", "2025")
    assert (result.code, result.err) == (0, ""), result.err
    return target


def app_dates(ws: Workspace) -> list[dt.datetime]:
    return [
        dt.datetime.combine(o.day, dt.time.fromisoformat(o.start_time or "00:00"), tzinfo=VN)
        for o in ws.activities.occurrences(*YEAR)
        if o.status not in ("huy", "hoan")
    ]


def _events(calendar: Calendar, uid: str) -> Sequence[Any]:
    return [e for e in calendar.walk("VEVENT") if str(e["UID"]) == uid]


def test_a_date_of_its_own_taken_off_since_is_cancelled_on_the_phone(
    ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    """The meeting of 15/03 was moved to 16/03, then the meetings moved to the 20th: 16/03
    stayed, an event of its own on the phone. It was then put back on 15/03 (a slip) and the
    next edit of the activity took it off, as a date of no rule with nothing of its own: the
    row deleted (a tombstone), not marked cancelled. The next file must cancel that event,
    which it left out: the phone kept showing 15/03."""
    activity_id, _ = ws.activities.save(MEETING)
    (march,) = ws.activities.occurrences(dt.date(2025, 3, 15), dt.date(2025, 3, 15))
    ws.activities.update_occurrence(march.id, {"day": "16/03/2025"})
    moved = {**MEETING, "start_date": "20/01/2025"}
    ws.activities.save(moved, activity_id)
    phone = Phone()
    phone.import_file(export(data_dir, tmp_path / "lan-1.ics"))
    assert phone.shown() == sorted([_at(16, 3)] + [_at(20, m) for m in range(1, 7)])
    ws.activities.update_occurrence(march.id, {"day": "15/03/2025"})
    ws.activities.save({**moved, "place": "Nhà văn hóa ấp Tân Hòa"}, activity_id)
    assert march.id not in ws.activities.occurrence_ids_of(activity_id)  # taken off
    calendar = phone.import_file(export(data_dir, tmp_path / "lan-2.ics"))
    assert phone.shown() == app_dates(ws) == [_at(20, m) for m in range(1, 7)]
    (cancelled,) = _events(calendar, f"{march.id}@doancoso")
    assert (str(cancelled["STATUS"]), cancelled.decoded("DTSTART")) == ("CANCELLED", _at(15, 3))


def test_a_date_of_its_own_inside_a_later_repeat_shows_once(
    ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    """The meeting of 15/01 was held, then the activity was made a one-off on 20/03: 15/01
    stayed, an event of its own on the phone. The repeat was then set again, on the 15th: 15/01
    is a date of it now. The next file made it an instance of the series and left its own event
    out, so the phone showed 15/01 twice; the held date stays an event of its own instead, the
    series skipping it (EXDATE)."""
    activity_id, _ = ws.activities.save(MEETING)
    member = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000",
                              "admission_date": "01/01/2020"})  # fmt: skip
    held = ws.activities.occurrence_ids_of(activity_id)[0]
    ws.attendance.save(held, {member: ("present", None)})
    one_off = {k: v for k, v in MEETING.items() if k not in ("repeat", "until")}
    ws.activities.save({**one_off, "start_date": "20/03/2025"}, activity_id)
    phone = Phone()
    phone.import_file(export(data_dir, tmp_path / "lan-1.ics"))
    assert phone.shown() == [_at(15, 1), _at(20, 3)]
    ws.activities.save(MEETING, activity_id)  # the repeat again, from 15/01
    meetings = [_at(15, m) for m in range(1, 7)]
    assert app_dates(ws) == meetings
    calendar = phone.import_file(export(data_dir, tmp_path / "lan-2.ics"))
    assert phone.shown() == meetings  # each once
    (own,) = _events(calendar, f"{held}@doancoso")
    assert ("STATUS" not in own, own.decoded("DTSTART")) == (True, _at(15, 1))
    # a phone that never had the first file shows each once too
    fresh = Phone()
    fresh.import_file(tmp_path / "lan-2.ics")
    assert fresh.shown() == meetings


def test_a_held_date_of_a_series_edited_later_shows_once(
    ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    """A held meeting of a series, the series then made shorter: the file may change how it
    carries the held date, never show it twice or lose it, on a phone that had the series."""
    activity_id, _ = ws.activities.save(MEETING)
    member = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000",
                              "admission_date": "01/01/2020"})  # fmt: skip
    february = ws.activities.occurrence_ids_of(activity_id)[1]
    ws.attendance.save(february, {member: ("present", None)})
    phone = Phone()
    phone.import_file(export(data_dir, tmp_path / "lan-1.ics"))
    assert phone.shown() == [_at(15, m) for m in range(1, 7)]
    ws.activities.save({**MEETING, "until": "30/04/2025"}, activity_id)
    phone.import_file(export(data_dir, tmp_path / "lan-2.ics"))
    assert phone.shown() == app_dates(ws) == [_at(15, m) for m in range(1, 5)]


def test_a_date_of_its_own_made_the_one_off_shows_once(
    ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    """The meeting of 15/01 was held, then the meetings moved to the 20th: 15/01 stayed, an
    event of its own on the phone. The repeat was then removed, the activity kept as that one
    meeting: the file made 15/01 the activity's own event and left the date's out, so the phone
    showed it twice (and kept the series of the 20th under the activity's UID until then)."""
    activity_id, _ = ws.activities.save(MEETING)
    member = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000",
                              "admission_date": "01/01/2020"})  # fmt: skip
    held = ws.activities.occurrence_ids_of(activity_id)[0]
    ws.attendance.save(held, {member: ("present", None)})
    ws.activities.save({**MEETING, "start_date": "20/01/2025"}, activity_id)
    phone = Phone()
    phone.import_file(export(data_dir, tmp_path / "lan-1.ics"))
    assert phone.shown() == [_at(15, 1)] + [_at(20, m) for m in range(1, 7)]
    one_off = {k: v for k, v in MEETING.items() if k not in ("repeat", "until")}
    ws.activities.save(one_off, activity_id)  # once, on 15/01
    assert app_dates(ws) == [_at(15, 1)]
    calendar = phone.import_file(export(data_dir, tmp_path / "lan-2.ics"))
    assert phone.shown() == [_at(15, 1)]
    (own,) = _events(calendar, f"{held}@doancoso")
    assert "STATUS" not in own
    (series,) = _events(calendar, f"{activity_id}@doancoso")
    assert str(series["STATUS"]) == "CANCELLED"
    fresh = Phone()
    fresh.import_file(tmp_path / "lan-2.ics")
    assert fresh.shown() == [_at(15, 1)]


def test_a_date_kept_for_its_photo_inside_a_later_repeat_shows_once(
    ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    """A photo attached to the planned meeting of 15/03 keeps it when the meetings move to the
    20th (an event of its own on the phone), as minutes would; the 15th set again, it must not
    show twice though nothing but its photo is its own."""
    activity_id, _ = ws.activities.save(MEETING)
    march = ws.activities.occurrence_ids_of(activity_id)[2]
    photo = tmp_path / "anh-sinh-hoat.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 anh buoi sinh hoat thang 3")
    ws.evidence.attach("occurrences", march, photo, "Ảnh buổi sinh hoạt")
    ws.activities.save({**MEETING, "start_date": "20/01/2025"}, activity_id)
    phone = Phone()
    phone.import_file(export(data_dir, tmp_path / "lan-1.ics"))
    assert phone.shown() == sorted([_at(15, 3)] + [_at(20, m) for m in range(1, 7)])
    ws.activities.save(MEETING, activity_id)
    phone.import_file(export(data_dir, tmp_path / "lan-2.ics"))
    assert phone.shown() == app_dates(ws) == [_at(15, m) for m in range(1, 7)]
