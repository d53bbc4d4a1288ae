"""Whether a backup holds another Đoàn cơ sở than the data in use, and the words naming both.

Told by the organisation's id, as a bundle of another organisation is (bundle/firststart.py):
a union renamed since the backup (or one that took a neighbour in under a new name) keeps its
id, so its backup is its own; two unions set up apart under one name are two, told apart by
their setup day and id. The CLI's restore refuses another union's backup and the window's
question names it, both with these words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..bundle.firststart import day_text
from ..lang.text import vn_number
from .store import HeldOrganization, held_organization, readable

if TYPE_CHECKING:
    from ..workspace import Workspace


def backup_union(backup: Path) -> HeldOrganization | None:
    """The organisation ``backup`` holds, read as the restore reads it (a backup on a
    write-protected stick beside a hot journal is read from a private copy), changing
    nothing; None when it holds none or cannot be read (the restore then says what is wrong)."""
    with readable(backup) as source:
        return held_organization(source)


def union_in_use(ws: Workspace) -> HeldOrganization | None:
    """The organisation ``ws`` holds as its own (None before the first-start setup), read
    through ``ws`` (the open app's latest writes included), to compare with a backup's."""
    from ..context import OWN_ORGANIZATION_KEY

    own = ws.db.get_meta(OWN_ORGANIZATION_KEY)
    if own is None:
        return None
    with ws.db.read() as session:
        found = (
            session.connection()
            .exec_driver_sql("SELECT name, created_at FROM organizations WHERE id = ?", (own,))
            .first()
        )
    if found is None:
        return None
    return HeldOrganization(own, str(found[0]), ws.members.count(), str(found[1] or ""))


@dataclass(frozen=True)
class OtherUnion:
    """A backup of another union than the one in use, and the words naming each."""

    theirs: HeldOrganization
    mine: HeldOrganization
    their_words: str
    """E.g. “Đoàn xã Phú Mỹ”, or for one of the same name: một Đoàn cơ sở khác cũng tên “Đoàn
    xã Tân Hưng” (lập ngày 02/12/2026, mã 1a2b3c4d)."""
    my_words: str
    """E.g. “Đoàn xã Tân Hưng” (with its setup day and id when the names are the same)."""

    @property
    def same_name(self) -> bool:
        return _same_name(self.theirs, self.mine)


def other_union(
    theirs: HeldOrganization | None, mine: HeldOrganization | None, *, members: bool = False
) -> OtherUnion | None:
    """None when ``theirs`` is ``mine`` (the same id, whatever the names), or either is not
    known (no organisation in use: a first start takes any backup; a backup that cannot be read
    is refused by the restore with what is wrong); else the words naming each. ``members``:
    with their member counts."""
    if theirs is None or mine is None or theirs.id == mine.id:
        return None
    same = _same_name(theirs, mine)
    their_words = _words(theirs, members, same)
    if same:
        their_words = f"một Đoàn cơ sở khác cũng tên {their_words}"
    return OtherUnion(theirs, mine, their_words, _words(mine, members, same))


def _same_name(one: HeldOrganization, other: HeldOrganization) -> bool:
    return one.name.casefold() == other.name.casefold()


def _words(org: HeldOrganization, members: bool, same_name: bool) -> str:
    said = []
    if same_name:
        said.append(f"lập ngày {day_text(org.created_at) or 'không rõ'}, mã {org.id[:8]}")
    if members and org.members is not None:
        said.append(f"{vn_number(org.members)} đoàn viên")
    return f"“{org.name}”" + (f" ({', '.join(said)})" if said else "")
