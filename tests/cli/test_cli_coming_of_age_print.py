"""``doancoso members print-coming-of-age``: the year's list of members coming of age printed
from the command line as the GUI's "Trưởng thành Đoàn" dialog prints it, read back with pypdf;
a year with nobody is said and writes nothing; the help says how to record the coming of age,
and the way it says works."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from cli_run import cli
from doancoso.core.workspace import Workspace


@pytest.fixture
def folder(ws: Workspace, data_dir: Path) -> str:
    """Two members reaching 30 in 2025 (one of them a secretary), one who reached it in 2024
    and still waits, one too young."""
    hamlet = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    ws.members.save({"full_name": "Nguyễn Thị Như Quỳnh", "birth_date": "05/03/1995",
                     "gender": "female", "branch_id": hamlet, "position": "Bí thư"})  # fmt: skip
    ws.members.save({"full_name": "Phạm Văn An", "birth_date": "12/12/1995", "gender": "male"})
    ws.members.save({"full_name": "Lê Văn Bình", "birth_date": "07/07/1994", "gender": "male"})
    ws.members.save({"full_name": "Trần Thị Ánh", "birth_date": "20/05/2001", "gender": "female"})
    ws.close()
    return str(data_dir)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_the_year_list_is_printed_with_number_place_and_date(folder: str, tmp_path: Path) -> None:
    target = tmp_path / "truong-thanh.pdf"
    code, out, err = cli("members", "print-coming-of-age", "--year", "2025", "-o", str(target),
                         "--number", "04-DS/ĐTN", "--place", "Cái Nước", "--date", "10/12/2025",
                         "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    assert out == (
        "Đã in danh sách 3 đoàn viên trưởng thành Đoàn năm 2025 (đủ 30 tuổi) ra tệp "
        f"{target}.\nSố văn bản: 04-DS/ĐTN.\n"
    )
    text = pdf_text(target)
    for expected in (
        "DANH SÁCH ĐOÀN VIÊN TRƯỞNG THÀNH ĐOÀN",
        "(Đoàn viên đủ 30 tuổi trong năm 2025)",
        "Số: 04-DS/ĐTN",
        "Cái Nước, ngày 10 tháng 12 năm 2025",
        "Tổng số: 3 đoàn viên (nữ: 1), trong đó 1 đủ 30 tuổi trước năm 2025.",
    ):
        assert expected in text, expected
    assert text.index("Phạm Văn An") < text.index("Lê Văn Bình") < text.index("Như Quỳnh")
    assert "2024 (quá hạn)" in " ".join(text.split())  # the cell wraps
    assert "Trần Thị Ánh" not in text


def test_a_year_with_nobody_is_said_and_writes_nothing(folder: str, tmp_path: Path) -> None:
    target = tmp_path / "trong.pdf"
    result = cli("members", "print-coming-of-age", "--year", "2020", "-o", str(target),
                 "--data-dir", folder)  # fmt: skip
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "Lỗi: Năm 2020 không có đoàn viên nào đủ 30 tuổi chờ ghi nhận trưởng thành Đoàn: không "
        "có danh sách để in.\n"
    )
    assert not target.exists()


def test_the_help_says_how_to_record_and_that_way_works(
    folder: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        cli("members", "print-coming-of-age", "--help")
    words = " ".join(capsys.readouterr().out.split())
    assert (
        "ghi nhận trưởng thành Đoàn cho từng người: doancoso members event add ĐOÀN_VIÊN --kind "
        '"Trưởng thành Đoàn" --date dd/mm/yyyy --number SỐ_QUYẾT_ĐỊNH'
    ) in words
    recorded = cli("members", "event", "add", "Phạm Văn An", "--kind", "Trưởng thành Đoàn",
                   "--date", "15/12/2025", "--number", "05-QĐ/ĐTN",
                   "--data-dir", folder)  # fmt: skip
    assert (recorded.code, recorded.err) == (0, "")
    target = tmp_path / "sau.pdf"
    code, out, _ = cli("members", "print-coming-of-age", "--year", "2025", "-o", str(target),
                       "--data-dir", folder)  # fmt: skip
    assert code == 0
    assert out.startswith("Đã in danh sách 2 đoàn viên trưởng thành Đoàn năm 2025")
    assert "Phạm Văn An" not in pdf_text(target)
