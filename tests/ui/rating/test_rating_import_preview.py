"""The confirmation of a chi đoàn's filled-in sheet as the secretary sees it, on the real dialogs
(not scripted answers): on a 1366×768 screen it shows every change and every row left out, and
its buttons stay on the screen however long the sheet."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from doancoso.ui.common.rejected_rows import SAVE_REJECTED
from doancoso.ui.rating.import_preview import details_text
from doancoso.ui.rating.page import RatingPage
from doancoso.ui.shell.operations import Core
from doancoso.ui.shell.prompts import Prompts
from doancoso.ui.shell.undo import UndoHistory

from .conftest import AP_1, AP_2, GUEST, SHOWN, TODAY, YEAR, Round, fill_sheet

pytestmark = SHOWN

SCREEN_HEIGHT = 728  # 768 less a task bar
TITLE_BAR = 32
REMARK = "Gương mẫu, tích cực tham gia các hoạt động tình nguyện của chi đoàn và địa phương"


def _shown_text(dialog: QWidget) -> str:
    """Every text the dialog shows: its labels and its scrolling text, if any."""
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    texts += [area.toPlainText() for area in dialog.findChildren(QPlainTextEdit)]
    return "\n".join(texts)


def test_a_long_sheet_is_confirmed_on_screen_with_every_change_and_refusal(
    qtbot: QtBot, rated: Round, history: UndoHistory, tmp_path: Path
) -> None:
    """A chi đoàn of 30 sends its sheet back with a proposal and a remark for everyone, a few
    levels written as "Khá" and one for a member on temporary activity: the confirmation fits
    the screen with "Nhập" and "Hủy" on it (it was a message box 2.000 pixels tall, its buttons
    below the screen), lists every member changed and every row left out with its reason (rows
    left out past the 15th were not shown at all), those left out first; Enter or Esc at once
    writes nothing, Tab to "Nhập" and Enter writes."""
    ws = rated.ws
    branch = rated.branches[AP_1]
    names = [f"Nguyễn Văn Thành {chr(ord('A') + i)}" for i in range(25)]
    for name in names:
        ws.members.save({"full_name": name, "birth_date": "01/01/2001", "branch_id": branch,
                         "admission_date": "01/01/2020"})  # fmt: skip
    bad = names[:5]
    filled = {n: (2 if n not in bad else "Khá") for n in names} | {GUEST: 3}
    target = tmp_path / "xep-loai.xlsx"
    ws.rating_sheets.export(target, YEAR)
    fill_sheet(target, {n: {"Chi đoàn đề nghị": level, "Nhận xét của chi đoàn": REMARK}
                        for n, level in filled.items()})  # fmt: skip

    page = RatingPage(Core(ws, Prompts(), synchronous=True), history, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.files.ask_open_path = lambda: target  # type: ignore[method-assign]
    seen: list[tuple[int, int, str, dict[str, int]]] = []

    def answer(keys: list[Qt.Key], tries: int = 100) -> None:
        """Read the dialog shown, then press ``keys`` where the focus is, as a user does."""
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.focusWidget() is None:  # not shown, or given focus, yet
            assert tries, "no dialog with the focus"
            QTimer.singleShot(50, lambda: answer(keys, tries - 1))
            return
        buttons = {
            b.text().replace("&", ""): b
            for b in dialog.findChildren(QAbstractButton)
            if b.isVisible()
        }
        bottoms = {t: b.mapTo(dialog, QPoint(0, b.height())).y() for t, b in buttons.items()}
        seen.append((dialog.height(), dialog.width(), _shown_text(dialog), bottoms))
        for key in keys:
            QTest.keyClick(dialog.focusWidget(), key)

    for keys in ([Qt.Key.Key_Return], [Qt.Key.Key_Escape]):
        QTimer.singleShot(0, lambda keys=keys: answer(keys))
        page.files.import_button.click()
        proposed = {r.full_name: r.proposed_level for r in ws.rating.rows(YEAR, as_of=TODAY)}
        assert [proposed[n] for n in names[5:]] == [None] * 20, keys  # "Hủy": nothing written

    QTimer.singleShot(0, lambda: answer([Qt.Key.Key_Tab, Qt.Key.Key_Return]))  # on "Nhập"
    page.files.import_button.click()
    height, width, text, bottoms = seen[-1]
    assert {"Nhập", "Hủy", SAVE_REJECTED} <= bottoms.keys()
    assert height + TITLE_BAR <= SCREEN_HEIGHT and width <= 1366, (height, width)
    assert max(bottoms["Nhập"], bottoms["Hủy"], bottoms[SAVE_REJECTED]) <= height
    assert text.splitlines()[0] == (  # "bị loại", as the file of these rows says
        f"Tệp “xep-loai.xlsx”, năm {YEAR}: 20 đoàn viên có thay đổi, 5 không đổi, 6 dòng bị loại."
    )
    for name in names[5:]:
        assert f"— {name}: Chi đoàn đề nghị: (trống) → Hoàn thành tốt nhiệm vụ" in text
    for name in bad:
        assert f"— {name}: “Khá” ở cột “Chi đoàn đề nghị” không phải mức xếp loại" in text
    assert f"— {GUEST}: Đoàn viên không xếp loại năm {YEAR}" in text
    # The rows left out, to fix in the file, come first: not below every change.
    assert text.index("6 dòng bị loại (không ghi):") < text.index("Thay đổi:")
    proposed = {r.full_name: r.proposed_level for r in ws.rating.rows(YEAR, as_of=TODAY)}
    assert [proposed[n] for n in names[5:]] == [2] * 20
    assert [proposed[n] for n in bad] == [None] * 5


def test_namesakes_are_confirmed_with_their_chi_doan(rated: Round, tmp_path: Path) -> None:
    """Two "Nguyễn Thùy Anh" in the round, one per chi đoàn, as in the demo: the confirmation
    says whose level changes and which row is refused by chi đoàn; others by name alone."""
    ws = rated.ws
    for branch in (AP_1, AP_2):
        ws.members.save({"full_name": "Nguyễn Thùy Anh", "birth_date": "01/01/2001",
                         "branch_id": rated.branches[branch],
                         "admission_date": "01/01/2020"})  # fmt: skip
    target = tmp_path / "xep-loai.xlsx"
    ws.rating_sheets.export(target, YEAR, rated.branches[AP_2])
    fill_sheet(target, {"Nguyễn Thùy Anh": {"Chi đoàn đề nghị": 2},
                        "Võ Thị Em": {"Chi đoàn đề nghị": "Khá"}})  # fmt: skip
    preview = ws.rating_sheets.preview(target, YEAR)
    assert details_text(preview).splitlines() == [
        "1 dòng bị loại (không ghi):",
        "  • Dòng 6 — Võ Thị Em: “Khá” ở cột “Chi đoàn đề nghị” không phải mức xếp loại (cần "
        "1–4 hoặc tên mức: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, Hoàn thành "
        "nhiệm vụ, Không hoàn thành nhiệm vụ).",
        "",
        "Thay đổi:",
        "  • Dòng 4 — Nguyễn Thùy Anh (Chi đoàn ấp 2): Chi đoàn đề nghị: (trống) → Hoàn thành "
        "tốt nhiệm vụ",
    ]
