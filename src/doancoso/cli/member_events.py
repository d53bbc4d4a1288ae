"""``doancoso members event add|undo`` and ``members events``: a member's history of events
(kết nạp, chuyển sinh hoạt, sinh hoạt tạm, kỷ luật…) from the command line.

The same core as the GUI's "Ghi sự kiện…" dialog and the "Quá trình" tab: ``ws.events.record``
checks every value and the member's standing, and its refusals are said with its own words;
the kinds the member's history refuses whatever the date (those the dialog greys out) are
refused first with the dialog's reason (``ws.events.refusals``). ``undo`` deletes the last
event of the history, as "Xóa sự kiện" of the "Quá trình" tab does (``ws.events.delete``): the
member's status is replayed from the events left. A member is named by their id or by words of
their name (:func:`.filters.find_member`), the search of ``members list --search``.
"""

from __future__ import annotations

import argparse
import contextlib
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from ..core.errors import AppError, ConflictError
from ..core.lang.dates import format_vn_date, format_vn_month
from ..core.lang.text import vn_number
from ..core.lifecycle.rules import APP_KINDS, DETAILS, DISCIPLINE_LEVELS, EVENT_KINDS
from ..core.roster.service import MemberRecord
from ..core.roster.validation import unknown_choice
from ..core.roster.vocab import STATUSES, choice_code
from .common import EXIT_OK, Subparsers, data_dir_option, format_option, not_blank, open_workspace
from .filters import MEMBER, MEMBER_HELP, find_member
from .parser import Parser
from .values import dump

if TYPE_CHECKING:
    from ..core.lifecycle.service import EventInfo
    from ..core.workspace import Workspace

KINDS = {code: label for code, label in EVENT_KINDS.items() if code not in APP_KINDS}
"""The kinds a secretary records (the app records a merge itself)."""


# The options of the kinds' details (the core's ``DETAILS``), with their help.
DETAIL_OPTIONS: tuple[tuple[str, str, str], ...] = (
    ("place", "NƠI", "nơi kết nạp (Kết nạp Đoàn)"),
    ("introducer", "TÊN_HOẶC_MÃ", "người giới thiệu (Kết nạp Đoàn): họ tên, hoặc mã một đoàn viên"),
    ("other_organization", "TÊN", "tổ chức Đoàn chuyển đến từ / chuyển đi đến (bắt buộc khi "
     "chuyển sinh hoạt)"),
    ("dues_paid_until", "mm/yyyy", "đã đóng đoàn phí đến tháng (Chuyển sinh hoạt đi), vd. "
     "05/2026: không sau tháng chuyển đi"),
    ("remarks", "NHẬN_XÉT", "nhận xét của tổ chức Đoàn về đoàn viên (Chuyển sinh hoạt đi), in "
     "trên giấy giới thiệu"),
    ("home_organization", "TÊN", "tổ chức Đoàn gốc (bắt buộc khi Sinh hoạt tạm)"),
    ("period_start", "dd/mm/yyyy", "sinh hoạt tạm từ ngày"),
    ("period_end", "dd/mm/yyyy", "sinh hoạt tạm đến ngày"),
    ("level", "HÌNH_THỨC", "hình thức kỷ luật (bắt buộc khi Kỷ luật): "
     + ", ".join(DISCIPLINE_LEVELS.values())),
)  # fmt: skip
INTRODUCER_DETAILS = ("introducer_id", "introducer_name")


def register(members_sub: Subparsers) -> None:
    """Add ``members event add|undo`` and ``members events`` to the ``members`` group."""
    event = members_sub.add_parser("event", help="ghi sự kiện của đoàn viên, hoặc xóa sự kiện cuối")
    event_sub = event.add_subparsers(
        dest="event_command", parser_class=Parser, metavar="LỆNH", required=True
    )
    add = event_sub.add_parser("add", help="ghi một sự kiện (kết nạp, chuyển sinh hoạt…)")
    data_dir_option(add)
    add.add_argument("member", type=MEMBER, metavar="ĐOÀN_VIÊN", help=MEMBER_HELP)
    add.add_argument(
        "--kind", required=True, type=not_blank("một loại sự kiện"), metavar="LOẠI",
        help="loại sự kiện: " + ", ".join(KINDS.values()) + " (hoặc mã: " + ", ".join(KINDS) + ")",
    )  # fmt: skip
    add.add_argument("--date", required=True, metavar="dd/mm/yyyy", help="ngày của sự kiện")
    add.add_argument("--number", default="", metavar="SỐ", help="số quyết định, vd. 15-QĐ/ĐTN")
    for name, metavar, text in DETAIL_OPTIONS:
        add.add_argument("--" + name.replace("_", "-"), metavar=metavar, help=text)
    add.add_argument("--note", default="", metavar="GHI_CHÚ", help="ghi chú")
    format_option(add)
    add.set_defaults(handler=event_add)

    undo = event_sub.add_parser("undo", help="xóa sự kiện cuối cùng trong quá trình của đoàn viên")
    data_dir_option(undo)
    undo.add_argument("member", type=MEMBER, metavar="ĐOÀN_VIÊN", help=MEMBER_HELP)
    format_option(undo)
    undo.set_defaults(handler=event_undo)

    events = members_sub.add_parser("events", help="quá trình (các sự kiện) của một đoàn viên")
    data_dir_option(events)
    events.add_argument("member", type=MEMBER, metavar="ĐOÀN_VIÊN", help=MEMBER_HELP)
    format_option(events)
    events.set_defaults(handler=events_list)


def _kind(raw: str) -> str:
    kind = choice_code(KINDS, raw)
    if kind is None:
        raise AppError(unknown_choice("Loại sự kiện", raw, KINDS.values()))
    return kind


def _details(args: argparse.Namespace, kind: str) -> dict[str, str]:
    """The details of the options given, as the core takes them for ``kind``; an option of
    another kind is refused (the core takes no detail of another kind), naming the kinds that
    take it."""
    details: dict[str, str] = {}
    taken = DETAILS.get(kind, ())
    for name, _metavar, _text in DETAIL_OPTIONS:
        value = getattr(args, name)
        if value is None:
            continue
        core_names = INTRODUCER_DETAILS if name == "introducer" else (name,)
        if not set(core_names) & set(taken):
            kinds = [KINDS[k] for k, names in DETAILS.items() if set(core_names) & set(names)]
            raise AppError(
                f"--{name.replace('_', '-')} không dùng cho sự kiện “{KINDS[kind]}”: chỉ dùng "
                f"cho {', '.join(f'“{k}”' for k in kinds)}."
            )
        if name == "introducer":  # a member of the roster by id, or a name written freely
            details[_introducer_detail(value)] = value.strip()
        else:
            details[name] = value
    return details


def _introducer_detail(value: str) -> str:
    try:
        uuid.UUID(value.strip())
    except ValueError:
        return "introducer_name"
    return "introducer_id"


def event_add(args: argparse.Namespace, out: TextIO) -> int:
    kind = _kind(args.kind)
    with open_events(args) as (ws, record):
        details = _details(args, kind)
        refused = ws.events.refusals(record.id, [kind]).get(kind)
        if refused is not None:  # what the dialog greys out, with its reason
            raise ConflictError(refused)
        event_id = ws.events.record(record.id, kind, args.date, args.number, args.note, **details)
        event = next(e for e in ws.events.history(record.id) if e.id == event_id)
        status = ws.members.get(record.id).fields.status
    return _written(args, out, record, status, event, f"Đã ghi {_named(event)} cho")


def event_undo(args: argparse.Namespace, out: TextIO) -> int:
    with open_events(args) as (ws, record):
        history = ws.events.history(record.id)
        if not history:
            raise ConflictError(f"Đoàn viên {record.fields.full_name} chưa có sự kiện nào.")
        last = history[-1]
        ws.events.delete(last.id)
        status = ws.members.get(record.id).fields.status
    return _written(args, out, record, status, last, f"Đã xóa {_named(last)} của", "deleted")


def _named(event: EventInfo) -> str:
    return f"“{event.kind_label}” ngày {format_vn_date(event.event_date)}"


def _written(
    args: argparse.Namespace, out: TextIO, record: MemberRecord, status: str, event: EventInfo,
    done: str, key: str = "",
) -> int:  # fmt: skip
    """Say what was written: ``done`` (the verb and the event) the member, and their status
    now; in JSON the event (under ``key``, or its keys at the top) with the member's."""
    name = record.fields.full_name
    if args.format == "json":
        shown = {key: _event_json(event)} if key else _event_json(event)
        dump({**shown, "member_id": record.id, "full_name": name, "status": status}, out)
    else:
        print(f"{done} đoàn viên {name}. Trạng thái: {STATUSES.get(status, status)}.", file=out)
    return EXIT_OK


def events_list(args: argparse.Namespace, out: TextIO) -> int:
    with open_events(args) as (ws, record):
        history = ws.events.history(record.id)
    fields = record.fields
    if args.format == "json":
        dump({"member_id": record.id, "full_name": fields.full_name, "status": fields.status,
              "events": [_event_json(e) for e in history]}, out)  # fmt: skip
        return EXIT_OK
    born = format_vn_date(fields.birth_date, fields.birth_precision)
    branch = record.branch_name or "chưa thuộc chi đoàn"
    status = STATUSES.get(fields.status, fields.status)
    print(f"Đoàn viên {fields.full_name} — sinh {born} — {branch} — {status}", file=out)
    for event in history:
        cells = (
            format_vn_date(event.event_date),
            event.kind_label,
            event.number or "",
            "; ".join(f"{label}: {value}" for label, value in _shown_details(event)),
            STATUSES.get(event.status_after, event.status_after),
        )
        print("\t".join(cells), file=out)
    print(f"Tổng cộng: {vn_number(len(history))} sự kiện.", file=out)
    return EXIT_OK


@contextlib.contextmanager
def open_events(args: argparse.Namespace) -> Iterator[tuple[Workspace, MemberRecord]]:
    """The workspace of the command and the member its ``ĐOÀN_VIÊN`` names."""
    with open_workspace(args) as ws:
        yield ws, find_member(ws, args.member)


def _event_json(event: EventInfo) -> dict[str, object]:
    return {
        "id": event.id,
        "kind": event.kind,
        "kind_label": event.kind_label,
        "date": format_vn_date(event.event_date),
        "number": event.number,
        "place": event.place,
        "introducer_id": event.introducer_id,
        "introducer_name": event.introducer_name,
        "other_organization": event.other_organization,
        "home_organization": event.home_organization,
        "period_start": format_vn_date(event.period_start) or None,
        "period_end": format_vn_date(event.period_end) or None,
        "level": event.discipline_level,
        "level_label": event.discipline_label,
        "note": event.note,
        "status_after": event.status_after,
        "status_after_label": STATUSES.get(event.status_after, event.status_after),
        "dues_paid_until": format_vn_month(event.dues_paid_until) or None,
        "remarks": event.remarks,
    }


def _shown_details(event: EventInfo) -> list[tuple[str, str]]:
    """The details of ``event`` that hold a value, each with the dialog's label."""
    way = "Chuyển đến từ" if event.kind == "transfer_in" else "Chuyển đi đến"
    period = (format_vn_date(event.period_start) or "…", format_vn_date(event.period_end) or "…")
    values = (
        ("Nơi kết nạp", event.place),
        ("Người giới thiệu", event.introducer_name),
        (way, event.other_organization),
        ("Đã đóng đoàn phí đến tháng", format_vn_month(event.dues_paid_until)),
        ("Nhận xét", event.remarks),
        ("Tổ chức Đoàn gốc", event.home_organization),
        ("Thời gian", " – ".join(period) if event.period_start or event.period_end else None),
        ("Hình thức", event.discipline_label),
        ("Ghi chú", event.note),
    )
    # A cell of the table is one line: a value typed on several lines is joined by spaces.
    return [(label, " ".join(value.split())) for label, value in values if value]
