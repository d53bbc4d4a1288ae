"""``doancoso members``: the roster from the command line.

``list``, ``add`` and ``edit`` live here; ``import``/``export`` (:mod:`.members_files`) and
``print`` (:mod:`.members_print`) register themselves from their own modules, which load the
spreadsheet and PDF code only when their command runs; so do ``event add|undo`` and ``events``
(:mod:`.member_events`).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from typing import TextIO

from ..core.errors import ValidationError
from ..core.lang.dates import format_vn_date
from ..core.lang.text import nfc, vn_number
from ..core.roster.service import MemberRow
from ..core.roster.validation import form_texts
from ..core.roster.vocab import GENDERS, STATUSES, choice_code
from . import member_events, members_files, members_print
from .common import EXIT_OK, Subparsers, data_dir_option, format_option, open_workspace
from .filters import (
    BRANCH,
    BRANCH_NAME,
    MEMBER,
    MEMBER_HELP,
    add_member_filter_options,
    find_branch,
    find_member,
    member_filter,
)
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
    _value_options(add, required=True)
    add.add_argument(
        "--status", default="", metavar="TRẠNG_THÁI",
        help=f"trạng thái: “{STATUSES['active']}” (mặc định, như mẫu hồ sơ thêm đoàn viên); "
        + ", ".join(f"“{label}”" for code, label in STATUSES.items() if code != "active")
        + " có được qua sự kiện, ghi sau khi thêm bằng “members event add”",
    )  # fmt: skip
    _origin_options(add, required=True)
    format_option(add)
    add.set_defaults(handler=members_add)

    edit = members_sub.add_parser(
        "edit",
        help="sửa thông tin một đoàn viên (chỉ các giá trị được nêu)",
        description="Sửa thông tin một đoàn viên như biểu mẫu của ứng dụng: chỉ các giá trị "
        'được nêu thay đổi; một giá trị để trống ("") xóa giá trị đã ghi, trừ họ tên và ngày '
        "sinh. Trạng thái thay đổi qua sự kiện (members event add). Ví dụ: doancoso members "
        'edit "Tran Thi Binh" --phone 0987654321 --branch "Ấp 2"',
    )
    data_dir_option(edit)
    edit.add_argument("member", type=MEMBER, metavar="ĐOÀN_VIÊN", help=MEMBER_HELP)
    _value_options(edit, required=False)
    _origin_options(edit, required=False)
    format_option(edit)
    edit.set_defaults(handler=members_edit, parser=edit)

    members_files.register(members_sub)  # import, export
    members_print.register(members_sub)  # print
    member_events.register(members_sub)  # event add|undo, events


def _value_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    """The values of ``members add`` (``required``: the name and birth date) and ``members
    edit`` (none required; one not given is None: left as it is), up to ``--position``."""
    empty = "" if required else None
    parser.add_argument("--name", required=required, metavar="HỌ_TÊN", help="họ và tên")
    parser.add_argument(
        "--birth", required=required, metavar="dd/mm/yyyy", help="ngày sinh dd/mm/yyyy"
    )
    parser.add_argument("--gender", default=empty, metavar="GIỚI_TÍNH", help="Nam hoặc Nữ")
    # A new member's --branch must name one (a blank one is bad usage); an edit's empty
    # --branch "" takes the member out of their chi đoàn, as an empty --phone clears the phone.
    parser.add_argument(
        "--branch", type=BRANCH if required else str, metavar="TÊN",
        help=f"chi đoàn ({BRANCH_NAME}; phải có sẵn)"
        + ("" if required else '; để trống ("") để bỏ chi đoàn của đoàn viên'),
    )  # fmt: skip
    parser.add_argument(
        "--national-id", default=empty, metavar="SỐ",
        help="số CCCD (12 chữ số) hoặc CMND (9 chữ số)",
    )  # fmt: skip
    parser.add_argument("--phone", default=empty, metavar="SỐ", help="số điện thoại")
    parser.add_argument(
        "--admission-date", default=empty, metavar="dd/mm/yyyy", help="ngày vào Đoàn dd/mm/yyyy"
    )
    parser.add_argument("--admission-place", default=empty, metavar="NƠI", help="nơi vào Đoàn")
    parser.add_argument("--position", default=empty, metavar="CHỨC_VỤ", help="chức vụ")


def _origin_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    """``--ethnicity`` and ``--religion`` (after ``--status`` on ``members add``)."""
    empty = "" if required else None
    parser.add_argument("--ethnicity", default=empty, metavar="DÂN_TỘC", help="dân tộc")
    parser.add_argument("--religion", default=empty, metavar="TÔN_GIÁO", help="tôn giáo")


def _row_json(row: MemberRow) -> dict[str, object]:
    return {
        "id": row.id,
        "full_name": row.full_name,
        "birth_date": format_vn_date(row.birth_date, row.birth_precision),  # as typed, or "2001"
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
    _say_saved(args, out, member_id, record.fields.full_name, warnings, "Đã thêm đoàn viên")
    return EXIT_OK


def _say_saved(args: argparse.Namespace, out: TextIO, member_id: str, name: str,
               warnings: Mapping[str, str], done: str) -> None:  # fmt: skip
    """What ``members add`` and ``members edit`` print: ``{"id", "full_name", "warnings"}`` in
    JSON, or ``done`` with the name, then each warning ("Cảnh báo: …")."""
    if args.format == "json":
        report = {"id": member_id, "full_name": name, "warnings": list(warnings.values())}
        json.dump(report, out, ensure_ascii=False)
        out.write("\n")
    else:
        print(f"{done} {name}.", file=out)
        for message in warnings.values():
            print(f"Cảnh báo: {message}", file=out)


def members_edit(args: argparse.Namespace, out: TextIO) -> int:
    given = {field: getattr(args, option) for option, field in _ADD_FIELDS.items()
             if field != "status" and getattr(args, option) is not None}  # fmt: skip
    if not given and args.branch is None:
        names = [f"--{o.replace('_', '-')}" for o in _ADD_FIELDS if o != "status"]
        names.insert(names.index("--national-id"), "--branch")
        args.parser.error(f"cần ít nhất một trong {', '.join(names)}")
    with open_workspace(args) as ws:
        member = find_member(ws, args.member)
        raw = {**form_texts(member.fields), **given}
        if args.branch is not None and args.branch.strip():
            raw["branch_id"] = find_branch(ws, args.branch, HOW_TO_CREATE_BRANCH).id
        elif args.branch is not None:  # empty: no chi đoàn, as the form's field left empty
            raw["branch_id"] = ""
        warnings = ws.members.warnings(raw, member.id)
        ws.members.edit(raw, member.id)
        record = ws.members.get(member.id)
    _say_saved(args, out, member.id, record.fields.full_name, warnings,
               "Đã sửa thông tin đoàn viên")  # fmt: skip
    return EXIT_OK
