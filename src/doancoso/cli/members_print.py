"""``doancoso members print``: the printed roster (or youth register) as a PDF, from the command
line, numbered as the app's print dialog numbers lists (:mod:`.numbers`); and ``members
print-transfer``: a member's transfer letter (giấy giới thiệu sinh hoạt Đoàn).

Registered under ``members`` by :mod:`doancoso.cli.members`; the PDFs themselves are made by
:mod:`doancoso.reports.roster` and :mod:`doancoso.reports.transfer_letter` (imported only when
the command runs, so other commands start without loading reportlab).

The transfer letter is the one the GUI prints from a "Chuyển sinh hoạt đi" of the member's
history: by default of their last transfer out, or of the one ``--event`` names; its place and
date are taken as ``rating print`` takes them (left out: the organisation's commune, today), its
number as the GUI's print dialog offers it (:mod:`.numbers`): ``--number``, else the number
recorded with the transfer (the letter's own), else the one after the last transfer letter's;
the number printed is remembered for the next print, here or in the app, and said.

``members print-coming-of-age``: the year's list of members coming of age (danh sách đoàn viên
trưởng thành Đoàn), the list the GUI's "Trưởng thành Đoàn" dialog prints
(:func:`~doancoso.reports.coming_of_age.print_coming_of_age`), numbered as the other lists
("DS"); a year with nobody is said and nothing is written. The coming of age itself is recorded
member by member with ``members event add … --kind "Trưởng thành Đoàn"``, as its help says.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, TextIO

from ..core.document_memory import DocumentMemory
from ..core.errors import AppError
from ..core.lang.dates import format_vn_date
from ..core.lang.text import nfc, vn_number
from ..core.lifecycle.rules import EVENT_KINDS
from .common import (
    EXIT_OK,
    PDF,
    Subparsers,
    data_dir_option,
    file_path,
    not_blank,
    open_workspace,
    require_suffix,
)
from .filters import (
    MEMBER,
    MEMBER_HELP,
    add_member_filter_options,
    find_member,
    member_filter,
)
from .numbers import NUMBER_HELP, ChosenNumber, choose_number, keep_number
from .values import check_year, day
from .youth_filters import (
    add_youth_filter_options,
    refuse_youth_filters_for_members,
    youth_filter,
)

if TYPE_CHECKING:
    from ..core.lifecycle.service import EventInfo
    from ..core.workspace import Workspace

LIST_CODE = "DS"
"""The type code of the printed lists (danh sách), the app's ``ROSTER_LIST`` and ``YOUTH_LIST``."""


def register(members_sub: Subparsers) -> None:
    """Add ``print`` to the ``members`` subcommands."""
    printing = members_sub.add_parser("print", help="in danh sách đoàn viên ra tệp PDF")
    data_dir_option(printing)
    printing.add_argument(
        "-o", "--output", type=file_path, required=True, metavar="TỆP", help="tệp PDF cần ghi"
    )
    add_member_filter_options(printing, "in")
    printing.add_argument(
        "--number", metavar="SỐ", help=NUMBER_HELP.format(example="15-DS/ĐTN")
    )  # fmt: skip
    printing.add_argument(
        "--youth", action="store_true", help="in danh sách thanh niên địa phương (sổ theo dõi)"
    )
    add_youth_filter_options(printing, "in")
    printing.set_defaults(handler=members_print)

    letter = members_sub.add_parser(
        "print-transfer", help="in giấy giới thiệu sinh hoạt Đoàn của một đoàn viên chuyển đi"
    )
    data_dir_option(letter)
    letter.add_argument("member", type=MEMBER, metavar="ĐOÀN_VIÊN", help=MEMBER_HELP)
    letter.add_argument(
        "-o", "--output", type=file_path, required=True, metavar="TỆP", help="tệp PDF cần ghi"
    )
    letter.add_argument(
        "--event", type=not_blank("mã một sự kiện"), metavar="MÃ_SỰ_KIỆN",
        help="mã sự kiện “Chuyển sinh hoạt đi” (id của “members events --format json”; mặc "
        "định: lần chuyển sinh hoạt đi gần nhất)",
    )  # fmt: skip
    letter.add_argument(
        "--number", metavar="SỐ",
        help="số văn bản, ví dụ 05-GGT/ĐTN (mặc định: số ghi khi chuyển sinh hoạt, nếu không "
        "có thì số tiếp theo sau số giấy giới thiệu đã in lần trước; --number \"\" để ghi số "
        "bằng tay)",
    )  # fmt: skip
    letter.add_argument(
        "--place", metavar="ĐỊA_DANH",
        help="địa danh ghi trước ngày tháng (mặc định: xã/phường của đơn vị)",
    )  # fmt: skip
    letter.add_argument("--date", metavar="dd/mm/yyyy", help="ngày ký (mặc định: hôm nay)")
    letter.set_defaults(handler=transfer_print)

    matured = EVENT_KINDS["matured"]
    coming = members_sub.add_parser(
        "print-coming-of-age",
        help="in danh sách đoàn viên trưởng thành Đoàn của một năm ra tệp PDF",
        description="In danh sách đoàn viên đủ tuổi trưởng thành Đoàn trong năm (kể cả những "
        "người đủ tuổi từ các năm trước chưa được ghi nhận, ghi “quá hạn”), như nút “In danh "
        "sách…” của hộp thoại Trưởng thành Đoàn. Sau cuộc họp, ghi nhận trưởng thành Đoàn cho "
        f'từng người: doancoso members event add ĐOÀN_VIÊN --kind "{matured}" --date '
        "dd/mm/yyyy --number SỐ_QUYẾT_ĐỊNH",
    )  # fmt: skip
    data_dir_option(coming)
    coming.add_argument("--year", type=int, required=True, metavar="NĂM", help="năm")
    coming.add_argument(
        "-o", "--output", type=file_path, required=True, metavar="TỆP", help="tệp PDF cần ghi"
    )
    coming.add_argument(
        "--number", metavar="SỐ", help=NUMBER_HELP.format(example="15-DS/ĐTN")
    )  # fmt: skip
    coming.add_argument(
        "--place", metavar="ĐỊA_DANH",
        help="địa danh ghi trước ngày tháng (mặc định: xã/phường của đơn vị)",
    )  # fmt: skip
    coming.add_argument("--date", metavar="dd/mm/yyyy", help="ngày ký (mặc định: hôm nay)")
    coming.set_defaults(handler=coming_of_age_print)


def members_print(args: argparse.Namespace, out: TextIO) -> int:
    from ..reports.roster import print_roster

    require_suffix(args.output, PDF, ".pdf")
    if getattr(args, "youth", False):
        return youth_print(args, out)
    refuse_youth_filters_for_members(args, "in")
    with open_workspace(args) as ws:
        flt = member_filter(ws, args)
        count = ws.members.count(flt)
        with numbered_list(ws, args) as number:
            path = print_roster(ws, args.output, flt, number=number.number)
    print(f"Đã in danh sách {vn_number(count)} đoàn viên ra tệp {path}.", file=out)
    print(number.said, file=out)
    return EXIT_OK


def youth_print(args: argparse.Namespace, out: TextIO) -> int:
    """``members print --youth``: the local youth register (young people not yet admitted)."""
    from ..reports.youth import print_youth

    with open_workspace(args) as ws:
        flt = youth_filter(ws, args)
        count = ws.youth.count(flt)
        with numbered_list(ws, args) as number:
            path = print_youth(ws, args.output, flt, number=number.number)
    print(f"Đã in danh sách {vn_number(count)} thanh niên ra tệp {path}.", file=out)
    print(number.said, file=out)
    return EXIT_OK


@contextlib.contextmanager
def numbered_list(ws: Workspace, args: argparse.Namespace) -> Iterator[ChosenNumber]:
    """The number of a list printed today (:mod:`.numbers`; one numbering, "DS", for the
    roster and the youth register, as in the app), remembered once the list is written."""
    memory, year = DocumentMemory(ws.data_dir), date.today().year
    chosen = choose_number(memory, LIST_CODE, args.number, year)
    yield chosen
    keep_number(memory, LIST_CODE, chosen, year)


def transfer_print(args: argparse.Namespace, out: TextIO) -> int:
    """``members print-transfer``: the transfer letter of the member's transfer out."""
    from ..reports.transfer_letter import CODE, print_transfer_letter

    require_suffix(args.output, PDF, ".pdf")
    issued_on = day(args.date, "date") or date.today()
    with open_workspace(args) as ws:
        record = find_member(ws, args.member)
        name = record.fields.full_name
        event = _transfer_out(ws.events.history(record.id), name, args.event)
        memory = DocumentMemory(ws.data_dir)
        chosen = choose_number(memory, CODE, args.number, issued_on.year, event.number,
                               "số ghi khi chuyển sinh hoạt")  # fmt: skip
        path = print_transfer_letter(
            ws, record.id, event.id, args.output, number=chosen.number, place=args.place,
            issued_on=issued_on,
        )  # fmt: skip
        keep_number(memory, CODE, chosen, issued_on.year)
    print(
        f"Đã in giấy giới thiệu sinh hoạt Đoàn của đoàn viên {name} (chuyển sinh hoạt đi đến "
        f"{event.other_organization} ngày {format_vn_date(event.event_date)}) ra tệp {path}.",
        file=out,
    )
    print(chosen.said, file=out)
    return EXIT_OK


def coming_of_age_print(args: argparse.Namespace, out: TextIO) -> int:
    """``members print-coming-of-age``: the year's coming-of-age list; a year with nobody is
    refused and writes nothing."""
    from ..reports.coming_of_age import print_coming_of_age
    from ..reports.roster import NO_ORGANIZATION

    require_suffix(args.output, PDF, ".pdf")
    year = check_year(args.year)
    issued_on = day(args.date, "date") or date.today()
    with open_workspace(args) as ws:
        org = ws.organization.get()
        if org is None:
            raise AppError(NO_ORGANIZATION)
        count = len(ws.events.coming_of_age(year))
        if not count:
            raise AppError(
                f"Năm {year} không có đoàn viên nào đủ {org.coming_of_age} tuổi chờ ghi nhận "
                "trưởng thành Đoàn: không có danh sách để in."
            )
        memory = DocumentMemory(ws.data_dir)
        chosen = choose_number(memory, LIST_CODE, args.number, issued_on.year)
        path = print_coming_of_age(
            ws, args.output, year, number=chosen.number, place=args.place, issued_on=issued_on
        )
        keep_number(memory, LIST_CODE, chosen, issued_on.year)
    print(
        f"Đã in danh sách {vn_number(count)} đoàn viên trưởng thành Đoàn năm {year} (đủ "
        f"{org.coming_of_age} tuổi) ra tệp {path}.",
        file=out,
    )
    print(chosen.said, file=out)
    return EXIT_OK


def _transfer_out(history: list[EventInfo], name: str, event_id: str | None) -> EventInfo:
    """The transfer out of the member's ``history`` that ``event_id`` names, else their last;
    a member with none is refused, as is an id that is not one of theirs (naming them)."""
    transfers = [e for e in history if e.kind == "transfer_out"]
    if not transfers:
        label = EVENT_KINDS["transfer_out"]  # the kind in the words the user reads and types
        raise AppError(
            f"Đoàn viên {name} chưa có sự kiện “{label}”: ghi sự kiện đó (doancoso members event "
            f'add … --kind "{label}") rồi in giấy giới thiệu.'
        )
    if event_id is None:
        return transfers[-1]
    found = next((e for e in transfers if e.id == event_id.strip()), None)
    if found is None:
        listed = ", ".join(f"{format_vn_date(e.event_date)} (mã {e.id})" for e in transfers)
        raise AppError(
            f"“{nfc(event_id)}” không phải một lần chuyển sinh hoạt đi của đoàn viên {name}; các "
            f"lần chuyển sinh hoạt đi: {listed}."
        )
    return found
