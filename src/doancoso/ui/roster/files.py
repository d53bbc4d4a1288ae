"""The roster's file actions: "Nhập Excel…", "Xuất Excel/CSV…", "In danh sách…".

Owned by :class:`RosterPage` (``page.io``): the actions behind the page's buttons. They claim
no key: Ctrl+I, Ctrl+E and Ctrl+P are the main window's "Tệp" menu items, which on the roster
trigger these (``ui.shell.page_keys``); a second action on one key would make it ambiguous in
Qt, and the key would do nothing. Export and print use the roster's current filter, so the file
holds what the list shows.
Every core call runs on the worker as an operation (:mod:`..shell.operations`). Printing asks
first for the document's number, place, date and recipients (the shared print dialog,
:mod:`..common.document_dialog`). File choices go through :meth:`ask_save_path` and
:meth:`open_file`, which tests replace.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QPushButton

from ...core.lang.filenames import offered_name
from ...core.lang.text import slug, vn_number
from ...core.roster.service import MemberFilter
from ...core.workspace import Workspace
from ..common.action_button import action_button
from ..common.document_dialog import DocumentKind, ask_document_details, remember_document
from ..common.folders import documents_folder, open_file, open_or_say
from ..shell.operations import Core, QueryOp

if TYPE_CHECKING:
    from ...core.roster.spreadsheets.member_template import TemplateExport
    from .import_wizard import ImportWizard
    from .page import RosterPage

LIST_NAME = "danh-sach-doan-vien"
"""The file offered for the whole roster (``.xlsx``, ``.pdf``); a chi đoàn's list adds its name
(:meth:`RosterIO.offered_file`)."""
# The .xlsx is the file to open in Excel (to print, sort, filter): every text stays text and
# dates are dates. The CSV is for other programs and for importing again: Excel, opening it,
# drops the leading 0 of CCCD and phone numbers and turns "9/12" into a date.
# The union's member template (sheets DSDV and DATA): to send on or load where it is used.
TEMPLATE_FILTER = (
    "Mẫu danh sách đoàn viên của Đoàn (DSDV) – để gửi đi hoặc nạp vào nơi dùng mẫu này (*.xlsx)"
)
EXPORT_FILTERS = (
    "Excel – để mở bằng Excel, in, sắp xếp, lọc (*.xlsx);;"
    "CSV UTF-8 – để nhập vào chương trình khác; mở bằng Excel sẽ mất số 0 đầu của CCCD, "
    "điện thoại (*.csv)"
)
ROSTER_EXPORT_FILTERS = f"{EXPORT_FILTERS};;{TEMPLATE_FILTER}"  # the youth register has no template
PDF_FILTER = "PDF (*.pdf)"
ROSTER_LIST = DocumentKind("DS", "In danh sách đoàn viên")


class RosterIO(QObject):
    """Import, export and print for one roster page."""

    def __init__(self, page: RosterPage, core: Core) -> None:
        super().__init__(page)
        self._page = page
        self._core = core
        self.prompts = core.prompts
        self.last_folder: Path | None = None
        self.chosen_filter = ""  # the file type chosen in the last save dialog
        self.ask_save_path: Callable[[str, str, str], Path | None] = self._ask_save_path
        self.open_file: Callable[[Path], object] = open_file

        self.import_action = QAction("Nhập Excel…", self)
        self.import_action.triggered.connect(self.import_file)
        self.export_action = QAction("Xuất Excel/CSV…", self)
        self.export_action.triggered.connect(self.export)
        self.print_action = QAction("In danh sách…", self)
        self.print_action.triggered.connect(self.print_list)
        for action, tip in (
            (self.import_action, "Nhập đoàn viên từ tệp Excel/CSV, có xem trước (Ctrl+I)"),
            (self.export_action, "Xuất danh sách đang hiển thị ra Excel hoặc CSV (Ctrl+E)"),
            (self.print_action, "Lưu danh sách đang hiển thị thành tệp PDF để in (Ctrl+P)"),
        ):
            action.setToolTip(tip)

    def core_filter(self) -> MemberFilter:
        """The page's filter, as the core's export and print take it: the file holds the list
        shown on screen, no more and no less."""
        return self._page.current_filter()

    def offered_file(self, suffix: str) -> str:
        """The file offered for the list shown: "danh-sach-doan-vien-chi-doan-ap-1.pdf" when a
        chi đoàn is chosen, so that the chi đoàn's lists printed one after another are not
        offered one name (each saved over the last); every chi đoàn's list stays
        "danh-sach-doan-vien". A long name is shortened, never the extension
        (:func:`~...core.lang.filenames.offered_name`)."""
        branch = self._page.branch_combo
        if branch.currentData() is None:
            return LIST_NAME + suffix
        return offered_name(f"{LIST_NAME}-{slug(branch.currentText())}", suffix)

    def actions(self) -> list[QAction]:
        return [self.import_action, self.export_action, self.print_action]

    def buttons(self) -> list[QPushButton]:
        """One button per action, for the page's row of buttons: each follows its action
        (disabled with it, e.g. the import on data that can only be read)."""
        return [action_button(action) for action in self.actions()]

    # Actions ------------------------------------------------------------------------------

    def make_wizard(self) -> ImportWizard:
        from .import_wizard import ImportWizard

        return ImportWizard(self._core, self._page)

    def import_file(self) -> None:
        wizard = self.make_wizard()
        self.prompts.run(wizard)
        result = wizard.result_
        if result is not None:
            created, updated = vn_number(result.created), vn_number(result.updated)
            self._page.status_message.emit(
                f"Đã nhập: thêm mới {created}, cập nhật {updated} đoàn viên."
            )
        wizard.deleteLater()

    def export(self) -> None:
        path = self.ask_save_path(
            "Xuất danh sách đoàn viên", self.offered_file(".xlsx"), ROSTER_EXPORT_FILTERS
        )
        if path is None:
            return
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_name(path.name + ".xlsx")
        flt = self.core_filter()
        if self.chosen_filter == TEMPLATE_FILTER:  # the result also counts off-list cells

            def template_done(result: TemplateExport) -> None:
                self._page.status_message.emit(result.message(path))

            op_template = QueryOp(self._page, lambda ws: ws.spreadsheets.export_template(path, flt),
                                  self._core, label="Đang xuất danh sách…")  # fmt: skip
            op_template.success(template_done).run()
            return

        def done(count: int) -> None:
            self._page.status_message.emit(f"Đã xuất {vn_number(count)} đoàn viên ra {path}.")

        op = QueryOp(self._page, lambda ws: ws.spreadsheets.export_members(path, flt),
                     self._core, label="Đang xuất danh sách…")  # fmt: skip
        op.success(done).run()

    def print_list(self) -> None:
        details = ask_document_details(self._core, ROSTER_LIST, self._page)
        if details is None:
            return
        path = self.ask_save_path(
            "Lưu danh sách để in (PDF)", self.offered_file(".pdf"), PDF_FILTER
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        flt = self.core_filter()

        def done(written: Path) -> None:
            remember_document(self._core, ROSTER_LIST, details)
            self._page.status_message.emit(f"Đã lưu danh sách để in: {written}.")
            if self.prompts.confirm(
                self._page, "In danh sách",
                f"Đã lưu danh sách vào tệp:\n{written}\n\nMở tệp để xem và in?",
            ):  # fmt: skip
                open_or_say(self._page, self.prompts, written, self.open_file)

        from ...reports.roster import print_roster  # reportlab loads only when printing

        def job(ws: Workspace) -> Path:
            return print_roster(
                ws,
                path,
                flt,
                number=details.number,
                place=details.place,
                issued_on=details.issued_on,
                recipients=details.recipients,
            )

        op = QueryOp(self._page, job, self._core, label="Đang tạo tệp PDF…")
        op.success(done).run()

    # Outside the app ----------------------------------------------------------------------

    def _ask_save_path(self, title: str, default_name: str, filters: str) -> Path | None:
        folder = self.last_folder or documents_folder()
        name, selected = QFileDialog.getSaveFileName(
            self._page, title, str(folder / default_name), filters
        )
        self.chosen_filter = selected
        if not name:
            return None
        self.last_folder = Path(name).parent
        return Path(name)
