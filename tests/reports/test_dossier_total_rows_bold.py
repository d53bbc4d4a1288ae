"""The "Cộng" rows of the self-assessment's tables are set in bold, every cell of them, as the
union's tables set their totals (the statistics' "Cộng" rows): an officer finds the total at a
glance under the items."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from doancoso.core.recognition.template import default_template, parse_template
from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.build import build_dossier
from dossier_data import ISSUED

ReadPdf = Callable[[Path], Any]
BOLD = "LiberationSerif-Bold"


def _scored(ws: Workspace) -> None:
    """The round of 2025 on a template with points: 10 and 5 possible, 8,5 given."""
    data = json.loads(default_template().text)
    data["name"] = "Bộ tiêu chí của Tỉnh đoàn Cà Mau"
    for item, points in zip(data["criteria"][0]["items"], (10, 5), strict=False):
        item["points"] = points
    ws.recognition.add_template(parse_template(json.dumps(data, ensure_ascii=False)))
    ws.recognition.open(2025, "Bộ tiêu chí của Tỉnh đoàn Cà Mau")
    ws.recognition.set(2025, "1.1", {"status": "Đạt", "points": "8,5"})


def _total_row(pdf: Any) -> list[tuple[str, str]]:
    """The text and font of each cell of the row that starts with "Cộng", left to right."""
    for index in range(len(pdf.pages)):
        runs = pdf.runs(index)
        heads = [r for r in runs if r.text == "Cộng"]
        if heads:
            (head,) = heads
            row = sorted((r for r in runs if abs(r.y - head.y) < 1), key=lambda r: r.x)
            return [(r.text, r.font) for r in row]
    raise AssertionError("no row Cộng")


def test_the_reports_total_row_is_bold(ws: Workspace, tmp_path: Path, read_pdf: ReadPdf) -> None:
    _scored(ws)
    path = tmp_path / "bao-cao.pdf"
    build_dossier(ws, path, 2025, parts=("bao-cao",), issued_on=ISSUED)
    assert _total_row(read_pdf(path)) == [("Cộng", BOLD), ("14", BOLD), ("1", BOLD)]


def test_the_tables_total_row_is_bold(ws: Workspace, tmp_path: Path, read_pdf: ReadPdf) -> None:
    _scored(ws)
    path = tmp_path / "bang.pdf"
    build_dossier(ws, path, 2025, parts=("bang",), issued_on=ISSUED)
    assert _total_row(read_pdf(path)) == [("Cộng", BOLD), ("15", BOLD), ("8,5", BOLD)]
