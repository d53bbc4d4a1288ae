"""The printed list of the members coming of age in a year (danh sách đoàn viên trưởng thành
Đoàn): who is on it, in name order, the late ones marked, the total, the frame and its fonts."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from doancoso.core.errors import AppError
from doancoso.core.workspace import Workspace
from doancoso.reports.coming_of_age import print_coming_of_age

DAY = date(2025, 11, 26)


def _add(ws: Workspace, name: str, birth: str, gender: str, **extra: str) -> str:
    return ws.members.save({"full_name": name, "birth_date": birth, "gender": gender, **extra})


@pytest.fixture
def of_age_ws(ws: Workspace) -> Workspace:
    hamlet = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    _add(ws, "Nguyễn Thị Như Quỳnh", "05/03/1995", "Nữ", branch_id=hamlet, position="Bí thư")
    _add(ws, "Lê Văn Bình", "1994", "Nam", branch_id=hamlet)  # late: 30 in 2024
    _add(ws, "Phạm Văn An", "12/12/1995", "Nam")
    _add(ws, "Trần Thị Ánh", "20/05/2001", "Nữ", branch_id=hamlet)  # too young: not listed
    left = _add(ws, "Đỗ Văn Đi", "02/02/1995", "Nam")
    ws.events.record(left, "transfer_out", "01/02/2024", other_organization="Đoàn xã Tân Lộc")
    return ws


def test_the_year_list_text(of_age_ws: Workspace, tmp_path: Path, read_pdf: Any) -> None:
    path = print_coming_of_age(of_age_ws, tmp_path / "tt.pdf", 2025, today=date(2025, 6, 1),
                               issued_on=DAY, number="20-DS/ĐTN")  # fmt: skip
    assert path == tmp_path / "tt.pdf"
    pdf = read_pdf(path)
    text = pdf.text()
    lines = [line.strip() for line in text.splitlines()]
    for expected in (
        "BCH ĐOÀN XÃ TÂN HƯNG",
        "Số: 20-DS/ĐTN",
        "Tân Hưng, ngày 26 tháng 11 năm 2025",
        "DANH SÁCH ĐOÀN VIÊN TRƯỞNG THÀNH ĐOÀN",
        "(Đoàn viên đủ 30 tuổi trong năm 2025)",
        "Tổng số: 3 đoàn viên (nữ: 1), trong đó 1 đủ 30 tuổi trước năm 2025.",
        "TM. BAN CHẤP HÀNH",
        "- Lưu VP.",
    ):
        assert any(expected in line for line in lines), expected
    # name order (An < Bình < Quỳnh); the one who left and the one too young are not there
    names = ["Phạm Văn An", "Lê Văn Bình", "Nguyễn Thị Như Quỳnh"]
    positions = [text.index(name) for name in names]
    assert positions == sorted(positions)
    assert "Trần Thị Ánh" not in text and "Đỗ Văn Đi" not in text
    flat = " ".join(text.split())  # a cell's text may wrap
    assert "Lê Văn Bình 1994 Nam Chi đoàn ấp Tân Hưng 2024 (quá hạn)" in flat
    assert "Nguyễn Thị Như Quỳnh 05/03/1995 Nữ Chi đoàn ấp Tân Hưng Bí thư 2025" in flat
    assert "Phạm Văn An 12/12/1995 Nam 2025" in flat
    box = pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait
    fonts = pdf.fonts()
    assert fonts and all(fonts.values())  # every font embedded


def test_the_age_follows_the_setting(of_age_ws: Workspace, tmp_path: Path, read_pdf: Any) -> None:
    path = print_coming_of_age(of_age_ws, tmp_path / "tt.pdf", 2026, age=31,
                               today=date(2026, 6, 1))  # fmt: skip
    flat = " ".join(read_pdf(path).text().split())
    assert "(Đoàn viên đủ 31 tuổi trong năm 2026)" in flat
    assert "Chức vụ Đủ 31 tuổi năm 1 Phạm Văn An" in flat
    assert "Tổng số: 3 đoàn viên (nữ: 1), trong đó 1 đủ 31 tuổi trước năm 2026." in flat


def test_no_organisation_is_refused(empty_ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(AppError, match="Chưa có thông tin Đoàn cơ sở"):
        print_coming_of_age(empty_ws, tmp_path / "tt.pdf", 2025)
    assert not (tmp_path / "tt.pdf").exists()


def test_a_past_year_printed_later_counts_none_from_earlier_years(
    of_age_ws: Workspace, tmp_path: Path, read_pdf: Any
) -> None:
    """2025's list printed in 2026: its members are late (quá hạn) by now, but none of them
    reached 30 before 2025 but Bình."""
    path = print_coming_of_age(of_age_ws, tmp_path / "tt.pdf", 2025, today=date(2026, 3, 1))
    flat = " ".join(read_pdf(path).text().split())
    assert "Phạm Văn An 12/12/1995 Nam 2025 (quá hạn)" in flat
    assert "Tổng số: 3 đoàn viên (nữ: 1), trong đó 1 đủ 30 tuổi trước năm 2025." in flat
