"""Sao lưu và khôi phục: the backups of the data folder, back up now or onto a USB stick, restore
one of the list or a file (a backup saved onto a stick) after a confirmation that says what it
replaces (and whose data it holds, when another union's), and check the data, offering to fix
what can be fixed safely (#12).

Every action is an operation on the worker (:mod:`..shell.operations`); a restore announces that
the data changed wholesale, so every page reloads and the undo history is forgotten. A backup
(a file, or one of the list) is checked first, as the restore itself checks it
(``ws.backups.inspect``): one that is not a sound backup of the app, or one of a newer version,
is refused before any question.

Enter or a double click on a backup of the list asks to restore it, as "Khôi phục bản đã
chọn…" does ("Không" the default answer); Enter never falls through to the dialog's default
button ("Sao lưu ngay"). The newest backup is chosen when the list shows; Tab goes from the list
to the buttons, each with its Alt letter (N, U, K, T, D, L; G: "Đóng").

The file choosers of "Sao lưu ra USB…" and "Khôi phục từ tệp…" open in the folder the last
backup onto a stick went to (or the last restored file came from), remembered in the data
folder's UI state (``ui-state.ini``, as the document dialog remembers its numbers), while it is
there; else where every open dialog of the app starts (:func:`..common.folders.open_folder`):
the first USB stick plugged in, else the Documents folder.

Under the list (which holds only the data folder's backups), where the last backup onto a stick
went and when, said missing when the file is not there (:mod:`~...core.backup.outside`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.backup.check import CheckReport
from ...core.backup.lost_evidence import TakenBack, taken_back_text
from ...core.backup.other_union import OtherUnion, backup_union, other_union, union_in_use
from ...core.backup.outside import OutsideBackup, outside_text
from ...core.backup.restore import missing_evidence_text
from ...core.backup.service import EvidenceNotCarried
from ...core.backup.store import (
    REASONS,
    BackupInfo,
    age_text,
    evidence_beside_text,
    parse_name,
)
from ...core.lang.dates import format_vn_datetime
from ...core.lang.text import size_text, vn_number
from ...core.storage.files import left_behind
from ...core.workspace import Workspace
from ..common.folders import open_folder
from ..shell.operations import Core, CoreOp, QueryOp
from ..shell.state import UiState
from ..shell.tasks import Report, TaskCancelled

STICK_FOLDER_KEY = "backups/stick_folder"
"""The key of ``ui-state.ini`` holding the folder of the last backup onto a stick."""
STICK_CANCELLED = "Đã hủy: chưa có bản sao lưu nào được ghi ra USB."

READING = "Đang đọc danh sách bản sao lưu…"
"""Under the list while the worker opens and checks each backup (seconds for a large roster)."""
NO_BACKUPS = "Chưa có bản sao lưu nào. Bấm “Sao lưu ngay” để tạo bản đầu tiên."
HEADERS = ("Thời gian", "Cách đây", "Lý do", "Dung lượng", "Số đoàn viên", "Tình trạng")
NUMBER_COLUMNS = (3, 4)
"""The size and the members: numbers, right-aligned so that their digits line up."""
NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
Index = QModelIndex | QPersistentModelIndex


def stick_cancelled_left(left: Path) -> str:
    """Said after a cancelled backup onto a stick whose file ``left`` could not be removed (the
    stick pulled out meanwhile): "nothing was written" would not be true."""
    return (
        f"Đã hủy: bản sao lưu ra USB không được tính. Tệp “{left}” đã ghi ra chưa xóa "
        "được (USB có thể đã bị rút ra): khi cắm lại USB, hãy xóa tệp đó đi."
    )


class BackupsModel(QAbstractTableModel):
    """The backups, newest first (a short list: a few dozen at most after the rotation)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups: list[BackupInfo] = []
        self.listed_at = datetime.now()

    def set_backups(self, backups: list[BackupInfo], now: datetime | None = None) -> None:
        """Show ``backups``, each with how long before ``now`` (when they were listed) it was
        taken: the list is read again after every action of the dialog."""
        self.beginResetModel()
        self.backups = list(backups)
        self.listed_at = now or datetime.now()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMBER_COLUMNS:
            return NUMBER_ALIGNMENT
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBER_COLUMNS:
            return NUMBER_ALIGNMENT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        info = self.backups[index.row()]
        if column == 0:
            return taken_at_text(info.taken_at)
        if column == 1:
            return age_text(info.taken_at, self.listed_at)
        if column == 2:
            return info.reason_label
        if column == 3:
            return size_text(info.size)
        if column == 4:
            return members_text(info.members)
        return "Tốt" if info.ok else "Hỏng"


def taken_at_text(taken_at: datetime) -> str:
    """When a backup was taken, as the list of backups shows it: "05/12/2026 06:46:39", to the
    second (its file's stamp), so that two backups of the same minute (a backup now, then the
    one before a restore) are told apart."""
    return f"{format_vn_datetime(taken_at)}:{taken_at:%S}"


def members_text(members: int | None) -> str:
    """A backup's members as the list and the messages write them: "2.009" ("?": unreadable)."""
    return "?" if members is None else vn_number(members)


def restore_question(
    info: BackupInfo,
    named: bool = False,
    current: int | None = None,
    now: datetime | None = None,
    other: OtherUnion | None = None,
) -> str:
    """The question before a restore: when the backup was taken and how long before ``now``
    (the changes since are lost), its members, and that the current data are replaced (backed
    up first, by the core's restore). ``named``: a file chosen on a stick, named as well. The
    time is to the second, as the list shows it: two backups of the same minute are told apart
    in the question too. ``current``: the live members of the data replaced, to compare with
    the backup's (None: no organisation yet, a first start: nothing is replaced, and nothing
    worth getting back is backed up). ``other``: the backup holds another union than the one in
    use (a file of the next commune's, on a stick they share), named both."""
    file = f"“{info.path.name}” " if named else ""
    age = age_text(info.taken_at, now or datetime.now())
    asked = (
        f"Khôi phục bản sao lưu {file}lúc {info.taken_at:%H:%M:%S ngày %d/%m/%Y} "
        f"({age}, {members_text(info.members)} đoàn viên)?\n\n"
    )
    if other is not None:
        asked += (
            f"Lưu ý: bản sao lưu này là dữ liệu của {other.their_words}, không phải của "
            f"{other.my_words} đang dùng.\n\n"
        )
    if current is None:
        return (
            f"{asked}Ứng dụng chưa có dữ liệu nào (tổ chức chưa được thiết lập): dữ liệu trong "
            "bản sao lưu này sẽ trở thành dữ liệu của ứng dụng."
        )
    return (
        f"{asked}Toàn bộ dữ liệu hiện tại ({vn_number(current)} đoàn viên) sẽ được thay bằng "
        "bản sao lưu này; mọi thay đổi sau thời điểm đó sẽ không còn. Dữ liệu hiện tại được sao "
        "lưu trước (“Trước khi khôi phục một bản sao lưu”), nên vẫn lấy lại được."
    )


LACKING_TITLE = "Đã sao lưu ra USB, còn thiếu minh chứng"


def lacking_text(info: BackupInfo, exc: EvidenceNotCarried) -> str:
    """What the dialog says of a backup onto a stick written and read back sound without some
    evidence files: that it was written, what it lacks, then the core's why and what to do."""
    if exc.lacking is None:  # the stick failed: how many is not known
        lacks = "chưa chép đủ tệp minh chứng"
    else:
        lacks = f"bản sao lưu này thiếu {vn_number(exc.lacking)} tệp minh chứng"
    return (
        f"Đã sao lưu ra “{info.path}” và đọc lại thấy đúng ({members_text(info.members)} đoàn "
        f"viên), nhưng {lacks}.\n\n{exc.message}"
    )


@dataclass(frozen=True)
class Restored:
    """What a restore of the dialog did, for its message."""

    members: int  # live members of the restored data
    missing: int  # evidence files they cite that the data folder lacks
    safety: Path | None  # the backup of the data replaced (None: no organisation in them)
    before: int | None  # the live members of the data replaced


def restored_text(info: BackupInfo, restored: Restored, *, named: bool) -> str:
    """What the dialog says after a restore: the backup restored, as the question named it (a
    file chosen on a stick by its name, one of the list by its time) with its members; then
    when the data it replaced were backed up and how to get them back."""
    held = f"({vn_number(restored.members)} đoàn viên)"
    if named:
        text = f"Đã khôi phục dữ liệu từ “{info.path.name}” {held}."
    else:
        when = f"{info.taken_at:%H:%M:%S ngày %d/%m/%Y}"
        text = f"Đã khôi phục dữ liệu từ bản sao lưu lúc {when} {held}."
    parsed = parse_name(restored.safety) if restored.safety is not None else None
    if parsed is None or restored.before is None:
        return text
    return (
        f"{text}\n\nDữ liệu trước khi khôi phục ({vn_number(restored.before)} đoàn viên) đã được "
        f"sao lưu lúc {parsed[1]:%H:%M:%S ngày %d/%m/%Y}, dòng “{REASONS['truoc-khoi-phuc']}” "
        "trong danh sách: khôi phục bản đó nếu cần lấy lại."
    )


LISTED_PROBLEMS = 12
"""The problems "Kiểm tra dữ liệu" lists, the rest counted: three lines each at most, the box
fits a 1366×768 screen with its "Đóng" (twenty did not)."""
EVIDENCE_LOST = (
    "Tệp minh chứng không còn: hãy bấm “Lấy lại tệp minh chứng bị mất từ USB…” và chọn một bản "
    "sao lưu ra USB có các tệp đó, hoặc đính kèm lại tệp gốc."
)
"""Said once under the list of a check that found evidence files lost (each named alone)."""


def check_text(report: CheckReport) -> str:
    """The result of "Kiểm tra dữ liệu" in words; the backup taken first is named by its time,
    as in the list of backups (its file name means nothing to the secretary)."""
    if report.backup is None:  # read-only data: nothing can change them, nothing to back up
        lines = ["Dữ liệu chỉ đọc: kiểm tra mà không sao lưu trước."]
    else:
        named = parse_name(report.backup)
        when = taken_at_text(named[1]) if named is not None else report.backup.name
        lines = [f"Đã sao lưu trước khi kiểm tra ({when})."]
    if report.repaired:
        lines.append(f"Đã sửa {vn_number(report.repaired)} lỗi.")
    if report.ok:
        lines.append("Dữ liệu tốt, không có lỗi.")
    else:
        lines.append(f"Có {vn_number(len(report.problems))} vấn đề cần xem:")
        fixable = report.backup is not None  # read-only data cannot be repaired
        lines += [f"- {p.in_window}" + (" (sửa được)" if fixable and p.repairable else "")
                  for p in report.problems[:LISTED_PROBLEMS]]  # fmt: skip
        if len(report.problems) > LISTED_PROBLEMS:
            lines.append(f"… và {vn_number(len(report.problems) - LISTED_PROBLEMS)} vấn đề khác.")
        if any(p.kind == "evidence" for p in report.problems):
            lines.append(EVIDENCE_LOST)
    return "\n".join(lines)


def repair_question(report: CheckReport) -> str:
    """What "Kiểm tra dữ liệu" asks when some problems found can be fixed safely (what the
    command line's ``check --repair`` fixes)."""
    fixable = [p for p in report.problems if p.repairable]
    aside = any(p.kind == "evidence_orphan" for p in fixable)
    return (
        f"Sửa ngay {vn_number(len(fixable))} lỗi sửa được an toàn? Chương trình sao lưu dữ liệu "
        "trước khi sửa"
        + ("; tệp minh chứng không thuộc hồ sơ nào được chuyển sang thư mục “evidence/.orphans” "
           "của thư mục dữ liệu, không bị xóa." if aside else ".")
    )  # fmt: skip


class BackupsDialog(QDialog):
    """The backups of the open data folder and what can be done with them."""

    def __init__(self, core: Core, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._core = core
        self.prompts = core.prompts
        self._memory = UiState(core.ws.data_dir)
        self.setWindowTitle("Sao lưu và khôi phục")
        self.resize(820, 460)
        layout = QVBoxLayout(self)
        hint = QLabel(
            "Ứng dụng tự sao lưu trước khi nhập danh sách, mỗi ngày có thay đổi và khi đóng "
            f"ứng dụng. Các bản sao lưu nằm trong “{core.ws.data_dir / 'backups'}”."
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.model = BackupsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # Lý do
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the buttons, as elsewhere
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.table.installEventFilter(self)
        layout.addWidget(self.table)
        self.empty_label = QLabel(READING)
        layout.addWidget(self.empty_label)
        self.outside_label = QLabel()  # the list shows only the data folder's backups
        self.outside_label.setWordWrap(True)
        self.outside_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outside_label.hide()
        layout.addWidget(self.outside_label)
        row = QHBoxLayout()
        self.backup_button = QPushButton("Sao lưu &ngay")
        self.backup_button.clicked.connect(self.back_up)
        self.stick_button = QPushButton("Sao lưu ra &USB…")
        self.stick_button.clicked.connect(self.back_up_to_folder)
        self.restore_button = QPushButton("&Khôi phục bản đã chọn…")
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button = QPushButton("Khôi phục từ &tệp…")
        self.file_button.setToolTip("Khôi phục một bản sao lưu đã lưu ra USB hoặc thư mục khác")
        self.file_button.clicked.connect(self.restore_from_file)
        self.check_button = QPushButton("Kiểm tra &dữ liệu")
        self.check_button.clicked.connect(self.check)
        self.lost_button = QPushButton("&Lấy lại tệp minh chứng bị mất từ USB…")
        self.lost_button.setToolTip(
            "Chép lại từ một bản sao lưu ra USB những tệp minh chứng bị mất hoặc hỏng trong thư "
            "mục dữ liệu, không khôi phục dữ liệu"
        )
        self.lost_button.clicked.connect(self.take_back_evidence)
        for button in (self.backup_button, self.stick_button, self.restore_button,
                       self.file_button):  # fmt: skip
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        second = QHBoxLayout()  # one row would not fit 1366 pixels with the long label
        second.addWidget(self.check_button)
        second.addWidget(self.lost_button)
        second.addStretch(1)
        layout.addLayout(second)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Đón&g")  # as the forms
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Enter on the list restores the backup chosen (after the question), and goes no
        further: the dialog would click its default button, "Sao lưu ngay"."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.restore_selected()
            return True
        return super().eventFilter(watched, event)

    def reload(self) -> None:
        """The backups listed again, and where the last one onto a stick went (looked for
        there on the worker: a stick failing may take long to answer)."""

        def read(ws: Workspace) -> tuple[list[BackupInfo], OutsideBackup | None]:
            return ws.backups.list(), ws.backups.last_outside()

        QueryOp(self, read, self._core, progress=False).success(self._show).run()

    def _show(self, found: tuple[list[BackupInfo], OutsideBackup | None]) -> None:
        backups, outside = found
        self.outside_label.setText(outside_text(outside) if outside is not None else "")
        self.outside_label.setVisible(outside is not None)
        self.model.set_backups(backups)
        if backups:  # the newest chosen: ↓ goes to the next, Enter asks about this one
            self.table.selectRow(0)
        self.empty_label.setText(NO_BACKUPS)
        self.empty_label.setVisible(not backups)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backups[rows[0].row()] if rows else None

    def back_up(self) -> None:
        def done(info: BackupInfo) -> None:
            when = f"{info.taken_at:%H:%M:%S ngày %d/%m/%Y}"  # to the second, as the list
            text = f"Đã sao lưu dữ liệu lúc {when} ({members_text(info.members)} đoàn viên)."
            self.prompts.information(self, "Đã sao lưu", text)
            self.reload()

        QueryOp(self, lambda ws: ws.backups.take(), self._core, label="Đang sao lưu…").success(
            done
        ).run()

    def stick_folder(self) -> Path:
        """Where the file choosers open: the folder of the last backup onto a stick (or of the
        last file restored), while it is there; else the first stick plugged in; else the
        Documents folder."""
        remembered = self._memory.text(STICK_FOLDER_KEY)
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        return open_folder()

    def _remember_stick_folder(self, folder: Path) -> None:
        self._memory.set_text(STICK_FOLDER_KEY, str(folder))
        self._memory.sync()

    def back_up_to_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, "Chọn thư mục trên USB để sao lưu", str(self.stick_folder())
        )
        if folder:
            self.back_up_to(Path(folder))

    def back_up_to(self, folder: Path) -> None:
        def done(info: BackupInfo) -> None:
            self._remember_stick_folder(info.path.parent)
            text = (
                f"Đã sao lưu ra “{info.path}” và đọc lại thấy đúng "
                f"({members_text(info.members)} đoàn viên)."
            )
            beside = evidence_beside_text(info.path)
            text = f"{text}\n\n{beside}" if beside else text
            self.prompts.information(self, "Đã sao lưu", text)
            self.reload()  # where it went, said under the list

        left: list[Path] = []  # set on the worker, read after it handed the cancel back

        def job(ws: Workspace, report: Report) -> BackupInfo:
            try:
                return ws.backups.to_folder(folder, report)
            except TaskCancelled as exc:  # a stick pulled out meanwhile keeps what was written
                left.extend(filter(None, [left_behind(exc)]))
                raise

        def stopped() -> None:  # the core removed what it had written, unless the stick went
            text = stick_cancelled_left(left[0]) if left else STICK_CANCELLED
            self.prompts.information(self, "Sao lưu ra USB", text)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, EvidenceNotCarried) and exc.backup is not None:
                self._remember_stick_folder(exc.backup.path.parent)
                self.prompts.error(self, LACKING_TITLE, lacking_text(exc.backup, exc))
                self.reload()
            else:
                self._core.runner.show_error(exc, "Không sao lưu được ra USB", self)

        QueryOp(self, job, self._core, label="Đang sao lưu ra USB…", reporting=True).success(
            done
        ).failure(failed).cancelled(stopped).run()

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None:
            self.prompts.information(self, "Khôi phục", "Hãy chọn một bản sao lưu trong danh sách.")
            return
        self.restore_file(info.path, named=False)  # one damaged since listed: refused first

    def restore_from_file(self) -> None:
        """The "Khôi phục từ tệp…" button: a backup file from anywhere (one saved onto a stick)."""
        name, _selected = QFileDialog.getOpenFileName(
            self, "Chọn tệp sao lưu để khôi phục", str(self.stick_folder()),
            "Bản sao lưu (*.sqlite)",
        )  # fmt: skip
        if name:
            self._remember_stick_folder(Path(name).parent)
            self.restore_file(Path(name))

    def restore_file(self, path: Path, *, named: bool = True) -> None:
        """Check ``path`` as the restore does (on the worker), then ask, then restore; a file
        the restore would refuse is refused now, with its message, and nothing changes.
        ``named``: a file from anywhere, named in the question (one of the list is not)."""

        def inspect(ws: Workspace) -> tuple[BackupInfo, int | None, OtherUnion | None]:
            info = ws.backups.inspect(path)
            mine = union_in_use(ws)
            if mine is None:
                return info, None, None
            # Told by the union's id (a renamed union's backup is its own), read as the
            # restore reads it (a stick's backup beside a hot journal too), changing nothing.
            return info, mine.members, other_union(backup_union(path), mine)

        def ask(found: tuple[BackupInfo, int | None, OtherUnion | None]) -> None:
            info, current, other = found
            question = restore_question(info, named, current, other=other)
            self._restore(info, question, named=named)

        QueryOp(self, inspect, self._core, label="Đang kiểm tra bản sao lưu…").success(ask).failure(
            self._core.reporter(self, "Không khôi phục được")
        ).run()

    def _restore(self, info: BackupInfo, question: str, *, named: bool) -> None:
        """Ask ``question``; if yes, put ``info``'s backup in place of the data (the core backs
        the current data up first and takes in the evidence files saved beside the backup)."""
        if not self.prompts.confirm(self, "Khôi phục dữ liệu", question):
            return

        def restore(ws: Workspace) -> Restored:
            # Data with an organisation are what the secretary may want back; a first start's
            # empty folder was backed up too, but holds nothing to speak of.
            before = ws.members.count() if ws.has_organization else None
            result = ws.restore(info.path)
            safety = result.safety_copy if before is not None else None
            return Restored(ws.members.count(), ws.evidence.missing(), safety, before)

        def done(restored: Restored) -> None:
            text = restored_text(info, restored, named=named)
            lacking = missing_evidence_text(restored.missing, info.path, self._core.ws.data_dir)
            self.prompts.information(
                self, "Đã khôi phục", f"{text}\n\n{lacking}" if lacking else text
            )
            self.reload()

        CoreOp(self, restore, self._core, label="Đang khôi phục…").success(done).failure(
            self._core.reporter(self, "Không khôi phục được")
        ).run()

    def take_back_evidence(self) -> None:
        """The "Lấy lại tệp minh chứng bị mất từ USB…" button: a backup on a stick chosen, the
        evidence files lost from the data folder taken back from the folder beside it."""
        name, _selected = QFileDialog.getOpenFileName(
            self, "Chọn bản sao lưu ra USB có các tệp minh chứng", str(self.stick_folder()),
            "Bản sao lưu (*.sqlite)",
        )  # fmt: skip
        if name:
            self._remember_stick_folder(Path(name).parent)
            self.take_back_from(Path(name))

    def take_back_from(self, backup: Path) -> None:
        """Take back the lost evidence files from ``backup``'s evidence folder (on the worker;
        the data are not restored) and say which were taken back and which are still lost."""

        def done(result: TakenBack) -> None:
            text = taken_back_text(result, backup)
            if result.absent or result.damaged:
                self.prompts.error(self, "Lấy lại tệp minh chứng", text)
            else:
                self.prompts.information(self, "Lấy lại tệp minh chứng", text)

        CoreOp(
            self, lambda ws: ws.backups.take_back_evidence(backup), self._core,
            label="Đang lấy lại tệp minh chứng…",
        ).success(done).failure(
            self._core.reporter(self, "Không lấy lại được tệp minh chứng")
        ).run()  # fmt: skip

    def check(self) -> None:
        """Back up, check, and say what was found; what can be fixed safely, offered to fix
        (backed up again first, as the command line's ``check --repair``)."""

        def done(report: CheckReport) -> None:
            self.reload()
            # Read-only data (no backup taken) cannot be repaired: said as found.
            if report.backup is not None and any(p.repairable for p in report.problems):
                question = f"{check_text(report)}\n\n{repair_question(report)}"
                if self.prompts.confirm(self, "Kiểm tra dữ liệu", question, yes="Sửa",
                                        no="Để sau"):  # fmt: skip
                    CoreOp(self, lambda ws: ws.check(repair=True), self._core,
                           label="Đang sửa dữ liệu…").success(told).run()  # fmt: skip
                return
            told(report)

        def told(report: CheckReport) -> None:
            if report.ok:
                self.prompts.information(self, "Kiểm tra dữ liệu", check_text(report))
            else:
                self.prompts.error(self, "Kiểm tra dữ liệu", check_text(report))
            self.reload()

        QueryOp(self, lambda ws: ws.check(), self._core, label="Đang kiểm tra dữ liệu…").success(
            done
        ).run()
