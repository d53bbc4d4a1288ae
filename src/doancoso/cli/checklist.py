"""``doancoso checklist``: the "3 chủ động" self-assessment of a year from the command line.

``show`` prints every item with its status, evidence (a file lost from the store marked so)
and computed indicators (``--format json``: the object of issue #15, each file's ``lost``),
``set`` assesses an item, ``attach``/``detach`` manage its files (stored once by their
SHA-256), ``caption`` changes a file's caption and date as the app's "Chú thích…" does,
``template list|import|export`` the criteria templates.
"""

from __future__ import annotations

import argparse
import json
import textwrap
from typing import TYPE_CHECKING, TextIO

from ..core.errors import NotFoundError
from ..core.lang.dates import format_vn_date
from ..core.lang.text import nfc
from ..core.recognition.rules import STATUSES, points_text, unknown_item_message
from .common import (
    EXIT_OK,
    Subparsers,
    data_dir_option,
    file_path,
    format_option,
    open_workspace,
    require_suffix,
)
from .registers_files import caption_options, require_caption, save_caption
from .registers_show import attachment_line, is_lost
from .values import check_year

if TYPE_CHECKING:
    from ..core.recognition.service import ChecklistView, ItemView


def register(subparsers: Subparsers) -> None:
    checklist = subparsers.add_parser("checklist", help="bảng tự đánh giá “3 chủ động”")
    sub = checklist.add_subparsers(dest="checklist_command", metavar="LỆNH", required=True)

    show = sub.add_parser("show", help="xem bảng tự đánh giá của một năm")
    _common(show)
    format_option(show)
    show.set_defaults(handler=show_checklist)

    setting = sub.add_parser("set", help="tự đánh giá một mục")
    setting.add_argument("code", metavar="MÃ", help="mã mục, ví dụ 1.2")
    _common(setting)
    setting.add_argument(
        "--status",
        metavar="ĐÁNH_GIÁ",
        help="đánh giá của mục: " + ", ".join(STATUSES.values()) + " (hoặc mã: "
        + ", ".join(STATUSES) + ")",
    )  # fmt: skip
    setting.add_argument("--points", metavar="ĐIỂM", help="điểm tự chấm (nếu bộ tiêu chí có điểm)")
    setting.add_argument("--note", metavar="NỘI_DUNG", help="những việc đã làm")
    setting.set_defaults(handler=set_item, parser=setting)

    attach = sub.add_parser("attach", help="đính kèm tệp minh chứng vào một mục")
    attach.add_argument("code", metavar="MÃ", help="mã mục, ví dụ 1.2")
    _common(attach)
    attach.add_argument("file", type=file_path, metavar="TỆP", help="tệp PDF, ảnh JPEG hoặc PNG")
    attach.add_argument("--caption", metavar="CHÚ_THÍCH", help="chú thích của minh chứng")
    attach.set_defaults(handler=attach_file)

    detach = sub.add_parser("detach", help="gỡ tệp minh chứng khỏi một mục")
    detach.add_argument("code", metavar="MÃ", help="mã mục, ví dụ 1.2")
    _common(detach)
    detach.add_argument(
        "sha256",
        metavar="SHA256",
        help="mã SHA-256 của tệp, hoặc ít nhất 8 ký tự đầu mà checklist show in ra",
    )
    detach.set_defaults(handler=detach_file)

    caption = sub.add_parser("caption", help="sửa chú thích, ngày của một tệp minh chứng")
    caption.add_argument("code", metavar="MÃ", help="mã mục, ví dụ 1.2")
    _common(caption)
    caption.add_argument(
        "sha256",
        metavar="SHA256",
        help="mã SHA-256 của tệp, hoặc ít nhất 8 ký tự đầu mà checklist show in ra",
    )
    caption_options(caption)
    caption.set_defaults(handler=caption_file, parser=caption)

    template = sub.add_parser("template", help="các bộ tiêu chí")
    tsub = template.add_subparsers(dest="template_command", metavar="LỆNH", required=True)
    listing = tsub.add_parser("list", help="danh sách bộ tiêu chí")
    data_dir_option(listing)
    listing.set_defaults(handler=list_templates)
    importing = tsub.add_parser("import", help="nhập bộ tiêu chí từ tệp JSON hoặc Excel")
    data_dir_option(importing)
    importing.add_argument(
        "file", type=file_path, metavar="TỆP", help="tệp bộ tiêu chí (.json, .xlsx, .xls)"
    )
    importing.set_defaults(handler=import_template)
    exporting = tsub.add_parser("export", help="xuất một bộ tiêu chí ra tệp JSON")
    data_dir_option(exporting)
    exporting.add_argument("name", metavar="TÊN", help="tên bộ tiêu chí")
    exporting.add_argument("file", type=file_path, metavar="TỆP", help="tệp sẽ ghi (.json)")
    exporting.set_defaults(handler=export_template)


def _common(parser: argparse.ArgumentParser) -> None:
    data_dir_option(parser)
    parser.add_argument("--year", type=int, required=True, metavar="NĂM", help="năm của bảng")


def _item_json(view: ItemView) -> dict[str, object]:
    indicator = view.indicator
    return {
        "code": view.item.code,
        "criterion": view.criterion,
        "text": view.item.text,
        "status": view.status,
        "points": view.points,
        "note": view.note,
        "evidence": [
            {
                "sha256": f.sha256,
                "name": f.original_name,
                "caption": f.caption,
                "date": format_vn_date(f.taken_on) or None,
                "size": f.size,
                "lost": is_lost(f),
            }
            for f in view.files
        ],
        "indicators": []
        if indicator is None
        else [
            {
                "key": indicator.key,
                "label": indicator.label,
                "value": indicator.value,
                "threshold": indicator.threshold,
                "met": indicator.met,
                "due": indicator.due,
            }
        ],
    }


def checklist_json(view: ChecklistView) -> dict[str, object]:
    met, total = view.readiness()
    points = view.points()
    return {
        "year": view.year,
        "template": {"name": view.template.name, "source": view.template.source},
        "summary": {
            "met": met,
            "total": total,
            "missing": [m.message for m in view.missing()],
            "points": None if points is None else {"given": points[0], "possible": points[1]},
        },
        "items": [_item_json(v) for v in view.items],
    }


def _points(view: ChecklistView, criterion: str | None = None) -> str:
    """ "; 8,5/15 điểm" given of possible, when the template scores these items; else ""."""
    points = view.scored(criterion)
    if points is None:
        return ""
    return f"; {points_text(points[0])}/{points_text(points[1])} điểm"


def _item_points(view: ItemView) -> str:
    """ "8,5/10 điểm  " (—: not given yet) when the template scores the item; else ""."""
    if view.item.points is None:
        return ""
    given = "—" if view.points is None else points_text(view.points)
    return f"{given}/{points_text(view.item.points)} điểm  "


NOTE_WIDTH = 80
"""The width an item's narrative is wrapped to: an 80-column console, the narrowest usual."""
DETAIL = " " * 8
"""The indent of what ``show`` prints under an item (as its indicator, records and files)."""


def _note_lines(note: str | None) -> list[str]:
    """The item's narrative ("Những việc đã làm", as the app's form names it), each of its
    paragraphs wrapped to :data:`NOTE_WIDTH`, under the label and its first line's indent."""
    label = f"{DETAIL}Những việc đã làm: "
    lines: list[str] = []
    for paragraph in (note or "").splitlines():
        if paragraph.strip():
            lines += textwrap.wrap(
                paragraph,
                NOTE_WIDTH,
                initial_indent=label if not lines else DETAIL + "  ",
                subsequent_indent=DETAIL + "  ",
                break_long_words=False,
                break_on_hyphens=False,
            )
    return lines


NOT_OPENED = (
    "Năm {year} chưa có bảng tự đánh giá “3 chủ động”. Mở bảng ở trang “3 chủ động” (chọn bộ "
    "tiêu chí), hoặc tự đánh giá một mục bằng lệnh doancoso checklist set MÃ --year {year} "
    "--status ĐÁNH_GIÁ (bảng mở theo bộ tiêu chí mặc định)."
)
"""What ``show`` says of a year not opened, as the page says it, instead of an empty table."""


def show_checklist(args: argparse.Namespace, out: TextIO) -> int:
    year = check_year(args.year)
    with open_workspace(args) as ws:
        if ws.recognition.opened(year) is None:
            raise NotFoundError(NOT_OPENED.format(year=year))
        view = ws.recognition.view(year)
    if args.format == "json":
        json.dump(checklist_json(view), out, ensure_ascii=False)
        out.write("\n")
    else:
        print_checklist(view, out)
    return EXIT_OK


def print_checklist(view: ChecklistView, out: TextIO) -> None:
    """The checklist as ``show`` prints it: each criterion, its items with their narrative,
    indicator (in the page's words), records and files, then the readiness and what is
    missing."""
    met, total = view.readiness()
    print(f"Bảng tự đánh giá năm {view.year} — {view.template.name}", file=out)
    for criterion in view.template.criteria:
        points = _points(view, criterion.code)
        readiness = view.met_text(criterion.code) + points
        heading = f"Tiêu chí {criterion.code}. {criterion.title} ({readiness})"
        print(f"\n{heading}", file=out)
        for v in view.criterion_items(criterion.code):
            flag = "  ⚠ mâu thuẫn với số liệu" if v.contradiction else ""
            status = f"[{STATUSES[v.status]}]  {_item_points(v)}"
            print(f"  {v.item.code}  {status}{v.item.text}{flag}", file=out)
            for line in _note_lines(v.note):
                print(line, file=out)
            if v.indicator is not None:
                state = v.indicator.verdict.lower()
                print(
                    f"        Chỉ số: {v.indicator.label}: {v.indicator.text} ({state})", file=out
                )
            for r in v.records:
                print(f"        Hồ sơ: {r.label}: {r.text}", file=out)
            for f in v.files:
                print(f"{DETAIL}{attachment_line(f)}", file=out)
    done = f"Đạt {met}/{total} mục{_points(view)}" if total else view.met_text().capitalize()
    print(f"\n{done}.", file=out)
    missing = view.missing()
    if missing:
        print("Còn thiếu:", file=out)
        for m in missing:
            print(f"  - {m.message}", file=out)


def set_item(args: argparse.Namespace, out: TextIO) -> int:
    raw = {
        name: getattr(args, name)
        for name in ("status", "points", "note")
        if getattr(args, name) is not None
    }
    if not raw:  # it said "Đã cập nhật mục 1.1" and changed nothing
        args.parser.error("cần ít nhất một trong --status, --points, --note")
    with open_workspace(args) as ws:
        ws.recognition.set(args.year, args.code, raw)
    print(f"Đã cập nhật mục {args.code} năm {args.year}.", file=out)
    return EXIT_OK


def attach_file(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        ws.recognition.attach(args.year, args.code, args.file, args.caption)
    name = nfc(args.file.name)  # as stored: a Mac's file names are decomposed
    print(f"Đã đính kèm “{name}” vào mục {args.code} năm {args.year}.", file=out)
    return EXIT_OK


def detach_file(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        count = ws.recognition.detach(args.year, args.code, args.sha256)
    print(f"Đã gỡ {count} tệp minh chứng khỏi mục {args.code} năm {args.year}.", file=out)
    return EXIT_OK


def caption_file(args: argparse.Namespace, out: TextIO) -> int:
    from ..core.evidence.service import files_with_hash

    require_caption(args)
    with open_workspace(args) as ws:
        view = ws.recognition.view(check_year(args.year), with_indicators=False)
        items = [v for v in view.items if v.item.code == args.code]
        if not items:
            codes = [v.item.code for v in view.items]
            message = unknown_item_message(view.template.name, codes, args.code, view.year)
            raise NotFoundError(message)
        named = f"mục {args.code}"
        [file, *_] = files_with_hash(list(items[0].files), args.sha256, named, "checklist")
        save_caption(ws, file, args)
    print(f"Đã lưu chú thích tệp “{file.original_name}” của {named} năm {args.year}.", file=out)
    return EXIT_OK


def list_templates(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        for template in ws.recognition.templates():
            where = f" — {template.province}" if template.province else ""
            source = template.source or "không ghi nguồn"
            print(
                f"{template.name}{where} ({len(template.items)} mục; {source})",
                file=out,
            )
    return EXIT_OK


def import_template(args: argparse.Namespace, out: TextIO) -> int:
    from ..core.recognition.template_sheet import read_template

    template = read_template(args.file)
    with open_workspace(args) as ws:
        ws.recognition.add_template(template)
    print(f"Đã nhập bộ tiêu chí “{template.name}” ({len(template.items)} mục).", file=out)
    return EXIT_OK


def export_template(args: argparse.Namespace, out: TextIO) -> int:
    from ..core.storage.files import written_atomically

    require_suffix(args.file, "Tệp bộ tiêu chí", ".json")
    with open_workspace(args) as ws:
        template = ws.recognition.template(args.name)
    with written_atomically(args.file) as temp:
        temp.write_text(template.text, encoding="utf-8")
    print(f"Đã xuất bộ tiêu chí “{template.name}” ra {args.file}.", file=out)
    return EXIT_OK
