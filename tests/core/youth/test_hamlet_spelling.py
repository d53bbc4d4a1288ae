"""A young person typed in the youth form into a hamlet the register knows gets the register's
spelling of it, as one imported from a hamlet head's list does: "tân hưng", "ap tan hung" or
"ẤP TÂN HƯNG" typed are stored "Ấp Tân Hưng", so the printed lists do not show one hamlet
three ways. A new hamlet stays as typed; an edit that only respells the record's own hamlet
keeps the spelling typed (a correction), and an undo writes back exactly what was there."""

from __future__ import annotations

import pytest

from doancoso.core.workspace import Workspace


@pytest.fixture
def register(ws: Workspace) -> Workspace:
    for name, hamlet in (
        ("Lê Văn An", "Ấp Tân Hưng"),
        ("Trần Thị Bé", "Ấp Tân Hưng"),
        ("Phạm Minh Bảo", "ấp tân hưng"),
        ("Đặng Thu Hà", "Ấp Kênh Xáng"),
    ):
        ws.youth.save({"full_name": name, "birth_date": "01/01/2004", "hamlet": hamlet})
    return ws


def _hamlet(ws: Workspace, youth_id: str) -> str | None:
    return ws.youth.get(youth_id).fields.hamlet


@pytest.mark.parametrize("typed", ["tân hưng", "ap tan hung", "ẤP TÂN HƯNG", "Ấp  Tân Hưng"])
def test_a_known_hamlet_typed_another_way_is_stored_as_the_register_spells_it(
    register: Workspace, typed: str
) -> None:
    added = register.youth.add({"full_name": "Nguyễn Văn Tý", "birth_date": "05/03/2004",
                                "hamlet": typed})  # fmt: skip
    assert added.fields.hamlet == "Ấp Tân Hưng"
    assert _hamlet(register, added.youth_id) == "Ấp Tân Hưng"
    assert register.youth.hamlets() == ["Ấp Kênh Xáng", "Ấp Tân Hưng"]
    saved = register.youth.save({"full_name": "Lê Thị Ba", "birth_date": "2006", "hamlet": typed})
    assert _hamlet(register, saved) == "Ấp Tân Hưng"


def test_a_new_hamlet_stays_as_typed(register: Workspace) -> None:
    saved = register.youth.save({"full_name": "Lê Thị Ba", "birth_date": "2006",
                                 "hamlet": "ấp Rạch Ráng"})  # fmt: skip
    assert _hamlet(register, saved) == "ấp Rạch Ráng"


def test_an_edit_moving_to_a_known_hamlet_gets_its_spelling_and_is_undone_exactly(
    register: Workspace,
) -> None:
    ha = next(r for r in register.youth.list() if r.full_name == "Đặng Thu Hà")
    raw = {"full_name": "Đặng Thu Hà", "birth_date": "01/01/2004", "hamlet": "tan hung"}
    before, after = register.youth.edit(raw, ha.id)
    assert (before.hamlet, after.hamlet) == ("Ấp Kênh Xáng", "Ấp Tân Hưng")
    register.youth.put_back(ha.id, before, after)  # the undo
    assert _hamlet(register, ha.id) == "Ấp Kênh Xáng"


def test_an_edit_respelling_its_own_hamlet_keeps_the_spelling_typed(register: Workspace) -> None:
    bao = next(r for r in register.youth.list() if r.full_name == "Phạm Minh Bảo")
    raw = {"full_name": "Phạm Minh Bảo", "birth_date": "01/01/2004", "hamlet": "Ấp Tân Hung"}
    register.youth.save(raw, bao.id)
    assert _hamlet(register, bao.id) == "Ấp Tân Hung"
