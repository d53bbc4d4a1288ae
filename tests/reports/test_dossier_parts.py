"""The dossier's parts chosen on purpose: the minutes of the chi đoàn meetings, the other lists
(chi đoàn, members by chi đoàn), the rating decision once the round is closed, photos two a
page; and the reports reused in it carrying only the dossier's page number."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from doancoso.core.dossier.check import DEFAULT_PARTS, PARTS, Gap, check, parse_parts
from doancoso.core.lang.dates import format_vn_date
from doancoso.core.roster.service import MemberFilter
from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.build import build_dossier
from dossier_data import ISSUED, make_dossier_data, sideways_photo
from plan_data import make_plan_data

ReadPdf = Callable[[Path], Any]
DAY = dt.date(2026, 12, 20)
OWN_NUMBER = re.compile(r"Trang \d+/\d+")
BLANK = " " * 10  # room for a number written by hand (no-break spaces, read back as spaces)


def _past_note(day: dt.date, todays: str) -> str:
    """The line a list of the dossier issued on ``day`` carries once ``day`` is past (the tests
    run on any day, before or after it): what it is counted on, and what it shows as today's."""
    if day >= dt.date.today():
        return ""
    return (
        f" (Tính đến ngày {format_vn_date(day)}; {todays} ghi theo ngày "
        f"{format_vn_date(dt.date.today())})\n"
    )


def _outline(reader: PdfReader) -> list[Any]:
    """(title, page) of the bookmarks, a part's items as a list after it."""

    def page(item: Any) -> int:
        number = reader.get_destination_page_number(item)
        assert number is not None
        return number + 1

    def walk(items: list[Any]) -> list[Any]:
        return [walk(o) if isinstance(o, list)
                else (o.title, page(o))
                for o in items]  # fmt: skip

    return walk(reader.outline)


def test_optional_parts_are_off_by_default() -> None:
    assert DEFAULT_PARTS == ("to-trinh", "bao-cao", "bang", "ke-hoach", "hoat-dong",
                             "tham-muu-phoi-hop", "xep-loai", "gioi-thieu-dang", "doan-vien",
                             "thanh-nien", "minh-chung")  # fmt: skip
    assert parse_parts(None) == list(DEFAULT_PARTS)
    assert parse_parts("bien-ban,chi-doan") == ["bien-ban", "chi-doan"]
    assert list(PARTS)[5] == "bien-ban"


def test_minutes_and_lists_with_the_dossier_numbers_only(ws: Workspace, tmp_path: Path,
                                                         read_pdf: ReadPdf) -> None:  # fmt: skip
    make_plan_data(ws)
    built = build_dossier(ws, tmp_path / "ho-so.pdf", 2026,
                          ("ke-hoach", "bien-ban", "chi-doan", "doan-vien-chi-doan"),
                          issued_on=DAY)  # fmt: skip
    pdf = read_pdf(built.path)
    texts = pdf.page_texts()
    assert _outline(pdf.reader) == [
        ("Kế hoạch và báo cáo kết quả", 3),
        ("Biên bản sinh hoạt chi đoàn", 7),
        [("15/03/2026 – Sinh hoạt chi đoàn ấp Bà Điều", 7)],
        ("Danh sách chi đoàn", 8),
        ("Danh sách đoàn viên theo chi đoàn", 9),
        [("Chi đoàn ấp Bà Điều", 9), ("Chi đoàn ấp Xóm Mới", 10)],
    ]
    assert len(texts) == 10
    assert (
        "2\nBiên bản sinh hoạt chi đoàn\n7\n15/03/2026 – Sinh hoạt chi đoàn ấp Bà Điều\n7\n"
        in (texts[1])
    )
    # The reused reports (plan, report, minutes, roster) carry no "Trang n/N" of their own:
    # only the dossier's number, last on the page.
    for index, text in enumerate(texts):
        assert not OWN_NUMBER.search(text), index
        if index:
            assert text.endswith(f"\n{index + 1}\n"), index
    assert texts[2].startswith("TỈNH ĐOÀN CÀ MAU\n BCH ĐOÀN XÃ TÂN HƯNG\n ***\n"
                               " ĐOÀN TNCS HỒ CHÍ MINH\n Số: 07-KH/ĐTN\n")  # fmt: skip
    # The report of results is the dossier's: dated and counted on its day.
    assert " Tân Hưng, ngày 20 tháng 12 năm 2026\n BÁO CÁO\n" in texts[4]
    assert texts[6].startswith(
        "ĐOÀN XÃ TÂN HƯNG\n CHI ĐOÀN ẤP BÀ ĐIỀU\n ***\n ĐOÀN TNCS HỒ CHÍ MINH\n"
        " Số: 03-BB/CĐ\n Tân Hưng, ngày 15 tháng 3 năm 2026\n BIÊN BẢN SINH HOẠT CHI ĐOÀN\n"
        " Kỳ sinh hoạt tháng 3 năm 2026\n"
    )
    assert texts[6].endswith(" THƯ KÝ\n Phạm Thị Dung\n CHỦ TRÌ\n Nguyễn Văn An\n7\n")
    assert texts[7] == (
        "TỈNH ĐOÀN CÀ MAU\n BCH ĐOÀN XÃ TÂN HƯNG\n ***\n ĐOÀN TNCS HỒ CHÍ MINH\n"
        f" Số:{BLANK}-DS/ĐTN\n Tân Hưng, ngày 20 tháng 12 năm 2026\n DANH SÁCH CHI ĐOÀN\n"
        f" Đoàn xã Tân Hưng\n{_past_note(DAY, 'chi đoàn')}"
        " STT\n Chi đoàn\n Số đoàn viên\n1\nChi đoàn ấp Bà Điều\n4\n2\nChi đoàn ấp Xóm Mới\n2\n"
        "Tổng số: 2 chi đoàn, 6 đoàn viên.\nNơi nhận:\n- Tỉnh đoàn Cà Mau (b/c);\n- Lưu VP.\n"
        " TM. BAN CHẤP HÀNH\n BÍ THƯ\n Nguyễn Thị Như Quỳnh\n8\n"
    )
    assert " DANH SÁCH ĐOÀN VIÊN\n Chi đoàn ấp Bà Điều – Đoàn xã Tân Hưng\n" in texts[8]
    assert "Tổng số: 4 đoàn viên (nữ: 0)." in texts[8]
    assert " DANH SÁCH ĐOÀN VIÊN\n Chi đoàn ấp Xóm Mới – Đoàn xã Tân Hưng\n" in texts[9]
    assert "1\nVõ Minh Em\n05/05/2004\nĐang sinh hoạt\n2\nĐỗ Văn Phúc\n" in texts[9]


def test_no_minutes_is_named_in_the_check_and_the_contents(ws: Workspace, tmp_path: Path,
                                                           read_pdf: ReadPdf) -> None:  # fmt: skip
    assert check(ws, 2026, ("bien-ban",)) == [
        Gap("bien-ban", "Chưa có biên bản sinh hoạt chi đoàn nào trong năm 2026.")
    ]
    built = build_dossier(ws, tmp_path / "ho-so.pdf", 2026, ("to-trinh", "bien-ban"),
                          issued_on=DAY)  # fmt: skip
    assert built.parts == ("to-trinh",)
    assert (
        read_pdf(built.path)
        .page_texts()[1]
        .endswith(
            "Các phần không có trong hồ sơ:\n- Biên bản sinh hoạt chi đoàn: Chưa có biên bản sinh "
            "hoạt chi đoàn nào trong năm\n2026.\n2\n"
        )
    )


@pytest.fixture
def rated(ws: Workspace) -> Workspace:
    one = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    an = ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "05/03/2000",
                          "branch_id": one})  # fmt: skip
    binh = ws.members.save({"full_name": "Trần Thị Bình", "birth_date": "20/11/2001",
                            "branch_id": one, "gender": "female"})  # fmt: skip
    ws.rating.open(2025)
    ws.rating.set(2025, an, {"decided_level": 1})
    ws.rating.set(2025, binh, {"decided_level": 2})
    return ws


def test_the_rating_decision_once_the_round_is_closed(rated: Workspace, tmp_path: Path,
                                                      read_pdf: ReadPdf) -> None:  # fmt: skip
    assert check(rated, 2025, ("xep-loai",)) == [
        Gap("xep-loai", "Đợt đánh giá, xếp loại năm 2025 chưa khóa sổ."),
        Gap("xep-loai", "Chưa có quyết định công nhận kết quả xếp loại năm 2025 (cần khóa sổ "
                        "đợt đánh giá và có đoàn viên được Ban Chấp hành xếp loại)."),
    ]  # fmt: skip
    open_round = read_pdf(build_dossier(rated, tmp_path / "mo.pdf", 2025, ("xep-loai",),
                                        issued_on=ISSUED).path)  # fmt: skip
    assert not any("QUYẾT ĐỊNH" in t for t in open_round.page_texts())
    assert _outline(open_round.reader) == [("Kết quả đánh giá, xếp loại đoàn viên", 3)]
    # The summary of a round still open says so on the paper the superior body receives.
    assert (
        " Tổng hợp kết quả đánh giá, xếp loại đoàn viên năm 2025\n"
        " Kết quả tạm thời: đợt đánh giá, xếp loại năm 2025 chưa khóa sổ.\n"
    ) in open_round.page_texts()[2]

    rated.rating.close(2025)
    closed_on = dt.date.today()  # no number recorded: dated the day the round was closed
    assert check(rated, 2025, ("xep-loai",)) == [
        Gap("xep-loai", "Quyết định công nhận kết quả xếp loại năm 2025 chưa có số: in quyết "
                        "định ở trang Xếp loại (nút “In…”) với số văn bản để ghi lại số và ngày "
                        "ban hành.",
            "doancoso rating print --year 2025 --document quyet-dinh --number SỐ "
            "-o quyet-dinh.pdf"),
    ]  # fmt: skip
    pdf = read_pdf(build_dossier(rated, tmp_path / "khoa.pdf", 2025, ("xep-loai",),
                                 issued_on=ISSUED).path)  # fmt: skip
    texts = pdf.page_texts()
    assert _outline(pdf.reader) == [
        ("Kết quả đánh giá, xếp loại đoàn viên", 3),
        [("Báo cáo tổng hợp kết quả xếp loại", 3), ("Quyết định công nhận kết quả xếp loại", 5)],
    ]
    assert " BÁO CÁO\n Tổng hợp kết quả đánh giá, xếp loại đoàn viên năm 2025\n" in texts[2]
    assert not any("Kết quả tạm thời" in t for t in texts)
    month = f"{closed_on.month:02d}" if closed_on.month < 3 else closed_on.month  # Decree 30
    when = f"ngày {closed_on:%d} tháng {month} năm {closed_on.year}"
    assert texts[4].startswith(
        "TỈNH ĐOÀN CÀ MAU\n BCH ĐOÀN XÃ TÂN HƯNG\n ***\n ĐOÀN TNCS HỒ CHÍ MINH\n"
        f" Số:{BLANK}-QĐ/ĐTN\n Tân Hưng, {when}\n QUYẾT ĐỊNH\n"
        " Về việc công nhận kết quả đánh giá, xếp loại đoàn viên năm 2025\n"
    )
    assert (
        " Điều 1. Công nhận kết quả đánh giá, xếp loại đoàn viên năm 2025 đối với 2 đoàn\n"
        "viên (có danh sách kèm theo), cụ thể:\n"
        " - Hoàn thành xuất sắc nhiệm vụ: 1 đoàn viên (50,0%);\n"
        " - Hoàn thành tốt nhiệm vụ: 1 đoàn viên (50,0%);\n"
    ) in texts[4]
    assert texts[5].startswith("DANH SÁCH XẾP LOẠI ĐOÀN VIÊN NĂM 2025\n")
    assert "1\nNguyễn Văn An\n05/03/2000\n" in texts[5]
    assert all(not OWN_NUMBER.search(t) for t in texts)

    rated.rating.record_decision(2025, "05-QĐ/ĐTN", dt.date(2026, 1, 10))  # as printed
    assert check(rated, 2025, ("xep-loai",)) == []
    issued = read_pdf(build_dossier(rated, tmp_path / "so.pdf", 2025, ("xep-loai",),
                                    issued_on=ISSUED).path).page_texts()  # fmt: skip
    assert issued[4].startswith(
        "TỈNH ĐOÀN CÀ MAU\n BCH ĐOÀN XÃ TÂN HƯNG\n ***\n ĐOÀN TNCS HỒ CHÍ MINH\n Số: 05-QĐ/ĐTN\n"
        " Tân Hưng, ngày 10 tháng 01 năm 2026\n QUYẾT ĐỊNH\n"
    )
    assert issued[5].startswith(
        "DANH SÁCH XẾP LOẠI ĐOÀN VIÊN NĂM 2025\n (Kèm theo Quyết định số 05-QĐ/ĐTN ngày 10/01/2026 "
    )


def test_two_photos_a_page_keep_their_numbers_and_captions(ws: Workspace, tmp_path: Path,
                                                           read_pdf: ReadPdf) -> None:  # fmt: skip
    make_dossier_data(ws, tmp_path)
    second = sideways_photo(tmp_path / "anh-2.jpg")
    with Image.open(second) as image:  # another photo (the same one would be stored once)
        exif = image.getexif()
        changed = image.convert("RGB")
        changed.paste((0, 160, 0), (500, 0, 600, 100))  # green at the far end: the foot, upright
        changed.save(second, exif=exif)
    ws.recognition.attach(2025, "1.2", second, "Trao quà")
    ws.recognition.attach(2025, "1.3", sideways_photo(tmp_path / "anh-3.jpg", mark=20),
                          "Lớp học")  # fmt: skip
    built = build_dossier(ws, tmp_path / "ho-so.pdf", 2025, ("minh-chung",), issued_on=ISSUED,
                          photos_per_page=2)  # fmt: skip
    pdf = read_pdf(built.path)
    texts = pdf.page_texts()
    # the divider, the PDF's 3 pages, then 1.2.1 and 1.2.2 on one page, 1.3.1 alone
    assert _outline(pdf.reader) == [
        ("Phụ lục minh chứng", 3),
        [("Minh chứng 1.1.1: Biên bản rà soát đoàn viên", 4),
         ("Minh chứng 1.2.1: Buổi sinh hoạt chi đoàn", 7), ("Minh chứng 1.2.2: Trao quà", 7),
         ("Minh chứng 1.3.1: Lớp học", 8)],
    ]  # fmt: skip
    assert len(texts) == 8
    assert texts[6] == ("Minh chứng 1.2.1\n Buổi sinh hoạt chi đoàn\n"
                        "Minh chứng 1.2.2\n Trao quà\n7\n")  # fmt: skip
    assert texts[7] == "Minh chứng 1.3.1\n Lớp học\n8\n"
    page = pdf.reader.pages[6]
    labels = {r.text: r.y for r in pdf.runs(6)}
    assert labels["Minh chứng 1.2.1"] > float(page.mediabox.height) / 2 > labels["Minh chứng 1.2.2"]
    images = [image.image for image in page.images]
    assert len(images) == 2
    for photo in images:
        assert isinstance(photo, Image.Image)
        assert photo.width < photo.height  # each turned upright by its EXIF orientation
        top = photo.convert("RGB").getpixel((photo.width // 2, photo.height // 8))
        assert isinstance(top, tuple) and top[2] > 200 and top[0] < 60  # blue at the top
    # one a page: each photo on a page of its own
    one = build_dossier(ws, tmp_path / "mot.pdf", 2025, ("minh-chung",), issued_on=ISSUED)
    assert one.pages == 9


def test_the_activities_participation_stays_on_one_line(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """ "12.202/12.661" present out of expected, never split over two lines."""
    from dataclasses import replace

    from doancoso.reports.dossier.parts import write_activities

    make_plan_data(ws)
    org = ws.organization.get()
    assert org is not None
    rows = ws.activities.occurrences(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    detail = ws.activities.occurrence(rows[0].id)
    figures = [(1202, 1661), (12202, 12661)]
    details = [
        replace(detail, row=replace(detail.row, attendance_taken=True, present=p, expected=e),
                results="Kết quả rất dài " * 8)
        for p, e in figures
    ]  # fmt: skip
    path = write_activities(tmp_path / "hoat-dong.pdf", org, details,
                            ws.activities.kind_names(), 2026, DAY)  # fmt: skip
    lines = read_pdf(path).text().splitlines()
    for present, expected in (("1.202", "1.661"), ("12.202", "12.661")):
        assert any(f"{present}/{expected}" in line for line in lines), (present, lines)


def test_the_chi_doan_total_says_how_many_are_on_temporary_activity() -> None:
    """As the statistics do: a commune's total holds members of other organisations on sinh
    hoạt tạm here, said apart so that the superior body can add communes up."""
    from doancoso.core.roster.branches import BranchInfo
    from doancoso.reports.dossier.extra import branch_total

    branches = [
        BranchInfo("b1", "Chi đoàn ấp Bà Điều", 1200, 1150, 40),
        BranchInfo("b2", "Chi đoàn ấp Xóm Mới", 20, 18, 0),
    ]
    assert branch_total(branches) == (
        "Tổng số: 2 chi đoàn, 1.168 đoàn viên (kể cả 40 sinh hoạt tạm)."
    )
    assert branch_total(branches[1:]) == "Tổng số: 1 chi đoàn, 18 đoàn viên."


def test_points_are_written_with_a_decimal_comma(ws: Workspace, tmp_path: Path,
                                                 read_pdf: ReadPdf) -> None:  # fmt: skip
    """A province's template with points: the totals are printed with a decimal comma and a
    thousands dot in the tờ trình, the report and the table ("908,25/1.010 điểm"), never
    "908.25/1010": in Vietnamese the dot groups thousands."""
    import json

    from doancoso.core.recognition.template import default_template, parse_template

    data = json.loads(default_template().text)
    data["name"] = "Bộ tiêu chí của Tỉnh đoàn Cà Mau"
    data["criteria"][0]["items"][0]["points"] = 10
    data["criteria"][0]["items"][1]["points"] = 1000
    ws.recognition.add_template(parse_template(json.dumps(data, ensure_ascii=False)))
    ws.recognition.open(2025, "Bộ tiêu chí của Tỉnh đoàn Cà Mau")
    ws.recognition.set(2025, "1.1", {"status": "Đạt", "points": "8,25"})
    ws.recognition.set(2025, "1.2", {"status": "Đạt", "points": "900"})
    path = tmp_path / "ho-so.pdf"
    build_dossier(ws, path, 2025, parts=("to-trinh", "bao-cao", "bang"), number="15-TTr/ĐTN",
                  issued_on=ISSUED)  # fmt: skip
    text = re.sub(r"\s+", " ", read_pdf(path).text())
    assert text.count("đạt 2/14 nội dung, 908,25/1.010 điểm") == 3
    assert "8.25" not in text and "1010" not in text


def test_an_item_not_applicable_is_out_of_the_points_possible(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """An item "Không áp dụng" is not scored: the tờ trình, the report and the table give the
    points out of the items that apply (8/10, not 8/15), as the items met are out of those."""
    import json

    from doancoso.core.recognition.template import default_template, parse_template

    data = json.loads(default_template().text)
    data["name"] = "Bộ tiêu chí của Tỉnh đoàn Cà Mau"
    data["criteria"][0]["items"][0]["points"] = 10
    data["criteria"][0]["items"][1]["points"] = 5
    ws.recognition.add_template(parse_template(json.dumps(data, ensure_ascii=False)))
    ws.recognition.open(2025, "Bộ tiêu chí của Tỉnh đoàn Cà Mau")
    ws.recognition.set(2025, "1.1", {"status": "Đạt", "points": "8"})
    ws.recognition.set(2025, "1.2", {"status": "Không áp dụng"})
    path = tmp_path / "ho-so.pdf"
    build_dossier(ws, path, 2025, parts=("to-trinh", "bao-cao", "bang"), number="15-TTr/ĐTN",
                  issued_on=ISSUED)  # fmt: skip
    text = re.sub(r"\s+", " ", read_pdf(path).text())
    assert text.count("đạt 1/13 nội dung, 8/10 điểm") == 3
    assert "/15 điểm" not in text


def test_a_points_template_prints_each_items_points_in_the_table(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """A template with points: the self-assessment table gives each item its maximum and the
    points self-assessed, as the superior body's scoring tables do (DOMAIN.md §7), and a total
    row; an item not applicable shows neither (it is out of the totals), an item the template
    does not score shows nothing. Headers and cells break between words, never inside one ("Điểm /
    tối đa", "Không / áp dụng", never "Điểm tối / đa", "Không áp / dụng")."""
    import json

    from doancoso.core.recognition.template import default_template, parse_template

    data = json.loads(default_template().text)
    data["name"] = "Bộ tiêu chí của Tỉnh đoàn Cà Mau"
    for item, points in zip(data["criteria"][0]["items"], (10, 5, 7.5), strict=False):
        item["points"] = points
    ws.recognition.add_template(parse_template(json.dumps(data, ensure_ascii=False)))
    ws.recognition.open(2025, "Bộ tiêu chí của Tỉnh đoàn Cà Mau")
    ws.recognition.set(2025, "1.1", {"status": "Đạt", "points": "8,5"})
    ws.recognition.set(2025, "1.2", {"status": "Không áp dụng"})
    ws.recognition.set(2025, "1.3", {"status": "Chưa đạt"})
    path = tmp_path / "bang.pdf"
    build_dossier(ws, path, 2025, parts=("bang",), issued_on=ISSUED)
    table = "".join(read_pdf(path).page_texts()[2:])
    assert (
        " Kết quả thực hiện tiêu chí “Đoàn cơ sở 3 chủ động” năm 2025\n Mục\n Nội dung\n"
        " Tự đánh giá\n Điểm\ntối đa\n Điểm\ntự chấm\n Số liệu\n Minh chứng\n"
        "1.1\nDanh sách đoàn viên được lập đầy đủ, cập nhật\nthường xuyên\nĐạt\n10\n8,5\n"
        "Danh sách đoàn viên chưa\ncó ai.\n"
        "1.2\nNhận xét đoàn viên định kỳ và hằng năm trong\nsổ đoàn viên\n Không\náp dụng\n"
        "Chưa có đợt xếp loại đoàn\nviên năm 2025.\n"
        "1.3\nThực hiện chương trình rèn luyện đoàn viên,\ndùng kết quả để đánh giá, xếp loại "
        "cuối năm\nChưa đạt\n7,5\n1.4\n"  # no points given yet: none printed
    ) in table
    assert (
        "0 chương trình phối hợp\ntrong năm.\nCộng\n 17,5\n 8,5\n"
        "Kết quả: đạt 1/13 nội dung, 8,5/17,5 điểm.\n"
    ) in table


def test_a_decision_without_number_is_dated_the_local_day_the_round_closed(
    rated: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A round closed at 06:30 on 02/01/2026 in Việt Nam (23:30 UTC the day before): the
    decision is dated 02/01/2026, the day the secretary closed it, not the UTC day."""
    import time

    from doancoso.core.rating import service
    from doancoso.reports.dossier.extra import decision_issue

    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    try:
        monkeypatch.setattr(service, "utc_now", lambda: dt.datetime(2026, 1, 1, 23, 30))
        rated.rating.close(2025)
        assert decision_issue(rated, 2025) == (dt.date(2026, 1, 2), None)
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.fixture
def moved_on(ws: Workspace) -> Workspace:
    """Tân Hưng at the end of 2025 and since: An here since 2020, Bí thư of Bà Điều; Bé admitted
    on 15/01/2026; Cường transferred out on 01/02/2026; Dung on temporary activity since 2025,
    transferred in for good on 01/03/2026."""
    bd = ws.branches.create("Chi đoàn ấp Bà Điều").id
    xm = ws.branches.create("Chi đoàn ấp Xóm Mới").id
    save = ws.members.save
    an = save({"full_name": "Nguyễn Văn An", "birth_date": "01/01/2000", "branch_id": bd,
               "position": "Bí thư"})  # fmt: skip
    be = save({"full_name": "Trần Thị Bé", "birth_date": "01/01/2005", "branch_id": bd,
               "gender": "female"})  # fmt: skip
    cuong = save({"full_name": "Lê Văn Cường", "birth_date": "01/01/2001", "branch_id": xm})
    dung = save({"full_name": "Phạm Thị Dung", "birth_date": "01/01/2002", "branch_id": xm,
                 "gender": "female"})  # fmt: skip
    record = ws.events.record
    record(an, "admission", "01/03/2020")
    record(be, "admission", "15/01/2026")
    record(cuong, "admission", "01/03/2021")
    record(cuong, "transfer_out", "01/02/2026", other_organization="Đoàn phường 5")
    record(dung, "temporary", "01/05/2025", home_organization="Đoàn xã Khánh An")
    record(dung, "transfer_in", "01/03/2026", other_organization="Đoàn xã Khánh An")
    return ws


def test_a_past_years_lists_are_the_roster_at_its_end(moved_on: Workspace, tmp_path: Path,
                                                      read_pdf: ReadPdf) -> None:  # fmt: skip
    """The dossier of 2025, built in 2026, lists the members on the roster on 31/12/2025 (as its
    statistics count them), with their status then, and says so: not Bé, admitted in 2026; Cường,
    who left in 2026, as on the roster; Dung on temporary activity, as she was then."""
    built = build_dossier(moved_on, tmp_path / "ho-so.pdf", 2025,
                          ("doan-vien", "chi-doan", "doan-vien-chi-doan", "thong-ke"),
                          issued_on=dt.date(2026, 1, 20))  # fmt: skip
    texts = read_pdf(built.path).page_texts()
    roster = texts[2]
    assert " DANH SÁCH ĐOÀN VIÊN\n Đoàn xã Tân Hưng\n (Tính đến ngày 31/12/2025; " in roster
    assert "Trần Thị Bé" not in roster
    assert "1\nNguyễn Văn An\n01/01/2000\n" in roster
    assert "\nLê Văn Cường\n01/01/2001\nChi đoàn ấp Xóm Mới\nĐang sinh hoạt\n" in roster
    assert "\nPhạm Thị Dung\n01/01/2002\nNữ\nChi đoàn ấp Xóm Mới\nSinh hoạt tạm\n" in roster
    assert "Tổng số: 3 đoàn viên (nữ: 1)." in roster
    assert "Chi đoàn ấp Bà Điều\n1\n2\nChi đoàn ấp Xóm Mới\n2\nTổng số: 2 chi đoàn, 3 đoàn viên " \
           "(kể cả 1 sinh hoạt tạm)." in texts[3]  # fmt: skip
    assert "Tổng số đoàn viên đang sinh hoạt (kể cả sinh hoạt tạm)\n3\n" in texts[6]

    now = build_dossier(moved_on, tmp_path / "nay.pdf", dt.date.today().year, ("doan-vien",))
    roster = read_pdf(now.path).page_texts()[2]
    assert "Tính đến ngày" not in roster
    assert "Trần Thị Bé" in roster and "Lê Văn Cường" not in roster


def test_a_past_years_lists_say_the_chi_doan_and_positions_are_todays(
    moved_on: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """Which chi đoàn a member was in, and their position, are not kept over time: An, Bí thư of
    Bà Điều at the end of 2025, moved to Xóm Mới since, is listed there in the dossier of 2025.
    Its lists of 31/12/2025 and its count by chi đoàn say so, naming the day the chi đoàn and
    positions are of, rather than passing them off as those of 31/12/2025: the day of the build
    (its clock, ``as_of``), not the system's."""
    built_on = dt.date(2026, 1, 25)
    an = moved_on.members.ids(MemberFilter(search="Nguyễn Văn An"))[0]
    xm = moved_on.branches.find("Chi đoàn ấp Xóm Mới")
    assert xm is not None
    moved_on.branches.move_members([an], xm.id)
    built = build_dossier(moved_on, tmp_path / "ho-so.pdf", 2025,
                          ("doan-vien", "chi-doan", "doan-vien-chi-doan", "thong-ke"),
                          issued_on=dt.date(2026, 1, 20), as_of=built_on)  # fmt: skip
    texts = read_pdf(built.path).page_texts()
    today = "25/01/2026"
    note = f" (Tính đến ngày 31/12/2025; chi đoàn, chức vụ ghi theo ngày {today})\n"
    assert f" DANH SÁCH ĐOÀN VIÊN\n Đoàn xã Tân Hưng\n{note}" in texts[2]
    assert "1\nNguyễn Văn An\n01/01/2000\nChi đoàn ấp Xóm Mới\nBí thư\n" in texts[2]
    assert (f" DANH SÁCH CHI ĐOÀN\n Đoàn xã Tân Hưng\n (Tính đến ngày 31/12/2025; chi đoàn ghi "
            f"theo ngày {today})\n") in texts[3]  # fmt: skip
    assert "Chi đoàn ấp Bà Điều\n0\n2\nChi đoàn ấp Xóm Mới\n3\n" in texts[3]
    assert f" DANH SÁCH ĐOÀN VIÊN\n Chi đoàn ấp Xóm Mới – Đoàn xã Tân Hưng\n{note}" in texts[4]
    assert (f"1. Theo chi đoàn (đang sinh hoạt; chi đoàn ghi theo ngày {today})\n"
            in texts[5])  # fmt: skip

    # The dossier of the build's own year: its lists are of that day, nothing said.
    now = build_dossier(moved_on, tmp_path / "nay.pdf", built_on.year,
                        ("doan-vien", "chi-doan", "thong-ke"), as_of=built_on)  # fmt: skip
    texts = read_pdf(now.path).page_texts()
    assert not any("ghi theo ngày" in text for text in texts)
    assert "1. Theo chi đoàn (đang sinh hoạt)\n" in texts[4]


def test_a_past_years_youth_lists_hold_the_young_people_admitted_since(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """The youth lists of the dossier of 2025 are those of 31/12/2025, as its statistics count
    them: Tư, in hardship, admitted on 15/01/2026, was still a young person of the register then
    (he was in no list of the dossier: not yet a member, no longer in the register); Nghèo,
    admitted on 10/12/2025, was not. The lists say the day they are of and that each person's
    details are today's."""
    save = ws.youth.save
    tu = save({"full_name": "Châu Văn Tư", "birth_date": "01/01/2007", "hardship_kind": "Hộ nghèo"})
    ngheo = save({"full_name": "Lâm Thị Nghèo", "birth_date": "01/01/2007",
                  "hardship_kind": "Hộ cận nghèo"})  # fmt: skip
    save({"full_name": "Lâm Văn Xa", "birth_date": "01/01/2006", "away_place": "Bình Dương"})
    ws.youth.admit(tu, "15/01/2026", "Đoàn xã Tân Hưng", None)
    ws.youth.admit(ngheo, "10/12/2025", "Đoàn xã Tân Hưng", None)
    built = build_dossier(ws, tmp_path / "ho-so.pdf", 2025, ("thanh-nien", "so-thanh-nien"),
                          issued_on=dt.date(2026, 1, 20))  # fmt: skip
    texts = read_pdf(built.path).page_texts()
    today = f"{dt.date.today():%d/%m/%Y}"
    note = f"(Tính đến ngày 31/12/2025; thông tin từng người ghi theo ngày {today})"
    assert (f" DANH SÁCH THANH NIÊN CÓ HOÀN CẢNH KHÓ KHĂN\n Đoàn xã Tân Hưng\n {note}\n"
            in texts[2])  # fmt: skip
    assert "\n1\nChâu Văn Tư\n01/01/2007\n" in texts[2] and "Lâm Thị Nghèo" not in texts[2]
    assert "Tổng số: 1 thanh niên (nữ: 0; hoàn cảnh khó khăn: 1;" in texts[2]
    assert f" Đoàn xã Tân Hưng\n {note}\n" in texts[3]
    assert "\n1\nChâu Văn Tư\n" in texts[3] and "\n2\nLâm Văn Xa\n" in texts[3]
    assert "Lâm Thị Nghèo" not in texts[3]

    now = build_dossier(ws, tmp_path / "nay.pdf", dt.date.today().year, ("thanh-nien",))
    assert now.omitted == (("Danh sách thanh niên có hoàn cảnh khó khăn",
                            "Không có thanh niên có hoàn cảnh khó khăn."),)  # fmt: skip


def test_nothing_to_score_prints_no_points(ws: Workspace, tmp_path: Path,
                                           read_pdf: ReadPdf) -> None:  # fmt: skip
    """Every scored item "Không áp dụng": the tờ trình, the report and the table say the items
    met and no points, as the checklist page does, never "0/0 điểm"; the table's total row
    leaves its points blank, as the items' cells are."""
    import json

    from doancoso.core.recognition.template import default_template, parse_template

    data = json.loads(default_template().text)
    data["name"] = "Bộ tiêu chí của Tỉnh đoàn Cà Mau"
    data["criteria"][0]["items"][0]["points"] = 10
    data["criteria"][0]["items"][1]["points"] = 5
    ws.recognition.add_template(parse_template(json.dumps(data, ensure_ascii=False)))
    ws.recognition.open(2025, "Bộ tiêu chí của Tỉnh đoàn Cà Mau")
    ws.recognition.set(2025, "1.1", {"status": "Không áp dụng"})
    ws.recognition.set(2025, "1.2", {"status": "Không áp dụng"})
    ws.recognition.set(2025, "1.3", {"status": "Đạt"})
    path = tmp_path / "ho-so.pdf"
    build_dossier(ws, path, 2025, parts=("to-trinh", "bao-cao", "bang"), number="15-TTr/ĐTN",
                  issued_on=ISSUED)  # fmt: skip
    pages = read_pdf(path).page_texts()
    text = re.sub(r"\s+", " ", "".join(pages))
    assert "điểm" not in text.replace("Điểm tối đa", "").replace("Điểm tự chấm", "")
    assert text.count("đạt 1/12 nội dung.") == 3
    assert "trong năm.\nCộng\nKết quả: đạt 1/12 nội dung.\n" in "".join(pages[5:])


def test_no_heading_of_the_report_ends_a_page(ws: Workspace, tmp_path: Path,
                                              read_pdf: ReadPdf) -> None:  # fmt: skip
    """However long the remarks before it, a criterion's heading or "Tổng hợp" of the
    self-assessment report starts a page with what it heads, never alone at the foot of one."""
    ws.recognition.open(2025)
    criteria = ws.recognition.view(2025, ISSUED).template.criteria
    headings = ["Tổng hợp", *(f"{i}. {c.title}" for i, c in enumerate(criteria, start=1))]
    for words in range(0, 400, 24):
        ws.recognition.set(2025, "1.7", {"status": "dat", "note": "Ghi chú " * words})
        built = build_dossier(ws, tmp_path / f"{words}.pdf", 2025, ("bao-cao",),
                              issued_on=ISSUED)  # fmt: skip
        for text in read_pdf(built.path).page_texts()[2:]:
            lines = [line.strip() for line in text.splitlines() if line.strip()]
            above = " ".join(lines[:-1])  # the last line: the page number
            assert not any(above.endswith(h) for h in headings), (words, lines[-3:])
