"""Records an organisation holds once per year or per key, made apart on two copies of it
(issue #17's walkthrough, like :mod:`.duplicates`): the plan of a year, the rating round of a
year, the "3 chủ động" checklist of a year, a setting, a criteria template of a name.

Each is held once (a unique index of its table: ``uq_plans_org_year``,
``uq_rating_rounds_org_year``, ``uq_checklists_org_year``, ``uq_settings_org_key``; a template
by ``add_template``, which replaces the one of its name), so a bundle
whose new row holds a year or a key that a live row here already holds cannot be taken as it
is. unique.py's ``check`` finds them; those that can be joined without losing anything are
(:mod:`.joins`: a setting of the same value on both copies, a template of the same content; a
plan, round or checklist that one copy made and left empty). Each of the others is a
**conflict** of the import
(:class:`~.outcome.Conflict` with ``mine_id``), shown as the user knows the two records — the
year, when each side made it, what it holds (the plan's title and its targets, the ratings
entered, the checklist's template and the items assessed; the setting's two values) — and
resolved like any conflict, by a choice (the wizard's, or ``--on-conflict``): the record kept,
"mine" or "theirs". The other is deleted as a new version of this installation, with the rows
that name it (a plan's targets, a round's ratings, a checklist's answers and the evidence files
attached to them), as the user deleting it here would: the deletions travel back with the next
bundle, and the other copy deletes them too. Without a choice nothing is written.

A plan, a rating round or a checklist holds other rows that name it, so two of them that both
hold something are never joined silently: what one holds would have to be moved onto the
other, item by item, which only the user can judge; keeping one whole is what the import can
offer.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..plans.registration import read_stored
from .firststart import day_text
from .joins import DEPENDENTS, rows_of, rows_where, tombstone
from .outcome import RECORD, Conflict, FieldDiff

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .duplicates import Clashes
    from .rows import RowSource

YEARLY = ("plans", "rating_rounds", "checklists")
"""Tables holding one live row per year of an organisation."""
KEYED = (*YEARLY, "settings", "criteria_templates")
"""Tables holding one live row per year or key of an organisation (a template: per name)."""
EVIDENCE_OWNERS = ("checklist_answers",)
"""The rows naming a yearly record that evidence files are attached to."""


# The conflicts -------------------------------------------------------------------------------


def resolve(merge: Any, session: Session, table: str, clashes: Clashes) -> None:
    """Each of ``clashes`` of ``table`` (one of :data:`YEARLY` or ``settings``) left by joins.py:
    a conflict of the import, resolved by the choice made for it; the record not kept deleted
    with the rows naming it (see the module). Left without a choice (``plan.unresolved``), the
    file's record is not written, so that the walk goes on to its end and the import stops
    before its commit.

    ``merge`` is merge.py's walk: ``held`` (the table's new rows, written after this),
    ``plan``, ``write``, ``me``, ``source``, ``on_conflict``, ``dropped_parents``."""
    from ..storage.models import utc_now
    from .threeway import choices as threeway_choices

    now = utc_now().isoformat()
    theirs_dropped: set[str] = set()
    for here_id, _column, theirs in sorted(clashes, key=_order):
        mine = _row(session, table, here_id)
        ours, their_text = (
            _text(session, None, table, mine),
            _text(session, merge.source, table, theirs),
        )
        if ours == their_text:  # two rules of one name, say: the records differ all the same
            ours, their_text = f"{ours} (một bản)", f"{their_text} (bản khác)"
        record = FieldDiff(RECORD, _FIELD.get(table, "Giá trị"), ours, their_text)
        conflict = Conflict(table, theirs["id"], label(table, theirs), [record], mine_id=here_id)
        merge.plan.conflicts.append(conflict)
        choices = threeway_choices(conflict, merge.on_conflict)
        if choices is None:
            merge.plan.unresolved.append(conflict)
        if choices is None or choices[RECORD] == "mine":
            theirs_dropped.add(theirs["id"])
            merge.plan.uncount(merge.counted_in(theirs["id"]), table)
            if choices is not None:  # what the user sees stays as it was
                merge.plan._count(merge.plan.unchanged, table)  # noqa: SLF001 - its counter
            for named, column in DEPENDENTS.get(table, ()):
                merge.dropped_parents.setdefault(named, (column, set()))[1].add(theirs["id"])
        else:
            _drop_ours(merge, session, table, here_id, now)
    if theirs_dropped:
        merge.held[:] = [
            tombstone(r, merge.me, now) if r["id"] in theirs_dropped else r for r in merge.held
        ]


def label(table: str, row: Mapping[str, Any]) -> str:
    """The record as the user knows it: "Kế hoạch công tác năm 2027", a setting's name."""
    if table == "settings":
        return setting_name(str(row["key"]))
    if table == "criteria_templates":
        return f"Bộ tiêu chí “{row['name']}”"
    return f"{_LABEL[table]} năm {row['year']}"


_LABEL = {
    "plans": "Kế hoạch công tác",
    "rating_rounds": "Đợt xếp loại đoàn viên",
    "checklists": "Bảng tự đánh giá “3 chủ động”",
}
_FIELD = {
    "plans": "Kế hoạch",
    "rating_rounds": "Đợt xếp loại",
    "checklists": "Bảng tự đánh giá",
    "criteria_templates": "Bộ tiêu chí",
}


def _order(clash: tuple[str, str, dict[str, Any]]) -> tuple[Any, ...]:
    theirs = clash[2]
    return (str(theirs.get("key") or theirs.get("name") or ""), int(theirs.get("year") or 0))


def _text(session: Session, source: RowSource | None, table: str, row: Mapping[str, Any]) -> str:
    """What a record holds, in words (here: ``source`` None)."""
    if table == "settings":
        value = setting_text(str(row["key"]), row["value"])
        return f"{value}, đặt ngày {day_text(row['updated_at'])}"
    return _DESCRIBE[table](session, source, row)


def _drop_ours(merge: Any, session: Session, table: str, row_id: str, now: str) -> None:
    """The file's record kept: ours deleted, with its live rows naming it and the evidence
    attached to those (counted as deleted; written only when the walk writes)."""

    live = "deleted_at IS NULL"
    parts: list[tuple[str, str, tuple[Any, ...]]] = [(table, f"id = ? AND {live}", (row_id,))]
    for named, column in DEPENDENTS.get(table, ()):
        if named in EVIDENCE_OWNERS:
            parts.append((
                "evidence_files",
                f"{live} AND owner_table = ? AND owner_id IN "
                f"(SELECT id FROM {named} WHERE {column} = ? AND {live})",
                (named, row_id),
            ))  # fmt: skip
        parts.append((named, f"{column} = ? AND {live}", (row_id,)))
    for part, where, parameters in parts:  # the evidence first: it is found through its owners
        rows = rows_where(session, part, where, parameters)
        if not rows:
            continue
        merge.plan.deleted[part] = merge.plan.deleted.get(part, 0) + len(rows)
        if merge.write:
            _delete(merge, session, part, rows, now)


def drop_named(
    merge: Any, table: str, rows: list[dict[str, Any]], updates: bool = False
) -> list[dict[str, Any]]:
    """``rows`` of ``table`` (to be written), those naming a record of the file that a choice
    did not keep deleted with it (their versions agreed with the file as they came: only what
    is written changes). Those that were live are no longer counted as new (as updated, for
    ``updates`` of rows here: a row the file brings back with its record, :mod:`.cascade`)."""
    from ..storage.models import utc_now

    column, parents = merge.dropped_parents[table]
    now = utc_now().isoformat()
    kept = []
    for row in rows:
        if row.get(column) in parents:
            if updates and row["deleted_at"] is not None:
                kept.append(row)  # deleted already, as taken
                continue
            if row["deleted_at"] is None:
                merge.plan.uncount(merge.plan.updated if updates else merge.plan.new, table)
                if table in EVIDENCE_OWNERS:
                    merge.dropped_owners.setdefault(table, set()).add(row["id"])
            row = tombstone(row, merge.me, now)
        kept.append(row)
    return kept


def drop_evidence(merge: Any, session: Session) -> None:
    """After the walk: the file's evidence files attached to rows :func:`drop_named` deleted
    (walked before them), deleted too."""
    from ..storage.models import utc_now

    dropped = [
        row["id"]
        for row in rows_of(merge.source, "evidence_files")
        if row.get("deleted_at") is None
        and row.get("owner_id") in merge.dropped_owners.get(str(row.get("owner_table")), ())
    ]
    if not dropped:
        return
    merge.plan.uncount(merge.plan.new, "evidence_files", len(dropped))
    if merge.write:
        for start in range(0, len(dropped), 500):
            part = dropped[start : start + 500]
            marks = ", ".join("?" * len(part))
            rows = rows_where(session, "evidence_files", f"id IN ({marks})", tuple(part))
            _delete(merge, session, "evidence_files", rows, utc_now().isoformat())


def _delete(merge: Any, session: Session, table: str, rows: list[dict[str, Any]], now: str) -> None:
    from .dbwrite import writer

    writer(table, session.connection().dialect).update(
        session, [tombstone(r, merge.me, now) for r in rows]
    )


def _row(session: Session, table: str, row_id: str) -> dict[str, Any]:
    result = session.connection().exec_driver_sql(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    return dict(result.mappings().one())


def _count(
    session: Session,
    source: RowSource | None,
    table: str,
    owner: str,
    row_id: str,
    counted: Callable[[Mapping[str, Any]], bool] | None = None,
) -> int:
    """The live rows of ``table`` whose ``owner`` column names ``row_id``, here (``source``
    None) or in the file, those ``counted`` holds true of (all when None)."""
    rows: Iterable[Mapping[str, Any]]
    if source is None:
        query = f"SELECT * FROM {table} WHERE {owner} = ? AND deleted_at IS NULL"
        rows = map(dict, session.connection().exec_driver_sql(query, (row_id,)).mappings())
    else:
        rows = (
            r
            for r in rows_of(source, table)
            if r.get(owner) == row_id and r.get("deleted_at") is None
        )
    return sum(1 for r in rows if counted is None or counted(r))


def _plan(session: Session, source: RowSource | None, row: Mapping[str, Any]) -> str:
    from ..plans.rules import NOT_REGISTERED, REGISTRATION_STATES

    text = f"“{row['title']}”"
    if row.get("number"):
        text += f" (số {row['number']})"
    text += f", lập ngày {day_text(row['created_at'])}, "
    targets = _count(session, source, "plan_targets", "plan_id", row["id"])
    text += f"{targets} chỉ tiêu" if targets else "chưa có chỉ tiêu"
    state = row.get("registration_state")
    if state and state != NOT_REGISTERED:
        text += f", {REGISTRATION_STATES.get(state, state).lower()} đăng ký"
    return text


def _round(session: Session, source: RowSource | None, row: Mapping[str, Any]) -> str:
    from ..rating.records import CLOSED

    text = f"mở ngày {day_text(row['created_at'])}, "
    rated = _count(session, source, "ratings", "round_id", row["id"], _has_level)
    text += f"{rated} đoàn viên đã có mức xếp loại" if rated else "chưa có mức xếp loại nào"
    # A member's sick leave and unpaid dues are data too (migration 0014), typed before any
    # level: named, so that a round holding only them is not taken for an empty one.
    for fact, words in _FACTS:
        noted = _count(session, source, "ratings", "round_id", row["id"], _holding(fact))
        if noted:
            text += f", {noted} đoàn viên {words}"
    if row.get("state") == CLOSED:
        text += ", đã kết thúc đợt"
    return text


_FACTS = (("sick_months", "có số tháng nghỉ ốm"), ("dues_unpaid", "chưa đóng đủ đoàn phí"))
"""The facts a rating may hold without a level, and how a round's text names them."""


def _holding(fact: str) -> Callable[[Mapping[str, Any]], bool]:
    return lambda rating: bool(rating.get(fact))


def _has_level(rating: Mapping[str, Any]) -> bool:
    return any(rating.get(f) is not None for f in ("self_level", "proposed_level", "decided_level"))


def _checklist(session: Session, source: RowSource | None, row: Mapping[str, Any]) -> str:
    from ..recognition.rules import NOT_ASSESSED

    text = f"theo bộ tiêu chí “{row['template_name']}”, mở ngày {day_text(row['created_at'])}, "
    assessed = _count(session, source, "checklist_answers", "checklist_id", row["id"],
                      lambda a: a.get("status", NOT_ASSESSED) != NOT_ASSESSED)  # fmt: skip
    return text + (f"{assessed} mục đã đánh giá" if assessed else "chưa đánh giá mục nào")


def _template(_session: Session, _source: RowSource | None, row: Mapping[str, Any]) -> str:
    from ..errors import AppError
    from ..recognition.template import parse_template

    text = f"nhập ngày {day_text(row['created_at'])}"
    if row.get("province"):
        text += f", tỉnh {row['province']}"
    try:
        items = len(parse_template(str(row["content"])).items)
    except AppError:  # (a template this version cannot read: the refusal is the reader's)
        return text
    return f"{text}, {items} mục"


_DESCRIBE = {
    "plans": _plan,
    "rating_rounds": _round,
    "checklists": _checklist,
    "criteria_templates": _template,
}


# Settings -------------------------------------------------------------------------------------

_SETTING_NAMES = {
    "plan_deadline": "Hạn đăng ký kế hoạch năm sau với cấp trên",
    "evidence_max_mb": "Dung lượng tối đa của một tệp minh chứng",
    "rating_rules": "Quy tắc xếp loại đoàn viên",
}
_DECISION = "rating_decision_"


def setting_name(key: str) -> str:
    """A setting in words: "Hạn đăng ký kế hoạch năm sau với cấp trên"; an unknown one by its
    key."""
    if key.startswith(_DECISION) and key[len(_DECISION) :].isdigit():
        return f"Quyết định công nhận kết quả xếp loại năm {key[len(_DECISION) :]}"
    return _SETTING_NAMES.get(key, f"Thiết lập “{key}”")


def setting_text(key: str, value: str) -> str:
    """A setting's value as the user sets it ("ngày 01/11", "20 MB", the rules' name...)."""
    try:
        if key == "plan_deadline":
            deadline = read_stored(value)
            if deadline is not None:
                in_plan_year = " của năm kế hoạch" if deadline.in_plan_year else ""
                return f"ngày {deadline.text}{in_plan_year}"
        if key == "evidence_max_mb":
            return f"{int(value)} MB"
        if key == "rating_rules":
            name = json.loads(value).get("name")
            return f"“{name}”" if isinstance(name, str) and name.strip() else "quy tắc riêng"
        if key.startswith(_DECISION):
            decision = json.loads(value)
            issued = decision["issued_on"]
            return f"số {decision['number']} ngày {issued[8:10]}/{issued[5:7]}/{issued[0:4]}"
    except (ValueError, TypeError, KeyError, AttributeError, IndexError):
        pass
    return f"“{value[:60]}…”" if len(value) > 60 else f"“{value}”"
