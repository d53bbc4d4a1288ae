"""``AttendanceService.minutes_document``: one read gives the printed minutes all they need."""

from __future__ import annotations

from datetime import date

import pytest

from doancoso.core.activities.attendance import MinutesFields
from doancoso.core.errors import NotFoundError
from plan_data import BA_DIEU, make_plan_data


def test_the_minutes_of_a_meeting_with_its_attendance(ws):
    data = make_plan_data(ws)
    doc = ws.attendance.minutes_document(data.minutes_occurrence)
    assert (doc.title, doc.kind, doc.day) == (
        "Sinh hoạt chi đoàn ấp Bà Điều", "sinh-hoat", date(2026, 3, 15)
    )  # fmt: skip
    assert (doc.start_time, doc.end_time, doc.place) == ("19:30", "21:00", "Nhà văn hóa ấp Bà Điều")
    assert doc.branches == (BA_DIEU,)
    assert doc.status == "da-thuc-hien" and doc.attendance_taken
    # Phạm Thị Dung, admitted on 26/03/2026, was not expected on the 15th.
    assert (doc.expected, doc.present) == (3, 1)
    assert [(r.full_name, r.reason) for r in doc.excused] == [
        ("Trần Thị Bích", "đi làm ăn xa ở Bình Dương")
    ]
    assert [(r.full_name, r.reason) for r in doc.absent] == [("Lê Văn Cường", None)]
    assert doc.minutes.chair == "Nguyễn Văn An" and doc.minutes.closed_at == "21:00"
    assert doc.minutes.agenda == (
        "1. Đánh giá hoạt động tháng 02/2026.\n2. Triển khai Tháng Thanh niên."
    )


def test_a_date_without_minutes_nor_attendance(ws):
    data = make_plan_data(ws)
    april = next(
        o for o in ws.activities.occurrences(date(2026, 4, 1), date(2026, 4, 30))
        if o.activity_id == data.meeting_id
    )  # fmt: skip
    doc = ws.attendance.minutes_document(april.id)
    assert doc.minutes == MinutesFields()
    assert not doc.attendance_taken
    assert (doc.expected, doc.present, doc.excused, doc.absent) == (0, 0, (), ())


def test_a_whole_organisation_activity_names_no_chi_doan(ws):
    ws.activities.save({"title": "Hội thi rung chuông vàng", "kind": "hoi-thi",
                        "start_date": "01/06/2026"})  # fmt: skip
    occ = ws.activities.occurrences(date(2026, 6, 1), date(2026, 6, 1))[0]
    assert ws.attendance.minutes_document(occ.id).branches == ()


def test_a_deleted_date_is_not_found(ws):
    data = make_plan_data(ws)
    ws.activities.delete(data.meeting_id)
    with pytest.raises(NotFoundError):
        ws.attendance.minutes_document(data.minutes_occurrence)
