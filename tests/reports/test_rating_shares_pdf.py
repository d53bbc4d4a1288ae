"""The shares of the levels in the printed rating documents, written one way wherever they are
printed (the decision's articles, the summary's table and its "Cộng:" lines): one decimal with a
comma ("33,3%", "6,3%", "50,0%"), never "50%" in one place and "50,0%" in another, each share
its count's own rounding, a half up (the same count of the same total reads the same)."""

from __future__ import annotations

import datetime as dt
import re

from doancoso.core.workspace import Workspace
from doancoso.reports.rating import print_decision, print_summary
from doancoso.reports.rating_forms import print_forms
from rating_data import decide_by_level

YEAR = 2025
GIVEN = ("An", "Bảo", "Cảnh", "Danh", "Đức", "Giao", "Hải", "Khang", "Lâm", "Minh")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _rate(ws: Workspace, branch: str, levels: list[int], first: int) -> None:
    """Members "Lê An An", "Lê An Bảo"… numbered from ``first``, in ``branch``, one decided at
    each of ``levels``."""
    for number, level in enumerate(levels, start=first):
        member = ws.members.save({"full_name": f"Lê {GIVEN[number // 10]} {GIVEN[number % 10]}",
                                  "birth_date": "05/03/2000", "branch_id": branch,
                                  "admission_date": "01/01/2020"})  # fmt: skip
        ws.rating.set(YEAR, member, {"participation": 80, "decided_level": level})


def test_shares_that_need_rounding_are_written_with_one_decimal(
    ws: Workspace, tmp_path, read_pdf
) -> None:
    one = ws.branches.create("Chi đoàn ấp Một").id  # 1 of 3, 2 of 3
    two = ws.branches.create("Chi đoàn ấp Hai").id  # 6 of 13, 1 of 13
    _rate(ws, one, [1, 2, 2], 0)
    _rate(ws, two, [2] * 6 + [3] * 6 + [4], 10)
    # 16 in all: 1 of 16 is 6,25% → "6,3%", 8 of 16 "50,0%"; the other 1 of 16 is "6,3%" too,
    # and both 6 of 13 (46,15…%) "46,2%", though the rows then add to 100,1: a share is its
    # count's own rounding (they read "6,2%" and "46,1%", pushed to add to 100,0)
    ws.rating.close(YEAR)

    decision = print_decision(ws, tmp_path / "qd.pdf", YEAR, number="15-QĐ/ĐTN",
                              issued_on=dt.date(2025, 12, 22))  # fmt: skip
    first = _flat(read_pdf(decision).page_texts()[0])
    assert (
        "Điều 1. Công nhận kết quả đánh giá, xếp loại đoàn viên năm 2025 đối với 16 đoàn viên "
        "(có danh sách kèm theo), cụ thể: - Hoàn thành xuất sắc nhiệm vụ: 1 đoàn viên (6,3%); "
        "- Hoàn thành tốt nhiệm vụ: 8 đoàn viên (50,0%); - Hoàn thành nhiệm vụ: 6 đoàn viên "
        "(37,5%); - Không hoàn thành nhiệm vụ: 1 đoàn viên (6,3%). Điều 2."
    ) in first
    one_decision = print_decision(ws, tmp_path / "qd-1.pdf", YEAR, one)
    assert (
        "cụ thể: - Hoàn thành xuất sắc nhiệm vụ: 1 đoàn viên (33,3%); - Hoàn thành tốt nhiệm "
        "vụ: 2 đoàn viên (66,7%); - Hoàn thành nhiệm vụ: 0 đoàn viên; - Không hoàn thành nhiệm "
        "vụ: 0 đoàn viên."
    ) in _flat(read_pdf(one_decision).page_texts()[0])

    summary = _flat(read_pdf(print_summary(ws, tmp_path / "th.pdf", YEAR)).text())
    for expected in (
        "1 Chi đoàn ấp Hai 13 13 0 6 (46,2%) 6 (46,2%) 1 (7,7%) 0 0",
        "2 Chi đoàn ấp Một 3 3 1 (33,3%) 2 (66,7%) 0 0 0 0",
        "Toàn Đoàn cơ sở 16 16 1 (6,3%) 8 (50,0%) 6 (37,5%) 1 (6,3%) 0 0",
        "Cộng: 13 đoàn viên được xếp loại: Hoàn thành xuất sắc nhiệm vụ 0; Hoàn thành tốt nhiệm "
        "vụ 6 (46,2%); Hoàn thành nhiệm vụ 6 (46,2%); Không hoàn thành nhiệm vụ 1 (7,7%).",
        "Cộng: 3 đoàn viên được xếp loại: Hoàn thành xuất sắc nhiệm vụ 1 (33,3%); Hoàn thành "
        "tốt nhiệm vụ 2 (66,7%); Hoàn thành nhiệm vụ 0; Không hoàn thành nhiệm vụ 0.",
    ):
        assert expected in summary, expected


def test_one_of_twenty_one_is_four_point_eight(ws: Workspace, tmp_path, read_pdf) -> None:
    branch = ws.branches.create("Chi đoàn ấp Ba").id
    _rate(ws, branch, [1] + [2] * 20, 0)
    ws.rating.close(YEAR)
    decision = _flat(read_pdf(print_decision(ws, tmp_path / "qd.pdf", YEAR)).page_texts()[0])
    assert (
        "cụ thể: - Hoàn thành xuất sắc nhiệm vụ: 1 đoàn viên (4,8%); - Hoàn thành tốt nhiệm vụ: "
        "20 đoàn viên (95,2%); - Hoàn thành nhiệm vụ: 0 đoàn viên;"
    ) in decision
    summary = _flat(read_pdf(print_summary(ws, tmp_path / "th.pdf", YEAR, branch)).text())
    assert (
        "Cộng: 21 đoàn viên được xếp loại: Hoàn thành xuất sắc nhiệm vụ 1 (4,8%); Hoàn thành "
        "tốt nhiệm vụ 20 (95,2%);"
    ) in summary


def test_the_forms_write_the_participation_as_the_summary_does(
    ws: Workspace, tmp_path, read_pdf
) -> None:
    """The phiếu wrote "95%" and "3/4 buổi (75%)" where the summary beside it writes 95,0 and
    75,0: the same one decimal on both."""
    branch = ws.branches.create("Chi đoàn ấp Một").id
    entered = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000",
                               "branch_id": branch, "admission_date": "01/01/2020"})  # fmt: skip
    counted = ws.members.save({"full_name": "Trần Thị Bình", "birth_date": "01/01/2000",
                               "branch_id": branch, "admission_date": "01/01/2020"})  # fmt: skip
    ws.rating.set(YEAR, entered, {"participation": "95%"})
    for month in range(1, 17):  # 16 meetings, one missed: 15 of 16 is 93,75% → "93,8%"
        day = dt.date(YEAR, (month - 1) % 12 + 1, 10 if month <= 12 else 20)
        ws.activities.save({"title": f"Sinh hoạt {month}", "kind": "sinh-hoat",
                            "start_date": f"{day:%d/%m/%Y}"})  # fmt: skip
        (occurrence,) = ws.activities.occurrences(day, day)
        status = "present" if month > 1 else "absent"
        ws.attendance.save(occurrence.id, {counted: (status, None), entered: (status, None)})
    pages = [_flat(t) for t in read_pdf(print_forms(ws, tmp_path / "p.pdf", YEAR)).page_texts()]
    assert "Tham gia sinh hoạt, hoạt động Đoàn trong năm: 95,0% Kết quả" in pages[0]
    assert "Tham gia sinh hoạt, hoạt động Đoàn trong năm: 15/16 buổi (93,8%) Kết quả" in pages[1]


def test_each_share_of_the_levels_is_rounded_on_its_own(ws: Workspace, tmp_path, read_pdf) -> None:
    """9, 63, 32 and 4 decided: 8,3% + 58,3% + 29,6% + 3,7% (99,9%), in the summary's table and
    its "Cộng:" line and in the decision's articles alike (pushed to add to 100,0, 63 read
    58,4%)."""
    decide_by_level(ws, "Chi đoàn ấp Một")
    summary = _flat(read_pdf(print_summary(ws, tmp_path / "th.pdf", YEAR)).text())
    for expected in (
        "1 Chi đoàn ấp Một 108 108 9 (8,3%) 63 (58,3%) 32 (29,6%) 4 (3,7%) 0 0",
        "Toàn Đoàn cơ sở 108 108 9 (8,3%) 63 (58,3%) 32 (29,6%) 4 (3,7%) 0 0",
        "Cộng: 108 đoàn viên được xếp loại: Hoàn thành xuất sắc nhiệm vụ 9 (8,3%); Hoàn thành "
        "tốt nhiệm vụ 63 (58,3%); Hoàn thành nhiệm vụ 32 (29,6%); Không hoàn thành nhiệm vụ 4 "
        "(3,7%).",
    ):
        assert expected in summary, expected
    ws.rating.close(YEAR)
    decision = _flat(read_pdf(print_decision(ws, tmp_path / "qd.pdf", YEAR)).page_texts()[0])
    assert (
        "cụ thể: - Hoàn thành xuất sắc nhiệm vụ: 9 đoàn viên (8,3%); - Hoàn thành tốt nhiệm vụ: "
        "63 đoàn viên (58,3%); - Hoàn thành nhiệm vụ: 32 đoàn viên (29,6%); - Không hoàn thành "
        "nhiệm vụ: 4 đoàn viên (3,7%)."
    ) in decision
