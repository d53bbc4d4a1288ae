"""``doancoso rating export|import|print``: the round's Excel sheet out and back, and its
printed documents (phiếu tự đánh giá, tổng hợp, quyết định).

Registered under ``rating`` by :mod:`.rating`; the sheet and PDF code load only when these
commands run. ``import --format json`` prints ``year``, ``sheet``, ``changed`` (each member
whose values change: ``row``, ``member_id``, ``full_name``, ``who`` and ``changes``, by field —
``sick_months``, ``dues_unpaid``, ``self``, ``proposed``, ``proposed_remark`` — its ``before``
and ``after``), ``refused`` (``row``, ``full_name``, ``who``, ``reason``), ``unchanged`` and
``applied``; it exits 1 when no row could be taken. ``who`` names the member as the text report
does: a namesake of another member of the round with their chi đoàn (and birth year), the
others by name alone. A sheet with a refused row writes nothing and exits 1, unless
``--skip-rejected`` takes the other rows (:mod:`.rejected_rows`, as ``members import``);
``--rejected FILE`` saves the refused rows with their reasons as ``members import`` does (JSON:
``rejected_file`` and ``rejected_file_removed`` too).

``print`` numbers the summary (BC) and the decision (QĐ) as the app's print dialog does
(:mod:`.numbers`): ``--number``, else the organisation's decision's own number when it was
issued, else the one after the last used for the code, from the memory the app shares; the
number printed is remembered and said on the last line.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING, TextIO

from ..core.document_memory import DocumentMemory
from ..core.lang.dates import format_vn_date
from ..core.lang.text import vn_number
from .common import (
    EXIT_ERROR,
    EXIT_OK,
    PDF,
    Subparsers,
    data_dir_option,
    date_option,
    file_path,
    format_option,
    one_line,
    open_workspace,
    require_suffix,
)
from .numbers import NO_NUMBER_YET, NUMBER_HELP, ChosenNumber, choose_number, keep_number
from .rejected_rows import (
    Rejections,
    import_stopped,
    refusal,
    rejected_saved,
    rejected_target,
    skip_rejected_option,
    skipped_text,
)

if TYPE_CHECKING:
    from ..core.rating.sheet import SheetPreview

DOCUMENTS = ("phieu", "tong-hop", "quyet-dinh")
JSON_FIELDS = {"self_level": "self", "proposed_level": "proposed",
               "proposed_remark": "proposed_remark", "sick_months": "sick_months",
               "dues_unpaid": "dues_unpaid"}  # fmt: skip


def register(sub: Subparsers) -> None:
    """Add ``export``, ``import`` and ``print`` under ``rating``."""
    exporting = sub.add_parser("export", help="xuất bảng xếp loại ra tệp .xlsx (gửi chi đoàn)")
    data_dir_option(exporting)
    exporting.add_argument("--year", type=int, required=True, metavar="NĂM", help="năm xếp loại")
    exporting.add_argument("file", type=file_path, metavar="TỆP", help="tệp .xlsx sẽ ghi")
    exporting.add_argument("--branch", metavar="TÊN", help="chỉ một chi đoàn (tên chi đoàn)")
    exporting.set_defaults(handler=rating_export)

    importing = sub.add_parser(
        "import", help="nhập đề nghị, nhận xét của chi đoàn từ bảng xếp loại đã điền"
    )
    data_dir_option(importing)
    importing.add_argument("--year", type=int, required=True, metavar="NĂM", help="năm xếp loại")
    importing.add_argument("file", type=file_path, metavar="TỆP", help="tệp .xlsx đã điền")
    importing.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    skip_rejected_option(importing)
    importing.add_argument(
        "--rejected",
        type=file_path,
        metavar="TỆP_LOẠI",
        help="lưu các dòng bị loại vào tệp .xlsx này, đủ các cột như tệp gốc và thêm cột “Lý "
        "do”, để sửa trong Excel rồi nhập lại (cả khi chạy thử); không có dòng nào bị loại thì "
        "xóa tệp các dòng bị loại của lần nhập trước ở đó",
    )
    format_option(importing)
    importing.set_defaults(handler=rating_import)

    printing = sub.add_parser("print", help="in phiếu tự đánh giá, bản tổng hợp hoặc quyết định")
    data_dir_option(printing)
    printing.add_argument("--year", type=int, required=True, metavar="NĂM", help="năm xếp loại")
    printing.add_argument(
        "-o", "--output", type=file_path, required=True, metavar="TỆP", help="tệp PDF cần ghi"
    )
    printing.add_argument(
        "--document",
        choices=DOCUMENTS,
        required=True,
        help="phieu: phiếu tự đánh giá (mỗi đoàn viên một trang); tong-hop: tổng hợp kết quả "
        "theo chi đoàn; quyet-dinh: quyết định công nhận kết quả, kèm danh sách (khi đợt xếp "
        "loại đã kết thúc)",
    )
    printing.add_argument("--branch", metavar="TÊN", help="chỉ một chi đoàn (tên chi đoàn)")
    printing.add_argument(
        "--blank", action="store_true", help="phiếu để trống phần tự đánh giá (chỉ với phieu)"
    )
    printing.add_argument(
        "--number",
        metavar="SỐ",
        help=NUMBER_HELP.format(example="12-BC/ĐTN, 15-QĐ/ĐTN")
        + "; quyết định của cả đơn vị in kèm số được ghi lại (số và ngày) cho hồ sơ, lần in sau "
        "không có --number in lại đúng số và ngày đó",
    )
    printing.add_argument(
        "--place",
        metavar="ĐỊA_DANH",
        help="địa danh ghi trước ngày tháng (mặc định: xã/phường của đơn vị)",
    )
    printing.add_argument("--date", metavar="dd/mm/yyyy", help="ngày ban hành (mặc định: hôm nay)")
    printing.set_defaults(handler=rating_print, parser=printing)


def rating_export(args: argparse.Namespace, out: TextIO) -> int:
    from .rating import branch_id, require_round

    with open_workspace(args) as ws:
        require_round(ws, args.year)  # as the page's "Xuất Excel…" waits for the round
        count = ws.rating_sheets.export(args.file, args.year, branch_id(ws, args.branch))
    print(f"Đã xuất {vn_number(count)} đoàn viên ra {args.file}.", file=out)
    return EXIT_OK


def _report(preview: SheetPreview, out: TextIO) -> None:
    print(f"Tệp {preview.path.name}, trang tính “{preview.sheet}”.", file=out)
    for change in preview.changes:
        what = "; ".join(one_line(c.text()) for c in change.changes)
        print(f"Dòng {change.row}: {change.who or change.full_name} — {what}.", file=out)
    for row, reason in _rejections(preview):
        print(f"Dòng {row} [bị loại]: {reason}", file=out)
    print(
        f"Thay đổi: {vn_number(len(preview.changes))} đoàn viên, không đổi: "
        f"{vn_number(preview.unchanged)}, bị loại: {vn_number(len(preview.refused))}.",
        file=out,
    )


def _rejections(preview: SheetPreview) -> Rejections:
    """(row, reason) of each refused row, the reason after the member it names (a namesake with
    their chi đoàn, as the app's confirmation names them)."""
    found: Rejections = []
    for refused in preview.refused:
        name = refused.who or refused.full_name
        found.append((refused.row, f"{name} — {refused.reason}" if name else refused.reason))
    return found


def _json(preview: SheetPreview, applied: bool) -> dict[str, object]:
    return {
        "year": preview.year,
        "sheet": preview.sheet,
        "changed": [
            {
                "row": c.row,
                "member_id": c.member_id,
                "full_name": c.full_name,
                "who": c.who or c.full_name,
                "changes": {
                    JSON_FIELDS[f.field]: {"before": f.before, "after": f.after} for f in c.changes
                },
            }
            for c in preview.changes
        ],
        "refused": [
            {
                "row": r.row,
                "full_name": r.full_name,
                "who": r.who or r.full_name,
                "reason": r.reason,
            }
            for r in preview.refused
        ],
        "unchanged": preview.unchanged,
        "applied": applied,
    }


def _verdict(preview: SheetPreview, applied: bool, skipped: str) -> str:
    """The last line of an import that was not stopped: what it did (``skipped``: the rows
    ``--skip-rejected`` left out, :func:`.rejected_rows.skipped_text`)."""
    if applied:
        return f"Đã nhập vào đợt xếp loại năm {preview.year}{skipped}."
    if preview.changes:
        return "Chạy thử: chưa ghi gì."
    if preview.usable:
        return f"Không có gì thay đổi{skipped}."
    return "Không có dòng nào nhập được."


def rating_import(args: argparse.Namespace, out: TextIO) -> int:
    """A sheet with refused rows writes nothing and exits 1 (an import is all or nothing),
    unless ``--skip-rejected`` chose to take the other rows (:mod:`.rejected_rows`).
    ``--rejected`` writes the refused rows with their reasons as ``members import`` does,
    before the import: a file that cannot be written stops it, nothing imported."""
    from ..core.roster.spreadsheets.rejected import remove_stale
    from .rating import require_round

    target = rejected_target(args)
    with open_workspace(args) as ws:
        require_round(ws, args.year)  # the dry run too: the import that follows is refused
        preview = ws.rating_sheets.preview(args.file, args.year)
        rejections = _rejections(preview)
        stopped = import_stopped(rejections, args)
        saved, removed = 0, False
        if target is not None and preview.refused:
            saved = ws.rating_sheets.save_rejected(preview, target)
        elif target is not None:  # an earlier run's rows, not refused now
            removed = remove_stale(target)
        applied = False
        if preview.changes and not stopped and not args.dry_run:
            ws.rating_sheets.apply(preview)
            applied = True
    if args.format == "json":
        report = _json(preview, applied)
        if target is not None:
            report["rejected_file"] = str(target) if saved else None
            report["rejected_file_removed"] = removed
        json.dump(report, out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        _report(preview, out)
        if not stopped:  # else said on stderr, after the report that says what each row would do
            print(_verdict(preview, applied, skipped_text(rejections)), file=out)
        if target is not None:
            print(rejected_saved(saved, target, applied, removed), file=out)
    if stopped:
        raise refusal(rejections)
    return EXIT_OK if preview.usable else EXIT_ERROR


NUMBERED_KINDS = {
    "tong-hop": ("bản tổng hợp", "báo cáo"),
    "quyet-dinh": ("quyết định", "quyết định"),
}
"""The documents of ``rating print`` that take a number: how they are named, their kind."""


def _number_said(chosen: ChosenNumber, document: str, code: str) -> str:
    """What is said of the number ``document`` was printed with: a blank one, none of its kind
    used yet, is said of that document (its number is not the decision's, which may have one)."""
    if chosen.said != NO_NUMBER_YET:
        return chosen.said
    name, kind = NUMBERED_KINDS[document]
    return (
        f"Số văn bản của {name} để trống, ghi bằng tay: chưa có số {kind} ({code}) nào đã dùng "
        "(--number để ghi số; các lần in sau sẽ tiếp theo số đó)."
    )


def rating_print(args: argparse.Namespace, out: TextIO) -> int:
    from .rating import branch_id

    document = args.document
    if args.blank and document != "phieu":
        args.parser.error("--blank chỉ dùng với --document phieu")
    given = [f"--{o}" for o in ("number", "place", "date") if getattr(args, o) is not None]
    if given and document == "phieu":
        args.parser.error(f"phiếu tự đánh giá không có {', '.join(given)}")
    require_suffix(args.output, PDF, ".pdf")
    issued_on = date_option(args.date)
    said = ""
    with open_workspace(args) as ws:
        branch = branch_id(ws, args.branch)
        if document == "phieu":
            from ..reports.rating_forms import form_members, print_forms

            path = print_forms(ws, args.output, args.year, branch, blank=args.blank)
            count = len(form_members(ws, args.year, branch))  # not those who left in the year
            what = f"phiếu tự đánh giá của {vn_number(count)} đoàn viên"
        else:
            from ..reports.rating import print_decision, print_summary

            write = print_summary if document == "tong-hop" else print_decision
            issued = document == "quyet-dinh" and branch is None  # the organisation's decision
            known = ws.rating.decision(args.year) if issued else None
            if known is not None and args.number is None:  # printed again: as it was issued
                issued_on = issued_on or known.issued_on
            day = issued_on or date.today()
            code = "BC" if document == "tong-hop" else "QĐ"  # as the app's print dialogs
            memory = DocumentMemory(ws.data_dir)
            chosen = choose_number(memory, code, args.number, day.year,
                                   known.number if known else None,
                                   "số của quyết định đã ban hành")  # fmt: skip
            path = write(ws, args.output, args.year, branch, issued_on=issued_on,
                         number=chosen.number, place=args.place)  # fmt: skip
            keep_number(memory, code, chosen, day.year)
            said = _number_said(chosen, document, code)
            what = (
                f"bản tổng hợp kết quả xếp loại năm {args.year}"
                if document == "tong-hop"
                else f"quyết định công nhận kết quả xếp loại năm {args.year}"
            )
            if issued and chosen.number and (args.number is not None or known is None):
                decision = ws.rating.record_decision(args.year, chosen.number, day)
                what += (
                    f" (số {decision.number} ngày {format_vn_date(decision.issued_on)}, "
                    "đã ghi lại cho hồ sơ)"
                )
    print(f"Đã in {what} ra tệp {path}.", file=out)
    if said:
        print(said, file=out)
    return EXIT_OK
