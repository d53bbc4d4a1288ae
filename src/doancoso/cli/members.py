"""``doancoso members``: the roster from the command line.

``list`` and ``add`` live here; ``import``/``export`` (:mod:`.members_files`) and ``print``
(:mod:`.members_print`) register themselves from their own modules, which load the spreadsheet
and PDF code only when their command runs; so do ``event add|undo`` and ``events``
(:mod:`.member_events`).
"""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from ..core.errors import ValidationError
from ..core.lang.dates import format_vn_date
from ..core.lang.text import nfc, vn_number
from ..core.roster.service import MemberRow
from ..core.roster.vocab import GENDERS, STATUSES, choice_code
from . import member_events, members_files, members_print
from .common import EXIT_OK, Subparsers, data_dir_option, format_option, open_workspace
from .filters import BRANCH, BRANCH_NAME, add_member_filter_options, find_branch, member_filter
from .parser import Parser


def register(subparsers: Subparsers) -> None:
    """Add the ``members`` group and its subcommands."""
    members = subparsers.add_parser("members", help="danh sách đoàn viên")
    members_sub = members.add_subparsers(
        dest="members_command", parser_class=Parser, metavar="LỆNH", required=True
    )
    listing = members_sub.add_parser("list", help="liệt kê đoàn viên")
    data_dir_option(listing)
    add_member_filter_options(listing, "liệt kê")
    format_option(listing)
    listing.set_defaults(handler=members_list)

    add = members_sub.add_parser("add", help="thêm một đoàn viên")
    data_dir_option(add)
    add.add_argument("--name", required=True, metavar="HỌ_TÊN", help="họ và tên")
    add.add_argument("--birth", required=True, metavar="dd/mm/yyyy", help="ngày sinh dd/mm/yyyy")
    add.add_argument("--gender", default="", metavar="GIỚI_TÍNH", help="Nam hoặc Nữ")
    add.add_argument(
        "--branch", type=BRANCH, metavar="TÊN", help=f"chi đoàn ({BRANCH_NAME}; phải có sẵn)"
    )
    add.add_argument(
        "--national-id", default="", metavar="SỐ", help="số CCCD (12 chữ số) hoặc CMND (9 chữ số)"
    )
    add.add_argument("--phone", default="", metavar="SỐ", help="số điện thoại")
    add.add_argument(
        "--admission-date", default="", metavar="dd/mm/yyyy", help="ngày vào Đoàn dd/mm/yyyy"
    )
    add.add_argument("--admission-place", default="", metavar="NƠI", help="nơi vào Đoàn")
    add.add_argument("--position", default="", metavar="CHỨC_VỤ", help="chức vụ")
    add.add_argument(
        "--status", default="", metavar="TRẠNG_THÁI",
        help=f"trạng thái: “{STATUSES['active']}” (mặc định, như mẫu hồ sơ thêm đoàn viên); "
        + ", ".join(f"“{label}”" for code, label in STATUSES.items() if code != "active")
        + " có được qua sự kiện, ghi sau khi thêm bằng “members event add”",
    )  # fmt: skip
    add.add_argument("--ethnicity", default="", metavar="DÂN_TỘC", help="dân tộc")
    add.add_argument("--religion", default="", metavar="TÔN_GIÁO", help="tôn giáo")
    format_option(add)
    add.set_defaults(handler=members_add)

    members_files.register(members_sub)  # import, export
    members_print.register(members_sub)  # print
    member_events.register(members_sub)  # event add|undo, events


def _row_json(row: MemberRow) -> dict[str, object]:
    return {
        "id": row.id,
        "full_name": row.full_name,
        "birth_date": row.birth_date.isoformat()
        if row.birth_precision == "day"
        else str(row.birth_date.year),
        "gender": row.gender,
        "branch": row.branch_name,
        "position": row.position,
        "status": row.status,
        "status_label": STATUSES.get(row.status, row.status),
        "national_id": row.national_id,
        "phone": row.phone,
        "member_code": row.member_code,
    }


def members_list(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        rows = ws.members.list(member_filter(ws, args))
    if args.format == "json":
        json.dump([_row_json(r) for r in rows], out, ensure_ascii=False, indent=1)
        out.write("\n")
        return EXIT_OK
    for number, row in enumerate(rows, start=1):
        cells = (
            str(number),
            row.full_name,
            format_vn_date(row.birth_date, row.birth_precision),
            GENDERS.get(row.gender or "", ""),
            row.branch_name or "",
            STATUSES.get(row.status, ""),
            row.national_id or "",
        )
        print("\t".join(cells), file=out)
    print(f"Tổng cộng: {vn_number(len(rows))} đoàn viên.", file=out)
    return EXIT_OK


HOW_TO_CREATE_BRANCH = (
    " Chi đoàn mới được tạo trong ứng dụng (trang “Chi đoàn”, nút “Thêm”) hoặc khi nhập danh "
    "sách đoàn viên có cột “Chi đoàn” (doancoso members import)."
)
"""Said after an unknown ``--branch`` of ``members add``: no command creates a chi đoàn."""

# The options of ``members add`` and the fields of the core they fill.
_ADD_FIELDS = {
    "name": "full_name",
    "birth": "birth_date",
    "gender": "gender",
    "national_id": "national_id",
    "phone": "phone",
    "admission_date": "admission_date",
    "admission_place": "admission_place",
    "position": "position",
    "status": "status",
    "ethnicity": "ethnicity",
    "religion": "religion",
}


def _event_status_message(raw: str) -> str | None:
    """Why a new member cannot start with the status ``raw`` (None when they can). The member
    form adds every member "Đang sinh hoạt"; the other statuses follow from an event (a
    transfer, a temporary stay with its home organisation...), recorded once the member is added
    (``members event add``, or the app): a member added here as "Sinh hoạt tạm" would have no
    stay and be missing from its list."""
    status = choice_code(STATUSES, nfc(raw))
    if status is None or status == "active":
        return None  # none given, or an unknown one, which validate() reports
    return (
        f"Đoàn viên mới được thêm với trạng thái “{STATUSES['active']}”; trạng thái "
        f"“{STATUSES[status]}” có được qua sự kiện (chuyển sinh hoạt, sinh hoạt tạm…): thêm "
        "đoàn viên rồi ghi sự kiện bằng “doancoso members event add”, hoặc trong ứng dụng ở tab "
        "“Quá trình” của hồ sơ đã lưu."
    )


def members_add(args: argparse.Namespace, out: TextIO) -> int:
    raw = {field: getattr(args, option) or "" for option, field in _ADD_FIELDS.items()}
    with open_workspace(args) as ws:
        if args.branch:
            branch = find_branch(ws, args.branch, HOW_TO_CREATE_BRANCH)
            raw["branch_id"] = branch.id
        refused = _event_status_message(raw["status"])
        if refused is not None:  # said with the other problems of the input, if any
            try:
                ws.members.validate(raw)
            except ValidationError as exc:
                raise ValidationError({**exc.field_errors, "status": refused}) from None
            raise ValidationError({"status": refused})
        warnings = ws.members.warnings(raw)  # allowed but unusual: said, as the form asks
        member_id = ws.members.save(raw)
        record = ws.members.get(member_id)
    if args.format == "json":
        report = {"id": member_id, "full_name": record.fields.full_name,
                  "warnings": list(warnings.values())}  # fmt: skip
        json.dump(report, out, ensure_ascii=False)
        out.write("\n")
    else:
        print(f"Đã thêm đoàn viên {record.fields.full_name}.", file=out)
        for message in warnings.values():
            print(f"Cảnh báo: {message}", file=out)
    return EXIT_OK
