"""``doancoso plan``: the yearly work plan from the command line.

``show``, ``new``, ``target add``, ``register`` and ``deadline`` (the superior body's deadline
for registering a plan: seen, or set with ``DD/MM``, a day of the year before the plan's, or of
the plan's own year with ``--in-plan-year``) live here (``print`` in
:mod:`.plans_print`); each is one call of
``ws.plans`` (:class:`~doancoso.core.plans.service.PlanService`). The ``plan`` group's
subcommands are made in :func:`register` so that another module (the printed plan) can add its
own to them with its ``register(plan_subparsers)``, as ``members print`` does.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, TextIO

from ..core.activities.rules import code_of
from ..core.errors import NotFoundError, ValidationError
from ..core.lang.dates import format_vn_date
from ..core.plans.copying import copy_details
from ..core.plans.rules import APPROVED, CRITERIA, MEASURES, REGISTRATION_STATES, SENT
from . import plans_print
from .common import EXIT_OK, Subparsers, data_dir_option, format_option, open_workspace
from .parser import Parser
from .values import check_year, dump, json_number, number, percent

if TYPE_CHECKING:  # the core's services load when a command runs, not with the parser
    from ..core.plans.service import PlanInfo, TargetInfo


def register(subparsers: Subparsers) -> None:
    """Add the ``plan`` group and its subcommands."""
    plan = subparsers.add_parser("plan", help="kế hoạch công tác năm")
    plan_sub = plan.add_subparsers(
        dest="plan_command", parser_class=Parser, metavar="LỆNH", required=True
    )

    show = plan_sub.add_parser("show", help="xem kế hoạch công tác của một năm và các chỉ tiêu")
    data_dir_option(show)
    _year_option(show)
    format_option(show)
    show.set_defaults(handler=plan_show)

    new = plan_sub.add_parser("new", help="lập kế hoạch công tác của một năm")
    data_dir_option(new)
    _year_option(new)
    new.add_argument(
        "--from-year",
        type=int,
        metavar="NĂM",
        help="sao chép nội dung và chỉ tiêu từ kế hoạch của năm này",
    )
    new.add_argument("--number", metavar="SỐ", help="số và ký hiệu, ví dụ 07-KH/ĐTN")
    new.add_argument(
        "--title", metavar="TÊN", help="tên kế hoạch (mặc định: Kế hoạch công tác Đoàn … năm …)"
    )
    new.set_defaults(handler=plan_new)

    target = plan_sub.add_parser("target", help="chỉ tiêu của kế hoạch")
    target_sub = target.add_subparsers(
        dest="target_command", parser_class=Parser, metavar="LỆNH", required=True
    )
    add = target_sub.add_parser("add", help="thêm một chỉ tiêu vào kế hoạch")
    data_dir_option(add)
    _year_option(add)
    add.add_argument("--text", required=True, metavar="NỘI_DUNG", help="nội dung chỉ tiêu")
    add.add_argument("--criterion", metavar="1|2|3", help="tiêu chí phục vụ: 1, 2 hoặc 3")
    add.add_argument("--planned", metavar="N", help="số lượng kế hoạch, ví dụ 20")
    add.add_argument("--unit", metavar="ĐƠN_VỊ", help="đơn vị, ví dụ “đoàn viên”, “%%”")
    add.add_argument(
        "--measure",
        metavar="CÁCH_ĐO",
        help="để ứng dụng tự tính kết quả: "
        + "; ".join(f"{key} = {name[:1].lower()}{name[1:]}" for key, (name, _) in MEASURES.items()),
    )
    add.add_argument(
        "--kind",
        metavar="LOẠI",
        help="với --measure activities: chỉ đếm hoạt động loại này (tên hoặc mã)",
    )
    add.set_defaults(handler=target_add)

    registration = plan_sub.add_parser("register", help="ghi việc đăng ký kế hoạch với cấp trên")
    data_dir_option(registration)
    _year_option(registration)
    registration.add_argument(
        "--date", required=True, metavar="dd/mm/yyyy", help="ngày gửi đăng ký"
    )
    registration.add_argument("--number", metavar="SỐ", help="số đăng ký do cấp trên cấp (nếu có)")
    registration.add_argument(
        "--approved", action="store_true", help="cấp trên đã duyệt (mặc định: đã gửi)"
    )
    registration.set_defaults(handler=plan_register)

    deadline = plan_sub.add_parser(
        "deadline",
        help="xem hoặc đặt hạn đăng ký kế hoạch năm sau với cấp trên",
    )
    data_dir_option(deadline)
    deadline.add_argument(
        "deadline",
        nargs="?",
        metavar="NGÀY/THÁNG",
        help="hạn mới, ví dụ 10/11 (không ghi: chỉ xem hạn đang dùng)",
    )
    deadline.add_argument(
        "--in-plan-year",
        action="store_true",
        help="hạn là ngày của chính năm kế hoạch, ví dụ 31/01 (mặc định: của năm trước năm kế "
        "hoạch)",
    )
    format_option(deadline)
    deadline.set_defaults(handler=plan_deadline, parser=deadline)
    plans_print.register(plan_sub)  # plan print


def _year_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, required=True, metavar="NĂM", help="năm của kế hoạch")


def _results_day(plan: PlanInfo) -> dt.date:
    """The day the measured results are counted to: today, or the year's last day."""
    return min(plan.as_of, dt.date(plan.year, 12, 31))


def _target_json(target: TargetInfo, started: bool = True) -> dict[str, object]:
    """The target as ``plan show --format json`` prints it; ``due`` false while it is not
    judged yet (its year not begun, or no month of it over), as ``_target_cells`` reads it."""
    return {
        "id": target.id,
        "text": target.text,
        "criterion": target.criterion,
        "planned": json_number(target.planned),
        "achieved": json_number(target.achieved),
        "unit": target.unit,
        "measure": target.measure,
        "due": started and target.due,
    }


def plan_json(plan: PlanInfo) -> dict[str, object]:
    return {
        "year": plan.year,
        "number": plan.number,
        "title": plan.title,
        "registered_on": format_vn_date(plan.registered_on) or None,
        "registration_state": plan.registration_state,
        "registration_number": plan.registration_number,
        "targets": [_target_json(t, plan.started) for t in plan.targets],
    }


def registration_line(plan: PlanInfo) -> str:
    parts = [REGISTRATION_STATES[plan.registration_state]]
    if plan.registered_on is not None:
        parts.append(f"ngày gửi {format_vn_date(plan.registered_on)}")
    if plan.registration_number:
        parts.append(f"số đăng ký {plan.registration_number}")
    return ", ".join(parts)


def _target_cells(index: int, target: TargetInfo, started: bool = True) -> tuple[str, ...]:
    from ..core.plans.figures import NOT_DUE_TEXT

    unit = f" {target.unit}" if target.unit and target.unit != "%" else target.unit or ""
    planned = f"Kế hoạch: {number(target.planned)}{unit}" if target.planned is not None else ""
    if not started or not target.due:  # year not begun, or no month of it over: not judged
        achieved = f"Đạt: ({NOT_DUE_TEXT})"
    elif target.achieved is None:
        achieved = "Đạt: (chưa có)"
    else:
        achieved = f"Đạt: {number(target.achieved)}{unit}"
        if target.share is not None:
            achieved += f" ({percent(target.share)})"
    criterion = f"Tiêu chí {target.criterion}" if target.criterion else ""
    how = "tự tính" if target.measured else "nhập tay"
    return (f"{index}.", criterion, target.text, planned, achieved, how)


def plan_show(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        plan = ws.plans.get(check_year(args.year))  # "25": not "make it with plan new"
    if plan is None:
        raise NotFoundError(
            f"Chưa có kế hoạch công tác năm {args.year}. Lập kế hoạch bằng lệnh: "
            f"doancoso plan new --year {args.year}"
        )
    if args.format == "json":
        dump(plan_json(plan), out)
        return EXIT_OK
    print(plan.title, file=out)
    if plan.number:
        print(f"Số: {plan.number}", file=out)
    print(f"Đăng ký với cấp trên: {registration_line(plan)}", file=out)
    if not plan.targets:
        print("Chưa có chỉ tiêu nào.", file=out)
        return EXIT_OK
    from ..core.plans.figures import NOT_DUE_TEXT, not_started_text

    if plan.started:
        print(f"Chỉ tiêu (kết quả tính đến {format_vn_date(_results_day(plan))}):", file=out)
    else:
        print(f"Chỉ tiêu ({not_started_text(plan.year)}: kết quả {NOT_DUE_TEXT}):", file=out)
    for index, target in enumerate(plan.targets, start=1):
        print("\t".join(_target_cells(index, target, plan.started)), file=out)
    print(f"Tổng cộng: {len(plan.targets)} chỉ tiêu.", file=out)
    return EXIT_OK


def plan_new(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        created = ws.plans.create(args.year, args.from_year, args.number, args.title)
        plan = ws.plans.get(args.year)
    assert plan is not None
    text = f"Đã lập kế hoạch công tác năm {plan.year}: {plan.title}"
    if args.from_year is not None:
        text += f" (sao chép từ năm {args.from_year}, {len(plan.targets)} chỉ tiêu)"
    print(f"{text}.", file=out)
    if created.copy is not None:
        for line in copy_details(created.copy):
            print(line, file=out)
    return EXIT_OK


def target_add(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        kinds = ws.activities.kind_names()
        kind = args.kind
        if kind is not None:
            if args.measure != "activities":
                raise ValidationError(
                    {"measure_kind": "Chỉ dùng --kind cùng với --measure activities."}
                )
            kind = code_of(kinds, kind) or kind  # an unknown kind: the core says so
        raw = {
            "text": args.text,
            "criterion": args.criterion or "",
            "planned": args.planned or "",
            "unit": args.unit or "",
            "measure": args.measure or "",
            "measure_kind": kind or "",
        }
        target = ws.plans.target(ws.plans.add_target(args.year, raw, kinds))
    text = f"Đã thêm chỉ tiêu {target.position} vào kế hoạch năm {args.year}: {target.text}"
    if target.criterion:
        text += f" (tiêu chí {target.criterion}: {CRITERIA[target.criterion]})"
    print(f"{text}.", file=out)
    return EXIT_OK


def plan_register(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        ws.plans.register(args.year, APPROVED if args.approved else SENT, args.date, args.number)
        plan = ws.plans.get(args.year)
    assert plan is not None
    print(f"Đã ghi đăng ký kế hoạch năm {plan.year}: {registration_line(plan)}.", file=out)
    return EXIT_OK


def plan_deadline(args: argparse.Namespace, out: TextIO) -> int:
    """Show the deadline, or set it first when one is given (checked before the folder opens):
    a day of the year before the plan's, or of the plan's own year with ``--in-plan-year``."""
    # Here, not at the top: the module reads settings through SQLAlchemy, which building the
    # parser must not load (tests/cli/test_cli_startup.py).
    from ..core.plans.registration import REMINDER_LEAD_DAYS, parse_deadline

    if args.in_plan_year and args.deadline is None:
        args.parser.error("--in-plan-year cần có hạn NGÀY/THÁNG, ví dụ: 31/01 --in-plan-year")
    new = parse_deadline(args.deadline) if args.deadline is not None else None
    with open_workspace(args) as ws:
        if new is not None:
            ws.plans.set_registration_deadline(*new, in_plan_year=args.in_plan_year)
        deadline = ws.plans.registration_deadline()
    if args.format == "json":
        dump(
            {"day": deadline.day, "month": deadline.month, "in_plan_year": deadline.in_plan_year},
            out,
        )
        return EXIT_OK
    saved = "Đã lưu hạn" if new is not None else "Hạn"
    when = (
        f"kế hoạch với cấp trên: ngày {deadline.text} của năm kế hoạch"
        if deadline.in_plan_year
        else f"kế hoạch năm sau với cấp trên: ngày {deadline.text} hằng năm"
    )
    print(
        f"{saved} đăng ký {when} (ứng dụng nhắc từ {REMINDER_LEAD_DAYS} ngày trước hạn).",
        file=out,
    )
    return EXIT_OK
