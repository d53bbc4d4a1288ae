"""What the imports of a file of rows (``members import``, with ``--youth`` too, and ``rating
import``) do with the rows they refuse: an import is all or nothing (DESIGN.md), so a file
with a rejected row imports nothing and exits 1, each rejected row's reason on stderr, unless
``--skip-rejected`` says to import the other rows, which the last line then names.

A command collects its rejections as ``(row, reason)`` pairs, in the file's order (a row may
have several reasons), adds the option with :func:`skip_rejected_option`, raises
:func:`refusal` when :func:`import_stopped` and ends its last line with :func:`skipped_text`.

``--rejected FILE`` (:func:`rejected_target`) saves the rejected rows with their reasons, to be
fixed and imported again; an import that rejects none writes no file and removes the one an
earlier run left there, the last line saying which (:func:`rejected_saved`).

``activity attend --file`` and ``checklist template import`` read a file that is one whole (a
roll call, a set of criteria), not rows each imported on its own: a bad row refuses the file,
nothing saved, and there is nothing to skip; the core names every bad row at once
(:class:`~doancoso.core.errors.BadRowsError`, all of them on stderr).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.errors import AppError
from ..core.lang.text import vn_number
from .common import require_suffix

Rejections = list[tuple[int, str]]
"""(row, reason) of every reason a row of the file is refused for, in the file's order."""


def skip_rejected_option(parser: argparse.ArgumentParser) -> None:
    """``--skip-rejected``: import the usable rows of a file that has rejected ones."""
    parser.add_argument(
        "--skip-rejected",
        action="store_true",
        help="nhập các dòng hợp lệ, bỏ qua các dòng bị loại (mặc định: tệp có dòng bị loại thì "
        "không nhập gì, báo lý do và thoát với mã 1)",
    )


def import_stopped(rejections: Rejections, args: argparse.Namespace) -> bool:
    """Whether the rows of ``rejections`` stop the import: some, and no ``--skip-rejected``."""
    return bool(rejections) and not args.skip_rejected


def refusal(rejections: Rejections) -> AppError:
    """The error when rejected rows stop an import, each reason on a line of its own."""
    rows = len({row for row, _ in rejections})
    lines = "".join(f"\n  Dòng {row}: {reason}" for row, reason in rejections)
    return AppError(
        f"{vn_number(rows)} dòng bị loại nên chưa nhập gì (sửa các dòng này rồi nhập lại, "
        f"hoặc thêm --skip-rejected để chỉ nhập các dòng còn lại):{lines}"
    )


def skipped_text(rejections: Rejections) -> str:
    """ ", bỏ qua 2 dòng bị loại (dòng 3, 7)" after what ``--skip-rejected`` imported; "" when
    no row was rejected."""
    rows = sorted({row for row, _ in rejections})
    if not rows:
        return ""
    numbers = ", ".join(str(row) for row in rows)
    return f", bỏ qua {vn_number(len(rows))} dòng bị loại (dòng {numbers})"


def rejected_target(args: argparse.Namespace) -> Path | None:
    """The file ``--rejected`` names, checked before anything is read: an .xlsx, and not the
    file being imported, which writing the rejected rows would replace."""
    target: Path | None = args.rejected
    if target is None:
        return None
    require_suffix(target, "Tệp các dòng bị loại", ".xlsx")
    if target.absolute() == args.file.absolute() or (
        target.exists() and args.file.exists() and target.samefile(args.file)
    ):
        raise AppError(
            f"Tệp các dòng bị loại phải khác tệp đang nhập ({args.file}): ghi vào đó sẽ mất "
            "các dòng khác của tệp."
        )
    return target


def rejected_saved(count: int, target: Path | None, imported: bool, removed: bool) -> str:
    """The line on the file of rejected rows ``--rejected`` asked for: written, or not needed
    (``removed``: an earlier run's file was there and was removed, by
    :func:`~doancoso.core.roster.spreadsheets.rejected.remove_stale`; a file there that is not
    one is kept, and said to be no file of this run); once the other rows are ``imported``, what
    to do with it (else the file imported again would leave out the rows not rejected: stderr
    says to fix the rows first)."""
    if target is None:
        return ""
    if not count:
        if removed:
            return (
                f"Không có dòng nào bị loại: đã xóa tệp {target} (các dòng bị loại của một lần "
                "nhập trước, nay không còn đúng)."
            )
        if target.exists():
            return (
                f"Không có dòng nào bị loại: không ghi tệp {target}; tệp đang có ở đó không phải "
                "tệp các dòng bị loại do ứng dụng ghi nên được giữ nguyên."
            )
        return f"Không có dòng nào bị loại: không ghi tệp {target}."
    saved = f"Đã lưu {vn_number(count)} dòng bị loại, kèm lý do ở cột “Lý do”, vào tệp {target}"
    if imported:
        return f"{saved}: sửa các dòng này trong Excel, lưu lại rồi nhập lại tệp đó."
    return f"{saved}."
