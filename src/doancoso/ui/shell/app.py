"""Start of the desktop app: Qt application, workspace, logging, first-start setup, main window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ...core.errors import AppError
from ...core.organization import OrganizationInfo
from ...core.storage.db import DamagedDatabaseError
from ...core.storage.folder import ReadOnlyData, check_data_folder
from ...core.storage.lock import DataFolderLock, DataFolderLockedError
from ...core.workspace import Workspace
from ...logs import setup_logging
from ..common.temp_copies import remove_old_copies_in_background
from . import dialogs
from .collector import collected_on_gui_thread
from .main_window import MainWindow
from .operations import Core
from .prompts import Prompts
from .state import UiState
from .translator import install_qt_vietnamese

if TYPE_CHECKING:
    from ...core.backup.store import BackupInfo

log = logging.getLogger("doancoso.ui")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def make_excepthook(log_path: Path | None, prompts: Prompts) -> ExceptHook:
    """A sys.excepthook that logs an unexpected error and tells the user where the log is.

    An :class:`AppError` that escaped a slot is a user error: its message is shown as is.
    """

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, AppError):
            log.warning("unhandled user error: %s (%s)", exc.message, exc.details)
            prompts.error(None, "Không thực hiện được", exc.message)
            return
        log.error("unexpected error", exc_info=(exc_type, exc, tb))
        where = (
            f"Chi tiết đã được ghi vào tệp nhật ký:\n{log_path}\n\n"
            if log_path is not None
            else "Không ghi được tệp nhật ký vào thư mục dữ liệu.\n\n"
        )
        prompts.error(
            None,
            "Lỗi không mong đợi",
            "Đã xảy ra lỗi không mong đợi. Dữ liệu đã lưu không bị ảnh hưởng.\n\n"
            f"{where}Hãy gửi tệp này cho người hỗ trợ nếu lỗi lặp lại.",
        )

    return hook


class AfterFirstPaint(QObject):
    """Runs an action once a window has been painted for the first time (see :func:`run_app`)."""

    def __init__(self, window: QWidget, action: Callable[[], None]) -> None:
        super().__init__(window)
        self._action: Callable[[], None] | None = action
        handle = window.windowHandle()
        assert handle is not None, "call after show()"
        handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and self._action is not None:
            # The window paints while handling this event; the action runs on the next turn.
            QTimer.singleShot(0, self._action)
            self._action = None
            watched.removeEventFilter(self)
        return False


def _application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("doancoso")
    app.setOrganizationName("doancoso")
    install_qt_vietnamese(app)  # Qt's own strings (context menus, buttons, key names)
    return app


def open_workspace(
    data_dir: Path, prompts: Prompts, read_only: ReadOnlyData | None = None
) -> Workspace | None:
    """The workspace of ``data_dir``, or None after telling the user why it cannot be opened;
    ``read_only``: opened for reading only (see :meth:`Workspace.open`).

    E.g. a database written by a newer version of the app is refused, untouched.
    """
    try:
        return Workspace.open(data_dir, read_only=read_only)
    except DamagedDatabaseError as exc:
        log.error("damaged database in %s: %s (%s)", data_dir, exc.message, exc.details)
        if exc.backup is None:
            prompts.error(None, "Dữ liệu bị hỏng", exc.message)
            return None
        question = f"{exc.in_window or exc.message}\n\nKhôi phục bản sao lưu này ngay?"
        if not prompts.confirm(None, "Dữ liệu bị hỏng", question):
            return None
        return _restore_and_open(data_dir, exc.backup, prompts)
    except AppError as exc:
        log.error("cannot open workspace %s: %s (%s)", data_dir, exc.message, exc.details)
        prompts.error(None, "Không mở được dữ liệu", exc.message)
        return None


def _restore_and_open(data_dir: Path, backup: BackupInfo, prompts: Prompts) -> Workspace | None:
    """Put ``backup`` in place of the damaged data (the caller holds the folder's lock)."""
    from ...core.backup.restore import restore_backup

    try:
        restore_backup(data_dir, backup.path)
        ws = Workspace.open(data_dir)
    except AppError as exc:
        log.error("restore of %s failed: %s (%s)", backup.path, exc.message, exc.details)
        prompts.error(None, "Không khôi phục được", exc.message)
        return None
    prompts.information(None, "Đã khôi phục", restored_message(ws, backup))
    return ws


def restored_message(ws: Workspace, backup: BackupInfo) -> str:
    """What a restore offered at start says once done, in the backups dialog's words: when
    ``backup`` was taken and the members it gave back (and the evidence files it lacks)."""
    from ...core.backup.restore import missing_evidence_text
    from ..settings.backups_dialog import Restored, restored_text

    restored = Restored(ws.members.count(), ws.evidence.missing(), None, None)
    text = restored_text(backup, restored, named=False)
    lacking = missing_evidence_text(restored.missing, backup.path, ws.data_dir)
    return f"{text}\n\n{lacking}" if lacking else text


def offer_backup(ws: Workspace, prompts: Prompts) -> None:
    """A folder with no data but with backups (its damaged data set aside and the restore
    declined, or its database removed by hand): the newest sound backup is offered before a
    first-start setup would start again from nothing. Only a backup holding an organisation:
    one taken before any setup holds nothing the setup would not make again (one with the
    organisation and no member yet holds its settings and chi đoàn: offered)."""
    from ...core.backup.store import BACKUP_FOLDER, recovery_advice

    advice, best = recovery_advice(ws.data_dir / BACKUP_FOLDER, set_up=True)
    if best is None:
        return
    question = (
        f"Thư mục dữ liệu “{ws.data_dir}” chưa có dữ liệu đang dùng nhưng có bản sao lưu. "
        f"{advice}\n\nKhôi phục bản sao lưu này thay vì thiết lập mới từ đầu?"
    )
    if not prompts.confirm(None, "Có bản sao lưu", question, yes="Khôi phục",
                           no="Thiết lập mới"):  # fmt: skip
        return
    try:
        ws.restore(best.path)
    except AppError as exc:
        log.error("restore of %s failed: %s (%s)", best.path, exc.message, exc.details)
        prompts.error(None, "Không khôi phục được", exc.message)
        return
    prompts.information(None, "Đã khôi phục", restored_message(ws, best))


OPEN_ELSEWHERE = ReadOnlyData(
    "dữ liệu đang được mở trong một cửa sổ khác của ứng dụng",
    "Muốn sửa dữ liệu, hãy dùng cửa sổ đó, hoặc đóng cả hai cửa sổ rồi mở lại.",
)
"""Why a second window, opened only to look at the data, cannot write them."""
VIEW_ONLY_OFFER = (
    "Bạn vẫn có thể mở dữ liệu chỉ để xem (tra cứu, in, xuất danh sách; không sửa được gì) "
    "trong lúc cửa sổ kia vẫn mở."
)
"""What a second start offers after saying where the data are open."""


def lock_data_folder(data_dir: Path, prompts: Prompts) -> DataFolderLock | ReadOnlyData | None:
    """The lock of ``data_dir`` (one GUI per data folder); or, the folder being open in another
    window of the app, :data:`OPEN_ELSEWHERE` if the user chooses to open it only to look (two
    writers would lose each other's changes; a reader sees the other window's as they are
    saved); or None after telling the user why not."""
    try:
        return DataFolderLock.acquire(data_dir)
    except DataFolderLockedError as exc:
        log.warning("data folder %s is open elsewhere (%s)", data_dir, exc.details)
        answer = prompts.ask(None, "Dữ liệu đang được mở", f"{exc.message}\n\n{VIEW_ONLY_OFFER}",
                             ["Mở chỉ để xem", "Thoát"])  # fmt: skip
        return OPEN_ELSEWHERE if answer == 0 else None
    except AppError as exc:
        log.warning("cannot lock data folder %s: %s (%s)", data_dir, exc.message, exc.details)
        prompts.error(None, "Không mở được dữ liệu", exc.message)
        return None


def receive_handover(core: Core, parent: QWidget | None) -> bool:
    """First start: the bundle import wizard into the empty folder (#17); whether the folder
    now has its organisation."""
    dialogs.import_bundle(core, parent)
    return core.ws.has_organization


def restore_at_start(core: Core, parent: QWidget | None) -> OrganizationInfo | None:
    """First start on a new PC with a backup on the stick ("Sao lưu ra USB…"): the backups
    dialog ("Khôi phục từ tệp…"); the organisation the folder now has, if any (read through
    the workspace's services, made again by the restore)."""
    dialogs.show_backups(core, parent)
    return core.ws.organization.get() if core.ws.has_organization else None


def run_app(data_dir: Path, prompts: Prompts | None = None) -> int:
    """Open the GUI on ``data_dir``; returns the process exit code."""
    app = _application()
    prompts = Prompts() if prompts is None else prompts
    try:  # a file, a path that cannot exist: said before anything else
        read_only = check_data_folder(data_dir, create=True)
    except AppError as exc:
        prompts.error(None, "Không mở được dữ liệu", exc.message)
        return 1
    log_path = setup_logging(data_dir)
    sys.excepthook = make_excepthook(log_path, prompts)
    remove_old_copies_in_background()  # members' files an earlier session copied (Decree 13)
    with collected_on_gui_thread():  # no Qt object destroyed on the worker thread
        return _run(app, data_dir, prompts, read_only)


def _run(
    app: QApplication, data_dir: Path, prompts: Prompts, read_only: ReadOnlyData | None
) -> int:
    """:func:`run_app` once the folder is checked and the log set up."""
    # Data that can only be read (a write-protected stick) open without the lock, whose file
    # cannot be made there: no window can write them, so two windows on them do no harm.
    lock: DataFolderLock | None = None
    if read_only is None:
        locked = lock_data_folder(data_dir, prompts)
        if locked is None:
            return 1
        if isinstance(locked, ReadOnlyData):  # open in another window: only to look
            read_only = locked
        else:
            lock = locked
    ws = open_workspace(data_dir, prompts, read_only)
    if ws is None:
        if lock is not None:
            lock.release()
        return 1
    try:
        if not ws.has_organization and ws.read_only is not None:
            prompts.error(None, "Không mở được dữ liệu", "Dữ liệu chưa được thiết lập. "
                          f"{ws.read_only.message}")  # fmt: skip
            return 1
        if not ws.has_organization:
            offer_backup(ws, prompts)
        core = Core(ws, prompts)
        if not ws.has_organization:
            from ..settings.setup_dialog import SetupDialog  # first start only

            setup = SetupDialog(
                ws.organization,
                prompts,
                receive_handover=lambda w: receive_handover(core, w),
                restore_backup=lambda w: restore_at_start(core, w),
            )
            if setup.exec() != QDialog.DialogCode.Accepted:
                return 0
        window = MainWindow(core, UiState(data_dir))
        if window.has_saved_geometry:
            window.show()
        else:  # first start: use the whole (often 1366×768) screen
            window.showMaximized()
        # The window shows without SQLAlchemy and the other pages (~0.5 s of imports); they
        # load right after its first paint, before the user can reach for them.
        AfterFirstPaint(window, window.load_rest)
        return app.exec()
    finally:
        ws.close()
        if lock is not None:
            lock.release()
