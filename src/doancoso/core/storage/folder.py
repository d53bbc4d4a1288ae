"""The data folder, checked before anything opens it: every way it can be unusable gets a
Vietnamese message saying what is wrong and what to do, and reading creates nothing.

Used by :meth:`doancoso.core.workspace.Workspace.open` (hence by the GUI and every command).
"""

from __future__ import annotations

import errno
import os
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
}


def os_reason(error: OSError) -> str:
    """The common operating-system errors in Vietnamese (never "Permission denied")."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    if isinstance(error, PermissionError):
        return _REASONS[errno.EACCES]
    return "lỗi của hệ điều hành" + (f" (mã {error.errno})" if error.errno else "")


def check_data_folder(folder: Path, *, create: bool) -> None:
    """Raise :class:`StorageError` unless ``folder`` can hold the app's data.

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
    if not os.access(folder, os.W_OK):
        raise StorageError(
            f"Không ghi được vào thư mục dữ liệu {where}: thư mục chỉ cho phép đọc (USB có thể "
            "đang bị khóa ghi). Hãy mở khóa ghi hoặc chép dữ liệu sang máy rồi mở lại."
        )
    database = folder / DATABASE_FILE
    if database.exists() and not database.is_file():
        raise StorageError(
            f"“{database}” không phải tệp dữ liệu (đó là một thư mục). Hãy đổi tên hoặc chuyển "
            "nó đi rồi mở lại."
        )
    if not create and not database.exists():
        raise StorageError(f"Chưa có dữ liệu ở thư mục {where}. {SETUP_HINT}")
    if database.exists() and not os.access(database, os.R_OK | os.W_OK):
        raise StorageError(
            f"Không mở được tệp dữ liệu “{database}”: tệp chỉ cho phép đọc hoặc không có quyền "
            "truy cập. Hãy bỏ thuộc tính chỉ đọc của tệp rồi mở lại."
        )
