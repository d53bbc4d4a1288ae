"""Part IV of the statistics, the latest closed rating, writes each level's share as its
count's own rounding, as the rating page and its documents do, on the page and in the PDF: 9,
63, 32 and 4 decided read 8,3% + 58,3% + 29,6% + 3,7% (99,9% in all)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.statistics.page import StatisticsPage
from rating_data import BY_LEVEL_SHARES, YEAR, decide_by_level
from scripted import ScriptedPrompts, accept_print_dialog, synchronous_core

from .conftest import TODAY
from .reading import pdf_text

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
BRANCH = "Chi đoàn ấp Một"


def test_the_page_and_its_pdf_show_the_levels_shares_as_printed(
    qtbot: QtBot, ws: Workspace, tmp_path: Path
) -> None:
    decide_by_level(ws, BRANCH)
    ws.rating.close(YEAR)
    prompts = ScriptedPrompts()
    prompts.dialog_script = accept_print_dialog  # the PDF's number, place, date as suggested
    page = StatisticsPage(synchronous_core(ws, prompts), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    model = page.rating
    rows = [
        tuple(model.data(model.index(r, c)) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]
    assert page.rating_title.text() == "Kết quả xếp loại đoàn viên năm 2025 (đợt đã kết thúc)"
    assert rows == [(BRANCH, *BY_LEVEL_SHARES, "0"), ("Toàn Đoàn cơ sở", *BY_LEVEL_SHARES, "0")]

    asked: list[Path] = []  # the file the page offered to save, under its period's name

    def save_to(_caption: str, name: str, _filter_text: str) -> Path:
        asked.append(tmp_path / name)
        return asked[-1]

    page.ask_save_path = save_to  # type: ignore[method-assign, assignment]
    page.open_file = lambda _path: None  # "Mở tệp để xem và in?" answered yes: read here
    page.pdf_button.click()
    text = pdf_text(asked[-1])
    shares = "9 (8,3%) 63 (58,3%) 32 (29,6%) 4 (3,7%)"
    assert (
        "IV. KẾT QUẢ XẾP LOẠI ĐOÀN VIÊN NĂM 2025 (ĐỢT ĐÃ KẾT THÚC) STT Chi đoàn Hoàn thành xuất "
        "sắc nhiệm vụ Hoàn thành tốt nhiệm vụ Hoàn thành nhiệm vụ Không hoàn thành nhiệm vụ "
        f"Không xếp loại 1 {BRANCH} {shares} 0 Toàn Đoàn cơ sở {shares} 0"
    ) in text
