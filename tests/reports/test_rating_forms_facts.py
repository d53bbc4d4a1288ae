"""The phiếu tự đánh giá of a member on sick leave or with the year's dues unpaid says so among
the facts the app knows, under the participation and the training programme's result; a
member without them has neither line; each form stays on its page."""

from __future__ import annotations

import re
from itertools import pairwise

from doancoso.core.workspace import Workspace
from doancoso.reports.rating_forms import print_forms

YEAR = 2025


def test_the_form_says_the_sick_leave_and_the_dues(ws: Workspace, tmp_path, read_pdf) -> None:
    branch = ws.branches.create("Chi đoàn ấp 1").id

    def member(name: str) -> str:
        return ws.members.save({"full_name": name, "birth_date": "01/01/2000",
                                "branch_id": branch, "admission_date": "01/01/2020"})  # fmt: skip

    an, binh, cuong = member("Nguyễn Văn An"), member("Trần Thị Bình"), member("Lê Văn Cường")
    long_text = "\n".join(["Tham gia đầy đủ các buổi sinh hoạt của chi đoàn."] * 14)
    ws.rating.set(YEAR, an, {"participation": "95", "training_result": "Xuất sắc",
                             "sick_months": "4", "dues_unpaid": "có",
                             "self_text": long_text})  # fmt: skip
    ws.rating.set(YEAR, binh, {"participation": "80", "self_text": long_text})
    ws.rating.set(YEAR, cuong, {"participation": "70", "dues_unpaid": True})
    pages = [re.sub(r"\s+", " ", t) for t in
             read_pdf(print_forms(ws, tmp_path / "phieu.pdf", YEAR)).page_texts()]  # fmt: skip
    assert len(pages) == 3
    names = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")
    an_page, binh_page, cuong_page = (next(p for p in pages if f"Họ và tên: {n};" in p)
                                      for n in names)  # fmt: skip
    assert (
        "Kết quả chương trình rèn luyện đoàn viên: Xuất sắc Nghỉ ốm trong năm: 4 tháng Đoàn "
        "phí năm 2025: chưa đóng đủ II. TỰ XẾP LOẠI" in an_page
    )
    assert "Nghỉ ốm" not in binh_page and "Đoàn phí" not in binh_page
    assert "Nghỉ ốm" not in cuong_page
    assert "Đoàn phí năm 2025: chưa đóng đủ II. TỰ XẾP LOẠI" in cuong_page


def test_the_facts_stand_apart_from_the_typed_self_assessment(
    ws: Workspace, tmp_path, read_pdf
) -> None:
    """The facts the app prints (participation, training, sick leave, dues) are not the member's
    words: under a typed self-assessment they stand a little apart from its last line, not run
    on as one more line of it."""
    branch = ws.branches.create("Chi đoàn ấp 1").id
    an = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000",
                          "branch_id": branch, "admission_date": "01/01/2020"})  # fmt: skip
    ws.rating.set(YEAR, an, {"participation": "95", "sick_months": "4", "dues_unpaid": "có",
                             "self_text": "Chấp hành tốt.\nCòn vắng một buổi."})  # fmt: skip
    runs = read_pdf(print_forms(ws, tmp_path / "phieu.pdf", YEAR)).runs(0)

    def y(text: str) -> float:
        (found,) = [r.y for r in runs if r.text.startswith(text)]
        return found

    step = y("Chấp hành tốt.") - y("Còn vắng một buổi.")  # a typed line to the next
    facts = [y(t) for t in ("Tham gia sinh hoạt", "Kết quả chương trình", "Nghỉ ốm", "Đoàn phí")]
    assert y("Còn vắng một buổi.") - facts[0] >= step + 4
    assert [round(a - b, 1) for a, b in pairwise(facts)] == [round(step, 1)] * 3  # as lines
