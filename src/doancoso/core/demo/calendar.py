"""The demo's work plan and calendar: the plan of the current year with its targets, a year of
activities (each chi đoàn's monthly meeting, Green Sundays, legal education with the police,
a blood drive, a football tournament, advice to the Party committee), their results and the
attendance of every date already past, a few minutes, one date moved, one cancelled, one left
without results (overdue) and a meeting of the executive committee in the coming days.

Rows are written in bulk in the demo's transaction, like the members. Attendance is made only
for rosters up to :data:`MAX_ATTENDANCE_MEMBERS` (a benchmark's 100,000 members get the
activities without it).
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..activities.recurrence import expand, normalize_rule
from ..activities.rules import DONE, PLANNED
from ..lifecycle.periods import active_periods
from ..storage.live import is_live
from ..storage.models import (
    Activity,
    Attendance,
    Member,
    Minutes,
    Occurrence,
    Plan,
    PlanTarget,
    new_id,
)

MAX_ATTENDANCE_MEMBERS = 5000
MEMBERS_AS_SEEDED = (
    Member.full_name,
    Member.birth_date,
    Member.national_id,
    Member.phone,
    Member.address_hamlet,
    Member.admission_date,
    Member.id,  # last: two members alike in all of these read the same
)
"""The order the demo draws members' numbers in: ids are random (uuid4), so members go by what
the seed made of them, and a seed gives the same demo every run."""

_PURPOSES = "\n".join(
    (
        "1. Nâng cao chất lượng sinh hoạt chi đoàn, phát huy vai trò xung kích của đoàn viên "
        "thanh niên trong phát triển kinh tế – xã hội của xã.",
        "2. Chủ động nắm bắt tình hình thanh niên, chăm lo cho thanh niên có hoàn cảnh khó khăn.",
        "3. Các hoạt động tổ chức thiết thực, hiệu quả, tiết kiệm; phấn đấu đạt danh hiệu “Đoàn"
        " cơ sở 3 chủ động”.",
    )
)
_CONTENT = "\n".join(
    (
        "1. Công tác giáo dục chính trị, tư tưởng: tổ chức sinh hoạt chi đoàn định kỳ hằng "
        "tháng theo chủ đề; tuyên truyền pháp luật cho đoàn viên thanh niên.",
        "2. Các phong trào hành động cách mạng: ra quân “Ngày Chủ nhật xanh” mỗi quý; hiến máu "
        "tình nguyện; tham gia xây dựng nông thôn mới.",
        "3. Công tác xây dựng tổ chức Đoàn: rà soát, cập nhật danh sách đoàn viên; kết nạp đoàn"
        " viên mới; thực hiện chương trình rèn luyện đoàn viên.",
        "4. Công tác tham mưu, phối hợp: tham mưu cấp ủy về công tác thanh niên; phối hợp Công "
        "an xã tuyên truyền pháp luật.",
    )
)
_IMPLEMENTATION = "\n".join(
    (
        "1. Ban Thường vụ Đoàn xã phân công đồng chí phụ trách từng nội dung, theo dõi, đôn đốc"
        " các chi đoàn thực hiện.",
        "2. Các chi đoàn căn cứ kế hoạch xây dựng chương trình hoạt động hằng tháng, báo cáo "
        "kết quả trước ngày 25 hằng tháng.",
    )
)

# (text, criterion, planned, unit, measure, kind, achieved entered by hand)
_TARGETS: tuple[tuple[str, int, float, str, str | None, str | None, float | None], ...] = (
    ("Kết nạp {admissions} đoàn viên mới", 1, 0, "đoàn viên", "admissions", None, None),
    (
        "Vận động {youth} thanh niên trong sổ theo dõi vào Đoàn",
        1,
        0,
        "người",
        "youth-admitted",
        None,
        None,
    ),
    ("100% chi đoàn sinh hoạt định kỳ hằng tháng", 2, 100, "%", "branch-meetings", None, None),
    (
        "Tổ chức 4 đợt ra quân “Ngày Chủ nhật xanh”",
        2,
        4,
        "đợt",
        "activities",
        "chu-nhat-xanh",
        None,
    ),
    (
        "Tỉ lệ đoàn viên tham gia hoạt động đạt từ 80% trở lên",
        2,
        80,
        "%",
        "participation",
        None,
        None,
    ),
    (
        "Phối hợp Công an xã tổ chức 2 buổi tuyên truyền pháp luật",
        3,
        2,
        "buổi",
        "activities",
        "tuyen-truyen",
        None,
    ),
    (
        "Giới thiệu 3 đoàn viên ưu tú cho Đảng xem xét kết nạp",
        3,
        3,
        "đoàn viên",
        "party-introductions",
        None,
        None,
    ),
)


def _last_sunday(year: int, month: int) -> date:
    day = (date(year, month % 12 + 1, 1) if month < 12 else date(year + 1, 1, 1)) - timedelta(
        days=1
    )
    return day - timedelta(days=(day.weekday() + 1) % 7)


def generate_calendar(
    session: Session,
    org: str,
    branches: list[dict[str, object]],
    members: int,
    today: date,
    rng: random.Random,
) -> None:
    """Add the current year's plan and calendar (see the module's description)."""
    year = today.year
    plan_id = new_id()
    session.execute(
        insert(Plan),
        [
            {
                "id": plan_id,
                "organization_id": org,
                "year": year,
                "number": "01-KH/ĐTN",
                "plan_date": date(year - 1, 11, 1),
                "title": f"Kế hoạch công tác Đoàn và phong trào thanh thiếu nhi năm {year}",
                "grounds": (
                    f"Căn cứ Chương trình công tác Đoàn và phong trào thanh thiếu nhi năm {year} "
                    "của Tỉnh đoàn Cà Mau; căn cứ Nghị quyết của Đảng ủy xã Tân Hưng, Ban Chấp "
                    f"hành Đoàn xã Tân Hưng xây dựng kế hoạch công tác năm {year} như sau:"
                ),
                "purposes": _PURPOSES,
                "content": _CONTENT,
                "implementation": _IMPLEMENTATION,
                "registration_state": "da-duyet",
                "registered_on": date(year - 1, 11, 8),
                "registration_number": "15-ĐK/TĐ",
            }
        ],
    )
    scale = {"admissions": max(2, members // 7), "youth": max(1, members // 60)}
    targets: dict[str, str] = {}
    rows = []
    for position, (text, criterion, planned, unit, measure, kind, achieved) in enumerate(
        _TARGETS, 1
    ):
        target_id = new_id()
        key = measure if measure != "activities" else f"activities:{kind}"
        targets[key or text] = target_id
        if "{" in text:
            value = scale["admissions" if measure == "admissions" else "youth"]
            text, planned = text.format(admissions=value, youth=value), value
        rows.append(
            {
                "id": target_id,
                "organization_id": org,
                "plan_id": plan_id,
                "position": position,
                "text": text,
                "criterion": criterion,
                "planned": planned,
                "unit": unit,
                "measure": measure,
                "measure_kind": kind,
                "achieved": achieved,
            }
        )
    session.execute(insert(PlanTarget), rows)

    calendar = _Calendar(org, targets)
    for index, branch in enumerate(branches):
        name = str(branch["name"])
        hamlet = name.removeprefix("Chi đoàn ấp ")
        calendar.add(
            f"Sinh hoạt {name[0].lower()}{name[1:]}",
            "sinh-hoat",
            date(year, 1, 5 + (index * 3) % 20),
            "19:30",
            f"Nhà văn hóa ấp {hamlet}",
            branch_ids=[str(branch["id"])],
            target="branch-meetings",
            rule=normalize_rule("monthly", date(year, 1, 5 + (index * 3) % 20), date(year, 12, 31)),
            end_time="21:00",
        )
    for month in (3, 6, 9, 12):
        calendar.add(
            f"Ra quân “Ngày Chủ nhật xanh” quý {month // 3}",
            "chu-nhat-xanh",
            _last_sunday(year, month),
            "06:30",
            "Tuyến đường liên ấp Tân Hưng – Tân Thành",
            target="activities:chu-nhat-xanh",
            partners="Hội Nông dân, Hội Liên hiệp Phụ nữ xã",
            expected=80,
            end_time="10:00",
        )
    for month in (4, 10):
        calendar.add(
            "Tuyên truyền pháp luật về an toàn giao thông và phòng, chống ma túy",
            "tuyen-truyen",
            date(year, month, 18),
            "08:00",
            "Hội trường UBND xã",
            target="activities:tuyen-truyen",
            partners="Công an xã Tân Hưng",
            expected=120,
            end_time="11:00",
        )
    calendar.add(
        "Ngày hội hiến máu tình nguyện",
        "tinh-nguyen",
        date(year, 7, 12),
        "07:00",
        "Trạm Y tế xã",
        partners="Hội Chữ thập đỏ xã, Trạm Y tế xã",
        expected=60,
    )
    calendar.add(
        "Giải bóng đá thanh niên mừng ngày thành lập Đoàn",
        "van-hoa",
        date(year, 3, 22),
        "14:00",
        "Sân vận động xã",
        expected=200,
    )
    calendar.add(
        "Báo cáo Đảng ủy xã về tình hình thanh niên và đề xuất giải pháp",
        "tham-muu",
        date(year, 6, 20),
        "08:00",
        "Văn phòng Đảng ủy xã",
    )
    calendar.add(
        "Họp Ban Chấp hành Đoàn xã",
        "khac",
        today + timedelta(days=3),
        "08:00",
        "Văn phòng Đoàn xã",
    )
    calendar.carry_out(
        session, today, rng, str(branches[0]["id"]), members <= MAX_ATTENDANCE_MEMBERS
    )
    calendar.write(session)


@dataclass
class _Date:
    """One date of a demo activity: its row, and what deciding its attendance needs."""

    row: dict[str, object]
    day: date
    kind: str
    branch_ids: list[str]


@dataclass
class _Calendar:
    """The demo's activities as they are laid out, then carried out, then written."""

    org: str
    targets: dict[str, str]
    activities: list[dict[str, object]] = field(default_factory=list)
    dates: list[_Date] = field(default_factory=list)
    attendance: list[dict[str, object]] = field(default_factory=list)
    minutes: list[dict[str, object]] = field(default_factory=list)

    def add(
        self,
        title: str,
        kind: str,
        start: date,
        time: str,
        place: str,
        *,
        branch_ids: list[str] | None = None,
        target: str | None = None,
        rule: str | None = None,
        end_time: str | None = None,
        partners: str | None = None,
        expected: int | None = None,
    ) -> None:
        dates = expand(rule, start) if rule else [start]
        activity_id = new_id()
        self.activities.append(
            {
                "id": activity_id,
                "organization_id": self.org,
                "title": title,
                "kind": kind,
                "start_date": dates[0],
                "start_time": time,
                "end_time": end_time,
                "place": place,
                "branch_ids": json.dumps(branch_ids or []),
                "target_ids": json.dumps([self.targets[target]] if target else []),
                "rule": rule,
                "partners": partners,
                "expected_participants": expected,
            }
        )
        for day in dates:
            row: dict[str, object] = {
                "id": new_id(),
                "organization_id": self.org,
                "activity_id": activity_id,
                "original_date": day,
                "day": day,
                "start_time": time,
                "end_time": end_time,
                "place": place,
                "status": PLANNED,
                "attendance_taken": False,
            }
            self.dates.append(_Date(row, day, kind, branch_ids or []))

    def carry_out(
        self,
        session: Session,
        today: date,
        rng: random.Random,
        first_branch: str,
        with_attendance: bool,
    ) -> None:
        """Results (and attendance) for the dates already past, but the last one (overdue).

        The numbers are drawn in an order the seed decides: ids are random (uuid4), so members
        go by what the seed made of them and dates by day, then as they were laid out."""
        roster = dict(
            session.execute(
                select(Member.id, Member.branch_id)
                .where(is_live(Member, self.org))
                .order_by(*MEMBERS_AS_SEEDED)
            ).all()
        )
        by_branch: dict[str, list[str]] = defaultdict(list)
        for member_id, branch_id in roster.items():
            by_branch[str(branch_id)].append(member_id)
        periods = active_periods(session, self.org) if with_attendance else {}
        keenness = {m: rng.uniform(0.45, 0.99) for m in roster}
        past = sorted((d for d in self.dates if d.day < today), key=lambda d: d.day)
        for when in past[:-1]:  # the last one stays without results: overdue
            roll = rng.random()
            if when.kind == "sinh-hoat" and roll < 0.02:
                when.row["status"] = "huy"
                continue
            if when.kind == "sinh-hoat" and roll < 0.05:  # moved a few days later
                when.day = min(when.day + timedelta(days=3), today - timedelta(days=1))
                when.row["day"] = when.day
            when.row["status"] = DONE
            present = 0
            if with_attendance:
                when.row["attendance_taken"] = True
                expected = (
                    [m for b in when.branch_ids for m in by_branch[b]]
                    if when.branch_ids
                    else list(roster)
                )
                for member_id in expected:
                    if not any(p.covers(when.day) for p in periods.get(member_id, [])):
                        continue
                    state, reason = _mark(rng, keenness[member_id])
                    present += state == "present"
                    self.attendance.append(
                        {
                            "id": new_id(),
                            "organization_id": self.org,
                            "occurrence_id": when.row["id"],
                            "member_id": member_id,
                            "state": state,
                            "reason": reason,
                        }
                    )
            when.row["participants"] = present or None
            when.row["results"] = (
                f"Hoạt động diễn ra đúng kế hoạch, {present} đoàn viên tham gia."
                if present
                else "Hoạt động diễn ra đúng kế hoạch."
            )
            if when.kind == "sinh-hoat" and when.branch_ids == [first_branch]:
                self.minutes.append(
                    dict(
                        _MINUTES,
                        id=new_id(),
                        organization_id=self.org,
                        occurrence_id=when.row["id"],
                    )
                )

    def write(self, session: Session) -> None:
        session.execute(insert(Activity), self.activities)
        session.execute(insert(Occurrence), [d.row for d in self.dates])
        for start in range(0, len(self.attendance), 20_000):
            session.execute(insert(Attendance), self.attendance[start : start + 20_000])
        if self.minutes:
            session.execute(insert(Minutes), self.minutes)


_MINUTES: dict[str, object] = {
    "chair": "Bí thư chi đoàn",
    "recorder": "Phó Bí thư chi đoàn",
    "agenda": "1. Đánh giá kết quả tháng trước.\n2. Triển khai nhiệm vụ tháng tới.",
    "content": "Chi đoàn đánh giá kết quả hoạt động, đoàn viên phát biểu ý kiến.",
    "resolutions": "Thống nhất triển khai các nhiệm vụ trọng tâm của tháng tới.",
    "closed_at": "21:00",
}


def _mark(rng: random.Random, keenness: float) -> tuple[str, str | None]:
    roll = rng.random()
    if roll < keenness:
        return "present", None
    if roll < keenness + 0.4 * (1 - keenness):
        return "excused", rng.choice(("Đi làm ăn xa", "Bận việc gia đình", "Ốm"))
    return "absent", None
