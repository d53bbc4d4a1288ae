"""The statistics page: figures equal to the core's, exact counts, refresh, export, side bar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from doancoso.core.rating.records import LevelCounts
from doancoso.core.statistics.export import activity_figures, breakdowns, summary_figures
from doancoso.core.workspace import Workspace
from doancoso.reports.statistics import print_statistics_of
from doancoso.ui.shell.main_window import STATISTICS, MainWindow
from doancoso.ui.shell.operations import Core, CoreOp
from doancoso.ui.shell.state import UiState
from doancoso.ui.statistics.page import StatisticsPage
from doancoso.ui.statistics.rating import RatingStatsModel
from scripted import ScriptedPrompts, accept_print_dialog, synchronous_core

from .conftest import BA_DIEU, TODAY, XOM_MOI, add_member
from .reading import pdf_text

# Showing a top-level window on the offscreen platform logs this harmless warning.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


PDF_NAME = "thong-ke-doan-vien-den-01-06-2026.pdf"
XLSX_NAME = "thong-ke-doan-vien-den-01-06-2026.xlsx"
"""The names the exports offer for the figures of TODAY (test_stats_file_names.py: others)."""


def _page(qtbot: QtBot, ws: Workspace, today: date | None = None) -> tuple[StatisticsPage, Core]:
    prompts = ScriptedPrompts()
    prompts.dialog_script = accept_print_dialog  # the PDF's number, place, date as suggested
    core = synchronous_core(ws, prompts)
    page = StatisticsPage(core, today=(lambda: today) if today else None)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    return page, core


def _cards(page: StatisticsPage) -> list[tuple[str, int]]:
    return [(c.caption.text(), int(c.value.text().replace(".", ""))) for c in page.cards]


def test_figures_match_the_core(qtbot: QtBot, demo_ws: Workspace) -> None:
    page, _ = _page(qtbot, demo_ws)
    page.show()
    stats = demo_ws.statistics.roster()
    assert page.stats == stats
    assert _cards(page) == summary_figures(stats)
    for part in breakdowns(stats):
        assert page.charts[part.heading].data() == list(part.counts.items())
        assert sum(n for _, n in page.charts[part.heading].data()) == part.total
    assert stats.total > 0 and page.cards[0].value.text() == f"{stats.total:,}".replace(",", ".")


def test_known_members_give_exact_numbers(qtbot: QtBot, known_ws: Workspace) -> None:
    page, _ = _page(qtbot, known_ws, TODAY)
    page.show()
    charts = page.charts
    assert charts["Theo giới tính"].data() == [("Nam", 3), ("Nữ", 2)]
    assert charts["Theo chi đoàn (đang sinh hoạt)"].data() == [(BA_DIEU, 3), (XOM_MOI, 2)]
    assert charts["Theo độ tuổi"].data() == [("16–18", 2), ("19–24", 1), ("25–30", 2),
                                             ("Ngoài độ tuổi", 0)]  # fmt: skip
    assert charts["Theo dân tộc"].data() == [("Kinh", 4), ("Khmer", 1)]
    assert charts["Theo tôn giáo"].data() == [("Không", 3), ("Phật giáo", 2)]
    assert charts["Theo trình độ văn hóa"].data() == [("12/12", 2), ("Đại học", 2),
                                                      ("Chưa rõ", 1)]  # fmt: skip
    status = dict(charts["Theo trạng thái (mọi đoàn viên)"].data())
    assert status["Đang sinh hoạt"] == 4 and status["Sinh hoạt tạm"] == 1
    assert status["Đã chuyển sinh hoạt"] == 1 and sum(status.values()) == 6
    cards = dict(_cards(page))
    assert cards["Tổng số đoàn viên đang sinh hoạt (kể cả sinh hoạt tạm)"] == 5
    assert cards["Trong đó: sinh hoạt tạm (đoàn viên của đơn vị khác)"] == 1
    assert cards["Trong đó: đoàn viên nữ"] == 2
    # Võ Thị Em, born 1996, is here on temporary activity: her home organisation decides
    assert cards["Đến tuổi trưởng thành Đoàn (30 tuổi) năm 2026"] == 0
    assert page.day_edit.text() == "01/06/2026"
    tips = {c.caption.text(): c.toolTip() for c in page.cards}
    assert tips["Đoàn viên chuyển đi, ra khỏi Đoàn từ 01/01/2026 đến 01/06/2026"] == (
        "Số người, không phải số lần: đoàn viên của đơn vị đã chuyển sinh hoạt đi, trưởng thành "
        "Đoàn, bị khai trừ hoặc bị xóa tên từ 01/01/2026 đến 01/06/2026; người rời đi, trở lại "
        "rồi rời đi lần nữa chỉ tính một lần (theo lần rời đi sau cùng). Không tính đoàn viên "
        "của đơn vị khác kết thúc sinh hoạt tạm."
    )
    assert tips["Trong đó: sinh hoạt tạm (đoàn viên của đơn vị khác)"] == (
        "Đoàn viên của đơn vị khác đang sinh hoạt tạm tại đơn vị: đã tính trong tổng số. Khi "
        "cộng số liệu nhiều đơn vị, trừ số này để không tính một người hai lần."
    )
    assert tips["Trong đó: đoàn viên nữ"] == ""
    assert charts["Theo giới tính"].row_text(0) == "Nam: 3 (60,0%)"


def test_refreshes_after_a_member_is_added(qtbot: QtBot, known_ws: Workspace) -> None:
    page, core = _page(qtbot, known_ws, TODAY)
    page.show()
    add = CoreOp(None, lambda ws: add_member(ws, "Huỳnh Thị Giang", "03/03/2005", "Nữ", XOM_MOI,
                                             "Hoa", "Công giáo"), core)  # fmt: skip
    with qtbot.wait_signal(page.refreshed, timeout=2000):
        add.run()
    assert dict(page.charts["Theo giới tính"].data()) == {"Nam": 3, "Nữ": 3}
    assert dict(page.charts["Theo chi đoàn (đang sinh hoạt)"].data())[XOM_MOI] == 3
    assert dict(_cards(page))["Tổng số đoàn viên đang sinh hoạt (kể cả sinh hoạt tạm)"] == 6


def test_hidden_page_refreshes_when_shown(qtbot: QtBot, known_ws: Workspace) -> None:
    page, core = _page(qtbot, known_ws, TODAY)
    assert page.stats is None  # nothing counted before the page is first shown
    page.show()
    page.hide()
    CoreOp(None, lambda ws: add_member(ws, "Huỳnh Văn Hải", "03/03/2005", "Nam", BA_DIEU, "Kinh",
                                       "Không"), core).run()  # fmt: skip
    assert dict(page.charts["Theo giới tính"].data())["Nam"] == 3  # not yet
    page.show()
    assert dict(page.charts["Theo giới tính"].data())["Nam"] == 4


def test_export_buttons_write_pdf_and_xlsx(qtbot: QtBot, known_ws: Workspace,
                                           tmp_path: Path) -> None:  # fmt: skip
    page, _ = _page(qtbot, known_ws, TODAY)
    page.show()
    asked: list[str] = []

    def choose(caption: str, name: str, filter_text: str) -> Path:
        asked.append(name)
        return tmp_path / name

    page.ask_save_path = choose  # type: ignore[method-assign]
    opened: list[Path] = []
    page.open_file = opened.append
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.pdf_button.click()
    page.xlsx_button.click()
    assert asked == [PDF_NAME, XLSX_NAME]  # counted on 01/06/2026
    assert (tmp_path / PDF_NAME).read_bytes().startswith(b"%PDF")
    # The report is offered to open, to see and print (the Excel file is asked nothing).
    assert isinstance(page.prompts, ScriptedPrompts)
    assert page.prompts.asked == [
        f"Đã lưu báo cáo thống kê vào tệp:\n{tmp_path / PDF_NAME}\n\nMở tệp để xem và in?"
    ]
    assert opened == [tmp_path / PDF_NAME]
    sheet = load_workbook(tmp_path / XLSX_NAME).active
    values = [c for row in sheet.iter_rows(values_only=True) for c in row]
    assert "THỐNG KÊ TÌNH HÌNH ĐOÀN VIÊN NĂM 2026" in values
    assert messages == [f"Đã xuất thống kê ra tệp {tmp_path / PDF_NAME}.",
                        f"Đã xuất thống kê ra tệp {tmp_path / XLSX_NAME}."]  # fmt: skip


def test_files_are_offered_in_documents_then_where_the_last_one_went(
    qtbot: QtBot, known_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save dialog opens in Documents, as the roster's (not the user's home folder, where
    a secretary on Windows does not look), then in the folder of the last file saved."""
    from doancoso.ui.common.folders import documents_folder
    from scripted import SaveDialogs

    page, _ = _page(qtbot, known_ws, TODAY)
    chosen = tmp_path / "usb" / XLSX_NAME
    chosen.parent.mkdir()
    dialogs = SaveDialogs(chosen).install(monkeypatch)
    page.xlsx_button.click()
    page.xlsx_button.click()
    assert dialogs.offered == [str(documents_folder() / XLSX_NAME), str(chosen)]
    assert chosen.is_file()


def test_export_cancelled_writes_nothing(qtbot: QtBot, known_ws: Workspace) -> None:
    page, _ = _page(qtbot, known_ws, TODAY)
    page.ask_save_path = lambda *args: None  # type: ignore[method-assign]
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.pdf_button.click()
    page.xlsx_button.click()
    assert messages == []


def test_export_error_is_shown(qtbot: QtBot, known_ws: Workspace, tmp_path: Path) -> None:
    page, _ = _page(qtbot, known_ws, TODAY)
    page.ask_save_path = lambda *args: tmp_path / "missing" / "x.pdf"  # type: ignore[method-assign]
    page.pdf_button.click()
    assert isinstance(page.prompts, ScriptedPrompts)
    assert page.prompts.errors and "Không ghi được tệp" in page.prompts.errors[0]


@pytest.mark.parametrize("area", [STATISTICS])
def test_side_bar_opens_the_statistics(qtbot: QtBot, known_ws: Workspace, area: int) -> None:
    window = MainWindow(synchronous_core(known_ws), UiState(known_ws.data_dir))
    qtbot.addWidget(window)
    page = window.statistics
    assert window.sidebar.item(area).text() == "Thống kê"
    window.show()
    window.show_area(area)
    assert window.stack.currentWidget() is page
    assert dict(page.charts["Theo giới tính"].data()) == {"Nam": 3, "Nữ": 2}


def test_participation_by_chi_doan_is_shown_with_a_total(qtbot: QtBot, known_ws: Workspace) -> None:
    ws = known_ws
    ids = {row.full_name: row.id for row in ws.members.list()}
    for day in ("10/03/2026", "10/04/2026"):
        ws.activities.save({"title": "Sinh hoạt", "kind": "sinh-hoat", "start_date": day})
    for row in ws.activities.occurrences(date(2026, 3, 1), date(2026, 4, 30)):
        marks = {m.member_id: ("absent", None) for m in ws.attendance.sheet(row.id)}
        marks[ids["Nguyễn Văn An"]] = ("present", None)
        marks[ids["Lê Văn Cường"]] = ("present", None)
        ws.attendance.save(row.id, marks)
    page, _ = _page(qtbot, ws, TODAY)
    page.show()
    model = page.participation
    rows = [[model.data(model.index(r, c)) for c in range(5)] for r in range(model.rowCount())]
    assert page.participation_title.text() == (
        "Tham gia hoạt động từ 01/01/2026 đến 01/06/2026 theo chi đoàn"
    )
    # Bà Điều: An, Bình, Em (temporary) expected twice each; Xóm Mới: Cường and Dung (Phúc left)
    assert rows == [
        [BA_DIEU, "3", "6", "2", "33,3"],
        [XOM_MOI, "2", "4", "2", "50,0"],
        ["Toàn Đoàn cơ sở", "5", "10", "4", "40,0"],
    ]


def test_the_latest_closed_rating_is_counted_by_level(
    qtbot: QtBot, known_ws: Workspace, tmp_path: Path
) -> None:
    """Counted by level with each level's share; a level nobody reached reads "0" on the page
    as in the printed statistics, not "0 (0,0%)"."""
    ws = known_ws
    page, _ = _page(qtbot, ws, TODAY)
    page.show()
    assert page.rating_title.text() == "Xếp loại đoàn viên: chưa có đợt xếp loại nào kết thúc."
    ids = {row.full_name: row.id for row in ws.members.list()}
    levels = {"Nguyễn Văn An": 1, "Trần Văn Bình": 2, "Lê Văn Cường": 2, "Phạm Thị Dung": 3}
    ws.rating.set_levels(2025, "decided_level", {ids[n]: lv for n, lv in levels.items()})
    ws.rating.close(2025)
    page.refresh()
    model = page.rating
    rows = [[model.data(model.index(r, c)) for c in range(6)] for r in range(model.rowCount())]
    assert page.rating_title.text() == "Kết quả xếp loại đoàn viên năm 2025 (đợt đã kết thúc)"
    # Em is on temporary activity here (not rated), Phúc left before 2025
    assert rows == [
        [BA_DIEU, "1 (50,0%)", "1 (50,0%)", "0", "0", "1"],
        [XOM_MOI, "0", "1 (50,0%)", "1 (50,0%)", "0", "0"],
        ["Toàn Đoàn cơ sở", "1 (25,0%)", "2 (50,0%)", "1 (25,0%)", "0", "1"],
    ]
    figures = activity_figures(ws.participation, ws.rating, TODAY.year, TODAY)  # the page's
    pdf = print_statistics_of(ws, ws.statistics.roster(TODAY), tmp_path / "tk.pdf",
                              activity=figures)  # fmt: skip
    text = pdf_text(pdf)
    printed = [" ".join(row) for row in rows]
    assert f"1 {printed[0]} 2 {printed[1]} {printed[2]}" in text


def test_rating_counts_group_thousands(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    """A merged commune union of thousands of members: "1.234 (61,7%)", as on the rating page,
    never "1234 (61,7%)" (read as a year, or as 1,234)."""
    model = RatingStatsModel()
    whole = LevelCounts(None, "Toàn Đoàn cơ sở", {1: 400, 2: 1234, 3: 300, 4: 66}, 1000, 1500)
    model.set_rows([whole])
    qtmodeltester.check(model)
    assert [model.data(model.index(0, c)) for c in range(6)] == [
        "Toàn Đoàn cơ sở", "400 (20,0%)", "1.234 (61,7%)", "300 (15,0%)", "66 (3,3%)", "2.500",
    ]  # fmt: skip


def test_the_exports_hold_the_participation_and_rating_the_page_shows(
    qtbot: QtBot, known_ws: Workspace, tmp_path: Path
) -> None:
    """The page's two tables (participation by chi đoàn, the latest closed rating) are in the
    PDF and the sheet its buttons write, with the page's figures."""
    ws = known_ws
    ids = {row.full_name: row.id for row in ws.members.list()}
    ws.activities.save({"title": "Sinh hoạt", "kind": "sinh-hoat", "start_date": "10/03/2026"})
    for row in ws.activities.occurrences(date(2026, 3, 1), date(2026, 3, 31)):
        marks = {m.member_id: ("absent", None) for m in ws.attendance.sheet(row.id)}
        marks[ids["Nguyễn Văn An"]] = ("present", None)
        ws.attendance.save(row.id, marks)
    levels = {"Nguyễn Văn An": 1, "Trần Văn Bình": 2, "Lê Văn Cường": 2, "Phạm Thị Dung": 3}
    ws.rating.set_levels(2025, "decided_level", {ids[n]: lv for n, lv in levels.items()})
    ws.rating.close(2025)
    page, _ = _page(qtbot, ws, TODAY)
    page.show()
    participation = [[page.participation.data(page.participation.index(r, c)) for c in range(5)]
                     for r in range(page.participation.rowCount())]  # fmt: skip
    assert participation[-1] == ["Toàn Đoàn cơ sở", "5", "5", "1", "20,0"]
    page.ask_save_path = lambda caption, name, filter_text: tmp_path / name  # type: ignore[method-assign]
    page.open_file = lambda _path: None  # "Mở tệp để xem và in?" answered yes: read here
    page.pdf_button.click()
    page.xlsx_button.click()

    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / PDF_NAME).pages)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    flat = " ".join(line for line in lines if line)
    assert "III. THAM GIA HOẠT ĐỘNG TỪ 01/01/2026 ĐẾN 01/06/2026 THEO CHI ĐOÀN STT" in flat
    assert f"{BA_DIEU} 3 3 1 33,3" in flat and f"{XOM_MOI} 2 2 0 0,0" in flat
    assert "Toàn Đoàn cơ sở 5 5 1 20,0" in flat
    # headed "Tỉ lệ (%)" as every rate column, its figures without the sign (was "33,3%")
    assert (f"Lượt có mặt Tỉ lệ (%) 1 {BA_DIEU} 3 3 1 33,3 2 {XOM_MOI} 2 2 0 0,0 Toàn Đoàn cơ sở "
            "5 5 1 20,0 ") in flat  # fmt: skip
    assert "Tỷ lệ" not in flat
    assert "IV. KẾT QUẢ XẾP LOẠI ĐOÀN VIÊN NĂM 2025 (ĐỢT ĐÃ KẾT THÚC)" in lines
    assert f"{BA_DIEU} 1 (50,0%) 1 (50,0%) 0 0 1" in flat
    assert "Toàn Đoàn cơ sở 1 (25,0%) 2 (50,0%) 1 (25,0%) 0 1" in flat

    sheet = load_workbook(tmp_path / XLSX_NAME).active
    rows = [tuple(c for c in row if c is not None) for row in sheet.iter_rows(values_only=True)]
    assert ("III. THAM GIA HOẠT ĐỘNG TỪ 01/01/2026 ĐẾN 01/06/2026 THEO CHI ĐOÀN",) in rows
    assert (1, BA_DIEU, 3, 3, 1, 33.3) in rows and (2, XOM_MOI, 2, 2, 0, 0.0) in rows
    assert ("Toàn Đoàn cơ sở", 5, 5, 1, 20.0) in rows
    assert ("IV. KẾT QUẢ XẾP LOẠI ĐOÀN VIÊN NĂM 2025 (ĐỢT ĐÃ KẾT THÚC)",) in rows
    assert (1, BA_DIEU, 1, 1, 0, 0, 1) in rows and (2, XOM_MOI, 0, 1, 1, 0, 0) in rows
    assert ("Toàn Đoàn cơ sở", 1, 2, 1, 0, 1) in rows


def test_the_tables_show_every_row_down_to_the_total(qtbot: QtBot, demo_ws: Workspace) -> None:
    """The participation and rating tables show all their rows, "Toàn Đoàn cơ sở" included,
    without a scroll bar of their own inside the scrolling page (it hid the totals)."""
    page, _ = _page(qtbot, demo_ws)
    page.resize(1180, 700)
    with qtbot.wait_signal(page.refreshed):
        page.show()
    for view in (page.participation_view, page.rating_view):
        model = view.model()
        last = model.rowCount() - 1
        assert last >= 7  # the demo's seven chi đoàn and the total
        assert model.data(model.index(last, 0)) == "Toàn Đoàn cơ sở"
        assert view.verticalScrollBar().maximum() == 0
        assert view.viewport().rect().contains(view.visualRect(model.index(last, 0)))


def test_refresh_says_the_figures_were_counted_again(qtbot: QtBot, known_ws: Workspace) -> None:
    """ "Làm mới" says it counted again (the figures may not change: the button seemed to do
    nothing); the page's own refreshes say nothing."""
    page, _ = _page(qtbot, known_ws, TODAY)
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.show()
    assert page.stats is not None and messages == []
    with qtbot.wait_signal(page.refreshed):
        page.refresh_button.click()
    assert messages == ["Đã thống kê lại: số liệu đến ngày 01/06/2026."]
    assert page.refresh_button.toolTip() == "Thống kê lại từ dữ liệu hiện có"


def test_a_report_no_program_opens_is_said_with_where_it_is(
    qtbot: QtBot, known_ws: Workspace, tmp_path: Path
) -> None:
    """ "Mở tệp để xem và in?" answered yes on a PC where nothing opens a PDF: the report was
    written all the same, and the secretary is told so and where it is (nothing happening
    read as a file not saved)."""
    page, _ = _page(qtbot, known_ws, TODAY)
    page.show()

    def choose(caption: str, name: str, filter_text: str) -> Path:
        return tmp_path / name

    page.ask_save_path = choose  # type: ignore[method-assign]
    tried: list[Path] = []

    def no_viewer(path: Path) -> bool:
        tried.append(path)
        return False  # what QDesktopServices.openUrl says when no program took the file

    page.open_file = no_viewer
    page.pdf_button.click()
    assert isinstance(page.prompts, ScriptedPrompts)
    pdf = tmp_path / PDF_NAME
    assert tried == [pdf] and pdf.read_bytes().startswith(b"%PDF")
    assert page.prompts.errors == [
        f"Máy này không có chương trình nào mở được tệp PDF “{PDF_NAME}”. Tệp đã được lưu ở:\n"
        f"{pdf}\nHãy mở nó bằng một chương trình khác, hoặc cài chương trình mở tệp PDF rồi mở "
        "lại tệp."
    ]
