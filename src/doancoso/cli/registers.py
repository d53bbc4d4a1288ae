"""``doancoso advice`` and ``doancoso coordination``: the register of criterion 3 (documents and
proposals to the Party committee; coordination with other bodies).

``list --format json`` prints one object per record, as ``activity list`` does: ``advice``
``{"id", "date", "number", "title", "summary", "answer", "answer_date"}``, ``coordination``
``{"id", "date", "end_date", "partner", "title", "content", "results", "activity_id"}``; dates
dd/mm/yyyy, null for a value not given, ``[]`` when there is none.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from ..core.lang.dates import format_vn_date
from ..core.lang.text import nfc
from .common import (
    EXIT_OK,
    Subparsers,
    data_dir_option,
    format_option,
    one_line,
    open_workspace,
)
from .values import dump

if TYPE_CHECKING:  # the core's services load when a command runs, not with the parser
    from ..core.recognition.registers import Advice, Coordination


def register(subparsers: Subparsers) -> None:
    advice = subparsers.add_parser("advice", help="văn bản tham mưu cấp ủy")
    asub = advice.add_subparsers(dest="advice_command", metavar="LỆNH", required=True)
    add = asub.add_parser("add", help="ghi một văn bản tham mưu")
    data_dir_option(add)
    add.add_argument("--date", required=True, metavar="dd/mm/yyyy", help="ngày văn bản")
    add.add_argument("--title", required=True, metavar="TÊN", help="tên, trích yếu văn bản")
    add.add_argument("--number", metavar="SỐ", help="số, ký hiệu văn bản")
    add.add_argument("--answer", metavar="NỘI_DUNG", help="ý kiến trả lời của cấp ủy")
    add.set_defaults(handler=add_advice)
    listing = asub.add_parser("list", help="danh sách văn bản tham mưu")
    data_dir_option(listing)
    listing.add_argument("--year", type=int, metavar="NĂM", help="chỉ năm này")
    format_option(listing)
    listing.set_defaults(handler=list_advice)

    coordination = subparsers.add_parser("coordination", help="chương trình phối hợp")
    csub = coordination.add_subparsers(dest="coordination_command", metavar="LỆNH", required=True)
    add = csub.add_parser("add", help="ghi một chương trình phối hợp")
    data_dir_option(add)
    add.add_argument("--date", required=True, metavar="dd/mm/yyyy", help="ngày bắt đầu")
    add.add_argument("--partner", required=True, metavar="ĐƠN_VỊ", help="cơ quan, đơn vị phối hợp")
    add.add_argument("--title", required=True, metavar="TÊN", help="tên chương trình, quy chế")
    add.set_defaults(handler=add_coordination)
    listing = csub.add_parser("list", help="danh sách chương trình phối hợp")
    data_dir_option(listing)
    listing.add_argument("--year", type=int, metavar="NĂM", help="chỉ năm này")
    format_option(listing)
    listing.set_defaults(handler=list_coordination)


def _in_year(year: int | None) -> str:
    """ " trong năm 2024" for ``--year 2024``: the register may hold records of other years."""
    return "" if year is None else f" trong năm {year}"


def add_advice(args: argparse.Namespace, out: TextIO) -> int:
    raw = {
        "day": args.date,
        "title": args.title,
        "number": args.number or "",
        "answer": args.answer or "",
    }
    with open_workspace(args) as ws:
        ws.registers.save_advice(raw)
    print(f"Đã ghi văn bản tham mưu “{nfc(args.title)}”.", file=out)  # as stored
    return EXIT_OK


def list_advice(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        rows = ws.registers.advice(args.year)
    if args.format == "json":
        dump([_advice_json(r) for r in rows], out)
        return EXIT_OK
    if not rows:
        print(f"Chưa có văn bản tham mưu nào{_in_year(args.year)}.", file=out)
    for r in rows:  # one line each, an answer on several lines too
        answer = f" — trả lời: {one_line(r.answer)}" if r.answer else ""
        print("  ".join(p for p in (format_vn_date(r.day), r.number, r.title + answer) if p),
              file=out)  # fmt: skip
    return EXIT_OK


def _advice_json(row: Advice) -> dict[str, object]:
    return {
        "id": row.id,
        "date": format_vn_date(row.day),
        "number": row.number,
        "title": row.title,
        "summary": row.summary,
        "answer": row.answer,
        "answer_date": format_vn_date(row.answer_day) or None,
    }


def add_coordination(args: argparse.Namespace, out: TextIO) -> int:
    raw = {"day": args.date, "partner": args.partner, "title": args.title}
    with open_workspace(args) as ws:
        ws.registers.save_coordination(raw)
    print(f"Đã ghi chương trình phối hợp “{nfc(args.title)}” với {nfc(args.partner)}.", file=out)
    return EXIT_OK


def list_coordination(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        rows = ws.registers.coordination(args.year)
    if args.format == "json":
        dump([_coordination_json(r) for r in rows], out)
        return EXIT_OK
    if not rows:
        print(f"Chưa có chương trình phối hợp nào{_in_year(args.year)}.", file=out)
    for r in rows:
        print(f"{r.period}  {r.partner}: {r.title}", file=out)
    return EXIT_OK


def _coordination_json(row: Coordination) -> dict[str, object]:
    return {
        "id": row.id,
        "date": format_vn_date(row.day),
        "end_date": format_vn_date(row.end_day) or None,
        "partner": row.partner,
        "title": row.title,
        "content": row.content,
        "results": row.results,
        "activity_id": row.activity_id,
    }
