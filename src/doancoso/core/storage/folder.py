"""The data folder, checked before anything opens it: every way it can be unusable gets a
Vietnamese message saying what is wrong and what to do, and reading creates nothing.

Data that can be read but not written (a write-protected USB stick in portable mode, a folder
without write permission, a read-only ``doancoso.sqlite``) still open, for reading only: the
check returns a :class:`ReadOnlyData` that says why, and every write is refused with its message.

Used by :meth:`doancoso.core.workspace.Workspace.open` (hence by the GUI and every command).
"""

from __future__ import annotations

import contextlib
import errno
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import StorageError

DATABASE_FILE = "doancoso.sqlite"

SETUP_HINT = (
    "Hãy mở ứng dụng để thiết lập, hoặc chạy lệnh: "
    'doancoso init --name "Đoàn xã …" --superior "Tỉnh đoàn …"'
)
"""What a secretary does when a folder holds no data yet."""

_REASONS = {
    errno.ENOENT: "đường dẫn không tồn tại",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không có quyền truy cập",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc (USB có thể đang bị khóa ghi)",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài",
    errno.EISDIR: "đó là một thư mục",
    errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
    errno.EEXIST: "đã có tệp trùng tên",
    errno.EINVAL: "tên tệp hoặc đường dẫn không hợp lệ",
    errno.EBUSY: "tệp đang được chương trình khác sử dụng",
    errno.EIO: "lỗi đọc ghi ổ đĩa (USB có thể đã bị rút ra)",
    errno.ENODEV: "ổ đĩa không còn kết nối (USB có thể đã bị rút ra)",
    errno.ENXIO: "ổ đĩa không còn kết nối (USB có thể đã bị rút ra)",
    errno.EFBIG: "tệp vượt quá kích thước cho phép",
    errno.EDQUOT: "đã dùng hết dung lượng được cấp trên ổ đĩa",
}


def os_reason(error: OSError) -> str:
    """The common operating-system errors in Vietnamese (never "Permission denied")."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    if isinstance(error, PermissionError):
        return _REASONS[errno.EACCES]
    return "lỗi của hệ điều hành" + (f" (mã {error.errno})" if error.errno else "")


def write_remedy(error: OSError) -> str:
    """What to do about a write that failed with ``error`` (a sentence, after its reason)."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "Hãy giải phóng chỗ trống trên ổ đĩa rồi thử lại."
    if error.errno == errno.EIO:
        return "Ổ đĩa có thể đang hỏng: hãy kiểm tra ổ đĩa (hoặc cắm lại USB) rồi thử lại."
    if error.errno in (errno.ENODEV, errno.ENXIO):  # the device itself is gone: a stick out
        return "Hãy cắm lại USB vào máy rồi thử lại."
    if error.errno == errno.EROFS:  # a write-protected stick: its lock switch, or another
        return "Hãy gạt khóa ghi của USB (nếu có) hoặc dùng USB khác, rồi thử lại."
    return "Hãy kiểm tra ổ đĩa rồi thử lại."


class ReadOnlyDataError(StorageError):
    """A write asked of data that can only be read (see :class:`ReadOnlyData`)."""


@dataclass(frozen=True)
class ReadOnlyData:
    """Why the data of a folder can be read but not written, and what the secretary can do.

    The folder still opens: every list, search, export and print works; every write is refused
    with :attr:`message` before anything is touched (see :meth:`Database.require_writable
    <doancoso.core.storage.db.Database.require_writable>`).
    """

    reason: str
    remedy: str

    @property
    def message(self) -> str:
        """What a refused write says (the GUI's banner says the same)."""
        return f"Dữ liệu chỉ đọc: {self.reason}. Không lưu được thay đổi nào. {self.remedy}"

    def error(self, details: str = "") -> ReadOnlyDataError:
        return ReadOnlyDataError(self.message, details or "the data folder is read-only")


_COPY_TO_THE_PC = "hoặc chép cả thư mục dữ liệu sang máy tính rồi mở bản chép"


def read_only_folder(folder: Path, error: OSError) -> ReadOnlyData:
    """The :class:`ReadOnlyData` of a folder where creating a file failed with ``error``."""
    if error.errno == errno.EROFS:
        return ReadOnlyData(
            f"thư mục dữ liệu “{folder}” nằm trên ổ đĩa chỉ cho phép đọc "
            "(USB có thể đang bị khóa ghi)",
            f"Muốn sửa dữ liệu, hãy gạt khóa ghi của USB rồi mở lại, {_COPY_TO_THE_PC}.",
        )
    return ReadOnlyData(
        f"thư mục dữ liệu “{folder}” không cho phép ghi",
        f"Muốn sửa dữ liệu, hãy nhờ người quản trị máy cấp quyền ghi, {_COPY_TO_THE_PC}.",
    )


def _folder_refuses_writes(folder: Path) -> OSError | None:
    """Whether a file can be created in ``folder``: the error if not, None if it can.

    A real (empty, at once removed) file rather than ``os.access``: on Windows ``os.access``
    says every folder is writable, a write-protected stick included. Only the errors that mean
    "read-only" count; any other (a full disk…) is left to the open, which says it.
    """
    probe = folder / f".doancoso-ghi-thu-{os.getpid()}"
    try:
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return None  # left by a process killed at this very step: the folder takes files
    except OSError as exc:
        return exc if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM) else None
    os.close(fd)
    with contextlib.suppress(OSError):
        probe.unlink()
    return None


def check_data_folder(folder: Path, *, create: bool) -> ReadOnlyData | None:
    """Raise :class:`StorageError` unless ``folder`` can hold the app's data; returns why the
    data can only be read (a read-only folder, disk or file), or None when they can be written.

    ``create``: make the folder if it is missing (opening the app, ``init``, ``demo``); without
    it (a command that only reads), a missing folder or database is refused and nothing is made.
    """
    where = f"“{folder}”"
    if folder.exists() and not folder.is_dir():
        raise StorageError(
            f"Thư mục dữ liệu {where} là một tệp, không phải thư mục. "
            "Hãy chọn một thư mục để chứa dữ liệu."
        )
    if not folder.exists():
        if not create:
            raise StorageError(f"Chưa có dữ liệu ở thư mục {where}. {SETUP_HINT}")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"Không tạo được thư mục dữ liệu {where}: {os_reason(exc)}. "
                "Hãy chọn một thư mục khác.",
                repr(exc),
            ) from exc
    if not os.access(folder, os.R_OK | os.X_OK):
        raise StorageError(
            f"Không đọc được thư mục dữ liệu {where}: không có quyền truy cập. "
            "Hãy chọn thư mục khác hoặc nhờ người quản trị máy cấp quyền."
        )
    database = folder / DATABASE_FILE
    if database.exists() and not database.is_file():
        raise StorageError(
            f"“{database}” không phải tệp dữ liệu (đó là một thư mục). Hãy đổi tên hoặc chuyển "
            "nó đi rồi mở lại."
        )
    if not create and not database.exists():
        raise StorageError(_no_data_text(folder))
    refused = _folder_refuses_writes(folder)
    if not database.exists():
        if refused is not None:
            raise StorageError(
                f"Thư mục dữ liệu {where} chỉ cho phép đọc ({os_reason(refused)}) và chưa có dữ "
                "liệu: không tạo được dữ liệu mới ở đây. Hãy chọn thư mục khác, hoặc gạt khóa "
                "ghi của USB rồi mở lại.",
                repr(refused),
            )
        return None
    if not os.access(database, os.R_OK):
        raise StorageError(
            f"Không mở được tệp dữ liệu “{database}”: không có quyền đọc. Hãy nhờ người quản trị "
            "máy cấp quyền, hoặc chép dữ liệu sang thư mục khác rồi mở."
        )
    if refused is not None:
        return read_only_folder(folder, refused)
    if not os.access(database, os.W_OK):
        return ReadOnlyData(
            f"tệp “{database}” chỉ cho phép đọc",
            "Muốn sửa dữ liệu, hãy bỏ thuộc tính “Chỉ đọc” của tệp (chuột phải vào tệp, chọn "
            "Thuộc tính) rồi mở lại.",
        )
    return None


def _no_data_text(folder: Path) -> str:
    """Said by a command that needs data in ``folder`` and finds no database: how to set it up;
    or, when its backups hold an organisation (the damaged data set aside by an earlier command,
    the file removed by hand), how to restore the newest sound one: ``init`` would make a new,
    empty organisation in front of them."""
    from ..backup.store import BACKUP_FOLDER, recovery_advice, restore_hint

    advice, best = recovery_advice(folder / BACKUP_FOLDER, set_up=True)
    if best is None:
        return f"Chưa có dữ liệu ở thư mục “{folder}”. {SETUP_HINT}"
    return (
        f"Thư mục “{folder}” không có dữ liệu đang dùng nhưng có bản sao lưu. {advice}"
        f"{restore_hint(best, folder)}"
    )
