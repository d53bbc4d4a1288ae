"""A template exported to a file: the name offered is one Windows accepts, even for a template
whose name makes a device name (``con.json``) or is long (a name keeps up to 300 characters; the
name offered at most 120)."""

from __future__ import annotations

import json

import pytest

from doancoso.core.recognition.template import default_template, parse_template
from doancoso.ui.recognition.page import RecognitionPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

LONG = ("Bộ tiêu chí Đoàn cơ sở 3 chủ động của Tỉnh đoàn Cà Mau năm 2026 " * 5)[:300]


@pytest.mark.parametrize(
    ("name", "offered"),
    [
        ("Con", "con_.json"),
        ("“AUX”", "aux_.json"),
        ("Bộ tiêu chí Cà Mau", "bo-tieu-chi-ca-mau.json"),
        (LONG, "bo-tieu-chi-doan-co-so-3-chu-dong-cua-tinh-doan-ca-mau-nam-2026-"
         "bo-tieu-chi-doan-co-so-3-chu-dong-cua-tinh-doan-ca.json"),
    ],
)  # fmt: skip
def test_the_name_offered_for_an_exported_template_is_one_windows_accepts(
    page: RecognitionPage, name: str, offered: str
) -> None:
    data = json.loads(default_template().text)
    data["name"] = name
    template = parse_template(json.dumps(data, ensure_ascii=False))
    suggested: list[str] = []
    page.templates.ask_save_path = lambda name: suggested.append(name)  # type: ignore[method-assign, assignment]
    page.templates.export_template(template)
    assert suggested == [offered]
