"""Records an organisation holds once per year or per key, made apart on two copies of it
(issue #17's walkthrough, like :mod:`.duplicates`): the plan of a year, the rating round of a
year, the "3 chủ động" checklist of a year, a setting.

Each is held once (a unique index of its table: ``uq_plans_org_year``,
``uq_rating_rounds_org_year``, ``uq_checklists_org_year``, ``uq_settings_org_key``), so a bundle
whose new row holds a year or a key that a live row here already holds cannot be taken as it
is. merge.py's ``_unique`` finds them; those that can be joined without losing anything are
(:mod:`.joins`: a setting of the same value on both copies; a plan, round or checklist that one
copy made and left empty); the others are refused here (:func:`refusal`), all of the import,
naming each record on both sides as the user knows it — the year, when each side made it, what
it holds (the plan's title and its targets, the ratings entered, the checklist's template and
the items assessed; the setting's two values) — and the way out.

A plan, a rating round or a checklist holds other rows (targets, ratings, answers, evidence
files) that name it, so two of them that both hold something are never joined silently: what
one holds would have to be moved onto the other, item by item, which only the user can judge.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .firststart import day_text
from .sync_errors import SyncError
from .validate import NOTHING_WRITTEN

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .duplicates import Clashes
    from .rows import RowSource

YEARLY = ("plans", "rating_rounds", "checklists")
"""Tables holding one live row per year of an organisation."""


class DuplicateYearRecords(SyncError):
    """A plan, rating round, checklist or setting made on both copies: refused, naming each."""


# The refusal ----------------------------------------------------------------------------------


def refusal(session: Session, source: RowSource, table: str, clashes: Clashes) -> SyncError:
    """The refusal of ``clashes`` of ``table`` (one of :data:`YEARLY` or ``settings``)."""
    if table == "settings":
        return _settings(session, clashes)
    clashes = sorted(clashes, key=lambda c: int(c[2]["year"]))
    years = [int(c[2]["year"]) for c in clashes]
    describe = _DESCRIBE[table]
    lines = [
        f"• Năm {theirs['year']} — trên máy này: {describe(session, None, _row(session, table, i))}"
        f"; trong tệp: {describe(session, source, theirs)}."
        for i, _column, theirs in clashes
    ]
    what, made, each, remedy = _WORDS[table]
    return DuplicateYearRecords(
        f"{what} năm {_years(years)} đã được {made} riêng trên cả hai máy; mỗi năm chỉ có "
        f"{each} nên chưa nhận được tệp này:\n"
        + "\n".join(lines)
        + f"\n{remedy} {_STUCK.format(made=made)} {NOTHING_WRITTEN}",
        f"{table} of the same year on both copies: {[(c[0], c[2]['id']) for c in clashes]}",
    )


_STUCK = (
    "Khi một bên chỉ mới {made} mà chưa ghi gì, tệp được nhận và bản trống được bỏ; hai bản "
    "đều đã có nội dung thì phần mềm chưa gộp được, cũng chưa bỏ được bản của một năm trên "
    "một máy, nên tệp giữa hai máy chưa nhận được cho đến khi chỉ còn một bản có nội dung. Dữ "
    "liệu vẫn làm tiếp được trên từng máy."
)
_WORDS = {
    "plans": (
        "Kế hoạch công tác",
        "lập",
        "một kế hoạch",
        "Hãy thống nhất giữ kế hoạch của một máy, ghi thêm vào đó những gì chỉ có ở bản kia, "
        "và từ nay chỉ sửa kế hoạch ấy trên máy đã chọn.",
    ),
    "rating_rounds": (
        "Đợt xếp loại đoàn viên",
        "mở",
        "một đợt xếp loại",
        "Hãy thống nhất làm xếp loại năm đó trên một máy và ghi thêm vào đó những mức xếp loại "
        "chỉ có ở bản kia.",
    ),
    "checklists": (
        "Bảng tự đánh giá “3 chủ động”",
        "mở",
        "một bảng tự đánh giá",
        "Hãy thống nhất tự đánh giá năm đó trên một máy và ghi thêm vào đó những mục chỉ có ở "
        "bản kia.",
    ),
}


def _years(years: list[int]) -> str:
    return ", ".join(map(str, years))


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
        from .joins import rows_of  # the file's rows as read: a nullable column may be absent

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
    if row.get("state") == CLOSED:
        text += ", đã kết thúc đợt"
    return text


def _has_level(rating: Mapping[str, Any]) -> bool:
    return any(rating.get(f) is not None for f in ("self_level", "proposed_level", "decided_level"))


def _checklist(session: Session, source: RowSource | None, row: Mapping[str, Any]) -> str:
    from ..recognition.rules import NOT_ASSESSED

    text = f"theo bộ tiêu chí “{row['template_name']}”, mở ngày {day_text(row['created_at'])}, "
    assessed = _count(session, source, "checklist_answers", "checklist_id", row["id"],
                      lambda a: a.get("status", NOT_ASSESSED) != NOT_ASSESSED)  # fmt: skip
    return text + (f"{assessed} mục đã đánh giá" if assessed else "chưa đánh giá mục nào")


_DESCRIBE = {"plans": _plan, "rating_rounds": _round, "checklists": _checklist}


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
            day, month = (int(p) for p in value.split("/"))
            return f"ngày {day:02d}/{month:02d}"
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


def _settings(session: Session, clashes: Clashes) -> SyncError:
    lines = []
    for here_id, _column, theirs in sorted(clashes, key=lambda c: str(c[2]["key"])):
        mine = _row(session, "settings", here_id)
        key = str(theirs["key"])
        ours, their_text = setting_text(key, mine["value"]), setting_text(key, theirs["value"])
        if ours == their_text:  # two rules of one name, say: the values differ all the same
            ours, their_text = f"{ours} (một bản)", f"{their_text} (bản khác)"
        lines.append(
            f"• {setting_name(key)} — trên máy này: {ours}, đặt ngày "
            f"{day_text(mine['updated_at'])}; trong tệp: {their_text}, đặt ngày "
            f"{day_text(theirs['updated_at'])}."
        )
    return DuplicateYearRecords(
        "Thiết lập dưới đây đã được đặt riêng trên cả hai máy, mỗi máy một giá trị; mỗi thiết "
        "lập chỉ giữ một giá trị nên chưa nhận được tệp này:\n"
        + "\n".join(lines)
        + "\nHãy chọn giá trị giữ lại và đặt lại cho giống nhau trên một máy (trang Thiết lập, "
        "hoặc trang Xếp loại với quyết định công nhận), rồi nhận lại tệp: khi hai máy đặt cùng "
        f"một giá trị, tệp được nhận và hai máy giữ chung thiết lập đó. {NOTHING_WRITTEN}",
        f"settings set apart on both copies: {[(c[0], c[2]['id']) for c in clashes]}",
    )
