"""The "Hồ sơ" area: the recognition dossier of a year (issue #16).

On the left the year, the number of the tờ trình (kept per year by the core's memory of
document numbers as it is typed, :class:`~doancoso.core.document_memory.DocumentMemory`, which
``doancoso dossier`` shares, and offered again for its year), "Số văn bản…" for the numbers of
the other documents (:mod:`.numbers`, kept per year in the same memory), the parts
(ticked, in an order that can be changed) and the check: what the dossier would lack, each line
with a button to where it is fixed, and how many documents will print a blank number line.
"Lập hồ sơ" builds the dossier on the worker with a progress bar and "Hủy"
(:class:`~.job.ReportingQuery`); it writes no row, only a PDF in the page's own temporary
folder (in the app's, :mod:`..common.temp_copies`), written at the very end. On the right the
preview (:mod:`.preview`), "In…" (Ctrl+P, Qt's print dialog), "Lưu thành PDF…" (Ctrl+S, a
copy written atomically where the user says) and "Mở thư mục" (the folder of the file saved).

An evidence file that is encrypted, damaged or not what it claims stops the build with the
core's message naming it, and nothing is written; so do evidence files lost from the store,
every one named. The check names each of those beforehand, with "Mở Sao lưu và khôi phục" to
the backups dialog, where "Lấy lại tệp minh chứng bị mất từ USB…" takes them back.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.changes import Changes
from ...core.dossier.check import Gap, check
from ...core.dossier.numbers import last_by_code, numbered_parts, unnumbered
from ...core.dossier.stored import partial_text
from ...core.errors import AppError
from ...core.lang.text import nfc
from ...core.storage.files import written_atomically
from ...core.workspace import Workspace
from ..common.action_button import action_button
from ..common.document_dialog import DocumentMemory
from ..common.folders import documents_folder
from ..common.steps import is_enter
from ..common.temp_copies import session_folder
from ..shell.operations import Core, QueryOp
from ..shell.state import UiState
from .checks import BACKUPS_FIX, EMPTY_REGISTERS, FIX_AREAS, NUMBER_FIX, NUMBERS_FIX, ChecksPanel
from .job import Reporter, ReportingQuery
from .numbers import ask_numbers, store_numbers, stored_numbers
from .pdf_file import PdfFile
from .preview import Preview
from .printing import PrintJob, chosen_pages, new_printer, print_dialog, progress_dialog

if TYPE_CHECKING:
    from ...reports.dossier.build import Dossier

BUILD_FAILED = "Không lập được hồ sơ"
SAVE_FAILED = "Không lưu được hồ sơ"
PRINT_FAILED = "Không in được hồ sơ"
CHECK_DELAY_MS = 300
NOT_SAVED_TIP = "Lưu hồ sơ thành PDF trước, rồi mở thư mục chứa tệp."
SPLIT_BEFORE_BUILD = (600, 600)
SPLIT_WITH_PREVIEW = (380, 820)
"""The shares of the page's width (choices and check | preview) before a dossier is built and
once one is shown."""


UNSAVED_ANSWERS = ("Lưu rồi lập", "Lập, không lưu", "Quay lại")


def unsaved_text(pending: list[str]) -> str:
    """The question before a build while other pages hold text typed and not saved."""
    listing = "\n".join(f"• {what}" for what in pending)
    return (f"Có nội dung đã nhập nhưng chưa lưu:\n{listing}\n\n"
            "Hồ sơ chỉ in những gì đã lưu. Lưu lại trước khi lập hồ sơ?")  # fmt: skip


def build_anyway_text(contradictions: list[str]) -> str:
    """The question before building a dossier that prints two figures for the same things."""
    return f"Hồ sơ sẽ in hai số khác nhau cho {'; '.join(contradictions)}: vẫn lập?"


NUMBER_SAVE_DELAY_MS = 400
"""How long after the last key the typed tờ trình number is kept (a file written and flushed
to disk, not at each key: on a USB stick a flush can take a while)."""


def number_key(year: int) -> str:
    """Where older versions kept the number of the tờ trình of ``year``: the data folder's UI
    state (taken over by the core's memory, :func:`ttr_number`)."""
    return f"dossier/{year}/number"


def ttr_number(memory: DocumentMemory, state: UiState, year: int) -> str:
    """The number given to the tờ trình of ``year``: the core's, else (never given there) the
    one older versions kept in the UI state, taken over into the core's memory."""
    if memory.knows_dossier_number(year):
        return memory.dossier_number(year)
    old = nfc(state.text(number_key(year)).strip())
    if old:
        memory.keep_dossier_number(year, old)
    return old


class DossierPage(QWidget):
    """Choose, check, build, preview, print and save the dossier of a year."""

    status_message = Signal(str)
    open_area = Signal(str, int)
    """The user asked to fix a gap in another area (its name in the side bar, and the year of
    the dossier: the one to show there)."""
    open_plan = Signal(int, str)
    """The user asked to fix a gap of the plan (the year, and the id of the target the gap is
    about or "")."""
    open_checklist_item = Signal(int, str)
    """The user asked to fix a gap of one checklist item (the year and the item's code)."""
    open_register_record = Signal(int, str)
    """The user asked to fix a gap of an advice or coordination record (the year and its id)."""
    open_register_table = Signal(int, str)
    """The user asked to add the advice or coordination record the year lacks (the year and
    the register's table)."""
    open_backups = Signal()
    """The user asked to take back evidence files lost from the store (the backups dialog)."""
    checked = Signal()
    """The check's lines were shown."""
    built = Signal()
    """A build ended (done, failed or cancelled) and the page is ready again."""

    def __init__(self, core: Core, parent: QWidget | None = None, *,
                 today: Callable[[], dt.date] | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._core = core
        self.today: Callable[[], dt.date] = today or dt.date.today
        self._folder = Path(tempfile.mkdtemp(prefix="ho-so-", dir=session_folder()))
        # Removed with the page at the latest; a file still open on Windows is left behind, for
        # the next start (:func:`~..common.temp_copies.remove_old_copies`).
        self._remove_folder = weakref.finalize(self, shutil.rmtree, self._folder, True)
        self._builds = 0
        self.pdf: PdfFile | None = None
        self.built_year: int | None = None
        self.partial_note = ""  # the dossier shown is not the one the report bundle carries
        self.saved_path: Path | None = None
        self.last_folder: Path | None = None  # where the last dossier was saved (kept on rebuild)
        self.job: ReportingQuery | None = None
        self.print_job: PrintJob | None = None
        self._stale = True
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.refresh_check)
        self._memory = UiState(core.ws.data_dir)
        self._numbers_memory = DocumentMemory(core.ws.data_dir)
        self._number_timer = QTimer(self)
        self._number_timer.setSingleShot(True)
        self._number_timer.setInterval(NUMBER_SAVE_DELAY_MS)
        self._number_timer.timeout.connect(self.keep_number)
        self._typed: tuple[int, str] | None = None  # a number typed, not yet kept: year, number
        self.pending_edits: Callable[[], list[str]] = list
        """What other pages hold typed and not saved ("3 chủ động: nội dung mục 1.2 năm
        2025"; given by the main window): asked about before a build, since the dossier prints
        only what is saved."""
        self.save_pending_edits: Callable[[], None] = lambda: None
        """Saves those, on the worker (before the build's check reads)."""
        self._build_ui()
        core.data_changed.changed.connect(self._on_data_changed)

    @property
    def folder(self) -> Path:
        """The page's temporary folder, where the dossier is built."""
        return self._folder

    # Building the page ------------------------------------------------------------------------

    def _build_ui(self) -> None:
        from .parts import PartsList

        self.year_box = QSpinBox()
        self.year_box.setRange(2000, self.today().year + 1)
        self.year_box.setValue(self.today().year)
        # Its natural width, as the other pages' year boxes: the form stretches its fields.
        self.year_box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.year_box.valueChanged.connect(self._year_changed)
        self._remembered = ttr_number(self._numbers_memory, self._memory, self.year)
        self.number_edit = QLineEdit(self._remembered)
        self.number_edit.setPlaceholderText("ví dụ 15-TTr/ĐTN")
        self.number_edit.textChanged.connect(self._choice_changed)
        self.number_edit.textEdited.connect(self._remember_number)
        self.numbers: dict[str, str] = stored_numbers(self._numbers_memory, self._memory, self.year)
        """The numbers of the year's other documents (part → number; none: printed blank)."""
        self.numbers_button = QPushButton("Số văn &bản…")  # Alt+B opens the dialog
        self.numbers_button.setToolTip("Số của các văn bản khác trong hồ sơ (báo cáo, danh sách…)")
        self.numbers_button.clicked.connect(self.edit_numbers)
        self.photos_box = QComboBox()
        self.photos_box.addItems(["Một ảnh mỗi trang", "Hai ảnh mỗi trang"])
        self.photos_box.setToolTip("Ảnh minh chứng trong phụ lục")
        for natural in (self.numbers_button, self.photos_box):  # as the year box
            natural.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        # Alt letters none of the menus' (T, S, X, V, G) and none twice on the page: N, R, B, M
        # here; the parts' D, U, C; the check's K, P; L, Y, I, F, H below.
        form = QFormLayout()
        form.addRow("&Năm", self.year_box)
        form.addRow("Số tờ t&rình", self.number_edit)
        # The button's own letter presses it: its row's label names no field.
        form.addRow(QLabel("Văn bản khác"), self.numbers_button)
        form.addRow("Ảnh &minh chứng", self.photos_box)
        self.parts = PartsList()
        self.parts.changed.connect(self._choice_changed)
        parts_box = QGroupBox("Các phần của hồ sơ")
        QVBoxLayout(parts_box).addWidget(self.parts)
        self.checks = ChecksPanel()
        self.checks.fix_requested.connect(self._fix)
        # Its letter puts the keyboard on the check's first button ("Nhập số…", else the first
        # line's): the lines' own buttons, one per line, cannot each have a letter; Tab goes
        # from line to line and Enter or Space presses the one reached.
        checks_box = QGroupBox("&Kiểm tra trước khi lập")
        QVBoxLayout(checks_box).addWidget(self.checks)
        # Drawn as the default button: Enter in the choices' fields presses it (keyPressEvent).
        self.build_button = QPushButton("&Lập hồ sơ")
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.build)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setFormat("%p%")
        self.cancel_button = QPushButton("Hủ&y")
        self.cancel_button.clicked.connect(self.cancel_build)
        build_row = QHBoxLayout()
        build_row.addWidget(self.build_button, 1)
        build_row.addWidget(self.progress, 1)
        build_row.addWidget(self.cancel_button)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(parts_box, 3)
        column.addWidget(checks_box, 4)
        column.addLayout(build_row)
        left.setMinimumWidth(340)

        self.print_action = self._action("&In…", QKeySequence.StandardKey.Print,
                                         self.print_dossier)  # fmt: skip
        self.save_action = self._action("Lưu thành PD&F…", QKeySequence.StandardKey.Save,
                                        self.save_dossier)  # fmt: skip
        self.folder_action = QAction("Mở t&hư mục", self)
        self.folder_action.triggered.connect(self.open_folder)
        self.info = QLabel()
        self.info.setWordWrap(True)
        actions = QHBoxLayout()
        for action in (self.print_action, self.save_action, self.folder_action):
            actions.addWidget(action_button(action))
        actions.addWidget(self.info, 1)
        self.preview = Preview()
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addLayout(actions)
        right_column.addWidget(self.preview, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        # Before a dossier is built the preview has nothing to show: the choices and the check
        # take half the page (readable at 1366×768); the preview its room once there is one.
        self.splitter.setSizes(list(SPLIT_BEFORE_BUILD))
        self._split_moved = False  # by the user: left as they put it
        self.splitter.splitterMoved.connect(self._splitter_moved)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self._set_building(False)

    def _splitter_moved(self, _pos: int, _index: int) -> None:
        self._split_moved = True

    def _action(self, text: str, key: QKeySequence.StandardKey,
                slot: Callable[[], None]) -> QAction:  # fmt: skip
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shown = text.replace("&", "").rstrip("…")
        action.setToolTip(f"{shown} ({QKeySequence(key).toString()})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # The check --------------------------------------------------------------------------------

    @property
    def year(self) -> int:
        return self.year_box.value()

    @property
    def number(self) -> str | None:
        return nfc(self.number_edit.text().strip()) or None

    def _year_changed(self) -> None:
        """Offer the tờ trình number used for the year chosen (unless one was typed)."""
        self.keep_number()  # the number typed for the year left
        remembered = ttr_number(self._numbers_memory, self._memory, self.year)
        if self.number_edit.text().strip() in ("", self._remembered):
            self.number_edit.setText(remembered)
        self._remembered = remembered
        self.numbers = stored_numbers(self._numbers_memory, self._memory, self.year)
        self._choice_changed()

    def _remember_number(self) -> None:
        """Keep the number as it is typed (not only once the dossier is built): typed from
        the office's register, it must survive the app closed before the dossier is built. Kept
        shortly after the last key (:meth:`keep_number`), at the latest when the page hides."""
        self._remembered = self.number or ""
        self._typed = (self.year, self._remembered)
        self._number_timer.start()

    def keep_number(self) -> None:
        """Keep the tờ trình number typed, for its year, in the core's memory."""
        self._number_timer.stop()
        if self._typed is not None:
            (year, number), self._typed = self._typed, None
            self._numbers_memory.keep_dossier_number(year, number)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Enter in one of the choices' fields (the year, the tờ trình's number, the photos)
        presses "Lập hồ sơ", as its default look promises, as a dialog's default button does
        (a button reached by Tab keeps Enter for itself: the main window presses it; the parts'
        list keeps it for its line)."""
        focused = QApplication.focusWidget()
        fields = (self.year_box, self.number_edit, self.photos_box)
        if (is_enter(event) and focused is not None
                and any(f is focused or f.isAncestorOf(focused) for f in fields)):  # fmt: skip
            if self.build_button.isEnabled():
                self.build_button.click()
            return
        super().keyPressEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        self.keep_number()  # another area shown, or the window closed
        super().hideEvent(event)

    def edit_numbers(self) -> None:
        """The dialog of the numbers of the chosen parts' documents; kept for the year."""
        parts = self.parts.chosen()
        chosen = ask_numbers(self._core, parts, self.numbers, self.number, self.today(), self)
        if chosen is None:
            return
        shown = set(numbered_parts(parts))  # the others keep their numbers
        self.numbers = {p: n for p, n in self.numbers.items() if p not in shown} | chosen
        store_numbers(self._numbers_memory, self.year, self.numbers)
        self._choice_changed()

    def chosen_numbers(self, parts: list[str]) -> dict[str, str]:
        """The numbers of the documents of ``parts``."""
        return {p: n for p, n in self.numbers.items() if p in parts}

    def _choice_changed(self) -> None:
        self.checks.checking()
        self._check_timer.start()

    def refresh_check(self) -> None:
        """Check the dossier as chosen now (on the worker), then show its lines."""
        self._check_timer.stop()
        self._stale = False
        year, parts, number = self.year, self.parts.chosen(), self.number
        today = self.today()  # the page's clock: figures counted and lists dated on it

        def shown(gaps: list[Gap]) -> None:
            self._show_check(year, parts, number, gaps)

        op = QueryOp(self, lambda ws: check(ws, year, parts, number, as_of=today), self._core,
                     progress=False)  # fmt: skip
        op.success(shown).failure(self._core.reporter(self, "Không kiểm tra được")).run()

    def _show_check(self, year: int, parts: list[str], number: str | None,
                    gaps: list[Gap]) -> None:  # fmt: skip
        """Show the lines of a check of ``year``, ``parts`` and ``number``, if that is still
        what the page has chosen."""
        if (year, parts, number) == (self.year, self.parts.chosen(), self.number):
            self.checks.show_gaps(gaps, len(unnumbered(parts, self.numbers)))
            self.checked.emit()

    def _fix(self, fix: str, item: str = "", target: str = "") -> None:
        if fix == NUMBER_FIX:
            self.number_edit.setFocus()
        elif fix == NUMBERS_FIX:
            self.edit_numbers()
        elif fix == BACKUPS_FIX:
            self.open_backups.emit()
        elif item:
            self.open_checklist_item.emit(self.year, item)
        elif fix == FIX_AREAS["ke-hoach"]:
            self.open_plan.emit(self.year, target)  # the dossier's year, not today's
        elif fix == FIX_AREAS["tham-muu-phoi-hop"] and target in EMPTY_REGISTERS.values():
            self.open_register_table.emit(self.year, target)
        elif fix == FIX_AREAS["tham-muu-phoi-hop"] and target:
            self.open_register_record.emit(self.year, target)
        else:
            self.open_area.emit(fix, self.year)  # the dossier's year, not the page's

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self.refresh_check()

    def _on_data_changed(self, changes: Changes) -> None:
        if not changes:
            return
        if self.isVisible():
            self._choice_changed()
        else:
            self._stale = True
        if self.pdf is not None:
            self._show_info(" Dữ liệu đã thay đổi sau khi lập: hãy lập lại để hồ sơ theo kịp.")

    # Building ---------------------------------------------------------------------------------

    def build(self) -> None:
        """Build the dossier as chosen, on the worker; the preview shows it at the end. A
        dossier that would print two different figures for one thing is built only once the
        user says so (the other gaps are only named)."""
        if self.job is not None or self.print_job is not None:  # the file shown is printing
            return
        parts = self.parts.chosen()
        if not parts:
            self._core.prompts.error(self, BUILD_FAILED, "Hãy chọn ít nhất một phần của hồ sơ.")
            return
        saving = False
        pending = self.pending_edits()
        if pending:
            answer = self._core.prompts.ask(self, "Lập hồ sơ", unsaved_text(pending),
                                            UNSAVED_ANSWERS)  # fmt: skip
            if answer == len(UNSAVED_ANSWERS) - 1:  # "Quay lại"
                return
            if answer == 0:
                self.save_pending_edits()
                saving = True
        year, number = self.year, self.number
        self.build_button.setEnabled(False)  # checking: not pressed twice
        self.year_box.setEnabled(False)  # the year checked and built is the one shown

        def checked(gaps: list[Gap]) -> None:
            self.build_button.setEnabled(True)
            self.year_box.setEnabled(True)
            # Shown as read now: a file moved out of the data folder by hand changed nothing in
            # the data, and the lines shown would still say the dossier can be built beside
            # the build's refusal of it.
            self._show_check(year, parts, number, gaps)
            left = self.pending_edits() if saving else []
            if left:  # a save refused: its page holds the message
                listing = "; ".join(left)
                self._core.prompts.error(self, BUILD_FAILED, f"Chưa lưu được {listing}: hãy "
                                         "sửa ở trang đó rồi lập lại hồ sơ.")  # fmt: skip
                return
            twice = [g.contradiction for g in gaps if g.contradiction]
            if twice and not self._core.prompts.confirm(
                self, "Lập hồ sơ", build_anyway_text(twice), yes="Vẫn lập", no="Quay lại"
            ):
                return
            self._start_build(year, parts, number, today)

        def failed(exc: BaseException) -> None:
            self.build_button.setEnabled(True)
            self.year_box.setEnabled(True)
            self._core.reporter(self, BUILD_FAILED)(exc)

        today = self.today()  # checked and built on the same day: the page's
        op = QueryOp(self, lambda ws: check(ws, year, parts, number, as_of=today), self._core,
                     progress=False)  # fmt: skip
        op.success(checked).failure(failed).run()

    def _start_build(self, year: int, parts: list[str], number: str | None,
                     today: dt.date) -> None:  # fmt: skip
        self._builds += 1
        path = self.folder / f"ho-so-{self._builds}.pdf"
        photos = self.photos_box.currentIndex() + 1
        numbers = self.chosen_numbers(parts)

        def job(ws: Workspace, report: Reporter) -> object:
            from ...reports.dossier.build import build_dossier

            # Its parts are written beside it, in the session's folder (not the system's
            # temporary folder): a build cut short leaves them for the next start to remove.
            return build_dossier(ws, path, year, parts, number=number, issued_on=today,
                                 as_of=today, photos_per_page=photos, report=report,
                                 numbers=numbers, temp_folder=path.parent)  # fmt: skip

        self.job = ReportingQuery(self, job, self._core)
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(lambda dossier: self._built(path, year, dossier, number,
                                                                numbers))  # fmt: skip
        self.job.failed.connect(self._build_failed)
        self.job.cancelled.connect(self._build_cancelled)
        self._set_building(True)
        self.job.run()

    def cancel_build(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat("Đang dừng…")

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))

    def _built(self, path: Path, year: int, dossier: object, number: str | None,
               numbers: dict[str, str] | None = None) -> None:  # fmt: skip
        self._end_job()
        self.keep_number()
        if number:  # offered again for this year, next time too
            self._numbers_memory.keep_dossier_number(year, number)
            if year == self.year:
                self._remembered = number
        if numbers:  # the print dialogs suggest the numbers after these
            for code, last in last_by_code(numbers).items():
                self._numbers_memory.remember_number(code, last, self.today().year)
        try:
            pdf = PdfFile(path)
        except AppError as exc:  # as a failed build: the page ready to build again
            self._build_failed(exc)
            return
        previous = self.pdf
        self.pdf, self.built_year, self.saved_path = pdf, year, None
        built = cast("Dossier", dossier)
        self.partial_note = ""
        if not built.whole:  # not the dossier the report bundle carries: say which one it does
            self.partial_note = " " + partial_text(year, built.missing, built.kept_before)
        self.preview.set_pdf(pdf)
        if previous is None and not self._split_moved:
            self.splitter.setSizes(list(SPLIT_WITH_PREVIEW))
        if previous is not None:
            previous.close()
            previous.path.unlink(missing_ok=True)
        self._show_info("")
        self.status_message.emit(f"Đã lập hồ sơ năm {year}: {len(pdf)} trang.")
        self._set_building(False)
        self.preview.view.setFocus()
        self.built.emit()

    def _build_failed(self, exc: BaseException) -> None:
        self._end_job()
        self._set_building(False)
        self._core.runner.show_error(exc, BUILD_FAILED, self)
        self.built.emit()

    def _build_cancelled(self) -> None:
        self._end_job()
        self._set_building(False)
        self.status_message.emit("Đã hủy lập hồ sơ; chưa ghi gì.")
        self.built.emit()

    def _end_job(self) -> None:
        if self.job is not None:
            self.job.deleteLater()
            self.job = None

    def _set_building(self, building: bool) -> None:
        self.build_button.setEnabled(not building)
        self.year_box.setEnabled(not building)  # the preview's year stays the year chosen
        self.progress.setVisible(building)
        self.cancel_button.setVisible(building)
        self.cancel_button.setEnabled(building)
        self.progress.setRange(0, 0)
        self.progress.setFormat("%p%")
        has_pdf = self.pdf is not None and not building
        self.print_action.setEnabled(has_pdf)
        self.save_action.setEnabled(has_pdf)
        self.folder_action.setEnabled(self.saved_path is not None and not building)
        self.folder_action.setToolTip("Mở thư mục chứa tệp đã lưu" if self.saved_path
                                      else NOT_SAVED_TIP)  # fmt: skip

    def _show_info(self, note: str) -> None:
        if self.pdf is None:
            self.info.setText("")
            return
        text = f"Hồ sơ năm {self.built_year}: {len(self.pdf)} trang."
        if self.saved_path is not None:
            text += f" Đã lưu: {self.saved_path.name}."
        text += self.partial_note
        self.info.setText(text + note)

    # Print, save, open the folder -------------------------------------------------------------

    def print_dossier(self) -> None:
        """Qt's print dialog, then the chosen pages printed page by page (see :mod:`.printing`)."""
        pdf = self.pdf
        if pdf is None or self.print_job is not None:
            return
        printer = new_printer(len(pdf))
        dialog = print_dialog(printer, len(pdf), self)
        self._core.prompts.run(dialog)
        accepted = dialog.result() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted:
            return
        pages = chosen_pages(printer, len(pdf), self.preview.view.current_page)
        job = PrintJob(pdf, printer, pages)  # it owns the printer and keeps itself alive
        self.print_job = job
        self.destroyed.connect(job.abandon)  # the page gone mid-print: its painter ended
        dialog_ = progress_dialog(job, self)
        job.finished.connect(lambda n: self._printed(n, dialog_))
        job.stopped.connect(lambda _n: self._printed(None, dialog_, "Đã hủy in hồ sơ."))
        job.failed.connect(lambda message: self._print_failed(message, dialog_))
        try:
            job.start()
        except AppError as exc:
            self._printed(None, dialog_)
            self._core.runner.show_error(exc, PRINT_FAILED, self)

    def _printed(self, sheets: int | None, dialog: QProgressDialog, said: str = "") -> None:
        """The print is over (done, cancelled or failed): the page can print and build again."""
        self.print_job = None
        # Hidden now, its timer to show itself stopped: a message said next runs its own event
        # loop, where the dialog is not deleted yet and would come up over it ("Đang in…").
        dialog.reset()
        dialog.deleteLater()
        if sheets is not None:
            said = f"Đã gửi {sheets} trang hồ sơ tới máy in."
        if said:
            self.status_message.emit(said)

    def _print_failed(self, message: str, dialog: QProgressDialog) -> None:
        self._printed(None, dialog)
        self._core.prompts.error(self, PRINT_FAILED, message)

    def ask_save_path(self, name: str) -> Path | None:
        """The PDF chosen in a save dialog (None when cancelled), offered where the last one
        was saved, at first in Documents (as the lists'); tests replace this."""
        start = self.last_folder or documents_folder()
        chosen, _ = QFileDialog.getSaveFileName(self, "Lưu hồ sơ thành PDF", str(start / name),
                                                "Tệp PDF (*.pdf)")  # fmt: skip
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def save_dossier(self) -> None:
        """The built dossier copied where the user says, atomically (on the worker)."""
        pdf = self.pdf
        if pdf is None:
            return
        target = self.ask_save_path(f"ho-so-3-chu-dong-{self.built_year}.pdf")
        if target is None:
            return
        source = pdf.path

        def copy(_ws: Workspace) -> Path:
            with written_atomically(target) as temp:
                shutil.copyfile(source, temp)
            return target

        def saved(path: Path) -> None:
            self.saved_path, self.last_folder = path, path.parent
            self._set_building(False)
            self._show_info("")
            self.status_message.emit(f"Đã lưu hồ sơ vào tệp {path}.")

        op = QueryOp(self, copy, self._core, label="Đang lưu hồ sơ…")
        op.success(saved).failure(self._core.reporter(self, SAVE_FAILED)).run()

    def open_folder(self) -> None:
        """The folder of the file saved, in the system's file manager."""
        if self.saved_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_path.parent)))

    def close_pdf(self) -> None:
        """Let go of the file shown (before the temporary folder goes), a print of it stopped
        first."""
        if self.print_job is not None:
            self.print_job.cancel()
        if self.pdf is not None:
            self.preview.set_pdf(None)
            self.pdf.close()
            self.pdf = None
        self._remove_folder()
