"""The import wizard: a roster file (Excel/CSV) → column mapping → preview → one-transaction import.

Four pages in a stack: 1. the file and its sheet; 2. which column of the file holds which field
(prefilled from the core's guess, correctable); 3. the preview of every row with what would
happen to it; 4. the result. Reading the file and writing the roster are operations on the
worker (:mod:`..shell.operations`); a file that cannot be read shows its Vietnamese message on
the first page and changes nothing. A file chosen is read once: the sheets offered are those its
preview read. Reading and checking the rows shows its progress (after half a second) with "Hủy",
which takes effect while the file is read: a cancelled read leaves the wizard on its step with
what it had before (the file, the sheet and the preview read last) and says "Đã hủy đọc tệp.".
Rejected rows are never written (the core skips them); when no row can be imported the wizard
says so and "Nhập" stays disabled.

The first page can save an example file in the layout the import reads best ("Tải mẫu danh
sách"). The preview marks the rows imported with a warning, shows the selected row's problems in
full under the table, and, like the result page, can save the rejected rows with their reasons
as an .xlsx in the file's own columns, to be fixed in Excel and imported again. Files are chosen
through :attr:`ImportWizard.ask_save_path` and opened through :attr:`ImportWizard.open_file`,
which tests replace. What the result page says is in :mod:`.import_result`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QKeyEvent
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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import AppError
from ...core.lang.text import vn_number
from ...core.roster.spreadsheets import (
    IMPORT_FIELDS,
    NEW,
    REJECTED,
    UPDATE,
    ImportPreview,
    ImportResult,
)
from ...core.roster.spreadsheets.groups import from_headings_text
from ...core.roster.spreadsheets.left_out import left_out_text
from ...core.workspace import Workspace
from ..common.folders import documents_folder, open_file, open_folder, open_or_say
from ..common.rejected_rows import (
    SAVE_REJECTED,
    SAVE_REJECTED_TIP,
    XLSX_FILTER,
    AskSavePath,
    chosen_path,
    save_rejected,
    with_xlsx,
)
from ..common.steps import EnterPresses, build_steps, focus_lost, is_enter
from ..shell.operations import READ_CANCELLED, Core, CoreOp, QueryOp
from ..shell.tasks import Report
from .import_mapping import NOT_IMPORTED, MappingTable
from .import_preview_table import (
    COLUMNS,
    WARNING_KIND,
    ImportPreviewModel,
    field_label,
    row_details,
    row_icon,
    skipped_text,
    summary_text,
)
from .import_result import rejected_hint_text, result_text

FILE_PAGE, MAPPING_PAGE, PREVIEW_PAGE, RESULT_PAGE = range(4)


@dataclass(frozen=True)
class ImportTarget:
    """What the wizard fills: the roster (:data:`MEMBERS`) or the youth register
    (:data:`YOUTH`). ``importer`` gives the core service (``sheets``, ``preview_import``,
    ``apply_import``, ``save_rejected``, ``write_sample``); ``fields`` its columns' labels;
    ``who``: the people in the texts ("đoàn viên", "thanh niên"); ``where``: the list they go
    into; ``extra_columns``: the preview table's two columns after the birth date;
    ``heading_field``: the field a group heading gives its rows (:mod:`...core.roster.
    spreadsheets.groups`), None when none."""

    importer: Callable[[Workspace], Any]
    fields: Mapping[str, str]
    who: str
    where: str
    sample_name: str
    extra_columns: tuple[tuple[str, str], tuple[str, str]]
    heading_field: str | None = "branch"

    def from_headings(self, preview: ImportPreview) -> str:
        """The line on the rows given the value of their group heading ("" when none)."""
        if self.heading_field is None:
            return ""
        what = field_label(self.heading_field, self.fields)
        return from_headings_text(preview.from_headings(self.heading_field), self.who, what)


MEMBERS = ImportTarget(
    lambda ws: ws.spreadsheets, IMPORT_FIELDS, "đoàn viên", "danh sách đoàn viên",
    "mau-danh-sach-doan-vien.xlsx", (("CCCD", "national_id"), ("Chi đoàn", "branch")),
)  # fmt: skip


def _youth_target() -> ImportTarget:
    from ...core.youth.sheet_rows import YOUTH_IMPORT_FIELDS

    return ImportTarget(
        lambda ws: ws.youth_import, YOUTH_IMPORT_FIELDS, "thanh niên", "sổ theo dõi thanh niên",
        "mau-danh-sach-thanh-nien.xlsx", (("Điện thoại", "phone"), ("Ấp/khu phố", "hamlet")),
        heading_field="hamlet",
    )  # fmt: skip


YOUTH = _youth_target()


def page_titles(target: ImportTarget) -> tuple[str, ...]:
    return (
        "Bước 1/3 — Chọn tệp danh sách",
        f"Bước 2/3 — Ghép cột của tệp với thông tin {target.who}",
        "Bước 3/3 — Xem trước và nhập",
        "Kết quả nhập",
    )


PAGE_TITLES = page_titles(MEMBERS)
# An .ods is shown too: the import refuses it with how to save it as .xlsx, where a chooser
# that hid it would leave a LibreOffice user thinking her file was lost.
FILE_FILTER = "Bảng tính (*.xlsx *.xls *.csv *.ods);;Tất cả tệp (*)"
ERROR_STYLE = "color: #b71c1c;"
NOTICE_STYLE = "background: #fff8e1; border: 1px solid #ffe082; padding: 6px;"
LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}
SAMPLE_NAME = MEMBERS.sample_name
DETAILS_HINT = "Bấm vào một dòng để xem đầy đủ các vấn đề của dòng đó."
DETAILS_STYLE = "background: #fafafa; border: 1px solid #d0d0d0; padding: 4px 6px;"
LEGEND_ICON = 16


class ImportWizard(QDialog):
    """Import members (or, with ``target`` :data:`YOUTH`, young people of the youth register)
    from a spreadsheet; ``result_`` holds the :class:`ImportResult` once done."""

    def __init__(
        self, core: Core, parent: QWidget | None = None, target: ImportTarget = MEMBERS
    ) -> None:
        super().__init__(parent)
        self._core = core
        self.target = target
        self.prompts = core.prompts
        self.path: Path | None = None
        self.preview: ImportPreview | None = None
        self.result_: ImportResult | None = None
        self.rejected_saved: Path | None = None
        self.ask_save_path: AskSavePath = partial(chosen_path, self)
        self.open_file: Callable[[Path], object] = open_file
        self.model = ImportPreviewModel(self, target.fields, target.extra_columns)
        self.setWindowTitle(f"Nhập danh sách {target.who} từ Excel")
        self.resize(1100, 640)
        self._build()
        EnterPresses(self)  # Enter on a button tabbed to presses it (common/steps.py)
        self._show_page(FILE_PAGE)

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.save_rejected_button = QPushButton(f"&{SAVE_REJECTED}")  # Alt+L
        self.save_rejected_button.setToolTip(SAVE_REJECTED_TIP)
        self.save_rejected_button.clicked.connect(self.save_rejected)
        steps = build_steps(
            self,
            (self._file_page, self._mapping_page, self._preview_page, self._result_page),
            "Nhập",
            back=self.back,
            next=self.next,
            act=self.apply,
            left=[self.save_rejected_button],
            closing="Đón&g",
        )
        self.steps = steps
        self.title, self.stack = steps.title, steps.stack
        self.back_button, self.next_button = steps.back, steps.next
        self.import_button, self.close_button = steps.action, steps.close

    def _file_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            f"Chọn tệp Excel (.xlsx, .xls) hoặc CSV có danh sách {self.target.who}. Dòng tiêu đề "
            "(“Họ và tên”, “Ngày sinh”…) được tự tìm trong 25 dòng đầu; các dòng tiêu đề của "
            "văn bản phía trên được bỏ qua. Chưa có gì được ghi cho đến khi bấm “Nhập”."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        sample_row = QHBoxLayout()
        self.sample_button = QPushButton("Tải &mẫu danh sách (.xlsx)…")
        self.sample_button.setAutoDefault(False)
        self.sample_button.clicked.connect(self.save_sample)
        sample_hint = QLabel(
            "Chưa có tệp? Tải tệp mẫu có sẵn các cột chương trình đọc tốt nhất, điền "
            f"{self.target.who} của đơn vị thay hai dòng ví dụ, lưu lại rồi chọn tệp đó ở đây."
        )
        sample_hint.setWordWrap(True)
        sample_row.addWidget(self.sample_button)
        sample_row.addWidget(sample_hint, 1)
        layout.addLayout(sample_row)
        form = QFormLayout()
        row = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        # No Tab stop (nothing to type there), but a click selects the path, to copy it.
        self.file_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.file_edit.setPlaceholderText("Chưa chọn tệp")
        self.browse_button = QPushButton("&Chọn tệp…")
        self.browse_button.clicked.connect(self.browse)
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        form.addRow("Tệp:", row)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setMinimumContentsLength(24)
        self.sheet_combo.setEnabled(False)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_chosen)
        self.sheet_label = QLabel("T&rang tính:")
        self.sheet_label.setBuddy(self.sheet_combo)
        self.sheet_label.setEnabled(False)  # greyed with its list, and its letter with it
        form.addRow(self.sheet_label, self.sheet_combo)
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
        self.mapping_table = MappingTable(fields=self.target.fields, who=self.target.who)
        self.mapping_table.changed.connect(self._mapping_changed)
        self.mapping_combos = self.mapping_table.combos
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
        self.problems_only = QCheckBox("Chỉ hiện dòng có &vấn đề")
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
        for i, (_title, width) in enumerate(COLUMNS[:-1]):  # the last one stretches
            self.table.setColumnWidth(i, width)
        self.table.selectionModel().selectionChanged.connect(self._row_selected)
        self.model.modelReset.connect(self._show_details)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._legend())
        self.details = QLabel(DETAILS_HINT)
        self.details.setWordWrap(True)
        self.details.setStyleSheet(DETAILS_STYLE)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setMinimumHeight(3 * self.fontMetrics().lineSpacing() + 12)
        layout.addWidget(self.details)
        self.nothing_label = QLabel()
        self.nothing_label.setWordWrap(True)
        self.nothing_label.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.nothing_label)
        return page

    def _legend(self) -> QHBoxLayout:
        """What the marks of the table mean (the icons are the table's own)."""
        legend = QHBoxLayout()
        for kind, text in (
            (WARNING_KIND, "Có cảnh báo: vẫn được nhập (trừ giá trị sai), hãy xem lại"),
            (REJECTED, "Bị loại: không được nhập"),
        ):
            icon = QLabel()
            icon.setPixmap(row_icon(kind).pixmap(LEGEND_ICON, LEGEND_ICON))
            legend.addWidget(icon)
            legend.addWidget(QLabel(text))
            legend.addSpacing(16)
        legend.addStretch(1)
        return legend

    def _result_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("font-size: 11pt;")
        layout.addWidget(self.result_label)
        self.rejected_hint = QLabel()
        self.rejected_hint.setWordWrap(True)
        self.rejected_hint.setStyleSheet(NOTICE_STYLE)
        layout.addWidget(self.rejected_hint)
        layout.addStretch(1)
        return page

    # Navigation ---------------------------------------------------------------------------

    @property
    def page(self) -> int:
        return self.stack.currentIndex()

    def _show_page(self, page: int) -> None:
        self.steps.show(page, page_titles(self.target)[page])
        has_preview = self.preview is not None
        clash = page == MAPPING_PAGE and bool(self.mapping_table.clashes())
        self.next_button.setEnabled(has_preview and not clash)
        self.import_button.setEnabled(page == PREVIEW_PAGE and self.importable() > 0)
        rejected = self.preview.count(REJECTED) if self.preview is not None else 0
        self.save_rejected_button.setVisible(page in (PREVIEW_PAGE, RESULT_PAGE) and rejected > 0)
        if focus_lost(self, self.stack, self.close_button if page != RESULT_PAGE else None):
            self._first_focus(page).setFocus()

    def _first_focus(self, page: int) -> QWidget:
        """The step's first thing to do, for a focus left on nothing or on "Hủy" ("Tiếp >"
        pressed from the keyboard hands it there as it hides itself on the preview, and
        "Nhập" as it is disabled while importing): on the preview, the rows to check."""
        if page == MAPPING_PAGE:
            return next(iter(self.mapping_combos.values()))
        if page == PREVIEW_PAGE:
            return self.table
        if page == RESULT_PAGE:
            return self.close_button
        return self.browse_button

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter in a field (on a button it presses the button: :class:`EnterPresses`) goes on
        to the next step from the first two, and does nothing on the preview: only "Nhập"
        imports. No default button: Enter on "< Quay lại" went forward, and on the preview
        (in its table, on its check box) imported."""
        if not is_enter(event):
            super().keyPressEvent(event)
        elif self.page in (FILE_PAGE, MAPPING_PAGE) and self.next_button.isEnabled():
            self.next()

    def back(self) -> None:
        if self.page in (MAPPING_PAGE, PREVIEW_PAGE):
            self._show_page(self.page - 1)

    def next(self) -> None:
        if self.preview is None:
            return
        if self.page == FILE_PAGE:
            self._show_page(MAPPING_PAGE)
        elif self.page == MAPPING_PAGE:
            if self.mapping_table.clashes():  # the message is on the page already
                return
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
        start = str(self.path.parent if self.path else open_folder())  # a stick, Documents
        name, _selected = QFileDialog.getOpenFileName(
            self, f"Chọn tệp danh sách {self.target.who}", start, FILE_FILTER
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

        def job(ws: Workspace, report: Report) -> ImportPreview:
            importer = self.target.importer(ws)
            return importer.preview_import(path, sheet, mapping, report=report)

        def done(preview: ImportPreview) -> None:
            # a new file's sheets are those the preview read (one reading of the file)
            self._set_preview(preview, preview.sheets if with_sheets else None)
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
        op = QueryOp(self, job, self._core, label="Đang đọc tệp…", reporting=True)
        op.success(done).failure(failed).cancelled(self._read_cancelled).run()

    def _read_cancelled(self) -> None:
        """After "Hủy" while reading: back to what the wizard had (the last file and sheet read, or
        none), on the same step, saying so."""
        preview = self.preview
        self.path = preview.path if preview is not None else None
        self.file_edit.setText(str(self.path) if self.path is not None else "")
        if preview is not None:
            names = [self.sheet_combo.itemText(i) for i in range(self.sheet_combo.count())]
            self._fill_sheets(names, preview.sheet)
        else:  # nothing was read: no sheets to choose from
            self._fill_sheets([], None)
            self.file_info.clear()
        label = self.mapping_error if self.page == MAPPING_PAGE else self.file_error
        label.setText(READ_CANCELLED)
        self._show_page(self.page)

    def _fill_sheets(self, names: list[str], current: str | None) -> None:
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(names)
        if current is not None:
            self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findText(current), 0))
        self.sheet_combo.setEnabled(len(names) > 1)
        self.sheet_label.setEnabled(len(names) > 1)
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
            f"{vn_number(len(preview.rows))} dòng dữ liệu."
        )
        self._fill_mapping(preview)
        self.model.set_preview(preview)
        self._fill_preview_texts(preview)
        self._show_page(self.page)

    # Step 2: the columns ------------------------------------------------------------------

    def _fill_mapping(self, preview: ImportPreview) -> None:
        csv = preview.path.suffix.lower() == ".csv"  # a CSV has no sheets: the file is said
        where = f"tệp “{preview.path.name}”" if csv else f"trang tính “{preview.sheet}”"
        self.mapping_info.setText(
            f"Dòng tiêu đề: dòng {preview.header_row} của {where}. Kiểm "
            "tra từng thông tin lấy từ cột nào; sửa nếu chương trình đoán sai, hoặc chọn "
            f"“{NOT_IMPORTED}”. Bấm “Tiếp” để xem trước với cách ghép mới."
        )
        self.mapping_table.fill(preview.headers, preview.mapping)
        self._mapping_changed()

    def chosen_mapping(self) -> dict[str, int]:
        """Field → 0-based column, as the combos of the mapping page say."""
        return self.mapping_table.chosen()

    def set_mapping(self, name: str, column: int | None) -> None:
        """Choose the column of ``name`` (None: not imported), as the user would."""
        self.mapping_table.set_column(name, column)

    def _mapping_changed(self) -> None:
        """A column chosen for two fields is shown and keeps "Tiếp" disabled (see
        :mod:`.import_mapping`); the message of a file that could not be read goes."""
        self.mapping_error.setText(self.mapping_table.clash_text())
        if self.page == MAPPING_PAGE:
            self._show_page(MAPPING_PAGE)

    # Step 3: the preview ------------------------------------------------------------------

    def _fill_preview_texts(self, preview: ImportPreview) -> None:
        self.summary.setText(summary_text(preview))
        notices = []
        if preview.legacy_cells:
            cells = sum(preview.legacy_cells.values())
            fonts = ", ".join(LEGACY_NAMES.get(k, k) for k in sorted(preview.legacy_cells))
            notices.append(
                f"Tệp gõ bằng phông chữ cũ ({fonts}): {vn_number(cells)} ô đã được chuyển sang "
                "Unicode. Hãy kiểm tra lại họ tên trong bảng dưới đây."
            )
        if preview.skipped:
            notices.append(skipped_text(preview.skipped, self.target.who))
        from_headings = self.target.from_headings(preview)
        if from_headings:
            notices.append(from_headings)
        notices.extend(preview.warnings)
        if preview.new_branches:
            notices.append(f"Sẽ tạo chi đoàn mới: {', '.join(preview.new_branches)}.")
        self.notice.setText("\n".join(notices))
        self.notice.setVisible(bool(notices))
        rejected = preview.count(REJECTED)
        self.nothing_label.setStyleSheet(ERROR_STYLE)
        if self.importable() == 0 and not rejected and preview.rows:  # nothing wrong: all there
            self.nothing_label.setStyleSheet("")
            self.nothing_label.setText(
                f"Cả {vn_number(len(preview.rows))} {self.target.who} của tệp đã có trong "
                f"{self.target.where}, không có gì thay đổi: không cần nhập."
            )
        elif self.importable() == 0:
            self.nothing_label.setText(
                "Không có dòng nào để nhập: mọi dòng đều bị loại hoặc không thay đổi gì. "
                "Hãy sửa tệp (hoặc cách ghép cột) rồi thử lại."
            )
        elif rejected:
            self.nothing_label.setText(
                "Các dòng “Bị loại” sẽ không được nhập; các dòng còn lại được nhập cùng lúc."
            )
        else:
            self.nothing_label.clear()

    def _row_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_details()

    def _show_details(self) -> None:
        """The selected row's problems in full under the table (the hint when none is)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.details.setText(DETAILS_HINT)
            return
        row = self.model.import_row(rows[0].row())
        self.details.setText(row_details(row, self.target.fields, self.target.heading_field))

    def select_row(self, row: int) -> None:
        """Select the table's ``row`` (of the rows shown), as a click does."""
        self.table.selectRow(row)

    # Files of examples and of rejected rows ----------------------------------------------

    def save_sample(self) -> None:
        """Write the example roster where the user chooses, then offer to open it."""
        path = self.ask_save_path(
            f"Lưu tệp mẫu danh sách {self.target.who}",
            str(documents_folder() / self.target.sample_name),
            XLSX_FILTER,
        )
        if path is None:
            return
        path = with_xlsx(path)

        def saved(_none: None) -> None:
            text = (
                f"Đã lưu tệp mẫu:\n{path}\n\nMở tệp bằng Excel, thay hai dòng ví dụ bằng "
                f"{self.target.who} của đơn vị, lưu lại rồi chọn tệp đó ở bước này.\n\n"
                "Mở tệp mẫu ngay?"
            )
            if self.prompts.confirm(self, "Tệp mẫu", text):
                open_or_say(self, self.prompts, path, self.open_file)

        op = QueryOp(self, lambda ws: self.target.importer(ws).write_sample(path), self._core,
                     label="Đang lưu tệp mẫu…")  # fmt: skip
        op.success(saved).failure(self._core.reporter(self, "Không lưu được tệp mẫu")).run()

    def save_rejected(self) -> None:
        """Write the rejected rows with their reasons where the user chooses (beside the
        imported file by default), then offer to open the file (:mod:`..common.rejected_rows`,
        as the rating sheet's import does)."""
        preview = self.preview
        if preview is None or not preview.count(REJECTED):
            return
        imported = self.result_ is not None  # the reasons say what became of repeated rows

        def write(ws: Workspace, path: Path) -> int:
            return self.target.importer(ws).save_rejected(preview, path, imported=imported)

        def saved(path: Path) -> None:
            self.rejected_saved = path
            self._show_rejected_hint()

        save_rejected(self, self._core, preview.path, write, ask=self.ask_save_path,
                      open_file=self.open_file, empty="danh-sach", saved=saved)  # fmt: skip

    # Step 4: import -----------------------------------------------------------------------

    def apply(self) -> None:
        preview = self.preview
        if preview is None or self.importable() == 0:
            return
        self.import_button.setEnabled(False)
        label = f"Đang nhập {vn_number(self.importable())} {self.target.who}…"
        op = CoreOp(self, lambda ws: self.target.importer(ws).apply_import(preview), self._core,
                    label=label)  # fmt: skip
        op.success(self._applied).failure(self._apply_failed).run()

    def _apply_failed(self, exc: BaseException) -> None:
        self._core.runner.show_error(exc, "Không nhập được", self)
        self._show_page(PREVIEW_PAGE)

    def _applied(self, result: ImportResult) -> None:
        self.result_ = result
        preview = self.preview
        skipped = preview.skipped if preview is not None else []
        headed = self.target.from_headings(preview) if preview is not None else ""
        dropped = left_out_text(preview, self.target.fields) if preview is not None else ""
        self.result_label.setText(result_text(result, self.target, skipped, headed, dropped))
        self._show_rejected_hint()
        self._show_page(RESULT_PAGE)

    def _show_rejected_hint(self) -> None:
        """The result page's word on the rejected rows: how to save them, or where they were
        saved."""
        result = self.result_
        if result is None:
            return
        self.rejected_hint.setText(rejected_hint_text(result.rejected, self.rejected_saved))
        self.rejected_hint.setVisible(result.rejected > 0)
