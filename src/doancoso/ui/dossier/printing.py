"""Printing the dossier through Qt's print dialog: the printer, the page range (all, a range, the
page shown), the copies, A4 and two-sided printing where the printer offers it.

Each page is rendered by pdfium at the printer's resolution (at most :data:`MAX_DPI`, so a
1200 dpi printer does not need 140 MB a page; a page larger than the sheet, at the sheet's size)
on the thumbnails' pool, like the preview's pages
(:mod:`.renders`, under pdfium's one lock): a page of photos at 300 dpi takes an old PC most of
a second, which the window no longer waits for. Each page is painted with QPainter on the whole
sheet (the dossier's pages carry the union's margins) as it arrives, on the GUI thread (the
printer's painter belongs to it), while the next one renders (:data:`AHEAD`); the "Hủy" button
works between any two events, without a ``processEvents`` loop of ours. The progress dialog,
window-modal, runs the window's events inside each ``setValue`` once it shows: a page arriving
there, or "Hủy", comes in the middle of the page before it, so a page is only printed by the
loop that printed the one before, and each page is asked for once.
"""

from __future__ import annotations

import atexit
import logging
from contextlib import ExitStack
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRect, QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QTransform
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...core.errors import AppError
from ...core.storage.files import written_atomically
from .pdf_file import PdfFile
from .renders import PAGE_PRIORITY, RenderJob, page_renders

log = logging.getLogger("doancoso.ui.dossier.printing")

MAX_DPI = 300
AHEAD = 1
"""Pages rendered ahead of the one printed (each about 35 MB at 300 dpi)."""
NO_PRINTER = (
    "Không bắt đầu in được: máy in chưa sẵn sàng hoặc không ghi được tệp đã chọn. Hãy kiểm tra "
    "máy in đã bật, đã nối với máy tính và còn giấy (hoặc chọn máy in khác) rồi bấm “In…” lại; "
    "hoặc bấm “Lưu thành PDF…” để chép hồ sơ sang máy khác in."
)
"""A printer that cannot start: what to check, and the other way (the buttons of the page)."""
PAGE_FAILED = "In bị dừng ở trang {page} của hồ sơ: không dựng được trang này để in."


def new_printer(pages: int) -> QPrinter:
    """A printer set to A4, portrait, the whole sheet, all of ``pages``."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setFromTo(1, pages)
    printer.setDocName("Hồ sơ đề nghị công nhận")
    return printer


def print_dialog(printer: QPrinter, pages: int, parent: QWidget | None) -> QPrintDialog:
    """Qt's print dialog over ``printer``: page range, current page, copies (and duplex, when
    the printer offers it: the dialog shows it then)."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("In hồ sơ")
    dialog.setMinMax(1, pages)
    option = QAbstractPrintDialog.PrintDialogOption
    dialog.setOptions(option.PrintPageRange | option.PrintCurrentPage | option.PrintShowPageSize
                      | option.PrintCollateCopies)  # fmt: skip
    return dialog


def chosen_pages(printer: QPrinter, pages: int, current: int) -> list[int]:
    """The pages (0-based) the dialog's range chose, copies and collation included when the
    printer does not make the copies itself."""
    mode = printer.printRange()
    ranges = printer.pageRanges()
    if mode == QPrinter.PrintRange.CurrentPage:
        chosen = [current]
    elif not ranges.isEmpty():  # "Trang": 1-3, 7 (Qt 6 keeps every range)
        chosen = [page - 1 for part in ranges.toRangeList()
                  for page in range(part.from_, part.to + 1) if 1 <= page <= pages]  # fmt: skip
    elif mode == QPrinter.PrintRange.PageRange:
        first, last = max(1, printer.fromPage()), min(pages, printer.toPage() or pages)
        chosen = list(range(first - 1, last))
    else:
        chosen = list(range(pages))
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if copies == 1:
        return chosen
    if printer.collateCopies():
        return chosen * copies
    return [page for page in chosen for _ in range(copies)]


_RUNNING: set[PrintJob] = set()
"""The jobs printing now. Each keeps itself alive here until its painter has ended: the printer
is never destroyed while painted (Qt: "Cannot destroy paint device that is being painted", then
a crash), whatever becomes of the page that started it."""


class _Stopped(Exception):
    """The print did not finish: the file printed to is not kept."""


class PrintJob(QObject):
    """Prints ``pages`` of ``pdf`` on ``printer``, each page rendered on the pool and painted
    here as it arrives (the next one rendering meanwhile); ends with ``finished`` (the number of
    sheets printed), ``failed`` (a message: the error is logged) or, once ``cancel()`` stopped
    it, ``stopped`` (the sheets sent before): whoever started it is told it is over, whichever
    way. :meth:`abandon` stops it without a word (its page is going, the app quits).

    The job owns the printer and its painter: the painter ends in every way the job ends, before
    the job lets go of the printer. Printed to a PDF file (Qt's "Print to File"), the pages go
    to a temporary file beside it, which takes the file's name only once the last page is
    written (:func:`~doancoso.core.storage.files.written_atomically`): a print stopped midway
    leaves no half-printed file, and a file of that name stays as it was."""

    progressed = Signal(int, int)
    finished = Signal(int)
    failed = Signal(str)
    stopped = Signal(int)

    def __init__(self, pdf: PdfFile, printer: QPrinter, pages: list[int],
                 parent: QObject | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._pdf = pdf
        self._printer = printer
        self._pages = pages
        self._done = 0
        self._painter = QPainter()
        self._output: ExitStack | None = None  # the PDF file printed to, under its temporary name
        self._running = False
        self._jobs: dict[int, RenderJob] = {}  # by position in ``pages``: asked, not arrived
        self._images: dict[int, QImage] = {}  # arrived, not painted yet
        self._asked = 0  # the positions below it were asked for
        self._painting = False  # a page is being printed (the events may run meanwhile)
        self._scale = 1.0  # pixels per point: the printer's resolution, at most MAX_DPI
        self._sheet = QSizeF()  # the sheet's size in points
        self.cancelled = False

    @property
    def painting(self) -> bool:
        """Whether the printer's painter is active (tests check it ended)."""
        return self._painter.isActive()

    def start(self) -> None:
        if not self._pages:
            self.finished.emit(0)
            return
        self._open_output()
        if not self._painter.begin(self._printer):
            self._close_output(kept=False)
            raise AppError(NO_PRINTER)
        self._running = True
        _RUNNING.add(self)
        _abandon_at_quit()
        self._scale = min(self._printer.resolution(), MAX_DPI) / 72
        self._sheet = self._printer.pageLayout().fullRect(QPageLayout.Unit.Point).size()
        self._ask_ahead()

    def cancel(self) -> None:
        """Stop now ("Hủy", the page closed): ``stopped`` says how many sheets went."""
        if self._running:
            self.cancelled = True
            self._stop()
            self.stopped.emit(self._done)

    def abandon(self) -> None:
        """Stop now and say nothing: whoever started the job is going."""
        if self._running:
            self.cancelled = True
            self._stop()

    def _open_output(self) -> None:
        """Printing to a PDF file: print to a temporary file beside it (AppError: the folder
        cannot take it)."""
        name = self._printer.outputFileName()
        if self._printer.outputFormat() != QPrinter.OutputFormat.PdfFormat or not name:
            return
        output = ExitStack()
        temp = output.enter_context(written_atomically(Path(name)))
        self._output = output
        self._printer.setOutputFileName(str(temp))

    def _close_output(self, kept: bool) -> None:
        """The temporary PDF file renamed over the file chosen (``kept``) or removed."""
        output, self._output = self._output, None
        if output is None:
            return
        if kept:
            output.close()  # AppError: not written (a full disk, a stick pulled out)
        else:
            output.__exit__(_Stopped, _Stopped(), None)

    def _ask_ahead(self) -> None:
        """Ask for each page up to :data:`AHEAD` past the one printed next, once."""
        while self._asked < min(self._done + AHEAD + 1, len(self._pages)):
            position = self._asked
            self._asked += 1
            index = self._pages[position]
            job = RenderJob(self._pdf, index, self._scale_of(index), self, self._rendered,
                            position)  # fmt: skip
            self._jobs[position] = job
            page_renders().start(job, PAGE_PRIORITY)

    def _scale_of(self, index: int) -> float:
        """Pixels per point for page ``index``: the printer's resolution (at most
        :data:`MAX_DPI`), lower for a page larger than the sheet (an evidence plan on A2), whose
        image is then no larger than the sheet's: it is printed scaled down to the sheet."""
        width, height = self._pdf.sizes[index]
        sheet = self._sheet
        if (width > height) != (sheet.width() > sheet.height()):  # turned to fit the sheet
            width, height = height, width
        return self._scale * min(1.0, sheet.width() / width, sheet.height() / height)

    def _rendered(self, job: RenderJob, image: QImage) -> None:
        if not self._running or self._jobs.pop(job.tag, None) is not job:
            return
        self._images[job.tag] = image
        # A page arriving while one is printed (the progress dialog, window-modal, runs the
        # window's events inside its ``setValue``) waits for it: the loop below takes it next.
        if self._painting:
            return
        self._painting = True
        try:
            while self._running and self._done in self._images:
                self._print(self._images.pop(self._done))
        finally:
            self._painting = False

    def _print(self, image: QImage) -> None:
        index = self._pages[self._done]
        try:
            if self._done:
                self._printer.newPage()
            self._paint(index, image)
        except Exception:
            log.exception("printing page %d of %s", index, self._pdf.path)
            self._stop()
            self.failed.emit(PAGE_FAILED.format(page=index + 1))
            return
        self._done += 1
        self._ask_ahead()
        self.progressed.emit(self._done, len(self._pages))  # may run the events: "Hủy" too
        if self._running and self._done == len(self._pages):
            self._end()
            try:
                self._close_output(kept=True)
            except AppError as exc:
                self.failed.emit(exc.message)
                return
            self.finished.emit(self._done)

    def _stop(self) -> None:
        """The print stopped before its end: the printer told, the file printed to removed."""
        self._printer.abort()  # before the painter ends, which sends the job to the printer
        self._end()
        self._close_output(kept=False)

    def _end(self) -> None:
        self._running = False
        for job in self._jobs.values():
            job.cancel()
        self._jobs.clear()
        self._images.clear()
        if self._painter.isActive():
            self._painter.end()
        _RUNNING.discard(self)

    def _paint(self, index: int, image: QImage) -> None:
        if image.isNull():  # pdfium failed on the page: no blank sheet said to be printed
            raise RuntimeError(f"page {index} of {self._pdf.path} rendered as nothing")
        sheet = self._printer.pageLayout().fullRectPixels(self._printer.resolution())
        width, height = self._pdf.sizes[index]
        if (width > height) != (sheet.width() > sheet.height()):
            image = image.transformed(QTransform().rotate(90))  # a landscape page turned
        target = QRect(0, 0, sheet.width(), sheet.height())
        fitted = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target.setSize(fitted)
        self._painter.drawImage(target, image)


_quit_hooked = False


def _abandon_at_quit() -> None:
    """The app quitting mid-print: every job's painter ended before Qt and Python go."""
    global _quit_hooked
    app = QCoreApplication.instance()
    if not _quit_hooked and app is not None:
        app.aboutToQuit.connect(abandon_all)
        _quit_hooked = True


@atexit.register
def abandon_all() -> None:
    """Stop every print under way, silently (the app quits; and at exit, whatever is left)."""
    for job in list(_RUNNING):
        job.abandon()


def progress_dialog(job: PrintJob, parent: QWidget) -> QProgressDialog:
    """A window-modal dialog counting the pages sent, its "Hủy" stopping the job."""
    dialog = QProgressDialog("Đang in hồ sơ…", "Hủy", 0, 0, parent)
    dialog.setWindowTitle("Đang in")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)  # no new build while printing
    dialog.setMinimumDuration(500)
    dialog.setAutoClose(True)
    dialog.canceled.connect(job.cancel)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)

    job.progressed.connect(progressed)
    job.finished.connect(lambda _n: dialog.reset())
    return dialog
