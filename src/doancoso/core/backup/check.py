"""Checking the data, like Anki's "Check Database": back up first, then verify, repair only what
is safe and only when asked.

Verified: SQLite's integrity and foreign keys; every travelling row has an id and a revision of
at least 1; each member's status equals the replay of their events; a member whose admission
event has a number has it as "Số nghị quyết chuẩn y kết nạp" (an empty field: one a bundle of
an older version may bring back); the derived columns (sort key, search text) equal what the
current code derives; no two live chi đoàn share a name (case and tones ignored); no live member
is in a deleted chi đoàn; every evidence file a record names is in ``evidence/`` with its hash,
and every file there is named by a record. Repaired on
request: the derived columns (recomputed), the empty admission decision numbers (the event's,
never over one typed) and the evidence files nobody names (moved aside to
``evidence/.orphans/``, never deleted). Everything else is reported with what to do, never
changed behind the secretary's back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from ..context import WorkspaceContext
from ..lifecycle.admission import admission_numbers
from ..lifecycle.periods import live_events
from ..lifecycle.rules import EVENT_KINDS, baseline_status, event_order, lenient_replay
from ..roster.service import derived_columns
from ..roster.vocab import STATUSES
from ..storage.live import is_live
from ..storage.models import Base, Branch, EvidenceFile, Member
from .store import BACKUP_FOLDER, take_backup


@dataclass(frozen=True)
class Problem:
    """One thing found wrong: ``kind`` (a code), the table and row, a Vietnamese message (the
    command line's: a problem the repair fixes names ``doancoso check --repair``); ``finding``,
    the same without the command, for the window, which offers the repair itself."""

    kind: str
    table: str
    id: str
    message: str
    finding: str = ""
    repairable: bool = False

    @property
    def in_window(self) -> str:
        """What the window says: the finding of a problem it can repair, else the message."""
        return self.finding or self.message


def fixable(kind: str, table: str, row_id: str, finding: str, how: str = "") -> Problem:
    """A problem ``check --repair`` fixes: ``finding`` (no final stop), then the command."""
    message = f"{finding} (sửa bằng: doancoso check --repair{how})."
    return Problem(kind, table, row_id, message, f"{finding}.", repairable=True)


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    repaired: int = 0
    backup: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def check_data(ctx: WorkspaceContext, data_dir: Path, *, repair: bool = False) -> CheckReport:
    """Back up, then check the open workspace's data; ``repair``: fix the derived columns.
    Data that can only be read are checked without the backup (nothing can change them), and
    a repair is refused. Data without an organisation yet (the first start's backups dialog)
    are checked for all but the members, which only an organisation has."""
    report = CheckReport()
    if repair or ctx.db.read_only is None:
        ctx.db.require_writable()
        report.backup = take_backup(ctx.db.path, data_dir / BACKUP_FOLDER, "truoc-kiem-tra").path
    _sqlite(ctx, report)
    _travelling(ctx, report)
    if ctx.has_organization:  # else a first start's (a setup not done yet): no member to check
        _branch_names(ctx, report)
        _members(ctx, report, repair)
    _evidence(ctx, data_dir, report, repair)
    return report


def _sqlite(ctx: WorkspaceContext, report: CheckReport) -> None:
    add = report.problems.append
    with ctx.db.raw() as cursor:
        rows = [str(r[0]) for r in cursor.execute("PRAGMA integrity_check")]
        for row in rows[:20] if rows != ["ok"] else []:
            message = f"SQLite báo tệp dữ liệu bị hỏng: {row}."
            add(Problem("integrity", "", "", f"{message} Hãy khôi phục bản sao lưu còn tốt."))
        for table, rowid, parent, _ in cursor.execute("PRAGMA foreign_key_check").fetchall():
            message = f"Một dòng của bảng {table} trỏ tới dòng không có trong bảng {parent}."
            add(Problem("foreign_key", str(table), str(rowid), message))


def _travelling(ctx: WorkspaceContext, report: CheckReport) -> None:
    tables = [t.name for t in Base.metadata.sorted_tables if "revision" in t.c and "origin" in t.c]
    with ctx.db.raw() as cursor:
        for table in tables:
            sql = f"SELECT id, revision FROM {table} WHERE id IS NULL OR id = '' OR revision < 1"
            for row_id, revision in cursor.execute(sql).fetchall():
                message = (
                    f"Một dòng của bảng {table} thiếu mã định danh hoặc có số phiên bản "
                    f"{revision} (phải từ 1): dòng này không thể chuyển sang máy khác."
                )
                report.problems.append(Problem("travelling", table, str(row_id or ""), message))


def _branch_names(ctx: WorkspaceContext, report: CheckReport) -> None:
    """Two live chi đoàn of the organisation whose names fold alike (case and tones ignored),
    which the roster refuses ("Đã có chi đoàn tên …") but older data may hold: each named with
    the first made of its name."""
    from ..lang.text import fold

    org = ctx.organization_id
    with ctx.db.read() as session:
        rows = session.execute(
            select(Branch.id, Branch.name)
            .where(is_live(Branch, org))
            .order_by(Branch.created_at, Branch.id)
        ).all()
    first: dict[str, str] = {}
    for row_id, name in rows:
        key = fold(name)
        if key not in first:
            first[key] = name
            continue
        message = (
            f"Hai chi đoàn “{first[key]}” và “{name}” trùng tên (chỉ khác chữ hoa hoặc dấu): "
            "hãy đổi tên một trong hai ở trang “Chi đoàn”."
        )
        report.problems.append(Problem("branch_name", "branches", row_id, message))


def _members(ctx: WorkspaceContext, report: CheckReport, repair: bool) -> None:
    """Each live member's status against its events, its derived columns, its chi đoàn. Read
    as plain columns (no ORM objects: 100,000 members and their events loaded whole took ten
    seconds); a repair loads the members it rewrites."""
    org = ctx.organization_id
    stale: dict[str, dict[str, str]] = {}
    decisions: dict[str, str] = {}

    def add(kind: str, member_id: str, message: str) -> None:
        report.problems.append(Problem(kind, "members", member_id, message))

    with ctx.db.transaction() if repair else ctx.db.read() as session:
        members = session.execute(select(*_MEMBER_COLUMNS).where(is_live(Member, org))).all()
        events = live_events(session, org)
        gone = set(session.scalars(select(Branch.id).where(Branch.deleted_at.is_not(None))))
        numbers = admission_numbers(session, org)
        for member in members:
            name = member.full_name
            history = sorted(events.get(member.id, []), key=event_order)
            if history:
                after = lenient_replay(history, baseline_status(member, history))
                if after[-1] != member.status:
                    stored = STATUSES.get(member.status, member.status)
                    expected = STATUSES.get(after[-1], after[-1])
                    last = EVENT_KINDS.get(history[-1].kind, history[-1].kind)
                    add("status", member.id, f"Trạng thái của {name} là “{stored}” nhưng theo "
                        f"quá trình (sự kiện cuối: {last}) phải là “{expected}”. Hãy xem lại quá "
                        "trình của đoàn viên này.")  # fmt: skip
            number = numbers.get(member.id)
            if number and not member.admission_decision:
                if repair:
                    decisions[member.id] = number
                else:
                    report.problems.append(fixable("decision", "members", member.id,
                        f"Số nghị quyết chuẩn y kết nạp của {name} còn trống nhưng quyết định kết "
                        f"nạp trong quá trình là {number}"))  # fmt: skip
            derived = derived_columns(
                name, member.other_name, member.national_id, member.phone, member.member_code
            )
            if {"sort_key": member.sort_key, "search_text": member.search_text} != derived:
                if repair:
                    stale[member.id] = derived
                else:
                    report.problems.append(fixable("derived", "members", member.id,
                        f"Khóa sắp xếp hoặc tìm kiếm của {name} đã cũ"))  # fmt: skip
            if member.branch_id in gone:
                add("branch", member.id, f"{name} thuộc một chi đoàn đã bị xóa: hãy chuyển sang "
                    "chi đoàn khác.")  # fmt: skip
        ids = sorted(stale.keys() | decisions.keys())
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            for found in session.scalars(select(Member).where(Member.id.in_(chunk))):
                if found.id in stale:
                    found.sort_key = stale[found.id]["sort_key"]
                    found.search_text = stale[found.id]["search_text"]
                    report.repaired += 1
                if found.id in decisions:  # a new revision: the repair travels, as the keys do
                    found.admission_decision = decisions[found.id]
                    report.repaired += 1


_MEMBER_COLUMNS = (
    Member.id, Member.full_name, Member.other_name, Member.national_id, Member.phone,
    Member.member_code, Member.sort_key, Member.search_text, Member.branch_id, Member.status,
    Member.admission_decision,
)  # fmt: skip
"""What :func:`_members` reads of each member."""


def _evidence(ctx: WorkspaceContext, data_dir: Path, report: CheckReport, repair: bool) -> None:
    from ..evidence.store import EvidenceStore, lost_file_message

    store = EvidenceStore(data_dir)
    with ctx.db.read() as session:
        rows = session.execute(
            select(
                EvidenceFile.id,
                EvidenceFile.sha256,
                EvidenceFile.original_name,
                EvidenceFile.deleted_at,
            )
        ).all()
    named = {sha for _, sha, _, _ in rows}
    checked: dict[str, bool] = {}
    for row_id, sha, name, deleted_at in rows:
        if deleted_at is not None:
            continue  # a detached file: kept for an undo, not required
        if sha not in checked:
            checked[sha] = is_sha(sha) and store.verify(sha)
        if not checked[sha]:
            # The window names the file alone and says what to do once, under the list: the
            # remedy on each of a dozen lost files took the box past the screen's height.
            finding = (
                f"Tệp minh chứng “{name}” không còn trong thư mục dữ liệu hoặc đã bị thay đổi."
            )
            report.problems.append(
                Problem("evidence", "evidence_files", row_id, lost_file_message(name), finding)
            )
    if not store.folder.is_dir():
        return
    for path in sorted(store.folder.iterdir()):
        if path.is_file() and path.name.startswith(".evidence.") and path.suffix == ".tmp":
            path.unlink(missing_ok=True)  # a copy that a crash interrupted: ours, never named
        elif path.is_file() and path.name not in named:
            if repair:
                aside = store.folder / ".orphans"
                aside.mkdir(exist_ok=True)
                path.replace(aside / path.name)
                report.repaired += 1
            else:
                report.problems.append(
                    fixable(
                        "evidence_orphan",
                        "evidence_files",
                        path.name,
                        f"Tệp “{path.name}” trong thư mục minh chứng không thuộc hồ sơ nào",
                        ", tệp được chuyển sang evidence/.orphans",
                    )
                )


def is_sha(text: str) -> bool:
    """Whether an evidence row's ``text`` is a SHA-256 as the store names its files; a row
    holding anything else (an old version's or a hand edit's) cites a lost file."""
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)
