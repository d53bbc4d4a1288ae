"""The activities a coordination programme ("Phối hợp") can be linked to: those of the page's
year and of the months around it (an agreement signed in December about a January activity),
not every year's; one linked elsewhere (by ``doancoso coordination --activity``, which takes
any activity) is shown and kept."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QDialog

from cli_run import cli
from doancoso.core.workspace import Workspace
from doancoso.ui.recognition.page import RecognitionPage
from doancoso.ui.recognition.register_dialogs import RecordDialog
from scripted import ScriptedPrompts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _activity(ws: Workspace, title: str, day: str) -> str:
    activity_id, _ = ws.activities.save({"title": title, "kind": "tuyen-truyen",
                                         "start_date": day})  # fmt: skip
    return activity_id


def _offered(dialog: QDialog) -> list[str]:
    assert isinstance(dialog, RecordDialog)
    combo = dialog.editors["activity_id"]
    assert isinstance(combo, QComboBox)
    return [combo.itemText(i) for i in range(combo.count())]


def _made(ws: Workspace) -> dict[str, str]:
    return {title: _activity(ws, title, day) for title, day in (
        ("Hiến máu tình nguyện", "05/12/2024"), ("Ngày hội đọc sách", "20/09/2024"),
        ("Tuyên truyền pháp luật", "18/04/2025"), ("Ra quân Tháng Thanh niên", "15/01/2026"),
        ("Mùa hè xanh", "10/06/2026"),
    )}  # fmt: skip


def test_an_agreement_of_december_links_to_a_january_activity(
    page: RecognitionPage, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    made = _made(ws)
    page.refresh()
    seen: dict[str, list[str]] = {}

    def script(dialog: QDialog) -> None:
        assert isinstance(dialog, RecordDialog)
        seen["offered"] = _offered(dialog)
        for name, value in {"partner": "Công an xã Tân Hưng", "title": "Quy chế phối hợp",
                            "day": "10/12/2025",
                            "activity_id": made["Ra quân Tháng Thanh niên"]}.items():  # fmt: skip
            dialog.set_value(name, value)
        dialog.submit()

    prompts.dialog_script = script
    page.register.coordination.add_button.click()
    assert seen["offered"] == [
        "(Không liên kết)",
        "05/12/2024 – Hiến máu tình nguyện",
        "18/04/2025 – Tuyên truyền pháp luật",
        "15/01/2026 – Ra quân Tháng Thanh niên",
    ]  # not September 2024's nor June 2026's: the list stays short
    (record,) = ws.registers.coordination(2025)
    assert record.activity_id == made["Ra quân Tháng Thanh niên"]
    section = page.register.coordination
    assert section.model.index(0, 4).data() == "15/01/2026 – Ra quân Tháng Thanh niên"


def test_an_activity_linked_by_the_command_is_shown_and_kept_by_the_dialog(
    page: RecognitionPage, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    made = _made(ws)
    code, out, err = cli("coordination", "add", "--date", "01/03/2025", "--partner",
                         "Hội Liên hiệp Phụ nữ xã", "--title", "Chương trình hè",
                         "--activity", made["Mùa hè xanh"], "--data-dir",
                         str(ws.data_dir))  # fmt: skip
    assert (code, err) == (0, "")
    page.refresh()
    section = page.register.coordination
    assert section.model.index(0, 4).data() == "10/06/2026 – Mùa hè xanh"
    seen: dict[str, object] = {}

    def script(dialog: QDialog) -> None:
        assert isinstance(dialog, RecordDialog)
        seen["offered"] = _offered(dialog)
        seen["chosen"] = dialog.raw()["activity_id"]
        dialog.set_value("results", "Hơn 40 đoàn viên tham gia.")
        dialog.submit()

    prompts.dialog_script = script
    (record,) = ws.registers.coordination(2025)
    section.select(record.id)
    section.edit_button.click()
    assert seen["offered"] == [
        "(Không liên kết)",
        "05/12/2024 – Hiến máu tình nguyện",
        "18/04/2025 – Tuyên truyền pháp luật",
        "15/01/2026 – Ra quân Tháng Thanh niên",
        "10/06/2026 – Mùa hè xanh",
    ]
    assert seen["chosen"] == made["Mùa hè xanh"]
    (record,) = ws.registers.coordination(2025)
    assert (record.activity_id, record.results) == (made["Mùa hè xanh"],
                                                    "Hơn 40 đoàn viên tham gia.")  # fmt: skip


def test_an_activity_deleted_since_is_said_so(
    page: RecognitionPage, ws: Workspace, prompts: ScriptedPrompts
) -> None:
    made = _made(ws)
    summer = made["Mùa hè xanh"]
    ws.registers.save_coordination({"day": "01/03/2025", "partner": "Công an xã",
                                    "title": "Quy chế", "activity_id": summer})  # fmt: skip
    ws.activities.delete(summer)
    page.refresh()
    seen: dict[str, object] = {}

    def script(dialog: QDialog) -> None:
        assert isinstance(dialog, RecordDialog)
        combo = dialog.editors["activity_id"]
        assert isinstance(combo, QComboBox)
        seen["chosen"] = combo.currentText()
        dialog.submit()
        seen["errors"] = dialog.errors.messages()
        dialog.done(QDialog.DialogCode.Rejected)

    prompts.dialog_script = script
    section = page.register.coordination
    (record,) = ws.registers.coordination(2025)
    section.select(record.id)
    section.edit_button.click()
    assert seen == {
        "chosen": "(hoạt động đã xóa khỏi lịch)",
        "errors": {"activity_id": "Hoạt động liên kết không còn trong lịch."},
    }
