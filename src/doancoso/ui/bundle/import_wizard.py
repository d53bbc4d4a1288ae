"""Nhận dữ liệu từ USB: the import wizard (issue #17).

Four pages, as the roster's import wizard: 1. the file (a USB stick's folder offered first) and
its password when it has one; 2. what the file is (organisation, kind, date, app and format
version, counts; a report's built dossier, which "Lưu hồ sơ (PDF)…" saves where the user
chooses); a bundle of another organisation is refused with its name unless "Sáp nhập
tổ chức này vào" is chosen; 3. the dry run: rows new, updated, deleted and unchanged per kind
of record, the conflicts side by side field by field with who changed each field and a choice
per field ("Giữ của tôi" / "Lấy của tệp", or either for all the fields both changed; a field
changed on one machine only starts on its side: conflicts.py), and, for a merge, the chi đoàn
and the people matched, for confirmation; 4. the summary. Nothing is written before "Nhập";
the core then takes a backup, checks everything again and applies the whole file in one
transaction, with a progress bar.

The file is read from the stick once, at step 1 (``ws.bundles.hold``: its SHA-256 taken and an
encrypted one decrypted in the same pass, with a progress bar and "Hủy"); the dry runs and the
import read the decrypted copy, which is removed when the wizard closes or another file is
chosen.

In an empty data folder (first start, "Nhận bàn giao từ USB") the handover becomes this
installation's organisation. What the wizard says (its messages, the summaries of an import
done) is in :mod:`.import_texts`; step 2's page, showing what the file is, in
:mod:`.import_info`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core.bundle.container import HeldBundle
from ...core.bundle.crypto import PasswordNeeded
from ...core.bundle.errors import WrongPassword
from ...core.bundle.firststart import SetupOnly, created_day, live_members, setup_of
from ...core.bundle.service import BundleInfo
from ...core.errors import AppError
from ...core.lang.filenames import offered_name
from ...core.lang.text import nfc, vn_number
from ...core.workspace import Workspace
from ..common.drives import removable_drives
from ..common.steps import EnterPresses, build_steps, focus_lost
from ..shell.operations import READ_CANCELLED, Core, CoreOp, QueryOp
from ..shell.tasks import Report
from .conflicts import ConflictsPanel
from .counts import (
    PLAN_HEADERS,
    CountsTable,
    dialog_size,
    empty_columns,
    files_text,
    plan_rows,
)
from .import_info import BundleInfoPage
from .import_texts import (
    CHOICES_REVEALED,
    MERGE_NOTE,
    NEEDS_PASSWORD,
    NO_UNDO,
    REPORT_NOT_TAKEN,
    STALE,
    conflicts_text,
    foreign_text,
    result_text,
)
from .merge_panel import MergePanel
from .password import ERROR_STYLE, PasswordEdit, ShowPassword
from .secretary import SecretaryDialog, with_secretary

FILE_PAGE, INFO_PAGE, PLAN_PAGE, RESULT_PAGE = range(4)
PAGE_TITLES = (
    "Bước 1/3 — Chọn tệp dữ liệu",
    "Bước 2/3 — Thông tin của tệp",
    "Bước 3/3 — Xem trước thay đổi",
    "Đã nhận xong",
)
BUNDLE_FILTER = "Tệp dữ liệu doancoso (*.dcs);;Tất cả tệp (*)"


class BundleImportWizard(QDialog):
    """Import a bundle; ``plan`` is the dry run, ``applied`` the applied plan once done."""

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self.prompts = core.prompts
        self.path: Path | None = None
        self.held: HeldBundle | None = None
        """The file read once at step 1; its copy removed on closing (:meth:`done`)."""
        self._closed = False
        self._held_with: tuple[Path, str | None] | None = None
        self.info: Any = None
        self.plan: Any = None
        self.stale = False
        """Sáp nhập: a choice changed since the plan shown was made (no import until
        “Xem lại với lựa chọn này”)."""
        self.planned_with: dict[Any, dict[str, str]] | None = None
        """The conflicts' choices the plan shown was made with (None: none, the first dry run);
        "Nhập" with other choices makes the dry run again with them first (:meth:`apply`)."""
        self.applied: Any = None
        self.ask_open_path: Callable[[str], Path | None] = self._ask_open_path
        self.ask_save_path: Callable[[str, str], Path | None] = self._ask_save_path
        org = core.ws.organization.get() if core.ws.has_organization else None
        self.my_org_id = org.id if org is not None else None
        self.my_org_name = org.name if org is not None else None
        self.setup: SetupOnly | None = None
        """This copy's first-start setup when it holds nothing else (firststart.py)."""
        self.my_org_day = ""
        self.my_members = 0
        """This copy's members (deleted ones left out), read with the file at step 1."""
        self.setWindowTitle("Nhận dữ liệu từ USB")
        self.resize(dialog_size(self.screen().availableGeometry().size()))
        self._build()
        EnterPresses(self)  # Enter on a button tabbed to presses it (common/steps.py)
        self._show_page(FILE_PAGE)
        self.browse_button.setFocus()  # the first thing to do (the file's field is read-only)

    # Building -----------------------------------------------------------------------------

    def _build(self) -> None:
        steps = build_steps(
            self,
            (self._file_page, self._info_page, self._plan_page, self._result_page),
            "Nhập",
            back=self.back,
            next=self.next,
            act=self.apply,
            closing="Đón&g",  # Alt+G, as the app's other "Đóng"
        )
        self.steps = steps
        self.title, self.stack = steps.title, steps.stack
        self.back_button, self.next_button = steps.back, steps.next
        self.import_button, self.close_button = steps.action, steps.close

    def _file_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        intro = QLabel(
            "Chọn tệp dữ liệu (.dcs) do doancoso xuất ra, thường ở trên USB. Chương trình kiểm "
            "tra toàn bộ tệp và cho xem trước mọi thay đổi; chưa có gì được ghi cho đến khi "
            "bấm “Nhập”."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        row = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        # No Tab stop (nothing to type there), but a click selects the path, to copy it.
        self.file_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.file_edit.setPlaceholderText("Chưa chọn tệp")
        self.browse_button = QPushButton("&Chọn tệp…")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.browse)
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        form.addRow("Tệp:", row)
        self.password_edit = PasswordEdit("Nếu tệp có mật khẩu")
        self.password_edit.returnPressed.connect(self.next)
        form.addRow("&Mật khẩu:", self.password_edit)
        self.show_password = ShowPassword(self.password_edit)
        form.addRow("", self.show_password)
        layout.addLayout(form)
        self.file_error = QLabel()
        self.file_error.setWordWrap(True)
        self.file_error.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.file_error)
        layout.addStretch(1)
        return page

    def _info_page(self) -> QWidget:
        """What the file is (import_info.py); its widgets named here as the wizard uses them."""
        page = self.info_page = BundleInfoPage()
        self.info_labels, self.info_error = page.info_labels, page.info_error
        self.counts_table, self.counts_note = page.counts_table, page.counts_note
        self.dossier_box, self.dossier_label = page.dossier_box, page.dossier_label
        self.dossier_button = page.dossier_button
        self.dossier_button.clicked.connect(self.save_dossier)
        self.foreign_notice, self.merge_box = page.foreign_notice, page.merge_box
        self.merge_box.toggled.connect(lambda _on: self._update_buttons())
        return page

    def _plan_page(self) -> QWidget:
        """The counts atop the conflicts; when merging, in the merge panel's first tab
        (:meth:`_place_counts`), each of its tabs (the counts, the chi đoàn, the people
        matched) then having the page's height."""
        page = QWidget()
        layout = self.plan_layout = QVBoxLayout(page)
        self.plan_summary = QLabel()
        self.plan_summary.setWordWrap(True)
        self.plan_summary.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.plan_summary)
        self.plan_files = QLabel()
        self.plan_files.setWordWrap(True)
        layout.addWidget(self.plan_files)
        self.plan_table = CountsTable(PLAN_HEADERS)
        layout.addWidget(self.plan_table)
        self.conflicts = ConflictsPanel()
        self.conflicts.changed.connect(self._choices_changed)
        # Room for a record's fields side by side: the counts above scroll before they shrink.
        self.conflicts.setMinimumHeight(16 * self.fontMetrics().height())
        layout.addWidget(self.conflicts, 2)
        self.merge_panel = MergePanel()
        self.merge_panel.refresh_requested.connect(self._refresh)
        self.merge_panel.changed.connect(self._merge_changed)
        layout.addWidget(self.merge_panel, 2)
        self.plan_error = QLabel()
        self.plan_error.setWordWrap(True)
        self.plan_error.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.plan_error)
        layout.addStretch(0)  # the room left when no part below the counts takes it
        return page

    def _place_counts(self) -> None:
        """The plan's counts atop the page, or, when merging, in the merge panel's first tab."""
        if self.merging == self.merge_panel.holds(self.plan_table):
            return
        if self.merging:
            self.plan_layout.removeWidget(self.plan_table)
            self.merge_panel.hold(self.plan_table)
        else:
            self.merge_panel.release(self.plan_table)
            self.plan_layout.insertWidget(self.plan_layout.indexOf(self.plan_files) + 1,
                                          self.plan_table)  # fmt: skip

    def _result_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("font-size: 11pt;")
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()  # a merge of many chi đoàn says a line for each
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.result_label)
        layout.addWidget(scroll)
        return page

    # Navigation ---------------------------------------------------------------------------

    @property
    def page(self) -> int:
        return self.stack.currentIndex()

    def _show_page(self, page: int) -> None:
        self.steps.show(page, PAGE_TITLES[page])
        self._update_buttons()
        if focus_lost(self, self.stack, self.close_button if page != RESULT_PAGE else None):
            self._first_focus(page).setFocus()

    def _first_focus(self, page: int) -> QWidget:
        """The step's first thing to do, for a focus left on nothing (or on "Hủy", which
        "Tiếp >" pressed from the keyboard hands it to as it hides itself); at the dry run, a
        choice waiting takes it then (:meth:`_previewed`)."""
        if page == FILE_PAGE:
            return self.browse_button
        if page == RESULT_PAGE:
            return self.close_button
        found: tuple[QWidget, ...] = (self.import_button, self.plan_table)
        if page == INFO_PAGE:
            found = (self.next_button, self.merge_box, self.dossier_button, self.counts_table)
        return next((w for w in found if w.isVisible() and w.isEnabled()), self.back_button)

    def _update_buttons(self) -> None:
        if self.page == FILE_PAGE:
            self.next_button.setEnabled(self.path is not None)
        elif self.page == INFO_PAGE:
            self.next_button.setEnabled(
                not self.report_into_empty and (not self.merging or self.merge_box.isChecked())
            )
        self.import_button.setEnabled(
            self.page == PLAN_PAGE and self.plan is not None and self.conflicts.complete()
            and self.changes() > 0 and not self.stale
        )  # fmt: skip

    def back(self) -> None:
        if self.page in (INFO_PAGE, PLAN_PAGE):
            self._show_page(self.page - 1)

    def next(self) -> None:
        if self.page == FILE_PAGE and self.path is not None:
            self.inspect()
        elif self.page == INFO_PAGE and (not self.merging or self.merge_box.isChecked()):
            self.preview()

    @property
    def password(self) -> str | None:
        return nfc(self.password_edit.text()) or None

    @property
    def foreign(self) -> bool:
        """A bundle of another organisation, into a folder that has one."""
        info = self.info
        return (info is not None and self.my_org_id is not None
                and info.organization_id != self.my_org_id)  # fmt: skip

    @property
    def replacing(self) -> bool:
        """A handover of another organisation taken in place of the first-start setup that is
        all this copy holds (the successor who filled the setup before the handover came)."""
        return self.foreign and self.setup is not None and self.info.kind == "handover"

    @property
    def report_into_empty(self) -> bool:
        """A report bundle into a folder with no organisation: only a handover can be taken
        there (the core refuses it); it can still be read and its dossier saved."""
        return self.info is not None and self.my_org_id is None and self.info.kind != "handover"

    @property
    def merging(self) -> bool:
        """Another organisation's bundle, taken only by merging it in (sáp nhập)."""
        return self.foreign and not self.replacing

    def merge_options(self) -> dict[str, Any]:
        """The chi đoàn mapping and the people kept apart, once a merge's plan was shown."""
        if not self.merging or self.plan is None:
            return {}
        return self.merge_panel.options()

    def changes(self) -> int:
        """What the import would change: records, a sáp nhập's events, people matched,
        conflicts, notes, and evidence files copied in or repaired (a bundle that only brings
        back a scan lost here is worth importing, as ``ImportPlan.changes_anything`` counts)."""
        plan = self.plan
        if plan is None:
            return 0
        total = sum(sum(c.values()) for c in (plan.new, plan.updated, plan.deleted))
        total += getattr(plan, "merge_events", 0)
        total += getattr(plan, "evidence_new", 0) + getattr(plan, "evidence_repaired", 0)
        matches, notes = getattr(plan, "matches", None) or [], getattr(plan, "notes", None) or []
        return total + len(plan.conflicts) + len(matches) + len(notes)

    # Step 1: the file ---------------------------------------------------------------------

    def browse(self) -> None:
        path = self.ask_open_path("Chọn tệp dữ liệu doancoso")
        if path is not None:
            self.set_file(path)
            self.password_edit.setFocus()  # what comes next: typed there, Enter goes on

    def set_file(self, path: Path) -> None:
        self.path = Path(path)
        self.file_edit.setText(str(self.path))
        self.file_error.clear()
        self._hold(None)
        self.info = self.plan = self.planned_with = None
        self._update_buttons()

    def _hold(self, held: HeldBundle | None) -> None:
        """``held`` becomes the file the next steps read; the one held before is released."""
        if self.held is not None and self.held is not held:
            self._release(self.held)
        self.held = held

    def _release(self, held: HeldBundle) -> None:
        """Its copy removed on the worker, after any job still reading it (Windows refuses to
        remove a file open elsewhere)."""
        self._core.runner.run(held.release, progress=False)

    def done(self, result: int) -> None:
        self._closed = True
        self._hold(None)
        super().done(result)

    def inspect(self) -> None:
        path, password = self.path, self.password
        assert path is not None
        self.file_error.clear()
        if self.held is not None and self._held_with == (path, password):
            self._inspected(self.held, (path, password), again=True)  # back at step 1
            return

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, AppError):
                self._core.runner.show_error(exc, parent=self)
                return
            self.file_error.setText(NEEDS_PASSWORD if isinstance(exc, PasswordNeeded)
                                    else exc.message)  # fmt: skip
            if isinstance(exc, WrongPassword):  # a wrong one selected: typed again over it
                self.password_edit.setFocus()
                self.password_edit.selectAll()

        def job(ws: Workspace, report: Report) -> tuple[HeldBundle, SetupOnly | None, str, int]:
            held = ws.bundles.hold(path, password, report=report)
            return held, setup_of(ws), created_day(ws), live_members(ws)

        def read(result: tuple[HeldBundle, SetupOnly | None, str, int]) -> None:
            held, self.setup, self.my_org_day, self.my_members = result
            self._inspected(held, (path, password))

        op = QueryOp(self, job, self._core, label="Đang đọc tệp…", reporting=True)
        op.success(read).failure(failed)
        op.cancelled(lambda: self.file_error.setText(READ_CANCELLED)).run()

    def _inspected(
        self, held: HeldBundle, read_with: tuple[Path, str | None], *, again: bool = False
    ) -> None:
        """Show what the file is; ``again``: the file read already (back at step 1 and on
        again), whose sáp nhập choices stay as they were made."""
        if self._closed:  # while the file was read
            self._release(held)
            return
        self._hold(held)
        self._held_with = read_with
        self.info = info = BundleInfo.of(held.manifest)
        self.info_page.show_file(info, held.sha256)
        if not again:  # another file: the choices made for the last one are of no use
            self.merge_box.setChecked(False)
            self.merge_panel.forget()
        if self.replacing:
            self.foreign_notice.setText(self.replace_notice())
        elif self.foreign:
            self.foreign_notice.setText(
                foreign_text(info.manifest, self.my_org_name or "", self.my_org_day,
                             self.my_members) + MERGE_NOTE
            )  # fmt: skip
            mine = nfc(self.my_org_name).replace("&", "&&")  # a name's "&" is no mnemonic
            self.merge_box.setText(f"&Sáp nhập tổ chức này vào “{mine}”")
        elif self.report_into_empty:
            self.foreign_notice.setText(REPORT_NOT_TAKEN)
        elif self.my_org_id is None:
            self.foreign_notice.setText(
                "Máy này chưa có dữ liệu: dữ liệu trong tệp sẽ trở thành dữ liệu của tổ chức "
                "trên máy này."
            )
        self.foreign_notice.setVisible(self.foreign or self.my_org_id is None)
        self.merge_box.setVisible(self.merging)
        self.info_error.clear()
        self._show_page(INFO_PAGE)

    def replace_notice(self) -> str:
        """What taking the handover in place of the setup does, naming both."""
        assert self.setup is not None
        day = f" (thiết lập ngày {self.my_org_day})" if self.my_org_day else ""
        return (
            f"Máy này mới chỉ có phần thiết lập ban đầu của “{nfc(self.setup.name)}”{day}, chưa "
            "có chi đoàn, đoàn viên hay dữ liệu nào khác. Tệp là dữ liệu bàn giao của "
            f"“{nfc(self.info.organization_name)}”: khi nhận, phần thiết lập đó được thay bằng "
            "toàn bộ dữ liệu trong tệp, như nhận bàn giao vào máy mới."
        )

    def save_dossier(self) -> None:
        """Save the dossier the report carries where the user chooses (its hash checked again
        as it is copied from the file read at step 1); nothing is kept in the data folder."""
        held, info = self.held, self.info
        if held is None or info is None or info.manifest.dossier is None:
            return
        path = self.ask_save_path(
            "Lưu hồ sơ đề nghị công nhận", offered_name(info.manifest.dossier.file_name)
        )
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")

        def saved(_dossier: Any) -> None:
            self.dossier_label.setText(f"Đã lưu hồ sơ đề nghị công nhận vào “{path}”.")

        op = QueryOp(self, lambda ws: ws.bundles.save_dossier(held, None, path), self._core,
                     label="Đang lưu hồ sơ…")  # fmt: skip
        op.success(saved).failure(self._core.reporter(self, "Không lưu được hồ sơ")).run()

    # Step 2–3: the dry run ----------------------------------------------------------------

    def preview(
        self, choices: dict[Any, dict[str, str]] | None = None, *, then_apply: bool = False
    ) -> None:
        """The dry run, with the conflicts' ``choices`` made so far (None: before any); then,
        ``then_apply``, the import if no new conflict waits for a choice."""
        held, password, merge = self.held, self.password, self.merging
        assert held is not None
        options = {**self.merge_options(), "replace_setup": self.replacing}
        self.info_error.clear()

        def job(ws: Workspace) -> tuple[Any, list[tuple[str, str]]]:
            plan = ws.bundles.preview(held, password, merge_organization=merge,
                                      on_conflict=choices, **options)  # fmt: skip
            # This organisation's chi đoàn the merge panel offers, read here: their order goes
            # through the core's collation cache, which is the worker's (DESIGN.md).
            ours = [(b.id, b.name) for b in ws.branches.list()] if merge else []
            return plan, ours

        def previewed(found: tuple[Any, list[tuple[str, str]]]) -> None:
            plan, ours = found
            self.planned_with = choices
            self._previewed(plan, ours)
            if not then_apply:
                return
            if plan.unresolved:  # a record the choices bring back clashes with one of ours
                self.plan_summary.setText(f"{CHOICES_REVEALED}\n{self.plan_summary.text()}")
            else:
                self.apply()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, AppError):
                (self.plan_error if self.page == PLAN_PAGE else self.info_error).setText(
                    exc.message
                )
                if self.page == PLAN_PAGE and self.merging:  # a chi đoàn's name to mend
                    self.merge_panel.focus_name_taken()
            else:
                self._core.runner.show_error(exc, parent=self)

        op = QueryOp(self, job, self._core, label="Đang kiểm tra và so sánh dữ liệu…")
        op.success(previewed).failure(failed).run()

    def _refresh(self) -> None:
        """Sáp nhập: the dry run again with the merge's choices, and the conflicts' made."""
        made = self.plan is not None and self.plan.conflicts and self.conflicts.complete()
        self.preview(self.conflicts.choices() if made else None)

    def _fill_counts(self) -> None:
        """The dry run's counts, those waiting for a choice as the choices stand now."""
        if self.plan is not None:
            rows = plan_rows(self.plan, self.conflicts.waiting())
            self.plan_table.fill(rows)
            self.plan_table.hide_columns(empty_columns(self.plan, rows))

    def _choices_changed(self) -> None:
        """A conflict's choice made (or the conflicts shown again): "Chờ chọn" and "Nhập"
        follow it at once."""
        self._fill_counts()
        self._update_buttons()

    def _merge_changed(self) -> None:
        """A merge choice changed: the counts shown are no longer what "Nhập" would do."""
        self.stale = True
        self.plan_summary.setText(STALE)
        self._update_buttons()

    def _previewed(self, plan: Any, ours: list[tuple[str, str]]) -> None:
        """Show the dry run ``plan``; ``ours``: this organisation's chi đoàn (id, name), read
        with it on the worker, for a sáp nhập's choices."""
        self.plan = plan
        self.stale = False
        self.conflicts.set_conflicts(plan.conflicts)
        self._fill_counts()
        self._place_counts()
        self.plan_files.setText(files_text(plan))
        self.plan_files.setVisible(bool(self.plan_files.text()))
        changed = self.changes()
        if changed == 0:
            self.plan_summary.setText("Dữ liệu trong tệp đã có đủ trên máy này: không có gì "
                                      "thay đổi.")  # fmt: skip
        elif plan.conflicts and all(getattr(c, "automatic", False) for c in plan.conflicts):
            self.plan_summary.setText(
                f"Có {vn_number(len(plan.conflicts))} bản ghi bị sửa ở cả hai nơi kể từ lần trao "
                "đổi trước, mỗi thông tin chỉ ở một máy: tự gộp (xem bên dưới). Bấm “Nhập” để "
                "nhận dữ liệu."
            )
        elif plan.conflicts:
            self.plan_summary.setText(conflicts_text(plan.conflicts))
        else:
            self.plan_summary.setText("Không có xung đột. Bấm “Nhập” để nhận dữ liệu.")
        if plan.notes:  # what the import decides by itself (core/bundle/uncross.py)
            self.plan_summary.setText("\n".join([self.plan_summary.text(), *plan.notes]))
        if self.merging:
            self.merge_panel.set_plan(plan.branches, plan.matches, ours, plan.years,
                                      nfc(self.info.organization_name))  # fmt: skip
        self.merge_panel.setVisible(self.merging)
        self.plan_error.clear()
        arriving = self.page != PLAN_PAGE  # made again on the page: the conflict shown stays
        self._show_page(PLAN_PAGE)
        if arriving:
            self.conflicts.focus_first_waiting()  # the first thing to do, when a choice waits

    # Step 4: apply ------------------------------------------------------------------------

    def apply(self) -> None:
        held, password, merge = self.held, self.password, self.merging
        if held is None or self.plan is None or not self.conflicts.complete() or self.stale:
            return
        choices = self.conflicts.choices() if self.plan.conflicts else None
        if choices is not None and choices != self._planned_choices():
            self.preview(choices, then_apply=True)  # the counts shown are of other choices
            return
        if not self.prompts.confirm(self, "Nhận dữ liệu", self.confirmation(), yes="Nhập",
                                    no="Không"):  # fmt: skip
            return
        options = {**self.merge_options(), "replace_setup": self.replacing}
        self.import_button.setEnabled(False)

        def job(ws: Workspace, report: Report) -> Any:
            return ws.bundles.apply(held, password, on_conflict=choices,
                                    merge_organization=merge, report=report, **options)  # fmt: skip

        op = CoreOp(self, job, self._core, label="Đang nhận dữ liệu…", reporting=True)
        op.success(self._applied).failure(self._apply_failed).cancelled(self._apply_cancelled)
        op.run()

    def _planned_choices(self) -> dict[Any, dict[str, str]]:
        """The choices the plan shown holds: those it was made with, or, made before any, the
        choices of the conflicts merged by themselves (each field changed on one side only)."""
        if self.planned_with is not None:
            return self.planned_with
        merged: dict[Any, dict[str, str]] = {}
        for conflict in self.plan.conflicts:
            if getattr(conflict, "automatic", False):
                merged.setdefault((conflict.table, conflict.id), {}).update(conflict.defaults())
        return merged

    def confirmation(self) -> str:
        """What "Nhập" asks: a handover into an empty folder has nothing to back up."""
        if self.my_org_id is None:
            return (f"Nhận bàn giao dữ liệu của “{nfc(self.info.organization_name)}” vào máy "
                    "này?")  # fmt: skip
        if self.replacing:
            assert self.setup is not None
            theirs = nfc(self.info.organization_name)
            return (
                f"Nhận bàn giao dữ liệu của “{theirs}” thay cho phần thiết lập ban đầu của "
                f"“{nfc(self.setup.name)}” trên máy này?"
            )
        backup = f"Chương trình sao lưu dữ liệu hiện có trước. {NO_UNDO}"
        if self.merging:
            return (f"Sáp nhập “{nfc(self.info.organization_name)}” vào "
                    f"“{nfc(self.my_org_name)}”? {backup}")  # fmt: skip
        return f"Nhận dữ liệu từ tệp vào máy này? {backup}"

    def _apply_cancelled(self) -> None:
        self.plan_error.setText("Đã hủy: dữ liệu trên máy này không thay đổi.")
        self._not_applied()

    def _apply_failed(self, exc: BaseException) -> None:
        if isinstance(exc, AppError):
            self.plan_error.setText(exc.message)
        else:
            self._core.runner.show_error(exc, "Không nhận được dữ liệu", self)
        self._not_applied()

    def _not_applied(self) -> None:
        """ "Nhập" enabled again, and the focus back on it: disabled while importing, it
        handed the focus to "Hủy", where Enter pressed to try again closed the wizard."""
        self._update_buttons()
        if focus_lost(self, self.stack, self.close_button):
            self._first_focus(PLAN_PAGE).setFocus()

    def _applied(self, plan: Any) -> None:
        self._hold(None)  # imported: the copy is needed no more
        self.applied = plan
        self.result_label.setText(result_text(plan))
        self._show_page(RESULT_PAGE)
        if plan.handover:  # into a fresh folder, or in place of the setup
            self.ask_secretary()

    def ask_secretary(self) -> None:
        """A handover into a fresh installation: the new Bí thư's name, saved through the core
        as the settings page saves the organisation (secretary.py)."""
        org = self._core.ws.organization.get()
        if org is None:
            return
        dialog = SecretaryDialog(org.name, org.secretary_name, self)
        self.prompts.run(dialog)
        name = dialog.name if dialog.result() == QDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        if not name:
            return
        info = with_secretary(org, name)

        def saved(_info: Any) -> None:
            self.result_label.setText(f"{self.result_label.text()}\n\nBí thư: {name}.")

        op = CoreOp(self, lambda ws: ws.organization.update(info), self._core)
        op.success(saved).failure(self._core.reporter(self, "Không lưu được tên Bí thư")).run()

    # Files --------------------------------------------------------------------------------

    def _ask_open_path(self, title: str) -> Path | None:
        drives = removable_drives()
        start = str(drives[0].root) if drives else str(Path.home())
        name, _selected = QFileDialog.getOpenFileName(self, title, start, BUNDLE_FILTER)
        return Path(name) if name else None

    def _ask_save_path(self, title: str, name: str) -> Path | None:
        start = str(Path.home() / name)
        chosen, _selected = QFileDialog.getSaveFileName(self, title, start, "Tệp PDF (*.pdf)")
        return Path(chosen) if chosen else None
