"""The activity form: messages under the fields, nothing saved until valid, the repeat and its
count of dates, organiser and targets, a new kind, editing, deleting from the form."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QStyle, QStyleOptionFrame
from pytestqt.qtbot import QtBot

from doancoso.core.workspace import Workspace
from doancoso.ui.calendar.activity_dialog import SHORT, ActivityDialog
from doancoso.ui.calendar.page import CalendarPage
from doancoso.ui.calendar.text_dialog import TextDialog
from doancoso.ui.shell.operations import Core
from steady import shown

from .conftest import add_activity, branch_id, first_occurrence


def _form(qtbot: QtBot, core: Core, activity_id: str | None = None,
          day: dt.date | None = None) -> ActivityDialog:  # fmt: skip
    dialog = ActivityDialog(core, activity_id, day)
    qtbot.addWidget(dialog)
    return dialog


def _choose_repeat(dialog: ActivityDialog, code: str) -> None:
    dialog.repeat.combo.setCurrentIndex(dialog.repeat.combo.findData(code))


def test_messages_under_the_fields_and_nothing_saved(
    qtbot: QtBot, core: Core, cal_ws: Workspace
) -> None:
    dialog = _form(qtbot, core, day=dt.date(2026, 3, 15))
    assert dialog.windowTitle() == "Thêm hoạt động"
    assert dialog.edits["start_date"].text() == "15/03/2026"
    dialog.edits["start_date"].setText("")
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "title": "Cần nhập tên hoạt động.",
        "start_date": "Cần nhập ngày diễn ra.",
    }
    dialog.edits["title"].setText("Hội thi tìm hiểu Điều lệ Đoàn")
    for name, value in (("start_date", "31/02/2026"), ("start_time", "25:00"),
                        ("end_time", "7 giờ"), ("expected_participants", "-3")):  # fmt: skip
        dialog.edits[name].setText(value)
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "start_date": "Ngày 31/02/2026 không có trên lịch.",
        "start_time": "Giờ 25:00 không hợp lệ.",
        "end_time": "Giờ phải viết dạng HH:MM, ví dụ 07:30.",
        "expected_participants": "Số người dự kiến phải là số nguyên dương.",
    }
    for name, value in (("start_date", "20/03/2026"), ("end_date", "19/03/2026"),
                        ("start_time", "19:30"), ("end_time", ""),
                        ("expected_participants", "")):  # fmt: skip
        dialog.edits[name].setText(value)
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "end_date": "Ngày kết thúc không thể trước ngày bắt đầu.",
    }
    assert (
        dialog.saved_id is None
        and cal_ws.activities.occurrences(dt.date(2026, 1, 1), dt.date(2026, 12, 31)) == []
    )


def test_a_repeat_needs_its_end_and_shows_its_dates(qtbot: QtBot, core: Core) -> None:
    dialog = _form(qtbot, core, day=dt.date(2026, 1, 31))
    dialog.edits["title"].setText("Sinh hoạt chi đoàn")
    assert not dialog.repeat.until_edit.isEnabled() and dialog.repeat.preview.text() == ""
    _choose_repeat(dialog, "monthly")
    assert dialog.repeat.until_edit.isEnabled()
    dialog.save_button.click()
    assert dialog.errors.messages() == {"until": "Cần nhập ngày kết thúc lặp lại."}
    dialog.repeat.until_edit.setText("31/12/2026")
    assert dialog.errors.messages() == {}  # gone as soon as it is typed
    # the 31st: the last day of the shorter months
    assert dialog.repeat.preview.text() == "12 buổi, từ 31/01/2026 đến 31/12/2026"
    _choose_repeat(dialog, "last-sunday")
    assert dialog.repeat.preview.text() == "11 buổi, từ 22/02/2026 đến 27/12/2026"
    _choose_repeat(dialog, "weekly")
    dialog.repeat.until_edit.setText("28/02/2026")
    assert dialog.repeat.preview.text() == "5 buổi, từ 31/01/2026 đến 28/02/2026"
    _choose_repeat(dialog, "custom")
    assert dialog.repeat.rule_edit.isVisibleTo(dialog)
    dialog.repeat.until_edit.setText("")
    dialog.repeat.rule_edit.setText("FREQ=MONTHLY;BYMONTHDAY=15;COUNT=3")
    assert dialog.repeat.preview.text() == "3 buổi, từ 15/02/2026 đến 15/04/2026"
    dialog.repeat.rule_edit.setText("FREQ=DAILY")
    endless = (
        "Quy tắc lặp lại cần ngày kết thúc lặp lại hoặc số lần (COUNT), nếu không lịch sẽ dài "
        "vô hạn."
    )
    assert dialog.repeat.preview.text() == endless
    dialog.save_button.click()
    assert dialog.errors.messages() == {"rule": endless}
    dialog.repeat.rule_edit.setText("FREQ=DAILY;COUNT=1001")
    dialog.save_button.click()
    assert dialog.errors.messages() == {"rule": "Hoạt động lặp lại tối đa 1000 lần."}
    dialog.repeat.rule_edit.setText("FREQ=MONTHLY;BYMONTHDAY=15;COUNT=3")
    dialog.save_button.click()
    assert dialog.saved_id is not None and dialog.saved_count == 3


def test_a_repeat_ending_before_it_starts_is_said_under_its_end_date(
    qtbot: QtBot, core: Core, cal_ws: Workspace
) -> None:
    """The date to correct is "Lặp đến ngày": its message is under it, not under "Lặp lại"."""
    dialog = _form(qtbot, core, day=dt.date(2027, 1, 5))
    dialog.edits["title"].setText("Họp Ban Chấp hành hằng tháng")
    _choose_repeat(dialog, "monthly")
    dialog.repeat.until_edit.setText("31/12/2026")
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "until": "Ngày kết thúc lặp lại không thể trước ngày bắt đầu."
    }
    assert dialog.saved_id is None
    assert cal_ws.activities.occurrences(dt.date(2026, 1, 1), dt.date(2027, 12, 31)) == []


def test_the_repeats_offered_are_named_in_plain_vietnamese(qtbot: QtBot, core: Core) -> None:
    dialog = _form(qtbot, core, day=dt.date(2026, 1, 15))
    combo = dialog.repeat.combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Không lặp lại",
        "Hằng tuần",
        "Hằng tháng (cùng ngày)",
        "Chủ nhật cuối tháng",
        "Lặp theo quy tắc tự nhập",
    ]
    _choose_repeat(dialog, "custom")
    assert dialog.repeat.rule_edit.placeholderText() == "Ví dụ: FREQ=MONTHLY;BYMONTHDAY=15"


def test_an_unreadable_end_date_is_said_once_where_it_is_typed(
    qtbot: QtBot, core: Core, cal_ws: Workspace
) -> None:
    dialog = _form(qtbot, core, day=dt.date(2026, 1, 15))
    dialog.edits["title"].setText("Sinh hoạt chi đoàn")
    _choose_repeat(dialog, "monthly")
    dialog.repeat.until_edit.setText("31/02/2027")
    dialog.save_button.click()
    assert dialog.errors.messages() == {"until": "Ngày 31/02/2027 không có trên lịch."}
    _choose_repeat(dialog, "custom")
    dialog.repeat.rule_edit.setText("FREQ=HOURLY")  # the rule itself is still checked
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "until": "Ngày 31/02/2027 không có trên lịch.",
        "rule": "Quy tắc lặp lại cần FREQ là DAILY, WEEKLY, MONTHLY hoặc YEARLY "
        "(ví dụ FREQ=MONTHLY;BYMONTHDAY=15).",
    }
    assert dialog.saved_id is None


def test_save_a_chi_doan_meeting_serving_targets(
    qtbot: QtBot, core: Core, cal_ws: Workspace
) -> None:
    cal_ws.plans.create(2026)
    kinds = cal_ws.activities.kind_names()
    target = cal_ws.plans.add_target(
        2026, {"text": "100% chi đoàn sinh hoạt hằng tháng", "criterion": "2"}, kinds
    )
    cal_ws.plans.add_target(2026, {"text": "Kết nạp 20 đoàn viên mới", "criterion": "1"}, kinds)
    dialog = _form(qtbot, core, day=dt.date(2026, 2, 10))
    assert [dialog.targets.choices.item(i).text() for i in range(2)] == [
        "1. 100% chi đoàn sinh hoạt hằng tháng", "2. Kết nạp 20 đoàn viên mới",
    ]  # fmt: skip
    dialog.edits["start_date"].setText("10/02/2027")  # no plan that year
    assert dialog.no_plan.text() == "Chưa có kế hoạch công tác năm 2027."
    assert dialog.targets_stack.currentWidget() is dialog.no_plan
    dialog.edits["start_date"].setText("10/02/2026")
    dialog.edits["title"].setText("Sinh hoạt chi đoàn tháng 2")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("sinh-hoat"))
    dialog.organiser.some.setChecked(True)
    dialog.save_button.click()
    assert dialog.errors.messages() == {
        "branch_ids": "Chọn ít nhất một chi đoàn tổ chức (hoặc “Toàn Đoàn cơ sở”)."
    }
    tan_hung = branch_id(cal_ws, "Chi đoàn ấp Tân Hưng")
    dialog.organiser.set_branch_ids([tan_hung])
    assert dialog.errors.messages() == {}
    dialog.targets.set_checked([target])
    dialog.edits["place"].setText("  Nhà văn hóa  ấp ")
    dialog.save_button.click()
    assert dialog.saved_count == 1
    assert dialog.saved_id is not None
    record = cal_ws.activities.get(dialog.saved_id)
    assert record.fields.branch_ids == (tan_hung,) and record.fields.target_ids == (target,)
    assert record.fields.kind == "sinh-hoat" and record.fields.place == "Nhà văn hóa ấp"


def test_add_a_kind_to_the_list(qtbot: QtBot, core: Core, cal_ws: Workspace, prompts) -> None:
    dialog = _form(qtbot, core)
    scripts: list[str] = []

    def type_kind(text: str):
        def script(kind_dialog) -> None:
            assert isinstance(kind_dialog, TextDialog)
            scripts.append(kind_dialog.windowTitle())
            kind_dialog.edit.setText(text)
            kind_dialog.save_button.click()

        return script

    prompts.dialog_script = type_kind("hội thi")  # already in the list
    dialog.add_kind_button.click()
    assert scripts == ["Thêm loại hoạt động"]
    assert "Tập huấn" not in [
        dialog.kind_combo.itemText(i) for i in range(dialog.kind_combo.count())
    ]
    prompts.dialog_script = type_kind("Tập huấn kỹ năng")
    dialog.add_kind_button.click()
    assert dialog.kind_combo.currentText() == "Tập huấn kỹ năng"
    assert cal_ws.activities.kind_names()[dialog.kind_combo.currentData()] == "Tập huấn kỹ năng"


def test_refused_kind_keeps_the_little_dialog_open(qtbot: QtBot, core: Core) -> None:
    dialog = TextDialog(core, "Thêm loại hoạt động", "Tên loại hoạt động",
                        lambda ws, name: ws.activities.add_kind(name))  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.edit.setText("Hội thi")
    dialog.save_button.click()
    assert dialog.errors.messages() == {"name": "Loại hoạt động “Hội thi” đã có trong danh sách."}
    assert dialog.written is None


def test_edit_a_recurring_activity(qtbot: QtBot, core: Core, cal_ws: Workspace, prompts) -> None:
    monthly = add_activity(cal_ws, "Sinh hoạt chi đoàn", "15/01/2026", kind="sinh-hoat",
                           start_time="19:30", repeat="monthly", until="31/12/2026",
                           branch_ids=[branch_id(cal_ws, "Chi đoàn ấp Kênh Xáng")])  # fmt: skip
    dialog = _form(qtbot, core, monthly)
    assert dialog.windowTitle() == "Sửa hoạt động"
    raw = dialog.raw()
    assert (raw["title"], raw["start_date"], raw["start_time"]) == (
        "Sinh hoạt chi đoàn", "15/01/2026", "19:30",
    )  # fmt: skip
    assert raw["repeat"] == "monthly" and raw["until"] == "31/12/2026"
    assert raw["branch_ids"] == [branch_id(cal_ws, "Chi đoàn ấp Kênh Xáng")]
    assert dialog.recurring_note.isVisibleTo(dialog)
    assert dialog.repeat.preview.text() == "12 buổi, từ 15/01/2026 đến 15/12/2026"
    assert not dialog.is_modified
    dialog.repeat.until_edit.setText("30/06/2026")
    prompts.answer = False
    dialog.reject()  # asks first; the change is kept
    assert prompts.asked == ["Thông tin đã nhập chưa được lưu. Bỏ các thay đổi này?"]
    dialog.save_button.click()
    assert dialog.saved_count == 6 and cal_ws.activities.get(monthly).occurrences == 6


def test_a_one_off_moved_on_its_own_shows_its_date_as_it_now_is(
    qtbot: QtBot, core: Core, cal_ws: Workspace
) -> None:
    """The date was postponed from its own form; the activity's form showed the first day,
    hour and place. Saved unchanged, it changes nothing."""
    activity = add_activity(cal_ws, "Hiến máu tình nguyện", "12/03/2026", start_time="07:00",
                            place="Trạm Y tế xã")  # fmt: skip
    occurrence = first_occurrence(cal_ws, activity)
    cal_ws.activities.update_occurrence(
        occurrence, {"day": "19/03/2026", "start_time": "08:00", "place": "Nhà văn hóa xã"}
    )
    before = (cal_ws.activities.get(activity), cal_ws.activities.occurrence(occurrence))
    dialog = _form(qtbot, core, activity)
    assert [dialog.edits[n].text() for n in ("start_date", "end_date", "start_time", "place")] == [
        "19/03/2026", "", "08:00", "Nhà văn hóa xã",
    ]  # fmt: skip
    assert not dialog.is_modified
    dialog.save_button.click()
    assert (dialog.saved_id, dialog.saved_count) == (activity, 1)
    after = (cal_ws.activities.get(activity), cal_ws.activities.occurrence(occurrence))
    assert after == before
    assert after[1].row.moved and after[1].original_date == dt.date(2026, 3, 12)


def test_custom_rule_is_shown_as_typed(qtbot: QtBot, core: Core, cal_ws: Workspace) -> None:
    activity = add_activity(cal_ws, "Trực tiếp sức mùa thi", "01/06/2026",
                            repeat="FREQ=DAILY;INTERVAL=2;COUNT=4")  # fmt: skip
    dialog = _form(qtbot, core, activity)
    assert dialog.repeat.code() == "custom"
    assert dialog.repeat.rule_edit.text() == "FREQ=DAILY;INTERVAL=2;COUNT=4"
    assert dialog.repeat.preview.text() == "4 buổi, từ 01/06/2026 đến 07/06/2026"


def test_delete_from_the_form_with_undo(
    qtbot: QtBot, page: CalendarPage, cal_ws: Workspace, prompts
) -> None:
    activity = add_activity(cal_ws, "Hiến máu tình nguyện", "12/03/2026")
    page.month.select_date(dt.date(2026, 3, 12))
    prompts.dialog_script = lambda dialog: dialog.delete_button.click()
    page.edit_activity(activity)
    assert prompts.asked[-1].startswith("Xóa hoạt động “Hiến máu tình nguyện”? Điểm danh")
    assert page.month_model.occurrences_on(dt.date(2026, 3, 12)) == ()
    page._history.undo()
    assert [r.title for r in page.month_model.occurrences_on(dt.date(2026, 3, 12))] == [
        "Hiến máu tình nguyện"
    ]


def test_new_activity_from_the_page_shows_its_month(
    qtbot: QtBot, page: CalendarPage, cal_ws: Workspace, prompts
) -> None:
    messages: list[str] = []
    page.status_message.connect(messages.append)

    def fill(dialog: ActivityDialog) -> None:
        dialog.edits["title"].setText("Ngày Chủ nhật xanh")
        dialog.edits["start_date"].setText("01/03/2026")
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("chu-nhat-xanh"))
        _choose_repeat(dialog, "last-sunday")
        dialog.repeat.until_edit.setText("31/05/2026")
        dialog.save_button.click()

    prompts.dialog_script = fill
    page.new_button.click()
    assert messages == ["Đã thêm hoạt động “Ngày Chủ nhật xanh” (3 buổi)."]
    assert page.month.selected == dt.date(2026, 3, 29)  # its first date
    assert page.title_label.text() == "Tháng 3 năm 2026"
    assert [r.title for r in page.month_model.occurrences_on(dt.date(2026, 3, 29))] == [
        "Ngày Chủ nhật xanh"
    ]


# Showing a top-level window on the offscreen platform logs this harmless warning.
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_hints_of_the_short_fields_are_not_cut(
    qtbot: QtBot, core: Core, cal_ws: Workspace
) -> None:
    dialog = _form(qtbot, core, day=dt.date(2026, 3, 15))
    shown(qtbot, dialog)
    assert dialog.edits["end_date"].placeholderText() == "dd/mm/yyyy, nếu nhiều ngày"
    for name in SHORT:
        edit = dialog.edits[name]
        option = QStyleOptionFrame()
        edit.initStyleOption(option)
        room = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
        hint = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
        assert hint + 4 <= room.width(), name  # the line edit's own margin: 2 pixels a side


def test_delete_from_the_form_asks_about_changes_not_saved(
    qtbot: QtBot, core: Core, cal_ws: Workspace, prompts
) -> None:
    """The form's "Xóa hoạt động…" closed it with its changes typed and not saved; the
    deletion then declined, they were lost without a word (closing it asks first)."""
    activity = add_activity(cal_ws, "Hiến máu tình nguyện", "12/03/2026")
    dialog = _form(qtbot, core, activity)
    dialog.edits["place"].setText("Trạm y tế xã")
    prompts.answer = False
    dialog.delete_button.click()
    assert prompts.asked == ["Thông tin đã nhập chưa được lưu. Bỏ các thay đổi này?"]
    assert not dialog.delete_requested and dialog.edits["place"].text() == "Trạm y tế xã"
    prompts.answer = True
    dialog.delete_button.click()
    assert dialog.delete_requested


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_long_kind_is_shortened_with_an_ellipsis_and_said_whole(
    qtbot: QtBot, core: Core, cal_ws: Workspace
) -> None:
    """ "Tình nguyện vì cộng đồng và an sinh xã hội" was cut to "…an sinh x" with nothing to say
    it went on: it ends "…" where the field is too narrow, and the tooltip says it whole."""
    dialog = ActivityDialog(core, None, dt.date(2026, 3, 15))
    shown(qtbot, dialog)
    combo = dialog.kind_combo
    long_name = "Tình nguyện vì cộng đồng và an sinh xã hội"
    combo.setCurrentIndex(combo.findData("tinh-nguyen"))
    shown_text = combo.shown_text()
    assert shown_text.endswith("…") and long_name.startswith(shown_text[:-1])
    assert combo.fontMetrics().horizontalAdvance(shown_text) <= combo.text_width()
    assert combo.toolTip() == long_name
    combo.setCurrentIndex(combo.findData("khac"))
    assert (combo.shown_text(), combo.toolTip()) == ("Khác", "Khác")
