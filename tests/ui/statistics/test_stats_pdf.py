"""The printed statistics: title, labels and counts in the text; only embedded Liberation Serif."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from doancoso.core.errors import AppError
from doancoso.core.statistics.export import activity_figures
from doancoso.core.workspace import Workspace
from doancoso.reports.statistics import print_statistics, print_statistics_of

from .conftest import BA_DIEU, PRINTED_BY_BRANCH, TODAY, XOM_MOI


def _fonts(reader: PdfReader) -> dict[str, bool]:  # as in tests/reports/conftest.py
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources: Any = page.get("/Resources") or {}
        fonts: Any = resources.get_object().get("/Font") or {}
        for ref in fonts.get_object().values():
            font = ref.get_object()
            holder = font["/DescendantFonts"][0].get_object() if font.get("/Subtype") == "/Type0" \
                else font  # fmt: skip
            descriptor = holder.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
            found[name] = found.get(name, True) and "/FontFile2" in descriptor
    return found


def test_text_and_fonts(known_ws: Workspace, tmp_path: Path) -> None:
    path = print_statistics(known_ws, tmp_path / "tk.pdf", TODAY, issued_on=date(2026, 6, 2))
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    for expected in ("BÁO CÁO", "Thống kê tình hình đoàn viên năm 2026",
                     "(Số liệu đến ngày 01/06/2026)", "Tân Hưng, ngày 02 tháng 6 năm 2026",
                     "I. SỐ LIỆU CHUNG", "II. CƠ CẤU ĐOÀN VIÊN",
                     f"1. {PRINTED_BY_BRANCH}", "3. Theo giới tính",
                     "Nguyễn Thị Như Quỳnh"):  # fmt: skip
        assert expected in lines, expected
    flat = " ".join(line for line in lines if line)  # table cells are extracted one per line
    assert "1 Tổng số đoàn viên đang sinh hoạt (kể cả sinh hoạt tạm) 5" in flat
    assert "2 Trong đó: sinh hoạt tạm (đoàn viên của đơn vị khác) 1" in flat
    assert "3 Trong đó: đoàn viên nữ 2" in flat
    assert "1 Nam 3 60,0" in flat and "2 Nữ 2 40,0" in flat
    assert f"1 {BA_DIEU} 3 60,0" in flat and f"2 {XOM_MOI} 2 40,0" in flat
    assert "1 16–18 2 40,0" in flat and "3 25–30 2 40,0" in flat
    assert "1 Kinh 4 80,0" in flat and "2 Khmer 1 20,0" in flat
    assert "Cộng 6 100,0" in flat and "Cộng 5 100,0" in flat
    # the shares' column headed as in every table: not "Tỉ lệ %" here and "Tỉ lệ (%)" elsewhere
    assert "STT Giới tính Số lượng Tỉ lệ (%) Biểu đồ" in flat
    assert "Tỉ lệ %" not in flat and "Tỷ lệ" not in flat
    fonts = _fonts(reader)
    assert fonts and all(name.startswith("LiberationSerif") for name in fonts), fonts
    assert all(fonts.values()), fonts  # every font embedded
    assert reader.pages[0].mediabox.width < reader.pages[0].mediabox.height  # A4 portrait
    assert round(float(reader.pages[0].mediabox.width)) == 595


def test_no_organization(empty_ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(AppError, match="Chưa có thông tin Đoàn cơ sở"):
        print_statistics(empty_ws, tmp_path / "tk.pdf")
    assert not (tmp_path / "tk.pdf").exists()


def test_the_page_tables_without_a_closed_rating(known_ws: Workspace, tmp_path: Path) -> None:
    """No round closed yet: the rating's part says so under its heading."""
    from doancoso.core.statistics.export import activity_figures
    from doancoso.reports.statistics import print_statistics_of

    stats = known_ws.statistics.roster(TODAY)
    figures = activity_figures(known_ws.participation, known_ws.rating, 2026, TODAY)
    path = print_statistics_of(known_ws, stats, tmp_path / "tk.pdf", activity=figures)
    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "IV. KẾT QUẢ XẾP LOẠI ĐOÀN VIÊN" in lines
    assert "Chưa có đợt xếp loại nào kết thúc." in lines


def test_the_signature_comes_with_the_last_table(empty_ws: Workspace, tmp_path: Path) -> None:
    """On the 120-member demo the last breakdown filled page 2 and the signature stood alone on
    page 3: the last table now goes over with it."""
    empty_ws.generate_demo(members=120, seed=1)
    path = print_statistics(empty_ws, tmp_path / "tk.pdf")
    pages = [page.extract_text() for page in PdfReader(str(path)).pages]
    signed = next(text for text in pages if "BÍ THƯ" in text)
    assert "\nCộng\n" in signed
    assert not signed.lstrip().startswith("Nơi nhận:")


def test_no_heading_stands_alone_at_a_page_foot(empty_ws: Workspace, tmp_path: Path) -> None:
    """The page's print of the 120-member demo (with its participation and rating tables):
    each heading starts a page with its table, never the last line of a page (the heading "III.
    THAM GIA HOẠT ĐỘNG…" stood alone at the foot of page 2, its table on page 3)."""
    import re

    from doancoso.core.statistics.export import activity_figures
    from doancoso.reports.statistics import print_statistics_of

    empty_ws.generate_demo(members=120, seed=1)
    today = date.today()
    figures = activity_figures(empty_ws.participation, empty_ws.rating, today.year, today)
    stats = empty_ws.statistics.roster(today)
    path = print_statistics_of(empty_ws, stats, tmp_path / "tk.pdf", activity=figures)
    heading = re.compile(r"(I|II|III|IV)\. [A-ZĐ]|\d+\. Theo ")
    pages = [page.extract_text() for page in PdfReader(str(path)).pages]
    assert len(pages) > 1
    for number, text in enumerate(pages, start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[-1] == f"Trang {number}/{len(pages)}"
        assert not heading.match(lines[-2]), (number, lines[-2])
    # the participation's heading is printed (with its table, wherever the pages break)
    assert any("III. THAM GIA HOẠT ĐỘNG" in text for text in pages)


def test_the_participation_heading_never_breaks_inside_chi_doan(
    known_ws: Workspace, tmp_path: Path
) -> None:
    """Counted up to 30/09, the participation's heading takes two lines: it wrapped as "…THEO
    CHI" / "ĐOÀN"; "chi đoàn" now goes whole to the second line."""
    day = date(2026, 9, 30)
    stats = known_ws.statistics.roster(day)
    figures = activity_figures(known_ws.participation, known_ws.rating, 2026, day)
    path = print_statistics_of(known_ws, stats, tmp_path / "tk.pdf", activity=figures)
    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    at = next(i for i, line in enumerate(lines) if line.startswith("III. "))
    assert lines[at : at + 2] == [
        "III. THAM GIA HOẠT ĐỘNG TỪ 01/01/2026 ĐẾN 30/09/2026 THEO",
        "CHI ĐOÀN",
    ]
