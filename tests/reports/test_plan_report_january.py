"""The report of a plan's results printed in January: the target "chi đoàn meet every month"
is not due until January is over, as checklist item 2.3 reads, not listed as missed."""

from __future__ import annotations

from datetime import date

from doancoso.reports.plan import print_report
from plan_data import YEAR, make_plan_data


def test_chi_doan_meetings_are_not_due_until_january_is_over(ws, tmp_path, read_pdf):
    make_plan_data(ws)
    pdf = read_pdf(print_report(ws, tmp_path / "bc.pdf", YEAR, issued_on=date(YEAR, 1, 15)))
    lines = [line.strip() for line in pdf.text().splitlines() if line.strip()]
    text = " ".join(lines)
    assert "Chi đoàn sinh hoạt định kỳ hằng tháng 100% 50% (*) – " in text
    part_two = lines.index("II. ĐÁNH GIÁ CHUNG")
    assert " ".join(lines[part_two + 1 : lines.index("Các chỉ tiêu chưa đạt:")]) == (
        "Kế hoạch có 5 chỉ tiêu, trong đó: 0 chỉ tiêu đạt và vượt kế hoạch; 3 chỉ tiêu chưa "
        "đạt; 1 chỉ tiêu chưa có số liệu để đánh giá; 1 chỉ tiêu chưa đến kỳ đánh giá (tháng "
        "01/2026 chưa kết thúc)."
    )
    missed = " ".join(lines[lines.index("Các chỉ tiêu chưa đạt:") : lines.index("Nơi nhận:")])
    assert "Chi đoàn sinh hoạt" not in missed
