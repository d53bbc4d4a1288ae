"""Events are records that travel (DESIGN.md): a UUID born here, timestamps, a revision bumped
on every change, the installation that made them, and a tombstone instead of a deletion."""

from __future__ import annotations

import uuid

from doancoso.core.storage.models import MemberEvent
from doancoso.core.workspace import Workspace


def test_an_event_carries_what_it_needs_to_travel(ws: Workspace) -> None:
    member = ws.members.save({"full_name": "Lê Thị Hoa", "birth_date": "05/03/2001"})
    event_id = ws.events.record(member, "admission", "26/03/2018", "12-QĐ/ĐTN")
    with ws.db.read() as session:
        event = session.get(MemberEvent, event_id)
        assert event is not None
        assert str(uuid.UUID(event.id)) == event.id
        assert event.origin == ws.db.installation_id != ""
        assert event.organization_id == ws.organization.get().id  # type: ignore[union-attr]
        assert (event.revision, event.deleted_at) == (1, None)
        born = event.updated_at
        assert event.created_at is not None and born is not None
    ws.events.delete(event_id)
    with ws.db.read() as session:
        event = session.get(MemberEvent, event_id)
        assert event is not None and event.deleted_at is not None
        assert event.revision == 2 and event.updated_at >= born
    assert ws.events.history(member) == []
