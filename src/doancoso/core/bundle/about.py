"""What a bundle is, in the words of the import wizard's file page (ui/bundle/import_info.py)
and of ``doancoso bundle inspect`` (cli/bundles.py) alike: whose data, what kind of file (the
export wizard's own choices, :data:`KIND_NAMES`), when and by what it was made, whether it has
a password."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..lang.text import nfc
from .labels import moment_text

if TYPE_CHECKING:
    from .service import BundleInfo

KIND_NAMES = {
    "handover": "Bàn giao cho người kế nhiệm (toàn bộ dữ liệu)",
    "report": "Báo cáo cấp trên",
}
"""What a file is for, in the export wizard's words: its step 1 offers these two (each with its
Alt letter, a report's followed by what it holds); shown after "Loại tệp:" by the import wizard
and ``bundle inspect``, a report followed by its year (:func:`kind_text`)."""


def kind_text(kind: str, year: int | None) -> str:
    """ "Bàn giao cho người kế nhiệm (toàn bộ dữ liệu)", "Báo cáo cấp trên, năm 2026"."""
    return KIND_NAMES.get(kind, kind) + (f", năm {year}" if year else "")


def created_text(value: Any) -> str:
    """An ISO timestamp as dd/mm/yyyy hh:mm, local time (:func:`moment_text`)."""
    text = str(value or "")
    try:
        return moment_text(text.replace("Z", "+00:00"))
    except ValueError:
        return text


ABOUT_LABELS = ("Tổ chức:", "Loại tệp:", "Ngày tạo:", "Phiên bản:", "Mật khẩu:")
"""What is said of a file, in this order: :func:`about_values`."""


def about_values(info: BundleInfo) -> list[str]:
    """What is said of the file ``info``, one value for each of :data:`ABOUT_LABELS` (an
    encrypted file is only described once opened)."""
    return [
        nfc(info.organization_name),
        kind_text(info.kind, info.year),
        created_text(info.created_at),
        f"doancoso {info.app_version}, định dạng tệp phiên bản {info.version}",
        "Có (đã mở được)" if info.encrypted else "Không mã hóa",
    ]
