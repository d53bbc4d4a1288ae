"""The printed self-assessment table of a year not begun yet (its plan made in advance): the
"Số liệu" of its plan's targets says "chưa đến kỳ", as the plans page and the plan's report do,
never "Đạt 0/1 chỉ tiêu"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.build import build_dossier
from dossier_data import ISSUED

ReadPdf = Callable[[Path], Any]


def test_the_table_of_next_year_says_its_targets_are_not_due(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    year = dt.date.today().year + 1  # the dossier counts its figures today
    ws.plans.create(year)
    kinds = ws.activities.kind_names()
    ws.plans.add_target(
        year, {"text": "Kết nạp 20 đoàn viên", "planned": "20", "measure": "admissions"}, kinds
    )
    ws.recognition.open(year)
    path = tmp_path / "bang.pdf"
    build_dossier(ws, path, year, parts=("bang",), issued_on=ISSUED)
    table = re.sub(r"\s+", " ", "".join(read_pdf(path).page_texts()[2:]))
    assert (
        "2.2 Thực hiện kế hoạch với các chỉ tiêu cụ thể, đạt các chỉ tiêu đề ra Chưa đánh giá "
        f"Kế hoạch có 1 chỉ tiêu, chưa đến kỳ đánh giá: năm {year} chưa bắt đầu."
    ) in table
    assert "Đạt 0/1 chỉ tiêu" not in table
