"""The rating rules as data: the shipped file names a source for each rule; a malformed file is
refused with the line of its problem and the rules in force stay; a round keeps its rules."""

from __future__ import annotations

import pytest

from doancoso.core.errors import ImportFileError
from doancoso.core.rating.rules import RULE_LABELS, default_rules, parse_rules
from doancoso.core.workspace import Workspace


def test_the_shipped_rules_and_their_sources() -> None:
    rules = default_rules()
    assert (rules.thresholds, rules.min_months, rules.reprimand_cap, rules.warning_cap) == (
        (90.0, 70.0, 50.0), 6, 2, 4,
    )  # fmt: skip
    assert (rules.training_for_level1, rules.level1_cap_percent) == ("xuat-sac", None)
    assert set(rules.sources) == set(RULE_LABELS)
    assert "25-HD/TWĐTN-BTC" in rules.sources["participation_thresholds"]
    assert "21-HD/BTCTW" in rules.sources["level1_cap_percent"]


CASES = [
    ('"2": 70', '"2": 95', "(dòng 7, “participation_thresholds”): tỉ lệ của mức 1 ≥ mức 2"),
    ('"value": 6', '"value": 13', "(dòng 11, “min_months”): cần một số nguyên từ 0 đến 12."),
    ('"value": 2,', '"value": "hai",', "(dòng 23, “reprimand_cap”): cần một mức từ 1 đến 4."),
    ('"value": true,', '"value": "có",', "(dòng 15, “temporary_remarks_only”): cần true"),
    ('},\n    "min_months"', '}\n    "min_months"', "không đọc được (dòng 10, cột 5)"),
    ('"doancoso-rating-rules"', '"other"', "(dòng 2, “format”): cần “format”"),
]


@pytest.mark.parametrize(("old", "new", "message"), CASES)
def test_a_malformed_file_names_its_line_and_the_rules_stay(
    ws: Workspace, old: str, new: str, message: str
) -> None:
    before = ws.rating.rules()
    with pytest.raises(ImportFileError) as caught:
        ws.rating.set_rules(before.text.replace(old, new, 1))
    assert message in caught.value.message
    assert ws.rating.rules() == before


def test_a_round_keeps_the_rules_it_was_opened_with(ws: Workspace) -> None:
    ws.rating.open(2025)
    ws.rating.set_rules(ws.rating.rules().text.replace('"3": 50', '"3": 40'))
    assert ws.rating.rules().thresholds == (90.0, 70.0, 40.0)
    old = ws.rating.round(2025)
    assert old is not None and old.rules.thresholds == (90.0, 70.0, 50.0)
    assert ws.rating.open(2026).rules.thresholds == (90.0, 70.0, 40.0)
    ws.rating.reset_rules()
    assert ws.rating.rules() == default_rules()
    with pytest.raises(ImportFileError):
        parse_rules("")


def test_a_province_file_saved_decomposed_is_kept_composed(ws: Workspace) -> None:
    """A rules file written on a machine that saves decomposed Vietnamese (NFD): its name and
    sources are kept and shown composed (NFC), as every text of the app."""
    import unicodedata

    text = ws.rating.rules().text.replace(
        "Quy tắc xếp loại đoàn viên mặc định, nhiệm kỳ 2023–2027", "Quy tắc của Tỉnh đoàn Cà Mau"
    )
    ws.rating.set_rules(unicodedata.normalize("NFD", text))
    rules = ws.rating.rules()
    assert rules.name == "Quy tắc của Tỉnh đoàn Cà Mau"
    assert all(unicodedata.is_normalized("NFC", s) for s in (rules.text, *rules.sources.values()))
    assert ws.rating.open(2025).rules.name == "Quy tắc của Tỉnh đoàn Cà Mau"
