"""Fixtures of the spreadsheet tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sheetfiles import TODAY, write_excel_xlsx, write_xlsx

from doancoso.core.workspace import Workspace


@pytest.fixture
def sws(ws: Workspace) -> Workspace:
    """The Tân Hưng workspace with "today" fixed, so two-digit years and ages are stable."""
    ws.spreadsheets.today = lambda: TODAY
    return ws


@pytest.fixture
def roster(sws: Workspace) -> Callable[[], list[tuple[str, str, str | None]]]:
    """(name, birth as shown, chi đoàn) of every member, in roster order."""
    from doancoso.core.lang.dates import format_vn_date

    def read() -> list[tuple[str, str, str | None]]:
        return [
            (r.full_name, format_vn_date(r.birth_date, r.birth_precision), r.branch_name)
            for r in sws.members.list()
        ]

    return read


@pytest.fixture(params=["openpyxl", "excel"])
def xlsx(request: pytest.FixtureRequest) -> Callable[..., Any]:
    """The .xlsx writer of a test run twice: as openpyxl writes (inline strings) and as Excel
    saves (shared strings, cell references, date styles). The expectations are the same."""
    return write_xlsx if request.param == "openpyxl" else write_excel_xlsx
