"""The register's cells as an officer reads them: a date never parted from the word it
follows, a file's number never from its label."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from doancoso.core.recognition.registers import ADVICE_TABLE, COORDINATION_TABLE
from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.register import read_register, with_register, write_register
from dossier_data import ISSUED, evidence_pdf

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


def test_a_file_s_number_stays_with_its_label(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """Files no item cites, numbered by the register ("Minh chứng PH.1.2"), on pages past 100:
    a citation too long for a line of its column is broken before "(trang …)", never inside
    "Minh chứng PH.1.2" ("… Minh" over "chứng PH.1.2", "Minh chứng" over "PH.1.2")."""
    advice = ws.registers.save_advice({"day": "01/02/2025", "number": "12-TTr/ĐTN",
                                       "title": "Tờ trình đề nghị hỗ trợ kinh phí"})  # fmt: skip
    program = ws.registers.save_coordination({"day": "01/03/2025", "partner": "Công an xã",
                                              "title": "Tuyên truyền pháp luật"})  # fmt: skip
    for k in range(3):
        ws.evidence.attach(ADVICE_TABLE, advice, evidence_pdf(tmp_path / f"a{k}.pdf", 1 + k),
                           f"Văn bản {k}")  # fmt: skip
        ws.evidence.attach(COORDINATION_TABLE, program,
                           evidence_pdf(tmp_path / f"c{k}.pdf", 2 + k), f"Ảnh {k}")  # fmt: skip
    evidence, register = with_register(None, [], read_register(ws, 2025))
    pages = {e.number: page for page, e in enumerate(evidence, start=118)}
    org = ws.organization.get()
    assert org is not None
    path = write_register(tmp_path / "so.pdf", org, register, 2025, ISSUED,
                          evidence_pages=pages)  # fmt: skip
    lines = [" ".join(line.replace("\u00a0", " ").split())
             for line in read_pdf(path).text().splitlines()]  # fmt: skip
    parted = [line for line in lines if line.endswith((" Minh", "; Minh chứng"))
              or line.startswith(("chứng", "TM.1", "PH.1"))]  # fmt: skip
    assert parted == []
    for number in ("TM.1.1", "TM.1.2", "TM.1.3", "PH.1.1", "PH.1.2", "PH.1.3"):
        assert any(f"Minh chứng {number}" in line for line in lines), (number, lines)


def test_a_document_s_number_is_never_cut_in_its_column(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf
) -> None:
    """A number with its department's suffix ("125-TTr/ĐTN-BTC") holds on one line of the
    "Số, ký hiệu" column, where it was cut inside a letter group ("125-TTr/ĐTN-B" over "TC")."""
    for number in ("125-TTr/ĐTN-BTC", "125-CV/ĐTN-BTC"):
        ws.registers.save_advice({"day": "01/02/2025", "number": number,
                                  "title": "Tờ trình đề nghị hỗ trợ kinh phí"})  # fmt: skip
    org = ws.organization.get()
    assert org is not None
    path = write_register(tmp_path / "so.pdf", org, read_register(ws, 2025), 2025, ISSUED)
    lines = [" ".join(line.split()) for line in read_pdf(path).text().splitlines()]
    for number in ("125-TTr/ĐTN-BTC", "125-CV/ĐTN-BTC"):
        assert number in lines, lines
