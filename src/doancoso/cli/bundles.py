"""``doancoso bundle export | inspect | import``: the organisation's data on a USB stick (#17).

A password is never taken on the command line (other users of the PC can see it there): it is
the first line of ``--password-file``. ``export`` needs it or ``--no-password`` (a clear bundle,
an explicit choice); its password must pass the export wizard's rule (at least 8 characters, not
a common one: core/bundle/strength.py), a ``--year`` goes with ``--kind report`` only and is
one the wizard offers (core/bundle/service.py's ``check_report_year``), and an existing file
is written over only with ``--overwrite``. A report of a year not finished (its plan not
approved, its rating round not closed; a year with nothing at all) is exported with the export
wizard's notice, in the text and as ``unfinished`` (its lines) in the JSON.
``inspect --format json`` prints ``format``, ``version``, ``kind``,
``organization`` {``id``, ``name``}, ``created_at``, ``app_version``, ``encrypted`` and
``counts`` (rows per table and ``evidence_files``, the number of evidence files; the rows of the
table ``evidence_files`` are under ``evidence_file_rows``), and for a bundle that carries them
``live_counts`` (the same keys, deleted rows left out) and ``member_statuses`` (members not
deleted per status code), and ``dossier``: the built recognition dossier a report bundle
carries (``year``, ``file_name``, ``built_at``, ``size``, ``sha256``) or null, which
``--save-dossier TỆP.pdf`` saves (its hash checked again). The text says the live counts and
the members by status with the biên bản's words, or, for an older bundle, that its counts
include deleted rows. ``import
--format json`` prints ``new``, ``updated``, ``deleted``, ``unchanged`` (counts per table),
``conflicts`` [{``table``, ``id``, ``label``, ``fields`` (each ``name``, ``label``, ``mine``,
``theirs`` and ``changed``: who changed it since the two copies last held the row, ``mine``,
``theirs``, ``both`` or null when not known; a field of columns held together, a person's
``birth_date`` or a plan target's figures ``planned``, has objects of its columns as ``mine`` and
``theirs``: core/bundle/coupled.py), ``automatic`` (every field changed on one side
only: taken without a choice), and ``mine_id`` for two records made apart on the two copies
where the organisation holds one (the plan of a year, a setting: one field, ``record``, the
record as a whole; the one not kept is deleted with what it holds)}], ``notes`` (what the
import decided by itself, in words: core/bundle/uncross.py), ``applied`` and ``matches`` (each
with
``filled``: the fields ours takes from theirs); its counts name the keys as ``inspect`` does
(``evidence_files``: files, new or already in the store; ``evidence_file_rows``: the table's
rows). A refused bundle exits 1 with the message on stderr; an import that meets conflicts
without ``--on-conflict`` applies nothing, lists them, exits 1 (a ``--dry-run`` too).
``--replace-setup`` takes a handover in place of a data folder that holds nothing but its
first-start setup (``doancoso init`` or the window's setup, before the handover came):
``replaced_setup`` in the JSON names that setup.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ..core.bundle.about import ABOUT_LABELS, about_values
from ..core.bundle.crypto import PasswordNeeded
from ..core.bundle.deletions import DELETED_KIND, deletion_choices, deletion_text
from ..core.bundle.labels import (
    AFTER_MERGE_LOST,
    ALL_ROWS_HEADER,
    ALL_ROWS_NOTE,
    EVIDENCE_REPAIRED,
    EVIDENCE_SKIPPED,
    EVIDENCE_TO_REPAIR,
    field_value_text,
    filled_text,
    in_label_order,
    moment_text,
    table_label,
)
from ..core.bundle.manifest import live_counts
from ..core.bundle.outcome import AUTOMATIC_TEXT, CHANGED_TEXT
from ..core.bundle.sync_errors import ForeignBundle
from ..core.bundle.unfinished import unfinished_items, unfinished_lines
from ..core.errors import AppError
from ..core.lang.dates import format_vn_date
from ..core.lang.text import vn_number
from ..core.storage.folder import DATABASE_FILE, os_reason
from .common import (
    EXIT_OK,
    PDF,
    Subparsers,
    data_dir_of,
    data_dir_option,
    file_path,
    format_option,
    open_workspace,
    require_suffix,
)
from .rating_hints import note_as_commands

if TYPE_CHECKING:
    from ..core.backup.store import BackupInfo
    from ..core.bundle.outcome import ImportPlan
    from ..core.bundle.service import BundleInfo  # noqa: F811

NEEDS_PASSWORD = (
    "Gói dữ liệu này được mã hóa: hãy cho tệp chứa mật khẩu (dòng đầu tiên) bằng "
    "--password-file TỆP."
)
APPLIED = "Đã nhập xong gói dữ liệu (đã sao lưu dữ liệu trước khi nhập)."
NOTHING_NEW = "Dữ liệu trong tệp đã có đủ trong thư mục dữ liệu này: không có gì thay đổi."
"""Said of an import that changed nothing, where "Đã nhập xong" would have the secretary look
for what it brought (the import wizard says as much and offers no "Nhập")."""
LIVE_HEADER = "Số bản ghi đang có (không tính đã xóa)"
HANDED_OVER = (
    "Đã nhận bàn giao xong: dữ liệu trong tệp nay là dữ liệu của Đoàn cơ sở trong thư mục dữ "
    "liệu này."
)


def register(subparsers: Subparsers) -> None:
    """Add ``bundle export``, ``bundle inspect`` and ``bundle import``."""
    bundle = subparsers.add_parser("bundle", help="gói dữ liệu chép qua USB (bàn giao, báo cáo)")
    commands = bundle.add_subparsers(dest="bundle_command", required=True, metavar="LỆNH")

    export = commands.add_parser("export", help="xuất gói dữ liệu", allow_abbrev=False)
    data_dir_option(export)
    export.add_argument("file", type=file_path, metavar="TỆP.dcs", help="tệp gói dữ liệu sẽ ghi")
    export.add_argument(
        "--kind",
        choices=("handover", "report"),
        default="handover",
        help="handover: bàn giao toàn bộ; report: báo cáo cấp trên của một năm",
    )
    export.add_argument("--year", type=int, metavar="NĂM", help="năm của gói báo cáo")
    secret = export.add_mutually_exclusive_group(required=True)
    secret.add_argument(
        "--password-file",
        type=file_path,
        metavar="TỆP",
        help="tệp có mật khẩu ở dòng đầu tiên (gói được mã hóa)",
    )
    secret.add_argument(
        "--no-password",
        action="store_true",
        help="không mã hóa (gói chứa dữ liệu cá nhân: chỉ dùng khi chắc chắn)",
    )
    _overwrite_option(export)
    format_option(export, text=True)
    export.set_defaults(handler=export_bundle)

    inspect = commands.add_parser("inspect", help="xem gói dữ liệu chứa gì", allow_abbrev=False)
    data_dir_option(inspect)
    inspect.add_argument("file", type=file_path, metavar="TỆP.dcs", help="tệp gói dữ liệu")
    _password_option(inspect)
    inspect.add_argument(
        "--save-dossier",
        type=file_path,
        metavar="TỆP.pdf",
        help="lưu hồ sơ đề nghị công nhận (PDF) kèm theo gói báo cáo ra tệp này",
    )
    _overwrite_option(inspect)
    format_option(inspect, text=True)
    inspect.set_defaults(handler=inspect_bundle)

    take = commands.add_parser("import", help="nhập gói dữ liệu", allow_abbrev=False)
    data_dir_option(take)
    take.add_argument("file", type=file_path, metavar="TỆP.dcs", help="tệp gói dữ liệu")
    _password_option(take)
    take.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    take.add_argument(
        "--on-conflict",
        choices=("mine", "theirs"),
        help="khi hai nơi cùng sửa một bản ghi: giữ bản của máy này (mine) hay lấy bản trong tệp "
        "(theirs) cho những thông tin cả hai cùng sửa (thông tin chỉ một nơi sửa theo nơi đó); "
        "khi mỗi máy có một bản riêng của kế hoạch, đợt xếp loại, bảng tự đánh giá của một năm "
        "hay của một thiết lập: giữ bản nào (bản kia bị xóa cùng những gì nó chứa)",
    )
    take.add_argument(
        "--merge-organization",
        action="store_true",
        help="sáp nhập dữ liệu của một tổ chức Đoàn khác vào tổ chức này: chi đoàn cùng tên được "
        "gộp; người trùng CCCD, hoặc trùng họ tên và ngày sinh, được ghép làm một (gộp quá trình, "
        "lấy thêm từ tệp những thông tin máy này còn để trống)",
    )
    take.add_argument(
        "--replace-setup",
        action="store_true",
        help="nhận gói bàn giao thay cho phần thiết lập ban đầu khi thư mục dữ liệu mới chỉ có "
        "phần đó (chưa có chi đoàn, đoàn viên hay dữ liệu nào khác): tổ chức trong tệp trở "
        "thành tổ chức của thư mục này, như khi nhận bàn giao vào thư mục trống",
    )
    format_option(take, text=True)
    take.set_defaults(handler=import_bundle)


def _password_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--password-file", type=file_path, metavar="TỆP", help="tệp có mật khẩu ở dòng đầu tiên"
    )


def _overwrite_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--overwrite", action="store_true", help="ghi đè lên tệp đã có")


def refuse_existing(
    path: Path, overwrite: bool, example: str = "ban-giao.dcs", what: str = "Gói dữ liệu"
) -> None:
    """An existing file is written over only with ``--overwrite`` (the GUI asks first); a
    folder, never (its file's name forgotten: ``example`` shows one); a name without
    ``example``'s extension, never either (``what`` names the file): ``bundle export x.txt``
    wrote a bundle the import wizard's "*.dcs" filter does not show."""
    if path.is_dir():
        raise AppError(
            f"“{path}” là một thư mục: hãy ghi cả tên tệp, ví dụ “{path / example}”. Không có "
            "tệp nào được ghi."
        )
    require_suffix(path, what, Path(example).suffix)
    if path.exists() and not overwrite:
        raise AppError(
            f"Đã có tệp “{path}”. Hãy chọn tên khác, hoặc thêm --overwrite để ghi đè lên tệp đó."
        )


def read_password(path: Path | None) -> str | None:
    """The first line of ``path`` (without its line break; a UTF-8 BOM dropped)."""
    if path is None:
        return None
    try:
        with open(path, encoding="utf-8-sig") as handle:
            line = handle.readline()
    except OSError as exc:
        raise AppError(f"Không đọc được tệp mật khẩu “{path}”: {os_reason(exc)}.") from exc
    except UnicodeDecodeError as exc:
        raise AppError(f"Tệp mật khẩu “{path}” không phải văn bản UTF-8.") from exc
    password = line.rstrip("\r\n")
    if not password:
        raise AppError(f"Dòng đầu tiên của tệp mật khẩu “{path}” trống.")
    return password


def _json(value: Any, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False)
    out.write("\n")


def _counts(counts: dict[str, int]) -> str:
    """The kinds of records counted, in the biên bản's order, those with none left off ("" for
    none at all)."""
    shown = [t for t in in_label_order(counts) if counts[t]]
    return ", ".join(f"{table_label(t)} {vn_number(counts[t])}" for t in shown)


def _statuses(member_statuses: dict[str, int]) -> str:
    """Members by status as the biên bản bàn giao and the import wizard list them (the
    statistics page's labels and order, statuses with none left off)."""
    from ..core.statistics.service import status_breakdown

    shown = [(label, n) for label, n in status_breakdown(member_statuses).items() if n]
    return ", ".join(f"{label} {vn_number(n)}" for label, n in shown)


def _conflict_counts(conflicts: list[Any], *, listed: bool = False) -> str:
    """The conflicts counted by what they are, as the import wizard counts them: records
    changed on both copies, deleted on one and changed on the other, made apart on both; in
    the refusal (``listed`` False) "since the last exchange" said of the first."""
    apart = sum(1 for c in conflicts if c.apart)
    deleted = sum(1 for c in conflicts if c.deletion and not c.apart)
    edited = len(conflicts) - apart - deleted
    since = "" if listed else " kể từ lần trao đổi trước"
    kept = "" if listed else " mà chỉ giữ được một"
    said = [f"{vn_number(edited)} bản ghi {'' if listed else 'đã được '}sửa ở cả hai nơi{since}"]
    said = said * bool(edited) + [f"{vn_number(deleted)} {DELETED_KIND}"] * bool(deleted)
    said += [f"{vn_number(apart)} bản ghi mỗi máy có một bản riêng{kept}"] * bool(apart)
    return (", " if listed else " và ").join(said)


def _describe(info: BundleInfo, out: TextIO) -> None:
    for label, value in zip(ABOUT_LABELS, about_values(info), strict=True):
        print(f"{label} {value}", file=out)  # as the import wizard's page on the file says
    live = live_counts(info.manifest)
    if live is not None:
        print(f"{LIVE_HEADER}: {_counts(live.tables) or 'không có'}", file=out)
        if live.member_statuses:
            print(f"Đoàn viên theo tình trạng: {_statuses(live.member_statuses)}", file=out)
    print(f"{ALL_ROWS_HEADER}: {_counts(info.counts) or 'không có'}", file=out)
    if live is None:
        print(ALL_ROWS_NOTE, file=out)
    print(f"Tệp minh chứng: {vn_number(info.evidence_files)}", file=out)
    dossier = info.manifest.dossier
    if dossier is not None:
        print(
            f"Kèm hồ sơ đề nghị công nhận năm {dossier.year} (tạo lúc "
            f"{moment_text(dossier.built_at)}; {dossier.file_name}, {vn_number(dossier.size)} "
            "byte).",
            file=out,
        )
    elif info.kind == "report":
        print("Không kèm hồ sơ đề nghị công nhận (chưa tạo hồ sơ khi xuất gói).", file=out)


def export_bundle(args: argparse.Namespace, out: TextIO) -> int:
    password = None if args.no_password else read_password(args.password_file)
    refuse_existing(args.file, args.overwrite)
    with open_workspace(args) as ws:
        result = ws.bundles.export(args.file, kind=args.kind, year=args.year, password=password)
        unfinished = [] if args.kind != "report" else unfinished_lines(ws, args.year)
    if args.format == "json":
        _json(
            {
                "file": str(result.path),
                "sha256": result.sha256,
                "size": result.size,
                **result.info.to_json(),
                "unfinished": unfinished,
            },
            out,
        )
        return EXIT_OK
    print(
        f"Đã ghi và đọc lại kiểm tra gói dữ liệu “{result.path}” ({vn_number(result.size)} byte).",
        file=out,
    )
    _describe(result.info, out)
    print(f"SHA-256 của tệp: {result.sha256}", file=out)
    if password is None:
        print(
            "Lưu ý: gói không mã hóa, ai có tệp cũng đọc được dữ liệu cá nhân trong đó.", file=out
        )
    if unfinished:  # as the export wizard's notice: said, and exported all the same
        print(
            f"Lưu ý: dữ liệu năm {args.year} chưa hoàn tất:\n{unfinished_items(unfinished)}\n"
            "Cấp trên sẽ nhận dữ liệu như hiện có.",
            file=out,
        )
    return EXIT_OK


def _needs_password(exc: PasswordNeeded) -> AppError:
    return AppError(NEEDS_PASSWORD, exc.details)


def inspect_bundle(args: argparse.Namespace, out: TextIO) -> int:
    """What the bundle is, and the SHA-256 of the file (as the biên bản bàn giao prints it, to
    compare), both from one reading of it."""
    from ..core.bundle.container import hold_bundle, save_dossier
    from ..core.bundle.service import BundleInfo

    password = read_password(args.password_file)
    if args.save_dossier is not None:
        refuse_existing(args.save_dossier, args.overwrite, "ho-so.pdf", PDF)
    try:  # the bundle alone: no data folder is opened, nothing created
        held = hold_bundle(args.file, password)
    except PasswordNeeded as exc:
        raise _needs_password(exc) from exc
    try:
        if args.save_dossier is not None:  # from what was held: its hash checked again
            save_dossier(held, None, args.save_dossier)
    finally:
        held.release()
    info = BundleInfo.of(held.manifest)
    if args.format == "json":
        _json({**info.to_json(), "sha256": held.sha256}, out)
    else:
        _describe(info, out)
        print(f"SHA-256 của tệp: {held.sha256}", file=out)
        if args.save_dossier is not None:
            print(f"Đã lưu hồ sơ đề nghị công nhận kèm theo vào “{args.save_dossier}”.", file=out)
        elif info.manifest.dossier is not None:
            print("Để lưu hồ sơ kèm theo ra tệp PDF: thêm --save-dossier TỆP.pdf.", file=out)
    return EXIT_OK


_MATCH_REASONS = {
    "cccd": "trùng CCCD",
    "member_code": "trùng mã định danh",
    "name_birth": "trùng họ tên và ngày sinh",
}
"""Why a person of the file is one of ours (sáp nhập), as the dry run says it."""


def _show_plan(result: ImportPlan, out: TextIO, dry_run: bool) -> None:
    verb = "Sẽ" if not result.applied else "Đã"
    if added := _counts(result.new):  # a count of none is not said, as in the import wizard
        print(f"{verb} thêm: {added}", file=out)
    if result.merge_events:
        print(
            f"{verb} ghi thêm sự kiện “Sáp nhập tổ chức Đoàn” vào quá trình sinh hoạt của "
            f"{vn_number(result.merge_events)} đoàn viên (không tính trong số trên).",
            file=out,
        )
    for said, counts in ((f"{verb} cập nhật", result.updated), (f"{verb} xóa", result.deleted),
                         ("Không đổi", result.unchanged)):  # fmt: skip
        if shown := _counts(counts):
            print(f"{said}: {shown}", file=out)
    for match in result.matches:
        reason = _MATCH_REASONS.get(match.reason, match.reason)
        taken = f"; lấy thêm từ tệp: {filled_text(match.filled)}" if match.filled else ""
        born = (
            match.theirs.birth_text()
            if match.theirs
            else format_vn_date(date.fromisoformat(match.birth_date))
        )
        print(f"Cùng một người: {match.full_name} ({born}), {reason}{taken}", file=out)
    from ..core.bundle.orgmerge import branch_text, year_text

    for branch in result.branches:
        print(branch_text(branch), file=out)
    if result.years:
        for year in result.years:
            print(note_as_commands(year_text(year, result.organization.get("name", ""))), file=out)
    if result.conflicts:
        print(f"Xung đột ({_conflict_counts(result.conflicts, listed=True)}):", file=out)
        for conflict in result.conflicts:
            if conflict.deletion and not conflict.apart:  # said in words, as the wizard does
                said = deletion_text(conflict, values=True).removesuffix(".")
                print(f"  - {said} ({deletion_choices(conflict)}).", file=out)
                continue
            names = conflict.names
            fields = "; ".join(
                f"{f.label}: máy này “{field_value_text(conflict.table, f.name, f.mine, names)}”, "
                f"trong tệp “{field_value_text(conflict.table, f.name, f.theirs, names)}”"
                + (f" ({CHANGED_TEXT[f.changed]})" if f.changed else "")
                for f in conflict.fields
            )
            label = conflict.label + (f" ({AUTOMATIC_TEXT})" if conflict.automatic else "")
            if conflict.apart:  # the two records described in words, never quoted as values
                label += " (mỗi máy một bản riêng, chỉ giữ được một)"
                (record,) = conflict.fields
                fields = f"máy này: {record.mine}; trong tệp: {record.theirs}"
            print(f"  - {label}: {fields}", file=out)
    for note in result.notes:
        print(note_as_commands(note), file=out)
    if dry_run:
        if result.evidence_repaired:
            print(f"{EVIDENCE_TO_REPAIR}: {vn_number(result.evidence_repaired)} tệp", file=out)
        print("Chạy thử: chưa ghi gì vào dữ liệu.", file=out)
    elif result.applied:
        if result.evidence_new:
            print(f"Tệp minh chứng chép vào máy: {vn_number(result.evidence_new)} tệp", file=out)
        if result.evidence_skipped:
            print(f"{EVIDENCE_SKIPPED}: {vn_number(result.evidence_skipped)} tệp", file=out)
        if result.evidence_repaired:
            print(f"{EVIDENCE_REPAIRED}: {vn_number(result.evidence_repaired)} tệp", file=out)
        said = APPLIED if result.changes_anything() else NOTHING_NEW
        print(HANDED_OVER if result.handover else said, file=out)


def import_bundle(args: argparse.Namespace, out: TextIO) -> int:
    password = read_password(args.password_file)
    data_dir = data_dir_of(args)
    fresh = not (data_dir / DATABASE_FILE).exists()
    before = _entries(data_dir)
    applied = False
    try:
        with open_workspace(args, create=True) as ws:
            try:
                result = ws.bundles.run_import(
                    args.file,
                    password,
                    dry_run=args.dry_run,
                    on_conflict=args.on_conflict,
                    merge_organization=args.merge_organization,
                    replace_setup=args.replace_setup,
                )
            except PasswordNeeded as exc:
                raise _needs_password(exc) from exc
            except ForeignBundle as exc:
                raise AppError(exc.for_command_line()) from exc
            applied = result.applied
    finally:
        if fresh and not applied:
            _remove_made(data_dir, before)
    if args.format == "json":
        _json(import_json(result), out)
    else:
        _show_plan(result, out, args.dry_run)
        if result.applied and result.merged_organization and result.backup is not None:
            print(merge_undo_text(result.backup, data_dir), file=out)
    if result.unresolved:  # a dry run too: the import it previews would stop there
        what = "khi nhập thật sẽ chưa nhập gì" if args.dry_run else "chưa nhập gì"
        raise AppError(
            f"Có {_conflict_counts(result.unresolved)}: {what}. Hãy chạy lại với --on-conflict "
            "mine (giữ bản của máy này) hoặc --on-conflict theirs (lấy bản trong tệp)."
        )
    return EXIT_OK


def merge_undo_text(backup: BackupInfo, data_dir: Path) -> str:
    """How to go back if the sáp nhập was a mistake: the backup taken before it, and the
    command restoring it."""
    from ..core.backup.store import restore_command

    when = f"{backup.taken_at:%H:%M} ngày {backup.taken_at:%d/%m/%Y}"
    return (
        f"Nếu sáp nhập nhầm: dữ liệu trước khi sáp nhập đã được sao lưu lúc {when} vào "
        f"“{backup.path}”. Để quay lại như trước khi sáp nhập, chạy lệnh: "
        f"{restore_command(backup, data_dir)} (hoặc trong ứng dụng: Tệp → Sao lưu và khôi "
        f"phục…). {AFTER_MERGE_LOST}"
    )


def _entries(data_dir: Path) -> set[str] | None:
    """The names in a data folder with no data yet (None: no such folder)."""
    try:
        return {entry.name for entry in data_dir.iterdir()}
    except FileNotFoundError:
        return None
    except OSError:
        return set()  # not a folder, or unreadable: the opening says why


def _remove_made(data_dir: Path, before: set[str] | None) -> None:
    """Take away what an import into a folder with no data made there (its database, the
    reader's temporary folder...) when it applied nothing: a dry run, a refused bundle, a
    wrong password leave the folder as they found it. Only what was not there before."""
    import shutil

    if before is None:
        shutil.rmtree(data_dir, ignore_errors=True)
        return
    for entry in _entries(data_dir) or set():
        if entry not in before:
            path = data_dir / entry
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)


def import_json(result: ImportPlan) -> dict[str, Any]:
    """``import --format json``: counts per table as ``inspect`` prints them, ``evidence_files``
    meaning evidence *files* there too (the rows of the table ``evidence_files`` under
    ``evidence_file_rows``): in ``new`` the files copied (or, not applied, to copy) into the
    store, in ``unchanged`` those it held already."""
    from ..core.bundle.manifest import EVIDENCE_ROWS_KEY

    shown = result.to_json()
    for key in ("new", "updated", "deleted", "unchanged"):
        shown[key] = {
            EVIDENCE_ROWS_KEY if table == "evidence_files" else table: rows
            for table, rows in shown[key].items()
        }
    shown["new"]["evidence_files"] = result.evidence_new
    shown["unchanged"]["evidence_files"] = result.evidence_present
    shown["notes"] = [note_as_commands(note) for note in shown["notes"]]
    return shown
