"""The criteria templates offered to open a year: the default first, then those imported in
Vietnamese order of their names (d before đ, a before ă), not their folded names' order."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from doancoso.core.recognition.template import default_template, parse_template
from doancoso.core.workspace import Workspace
from doancoso.ui.recognition.page import RecognitionPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

IMPORTED = [
    "Bộ tiêu chí Tỉnh đoàn Bắc Giang",
    "Bộ tiêu chí Đoàn xã Tân Hưng",
    "Bộ tiêu chí Tỉnh đoàn Bạc Liêu",
    "Bộ tiêu chí dự thảo năm 2026",
]


def test_the_templates_are_offered_in_vietnamese_order(
    ws: Workspace, make_page: Callable[[], RecognitionPage]
) -> None:
    data = json.loads(default_template().text)
    for name in IMPORTED:
        ws.recognition.add_template(parse_template(json.dumps(data | {"name": name})))

    page = make_page()  # on 31/12/2025, the year not opened: its templates offered

    choice = page.open_panel.choice
    assert [choice.itemText(i) for i in range(choice.count())] == [
        default_template().name,
        "Bộ tiêu chí dự thảo năm 2026",
        "Bộ tiêu chí Đoàn xã Tân Hưng",
        "Bộ tiêu chí Tỉnh đoàn Bạc Liêu",
        "Bộ tiêu chí Tỉnh đoàn Bắc Giang",
    ]
