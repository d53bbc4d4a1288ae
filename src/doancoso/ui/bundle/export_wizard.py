"""Xuất dữ liệu ra USB: the export wizard (issue #17).

Four pages in a stack, as the roster's import wizard: 1. what to export (a handover to the next
secretary: everything; or a report to the superior body: one year); 2. the password (asked
twice, its strength shown) or the explicit choice of none; 3. where: the removable drives
first, the file name suggested as ``doancoso-<tổ chức>-<loại>-<dd-mm-yyyy>.dcs`` (a report's
with its year: ``…-bao-cao-nam-<yyyy>-…``); 4. done,
said only after the core has read the file back and verified every hash. The export runs on
the worker with a progress bar and a "Hủy" button (nothing is left under the final name).

A report of a year still unfinished (its plan not approved, its rating round not closed) is
said so on the first page, as a notice: the secretary may export it all the same. The page also
says whether the report will carry the year's recognition dossier (the last one built, kept in
the data folder: core/dossier/stored.py) and when it was built.

After a handover, the last page asks the names and positions of both secretaries (and of a
witness from the superior body, if any) and saves the biên bản bàn giao
(:mod:`doancoso.reports.handover`) to print and sign, offered beside the file just written. It
names the file's SHA-256, so it can only be made while the wizard is open: closing it before the
biên bản is saved asks first.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.bundle.about import KIND_NAMES
from ...core.bundle.disks import partial_left, temp_left
from ...core.bundle.errors import BundleWriteError
from ...core.bundle.manifest import live_counts
from ...core.bundle.service import report_years
from ...core.bundle.unfinished import unfinished_items, unfinished_lines
from ...core.documents import DocumentDetails
from ...core.dossier.stored import BuiltDossier, included_text
from ...core.errors import AppError
from ...core.lang.filenames import MAX_NAME, offered_name, room_in, utf16_units, windows_name
from ...core.lang.text import nfc, slug
from ...core.organization import OrganizationInfo
from ...core.workspace import Workspace
from ...reports.handover import HandoverRecord, Party, print_handover, sha256_lines, size_text
from ..common.document_dialog import DocumentDialog, DocumentKind, remember_document
from ..common.drives import Drive, removable_drives
from ..common.folders import open_file, open_or_say
from ..common.steps import EnterPresses, build_steps, focus_lost
from ..shell.operations import Core, QueryOp
from ..shell.tasks import Report, TaskCancelled
from .password import ERROR_STYLE, NOTICE_STYLE, PasswordPanel

log = logging.getLogger(__name__)

KIND_PAGE, PASSWORD_PAGE, TARGET_PAGE, DONE_PAGE = range(4)
PAGE_TITLES = (
    "Bước 1/3 — Xuất dữ liệu gì",
    "Bước 2/3 — Mật khẩu của tệp",
    "Bước 3/3 — Lưu vào đâu",
    "Đã xuất xong",
)
HANDOVER, REPORT = "handover", "report"
KIND_WORDS = {HANDOVER: "ban-giao", REPORT: "bao-cao"}
BUNDLE_FILTER = "Tệp dữ liệu doancoso (*.dcs)"
CANCELLED = "Đã hủy: chưa có tệp nào được lưu."


def cancelled_left(left: Path) -> str:
    """Said after a cancel whose temporary file ``left`` could not be removed."""
    return f"Đã hủy: gói dữ liệu chưa được lưu. {partial_left(left)}"


NO_DRIVE = (
    "Chưa thấy USB nào. Cắm USB vào máy rồi bấm “Tìm lại USB”, hoặc bấm “Chọn nơi khác…” để "
    "lưu vào một thư mục bất kỳ."
)
BAD_NAME = (
    'Tên tệp không được có các ký tự \\ / : * ? " < > | (USB và Windows không ghi được tên như '
    "vậy): hãy thay chúng bằng dấu gạch ngang (-)."
)
BAD_CHARACTERS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')
DEVICE_NAME = (
    "“{device}” là tên Windows dành riêng cho thiết bị (như CON, PRN, AUX, NUL, COM1, LPT1): "
    "Windows và USB không tạo được tệp tên như vậy. Hãy đặt tên khác."
)
TOO_LONG = (
    "Tên tệp quá dài: {length} ký tự (kể cả đuôi .dcs), trong khi ở thư mục này tên tệp chỉ "
    "được dài tối đa {room} ký tự. Hãy rút ngắn tên."
)
NOT_WRITABLE = "Windows và USB không ghi được tệp tên “{name}”: hãy đặt tên khác, ví dụ “{fixed}”."
"""What is wrong with a bundle's file name typed (besides :data:`BAD_NAME`), checked by
``core/lang/filenames.py``'s rule."""
PDF_FILTER = "Tệp PDF (*.pdf)"
HANDOVER_DOCUMENT = DocumentKind("BB", "In biên bản bàn giao dữ liệu (PDF)")
UNSAVED_BIEN_BAN = (
    "Chưa lưu biên bản bàn giao cho tệp vừa xuất. Biên bản ghi mã SHA-256 của đúng tệp này: "
    "sau khi đóng sẽ không lập được biên bản cho tệp này nữa (xuất lại sẽ tạo tệp có mã "
    "khác). Vẫn đóng?"
)
FAT32_NOTE = (
    "USB này định dạng FAT32: mỗi tệp không được quá 4 GB. Nếu dữ liệu (nhiều ảnh minh chứng) "
    "lớn hơn, chương trình sẽ báo; khi đó hãy định dạng USB sang exFAT hoặc NTFS."
)


def suggested_name(org_name: str, kind: str, on: date, year: int | None = None) -> str:
    """``doancoso-<org-slug>-<kind>-<dd-mm-yyyy>.dcs``; a report names its year:
    ``doancoso-<org-slug>-bao-cao-nam-<yyyy>-<dd-mm-yyyy>.dcs``."""
    what = KIND_WORDS[kind] + (f"-nam-{year}" if kind == REPORT and year is not None else "")
    return offered_name(f"doancoso-{slug(org_name)}", f"-{what}-{on:%d-%m-%Y}.dcs")


def with_alt(text: str, letter: str) -> str:
    """``text`` with its first ``letter`` as its Alt letter ("Bá&o cáo cấp trên")."""
    return text.replace(letter, f"&{letter}", 1)


def unfinished_text(year: int, lines: list[str]) -> str:
    """The notice of :func:`unfinished_lines` ("" when nothing is unfinished)."""
    if not lines:
        return ""
    return (
        f"Dữ liệu năm {year} chưa hoàn tất:\n{unfinished_items(lines)}\nVẫn có thể xuất báo "
        "cáo; cấp trên sẽ nhận dữ liệu như hiện có."
    )


def digest_text(sha256: str) -> str:
    return "\n".join(sha256_lines(sha256))


class ExportWizard(QDialog):
    """Export a bundle; ``result`` holds the core's ExportResult once the file is verified."""

    def __init__(self, core: Core, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._core = core
        self.prompts = core.prompts
        self.today = today or date.today()
        self.org: OrganizationInfo | None = core.ws.organization.get()
        self.result_: Any = None
        self.handover_pdf: Path | None = None
        self.drives: list[Drive] = []
        self.folder: Path | None = None
        self.suggested = ""
        """The file name last suggested: replaced by the next suggestion unless edited."""
        self.find_drives: Callable[[], list[Drive]] = removable_drives
        self.ask_folder: Callable[[str], Path | None] = self._ask_folder
        self.ask_save_path: Callable[[str, str, str], Path | None] = self._ask_save_path
        self.open_file: Callable[[Path], object] = open_file
        self.setWindowTitle("Xuất dữ liệu ra USB")
        self.resize(760, 560)
        self._build()
        EnterPresses(self)  # Enter on a button tabbed to presses it (common/steps.py)
        self._show_page(KIND_PAGE)

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        steps = build_steps(
            self,
            (self._kind_page, self._password_page, self._target_page, self._done_page),
            "Xuất",
            back=self.back,
            next=self.next,
            act=self.export,
            closing="Đón&g",  # Alt+G, as the app's other "Đóng" ("&Bên giao" leaves it free)
        )
        self.steps = steps
        self.title, self.stack = steps.title, steps.stack
        self.back_button, self.next_button = steps.back, steps.next
        self.export_button, self.close_button = steps.action, steps.close

    def _kind_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.handover_radio = QRadioButton(with_alt(KIND_NAMES[HANDOVER], "B"))
        report = with_alt(KIND_NAMES[REPORT], "o")
        self.report_radio = QRadioButton(f"{report} (dữ liệu của một năm)")
        self.handover_radio.setChecked(True)
        handover_hint = QLabel(
            "Toàn bộ dữ liệu của Đoàn cơ sở: đoàn viên, chi đoàn, thanh niên, kế hoạch, hoạt "
            "động, điểm danh, xếp loại, tiêu chí “3 chủ động”, các tệp minh chứng, thiết lập. "
            "Sau khi xuất có thể in biên bản bàn giao để hai bên ký."
        )
        report_hint = QLabel(
            "Những gì cấp trên cần cho năm đã chọn: danh sách đoàn viên, thanh niên, kế hoạch, "
            "hoạt động, xếp loại, tiêu chí và minh chứng."
        )
        year_row = QHBoxLayout()
        self.year_spin = QSpinBox()
        years = report_years(self.today)  # the core's check takes the same
        self.year_spin.setRange(years[0], years[-1])
        self.year_spin.setValue(self.today.year)
        year_row.addSpacing(24)
        self.year_label = QLabel("&Năm:")
        self.year_label.setBuddy(self.year_spin)
        year_row.addWidget(self.year_label)
        year_row.addWidget(self.year_spin)
        year_row.addStretch(1)
        for hint in (handover_hint, report_hint):
            hint.setWordWrap(True)
            hint.setContentsMargins(24, 0, 0, 8)
        layout.addWidget(self.handover_radio)
        layout.addWidget(handover_hint)
        layout.addWidget(self.report_radio)
        layout.addWidget(report_hint)
        layout.addLayout(year_row)
        self.dossier_label = QLabel()  # whether the year's built dossier goes with the report
        self.dossier_label.setWordWrap(True)
        self.dossier_label.setContentsMargins(24, 4, 0, 4)
        self.dossier_label.hide()
        layout.addWidget(self.dossier_label)
        self.unfinished_notice = QLabel()
        self.unfinished_notice.setWordWrap(True)
        self.unfinished_notice.setStyleSheet(NOTICE_STYLE)
        self.unfinished_notice.hide()
        layout.addWidget(self.unfinished_notice)
        layout.addStretch(1)
        self.report_radio.toggled.connect(self.year_spin.setEnabled)
        self.report_radio.toggled.connect(self.year_label.setEnabled)  # its letter with it
        self.report_radio.toggled.connect(lambda _on: self.check_year())
        self.year_spin.valueChanged.connect(lambda _year: self.check_year())
        self.year_spin.setEnabled(False)
        self.year_label.setEnabled(False)
        return page

    def _password_page(self) -> QWidget:
        self.password_panel = PasswordPanel()
        self.password_panel.changed.connect(self._update_buttons)
        # Enter in the second field goes on once the password is acceptable (as in the import
        # wizard); no default button: Enter in the file name must never start a write.
        self.password_panel.second.returnPressed.connect(self.next)
        return self.password_panel

    def _target_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.drive_combo = QComboBox()
        self.drive_combo.currentIndexChanged.connect(self._target_changed)
        drive_row = QHBoxLayout()
        drive_row.addWidget(self.drive_combo, 1)
        self.rescan_button = QPushButton("Tìm lại &USB")
        self.rescan_button.clicked.connect(lambda: self.scan_drives())
        self.other_button = QPushButton("&Chọn nơi khác…")
        self.other_button.clicked.connect(self.choose_folder)
        for button in (self.rescan_button, self.other_button):
            button.setAutoDefault(False)
            drive_row.addWidget(button)
        drive_label = QLabel("Lưu &vào:")
        drive_label.setBuddy(self.drive_combo)
        form.addRow(drive_label, drive_row)
        self.name_edit = QLineEdit()
        self.name_edit.textChanged.connect(self._target_changed)
        form.addRow("Tê&n tệp:", self.name_edit)
        layout.addLayout(form)
        self.target_label = QLabel()
        self.target_label.setWordWrap(True)
        layout.addWidget(self.target_label)
        self.drive_notice = QLabel()
        self.drive_notice.setWordWrap(True)
        self.drive_notice.setStyleSheet(NOTICE_STYLE)
        layout.addWidget(self.drive_notice)
        self.target_error = QLabel()
        self.target_error.setWordWrap(True)
        self.target_error.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.target_error)
        explain = QLabel(
            "Tệp được ghi dưới tên tạm, rồi đọc lại và kiểm tra toàn bộ trước khi báo xong. "
            "Không rút USB khi đang ghi."
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        layout.addStretch(1)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        layout.addWidget(self.done_label)
        self.digest_label = QLabel()
        self.digest_label.setStyleSheet("font-family: monospace; font-size: 12pt;")
        layout.addWidget(self.digest_label)
        self.handover_box = QWidget()
        box = QVBoxLayout(self.handover_box)
        box.setContentsMargins(0, 8, 0, 0)
        intro = QLabel("<b>Biên bản bàn giao dữ liệu</b> — nhập người giao, người nhận rồi lưu "
                       "biên bản (PDF) để in và ký. Hãy lưu trước khi đóng: biên bản ghi mã "
                       "SHA-256 của đúng tệp vừa xuất.")  # fmt: skip
        intro.setWordWrap(True)
        box.addWidget(intro)
        form = QFormLayout()
        self.giver_name = QLineEdit()
        self.giver_position = QLineEdit()
        self.receiver_name = QLineEdit()
        self.receiver_position = QLineEdit()
        self.witness_name = QLineEdit()
        self.witness_name.setPlaceholderText("Để trống nếu không có")
        self.witness_position = QLineEdit()
        # A letter each (the three "Chức vụ" each their own), as every form has.
        form.addRow("&Bên giao — họ và tên:", self.giver_name)
        form.addRow("&Chức vụ:", self.giver_position)
        form.addRow("Bên &nhận — họ và tên:", self.receiver_name)
        form.addRow("C&hức vụ:", self.receiver_position)
        form.addRow("Đoàn cấp &trên (nếu có) — họ và tên:", self.witness_name)
        form.addRow("Chức &vụ:", self.witness_position)
        box.addLayout(form)
        self.print_button = QPushButton("&Lưu biên bản bàn giao (PDF)…")
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.save_handover)
        # Enter in a name goes on to the next field, then to the button (never presses it).
        fields = [self.giver_name, self.giver_position, self.receiver_name,
                  self.receiver_position, self.witness_name, self.witness_position]  # fmt: skip
        for field, after in zip(fields, [*fields[1:], self.print_button], strict=True):
            field.returnPressed.connect(after.setFocus)
        row = QHBoxLayout()
        row.addWidget(self.print_button)
        row.addStretch(1)
        box.addLayout(row)
        layout.addWidget(self.handover_box)
        layout.addStretch(1)
        if self.org is not None:
            self.giver_name.setText(self.org.secretary_name or "")
            self.giver_position.setText(f"Bí thư {self.org.name}")
            self.receiver_position.setText(f"Bí thư {self.org.name}")
        return page

    # Navigation ---------------------------------------------------------------------------

    @property
    def page(self) -> int:
        return self.stack.currentIndex()

    @property
    def kind(self) -> str:
        return REPORT if self.report_radio.isChecked() else HANDOVER

    def _show_page(self, page: int) -> None:
        self.steps.show(page, PAGE_TITLES[page])
        self._update_buttons()
        cancel = self.close_button if page != DONE_PAGE else None  # "Đón&g" there
        if page == PASSWORD_PAGE:
            self.password_panel.first.setFocus()
        elif page == TARGET_PAGE or focus_lost(self, self.stack, cancel):
            self._first_focus(page).setFocus()

    def _first_focus(self, page: int) -> QWidget:
        """The step's first thing to do, for a focus left on nothing (or on "Hủy", which
        "Tiếp >" pressed from the keyboard hands it to as it hides itself)."""
        if page == TARGET_PAGE:
            return self.drive_combo if self.drive_combo.count() else self.other_button
        if page == DONE_PAGE:  # a handover's names then take it (_exported)
            return self.close_button
        return self.report_radio if self.kind == REPORT else self.handover_radio

    def _update_buttons(self) -> None:
        if self.page == PASSWORD_PAGE:
            self.next_button.setEnabled(self.password_panel.problem() is None)
        else:
            self.next_button.setEnabled(self.org is not None)
        self.export_button.setEnabled(self.page == TARGET_PAGE and self.target() is not None)

    def back(self) -> None:
        if self.page in (PASSWORD_PAGE, TARGET_PAGE):
            self._show_page(self.page - 1)

    def next(self) -> None:
        if self.page == KIND_PAGE and self.org is not None:
            self._show_page(PASSWORD_PAGE)
        elif self.page == PASSWORD_PAGE and self.password_panel.problem() is None:
            self.scan_drives(keep=True)  # back from step 3: the target chosen there stays
            self._show_page(TARGET_PAGE)

    def check_year(self) -> None:
        """Read on the worker what of the report's year is unfinished and show it (nothing for
        a handover); a reading for a year no longer chosen is dropped."""
        if self.kind != REPORT:
            self.unfinished_notice.hide()
            self.dossier_label.hide()
            return
        year = self.year_spin.value()

        def read(found: tuple[list[str], BuiltDossier | None]) -> None:
            lines, dossier = found
            if self.kind == REPORT and self.year_spin.value() == year:
                self.unfinished_notice.setText(unfinished_text(year, lines))
                self.unfinished_notice.setVisible(bool(lines))
                self.dossier_label.setText(included_text(year, dossier))
                self.dossier_label.show()

        def failed(exc: BaseException) -> None:  # a help, not a step: the export goes on
            log.warning("could not read what of %s is unfinished: %s", year, exc)
            self.unfinished_notice.hide()
            self.dossier_label.hide()

        def job(ws: Workspace) -> tuple[list[str], BuiltDossier | None]:
            return unfinished_lines(ws, year), ws.bundles.dossier(year)

        op = QueryOp(self, job, self._core, progress=False)
        op.success(read).failure(failed).run()

    # Step 3: the target -------------------------------------------------------------------

    def scan_drives(self, *, keep: bool = False) -> None:
        """Fill the target list: removable drives first, then the folder chosen by hand; the
        first one chosen, or, ``keep``, the one chosen before while it is still listed. The
        file name suggested follows the kind and year, unless the user typed another."""
        chosen = self.drive_combo.currentData()
        self.drives = self.find_drives()
        self.drive_combo.blockSignals(True)
        self.drive_combo.clear()
        for drive in self.drives:
            self.drive_combo.addItem(f"USB: {drive.describe()}", str(drive.root))
        if self.folder is not None:
            self.drive_combo.addItem(f"Thư mục: {self.folder}", str(self.folder))
        kept = self.drive_combo.findData(chosen) if keep and chosen else -1
        self.drive_combo.setCurrentIndex(
            kept if kept >= 0 else 0 if self.drive_combo.count() else -1
        )
        self.drive_combo.blockSignals(False)
        if self.org is not None and self.name_edit.text() in ("", self.suggested):
            year = self.year_spin.value() if self.kind == REPORT else None
            self.suggested = suggested_name(self.org.name, self.kind, self.today, year)
            self.name_edit.setText(self.suggested)
        self._target_changed()

    def choose_folder(self) -> None:
        folder = self.ask_folder("Chọn thư mục lưu tệp")
        if folder is None:
            return
        self.folder = folder
        self.scan_drives()
        self.drive_combo.setCurrentIndex(self.drive_combo.count() - 1)

    def target(self) -> Path | None:
        """The file to write, or None while the choice is incomplete or its name one the
        folder cannot hold (:meth:`name_problem`)."""
        folder = self.drive_combo.currentData()
        name = self._typed_name()
        if not folder or not name or self.name_problem() is not None:
            return None
        return Path(folder) / name

    def _typed_name(self) -> str:
        """The name typed, NFC, with the ``.dcs`` it lacks; empty when nothing is typed."""
        name = nfc(self.name_edit.text()).strip()
        if name and not name.lower().endswith(".dcs"):
            name += ".dcs"
        return name

    def name_problem(self) -> str | None:
        """What is wrong with the name typed, in words, checked by the rule every file the app
        writes follows (``windows_name``: characters, device names, length in the chosen
        folder); None when nothing is, or nothing is typed yet. What was typed is kept."""
        name = self._typed_name()
        if not name:
            return None
        if BAD_CHARACTERS.search(name):
            return BAD_NAME
        device, dot, rest = name.partition(".")
        if windows_name(name, room=len(name) * 2) == f"{device}_{dot}{rest}":
            return DEVICE_NAME.format(device=device)
        folder = self.drive_combo.currentData()
        room = room_in(Path(folder)) if folder else MAX_NAME
        if utf16_units(name) > room:
            return TOO_LONG.format(length=utf16_units(name), room=room)
        fixed = windows_name(name, room=room)
        if fixed != name and fixed != " ".join(name.split()):  # two spaces: Windows takes them
            return NOT_WRITABLE.format(name=name, fixed=fixed)
        return None

    def _drive(self) -> Drive | None:
        folder = self.drive_combo.currentData()
        return next((d for d in self.drives if str(d.root) == folder), None)

    def _target_changed(self) -> None:
        target = self.target()
        self.target_label.setText(f"Tệp sẽ được lưu thành: {target}" if target else "")
        drive = self._drive()
        note = "" if self.drives or self.drive_combo.currentData() else NO_DRIVE
        if drive is not None and drive.fat32:
            note = FAT32_NOTE
        self.drive_notice.setText(note)
        self.drive_notice.setVisible(bool(note))
        self.target_error.setText(self.name_problem() or "")
        self._update_buttons()

    # Export -------------------------------------------------------------------------------

    def export(self) -> None:
        target = self.target()
        if target is None:
            return
        if target.exists() and not self.prompts.confirm(
            self, "Tệp đã có", f"Đã có tệp “{target.name}” ở nơi này. Ghi đè lên tệp đó?"
        ):
            return
        kind, password = self.kind, self.password_panel.password()
        year = self.year_spin.value() if kind == REPORT else None
        self.target_error.clear()
        self.export_button.setEnabled(False)

        def job(ws: Workspace, report: Report) -> Any:
            try:
                return ws.bundles.export(target, kind=kind, year=year, password=password,
                                         report=report)  # fmt: skip
            except TaskCancelled as exc:
                left = temp_left(exc)  # the stick pulled out meanwhile: not "nothing saved"
                if left is None:
                    raise
                raise BundleWriteError(cancelled_left(left)) from exc

        op = QueryOp(self, job, self._core, label="Đang ghi và kiểm tra tệp…", reporting=True)
        op.success(self._exported).failure(self._failed).cancelled(self._cancelled).run()

    def _cancelled(self) -> None:
        self.target_error.setText(CANCELLED)
        self._not_exported()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, AppError):  # a full or pulled-out stick, FAT32...: said on the page
            self.target_error.setText(exc.message)
        else:
            self._core.runner.show_error(exc, "Không xuất được", self)
        self._not_exported()

    def _not_exported(self) -> None:
        """ "Xuất" enabled again, and the focus back on it: disabled while writing, it handed
        the focus to "Hủy", where Enter pressed to try again closed the wizard."""
        self._update_buttons()
        if focus_lost(self, self.stack, self.close_button):
            (self.export_button if self.export_button.isEnabled() else self.name_edit).setFocus()

    def reject(self) -> None:
        """ "Đóng", Esc or the window's ×: a handover whose biên bản is not saved yet asks
        first (staying is the default answer)."""
        unsaved = (self.result_ is not None and self.result_.info.kind == HANDOVER
                   and self.handover_pdf is None)  # fmt: skip
        if unsaved and not self.prompts.confirm(
            self, "Biên bản bàn giao", UNSAVED_BIEN_BAN, yes="Đóng, không lập biên bản",
            no="Quay lại lưu biên bản",
        ):  # fmt: skip
            self.print_button.setFocus()
            return
        super().reject()

    def _exported(self, result: Any) -> None:
        self.result_ = result
        what = "bàn giao" if self.kind == HANDOVER else f"báo cáo năm {self.year_spin.value()}"
        encrypted = "có mật khẩu" if self.password_panel.password() else "KHÔNG có mật khẩu"
        self.done_label.setText(
            f"Đã lưu tệp {what} ({encrypted}) và đọc lại kiểm tra đầy đủ:\n{result.path}\n"
            f"Dung lượng: {size_text(result.size)}.\n\nMã kiểm tra SHA-256 (để đối chiếu khi "
            "nhận, đọc theo từng nhóm 4 ký tự):"
        )
        self.digest_label.setText(digest_text(result.sha256))
        self.handover_box.setVisible(self.kind == HANDOVER)
        self._show_page(DONE_PAGE)
        if self.kind == HANDOVER:  # the biên bản's first name still to type (the giver's is set)
            names = (self.giver_name, self.receiver_name)
            next((e for e in names if not e.text().strip()), self.receiver_name).setFocus()

    # The handover record ------------------------------------------------------------------

    def handover_record(self, evidence_bytes: int) -> HandoverRecord:
        result = self.result_
        assert result is not None and self.org is not None
        # counts["evidence_files"] is the table of the files' details; the files themselves
        # are counted by info.evidence_files. The records printed are those not deleted, as
        # the roster counts them (the manifest's live counts, read in the export's snapshot).
        live = live_counts(result.info.manifest)
        counts = dict(live.tables) if live is not None else dict(result.counts)
        witness = Party(nfc(self.witness_name.text()), nfc(self.witness_position.text()))
        return HandoverRecord(
            org=self.org,
            giver=Party(nfc(self.giver_name.text()), nfc(self.giver_position.text())),
            receiver=Party(nfc(self.receiver_name.text()), nfc(self.receiver_position.text())),
            handed_on=self.today,
            counts=counts,
            evidence_files=int(result.info.evidence_files),
            evidence_bytes=evidence_bytes,
            witness=witness if witness.name or witness.position else None,
            file_name=Path(result.path).name,
            sha256=result.sha256,
            file_size=result.size,
            member_statuses=live.member_statuses if live is not None else None,
        )

    def _ask_details(self) -> DocumentDetails | None:
        """The print dialog every document shares (number, place, date), without "Nơi nhận",
        which a biên bản does not have."""
        dialog = DocumentDialog(self._core, HANDOVER_DOCUMENT, self.today, self, recipients=False)
        self.prompts.run(dialog)
        details = dialog.details if dialog.result() == QDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        return details

    def save_handover(self) -> None:
        """Ask the record's number, place and date, then save it where the user chooses and
        offer to open it to print."""
        result = self.result_
        if result is None:
            return
        details = self._ask_details()
        if details is None:
            return
        path = self.ask_save_path("Lưu biên bản bàn giao", str(bien_ban_path(result.path)),
                                  PDF_FILTER)  # fmt: skip
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        sizes = evidence_sizes(result.info.manifest)
        record = replace(
            self.handover_record(sum(sizes.values())),
            number=details.number or None,
            place=details.place,
            handed_on=details.issued_on,
        )

        def job(ws: Workspace) -> Path:
            return print_handover(replace(record, evidence=ws.evidence.files_listed(sizes)), path)

        def saved(pdf: Path) -> None:
            remember_document(self._core, HANDOVER_DOCUMENT, details)
            self.handover_pdf = pdf
            text = f"Đã lưu biên bản bàn giao:\n{pdf}\n\nMở biên bản để in ngay?"
            if self.prompts.confirm(self, "Biên bản bàn giao", text):
                open_or_say(self, self.prompts, pdf, self.open_file)

        op = QueryOp(self, job, self._core, label="Đang lập biên bản…")
        op.success(saved).failure(self._core.reporter(self, "Không lưu được biên bản")).run()

    def _ask_folder(self, title: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(self, title, str(Path.home()))
        return Path(name) if name else None

    def _ask_save_path(self, title: str, default: str, filters: str) -> Path | None:
        name, _selected = QFileDialog.getSaveFileName(self, title, default, filters)
        return Path(name) if name else None


def bien_ban_path(bundle: Path) -> Path:
    """Where the biên bản of ``bundle`` is offered: beside it, on the stick it was just written
    to (printed from there or kept with it), named after it
    (``bien-ban-<tổ chức>-ban-giao-<dd-mm-yyyy>.pdf``); in the home folder once the stick is
    pulled out."""
    bundle = Path(bundle)
    name = offered_name(f"bien-ban-{bundle.stem.removeprefix('doancoso-')}", ".pdf")
    folder = bundle.parent if bundle.parent.is_dir() else Path.home()
    return folder / name


def evidence_sizes(manifest: Any) -> dict[str, int]:
    """The evidence files of a bundle (SHA-256 -> size), from its verified manifest."""
    prefix = "evidence/"
    return {name[len(prefix) :]: m.size for name, m in manifest.members.items()
            if name.startswith(prefix)}  # fmt: skip
