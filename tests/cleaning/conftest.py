"""A workspace whose database already holds control characters (made by an older version, or
merged from another machine): the writers must clean what they write."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from dirty_data import store_dirty

from doancoso.core.workspace import Workspace


@pytest.fixture
def dirty_ws(ws: Workspace) -> Iterator[Workspace]:
    """Tân Hưng with one chi đoàn, two members (one with a 40,000-character note) and one young
    person, whose texts hold control characters; reopened so that nothing is cached."""
    branch = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    ws.members.save({"full_name": "Nguyễn Văn An", "birth_date": "01/02/2000", "gender": "Nam",
                     "branch_id": branch, "national_id": "086201000123"})  # fmt: skip
    ws.members.save({"full_name": "Võ Thị Tư", "birth_date": "2001", "gender": "Nữ",
                     "branch_id": branch})  # fmt: skip
    ws.youth.save({"full_name": "Trần Thị Bích", "birth_date": "12/10/2003", "gender": "Nữ"})
    folder = ws.data_dir
    ws.close()
    store_dirty(folder)
    reopened = Workspace.open(folder)
    yield reopened
    reopened.close()
