"""A chi đoàn has one Bí thư: the rows of an import that would give a chi đoàn a second one
(two rows of the file, or a row against the sitting one) are warned of, in the member form's
words (:meth:`~doancoso.core.roster.service.MemberService.warnings`), and imported all the same:
the secretary decides who keeps the post, as the form and ``members add`` leave it to them."""

from __future__ import annotations

from ...lifecycle.rules import ACTIVE_STATUSES
from ..branches import SECRETARY, one_secretary_advice
from ..vocab import position_of
from .preview import NEW, UPDATE, ImportRow, Matcher
from .rows import WARNING, Problem, cached_fold

_MOVES = frozenset(("branch", "position"))
"""The fields whose change makes a member a Bí thư of a chi đoàn (or no longer one)."""


def warn_second_secretaries(rows: list[ImportRow], matcher: Matcher) -> None:
    """Add the warning to each row making someone Bí thư of a chi đoàn that already has one
    (a member of the active roster who stays so after the import, or an earlier row of the
    file, named with its row number). A row that leaves a sitting Bí thư as they are is not
    warned of, as the form does not ask again when neither position nor chi đoàn changed."""
    moved = {r.member_id for r in rows if r.action == UPDATE and _MOVES.intersection(r.changed)}
    sitting: dict[str, list[tuple[str, str]]] = {}  # folded chi đoàn → (sort key, name)
    for member_id, stored in matcher.members.items():
        values = stored.values
        if (member_id not in moved and stored.branch_name
                and values["status"] in ACTIVE_STATUSES
                and position_of(values["position"] or "") == SECRETARY):  # fmt: skip
            key = cached_fold(stored.branch_name)
            sitting.setdefault(key, []).append((values["sort_key"], values["full_name"]))
    named: dict[str, list[str]] = {key: [n for _, n in sorted(v)] for key, v in sitting.items()}
    for row in rows:
        found = _secretary_of(row, matcher)
        if found is None:
            continue
        key = cached_fold(found)
        others = named.setdefault(key, [])
        if others:
            message = f"Chi đoàn “{found}” đã có {SECRETARY}: {', '.join(others)}. "
            row.problems.append(Problem(message + one_secretary_advice(), WARNING, "position"))
        others.append(f"{row.values['full_name']} (dòng {row.row})")


def _secretary_of(row: ImportRow, matcher: Matcher) -> str | None:
    """The chi đoàn (its name as the import stores it) of which ``row`` makes its member Bí
    thư, or None: a new member, or an update changing the position or the chi đoàn, that
    leaves a Bí thư of a chi đoàn on the active roster."""
    values = row.values
    if row.action == NEW:
        branch, position = values.get("branch"), values.get("position")
        status = values.get("status", "active")
    elif row.action == UPDATE and row.member_id is not None and _MOVES.intersection(row.changed):
        stored = matcher.members[row.member_id]
        branch = values["branch"] if "branch" in row.changed else stored.branch_name
        position = values["position"] if "position" in row.changed else stored.values["position"]
        status = stored.values["status"]
    else:
        return None
    if (not isinstance(branch, str) or not branch or status not in ACTIVE_STATUSES
            or position_of(str(position or "")) != SECRETARY):  # fmt: skip
        return None
    return branch
