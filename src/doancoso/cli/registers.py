"""``doancoso advice`` and ``doancoso coordination``: the register of criterion 3 (documents and
proposals to the Party committee; coordination with other bodies).

``list --format json`` prints one object per record, as ``activity list`` does: ``advice``
``{"id", "date", "number", "title", "summary", "answer", "answer_date"}``, ``coordination``
``{"id", "date", "end_date", "partner", "title", "content", "results", "activity_id"}``; dates
dd/mm/yyyy, null for a value not given, ``[]`` when there is none. The table form ends each
record's line with its id (after a tab), which ``show``, ``edit`` and ``delete`` take; ``show
ID`` prints one record in full, with its files (:mod:`.registers_show`); ``attach``,
``caption`` and ``detach`` handle its files (:mod:`.registers_files`).

``edit ID`` changes only the values its options give (an empty one clears an optional value)
and saves the record through the same service and checks as the app's "Sửa" dialog. The texts
of several lines (an advice's summary and answer, a programme's content and results) are given
as an option or read from a UTF-8 file (``--summary-file F``...), stored in NFC by the core as
the dialog's are; a file that cannot be read, or not as UTF-8, is refused, nothing changed.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..core.errors import AppError, ValidationError
from ..core.lang.dates import format_vn_date
from ..core.lang.text import nfc
from ..core.storage.folder import os_reason
from .common import (
    EXIT_OK,
    Subparsers,
    data_dir_option,
    file_path,
    format_option,
    one_line,
    open_workspace,
)
from .registers_files import add_file_commands
from .registers_show import add_show, advice_json, coordination_json, record_of
from .values import dump

if TYPE_CHECKING:
    from ..core.workspace import Workspace


def register(subparsers: Subparsers) -> None:
    advice = subparsers.add_parser("advice", help="văn bản tham mưu cấp ủy")
    asub = advice.add_subparsers(dest="advice_command", metavar="LỆNH", required=True)
    add = asub.add_parser("add", help="ghi một văn bản tham mưu")
    data_dir_option(add)
    _advice_options(add, required=True)
    add.set_defaults(handler=add_advice)
    edit = asub.add_parser("edit", help="sửa một văn bản tham mưu (chỉ các giá trị được nêu)")
    data_dir_option(edit)
    edit.add_argument("id", metavar="MÃ", help="mã văn bản (cột cuối của advice list)")
    _advice_options(edit, required=False)
    edit.set_defaults(handler=edit_advice, parser=edit)
    delete = asub.add_parser("delete", help="xóa văn bản tham mưu (một hay nhiều)")
    data_dir_option(delete)
    delete.add_argument("ids", nargs="+", metavar="MÃ",
                        help="mã văn bản (cột cuối của advice list)")  # fmt: skip
    delete.set_defaults(handler=delete_advice)
    listing = asub.add_parser("list", help="danh sách văn bản tham mưu")
    data_dir_option(listing)
    listing.add_argument("--year", type=int, metavar="NĂM", help="chỉ năm này")
    format_option(listing)
    listing.set_defaults(handler=list_advice)
    add_show(asub, "advice")
    add_file_commands(asub, "advice")

    coordination = subparsers.add_parser("coordination", help="chương trình phối hợp")
    csub = coordination.add_subparsers(dest="coordination_command", metavar="LỆNH", required=True)
    add = csub.add_parser("add", help="ghi một chương trình phối hợp")
    data_dir_option(add)
    _coordination_options(add, required=True)
    add.set_defaults(handler=add_coordination)
    edit = csub.add_parser("edit", help="sửa một chương trình phối hợp (chỉ các giá trị được nêu)")
    data_dir_option(edit)
    edit.add_argument("id", metavar="MÃ", help="mã chương trình (cột cuối của coordination list)")
    _coordination_options(edit, required=False)
    edit.set_defaults(handler=edit_coordination, parser=edit)
    delete = csub.add_parser("delete", help="xóa chương trình phối hợp (một hay nhiều)")
    data_dir_option(delete)
    delete.add_argument("ids", nargs="+", metavar="MÃ",
                        help="mã chương trình (cột cuối của coordination list)")  # fmt: skip
    delete.set_defaults(handler=delete_coordination)
    listing = csub.add_parser("list", help="danh sách chương trình phối hợp")
    data_dir_option(listing)
    listing.add_argument("--year", type=int, metavar="NĂM", help="chỉ năm này")
    format_option(listing)
    listing.set_defaults(handler=list_coordination)
    add_show(csub, "coordination")
    add_file_commands(csub, "coordination")


_CLEARS = " (để trống để xóa)"
"""Said of an optional value on ``edit``, where an empty one clears what was saved."""


def _advice_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    """The values of ``advice add`` (``required``: the date and title) and ``advice edit``."""
    clears = "" if required else _CLEARS
    parser.add_argument("--date", required=required, metavar="dd/mm/yyyy", help="ngày văn bản")
    parser.add_argument("--title", required=required, metavar="TÊN",
                        help="tên, trích yếu văn bản")  # fmt: skip
    parser.add_argument("--number", metavar="SỐ", help="số, ký hiệu văn bản" + clears)
    _text_option(parser, "summary", "nội dung tóm tắt của văn bản", clears)
    _text_option(parser, "answer", "ý kiến trả lời của cấp ủy", clears)
    parser.add_argument("--answer-date", metavar="dd/mm/yyyy",
                        help="ngày cấp ủy trả lời" + clears)  # fmt: skip


def _coordination_options(parser: argparse.ArgumentParser, *, required: bool) -> None:
    """The values of ``coordination add`` (``required``: date, partner, title) and ``edit``."""
    clears = "" if required else _CLEARS
    parser.add_argument("--date", required=required, metavar="dd/mm/yyyy", help="ngày bắt đầu")
    parser.add_argument("--end-date", metavar="dd/mm/yyyy",
                        help="ngày kết thúc (chương trình có thời hạn)" + clears)  # fmt: skip
    parser.add_argument("--partner", required=required, metavar="ĐƠN_VỊ",
                        help="cơ quan, đơn vị phối hợp")  # fmt: skip
    parser.add_argument("--title", required=required, metavar="TÊN",
                        help="tên chương trình, quy chế")  # fmt: skip
    _text_option(parser, "content", "nội dung phối hợp", clears)
    _text_option(parser, "results", "kết quả phối hợp", clears)
    parser.add_argument("--activity", metavar="MÃ_HOẠT_ĐỘNG",
                        help="hoạt động liên kết (id của activity add --format json, activity_id "
                        "của activity list --format json)" + clears)  # fmt: skip


def _text_option(parser: argparse.ArgumentParser, name: str, what: str, clears: str) -> None:
    """``--NAME TEXT`` or ``--NAME-file FILE`` (one or the other): a text of several lines."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(f"--{name}", metavar="NỘI_DUNG", help=what + clears)
    group.add_argument(f"--{name}-file", type=file_path, metavar="TỆP",
                       help=f"{what}: đọc từ một tệp văn bản UTF-8" + clears.replace(
                           "để trống", "tệp rỗng"))  # fmt: skip


_ADVICE_VALUES = {"day": "date", "title": "title", "number": "number", "summary": "summary",
                  "answer": "answer", "answer_day": "answer_date"}  # fmt: skip
"""The core's field → the option of ``advice add|edit`` giving it."""
_COORDINATION_VALUES = {"day": "date", "end_day": "end_date", "partner": "partner",
                        "title": "title", "content": "content", "results": "results",
                        "activity_id": "activity"}  # fmt: skip
"""The core's field → the option of ``coordination add|edit`` giving it."""


def _given(args: argparse.Namespace, values: dict[str, str]) -> dict[str, str]:
    """The fields the options give (an empty one too: it clears the value), by core name; a
    text given as a file (``--summary-file``) is read here, before anything is opened."""
    given: dict[str, str] = {}
    for field, option in values.items():
        value = getattr(args, option)
        path = getattr(args, f"{option}_file", None)
        if path is not None:
            value = read_text_file(path, f"--{option}-file")
        if value is not None:
            given[field] = value
    return given


def _require_some(args: argparse.Namespace, values: dict[str, str]) -> None:
    """``edit ID`` given no value is bad usage: it said "Đã sửa …" and changed nothing."""
    options = [
        name
        for option in values.values()
        for name in (option, f"{option}_file")
        if hasattr(args, name)
    ]
    if all(getattr(args, name) is None for name in options):
        names = ", ".join("--" + name.replace("_", "-") for name in options)
        args.parser.error(f"cần ít nhất một trong {names}")


_UNCHANGED = "Không có gì thay đổi."


def read_text_file(path: Path, option: str) -> str:
    """The text of ``path``, read as UTF-8 (a BOM dropped; the core normalises it, as it does
    what is typed), or a refusal naming the file and ``option``."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AppError(
            f"Không đọc được tệp “{path}” ({option}): {os_reason(exc)}. {_UNCHANGED}"
        ) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise AppError(
            f"Tệp “{path}” ({option}) không phải văn bản UTF-8: hãy lưu lại tệp với bảng mã "
            "UTF-8 (Notepad: Lưu thành…, mục Mã hóa chọn UTF-8) rồi chạy lại lệnh. "
            f"{_UNCHANGED}"
        ) from exc


def _in_year(year: int | None) -> str:
    """ " trong năm 2024" for ``--year 2024``: the register may hold records of other years."""
    return "" if year is None else f" trong năm {year}"


def add_advice(args: argparse.Namespace, out: TextIO) -> int:
    raw = _given(args, _ADVICE_VALUES)
    with open_workspace(args) as ws:
        ws.registers.save_advice(raw)
    print(f"Đã ghi văn bản tham mưu “{nfc(args.title)}”.", file=out)  # as stored
    return EXIT_OK


def edit_advice(args: argparse.Namespace, out: TextIO) -> int:
    _require_some(args, _ADVICE_VALUES)
    with open_workspace(args) as ws:
        row = record_of(ws.registers.advice(), args.id, "advice")
        raw = {  # as the app's dialog fills its form from the record
            "day": format_vn_date(row.day), "number": row.number or "", "title": row.title,
            "summary": row.summary or "", "answer": row.answer or "",
            "answer_day": format_vn_date(row.answer_day),
        }  # fmt: skip
        raw.update(_given(args, _ADVICE_VALUES))
        ws.registers.save_advice(raw, row.id)
        title = record_of(ws.registers.advice(), row.id, "advice").title
    print(f"Đã sửa văn bản tham mưu “{title}”.", file=out)
    return EXIT_OK


def delete_advice(args: argparse.Namespace, out: TextIO) -> int:
    """Delete the records named, all of them in one transaction (as the app deletes those
    selected together) or none when an id names none."""
    from ..core.recognition.registers import ADVICE_TABLE

    with open_workspace(args) as ws:
        rows = ws.registers.advice()
        chosen = [record_of(rows, i, "advice") for i in dict.fromkeys(args.ids)]
        ws.registers.delete(ADVICE_TABLE, [row.id for row in chosen])
    for row in chosen:
        print(f"Đã xóa văn bản tham mưu “{row.title}” ngày {format_vn_date(row.day)}.", file=out)
    return EXIT_OK


def list_advice(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        rows = ws.registers.advice(args.year)
    if args.format == "json":
        dump([advice_json(r) for r in rows], out)
        return EXIT_OK
    if not rows:
        print(f"Chưa có văn bản tham mưu nào{_in_year(args.year)}.", file=out)
    for r in rows:  # one line each, a summary or an answer on several lines too
        texts = _texts((("tóm tắt", r.summary), ("trả lời", r.answer)))
        text = "  ".join(p for p in (format_vn_date(r.day), r.number, r.title + texts) if p)
        print(f"{text}\t{r.id}", file=out)
    return EXIT_OK


def _check_activity(ws: Workspace, activity_id: str | None) -> None:
    """The app picks the linked activity from a list; an id typed here that names none is
    said as such (the core's "không còn trong lịch" reads as if it were deleted), one of its
    dates' ids (``activity list``'s ``id``) with the activity's id to give instead."""
    wanted = (activity_id or "").strip()
    if not wanted:
        return
    try:
        ws.activities.get(wanted)
        return
    except AppError:
        pass
    try:
        date = ws.activities.occurrence(wanted).row
    except AppError:
        message = (
            f"Không có hoạt động nào mã “{wanted}” trong lịch: xem activity_id trong activity "
            "list --format json."
        )
    else:
        message = (
            f"“{wanted}” là mã buổi ngày {format_vn_date(date.day)} của hoạt động “{date.title}”, "
            f"không phải mã của hoạt động: hãy ghi “{date.activity_id}” (activity_id trong "
            "activity list --format json)."
        )
    raise ValidationError({"activity_id": message})


def add_coordination(args: argparse.Namespace, out: TextIO) -> int:
    raw = _given(args, _COORDINATION_VALUES)
    with open_workspace(args) as ws:
        _check_activity(ws, args.activity)
        ws.registers.save_coordination(raw)
    print(f"Đã ghi chương trình phối hợp “{nfc(args.title)}” với {nfc(args.partner)}.", file=out)
    return EXIT_OK


def edit_coordination(args: argparse.Namespace, out: TextIO) -> int:
    _require_some(args, _COORDINATION_VALUES)
    with open_workspace(args) as ws:
        row = record_of(ws.registers.coordination(), args.id, "coordination")
        raw = {  # as the app's dialog fills its form from the record
            "day": format_vn_date(row.day), "end_day": format_vn_date(row.end_day),
            "partner": row.partner, "title": row.title, "content": row.content or "",
            "results": row.results or "", "activity_id": row.activity_id or "",
        }  # fmt: skip
        raw.update(_given(args, _COORDINATION_VALUES))
        _check_activity(ws, args.activity)
        ws.registers.save_coordination(raw, row.id)
        saved = record_of(ws.registers.coordination(), row.id, "coordination")
    print(f"Đã sửa chương trình phối hợp “{saved.title}” với {saved.partner} ({saved.period}).",
          file=out)  # fmt: skip
    return EXIT_OK


def delete_coordination(args: argparse.Namespace, out: TextIO) -> int:
    """As :func:`delete_advice`."""
    from ..core.recognition.registers import COORDINATION_TABLE

    with open_workspace(args) as ws:
        rows = ws.registers.coordination()
        chosen = [record_of(rows, i, "coordination") for i in dict.fromkeys(args.ids)]
        ws.registers.delete(COORDINATION_TABLE, [row.id for row in chosen])
    for row in chosen:
        print(f"Đã xóa chương trình phối hợp “{row.title}” với {row.partner}.", file=out)
    return EXIT_OK


def list_coordination(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        rows = ws.registers.coordination(args.year)
    if args.format == "json":
        dump([coordination_json(r) for r in rows], out)
        return EXIT_OK
    if not rows:
        print(f"Chưa có chương trình phối hợp nào{_in_year(args.year)}.", file=out)
    for r in rows:
        texts = _texts((("nội dung", r.content), ("kết quả", r.results)))
        print(f"{r.period}  {r.partner}: {r.title}{texts}\t{r.id}", file=out)
    return EXIT_OK


def _texts(texts: tuple[tuple[str, str | None], ...]) -> str:
    """ " — tóm tắt: … — trả lời: …": the texts given, each on one line."""
    return "".join(f" — {label}: {one_line(text)}" for label, text in texts if text)
