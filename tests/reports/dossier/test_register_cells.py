"""The register's cells as an officer reads them: a date never parted from the word it
follows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.register import read_register, write_register
from dossier_data import ISSUED

ReadPdf = Callable[[Path], Any]


def test_the_day_of_the_answer_stays_on_the_line_of_its_word(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """The answer's cell ends "(ngày 02/01/2025)": the date is never alone on the line under
    "(ngày", whatever the answer's length (here one that fills its lines up to "(ngày")."""
    ws.registers.save_advice({
        "day": "01/01/2025", "number": "100-TTr/ĐTN",
        "title": "Tờ trình đề nghị hỗ trợ kinh phí hoạt động của Đoàn xã",
        "answer": "Đảng ủy đồng ý, giao Ủy ban nhân dân xã hỗ trợ 12.500.000 đồng",
        "answer_day": "02/01/2025",
    })  # fmt: skip
    ws.registers.save_coordination({"day": "01/04/2025", "partner": "Công an xã Tân Hưng",
                                    "title": "Tuyên truyền pháp luật cho thanh niên"})  # fmt: skip
    org = ws.organization.get()
    assert org is not None
    path = write_register(tmp_path / "so.pdf", org, read_register(ws, 2025), 2025, ISSUED)
    lines = [" ".join(line.replace("\u00a0", " ").split())
             for line in read_pdf(path).text().splitlines()]  # fmt: skip
    assert [line for line in lines if line.endswith("(ngày")] == []
    assert any(line.endswith("(ngày 02/01/2025)") for line in lines), lines
