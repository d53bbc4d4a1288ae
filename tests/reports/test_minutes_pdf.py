"""The printed minutes of a meeting (BB): issued by the chi đoàn, attendance by name and
reason, blanks to fill by hand, the signatures of recorder and chair, fonts embedded."""

from __future__ import annotations

from datetime import date

import pytest

from doancoso.core.errors import ConflictError
from doancoso.reports.minutes import print_minutes
from plan_data import make_plan_data

MM = 72 / 25.4


def _lines(pdf) -> list[str]:
    return [line.strip() for line in pdf.text().splitlines() if line.strip()]


def test_the_minutes_of_a_chi_doan_meeting(ws, tmp_path, read_pdf):
    data = make_plan_data(ws)
    pdf = read_pdf(print_minutes(ws, tmp_path / "bb.pdf", data.minutes_occurrence))
    lines = _lines(pdf)
    expected = [
        "ĐOÀN XÃ TÂN HƯNG",
        "CHI ĐOÀN ẤP BÀ ĐIỀU",
        "***",
        "ĐOÀN TNCS HỒ CHÍ MINH",
        "Số: 03-BB/CĐ",
        "Tân Hưng, ngày 15 tháng 3 năm 2026",
        "BIÊN BẢN SINH HOẠT CHI ĐOÀN",
        "Kỳ sinh hoạt tháng 3 năm 2026",
        "I. THỜI GIAN, ĐỊA ĐIỂM",
        "- Thời gian: bắt đầu lúc 19 giờ 30 phút, ngày 15 tháng 3 năm 2026.",
        "- Địa điểm: Nhà văn hóa ấp Bà Điều.",
        "II. THÀNH PHẦN",
        "- Chủ trì: Nguyễn Văn An.",
        "- Thư ký: Phạm Thị Dung.",
        "- Đại biểu dự: Đồng chí Trần Văn Tâm – Phó Bí thư Đoàn xã.",
        "- Đoàn viên: có mặt 1/3 đồng chí; vắng 2 đồng chí (có phép 1, không phép 1).",
        "+ Vắng có phép: Trần Thị Bích (đi làm ăn xa ở Bình Dương).",
        "+ Vắng không phép: Lê Văn Cường.",
        "III. NỘI DUNG",
        "1. Chương trình",
        "1. Đánh giá hoạt động tháng 02/2026.",
        "2. Triển khai Tháng Thanh niên.",
        "2. Diễn biến",
        "Đồng chí Bí thư báo cáo kết quả tháng 02.",
        "IV. KẾT LUẬN, NGHỊ QUYẾT",
        "Chi đoàn thống nhất tham gia Ngày Chủ nhật xanh ngày 29/03/2026.",
        "Buổi sinh hoạt kết thúc lúc 21 giờ 00 phút cùng ngày.",
    ]
    positions = [lines.index(line) for line in expected]
    assert positions == sorted(positions)
    assert "TỈNH ĐOÀN CÀ MAU" not in lines and "Nơi nhận:" not in lines
    runs = {run.text: run for run in pdf.runs(0)}
    recorder, chair = runs["THƯ KÝ"], runs["CHỦ TRÌ"]
    assert abs(recorder.y - chair.y) < 1 and chair.x > recorder.x + 60 * MM
    assert runs["Phạm Thị Dung"].y < recorder.y and runs["Nguyễn Văn An"].y < chair.y
    assert abs(runs["Nguyễn Văn An"].x - chair.x) < 30 * MM  # the chair's name under CHỦ TRÌ
    fonts = pdf.fonts()
    assert fonts and all(fonts.values())
    assert len(pdf.pages) == 1


def test_the_recipients_stand_under_the_signatures_at_left(ws, tmp_path, read_pdf):
    data = make_plan_data(ws)
    recipients = ("Tỉnh đoàn Cà Mau (b/c)", "- BCH Đoàn xã Tân Hưng;")
    pdf = read_pdf(print_minutes(ws, tmp_path / "bb.pdf", data.minutes_occurrence,
                                 recipients=recipients))  # fmt: skip
    lines = _lines(pdf)
    signed = lines.index("Nguyễn Văn An")
    assert lines[signed + 1 :] == [
        "Nơi nhận:",
        "- Tỉnh đoàn Cà Mau (b/c);",
        "- BCH Đoàn xã Tân Hưng;",
        "- Lưu.",  # the chi đoàn's copy: it has no office ("Lưu VP.")
        "Trang 2/2",  # this meeting's minutes fill page 1: the signatures go over with them
    ]
    runs = {run.text: run for run in pdf.runs(1)}
    head, recorder = runs["Nơi nhận:"], runs["Phạm Thị Dung"]
    assert head.y < recorder.y and head.y < runs["Nguyễn Văn An"].y
    assert abs(head.x - 30 * MM) < 1  # flush with the left margin
    assert "Buổi sinh hoạt kết thúc lúc 21 giờ 00 phút cùng ngày." in pdf.page_texts()[1]


def test_a_meeting_not_yet_written_prints_blanks_to_fill(ws, tmp_path, read_pdf):
    data = make_plan_data(ws)
    april = next(
        o for o in ws.activities.occurrences(date(2026, 4, 1), date(2026, 4, 30))
        if o.activity_id == data.meeting_id
    )  # fmt: skip
    lines = _lines(read_pdf(print_minutes(ws, tmp_path / "bb.pdf", april.id)))
    assert "- Chủ trì: …………………………" in lines
    assert (
        "- Đoàn viên: có mặt ……/…… đồng chí; vắng …… đồng chí (có phép ……, không phép ……)."
        in " ".join(lines)
    )
    assert "Buổi sinh hoạt kết thúc lúc 21 giờ 00 phút cùng ngày." in lines  # the date's end
    dotted = [line for line in lines if set(line) == {"."}]
    assert len(dotted) == 12 and len(set(dotted)) == 1  # one line each, never wrapped
    # The chi đoàn's number line, to fill in by hand (DOMAIN.md §5: "BB" biên bản).
    assert [line for line in lines if line.startswith("Số:")] == ["Số:" + " " * 10 + "-BB/CĐ"]


def test_minutes_of_the_whole_organisation_without_a_number(ws, tmp_path, read_pdf):
    """Printed with the number cleared, the BCH's minutes keep a number line to write on, as
    every document of the union does."""
    ws.activities.save({"title": "Hội nghị Ban Chấp hành mở rộng", "kind": "khac",
                        "start_date": "05/06/2026"})  # fmt: skip
    occ = ws.activities.occurrences(date(2026, 6, 5), date(2026, 6, 5))[0]
    ws.attendance.save_minutes(occ.id, {"number": "05-BB/ĐTN", "chair": "Nguyễn Văn An"})
    lines = _lines(read_pdf(print_minutes(ws, tmp_path / "bb.pdf", occ.id, number="")))
    assert [line for line in lines if line.startswith("Số:")] == ["Số:" + " " * 10 + "-BB/ĐTN"]
    lines = _lines(read_pdf(print_minutes(ws, tmp_path / "bb2.pdf", occ.id)))
    assert [line for line in lines if line.startswith("Số:")] == ["Số: 05-BB/ĐTN"]


def test_an_activity_of_the_whole_organisation(ws, tmp_path, read_pdf):
    ws.activities.save({"title": "Hội nghị Ban Chấp hành mở rộng", "kind": "khac",
                        "start_date": "05/06/2026", "start_time": "08:00"})  # fmt: skip
    occ = ws.activities.occurrences(date(2026, 6, 5), date(2026, 6, 5))[0]
    ws.attendance.save_minutes(occ.id, {"chair": "Nguyễn Thị Như Quỳnh", "closed_at": "11h"})
    lines = _lines(read_pdf(print_minutes(ws, tmp_path / "bb.pdf", occ.id, number="05-BB/ĐTN")))
    for line in ("TỈNH ĐOÀN CÀ MAU", "BCH ĐOÀN XÃ TÂN HƯNG", "Số: 05-BB/ĐTN", "BIÊN BẢN",
                 "Hội nghị Ban Chấp hành mở rộng",
                 "Buổi hoạt động kết thúc lúc 11 giờ 00 phút cùng ngày."):  # fmt: skip
        assert line in lines, line
    assert not [line for line in lines if "sinh hoạt" in line.lower()]


def test_an_activity_of_one_chi_doan_other_than_its_meeting(ws, tmp_path, read_pdf):
    """A Green Sunday of one chi đoàn is that chi đoàn's, but no "sinh hoạt": its minutes are a
    "BIÊN BẢN" of its title, ending "Buổi hoạt động kết thúc lúc…"."""
    branch = ws.branches.create("Chi đoàn ấp Bà Điều").id
    ws.activities.save({"title": "Ra quân Ngày Chủ nhật xanh", "kind": "chu-nhat-xanh",
                        "start_date": "29/03/2026", "start_time": "06:30",
                        "branch_ids": [branch]})  # fmt: skip
    occ = ws.activities.occurrences(date(2026, 3, 29), date(2026, 3, 29))[0]
    ws.attendance.save_minutes(occ.id, {"chair": "Nguyễn Văn An", "closed_at": "10:00"})
    lines = _lines(read_pdf(print_minutes(ws, tmp_path / "bb.pdf", occ.id)))
    for line in ("CHI ĐOÀN ẤP BÀ ĐIỀU", "BIÊN BẢN", "Ra quân Ngày Chủ nhật xanh",
                 "Buổi hoạt động kết thúc lúc 10 giờ 00 phút cùng ngày."):  # fmt: skip
        assert line in lines, line
    assert not [line for line in lines if "sinh hoạt" in line.lower()]


def test_a_cancelled_meeting_has_no_minutes(ws, tmp_path):
    data = make_plan_data(ws)
    december = ws.activities.occurrences(date(2026, 12, 15), date(2026, 12, 15))[0]
    assert december.activity_id == data.meeting_id
    ws.activities.update_occurrence(december.id, {"status": "huy"})
    with pytest.raises(ConflictError, match="đã hoãn hoặc hủy"):
        print_minutes(ws, tmp_path / "bb.pdf", december.id)
    assert not (tmp_path / "bb.pdf").exists()


def test_a_member_deleted_from_the_roster_is_not_counted_nor_named(ws, tmp_path, read_pdf):
    """Lê Văn Cường, absent, was deleted from the roster afterwards: the minutes counted him
    among the expected and named him among the absent."""
    data = make_plan_data(ws)
    ws.members.delete([data.members["Lê Văn Cường"]])
    lines = _lines(read_pdf(print_minutes(ws, tmp_path / "bb.pdf", data.minutes_occurrence)))
    assert "- Đoàn viên: có mặt 1/2 đồng chí; vắng 1 đồng chí (có phép 1, không phép 0)." in lines
    assert not any("Lê Văn Cường" in line for line in lines)
    ws.members.restore([data.members["Lê Văn Cường"]])
    lines = _lines(read_pdf(print_minutes(ws, tmp_path / "bb2.pdf", data.minutes_occurrence)))
    assert "+ Vắng không phép: Lê Văn Cường." in lines


def test_under_an_organisation_set_up_under_its_formal_name(ws, tmp_path, read_pdf):
    """The chi đoàn's header named the Đoàn cơ sở above it by the whole of a formal name
    ("ĐOÀN TNCS HỒ CHÍ MINH XÃ TÂN HƯNG, HUYỆN CÁI NƯỚC, TỈNH CÀ MAU"): it names it as the
    Đoàn cơ sở's own documents do."""
    from dataclasses import replace

    data = make_plan_data(ws)
    org = ws.organization.get()
    formal = "Đoàn TNCS Hồ Chí Minh xã Tân Hưng, huyện Cái Nước, tỉnh Cà Mau"
    ws.organization.update(replace(org, name=formal))
    lines = _lines(read_pdf(print_minutes(ws, tmp_path / "bb.pdf", data.minutes_occurrence)))
    assert lines[:4] == ["ĐOÀN XÃ TÂN HƯNG", "CHI ĐOÀN ẤP BÀ ĐIỀU", "***", "ĐOÀN TNCS HỒ CHÍ MINH"]


def test_blank_conclusions_go_over_whole_with_the_signatures(ws, tmp_path, read_pdf):
    """A meeting not yet written fills more than a page: the conclusions' heading and all its
    lines to write on go to the second page with the end and the signatures, where one line
    of them used to stand alone there, cut from its heading on the first page."""
    data = make_plan_data(ws)
    april = next(
        o for o in ws.activities.occurrences(date(2026, 4, 1), date(2026, 4, 30))
        if o.activity_id == data.meeting_id
    )  # fmt: skip
    first, second = (
        [line.strip() for line in text.splitlines() if line.strip()]
        for text in read_pdf(print_minutes(ws, tmp_path / "bb.pdf", april.id)).page_texts()
    )
    dots = first[-2]
    assert set(dots) == {"."}
    assert first[-8:] == ["2. Diễn biến", *[dots] * 6, "Trang 1/2"]
    assert second == [
        "IV. KẾT LUẬN, NGHỊ QUYẾT", dots, dots, dots,
        "Buổi sinh hoạt kết thúc lúc 21 giờ 00 phút cùng ngày.", "THƯ KÝ", "CHỦ TRÌ", "Trang 2/2",
    ]  # fmt: skip


def test_namesakes_are_told_apart_by_their_birth_year(ws, tmp_path, read_pdf):
    """Two members of one name on the sheet (the old and the new tone placement are one name):
    the absent are named with their birth year, so that the minutes say which of them was away
    (the names alone made the one absent without leave either of them). A name borne once is
    printed alone."""
    data = make_plan_data(ws)
    ba_dieu = data.branches["Chi đoàn ấp Bà Điều"]
    for name, birth in (("Nguyễn Thị Thủy", "02/02/2000"), ("Nguyễn Thị Thuỷ", "03/03/2004"),
                        ("Lê Văn Cường", "04/04/2005")):  # fmt: skip
        ws.members.save({"full_name": name, "birth_date": birth, "branch_id": ba_dieu})
    april = next(
        o for o in ws.activities.occurrences(date(2026, 4, 1), date(2026, 4, 30))
        if o.activity_id == data.meeting_id
    )  # fmt: skip
    away = {
        ("Nguyễn Thị Thủy", 2000): ("excused", "ốm"),
        ("Trần Thị Bích", 2001): ("excused", "đi làm ăn xa"),
        ("Nguyễn Thị Thuỷ", 2004): ("absent", None),
        ("Lê Văn Cường", 2002): ("absent", None),
    }
    rows = ws.attendance.sheet(april.id)
    marks = {r.member_id: away.get((r.full_name, r.birth_year), ("present", None)) for r in rows}
    ws.attendance.save(april.id, marks)

    text = " ".join(_lines(read_pdf(print_minutes(ws, tmp_path / "bb.pdf", april.id))))
    assert (
        "+ Vắng có phép: Trần Thị Bích (đi làm ăn xa), Nguyễn Thị Thủy (sinh năm 2000; ốm)." in text
    )
    assert (
        "+ Vắng không phép: Lê Văn Cường (sinh năm 2002), Nguyễn Thị Thuỷ (sinh năm 2004)." in text
    )


def test_the_copy_kept_is_the_issuer_s(ws, tmp_path, read_pdf):
    """The last recipient, added when missing, is the issuer's copy: a chi đoàn's minutes
    "Lưu." (a chi đoàn has no office), the BCH's "Lưu VP."; a "Lưu" line typed stays."""
    data = make_plan_data(ws)
    branch = _lines(read_pdf(print_minutes(ws, tmp_path / "cd.pdf", data.minutes_occurrence,
                                           recipients=())))  # fmt: skip
    assert branch[branch.index("Nơi nhận:") + 1 :] == ["- Lưu.", "Trang 2/2"]
    ws.activities.save({"title": "Hội nghị Ban Chấp hành", "kind": "khac",
                        "start_date": "05/06/2026"})  # fmt: skip
    occ = ws.activities.occurrences(date(2026, 6, 5), date(2026, 6, 5))[0]
    whole = _lines(read_pdf(print_minutes(ws, tmp_path / "bch.pdf", occ.id,
                                          recipients=("Tỉnh đoàn Cà Mau (b/c)",))))  # fmt: skip
    assert whole[whole.index("Nơi nhận:") + 1 :][:2] == ["- Tỉnh đoàn Cà Mau (b/c);", "- Lưu VP."]
    typed = _lines(read_pdf(print_minutes(ws, tmp_path / "cd2.pdf", data.minutes_occurrence,
                                          recipients=("Lưu VP",))))  # fmt: skip
    assert typed[typed.index("Nơi nhận:") + 1 :] == ["- Lưu VP.", "Trang 2/2"]


def _whole(ws, title: str, **values: str) -> str:
    activity_id, _ = ws.activities.save(
        {"title": title, "kind": "khac", "start_date": "05/06/2026", **values}
    )
    return ws.activities.occurrence_ids_of(activity_id)[0]


def test_a_bch_meeting_counts_its_members(ws, tmp_path, read_pdf):
    """The attendance of a BCH meeting counts the BCH's members, not "Đoàn viên"; an extended
    one those who attend; another activity of the whole organisation its members."""
    make_plan_data(ws)
    bch = _whole(ws, "Họp BCH Đoàn xã (quý II)", start_time="08:00")
    ws.attendance.save(bch, {r.member_id: ("present", None) for r in ws.attendance.sheet(bch)})
    lines = _lines(read_pdf(print_minutes(ws, tmp_path / "bch.pdf", bch)))
    assert "- Ủy viên Ban Chấp hành: có mặt 6/6 đồng chí, không có đồng chí nào vắng." in lines
    assert not [line for line in lines if "Đoàn viên" in line]
    for title, who in (("Hội nghị Ban Thường vụ", "Ủy viên Ban Thường vụ"),
                       ("Hội nghị Ban Chấp hành mở rộng", "Dự họp"),
                       ("Ra quân Ngày Chủ nhật xanh", "Đoàn viên"),
                       ("Tuyên truyền về BCH mới", "Đoàn viên")):  # fmt: skip
        occ = _whole(ws, title)
        text = " ".join(_lines(read_pdf(print_minutes(ws, tmp_path / "x.pdf", occ))))
        assert f"- {who}: có mặt ……/…… đồng chí; vắng …… đồng chí" in text, title


def test_a_meeting_of_the_organisation_s_own_bch_kind_counts_its_members(ws, tmp_path, read_pdf):
    """An organisation that added its own kind "Họp Ban Chấp hành": a date of that kind under a
    title that names no committee ("Triển khai nhiệm vụ quý III") is a BCH meeting by its
    kind, and its title still says when it is extended; an own kind naming no committee
    leaves it to the title."""
    make_plan_data(ws)
    bch = ws.activities.add_kind("Họp Ban Chấp hành")
    other = ws.activities.add_kind("Lao động công ích")
    for title, kind, who in (("Triển khai nhiệm vụ quý III", bch, "Ủy viên Ban Chấp hành"),
                             ("Triển khai nhiệm vụ quý III (mở rộng)", bch, "Dự họp"),
                             ("Triển khai nhiệm vụ quý III", other, "Đoàn viên"),
                             ("Họp Ban Thường vụ", other, "Ủy viên Ban Thường vụ")):  # fmt: skip
        occ = _whole(ws, title, kind=kind)
        text = " ".join(_lines(read_pdf(print_minutes(ws, tmp_path / "x.pdf", occ))))
        assert f"- {who}: có mặt ……/…… đồng chí; vắng …… đồng chí" in text, (title, kind)


def test_the_end_time_of_the_date_is_when_it_closed(ws, tmp_path, read_pdf):
    """ "Kết thúc lúc" left blank: the date's own end time is printed, not dots to fill in; one
    typed is printed instead; a date ending the next day leaves it to write by hand."""
    occ = _whole(ws, "Họp Ban Chấp hành", start_time="19:00", end_time="21:00")
    ws.attendance.save_minutes(occ, {"chair": "Nguyễn Văn An"})
    ended = "Buổi hoạt động kết thúc lúc 21 giờ 00 phút cùng ngày."
    assert ended in _lines(read_pdf(print_minutes(ws, tmp_path / "a.pdf", occ)))
    ws.attendance.save_minutes(occ, {"chair": "Nguyễn Văn An", "closed_at": "20:45"})
    ended = "Buổi hoạt động kết thúc lúc 20 giờ 45 phút cùng ngày."
    assert ended in _lines(read_pdf(print_minutes(ws, tmp_path / "b.pdf", occ)))
    vigil = _whole(ws, "Đêm giao thừa", start_time="20:00", end_time="01:00",
                   end_date="06/06/2026")  # fmt: skip
    ended = "Buổi hoạt động kết thúc lúc …… giờ …… phút cùng ngày."
    assert ended in _lines(read_pdf(print_minutes(ws, tmp_path / "c.pdf", vigil)))
