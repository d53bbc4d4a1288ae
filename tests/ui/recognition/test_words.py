"""How the checklist writes its figures: a Vietnamese decimal comma and thousands dot."""

from __future__ import annotations

from doancoso.ui.recognition import words


def test_numbers_group_thousands_and_use_a_decimal_comma() -> None:
    assert words.number(12.0) == "12"
    assert words.number(66.7) == "66,7"
    assert words.number(1633.0) == "1.633"
    assert words.number(1633.5) == "1.633,5"
