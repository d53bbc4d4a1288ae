"""``doancoso dossier --date``: a dossier made on a past day (the tờ trình dated on it, its
member list counted on it as the roster stood then, the list saying its chi đoàn and positions
are of the real today), and a day after today or before the dossier's year refused with nothing
written. The days here are in 2025: in the past whenever the tests run."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from cli_run import cli
from doancoso.core.lang.dates import format_vn_date

INIT = ["--name", "Đoàn xã Tân Hưng", "--superior", "Tỉnh đoàn Cà Mau", "--commune", "Tân Hưng",
        "--secretary", "Nguyễn Thị Như Quỳnh"]  # fmt: skip


@pytest.fixture
def folder(data_dir: Path) -> str:
    """An, admitted on 01/03/2025, and Bình, admitted on 01/09/2025."""
    folder = str(data_dir)
    assert cli("init", "--data-dir", folder, *INIT)[0] == 0
    for name, admitted in (("Nguyễn Văn An", "01/03/2025"), ("Trần Thị Bình", "01/09/2025")):
        assert cli("members", "add", "--name", name, "--birth", "05/03/2001", "--data-dir",
                   folder)[0] == 0  # fmt: skip
        assert cli("members", "event", "add", name, "--kind", "admission", "--date", admitted,
                   "--data-dir", folder)[0] == 0  # fmt: skip
    return folder


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(path).pages).split())


def test_a_dossier_made_on_a_past_day(folder: str, tmp_path: Path) -> None:
    target = tmp_path / "ho-so.pdf"
    code, out, err = cli("dossier", "--year", "2025", "-o", str(target), "--parts",
                         "to-trinh,doan-vien", "--number", "15-TTr/ĐTN", "--date", "15/06/2025",
                         "--data-dir", folder)  # fmt: skip
    assert (code, err) == (0, "")
    text = pdf_text(target)
    assert "Số: 15-TTr/ĐTN Tân Hưng, ngày 15 tháng 6 năm 2025 TỜ TRÌNH" in text
    today = format_vn_date(date.today())
    assert f"(Tính đến ngày 15/06/2025; chi đoàn, chức vụ ghi theo ngày {today})" in text
    assert "Nguyễn Văn An" in text
    assert "Bình" not in text  # admitted after the dossier's day


@pytest.mark.parametrize(
    ("day", "said"),
    [
        ("01/01/2999", "Ngày lập hồ sơ (01/01/2999) không thể sau hôm nay ({today})."),
        (
            "31/12/2024",
            "Ngày lập hồ sơ năm 2025 không thể trước ngày 01/01/2025 (đã cho 31/12/2024).",
        ),
        ("31/02/2025", "Ngày 31/02/2025 không có trên lịch."),
    ],
)
def test_a_day_after_today_or_before_the_year_is_refused(
    folder: str, tmp_path: Path, day: str, said: str
) -> None:
    target = tmp_path / "ho-so.pdf"
    for output in (["-o", str(target)], ["--check"]):
        code, out, err = cli("dossier", "--year", "2025", *output, "--parts", "to-trinh",
                             "--date", day, "--data-dir", folder)  # fmt: skip
        today = format_vn_date(date.today())
        assert (code, out) == (1, "")
        assert err == f"Lỗi: Dữ liệu không hợp lệ:\n  --date: {said.format(today=today)}\n"
    assert not target.exists()


def test_without_a_date_a_dossier_of_next_year_is_still_checked(folder: str) -> None:
    """Only a day given is held to the dossier's year: next year's is checked today as before."""
    year = str(date.today().year + 1)
    code, out, err = cli("dossier", "--year", year, "--check", "--parts", "to-trinh",
                         "--number", "15-TTr/ĐTN", "--data-dir", folder)  # fmt: skip
    assert (code, out, err) == (0, f"Hồ sơ năm {year} đã đủ.\n", "")
