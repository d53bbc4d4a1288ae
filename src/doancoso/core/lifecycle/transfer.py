"""What a transfer out (chuyển sinh hoạt đi) records beyond its columns: the month the member's
dues are paid up to and the remarks of the organisation on the member (DOMAIN.md §4: "remarks
are written and dues settled up to the transfer date"), which the transfer letter prints.

They are kept in the event's ``note`` as labelled lines, not in columns of their own:
``member_events`` travels in bundles, and an older installation refuses a bundle row with a
column it does not know (docs/bundle-format.md), while a note is text every version carries,
exchanges and shows. A note that holds either is written::

    Đã đóng đoàn phí đến tháng: 05/2026
    Nhận xét: Nhiệt tình, gương mẫu trong các phong trào.
      Hoàn thành tốt nhiệm vụ năm 2025.
    Ghi chú: Chuyển theo gia đình.

one field a line, in that order, each present only when given; the lines of a field after its
first are indented by two spaces (as a mail header folds), so that no line a secretary typed
can be read as another field's label. An older installation shows that text as the event's
note, readable as it is. A note whose first line is no field's label (every note written
before this, and a plain note) is the free note alone.

A transfer in that brings back a member who had left keeps, the same way, the post their return
vacated (``member_fields.vacate_on_return``), so that deleting the return puts it back as its
undo does, on this installation or on another one a bundle carried the event to::

    Chức vụ để trống khi trở lại: Bí thư
    Ghi chú: Chuyển về theo gia đình.

Each kind reads only its own labels (:data:`KIND_FIELDS`): the note of a transfer in written
before, starting "Nhận xét: …", stays its free note (and the remarks the rating shows from the
previous organisation, ``rating.eligibility``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..lang.dates import DateFormatError, format_vn_date, format_vn_month, parse_vn_month

DUES_LABEL = "Đã đóng đoàn phí đến tháng"
REMARKS_LABEL = "Nhận xét"
NOTE_LABEL = "Ghi chú"
POSITION_LABEL = "Chức vụ để trống khi trở lại"
_FIELDS = (
    ("dues", DUES_LABEL),
    ("remarks", REMARKS_LABEL),
    ("position", POSITION_LABEL),
    ("note", NOTE_LABEL),
)
KIND_FIELDS = {"transfer_out": ("dues", "remarks", "note"), "transfer_in": ("position", "note")}
"""The fields each kind of event keeps in its note."""
_FOLD = "  "  # the indent of a field's lines after its first


@dataclass(frozen=True)
class TransferNote:
    """The parts of a transfer's note: of a transfer out, ``dues_paid_until`` (the first day of
    the month the dues are paid up to) and the ``remarks`` on the member; of a transfer in, the
    ``vacated_position`` its return cleared; of both, the free ``note``."""

    dues_paid_until: dt.date | None = None
    remarks: str | None = None
    note: str | None = None
    vacated_position: str | None = None


def compose(parts: TransferNote) -> str | None:
    """The note stored for ``parts`` (see the module doc); None when all are empty. A free note
    alone is stored as it is, unless its first line would read as a field's label."""
    values = {
        "dues": format_vn_month(parts.dues_paid_until),
        "remarks": (parts.remarks or "").strip(),
        "position": (parts.vacated_position or "").strip(),
        "note": (parts.note or "").strip(),
    }
    plain = not values["note"] or _field_of(values["note"].split("\n")[0]) is None
    if not values["dues"] and not values["remarks"] and not values["position"] and plain:
        return values["note"] or None
    lines = []
    for name, label in _FIELDS:
        if values[name]:
            first, *rest = values[name].split("\n")
            lines.append(f"{label}: {first}")
            lines += [_FOLD + line for line in rest]
    return "\n".join(lines)


def parse(note: str | None, kind: str = "transfer_out") -> TransferNote:
    """The parts of the stored note of an event of ``kind`` (:func:`compose`'s inverse, reading
    the labels of :data:`KIND_FIELDS`; another kind's note is its free note); a month that does
    not read is left in the free note rather than lost."""
    names = KIND_FIELDS.get(kind)
    lines = (note or "").split("\n")
    if names is None or _field_of(lines[0], names) is None:
        return TransferNote(note=note or None)
    found: dict[str, list[str]] = {}
    current = "note"
    for line in lines:
        field = _field_of(line, names)
        if field is not None:
            current = field
            found.setdefault(field, []).append(line.split(": ", 1)[1])
        else:
            found.setdefault(current, []).append(line.removeprefix(_FOLD))
    text = {name: "\n".join(value).strip() or None for name, value in found.items()}
    dues, free = None, text.get("note")
    if text.get("dues"):
        try:
            dues = parse_vn_month(text["dues"] or "")
        except DateFormatError:
            free = "\n".join(t for t in (f"{DUES_LABEL}: {text['dues']}", free) if t)
    return TransferNote(dues, text.get("remarks"), free, text.get("position"))


def free_note(note: str | None, kind: str) -> str | None:
    """The free note of an event of ``kind``, without the fields kept in it."""
    return parse(note, kind).note


def _field_of(line: str, names: tuple[str, ...] | None = None) -> str | None:
    """The field whose label starts ``line``, among ``names`` (default: every field's)."""
    for name, label in _FIELDS:
        if (names is None or name in names) and line.startswith(label + ": "):
            return name
    return None


def check_dues(
    value: object, transfer_date: dt.date | None, admitted: dt.date | None,
    errors: dict[str, str],
) -> dt.date | None:  # fmt: skip
    """The month the dues are paid up to, given as mm/yyyy text (or a date): not after the
    month of ``transfer_date`` (dues are settled up to the transfer), nor before the month of
    ``admitted`` (the member's admission); a bad one is noted in ``errors["dues_paid_until"]``.
    """
    if value is None or not str(value).strip():
        return None
    if isinstance(value, dt.date):
        month = value.replace(day=1)
    else:
        try:
            month = parse_vn_month(str(value))
        except DateFormatError:
            errors["dues_paid_until"] = (
                "Tháng đã đóng đoàn phí phải viết dạng mm/yyyy, ví dụ 05/2026."
            )
            return None
    if transfer_date is not None and month > transfer_date.replace(day=1):
        errors["dues_paid_until"] = (
            f"Tháng đã đóng đoàn phí ({format_vn_month(month)}) không thể sau tháng chuyển "
            f"sinh hoạt ({format_vn_month(transfer_date)})."
        )
    elif admitted is not None and month < admitted.replace(day=1):
        errors["dues_paid_until"] = (
            f"Tháng đã đóng đoàn phí ({format_vn_month(month)}) không thể trước ngày vào Đoàn "
            f"của đoàn viên ({format_vn_date(admitted)})."
        )
    return month
