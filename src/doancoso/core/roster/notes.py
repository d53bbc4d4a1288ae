"""Columns of the union's member template that the record has no field for yet, kept in the
member's notes as labelled lines ("Khen thưởng: Giấy khen của Đoàn xã năm 2025").

The member template (mẫu danh sách đoàn viên, DSDV) carries the member's group (đối tượng), the
training programme (rèn luyện), the year's rating (đánh giá, xếp loại), commendations,
discipline and honorary membership. Until the rating issue gives them their places, an import
writes each as one line of the notes, never losing it, and the template's export reads the
lines back into their columns, so that an export imported again changes nothing. A line is
``"<label>: <text>"`` with the template's own header as the label; an import replaces the line
of a label in place and keeps every other line of the notes.
"""

from __future__ import annotations

from collections.abc import Mapping

# (import field, label: the template's header), in the template's order.
NOTE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("member_group", "Đối tượng đoàn viên"),
    ("training", "Rèn luyện đoàn viên"),
    ("rating", "Đánh giá, xếp loại đoàn viên"),
    ("commendation", "Khen thưởng"),
    ("discipline", "Kỷ luật"),
    ("honorary", "Đoàn viên danh dự"),
)
NOTE_FIELDS: tuple[str, ...] = tuple(field for field, _ in NOTE_COLUMNS)
_LABELS = dict(NOTE_COLUMNS)


def _label_of(line: str) -> str | None:
    """The field whose labelled line ``line`` is, or None."""
    for field, label in NOTE_COLUMNS:
        if line.startswith(label + ": "):
            return field
    return None


def merge_note_lines(notes: str | None, carried: Mapping[str, str]) -> str | None:
    """``notes`` with a line ``"<label>: <text>"`` for each ``carried`` field (one-line texts):
    the first line of that label is replaced where it stands (any other of the label dropped),
    a label not there yet is added at the end, every other line is kept."""
    lines = notes.split("\n") if notes else []
    done: set[str] = set()
    merged: list[str] = []
    for line in lines:
        field = _label_of(line)
        if field is None or field not in carried:
            merged.append(line)
        elif field not in done:
            merged.append(f"{_LABELS[field]}: {carried[field]}")
            done.add(field)
    for field, _ in NOTE_COLUMNS:
        if field in carried and field not in done:
            merged.append(f"{_LABELS[field]}: {carried[field]}")
    return "\n".join(merged) or None


def note_values(notes: str | None) -> dict[str, str]:
    """The text of each labelled line of ``notes`` (the first of a label), by field."""
    found: dict[str, str] = {}
    for line in (notes or "").split("\n"):
        field = _label_of(line)
        if field is not None and field not in found:
            found[field] = line[len(_LABELS[field]) + 2 :]
    return found
