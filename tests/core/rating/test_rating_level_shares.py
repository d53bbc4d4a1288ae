"""The shares of the rating's levels add to exactly 100,0, as the app's other breakdowns do:
9, 63, 32 and 4 of 108 decided, each rounded on its own, read 8,3 + 58,3 + 29,6 + 3,7 = 99,9%."""

from __future__ import annotations

from doancoso.core.rating.records import LevelCounts
from doancoso.core.workspace import Workspace
from rating_data import BY_LEVEL, BY_LEVEL_SHARES, YEAR, decide_by_level


def test_the_shares_of_the_levels_add_to_100() -> None:
    counts = LevelCounts(None, "Toàn Đoàn cơ sở", dict(enumerate(BY_LEVEL, start=1)), 2, 3)
    assert counts.shares == {1: 8.3, 2: 58.4, 3: 29.6, 4: 3.7}
    assert round(sum(counts.shares.values()) * 10) == 1000
    assert tuple(counts.count_text(level) for level in (1, 2, 3, 4)) == BY_LEVEL_SHARES
    assert counts.share_text(2) == "58,4%"
    none = LevelCounts(None, "Chi đoàn ấp Hai", {1: 0, 2: 0, 3: 0, 4: 0}, 4, 1)
    assert none.shares == {1: 0.0, 2: 0.0, 3: 0.0, 4: 0.0}
    assert [none.count_text(level) for level in (1, 2, 3, 4)] == ["0"] * 4
    assert none.share_text(1) is None


def test_the_round_counts_its_decided_members_so(ws: Workspace) -> None:
    decide_by_level(ws, "Chi đoàn ấp Một")
    *_, total = ws.rating.summary(YEAR)
    assert (total.rated, total.undecided, total.not_rated) == (108, 0, 0)
    assert tuple(total.count_text(level) for level in (1, 2, 3, 4)) == BY_LEVEL_SHARES


def test_the_level1_cap_is_checked_on_the_share_the_decision_prints(ws: Workspace) -> None:
    """Three thirds print 33,4 + 33,3 + 33,3: the first level's 33,4% exceeds a cap of 33,3%,
    and the warning says the share the decision prints."""
    ws.rating.set_rules(ws.rating.rules().text.replace('"value": null', '"value": 33.3'))
    decide_by_level(ws, "Chi đoàn ấp Một", (2, 2, 2))
    assert ws.rating.close_warnings(YEAR) == [
        "Tỉ lệ “Hoàn thành xuất sắc nhiệm vụ” là 33,4%, vượt giới hạn 33,3% trong quy tắc."
    ]
