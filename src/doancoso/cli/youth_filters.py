"""Which young people ``members print --youth`` and ``members export --youth`` list: the options
of the youth register's filters, as its page has them, so that the lists criterion 1 asks for
(DOMAIN.md §2: young people in hardship, of ethnic minorities, following a religion; the "1+1"
drive) are made from the command line too; the hamlet a ``--hamlet`` names.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..core.errors import AppError
from ..core.lang.places import hamlet_key
from ..core.lang.text import nfc
from .common import not_blank
from .filters import refuse_member_filters_for_youth

if TYPE_CHECKING:
    from ..core.workspace import Workspace
    from ..core.youth.service import YouthFilter

YOUTH_LISTS: tuple[tuple[str, str, str], ...] = (
    ("--hardship", "hardship_only", "có hoàn cảnh khó khăn"),
    ("--working-away", "working_away_only", "đi làm ăn xa"),
    ("--minority", "minority_only", "dân tộc thiểu số (dân tộc ghi khác Kinh)"),
    ("--religious", "religious_only", "có tôn giáo (tôn giáo ghi khác “Không”)"),
    ("--followed", "followed_only", "có đoàn viên theo dõi (phong trào “1+1”)"),
    ("--unfollowed", "unfollowed_only", "chưa có đoàn viên theo dõi (phong trào “1+1”)"),
)
"""Option, field of :class:`~doancoso.core.youth.service.YouthFilter`, the young people it
keeps: the page's check boxes."""


def add_youth_filter_options(parser: argparse.ArgumentParser, verb: str) -> None:
    """``--hamlet`` and the options of :data:`YOUTH_LISTS`, taken with ``--youth``; ``verb``:
    "in", "xuất"."""
    group = parser.add_argument_group("lọc danh sách thanh niên (dùng cùng --youth)")
    group.add_argument(
        "--hamlet",
        type=not_blank("tên một ấp/khu phố"),
        metavar="ẤP",
        help=f"chỉ {verb} thanh niên của một ấp/khu phố (có thể bỏ chữ “Ấp” đầu tên, không dấu "
        "cũng được)",
    )
    for option, field, who in YOUTH_LISTS:
        group.add_argument(
            option, dest=field, action="store_true", help=f"chỉ {verb} thanh niên {who}"
        )


def youth_filter(ws: Workspace, args: argparse.Namespace) -> YouthFilter:
    """The filter ``--search``, ``--hamlet`` and the options of :data:`YOUTH_LISTS` ask for;
    the roster's own filters are refused (:func:`refuse_member_filters_for_youth`)."""
    from ..core.youth.service import YouthFilter

    refuse_member_filters_for_youth(args)
    return YouthFilter(
        search=args.search,
        hamlet=find_hamlet(ws, args.hamlet) if args.hamlet else None,
        **{field: bool(getattr(args, field, False)) for _, field, _ in YOUTH_LISTS},
    )


def find_hamlet(ws: Workspace, name: str) -> str:
    """The hamlet of the register ``name`` means (case, tones and a leading "Ấp", "Khu phố"...
    ignored, as the page's filter ignores them), as the filter's choice spells it; a hamlet the
    register does not use is refused, naming those it does: it would print an empty list."""
    key = hamlet_key(name)
    hamlets = ws.youth.hamlets()
    found = next((h for h in hamlets if hamlet_key(h) == key), None)
    if found is not None:
        return found
    there = f"; các ấp/khu phố đang có: {', '.join(hamlets)}." if hamlets else (
        ": chưa thanh niên nào có ghi ấp/khu phố."
    )  # fmt: skip
    raise AppError(f"Sổ theo dõi thanh niên không có ấp/khu phố “{nfc(name)}”{there}")


def refuse_youth_filters_for_members(args: argparse.Namespace, verb: str) -> None:
    """The youth register's filters without ``--youth``: the roster has no hamlet nor those
    lists; say so rather than ignore the option and write every member."""
    given = ["--hamlet"] if getattr(args, "hamlet", None) else []
    given += [option for option, field, _ in YOUTH_LISTS if getattr(args, field, False)]
    if given:
        raise AppError(
            f"{', '.join(given)} chỉ lọc danh sách thanh niên: thêm --youth để {verb} danh sách "
            f"thanh niên, hoặc bỏ các tùy chọn đó để {verb} danh sách đoàn viên."
        )
