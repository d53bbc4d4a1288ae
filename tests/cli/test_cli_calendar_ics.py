"""``doancoso calendar export``: the .ics read back with ``icalendar`` and its recurrences
expanded with dateutil (RRULE, EXDATE, RECURRENCE-ID, STATUS:CANCELLED) as a phone's calendar
would — the dates, the Vietnamese text, the time zone, and UIDs that stay the same from one
export to the next."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any, cast
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from calendar_cli import in_folder
from cli_run import usage_error
from doancoso.core.workspace import Workspace
from ics_read import rule_dates

VN = ZoneInfo("Asia/Ho_Chi_Minh")
MEETING = "Sinh hoạt chi đoàn định kỳ – Chi đoàn ấp Tân Hòa, chủ đề “Tuổi trẻ Cà Mau”"
CLEAN_UP = "Ngày Chủ nhật xanh – dọn vệ sinh kênh Xáng Đứng"
REHEARSAL = "Tập văn nghệ chào mừng 26/3"


def _at(day: int, month: int, hour: int = 19, minute: int = 30) -> dt.datetime:
    return dt.datetime(2025, month, day, hour, minute, tzinfo=VN)


@pytest.fixture
def calendar_2025(ws: Workspace) -> dict[str, str]:
    """A monthly meeting on the 31st (30/04 moved to 02/05, 30/06 cancelled), a one-off all-day
    clean-up, four weekly rehearsals, and an activity of 2024; title → activity id."""
    save = ws.activities.save
    ids = {}
    ids[MEETING], _ = save({"title": MEETING, "kind": "sinh-hoat", "start_date": "31/01/2025",
                            "start_time": "19:30", "end_time": "21:00",
                            "place": "Nhà văn hóa ấp Tân Hòa", "repeat": "monthly",
                            "until": "31/12/2025"})  # fmt: skip
    ids[CLEAN_UP], _ = save({"title": CLEAN_UP, "kind": "Ngày Chủ nhật xanh",
                             "start_date": "26/10/2025",
                             "place": "Kênh Xáng, ấp Tân Lợi"})  # fmt: skip
    ids[REHEARSAL], _ = save({"title": REHEARSAL, "kind": "van-hoa", "start_date": "03/03/2025",
                              "start_time": "07:00", "repeat": "weekly",
                              "until": "24/03/2025"})  # fmt: skip
    save({"title": "Hội thi năm 2024", "start_date": "15/09/2024"})
    by_day = {o.day: o.id for o in ws.activities.occurrences(dt.date(2025, 1, 1),
                                                              dt.date(2025, 12, 31))}  # fmt: skip
    ws.activities.update_occurrence(by_day[dt.date(2025, 4, 30)], {"day": "02/05/2025"})
    ws.activities.update_occurrence(by_day[dt.date(2025, 6, 30)], {"status": "Hủy"})
    return ids


def export(folder: Path, target: Path, *options: str) -> Calendar:
    result = in_folder(folder, "calendar", "export", str(target), *options)
    assert (result.code, result.err) == (0, ""), result.err
    return Calendar.from_ical(target.read_bytes())


def expand(calendar: Calendar) -> dict[str, list[dt.date | dt.datetime]]:
    """Every event's dates, as a calendar reading the file shows them: the RRULE's dates less
    its EXDATEs, each date named by a RECURRENCE-ID replaced by that event's own start."""
    events: dict[str, list[Any]] = defaultdict(list)
    for event in calendar.walk("VEVENT"):
        if str(event.get("STATUS", "")) != "CANCELLED":  # a phone removes a cancelled event
            events[str(event["UID"])].append(event)
    dates: dict[str, list[dt.date | dt.datetime]] = {}
    for group in events.values():
        (master,) = [e for e in group if "RECURRENCE-ID" not in e]
        moments = rule_dates(master)
        for moved in (e for e in group if "RECURRENCE-ID" in e):
            moments.remove(moved.decoded("RECURRENCE-ID"))  # a date the rule made
            moments.append(moved.decoded("DTSTART"))
        summary = str(master["SUMMARY"])  # a date kept out of its rule is an event of its own
        dates[summary] = sorted([*dates.get(summary, []), *moments])
    return dates


def test_dates_expanded_back(calendar_2025: dict[str, str], data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "lich-2025.ics"
    result = in_folder(data_dir, "calendar", "export", str(target), "--year", "2025")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        f"Đã xuất lịch hoạt động từ 01/01/2025 đến 31/12/2025 ra tệp {target} (4 sự kiện).\n"
    )
    dates = expand(Calendar.from_ical(target.read_bytes()))
    assert dates == {
        MEETING: [_at(31, 1), _at(28, 2), _at(31, 3), _at(2, 5), _at(31, 5), _at(31, 7),
                  _at(31, 8), _at(30, 9), _at(31, 10), _at(30, 11), _at(31, 12)],
        CLEAN_UP: [dt.date(2025, 10, 26)],
        REHEARSAL: [_at(d, 3, 7, 0) for d in (3, 10, 17, 24)],
    }  # fmt: skip


def test_a_range_takes_the_activities_with_a_date_in_it(
    calendar_2025: dict[str, str], data_dir: Path, tmp_path: Path
) -> None:
    march = export(data_dir, tmp_path / "thang-3.ics", "--from", "01/03/2025", "--to", "31/03/2025")
    assert sorted(expand(march)) == sorted([MEETING, REHEARSAL])  # each with all its dates
    autumn = export(data_dir, tmp_path / "thu.ics", "--from", "01/10/2025")  # to 31/12/2025
    assert sorted(expand(autumn)) == sorted([MEETING, CLEAN_UP])
    older = export(data_dir, tmp_path / "2024.ics", "--year", "2024")
    assert list(expand(older)) == ["Hội thi năm 2024"]


def test_vietnamese_text_and_time_zone(
    calendar_2025: dict[str, str], data_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "lich.ics"
    calendar = export(data_dir, target, "--year", "2025")
    assert str(calendar["X-WR-CALNAME"]) == "Lịch hoạt động – Đoàn xã Tân Hưng"
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Asia/Ho_Chi_Minh"
    latest = max(zone.walk("STANDARD"), key=lambda part: part.decoded("DTSTART"))
    assert latest.decoded("TZOFFSETTO") == dt.timedelta(hours=7)
    texts = {}
    for event in calendar.walk("VEVENT"):
        key = (str(event["SUMMARY"]), "RECURRENCE-ID" in event)
        texts[key] = (str(event.get("LOCATION", "")), str(event["DESCRIPTION"]))
        if isinstance(event.decoded("DTSTART"), dt.datetime):
            assert event["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert texts == {
        (MEETING, False): ("Nhà văn hóa ấp Tân Hòa", "Loại: Sinh hoạt chi đoàn định kỳ"),
        (MEETING, True): ("Nhà văn hóa ấp Tân Hòa", "Loại: Sinh hoạt chi đoàn định kỳ"),
        (CLEAN_UP, False): ("Kênh Xáng, ấp Tân Lợi", "Loại: Ngày Chủ nhật xanh"),
        (REHEARSAL, False): ("", "Loại: Văn hóa – văn nghệ – thể dục thể thao"),
    }
    raw = target.read_bytes()
    lines = raw.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)  # RFC 5545 §3.1: folded at 75 octets
    assert any(line.startswith(b" ") for line in lines)  # the long title was folded...
    for line in lines:
        line.decode("utf-8")  # ...between letters, never inside one (§3.1: SHOULD NOT split)
    unfolded = raw.replace(b"\r\n ", b"").decode("utf-8")
    escaped = MEETING.replace(",", "\\,")  # RFC 5545 §3.3.11: TEXT escapes its commas
    assert f"SUMMARY:{escaped}\r\n" in unfolded  # ...and comes back whole, in NFC
    assert unicodedata.is_normalized("NFC", unfolded)


def test_uids_stay_the_same(
    ws: Workspace, calendar_2025: dict[str, str], data_dir: Path, tmp_path: Path
) -> None:
    first = tmp_path / "lan-1.ics"
    second = tmp_path / "lan-2.ics"
    export(data_dir, first, "--year", "2025")
    export(data_dir, second, "--year", "2025")
    assert first.read_bytes() == second.read_bytes()  # nothing changed: the very same file

    def uids(calendar: Calendar) -> dict[str, tuple[str, int]]:
        return {
            str(e["SUMMARY"]): (str(e["UID"]), int(cast(int, e["SEQUENCE"])))
            for e in calendar.walk("VEVENT")
            if "RECURRENCE-ID" not in e
        }

    before = uids(Calendar.from_ical(first.read_bytes()))
    assert {uid for uid, _ in before.values()} == {
        f"{calendar_2025[title]}@doancoso" for title in (MEETING, CLEAN_UP, REHEARSAL)
    }
    record = ws.activities.get(calendar_2025[CLEAN_UP])
    ws.activities.save({"title": "Ngày Chủ nhật xanh tháng 10", "kind": record.fields.kind,
                        "start_date": "26/10/2025", "place": record.fields.place},
                       calendar_2025[CLEAN_UP])  # fmt: skip
    after = uids(export(data_dir, tmp_path / "lan-3.ics", "--year", "2025"))
    renamed_uid, renamed_sequence = after.pop("Ngày Chủ nhật xanh tháng 10")
    old_uid, old_sequence = before.pop(CLEAN_UP)
    assert renamed_uid == old_uid and renamed_sequence > old_sequence  # updated, not duplicated
    assert after == before


def test_a_date_held_before_the_rule_changed_stays_in_the_calendar(
    ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    """The meeting of 15/01 was held (its attendance taken), then the meetings moved to the
    20th: the app keeps 15/01, and so must the phone's calendar."""
    raw = {"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat", "start_date": "15/01/2025",
           "start_time": "19:30", "repeat": "monthly", "until": "31/12/2025"}  # fmt: skip
    activity_id, _ = ws.activities.save(raw)
    member = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000",
                              "admission_date": "01/01/2020"})  # fmt: skip
    held = ws.activities.occurrence_ids_of(activity_id)[0]
    ws.attendance.save(held, {member: ("present", None)})
    ws.activities.save({**raw, "start_date": "20/01/2025"}, activity_id)
    year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    app = [(o.day, o.start_time) for o in ws.activities.occurrences(*year)]
    calendar = export(data_dir, tmp_path / "lich.ics", "--year", "2025")
    meetings = [_at(15, 1)] + [_at(20, m) for m in range(1, 13)]
    assert expand(calendar) == {"Sinh hoạt chi đoàn": meetings}
    assert app == [(dt.date(2025, 1, 15), "19:30")] + [
        (dt.date(2025, m, 20), "19:30") for m in range(1, 13)
    ]


def test_a_repeat_made_a_one_off_keeps_its_held_date_on_the_phone(
    ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    """The meeting of 15/01 was held, then the activity was made a one-off on 20/03 ("Không
    lặp lại"): the app keeps both dates; the file had only 15/01, so the phone lost 20/03."""
    raw = {"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat", "start_date": "15/01/2025",
           "start_time": "19:30", "repeat": "monthly", "until": "30/06/2025"}  # fmt: skip
    activity_id, _ = ws.activities.save(raw)
    member = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000",
                              "admission_date": "01/01/2020"})  # fmt: skip
    held = ws.activities.occurrence_ids_of(activity_id)[0]
    ws.attendance.save(held, {member: ("present", None)})
    one_off = {k: v for k, v in raw.items() if k not in ("repeat", "until")}
    ws.activities.save({**one_off, "start_date": "20/03/2025"}, activity_id)
    year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert [o.day for o in ws.activities.occurrences(*year)] == [
        dt.date(2025, 1, 15), dt.date(2025, 3, 20),
    ]  # fmt: skip
    calendar = export(data_dir, tmp_path / "lich.ics", "--year", "2025")
    assert expand(calendar) == {"Sinh hoạt chi đoàn": [_at(15, 1), _at(20, 3)]}
    starts = {str(e["UID"]): e.decoded("DTSTART") for e in calendar.walk("VEVENT")}
    assert starts == {  # the activity's UID on its date, the date kept an event of its own
        f"{activity_id}@doancoso": _at(20, 3),
        f"{held}@doancoso": _at(15, 1),
    }


def test_a_date_kept_out_of_its_rule_then_cancelled_is_cancelled_on_the_phone(
    ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    """The meeting of 15/03 was moved to 16/03, then the meetings moved to the 20th: 16/03 is
    an event of its own on the phone. Cancelled since ("Hủy" on that date only), the next file
    must cancel that event with a higher SEQUENCE, not leave it out (the phone kept it)."""
    raw = {"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat", "start_date": "15/01/2025",
           "start_time": "19:30", "repeat": "monthly", "until": "30/06/2025"}  # fmt: skip
    activity_id, _ = ws.activities.save(raw)
    (march,) = ws.activities.occurrences(dt.date(2025, 3, 15), dt.date(2025, 3, 15))
    ws.activities.update_occurrence(march.id, {"day": "16/03/2025"})
    ws.activities.save({**raw, "start_date": "20/01/2025"}, activity_id)
    meetings = sorted([_at(16, 3)] + [_at(20, m) for m in range(1, 7)])
    before = export(data_dir, tmp_path / "lan-1.ics", "--year", "2025")
    assert expand(before) == {"Sinh hoạt chi đoàn": meetings}
    ws.activities.update_occurrence(march.id, {"status": "Hủy"})
    after = export(data_dir, tmp_path / "lan-2.ics", "--year", "2025")
    assert expand(after) == {"Sinh hoạt chi đoàn": [m for m in meetings if m != _at(16, 3)]}
    own = f"{march.id}@doancoso"
    (status_before, sequence_before) = _events(before)[(own, None)]
    (status_after, sequence_after) = _events(after)[(own, None)]
    assert status_before is None
    assert status_after == "CANCELLED" and sequence_after > sequence_before
    (cancelled,) = [e for e in after.walk("VEVENT") if str(e["UID"]) == own]
    assert cancelled.decoded("DTSTART") == _at(16, 3)
    assert str(cancelled["DESCRIPTION"]) == "Loại: Sinh hoạt chi đoàn định kỳ\nTrạng thái: Hủy"


def test_a_range_whose_dates_were_taken_off_updates_the_phone(
    ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    """The monthly meetings of 2025 went onto the phone; then they were made to end in June.
    The file of July to December must carry the series (its new end, a higher SEQUENCE) so
    that the phone drops the meetings of July to December: it held nothing, and the phone
    kept them."""
    raw = {"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat", "start_date": "15/01/2025",
           "start_time": "19:30", "repeat": "monthly", "until": "31/12/2025"}  # fmt: skip
    activity_id, _ = ws.activities.save(raw)
    before = _events(export(data_dir, tmp_path / "nam.ics", "--year", "2025"))
    ws.activities.save({**raw, "until": "30/06/2025"}, activity_id)
    assert ws.activities.calendar_size(dt.date(2025, 7, 1), dt.date(2025, 12, 31)) == 1
    target = tmp_path / "cuoi-nam.ics"
    result = in_folder(data_dir, "calendar", "export", str(target), "--from", "01/07/2025",
                       "--to", "31/12/2025")  # fmt: skip
    assert (result.code, result.err) == (0, "")
    assert result.out.endswith("(1 sự kiện).\n")
    calendar = Calendar.from_ical(target.read_bytes())
    assert expand(calendar) == {"Sinh hoạt chi đoàn": [_at(15, m) for m in range(1, 7)]}
    uid = f"{activity_id}@doancoso"
    assert _events(calendar)[(uid, None)][1] > before[(uid, None)][1]


# -- refused -------------------------------------------------------------------------------------


def test_bad_export_writes_nothing(ws: Workspace, data_dir: Path, tmp_path: Path) -> None:
    ws.activities.save({"title": "Hội thi", "start_date": f"01/03/{dt.date.today().year}"})
    cases = [
        (("calendar", "export", str(tmp_path / "lich.txt")),
         "Lỗi: Tệp lịch phải có đuôi .ics: lich.txt\n"),
        (("calendar", "export", str(tmp_path / "lich.ics"), "--from", "31/12/2025", "--to",
          "01/01/2025"),
         "Lỗi: Dữ liệu không hợp lệ:\n  --to: Ngày cuối 01/01/2025 trước ngày đầu 31/12/2025.\n"),
        (("calendar", "export", str(tmp_path / "lich.ics"), "--year", "1999"),
         "Lỗi: Dữ liệu không hợp lệ:\n  --year: Năm 1999 không hợp lệ: "
         "chỉ nhận các năm 2000–2100.\n"),
        (("calendar", "export", str(tmp_path / "lich.ics"), "--year", "0"),  # not "this year"
         "Lỗi: Dữ liệu không hợp lệ:\n  --year: Năm 0 không hợp lệ: chỉ nhận các năm 2000–2100.\n"),
        (("calendar", "export", str(tmp_path / "khong-co" / "lich.ics")),
         f"Lỗi: Không ghi được tệp “{tmp_path / 'khong-co' / 'lich.ics'}”: thư mục không "
         "tồn tại.\n"),
    ]  # fmt: skip
    for argv, message in cases:
        result = in_folder(data_dir, *argv)
        assert (result.code, result.out, result.err) == (1, "", message)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_a_range_without_any_activity_is_said_and_writes_nothing(
    calendar_2025: dict[str, str], data_dir: Path, tmp_path: Path
) -> None:
    """As the app's dialog says it: an empty calendar imported into a phone shows nothing and
    looks like a failed export."""
    target = tmp_path / "lich.ics"
    for options, span in ((("--year", "2027"), ("01/01/2027", "31/12/2027")),
                          (("--from", "01/01/2024", "--to", "31/08/2024"),
                           ("01/01/2024", "31/08/2024"))):  # fmt: skip
        result = in_folder(data_dir, "calendar", "export", str(target), *options)
        assert (result.code, result.out, result.err) == (
            1,
            "",
            f"Lỗi: Từ {span[0]} đến {span[1]} không có hoạt động nào: không có gì để xuất. "
            "Hãy chọn năm hoặc khoảng ngày khác.\n",
        )
    assert not target.exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--year", "2025", "--from", "01/01/2025"), "tùy chọn --from: không dùng cùng với --year"),
        (("--year", "2025", "--to", "01/01/2025"), "tùy chọn --to: không dùng cùng với --year"),
        (("--year", "năm nay"),
         "tùy chọn --year: giá trị không hợp lệ “năm nay” (cần một số nguyên)"),
        ((), "thiếu tham số bắt buộc: TỆP"),
    ],
)  # fmt: skip
def test_bad_usage_exits_2(
    ws: Workspace,
    capsys: pytest.CaptureFixture[str],
    data_dir: Path,
    tmp_path: Path,
    options: tuple[str, ...],
    message: str,
) -> None:
    target = [] if not options else [str(tmp_path / "lich.ics")]
    err = usage_error(capsys, "calendar", "export", "--data-dir", str(data_dir), *target, *options)
    assert err.startswith("cách dùng: doancoso calendar export")
    assert err.endswith(f"Lỗi cú pháp lệnh: {message}\n")
    assert not (tmp_path / "lich.ics").exists()


def test_this_year_by_default(ws: Workspace, data_dir: Path, tmp_path: Path) -> None:
    year = dt.date.today().year
    for title, day in (("Năm ngoái", f"31/12/{year - 1}"), ("Năm nay", f"01/01/{year}")):
        ws.activities.save({"title": title, "start_date": day})
    target = tmp_path / "lich.ics"
    result = in_folder(data_dir, "calendar", "export", str(target))
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        f"Đã xuất lịch hoạt động từ 01/01/{year} đến 31/12/{year} ra tệp {target} (1 sự kiện).\n"
    )
    assert expand(Calendar.from_ical(target.read_bytes())) == {"Năm nay": [dt.date(year, 1, 1)]}


def test_a_postponed_date_is_not_on_the_phone_on_its_old_day(
    ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    """A meeting marked "Hoãn" will not take place that day (the calendar strikes it out, its
    attendance is refused): the phone must not show it as planned."""
    ws.activities.save({"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat",
                        "start_date": "15/01/2025", "start_time": "19:30", "repeat": "monthly",
                        "until": "30/04/2025"})  # fmt: skip
    ws.activities.save({"title": "Hội thi", "start_date": "10/03/2025"})
    by_day = {o.day: o.id for o in ws.activities.occurrences(dt.date(2025, 1, 1),
                                                              dt.date(2025, 12, 31))}  # fmt: skip
    ws.activities.update_occurrence(by_day[dt.date(2025, 2, 15)], {"status": "Hoãn"})
    ws.activities.update_occurrence(by_day[dt.date(2025, 3, 10)], {"status": "Hoãn"})
    calendar = export(data_dir, tmp_path / "lich.ics", "--year", "2025")
    assert expand(calendar)["Sinh hoạt chi đoàn"] == [_at(15, 1), _at(15, 3), _at(15, 4)]
    (contest,) = [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "Hội thi"]
    assert (str(contest["STATUS"]), str(contest["DESCRIPTION"])) == (
        "CANCELLED", "Loại: Khác\nTrạng thái: Hoãn",
    )  # fmt: skip


def test_a_date_ending_later_ends_later_on_the_phone(
    ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    ws.activities.save({"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat",
                        "start_date": "15/01/2025", "start_time": "19:30", "end_time": "21:00",
                        "repeat": "monthly", "until": "31/03/2025"})  # fmt: skip
    (february,) = ws.activities.occurrences(dt.date(2025, 2, 15), dt.date(2025, 2, 15))
    ws.activities.update_occurrence(february.id, {"end_time": "22:30"})
    calendar = export(data_dir, tmp_path / "lich.ics", "--year", "2025")
    ends = {}
    for event in calendar.walk("VEVENT"):
        key = event.decoded("RECURRENCE-ID") if "RECURRENCE-ID" in event else "master"
        ends[key] = event.decoded("DTEND")
    assert ends == {"master": _at(15, 1, 21, 0), _at(15, 2): _at(15, 2, 22, 30)}


def _versions(calendar: Calendar) -> dict[tuple[str, Any], tuple[int, dt.datetime]]:
    """(SUMMARY, RECURRENCE-ID or None) → (SEQUENCE, DTSTAMP) of every event."""
    return {
        (str(e["SUMMARY"]), e.decoded("RECURRENCE-ID") if "RECURRENCE-ID" in e else None): (
            int(cast(int, e["SEQUENCE"])),
            e.decoded("DTSTAMP"),
        )
        for e in calendar.walk("VEVENT")
    }


def test_a_date_moved_or_cancelled_is_a_newer_version_for_the_phone(
    calendar_2025: dict[str, str], ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    """A phone that imported the calendar keeps its copy of an event (same UID) unless the
    next file's SEQUENCE is higher (RFC 5546 §2.1.4): moving a date or cancelling one must
    raise it, as changing the activity itself does."""
    before = _versions(export(data_dir, tmp_path / "lan-1.ics", "--year", "2025"))
    (clean_up,) = ws.activities.occurrence_ids_of(calendar_2025[CLEAN_UP])
    ws.activities.update_occurrence(clean_up, {"day": "02/11/2025"})  # a one-off moved
    by_day = {o.day: o.id for o in ws.activities.occurrences(dt.date(2025, 8, 1),
                                                              dt.date(2025, 9, 30))}  # fmt: skip
    ws.activities.update_occurrence(by_day[dt.date(2025, 8, 31)], {"status": "Hủy"})
    ws.activities.update_occurrence(by_day[dt.date(2025, 9, 30)], {"start_time": "20:00"})
    calendar = export(data_dir, tmp_path / "lan-2.ics", "--year", "2025")
    after = _versions(calendar)
    assert expand(calendar)[CLEAN_UP] == [dt.date(2025, 11, 2)]
    for key in [(CLEAN_UP, None), (MEETING, None)]:  # the one-off, the series (a new EXDATE)
        assert after[key][0] > before[key][0], key
        assert after[key][1] >= before[key][1], key  # DTSTAMP: when it was last changed
    assert after[(MEETING, _at(30, 9))][0] > before[(MEETING, None)][0]  # a new moved date
    assert after[(REHEARSAL, None)] == before[(REHEARSAL, None)]  # untouched: as it was
    again = _versions(export(data_dir, tmp_path / "lan-3.ics", "--year", "2025"))
    assert again == after  # nothing changed since: the same versions


# -- deleted activities ------------------------------------------------------------------------


def _events(calendar: Calendar) -> dict[tuple[str, Any], tuple[str | None, int]]:
    """(UID, RECURRENCE-ID or None) → (STATUS or None, SEQUENCE) of every event."""
    return {
        (str(e["UID"]), e.decoded("RECURRENCE-ID") if "RECURRENCE-ID" in e else None): (
            str(e["STATUS"]) if "STATUS" in e else None,
            int(cast(int, e["SEQUENCE"])),
        )
        for e in calendar.walk("VEVENT")
    }


def test_a_deleted_activity_is_cancelled_on_the_phone(
    calendar_2025: dict[str, str], ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    """An activity deleted after the calendar went onto a phone: the next file carries it with
    the same UID, STATUS:CANCELLED and a higher SEQUENCE, so that the phone importing it removes
    it (RFC 5546 §3.2.5); "Hoàn tác" brings it back, again as a newer version."""
    before = _events(export(data_dir, tmp_path / "lan-1.ics", "--year", "2025"))
    meeting, clean_up = (f"{calendar_2025[t]}@doancoso" for t in (MEETING, CLEAN_UP))
    ws.activities.delete(calendar_2025[MEETING])  # the series, with its moved date of 02/05
    ws.activities.delete(calendar_2025[CLEAN_UP])  # a one-off
    target = tmp_path / "lan-2.ics"
    result = in_folder(data_dir, "calendar", "export", str(target), "--year", "2025")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        f"Đã xuất lịch hoạt động từ 01/01/2025 đến 31/12/2025 ra tệp {target} (1 sự kiện; 2 "
        "hoạt động đã xóa được ghi là đã hủy để điện thoại xóa theo).\n"
    )
    calendar = Calendar.from_ical(target.read_bytes())
    after = _events(calendar)
    assert set(after) == set(before)  # the same events: none new, none left out
    for key, (status, sequence) in after.items():
        if key[0] in (meeting, clean_up):
            assert status == "CANCELLED", key
            assert sequence > before[key][1], key
        else:
            assert (status, sequence) == before[key], key  # the rehearsals: untouched
    assert expand(calendar)[REHEARSAL] == [_at(d, 3, 7, 0) for d in (3, 10, 17, 24)]
    (deleted,) = [e for e in calendar.walk("VEVENT") if str(e["UID"]) == clean_up]
    assert (str(deleted["SUMMARY"]), deleted.decoded("DTSTART")) == (
        CLEAN_UP, dt.date(2025, 10, 26),
    )  # fmt: skip
    assert str(deleted["DESCRIPTION"]).startswith("Đã xóa khỏi lịch hoạt động.\n")
    # undone: on the phone again, as a newer version than the cancellation
    ws.activities.restore(calendar_2025[CLEAN_UP])
    again = _events(export(data_dir, tmp_path / "lan-3.ics", "--year", "2025"))
    status, sequence = again[(clean_up, None)]
    assert status is None and sequence > after[(clean_up, None)][1]
    # a year the deleted activities had no date in knows nothing of them
    older = export(data_dir, tmp_path / "2024.ics", "--year", "2024")
    assert list(expand(older)) == ["Hội thi năm 2024"]


def test_a_range_holding_only_deleted_activities_is_still_exported(
    ws: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    """Everything of the range deleted: the file cancels it on the phone."""
    activity_id, _ = ws.activities.save({"title": "Hội trại", "start_date": "20/03/2025"})
    ws.activities.delete(activity_id)
    assert ws.activities.calendar_size(dt.date(2025, 3, 1), dt.date(2025, 3, 31)) == 1
    target = tmp_path / "thang-3.ics"
    result = in_folder(data_dir, "calendar", "export", str(target), "--from", "01/03/2025",
                       "--to", "31/03/2025")  # fmt: skip
    assert result.out.endswith(
        "(0 sự kiện; 1 hoạt động đã xóa được ghi là đã hủy để điện thoại xóa theo).\n"
    )
    (event,) = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert (str(event["UID"]), str(event["STATUS"])) == (f"{activity_id}@doancoso", "CANCELLED")
