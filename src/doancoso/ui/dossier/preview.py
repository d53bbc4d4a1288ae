"""The preview of a built dossier: its pages (:class:`~.page_view.PageView`), a side list of the
outline ("Mục lục": each part and evidence item, a click goes to its page) and of the pages'
thumbnails ("Trang", rendered only as they come into sight, off the GUI thread, after the list
is painted), and a bar with the page number, the zoom and its buttons (and keys: Ctrl++ or
Ctrl+=, Ctrl+−, Ctrl+0 to fit the width).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QPainter,
    QPixmap,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QSpinBox,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from .page_view import ZOOM_STEP, PageView
from .pdf_file import OutlineEntry, PdfFile
from .renders import THUMBNAIL_PRIORITY, RenderJob, page_renders

THUMB_WIDTH = 96
SIDE_MIN_WIDTH = 200
SIDE_WIDTH = 300
"""The outline's width at first: at 1366 px most entries ("Quyết định công nhận kết quả xếp
loại", "Minh chứng 1.1.1: Danh sách đoàn viên") fit on one line, longer ones wrap
(:class:`WrappedOutline`), the pages still at a readable zoom; the splitter's handle widens it,
and each entry's tooltip gives its full title and page."""
PAGE_ROLE = Qt.ItemDataRole.UserRole + 1
EMPTY_TEXT = "Chưa có hồ sơ để xem. Chọn năm, các phần rồi bấm “Lập hồ sơ”."

_Index = QModelIndex | QPersistentModelIndex


Place = tuple[str, int, int]
"""Where a dossier is read: the title of its outline entry (the innermost one the page is in;
"" before the first), the page's distance from that entry's first page, and the page."""


def entry_at(outline: list[OutlineEntry], page: int) -> int | None:
    """The index in ``outline`` of the innermost entry page ``page`` is in (None: before the
    first)."""
    start, found = 0, None
    for number, entry in enumerate(outline):  # in the order of the pages; a child after its parent
        if entry.page <= page and entry.page >= start:
            start, found = entry.page, number
    return found


def section_of(outline: list[OutlineEntry], page: int) -> Place:
    """The innermost outline entry page ``page`` is in, and how far into it."""
    found = entry_at(outline, page)
    if found is None:
        return "", page, page
    entry = outline[found]
    return entry.title, page - entry.page, page


def same_place(place: Place, outline: list[OutlineEntry], pages: int) -> int:
    """The page of a dossier built again that is where ``place`` was in the one it replaces:
    as far into the entry of the same title (no further than its last page), else the same page
    number (no further than the last page). A part added or left out before it, an evidence
    file of more pages, and the reader is still on the page she was reading."""
    title, offset, page = place
    starts = sorted({entry.page for entry in outline} | {pages})
    for entry in outline:
        if title and entry.title == title:
            end = next(start for start in starts if start > entry.page)
            return min(entry.page + offset, end - 1)
    return max(0, min(page, pages - 1))


class WrappedOutline(QStyledItemDelegate):
    """Each outline entry as tall as its title needs at the width it has (its level's indent
    taken off), so that a long title ("Danh sách thanh niên có hoàn cảnh khó khăn", an evidence
    caption) wraps instead of ending in "…": QTreeView's own word wrap sizes rows without the
    column's width. The rows are laid out again when the outline's width changes."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        view.viewport().installEventFilter(self)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self._view.viewport().width() - self._view.indentation() * (depth + 1)
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        style = self._view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, shown, self._view)
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
        text = shown.fontMetrics.boundingRect(
            QRect(0, 0, max(width - 2 * (margin + 1), 40), 10_000), flags, shown.text
        )
        return QSize(max(width, 40), text.height() + 2 * (margin + 1))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's)
        if event.type() == QEvent.Type.Resize:
            self._view.scheduleDelayedItemsLayout()
        return False


class ThumbnailModel(QAbstractListModel):
    """One row a page: its number and, when a view asks for it, its thumbnail (rendered once).

    A page asked for shows a blank page at once and is rendered off the GUI thread
    (:mod:`.renders`, after the pages of the large view), then repainted: a page of photos
    (pdfium decodes an 8-megapixel photo whole, about 0.1 s) never holds the window. One page is
    on the pool at a time, the one asked last first, and a page no longer in sight when its turn
    comes (:attr:`in_sight`) is not rendered (the list asks again when it is scrolled back): the
    list scrolled from page 1 to page 300 renders the pages it stops on, not the 300 before."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf: PdfFile | None = None
        self.in_sight: Callable[[int], bool] = lambda _row: True
        """Whether page ``row``'s thumbnail is in sight in the list (set by the preview)."""
        self.pixel_ratio: Callable[[], float] = lambda: 1.0
        """The list's device pixels per logical pixel (set by the preview): a thumbnail is
        rendered at device pixels, sharp on a display scaled above 100%."""
        self._pixmaps: dict[int, QPixmap] = {}
        self._wanted: dict[int, None] = {}  # asked and not started, in the order asked
        self._job: RenderJob | None = None  # the one on the pool
        self._blanks: dict[tuple[int, int], QPixmap] = {}

    def set_pdf(self, pdf: PdfFile | None) -> None:
        self.beginResetModel()
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._wanted.clear()
        self.pdf = pdf
        self._pixmaps.clear()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 (Qt's)
        return 0 if parent.isValid() or self.pdf is None else len(self.pdf)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.pdf is None:
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row + 1)
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self._pixmaps.get(row)
            if pixmap is None:
                self._ask(row)
                return self._blank(row)
            return pixmap
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def pixmap(self, row: int) -> QPixmap | None:
        """Page ``row``'s thumbnail if it was rendered (the large view shows it scaled first)."""
        return self._pixmaps.get(row)

    def _blank(self, row: int) -> QPixmap:
        """A white page of page ``row``'s shape, with a thin border (drawn once a shape)."""
        assert self.pdf is not None
        width, height = self.pdf.sizes[row]
        size = (THUMB_WIDTH, max(1, round(THUMB_WIDTH * height / width)))
        pixmap = self._blanks.get(size)
        if pixmap is None:
            pixmap = QPixmap(*size)
            pixmap.fill(QColor("#ffffff"))
            painter = QPainter(pixmap)
            painter.setPen(QColor("#c8ccd2"))
            painter.drawRect(0, 0, size[0] - 1, size[1] - 1)
            painter.end()
            self._blanks[size] = pixmap
        return pixmap

    def _ask(self, row: int) -> None:
        if self._job is not None and self._job.index == row:
            return
        self._wanted.pop(row, None)
        self._wanted[row] = None  # the last asked
        self._start_next()

    def _start_next(self) -> None:
        """Start the page asked last that is still in sight, unless one is on the pool."""
        while self.pdf is not None and self._job is None and self._wanted:
            row = next(reversed(self._wanted))
            del self._wanted[row]
            if row in self._pixmaps or not self.in_sight(row):
                continue
            ratio = self.pixel_ratio()
            scale = THUMB_WIDTH * ratio / self.pdf.sizes[row][0]
            self._job = RenderJob(self.pdf, row, scale, self, self._rendered)
            self._job.ratio = ratio
            page_renders().start(self._job, THUMBNAIL_PRIORITY)

    def _rendered(self, job: RenderJob, image: QImage) -> None:
        if job is not self._job:
            return
        self._job = None
        if not image.isNull():  # (null: pdfium failed on it; the blank page stays)
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(job.ratio)  # THUMB_WIDTH logical pixels wide
            self._pixmaps[job.index] = pixmap
            index = self.index(job.index)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
        self._start_next()

    @property
    def rendered(self) -> set[int]:
        """The pages whose thumbnail was rendered so far (tests check it stays lazy)."""
        return set(self._pixmaps)


class Preview(QWidget):
    """The pages of a :class:`PdfFile` with their outline, thumbnails, page number and zoom."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf: PdfFile | None = None
        self.view = PageView()
        self.view.page_changed.connect(self._page_changed)
        self.view.zoom_changed.connect(self._zoom_changed)
        self.outline_model = QStandardItemModel(self)
        self.outline = QTreeView()
        self.outline.setModel(self.outline_model)
        self.outline.setHeaderHidden(True)
        self.outline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outline.setWordWrap(True)
        self.outline.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.outline.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.outline.setItemDelegate(WrappedOutline(self.outline))
        self.outline.clicked.connect(self._outline_clicked)
        self.outline.activated.connect(self._outline_clicked)
        self.thumbnails_model = ThumbnailModel(self)
        self.view.thumbnail_of = self.thumbnails_model.pixmap
        self.thumbnails_model.in_sight = self._thumbnail_in_sight
        self.thumbnails = QListView()
        self.thumbnails.setModel(self.thumbnails_model)
        self.thumbnails.setViewMode(QListView.ViewMode.IconMode)
        self.thumbnails.setFlow(QListView.Flow.TopToBottom)
        self.thumbnails.setWrapping(False)
        self.thumbnails.setMovement(QListView.Movement.Static)
        self.thumbnails.setUniformItemSizes(True)
        self.thumbnails.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.42)))
        self.thumbnails.setSpacing(6)
        self.thumbnails_model.pixel_ratio = self.thumbnails.viewport().devicePixelRatioF
        self.thumbnails.clicked.connect(lambda index: self.view.go_to_page(index.row()))
        # The arrow keys, PageUp/PageDown and Home/End in the list show the page chosen too.
        self.thumbnails.selectionModel().currentChanged.connect(self._thumbnail_chosen)
        self._following = False  # the list follows the view: not a choice to go to
        self._outline_items: list[QStandardItem] = []  # in the order of ``pdf.outline``
        self.side = QTabWidget()
        self.side.addTab(self.outline, "Mục lục")
        self.side.addTab(self.thumbnails, "Trang")
        self.side.setMinimumWidth(SIDE_MIN_WIDTH)
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._build()
        self.set_pdf(None)

    def _build(self) -> None:
        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.page_box.setKeyboardTracking(False)
        self.page_box.valueChanged.connect(lambda value: self.view.go_to_page(value - 1))
        self.page_count = QLabel()
        self.zoom_out = QToolButton()
        self.zoom_out.setText("−")
        self.zoom_out.setToolTip("Thu nhỏ (Ctrl+−, Ctrl+lăn chuột)")
        self.zoom_out.clicked.connect(lambda: self.view.zoom_by(1 / ZOOM_STEP))
        self.zoom_in = QToolButton()
        self.zoom_in.setText("+")
        self.zoom_in.setToolTip("Phóng to (Ctrl++, Ctrl+lăn chuột)")
        self.zoom_in.clicked.connect(lambda: self.view.zoom_by(ZOOM_STEP))
        self.fit_button = QToolButton()
        self.fit_button.setText("Vừa chiều rộng")
        self.fit_button.setToolTip("Vừa chiều rộng trang (Ctrl+0)")
        self.fit_button.clicked.connect(self.view.zoom_to_width)
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(QLabel("Trang"))
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_count)
        bar.addStretch(1)
        for widget in (self.zoom_out, self.zoom_label, self.zoom_in, self.fit_button):
            bar.addWidget(widget)
        self.bar = QWidget()
        self.bar.setLayout(bar)
        pages = QWidget()
        column = QVBoxLayout(pages)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.bar)
        column.addWidget(self.view, 1)
        column.addWidget(self.empty, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([SIDE_WIDTH, 520])  # the handle widens it further
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _zoom_button(self, event: QKeyEvent) -> QToolButton | None:
        """The zoom button ``event`` is the key of: Ctrl++ (also Ctrl+=, the same key without
        Shift), Ctrl+− and Ctrl+0 (fit the width), as in every PDF reader, the numeric keypad's
        too; None for any other key, or with no dossier shown."""
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = Qt.KeyboardModifier.ControlModifier
        if self.pdf is None or modifiers not in (ctrl, ctrl | Qt.KeyboardModifier.ShiftModifier):
            return None
        buttons = {Qt.Key.Key_Plus: self.zoom_in, Qt.Key.Key_Equal: self.zoom_in,
                   Qt.Key.Key_Minus: self.zoom_out, Qt.Key.Key_0: self.fit_button}  # fmt: skip
        button = buttons.get(Qt.Key(event.key()))
        return button if modifiers == ctrl or event.key() == Qt.Key.Key_Plus else None

    def event(self, event: QEvent) -> bool:
        # The zoom keys are taken before the window's shortcuts, wherever the focus is in the
        # preview (the pages, the outline, the page number): Ctrl+0 is also the window's key to
        # "Thiết lập", which Qt would otherwise leave undone, and this one too, as ambiguous.
        overridden = event.type() == QEvent.Type.ShortcutOverride
        if overridden and isinstance(event, QKeyEvent) and self._zoom_button(event) is not None:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        button = self._zoom_button(event)
        if button is None:
            super().keyPressEvent(event)
            return
        button.click()
        event.accept()

    def set_pdf(self, pdf: PdfFile | None) -> None:
        """Show ``pdf`` (None: nothing); the caller owns it and closes the previous one. A
        dossier built again opens where the one it replaces was read (:func:`same_place`)."""
        place = None
        if self.pdf is not None and pdf is not None and not self.pdf.closed:
            place = section_of(self.pdf.outline, self.view.current_page)
        self.pdf = pdf
        shown = pdf is not None
        self.view.setVisible(shown)
        self.bar.setVisible(shown)
        self.side.setVisible(shown)
        self.empty.setVisible(not shown)
        self.thumbnails_model.set_pdf(pdf)
        self.outline_model.clear()
        self._outline_items = []
        if pdf is not None:
            parents: list[QStandardItem] = []
            for entry in pdf.outline:
                item = QStandardItem(entry.title)
                item.setData(entry.page, PAGE_ROLE)
                item.setToolTip(f"{entry.title} — trang {entry.page + 1}")
                del parents[entry.level :]
                (parents[-1] if parents else self.outline_model.invisibleRootItem()).appendRow(item)
                parents.append(item)
                self._outline_items.append(item)
            self.outline.expandAll()
            self.page_box.setMaximum(len(pdf))
            self.page_count.setText(f"/ {len(pdf)}")
        self.view.set_pdf(pdf)
        if place is not None and pdf is not None:
            self.view.go_to_page(same_place(place, pdf.outline, len(pdf)))
        self._zoom_changed()

    def _outline_clicked(self, index: QModelIndex) -> None:
        page = index.data(PAGE_ROLE)
        if page is not None:
            self.view.go_to_page(int(page))
            self.view.setFocus()

    def _page_changed(self, index: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)
        if self.pdf is not None and len(self.pdf):
            self._following = True
            try:
                self.thumbnails.setCurrentIndex(self.thumbnails_model.index(index))
            finally:
                self._following = False
            self._follow_in_outline(index)

    def _follow_in_outline(self, page: int) -> None:
        """Select the outline's entry page ``page`` is in (the innermost), so that the outline
        shows the part or evidence item being read. Only the selection moves: no signal the
        outline's click-to-jump listens to (clicked, activated) is emitted. An entry clicked
        that starts on the same page as one under it stays selected."""
        assert self.pdf is not None
        found = entry_at(self.pdf.outline, page)
        selection = self.outline.selectionModel()
        if found is None:
            selection.clear()
            return
        current = self.outline_model.itemFromIndex(self.outline.currentIndex())
        if current is not None and current.data(PAGE_ROLE) == self.pdf.outline[found].page:
            return  # already an entry of that page (the one the secretary clicked)
        index = self._outline_items[found].index()
        selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _thumbnail_in_sight(self, row: int) -> bool:
        if not self.thumbnails.isVisible():
            return False
        rect = self.thumbnails.visualRect(self.thumbnails_model.index(row))
        return rect.isValid() and rect.intersects(self.thumbnails.viewport().rect())

    def _thumbnail_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._following:
            self.view.go_to_page(current.row())

    def _zoom_changed(self) -> None:
        # Percent of the page's size on paper, as PDF readers say it (1 pt = 1/72 inch).
        dpi = self.view.logicalDpiX() or 96
        self.zoom_label.setText(f"{round(self.view.scale * 72 / dpi * 100)}%")
