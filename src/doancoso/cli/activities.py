"""``doancoso activity add | list | attend``: the activity calendar and its attendance.

An activity has one or many dates (``--repeat``); each date is an occurrence with its own id,
which ``activity list`` prints and ``activity attend`` takes, with the members it marks named
by id or by name (:func:`.filters.find_member`). ``participation`` and
``calendar export`` (:mod:`.calendar_export`) are registered with this group.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from ..core.activities.recurrence import PRESETS, describe
from ..core.activities.rules import ATTENDANCE_STATES, STATUSES
from ..core.errors import ValidationError
from ..core.lang.dates import format_vn_date
from ..core.lang.text import vn_number
from . import calendar_export
from .common import EXIT_OK, Subparsers, data_dir_option, file_path, format_option, open_workspace
from .filters import MEMBER, MEMBER_HELP, find_branch, find_member
from .parser import Parser
from .values import add_range_options, date_range, dump

if TYPE_CHECKING:  # the core's services load when a command runs, not with the parser
    from ..core.activities.service import OccurrenceRow
    from ..core.roster.branches import BranchInfo
    from ..core.workspace import Workspace

WHOLE_ORGANIZATION = "Toàn Đoàn cơ sở"
WHOLE_ORGANIZATION_LOWER = "toàn Đoàn cơ sở"


def register(subparsers: Subparsers) -> None:
    """Add the ``activity`` group, ``participation`` and ``calendar``."""
    activity = subparsers.add_parser("activity", help="hoạt động, lịch và điểm danh")
    activity_sub = activity.add_subparsers(
        dest="activity_command", parser_class=Parser, metavar="LỆNH", required=True
    )

    add = activity_sub.add_parser("add", help="thêm một hoạt động (một lần hoặc lặp lại)")
    data_dir_option(add)
    add.add_argument("--title", required=True, metavar="TÊN", help="tên hoạt động")
    add.add_argument("--date", required=True, metavar="dd/mm/yyyy", help="ngày diễn ra")
    add.add_argument("--time", metavar="HH:MM", help="giờ bắt đầu")
    add.add_argument("--end-time", metavar="HH:MM", help="giờ kết thúc")
    add.add_argument(
        "--end-date",
        metavar="dd/mm/yyyy",
        help="ngày kết thúc, nếu khác ngày diễn ra (hoạt động kéo dài qua nửa đêm hoặc nhiều ngày)",
    )
    add.add_argument(
        "--kind",
        metavar="LOẠI",
        help="loại hoạt động (tên, ví dụ “Ngày Chủ nhật xanh”, hoặc mã; mặc định Khác)",
    )
    add.add_argument(
        "--branch",
        action="append",
        metavar="TÊN",
        help="chi đoàn tổ chức (lặp lại cho nhiều chi đoàn; mặc định: toàn Đoàn cơ sở)",
    )
    add.add_argument("--place", metavar="ĐỊA_ĐIỂM", help="địa điểm")
    add.add_argument(
        "--repeat",
        metavar="QUY_TẮC",
        help="lặp lại: "
        + ", ".join(f"{code} = {name}" for code, name in PRESETS.items())
        + ", hoặc một quy tắc RRULE, ví dụ FREQ=MONTHLY;BYDAY=-1SU",
    )
    add.add_argument("--until", metavar="dd/mm/yyyy", help="ngày kết thúc lặp lại")
    format_option(add)
    add.set_defaults(handler=activity_add)

    listing = activity_sub.add_parser("list", help="liệt kê các buổi hoạt động theo ngày")
    data_dir_option(listing)
    add_range_options(listing)
    format_option(listing)
    listing.set_defaults(handler=activity_list)

    attend = activity_sub.add_parser(
        "attend",
        help="điểm danh một buổi hoạt động",
        description="Điểm danh một buổi hoạt động. Lần điểm danh đầu tiên: người được dự kiến "
        "tham gia mà không được nêu tên là vắng không phép. Buổi đã điểm danh (trong ứng dụng "
        "hoặc bằng lệnh này): chỉ người được nêu tên đổi, người khác giữ nguyên như đã điểm "
        "danh. Với --file, bảng là toàn bộ điểm danh của buổi: người không có trong bảng là "
        "vắng không phép; các tùy chọn --present, --excused, --absent nêu ngoại lệ. Cần nêu ít "
        "nhất một đoàn viên hoặc một bảng (--file): lệnh không nêu ai thì không lưu gì.",
    )
    data_dir_option(attend)
    attend.add_argument(
        "occurrence", metavar="MÃ_BUỔI", help="mã của buổi hoạt động (cột id của activity list)"
    )
    for state, more in (("present", ""), ("excused", ""),
                        ("absent", " (sửa điểm danh trước đó)")):  # fmt: skip
        attend.add_argument(
            f"--{state}", nargs="+", default=[], type=MEMBER, metavar="ĐOÀN_VIÊN",
            help=f"các đoàn viên {_STATE_WORDS[state]}{more}; mỗi đoàn viên: {MEMBER_HELP}",
        )  # fmt: skip
    attend.add_argument(
        "--file",
        type=file_path,
        metavar="TỆP",
        help="bảng điểm danh .xlsx/.xls/.csv: một cột họ tên (hoặc CCCD), một cột “x” cho người "
        "có mặt, “p” cho vắng có phép; người không có trong bảng là vắng không phép",
    )
    attend.set_defaults(handler=activity_attend, parser=attend)

    calendar_export.register(subparsers)  # participation, calendar export


# -- add -----------------------------------------------------------------------------------------


def _branches(ws: Workspace, names: list[str] | None) -> list[BranchInfo]:
    """The chi đoàn named by ``--branch`` (:func:`.filters.find_branch`)."""
    return [find_branch(ws, name) for name in names or []]


def activity_add(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        branches = _branches(ws, args.branch)
        raw: dict[str, object] = {
            "title": args.title,
            "kind": args.kind or "",
            "start_date": args.date,
            "start_time": args.time or "",
            "end_date": args.end_date or "",
            "end_time": args.end_time or "",
            "place": args.place or "",
            "branch_ids": [b.id for b in branches],
            "repeat": args.repeat or "",
            "until": args.until or "",
        }
        try:
            activity_id, count = ws.activities.save(raw)
        except ValidationError as exc:
            raise _with_options(exc) from None
        record = ws.activities.get(activity_id)
        kind = ws.activities.kind_names().get(record.fields.kind, record.fields.kind)
    if args.format == "json":
        dump({"id": activity_id, "occurrences": count}, out)
        return EXIT_OK
    fields = record.fields
    who = ", ".join(b.name for b in branches) or WHOLE_ORGANIZATION_LOWER
    text = f"Đã thêm hoạt động “{fields.title}” ({kind}, {who})"
    if fields.rule:
        text += f": {vn_number(count)} buổi theo lịch “{describe(fields.rule)}”"
    elif fields.end_date is not None:  # past midnight or over several days
        start, end = format_vn_date(fields.start_date), format_vn_date(fields.end_date)
        text += f" từ {fields.start_time} ngày" if fields.start_time else " từ ngày"
        text += f" {start} đến {fields.end_time} ngày" if fields.end_time else f" {start} đến ngày"
        text += f" {end}"
    else:
        text += f" ngày {format_vn_date(fields.start_date)}"
    print(f"{text}.", file=out)
    return EXIT_OK


def _with_options(error: ValidationError) -> ValidationError:
    """The form's messages, where they name another field of the form (the core says which,
    by key: ``mentions``), name its option too: “Ngày kết thúc” (--end-date), or a field named
    in words: ngày kết thúc lặp lại (--until)."""
    from .main import option_of  # main registers this module: imported when a command runs

    field_errors = dict(error.field_errors)
    for name, (field, label) in error.mentions.items():
        message = field_errors.get(name)
        if message is None:
            continue
        said = f"“{label}”" if f"“{label}”" in message else label
        field_errors[name] = message.replace(said, f"{said} ({option_of(field)})", 1)
    return ValidationError(field_errors)


# -- list ----------------------------------------------------------------------------------------


def _occurrence_json(
    row: OccurrenceRow, kinds: dict[str, str], branches: dict[str, str]
) -> dict[str, object]:
    return {
        "id": row.id,
        "activity_id": row.activity_id,
        "title": row.title,
        "date": format_vn_date(row.day),
        "time": row.start_time,
        "kind": row.kind,
        "kind_label": kinds.get(row.kind, row.kind),
        "branches": [branches[b] for b in row.branch_ids if b in branches],
        "place": row.place,
        "status": row.status,
        "status_label": STATUSES.get(row.status, row.status),
        "expected": row.expected,
        "present": row.present,
        "excused": row.excused,
    }


def _occurrence_cells(
    row: OccurrenceRow, kinds: dict[str, str], branches: dict[str, str]
) -> tuple[str, ...]:
    names = [branches[b] for b in row.branch_ids if b in branches]
    attendance = (
        f"có mặt {vn_number(row.present)}/{vn_number(row.expected)}, "
        f"vắng có phép {vn_number(row.excused)}"
        if row.attendance_taken
        else "chưa điểm danh"
    )
    return (
        format_vn_date(row.day),
        row.start_time or "",
        row.title,
        kinds.get(row.kind, row.kind),
        ", ".join(names) or WHOLE_ORGANIZATION,
        STATUSES.get(row.status, row.status),
        attendance,
        row.id,
    )


def activity_list(args: argparse.Namespace, out: TextIO) -> int:
    first, last = date_range(args)
    with open_workspace(args) as ws:
        rows = ws.activities.occurrences(first, last)
        kinds = ws.activities.kind_names()
        branches = dict(ws.branches.names())
    if args.format == "json":
        dump([_occurrence_json(r, kinds, branches) for r in rows], out)
        return EXIT_OK
    for row in rows:
        print("\t".join(_occurrence_cells(row, kinds, branches)), file=out)
    print(
        f"Tổng cộng: {vn_number(len(rows))} buổi hoạt động từ {format_vn_date(first)} "
        f"đến {format_vn_date(last)}.",
        file=out,
    )
    return EXIT_OK


# -- attend --------------------------------------------------------------------------------------


_STATE_WORDS = {"present": "có mặt", "excused": "vắng có phép", "absent": "vắng không phép"}


def _named(ws: Workspace, args: argparse.Namespace) -> dict[str, str]:
    """member id → the state the options give it. A member is named by id or by name
    (:func:`.filters.find_member`); an id already on the date's sheet is taken as it is (a
    member deleted from the roster since may still be on it). A member named by two options
    (by id, or by name, or both) is refused."""
    on_sheet = {row.member_id: row.full_name for row in ws.attendance.sheet(args.occurrence)}
    named: dict[str, str] = {}
    for state in ("present", "excused", "absent"):
        for text in getattr(args, state):
            if text in on_sheet:
                member_id, name = text, on_sheet[text]
            else:
                record = find_member(ws, text)
                member_id, name = record.id, record.fields.full_name
            other = named.setdefault(member_id, state)
            if other != state:
                raise ValidationError(
                    {
                        "member_id": f"Đoàn viên {name} vừa {_STATE_WORDS[other]} vừa "
                        f"{_STATE_WORDS[state]}."
                    }
                )
    return named


def activity_attend(args: argparse.Namespace, out: TextIO) -> int:
    """Without ``--file``, a date already taken starts from its marks as saved (with their
    reasons): a second run changes only the members it names. A sheet is the whole roll call.
    Naming nobody is bad usage: on a date not yet taken it would have saved everyone expected
    as absent and the date as held (the app's roll call starts so too, but saves only when the
    secretary has ticked and pressed save)."""
    if args.file is None and not (args.present or args.excused or args.absent):
        args.parser.error(
            "cần ít nhất một trong --present, --excused, --absent, --file "
            "(điểm danh mà không nêu ai thì chưa lưu gì)"
        )
    with open_workspace(args) as ws:
        taken = ws.activities.occurrence(args.occurrence).row.attendance_taken
        named = _named(ws, args)
        if args.file is not None:
            marks = ws.attendance.marks_from_sheet(args.occurrence, args.file)
            kept = 0
        else:
            marks = {r.member_id: (r.state, r.reason) for r in ws.attendance.sheet(args.occurrence)}
            kept = sum(1 for m in marks if m not in named) if taken else 0
        for member_id, state in named.items():
            before = marks.get(member_id)
            # A reason of absence stays while the member keeps that state.
            reason = before[1] if before is not None and before[0] == state else None
            marks[member_id] = (state, reason)
        ws.attendance.save(args.occurrence, marks)
        occurrence = ws.activities.occurrence(args.occurrence).row
    counts = {state: 0 for state in ATTENDANCE_STATES}
    for state, _ in marks.values():
        counts[state] += 1
    unchanged = (
        f"; giữ nguyên điểm danh trước đó của {vn_number(kept)} người không nêu tên" if kept else ""
    )
    print(
        f"Đã điểm danh “{occurrence.title}” ngày {format_vn_date(occurrence.day)}: "
        f"{vn_number(counts['present'])} có mặt, {vn_number(counts['excused'])} vắng có phép, "
        f"{vn_number(counts['absent'])} vắng không phép ({vn_number(len(marks))} người"
        f"{unchanged}).",
        file=out,
    )
    return EXIT_OK
