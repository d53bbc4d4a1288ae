"""Printing the transfer letter (giấy giới thiệu sinh hoạt Đoàn) of a "Chuyển sinh hoạt đi"
event from the member's history: the print dialog every document shares (type code GGT, sent
to the receiving organisation, "Như trên"), the save dialog, then the PDF written on the worker
(:func:`~doancoso.reports.transfer_letter.print_transfer_letter`) and offered to open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from ...core.lang.text import slug
from ...core.organization import OrganizationInfo
from ...core.workspace import Workspace
from ..common.document_dialog import DocumentKind, ask_document_details, remember_document
from ..common.folders import ask_save_path
from ..shell.operations import Core, QueryOp


def _receiving(_org: OrganizationInfo) -> tuple[str, ...]:
    return ("Như trên",)


TRANSFER_LETTER = DocumentKind("GGT", "In giấy giới thiệu sinh hoạt Đoàn (PDF)", _receiving)


class TransferLetterPrinter(QObject):
    """Prints the transfer letter of one event for the widget ``parent``."""

    def __init__(self, core: Core, parent: QWidget) -> None:
        super().__init__(parent)
        self._core = core
        self._parent = parent

    def ask_save_path(self, name: str) -> Path | None:
        """The PDF chosen in a save dialog (None when cancelled); tests replace this."""
        return ask_save_path(
            self._parent, "Lưu giấy giới thiệu sinh hoạt Đoàn", name, "Tệp PDF (*.pdf)", ".pdf"
        )

    @staticmethod
    def open_file(path: Path) -> bool:
        """Open the PDF in the system's viewer; tests replace this."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def print_letter(self, member_id: str, event_id: str, full_name: str) -> None:
        details = ask_document_details(self._core, TRANSFER_LETTER, self._parent)
        if details is None:
            return
        path = self.ask_save_path(f"giay-gioi-thieu-{slug(full_name, 'doan-vien')}.pdf")
        if path is None:
            return

        def job(ws: Workspace) -> Path:
            from ...reports.transfer_letter import print_transfer_letter  # reportlab: on use

            return print_transfer_letter(
                ws, member_id, event_id, path, number=details.number, place=details.place,
                issued_on=details.issued_on, recipients=details.recipients,
            )  # fmt: skip

        def done(written: Path) -> None:
            remember_document(self._core, TRANSFER_LETTER, details)
            if self._core.prompts.confirm(
                self._parent, "In giấy giới thiệu",
                f"Đã lưu giấy giới thiệu vào tệp:\n{written}\n\nMở tệp để xem và in?",
            ):  # fmt: skip
                self.open_file(written)

        op = QueryOp(self._parent, job, self._core, label="Đang tạo tệp PDF…")
        op.success(done).failure(self._core.reporter(self._parent, "Không in được")).run()
