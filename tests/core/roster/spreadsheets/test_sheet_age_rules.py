"""One age rule for every way a member comes in: the form and the command line (the roster
service), the admission from the youth register and the import say the same words."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sheetfiles import write_xlsx

from doancoso.core.errors import ValidationError
from doancoso.core.lang.dates import format_vn_date
from doancoso.core.roster.spreadsheets import REJECTED
from doancoso.core.workspace import Workspace

TODAY = date.today()
TOO_YOUNG = date(TODAY.year - 10, 1, 1)  # ten years old
OLD = date(TODAY.year - 56, 3, 5)


def _too_young_text() -> str:
    first = date(TOO_YOUNG.year + 15, 1, 2)
    return (
        f"Chưa đủ tuổi vào Đoàn: sinh {format_vn_date(TOO_YOUNG)}, đủ 15 tuổi + 1 ngày vào "
        f"{format_vn_date(first)}."
    )


def test_the_form_and_the_command_line_refuse_a_child(ws: Workspace) -> None:
    with pytest.raises(ValidationError) as info:
        ws.members.save({"full_name": "Lê Văn Nhỏ", "birth_date": format_vn_date(TOO_YOUNG)})
    assert info.value.field_errors == {"birth_date": _too_young_text()}
    assert ws.members.count() == 0


def test_an_old_member_is_saved_with_a_warning(ws: Workspace) -> None:
    raw = {"full_name": "Lê Văn Già", "birth_date": format_vn_date(OLD)}
    expected = f"Đã quá tuổi Đoàn (tròn 56 tuổi trong năm {TODAY.year}): cần xét trưởng thành Đoàn."
    assert ws.members.warnings(raw) == {"birth_date": expected}
    member_id = ws.members.save(raw)  # allowed: a warning, not a refusal
    assert ws.members.warnings(raw, member_id) == {"birth_date": expected}
    assert ws.members.warnings({**raw, "birth_date": "01/01/2000"}) == {}
    ws.events.record(member_id, "transfer_out", format_vn_date(TODAY), other_organization="X")
    assert ws.members.warnings(raw, member_id) == {}  # no longer active: nothing to consider


def test_the_youth_register_cannot_admit_a_child(ws: Workspace) -> None:
    youth_id = ws.youth.save({"full_name": "Lê Văn Nhỏ", "birth_date": format_vn_date(TOO_YOUNG)})
    with pytest.raises(ValidationError) as info:
        ws.youth.admit(youth_id, format_vn_date(TODAY), "Đoàn xã Tân Hưng", None)
    assert _too_young_text() in info.value.message
    assert ws.members.count() == 0


def test_the_import_says_the_same(ws: Workspace, tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["STT", "Họ và tên", "Ngày sinh"],
        [1, "Lê Văn Nhỏ", format_vn_date(TOO_YOUNG)],
        [2, "Lê Văn Già", format_vn_date(OLD)],
    ]
    preview = ws.spreadsheets.preview_import(write_xlsx(tmp_path / "ds.xlsx", rows))
    child, old = preview.rows
    assert child.action == REJECTED
    assert [p.message for p in child.problems] == [_too_young_text()]
    assert [p.message for p in old.problems] == list(
        ws.members.warnings({"full_name": "Lê Văn Già", "birth_date": format_vn_date(OLD)}).values()
    )
