"""The same record entered apart on two copies of one organisation (issue #17's walkthrough):
the refusal that names it on both sides and says what to do.

Two copies that exchange bundles may each add "Chi đoàn 1", or each enter the same new member
(same CCCD). Taking the file would give two chi đoàn of one name (which the app refuses
elsewhere: "Đã có chi đoàn tên …") or two members of one CCCD (which the database refuses). The
import is refused, all of it (unique.py's ``check`` finds them; the dry run refuses the same),
with every such record listed as the user knows it — the chi đoàn's name and when each side
added it; the person's name, birth date, CCCD and chi đoàn on each side — and the way out,
which keeps one of the two so that both copies end equal at the next exchange.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from ..lang.dates import format_vn_date
from ..lang.text import collation_key, fold, name_sort_key
from .firststart import day_text
from .labels import field_label
from .sync_errors import SyncError
from .validate import NOTHING_WRITTEN

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .rows import RowSource

Clashes = list[tuple[str, str, dict[str, Any]]]
"""(the id of the row here, the column both hold the same value in, their row)."""
SHOWN = 10
"""Records named in one message at most (the rest are counted)."""
BACK = " (máy này đã xóa, máy kia vẫn giữ)"
"""Said of a record of the file that this copy deleted and the file brings back live."""
BACK_CHOICE = (
    " Nếu bản ghi máy này đã xóa có trong danh sách xung đột, chọn “Xóa” cho bản ghi đó thì nó "
    "không được đưa lại."
)
"""The other way out for such a record, when the file brings it back by the user's choice."""

TWO_OF_ONE_NAME = "; nhận tệp sẽ thành hai chi đoàn cùng tên:\n"
MERGED_THEN = (
    "ở trang Chi đoàn dùng “Gộp vào…” để gộp nó vào chi đoàn vừa nhận; ở lần trao đổi sau, máy "
    "kia cũng nhận được việc gộp này."
)
"""The end of the way out of two chi đoàn of one name that are one: the roster's merge."""


class DuplicateRecords(SyncError):
    """A chi đoàn or a member added on both copies: refused, naming each on both sides."""


def settle(merge: Any, session: Session, table: str, clashes: Clashes) -> Clashes:
    """What merge.py's walk does with ``clashes`` of ``table`` between two copies of one
    organisation: a plan, round or checklist of a year, or a setting, joined when nothing is
    lost (a setting of the same value on both, a plan of a year of which one holds nothing
    yet...: :mod:`.joins`), otherwise a conflict for the user's choice (:mod:`.one_per_year`);
    a chi đoàn or a member: the refusal naming each; the clashes left for merge.py's own
    message (a table described nowhere)."""
    from . import joins, one_per_year

    if table in one_per_year.KEYED:
        clashes = joins.join(merge, session, table, clashes)
        one_per_year.resolve(merge, session, table, clashes)  # a conflict each
        return []
    if not clashes:
        return clashes
    refused = refusal(session, merge.source, table, clashes, merge.revived)
    if refused is not None:
        raise refused
    return clashes


def refusal(
    session: Session,
    source: RowSource,
    table: str,
    clashes: Clashes,
    revived: set[str] | frozenset[str] = frozenset(),
) -> SyncError | None:
    """The refusal of ``clashes`` of ``table``: (the row here's id, the column, their row);
    None for a table this module does not describe (merge.py's own message then). Their rows
    of ``revived`` are not new: deleted here, the file holds them live (said so)."""
    pairs: dict[tuple[str, str], tuple[str, str, dict[str, Any]]] = {}
    for clash in clashes:  # a person clashing by CCCD and by member code: named once
        pairs.setdefault((clash[0], clash[2]["id"]), clash)
    clashes = list(pairs.values())
    # Named as the lists of the app order them, not in the order the other copy typed them in.
    if table == "branches":
        clashes.sort(key=lambda c: collation_key(str(c[2]["name"])))
        return _branches(session, clashes, revived)
    if table == "members":
        clashes.sort(key=lambda c: (name_sort_key(str(c[2]["full_name"])), str(c[2]["id"])))
        return _members(session, source, clashes, revived)
    return None


def more_cases(clashes: list[Any]) -> str:
    """The line closing a list of ``clashes`` shown :data:`SHOWN` at most: how many more there
    are ("• … và 3 trường hợp khác."), empty when all are shown."""
    rest = len(clashes) - SHOWN
    return f"\n• … và {rest} trường hợp khác." if rest > 0 else ""


def _branches(session: Session, clashes: Clashes, revived: set[str] | frozenset[str]) -> SyncError:
    lines = []
    for here_id, _column, theirs in clashes[:SHOWN]:
        name, created = (
            session.connection()
            .exec_driver_sql("SELECT name, created_at FROM branches WHERE id = ?", (here_id,))
            .one()
        )
        lines.append(
            f"• “{name}”: thêm trên máy này ngày {day_text(created)}, trong tệp"
            + (f" là “{theirs['name']}”" if theirs["name"] != name else "")
            + f" thêm ngày {day_text(theirs['created_at'])}"
            + (BACK if theirs["id"] in revived else "")
            + "."
        )
    back = any(c[2]["id"] in revived for c in clashes)
    lead = (
        "Chi đoàn trong tệp (mới, hoặc máy này đã xóa mà máy kia vẫn giữ) trùng tên với chi "
        "đoàn đang có trên máy này"
        if back
        else "Chi đoàn mới trong tệp trùng tên với chi đoàn đã có trên máy này (cùng một chi "
        "đoàn được thêm riêng ở cả hai máy)"
    )
    return DuplicateRecords(
        lead
        + TWO_OF_ONE_NAME
        + "\n".join(lines)
        + more_cases(clashes)
        + "\nHãy giữ một: trên máy này đổi tên chi đoàn đó (ví dụ thêm “(máy này)”) rồi nhận "
        f"lại tệp, sau đó {MERGED_THEN}" + (BACK_CHOICE if back else "") + f" {NOTHING_WRITTEN}",
        f"branches added on both copies: {[(c[0], c[2]['id']) for c in clashes]}",
    )


def renamed_onto(here_name: str, before: str, theirs_name: str, details: str) -> SyncError:
    """The refusal of the chi đoàn named ``before`` here that the file renames to
    ``theirs_name``, which chi đoàn ``here_name`` here holds (the roster's comparison): said as
    a new chi đoàn of that name is (:func:`_branches`), with the way to keep the two apart or
    make them one."""
    shown = f"là “{theirs_name}”, " if theirs_name != here_name else "là "
    return DuplicateRecords(
        "Chi đoàn đổi tên trong tệp trùng tên với chi đoàn đã có trên máy này (đổi tên ở máy "
        f"kia, sau lần trao đổi trước){TWO_OF_ONE_NAME}"
        f"• “{here_name}”: có trên máy này, trong tệp {shown}tên mới của chi đoàn “{before}”.\n"
        f"Hãy đổi tên một trong hai: trên máy này đổi tên chi đoàn “{here_name}” (ví dụ "
        f"thêm “(máy này)”) rồi nhận lại tệp; nếu hai chi đoàn là một, sau đó {MERGED_THEN} "
        f"{NOTHING_WRITTEN}",
        details,
    )


_PERSON = "SELECT full_name, birth_date, birth_precision, national_id, member_code, branch_id"


def _person(row: Mapping[str, Any], branch: str | None) -> str:
    text = str(row["full_name"])
    born = row.get("birth_date")
    if born:
        day = born if isinstance(born, date) else date.fromisoformat(str(born)[:10])
        text += f", sinh {format_vn_date(day, row.get('birth_precision') or 'day')}"
    if row.get("national_id"):
        text += f", Số CCCD {row['national_id']}"
    if row.get("member_code"):
        text += f", mã định danh {row['member_code']}"
    return text + (f", {branch}" if branch else ", chưa thuộc chi đoàn nào")


def _members(
    session: Session, source: RowSource, clashes: Clashes, revived: set[str] | frozenset[str]
) -> SyncError:
    connection = session.connection()
    ours_branches: dict[str, str] = {
        str(i): str(n) for i, n in connection.exec_driver_sql("SELECT id, name FROM branches")
    }  # a few dozen
    theirs_branches = {str(r["id"]): str(r["name"]) for r in source.rows("branches")}
    lines = []
    same = True
    for here_id, column, theirs in clashes[:SHOWN]:
        found = connection.exec_driver_sql(f"{_PERSON} FROM members WHERE id = ?", (here_id,))
        mine = dict(
            zip(
                ("full_name", "birth_date", "birth_precision", "national_id", "member_code",
                 "branch_id"),
                found.one(),
                strict=True,
            )
        )  # fmt: skip
        branch = theirs.get("branch_id")
        their_branch = theirs_branches.get(branch) or ours_branches.get(branch) if branch else None
        same = same and (
            fold(mine["full_name"]) == fold(theirs["full_name"])
            and str(mine["birth_date"])[:10] == str(theirs.get("birth_date"))[:10]
        )
        lines.append(
            f"• {field_label(column)} {theirs[column]} — trên máy này: "
            f"{_person(mine, ours_branches.get(mine['branch_id']))}; trong tệp: "
            f"{_person(theirs, their_branch)}{BACK if theirs['id'] in revived else ''}."
        )
    back = any(c[2]["id"] in revived for c in clashes)
    if back:
        lead = (
            "Tệp có đoàn viên (mới, hoặc máy này đã xóa mà máy kia vẫn giữ) trùng Số CCCD hoặc "
            "mã định danh với đoàn viên đang có trên máy này"
            + (" — cùng một người được nhập hai lần" if same else "")
        )
    else:
        lead = (
            "Tệp có đoàn viên mới trùng Số CCCD hoặc mã định danh với đoàn viên đã có trên máy "
            "này" + (" — cùng một người được nhập riêng ở cả hai máy" if same else "")
        )
    return DuplicateRecords(
        lead
        + ":\n"
        + "\n".join(lines)
        + more_cases(clashes)
        + "\nMỗi người chỉ giữ một bản: xóa người đó trong danh sách đoàn viên trên máy này "
        "rồi nhận lại tệp (người đó sẽ có theo bản trong tệp; quá trình, điểm danh… chỉ ghi ở "
        "bản bị xóa cần ghi lại), hoặc xóa ở máy kia rồi xuất tệp lại. Nếu là hai người khác "
        "nhau, hãy sửa lại số bị nhập sai." + (BACK_CHOICE if back else "") + f" {NOTHING_WRITTEN}",
        f"members added on both copies: {[(c[0], c[2]['id']) for c in clashes]}",
    )
