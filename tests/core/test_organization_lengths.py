"""The organisation's names have a length limit in the core (150 characters), for every way in:
set-up and settings edits alike; what is stored before is left as it is."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from bundle_sync import carry
from doancoso.core.errors import ValidationError
from doancoso.core.organization import (
    LONGEST_NAME,
    OrganizationService,
    too_long_message,
)
from doancoso.core.workspace import Workspace

LONG = "Đoàn TNCS Hồ Chí Minh xã Tân Hưng, tỉnh Cà Mau, nhiệm kỳ 2025–2030 " * 5


def test_the_message_says_the_length_and_the_limit() -> None:
    assert LONGEST_NAME == 150
    assert too_long_message("a" * 150) == ""
    assert too_long_message("  a  " * 151) == (
        "Dài 301 ký tự, quá 150 ký tự cho phép: hãy kiểm tra lại, có thể đã dán nhầm cả một "
        "đoạn văn."
    )


def test_settings_edits_refuse_a_long_field_and_change_nothing(ws: Workspace) -> None:
    service: OrganizationService = ws.organization
    before = service.get()
    assert before is not None
    fields = ("name", "superior_name", "superior_short", "commune", "province", "secretary_name")
    for field in fields:
        changes: dict[str, Any] = {field: LONG}
        changed = dataclasses.replace(before, **changes)
        with pytest.raises(ValidationError) as info:
            service.update(changed)
        assert info.value.field_errors == {field: too_long_message(LONG)}
        assert service.get() == before


def test_a_bundle_carrying_a_longer_name_is_taken_as_stored(ws: Workspace, tmp_path: Path) -> None:
    # An older version stored any length: its handover still brings the organisation over.
    own = ws.organization.get()
    assert own is not None
    with ws.db.transaction() as session:  # as the older version wrote it: past any check
        session.connection().exec_driver_sql(
            "UPDATE organizations SET name = ? WHERE id = ?", (LONG.strip(), own.id)
        )
    with Workspace.open(tmp_path / "successor") as successor:
        assert carry(ws, successor).applied
        taken = successor.organization.get()
        assert taken is not None and taken.name == LONG.strip()
