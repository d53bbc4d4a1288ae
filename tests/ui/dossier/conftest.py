"""The dossier page's tests: a year's checklist with one evidence PDF of three pages and one
photo, and the year's plan, made through the core's API (as the dossier's own tests make them);
the page over a synchronous core, its day fixed at 20/12/2025."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.dossier.page import DossierPage
from dossier_data import evidence_pdf
from scripted import ScriptedPrompts, synchronous_core

from .print_steps import built_page

TODAY = dt.date(2025, 12, 20)
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def dossier_data(ws: Workspace, tmp_path: Path) -> Workspace:
    ws.recognition.open(2025)
    ws.recognition.set(2025, "1.1", {"status": "dat", "note": "Danh sách cập nhật hằng quý."})
    ws.recognition.set(2025, "1.2", {"status": "chua-dat"})
    ws.recognition.attach(2025, "1.1", evidence_pdf(tmp_path / "bien-ban.pdf"),
                          "Biên bản rà soát đoàn viên")  # fmt: skip
    photo = tmp_path / "anh.jpg"
    Image.new("RGB", (600, 400), (200, 30, 30)).save(photo)
    ws.recognition.attach(2025, "1.2", photo, "Buổi sinh hoạt chi đoàn")
    ws.plans.create(2025)
    return ws


@pytest.fixture
def make_page(qtbot: QtBot) -> Iterator[Callable[..., DossierPage]]:
    made: list[DossierPage] = []

    def make(ws: Workspace, prompts: ScriptedPrompts | None = None) -> DossierPage:
        core = synchronous_core(ws, prompts or ScriptedPrompts())
        page = DossierPage(core, today=lambda: TODAY)
        qtbot.addWidget(page)
        page.resize(1200, 700)
        with qtbot.wait_active(page):  # shortcuts need an active window
            page.show()
            page.activateWindow()
        made.append(page)
        return page

    yield make
    for page in made:  # the preview's file let go, as the main window does when it closes
        page.close_pdf()


@pytest.fixture
def page(dossier_data: Workspace, make_page: Callable[..., DossierPage]) -> DossierPage:
    return make_page(dossier_data)


@pytest.fixture
def print_page(
    dossier_data: Workspace, make_page: Callable[..., DossierPage], qtbot: QtBot,
    prompts: ScriptedPrompts,
) -> DossierPage:  # fmt: skip
    """The page over :func:`dossier_data` with ``prompts`` (tests/ui's), its dossier built to
    print."""
    return built_page(dossier_data, make_page, qtbot, prompts)
