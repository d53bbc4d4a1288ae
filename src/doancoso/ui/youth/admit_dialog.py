"""Admitting a young person of the local register into the union ("Kết nạp vào Đoàn").

The dialog asks for the admission date, the place, the chi đoàn, the decision number and the
introducer (by default the member who followed the young person up, the "1+1" drive, while still
an active member; "(Không ghi)" records none), then calls ``YouthService.admit`` on the worker
(an operation, see :mod:`..shell.operations`): the member is created with the admission event
in one transaction and the young person leaves the active list of the register. The new member
as the admission left them (``added``) is what the page puts on the undo history. Esc (or
"Hủy") asks before throwing away what was typed, as the other forms do.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import AppError, ValidationError
from ...core.lang.dates import format_vn_date
from ...core.lang.places import hamlet_key
from ...core.lifecycle.rules import ACTIVE_STATUSES
from ...core.roster.branches import BranchInfo
from ...core.roster.service import AddedMember
from ...core.roster.spreadsheets.preview import branch_place
from ..common.combo_search import toneless_search
from ..common.date_popup import attach_date_popup
from ..common.fields import ErrorLabel, FieldErrors, WrappedLabel, open_with_room
from ..shell.operations import Core, CoreOp, QueryOp
from .form import MemberPicker, follow_up_branch

NO_BRANCH = "(Chưa thuộc chi đoàn)"


class AdmitDialog(QDialog):
    """Admit the young person ``youth_id``; ``member_id`` (and ``added``) are set after a
    successful admission."""

    def __init__(
        self, core: Core, youth_id: str, parent: QWidget | None = None,
        today: dt.date | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._core = core
        self._ws = core.ws
        self._prompts = core.prompts
        self.youth_id = youth_id
        self.member_id: str | None = None
        self.added: AddedMember | None = None
        # While an operation writes, Save and Cancel wait for it. They stay enabled: a disabled
        # button that had the focus would pass it, and the Enter key, on to Cancel.
        self._saving = False
        self.record = self._ws.youth.get(youth_id)
        self.errors = FieldErrors()
        self.setWindowTitle("Kết nạp vào Đoàn")
        self._build(today or dt.date.today())
        self._initial = self._typed()
        self._load_branches()

    def _load_branches(self) -> None:
        """Read the chi đoàn offered on the worker (their order goes through the core's
        collation cache, the worker's); until they are listed the choice is greyed out and
        "Kết nạp" waits, lest a member be admitted in no chi đoàn for a list not read yet."""
        op = QueryOp(self, lambda ws: ws.branches.list(), self._core, progress=False)
        op.success(self._show_branches).failure(self._branches_failed).run()

    def _branches_failed(self, exc: BaseException) -> None:
        self._core.runner.show_error(exc, parent=self)

    def _show_branches(self, branches: list[BranchInfo]) -> None:
        """List ``branches``, the one named after the young person's hamlet chosen: what the
        dialog starts with, not a change to ask about on Esc."""
        for branch in branches:
            self.branch_combo.addItem(branch.name, branch.id)
        self.branch_combo.setCurrentIndex(self._guess_branch(self.record.fields.hamlet))
        self.branch_combo.setEnabled(True)
        chosen = str(self.branch_combo.currentData() or "")
        self._initial = (*self._initial[:2], chosen, *self._initial[3:])

    def _build(self, today: dt.date) -> None:
        layout = QVBoxLayout(self)
        fields = self.record.fields
        intro = WrappedLabel(
            f"Kết nạp <b>{fields.full_name}</b> (sinh "
            f"{format_vn_date(fields.birth_date, fields.birth_precision)}) vào Đoàn TNCS Hồ Chí "
            "Minh. Người này sẽ có trong danh sách đoàn viên và rời sổ theo dõi thanh niên."
        )
        layout.addWidget(intro)
        layout.addSpacing(8)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.date_edit = QLineEdit(format_vn_date(today))
        self.date_edit.setPlaceholderText("dd/mm/yyyy")
        self.date_edit.setMaximumWidth(160)
        attach_date_popup(self.date_edit)
        org = self._ws.organization.get()
        self.place_edit = QLineEdit(org.name if org else "")
        self.branch_combo = QComboBox()
        self.branch_combo.addItem(NO_BRANCH, "")
        self.branch_combo.setEnabled(False)  # until the chi đoàn are listed (_show_branches)
        toneless_search(self.branch_combo)
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText("Ví dụ: 12-QĐ/ĐTN")
        self.number_edit.setMaximumWidth(220)
        self.introducer = MemberPicker(self._core, "(Không ghi)", active_only=True)
        if self._follow_up_active():
            follow_id = self.record.fields.follow_up_member_id
            self.introducer.set_member(follow_id, self.record.follow_up_name,
                                       follow_up_branch(self._ws, follow_id))  # fmt: skip
        # Each field's Alt letter, as a member event's dialog gives its own (the introducer's
        # Alt+T there too); "&Kết nạp" (also Enter) takes Alt+K, "&Hủy" Alt+H.
        for name, label, editor, required in (
            ("admission_date", "&Ngày kết nạp", self.date_edit, True),
            ("admission_place", "Nơ&i kết nạp", self.place_edit, False),
            ("branch_id", "&Chi đoàn", self.branch_combo, False),
            ("number", "&Số quyết định", self.number_edit, False),
            ("introducer_id", "Người giới &thiệu", self.introducer, False),
        ):
            self.errors.add_row(form, name, label, editor, required=required)
        layout.addLayout(form)
        layout.addStretch(1)
        self.general_error = ErrorLabel()
        layout.addWidget(self.general_error)
        buttons = QDialogButtonBox()
        self.admit_button = buttons.addButton("&Kết nạp", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("&Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.admit_button.setDefault(True)  # once in the dialog, or lost with the focus
        # The date's message and a general one of up to three lines (the member's other rules).
        open_with_room(self, 4, 640)

    def _guess_branch(self, hamlet: str | None) -> int:
        """The chi đoàn named after the young person's hamlet ("Chi đoàn ấp Tân Hưng" for "Tân
        Hưng"), if any: the whole name of the hamlet, as the register's filter tells hamlets
        apart (:func:`hamlet_key`), never the end of another's ("Ấp 13" is not "Ấp 3")."""
        key = hamlet_key(hamlet)
        if not key:
            return 0
        for index in range(1, self.branch_combo.count()):
            place = branch_place(self.branch_combo.itemText(index))  # without "Chi đoàn"
            if hamlet_key(place) == key:
                return index
        return 0

    def _follow_up_active(self) -> bool:
        """Whether the member who followed the young person up is still an active member: the
        introducer offered (one who left or came of age introduces no one now)."""
        follow_id = self.record.fields.follow_up_member_id
        if not follow_id:
            return False
        try:
            return self._ws.members.get(follow_id).fields.status in ACTIVE_STATUSES
        except AppError:
            return False

    def _typed(self) -> tuple[str, str, str, str, str]:
        """What the fields hold: the date, place, chi đoàn, number and introducer."""
        return (
            self.date_edit.text(),
            self.place_edit.text(),
            str(self.branch_combo.currentData() or ""),
            self.number_edit.text(),
            self.introducer.member_id(),  # "": "(Không ghi)", no introducer
        )

    def submit(self) -> None:
        """Admit through the core, on the worker; the dialog closes once done."""
        if self._saving or not self.branch_combo.isEnabled():  # (the chi đoàn not listed yet)
            return
        self.general_error.hide()
        date, place, branch_id, number, introducer_id = self._typed()
        values = (
            self.youth_id, date, place.strip() or None, branch_id or None,
            number.strip() or None, introducer_id,
        )  # fmt: skip
        self._saving = True
        op = CoreOp(self, lambda ws: ws.youth.admit_undoable(*values), self._core,
                    label="Đang kết nạp…")  # fmt: skip
        op.success(self._admitted).failure(self._refused).run()

    def _admitted(self, added: AddedMember) -> None:
        self._saving = False
        self.member_id = added.member_id
        self.added = added
        self.errors.clear()
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, ValidationError):
            self.errors.show_all(
                exc.field_errors, self.general_error,
                "Chưa kết nạp được: {} Hãy sửa thông tin thanh niên rồi thử lại.",
            )  # fmt: skip
            return
        self._core.runner.show_error(exc, "Không kết nạp được", self)

    def reject(self) -> None:
        """Esc / Hủy: ask before throwing away what was typed, as the other forms do (not
        while the admission is being written: wait for it)."""
        if self._saving:
            return
        if self._typed() != self._initial and not self._prompts.confirm(
            self, "Bỏ thay đổi?", "Thông tin đã nhập chưa được lưu. Bỏ các thay đổi này?"
        ):
            return
        super().reject()
