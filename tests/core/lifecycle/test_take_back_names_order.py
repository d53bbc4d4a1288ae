"""The undo of a coming of age confirmed for a list, refused because several members' histories
changed since, names them as the roster orders them (given name, then middle and family: "Anh"
next to "Ánh", "Bình" before "Chi"), not in the order the list was confirmed in."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from doancoso.core.errors import ConflictError
from doancoso.core.workspace import Workspace

NAMES = ["Phạm Thị Chi", "Nguyễn Thị Ánh", "Lê Thanh Bình", "Trần Văn Anh"]  # as confirmed


def test_the_members_whose_history_changed_are_named_in_vietnamese_order(
    ws: Workspace, add_member: Callable[..., str]
) -> None:
    ids = [add_member(name, "01/01/1995") for name in NAMES]
    reprimands = [ws.events.record(i, "discipline", "01/03/2025", level="reprimand") for i in ids]
    recorded = ws.events.confirm_coming_of_age(ids, "15/12/2025", "7-QĐ/ĐTN")
    for reprimand in reprimands:
        ws.events.delete(reprimand)  # from the "Quá trình" tab since

    with pytest.raises(ConflictError) as refused:
        ws.events.take_back(recorded)

    assert refused.value.message.startswith(
        "Quá trình của 4 đoàn viên (Trần Văn Anh, Nguyễn Thị Ánh, Lê Thanh Bình…) đã thay đổi "
    )
