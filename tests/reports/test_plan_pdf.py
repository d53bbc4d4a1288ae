"""The printed plan (KH) and the report of its results (BC): the exact Vietnamese, the
sections in order, the figures the app measures at the report's date, fonts embedded."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date

import pytest

from doancoso.core.errors import NotFoundError
from doancoso.core.plans.rules import CRITERIA_OFFICIAL
from doancoso.core.workspace import DATABASE_FILE
from doancoso.reports.plan import print_plan, print_report
from plan_data import AS_OF, YEAR, make_plan_data

RECIPIENTS = ["Tỉnh đoàn Cà Mau (b/c)", "Đảng ủy xã Tân Hưng (b/c)", "Các chi đoàn (t/h)"]


def _lines(pdf) -> list[str]:
    return [line.strip() for line in pdf.text().splitlines() if line.strip()]


def _in_order(lines: list[str], expected: list[str]) -> None:
    """Every expected line is there, in this order."""
    positions = [lines.index(line) for line in expected]
    assert positions == sorted(positions), expected


def _fonts_embedded(pdf) -> None:
    fonts = pdf.fonts()
    assert fonts and all(fonts.values())
    assert set(fonts) <= {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic",
                          "LiberationSerif-BoldItalic"}  # fmt: skip


def test_the_plan_in_the_union_format(ws, tmp_path, read_pdf):
    make_plan_data(ws)
    pdf = read_pdf(print_plan(ws, tmp_path / "kh.pdf", YEAR, recipients=RECIPIENTS))
    lines = _lines(pdf)
    _in_order(lines, [
        "TỈNH ĐOÀN CÀ MAU",
        "BCH ĐOÀN XÃ TÂN HƯNG",
        "***",
        "ĐOÀN TNCS HỒ CHÍ MINH",
        "Số: 07-KH/ĐTN",
        "Tân Hưng, ngày 15 tháng 01 năm 2026",
        "KẾ HOẠCH",
        "Công tác Đoàn và phong trào thanh thiếu nhi năm 2026",
        "Căn cứ Nghị quyết Đại hội Đoàn xã Tân Hưng nhiệm kỳ 2025 – 2030,",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "- Nâng cao chất lượng sinh hoạt chi đoàn, thu hút đoàn viên tham gia.",
        "- Phấn đấu đạt danh hiệu “Đoàn cơ sở 3 chủ động”.",
        "II. CHỈ TIÊU",
        "1. Chủ động quản lý đoàn viên và chăm lo, nắm bắt tình hình thanh niên ở địa",
        "phương, đơn vị",
        "1.1. Kết nạp đoàn viên mới: 4 đoàn viên.",
        "1.2. Nắm tình hình thanh niên đi làm ăn xa.",
        "2. Chủ động xây dựng và thực hiện kế hoạch công tác",
        "2.1. Chi đoàn sinh hoạt định kỳ hằng tháng: 100%.",
        "2.2. Tổ chức 4 hoạt động Ngày Chủ nhật xanh.",
        "3. Chủ động tham mưu với cấp ủy, phối hợp với chính quyền, các đoàn thể và",
        "các tổ chức liên quan",
        "3.1. Tham mưu cấp ủy ban hành văn bản về công tác thanh niên: 2 văn bản.",
        "III. NỘI DUNG",
        "1. Công tác giáo dục chính trị tư tưởng",
        "Tổ chức học tập Nghị quyết cho 100% đoàn viên.",
        "2. Phong trào tình nguyện",
        "IV. TỔ CHỨC THỰC HIỆN",
        "- Ban Thường vụ Đoàn xã phân công đồng chí phụ trách từng chỉ tiêu.",
        "- Các chi đoàn xây dựng kế hoạch cụ thể, báo cáo kết quả hằng tháng.",
        "Nơi nhận:",
        "- Tỉnh đoàn Cà Mau (b/c);",
        "- Đảng ủy xã Tân Hưng (b/c);",
        "- Các chi đoàn (t/h);",
        "- Lưu VP.",
        "TM. BAN CHẤP HÀNH",
        "BÍ THƯ",
        "Nguyễn Thị Như Quỳnh",
    ])  # fmt: skip
    text = " ".join(lines)
    assert (
        "Ban Chấp hành Đoàn xã Tân Hưng xây dựng kế hoạch công tác Đoàn và phong trào thanh "
        "thiếu nhi năm 2026, cụ thể như sau:" in text
    )
    for number, wording in CRITERIA_OFFICIAL.items():  # the official wording, not the short
        assert f"{number}. {wording}" in text
    # The plan is what is sent to register: its registration is not printed on it.
    assert "đăng ký" not in text and "KẾ HOẠCH Kế hoạch" not in text
    _fonts_embedded(pdf)
    # The signature never stands alone: the plan's last line is on its page.
    last_page = pdf.page_texts()[-1]
    assert "báo cáo kết quả hằng tháng." in last_page and "BÍ THƯ" in last_page


def test_a_secretary_name_stored_as_typed_is_signed_as_a_name(ws, tmp_path, read_pdf):
    make_plan_data(ws)
    # stored as typed, before the settings corrected it
    with closing(sqlite3.connect(ws.data_dir / DATABASE_FILE)) as conn, conn:
        conn.execute("UPDATE organizations SET secretary_name = 'nguyễn văn bình'")
    lines = _lines(read_pdf(print_plan(ws, tmp_path / "kh.pdf", YEAR)))
    assert lines[lines.index("BÍ THƯ") + 1 :] == ["Nguyễn Văn Bình", "Trang 2/2"]
    assert "nguyễn văn bình" not in " ".join(lines)


def test_the_number_date_and_place_given_replace_the_plan_s(ws, tmp_path, read_pdf):
    make_plan_data(ws)
    path = print_plan(ws, tmp_path / "kh.pdf", YEAR, number="09-KH/ĐTN",
                      issued_on=date(2026, 2, 2), place="Cái Nước")  # fmt: skip
    lines = _lines(read_pdf(path))
    assert "Số: 09-KH/ĐTN" in lines and "Cái Nước, ngày 02 tháng 02 năm 2026" in lines
    lines = _lines(read_pdf(print_plan(ws, tmp_path / "kh2.pdf", YEAR, number="")))
    # no number: the line is printed for the number to be written by hand on signing
    assert [line for line in lines if line.startswith("Số:")] == ["Số:" + " " * 10 + "-KH/ĐTN"]


def test_empty_sections_are_left_out_and_the_others_move_up(ws, tmp_path, read_pdf):
    ws.plans.create(YEAR, title="Kế hoạch tổ chức Tháng Thanh niên năm 2026")
    ws.plans.save(YEAR, {"grounds": "Thực hiện Kế hoạch của Tỉnh đoàn, BCH Đoàn xã như sau:",
                         "content": "Ra quân Tháng Thanh niên ngày 26/3."})  # fmt: skip
    ws.plans.add_target(YEAR, {"text": "Trồng 500 cây xanh", "planned": "500", "unit": "cây"}, {})
    ws.plans.add_target(YEAR, {"text": "Sửa nhà nhân ái", "planned": "1", "unit": "căn"}, {})
    lines = _lines(read_pdf(print_plan(ws, tmp_path / "kh.pdf", YEAR)))
    _in_order(lines, [
        "KẾ HOẠCH",
        "Tổ chức Tháng Thanh niên năm 2026",
        "Thực hiện Kế hoạch của Tỉnh đoàn, BCH Đoàn xã như sau:",
        "I. CHỈ TIÊU",
        "1. Trồng 500 cây xanh.",
        "2. Sửa nhà nhân ái: 1 căn.",
        "II. NỘI DUNG",
        "Ra quân Tháng Thanh niên ngày 26/3.",
    ])  # fmt: skip
    text = " ".join(lines)
    assert "MỤC ĐÍCH" not in text and "TỔ CHỨC THỰC HIỆN" not in text
    assert "cụ thể như sau" not in text  # the grounds already end the sentence


def test_no_plan_for_the_year(ws, tmp_path):
    with pytest.raises(NotFoundError, match="^Chưa có kế hoạch công tác năm 2027.$"):
        print_plan(ws, tmp_path / "kh.pdf", 2027)
    with pytest.raises(NotFoundError):
        print_report(ws, tmp_path / "bc.pdf", 2027)
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]


def test_the_report_of_results_against_targets(ws, tmp_path, read_pdf):
    make_plan_data(ws)
    pdf = read_pdf(print_report(ws, tmp_path / "bc.pdf", YEAR, issued_on=AS_OF,
                                number="12-BC/ĐTN"))  # fmt: skip
    lines = _lines(pdf)
    _in_order(lines, [
        "Số: 12-BC/ĐTN",
        "Tân Hưng, ngày 30 tháng 11 năm 2026",
        "BÁO CÁO",
        "(Số liệu đến ngày 30/11/2026)",
        "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
        "1. Chủ động quản lý đoàn viên và chăm lo, nắm bắt tình hình thanh niên ở địa",
        "phương, đơn vị",
        "STT", "Chỉ tiêu", "Kế hoạch", "Đạt được", "Tỉ lệ (%)",
        "Kết nạp đoàn viên mới", "4 đoàn viên", "2 đoàn viên (*)", "50,0",
        "Nắm tình hình thanh niên đi làm ăn xa", "–",
        "2. Chủ động xây dựng và thực hiện kế hoạch công tác",
        "Chi đoàn sinh hoạt định kỳ hằng tháng", "100%", "50% (*)",
        "Tổ chức 4 hoạt động Ngày Chủ nhật xanh", "4 hoạt động", "1 hoạt động (*)", "25,0",
        "3. Chủ động tham mưu với cấp ủy, phối hợp với chính quyền, các đoàn thể và",
        "các tổ chức liên quan",
        "2 văn bản", "1 văn bản",
        "II. ĐÁNH GIÁ CHUNG",
        "Các chỉ tiêu chưa đạt:",
        "Nơi nhận:",
        "- Tỉnh đoàn Cà Mau (b/c);",
        "- Lưu VP.",
        "BÍ THƯ",
    ])  # fmt: skip
    text = " ".join(lines)
    for sentence in (
        "Kết quả thực hiện chỉ tiêu kế hoạch công tác Đoàn và phong trào thanh thiếu nhi năm 2026",
        "Thực hiện Kế hoạch số 07-KH/ĐTN ngày 15/01/2026 của Ban Chấp hành Đoàn xã Tân Hưng "
        "về công tác Đoàn và phong trào thanh thiếu nhi năm 2026 (đã gửi đăng ký với Tỉnh đoàn "
        "Cà Mau ngày 20/01/2026, số đăng ký 15/ĐK-TĐ, đã được duyệt), Ban Chấp hành Đoàn xã "
        "Tân Hưng báo cáo kết quả thực hiện các chỉ tiêu đến ngày 30/11/2026 như sau:",
        "(*) Số liệu do phần mềm tự tính từ dữ liệu quản lý (sổ đoàn viên, lịch hoạt động, "
        "điểm danh) đến ngày 30/11/2026.",
        "Kế hoạch có 5 chỉ tiêu, trong đó: 0 chỉ tiêu đạt và vượt kế hoạch; 4 chỉ tiêu chưa "
        "đạt; 1 chỉ tiêu chưa có số liệu để đánh giá.",
        "- Kết nạp đoàn viên mới: kế hoạch 4 đoàn viên, đạt 2 đoàn viên (50,0% kế hoạch).",
        "- Tham mưu cấp ủy ban hành văn bản về công tác thanh niên: kế hoạch 2 văn bản, đạt 1 "
        "văn bản (50,0% kế hoạch).",
    ):
        assert sentence in text, sentence
    assert "1 văn bản (*)" not in text  # entered by the secretary, not measured
    for number, wording in CRITERIA_OFFICIAL.items():
        assert f"{number}. {wording}" in text
    _fonts_embedded(pdf)


def test_the_report_measures_at_its_date(ws, tmp_path, read_pdf):
    data = make_plan_data(ws)
    raw = {"text": "Tham mưu cấp ủy", "criterion": "3", "planned": "2", "unit": "văn bản",
           "achieved": "2"}  # fmt: skip
    ws.plans.save_target(data.targets["advice"], raw, {})
    march = read_pdf(print_report(ws, tmp_path / "bc.pdf", YEAR, issued_on=date(2026, 3, 20)))
    text = " ".join(_lines(march))
    assert "(Số liệu đến ngày 20/03/2026)" in text
    assert "0 đoàn viên (*)" in text  # the two admissions of 26/03/2026 come later
    assert "1 chỉ tiêu đạt và vượt kế hoạch" in text
    assert "Các chỉ tiêu đạt và vượt:" in text
    assert "- Tham mưu cấp ủy: kế hoạch 2 văn bản, đạt 2 văn bản (100,0% kế hoạch)." in text
    # Written in the next year, the report counts to the plan's last day.
    later = read_pdf(print_report(ws, tmp_path / "bc2.pdf", YEAR, issued_on=date(2027, 1, 10)))
    text = " ".join(_lines(later))
    assert "(Số liệu đến ngày 31/12/2026)" in text and "2 đoàn viên (*)" in text
    assert "Tân Hưng, ngày 10 tháng 01 năm 2027" in text


def test_a_plan_already_read_serves_the_report_only_at_its_day(ws, tmp_path, read_pdf):
    """The dossier hands the report the plan it read: figures of another day are not taken
    (the report of 20/03 counts no admission of 26/03, whatever plan it is handed)."""
    make_plan_data(ws)
    later = ws.plans.get(YEAR, date(2026, 12, 31))
    assert later is not None
    march = read_pdf(print_report(ws, tmp_path / "bc.pdf", YEAR, issued_on=date(2026, 3, 20),
                                  plan=later))  # fmt: skip
    text = " ".join(_lines(march))
    assert "(Số liệu đến ngày 20/03/2026)" in text and "0 đoàn viên (*)" in text
    same = read_pdf(print_report(ws, tmp_path / "bc2.pdf", YEAR, issued_on=date(2026, 12, 31),
                                 plan=later))  # fmt: skip
    text = " ".join(_lines(same))
    assert "(Số liệu đến ngày 31/12/2026)" in text and "2 đoàn viên (*)" in text


def test_the_report_of_an_unregistered_plan_without_criteria(ws, tmp_path, read_pdf):
    ws.plans.create(YEAR)
    ws.plans.add_target(YEAR, {"text": "Kết nạp 10 đoàn viên", "planned": "10",
                               "measure": "admissions"}, {})  # fmt: skip
    text = " ".join(_lines(read_pdf(print_report(ws, tmp_path / "bc.pdf", YEAR,
                                                 issued_on=AS_OF))))  # fmt: skip
    assert "đăng ký" not in text
    assert (
        "Thực hiện Kế hoạch của Ban Chấp hành Đoàn xã Tân Hưng về công tác Đoàn và phong trào "
        "thanh thiếu nhi năm 2026, Ban Chấp hành" in text
    )
    assert "Kết nạp 10 đoàn viên 10 đoàn viên 0 đoàn viên (*) 0,0" in text
    assert "Chủ động" not in text  # no criterion headings when no target names one


def test_the_report_of_a_plan_without_targets(ws, tmp_path, read_pdf):
    """A plan made but given no target yet printed, after "Kế hoạch chưa có chỉ tiêu nào.",
    a part II reading "Kế hoạch có 0 chỉ tiêu, trong đó: 0 chỉ tiêu đạt và vượt kế hoạch; 0
    chỉ tiêu chưa đạt.": with nothing to assess the report says so once, and has no part II."""
    ws.plans.create(YEAR)
    lines = _lines(read_pdf(print_report(ws, tmp_path / "bc.pdf", YEAR, issued_on=AS_OF)))
    start = lines.index("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
    assert lines[start : start + 3] == [
        "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
        "Kế hoạch chưa có chỉ tiêu nào.",
        "Nơi nhận:",
    ]
    text = " ".join(lines)
    assert "ĐÁNH GIÁ CHUNG" not in text and "0 chỉ tiêu" not in text


def test_the_report_of_a_plan_made_in_advance(ws, tmp_path, read_pdf):
    """Next year's plan reported on 30/11/2026: no target "chưa đạt" (it read "0 chỉ tiêu đạt
    và vượt kế hoạch; 5 chỉ tiêu chưa đạt", each share "0,0"): not due, no share."""
    make_plan_data(ws)
    ws.plans.create(YEAR + 1, YEAR)
    pdf = read_pdf(print_report(ws, tmp_path / "bc.pdf", YEAR + 1, issued_on=AS_OF))
    lines = _lines(pdf)
    text = " ".join(lines)
    assert "Kết nạp đoàn viên mới 4 đoàn viên 0 đoàn viên (*) – " in text
    assert "0,0" not in text
    part_two = lines.index("II. ĐÁNH GIÁ CHUNG")
    assert " ".join(lines[part_two + 1 : lines.index("Nơi nhận:")]) == (
        "Kế hoạch có 5 chỉ tiêu, chưa đến kỳ đánh giá: năm 2027 chưa bắt đầu."
    )
    assert "chưa đạt" not in text and "đạt và vượt" not in text


def test_the_report_s_title_breaks_into_even_lines(ws, tmp_path, read_pdf):
    """The summary under "BÁO CÁO", too long for one line, is set on two lines of about the
    same length, as a secretary breaks it in Word: not "… phong trào thanh" over "thiếu nhi năm
    2026", which splits "thanh thiếu nhi" and leaves three words under a full line."""
    make_plan_data(ws)
    pdf = read_pdf(print_report(ws, tmp_path / "bc.pdf", YEAR, issued_on=AS_OF))
    lines = _lines(pdf)
    at = lines.index("BÁO CÁO")
    assert lines[at + 1 : at + 4] == [
        "Kết quả thực hiện chỉ tiêu kế hoạch công tác",
        "Đoàn và phong trào thanh thiếu nhi năm 2026",
        "(Số liệu đến ngày 30/11/2026)",
    ]


def test_a_typical_target_holds_on_one_line_of_the_report_s_table(ws, tmp_path, read_pdf):
    """The 70 mm "Chỉ tiêu" column left "tháng" or "xanh”" alone on a second line of the
    demo's targets; the figures' columns gave up what they did not need."""
    ws.plans.create(YEAR)
    for target in (
        {"text": "100% chi đoàn sinh hoạt định kỳ hằng tháng", "planned": "100", "unit": "%",
         "measure": "branch-meetings"},
        {"text": "Tổ chức 4 đợt ra quân “Ngày Chủ nhật xanh”", "planned": "4", "unit": "đợt",
         "achieved": "3"},
        {"text": "Kết nạp 10 đoàn viên mới", "planned": "10", "unit": "đoàn viên",
         "achieved": "12"},
    ):  # fmt: skip
        ws.plans.add_target(YEAR, target, {})
    lines = _lines(read_pdf(print_report(ws, tmp_path / "bc.pdf", YEAR, issued_on=AS_OF)))
    _in_order(lines, [
        "STT", "Chỉ tiêu", "Kế hoạch", "Đạt được", "Tỉ lệ (%)",
        "100% chi đoàn sinh hoạt định kỳ hằng tháng", "100%",
        "Tổ chức 4 đợt ra quân “Ngày Chủ nhật xanh”", "4 đợt", "3 đợt", "75,0",
        "Kết nạp 10 đoàn viên mới", "10 đoàn viên", "12 đoàn viên", "120,0",
    ])  # fmt: skip


def test_a_long_target_is_broken_into_even_lines(ws, tmp_path, read_pdf):
    """A target too long for one line of the report's table left its last word alone on the
    second ("…theo dõi vào" / "Đoàn"): its lines are now as even as they can be."""
    ws.plans.create(YEAR)
    for target in (
        {"text": "Vận động 1 thanh niên trong sổ theo dõi vào Đoàn", "planned": "1",
         "unit": "người", "achieved": "1"},
        {"text": "Phối hợp Công an xã tổ chức 2 buổi tuyên truyền pháp luật", "planned": "2",
         "unit": "buổi", "achieved": "2"},
    ):  # fmt: skip
        ws.plans.add_target(YEAR, target, {})
    lines = _lines(read_pdf(print_report(ws, tmp_path / "bc.pdf", YEAR, issued_on=AS_OF)))
    _in_order(lines, [
        "Vận động 1 thanh niên", "trong sổ theo dõi vào Đoàn",
        "Phối hợp Công an xã tổ chức", "2 buổi tuyên truyền pháp luật",
    ])  # fmt: skip
