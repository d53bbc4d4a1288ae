"""A small organisation with a plan of 2026, its targets, a year of chi đoàn meetings with
attendance and the minutes of one of them: the data the plan's documents and page show, made
through the core's API only (tests of the reports, the CLI and the GUI share it); and one
chi đoàn meeting held (:func:`held_meeting`), for the tests of the plan's and the checklist's
"met every month" that make their own year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from doancoso.core.workspace import Workspace

YEAR = 2026
AS_OF = date(2026, 11, 30)
BA_DIEU = "Chi đoàn ấp Bà Điều"
XOM_MOI = "Chi đoàn ấp Xóm Mới"
GROUNDS = (
    "Căn cứ Chương trình công tác Đoàn và phong trào thanh thiếu nhi năm 2026 của Tỉnh đoàn "
    "Cà Mau;\n"
    "Căn cứ Nghị quyết Đại hội Đoàn xã Tân Hưng nhiệm kỳ 2025 – 2030,"
)
PURPOSES = (
    "- Nâng cao chất lượng sinh hoạt chi đoàn, thu hút đoàn viên tham gia.\n"
    "- Phấn đấu đạt danh hiệu “Đoàn cơ sở 3 chủ động”."
)
CONTENT = (
    "1. Công tác giáo dục chính trị tư tưởng\n"
    "Tổ chức học tập Nghị quyết cho 100% đoàn viên.\n"
    "\n"
    "2. Phong trào tình nguyện\n"
    "Tổ chức Ngày Chủ nhật xanh vào Chủ nhật cuối mỗi quý."
)
IMPLEMENTATION = (
    "- Ban Thường vụ Đoàn xã phân công đồng chí phụ trách từng chỉ tiêu.\n"
    "- Các chi đoàn xây dựng kế hoạch cụ thể, báo cáo kết quả hằng tháng."
)
# (name, birth, chi đoàn, admission date)
MEMBERS = (
    ("Nguyễn Văn An", "15/03/2000", BA_DIEU, "10/03/2016"),
    ("Trần Thị Bích", "20/07/2001", BA_DIEU, "26/03/2017"),
    ("Lê Văn Cường", "01/01/2002", BA_DIEU, "26/03/2018"),
    ("Phạm Thị Dung", "10/10/2003", BA_DIEU, "26/03/2026"),
    ("Võ Minh Em", "05/05/2004", XOM_MOI, "26/03/2026"),
    ("Đỗ Văn Phúc", "02/02/2002", XOM_MOI, "09/01/2019"),
)


@dataclass(frozen=True)
class PlanData:
    members: dict[str, str]  # full name → id
    branches: dict[str, str]  # name → id
    targets: dict[str, str]  # short key → id
    meeting_id: str  # the activity of Bà Điều's monthly meetings
    minutes_occurrence: str  # its date of 15/03/2026, with attendance and minutes


def make_plan_data(ws: Workspace) -> PlanData:
    """Fill ``ws`` (set up, no members) with the plan of :data:`YEAR` and what it measures."""
    branches = {name: ws.branches.create(name).id for name in (BA_DIEU, XOM_MOI)}
    members = {}
    for name, birth, branch, admitted in MEMBERS:
        members[name] = ws.members.save({
            "full_name": name, "birth_date": birth, "branch_id": branches[branch],
        })  # fmt: skip
        ws.events.record(members[name], "admission", admitted)
    ws.plans.create(YEAR, number="07-KH/ĐTN")
    ws.plans.save(YEAR, {
        "plan_date": "15/01/2026", "grounds": GROUNDS, "purposes": PURPOSES, "content": CONTENT,
        "implementation": IMPLEMENTATION,
    })  # fmt: skip
    kinds = ws.activities.kind_names()
    targets = {
        "admissions": ws.plans.add_target(YEAR, {
            "text": "Kết nạp đoàn viên mới", "criterion": "1", "planned": "4",
            "measure": "admissions"}, kinds),
        "meetings": ws.plans.add_target(YEAR, {
            "text": "Chi đoàn sinh hoạt định kỳ hằng tháng", "criterion": "2", "planned": "100",
            "unit": "%", "measure": "branch-meetings"}, kinds),
        "green": ws.plans.add_target(YEAR, {
            "text": "Tổ chức 4 hoạt động Ngày Chủ nhật xanh", "criterion": "2", "planned": "4",
            "unit": "hoạt động", "measure": "activities", "measure_kind": "chu-nhat-xanh"},
            kinds),
        "advice": ws.plans.add_target(YEAR, {
            "text": "Tham mưu cấp ủy ban hành văn bản về công tác thanh niên",
            "criterion": "3", "planned": "2", "unit": "văn bản", "achieved": "1"}, kinds),
        "youth": ws.plans.add_target(YEAR, {
            "text": "Nắm tình hình thanh niên đi làm ăn xa", "criterion": "1"}, kinds),
    }  # fmt: skip
    ws.plans.register(YEAR, "da-duyet", "20/01/2026", "15/ĐK-TĐ")
    meeting_id, _ = ws.activities.save({
        "title": "Sinh hoạt chi đoàn ấp Bà Điều", "kind": "sinh-hoat", "start_date": "15/01/2026",
        "start_time": "19:30", "end_time": "21:00", "place": "Nhà văn hóa ấp Bà Điều",
        "branch_ids": [branches[BA_DIEU]], "repeat": "monthly", "until": "15/12/2026",
    })  # fmt: skip
    green_id, _ = ws.activities.save({
        "title": "Ngày Chủ nhật xanh quý I", "kind": "chu-nhat-xanh", "start_date": "29/03/2026",
        "place": "Tuyến đường ấp Xóm Mới",
    })  # fmt: skip
    for occ in ws.activities.occurrences(date(YEAR, 1, 1), AS_OF):
        ws.activities.update_occurrence(occ.id, {"status": "da-thuc-hien"})
    march = next(
        o for o in ws.activities.occurrences(date(YEAR, 3, 15), date(YEAR, 3, 15))
        if o.activity_id == meeting_id
    )  # fmt: skip
    sheet = {row.member_id: (row.state, row.reason) for row in ws.attendance.sheet(march.id)}
    sheet = {m: ("present", None) for m in sheet}
    sheet[members["Trần Thị Bích"]] = ("excused", "đi làm ăn xa ở Bình Dương")
    sheet[members["Lê Văn Cường"]] = ("absent", None)
    ws.attendance.save(march.id, sheet)
    ws.attendance.save_minutes(march.id, {
        "number": "03-BB/CĐ", "chair": "Nguyễn Văn An", "recorder": "Phạm Thị Dung",
        "guests": "Đồng chí Trần Văn Tâm – Phó Bí thư Đoàn xã",
        "agenda": "1. Đánh giá hoạt động tháng 02/2026.\n2. Triển khai Tháng Thanh niên.",
        "content": "Đồng chí Bí thư báo cáo kết quả tháng 02.\nĐoàn viên thảo luận, góp ý.",
        "resolutions": "Chi đoàn thống nhất tham gia Ngày Chủ nhật xanh ngày 29/03/2026.",
        "closed_at": "21:00",
    })  # fmt: skip
    del green_id
    return PlanData(members, branches, targets, meeting_id, march.id)


def held_meeting(ws: Workspace, branch_id: str, day: date) -> str:
    """A meeting of the chi đoàn ("sinh hoạt chi đoàn") held on ``day``; its activity's id."""
    activity_id, _ = ws.activities.save({"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat",
                                         "start_date": day.strftime("%d/%m/%Y"),
                                         "branch_ids": [branch_id]})  # fmt: skip
    (occurrence,) = [o for o in ws.activities.occurrences(day, day) if o.activity_id == activity_id]
    ws.activities.update_occurrence(occurrence.id, {"status": "da-thuc-hien"})
    return activity_id
