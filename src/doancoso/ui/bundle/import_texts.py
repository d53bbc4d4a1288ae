"""What the import wizard says (import_wizard.py): its messages, and the summary of an import
done (:func:`result_text`), of the conflicts a dry run met (:func:`conflicts_text`) and of what a
sáp nhập did (:func:`merge_lines`)."""

from __future__ import annotations

from typing import Any

from ...core.backup.store import BackupInfo
from ...core.bundle.about import created_text
from ...core.bundle.deletions import DELETED_KIND
from ...core.bundle.firststart import members_text
from ...core.bundle.labels import (
    AFTER_MERGE_LOST,
    EVIDENCE_REPAIRED,
    EVIDENCE_SKIPPED,
    MERGE_EVENTS,
    in_label_order,
    table_label,
)
from ...core.bundle.manifest import Manifest, live_counts
from ...core.bundle.orgmerge import branch_text, year_text
from ...core.bundle.outcome import APART_TEXT
from ...core.lang.text import nfc, vn_number

NEEDS_PASSWORD = "Tệp này có mật khẩu: nhập mật khẩu rồi bấm “Tiếp”."
APPLIED = "Đã nhận xong dữ liệu từ tệp (dữ liệu cũ đã được sao lưu trước khi nhận)."
NO_UNDO = "Sau khi nhận, “Hoàn tác” không còn quay lại được các việc đã làm trước đó."
"""An import replaces data wholesale: the undo history is cleared (shell/undo.py)."""
CHOICES_REVEALED = (
    "Theo lựa chọn vừa rồi, tệp đưa lại bản ghi mà máy này đã xóa và có thêm xung đột cần "
    "chọn (đánh dấu •). Chọn xong, bấm “Nhập” lần nữa."
)
STALE = (
    "Lựa chọn sáp nhập đã thay đổi: bấm “Xem lại với lựa chọn này” để xem số liệu theo lựa chọn "
    "mới trước khi nhập."
)
MERGE_NOTE = (
    " Chỉ nhận khi sáp nhập tổ chức đó vào tổ chức của mình: chi đoàn được giữ hoặc gộp theo "
    "tên, người có trong cả hai được ghép theo CCCD, rồi theo họ tên và ngày sinh — sẽ được "
    "xem trước ở bước sau."
)
REPORT_NOT_TAKEN = (
    "Máy này chưa có dữ liệu Đoàn cơ sở nên chỉ nhận được một gói bàn giao; tệp này là gói báo "
    "cáo cấp trên: chỉ xem được thông tin và lưu hồ sơ kèm theo (nếu có), không nhận vào máy này."
)
HANDED_OVER = "Đã nhận bàn giao xong: dữ liệu trong tệp nay là dữ liệu của Đoàn cơ sở trên máy này."


def _changed(what: str, counts: dict[str, int]) -> list[str]:
    """A count of records added, changed or deleted, then what they are, one kind a line, as
    the preview's table names them, in the biên bản's order (a handover's up to 20 kinds
    would run on as one paragraph): "• Cập nhật: 2 bản ghi", "    – Đoàn viên: 1", ...; no
    line when there are none."""
    total = sum(counts.values())
    if not total:
        return []
    kinds = [f"    – {table_label(t)}: {vn_number(counts[t])}" for t in in_label_order(counts)
             if counts[t]]  # fmt: skip
    return [f"• {what}: {vn_number(total)} bản ghi", *kinds]


def result_text(plan: Any) -> str:
    """What an import did: the records added, changed and deleted, each count with what it
    is; those unchanged; the evidence files; the conflicts; a sáp nhập's lines. A count of
    none is not said (a handover into a fresh folder only adds)."""
    lines = [
        HANDED_OVER if plan.handover else APPLIED,
        *_changed("Thêm mới", plan.new),
        *_changed("Cập nhật", plan.updated),
        *_changed("Xóa", plan.deleted),
    ]
    if unchanged := sum(plan.unchanged.values()):
        lines.append(f"• Không đổi: {vn_number(unchanged)} bản ghi")
    if getattr(plan, "merge_events", 0):
        lines.append(f"• {MERGE_EVENTS}: {vn_number(plan.merge_events)} đoàn viên")
    if plan.evidence_new:
        lines.append(f"• Tệp minh chứng chép vào máy: {vn_number(plan.evidence_new)} tệp")
    if plan.evidence_skipped:
        lines.append(f"• {EVIDENCE_SKIPPED}: {vn_number(plan.evidence_skipped)} tệp")
    if getattr(plan, "evidence_repaired", 0):
        lines.append(f"• {EVIDENCE_REPAIRED}: {vn_number(plan.evidence_repaired)} tệp")
    automatic = sum(1 for c in plan.conflicts if getattr(c, "automatic", False))
    if len(plan.conflicts) > automatic:
        chosen = vn_number(len(plan.conflicts) - automatic)
        lines.append(f"• Xung đột đã giải quyết theo lựa chọn: {chosen}")
    if automatic:
        lines.append(f"• Xung đột tự gộp (mỗi thông tin chỉ một máy sửa): {vn_number(automatic)}")
    lines.extend(f"• {note}" for note in getattr(plan, "notes", ()))
    if getattr(plan, "merged_organization", False):
        lines.extend(merge_lines(plan))
        if getattr(plan, "backup", None) is not None:
            lines.append(merge_undo_text(plan.backup))
    return "\n".join(lines)


def merge_undo_text(backup: BackupInfo) -> str:
    """How to go back if the sáp nhập was a mistake: the backup taken before it, restored
    from the backups dialog (where it is listed by its time and its reason)."""
    when = f"{backup.taken_at:%H:%M} ngày {backup.taken_at:%d/%m/%Y}"
    return (
        f"Nếu sáp nhập nhầm: dữ liệu trước khi sáp nhập đã được sao lưu lúc {when} (tệp "
        f"“{backup.path.name}” trong thư mục “{backup.path.parent}”). Để quay lại như trước khi "
        "sáp nhập: vào Tệp → Sao lưu và khôi phục…, chọn bản sao lưu lúc đó (lý do "
        f"“{backup.reason_label}”) rồi bấm “Khôi phục bản đã chọn…”. {AFTER_MERGE_LOST}"
    )


FIELD_CHOICE = (
    "chọn giữ của máy này hay lấy của tệp cho từng thông tin bên dưới (thông tin chỉ một máy "
    "sửa đã chọn sẵn theo máy đó)"
)


def conflicts_text(conflicts: list[Any]) -> str:
    """The plan's summary when some conflict needs a choice: the rows changed on both sides
    (a choice per field), the rows deleted on one side and changed on the other (one choice,
    "Xóa" or "Giữ lại", conflicts.py), the records made apart on both (one of the two kept)."""
    apart = [c for c in conflicts if getattr(c, "apart", False)]
    deleted = sum(
        1 for c in conflicts if getattr(c, "deletion", False) and not getattr(c, "apart", False)
    )
    edited = len(conflicts) - len(apart) - deleted
    said = []
    if edited and deleted:
        said.append(
            f"Có {vn_number(edited)} bản ghi bị sửa ở cả hai nơi và {vn_number(deleted)} "
            f"{DELETED_KIND} kể từ lần trao đổi trước: với bản ghi bị sửa, {FIELD_CHOICE}; với "
            "bản ghi bị xóa, chọn “Xóa” hay “Giữ lại” cho cả bản ghi."
        )
    elif edited:
        said.append(
            f"Có {vn_number(edited)} bản ghi bị sửa ở cả hai nơi kể từ lần trao đổi trước: "
            f"{FIELD_CHOICE}."
        )
    elif deleted:
        said.append(
            f"Có {vn_number(deleted)} {DELETED_KIND} kể từ lần trao đổi trước: chọn “Xóa” hay “Giữ "
            "lại” cho từng bản ghi bên dưới."
        )
    if apart:
        names = "; ".join(c.label for c in apart)
        said.append(f"{APART_TEXT}: {names}. Chọn bản giữ lại bên dưới.")
    return " ".join(said)


def merge_lines(plan: Any) -> list[str]:
    """What a sáp nhập did beyond the counts: the people matched, each chi đoàn, each year."""
    theirs = plan.organization.get("name", "")
    lines = [f"• Người có trong cả hai tổ chức, đã ghép làm một: {vn_number(len(plan.matches))}"]
    lines.extend(f"• {branch_text(branch)}" for branch in plan.branches)
    lines.extend(f"• {year_text(y, theirs)}" for y in plan.years)
    return lines


def foreign_text(manifest: Manifest, my_name: str, my_day: str, my_members: int) -> str:
    """Whose data the file holds, told apart from this copy's even under the same name by
    what the secretary can see: when the file was made and how many members each holds (the
    file's, from its live counts when it has them), and the day this copy was set up. The
    organisations' ids ("mã a64bc18e") told them apart before, which no one can act on."""
    theirs, mine = nfc(manifest.organization_name), nfc(my_name)
    if theirs.casefold() != mine.casefold():
        return f"Tệp này là dữ liệu của “{theirs}”, không phải của “{mine}”."
    live = live_counts(manifest)
    about_file = [f"tệp tạo ngày {created_text(manifest.created_at)}"]
    if live is not None:
        about_file.append(members_text(live.tables.get("members", 0)))
    about_mine = [f"thiết lập ngày {my_day}"] if my_day else []
    about_mine.append(members_text(my_members))
    return (
        f"Tệp này là dữ liệu của một Đoàn cơ sở khác cũng tên “{theirs}” "
        f"({', '.join(about_file)}), không phải của “{mine}” trên máy này "
        f"({', '.join(about_mine)}): hai bản được thiết lập riêng nên không trao đổi dữ liệu "
        "với nhau được."
    )
