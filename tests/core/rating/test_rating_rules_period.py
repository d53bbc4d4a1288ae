"""The rules of a round after 2027 (or before 2023): the app holds only the default rules of
2023–2027 (DOMAIN.md §3), so a round of 2028 opens with them carried over, named so (not as
rules of a period 2028 is not in), one of 2022 with them named as used for it, the opening told
why; a year of the period and a province's rules are left as they are."""

from __future__ import annotations

import datetime as dt
import json

from doancoso.core.rating.rules import carried_over, default_rules
from doancoso.core.workspace import Workspace

PERIOD_NAME = "Quy tắc xếp loại đoàn viên mặc định, nhiệm kỳ 2023–2027"
CARRIED = "Quy tắc xếp loại đoàn viên mặc định của nhiệm kỳ 2023–2027, dùng tiếp cho năm 2028"
NOTICE = (
    "Năm 2028 không thuộc nhiệm kỳ 2023–2027, nhưng ứng dụng chỉ có quy tắc xếp loại của nhiệm "
    "kỳ này (Hướng dẫn 25-HD/TWĐTN-BTC năm 2023): đợt xếp loại năm 2028 dùng tiếp quy tắc đó cho "
    "đến khi Đoàn ban hành hướng dẫn mới. Khi có hướng dẫn mới, hãy nhập tệp quy tắc mới ở Thiết "
    "lập → Quy tắc xếp loại…; mỗi đợt xếp loại giữ quy tắc của lúc mở đợt."
)


def test_a_round_of_2028_opens_with_the_rules_of_2023_2027_named_as_carried_over(
    ws: Workspace,
) -> None:
    opened = ws.rating.open(2028)
    assert opened.rules.name == CARRIED
    assert carried_over(opened.rules, 2028) == NOTICE
    # The rules themselves are those of 2023–2027, untouched: only their name says the year.
    shipped = default_rules()
    assert opened.rules.name != shipped.name
    assert opened.rules.sources == shipped.sources
    assert json.loads(opened.rules.text)["rules"] == json.loads(shipped.text)["rules"]
    kept = ws.rating.round(2028)  # as the round keeps it, read back
    assert kept is not None and kept.rules == opened.rules
    # Rated without opening first (a script), the round is named the same.
    ws.rating.set_own_level(2029, 2)
    later = ws.rating.round(2029)
    assert later is not None
    assert later.rules.name == CARRIED.replace("năm 2028", "năm 2029")
    assert carried_over(later.rules, 2029) == NOTICE.replace("2028", "2029")


EARLIER = "Quy tắc xếp loại đoàn viên mặc định của nhiệm kỳ 2023–2027, dùng cho năm 2022"
EARLIER_NOTICE = (
    "Năm 2022 không thuộc nhiệm kỳ 2023–2027, nhưng ứng dụng chỉ có quy tắc xếp loại của nhiệm "
    "kỳ này (Hướng dẫn 25-HD/TWĐTN-BTC năm 2023): đợt xếp loại năm 2022 dùng quy tắc đó thay cho "
    "quy tắc đã áp dụng năm ấy. Nếu có tệp quy tắc của năm 2022, hãy nhập ở Thiết lập → Quy tắc "
    "xếp loại… trước khi mở đợt; mỗi đợt xếp loại giữ quy tắc của lúc mở đợt."
)


def test_a_round_of_2022_opens_with_the_rules_of_2023_2027_named_as_used_for_it(
    ws: Workspace,
) -> None:
    """A past year rated late: the rules are those of 2023–2027, named as used for 2022 (not
    as rules of a period 2022 is not in, nor as carried on), the opening told why."""
    opened = ws.rating.open(2022)
    assert opened.rules.name == EARLIER
    assert carried_over(opened.rules, 2022) == EARLIER_NOTICE
    shipped = default_rules()
    assert json.loads(opened.rules.text)["rules"] == json.loads(shipped.text)["rules"]
    kept = ws.rating.round(2022)
    assert kept is not None and kept.rules == opened.rules
    assert carried_over(ws.rating.rules(2021), 2022) == ""  # another year's rules: nothing


def test_a_year_of_the_period_keeps_the_periods_name_and_says_nothing(ws: Workspace) -> None:
    opened = ws.rating.open(2027)
    assert opened.rules.name == PERIOD_NAME and opened.rules == default_rules()
    assert carried_over(opened.rules, 2027) == ""
    # The rules of 2028 read in 2027 (the round not opened): nothing said of another year.
    assert carried_over(ws.rating.rules(2028), 2027) == ""


def test_a_provinces_rules_open_a_round_of_2028_as_they_are(ws: Workspace) -> None:
    data = json.loads(default_rules().text)
    data["name"] = "Quy tắc xếp loại của Tỉnh đoàn Cà Mau"
    ws.rating.set_rules(json.dumps(data, ensure_ascii=False))
    opened = ws.rating.open(2028)
    assert opened.rules.name == "Quy tắc xếp loại của Tỉnh đoàn Cà Mau"
    assert carried_over(opened.rules, 2028) == ""


def test_the_demo_of_2028_names_its_rounds_rules_as_each_year_has_them(
    empty_ws: Workspace,
) -> None:
    """Built on a day of 2028, the demo's closed round of 2027 has the rules of its period, its
    open round of 2028 the same rules carried over, named so."""
    empty_ws.generate_demo(members=20, seed=3, today=dt.date(2028, 11, 20))
    last, this = empty_ws.rating.round(2027), empty_ws.rating.round(2028)
    assert last is not None and last.rules == default_rules() and last.rules.name == PERIOD_NAME
    assert this is not None and this.rules.name == CARRIED
