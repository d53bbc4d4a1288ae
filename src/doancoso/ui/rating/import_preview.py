"""The confirmation of a chi đoàn's filled-in sheet: what importing it would change and which
rows it leaves out, before anything is written.

A sheet of a whole chi đoàn with a remark for everyone is hundreds of lines of text: in a
message box it grew taller than a 1366×768 screen, its buttons out of reach below it, and it
could show only the first changes. Here the list scrolls in a box of a fixed size, every change
and every row left out in it, and the buttons stay on the screen: "Nhập" writes, "Hủy" (the
default, and Esc) does nothing; with nothing to change there is only "Đóng". With rows left out,
"Lưu các dòng bị loại (.xlsx)…" saves them with their reasons as the member import does
(:mod:`..common.rejected_rows`), to fix in Excel and import again; the dialog stays open.
Files are chosen through :attr:`ImportPreviewDialog.ask_save_path` and opened through
:attr:`ImportPreviewDialog.open_file`, which tests replace."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.lang.text import vn_number
from ...core.rating.sheet import SheetPreview
from ...core.workspace import Workspace
from ..common.folders import open_file
from ..common.rejected_rows import (
    SAVE_REJECTED,
    SAVE_REJECTED_TIP,
    AskSavePath,
    chosen_path,
    save_rejected,
)
from ..shell.operations import Core

REFUSED_HEADING = "dòng bị loại (không ghi):"
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
        text += f", {vn_number(len(preview.refused))} dòng bị loại"
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

    def __init__(self, core: Core, preview: SheetPreview, parent: QWidget | None = None) -> None:
        """``summary`` shows the counts, ``details`` (None when there is nothing to list)
        the lines of :func:`details_text`; ``save_rejected_button`` (None when no row is left
        out) saves the rows left out."""
        super().__init__(parent)
        self._core = core
        self.preview = preview
        self.ask_save_path: AskSavePath = partial(chosen_path, self)
        self.open_file: Callable[[Path], object] = open_file
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
        row = QHBoxLayout()
        layout.addLayout(row)
        buttons = QDialogButtonBox()
        row.addWidget(buttons)  # in the dialog before a default is chosen, or it is lost
        if changes:
            buttons.addButton("&Nhập", QDialogButtonBox.ButtonRole.AcceptRole)
            cancel = buttons.addButton("&Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        else:
            cancel = buttons.addButton("Đón&g", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)  # Enter does not write
        self.save_rejected_button: QPushButton | None = None
        if preview.refused:
            # On the left, as in the member import; made after "Nhập" and "Hủy", it comes
            # after them in the Tab order (Tab, Enter still imports). Not in the button box:
            # a button of another role there took "Nhập" out of the Tab order.
            self.save_rejected_button = QPushButton(f"&{SAVE_REJECTED}")
            self.save_rejected_button.setToolTip(SAVE_REJECTED_TIP)
            self.save_rejected_button.clicked.connect(self.save_rejected)
            row.insertWidget(0, self.save_rejected_button)
            row.insertStretch(1, 1)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.resize(WIDTH, HEIGHT if details else WIDTH // 4)

    def save_rejected(self) -> None:
        """Write the rows left out with their reasons where the user chooses (beside the
        imported sheet by default), then offer to open the file."""

        def write(ws: Workspace, path: Path) -> int:
            return ws.rating_sheets.save_rejected(self.preview, path)

        save_rejected(self, self._core, self.preview.path, write, ask=self.ask_save_path,
                      open_file=self.open_file, empty="xep-loai")  # fmt: skip
