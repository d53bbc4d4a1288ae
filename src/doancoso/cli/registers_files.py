"""``doancoso advice|coordination attach|detach|caption``: the evidence files of a record of
criterion 3's register, as the app's files panel handles them.

``attach ID FILE [--caption T]`` stores the file (a PDF, a JPEG or PNG photo, checked by content,
within the size limit of the settings) and attaches it ("Đính kèm tệp…"); the same file twice on
one record is refused. ``caption ID SHA256 [--caption T] [--taken-on dd/mm/yyyy]`` changes what
the app's "Chú thích…" dialog does, only the values given (an empty one clears). ``detach ID
SHA256`` detaches it ("Gỡ khỏi đây"; the stored file stays until the data check finds nobody names
it). A file is named by its SHA-256 or its first characters (at least eight), as ``show`` and
``checklist show`` print them.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from ..core.lang.text import nfc
from .common import EXIT_OK, Subparsers, data_dir_option, file_path, open_workspace
from .registers_show import WHAT, record_of

if TYPE_CHECKING:
    from ..core.evidence.service import Attachment
    from ..core.workspace import Workspace

_ID_HELP = "mã {what} (cột cuối của {command} list)"
_SHA_HELP = "mã SHA-256 của tệp, hoặc ít nhất 8 ký tự đầu mà {command} show in ra"


def add_file_commands(commands: Subparsers, command: str) -> None:
    """``COMMAND attach``, ``caption`` and ``detach``."""
    what = WHAT[command]
    attach = commands.add_parser("attach", help=f"đính kèm tệp minh chứng vào một {what}")
    data_dir_option(attach)
    attach.add_argument("id", metavar="MÃ", help=_ID_HELP.format(what=what, command=command))
    attach.add_argument("file", type=file_path, metavar="TỆP", help="tệp PDF, ảnh JPEG hoặc PNG")
    attach.add_argument("--caption", metavar="CHÚ_THÍCH", help="chú thích của minh chứng")
    attach.set_defaults(handler=attach_file, register=command)

    caption = commands.add_parser(
        "caption", help=f"sửa chú thích, ngày của một tệp minh chứng của {what}"
    )
    data_dir_option(caption)
    caption.add_argument("id", metavar="MÃ", help=_ID_HELP.format(what=what, command=command))
    caption.add_argument("sha256", metavar="SHA256", help=_SHA_HELP.format(command=command))
    caption_options(caption)
    caption.set_defaults(handler=caption_file, register=command, parser=caption)

    detach = commands.add_parser("detach", help=f"gỡ tệp minh chứng khỏi một {what}")
    data_dir_option(detach)
    detach.add_argument("id", metavar="MÃ", help=_ID_HELP.format(what=what, command=command))
    detach.add_argument("sha256", metavar="SHA256", help=_SHA_HELP.format(command=command))
    detach.set_defaults(handler=detach_file, register=command)


def _table(command: str) -> str:
    from ..core.recognition.registers import ADVICE_TABLE, COORDINATION_TABLE

    return ADVICE_TABLE if command == "advice" else COORDINATION_TABLE


def _named(ws: Workspace, command: str, record_id: str) -> tuple[str, str]:
    """The record's id and how messages name it: "văn bản tham mưu “Tờ trình…”"."""
    if command == "advice":
        title = record_of(ws.registers.advice(), record_id, command).title
    else:
        title = record_of(ws.registers.coordination(), record_id, command).title
    return record_id, f"{WHAT[command]} “{title}”"


def caption_options(parser: argparse.ArgumentParser) -> None:
    """``--caption`` and ``--taken-on`` of a ``caption`` command (its handler calls
    :func:`save_caption`)."""
    parser.add_argument(
        "--caption", metavar="CHÚ_THÍCH", help="chú thích của minh chứng (để trống để xóa)"
    )
    parser.add_argument(
        "--taken-on",
        metavar="dd/mm/yyyy",
        help="ngày chụp ảnh hoặc ngày của văn bản (để trống để xóa)",
    )


def require_caption(args: argparse.Namespace) -> None:
    """Bad usage when neither ``--caption`` nor ``--taken-on`` is given: the command would say
    "Đã lưu" and change nothing."""
    if args.caption is None and args.taken_on is None:
        args.parser.error("cần ít nhất một trong --caption, --taken-on")


def save_caption(ws: Workspace, file: Attachment, args: argparse.Namespace) -> None:
    """Change what the app's "Chú thích…" dialog does, only the values given."""
    caption = file.caption if args.caption is None else args.caption
    ws.evidence.caption(file.id, caption, args.taken_on)


def _files_named(
    ws: Workspace, command: str, record_id: str, named: str, sha256: str
) -> list[Attachment]:
    """The record's files whose SHA-256 is or starts with ``sha256``, or a refusal."""
    from ..core.evidence.service import files_with_hash

    files = ws.evidence.attachments(_table(command), record_id)
    return files_with_hash(files, sha256, named, command)


def attach_file(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        record_id, named = _named(ws, args.register, args.id)
        ws.evidence.attach(_table(args.register), record_id, args.file, args.caption, place=named)
    name = nfc(args.file.name)  # as stored: a Mac's file names are decomposed
    print(f"Đã đính kèm “{name}” vào {named}.", file=out)
    return EXIT_OK


def caption_file(args: argparse.Namespace, out: TextIO) -> int:
    require_caption(args)
    with open_workspace(args) as ws:
        record_id, named = _named(ws, args.register, args.id)
        [file, *_] = _files_named(ws, args.register, record_id, named, args.sha256)
        save_caption(ws, file, args)
    print(f"Đã lưu chú thích tệp “{file.original_name}” của {named}.", file=out)
    return EXIT_OK


def detach_file(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        record_id, named = _named(ws, args.register, args.id)
        files = _files_named(ws, args.register, record_id, named, args.sha256)
        count = ws.evidence.detach([f.id for f in files])
    print(f"Đã gỡ {count} tệp minh chứng khỏi {named}.", file=out)
    return EXIT_OK
