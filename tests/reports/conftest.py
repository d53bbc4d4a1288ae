"""Helpers for PDF tests: text per page, fonts per page, and where text is drawn (pypdf); the
recognition dossier's data (``dossier_ws``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from doancoso.core.workspace import Workspace
from dossier_data import make_dossier_data

MM = 72 / 25.4


@dataclass(frozen=True)
class Run:
    """One piece of text as drawn: where (points from the page's lower left) and in which font."""

    text: str
    x: float
    y: float
    font: str


@dataclass
class Pdf:
    reader: PdfReader

    @property
    def pages(self) -> list[Any]:
        return list(self.reader.pages)

    def page_texts(self) -> list[str]:
        return [page.extract_text() for page in self.reader.pages]

    def text(self) -> str:
        return "\n".join(self.page_texts())

    def runs(self, index: int) -> list[Run]:
        runs: list[Run] = []

        def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
            if not text.strip():
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            name = str(font.get("/BaseFont", "")) if font else ""
            runs.append(Run(text.strip(), x, y, name.split("+")[-1]))

        self.reader.pages[index].extract_text(visitor_text=visit)
        return runs

    def fonts(self) -> dict[str, bool]:
        """Every font used on any page: base name (subset tag removed) -> embedded (FontFile2)."""
        found: dict[str, bool] = {}
        for page in self.reader.pages:
            resources: Any = page.get("/Resources") or {}
            fonts: Any = resources.get_object().get("/Font") or {}
            for ref in fonts.get_object().values():
                font = ref.get_object()
                descriptor_holder = font
                if font.get("/Subtype") == "/Type0":
                    descriptor_holder = font["/DescendantFonts"][0].get_object()
                descriptor = descriptor_holder.get("/FontDescriptor")
                descriptor = descriptor.get_object() if descriptor is not None else {}
                name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
                found[name] = found.get(name, True) and "/FontFile2" in descriptor
        return found


@pytest.fixture
def read_pdf() -> Callable[[Path], Pdf]:
    return lambda path: Pdf(PdfReader(str(path)))


@pytest.fixture
def dossier_ws(ws: Workspace, tmp_path: Path) -> Workspace:
    """``ws`` with the dossier's data of 2025 (see :func:`dossier_data.make_dossier_data`)."""
    return make_dossier_data(ws, tmp_path)
