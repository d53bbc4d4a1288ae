"""A conflict of a record deleted on one copy and changed on the other, in words: what the
import wizard's conflicts panel (ui/bundle/conflicts.py) and ``doancoso bundle import`` say of
it ("Máy này đã xóa … lúc …; máy kia (trong tệp) vẫn giữ và đã sửa: …"), never its
``deleted_at`` quoted as a value against "(trống)"."""

from __future__ import annotations

from typing import Any

from .labels import field_value_text, table_label

MINE, THEIRS = "mine", "theirs"
DELETED = "deleted_at"
DELETED_KIND = "bản ghi bị xóa ở một nơi nhưng được sửa ở nơi kia"
"""What such conflicts are, after their count ("1 bản ghi bị xóa ở một nơi…")."""


def conflict_title(conflict: Any) -> str:
    """Whose row it is: its label ("Đoàn viên Lê Ngọc Ái (17/04/1999)"), which names the kind
    of record itself; the kind is put before a label that does not."""
    kind = table_label(conflict.table)
    label = getattr(conflict, "label", "") or conflict.id
    return label if label.startswith(kind) else f"{kind}: {label}"


def deleted_side(conflict: Any) -> str | None:
    """The side that deleted the row of a deletion conflict (:data:`MINE` or :data:`THEIRS`),
    or None for a conflict of fields (both sides keep the row)."""
    diff = next((f for f in conflict.fields if f.name == DELETED), None)
    if diff is None or (diff.mine is None) == (diff.theirs is None):
        return None
    return MINE if diff.mine is not None else THEIRS


def deletion_text(conflict: Any, *, values: bool = False) -> str:
    """What happened to the row of a deletion conflict, in words; ``values``: each field changed
    with its value on the side that kept the row (where no table shows them beside)."""
    side = deleted_side(conflict)
    diff = next(f for f in conflict.fields if f.name == DELETED)
    when = field_value_text(conflict.table, DELETED, diff.mine if side == MINE else diff.theirs)
    deleter, keeper = ("Máy này", "máy kia (trong tệp)") if side == MINE else (
        "Máy kia (trong tệp)", "máy này")  # fmt: skip
    names = getattr(conflict, "names", None)
    changed = []
    for f in conflict.fields:
        if f.name == DELETED:
            continue
        kept = field_value_text(conflict.table, f.name, f.theirs if side == MINE else f.mine, names)
        changed.append((getattr(f, "label", "") or f.name) + (f" “{kept}”" if values else ""))
    what = f": {', '.join(changed)}" if changed else " sau lần trao đổi trước"
    return (f"{deleter} đã xóa “{conflict_title(conflict)}” lúc {when}; {keeper} vẫn giữ và đã "
            f"sửa{what}.")  # fmt: skip


def deletion_choices(conflict: Any) -> str:
    """What ``--on-conflict`` does with a deletion conflict: the side that deleted it wins."""
    mine, theirs = ("xóa", "giữ lại") if deleted_side(conflict) == MINE else ("giữ lại", "xóa")
    return f"--on-conflict mine: {mine}; --on-conflict theirs: {theirs}"
