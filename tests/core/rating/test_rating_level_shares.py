"""The shares of the rating's levels are each their count's own rounding, as the app's other
breakdowns are: 9, 63, 32 and 4 of 108 decided read 8,3 + 58,3 + 29,6 + 3,7 = 99,9%, the tenth
short left so (no form asks the shares to add to 100)."""

from __future__ import annotations

from doancoso.core.rating.records import LevelCounts
from doancoso.core.workspace import Workspace
from rating_data import BY_LEVEL, BY_LEVEL_SHARES, YEAR, decide_by_level


def test_each_share_of_the_levels_is_its_counts_own_rounding() -> None:
    counts = LevelCounts(None, "Toàn Đoàn cơ sở", dict(enumerate(BY_LEVEL, start=1)), 2, 3)
    assert counts.shares == {1: 8.3, 2: 58.3, 3: 29.6, 4: 3.7}
    assert tuple(counts.count_text(level) for level in (1, 2, 3, 4)) == BY_LEVEL_SHARES
    assert counts.share_text(2) == "58,3%"
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
    """Three thirds print 33,3 each: the first level's 33,3% exceeds a cap of 33,2%, and the
    warning says the share the decision prints."""
    ws.rating.set_rules(ws.rating.rules().text.replace('"value": null', '"value": 33.2'))
    decide_by_level(ws, "Chi đoàn ấp Một", (2, 2, 2))
    assert ws.rating.close_warnings(YEAR) == [
        "Tỉ lệ “Hoàn thành xuất sắc nhiệm vụ” là 33,3%, vượt giới hạn 33,2% trong quy tắc."
    ]
