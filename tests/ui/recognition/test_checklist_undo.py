"""An item's self-assessment and its note, once saved, taken back with "Hoàn tác" (Ctrl+Z) and
done again with "Làm lại"; never over a change made to the item since."""

from __future__ import annotations

import pytest

from doancoso.core.workspace import Workspace
from doancoso.ui.recognition.page import RecognitionPage
from doancoso.ui.shell.undo import UndoHistory
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _item(ws: Workspace, code: str) -> tuple[str, str | None]:
    view = next(v for v in ws.recognition.view(2025).items if v.item.code == code)
    return view.status, view.note


def test_a_status_clicked_is_undone_and_redone(
    page: RecognitionPage, ws: Workspace, history: UndoHistory
) -> None:
    """A misclicked "Chưa đạt" is taken back by Ctrl+Z, not an older action of another page
    (a file detached, a member's edit) that the stack held before it."""
    page.select_item("1.3")
    panel = page.item_panel
    said: list[str] = []
    page.status_message.connect(said.append)
    panel.status_buttons["dat"].click()
    panel.status_buttons["chua-dat"].click()
    assert said[-1] == "Mục 1.3: Chưa đạt — bấm Hoàn tác (Ctrl+Z) để trả lại như trước."
    assert history.undoText() == "Tự đánh giá mục 1.3: Chưa đạt"
    history.undo()
    assert _item(ws, "1.3") == ("dat", None)
    assert panel.status_buttons["dat"].isChecked()
    assert history.undoText() == "Tự đánh giá mục 1.3: Đạt"
    history.undo()
    assert _item(ws, "1.3") == ("chua-danh-gia", None)
    assert panel.status_buttons["chua-danh-gia"].isChecked()
    history.redo()
    history.redo()
    assert _item(ws, "1.3") == ("chua-dat", None)
    assert panel.status_buttons["chua-dat"].isChecked()


def test_a_note_saved_over_another_is_undone(
    page: RecognitionPage, ws: Workspace, history: UndoHistory
) -> None:
    """A "Lưu nội dung" over a note written earlier is taken back: the earlier note is shown and
    kept again."""
    ws.recognition.set(2025, "1.5", {"note": "Lập nhóm Zalo cho từng chi đoàn."})
    page.refresh()
    page.select_item("1.5")
    panel = page.item_panel
    panel.note.setPlainText("Họp mặt thanh niên dịp Tết.")
    panel.save_button.click()
    assert _item(ws, "1.5")[1] == "Họp mặt thanh niên dịp Tết."
    assert history.undoText() == "Sửa nội dung mục 1.5"
    history.undo()
    assert _item(ws, "1.5") == ("chua-danh-gia", "Lập nhóm Zalo cho từng chi đoàn.")
    assert panel.note.toPlainText() == "Lập nhóm Zalo cho từng chi đoàn."
    assert not panel.save_button.isEnabled()
    history.redo()
    assert _item(ws, "1.5")[1] == "Họp mặt thanh niên dịp Tết."


def test_an_undo_over_a_later_change_is_refused_and_writes_nothing(
    page: RecognitionPage, ws: Workspace, history: UndoHistory, prompts: ScriptedPrompts
) -> None:
    history.on_error = lambda message: prompts.error(None, "Không hoàn tác được", message)
    page.select_item("1.3")
    page.item_panel.status_buttons["dat"].click()
    ws.recognition.set(2025, "1.3", {"note": "Ghi từ dòng lệnh."})  # changed since
    history.undo()
    assert prompts.errors == [
        "Mục 1.3 năm 2025 đã được sửa lại sau đó: giữ nguyên như hiện tại để không ghi đè "
        "thay đổi mới hơn."
    ]
    assert _item(ws, "1.3") == ("dat", "Ghi từ dòng lệnh.")


def test_a_save_that_changes_nothing_offers_no_undo(
    page: RecognitionPage, ws: Workspace, history: UndoHistory
) -> None:
    """A space typed after the note is not kept: the save changes nothing, and neither says
    "Hoàn tác" nor leaves Ctrl+Z for it (Ctrl+Z would take back an older action instead)."""
    ws.recognition.set(2025, "1.5", {"note": "Lập nhóm Zalo cho từng chi đoàn."})
    page.refresh()
    page.select_item("1.5")
    said: list[str] = []
    page.status_message.connect(said.append)
    panel = page.item_panel
    panel.note.setPlainText("Lập nhóm Zalo cho từng chi đoàn. ")
    panel.save_button.click()
    assert said == ["Đã lưu nội dung mục 1.5."]
    assert history.count() == 0
