"""A print job against what can happen while it paints: the progress dialog running the events
of the window between two pages (a modal QProgressDialog's ``setValue`` does), "Hủy", a page that
cannot be rendered, the page's file let go (the window closing), the page destroyed, the app
quitting. Whatever happens, the printer's painter ends before the printer goes, the page can
print again, and a PDF printed to a file is either whole or not there (a file of that name
left as it was)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot
from shiboken6 import delete, isValid

from doancoso.core.workspace import Workspace
from doancoso.ui.common.thumbnails import thumbnails
from doancoso.ui.dossier import pdf_file, printing
from doancoso.ui.dossier.page import DossierPage
from doancoso.ui.dossier.printing import PrintJob
from scripted import ScriptedPrompts, synchronous_core

from .print_steps import print_to, status_messages, usb_file, wait_printed

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_pages_that_arrive_while_the_progress_dialog_shows_are_all_printed(
    print_page: DossierPage, prompts: ScriptedPrompts, qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    """Once shown, the window-modal progress dialog runs the window's events inside each
    ``setValue``: the next page, rendered meanwhile, arrives there, in the middle of the page
    before it. Every page is still printed once, in order, and the print ends."""
    page = print_page
    assert page.pdf is not None
    pages = len(page.pdf)
    messages = status_messages(page)
    out = tmp_path / "in.pdf"
    prompts.dialog_script = print_to(out)
    page.print_action.trigger()
    (progress,) = page.findChildren(QProgressDialog)
    progress.forceShow()  # as after half a second of printing
    # The first two pages rendered before the window gets either: a slow GUI thread, a fast pool.
    assert thumbnails().pool.waitForDone(30000)
    wait_printed(page, qtbot)
    assert messages == [f"Đã gửi {pages} trang hồ sơ tới máy in."]
    assert len(PdfReader(out).pages) == pages


PREVIOUS = b"%PDF-1.4 the dossier printed last week"


def _printing(page: DossierPage, qtbot: QtBot, prompts: ScriptedPrompts, out: Path,
              midway: bool = True) -> PrintJob:  # fmt: skip
    """ "In…" to the PDF file ``out``, once its first sheet is printed (a file of that name there
    before); ``midway``: the job still printing then."""
    out.write_bytes(PREVIOUS)
    prompts.dialog_script = print_to(out)
    page.print_action.trigger()
    job = page.print_job
    assert job is not None
    with qtbot.wait_signal(job.progressed, timeout=30000):  # the first sheet sent
        pass
    assert not midway or (job.painting and job in printing._RUNNING)
    return job


def _over(job: PrintJob, out: Path) -> None:
    """The job ended its painter and let go of itself; the file printed to is as it was, and
    nothing else is beside it."""
    assert not job.painting and job not in printing._RUNNING
    assert out.read_bytes() == PREVIOUS
    assert list(out.parent.iterdir()) == [out]


def _prints_again(page: DossierPage, qtbot: QtBot, prompts: ScriptedPrompts, out: Path) -> None:
    """ "In…" and "Lập hồ sơ" usable again: a whole print, then a build."""
    assert page.pdf is not None and page.print_action.isEnabled()
    prompts.dialog_script = print_to(out)
    page.print_action.trigger()
    wait_printed(page, qtbot)
    assert len(PdfReader(out).pages) == len(page.pdf)
    assert page.build_button.isEnabled()
    with qtbot.wait_signal(page.built, timeout=60000):
        page.build()
    assert page.pdf is not None and page.pdf.path.name == "ho-so-2.pdf"


def test_cancelled_midway_the_pdf_file_is_not_left_half_printed(
    print_page: DossierPage, prompts: ScriptedPrompts, qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    page = print_page
    messages = status_messages(page)
    out = usb_file(tmp_path)
    job = _printing(page, qtbot, prompts, out)
    (progress,) = page.findChildren(QProgressDialog)
    (cancel,) = [b for b in progress.findChildren(QPushButton) if b.text() == "Hủy"]
    cancel.click()
    assert job.cancelled and page.print_job is None
    _over(job, out)
    assert messages == ["Đã hủy in hồ sơ."] and prompts.errors == []
    _prints_again(page, qtbot, prompts, out)


def test_a_page_that_cannot_be_rendered_stops_the_print_and_leaves_no_file(
    print_page: DossierPage, prompts: ScriptedPrompts, qtbot: QtBot,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """pdfium failing on the third page printed (as it does on a page it cannot draw, or when a
    35 MB page finds no memory): the only fault made up here, at pdfium's door."""
    page = print_page
    renders = pdf_file.page_image
    printed: list[float] = []  # the printer's renders (at 300 dpi; the preview's are smaller)

    def failing(pdfium_page: object, scale: float) -> object:
        if scale > 3:
            printed.append(scale)
            if len(printed) == 3:
                raise RuntimeError("pdfium could not render the page")
        return renders(pdfium_page, scale)

    monkeypatch.setattr(pdf_file, "page_image", failing)
    out = usb_file(tmp_path)
    job = _printing(page, qtbot, prompts, out, midway=False)  # it may fail meanwhile
    wait_printed(page, qtbot)
    assert prompts.errors == ["In bị dừng ở trang 3 của hồ sơ: không dựng được trang này để in."]
    _over(job, out)
    monkeypatch.setattr(pdf_file, "page_image", renders)
    _prints_again(page, qtbot, prompts, out)


def test_the_file_let_go_mid_print_stops_the_print_first(
    print_page: DossierPage, prompts: ScriptedPrompts, qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    """The main window closing lets go of the page's file (``close_pdf``): the print stops
    before the file closes, not left waiting for pages that will never come."""
    page = print_page
    messages = status_messages(page)
    out = usb_file(tmp_path)
    job = _printing(page, qtbot, prompts, out)
    page.close_pdf()
    assert job.cancelled and page.print_job is None and page.pdf is None
    _over(job, out)
    assert messages == ["Đã hủy in hồ sơ."]
    qtbot.wait(200)  # the pages rendered meanwhile arrive, and are dropped


def test_the_page_destroyed_mid_print_ends_the_painter_first(
    dossier_data: Workspace, qtbot: QtBot, tmp_path: Path
) -> None:
    prompts = ScriptedPrompts()
    page = DossierPage(synchronous_core(dossier_data, prompts))
    page.show()
    with qtbot.wait_signal(page.built, timeout=60000):
        page.build()
    assert page.pdf is not None
    pdf = page.pdf
    out = usb_file(tmp_path)
    job = _printing(page, qtbot, prompts, out)
    try:
        delete(page)  # as a window closed mid-print takes its pages with it
        assert not isValid(page)
        assert job.cancelled
        _over(job, out)
        del page
        gc.collect()  # the page's Python side gone too: nothing holds the printer but the job
        qtbot.wait(200)  # the pages rendered meanwhile arrive, and are dropped
    finally:
        pdf.close()
    del job
    gc.collect()


def test_the_app_quitting_mid_print_ends_the_painter_first(
    print_page: DossierPage, prompts: ScriptedPrompts, qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    page = print_page
    out = usb_file(tmp_path)
    job = _printing(page, qtbot, prompts, out)
    app = QCoreApplication.instance()
    assert app is not None
    app.aboutToQuit.emit()  # what QApplication.exec does when the last window closed
    assert job.cancelled
    _over(job, out)
