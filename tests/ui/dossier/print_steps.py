"""The steps the dossier's print tests share: a page built to print, Qt's print dialog
answered with a PDF file, the wait for a print to end, and what the page said."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.dossier.page import DossierPage
from scripted import ScriptedPrompts

STALLED_MS = 30000


def wait_printed(page: DossierPage, qtbot: QtBot) -> None:
    """Wait for the page's print to end, however slow the machine: fail only when no sheet was
    sent for :data:`STALLED_MS` (a print that stalls), not when a whole print of every page at
    300 dpi takes longer than some time (under load it did: more than a minute)."""
    job = page.print_job
    if job is None:
        return
    sent: list[int] = []
    job.progressed.connect(lambda done, _total: sent.append(done))

    def moved(before: int) -> Callable[[], bool]:
        return lambda: page.print_job is not job or len(sent) > before

    while page.print_job is job:
        qtbot.waitUntil(moved(len(sent)), timeout=STALLED_MS)


def built_page(dossier_data: Workspace, make_page: Callable[..., DossierPage], qtbot: QtBot,
               prompts: ScriptedPrompts) -> DossierPage:  # fmt: skip
    """The page over ``dossier_data``, its number typed and the dossier built."""
    page = make_page(dossier_data, prompts)
    page.number_edit.setText("15-TTr/ĐTN")
    with qtbot.wait_signal(page.built):
        page.build()
    assert page.pdf is not None
    return page


def print_to(out: Path, first: int = 0, last: int = 0) -> Callable[[QDialog], None]:
    """A dialog script choosing Qt's PDF output, ``out``, and pages ``first``–``last``
    (all when 0), then "In"."""

    def script(dialog: QDialog) -> None:
        assert isinstance(dialog, QPrintDialog)
        assert dialog.windowTitle() == "In hồ sơ"
        printer = dialog.printer()
        assert printer.pageLayout().pageSize().id() == printer.pageLayout().pageSize().PageSizeId.A4
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        if first:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(first, last)
        dialog.done(QDialog.DialogCode.Accepted)

    return script


def usb_file(tmp_path: Path) -> Path:
    """``usb/ho-so-in.pdf`` under ``tmp_path``, its folder made (and empty)."""
    out = tmp_path / "usb" / "ho-so-in.pdf"
    out.parent.mkdir()
    return out


def status_messages(page: DossierPage) -> list[str]:
    """What the page says in the status bar from now on."""
    messages: list[str] = []
    page.status_message.connect(messages.append)
    return messages
