"""``doancoso members import`` and ``doancoso members export``: the roster to and from Excel/CSV;
with ``--youth``, the local youth register.

Registered under ``members`` by :mod:`doancoso.cli.members`; like every handler, these return
the exit code and let :class:`AppError` reach :func:`doancoso.cli.main.run` (exit 1).
"""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, TextIO

from ..core.errors import AppError
from ..core.lang.text import vn_number
from .common import (
    EXIT_ERROR,
    EXIT_OK,
    Subparsers,
    data_dir_option,
    file_path,
    format_option,
    open_workspace,
)
from .filters import (
    add_member_filter_options,
    member_filter,
)
from .rejected_rows import (
    Rejections,
    import_stopped,
    refusal,
    rejected_saved,
    rejected_target,
    skip_rejected_option,
    skipped_text,
)
from .youth_filters import (
    add_youth_filter_options,
    refuse_youth_filters_for_members,
    youth_filter,
)

if TYPE_CHECKING:  # the spreadsheet code loads when a command runs, not with the parser
    from ..core.roster.spreadsheets import ImportPreview


def register(members_sub: Subparsers) -> None:
    """Add ``import`` and ``export`` under ``members``."""
    importing = members_sub.add_parser(
        "import", help="nhập đoàn viên từ tệp Excel (.xlsx, .xls) hoặc CSV"
    )
    data_dir_option(importing)
    importing.add_argument("file", type=file_path, metavar="TỆP", help="tệp .xlsx, .xls hoặc .csv")
    importing.add_argument(
        "--sheet",
        metavar="TRANG_TÍNH",
        help="tên trang tính (mặc định: trang đầu tiên có dòng tiêu đề)",
    )
    importing.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    importing.add_argument(
        "--youth",
        action="store_true",
        help="nhập vào danh sách thanh niên địa phương (sổ theo dõi) thay vì danh sách đoàn viên",
    )
    skip_rejected_option(importing)
    importing.add_argument(
        "--rejected",
        type=file_path,
        metavar="TỆP_LOẠI",
        help="lưu các dòng bị loại vào tệp .xlsx này, đủ các cột như tệp gốc và thêm cột “Lý "
        "do”, để sửa trong Excel rồi nhập lại (như nút “Lưu các dòng bị loại…” của ứng dụng; "
        "cả khi chạy thử); không có dòng nào bị loại thì xóa tệp các dòng bị loại của lần "
        "nhập trước ở đó",
    )
    format_option(importing)
    importing.set_defaults(handler=members_import)

    exporting = members_sub.add_parser(
        "export", help="xuất danh sách đoàn viên ra tệp .xlsx hoặc .csv"
    )
    data_dir_option(exporting)
    exporting.add_argument("file", type=file_path, metavar="TỆP", help="tệp .xlsx hoặc .csv sẽ ghi")
    add_member_filter_options(exporting, "xuất")
    exporting.add_argument(
        "--youth", action="store_true", help="xuất danh sách thanh niên địa phương (sổ theo dõi)"
    )
    add_youth_filter_options(exporting, "xuất")
    exporting.add_argument(
        "--layout",
        choices=("danh-sach", "mau-dsdv"),
        default="danh-sach",
        help="cách trình bày: danh-sach (mặc định) hoặc mau-dsdv (mẫu danh sách đoàn viên của "
        "Đoàn: trang DSDV và DATA, chỉ tệp .xlsx)",
    )
    exporting.set_defaults(handler=members_export)


def _heading_target(preview: ImportPreview) -> str:
    """The field a group heading gives the rows of ``preview``: a member's chi đoàn, a young
    person's hamlet (:mod:`doancoso.core.roster.spreadsheets.groups`)."""
    return "hamlet" if preview.kind == "youth" else "branch"


def _from_headings_text(preview: ImportPreview, labels: Mapping[str, str]) -> str:
    """The import wizard's line on the rows given their group heading's chi đoàn (hamlet),
    the field named by its label in ``labels`` as the wizard names it."""
    from ..core.roster.spreadsheets.groups import from_headings_text
    from ..core.roster.spreadsheets.headers import field_in_sentence

    target = _heading_target(preview)
    who = "thanh niên" if preview.kind == "youth" else "đoàn viên"
    return from_headings_text(preview.from_headings(target), who, field_in_sentence(target, labels))


def _labels(preview: ImportPreview) -> Mapping[str, str]:
    """The labels of the fields of ``preview``'s import, as the wizard names them."""
    from ..core.roster.spreadsheets import IMPORT_FIELDS
    from ..core.youth.sheet_rows import YOUTH_IMPORT_FIELDS

    return YOUTH_IMPORT_FIELDS if preview.kind == "youth" else IMPORT_FIELDS


def _report(preview: ImportPreview, out: TextIO) -> None:
    from ..core.roster.spreadsheets import (
        ERROR,
        NEW,
        REJECTED,
        UNCHANGED,
        UPDATE,
        column_letter,
    )
    from ..core.roster.spreadsheets.left_out import left_out_text

    labels = _labels(preview)
    # A CSV has no sheets (its "sheet" is the file's own name): the file said, nothing more.
    sheet = "" if preview.path.suffix.lower() == ".csv" else f", trang tính “{preview.sheet}”"
    print(f"Tệp {preview.path.name}{sheet}, dòng tiêu đề {preview.header_row}.", file=out)
    columns = []
    for target, col in sorted(preview.mapping.items(), key=lambda item: item[1]):
        header = preview.headers[col] if col < len(preview.headers) else ""
        columns.append(f"{column_letter(col)} “{header}” → {labels.get(target, target)}")
    print("Cột nhận ra: " + "; ".join(columns) + ".", file=out)
    if preview.legacy_cells:
        names = {"tcvn3": "TCVN3", "vni": "VNI"}
        done = ", ".join(
            f"{vn_number(n)} ô {names.get(k, k)}" for k, n in preview.legacy_cells.items()
        )
        print(f"Đã chuyển chữ từ bảng mã cũ sang Unicode: {done}.", file=out)
    for row in preview.rows:
        for problem in row.problems:
            mark = " [bị loại]" if problem.severity == ERROR else ""
            print(f"Dòng {row.row}{mark}: {problem.message}", file=out)
        if row.action == UPDATE:
            fields = ", ".join(labels.get(f, f) for f in row.changed)
            print(f"Dòng {row.row}: cập nhật {row.values.get('full_name')} ({fields}).", file=out)
    for number, reason in preview.skipped:
        print(f"Dòng {number}: bỏ qua ({reason}).", file=out)
    headed = _from_headings_text(preview, labels)
    if headed:
        print(headed, file=out)
    for warning in preview.warnings:
        print(warning, file=out)
    if preview.new_branches:
        print(f"Sẽ tạo chi đoàn mới: {', '.join(preview.new_branches)}.", file=out)
    left_out = left_out_text(preview, labels)
    if left_out:
        print(left_out, file=out)
    print(
        f"Mới: {vn_number(preview.count(NEW))}, cập nhật: {vn_number(preview.count(UPDATE))}, "
        f"không đổi: {vn_number(preview.count(UNCHANGED))}, "
        f"bị loại: {vn_number(preview.count(REJECTED))}.",
        file=out,
    )


def _left_out(preview: ImportPreview) -> list[dict[str, object]]:
    """The JSON ``left_out``: each value a row gave and the import leaves out, as the report's
    line on them names it (:func:`~doancoso.core.roster.spreadsheets.left_out.left_out_text`)."""
    from ..core.roster.spreadsheets.left_out import left_out_values

    return [
        {"row": v.row, "field": v.field, "column": v.column, "header": v.header}
        for v in left_out_values(preview, _labels(preview))
    ]


def _rejections(preview: ImportPreview) -> Rejections:
    """(row, reason) of every row ``preview`` rejects, in the file's order: the problems that
    reject it (its other ones, only warnings, where none is marked so)."""
    from ..core.roster.spreadsheets import ERROR, REJECTED

    found: Rejections = []
    for row in preview.rows:
        if row.action != REJECTED:
            continue
        errors = [p.message for p in row.problems if p.severity == ERROR]
        messages = errors or [p.message for p in row.problems] or ["Dòng không nhập được."]
        found += [(row.row, message) for message in messages]
    return found


def members_import(args: argparse.Namespace, out: TextIO) -> int:
    """``members import``: the roster, or with ``--youth`` the youth register, from a file; the
    same report and JSON keys for both. A file with rejected rows imports nothing and exits 1
    (an import is all or nothing), unless ``--skip-rejected`` chose to import the other rows,
    as the import wizard's "Nhập" does after its preview. ``--rejected`` writes the rejected
    rows with their reasons as the wizard's "Lưu các dòng bị loại…" does, before the import:
    a file that cannot be written stops it, nothing imported."""
    from ..core.roster.spreadsheets import NEW, REJECTED, UNCHANGED, UPDATE
    from ..core.roster.spreadsheets.rejected import remove_stale

    youth = bool(getattr(args, "youth", False))
    where = "sổ theo dõi thanh niên" if youth else "danh sách đoàn viên"
    target = rejected_target(args)
    with open_workspace(args) as ws:
        importer = ws.youth_import if youth else ws.spreadsheets
        preview = importer.preview_import(args.file, sheet=args.sheet)
        rejections = _rejections(preview)
        stopped = import_stopped(rejections, args)
        usable = 0 if stopped else len(preview.rows) - preview.count(REJECTED)
        applying = bool(usable) and not args.dry_run
        saved, removed = 0, False
        if target is not None and preview.count(REJECTED):
            # Said as imported when it will be (the rows they repeat: "đã được nhập").
            saved = importer.save_rejected(preview, target, imported=applying)
        elif target is not None:  # an earlier run's rows, not rejected now
            removed = remove_stale(target)
        if applying:
            try:
                importer.apply_import(preview)
            except BaseException:
                if saved and target is not None:  # not imported after all: the reasons say so
                    with contextlib.suppress(AppError):
                        importer.save_rejected(preview, target, imported=False)
                raise
    if args.format == "json":
        report = {
            "new": preview.count(NEW),
            "updated": preview.count(UPDATE),
            "unchanged": preview.count(UNCHANGED),
            "rejected": preview.count(REJECTED),
            "problems": [{"row": row, "reason": reason} for row, reason in preview.problems],
            "new_branches": list(preview.new_branches),
            "from_headings": preview.from_headings(_heading_target(preview)),
            "warnings": list(preview.warnings),
            "left_out": _left_out(preview),
            "applied": applying,
        }
        if target is not None:
            report["rejected_file"] = str(target) if saved else None
            report["rejected_file_removed"] = removed
        json.dump(report, out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        _report(preview, out)
        if applying and not preview.count(NEW) + preview.count(UPDATE):
            print(f"Không có gì thay đổi: mọi dòng đã có trong {where}{skipped_text(rejections)}.",
                  file=out)  # fmt: skip
        elif applying:
            print(f"Đã nhập vào {where}{skipped_text(rejections)}.", file=out)
        elif usable:
            print("Chạy thử: chưa ghi gì.", file=out)
        elif not stopped:
            print("Không có dòng nào nhập được.", file=out)
        if target is not None:
            print(rejected_saved(saved, target, applying, removed), file=out)
    if stopped:  # after the report, which says what each row would have been
        raise refusal(rejections)
    return EXIT_OK if usable else EXIT_ERROR


def members_export(args: argparse.Namespace, out: TextIO) -> int:
    if getattr(args, "youth", False):
        if args.layout != "danh-sach":
            raise AppError("Danh sách thanh niên không có mẫu DSDV: bỏ --layout khi dùng --youth.")
        with open_workspace(args) as ws:
            count = ws.spreadsheets.export_youth(args.file, youth_filter(ws, args))
        print(f"Đã xuất {vn_number(count)} thanh niên ra {args.file}.", file=out)
        return EXIT_OK
    refuse_youth_filters_for_members(args, "xuất")
    with open_workspace(args) as ws:
        if args.layout == "mau-dsdv":
            result = ws.spreadsheets.export_template(args.file, member_filter(ws, args))
            print(result.message(args.file), file=out)
            return EXIT_OK
        count = ws.spreadsheets.export_members(args.file, member_filter(ws, args), args.layout)
    print(f"Đã xuất {vn_number(count)} đoàn viên ra {args.file}.", file=out)
    return EXIT_OK
