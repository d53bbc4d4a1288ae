"""``doancoso plan print``: the yearly plan (KH) or, with ``--report``, the report of its
results against targets (BC), as a PDF.

Registered under ``plan`` by the ``plan`` group (``plans_print.register(plan_sub)``); the PDF
itself is made by :mod:`doancoso.reports.plan` (imported only when the command runs).

``--number``, ``--place`` and ``--date`` are what the print dialog asks in the app: the plan
prints its own number and date unless others are given; the report is dated today by default
and counts the figures the app measures up to its date. A document printed without a number
given, and the plan without one of its own, take the one after the last used for its type code
("KH", "BC", as the app's print dialogs number them), from the memory the app shares
(:mod:`.numbers`); the number printed is remembered and said on the last line. As in the
app, the plan keeps the number and date it was printed with
(:meth:`~doancoso.core.plans.service.PlanService.keep_printed`), and the command says so.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TextIO

from ..core.document_memory import DocumentMemory
from .common import (
    EXIT_OK,
    PDF,
    Subparsers,
    data_dir_option,
    date_option,
    file_path,
    open_workspace,
    require_suffix,
)
from .numbers import NUMBER_HELP, choose_number, keep_number


def register(plan_sub: Subparsers) -> None:
    """Add ``print`` to the ``plan`` subcommands."""
    printing = plan_sub.add_parser(
        "print", help="in kế hoạch công tác năm (hoặc báo cáo kết quả) ra tệp PDF"
    )
    data_dir_option(printing)
    printing.add_argument("--year", type=int, required=True, metavar="NĂM", help="năm của kế hoạch")
    printing.add_argument(
        "-o", "--output", type=file_path, required=True, metavar="TỆP", help="tệp PDF cần ghi"
    )
    printing.add_argument(
        "--report",
        action="store_true",
        help="in báo cáo kết quả thực hiện chỉ tiêu (BC) thay cho kế hoạch (KH)",
    )
    printing.add_argument(
        "--number", metavar="SỐ",
        help="kế hoạch: mặc định số của kế hoạch, nếu có; "
        + NUMBER_HELP.format(example="07-KH/ĐTN, 12-BC/ĐTN"),
    )  # fmt: skip
    printing.add_argument(
        "--place",
        metavar="ĐỊA_DANH",
        help="địa danh ghi trước ngày tháng (mặc định: xã/phường của đơn vị)",
    )
    printing.add_argument(
        "--date",
        metavar="dd/mm/yyyy",
        help="ngày ban hành (mặc định: ngày của kế hoạch; báo cáo: hôm nay, số liệu "
        "tính đến ngày này)",
    )
    printing.set_defaults(handler=plan_print)


def plan_print(args: argparse.Namespace, out: TextIO) -> int:
    from ..core.plans.service import kept_text, unkept_date_text
    from ..reports.plan import print_plan, print_report

    require_suffix(args.output, PDF, ".pdf")
    issued_on = date_option(args.date)
    write = print_report if args.report else print_plan
    with open_workspace(args) as ws:
        plan = None if args.report else ws.plans.get(args.year)
        code = "BC" if args.report else "KH"
        year = (issued_on or (plan.plan_date if plan else None) or date.today()).year
        memory = DocumentMemory(ws.data_dir)
        chosen = choose_number(memory, code, args.number, year, plan.number if plan else None,
                               "số của kế hoạch")  # fmt: skip
        path = write(ws, args.output, args.year, issued_on=issued_on, number=chosen.number,
                     place=args.place)  # fmt: skip
        keep_number(memory, code, chosen, year)
        kept: dict[str, str] = {}
        unkept = ""
        if plan is not None:  # once the file is written: a print that failed records nothing
            printed_on = issued_on or plan.plan_date or date.today()
            kept = ws.plans.keep_printed(args.year, chosen.number, printed_on)
            unkept = unkept_date_text(args.year, printed_on)
    what = "báo cáo kết quả thực hiện chỉ tiêu" if args.report else "kế hoạch công tác"
    print(f"Đã in {what} năm {args.year} ra tệp {path}.", file=out)
    print(chosen.said, file=out)
    if kept:  # named again, as in the app: after "(tiếp theo số 04-KH/ĐTN…)" a "Số này" read as 04
        print(f"{kept_text(kept)} đã được ghi vào kế hoạch.", file=out)
    if unkept:
        print(unkept, file=out)
    return EXIT_OK
