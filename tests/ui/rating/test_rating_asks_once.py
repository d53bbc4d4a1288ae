"""With the app's threaded runner, "Kết thúc đợt xếp loại", the bulk actions and "Nhập đề nghị
từ Excel…" ask (or choose a file) once what the worker read first came back (the warnings, the
levels to take, the round): pressed twice before then (a double click, Enter pressed again),
each asks once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.rating.page import RatingPage
from doancoso.ui.shell.operations import Core
from read_threads import delivered
from scripted import ScriptedPrompts

from .conftest import SHOWN, TODAY, YEAR, Round, decided

pytestmark = SHOWN


def _page(qtbot: QtBot, rated: Round, prompts: ScriptedPrompts) -> tuple[Core, RatingPage]:
    core = Core(rated.ws, prompts)  # threaded, as in the app
    page = RatingPage(core, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    with qtbot.wait_signal(page.loaded, timeout=10_000):
        page.show()
    delivered(qtbot, core)
    return core, page


def test_closing_pressed_twice_asks_once(
    qtbot: QtBot, rated: Round, prompts: ScriptedPrompts
) -> None:
    core, page = _page(qtbot, rated, prompts)
    prompts.answer = False  # "Quay lại": the round stays open
    page.close_button.click()
    page.close_button.click()  # again before the warnings were read
    delivered(qtbot, core)
    assert prompts.asked == [
        f"Kết thúc đợt xếp loại năm {YEAR}?\n\nCần lưu ý:\n• Còn 5 đoàn viên chưa có mức xếp "
        "loại do Ban Chấp hành quyết định.\n\nSau khi kết thúc, bảng xếp loại chỉ để xem; mức "
        "quyết định và nhận xét được ghi vào quá trình của từng đoàn viên. Muốn sửa phải “Mở "
        "lại” đợt xếp loại."
    ]
    assert prompts.buttons == [("Kết thúc đợt", "Quay lại")]
    info = rated.ws.rating.round(YEAR)
    assert info is not None and not info.closed


def test_a_bulk_action_pressed_twice_asks_once(
    qtbot: QtBot, rated: Round, prompts: ScriptedPrompts
) -> None:
    core, page = _page(qtbot, rated, prompts)
    prompts.answer = False  # "Quay lại": nothing taken
    page.accept_buttons["suggestions"].click()
    page.accept_buttons["suggestions"].click()  # again before the levels were read
    delivered(qtbot, core)
    assert prompts.asked == [
        "Lấy mức gợi ý làm mức quyết định cho 5 đoàn viên chưa quyết định?\n\nĐoàn viên được "
        "đổi: Nguyễn Văn An, Trần Thị Bình, Lê Văn Cường, Phạm Văn Dũng, Võ Thị Em.\nBấm “Hoàn "
        "tác” (Ctrl+Z) để bỏ."
    ]
    assert prompts.buttons == [("Lấy cho 5 đoàn viên", "Quay lại")]
    assert set(decided(rated.ws).values()) == {None}  # nothing taken


def test_import_pressed_twice_chooses_a_file_once(
    qtbot: QtBot, rated: Round, prompts: ScriptedPrompts
) -> None:
    core, page = _page(qtbot, rated, prompts)
    asked: list[None] = []

    def choose() -> Path | None:
        asked.append(None)
        return None  # "Hủy" in the file chooser

    page.files.ask_open_path = choose  # type: ignore[method-assign]
    page.files.import_button.click()
    page.files.import_button.click()  # again before the round was read
    delivered(qtbot, core)
    assert asked == [None]


def test_opening_a_round_after_2027_pressed_twice_asks_once(
    qtbot: QtBot, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    """The round of 2028 asks first whether to open it with the rules of 2023–2027, once what
    the worker read of its rules came back: pressed twice before then, it asks once."""
    ws.branches.create("Chi đoàn ấp 1")
    core = Core(ws, prompts)  # threaded, as in the app
    page = RatingPage(core, today=lambda: dt.date(2028, 12, 10))
    qtbot.addWidget(page)
    with qtbot.wait_signal(page.loaded, timeout=10_000):
        page.show()
    delivered(qtbot, core)
    assert page.open_button.text() == "Mở đợt xếp l&oại năm 2028"
    prompts.answer = False  # "Quay lại": nothing opens
    page.open_button.click()
    page.open_button.click()  # again before the rules were read
    delivered(qtbot, core)
    assert len(prompts.asked) == 1
    assert prompts.asked[0].endswith("Mở đợt xếp loại năm 2028 với quy tắc của nhiệm kỳ 2023–2027?")
    assert ws.rating.round(2028) is None
