"""The import wizard: a roster file (Excel/CSV) → column mapping → preview → one-transaction import.

Four pages in a stack: 1. the file and its sheet; 2. which column of the file holds which field
(prefilled from the core's guess, correctable); 3. the preview of every row with what would
happen to it; 4. the result. Reading the file and writing the roster are operations on the
worker (:mod:`..shell.operations`); a file that cannot be read shows its Vietnamese message on
the first page and changes nothing. Rejected rows are never written (the core skips them); when
no row can be imported the wizard says so and "Nhập" stays disabled.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import AppError
from ...core.roster.spreadsheets import (
    IMPORT_FIELDS,
    NEW,
    UPDATE,
    ImportPreview,
    ImportResult,
    column_letter,
)
from ...core.workspace import Workspace
from ..shell.operations import Core, CoreOp, QueryOp
from .import_preview_table import COLUMNS, ImportPreviewModel, summary_text

FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE, RESULT_PAGE = range(4)
PAGE_TITLES = (
    "Bước 1/3 — Chọn tệp danh sách",
    "Bước 2/3 — Ghép cột của tệp với thông tin đoàn viên",
    "Bước 3/3 — Xem trước và nhập",
    "Kết quả nhập",
)
FILE_FILTER = "Bảng tính (*.xlsx *.xls *.csv);;Tất cả tệp (*)"
NOT_IMPORTED = "— không nhập —"
ERROR_STYLE = "color: #b71c1c;"
NOTICE_STYLE = "background: #fff8e1; border: 1px solid #ffe082; padding: 6px;"
LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}


class ImportWizard(QDialog):
    """Import members from a spreadsheet; ``result`` holds the :class:`ImportResult` once done."""

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self.prompts = core.prompts
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.result_: ImportResult | None = None
        self.model = ImportPreviewModel(self)
        self.setWindowTitle("Nhập danh sách đoàn viên từ Excel")
        self.resize(1100, 640)
        self._build()
        self._show_page(FILE_PAGE)

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 12pt; font-weight: bold;")
        layout.addWidget(self.title)
        self.stack = QStackedWidget()
        for build in (self._file_page, self._mapping_page, self._preview_page, self._result_page):
            self.stack.addWidget(build())
        layout.addWidget(self.stack, 1)
        buttons = QHBoxLayout()
        self.back_button = QPushButton("< Quay lại")
        self.next_button = QPushButton("Tiếp >")
        self.import_button = QPushButton("Nhập")
        self.close_button = QPushButton("Hủy")
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.import_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.reject)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.import_button, self.close_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def _file_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            "Chọn tệp Excel (.xlsx, .xls) hoặc CSV có danh sách đoàn viên. Dòng tiêu đề "
            "(“Họ và tên”, “Ngày sinh”…) được tự tìm trong 25 dòng đầu; các dòng tiêu đề của "
            "văn bản phía trên được bỏ qua. Chưa có gì được ghi cho đến khi bấm “Nhập”."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        row = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText("Chưa chọn tệp")
        self.browse_button = QPushButton("Chọn tệp…")
        self.browse_button.clicked.connect(self.browse)
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        form.addRow("Tệp:", row)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setMinimumContentsLength(24)
        self.sheet_combo.setEnabled(False)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_chosen)
        form.addRow("Trang tính:", self.sheet_combo)
        layout.addLayout(form)
        self.file_info = QLabel()
        self.file_info.setWordWrap(True)
        layout.addWidget(self.file_info)
        self.file_error = QLabel()
        self.file_error.setWordWrap(True)
        self.file_error.setStyleSheet(ERROR_STYLE)
        self.file_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.file_error)
        layout.addStretch(1)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.mapping_info = QLabel()
        self.mapping_info.setWordWrap(True)
        layout.addWidget(self.mapping_info)
        self.mapping_table = QTableWidget(len(IMPORT_FIELDS), 2)
        self.mapping_table.setHorizontalHeaderLabels(["Thông tin đoàn viên", "Lấy từ cột của tệp"])
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_combos: dict[str, QComboBox] = {}
        for i, (name, label) in enumerate(IMPORT_FIELDS.items()):
            self.mapping_table.setCellWidget(i, 0, QLabel(f"  {label}"))
            combo = QComboBox()
            self.mapping_combos[name] = combo
            self.mapping_table.setCellWidget(i, 1, combo)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.mapping_table.setColumnWidth(0, 260)
        self.mapping_table.setColumnWidth(1, 420)  # a full-width combo reads as one bar
        self.mapping_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        layout.addWidget(self.mapping_table, 1)
        self.mapping_error = QLabel()
        self.mapping_error.setWordWrap(True)
        self.mapping_error.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.mapping_error)
        return page

    def _preview_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setStyleSheet("font-weight: bold;")
        top.addWidget(self.summary, 1)
        self.problems_only = QCheckBox("Chỉ hiện dòng có vấn đề")
        self.problems_only.toggled.connect(self.model.set_problems_only)
        top.addWidget(self.problems_only)
        layout.addLayout(top)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(NOTICE_STYLE)
        layout.addWidget(self.notice)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, (_title, width) in enumerate(COLUMNS):
            self.table.setColumnWidth(i, width)
        layout.addWidget(self.table, 1)
        self.nothing_label = QLabel()
        self.nothing_label.setWordWrap(True)
        self.nothing_label.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.nothing_label)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("font-size: 11pt;")
        layout.addWidget(self.result_label)
        layout.addStretch(1)
        return page

    # Navigation ---------------------------------------------------------------------------

    @property
    def page(self) -> int:
        return self.stack.currentIndex()

    def _show_page(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        self.title.setText(PAGE_TITLES[page])
        has_preview = self.preview is not None
        self.back_button.setVisible(page in (MAPPING_PAGE, PREVIEW_PAGE))
        self.next_button.setVisible(page in (FILE_PAGE, MAPPING_PAGE))
        self.next_button.setEnabled(has_preview)
        self.import_button.setVisible(page == PREVIEW_PAGE)
        self.import_button.setEnabled(page == PREVIEW_PAGE and self.importable() > 0)
        self.close_button.setText("Đóng" if page == RESULT_PAGE else "Hủy")
        if page == PREVIEW_PAGE:
            self.import_button.setDefault(True)
        elif page != RESULT_PAGE:
            self.next_button.setDefault(True)

    def back(self) -> None:
        if self.page in (MAPPING_PAGE, PREVIEW_PAGE):
            self._show_page(self.page - 1)

    def next(self) -> None:
        if self.preview is None:
            return
        if self.page == FILE_PAGE:
            self._show_page(MAPPING_PAGE)
        elif self.page == MAPPING_PAGE:
            mapping = self.chosen_mapping()
            if mapping == self.preview.mapping:
                self._show_page(PREVIEW_PAGE)
            else:
                self._read(self.preview.sheet, mapping, then=PREVIEW_PAGE)

    def importable(self) -> int:
        if self.preview is None:
            return 0
        return self.preview.count(NEW) + self.preview.count(UPDATE)

    # Step 1: the file ---------------------------------------------------------------------

    def browse(self) -> None:
        start = str(self.path.parent) if self.path else str(Path.home())
        name, _selected = QFileDialog.getOpenFileName(
            self, "Chọn tệp danh sách đoàn viên", start, FILE_FILTER
        )
        if name:
            self.set_file(Path(name))

    def set_file(self, path: Path) -> None:
        """Read ``path``: its sheets and the preview of the first sheet with a header."""
        self.path = Path(path)
        self.file_edit.setText(str(self.path))
        self._read(None, None, then=None, with_sheets=True)

    def _sheet_chosen(self, index: int) -> None:
        if index < 0 or self.path is None:
            return
        sheet = self.sheet_combo.itemText(index)
        if self.preview is not None and sheet == self.preview.sheet:
            return
        self._read(sheet, None, then=None)

    def _read(self, sheet: str | None, mapping: dict[str, int] | None, *, then: int | None,
              with_sheets: bool = False) -> None:  # fmt: skip
        path = self.path
        assert path is not None

        def job(ws: Workspace) -> tuple[list[str] | None, ImportPreview]:
            spreadsheets = ws.spreadsheets
            names = spreadsheets.sheets(path) if with_sheets else None
            return names, spreadsheets.preview_import(path, sheet, mapping)

        def done(value: tuple[list[str] | None, ImportPreview]) -> None:
            names, preview = value
            self._set_preview(preview, names)
            if then is not None:
                self._show_page(then)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, AppError):
                self._core.runner.show_error(exc, parent=self)
                return
            if self.page == MAPPING_PAGE:
                self.mapping_error.setText(exc.message)
                return
            self.preview = None
            self.model.set_preview(None)
            if with_sheets:
                self._fill_sheets([], None)
            self.file_info.clear()
            self.file_error.setText(exc.message)
            self._show_page(FILE_PAGE)

        self.file_error.clear()
        self.mapping_error.clear()
        QueryOp(self, job, self._core, label="Đang đọc tệp…").success(done).failure(failed).run()

    def _fill_sheets(self, names: list[str], current: str | None) -> None:
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(names)
        if current is not None:
            self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findText(current), 0))
        self.sheet_combo.setEnabled(len(names) > 1)
        self.sheet_combo.blockSignals(False)

    def _set_preview(self, preview: ImportPreview, sheets: list[str] | None) -> None:
        self.preview = preview
        if sheets is not None:
            self._fill_sheets(sheets, preview.sheet)
        else:
            names = [self.sheet_combo.itemText(i) for i in range(self.sheet_combo.count())]
            self._fill_sheets(names, preview.sheet)
        self.file_info.setText(
            f"Trang tính “{preview.sheet}”: dòng tiêu đề là dòng {preview.header_row}, "
            f"{len(preview.rows)} dòng dữ liệu."
        )
        self._fill_mapping(preview)
        self.model.set_preview(preview)
        self._fill_preview_texts(preview)
        self._show_page(self.page)

    # Step 2: the columns ------------------------------------------------------------------

    def _fill_mapping(self, preview: ImportPreview) -> None:
        self.mapping_info.setText(
            f"Dòng tiêu đề: dòng {preview.header_row} của trang tính “{preview.sheet}”. Kiểm "
            "tra từng thông tin lấy từ cột nào; sửa nếu chương trình đoán sai, hoặc chọn "
            f"“{NOT_IMPORTED}”. Bấm “Tiếp” để xem trước với cách ghép mới."
        )
        items = [(NOT_IMPORTED, -1)] + [
            (f"Cột {column_letter(i)}: {header.strip() or '(không tiêu đề)'}", i)
            for i, header in enumerate(preview.headers)
        ]
        for name, combo in self.mapping_combos.items():
            combo.blockSignals(True)
            combo.clear()
            for text, column in items:
                combo.addItem(text, column)
            combo.setCurrentIndex(max(combo.findData(preview.mapping.get(name, -1)), 0))
            combo.blockSignals(False)

    def chosen_mapping(self) -> dict[str, int]:
        """Field → 0-based column, as the combos of the mapping page say."""
        mapping = {}
        for name, combo in self.mapping_combos.items():
            column = combo.currentData()
            if isinstance(column, int) and column >= 0:
                mapping[name] = column
        return mapping

    def set_mapping(self, name: str, column: int | None) -> None:
        """Choose the column of ``name`` (None: not imported), as the user would."""
        combo = self.mapping_combos[name]
        combo.setCurrentIndex(max(combo.findData(-1 if column is None else column), 0))

    # Step 3: the preview ------------------------------------------------------------------

    def _fill_preview_texts(self, preview: ImportPreview) -> None:
        self.summary.setText(summary_text(preview))
        notices = []
        if preview.legacy_cells:
            cells = sum(preview.legacy_cells.values())
            fonts = ", ".join(LEGACY_NAMES.get(k, k) for k in sorted(preview.legacy_cells))
            notices.append(
                f"Tệp gõ bằng phông chữ cũ ({fonts}): {cells} ô đã được chuyển sang Unicode. "
                "Hãy kiểm tra lại họ tên trong bảng dưới đây."
            )
        if preview.skipped:
            rows = ", ".join(str(number) for number, _reason in preview.skipped[:10])
            notices.append(f"Bỏ qua {len(preview.skipped)} dòng không phải đoàn viên "
                           f"(tổng cộng, chữ ký…): dòng {rows}.")  # fmt: skip
        notices.extend(preview.warnings)
        if preview.new_branches:
            notices.append(f"Sẽ tạo chi đoàn mới: {', '.join(preview.new_branches)}.")
        self.notice.setText("\n".join(notices))
        self.notice.setVisible(bool(notices))
        if self.importable() == 0:
            self.nothing_label.setText(
                "Không có dòng nào để nhập: mọi dòng đều bị loại hoặc không thay đổi gì. "
                "Hãy sửa tệp (hoặc cách ghép cột) rồi thử lại."
            )
        elif preview.count("rejected"):
            self.nothing_label.setText(
                "Các dòng “Bị loại” sẽ không được nhập; các dòng còn lại được nhập cùng lúc."
            )
        else:
            self.nothing_label.clear()

    # Step 4: import -----------------------------------------------------------------------

    def apply(self) -> None:
        preview = self.preview
        if preview is None or self.importable() == 0:
            return
        self.import_button.setEnabled(False)
        op = CoreOp(self, lambda ws: ws.spreadsheets.apply_import(preview), self._core,
                    label=f"Đang nhập {self.importable()} đoàn viên…")  # fmt: skip
        op.success(self._applied).failure(self._apply_failed).run()

    def _apply_failed(self, exc: BaseException) -> None:
        self._core.runner.show_error(exc, "Không nhập được", self)
        self._show_page(PREVIEW_PAGE)

    def _applied(self, result: ImportResult) -> None:
        self.result_ = result
        self.result_label.setText(result_text(result))
        self._show_page(RESULT_PAGE)


def result_text(result: ImportResult) -> str:
    lines = [
        "Đã nhập xong.",
        f"• Thêm mới: {result.created} đoàn viên",
        f"• Cập nhật: {result.updated} đoàn viên",
        f"• Không đổi: {result.unchanged}",
        f"• Bị loại (không nhập): {result.rejected}",
    ]
    if result.branches_created:
        lines.append(f"• Chi đoàn mới được tạo: {', '.join(result.branches_created)}")
    lines.append("\nCó thể xem và sửa các đoàn viên vừa nhập trong danh sách đoàn viên.")
    return "\n".join(lines)
