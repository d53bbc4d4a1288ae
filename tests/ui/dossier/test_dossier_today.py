"""The dossier page's day is its own clock's (``today``), not the system's: the check counts
the lists on it and the built dossier is dated and counted on it, as the page's year box and
document numbers already go by it. The page's day here, 20/12/2025, is in the past whenever the
tests run."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.dossier.page import DossierPage
from scripted import ScriptedPrompts

from .conftest import TODAY

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
NOBODY = "Không có đoàn viên nào đang sinh hoạt ngày 20/12/2025."


def test_the_check_and_the_build_go_by_the_pages_day(
    qtbot: QtBot, dossier_data: Workspace, make_page: Callable[..., DossierPage]
) -> None:
    """Lâm, admitted on 24/12/2025, is not yet a member on the page's day: the check says the
    member list would be empty on 20/12/2025 (on the system's day it would count him at the
    year's end), and the dossier built is dated 20/12/2025 and leaves the list out so."""
    member = dossier_data.members.save({"full_name": "Trần Văn Lâm", "birth_date": "01/01/2005"})
    dossier_data.events.record(member, "admission", "24/12/2025")
    page = make_page(dossier_data, ScriptedPrompts())
    assert page.today() == TODAY and page.year == 2025
    page.refresh_check()
    told = f"{NOBODY[:-1]}: hồ sơ sẽ không có danh sách đoàn viên."
    assert ("doan-vien", told) in [(g.part, g.reason) for g in page.checks.gaps]
    page.number_edit.setText("15-TTr/ĐTN")
    with qtbot.wait_signal(page.built):
        page.build()
    assert page.pdf is not None
    text = "\n".join(p.extract_text() for p in PdfReader(page.pdf.path).pages)
    assert "ngày 20 tháng 12 năm 2025" in text
    assert NOBODY in " ".join(text.split())
