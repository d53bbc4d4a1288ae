"""The confirmation of a chi đoàn's filled-in sheet: what importing it would change and which
rows it leaves out, before anything is written.

A sheet of a whole chi đoàn with a remark for everyone is hundreds of lines of text: in a
message box it grew taller than a 1366×768 screen, its buttons out of reach below it, and it
could show only the first changes. Here the list scrolls in a box of a fixed size, every change
and every row left out in it, and the buttons stay on the screen: "Nhập" writes, "Hủy" (the
default, and Esc) does nothing; with nothing to change there is only "Đóng"."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.lang.text import vn_number
from ...core.rating.sheet import SheetPreview

REFUSED_HEADING = "dòng bị bỏ qua (không ghi):"
WIDTH, HEIGHT = 760, 520
"""The dialog's size: well inside a 1366×768 screen with its title bar and the task bar."""


def summary_text(preview: SheetPreview) -> str:
    """The counts above the list: "Tệp “x.xlsx”, năm 2025: 2 đoàn viên có thay đổi, …"."""
    text = (
        f"Tệp “{preview.path.name}”, năm {preview.year}: "
        f"{vn_number(len(preview.changes))} đoàn viên có thay đổi, "
        f"{vn_number(preview.unchanged)} không đổi"
    )
    if preview.refused:
        text += f", {vn_number(len(preview.refused))} dòng bị bỏ qua"
    return text + "."


def details_text(preview: SheetPreview) -> str:
    """Every row left out with its reason, first (what to fix in the file, not hidden below
    hundreds of changes), then every member changed (row, name, each value before and after),
    one line each. A namesake of another member of the round is named with the chi đoàn (and
    birth year) (:attr:`~doancoso.core.rating.sheet.RowChange.who`)."""
    lines = []
    if preview.refused:
        lines.append(f"{vn_number(len(preview.refused))} {REFUSED_HEADING}")
    for refused in preview.refused:
        who = refused.who or refused.full_name
        lines.append(f"  • Dòng {refused.row} — {who}: {refused.reason}")
    if preview.changes:
        lines += ["", "Thay đổi:"] if lines else ["Thay đổi:"]
    for change in preview.changes:
        what = "; ".join(c.text() for c in change.changes)
        lines.append(f"  • Dòng {change.row} — {change.who or change.full_name}: {what}")
    return "\n".join(lines)


class ImportPreviewDialog(QDialog):
    """Accepted ("Nhập") to write the preview's changes (see the module's description)."""

    def __init__(self, parent: QWidget | None, preview: SheetPreview) -> None:
        """``summary`` shows the counts, ``details`` (None when there is nothing to list)
        the lines of :func:`details_text`."""
        super().__init__(parent)
        changes = bool(preview.changes)
        self.setWindowTitle("Nhập đề nghị của chi đoàn" if changes else "Không có gì thay đổi")
        layout = QVBoxLayout(self)
        self.summary = QLabel(summary_text(preview))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        details = details_text(preview)
        self.details: QPlainTextEdit | None = None
        if details:
            self.details = QPlainTextEdit(details)
            self.details.setReadOnly(True)
            layout.addWidget(self.details, 1)
        if changes:
            layout.addWidget(QLabel("Ghi các thay đổi này?"))
        buttons = QDialogButtonBox()
        layout.addWidget(buttons)  # in the dialog before a default is chosen, or it is lost
        if changes:
            buttons.addButton("&Nhập", QDialogButtonBox.ButtonRole.AcceptRole)
            cancel = buttons.addButton("&Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        else:
            cancel = buttons.addButton("Đón&g", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)  # Enter does not write
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.resize(WIDTH, HEIGHT if details else WIDTH // 4)
