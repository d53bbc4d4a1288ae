"""What the app says about itself: "Trợ giúp → Giới thiệu" and the settings page's "Dữ liệu"."""

from __future__ import annotations

from pathlib import Path

from ... import __version__

APP_NAME = "Đoàn cơ sở 3 chủ động"
ABOUT_TITLE = "Giới thiệu"


def version_text() -> str:
    return f"Phiên bản {__version__}"


def about_text(data_dir: Path) -> str:
    """The about box: name, version, what it is, the licences, where the data are."""
    return (
        f"{APP_NAME} (doancoso)\n{version_text()}\n\n"
        "Quản lý đoàn viên, thanh niên địa phương, thống kê và văn bản của Đoàn cơ sở. "
        "Chạy hoàn toàn trên máy, không cần Internet.\n\n"
        "Giấy phép: MIT.\n"
        "Phông chữ Liberation Serif trên văn bản in: giấy phép SIL Open Font License 1.1.\n"
        "Giao diện dùng Qt for Python (PySide6), giấy phép LGPL 3.\n\n"
        f"Thư mục dữ liệu:\n{data_dir}"
    )
