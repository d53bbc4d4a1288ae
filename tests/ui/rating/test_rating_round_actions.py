"""The round's actions on the page: taking the proposals and the suggestions for the members
not decided among those shown (after a question saying how many, one action undone by
"Hoàn tác"), closing after the warnings (read-only after), reopening after a question,
opening a year's round."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.rating.model import COL_DECIDED, COL_RATE, COL_REMARK
from doancoso.ui.rating.page import KEYS_HINT, RatingPage
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts

from .conftest import GUEST, SHOWN, TODAY, YEAR, Round, decided, shown_text

pytestmark = SHOWN


def test_take_proposals_then_suggestions_and_undo(
    page: RatingPage, rated: Round, history: UndoHistory, prompts: ScriptedPrompts
) -> None:
    ws, ids = rated.ws, rated.ids
    ws.rating.set(YEAR, ids["Nguyễn Văn An"], {"proposed_level": 1})
    ws.rating.set(YEAR, ids["Phạm Văn Dũng"], {"proposed_level": 3})
    ws.rating.set(YEAR, ids["Võ Thị Em"], {"proposed_level": 2, "decided_level": 3})
    page.refresh()
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.accept_buttons["proposals"].click()
    assert prompts.asked == [
        "Lấy đề nghị của chi đoàn làm mức quyết định cho 2 đoàn viên chưa quyết định?\n\n"
        "Đoàn viên được đổi: Nguyễn Văn An, Phạm Văn Dũng.\nBấm “Hoàn tác” (Ctrl+Z) để bỏ."
    ]
    assert prompts.buttons == [("Lấy cho 2 đoàn viên", "Quay lại")]
    assert decided(ws) == {"Nguyễn Văn An": 1, "Trần Thị Bình": None, "Lê Văn Cường": None,
                           "Phạm Văn Dũng": 3, "Võ Thị Em": 3, GUEST: None}  # fmt: skip
    assert messages == [
        "Đã lấy đề nghị của chi đoàn làm mức quyết định cho 2 đoàn viên chưa quyết định. "
        "Bấm “Hoàn tác” (Ctrl+Z) để bỏ."
    ]
    assert history.undoText() == "Lấy đề nghị của chi đoàn (2 đoàn viên)"
    # The grid shows the new levels, the one different from the suggestion coloured.
    assert page.model.index(0, COL_DECIDED).data() == "1. Xuất sắc"
    assert page.model.index(0, COL_DECIDED).data(Qt.ItemDataRole.BackgroundRole) is not None
    # Only in the chi đoàn chosen: ấp 1 gets its suggestions, ấp 2 is left alone.
    page.branch_box.setCurrentIndex(1)
    page.accept_buttons["suggestions"].click()
    assert prompts.asked[-1].startswith(
        "Lấy mức gợi ý làm mức quyết định cho 2 đoàn viên chưa quyết định đang hiện trên bảng "
        "(Chi đoàn ấp 1)?\n\nĐoàn viên được đổi: Trần Thị Bình, Lê Văn Cường.\n"
    )
    assert decided(ws) == {"Nguyễn Văn An": 1, "Trần Thị Bình": 2, "Lê Văn Cường": 3,
                           "Phạm Văn Dũng": 3, "Võ Thị Em": 3, GUEST: None}  # fmt: skip
    # A level typed after them is undone first (it is the last action), then the suggestions.
    page.view.setCurrentIndex(page.model.index(1, COL_DECIDED))
    QTest.keyClick(page.view, Qt.Key.Key_1)
    history.undo()
    assert decided(ws)["Trần Thị Bình"] == 2
    # Not a level changed since elsewhere (the command line).
    ws.rating.set(YEAR, ids["Lê Văn Cường"], {"decided_level": 4})
    history.undo()
    assert decided(ws) == {"Nguyễn Văn An": 1, "Trần Thị Bình": None, "Lê Văn Cường": 4,
                           "Phạm Văn Dũng": 3, "Võ Thị Em": 3, GUEST: None}  # fmt: skip
    history.undo()
    assert decided(ws) == {"Nguyễn Văn An": None, "Trần Thị Bình": None, "Lê Văn Cường": 4,
                           "Phạm Văn Dũng": None, "Võ Thị Em": 3, GUEST: None}  # fmt: skip
    history.redo()
    assert decided(ws)["Nguyễn Văn An"] == 1 and decided(ws)["Phạm Văn Dũng"] == 3
    assert page.model.index(0, COL_DECIDED).data() == "1. Xuất sắc"


def test_a_bulk_action_takes_only_the_members_shown_and_says_how_many(
    page: RatingPage, rated: Round, history: UndoHistory, prompts: ScriptedPrompts
) -> None:
    """With a name searched, "Lấy mức gợi ý" decides the members the grid shows, after a
    question that says how many and who; the others are left alone."""
    ws, ids = rated.ws, rated.ids
    ws.rating.set(YEAR, ids["Võ Thị Em"], {"decided_level": 3})
    page.refresh()
    page.search.setText("thi")  # Trần Thị Bình, Võ Thị Em (decided)
    assert [r.full_name for r in page.model.rows] == ["Trần Thị Bình", "Võ Thị Em"]
    prompts.answer = False
    page.accept_buttons["suggestions"].click()
    assert prompts.asked == [
        "Lấy mức gợi ý làm mức quyết định cho 1 đoàn viên chưa quyết định đang hiện trên bảng "
        "(tìm “thi”)?\n\nĐoàn viên được đổi: Trần Thị Bình.\nĐoàn viên không hiện trên bảng "
        "giữ nguyên. Bấm “Hoàn tác” (Ctrl+Z) để bỏ."
    ]
    assert prompts.buttons == [("Lấy cho 1 đoàn viên", "Quay lại")]
    assert decided(ws)["Trần Thị Bình"] is None and history.count() == 0  # declined
    prompts.answer = True
    page.accept_buttons["suggestions"].click()
    assert decided(ws) == {"Nguyễn Văn An": None, "Trần Thị Bình": 2, "Lê Văn Cường": None,
                           "Phạm Văn Dũng": None, "Võ Thị Em": 3, GUEST: None}  # fmt: skip
    assert history.undoText() == "Lấy mức gợi ý (1 đoàn viên)"
    # "Chỉ đoàn viên chưa quyết định" in a chi đoàn, a name searched in it: those shown only.
    page.search.setText("van")
    page.undecided_box.setChecked(True)
    page.branch_box.setCurrentIndex(page.branch_box.findText("Chi đoàn ấp 1"))
    assert [r.full_name for r in page.model.rows] == ["Nguyễn Văn An", "Lê Văn Cường"]
    page.accept_buttons["suggestions"].click()
    assert prompts.asked[-1] == (
        "Lấy mức gợi ý làm mức quyết định cho 2 đoàn viên chưa quyết định đang hiện trên bảng "
        "(Chi đoàn ấp 1; tìm “van”)?\n\nĐoàn viên được đổi: Nguyễn Văn An, Lê Văn Cường.\n"
        "Đoàn viên không hiện trên bảng giữ nguyên. Bấm “Hoàn tác” (Ctrl+Z) để bỏ."
    )
    assert decided(ws) == {"Nguyễn Văn An": 2, "Trần Thị Bình": 2, "Lê Văn Cường": 3,
                           "Phạm Văn Dũng": None, "Võ Thị Em": 3, GUEST: None}  # fmt: skip
    history.undo()
    assert decided(ws)["Nguyễn Văn An"] is None and decided(ws)["Trần Thị Bình"] == 2


def test_a_bulk_action_with_nobody_shown_to_take_asks_nothing(
    page: RatingPage, rated: Round, history: UndoHistory, prompts: ScriptedPrompts
) -> None:
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.search.setText("dung")  # Phạm Văn Dũng, no proposal
    page.accept_buttons["proposals"].click()
    assert prompts.asked == [] and history.count() == 0
    assert messages == [
        "Không có đoàn viên nào đang hiện trên bảng chưa quyết định có đề nghị của chi đoàn để "
        "lấy (đợt xếp loại năm 2025)."
    ]


def test_nothing_to_take_says_so(page: RatingPage, history: UndoHistory) -> None:
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.accept_buttons["proposals"].click()
    assert messages == [
        "Không có đoàn viên nào chưa quyết định có đề nghị của chi đoàn để lấy (đợt xếp loại năm "
        "2025)."
    ]
    assert history.count() == 0


def test_close_shows_the_warnings_then_the_grid_is_read_only(
    page: RatingPage, rated: Round, prompts: ScriptedPrompts
) -> None:
    ws = rated.ws
    ws.rating.set(YEAR, rated.ids["Nguyễn Văn An"], {"decided_level": 2, "remark": "Tốt"})
    page.refresh()
    prompts.answer = False
    page.close_button.click()
    assert prompts.asked == [
        "Kết thúc đợt xếp loại năm 2025?\n\nCần lưu ý:\n"
        "• Còn 4 đoàn viên chưa có mức xếp loại do Ban Chấp hành quyết định.\n\n"
        "Sau khi kết thúc, bảng xếp loại chỉ để xem; mức quyết định và nhận xét được ghi vào quá "
        "trình của từng đoàn viên. Muốn sửa phải “Mở lại” đợt xếp loại."
    ]
    assert prompts.buttons == [("Kết thúc đợt", "Quay lại")]
    assert ws.rating.round(YEAR).state == "open"  # type: ignore[union-attr]
    prompts.answer = True
    page.close_button.click()
    info = ws.rating.round(YEAR)
    assert info is not None and info.closed
    assert page.state_label.text() == "Đợt xếp loại năm 2025: đã kết thúc: chỉ xem"
    assert shown_text(page.history_label).startswith(
        "Quy tắc của đợt: Quy tắc xếp loại đoàn viên mặc định, nhiệm kỳ 2023–2027; Kết thúc "
    )
    assert shown_text(page.history_label).endswith(
        ". Chưa ban hành quyết định công nhận kết quả: bấm “In…” → “Quyết định công nhận kết quả "
        "xếp loại”, ghi số văn bản (số và ngày được ghi lại cho hồ sơ)."
    )
    ws.rating.record_decision(YEAR, "05-QĐ/ĐTN", dt.date(2026, 1, 10))  # as printed
    page.refresh()
    assert shown_text(page.history_label).endswith(
        ". Quyết định công nhận kết quả: số 05-QĐ/ĐTN ngày 10/01/2026."
    )
    assert page.reopen_button.isVisibleTo(page) and not page.close_button.isVisibleTo(page)
    assert not any(b.isEnabled() for b in page.accept_buttons.values())
    model = page.model
    assert not any(
        model.flags(model.index(r, c)) & Qt.ItemFlag.ItemIsEditable
        for r in range(model.rowCount()) for c in range(model.columnCount())
    )  # fmt: skip
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.view.setCurrentIndex(model.index(1, COL_DECIDED))
    QTest.keyClick(page.view, Qt.Key.Key_1)
    page.view.setCurrentIndex(model.index(1, COL_REMARK))
    QTest.keyClicks(page.view, "a")
    assert messages == ["Đợt xếp loại năm 2025 đã kết thúc: bấm “Mở lại” để sửa."] * 2
    assert decided(ws)["Trần Thị Bình"] is None
    assert not page.results.own_save.isEnabled()


def test_close_names_a_member_decided_above_their_discipline(
    page: RatingPage, rated: Round, prompts: ScriptedPrompts
) -> None:
    """Nguyễn Văn An, under a warning (cảnh cáo) this year, decided "Hoàn thành xuất sắc nhiệm
    vụ" by a slip of the keyboard: the question before closing names him and what the rules
    allow, and "Quay lại" leaves the round open to correct it."""
    ws = rated.ws
    an = rated.ids["Nguyễn Văn An"]
    ws.events.record(an, "discipline", "10/10/2025", number="05-QĐ/ĐTN", level="warning")
    ws.rating.set(YEAR, an, {"decided_level": 1})
    page.refresh()
    prompts.answer = False
    page.close_button.click()
    assert prompts.asked == [
        "Kết thúc đợt xếp loại năm 2025?\n\nCần lưu ý:\n"
        "• Còn 4 đoàn viên chưa có mức xếp loại do Ban Chấp hành quyết định.\n"
        "• Có 1 đoàn viên được quyết định mức cao hơn mức quy tắc cho phép:\n"
        "  – Nguyễn Văn An: “Hoàn thành xuất sắc nhiệm vụ”, nhưng bị kỷ luật cảnh cáo trở lên "
        "trong năm — Không hoàn thành nhiệm vụ.\n\n"
        "Sau khi kết thúc, bảng xếp loại chỉ để xem; mức quyết định và nhận xét được ghi vào quá "
        "trình của từng đoàn viên. Muốn sửa phải “Mở lại” đợt xếp loại."
    ]
    assert ws.rating.round(YEAR).state == "open"  # type: ignore[union-attr]


def test_the_keys_hint_is_shown_only_where_keys_change_levels(
    page: RatingPage, rated: Round
) -> None:
    """ "gõ 1–4 để đặt mức…" above a closed round's grid (or a year without a round) told
    the secretary to type what the grid then refused: a closed round says how to change it."""
    assert page.keys_hint.isVisibleTo(page) and page.keys_hint.text() == KEYS_HINT
    rated.ws.rating.close(YEAR)
    page.refresh()
    assert page.keys_hint.isVisibleTo(page)
    assert page.keys_hint.text() == (
        "Đợt xếp loại đã kết thúc: bảng chỉ để xem. Muốn sửa, bấm “Mở lại”."
    )
    page.year_box.setCurrentIndex(page.year_box.findData(YEAR - 1))  # no round that year
    assert page.info is None and not page.keys_hint.isVisibleTo(page)
    page.year_box.setCurrentIndex(page.year_box.findData(YEAR))
    rated.ws.rating.reopen(YEAR)
    page.refresh()
    assert page.keys_hint.isVisibleTo(page) and page.keys_hint.text() == KEYS_HINT


def test_reopen_asks_and_is_recorded(
    page: RatingPage, rated: Round, prompts: ScriptedPrompts
) -> None:
    rated.ws.rating.close(YEAR)
    page.refresh()
    prompts.answer = False
    page.reopen_button.click()
    assert prompts.asked == [
        "Mở lại đợt xếp loại năm 2025?\n\nCác mức xếp loại sẽ sửa được cho đến khi kết thúc "
        "lại; việc mở lại được ghi vào lịch sử của đợt."
    ]
    assert page.read_only
    prompts.answer = True
    page.reopen_button.click()
    info = rated.ws.rating.round(YEAR)
    assert info is not None and not info.closed
    assert [action for action, _ in info.history] == ["close", "reopen"]
    assert "; Kết thúc " in shown_text(page.history_label) and "; Mở lại " in shown_text(
        page.history_label
    )
    assert page.state_label.text() == "Đợt xếp loại năm 2025: đang mở"
    page.view.setCurrentIndex(page.model.index(0, COL_DECIDED))
    QTest.keyClick(page.view, Qt.Key.Key_2)
    assert decided(rated.ws)["Nguyễn Văn An"] == 2


def test_a_year_without_a_round_is_opened_by_its_button(
    qtbot: QtBot, ws: Workspace, core: Core, history: UndoHistory
) -> None:
    ws.branches.create("Chi đoàn ấp 1")
    page = RatingPage(core, history, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    assert [page.year_box.itemText(i) for i in range(page.year_box.count())] == ["2025", "2024"]
    assert page.state_label.text() == "Chưa mở đợt xếp loại năm 2025."
    assert page.open_button.text() == "Mở đợt xếp l&oại năm 2025"
    assert ws.rating.round(YEAR) is None  # looking opens nothing
    page.year_box.setCurrentIndex(1)
    assert page.state_label.text() == "Chưa mở đợt xếp loại năm 2024."
    page.open_button.click()
    assert ws.rating.round(2024) is not None and ws.rating.round(YEAR) is None
    assert page.state_label.text() == "Đợt xếp loại năm 2024: đang mở"
    assert not page.open_button.isVisibleTo(page) and page.close_button.isVisibleTo(page)


def test_a_round_after_2027_is_opened_after_saying_its_rules_are_those_of_2023_2027(
    qtbot: QtBot, ws: Workspace, core: Core, history: UndoHistory, prompts: ScriptedPrompts
) -> None:
    """The app holds only the default rules of 2023–2027: opening the round of 2028 first says
    it will open with them, carried over (a round keeps its rules: newer ones are imported
    before); turned back, nothing opens. The round of 2027 opens without a question."""
    ws.branches.create("Chi đoàn ấp 1")
    page = RatingPage(core, history, today=lambda: dt.date(2028, 12, 10))
    qtbot.addWidget(page)
    page.show()
    messages: list[str] = []
    page.status_message.connect(messages.append)
    page.year_box.setCurrentIndex(1)
    assert page.open_button.text() == "Mở đợt xếp l&oại năm 2027"
    page.open_button.click()
    assert prompts.asked == [] and ws.rating.round(2027) is not None
    page.year_box.setCurrentIndex(0)
    assert page.open_button.text() == "Mở đợt xếp l&oại năm 2028"
    notice = (
        "Năm 2028 không thuộc nhiệm kỳ 2023–2027, nhưng ứng dụng chỉ có quy tắc xếp loại của "
        "nhiệm kỳ này (Hướng dẫn 25-HD/TWĐTN-BTC năm 2023): đợt xếp loại năm 2028 dùng tiếp quy "
        "tắc đó cho đến khi Đoàn ban hành hướng dẫn mới. Khi có hướng dẫn mới, hãy nhập tệp quy "
        "tắc mới ở Thiết lập → Quy tắc xếp loại…; mỗi đợt xếp loại giữ quy tắc của lúc mở đợt.\n\n"
        "Mở đợt xếp loại năm 2028 với quy tắc của nhiệm kỳ 2023–2027?"
    )
    prompts.answer = False
    page.open_button.click()
    assert prompts.asked == [notice] and prompts.buttons == [("Mở đợt", "Quay lại")]
    assert ws.rating.round(2028) is None and page.state_label.text() == (
        "Chưa mở đợt xếp loại năm 2028."
    )
    prompts.answer = True
    page.open_button.click()
    assert prompts.asked == [notice, notice]
    carried = "Quy tắc xếp loại đoàn viên mặc định của nhiệm kỳ 2023–2027, dùng tiếp cho năm 2028"
    info = ws.rating.round(2028)
    assert info is not None and info.rules.name == carried
    assert page.state_label.text() == "Đợt xếp loại năm 2028: đang mở"
    assert shown_text(page.history_label) == f"Quy tắc của đợt: {carried}."
    assert messages[-1] == f"Đã mở đợt xếp loại năm 2028 với quy tắc “{carried}”."


def test_the_page_follows_changes_made_elsewhere(
    page: RatingPage, rated: Round, core: Core
) -> None:
    from doancoso.ui.shell.operations import CoreOp

    member = rated.ids["Lê Văn Cường"]
    with_attendance = CoreOp(None, lambda ws: ws.rating.set(YEAR, member, {"participation": 95}),
                             core)  # fmt: skip
    with_attendance.run()
    assert page.model.row(2).suggestion == (
        "Tham gia 95,0% hoạt động (từ 90%); chưa có kết quả rèn luyện “xuất sắc” — Hoàn thành tốt "
        "nhiệm vụ"
    )
    CoreOp(None, lambda ws: ws.events.record(member, "discipline", "10/10/2025",
                                             level="warning"), core).run()  # fmt: skip
    assert page.model.row(2).suggested == 4
    assert page.model.index(2, 4).data() == "Cảnh cáo"
    # Attendance taken at one more meeting: the rates follow.
    dung = rated.ids["Phạm Văn Dũng"]

    def meeting(ws: Workspace) -> None:
        ws.activities.save({"title": "Ngày Chủ nhật xanh", "kind": "tinh-nguyen",
                            "start_date": "23/11/2025"})  # fmt: skip
        (occ,) = ws.activities.occurrences(dt.date(2025, 11, 23), dt.date(2025, 11, 23))
        marks = {m.member_id: ("absent", None) for m in ws.attendance.sheet(occ.id)}
        ws.attendance.save(occ.id, {**marks, dung: ("present", None)})

    CoreOp(None, meeting, core).run()
    assert page.model.index(3, COL_RATE).data() == "45,5%"
    # A hidden page reads again only when shown.
    page.hide()
    CoreOp(None, lambda ws: ws.rating.set(YEAR, dung, {"participation": 70}), core).run()
    assert page.model.index(3, COL_RATE).data() == "45,5%"
    page.show()
    assert page.model.index(3, COL_RATE).data() == "70,0%*"


def test_older_rounds_are_in_the_years_list(
    qtbot: QtBot, ws: Workspace, core: Core, history: UndoHistory
) -> None:
    """This year and the last are always listed; a round of an older year is too, to be read
    and its results reprinted from the page (it was reachable from the command line only)."""
    ws.branches.create("Chi đoàn ấp 1")
    ws.rating.open(2021)
    ws.rating.close(2021)
    ws.rating.open(2023)
    page = RatingPage(core, history, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    listed = [page.year_box.itemText(i) for i in range(page.year_box.count())]
    assert listed == ["2025", "2024", "2023", "2021"]
    assert page.year == YEAR  # still this year's
    page.year_box.setCurrentIndex(3)
    assert page.state_label.text() == "Đợt xếp loại năm 2021: đã kết thúc: chỉ xem"
    ws.rating.open(2019)  # a round another copy brings, say: listed at the next read
    page.refresh()
    listed = [page.year_box.itemText(i) for i in range(page.year_box.count())]
    assert listed == ["2025", "2024", "2023", "2021", "2019"]
    assert page.year == 2021
