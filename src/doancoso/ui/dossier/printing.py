"""Printing the dossier through Qt's print dialog: the printer, the page range (all, a range, the
page shown), the copies, A4 and two-sided printing where the printer offers it.

Each page is rendered by pdfium at the printer's resolution (at most :data:`MAX_DPI`, so a
1200 dpi printer does not need 140 MB a page) and painted with QPainter on the whole sheet (the
dossier's pages carry the union's margins), holding pdfium's one lock (:mod:`..common.pdfium_lock`:
the preview may be rendering a page on the thumbnails' pool meanwhile). The printer's painter is
the GUI thread's: printing runs there, one page per turn of the event loop (a zero timer),
which keeps the window alive and the "Hủy" button working without a ``processEvents`` loop.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QTransform
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QProgressDialog, QWidget

from ...core.errors import AppError
from .pdf_file import PdfFile

log = logging.getLogger("doancoso.ui.dossier.printing")

MAX_DPI = 300
NO_PRINTER = "Không bắt đầu in được: máy in không sẵn sàng hoặc không ghi được tệp đã chọn."
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


class PrintJob(QObject):
    """Prints ``pages`` of ``pdf`` on ``printer``, one page per event-loop turn; ends with
    ``finished`` (the number of sheets printed), ``failed`` (a message: the error is logged) or,
    once ``cancel()`` stopped it, ``stopped`` (the sheets sent before): whoever started it is
    told it is over, whichever way."""

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
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)
        self.cancelled = False

    def start(self) -> None:
        if not self._pages:
            self.finished.emit(0)
            return
        if not self._painter.begin(self._printer):
            raise AppError(NO_PRINTER)
        self._timer.start()

    def cancel(self) -> None:
        if self._timer.isActive():
            self.cancelled = True
            self._timer.stop()
            self._printer.abort()
            self._painter.end()
            self.stopped.emit(self._done)

    def _next(self) -> None:
        try:
            if self._done:
                self._printer.newPage()
            self._paint(self._pages[self._done])
        except Exception:
            log.exception("printing page %d of %s", self._pages[self._done], self._pdf.path)
            self._timer.stop()
            self._printer.abort()
            self._painter.end()
            self.failed.emit(PAGE_FAILED.format(page=self._pages[self._done] + 1))
            return
        self._done += 1
        self.progressed.emit(self._done, len(self._pages))
        if self._done == len(self._pages):
            self._timer.stop()
            self._painter.end()
            self.finished.emit(self._done)

    def _paint(self, index: int) -> None:
        sheet = self._printer.pageLayout().fullRectPixels(self._printer.resolution())
        dpi = min(self._printer.resolution(), MAX_DPI)
        width, height = self._pdf.sizes[index]
        turn = (width > height) != (sheet.width() > sheet.height())
        image = self._pdf.render_uncached(index, dpi / 72)
        if image.isNull():  # the file closed under the job: no blank sheet said to be printed
            raise RuntimeError(f"page {index} of {self._pdf.path} rendered as nothing")
        if turn:  # a landscape page on a portrait sheet: turned to fill it
            image = image.transformed(QTransform().rotate(90))
        target = QRect(0, 0, sheet.width(), sheet.height())
        fitted = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target.setSize(fitted)
        self._painter.drawImage(target, image)


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
