"""What the imports of a file of rows (``members import``, with ``--youth`` too, and ``rating
import``) do with the rows they refuse: an import is all or nothing (DESIGN.md), so a file
with a rejected row imports nothing and exits 1, each rejected row's reason on stderr, unless
``--skip-rejected`` says to import the other rows, which the last line then names.

A command collects its rejections as ``(row, reason)`` pairs, in the file's order (a row may
have several reasons), adds the option with :func:`skip_rejected_option`, raises
:func:`refusal` when :func:`import_stopped` and ends its last line with :func:`skipped_text`.

``activity attend --file`` and ``checklist template import`` read a file that is one whole (a
roll call, a set of criteria), not rows each imported on its own: the first bad row refuses
the file, nothing saved, and there is nothing to skip.
"""

from __future__ import annotations

import argparse

from ..core.errors import AppError
from ..core.lang.text import vn_number

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
