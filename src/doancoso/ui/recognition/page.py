"""The "3 chủ động" area: a year's self-assessment against its criteria template, with the
evidence of each item, the app's own indicators, the readiness and what is still missing; and
the register of criterion 3 (advice, coordination, Party introductions).

Reading is done on the worker in two operations: the checklist without indicators, the
templates and the register first (the page shows at once), then the indicators, which the core
keeps until a table they read changes. The page reads again when the data-changed signal names
a table the checklist shows (:data:`~doancoso.core.recognition.service.CHECKLIST_TABLES`),
once it is visible.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import Changes
from ...core.recognition.indicators import Indicator
from ...core.recognition.service import CHECKLIST_TABLES, ChecklistView, ItemView
from ...core.recognition.template import Template
from ...core.workspace import Workspace
from ..common.fields import WrappedLabel
from ..shell.operations import Core, CoreOp, QueryOp
from ..shell.undo import UndoHistory
from . import words
from .checklist_model import ChecklistModel
from .data import Loaded, load
from .item_panel import ItemPanel
from .open_panel import OpenPanel
from .register import RegisterTab
from .templates import TemplateFiles
from .tree import ChecklistTree

MISSING_COLOURS = {"indicator": words.RED, "not-met": words.RED, "not-assessed": words.ORANGE,
                   "no-evidence": words.ORANGE, "no-points": words.ORANGE,
                   "lost": words.RED}  # fmt: skip


class SourceLabel(WrappedLabel):
    """The template's name and source, wrapped over the lines the width it is given needs (the
    whole text also as tooltip): a long source is read whole at 1366×768 and never widens the
    page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.full_text = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setMinimumWidth(120)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self.setText(text)


class RecognitionPage(QWidget):
    """The checklist and register of the chosen year (this year at first)."""

    status_message = Signal(str)
    refreshed = Signal()
    """A read of the year was shown (the indicators may still be on their way)."""
    computed = Signal()
    """The year's indicators were shown."""

    def __init__(
        self, core: Core, history: UndoHistory, parent: QWidget | None = None, *,
        today: Callable[[], dt.date] | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._core = core
        self.today: Callable[[], dt.date] = today or dt.date.today
        """The day the indicators are computed at (tests fix it); its year is shown first."""
        self.year = self.today().year
        self.loaded: Loaded | None = None
        self.view: ChecklistView | None = None
        self._quick: ChecklistView | None = None
        self._indicators: dict[str, Indicator | None] | None = None
        self._current: str | None = None  # the code of the item shown
        self._record: str | None = None  # the register's record to show once the year is read
        self._stale = True
        self._loading = False
        self._updating = False
        self.model = ChecklistModel(self)
        self.templates = TemplateFiles(core, self, self.status_message.emit)
        self.item_panel = ItemPanel(core, history)
        self.item_panel.status_message.connect(self.status_message)
        self.open_panel = OpenPanel()
        self.open_panel.open_year.connect(self.open_year)
        self.register = RegisterTab(core, history)
        self.register.status_message.connect(self.status_message)
        self._build()
        core.data_changed.changed.connect(self._on_data_changed)

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        top = QHBoxLayout()
        self.year_label = QLabel("&Năm:")  # N: no menu's, nor another of the page's
        self.year_combo = QComboBox()
        self.year_label.setBuddy(self.year_combo)
        self.year_combo.addItem(str(self.year), self.year)
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        top.addWidget(self.year_label)
        top.addWidget(self.year_combo)
        top.addSpacing(12)
        self.template_label = SourceLabel()
        top.addWidget(self.template_label, 1)
        # Letters no menu (Alt+T, S, X, V, G), nor the year (N), nor anything of the checklist
        # (see .item_panel) or of the register (see .register) takes.
        self.import_button = QPushButton("Nhập &bộ tiêu chí…")
        self.import_button.setToolTip("Nhập bộ tiêu chí của tỉnh từ tệp JSON hoặc Excel")
        self.import_button.clicked.connect(self.templates.import_template)
        self.export_button = QPushButton("X&uất bộ tiêu chí…")
        self.export_button.setToolTip("Ghi bộ tiêu chí đang dùng ra tệp JSON")
        self.export_button.clicked.connect(self.export_template)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)

        self.summary = QLabel()
        self.verdict = QLabel()
        summary = QHBoxLayout()
        summary.setContentsMargins(4, 0, 8, 0)
        summary.addWidget(self.summary, 1)
        summary.addWidget(self.verdict)

        self.tree = ChecklistTree()
        self.tree.setModel(self.model)
        self.tree.setup_columns()
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.files_dropped.connect(self._files_dropped)
        self.tree.item_entered.connect(lambda _code: self.item_panel.focus_assessment())
        self.missing_title = QLabel()
        self.missing = QListWidget()
        self.missing.setWordWrap(True)
        self.missing.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.missing.setToolTip("Bấm vào một dòng để đến mục cần bổ sung")
        self.missing.itemClicked.connect(self._missing_chosen)
        self.missing.itemActivated.connect(self._missing_chosen)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        left_split = QSplitter(Qt.Orientation.Vertical)
        left_split.addWidget(self.tree)
        missing_box = QWidget()
        missing_layout = QVBoxLayout(missing_box)
        missing_layout.setContentsMargins(0, 4, 0, 0)
        missing_layout.addWidget(self.missing_title)
        missing_layout.addWidget(self.missing, 1)
        left_split.addWidget(missing_box)
        left_split.setStretchFactor(0, 3)
        left_split.setStretchFactor(1, 1)
        left_split.setChildrenCollapsible(False)
        column.addWidget(left_split)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(left)
        self.split.addWidget(self.item_panel)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.split.setChildrenCollapsible(False)
        self.split.setSizes([700, 500])
        left_split.setSizes([420, 130])

        checklist = QWidget()
        checklist_layout = QVBoxLayout(checklist)
        checklist_layout.setContentsMargins(0, 4, 0, 0)
        checklist_layout.addLayout(summary)
        checklist_layout.addWidget(self.split, 1)
        self.checklist_stack = QStackedWidget()
        self.checklist_stack.addWidget(self.open_panel)
        self.checklist_stack.addWidget(checklist)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.checklist_stack, "Bảng tự đánh giá")
        self.tabs.addTab(self.register, "Sổ tham mưu, phối hợp (tiêu chí 3)")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        # Ctrl+Tab / Ctrl+Shift+Tab from anywhere on the page (Qt's tabs take them only with the
        # keyboard inside them, not in the year box, where Ctrl+7 leaves it).
        for keys, step in (("Ctrl+Tab", 1), ("Ctrl+Shift+Tab", -1)):
            shortcut = QShortcut(QKeySequence(keys), self, lambda step=step: self.switch_tab(step))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def switch_tab(self, step: int) -> None:
        """Show the next (``step`` 1) or previous (-1) of the page's views, in one round: the
        checklist, then each section of the register (its tabs), then the checklist again."""
        register = self.register
        shown = 0 if self.tabs.currentWidget() is not register else 1 + register.currentIndex()
        chosen = (shown + step) % (1 + register.count())
        if chosen == 0:
            self.tabs.setCurrentWidget(self.checklist_stack)
        else:
            register.setCurrentIndex(chosen - 1)
            self.tabs.setCurrentWidget(register)

    # Reading ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_data_changed(self, changes: Changes) -> None:
        if not changes.touches(*CHECKLIST_TABLES):
            return
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read the year again on the worker; the indicators follow."""
        if self._loading:
            self._stale = True  # read again once the running read is shown
            return
        self._stale = False
        self._loading = True
        year, today = self.year, self.today()
        self.register.reading(year)  # its "Thêm…" waits for the year (the register's module)
        op = QueryOp(self, lambda ws: load(ws, year, today), self._core,
                     label="Đang đọc bảng tự đánh giá…")  # fmt: skip
        op.success(self._loaded).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._core.runner.show_error(exc, "Không đọc được bảng tự đánh giá", self)

    def _loaded(self, loaded: Loaded) -> None:
        self._loading = False
        if loaded.year != self.year:  # another year was chosen meanwhile
            self.refresh()
            return
        self.loaded = loaded
        self._set_years(loaded.years)
        self.register.set_register(loaded.year, loaded.register)
        if self._record is not None:
            self.register.show_record(self._record)
            self._record = None
        quick = loaded.view
        previous = self.view
        self._quick = quick
        if quick is None:
            self._indicators = None
            self._show(None)
            self.checklist_stack.setCurrentWidget(self.open_panel)
            self.open_panel.set_year(loaded.year, loaded.templates)
            self.template_label.set_full_text("Bộ tiêu chí: chưa chọn (năm chưa mở)")
        else:
            self.checklist_stack.setCurrentIndex(1)
            same = previous is not None and (previous.year, previous.template.text) == (
                quick.year, quick.template.text)  # fmt: skip
            # Until the new indicators come (a few milliseconds when nothing they read changed),
            # the last ones stay shown rather than flashing "Đang tính…".
            kept = self._indicators if same else None
            self._indicators = kept
            self._show(quick.with_indicators(kept) if kept is not None else quick)
            self._compute(quick)
        self.refreshed.emit()
        if self._stale and self.isVisible():
            self.refresh()

    def _compute(self, quick: ChecklistView) -> None:
        year, as_of = quick.year, quick.as_of

        def computed(indicators: dict[str, Indicator | None]) -> None:
            if self._quick is None or (self._quick.year, self._quick.as_of) != (year, as_of):
                return  # another year was read meanwhile
            self._indicators = indicators
            self._show(self._quick.with_indicators(indicators))
            self.computed.emit()

        op = QueryOp(self, lambda ws: ws.recognition.indicators(year, as_of), self._core,
                     label="Đang tính các chỉ số…")  # fmt: skip
        op.success(computed).failure(self._failed).run()

    def _set_years(self, years: list[int]) -> None:
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in sorted(set(years) | {self.year}, reverse=True):
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(self.year_combo.findData(self.year))
        self.year_combo.blockSignals(False)

    # Showing ------------------------------------------------------------------------------

    def _show(self, view: ChecklistView | None) -> None:
        self.view = view
        self._updating = True
        try:
            if self.model.set_view(view):
                self.tree.expandAll()
            if view is not None and self._current is None and view.items:
                self._current = view.items[0].item.code
            if self._current is not None:
                index = self.model.item_index(self._current)
                if index.isValid():
                    flags = QItemSelectionModel.SelectionFlag
                    self.tree.selectionModel().setCurrentIndex(
                        index, flags.ClearAndSelect | flags.Rows
                    )
                else:
                    self._current = None
        finally:
            self._updating = False
        self.item_panel.show_item(self.year, self._item(self._current))
        self._show_summary(view)

    def _item(self, code: str | None) -> ItemView | None:
        if code is None or self.view is None:
            return None
        return next((v for v in self.view.items if v.item.code == code), None)

    def _show_summary(self, view: ChecklistView | None) -> None:
        self.missing.clear()
        if view is None:
            self.summary.clear()
            self.verdict.clear()
            self.missing_title.clear()
            return
        template = view.template
        where = f" — {template.province}" if template.province else ""
        source = f" (nguồn: {template.source})" if template.source else ""
        self.template_label.set_full_text(f"Bộ tiêu chí: {template.name}{where}{source}")
        self.summary.setText(words.summary_text(view))
        missing = view.missing()
        if not view.computed:
            self.verdict.setText(f"<span style='color:{words.GREY}'>{words.PENDING}</span>")
        elif words.ready(view):
            self.verdict.setText(
                f"<b style='color:{words.GREEN}'>✓ Đủ điều kiện đề nghị công nhận</b>"
            )
        else:
            self.verdict.setText(f"<b style='color:{words.RED}'>Còn thiếu {len(missing)} việc</b>")
        pending = "" if view.computed else " — đang tính các chỉ số…"
        self.missing_title.setText(f"<b>Còn thiếu ({len(missing)})</b>{pending}")
        for line in missing:
            entry = QListWidgetItem(line.message)
            entry.setData(Qt.ItemDataRole.UserRole, line.code)
            entry.setForeground(QBrush(QColor(MISSING_COLOURS.get(line.kind, words.GREY))))
            self.missing.addItem(entry)

    # Choosing -----------------------------------------------------------------------------

    def open_item(self, year: int, code: str) -> None:
        """Show item ``code`` of ``year``: now if the year is shown, else once it is read; the
        keyboard on it in the tree (↓ the next item, Tab its self-assessment), wherever it was
        (a button of the dossier's check, hidden with its page)."""
        if year != self.year:
            self.set_year(year)  # reads the year (asking first to save what was typed)
        if self.view is not None and self.view.year == year:
            self.select_item(code)
        else:
            self._current = code  # shown once the year is read (:meth:`_show`)
        self.tabs.setCurrentIndex(0)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_checklist(self, year: int) -> None:
        """Show the self-assessment of ``year``, on its tab (a button of the dossier's check:
        the dossier's year, whichever the page showed)."""
        self.tabs.setCurrentIndex(0)
        if year != self.year:
            self.set_year(year)  # reads the year (asking first to save what was typed)

    def open_record(self, year: int, record_id: str) -> None:
        """Show the register's record ``record_id`` of ``year``: now if the year is shown,
        else once it is read."""
        self.tabs.setCurrentWidget(self.register)
        if year != self.year:
            self.set_year(year)
        if self.loaded is None or self.loaded.year != year or self._loading:
            self._record = record_id  # shown once the year is read (:meth:`_loaded`)
        else:
            self.register.show_record(record_id)

    def open_register(self, year: int, table: str) -> None:
        """Show the register of ``year`` on its records of ``table`` (advice, coordination),
        the keyboard on their "Thêm…" (a button of the dossier's check: the year has none)."""
        self.tabs.setCurrentWidget(self.register)
        if year != self.year:
            self.set_year(year)
        self.register.show_table(table)

    def select_item(self, code: str) -> None:
        """Show item ``code`` (in the tree and its panel)."""
        index = self.model.item_index(code)
        if not index.isValid():
            return
        self.tabs.setCurrentIndex(0)
        flags = QItemSelectionModel.SelectionFlag
        self.tree.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.tree.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._updating:
            return
        code = self.tree.code_at(current)
        if code is None or code == self._current:
            return
        self._leave_item()
        self._current = code
        self.item_panel.show_item(self.year, self._item(code))

    def unsaved_edits(self) -> str | None:
        """The checklist item whose text was typed and not saved (asked before the app closes)."""
        panel = self.item_panel
        if panel.view is None or not panel.is_modified:
            return None
        return f"nội dung mục {panel.view.item.code} năm {self.year}"

    def save_edits(self) -> None:
        self.item_panel.save()

    def _leave_item(self) -> None:
        """Before another item or year is shown: offer to save what was typed."""
        panel = self.item_panel
        if panel.view is None or not panel.is_modified:
            return
        code = panel.view.item.code
        if self._core.prompts.confirm(
            self, "Lưu nội dung?",
            f"Nội dung của mục {code} chưa được lưu. Lưu lại trước khi chuyển?",
            yes="Lưu", no="Bỏ thay đổi",
        ):  # fmt: skip
            panel.save()

    def _missing_chosen(self, entry: QListWidgetItem) -> None:
        code = entry.data(Qt.ItemDataRole.UserRole)
        if code:
            self.select_item(str(code))

    def _year_chosen(self, _row: int) -> None:
        year = self.year_combo.currentData()
        if year is None or year == self.year:
            return
        self._leave_item()
        self.year = int(year)
        self._current = None
        self.refresh()

    def set_year(self, year: int) -> None:
        """Show ``year`` (added to the choices if need be)."""
        if self.year_combo.findData(year) < 0:
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(self.year_combo.findData(year))

    # Actions ------------------------------------------------------------------------------

    def open_year(self, template_name: str) -> None:
        year = self.year

        def opened(template: Template) -> None:
            self.status_message.emit(
                f"Đã mở bảng tự đánh giá năm {year} theo bộ tiêu chí “{template.name}”."
            )

        op = CoreOp(self, lambda ws: ws.recognition.open(year, template_name), self._core)
        op.success(opened).failure(self._core.reporter(self, "Không mở được")).run()

    def _files_dropped(self, code: str, paths: list[Path]) -> None:
        year = self.year

        def attach(ws: Workspace, path: Path) -> object:
            return ws.recognition.attach(year, code, path)

        self.item_panel.files.attach(paths, attach)

    def export_template(self) -> None:
        template = self.view.template if self.view is not None else self.open_panel.chosen()
        self.templates.export_template(template)
