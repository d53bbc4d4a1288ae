"""``doancoso participation`` and ``doancoso calendar export``: what the calendar gives back —
the members' participation rates in a year, and the activities as an .ics file for phones.

Registered by :mod:`.activities`.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from ..core.lang.dates import format_vn_date
from ..core.lang.text import vn_number
from .common import (
    EXIT_OK,
    Subparsers,
    data_dir_option,
    file_path,
    format_option,
    open_workspace,
    require_suffix,
)
from .parser import Parser
from .values import check_year, date_range, dump, percent, share_json

if TYPE_CHECKING:  # the core's services load when a command runs, not with the parser
    from ..core.activities.participation import Participation

NO_BRANCH = "Chưa có chi đoàn"


def register(subparsers: Subparsers) -> None:
    """Add ``participation`` and ``calendar export``."""
    participation = subparsers.add_parser(
        "participation", help="tỉ lệ tham gia hoạt động của đoàn viên trong năm"
    )
    data_dir_option(participation)
    participation.add_argument("--year", type=int, required=True, metavar="NĂM", help="năm")
    format_option(participation)
    participation.set_defaults(handler=show_participation)

    calendar = subparsers.add_parser("calendar", help="lịch hoạt động cho điện thoại (.ics)")
    calendar_sub = calendar.add_subparsers(
        dest="calendar_command", parser_class=Parser, metavar="LỆNH", required=True
    )
    export = calendar_sub.add_parser(
        "export",
        help="xuất lịch hoạt động ra tệp .ics (Google Calendar, Outlook, lịch điện thoại)",
    )
    data_dir_option(export)
    export.add_argument("file", type=file_path, metavar="TỆP", help="tệp .ics sẽ ghi")
    span = export.add_mutually_exclusive_group()
    span.add_argument("--year", type=int, metavar="NĂM", help="cả một năm (mặc định: năm nay)")
    span.add_argument("--from", dest="date_from", metavar="dd/mm/yyyy", help="từ ngày")
    export.add_argument(
        "--to", dest="date_to", metavar="dd/mm/yyyy", help="đến ngày (mặc định: hết năm của --from)"
    )
    export.set_defaults(handler=export_calendar, usage_error=export.error)


def _row_json(row: Participation, branches: dict[str, str]) -> dict[str, object]:
    return {
        "member_id": row.member_id,
        "full_name": row.full_name,
        "branch": branches.get(row.branch_id or ""),  # null: not in a chi đoàn
        "expected": row.expected,
        "attended": row.attended,
        "excused": row.excused,
        "rate": share_json(row.rate),
    }


def show_participation(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        rows = ws.participation.year(check_year(args.year))
        branches = dict(ws.branches.names())
        leave_counts = ws.participation.leave_counts()
    if args.format == "json":
        dump([_row_json(r, branches) for r in rows], out)
        return EXIT_OK
    for number, row in enumerate(rows, start=1):
        cells = (
            str(number),
            row.full_name,
            branches.get(row.branch_id or "", NO_BRANCH),
            f"{vn_number(row.attended)}/{vn_number(row.expected)}",
            f"vắng có phép {vn_number(row.excused)}",
            "—" if row.rate is None else percent(row.rate),
        )
        print("\t".join(cells), file=out)
    rates = [r.rate for r in rows if r.rate is not None]
    summary = f"Tổng cộng: {vn_number(len(rows))} đoàn viên"
    if rates:
        summary += f"; tỉ lệ tham gia bình quân {percent(sum(rates) / len(rates))}"
    print(summary + ".", file=out)
    print(
        "Vắng có phép được tính là có tham gia."
        if leave_counts
        else "Vắng có phép không được tính là có tham gia.",
        file=out,
    )
    return EXIT_OK


def export_calendar(args: argparse.Namespace, out: TextIO) -> int:
    if args.year is not None and args.date_to is not None:
        args.usage_error("tùy chọn --to: không dùng cùng với --year")
    require_suffix(args.file, "Tệp lịch", ".ics")
    first, last = date_range(args)
    with open_workspace(args) as ws:
        ics = ws.activities.export_calendar(args.file, first, last)
    print(
        f"Đã xuất lịch hoạt động từ {format_vn_date(first)} đến {format_vn_date(last)} "
        f"ra tệp {args.file} ({ics.counts_text}).",
        file=out,
    )
    return EXIT_OK
