"""A transfer out records the month the dues are paid up to and the remarks on the member
(DOMAIN.md §4), checked, kept in the event's note (core.lifecycle.transfer), read back in the
history, and carried by a bundle to another installation unchanged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from doancoso.core.errors import ValidationError
from doancoso.core.lifecycle.transfer import TransferNote, compose, parse
from doancoso.core.storage.models import MemberEvent
from doancoso.core.workspace import Workspace

AddMember = Callable[..., str]

PASSWORD = "Chuyển giao 2026"
REMARKS = "Nhiệt tình, gương mẫu trong các phong trào.\nHoàn thành tốt nhiệm vụ năm 2024."


def _transfer(ws: Workspace, member_id: str, **details: object) -> str:
    return ws.events.record(
        member_id, "transfer_out", "15/03/2025", "12-QĐ/ĐTN", "Chuyển theo gia đình.",
        other_organization="Đoàn phường 5", **details,
    )  # fmt: skip


def _stored_note(ws: Workspace, event_id: str) -> str | None:
    with ws._ctx.db.read() as session:
        event = session.get(MemberEvent, event_id)
        assert event is not None
        return event.note


def test_dues_and_remarks_are_kept_with_the_event_and_shown_in_the_history(
    ws: Workspace, add_member: AddMember
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000", admission_date="26/03/2016")
    event_id = _transfer(ws, an, dues_paid_until="3/2025", remarks=REMARKS)
    assert _stored_note(ws, event_id) == (
        "Đã đóng đoàn phí đến tháng: 03/2025\n"
        "Nhận xét: Nhiệt tình, gương mẫu trong các phong trào.\n"
        "  Hoàn thành tốt nhiệm vụ năm 2024.\n"
        "Ghi chú: Chuyển theo gia đình."
    )  # what an older installation shows as the note: readable as it is
    [event] = ws.events.history(an)
    assert event.dues_paid_until == dt.date(2025, 3, 1)
    assert event.remarks == REMARKS
    assert event.note == "Chuyển theo gia đình."
    assert event.other_organization == "Đoàn phường 5"
    assert ws.members.get(an).fields.status == "transferred_out"


@pytest.mark.parametrize(
    ("dues", "message"),
    [
        ("04/2025", "Tháng đã đóng đoàn phí (04/2025) không thể sau tháng chuyển sinh hoạt "
                    "(03/2025)."),
        ("13/2024", "Tháng đã đóng đoàn phí phải viết dạng mm/yyyy, ví dụ 05/2026."),
        ("15/03/2025", "Tháng đã đóng đoàn phí phải viết dạng mm/yyyy, ví dụ 05/2026."),
        ("02/2016", "Tháng đã đóng đoàn phí (02/2016) không thể trước ngày vào Đoàn của đoàn "
                    "viên (26/03/2016)."),
    ],
)  # fmt: skip
def test_a_bad_dues_month_is_refused_and_nothing_is_written(
    ws: Workspace, add_member: AddMember, dues: str, message: str
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000", admission_date="26/03/2016")
    with pytest.raises(ValidationError) as refused:
        _transfer(ws, an, dues_paid_until=dues, remarks=REMARKS)
    assert refused.value.field_errors == {"dues_paid_until": message}
    assert ws.events.history(an) == []
    assert ws.members.get(an).fields.status == "active"


def test_without_dues_or_remarks_the_note_stays_plain(ws: Workspace, add_member: AddMember) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000")
    event_id = _transfer(ws, an, dues_paid_until="  ", remarks=" \n ")  # blank fields
    assert _stored_note(ws, event_id) == "Chuyển theo gia đình."
    [event] = ws.events.history(an)
    assert (event.dues_paid_until, event.remarks, event.note) == (
        None, None, "Chuyển theo gia đình.",
    )  # fmt: skip


@pytest.mark.parametrize(
    "parts",
    [
        TransferNote(
            dt.date(2025, 3, 1), REMARKS, "Ghi chú: có dòng giống nhãn\nNhận xét: cũng vậy"
        ),
        TransferNote(None, None, "Nhận xét: chỉ là ghi chú"),
        TransferNote(None, "Đã đóng đoàn phí đến tháng: 01/2020\n  thụt đầu dòng", None),
        TransferNote(dt.date(2024, 12, 1), None, None),
        TransferNote(None, None, "Ghi chú thường\nhai dòng"),
    ],
)
def test_every_part_reads_back_as_typed(parts: TransferNote) -> None:
    """No line a secretary types can be read as another part's label."""
    assert parse(compose(parts)) == parts


def test_a_note_written_before_is_the_free_note() -> None:
    assert parse("Chuyển theo gia đình.") == TransferNote(note="Chuyển theo gia đình.")
    assert parse(None) == TransferNote()


def test_a_bundle_carries_dues_and_remarks_to_another_installation(
    ws: Workspace, add_member: AddMember, tmp_path: Path
) -> None:
    an = add_member("Nguyễn Văn An", "01/01/2000", admission_date="26/03/2016")
    _transfer(ws, an, dues_paid_until="03/2025", remarks=REMARKS)
    result = ws.bundles.export(tmp_path / "ban-giao.dcs", kind="handover", password=PASSWORD)
    fresh = Workspace.open(tmp_path / "may-moi")
    try:
        fresh.bundles.apply(result.path, PASSWORD)
        [event] = fresh.events.history(an)
        assert (event.dues_paid_until, event.remarks, event.note) == (
            dt.date(2025, 3, 1), REMARKS, "Chuyển theo gia đình.",
        )  # fmt: skip
        assert fresh.members.get(an).fields.status == "transferred_out"
    finally:
        fresh.close()
