"""Criteria templates in and out: "Nhập bộ tiêu chí…" reads a JSON file or an Excel sheet, shows
what it holds (name, source, province, the criteria and items, points, indicators) and keeps
it only when the user says so; a file with a problem is refused with the reader's message and
nothing is kept. "Xuất bộ tiêu chí…" writes a template's JSON, for a superior body to hand its
own to every organisation on a USB stick."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...core.lang.filenames import offered_name
from ...core.lang.text import fold, slug
from ...core.recognition.template import INDICATORS, Template
from ...core.workspace import Workspace
from ..common.fields import WrappedLabel
from ..common.folders import documents_folder, open_folder
from ..shell.operations import Core, CoreOp, QueryOp
from . import words
from .open_panel import describe

IMPORT_FILTERS = "Bộ tiêu chí (*.json *.xlsx *.xls);;Tất cả các tệp (*)"
PREVIEW_HEADERS = ("Nội dung", "Điểm", "Chỉ số ứng dụng tính", "Minh chứng cần có")


def preview_model(template: Template) -> QStandardItemModel:
    """The template's criteria and items as a read-only tree."""
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels(list(PREVIEW_HEADERS))
    for criterion in template.criteria:
        head = QStandardItem(f"Tiêu chí {criterion.code}. {criterion.title}")
        font = head.font()
        font.setBold(True)
        head.setFont(font)
        head.setToolTip(head.text())
        total = sum(item.points or 0 for item in criterion.items)
        points = QStandardItem(words.number(total) if template.has_points else "")
        points.setFont(font)
        row = [head, points] + [QStandardItem("") for _ in PREVIEW_HEADERS[2:]]
        for item in criterion.items:
            indicator = INDICATORS.get(item.indicator or "", "")
            if indicator and item.threshold is not None:
                indicator += f" (ngưỡng {words.number(item.threshold)})"
            cells = (
                f"{item.code}  {item.text}",
                "" if item.points is None else words.number(item.points),
                indicator,
                "; ".join(item.evidence),
            )
            line = [QStandardItem(text) for text in cells]
            for cell in line:
                cell.setToolTip(cell.text())
            head.appendRow(line)
        model.appendRow(row)
    return model


class TemplatePreview(QDialog):
    """What an imported template holds, before it is kept ("Nhập bộ tiêu chí")."""

    def __init__(
        self, template: Template, existing: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.template = template
        self.setWindowTitle("Xem trước bộ tiêu chí")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLabel(f"<b>{escape(template.name)}</b>")  # the file's words, not markup
        # What the file holds, read and not typed: the rows' labels lead to no field (a label
        # made by addRow(text, …) would have its field as its buddy, to take a letter).
        form.addRow(QLabel("Tên:"), self.name)
        form.addRow(QLabel("Nguồn:"), WrappedLabel(template.source or "không ghi"))
        form.addRow(QLabel("Tỉnh/thành:"), QLabel(template.province or "không ghi (dùng chung)"))
        form.addRow(QLabel("Gồm:"), QLabel(describe(template)))
        layout.addLayout(form)
        self.replaces = WrappedLabel(
            "Đã có bộ tiêu chí cùng tên: bộ mới sẽ thay thế bộ cũ. Các năm đã mở vẫn giữ bộ tiêu "
            "chí của mình."
        )
        self.replaces.setStyleSheet(f"color: {words.ORANGE};")
        self.replaces.setVisible(fold(template.name) in {fold(n) for n in existing})
        layout.addWidget(self.replaces)
        self.tree = QTreeView()
        self.tree.setModel(preview_model(template))
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.expandAll()
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 50), (2, 200), (3, 200)):
            self.tree.setColumnWidth(column, width)
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(
            "&Nhập bộ tiêu chí", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton("&Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(980, 560)


class TemplateFiles:
    """The import and export of templates for one page (``status`` reports what was done)."""

    def __init__(self, core: Core, parent: QWidget, say: Callable[[str], object]) -> None:
        self._core = core
        self._parent = parent
        self._say = say

    def ask_open_path(self) -> Path | None:
        """The file the user picks (None when cancelled); tests replace this."""
        name, _ = QFileDialog.getOpenFileName(
            self._parent, "Nhập bộ tiêu chí", str(open_folder()), IMPORT_FILTERS
        )
        return Path(name) if name else None

    def ask_save_path(self, suggested: str) -> Path | None:
        """The file the user chooses to write (None when cancelled); tests replace this."""
        name, _ = QFileDialog.getSaveFileName(
            self._parent, "Xuất bộ tiêu chí", str(documents_folder() / suggested), "JSON (*.json)"
        )
        return Path(name) if name else None

    def import_template(self) -> None:
        path = self.ask_open_path()
        if path is None:
            return
        from ...core.recognition.template_sheet import read_template

        def read(ws: Workspace) -> tuple[Template, list[str]]:
            return read_template(path), [t.name for t in ws.recognition.templates()]

        op = QueryOp(self._parent, read, self._core, label="Đang đọc bộ tiêu chí…")
        op.success(self._preview).failure(
            self._core.reporter(self._parent, "Không nhập được bộ tiêu chí")
        ).run()

    def _preview(self, result: tuple[Template, list[str]]) -> None:
        template, existing = result
        dialog = TemplatePreview(template, existing, self._parent)
        accepted = self._core.prompts.run(dialog)
        dialog.deleteLater()
        if not accepted:
            return

        def kept(_none: object) -> None:
            self._say(f"Đã nhập bộ tiêu chí “{template.name}” ({len(template.items)} mục).")

        op = CoreOp(self._parent, lambda ws: ws.recognition.add_template(template), self._core)
        op.success(kept).failure(
            self._core.reporter(self._parent, "Không nhập được bộ tiêu chí")
        ).run()

    def export_template(self, template: Template | None) -> None:
        if template is None:
            return
        path = self.ask_save_path(offered_name(f"{slug(template.name, 'bo-tieu-chi')}.json"))
        if path is None:
            return
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        written = path

        def write(_ws: Workspace) -> None:
            from ...core.storage.files import written_atomically

            with written_atomically(written) as temp:  # an OSError comes back as an AppError
                temp.write_text(template.text, encoding="utf-8")

        def done(_none: object) -> None:
            self._say(f"Đã xuất bộ tiêu chí “{template.name}” ra tệp {written.name}.")

        op = QueryOp(self._parent, write, self._core, label="Đang xuất bộ tiêu chí…")
        op.success(done).failure(self._core.reporter(self._parent, "Không xuất được")).run()
