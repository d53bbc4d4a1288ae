"""``doancoso rating``: the annual rating of members from the command line.

``list``, ``open``, ``set``, ``accept``, ``close`` and ``reopen`` live here; ``export``,
``import`` and ``print`` (:mod:`.rating_files`) register themselves from their own module. A
level is given as 1–4 or its Vietnamese name, a participation as 85 or 85%. A change to a
closed round exits 1 with the core's message, the app's button it names said as the command
(:mod:`.rating_hints`); ``reopen`` asks nothing (the command is the confirmation). A change to
a year whose round was never opened (and its export) exits 1 naming ``open``
(:func:`require_round`), as the page keeps its grid read-only and its files' buttons waiting
until “Mở đợt xếp loại năm …” is pressed.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, TextIO

from ..core.errors import ConflictError, NotFoundError, ValidationError
from ..core.lang.text import percent_cell, vn_number
from ..core.rating.rules import LEVELS, carried_over
from ..core.workspace import Workspace
from . import rating_files
from .common import EXIT_OK, FORMAT_HELP, Subparsers, data_dir_option, format_option, open_workspace
from .filters import MEMBER, find_branch, find_member
from .parser import Parser
from .rating_hints import with_commands
from .values import share_json

if TYPE_CHECKING:  # the core's rating modules load SQLAlchemy: imported where a command runs
    from ..core.rating.records import RatingRow

NOT_OPENED = (
    "Chưa mở đợt xếp loại năm {year}: mở đợt bằng lệnh “doancoso rating open --year {year}” "
    "trước khi xếp loại."
)
LEVEL_HELP = "mức 1–4 hoặc tên mức (" + ", ".join(LEVELS.values()) + "); chuỗi rỗng để xóa"
# The options of ``rating set`` and the fields of the core they fill.
SET_FIELDS = {
    "participation": "participation",
    "self": "self_level",
    "proposed": "proposed_level",
    "decided": "decided_level",
    "remark": "remark",
    "training": "training_result",
    "sick_months": "sick_months",
    "dues_unpaid": "dues_unpaid",
}


def register(subparsers: Subparsers) -> None:
    """Add the ``rating`` group and its subcommands."""
    rating = subparsers.add_parser("rating", help="đánh giá, xếp loại đoàn viên hằng năm")
    sub = rating.add_subparsers(
        dest="rating_command", parser_class=Parser, metavar="LỆNH", required=True
    )
    listing = sub.add_parser("list", help="liệt kê đoàn viên của đợt xếp loại một năm")
    _common(listing)
    listing.add_argument("--branch", metavar="TÊN", help="chỉ một chi đoàn (tên chi đoàn)")
    format_option(
        listing,
        f"{FORMAT_HELP}; json: mỗi đoàn viên một đối tượng; đoàn viên không xếp loại (eligible "
        "false) không có mức (self, proposed, decided là null)",
    )
    listing.set_defaults(handler=rating_list)

    opening = sub.add_parser("open", help="mở đợt xếp loại một năm với quy tắc xếp loại đang dùng")
    _common(opening)
    opening.set_defaults(handler=rating_open)

    setting = sub.add_parser("set", help="nhập tỉ lệ tham gia, mức xếp loại, nhận xét của một "
                                         "đoàn viên")  # fmt: skip
    data_dir_option(setting)
    setting.add_argument(
        "member", type=MEMBER, metavar="ĐOÀN_VIÊN",
        help="mã đoàn viên (member_id của “rating list”) hoặc họ tên (không dấu cũng được)",
    )  # fmt: skip
    setting.add_argument("--year", type=int, required=True, metavar="NĂM", help="năm xếp loại")
    setting.add_argument(
        "--participation",
        metavar="TỈ_LỆ",
        help="tỉ lệ tham gia hoạt động, ví dụ 85 hoặc 85%%; chuỗi rỗng: lấy theo điểm danh",
    )
    setting.add_argument("--self", metavar="MỨC", help=f"mức tự đánh giá: {LEVEL_HELP}")
    setting.add_argument("--proposed", metavar="MỨC", help=f"mức chi đoàn đề nghị: {LEVEL_HELP}")
    setting.add_argument(
        "--decided", metavar="MỨC", help=f"mức Ban Chấp hành quyết định: {LEVEL_HELP}"
    )
    setting.add_argument("--remark", metavar="NHẬN_XÉT", help="nhận xét ghi vào sổ đoàn viên")
    setting.add_argument(
        "--training",
        metavar="KẾT_QUẢ",
        help="kết quả chương trình rèn luyện đoàn viên: Xuất sắc, Khá, Đạt, Không đạt hoặc "
        "Chưa đăng ký (hoặc mã: xuat-sac, kha, dat, khong-dat, chua-dang-ky)",
    )
    setting.add_argument(
        "--sick-months",
        metavar="SỐ_THÁNG",
        help="số tháng nghỉ ốm trong năm, 0–12 (0 hoặc chuỗi rỗng: không nghỉ); nghỉ ốm quá số "
        "tháng trong quy tắc hạ mức gợi ý",
    )
    setting.add_argument(
        "--dues-unpaid",
        metavar="CÓ|KHÔNG",
        help="chưa đóng đủ đoàn phí trong năm: có (yes) hoặc không (no)",
    )
    setting.set_defaults(handler=rating_set, parser=setting)

    accepting = sub.add_parser(
        "accept",
        help="lấy mức chi đoàn đề nghị hoặc mức gợi ý cho đoàn viên chưa có mức quyết định",
    )
    _common(accepting)
    source = accepting.add_mutually_exclusive_group(required=True)  # exactly one
    source.add_argument("--proposals", action="store_true", help="lấy mức chi đoàn đề nghị")
    source.add_argument("--suggestions", action="store_true", help="lấy mức ứng dụng gợi ý")
    accepting.add_argument("--branch", metavar="TÊN", help="chỉ một chi đoàn (tên chi đoàn)")
    accepting.set_defaults(handler=rating_accept)

    closing = sub.add_parser("close", help="kết thúc đợt xếp loại (chỉ xem, ghi vào lịch sử)")
    _common(closing)
    closing.set_defaults(handler=rating_close)

    reopening = sub.add_parser("reopen", help="mở lại đợt xếp loại đã kết thúc")
    _common(reopening)
    reopening.set_defaults(handler=rating_reopen)

    rating_files.register(sub)  # export, import, print
    for command in sub.choices.values():  # refusals naming the app's buttons name commands
        command.set_defaults(handler=with_commands(command.get_default("handler")))


def _common(parser: argparse.ArgumentParser) -> None:
    data_dir_option(parser)
    parser.add_argument("--year", type=int, required=True, metavar="NĂM", help="năm xếp loại")


def branch_id(ws: Workspace, name: str | None) -> str | None:
    """The id of the chi đoàn ``--branch name`` means (:func:`.filters.find_branch`); None for
    no name."""
    if not name:
        return None
    return find_branch(ws, name).id


def require_round(ws: Workspace, year: int) -> None:
    """Refuse a change to a year whose round was never opened: the core would open it unasked,
    with the rules of today, where the page keeps its grid read-only and its import waiting
    until the round is opened (a year mistyped, or the rules not chosen yet). Its export waits
    too: a sheet of a round not opened could not be imported back."""
    from ..core.lang.dates import check_year

    check_year(year)
    if ws.rating.round(year) is None:
        raise NotFoundError(NOT_OPENED.format(year=year))


def _level(level: int | None) -> str:
    return str(level) if level is not None else ""


def rating_list(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        rows = ws.rating.rows(args.year, branch_id(ws, args.branch))
        info = ws.rating.round(args.year)
    if args.format == "json":
        report = [
            {
                "member_id": r.member_id,
                "full_name": r.full_name,
                "branch": r.branch,
                "eligible": r.eligible,
                "reason": r.reason,
                "participation": share_json(r.participation),
                "suggested": r.suggested,
                **dict(zip(("self", "proposed", "decided"), r.round_levels, strict=True)),
                "remark": r.remark,
                "note": r.note,  # rated on the previous organisation's remarks (transferred in)
                # the facts of the rules of sick leave and dues: none for a member not rated
                "sick_months": r.sick_months if r.eligible else None,
                "dues_unpaid": bool(r.dues_unpaid) if r.eligible else None,
            }
            for r in rows
        ]
        json.dump(report, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return EXIT_OK
    from ..core.rating.since import BRANCH_RENAMED

    for number, r in enumerate(rows, start=1):
        rate = percent_cell(r.participation * 100) if r.participation is not None else ""
        levels = [_level(v) for v in (r.suggested, *r.round_levels)]
        # A closed round: what changed since its closing, as the page says it on the row.
        renamed = r.branch_renamed and BRANCH_RENAMED.format(day=r.branch_renamed)
        said = (r.reason or r.note, r.changed_after_closing, r.attendance_changed, renamed)
        cells = [
            str(number),
            r.full_name,
            r.branch or "",
            rate,
            *levels,
            "; ".join(filter(None, said)),
        ]
        print("\t".join(cells).rstrip("\t"), file=out)
    state = "chưa mở" if info is None else "đã kết thúc" if info.closed else "đang mở"
    eligible = sum(r.eligible for r in rows)
    decided = sum(r.eligible and r.decided_level is not None for r in rows)
    print(
        f"Đợt xếp loại năm {args.year} ({state}): {vn_number(len(rows))} đoàn viên, "
        f"{vn_number(eligible)} thuộc diện xếp loại, {vn_number(decided)} đã có mức Ban Chấp hành "
        "quyết định.",
        file=out,
    )
    since = _changed_since(rows)
    if since:
        print(since, file=out)
    return EXIT_OK


def _changed_since(rows: list[RatingRow]) -> str:
    """How many rows of a closed round say a change since its closing (the page's text above
    its grid); "" for none."""
    from ..core.rating.eligibility import says_brought_back, says_deleted

    changed = [r.changed_after_closing for r in rows if r.changed_after_closing]
    back = sum(1 for note in changed if says_brought_back(note))
    deleted = sum(1 for note in changed if says_deleted(note))
    edited = len(changed) - back - deleted
    marked = sum(1 for r in rows if r.attendance_changed)
    parts = []
    if edited:
        parts.append(f"hồ sơ của {vn_number(edited)} đoàn viên đã sửa")
    if deleted:
        parts.append(f"{vn_number(deleted)} đoàn viên đã xóa khỏi danh sách")
    if back:  # left out by the round, which reads as it was closed
        parts.append(f"sự kiện của {vn_number(back)} đoàn viên đã khôi phục, đợt không tính")
    if marked:
        parts.append(f"điểm danh của {vn_number(marked)} đoàn viên đã sửa")
    renamed = {r.branch_id for r in rows if r.branch_renamed}
    if renamed:
        parts.append(f"{vn_number(len(renamed))} chi đoàn đã đổi tên")
    if not parts:
        return ""
    text = "Sau khi khóa đợt: " + "; ".join(parts) + "."
    if len(parts) == 1 and back:  # the round leaves those events out: the list reads as closed
        return text
    return text + " Danh sách này đọc theo dữ liệu hiện tại, có thể khác lúc khóa đợt."


def rating_open(args: argparse.Namespace, out: TextIO) -> int:
    """Open the year's round with the rules in force, as the page's “Mở đợt xếp loại năm …”
    does; a round already there is left as it is, and said."""
    with open_workspace(args) as ws:
        info = ws.rating.round(args.year)
        opened = info is None
        if info is None:
            info = ws.rating.open(args.year)
    if info.closed:
        raise ConflictError(
            f"Đợt xếp loại năm {args.year} đã kết thúc: mở lại đợt (“Mở lại”) để sửa."
        )
    if opened:
        print(f"Đã mở đợt xếp loại năm {args.year} với quy tắc “{info.rules.name}”.", file=out)
        notice = carried_over(info.rules, args.year)  # outside 2023–2027: their rules used
        if notice:
            print(notice, file=out)
    else:
        print(
            f"Đợt xếp loại năm {args.year} đã mở từ trước, với quy tắc “{info.rules.name}”.",
            file=out,
        )
    return EXIT_OK


def rating_set(args: argparse.Namespace, out: TextIO) -> int:
    raw = {field: getattr(args, option) for option, field in SET_FIELDS.items()
           if getattr(args, option) is not None}  # fmt: skip
    if not raw:
        args.parser.error(
            "cần ít nhất một trong --participation, --self, --proposed, --decided, --remark, "
            "--training, --sick-months, --dues-unpaid"
        )
    options = {field: option.replace("_", "-") for option, field in SET_FIELDS.items()}
    with open_workspace(args) as ws:
        require_round(ws, args.year)
        member = find_member(ws, args.member)  # by id or name, as ``members events``
        try:
            ws.rating.set(args.year, member.id, raw)
        except ValidationError as error:  # named by the options, not the core's fields
            raise ValidationError(
                {options.get(k, k): v for k, v in error.field_errors.items()}
            ) from None
        row = next((r for r in ws.rating.rows(args.year) if r.member_id == member.id), None)
    name = row.full_name if row else member.fields.full_name
    print(f"Đã lưu xếp loại năm {args.year} của {name}.", file=out)
    if (
        row is not None
        and not row.eligible
        and any(getattr(args, option) for option in ("self", "proposed", "decided"))
    ):
        print(f"Cảnh báo: {name} không xếp loại năm {args.year}: {row.reason}", file=out)
    return EXIT_OK


def rating_accept(args: argparse.Namespace, out: TextIO) -> int:
    source = "proposals" if args.proposals else "suggestions"
    with open_workspace(args) as ws:
        require_round(ws, args.year)
        count = ws.rating.accept(args.year, source, branch_id(ws, args.branch))
    what = "mức chi đoàn đề nghị" if args.proposals else "mức gợi ý"
    print(f"Đã lấy {what} làm mức quyết định cho {vn_number(count)} đoàn viên.", file=out)
    return EXIT_OK


def rating_close(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        warnings = ws.rating.close_warnings(args.year)
        ws.rating.close(args.year)
        decided = sum(r.round_levels[2] is not None for r in ws.rating.rows(args.year))
    for warning in warnings:
        print(f"Cảnh báo: {warning}", file=out)
    print(
        f"Đã kết thúc đợt xếp loại năm {args.year}: mức xếp loại của {vn_number(decided)} đoàn "
        "viên đã ghi vào lịch sử của đoàn viên.",
        file=out,
    )
    return EXIT_OK


def rating_reopen(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        ws.rating.reopen(args.year)
    print(f"Đã mở lại đợt xếp loại năm {args.year}.", file=out)
    return EXIT_OK
