"""One spelling of "tỉ lệ" in everything the app shows and prints: the criteria, the
indicators, the tables' headers ("Tỉ lệ (%)"), the CLI's help. Both "tỉ lệ" and "tỷ lệ" are
Vietnamese, but a dossier reading "Tỉ lệ đoàn viên có nhận xét" over a column "Tỷ lệ tham gia"
reads as careless."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import doancoso
from doancoso.core.lang.text import RATE_COLUMN
from doancoso.reports.rating import PARTICIPATION_COLUMN

OTHER_SPELLING = re.compile("tỷ lệ", re.IGNORECASE)  # matched in NFC


def test_rate_columns_are_spelled_as_the_criteria_are() -> None:
    assert RATE_COLUMN == "Tỉ lệ (%)"
    assert PARTICIPATION_COLUMN == "Tỉ lệ tham gia (%)"


def test_no_text_of_the_app_spells_it_the_other_way() -> None:
    package = Path(doancoso.__file__).parent
    # the resources (criteria templates, rules) too, a link to them in a working copy
    paths = {*package.rglob("*"), *(package / "resources").resolve().rglob("*")}
    found = []
    for path in sorted(paths):
        if path.suffix not in (".py", ".json", ".txt", ".md", ".csv") or not path.is_file():
            continue
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        found += [f"{path}: {m.group()}" for m in OTHER_SPELLING.finditer(text)]
    assert found == []
