"""The recognition dossier's fixture data, shared by its tests: an opened checklist with two
items assessed, an evidence PDF and a photo taken sideways, and a plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from doancoso.core.workspace import Workspace
from doancoso.reports.fonts import REGULAR, register_fonts

ISSUED = dt.date(2025, 12, 20)


def evidence_pdf(path: Path, pages: int = 3) -> Path:
    register_fonts()
    canvas = Canvas(str(path), initialFontName=REGULAR)  # type: ignore[arg-type]
    for number in range(1, pages + 1):
        canvas.setFont(REGULAR, 14)
        canvas.drawString(100, 700, f"Biên bản trang {number}")
        canvas.showPage()
    canvas.save()
    return path


def sideways_photo(path: Path, mark: int = 0) -> Path:
    """A landscape JPEG, blue on its left third, whose EXIF says "turn 90° clockwise": shown
    upright it is a portrait with the blue at the top. ``mark`` > 0 gives another file (a
    white square that wide at its far right corner): the same file is printed once."""
    image = Image.new("RGB", (600, 300), (255, 0, 0))
    image.paste((0, 0, 255), (0, 0, 200, 300))
    if mark:
        image.paste((255, 255, 255), (600 - mark, 300 - mark, 600, 300))
    exif = image.getexif()
    exif[0x0112] = 6
    image.save(path, exif=exif)
    return path


def make_dossier_data(ws: Workspace, folder: Path) -> Workspace:
    ws.recognition.open(2025)
    ws.recognition.set(2025, "1.1", {"status": "dat", "note": "Danh sách cập nhật hằng quý."})
    ws.recognition.set(2025, "1.2", {"status": "chua-dat"})
    ws.recognition.attach(2025, "1.1", evidence_pdf(folder / "bien-ban.pdf"),
                          "Biên bản rà soát đoàn viên")  # fmt: skip
    ws.recognition.attach(2025, "1.2", sideways_photo(folder / "anh.jpg"),
                          "Buổi sinh hoạt chi đoàn")  # fmt: skip
    ws.plans.create(2025)
    return ws
