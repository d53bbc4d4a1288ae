"""The results under the grid write each level's share as its count's own rounding, as
printed: 9, 63, 32 and 4 decided read 8,3% + 58,3% + 29,6% + 3,7% (99,9% in all)."""

from __future__ import annotations

from doancoso.ui.rating.page import RatingPage
from rating_data import BY_LEVEL_SHARES, decide_by_level

from .conftest import AP_1, AP_2, SHOWN, Round

pytestmark = SHOWN


def test_each_share_of_the_levels_is_rounded_on_its_own(page: RatingPage, rated: Round) -> None:
    decide_by_level(rated.ws, "Chi đoàn ấp Ba")
    page.refresh()
    rows = page.results.summary.row_texts()
    assert [row[0] for row in rows] == [AP_1, AP_2, "Chi đoàn ấp Ba", "Toàn Đoàn cơ sở"]
    assert rows[2] == ("Chi đoàn ấp Ba", *BY_LEVEL_SHARES, "0", "0", "")
    # the five members of the other chi đoàn not decided yet, the guest on temporary activity
    assert rows[3] == ("Toàn Đoàn cơ sở", *BY_LEVEL_SHARES, "5", "1", "")
