"""The two rules of DOMAIN.md §3 the app lacked: sick leave over N months caps the level
(Thành đoàn 09-HD/TV 2009; 638-HD/ĐTNCA 2019) and unpaid dues make the level at most L
(638-HD/ĐTNCA 2019). Both are configurable; a province's file or a closed round's rules
written before them still parse, and then neither applies."""

from __future__ import annotations

import json

import pytest

from doancoso.core.errors import ImportFileError
from doancoso.core.rating.rules import RULE_LABELS, default_rules, parse_rules, suggest


def _without_new_rules() -> str:
    data = json.loads(default_rules().text)
    del data["rules"]["sick_leave_cap"], data["rules"]["unpaid_dues_cap"]
    return json.dumps(data, ensure_ascii=False, indent=2)


def test_the_shipped_rules_cap_sick_leave_and_unpaid_dues_with_their_sources() -> None:
    rules = default_rules()
    assert rules.sick_leave_cap == (3, 3) and rules.unpaid_dues_cap == 4
    assert RULE_LABELS["sick_leave_cap"] == "Nghỉ ốm trong năm quá số tháng: mức cao nhất"
    assert RULE_LABELS["unpaid_dues_cap"] == "Chưa đóng đủ đoàn phí trong năm: mức cao nhất"
    assert "09-HD/TV" in rules.sources["sick_leave_cap"]
    assert "638-HD/ĐTNCA năm 2019" in rules.sources["unpaid_dues_cap"]


def test_rules_written_before_them_still_parse_and_apply_neither() -> None:
    rules = parse_rules(_without_new_rules())
    assert rules.sick_leave_cap is None and rules.unpaid_dues_cap is None
    assert "sick_leave_cap" not in rules.sources
    hint = suggest(rules, 0.95, None, "xuat-sac", sick_months=8, dues_unpaid=True)
    assert (hint.level, hint.reason) == (
        1, "Tham gia 95,0% hoạt động (từ 90%) — Hoàn thành xuất sắc nhiệm vụ",
    )  # fmt: skip


def test_a_rule_switched_off_with_null_is_not_applied() -> None:
    data = json.loads(default_rules().text)
    data["rules"]["sick_leave_cap"]["value"] = None
    data["rules"]["unpaid_dues_cap"]["value"] = None
    rules = parse_rules(json.dumps(data, ensure_ascii=False))
    assert rules.sick_leave_cap is None and rules.unpaid_dues_cap is None
    assert suggest(rules, 0.95, None, "xuat-sac", sick_months=8, dues_unpaid=True).level == 1


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"months": 13, "level": 3}, "cần số tháng từ 0 đến 12 và một mức từ 1 đến 4"),
        ({"months": 3, "level": 5}, "cần số tháng từ 0 đến 12 và một mức từ 1 đến 4"),
        ({"months": 3}, "cần số tháng từ 0 đến 12 và một mức từ 1 đến 4"),
        (3, "cần số tháng từ 0 đến 12 và một mức từ 1 đến 4"),
    ],
)
def test_a_malformed_sick_leave_rule_is_refused_naming_it(value: object, message: str) -> None:
    data = json.loads(default_rules().text)
    data["rules"]["sick_leave_cap"]["value"] = value
    with pytest.raises(ImportFileError) as caught:
        parse_rules(json.dumps(data, ensure_ascii=False, indent=2))
    assert "“sick_leave_cap”" in caught.value.message and message in caught.value.message


def test_a_malformed_dues_rule_is_refused_naming_it() -> None:
    data = json.loads(default_rules().text)
    data["rules"]["unpaid_dues_cap"]["value"] = "bốn"
    with pytest.raises(ImportFileError) as caught:
        parse_rules(json.dumps(data, ensure_ascii=False, indent=2))
    assert "“unpaid_dues_cap”): cần null hoặc một mức từ 1 đến 4." in caught.value.message


def test_exactly_three_months_of_sick_leave_is_not_capped() -> None:
    hint = suggest(default_rules(), 0.95, None, "xuat-sac", sick_months=3)
    assert (hint.level, hint.reason) == (
        1, "Tham gia 95,0% hoạt động (từ 90%) — Hoàn thành xuất sắc nhiệm vụ",
    )  # fmt: skip


def test_four_months_of_sick_leave_caps_the_level_at_3() -> None:
    hint = suggest(default_rules(), 0.95, None, "xuat-sac", sick_months=4)
    assert (hint.level, hint.reason) == (
        3, "Tham gia 95,0% hoạt động (từ 90%); nghỉ ốm 4 tháng (trên 3 tháng) — Hoàn thành "
        "nhiệm vụ",
    )  # fmt: skip
    # a level already at or below the cap is not said to be capped
    low = suggest(default_rules(), 0.55, None, None, sick_months=4)
    assert (low.level, low.reason) == (3, "Tham gia 55,0% hoạt động (từ 50%) — Hoàn thành nhiệm vụ")


def test_unpaid_dues_with_a_level_1_participation_is_not_completed() -> None:
    hint = suggest(default_rules(), 1.0, None, "xuat-sac", dues_unpaid=True)
    assert (hint.level, hint.reason) == (
        4, "Tham gia 100,0% hoạt động (từ 90%); chưa đóng đủ đoàn phí — Không hoàn thành "
        "nhiệm vụ",
    )  # fmt: skip


def test_sick_leave_and_unpaid_dues_are_both_said() -> None:
    hint = suggest(default_rules(), 0.95, None, "xuat-sac", sick_months=4, dues_unpaid=True)
    assert hint.reason == (
        "Tham gia 95,0% hoạt động (từ 90%); nghỉ ốm 4 tháng (trên 3 tháng); chưa đóng đủ đoàn "
        "phí — Không hoàn thành nhiệm vụ"
    )
