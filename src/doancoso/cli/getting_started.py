"""``doancoso init`` and ``doancoso demo``: what a new data folder starts with (the organisation,
or demo data to try the app)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from ..core.errors import AppError, ValidationError
from ..core.lang.text import vn_number
from ..core.organization import COMING_OF_AGE_MESSAGE, OrganizationInfo, validate
from ..core.roster.rules import COMING_OF_AGE
from ..core.workspace import Workspace
from .common import EXIT_OK, Subparsers, data_dir_of, data_dir_option, open_workspace


def register(subparsers: Subparsers) -> None:
    """Add ``init`` and ``demo``."""
    init = subparsers.add_parser("init", help="thiết lập thông tin Đoàn cơ sở")
    data_dir_option(init)
    init.add_argument(
        "--name", required=True, metavar="TÊN", help="tên Đoàn cơ sở, ví dụ “Đoàn xã Tân Hưng”"
    )
    init.add_argument(
        "--superior", required=True, metavar="TÊN", help="cấp bộ Đoàn cấp trên trực tiếp"
    )
    init.add_argument("--superior-short", metavar="TÊN_TẮT", help="tên viết tắt của cấp trên")
    init.add_argument("--commune", metavar="XÃ", help="xã/phường")
    init.add_argument("--province", metavar="TỈNH", help="tỉnh/thành phố")
    init.add_argument("--secretary", metavar="HỌ_TÊN", help="họ tên Bí thư")
    init.add_argument(
        "--coming-of-age",
        metavar="N",
        help=f"tuổi trưởng thành Đoàn (mặc định {COMING_OF_AGE})",
    )
    init.add_argument(
        "--ignore-backups",
        action="store_true",
        help="thiết lập tổ chức mới dù thư mục không có dữ liệu đang dùng nhưng còn bản sao lưu "
        "(dữ liệu hỏng đã được chuyển sang bên): không khôi phục bản sao lưu nào",
    )
    init.set_defaults(handler=init_organization)

    demo = subparsers.add_parser("demo", help="tạo dữ liệu mẫu để dùng thử")
    data_dir_option(demo)
    demo.add_argument(
        "--members", type=int, default=300, metavar="N", help="số đoàn viên (mặc định 300)"
    )
    demo.add_argument("--seed", type=int, default=1, metavar="N", help="hạt giống ngẫu nhiên")
    demo.set_defaults(handler=make_demo)


def _coming_of_age(value: str | None) -> int:
    """The ``--coming-of-age`` option: a bad value is bad data (exit 1, the core's message),
    like an age out of range, not bad usage."""
    if value is None:
        return COMING_OF_AGE
    try:
        return int(value.strip())
    except ValueError:
        raise ValidationError({"coming_of_age": COMING_OF_AGE_MESSAGE}) from None


def init_organization(args: argparse.Namespace, out: TextIO) -> int:
    info = OrganizationInfo(
        name=args.name,
        superior_name=args.superior,
        superior_short=args.superior_short,
        commune=args.commune,
        province=args.province,
        secretary_name=args.secretary,
        coming_of_age=_coming_of_age(args.coming_of_age),
    )
    validate(info)  # refused before the data folder and its database are made
    _refuse_set_up(data_dir_of(args))
    if not args.ignore_backups:
        _refuse_in_front_of_backups(data_dir_of(args))
    with open_workspace(args, create=True) as ws:
        info = ws.organization.create(info)
    print(f"Đã thiết lập {info.name} (cấp trên: {info.superior_name}).", file=out)
    return EXIT_OK


def _refuse_set_up(data_dir: Path) -> None:
    """A folder whose database holds an organisation is not set up again: refused, naming it,
    before the database is opened (which could upgrade an older one, taking a backup first), so
    that nothing changes. A database that cannot be read is left to the opening to say."""
    from ..core.backup.store import held_organization
    from ..core.storage.folder import DATABASE_FILE

    database = data_dir / DATABASE_FILE
    held = held_organization(database) if database.is_file() else None
    if held is None:
        return
    name, members = held.name, held.members
    counted = "" if members is None else f" ({vn_number(members)} đoàn viên)"
    raise AppError(
        f"Thư mục “{data_dir}” đã có dữ liệu của {name}{counted}: lệnh init chỉ thiết lập thư "
        "mục chưa có Đoàn cơ sở nào. Để sửa thông tin Đoàn cơ sở, hãy mở ứng dụng và vào phần "
        "“Thiết lập”; để thiết lập một Đoàn cơ sở khác, hãy chạy lại với --data-dir và một thư "
        "mục trống. Chưa thay đổi gì."
    )


def _refuse_in_front_of_backups(data_dir: Path) -> None:
    """A folder with no data but with backups holding an organisation (the damaged data set
    aside by an earlier command, the file removed by hand) is not set up again without
    ``--ignore-backups``: a new, empty organisation would stand in front of the backups. Said as
    the other commands say it on such a folder, with the command restoring the newest."""
    from ..core.backup.store import BACKUP_FOLDER, recovery_advice, restore_hint
    from ..core.storage.folder import DATABASE_FILE

    if (data_dir / DATABASE_FILE).exists() or not (data_dir / BACKUP_FOLDER).is_dir():
        return
    advice, best = recovery_advice(data_dir / BACKUP_FOLDER, set_up=True)
    if best is None:
        return
    raise AppError(
        f"Thư mục “{data_dir}” không có dữ liệu đang dùng nhưng có bản sao lưu. {advice}"
        f"{restore_hint(best, data_dir)}\nThiết lập lúc này sẽ tạo một tổ chức mới, chưa có đoàn "
        "viên nào, thay cho dữ liệu trong các bản sao lưu đó; nếu thật sự muốn vậy, hãy chạy lại "
        "với --ignore-backups. Chưa thay đổi gì."
    )


def _refuse_real_data(ws: Workspace) -> None:
    """Demo data go into a folder with no member or chi đoàn yet (a new one, or one just set up
    with ``init``): in any other they would mix with real data (and a second run of the same
    seed would collide with the first)."""
    org = ws.organization.get()
    if org is None:
        return  # a new folder: the demo sets up its own organisation
    members, branches = ws.members.count(), len(ws.branches.names())
    if members or branches:
        raise AppError(
            f"Thư mục dữ liệu “{ws.data_dir}” đã có dữ liệu của {org.name} "
            f"({vn_number(members)} đoàn viên, {vn_number(branches)} chi đoàn): dữ liệu mẫu chỉ "
            "tạo ở thư mục chưa có đoàn viên, chi đoàn nào, để không lẫn vào dữ liệu thật. Hãy "
            "chạy lại với --data-dir và một thư mục trống."
        )


def make_demo(args: argparse.Namespace, out: TextIO) -> int:
    if not 0 < args.members <= 1_000_000:
        raise AppError("Số đoàn viên mẫu phải từ 1 đến 1.000.000.")
    with open_workspace(args, create=True) as ws:
        _refuse_real_data(ws)
        ws.generate_demo(members=args.members, seed=args.seed)
        name = ws.organization.get()
    print(
        f"Đã tạo {vn_number(args.members)} đoàn viên mẫu cho {name.name if name else ''}.", file=out
    )
    return EXIT_OK
