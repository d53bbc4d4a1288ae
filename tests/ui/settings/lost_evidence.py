"""A checklist's PDF lost from the data folder but kept on a stick, beside a backup taken there:
what the tests of taking lost evidence back start from."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from reportlab.pdfgen import canvas

from doancoso.core.workspace import Workspace


class LostScan(NamedTuple):
    scan: Path
    """The PDF attached (outside the data folder)."""
    backup: Path
    """The backup on the stick; the PDF is in the folder beside it."""
    stored: Path
    """The PDF's copy in the data folder, now lost."""


def _one_page_pdf(path: Path) -> Path:
    """A real one-page PDF (its first page is the thumbnail the checklist shows)."""
    sheet = canvas.Canvas(str(path), pagesize=(200, 100))
    sheet.drawString(20, 50, "Biên bản họp")
    sheet.save()
    return path


def scan_lost_but_on_a_stick(ws: Workspace, tmp_path: Path) -> LostScan:
    """“biên bản họp.pdf” attached to item 1.6 of the 2025 checklist, a backup taken to a stick
    (``tmp_path/usb``), then the PDF lost from the data folder."""
    ws.recognition.open(2025)
    scan = _one_page_pdf(tmp_path / "biên bản họp.pdf")
    ws.recognition.attach(2025, "1.6", scan)
    usb = tmp_path / "usb"
    usb.mkdir()
    backup = ws.backups.to_folder(usb).path
    (stored,) = ws.evidence.store.folder.iterdir()
    stored.unlink()
    return LostScan(scan, backup, stored)
