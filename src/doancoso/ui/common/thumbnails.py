"""Thumbnails of evidence photos and PDFs, read off the GUI thread.

A list of files paints at once: a photo not read yet shows a placeholder, its thumbnail is read
by a small pool of threads of its own (not the app's single worker, whose jobs write the data
and must not wait behind twenty photos), and the lists showing it repaint it when it arrives
(:attr:`Thumbnails.ready`).

Only what is safe in a thread happens there: the file is read by its path with
``QImageReader``, scaled while it is decoded (``setScaledSize``: an 8-megapixel photo is not
decoded whole) and turned as the camera held it (EXIF orientation, ``setAutoTransform``), into
a ``QImage``. The ``QIcon`` (a ``QPixmap``) is made on the GUI thread when the image arrives.
Nothing of the core is touched there: the path is the attachment's, published by the worker.
A PDF's thumbnail is its first page, rendered there by pdfium under its one lock
(:func:`~.pdfium_lock.first_page_thumbnail`); a PDF that cannot be shown (damaged, with a
password, no page) gets :func:`unreadable_pdf` and the reason (:meth:`Thumbnails.reason`),
which the lists give on the file's tooltip.

Thumbnails are kept by (SHA-256, size): a stored file never changes, so each is read once a
session (at most :data:`THUMBS_KEPT`, the least recently used dropped first). A photo that
cannot be read (damaged) is said so to the lists, which show their document icon; one gone from the
store is marked as a PDF that cannot be shown is, with why (:meth:`Thumbnails.reason`). Either
is tried again when a list shows it afresh (:meth:`Thumbnails.retry`). A file found moved out of
the store, or back into it, when the app becomes active again is read afresh
(:meth:`Thumbnails.forget`).

The results go through one object of the GUI thread (:func:`thumbnails`) that lives as long as
the application, whichever list asked: a list closed while its photos are read is disconnected
with its model by Qt, so nothing is delivered to it.
"""

from __future__ import annotations

import atexit
import logging
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QPoint,
    QRect,
    QRunnable,
    Qt,
    QThread,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QImage, QImageReader, QPainter, QPen, QPixmap, QPolygon
from shiboken6 import isValid

from .pdfium_lock import GONE_REASON, UnreadablePdf, first_page_thumbnail

log = logging.getLogger("doancoso.ui.thumbnails")

THUMBS_KEPT = 500
Key = tuple[str, int]
"""A thumbnail's SHA-256 and size (the longer side, in pixels)."""

_hub: Thumbnails | None = None
_placeholders: dict[int, QIcon] = {}
_unreadable_pdfs: dict[int, QIcon] = {}


def read_thumbnail(path: Path, size: int) -> QImage:
    """The photo at ``path`` scaled down to fit ``size`` × ``size`` while it is decoded and turned
    as the camera held it; a null image when there is no such file or it is not a readable
    image. Safe on any thread (no pixmap, nothing of the core)."""
    if not path.is_file():
        return QImage()
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    shape = reader.size()
    if shape.isValid() and max(shape.width(), shape.height()) > size:
        reader.setScaledSize(shape.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def _canvas(size: int) -> tuple[QPixmap, QPainter]:
    """A transparent square to draw an icon on, and its (antialiased) painter."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


def placeholder(size: int) -> QIcon:
    """What a photo shows until its thumbnail is read: a pale frame with a picture's outline
    (a hill and the sun), drawn once a size."""
    icon = _placeholders.get(size)
    if icon is None:
        pixmap, painter = _canvas(size)
        frame = QRect(size // 8, size // 5, size - size // 4, size - 2 * (size // 5))
        painter.setPen(QPen(QColor("#c8ccd2"), 1))
        painter.setBrush(QColor("#f1f3f5"))
        painter.drawRoundedRect(frame, 4, 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#d5d9de"))
        unit = max(frame.width() // 8, 1)
        painter.drawEllipse(
            frame.right() - 3 * unit, frame.top() + unit, 3 * unit // 2, 3 * unit // 2
        )
        left, bottom = frame.left() + unit, frame.bottom() - unit // 2
        hill = [(left, bottom), (left + 3 * unit, frame.top() + 3 * unit),
                (left + 5 * unit, bottom - unit), (frame.right() - unit, bottom)]  # fmt: skip
        painter.drawPolygon(QPolygon([QPoint(x, y) for x, y in hill]))
        painter.end()
        icon = _placeholders[size] = QIcon(pixmap)
    return icon


def unreadable_pdf(size: int) -> QIcon:
    """What a PDF that cannot be shown shows: a grey page with a folded corner and an amber
    exclamation mark (its tooltip says why), drawn once a size."""
    icon = _unreadable_pdfs.get(size)
    if icon is None:
        pixmap, painter = _canvas(size)
        width, height = size * 5 // 8, size * 7 // 8
        left, top = (size - width) // 2, (size - height) // 2
        fold = width // 4
        page = [(left, top), (left + width - fold, top), (left + width, top + fold),
                (left + width, top + height), (left, top + height)]  # fmt: skip
        painter.setPen(QPen(QColor("#9e9e9e"), 1))
        painter.setBrush(QColor("#eeeeee"))
        painter.drawPolygon(QPolygon([QPoint(x, y) for x, y in page]))
        radius = width // 3
        centre = QPoint(left + width // 2, top + height // 2)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#f9a825"))
        painter.drawEllipse(centre, radius, radius)
        painter.setPen(QPen(QColor("#ffffff"), max(2, radius // 4), Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap))  # fmt: skip
        painter.drawLine(centre.x(), centre.y() - radius // 2, centre.x(), centre.y() + radius // 6)
        painter.drawPoint(centre.x(), centre.y() + radius // 2)
        painter.end()
        icon = _unreadable_pdfs[size] = QIcon(pixmap)
    return icon


class _Read(QRunnable):
    """Reads one thumbnail on a thread of the pool and hands it to the hub."""

    def __init__(self, hub: Thumbnails, key: Key, path: Path, pdf: bool) -> None:
        super().__init__()
        self._hub = hub
        self._key = key
        self._path = path
        self._pdf = pdf
        self.setAutoDelete(True)

    def run(self) -> None:
        reason = ""
        try:
            if self._pdf:
                image = first_page_thumbnail(self._path, self._key[1])
            elif not self._path.is_file():  # moved out of the data folder: said, as a PDF's
                image, reason = QImage(), GONE_REASON
            else:
                image = read_thumbnail(self._path, self._key[1])
        except UnreadablePdf as exc:
            image, reason = QImage(), exc.reason
        except Exception:  # a bug: the list shows the document icon, the log says why
            log.exception("reading the thumbnail of %s", self._path)
            image = QImage()
        if isValid(self._hub):
            self._hub.decoded.emit(self._key, image, reason)


class Thumbnails(QObject):
    """The thumbnails read so far, those being read and those that could not be; see the
    module's docstring. Lives on the GUI thread; use :func:`thumbnails`."""

    ready = Signal(object)
    """A thumbnail (its :data:`Key`) arrived, or could not be read."""
    decoded = Signal(object, object, str)
    """From the pool's threads: a key, its image (null: not readable) and why not ("")."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icons: OrderedDict[Key, QIcon] = OrderedDict()
        self._unreadable: dict[Key, str] = {}
        self.reading: set[Key] = set()
        """The thumbnails asked for and not arrived yet (tests look at it)."""
        self.pool = QThreadPool(self)
        # Two cores on the commune's PC: one reader leaves the GUI thread a core of its own.
        self.pool.setMaxThreadCount(max(1, min(2, QThread.idealThreadCount() - 1)))
        self.pool.setObjectName("doancoso-thumbnails")
        self.decoded.connect(self._arrived, Qt.ConnectionType.QueuedConnection)

    def icon(self, sha256: str, path: Path, size: int, pdf: bool = False) -> QIcon | None:
        """The thumbnail of the photo (or with ``pdf`` the PDF's first page) ``sha256`` stored
        at ``path``, ``size`` pixels at most: if not read yet, the placeholder, and it is read
        in the background (once, whoever asks); None when it cannot be read (:meth:`reason`
        says why, when it is known)."""
        key = (sha256, size)
        icon = self._icons.get(key)
        if icon is not None:
            self._icons.move_to_end(key)
            return icon
        if key in self._unreadable:
            return None
        if key not in self.reading:
            self.reading.add(key)
            self.pool.start(_Read(self, key, path, pdf))
        return placeholder(size)

    def reason(self, sha256: str, size: int) -> str:
        """Why the thumbnail of ``sha256`` could not be read ("" when it could, or not known)."""
        return self._unreadable.get((sha256, size), "")

    def retry(self, keys: Iterable[Key]) -> None:
        """Try again the photos of ``keys`` that could not be read (a list shown afresh)."""
        for key in keys:
            self._unreadable.pop(key, None)

    def forget(self, hashes: Iterable[str]) -> None:
        """Read again the thumbnails of the files ``hashes`` (a stored file moved out of the
        data folder by hand, or back: kept, its thumbnail would still show it sound, or lost);
        the lists showing them repaint (:attr:`ready`) and so ask for them afresh."""
        wanted = set(hashes)
        keys = [k for k in dict.fromkeys([*self._icons, *self._unreadable]) if k[0] in wanted]
        for key in keys:
            self._icons.pop(key, None)
            self._unreadable.pop(key, None)
        for key in keys:
            self.ready.emit(key)

    def drain(self, msecs: int = 10000) -> bool:
        """Drop the reads not started and wait for the others (shutdown, tests)."""
        self.pool.clear()
        return self.pool.waitForDone(msecs)

    def _arrived(self, key: Key, image: QImage, reason: str) -> None:
        self.reading.discard(key)
        if image.isNull():
            self._unreadable[key] = reason
        else:
            self._icons[key] = QIcon(QPixmap.fromImage(image))
            while len(self._icons) > THUMBS_KEPT:
                self._icons.popitem(last=False)
        self.ready.emit(key)


def thumbnails() -> Thumbnails:
    """The application's thumbnails (made on first use, on the GUI thread)."""
    global _hub
    if _hub is None or not isValid(_hub):
        _hub = Thumbnails(QCoreApplication.instance())
    return _hub


@atexit.register
def _drain() -> None:
    """At exit: no thread of the pool left reading while Python goes away."""
    if _hub is not None and isValid(_hub):
        _hub.drain()


__all__ = [
    "THUMBS_KEPT", "Key", "Thumbnails", "placeholder", "read_thumbnail", "thumbnails",
    "unreadable_pdf",
]  # fmt: skip
