"""A print job against what can happen while it paints: the progress dialog running the events
of the window between two pages (a modal QProgressDialog's ``setValue`` does)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.common.thumbnails import thumbnails
from doancoso.ui.dossier.page import DossierPage
from scripted import ScriptedPrompts

from .test_dossier_print import _page, _print_to

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_pages_that_arrive_while_the_progress_dialog_shows_are_all_printed(
    dossier_data: Workspace, make_page: Callable[..., DossierPage], qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    """Once shown, the window-modal progress dialog runs the window's events inside each
    ``setValue``: the next page, rendered meanwhile, arrives there, in the middle of the page
    before it. Every page is still printed once, in order, and the print ends."""
    prompts = ScriptedPrompts()
    page = _page(dossier_data, make_page, qtbot, prompts)
    assert page.pdf is not None
    pages = len(page.pdf)
    messages: list[str] = []
    page.status_message.connect(messages.append)
    out = tmp_path / "in.pdf"
    prompts.dialog_script = _print_to(out)
    page.print_action.trigger()
    (progress,) = page.findChildren(QProgressDialog)
    progress.forceShow()  # as after half a second of printing
    # The first two pages rendered before the window gets either: a slow GUI thread, a fast pool.
    assert thumbnails().pool.waitForDone(30000)
    qtbot.waitUntil(lambda: page.print_job is None, timeout=30000)
    assert messages == [f"Đã gửi {pages} trang hồ sơ tới máy in."]
    assert len(PdfReader(out).pages) == pages
