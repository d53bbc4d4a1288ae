"""The line under a dossier table ("Kết quả: …", "Tổng cộng: …") stands apart from the table's
bottom border, as the other documents leave room after a table, never pressed against it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.build import build_dossier
from doancoso.reports.dossier.parts import write_activities
from dossier_data import ISSUED
from plan_data import make_plan_data

MM = 72 / 25.4
ROOM = 3 * MM
"""The room the other documents leave after a table (the report's "Kết quả chung")."""


def _room_above(path: Path, text: str) -> float:
    """The space between the bottom border of the table above ``text`` and the top of its
    first letter, in points."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        for page in pdf:
            found = page.get_textpage().search(text).get_next()
            if found is None:
                continue
            top = page.get_textpage().get_charbox(found[0])[3]
            borders = [bounds[1] for bounds in (o.get_bounds() for o in page.get_objects(
                       filter=(pdfium_c.FPDF_PAGEOBJ_PATH,)))
                       if bounds[3] - bounds[1] < 2 and bounds[1] > top]  # fmt: skip
            return float(min(borders) - top)
        raise AssertionError(f"{text!r} not found")
    finally:
        pdf.close()


def test_the_table_s_result_stands_apart_from_the_table(
    dossier_ws: Workspace, tmp_path: Path
) -> None:
    built = build_dossier(dossier_ws, tmp_path / "bang.pdf", 2025, ("bang",), issued_on=ISSUED)
    assert _room_above(built.path, "Kết quả: đạt") >= ROOM


def test_the_register_s_total_stands_apart_from_the_table(ws: Workspace, tmp_path: Path) -> None:
    ws.registers.save_coordination({"day": "01/04/2025", "partner": "Công an xã Tân Hưng",
                                    "title": "Tuyên truyền pháp luật cho thanh niên"})  # fmt: skip
    built = build_dossier(ws, tmp_path / "so.pdf", 2025, ("tham-muu-phoi-hop",), issued_on=ISSUED)
    assert _room_above(built.path, "Tổng cộng: 0 văn bản tham mưu") >= ROOM


def test_the_activities_total_stands_apart_from_the_table(ws: Workspace, tmp_path: Path) -> None:
    make_plan_data(ws)
    org = ws.organization.get()
    assert org is not None
    rows = ws.activities.occurrences(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    details = [ws.activities.occurrence(r.id) for r in rows]
    path = write_activities(tmp_path / "hoat-dong.pdf", org, details,
                            ws.activities.kind_names(), 2026, ISSUED)  # fmt: skip
    assert _room_above(path, "Tổng cộng:") >= ROOM
