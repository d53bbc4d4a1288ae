"""Pages of a :class:`~.pdf_file.PdfFile` rendered off the GUI thread, for the preview.

A page of a scanned evidence PDF or of phone photos takes pdfium hundreds of milliseconds on an
old PC: rendered in a paint, it froze the window while the secretary paged through. A render is
asked as a :class:`RenderJob` and run on the thumbnails' small pool (:mod:`..common.thumbnails`:
one thread beside the GUI's on a two-core PC; not the app's single worker, whose jobs write the
data), holding pdfium's one lock (:mod:`..common.pdfium_lock`). The image comes back to the GUI
thread through :func:`page_renders`, an object that lives as long as the application, and is
handed to the job's owner only if the job was not cancelled meanwhile (the page left), its file
is still open and its owner still exists: a preview closed mid-render gets nothing. A page
pdfium fails on comes back as a null image (its owner does not ask for it again).

A job cancelled before its turn is not rendered at all (the pool's thread skips it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, Signal
from PySide6.QtGui import QImage
from shiboken6 import isValid

from ..common.thumbnails import thumbnails
from .pdf_file import PdfFile

log = logging.getLogger("doancoso.ui.dossier.renders")

PAGE_PRIORITY = 1
"""The page in sight goes before the side list's thumbnails waiting on the pool."""
THUMBNAIL_PRIORITY = 0

_hub: PageRenders | None = None


class RenderJob:
    """Page ``index`` of ``pdf`` at ``scale`` pixels per point, asked by ``owner``, whose
    ``deliver(job, image)`` gets it on the GUI thread; ``cancel()`` it when it is not wanted."""

    def __init__(self, pdf: PdfFile, index: int, scale: float, owner: QObject,
                 deliver: Callable[[RenderJob, QImage], None], tag: int = 0) -> None:  # fmt: skip
        self.pdf = pdf
        self.index = index
        self.scale = scale
        self.owner = owner
        self.deliver = deliver
        self.tag = tag
        """What the owner knows the job by (the preview: the page's width in device pixels)."""
        self.ratio = 1.0
        """The device pixels per logical pixel it is rendered for (the image's pixel ratio)."""
        self.cancelled = False  # set on the GUI thread, read on the pool's (one bool: atomic)

    def cancel(self) -> None:
        self.cancelled = True


class _Render(QRunnable):
    """Runs one job on a thread of the pool, unless it was cancelled before its turn."""

    def __init__(self, hub: PageRenders, job: RenderJob) -> None:
        super().__init__()
        self._hub = hub
        self._job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        job = self._job
        if job.cancelled:
            return
        try:
            image = job.pdf.render_uncached(job.index, job.scale)
        except Exception:  # a bug: the page stays as it is shown, the log says why
            log.exception("rendering page %d of %s", job.index, job.pdf.path)
            image = QImage()
        if isValid(self._hub):
            self._hub.rendered.emit(job, image)


class PageRenders(QObject):
    """Starts render jobs on the pool and hands their images to their owners; see the module's
    docstring. Lives on the GUI thread; use :func:`page_renders`."""

    rendered = Signal(object, object)
    """From the pool's threads: a job and its image (null: the file was closed, or a bug)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rendered.connect(self._arrived, Qt.ConnectionType.QueuedConnection)

    def start(self, job: RenderJob, priority: int = PAGE_PRIORITY) -> None:
        thumbnails().pool.start(_Render(self, job), priority)

    def _arrived(self, job: RenderJob, image: QImage) -> None:
        # Dropped without a word to its owner: a file is closed only once no view shows it
        # (the dossier page shows the new file, or none, first), and a view let go of a file
        # has cancelled and forgotten its jobs, so none waits for this one (a rebuild while a
        # page renders ends sharp: tests/ui/dossier/test_preview_rebuilt.py).
        if job.cancelled or job.pdf.closed or not isValid(job.owner):
            return
        job.deliver(job, image)  # null too: pdfium failed on the page, its owner moves on


def page_renders() -> PageRenders:
    """The application's page renders (made on first use, on the GUI thread)."""
    global _hub
    if _hub is None or not isValid(_hub):
        _hub = PageRenders(QCoreApplication.instance())
    return _hub


__all__ = ["PAGE_PRIORITY", "THUMBNAIL_PRIORITY", "PageRenders", "RenderJob", "page_renders"]
