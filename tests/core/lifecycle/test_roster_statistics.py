"""Roster statistics: every count on a small fixture with known members, and on demo data every
breakdown checked against the roster itself (``ws.members.ids``)."""

from __future__ import annotations

import contextlib
import csv
import re
import sqlite3
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from doancoso.core.lang.dates import DAY, age_on
from doancoso.core.lang.text import fold
from doancoso.core.lifecycle.service import ACTIVE_STATUSES
from doancoso.core.roster.branches import UNASSIGNED
from doancoso.core.roster.rules import too_young_message
from doancoso.core.roster.service import MemberFilter
from doancoso.core.roster.vocab import GENDERS, STATUSES
from doancoso.core.statistics import service as statistics
from doancoso.core.statistics.service import UNKNOWN, RosterStats, age_band, education_order
from doancoso.core.storage.models import Member
from doancoso.core.workspace import Workspace

AddMember = Callable[..., str]
TODAY = date(2025, 6, 15)
TL, CR, BD = "Chi đoàn ấp Tân Long", "Chi đoàn ấp Cái Rắn", "Chi đoàn ấp Bà Điều"


@pytest.fixture
def stats(ws: Workspace, add_member: AddMember) -> RosterStats:
    m = {}

    def add(key: str, name: str, birth: str, branch: str | None, **fields: str) -> None:
        m[key] = add_member(name, birth, branch, **fields)

    add("an", "Nguyễn Văn An", "01/01/2008", TL, gender="Nam", ethnicity="Kinh", religion="Không",
        education="12/12")  # fmt: skip
    add("be", "Trần Thị Bé", "20/06/2006", TL, gender="Nữ", ethnicity="kinh", religion="Phật giáo",
        education="12/12")  # fmt: skip
    add("cuong", "Lê Văn Cường", "15/06/2006", CR, gender="Nam", ethnicity="Khmer",
        religion="Phật giáo", education="9/12")  # fmt: skip
    add(
        "dung",
        "Phạm Thị Dung",
        "01/01/2000",
        CR,
        gender="Nữ",
        ethnicity="Kinh",
        education="Đại học",
    )
    add(
        "em",
        "Huỳnh Văn Em",
        "16/06/1995",
        None,
        gender="Nam",
        ethnicity="Hoa",
        religion="Công giáo",
    )
    add("phuong", "Võ Thị Phương", "01/01/1994", TL)
    add("giau", "Đặng Văn Giàu", "01/01/2001", TL, gender="Nam")
    add("hoa", "Bùi Thị Hoa", "01/01/1995", CR, gender="Nữ")
    add("ich", "Đỗ Văn Ích", "01/01/2001", CR, gender="Nam")
    add("khai", "Hồ Văn Khải", "01/01/2002", CR, gender="Nam")
    add("loc", "Ngô Văn Lộc", "01/01/2003", TL, gender="Nam")
    add("mai", "Dương Thị Mai", "01/01/2009", TL, gender="Nữ", ethnicity="Kinh", religion="Không")
    add("nam", "Lý Văn Nam", "01/01/2004", TL, gender="Nam", ethnicity="Kinh", religion="Không")
    ws.branches.create(BD)  # a chi đoàn with nobody yet

    record = ws.events.record
    record(m["an"], "admission", "01/03/2024")  # last year: not counted
    record(m["cuong"], "discipline", "01/03/2025", level="Khiển trách")  # not a departure
    record(m["dung"], "temporary", "01/02/2025", home_organization="Đoàn xã Khánh An")
    record(m["giau"], "transfer_out", "01/03/2025", other_organization="Đoàn phường 5")
    record(m["hoa"], "matured", "10/01/2025")
    record(m["ich"], "struck_off", "01/05/2024")  # last year
    record(m["khai"], "discipline", "01/04/2025", level="Khai trừ")
    record(m["loc"], "admission", "01/02/2025")
    ws.members.delete([m["loc"]])  # deleted: counted nowhere
    record(m["mai"], "admission", "01/02/2025")
    record(m["nam"], "transfer_in", "01/05/2025", other_organization="Đoàn xã Khánh An")

    def youth(name: str, **fields: str) -> str:
        return ws.youth.save({"full_name": name, "birth_date": "01/01/2007", **fields})

    youth("Lâm Thị Nghèo", hardship_kind="Hộ nghèo")
    youth("Lâm Văn Xa", away_place="Bình Dương")
    ws.youth.delete([youth("Lâm Văn Xóa", in_hardship="x")])
    admitted = youth("Châu Văn Tư", gender="Nam", ethnicity="Kinh", religion="Không",
                     in_hardship="x", away_place="Cà Mau")  # fmt: skip
    branch_cr = ws.branches.find(CR)
    assert branch_cr is not None
    ws.youth.admit(admitted, "01/03/2025", "Đoàn xã Tân Hưng", branch_cr.id)  # a new member
    return ws.statistics.roster(TODAY)


def test_a_past_day_counts_the_roster_as_it_stood_then(
    ws: Workspace, add_member: AddMember
) -> None:
    """The dossier of a past year counts its roster at 31/12 of that year: a member admitted
    after it is not counted, one who left after it counts as on the roster, a guest who
    transferred in for good after it counts as on temporary activity; today's figures differ."""
    here = add_member("Nguyễn Văn An", "01/01/2000", TL, gender="Nam")
    new = add_member("Trần Thị Bé", "01/01/2005", TL, gender="Nữ")
    left = add_member("Lê Văn Cường", "01/01/2001", CR, gender="Nam")
    guest = add_member("Phạm Thị Dung", "01/01/2002", CR, gender="Nữ")
    record = ws.events.record
    record(here, "admission", "01/03/2020")
    record(new, "admission", "15/01/2026")
    record(left, "admission", "01/03/2021")
    record(left, "transfer_out", "01/02/2026", other_organization="Đoàn phường 5")
    record(guest, "temporary", "01/05/2025", home_organization="Đoàn xã Khánh An")
    record(guest, "transfer_in", "01/03/2026", other_organization="Đoàn xã Khánh An")

    then = ws.statistics.roster(date(2025, 12, 31))
    assert (then.total, then.all_members) == (3, 3)
    assert {k: v for k, v in then.by_status.items() if v} == {
        "Đang sinh hoạt": 2, "Sinh hoạt tạm": 1,
    }  # fmt: skip
    assert list(then.by_branch.items()) == [(CR, 2), (TL, 1)]
    assert list(then.by_gender.items()) == [("Nam", 2), ("Nữ", 1)]
    assert list(then.by_age_band.items()) == [
        ("16–18", 0), ("19–24", 2), ("25–30", 1), ("Ngoài độ tuổi", 0),
    ]  # fmt: skip

    now = ws.statistics.roster(date.today())
    assert (now.total, now.all_members) == (3, 4)
    assert {k: v for k, v in now.by_status.items() if v} == {
        "Đang sinh hoạt": 3, "Đã chuyển sinh hoạt": 1,
    }  # fmt: skip


def test_a_past_day_counts_young_people_admitted_since_as_not_yet_members(ws: Workspace) -> None:
    """The statistics of 31/12/2025 count the young people not yet in the union on that day: Tư,
    in hardship and working away, admitted on 15/01/2026, is one of them (he was counted
    nowhere: no longer a young person of the register, not yet a member on 31/12/2025); Nghèo,
    admitted on 10/12/2025, is not."""

    def youth(name: str, **fields: str) -> str:
        return ws.youth.save({"full_name": name, "birth_date": "01/01/2007", **fields})

    tu = youth("Châu Văn Tư", gender="Nam", in_hardship="x", away_place="Cà Mau")
    ngheo = youth("Lâm Thị Nghèo", hardship_kind="Hộ nghèo")
    youth("Lâm Văn Xa", away_place="Bình Dương")
    ws.youth.admit(tu, "15/01/2026", "Đoàn xã Tân Hưng", None)
    ws.youth.admit(ngheo, "10/12/2025", "Đoàn xã Tân Hưng", None)

    then = ws.statistics.roster(date(2025, 12, 31))
    assert (then.youth_total, then.youth_in_hardship, then.youth_working_away) == (2, 1, 2)
    assert (then.total, then.admissions) == (1, 1)
    now = ws.statistics.roster(date.today())
    assert (now.youth_total, now.youth_in_hardship, now.youth_working_away) == (1, 0, 1)
    assert now.total == 2


def test_every_count_on_known_members(ws: Workspace, stats: RosterStats) -> None:
    assert (stats.today, stats.total, stats.all_members) == (TODAY, 9, 13)
    assert list(stats.by_branch.items()) == [(BD, 0), (CR, 3), (TL, 5), (UNASSIGNED, 1)]
    assert list(stats.by_status.items()) == [
        ("Đang sinh hoạt", 8), ("Sinh hoạt tạm", 1), ("Đã chuyển sinh hoạt", 1),
        ("Đã trưởng thành Đoàn", 1), ("Bị khai trừ", 1), ("Đã xóa tên", 1),
    ]  # fmt: skip
    assert list(stats.by_gender.items()) == [("Nam", 5), ("Nữ", 3), (UNKNOWN, 1)]
    # An 17, Bé 18 (birthday not yet), Mai 16, Tư 18 | Cường 19 (birthday today), Nam 21 |
    # Dung 25, Em 29 (turns 30 tomorrow) | Phương 31.
    assert list(stats.by_age_band.items()) == [
        ("16–18", 4), ("19–24", 2), ("25–30", 2), ("Ngoài độ tuổi", 1),
    ]  # fmt: skip
    assert list(stats.by_ethnicity.items()) == [("Kinh", 6), ("Hoa", 1), ("Khmer", 1), (UNKNOWN, 1)]
    assert list(stats.by_religion.items()) == [
        ("Không", 4), ("Phật giáo", 2), ("Công giáo", 1), (UNKNOWN, 2),
    ]  # fmt: skip
    assert list(stats.by_education.items()) == [
        ("9/12", 1),
        ("12/12", 2),
        ("Đại học", 1),
        (UNKNOWN, 5),
    ]  # fmt: skip  (general education in the order of its levels, then the rest)
    assert stats.coming_of_age == 2  # Em (reaches 30 in 2025) and Phương (overdue)
    assert stats.coming_of_age == len(ws.events.coming_of_age(TODAY.year))
    assert (stats.admissions, stats.transfers_in) == (2, 1)  # Mai and Tư; Nam
    assert stats.departures == {
        "Chuyển sinh hoạt đi": 1, "Trưởng thành Đoàn": 1, "Khai trừ": 1, "Xóa tên": 0,
    }  # fmt: skip
    assert stats.departures_total == 3
    assert stats.temporary == 1  # Dung


def test_departures_count_members_of_ours_once(ws: Workspace, stats: RosterStats) -> None:
    """A member who left, came back and left again in the year counts once, under the last
    leaving; a member of another organisation going home after a temporary activity here does
    not count; nor does a leaving of another year."""
    an = ws.members.ids(MemberFilter(search="nguyen van an"))[0]
    dung = ws.members.ids(MemberFilter(search="pham thi dung"))[0]
    ws.events.record(an, "transfer_out", "01/04/2025", other_organization="Đoàn phường 5")
    ws.events.record(an, "transfer_in", "01/05/2025", other_organization="Đoàn phường 5")
    ws.events.record(an, "struck_off", "01/06/2025")
    ws.events.end_temporary([dung], "01/06/2025")
    after = ws.statistics.roster(TODAY)
    # Giàu; Hoa; Khải; An once, struck off last.
    assert after.departures == {
        "Chuyển sinh hoạt đi": 1, "Trưởng thành Đoàn": 1, "Khai trừ": 1, "Xóa tên": 1,
    }  # fmt: skip
    assert after.departures_total == 4
    assert (after.total, after.temporary) == (7, 0)
    assert (stats.youth_total, stats.youth_in_hardship, stats.youth_working_away) == (2, 1, 1)


def test_breakdowns_sum_to_the_active_roster(ws: Workspace, stats: RosterStats) -> None:
    active = sum(len(ws.members.ids(MemberFilter(status=s))) for s in ACTIVE_STATUSES)
    assert active == stats.total == len(ws.events.active_roster_ids())
    for breakdown in (
        stats.by_branch, stats.by_gender, stats.by_age_band, stats.by_ethnicity,
        stats.by_religion, stats.by_education,
    ):  # fmt: skip
        assert sum(breakdown.values()) == active
    assert sum(stats.by_status.values()) == len(ws.members.ids()) == stats.all_members


def test_the_same_year_later_counts_differently(ws: Workspace, stats: RosterStats) -> None:
    later = ws.statistics.roster(date(2025, 6, 20))  # Bé turns 19, Em is 30: still 25–30
    assert later.by_age_band == {"16–18": 3, "19–24": 3, "25–30": 2, "Ngoài độ tuổi": 1}
    next_year = ws.statistics.roster(date(2026, 1, 2))
    assert next_year.admissions == 0
    assert sum(next_year.departures.values()) == 0


def test_a_quarter_end_counts_the_year_up_to_that_day(ws: Workspace, stats: RosterStats) -> None:
    """The figures of 31/03/2025 (the report of the first quarter) count the admissions,
    transfers in and departures of 01/01 to 31/03 only: not Nam's transfer in (01/05) nor
    Khải's expulsion (01/04), recorded since."""
    quarter = ws.statistics.roster(date(2025, 3, 31))
    assert (quarter.admissions, quarter.transfers_in) == (2, 0)  # Mai (01/02) and Tư (01/03)
    assert quarter.departures == {
        "Chuyển sinh hoạt đi": 1,
        "Trưởng thành Đoàn": 1,
        "Khai trừ": 0,
        "Xóa tên": 0,
    }  # fmt: skip  (Giàu on 01/03, Hoa on 10/01)
    january = ws.statistics.roster(date(2025, 1, 31))
    assert (january.admissions, january.transfers_in, january.departures_total) == (0, 0, 1)


def test_statistics_match_the_roster_on_demo_data(demo_ws: Workspace) -> None:
    ws = demo_ws
    today = date.today()
    # Some events of this year on top of the demo's own histories.
    before = ws.statistics.roster(today)
    roster = ws.events.active_roster_ids()
    ws.events.record(roster[0], "transfer_out", today, other_organization="Đoàn phường 5")
    ws.events.record(roster[1], "discipline", today, level="Khai trừ")
    ws.events.confirm_coming_of_age(
        [c.row.id for c in ws.events.coming_of_age(today.year)][:3], today
    )
    # One who leaves, comes back and leaves again: one member who left. A member of another
    # organisation whose temporary activity here ends: not one of ours leaving.
    twice = roster[2]
    ws.events.record(twice, "transfer_out", today, other_organization="Đoàn phường 5")
    ws.events.record(twice, "transfer_in", today, other_organization="Đoàn phường 5")
    ws.events.record(twice, "struck_off", today)
    visitors = ws.members.ids(MemberFilter(status="temporary"))
    assert visitors
    ws.events.end_temporary(visitors[:2], today)
    stats = ws.statistics.roster(today)

    active_ids = ws.events.active_roster_ids()
    assert stats.total == len(active_ids)
    for code, label in STATUSES.items():
        assert stats.by_status[label] == len(ws.members.ids(MemberFilter(status=code))), label
    assert stats.all_members == len(ws.members.ids())

    def active_count(**flt: Any) -> int:
        return sum(len(ws.members.ids(MemberFilter(status=s, **flt))) for s in ACTIVE_STATUSES)

    for branch in ws.branches.list():
        assert stats.by_branch[branch.name] == active_count(branch_id=branch.id), branch.name
    assert UNASSIGNED not in stats.by_branch
    for code, label in GENDERS.items():
        assert stats.by_gender[label] == active_count(gender=code)

    rows = ws.members.rows(active_ids)
    ages = Counter(age_band(age_on(r.birth_date, today)) for r in rows)
    assert stats.by_age_band == {band: ages[band] for band in stats.by_age_band}
    records = [ws.members.get(i).fields for i in active_ids]
    for breakdown, field in (
        (stats.by_ethnicity, "ethnicity"), (stats.by_religion, "religion"),
        (stats.by_education, "education"),
    ):  # fmt: skip
        expected = Counter(getattr(f, field) or UNKNOWN for f in records)
        assert {fold(k): v for k, v in breakdown.items()} == {
            fold(k): v for k, v in expected.items()
        }
        assert sum(breakdown.values()) == stats.total
    assert stats.coming_of_age == len(ws.events.coming_of_age(today.year))

    # Admissions of the year: the roster's dates of admission (every member not deleted, whatever
    # the status now), not the events, leaving out members admitted elsewhere who arrived here
    # (a transfer in or temporary activity, no admission here); the demo has some of this year.
    def admitted_here(member_id: str) -> bool:
        kinds = {e.kind for e in ws.events.history(member_id)}
        return "admission" in kinds or not kinds & {"transfer_in", "temporary"}

    admitted = [(i, ws.members.get(i).fields.admission_date) for i in ws.members.ids()]
    this_year = sum(
        d is not None and d.year == today.year and admitted_here(i) for i, d in admitted
    )
    assert this_year > 0
    assert stats.admissions == this_year == before.admissions
    for label, added in (
        ("Chuyển sinh hoạt đi", 1), ("Khai trừ", 1), ("Trưởng thành Đoàn", 3), ("Xóa tên", 1),
    ):  # fmt: skip
        assert stats.departures[label] == before.departures[label] + added, label

    # Departures: members of ours (on the roster as "active" just before) who left this year,
    # each once, under their last leaving of the year; from the members' own timelines.
    labels = {"transfer_out": "Chuyển sinh hoạt đi", "matured": "Trưởng thành Đoàn",
              "discipline": "Khai trừ", "struck_off": "Xóa tên"}  # fmt: skip
    left: dict[str, str] = {}
    for member_id in ws.members.ids():
        status = "active"  # before a first event: members without one are on the roster
        for event in ws.events.history(member_id):
            leaves = event.kind in labels and event.status_after not in ACTIVE_STATUSES
            if leaves and status == "active" and event.event_date.year == today.year:
                left[member_id] = labels[event.kind]
            status = event.status_after
    assert twice in left and not set(visitors[:2]) & set(left)
    counted = Counter(left.values())
    assert stats.departures == {label: counted[label] for label in labels.values()}
    assert stats.departures_total == len(left)


def test_statistics_follow_every_write(ws: Workspace, stats: RosterStats) -> None:
    assert ws.statistics.roster(TODAY) == stats  # kept until the roster changes
    an = ws.members.ids(MemberFilter(search="nguyen van an"))[0]
    event_id = ws.events.record(an, "transfer_out", "01/06/2025", other_organization="Đoàn X")
    after = ws.statistics.roster(TODAY)
    assert (after.total, after.departures["Chuyển sinh hoạt đi"]) == (8, 2)
    assert after.by_branch[TL] == 4
    ws.events.delete(event_id)
    assert ws.statistics.roster(TODAY) == stats
    ws.youth.save({"full_name": "Lâm Văn Mới", "birth_date": "2008", "in_hardship": "x"})
    ws.branches.create("Chi đoàn ấp Mới")
    fresh = ws.statistics.roster(TODAY)
    assert (fresh.youth_total, fresh.youth_in_hardship) == (3, 2)
    assert fresh.by_branch["Chi đoàn ấp Mới"] == 0


def test_age_bands_and_coming_of_age_at_their_boundaries(
    ws: Workspace, add_member: AddMember
) -> None:
    """Births on either side of every band edge, counted on days that move the edges: a leap
    day, the last and first days of a year. A birth known by its year counts as 1 January."""
    births: list[date] = []
    for year in range(1993, 2013):
        days = [(1, 1), (2, 28), (3, 1), (6, 14), (6, 15), (6, 16), (12, 31)]
        if year % 4 == 0:
            days.append((2, 29))
        for month, day in days:
            birth = date(year, month, day)
            text = str(year) if (month, day) == (1, 1) else birth.strftime("%d/%m/%Y")
            name = "Nguyễn Văn " + "".join(chr(ord("A") + int(d)) for d in str(len(births)))
            precision = DAY if "/" in text else "year"
            if too_young_message(birth, precision, date.today()) is None:
                add_member(name, text, "Chi đoàn ấp Tân Long")
            else:  # too young to be entered today: a record kept from before, written as such
                member_id = add_member(name, "01/01/2000", "Chi đoàn ấp Tân Long")
                with ws.db.transaction() as session:
                    session.execute(
                        update(Member)
                        .where(Member.id == member_id)
                        .values(
                            birth_date=birth, birth_precision="year" if text == str(year) else DAY
                        )
                    )
            births.append(birth)
    gone = add_member("Lê Văn Đi", "15/06/2009", "Chi đoàn ấp Tân Long")
    ws.events.record(gone, "transfer_out", "01/01/2024", other_organization="Đoàn phường 5")
    ws.members.delete([add_member("Lê Văn Xóa", "15/06/2009")])

    for today in (
        date(2025, 6, 15), date(2025, 12, 31), date(2026, 1, 1), date(2027, 2, 28),
        date(2027, 3, 1), date(2028, 2, 28), date(2028, 2, 29),
    ):  # fmt: skip
        stats = ws.statistics.roster(today)
        ages = Counter(age_band(age_on(birth, today)) for birth in births)
        assert stats.by_age_band == {band: ages[band] for band in stats.by_age_band}, today
        overdue_or_due = sum(birth.year <= today.year - 30 for birth in births)
        assert stats.coming_of_age == overdue_or_due == len(ws.events.coming_of_age(today.year))
        assert (stats.total, stats.all_members) == (len(births), len(births) + 1)


def test_education_levels_in_their_order() -> None:
    assert sorted(
        ["12/12", "Đại học", "9/12", "10/12", "7/10", "Cao đẳng"], key=education_order
    ) == [
        "7/10",
        "9/12",
        "10/12",
        "12/12",
        "Cao đẳng",
        "Đại học",
    ]  # fmt: skip  (7/10 of the old 10-year system is about 8/12)


def test_a_tie_between_spellings_shows_the_first_in_code_point_order(
    ws: Workspace, add_member: AddMember
) -> None:
    for name, ethnicity in (("Lê Văn An", "kinh"), ("Lê Văn Bình", "Kinh"), ("Lê Văn Cư", "Hoa")):
        add_member(name, "01/01/2005", ethnicity=ethnicity)
    assert ws.statistics.roster(TODAY).by_ethnicity == {"Kinh": 2, "Hoa": 1}


def test_the_members_are_counted_in_index_order_without_sorting(ws: Workspace) -> None:
    """The members query reads the index made for it and sorts nothing (a sort of every row
    costs 0.3 s at 100,000 members): this breaks if the query or the index changes alone."""
    sql = statistics._MEMBERS
    params = dict.fromkeys(re.findall(r":(\w+)", sql), "")
    with contextlib.closing(sqlite3.connect(ws.db.path)) as conn:
        plan = " | ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params))
    assert "USING COVERING INDEX ix_members_org_stats" in plan
    assert "TEMP B-TREE" not in plan, plan


def _three_admitted_on_26_march(add: Callable[[str, str], object]) -> None:
    for name, birth in (
        ("Nguyễn Văn An", "01/01/2008"),
        ("Trần Thị Bé", "20/06/2008"),
        ("Lê Văn Cường", "2009"),
    ):
        add(name, birth)


def test_admissions_entered_through_the_form_count(ws: Workspace, add_member: AddMember) -> None:
    """Members entered with their Ngày vào Đoàn (no admission event) are admissions of that year,
    even after they left; deleted members and other years are not."""
    ids: list[str] = []
    _three_admitted_on_26_march(
        lambda name, birth: ids.append(add_member(name, birth, TL, admission_date="26/03/2025"))
    )
    stats = ws.statistics.roster(TODAY)
    assert (stats.admissions, stats.transfers_in, stats.departures_total) == (3, 0, 0)
    ws.events.record(ids[0], "transfer_out", "01/05/2025", other_organization="Đoàn phường 5")
    add_member("Phạm Văn Dũng", "01/01/2007", TL, admission_date="31/12/2024")  # last year
    ws.members.delete([add_member("Võ Văn Xóa", "01/01/2007", admission_date="01/01/2025")])
    event_admitted = add_member("Huỳnh Thị Em", "01/01/2008", TL)
    ws.events.record(event_admitted, "admission", "01/06/2025")  # the event sets the date too
    stats = ws.statistics.roster(TODAY)
    assert (stats.admissions, stats.departures_total) == (4, 1)
    # Admitted elsewhere this year, then arrived: admissions of another organisation.
    arrived = add_member("Đỗ Văn Đến", "01/01/2006", TL, admission_date="02/02/2025")
    ws.events.record(arrived, "transfer_in", "01/04/2025", other_organization="Đoàn xã Tân Lộc")
    visitor = add_member("Lý Thị Tạm", "01/01/2006", TL, admission_date="03/02/2025")
    ws.events.record(visitor, "temporary", "01/04/2025", home_organization="Đoàn phường 5")
    stats = ws.statistics.roster(TODAY)
    assert (stats.admissions, stats.transfers_in) == (4, 1)
    # One who left and came back, admitted here by an event, still counts.
    ws.events.record(event_admitted, "transfer_out", "02/06/2025", other_organization="Đoàn X")
    ws.events.record(event_admitted, "transfer_in", "03/06/2025", other_organization="Đoàn X")
    assert ws.statistics.roster(TODAY).admissions == 4
    assert ws.statistics.roster(date(2024, 12, 31)).admissions == 1
    assert ws.statistics.roster(date(2026, 1, 1)).admissions == 0


def test_admissions_imported_from_a_roster_count(ws: Workspace, tmp_path: Path) -> None:
    rows = [["Họ và tên", "Ngày sinh", "Chi đoàn", "Ngày vào Đoàn"]]
    _three_admitted_on_26_march(lambda name, birth: rows.append([name, birth, TL, "26/03/2025"]))
    path = tmp_path / "ds.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    ws.spreadsheets.apply_import(ws.spreadsheets.preview_import(path))
    assert ws.members.count() == 3
    assert ws.statistics.roster(TODAY).admissions == 3
