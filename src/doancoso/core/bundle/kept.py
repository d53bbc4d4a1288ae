"""A key the file frees that the user's choice holds again (issue #17: "never a silent loss").

The other copy deletes a chi đoàn (or a person, or changes their CCCD) and adds a new one
holding its key: "Chi đoàn ấp Mới" deleted and made again, a person deleted and entered again
with the same CCCD. This copy changed that record meanwhile: a conflict, and the user keeps
this copy's version ("Giữ lại", ``--on-conflict mine``). The file's version freed the key, so
the new record's check against the rows here lets it pass (unique.py); the version kept holds
it again, and taking both would leave two chi đoàn of one name (the roster refuses that) or
two people of one CCCD (the database refuses that, with no word of who). The import, and its
dry run given the same choice, is refused instead, naming both records and the way out:
choose “Xóa” (or the file's value) for the record kept, or tell the two apart.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from .duplicates import BACK, SHOWN, DuplicateRecords, more_cases
from .firststart import day_text
from .labels import field_label, row_label
from .rows import travelling_tables
from .validate import NOTHING_WRITTEN

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Kept = list[tuple[str, str, dict[str, Any], bool]]
"""(the id of the row kept here, the column, their new row, whether the file deletes the row
kept: otherwise it moves it off that key)."""
CHOSEN = "theo lựa chọn trong danh sách xung đột"


def refusal(session: Session, table: str, kept: Kept, revived: set[str]) -> DuplicateRecords:
    """The refusal of ``kept`` (not empty) of ``table``; their rows of ``revived`` are not
    new: deleted here, the file holds them live (said so)."""
    if table == "branches":
        return _branches(session, kept, revived)
    here_id, column, theirs, gone = kept[0]
    model = travelling_tables()[table]
    held = session.execute(model.select().where(model.c.id == here_id)).mappings().one()
    here = row_label(table, {k: v.isoformat() if isinstance(v, date) else v
                             for k, v in held.items()})  # fmt: skip
    label = field_label(column)
    whom = "người" if table == "members" else "bản ghi"
    if gone:
        done, way = "đã xóa", f"chọn “Xóa” cho {here}"
    else:
        done, way = f"đã đổi {label}", f"chọn lấy {label} trong tệp cho {here}"
    new = BACK.strip(" ()") if theirs["id"] in revived else "mới trong tệp"
    return DuplicateRecords(
        f"{row_label(table, theirs)}, {new}, có {label} “{theirs[column]}” trùng với {here} "
        f"trên máy này, {whom} mà máy kia {done} nhưng máy này giữ lại {CHOSEN}. Hãy {way} "
        f"trong danh sách xung đột, hoặc sửa một trong hai rồi nhập lại. {NOTHING_WRITTEN}",
        f"{table} kept here by choice, their new rows on its key: "
        f"{[(k[0], k[2]['id']) for k in kept]}",
    )


def _branches(session: Session, kept: Kept, revived: set[str]) -> DuplicateRecords:
    lines = []
    names = []
    for here_id, _column, theirs, deleted in kept[:SHOWN]:
        sql = "SELECT name FROM branches WHERE id = ?"
        (name,) = session.connection().exec_driver_sql(sql, (here_id,)).one()
        names.append(str(name))
        lines.append(
            f"• “{name}”: "
            + (
                "giữ lại trên máy này"
                if deleted
                else "giữ tên này trên máy này (máy kia đã đổi tên)"
            )
            + ", trong tệp"
            + (f" là “{theirs['name']}”" if theirs["name"] != name else "")
            + f" thêm ngày {day_text(theirs['created_at'])}"
            + (BACK if theirs["id"] in revived else "")
            + "."
        )
    gone = {k[3] for k in kept}
    keep = "giữ lại"
    if gone == {True}:
        what, choice = "đã xóa", "“Xóa”"
    elif gone == {False}:
        what, keep, choice = "đã đổi tên", "giữ tên", "lấy tên trong tệp"
    else:
        what, choice = "đã xóa hoặc đổi tên", "“Xóa” (lấy tên trong tệp nếu máy kia đổi tên)"
    which = f"chi đoàn “{names[0]}”" if len(kept) == 1 else "các chi đoàn đó"
    return DuplicateRecords(
        f"Chi đoàn mới trong tệp trùng tên với chi đoàn máy kia {what} mà máy này {keep} "
        f"{CHOSEN}; nhận tệp sẽ thành hai chi đoàn cùng tên:\n"
        + "\n".join(lines)
        + more_cases(kept)
        + f"\nHãy chọn {choice} cho {which} trong danh sách xung đột; nếu là hai chi đoàn khác "
        "nhau, trên máy này đổi tên chi đoàn đó (ví dụ thêm “(máy này)”) rồi nhận lại tệp. "
        f"{NOTHING_WRITTEN}",
        f"branches kept here by choice, their new rows on its name: "
        f"{[(k[0], k[2]['id']) for k in kept]}",
    )
