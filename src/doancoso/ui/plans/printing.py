"""Printing the plan (KH) and the report of its results (BC) from the plan page: the print
dialog every document shares (its number and date set to the plan's own for the plan), the
save dialog, then the PDF written on the worker.

The plan printed is the one sent to the superior body: the number and date it was printed
with become the plan's (in the same operation), so that the report of results cites them and
the dossier prints the same plan, by the rule ``plan print`` follows too
(:meth:`~doancoso.core.plans.service.PlanService.keep_printed`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ...core.documents import DocumentDetails
from ...core.lang.dates import format_vn_date
from ...core.plans.service import PlanInfo, kept_text, unkept_date_text
from ...core.workspace import Workspace
from ..common.document_dialog import DocumentDialog, DocumentKind, remember_document
from ..common.folders import ask_save_path
from ..shell.operations import Core, CoreOp, QueryOp

PLAN_DOCUMENT = DocumentKind("KH", "In kế hoạch công tác (PDF)")
REPORT_DOCUMENT = DocumentKind("BC", "In báo cáo kết quả thực hiện chỉ tiêu (PDF)")


class PlanPrinter(QObject):
    """Prints a plan or its report for the page ``parent``; says what it wrote."""

    status_message = Signal(str)

    def __init__(self, core: Core, parent: QWidget, today: Callable[[], date]) -> None:
        super().__init__(parent)
        self._core = core
        self._parent = parent
        self.today = today

    def ask_save_path(self, caption: str, name: str) -> Path | None:
        """The PDF chosen in a save dialog (None when cancelled); tests replace this."""
        return ask_save_path(self._parent, caption, name, "Tệp PDF (*.pdf)", ".pdf")

    def ask_details(self, kind: DocumentKind, number: str | None = None,
                    day: date | None = None) -> DocumentDetails | None:  # fmt: skip
        """The print dialog, its number and date set to the plan's own when it has them."""
        dialog = DocumentDialog(self._core, kind, self.today(), self._parent)
        if number:
            dialog.number_edit.setText(number)
        if day:
            dialog.date_edit.setText(format_vn_date(day))
        self._core.prompts.run(dialog)
        details = dialog.details if dialog.result() == DocumentDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        return details

    def print_plan(self, plan: PlanInfo) -> None:
        details = self.ask_details(PLAN_DOCUMENT, plan.number, plan.plan_date)
        if details is None:
            return
        path = self.ask_save_path("In kế hoạch ra PDF", f"ke-hoach-{plan.year}.pdf")
        if path is None:
            return

        def job(ws: Workspace) -> tuple[Path, dict[str, str]]:
            from ...reports.plan import print_plan

            written = print_plan(ws, path, plan.year, issued_on=details.issued_on,
                                 number=details.number, place=details.place,
                                 recipients=details.recipients)  # fmt: skip
            # Once the file is written: a print that failed records nothing.
            return written, ws.plans.keep_printed(plan.year, details.number, details.issued_on)

        def done(result: tuple[Path, dict[str, str]]) -> None:
            written, kept = result
            remember_document(self._core, PLAN_DOCUMENT, details)
            text = f"Đã in kế hoạch năm {plan.year} ra tệp {written}."
            if kept:
                text += f" {kept_text(kept)} đã được ghi vào kế hoạch."
            unkept = unkept_date_text(plan.year, details.issued_on)
            if unkept:
                text += f" {unkept}"
            self.status_message.emit(text)

        op = CoreOp(self._parent, job, self._core, label="Đang in ra PDF…")
        op.success(done).failure(self._core.reporter(self._parent, "Không in được")).run()

    def print_report(self, plan: PlanInfo) -> None:
        details = self.ask_details(REPORT_DOCUMENT)
        if details is None:
            return
        path = self.ask_save_path("In báo cáo kết quả ra PDF", f"bao-cao-ket-qua-{plan.year}.pdf")
        if path is None:
            return

        def job(ws: Workspace) -> Path:
            from ...reports.plan import print_report

            return print_report(ws, path, plan.year, issued_on=details.issued_on,
                                number=details.number, place=details.place,
                                recipients=details.recipients)  # fmt: skip

        what = f"Đã in báo cáo kết quả thực hiện chỉ tiêu năm {plan.year} ra tệp"
        self._print(job, REPORT_DOCUMENT, details, what)

    def _print(self, job: Callable[[Workspace], Path], kind: DocumentKind,
               details: DocumentDetails, done_text: str) -> None:  # fmt: skip
        def done(path: object) -> None:
            remember_document(self._core, kind, details)
            self.status_message.emit(f"{done_text} {path}.")

        op = QueryOp(self._parent, job, self._core, label="Đang in ra PDF…")
        op.success(done).failure(self._core.reporter(self._parent, "Không in được")).run()
