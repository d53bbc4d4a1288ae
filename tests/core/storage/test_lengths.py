"""The most characters each text column takes: one table of limits, from the models."""

from __future__ import annotations

from doancoso.core.storage.lengths import LONGEST_NOTE, text_limits


def test_limits_come_from_the_models_and_the_forms() -> None:
    members = text_limits("members")
    assert members["hometown"] == 300  # String(300)
    assert members["full_name"] == 100  # String(200), the form takes 100
    assert members["notes"] == LONGEST_NOTE == 100_000  # Text
    assert members["status"] is None  # a code, checked as one of its codes
    assert "sort_key" not in members and "branch_id" not in members  # derived, a reference
    assert text_limits("activities")["title"] == 500
    assert text_limits("activities")["branch_ids"] is None  # JSON the app writes
    assert text_limits("youths")["away_place"] == 300
