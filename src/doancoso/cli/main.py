"""The command line: the same core as the GUI, headless.

``doancoso`` alone opens the GUI. Subcommands take ``--data-dir DIR``; those that report take
``--format json``. A user error prints a Vietnamese message on stderr and exits 1; bad usage
exits 2; no traceback reaches the user for either.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from .. import __version__
from ..core.errors import AppError, ValidationError
from ..core.lang.dates import format_vn_date
from ..core.organization import COMING_OF_AGE_MESSAGE, OrganizationInfo
from ..core.roster.rules import COMING_OF_AGE
from ..core.roster.service import MemberRow
from ..core.roster.vocab import GENDERS, STATUSES
from ..core.workspace import Workspace
from ..paths import default_data_dir
from .filters import add_member_filter_options, member_filter

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

_ARGPARSE_VI = {
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "giá trị không hợp lệ: %(value)r",
    "expected one argument": "cần một giá trị",
    "usage: ": "cách dùng: ",
    "show this help message and exit": "hiện trợ giúp này rồi thoát",
    "positional arguments": "tham số",
    "options": "tùy chọn",
}


def _translate(message: str) -> str:
    return _ARGPARSE_VI.get(message, message)


argparse._ = _translate  # type: ignore[attr-defined]  # Vietnamese messages for argparse itself


class Parser(argparse.ArgumentParser):
    """argparse with Vietnamese errors and exit code 2 for bad usage."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Lỗi cú pháp lệnh: {message}\n")


def _data_dir_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="thư mục dữ liệu (mặc định: thư mục dữ liệu của người dùng)",
    )


def build_parser() -> Parser:
    parser = Parser(prog="doancoso", description="Quản lý Đoàn cơ sở 3 chủ động.")
    parser.add_argument(
        "--version",
        action="version",
        version=f"doancoso {__version__}",
        help="hiện số phiên bản rồi thoát",
    )
    parser.add_argument(
        "--self-test", action="store_true", help="tự kiểm tra ứng dụng (không giao diện) rồi thoát"
    )
    _data_dir_option(parser)
    sub = parser.add_subparsers(dest="command", parser_class=Parser, metavar="LỆNH")

    init = sub.add_parser("init", help="thiết lập thông tin Đoàn cơ sở")
    _data_dir_option(init)
    init.add_argument("--name", required=True, help="tên Đoàn cơ sở, ví dụ “Đoàn xã Tân Hưng”")
    init.add_argument("--superior", required=True, help="cấp bộ Đoàn cấp trên trực tiếp")
    init.add_argument("--superior-short", help="tên viết tắt của cấp trên")
    init.add_argument("--commune", help="xã/phường")
    init.add_argument("--province", help="tỉnh/thành phố")
    init.add_argument("--secretary", help="họ tên Bí thư")
    init.add_argument(
        "--coming-of-age",
        metavar="N",
        help=f"tuổi trưởng thành Đoàn (mặc định {COMING_OF_AGE})",
    )
    init.set_defaults(handler=_init)

    demo = sub.add_parser("demo", help="tạo dữ liệu mẫu để dùng thử")
    _data_dir_option(demo)
    demo.add_argument("--members", type=int, default=300, help="số đoàn viên (mặc định 300)")
    demo.add_argument("--seed", type=int, default=1, help="hạt giống ngẫu nhiên")
    demo.set_defaults(handler=_demo)

    members = sub.add_parser("members", help="danh sách đoàn viên")
    members_sub = members.add_subparsers(
        dest="members_command", parser_class=Parser, metavar="LỆNH", required=True
    )
    listing = members_sub.add_parser("list", help="liệt kê đoàn viên")
    _data_dir_option(listing)
    add_member_filter_options(listing, "liệt kê")
    listing.add_argument("--format", choices=("table", "json"), default="table")
    listing.set_defaults(handler=_members_list)

    add = members_sub.add_parser("add", help="thêm một đoàn viên")
    _data_dir_option(add)
    add.add_argument("--name", required=True, help="họ và tên")
    add.add_argument("--birth", required=True, help="ngày sinh dd/mm/yyyy")
    add.add_argument("--gender", default="", help="Nam hoặc Nữ")
    add.add_argument("--branch", help="tên chi đoàn (phải có sẵn)")
    add.add_argument("--national-id", default="", help="số CCCD (12 chữ số) hoặc CMND (9 chữ số)")
    add.add_argument("--phone", default="", help="số điện thoại")
    add.add_argument("--admission-date", default="", help="ngày vào Đoàn dd/mm/yyyy")
    add.add_argument("--admission-place", default="", help="nơi vào Đoàn")
    add.add_argument("--position", default="", help="chức vụ")
    add.add_argument("--status", default="", help="trạng thái")
    add.add_argument("--ethnicity", default="", help="dân tộc")
    add.add_argument("--religion", default="", help="tôn giáo")
    add.add_argument("--format", choices=("table", "json"), default="table")
    add.set_defaults(handler=_members_add)
    # Further subcommands register here, each from its own module (handlers live there).
    from .members_files import register as add_spreadsheet_commands  # members import/export

    add_spreadsheet_commands(members_sub, _data_dir_option)
    from .members_print import add_print_command  # members print (PDF)

    add_print_command(members_sub)
    return parser


def _open(args: argparse.Namespace) -> Workspace:
    return Workspace.open(getattr(args, "data_dir", None) or default_data_dir())


def _coming_of_age(value: str | None) -> int:
    """The ``--coming-of-age`` option: a bad value is bad data (exit 1, the core's message),
    like an age out of range, not bad usage."""
    if value is None:
        return COMING_OF_AGE
    try:
        return int(value.strip())
    except ValueError:
        raise ValidationError({"coming_of_age": COMING_OF_AGE_MESSAGE}) from None


def _init(args: argparse.Namespace, out: TextIO) -> int:
    info = OrganizationInfo(
        name=args.name,
        superior_name=args.superior,
        superior_short=args.superior_short,
        commune=args.commune,
        province=args.province,
        secretary_name=args.secretary,
        coming_of_age=_coming_of_age(args.coming_of_age),
    )
    with _open(args) as ws:
        info = ws.organization.create(info)
    print(f"Đã thiết lập {info.name} (cấp trên: {info.superior_name}).", file=out)
    return EXIT_OK


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    if not 0 < args.members <= 1_000_000:
        raise AppError("Số đoàn viên mẫu phải từ 1 đến 1.000.000.")
    with _open(args) as ws:
        ws.generate_demo(members=args.members, seed=args.seed)
        name = ws.organization.get()
    print(f"Đã tạo {args.members} đoàn viên mẫu cho {name.name if name else ''}.", file=out)
    return EXIT_OK


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


def _members_list(args: argparse.Namespace, out: TextIO) -> int:
    with _open(args) as ws:
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
    print(f"Tổng cộng: {len(rows)} đoàn viên.", file=out)
    return EXIT_OK


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
# Field names of the core whose option is not the field name with dashes.
_FIELD_LABELS = {
    "full_name": "--name",
    "birth_date": "--birth",
    "branch_id": "--branch",
    "superior_name": "--superior",
    "secretary_name": "--secretary",
}


def _members_add(args: argparse.Namespace, out: TextIO) -> int:
    raw = {field: getattr(args, option) or "" for option, field in _ADD_FIELDS.items()}
    with _open(args) as ws:
        if args.branch:
            branch = ws.branches.find(args.branch)
            if branch is None:
                raise AppError(f"Không có chi đoàn “{args.branch}”. Hãy tạo chi đoàn trước.")
            raw["branch_id"] = branch.id
        member_id = ws.members.save(raw)
        record = ws.members.get(member_id)
    if args.format == "json":
        json.dump({"id": member_id, "full_name": record.fields.full_name}, out, ensure_ascii=False)
        out.write("\n")
    else:
        print(f"Đã thêm đoàn viên {record.fields.full_name}.", file=out)
    return EXIT_OK


def _describe(error: AppError) -> str:
    if isinstance(error, ValidationError) and error.field_errors:
        lines = [
            f"  {_FIELD_LABELS.get(k, '--' + k.replace('_', '-'))}: {v}"
            for k, v in error.field_errors.items()
        ]
        return "Dữ liệu không hợp lệ:\n" + "\n".join(lines)
    return error.message


def run(
    argv: Sequence[str],
    out: TextIO | None = None,
    err: TextIO | None = None,
    gui: Callable[[Path | None], int] | None = None,
) -> int:
    """Run the command line; returns the exit code. With no subcommand, ``gui`` opens the app."""
    out, err = out or sys.stdout, err or sys.stderr
    args = build_parser().parse_args(list(argv))
    if args.self_test:
        from ..selftest import run_self_test

        return run_self_test(out)
    if args.command is None:
        if gui is None:
            raise RuntimeError("no GUI entry point given")
        return gui(getattr(args, "data_dir", None))
    try:
        code: int = args.handler(args, out)
        return code
    except AppError as error:
        print(f"Lỗi: {_describe(error)}", file=err)
        return EXIT_ERROR
