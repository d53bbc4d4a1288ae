"""The printed roster: order, header on every page, totals, signature, fonts, A4 landscape."""

from __future__ import annotations

import re
from datetime import date

import pytest

from doancoso.core.errors import AppError
from doancoso.core.roster.service import MemberFilter
from doancoso.reports.roster import print_roster
from doancoso.reports.tables import Column, PagedTable

DAY = date(2026, 11, 26)
MM = 72 / 25.4
HEADER = ("STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chi đoàn", "CCCD/CMND", "Trạng thái")


def _add(ws, name, birth, gender, branch_id=None, **extra):
    raw = {"full_name": name, "birth_date": birth, "gender": gender, **extra}
    if branch_id:
        raw["branch_id"] = branch_id
    return ws.members.save(raw)


@pytest.fixture
def small_ws(ws):
    hamlet = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    other = ws.branches.create("Chi đoàn ấp Kênh Xáng").id
    _add(ws, "Nguyễn Thị Như Quỳnh", "05/03/1996", "Nữ", hamlet, position="Bí thư",
         national_id="096196000123", phone="0912345678")  # fmt: skip
    _add(ws, "Trần Thị Ánh", "20/05/2001", "Nữ", other)
    _add(ws, "Lê Văn Bình", "01/01/2000", "Nam", hamlet)
    _add(ws, "Phạm Văn An", "12/12/1999", "Nam", other)
    _add(ws, "Đặng Thị Đào", "2003", "Nữ", hamlet)
    return ws


def test_small_roster_text(small_ws, tmp_path, read_pdf):
    path = print_roster(small_ws, tmp_path / "ds.pdf", issued_on=DAY, number="15-DS/ĐTN")
    assert path == tmp_path / "ds.pdf"
    pdf = read_pdf(path)
    text = pdf.text()
    lines = [line.strip() for line in text.splitlines()]
    for expected in (
        "TỈNH ĐOÀN CÀ MAU",
        "BCH ĐOÀN XÃ TÂN HƯNG",
        "Số: 15-DS/ĐTN",
        "ĐOÀN TNCS HỒ CHÍ MINH",
        "Tân Hưng, ngày 26 tháng 11 năm 2026",
        "DANH SÁCH ĐOÀN VIÊN",
        "Đoàn xã Tân Hưng",
        "Tổng số: 5 đoàn viên (nữ: 3).",
        "TM. BAN CHẤP HÀNH",
        "BÍ THƯ",
        "Nguyễn Thị Như Quỳnh",
        "- Tỉnh đoàn Cà Mau (b/c)",
        "- Lưu VP.",
    ):
        assert any(expected in line for line in lines), expected
    assert "Trang" not in text  # one page: no page number
    # Vietnamese order: given name (An < Ánh < Bình < Đào < Quỳnh), then middle, then family.
    names = ["Phạm Văn An", "Trần Thị Ánh", "Lê Văn Bình", "Đặng Thị Đào", "Nguyễn Thị Như Quỳnh"]
    positions = [text.index(name) for name in names]
    assert positions == sorted(positions)
    assert "05/03/1996" in text and "096196000123" in text and "0912345678" in text
    assert "Đang sinh hoạt" in text
    assert re.search(r"Đặng Thị Đào\s+2003\s", text)  # a birth year alone is printed as such


def test_landscape_fonts_and_margins(small_ws, tmp_path, read_pdf):
    pdf = read_pdf(print_roster(small_ws, tmp_path / "ds.pdf", issued_on=DAY))
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    fonts = pdf.fonts()
    assert set(fonts) <= {"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic",
                          "LiberationSerif-BoldItalic"}  # fmt: skip
    assert all(fonts.values())
    runs = pdf.runs(0)
    assert runs and all(run.x >= 30 * MM - 0.5 for run in runs)
    assert all(run.x <= float(box.width) - 20 * MM for run in runs)


def test_branch_filter_names_the_branch_and_drops_its_column(small_ws, tmp_path, read_pdf):
    branch = small_ws.branches.find("Chi đoàn ấp Tân Hưng")
    path = print_roster(small_ws, tmp_path / "ds.pdf", MemberFilter(branch_id=branch.id),
                        issued_on=DAY)  # fmt: skip
    text = read_pdf(path).text()
    assert "Chi đoàn ấp Tân Hưng – Đoàn xã Tân Hưng" in text
    assert "Tổng số: 3 đoàn viên (nữ: 2)." in text
    assert "Trần Thị Ánh" not in text
    assert "Chi đoàn ấp Kênh Xáng" not in text


def test_search_filter_is_noted(small_ws, tmp_path, read_pdf):
    path = print_roster(small_ws, tmp_path / "ds.pdf", MemberFilter(search="nguyen"), issued_on=DAY)
    text = read_pdf(path).text()
    assert "(tìm: “nguyen”)" in text
    assert "Tổng số: 1 đoàn viên (nữ: 1)." in text


def test_long_roster_repeats_the_header_and_numbers_pages(demo_ws, tmp_path, read_pdf):
    pdf = read_pdf(print_roster(demo_ws, tmp_path / "ds.pdf", issued_on=DAY))
    pages = pdf.page_texts()
    total = len(pages)
    assert total > 5
    for number, page in enumerate(pages, start=1):
        assert f"Trang {number}/{total}" in page
        if number < total:  # the last page may hold only the total and the signature
            assert all(title in page for title in HEADER), number
    assert "DANH SÁCH ĐOÀN VIÊN" in pages[0] and "DANH SÁCH ĐOÀN VIÊN" not in pages[1]
    rows = demo_ws.members.rows(demo_ws.members.ids())
    women = sum(1 for r in rows if r.gender == "female")
    active = sum(1 for r in rows if r.status in ("active", "temporary"))
    assert 0 < active < 300 and any(r.status == "temporary" for r in rows)
    # Every status: the records of those who left are counted apart from the members.
    assert "(gồm cả đoàn viên đã chuyển đi, bị xóa tên)" in pages[0]
    assert (
        f"Tổng số: 300 hồ sơ, trong đó {active} đang sinh hoạt (kể cả sinh hoạt tạm); nữ: {women}."
    ) in pages[-1]
    assert "TM. BAN CHẤP HÀNH" in pages[-1]
    cells = [line.strip() for line in "\n".join(pages).splitlines()]
    at = 0
    for number, row in enumerate(rows, start=1):  # every member, once, in the core's order
        at = cells.index(str(number), at)
        assert cells[at + 1] == row.full_name, (number, cells[at : at + 3])
    assert all(fonts for fonts in pdf.fonts().values())


def test_no_organization_is_an_app_error(empty_ws, tmp_path):
    with pytest.raises(AppError, match="Chưa có thông tin Đoàn cơ sở"):
        print_roster(empty_ws, tmp_path / "ds.pdf")
    assert not (tmp_path / "ds.pdf").exists()


def test_paged_table_wraps_long_cells_and_keeps_every_row(ws, tmp_path, read_pdf):
    from doancoso.reports.document import UnionDocument
    from doancoso.reports.tables import build_table_document

    columns = [Column("STT", 10, "CENTER"), Column("Nội dung", 60), Column("Ghi chú", 30, "RIGHT")]
    long_text = "Thanh niên có hoàn cảnh khó khăn cần được giúp đỡ sửa nhà " * 3
    rows = [(i, f"{long_text}{i}", f"Ghi chú {i}") for i in range(1, 121)]
    doc = UnionDocument(ws.organization.get(), kind="Danh sách thanh niên", issued_on=DAY)
    pdf = read_pdf(build_table_document(doc, tmp_path / "tn.pdf", columns, rows))
    text = pdf.text().replace("\n", " ")
    assert all(f"Ghi chú {i}" in text for i in range(1, 121))
    assert all("Nội dung" in page for page in pdf.page_texts()[:-1])
    assert isinstance(PagedTable(columns, rows), PagedTable)


def test_total_line_says_what_it_counts():
    from doancoso.reports.roster import total_line

    assert total_line(5, 3) == total_line(5, 3, 5, 1) == "Tổng số: 5 đoàn viên (nữ: 3)."
    assert total_line(2000, 980, 1760, 92) == (
        "Tổng số: 2.000 hồ sơ, trong đó 1.760 đang sinh hoạt (kể cả sinh hoạt tạm); nữ: 980."
    )
    assert total_line(30, 12, 20, 0) == "Tổng số: 30 hồ sơ, trong đó 20 đang sinh hoạt; nữ: 12."
    assert total_line(28, 12, 0, 0) == "Tổng số: 28 hồ sơ (nữ: 12)."


def _header(lines: list[str]) -> list[str]:
    """The table's header cells: the lines from "STT" to the first row's number."""
    start = lines.index("STT")
    return lines[start : lines.index("1", start)]


def test_the_list_of_members_in_no_chi_doan_has_no_chi_doan_column(small_ws, tmp_path, read_pdf):
    """Printed from the roster's "Chưa có chi đoàn": a "Chi đoàn" column would be empty on every
    row. The whole roster keeps it."""
    _add(small_ws, "Võ Văn Cường", "02/02/2002", "Nam")
    path = print_roster(small_ws, tmp_path / "ds.pdf", MemberFilter(branch_id=""), issued_on=DAY)
    lines = [line.strip() for line in read_pdf(path).text().splitlines()]
    assert "(chưa có chi đoàn)" in lines
    assert _header(lines) == [
        "STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "CCCD/CMND", "Điện thoại",
        "Trạng thái",
    ]  # fmt: skip
    assert "Tổng số: 1 đoàn viên (nữ: 0)." in lines
    whole = print_roster(small_ws, tmp_path / "all.pdf", issued_on=DAY)
    lines = [line.strip() for line in read_pdf(whole).text().splitlines()]
    assert _header(lines) == [
        "STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chi đoàn", "Chức vụ", "CCCD/CMND",
        "Điện thoại", "Trạng thái",
    ]  # fmt: skip
