"""The age bands follow the coming-of-age age set in Thiết lập: at 35, the members aged 31 to 35
are still members and are counted in a band of their own ("31–35"), not "Ngoài độ tuổi"; below
30 the last band ends at it ("25–28"). The usual bands stay as they are, so that the superior
body adds up organisations' figures band by band. The page, the PDF and the sheet alike."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.statistics.page import StatisticsPage
from scripted import ScriptedPrompts, accept_print_dialog, synchronous_core

from .conftest import TODAY, XOM_MOI, add_member
from .reading import exported

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
AGES = "Theo độ tuổi"


def _set_age(ws: Workspace, age: int) -> None:
    org = ws.organization.get()
    assert org is not None
    ws.organization.update(replace(org, coming_of_age=age))


@pytest.fixture
def older_ws(known_ws: Workspace) -> Workspace:
    """Known's five (18, 17, 26, 22, 30 on TODAY) with one of 32 and one of 36."""
    add_member(known_ws, "Lý Văn Lớn", "01/01/1994", "Nam", XOM_MOI, "Kinh", "Không")
    add_member(known_ws, "Mạc Văn Già", "01/01/1990", "Nam", XOM_MOI, "Kinh", "Không")
    return known_ws


@pytest.mark.parametrize(
    ("age", "bands"),
    [
        (30, [("16–18", 2), ("19–24", 1), ("25–30", 2), ("Ngoài độ tuổi", 2)]),
        (35, [("16–18", 2), ("19–24", 1), ("25–30", 2), ("31–35", 1), ("Ngoài độ tuổi", 1)]),
        (28, [("16–18", 2), ("19–24", 1), ("25–28", 1), ("Ngoài độ tuổi", 3)]),
    ],
)
def test_the_last_band_ends_at_the_coming_of_age_age(
    qtbot: QtBot, older_ws: Workspace, tmp_path: Path, age: int, bands: list[tuple[str, int]]
) -> None:
    _set_age(older_ws, age)
    assert list(older_ws.statistics.roster(TODAY).by_age_band.items()) == bands
    prompts = ScriptedPrompts()
    prompts.dialog_script = accept_print_dialog
    page = StatisticsPage(synchronous_core(older_ws, prompts), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    assert page.charts[AGES].data() == bands

    rows, text = exported(older_ws, tmp_path, TODAY)
    heading = rows.index((f"4. {AGES}", None, None, None, None, None))
    listed = rows[heading + 2 : heading + 2 + len(bands)]
    assert [(row[1], row[2]) for row in listed] == bands
    printed = " ".join(f"{n} {label} {count} {share:.1f}".replace(".", ",")
                       for n, label, count, share, *_ in listed)  # fmt: skip
    assert f"4. {AGES} STT Độ tuổi Số lượng Tỉ lệ (%) Biểu đồ {printed} Cộng 7 100,0" in text


def test_a_change_of_the_setting_is_shown_at_once(
    qtbot: QtBot, older_ws: Workspace, prompts: ScriptedPrompts
) -> None:
    core = synchronous_core(older_ws, prompts)
    page = StatisticsPage(core, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    assert [label for label, _ in page.charts[AGES].data()][-2:] == ["25–30", "Ngoài độ tuổi"]
    from doancoso.ui.shell.operations import CoreOp

    org = older_ws.organization.get()
    assert org is not None
    CoreOp(None, lambda ws: ws.organization.update(replace(org, coming_of_age=33)), core).run()
    assert page.charts[AGES].data()[-2:] == [("31–33", 1), ("Ngoài độ tuổi", 1)]
