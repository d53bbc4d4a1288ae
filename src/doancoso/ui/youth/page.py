"""The local youth register ("Thanh niên"): search, filters, the table, add/edit/delete, admit
into the union, import (the roster's import wizard), export and print.

Every core call of this page goes through this module (and the table model it owns). Writes,
the export and the printed list are operations on the worker (:mod:`..shell.operations`), as on
the roster; the page refreshes itself when the app's data-changed signal says the register or
the members changed (a follow-up member renamed or deleted), whoever changed them. Deletions
and saved edits go onto the undo history (:mod:`..shell.undo`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import Changes
from ...core.errors import AppError
from ...core.lang.text import slug, vn_number
from ...core.workspace import Workspace
from ...core.youth.export import TITLE, list_title
from ...core.youth.service import AddedYouth, YouthFilter
from ..common.adding import show_added
from ..common.combo_search import toneless_search
from ..common.document_dialog import DocumentKind, ask_document_details, remember_document
from ..common.folders import documents_folder, open_file, open_or_say
from ..common.latest_read import LatestRead
from ..common.list_page import (
    NAMES_IN_CONFIRMATION,
    READ_ONLY_TIP,
    ListPage,
    delete_question,
    table_keys,
)
from ..common.opening import OpenAfterRead
from ..roster.files import EXPORT_FILTERS
from ..shell.operations import Core, QueryOp
from ..shell.undo import SoftDeleting, UndoHistory
from .admit_dialog import AdmitDialog
from .form import Change, OpenedYouth, YouthFormDialog, read_youth
from .table import (
    COL_ETHNICITY,
    COL_RELIGION,
    COL_STT,
    COLUMNS,
    SORTABLE,
    YouthTableModel,
    hidden_columns,
    lent_widths,
)

YOUTH_LIST = DocumentKind("DS", "In danh sách thanh niên")
EMPTY_HINT = (
    "Sổ theo dõi chưa có thanh niên nào. Bấm “Thêm” để ghi từng người, hoặc “Nhập Excel…” "
    "(Ctrl+I) để nhập danh sách thanh niên của các ấp/khu phố."
)


def list_name(flt: YouthFilter) -> str:
    """The list ``flt`` shows, as the print dialog names it: "danh sách thanh niên có hoàn cảnh
    khó khăn – Ấp Tân Hưng" (its title, :func:`~...core.youth.export.list_title`, and hamlet)."""
    name = list_title(flt).lower()
    return f"{name} – {flt.hamlet}" if flt.hamlet else name


def list_file(flt: YouthFilter, suffix: str) -> str:
    """The file offered for the list ``flt`` shows: "danh-sach-thanh-nien-co-hoan-canh-kho-khan
    -ap-tan-hung.pdf", so that the lists of criterion 1 printed one after another are not
    offered one name (each saved over the last); the whole register's stays
    "danh-sach-thanh-nien"."""
    words = [list_title(flt) if list_title(flt) != TITLE else "danh sách thanh niên", flt.hamlet]
    return slug(" ".join(w for w in words if w), "danh-sach-thanh-nien") + suffix


def youth_service(ws: Workspace) -> SoftDeleting:
    return ws.youth


def youth_phrase(count: int, first_name: str = "") -> str:
    """ "thanh niên Nguyễn Thị Thủy" (one, named) or "3 thanh niên", for messages."""
    if count == 1 and first_name:
        return f"thanh niên {first_name}"
    return f"{vn_number(count)} thanh niên"


ADMIT_KEY = "Ctrl+K"
"""Admits the chosen young person ("Kết nạp vào Đoàn…")."""


class YouthPage(ListPage):
    """The young people of the locality who are not (yet) members, backed by YouthTableModel."""

    def __init__(self, core: Core, history: UndoHistory, parent: QWidget | None = None) -> None:
        super().__init__(YouthTableModel(core.ws.youth), core.prompts, parent)
        self.model.setParent(self)
        self._core = core
        self._ws = core.ws
        self._history = history
        self._sort_column = COL_STT
        self.last_folder: Path | None = None  # of the last file saved, where the next goes
        self.open_file: Callable[[Path], object] = open_file  # tests replace this
        self._hamlets = LatestRead(self, core, lambda ws: ws.youth.hamlets(), self._show_hamlets)
        self._opening = OpenAfterRead(self, core)  # the young person an edit form opens on
        self._build()
        self._make_actions()
        self._disable_writes()
        self.refresh_hamlets()
        self.model.reloaded.connect(self._update_count)
        self.model.reloaded.connect(self._update_buttons)
        self.model.reloaded.connect(self._show_filter_columns)
        self.table.setSortingEnabled(True)  # sorts once by the indicator: name order
        core.data_changed.changed.connect(self._on_data_changed)

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        filters.addWidget(self.make_search("Tìm theo họ tên, số điện thoại…"), 3)
        # Alt+P, as the roster's filters have Alt+C/R/I: a letter no menu (Alt+T, S, X, V, G)
        # nor button of the window takes.
        hamlet_label = QLabel("Ấ&p/khu phố:")
        self.hamlet_combo = QComboBox()
        self.hamlet_combo.setMinimumContentsLength(12)
        hamlet_label.setBuddy(self.hamlet_combo)
        self.hamlet_combo.currentIndexChanged.connect(self.apply_filter)
        toneless_search(self.hamlet_combo)
        filters.addWidget(hamlet_label)
        filters.addWidget(self.hamlet_combo, 1)
        layout.addLayout(filters)
        # The lists criterion 1 asks the secretary to keep (DOMAIN.md), on a row of their own.
        lists = QHBoxLayout()
        # Seven boxes: a little closer than the style's spacing, so that the page still fits
        # beside the sidebar at 1366×768 (tests/ui/shell/test_window_fits.py).
        lists.setSpacing(4)
        # Letters no menu (Alt+T, S, X, V, G) nor the hamlet filter (Alt+P) takes.
        self.hardship_check = QCheckBox("Chỉ hoàn cảnh &khó khăn")
        self.away_check = QCheckBox("Chỉ đi &làm ăn xa")
        self.minority_check = QCheckBox("Chỉ &dân tộc thiểu số")
        self.minority_check.setToolTip("Thanh niên có dân tộc ghi khác Kinh")
        self.religion_check = QCheckBox("Chỉ &có tôn giáo")
        self.religion_check.setToolTip("Thanh niên có tôn giáo ghi khác “Không”")
        self.followed_check = QCheckBox("Có đ&oàn viên theo dõi")
        self.followed_check.setToolTip(
            "Thanh niên có đoàn viên nhận theo dõi, giúp đỡ, cùng tên đoàn viên đó (danh sách "
            "của phong trào “1+1”)"
        )
        self.unfollowed_check = QCheckBox("C&hưa có đoàn viên theo dõi")
        self.unfollowed_check.setToolTip(
            "Thanh niên chưa có đoàn viên nào nhận theo dõi, giúp đỡ (phong trào “1+1”)"
        )
        self.admitted_check = QCheckBox("Hiện cả người đã kết &nạp")
        # Followed and not followed exclude each other: ticking one unticks the other (one
        # list shown, not an empty one), before the filter is applied.
        for box, other in ((self.followed_check, self.unfollowed_check),
                           (self.unfollowed_check, self.followed_check)):  # fmt: skip
            box.toggled.connect(lambda on, other=other: on and other.setChecked(False))
        boxes = (self.hardship_check, self.away_check, self.minority_check, self.religion_check,
                 self.followed_check, self.unfollowed_check, self.admitted_check)  # fmt: skip
        for box in boxes:
            box.toggled.connect(self.apply_filter)
            lists.addWidget(box)
        lists.addStretch(1)
        layout.addLayout(lists)

        self.add_button = QPushButton("Thêm")
        self.add_button.setToolTip("Thêm một thanh niên vào sổ theo dõi (Ctrl+N)")
        self.edit_button = QPushButton("Sửa")
        self.delete_button = QPushButton("Xóa")
        self.admit_button = QPushButton("Kết nạp vào Đoàn…")
        self.admit_button.setToolTip(f"Kết nạp thanh niên đang chọn vào Đoàn ({ADMIT_KEY})")
        self.import_button = QPushButton("Nhập Excel…")
        self.import_button.setToolTip(
            "Nhập thanh niên từ tệp Excel/CSV của các ấp, có xem trước (Ctrl+I)"
        )
        self.export_button = QPushButton("Xuất Excel/CSV…")
        self.export_button.setToolTip("Xuất danh sách đang hiển thị ra Excel hoặc CSV (Ctrl+E)")
        self.print_button = QPushButton("In danh sách…")
        self.print_button.setToolTip("Lưu danh sách đang hiển thị thành tệp PDF để in (Ctrl+P)")
        buttons = self.button_row(
            [
                (self.add_button, self.add_youth),
                (self.edit_button, self.edit_youth),
                (self.delete_button, self.delete_selected),
                (self.admit_button, self.admit_selected),
                (self.import_button, self.import_file),
                (self.export_button, self.export),
                (self.print_button, self.print_list),
            ]
        )
        layout.addLayout(buttons)
        table = self.make_table([width for _, _, width in COLUMNS], self.edit_youth)
        table.horizontalHeader().sortIndicatorChanged.connect(self._sort_indicator_changed)
        self._lent = lent_widths(hidden_columns(YouthFilter()))  # no width lent yet: all zeros
        for column in hidden_columns(YouthFilter()):
            table.setColumnHidden(column, True)
        layout.addWidget(table, 1)
        self.set_empty_hint(EMPTY_HINT)

    def _make_actions(self) -> None:
        # Enter and Delete on the table: keys only, no menu shows them (the buttons say them).
        self.edit_action, self.delete_action = table_keys(
            self.table, self.edit_youth, self.delete_selected
        )
        # Ctrl+K ("Kết nạp"): no other action of the window uses it. Anywhere on the page, the
        # search box included, as the button beside the list.
        self.admit_action = QAction("Kết nạp vào Đoàn…", self)
        self.admit_action.setShortcut(QKeySequence(ADMIT_KEY))
        self.admit_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.admit_action.triggered.connect(self.admit_selected)
        self.addAction(self.admit_action)

    def _disable_writes(self) -> None:
        """On data that can only be read, the buttons that can do nothing but write (as the
        roster's "Thêm" and "Nhập Excel…"): nothing typed in a form for a save refused."""
        if self._ws.read_only is None:
            return
        for button in (self.add_button, self.import_button, self.admit_button):
            button.setEnabled(False)
            button.setToolTip(READ_ONLY_TIP)
        self.admit_action.setEnabled(False)

    def _sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        """Columns the core cannot sort on keep the previous order (and its indicator)."""
        if column in SORTABLE:
            self._sort_column = column
            return
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        _, descending = self.model.sort_key
        previous = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(self._sort_column, previous)
        header.blockSignals(False)
        self.status_message.emit("Chỉ sắp xếp được theo họ tên, ngày sinh hoặc ấp/khu phố.")

    # Filters ------------------------------------------------------------------------------

    def refresh_hamlets(self) -> None:
        """Read the hamlet filter's choices again (on the worker: the core's caches are the
        worker's) and show them when they arrive, the chosen one kept if it is still used."""
        self._hamlets.run()

    def _show_hamlets(self, hamlets: list[str]) -> None:
        current = self.hamlet_combo.currentData()
        self.hamlet_combo.blockSignals(True)
        self.hamlet_combo.clear()
        self.hamlet_combo.addItem("Tất cả", None)
        for hamlet in hamlets:
            self.hamlet_combo.addItem(hamlet, hamlet)
        index = self.hamlet_combo.findData(current) if current else 0
        self.hamlet_combo.setCurrentIndex(max(index, 0))
        self.hamlet_combo.blockSignals(False)
        if current and index < 0:  # the chosen hamlet is no longer used: the whole list again
            self.apply_filter()

    def current_filter(self) -> YouthFilter:
        return YouthFilter(
            search=self.search.text(),
            hamlet=self.hamlet_combo.currentData(),
            hardship_only=self.hardship_check.isChecked(),
            working_away_only=self.away_check.isChecked(),
            minority_only=self.minority_check.isChecked(),
            religious_only=self.religion_check.isChecked(),
            followed_only=self.followed_check.isChecked(),
            unfollowed_only=self.unfollowed_check.isChecked(),
            include_admitted=self.admitted_check.isChecked(),
        )

    def _show_filter_columns(self) -> None:
        """Show "Dân tộc" on the list of ethnic-minority youth, "Tôn giáo" on that of religious
        youth (:func:`~.table.hidden_columns`), so that the list on screen shows why each one
        is on it; the wide columns make room for them (:func:`~.table.lent_widths`)."""
        hidden = hidden_columns(self.model.youth_filter)
        lent = lent_widths(hidden)
        for column, (before, now) in enumerate(zip(self._lent, lent, strict=True)):
            if before != now:
                self.table.setColumnWidth(column, self.table.columnWidth(column) + before - now)
        self._lent = lent
        for column in (COL_ETHNICITY, COL_RELIGION):
            self.table.setColumnHidden(column, column in hidden)

    def column_widths(self) -> list[int]:
        """The widths to keep, with what the long columns lent "Dân tộc" or "Tôn giáo" given
        back (:meth:`_show_filter_columns`): the next start shows the whole register."""
        widths = super().column_widths()
        return [w + lent if w else w for w, lent in zip(widths, self._lent, strict=True)]

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        self.count_label.setText(
            f"Đang hiển thị {vn_number(shown)} / {vn_number(total)} thanh niên"
        )

    def _update_buttons(self) -> None:
        selected = self.selected_rows()
        self.edit_button.setEnabled(len(selected) == 1)
        self.delete_button.setEnabled(bool(selected))
        row = self.model.youth_row(selected[0]) if len(selected) == 1 else None
        admissible = row is not None and row.admitted_member_id is None
        self.admit_button.setEnabled(admissible and self._ws.read_only is None)

    # Selection ----------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        return [self.model.youth_id(row) for row in self.selected_rows()]

    def select_youth(self, youth_id: str) -> None:
        self.select_row(self.model.row_of(youth_id))

    def _on_data_changed(self, changes: Changes) -> None:
        if changes.touches("youths", "members"):  # members: a follow-up member renamed, deleted
            self.refresh_hamlets()
            self.reload_keeping_place(changes.ids("youths"))

    # Actions ------------------------------------------------------------------------------

    def add_youth(self) -> None:
        dialog = YouthFormDialog(self._core, None, self)
        dialog.youth_added.connect(self._added)  # each one "Lưu và thêm tiếp" saves
        added = dialog.added if self.prompts.run(dialog) else None
        if added is not None:
            self._added(added)
        dialog.deleteLater()

    def _added(self, added: AddedYouth) -> None:
        """A young person just added: selected, on the undo history, said in the status bar."""
        name = added.fields.full_name  # as the core stored it
        show_added(
            self, self._history, added.youth_id, f"Thêm {youth_phrase(1, name)}",
            lambda ws: ws.youth.take_back(added), lambda ws: ws.youth.bring_back(added),
            f"Đã thêm {name} vào sổ theo dõi thanh niên.",
        )  # fmt: skip

    def edit_youth(self) -> None:
        """The chosen young person's form, opened on what the worker reads (the core's services
        are the worker's); pressed again before it came back (a double click, Enter), nothing
        more opens. One deleted meanwhile: "Không mở được" and why."""
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        youth_id = ids[0]
        self._opening.run(lambda ws: read_youth(ws, youth_id), self._open_edit)

    def _open_edit(self, opened: OpenedYouth) -> None:
        dialog = YouthFormDialog(self._core, opened, self)
        if self.prompts.run(dialog) and dialog.saved_id:
            self.select_youth(dialog.saved_id)
            self._saved_edit(opened.record.id, dialog.change)
        dialog.deleteLater()

    def _saved_edit(self, youth_id: str, change: Change | None) -> None:
        """Put a saved edit on the undo history and say so (see :mod:`..shell.undo`)."""
        message = self._history.saved_edit(
            "thanh niên",
            lambda fields: youth_phrase(1, fields.full_name),
            lambda ws, fields, expected: ws.youth.put_back(youth_id, fields, expected),
            change,
        )
        self.status_message.emit(self.saved_message(message, self.model.row_of(youth_id)))

    def delete_selected(self) -> None:
        """Ask, then soft-delete the selected young people through the undo history."""
        rows = self.selected_rows()
        if not rows:
            return
        names = [r.full_name for row in rows[:NAMES_IN_CONFIRMATION]
                 if (r := self.model.youth_row(row)) is not None]  # fmt: skip
        phrase = youth_phrase(len(rows), names[0] if names else "")
        text = delete_question(f"Xóa {phrase} khỏi sổ theo dõi?", names, len(rows))
        if not self.prompts.confirm(self, "Xóa thanh niên", text):
            return
        ids = [self.model.youth_id(row) for row in rows]
        undo_hint = f"Đã xóa {phrase} — bấm Hoàn tác (Ctrl+Z) để lấy lại."

        def deleted() -> None:
            self.note_deleted(ids)
            self.status_message.emit(undo_hint)
            if self.isVisible():  # keep on with the list (the next row is selected)
                self.table.setFocus()

        self._history.delete(self, youth_service, ids, f"Xóa {phrase}", deleted)

    def admit_selected(self) -> None:
        """Admit the selected young person into the union (a member with its admission event)."""
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        try:
            dialog = AdmitDialog(self._core, ids[0], self)
        except AppError as exc:
            self.prompts.error(self, "Không mở được", exc.message)
            return
        added = dialog.added if self.prompts.run(dialog) else None
        if added is not None:
            name, youth_id = added.fields.full_name, ids[0]
            self._history.add(
                f"Kết nạp {name} vào Đoàn",
                lambda ws: ws.youth.take_back_admission(youth_id, added),
                lambda ws: ws.youth.bring_back_admission(youth_id, added),
            )
            if self.model.row_of(youth_id) is None:  # left the list: chosen again on an undo
                self.note_deleted([youth_id])
            self.status_message.emit(
                f"Đã kết nạp {name} vào Đoàn (có trong danh sách đoàn viên) — bấm Hoàn tác "
                "(Ctrl+Z) để trả lại như trước."
            )
        dialog.deleteLater()

    def make_import_wizard(self) -> QDialog:
        """The roster's import wizard, filling the youth register (tests replace this)."""
        from ..roster.import_wizard import YOUTH, ImportWizard

        return ImportWizard(self._core, self, YOUTH)

    def import_file(self) -> None:
        """Import young people from a hamlet's Excel/CSV list, through the import wizard."""
        wizard = self.make_import_wizard()
        self.prompts.run(wizard)
        result = getattr(wizard, "result_", None)
        if result is not None:
            self.status_message.emit(
                f"Đã nhập: thêm mới {vn_number(result.created)}, cập nhật "
                f"{vn_number(result.updated)} thanh niên."
            )
        wizard.deleteLater()

    def ask_save_path(self, title: str, suggested: str, filters: str) -> Path | None:
        """The file the user chooses to write (None when cancelled), offered in the folder of
        the last one, at first in Documents (as the roster's); tests replace this."""
        folder = self.last_folder or documents_folder()
        name, _ = QFileDialog.getSaveFileName(self, title, str(folder / suggested), filters)
        if not name:
            return None
        self.last_folder = Path(name).parent
        return Path(name)

    def export(self) -> None:
        path = self.ask_save_path(
            "Xuất danh sách thanh niên", list_file(self.current_filter(), ".xlsx"), EXPORT_FILTERS
        )  # the .xlsx to open in Excel, the CSV for other programs (see ui.roster.files)
        if path is None:
            return
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + ".xlsx")
        flt, written = self.current_filter(), path

        def done(count: int) -> None:
            self.status_message.emit(f"Đã xuất {youth_phrase(count)} ra tệp {written}.")

        op = QueryOp(self, lambda ws: ws.spreadsheets.export_youth(written, flt), self._core,
                     label="Đang xuất danh sách…")  # fmt: skip
        op.success(done).failure(self._core.reporter(self, "Không xuất được")).run()

    def print_list(self) -> None:
        from ...reports.youth import print_youth  # reportlab loads only when printing

        kind = dataclasses.replace(YOUTH_LIST, title=f"In {list_name(self.current_filter())}")
        details = ask_document_details(self._core, kind, self)
        if details is None:
            return
        path = self.ask_save_path(
            "In danh sách thanh niên (PDF)", list_file(self.current_filter(), ".pdf"),
            "PDF (*.pdf)",
        )  # fmt: skip
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        flt, written = self.current_filter(), path

        def done(_result: object) -> None:
            remember_document(self._core, YOUTH_LIST, details)
            self.status_message.emit(f"Đã lưu danh sách thanh niên để in: {written}.")
            if self.prompts.confirm(
                self, "In danh sách",
                f"Đã lưu danh sách vào tệp:\n{written}\n\nMở tệp để xem và in?",
            ):  # fmt: skip
                open_or_say(self, self.prompts, written, self.open_file)

        def job(ws: Workspace) -> Path:
            return print_youth(
                ws,
                written,
                flt,
                number=details.number,
                place=details.place,
                issued_on=details.issued_on,
                recipients=details.recipients,
            )

        op = QueryOp(self, job, self._core, label="Đang tạo tệp PDF…")
        op.success(done).failure(self._core.reporter(self, "Không in được")).run()
