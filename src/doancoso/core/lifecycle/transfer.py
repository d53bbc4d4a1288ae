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
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..lang.dates import DateFormatError, format_vn_date, format_vn_month, parse_vn_month

DUES_LABEL = "Đã đóng đoàn phí đến tháng"
REMARKS_LABEL = "Nhận xét"
NOTE_LABEL = "Ghi chú"
_FIELDS = (("dues", DUES_LABEL), ("remarks", REMARKS_LABEL), ("note", NOTE_LABEL))
_FOLD = "  "  # the indent of a field's lines after its first


@dataclass(frozen=True)
class TransferNote:
    """The parts of a transfer out's note: ``dues_paid_until`` (the first day of the month the
    dues are paid up to), the ``remarks`` on the member, and the free ``note``."""

    dues_paid_until: dt.date | None = None
    remarks: str | None = None
    note: str | None = None


def compose(parts: TransferNote) -> str | None:
    """The note stored for ``parts`` (see the module doc); None when all are empty. A free note
    alone is stored as it is, unless its first line would read as a field's label."""
    values = {
        "dues": format_vn_month(parts.dues_paid_until),
        "remarks": (parts.remarks or "").strip(),
        "note": (parts.note or "").strip(),
    }
    plain = not values["note"] or _field_of(values["note"].split("\n")[0]) is None
    if not values["dues"] and not values["remarks"] and plain:
        return values["note"] or None
    lines = []
    for name, label in _FIELDS:
        if values[name]:
            first, *rest = values[name].split("\n")
            lines.append(f"{label}: {first}")
            lines += [_FOLD + line for line in rest]
    return "\n".join(lines)


def parse(note: str | None) -> TransferNote:
    """The parts of a stored note (:func:`compose`'s inverse); a month that does not read is
    left in the free note rather than lost."""
    lines = (note or "").split("\n")
    if _field_of(lines[0]) is None:
        return TransferNote(note=note or None)
    found: dict[str, list[str]] = {}
    current = "note"
    for line in lines:
        field = _field_of(line)
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
    return TransferNote(dues, text.get("remarks"), free)


def _field_of(line: str) -> str | None:
    for name, label in _FIELDS:
        if line.startswith(label + ": "):
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
