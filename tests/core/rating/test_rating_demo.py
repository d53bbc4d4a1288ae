"""The demo's rating, read back through the rating service as the app shows it: last year's
round rated and closed, this year's open with some proposals and a few decided."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from doancoso.core.demo.generator import generate
from doancoso.core.workspace import Workspace

TODAY = dt.date(2026, 11, 20)  # the demo's "today": most of the year's activities carried out


def test_demo_rounds(empty_ws: Workspace) -> None:
    ws = empty_ws
    generate(ws._ctx, members=400, seed=3, today=TODAY)
    last, this = ws.rating.round(2025), ws.rating.round(2026)
    assert last is not None and this is not None
    assert (last.state, last.own_level, [a for a, _ in last.history]) == ("closed", 2, ["close"])
    assert (this.state, this.own_level, this.history) == ("open", None, ())

    rows = ws.rating.rows(2025)
    rated = [r for r in rows if r.eligible]
    assert len(rated) > 250 and all(r.decided_level and r.proposed_level for r in rated)
    assert all(r.participation_entered and r.training_result for r in rated)  # by hand
    assert all(r.decided_level is None for r in rows if not r.eligible)
    temporary = [r for r in rows if r.reason and r.reason.startswith("Sinh hoạt tạm")]
    assert temporary and all(r.remark and r.proposed_remark for r in temporary)
    assert 0 < sum(r.differs_from_proposal for r in rated) < len(rated) // 5
    assert sum(r.self_text is not None for r in rated) > len(rated) // 5
    assert set(Counter(r.decided_level for r in rated)) == {1, 2, 3, 4}
    *branches, total = ws.rating.summary(2025)
    assert all(b.branch_level in (1, 2, 3) for b in branches) and total.undecided == 0
    assert ws.rating.member_history(rated[0].member_id) == [
        (2025, rated[0].decided_level, rated[0].remark, None)
    ]

    rows = ws.rating.rows(2026, as_of=TODAY)
    rated = [r for r in rows if r.eligible]
    assert all(not r.participation_entered for r in rows)  # from the attendance
    proposing = {r.branch for r in rated if r.proposed_level is not None}
    deciding = {r.branch for r in rated if r.decided_level is not None}
    names = sorted({b.branch for b in branches}, key=[b.branch for b in branches].index)
    assert proposing == set(names[: len(names) // 2]) and deciding == {names[0]}
    assert all(r.decided_level == r.proposed_level for r in rated if r.decided_level)
    assert ws.rating.close_warnings(2026)[0].startswith("Còn ")
    # a few on sick leave, a few with dues unpaid, the suggestion following the rules
    sick = [r for r in rated if r.sick_months]
    unpaid = [r for r in rated if r.dues_unpaid]
    assert sick and unpaid and len(sick) + len(unpaid) < len(rated) // 5
    assert {r.sick_months for r in sick} <= {2, 4, 5}
    assert all(r.suggested == 4 for r in unpaid if r.participation is not None)
    assert all(r.suggested in (3, 4) for r in sick if (r.sick_months or 0) > 3 and r.participation)
