"""A rating round closed on both copies: its history shows in the conflict as the rating page
says it, not as the JSON stored (which also holds what each closing keeps of every member)."""

from __future__ import annotations

import json

from doancoso.core.bundle.labels import field_value_text
from doancoso.core.rating.records import history_said


def test_a_round_s_history_reads_as_the_page_says_it() -> None:
    stored = json.dumps([
        {"action": "close", "at": "10/12/2025 09:30"},
        {"action": "reopen", "at": "12/12/2025 14:00"},
        {"action": "close", "at": "15/12/2025 08:05", "revisions": "a1:3 b2:7",
         "counts": {"a1": [10, 9, 0]}},
    ])  # fmt: skip
    assert field_value_text("rating_rounds", "history", stored) == (
        "Kết thúc 10/12/2025 09:30; Mở lại 12/12/2025 14:00; Kết thúc 15/12/2025 08:05"
    )
    assert field_value_text("rating_rounds", "history", "[]") == "(trống)"


def test_a_history_that_is_no_such_list_is_shown_as_the_file_holds_it() -> None:
    assert history_said("không phải JSON") == "không phải JSON"
    assert history_said('{"action": "close"}') == '{"action": "close"}'
