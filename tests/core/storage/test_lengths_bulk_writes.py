"""A bulk statement run through a session (``update(Model)``, ``insert(Model).values(...)``) is
held to the same lengths as a flush (``storage.lengths``): a text longer than its column takes is
refused with the field's message before anything is written, whichever way the statement carries
it (its own values, bound parameters of many rows, the ORM's update by primary key)."""

from __future__ import annotations

from typing import cast

import pytest
from sqlalchemy import Table, bindparam, insert, select, update

from doancoso.core.context import OWN_ORGANIZATION_KEY
from doancoso.core.errors import ValidationError
from doancoso.core.storage.models import Branch, Member, new_id
from doancoso.core.workspace import Workspace

HOMETOWN = "Ấp Tân Hòa, " * 25 + "x"  # 301 characters
TOO_LONG = {"hometown": "Quê quán dài 301 ký tự, quá 300 ký tự cho phép."}
MEMBERS = cast(Table, Member.__table__)


def _member(ws: Workspace) -> str:
    added = ws.members.add(
        {"full_name": "Nguyễn Văn An", "birth_date": "05/03/2001", "hometown": "Tân Hòa"}
    )
    return added.member_id


def _stored(ws: Workspace, member_id: str) -> tuple[str | None, int]:
    with ws.db.read() as session:
        row = session.execute(
            select(Member.hometown, Member.revision).where(Member.id == member_id)
        ).one()
    return row.hometown, row.revision


def test_an_update_setting_a_text_too_long_is_refused(ws: Workspace) -> None:
    member_id = _member(ws)
    with pytest.raises(ValidationError) as info, ws.db.transaction() as session:
        session.execute(update(Member).where(Member.id == member_id).values(hometown=HOMETOWN))
    assert info.value.field_errors == TOO_LONG
    assert _stored(ws, member_id) == ("Tân Hòa", 1)


def test_an_update_of_many_rows_by_bound_parameters_is_refused(ws: Workspace) -> None:
    first, second = _member(ws), _member(ws)
    stmt = (
        update(MEMBERS)
        .where(MEMBERS.c.id == bindparam("b_id"))
        .values(hometown=bindparam("v_hometown"))
    )
    with pytest.raises(ValidationError) as info, ws.db.transaction() as session:
        session.execute(
            stmt,
            [{"b_id": first, "v_hometown": "Tân Hưng"}, {"b_id": second, "v_hometown": HOMETOWN}],
        )
    assert info.value.field_errors == TOO_LONG
    assert _stored(ws, first) == ("Tân Hòa", 1)
    assert _stored(ws, second) == ("Tân Hòa", 1)


def test_an_update_by_primary_key_is_refused(ws: Workspace) -> None:
    member_id = _member(ws)
    with pytest.raises(ValidationError) as info, ws.db.transaction() as session:
        session.execute(update(Member), [{"id": member_id, "hometown": HOMETOWN}])
    assert info.value.field_errors == TOO_LONG
    assert _stored(ws, member_id) == ("Tân Hòa", 1)


def test_an_update_of_texts_that_fit_and_of_other_columns_is_written(ws: Workspace) -> None:
    member_id = _member(ws)
    fits = HOMETOWN[:300]
    with ws.db.transaction() as session:
        session.execute(update(Member).where(Member.id == member_id).values(hometown=fits))
        session.execute(
            update(Member).where(Member.id == member_id).values(revision=Member.revision + 5)
        )
    assert _stored(ws, member_id) == (fits, 7)


def test_an_insert_with_its_own_values_is_refused(ws: Workspace) -> None:
    name = "Chi đoàn " * 23  # 207 characters; the column takes 200
    org = ws.db.get_meta(OWN_ORGANIZATION_KEY)
    with pytest.raises(ValidationError) as info, ws.db.transaction() as session:
        session.execute(
            insert(Branch).values(id=new_id(), organization_id=org, name=name, name_fold="x")
        )
    assert info.value.field_errors == {"name": "Tên dài 207 ký tự, quá 200 ký tự cho phép."}
    assert ws.branches.list() == []
