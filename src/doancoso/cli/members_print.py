"""``doancoso members print``: the printed roster as a PDF, from the command line.

Registered under ``members`` by :mod:`doancoso.cli.members`; the PDF itself is made by
:mod:`doancoso.reports.roster` (imported only when the command runs, so other commands start
without loading reportlab).
"""

from __future__ import annotations

import argparse
from typing import TextIO

from ..core.lang.text import vn_number
from .common import (
    EXIT_OK,
    PDF,
    Subparsers,
    data_dir_option,
    file_path,
    open_workspace,
    require_suffix,
)
from .filters import (
    add_member_filter_options,
    member_filter,
    refuse_member_filters_for_youth,
)


def register(members_sub: Subparsers) -> None:
    """Add ``print`` to the ``members`` subcommands."""
    printing = members_sub.add_parser("print", help="in danh sách đoàn viên ra tệp PDF")
    data_dir_option(printing)
    printing.add_argument(
        "-o", "--output", type=file_path, required=True, metavar="TỆP", help="tệp PDF cần ghi"
    )
    add_member_filter_options(printing, "in")
    printing.add_argument("--number", metavar="SỐ", help="số văn bản, ví dụ 15-DS/ĐTN")
    printing.add_argument(
        "--youth", action="store_true", help="in danh sách thanh niên địa phương (sổ theo dõi)"
    )
    printing.set_defaults(handler=members_print)


def members_print(args: argparse.Namespace, out: TextIO) -> int:
    from ..reports.roster import print_roster

    require_suffix(args.output, PDF, ".pdf")
    if getattr(args, "youth", False):
        return youth_print(args, out)
    with open_workspace(args) as ws:
        flt = member_filter(ws, args)
        count = ws.members.count(flt)
        path = print_roster(ws, args.output, flt, number=args.number)
    print(f"Đã in danh sách {vn_number(count)} đoàn viên ra tệp {path}.", file=out)
    return EXIT_OK


def youth_print(args: argparse.Namespace, out: TextIO) -> int:
    """``members print --youth``: the local youth register (young people not yet admitted)."""
    from ..core.youth.service import YouthFilter
    from ..reports.youth import print_youth

    refuse_member_filters_for_youth(args)
    with open_workspace(args) as ws:
        flt = YouthFilter(search=args.search)
        count = ws.youth.count(flt)
        path = print_youth(ws, args.output, flt, number=args.number)
    print(f"Đã in danh sách {vn_number(count)} thanh niên ra tệp {path}.", file=out)
    return EXIT_OK
