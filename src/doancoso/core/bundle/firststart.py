"""A copy that holds nothing but its first-start setup, and how another organisation's bundle is
told apart from this one when both bear the same name (issue #17, the first start).

A successor who typed the organisation's name in the setup and clicked "Bắt đầu" before
receiving the handover has an organisation of its own (a new id, born on this machine): the
predecessor's bundle is then another organisation's. When this copy holds nothing but that
setup, the handover may *replace* it (``replace_setup``): the setup's organisation row is
removed and the bundle's organisation becomes this installation's, exactly as into a data folder
with no organisation. Otherwise the refusal names both organisations so that they are told
apart, even when their names are equal (their creation dates, secretaries and members).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..lang.text import nfc, vn_number
from .rows import travelling_tables
from .sync_errors import ForeignBundle, SyncError
from .validate import NOTHING_WRITTEN

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from ..workspace import Workspace
    from .rows import RowSource


@dataclass(frozen=True)
class SetupOnly:
    """The first-start setup this copy holds alone: its organisation's id, name and creation."""

    id: str
    name: str
    created_at: str


def only_setup(connection: Connection, organization_id: str) -> SetupOnly | None:
    """This copy's setup when the copy holds nothing else, else None.

    "Nothing else", precisely: the organisations table holds the one row ``organization_id``;
    every other travelling table (chi đoàn, members, their events, youth, plans, activities,
    attendance, evidence, settings, ratings, checklists, templates…) holds no row at all, not
    even a deleted one; and this installation never took a bundle (no exchange peer). Editing
    the organisation's own fields (name, place, secretary) is still only the setup."""
    for table in travelling_tables():
        if table == "organizations":
            continue
        if connection.exec_driver_sql(f"SELECT 1 FROM {table} LIMIT 1").first() is not None:
            return None
    if connection.exec_driver_sql("SELECT 1 FROM exchange_peers LIMIT 1").first() is not None:
        return None
    rows = connection.exec_driver_sql("SELECT id, name, created_at FROM organizations").all()
    if len(rows) != 1 or rows[0][0] != organization_id:
        return None
    org_id, name, created = rows[0]
    return SetupOnly(str(org_id), str(name), str(created))


def setup_of(ws: Workspace) -> SetupOnly | None:
    """:func:`only_setup` of ``ws``'s own organisation (None without one)."""
    from ..context import OWN_ORGANIZATION_KEY

    own = ws.db.get_meta(OWN_ORGANIZATION_KEY)
    if own is None:
        return None
    with ws.db.read() as session:
        return only_setup(session.connection(), own)


def replace_setup(connection: Connection, setup: SetupOnly) -> None:
    """Remove the setup's organisation, inside the import's transaction, once it is checked
    again there that the copy still holds nothing else (the dry run was a while ago)."""
    if only_setup(connection, setup.id) is None:
        raise SyncError(
            f"Trong lúc xem trước, máy này đã có thêm dữ liệu của “{setup.name}” nên không "
            f"còn thay được bằng dữ liệu trong tệp. {NOTHING_WRITTEN}"
        )
    connection.exec_driver_sql("DELETE FROM organizations WHERE id = ?", (setup.id,))


def day_text(value: Any) -> str:
    """A stored date and time (UTC, ISO 8601) as dd/mm/yyyy, or "" when it is not one."""
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return ""
    return moment.strftime("%d/%m/%Y")


def _their_row(source: RowSource, org_id: str) -> dict[str, Any]:
    """The bundle's own organisation row (a tiny table, read ahead of the walk), or {}."""
    if "organizations" not in source.tables():
        return {}
    return next((r for r in source.rows("organizations") if r.get("id") == org_id), {})


def foreign_bundle(
    ws: Workspace, source: RowSource, their_id: str, their_name: str, my_id: str
) -> ForeignBundle:
    """The refusal of another organisation's bundle, naming both so that they are told apart.

    Equal names would say "… of X, not of X": then it says this copy's X and the file's X are
    two organisations set up apart, with their creation dates, secretaries and members, and what
    to do. A copy
    that holds nothing but its setup is told it may take a handover in its place."""
    with ws.db.read() as session:
        connection = session.connection()
        mine = connection.exec_driver_sql(
            "SELECT name, created_at, secretary_name FROM organizations WHERE id = ?", (my_id,)
        ).first()
        handover = source.manifest.get("kind") == "handover"
        setup = only_setup(connection, my_id) if handover else None
        my_members = _live_members(connection, my_id)
    my_name = str(mine[0]) if mine else "Đoàn cơ sở này"
    my_day = day_text(mine[1]) if mine else ""
    their_row = _their_row(source, their_id)
    their_day = day_text(their_row.get("created_at"))
    theirs_text = f"“{their_name}”" + (f" (lập ngày {their_day})" if their_day else "")
    mine_text = f"“{my_name}”" + (f" (lập ngày {my_day})" if my_day else "")
    if setup is not None:
        situation = (
            f"Tệp này là dữ liệu của {theirs_text}, còn máy này mới chỉ có phần thiết lập ban "
            f"đầu của {mine_text}, chưa có chi đoàn, đoàn viên hay dữ liệu nào khác."
        )
    elif their_name.casefold() == my_name.casefold():
        situation = (
            f"Tệp này là dữ liệu của một Đoàn cơ sở khác cũng tên “{their_name}”: bản trong "
            f"tệp lập ngày {their_day or 'không rõ'}"
            f"{_who(their_row.get('secretary_name'), _their_members(source))}, bản trên máy "
            f"này được thiết lập riêng ngày {my_day or 'không rõ'}"
            f"{_who(mine[2] if mine else None, my_members)}, nên hai bản không trao đổi dữ "
            "liệu với nhau được."
        )
    else:
        situation = f"Tệp này là dữ liệu của “{their_name}”, không phải của “{my_name}”."
    return ForeignBundle(situation, their_name, my_name, setup_only=setup is not None)


def created_day(ws: Workspace) -> str:
    """The day ``ws``'s own organisation was set up (dd/mm/yyyy), or "" without one."""
    from ..context import OWN_ORGANIZATION_KEY

    own = ws.db.get_meta(OWN_ORGANIZATION_KEY)
    with ws.db.read() as session:
        found = (
            session.connection()
            .exec_driver_sql("SELECT created_at FROM organizations WHERE id = ?", (own,))
            .first()
        )
    return day_text(found[0]) if found else ""


def live_members(ws: Workspace) -> int:
    """The members ``ws``'s own organisation holds, deleted ones left out (as a bundle's
    ``live_counts`` counts them), or 0 without one: what tells two namesakes apart."""
    from ..context import OWN_ORGANIZATION_KEY

    own = ws.db.get_meta(OWN_ORGANIZATION_KEY)
    with ws.db.read() as session:
        return _live_members(session.connection(), own)


def _live_members(connection: Connection, organization_id: str | None) -> int:
    found = connection.exec_driver_sql(
        "SELECT count(*) FROM members WHERE organization_id = ? AND deleted_at IS NULL",
        (organization_id,),
    )
    return int(found.scalar_one())


def _their_members(source: RowSource) -> int | None:
    """The members the bundle holds, deleted ones left out (its manifest's ``live_counts``),
    or None when it does not say (a bundle made before they were written)."""
    live = source.manifest.get("live_counts")
    count = live.get("members") if isinstance(live, dict) else None
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        return None
    return count


def members_text(count: int) -> str:
    """ "40 đoàn viên", or "chưa có đoàn viên"."""
    return f"{vn_number(count)} đoàn viên" if count else "chưa có đoàn viên"


def _who(secretary: object, members: int | None) -> str:
    """ " (Bí thư Nguyễn Văn An, 40 đoàn viên)": what tells two namesakes apart to the
    secretary, where their ids ("mã a64bc18e") told her nothing; "" when nothing is known."""
    parts = [f"Bí thư {nfc(str(secretary))}"] if secretary else []
    if members is not None:
        parts.append(members_text(members))
    return f" ({', '.join(parts)})" if parts else ""
