"""``doancoso advice show ID`` and ``coordination show ID``: one record of criterion 3's register
as the app's dialog and files panel show it, and the JSON objects of the register's commands.

``show`` prints every value under the dialog's label ("—" for one not given, "Chưa trả lời"
for an advice with no answer, as the register's table says), the texts of several lines in full
(their next lines indented), the activity a programme is linked to ("dd/mm/yyyy – title", as
the register's table names it) and the evidence files (name, caption, date, the first characters
of the SHA-256, which ``detach`` takes; a file lost from the store marked so, with the command
that gets it back). ``--format json`` prints the object of ``list --format json`` with ``files``
(``{"sha256", "name", "caption", "date", "size", "lost"}``) and, for a programme, ``activity``
(its label, null when none or deleted since).
"""

from __future__ import annotations

import argparse
import datetime as dt
import textwrap
from typing import TYPE_CHECKING, TextIO, TypeVar

from ..core.errors import AppError
from ..core.lang.dates import format_vn_date
from .common import EXIT_OK, Subparsers, data_dir_option, format_option, open_workspace
from .values import dump

if TYPE_CHECKING:  # the core's services load when a command runs, not with the parser
    from ..core.evidence.service import Attachment
    from ..core.recognition.registers import Advice, Coordination
    from ..core.workspace import Workspace

R = TypeVar("R", "Advice", "Coordination")

WHAT = {"advice": "văn bản tham mưu", "coordination": "chương trình phối hợp"}
"""What a record of each command is called in its messages."""


def add_show(commands: Subparsers, command: str) -> None:
    """``COMMAND show ID [--format json]``."""
    show = commands.add_parser("show", help=f"xem đầy đủ một {WHAT[command]} và tệp minh chứng")
    data_dir_option(show)
    show.add_argument("id", metavar="MÃ", help=f"mã {WHAT[command]} (cột cuối của {command} list)")
    format_option(show)
    show.set_defaults(handler=show_advice if command == "advice" else show_coordination)


def record_of(rows: list[R], record_id: str, command: str) -> R:
    """The record ``record_id`` of the register (of any year), or a refusal saying where the
    ids are listed."""
    for row in rows:
        if row.id == record_id:
            return row
    raise AppError(
        f"Không có {WHAT[command]} nào mã “{record_id}”: xem mã ở cột cuối của lệnh "
        f"doancoso {command} list."
    )


def advice_json(row: Advice) -> dict[str, object]:
    return {
        "id": row.id,
        "date": format_vn_date(row.day),
        "number": row.number,
        "title": row.title,
        "summary": row.summary,
        "answer": row.answer,
        "answer_date": format_vn_date(row.answer_day) or None,
    }


def coordination_json(row: Coordination) -> dict[str, object]:
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


def is_lost(file: Attachment) -> bool:
    """Whether ``file`` is lost from the evidence store (gone, or not the size it was attached
    with), as ``dossier --check`` finds it: its size only, never its bytes."""
    from ..core.dossier.lost import intact

    return not intact(file)


def _files_json(files: list[Attachment]) -> list[dict[str, object]]:
    return [
        {"sha256": f.sha256, "name": f.original_name, "caption": f.caption,
         "date": format_vn_date(f.taken_on) or None, "size": f.size, "lost": is_lost(f)}
        for f in files
    ]  # fmt: skip


WIDTH = 80
"""The width a text of several lines is wrapped to: an 80-column console, the narrowest usual."""
_VALUE, _MORE = "  ", "    "


def _value(label: str, text: str | None, none: str = "—") -> list[str]:
    """``label: text`` on one line (``none`` when there is no text)."""
    return [f"{_VALUE}{label}: {text or none}"]


def _text(label: str, text: str | None, none: str = "—") -> list[str]:
    """``label: text`` for a text of several lines: each paragraph wrapped, the lines after the
    first indented under the label; ``none`` when there is no text."""
    lines: list[str] = []
    for paragraph in (text or "").splitlines():
        if paragraph.strip():
            lines += textwrap.wrap(
                paragraph,
                WIDTH,
                initial_indent=f"{_VALUE}{label}: " if not lines else _MORE,
                subsequent_indent=_MORE,
                break_long_words=False,
                break_on_hyphens=False,
            )
    return lines or [f"{_VALUE}{label}: {none}"]


def _file_lines(files: list[Attachment]) -> list[str]:
    if not files:
        return [f"{_VALUE}Minh chứng: chưa có"]
    return [f"{_VALUE}{attachment_line(f)}" for f in files]


LOST_MARK = " (mất — lấy lại bằng lệnh doancoso restore-evidence)"
"""What follows the line of a file lost from the store (:func:`is_lost`)."""


def attachment_line(file: Attachment) -> str:
    """:func:`evidence_line` of ``file``, marked with :data:`LOST_MARK` when it is lost."""
    line = evidence_line(file.original_name, file.caption, file.taken_on, file.sha256)
    return line + LOST_MARK if is_lost(file) else line


def evidence_line(name: str, caption: str | None, taken_on: dt.date | None, sha256: str) -> str:
    """One evidence file as the commands print it: "Minh chứng: name — caption (dd/mm/yyyy)
    [first 12 of its SHA-256]", the caption and the date left out when not given."""
    shown = f" — {caption}" if caption else ""
    day = f" ({format_vn_date(taken_on)})" if taken_on else ""
    return f"Minh chứng: {name}{shown}{day} [{sha256[:12]}]"


def show_advice(args: argparse.Namespace, out: TextIO) -> int:
    from ..core.recognition.registers import ADVICE_TABLE, NO_ANSWER

    with open_workspace(args) as ws:
        row = record_of(ws.registers.advice(), args.id, "advice")
        files = ws.evidence.attachments(ADVICE_TABLE, row.id)
    if args.format == "json":
        dump({**advice_json(row), "files": _files_json(files)}, out)
        return EXIT_OK
    no_answer = "—" if row.answer_day else NO_ANSWER
    lines = [
        f"Văn bản tham mưu “{row.title}”",
        *_value("Ngày gửi", format_vn_date(row.day)),
        *_value("Số, ký hiệu", row.number),
        *_text("Nội dung tóm tắt", row.summary),
        *_text("Trả lời của cấp ủy", row.answer, no_answer),
        *_value("Ngày trả lời", format_vn_date(row.answer_day)),
        *_file_lines(files),
        f"{_VALUE}Mã: {row.id}",
    ]
    print("\n".join(lines), file=out)
    return EXIT_OK


def activity_label(ws: Workspace, activity_id: str | None) -> str | None:
    """The activity ``activity_id`` as the register's table names it, "dd/mm/yyyy – title";
    None when there is none or it was deleted since."""
    if not activity_id:
        return None
    try:
        fields = ws.activities.get(activity_id).fields
    except AppError:
        return None
    return f"{format_vn_date(fields.start_date)} – {fields.title}"


def show_coordination(args: argparse.Namespace, out: TextIO) -> int:
    from ..core.recognition.registers import COORDINATION_TABLE

    with open_workspace(args) as ws:
        row = record_of(ws.registers.coordination(), args.id, "coordination")
        files = ws.evidence.attachments(COORDINATION_TABLE, row.id)
        activity = activity_label(ws, row.activity_id)
    if args.format == "json":
        dump({**coordination_json(row), "activity": activity, "files": _files_json(files)}, out)
        return EXIT_OK
    linked = None
    if row.activity_id:
        linked = f"{activity or 'không còn trong lịch'} [{row.activity_id}]"
    lines = [
        f"Chương trình phối hợp “{row.title}”",
        *_value("Cơ quan, đơn vị phối hợp", row.partner),
        *_value("Thời gian", row.period),
        *_text("Nội dung phối hợp", row.content),
        *_text("Kết quả", row.results),
        *_value("Hoạt động liên kết", linked),
        *_file_lines(files),
        f"{_VALUE}Mã: {row.id}",
    ]
    print("\n".join(lines), file=out)
    return EXIT_OK
