"""``doancoso backup | backups | check | restore | restore-evidence``: keeping the data safe
from the command line.

``backup`` takes a checked backup (``--to FOLDER``: onto a USB stick); ``backups`` lists them;
``check`` backs up, then verifies the data (exit 0 when nothing is wrong, 1 when it found a
problem; ``--repair`` fixes what is safe to fix); ``restore BACKUP_FILE`` puts a backup in place
of the data, after backing up (or setting aside, if damaged) what it replaces (a backup of
another Đoàn cơ sở than the one in use is refused, naming both, without
``--other-organization``, as the window's question names them);
``restore-evidence BACKUP_FILE`` takes back only the evidence files lost from the data folder
from the folder beside a backup on a USB stick (exit 1 while some are still lost).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from ..core.backup.store import IN_USE_KEPT, BackupInfo, evidence_beside_text
from ..core.errors import AppError
from ..core.lang.text import size_text, vn_number
from .common import (
    EXIT_ERROR,
    EXIT_OK,
    Subparsers,
    data_dir_of,
    data_dir_option,
    file_path,
    folder_path,
    format_option,
    made_folders_undone,
    open_workspace,
)


def register(subparsers: Subparsers) -> None:
    """Add ``backup``, ``backups``, ``check``, ``restore`` and ``restore-evidence``."""
    backup = subparsers.add_parser("backup", help="sao lưu dữ liệu ngay")
    data_dir_option(backup)
    backup.add_argument(
        "--to", type=folder_path, metavar="THƯ_MỤC", help="ghi bản sao lưu ra thư mục này (USB)"
    )
    format_option(backup)
    backup.set_defaults(handler=take_backup)

    listing = subparsers.add_parser("backups", help="danh sách các bản sao lưu")
    data_dir_option(listing)
    format_option(listing)
    listing.set_defaults(handler=list_backups)

    check = subparsers.add_parser("check", help="sao lưu rồi kiểm tra dữ liệu")
    data_dir_option(check)
    check.add_argument("--repair", action="store_true", help="sửa những lỗi sửa được an toàn")
    format_option(check)
    check.set_defaults(handler=check_data)

    restore = subparsers.add_parser("restore", help="khôi phục dữ liệu từ một bản sao lưu")
    data_dir_option(restore)
    restore.add_argument(
        "backup", type=file_path, metavar="TỆP_SAO_LƯU", help="tệp sao lưu (.sqlite)"
    )
    restore.add_argument(
        "--other-organization",
        action="store_true",
        help="khôi phục cả khi bản sao lưu là dữ liệu của một Đoàn cơ sở khác: toàn bộ dữ liệu "
        "của Đoàn cơ sở đang dùng được thay bằng dữ liệu đó",
    )
    restore.set_defaults(handler=restore_backup)

    evidence = subparsers.add_parser(
        "restore-evidence", help="lấy lại tệp minh chứng bị mất từ bản sao lưu ra USB"
    )
    data_dir_option(evidence)
    evidence.add_argument(
        "backup", type=file_path, metavar="TỆP_SAO_LƯU",
        help="tệp sao lưu ra USB (.sqlite), có thư mục .evidence bên cạnh",
    )  # fmt: skip
    evidence.set_defaults(handler=restore_evidence)


def _as_json(info: BackupInfo) -> dict[str, object]:
    return {
        "file": str(info.path),
        "date": info.taken_at.strftime("%d/%m/%Y %H:%M:%S"),
        "reason": info.reason_label,
        "size": info.size,
        "members": info.members,
        "ok": info.ok,
    }


def _line(info: BackupInfo) -> str:
    members = "?" if info.members is None else vn_number(info.members)
    state = "tốt" if info.ok else "HỎNG"
    size = size_text(info.size)  # as the GUI's list
    return (
        # To the second, as the app's list: backups of one minute are told apart.
        f"{info.taken_at:%d/%m/%Y %H:%M:%S}  {info.reason_label}  {size}  "
        f"{members} đoàn viên  {state}  {info.path}"
    )


def take_backup(args: argparse.Namespace, out: TextIO) -> int:
    from ..core.backup.service import EvidenceNotCarried

    with open_workspace(args) as ws:
        try:
            info = ws.backups.to_folder(args.to) if args.to else ws.backups.take("thu-cong")
        except EvidenceNotCarried as exc:  # written and checked, its evidence not all beside it
            if exc.backup is not None and args.format != "json":
                print(f"Đã sao lưu: {exc.backup.path}", file=out)  # what `restore` takes
            raise
    if args.format == "json":
        json.dump(_as_json(info), out, ensure_ascii=False)
        out.write("\n")
    else:
        print(f"Đã sao lưu: {info.path}", file=out)
        if args.to and (beside := evidence_beside_text(info.path)):
            print(beside, file=out)
    return EXIT_OK


def list_backups(args: argparse.Namespace, out: TextIO) -> int:
    from ..core.backup.store import BACKUP_FOLDER
    from ..core.backup.store import list_backups as listed
    from ..core.storage.folder import DATABASE_FILE

    data_dir = data_dir_of(args)
    folder = data_dir / BACKUP_FOLDER
    if folder.is_dir() and not (data_dir / DATABASE_FILE).exists():
        # The data set aside as damaged (or removed): the list is what the secretary reads to
        # choose one to restore, read without a workspace (which would refuse the folder).
        backups = listed(folder)
    else:
        with open_workspace(args) as ws:
            backups = ws.backups.list()
    if args.format == "json":
        json.dump([_as_json(b) for b in backups], out, ensure_ascii=False)
        out.write("\n")
    elif not backups:
        print("Chưa có bản sao lưu nào.", file=out)
    else:
        for info in backups:
            print(_line(info), file=out)
    return EXIT_OK


def check_data(args: argparse.Namespace, out: TextIO) -> int:
    with open_workspace(args) as ws:
        report = ws.check(repair=args.repair)
    if args.format == "json":
        problems = [
            {"kind": p.kind, "table": p.table, "id": p.id, "message": p.message}
            for p in report.problems
        ]
        backup = None if report.backup is None else str(report.backup)  # None: read-only data
        json.dump({"ok": report.ok, "problems": problems, "repaired": report.repaired,
                   "backup": backup}, out, ensure_ascii=False)  # fmt: skip
        out.write("\n")
    else:
        if report.backup is not None:
            # The whole path, not the time the GUI shows: it is what `doancoso restore` takes.
            print(f"Đã sao lưu trước khi kiểm tra: {report.backup}", file=out)
        else:  # read-only data: nothing can change them, nothing to back up
            print("Dữ liệu chỉ đọc: kiểm tra mà không sao lưu trước.", file=out)
        for problem in report.problems:
            print(f"- {problem.message}", file=out)
        if report.repaired:
            print(f"Đã sửa {vn_number(report.repaired)} lỗi.", file=out)
        print("Dữ liệu tốt, không có lỗi." if report.ok else
              f"Có {vn_number(len(report.problems))} vấn đề cần xem.", file=out)  # fmt: skip
    return EXIT_OK if report.ok else EXIT_ERROR


def restore_backup(args: argparse.Namespace, out: TextIO) -> int:
    from ..core.backup.restore import missing_evidence_text
    from ..core.backup.restore import restore_backup as restore
    from ..core.storage.folder import check_data_folder
    from ..core.storage.lock import DataFolderLock

    data_dir = data_dir_of(args)
    with made_folders_undone(data_dir):  # a restore onto a new PC makes it; a refused one not
        read_only = check_data_folder(data_dir, create=True)  # said before the lock file fails
        if read_only is not None:
            raise read_only.error(f"restore of {args.backup} refused")
        lock = DataFolderLock.acquire(data_dir)  # refused while the app has the folder open
        try:
            if not args.other_organization:
                _refuse_other_union(data_dir, args.backup.resolve())
            result = restore(data_dir, args.backup.resolve())
        finally:
            lock.release()
    with open_workspace(args) as ws:  # upgrades an older backup, as any older database
        members, missing = ws.members.count(), ws.evidence.missing()
    print(f"Đã khôi phục {args.backup.name} ({vn_number(members)} đoàn viên).", file=out)
    if missing:
        print(missing_evidence_text(missing, args.backup, data_dir), file=out)
    if result.safety_copy is not None:
        print(f"Dữ liệu trước khi khôi phục đã được sao lưu: {result.safety_copy}", file=out)
    if result.set_aside is not None:
        print(f"Tệp dữ liệu hỏng đã được giữ lại: {result.set_aside}", file=out)
    return EXIT_OK


def _refuse_other_union(data_dir: Path, backup: Path) -> None:
    """A backup holding another Đoàn cơ sở than the data in use (a file of the next commune's,
    on a stick they share) is refused, naming both, as the window's question names them (read
    the same way, changing nothing; told by the organisation's id: a union renamed since takes
    its backup, one of the same name set up apart is another); data with no organisation (a
    new PC) take any backup."""
    from ..core.backup.other_union import backup_union, other_union
    from ..core.backup.store import held_organization
    from ..core.storage.folder import DATABASE_FILE

    live = data_dir / DATABASE_FILE
    mine = held_organization(live) if live.is_file() else None
    if mine is None:
        return
    # One that cannot be read is refused by the restore, with what is wrong.
    other = other_union(backup_union(backup), mine, members=True)
    if other is None:
        return
    replaced = (
        "toàn bộ dữ liệu đang dùng bằng dữ liệu trong bản sao lưu"
        if other.same_name
        else f"toàn bộ dữ liệu của “{mine.name}” bằng dữ liệu của “{other.theirs.name}”"
    )
    raise AppError(
        f"Bản sao lưu này là của {other.their_words}, không phải của {other.my_words} đang dùng "
        f"trong thư mục “{data_dir}”: khôi phục sẽ thay {replaced}. Nếu thật sự muốn vậy, hãy "
        f"chạy lại với --other-organization. {IN_USE_KEPT}"
    )


def restore_evidence(args: argparse.Namespace, out: TextIO) -> int:
    from ..core.backup.lost_evidence import taken_back_text

    with open_workspace(args) as ws:
        result = ws.backups.take_back_evidence(args.backup)
    print(taken_back_text(result, args.backup), file=out)
    return EXIT_ERROR if result.absent or result.damaged else EXIT_OK
