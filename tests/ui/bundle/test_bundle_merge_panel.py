"""The sáp nhập preview (#17 walkthrough): a changed choice holds the import back until the
preview is made again; a person kept apart stays listed, unticked, and is kept apart; the
matched people are shown side by side; their plan, checklist and rating rounds of our years
are said in words, in the preview and the result."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from bundle_gui import PASSWORD, export_through_gui, import_wizard, open_bundle, tab_stops
from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.import_wizard import (
    FILE_PAGE,
    INFO_PAGE,
    PLAN_PAGE,
    RESULT_PAGE,
    STALE,
    BundleImportWizard,
)
from doancoso.ui.bundle.merge_panel import MatchModel
from read_threads import on_the_worker, record_reads
from scripted import ScriptedPrompts
from table_cells import cell_item, cell_text, cell_widget

THIS_YEAR = dt.date.today().year
"""The demo's year (it holds this year's plan, checklist and open round, and last year's
closed round)."""
LAST_YEAR = THIS_YEAR - 1


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Workspace, Workspace]]:
    """Ours (a demo commune) and Tân Lộc's (another, sharing two people with ours: one by
    CCCD, one by name and birth date)."""
    ours, theirs = Workspace.open(tmp_path / "ours"), Workspace.open(tmp_path / "theirs")
    ours.generate_demo(members=30, seed=3)
    theirs.generate_demo(members=20, seed=8)
    info = theirs.organization.get()
    assert info is not None
    theirs.organization.update(OrganizationInfo(**{**info.__dict__, "name": "Đoàn xã Tân Lộc"}))
    by_id, by_name = ours.members.list()[0], ours.members.list()[1]
    assert by_id.national_id
    branch = theirs.branches.find("Chi đoàn ấp Kênh Xáng")
    assert branch is not None
    theirs.members.save(
        {"full_name": "Lê Công Ẩn", "birth_date": by_id.birth_date.strftime("%d/%m/%Y"),
         "national_id": by_id.national_id, "branch_id": branch.id}
    )  # fmt: skip
    theirs.members.save(
        {"full_name": by_name.full_name.upper(), "branch_id": branch.id,
         "birth_date": by_name.birth_date.strftime("%d/%m/%Y")}
    )  # fmt: skip
    yield ours, theirs
    ours.close()
    theirs.close()


def _merge_preview(
    qtbot: QtBot, ours: Workspace, theirs: Workspace, tmp_path: Path
) -> BundleImportWizard:
    bundle = export_through_gui(qtbot, theirs, tmp_path)
    prompts = ScriptedPrompts()
    wizard = import_wizard(qtbot, ours, prompts)
    wizard.ask_open_path = lambda _title: bundle
    wizard.browse_button.click()
    wizard.password_edit.setText(PASSWORD)
    wizard.next_button.click()
    wizard.merge_box.setChecked(True)
    wizard.next_button.click()
    assert wizard.page == PLAN_PAGE, wizard.plan_error.text()
    return wizard


def test_a_person_kept_apart_stays_listed_and_the_import_waits_for_the_new_preview(
    qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    ours, theirs = pair
    wizard = _merge_preview(qtbot, ours, theirs, tmp_path)
    panel = wizard.merge_panel
    model = panel.match_model
    assert model.rowCount() == 2 and wizard.import_button.isEnabled()
    row = next(r for r in range(2) if model.matches[r].reason == "name_birth")
    kept_apart = model.matches[row].theirs_id
    members_before = wizard.plan.new["members"]
    model.setData(
        model.index(row, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert not wizard.import_button.isEnabled()
    assert wizard.plan_summary.text() == STALE
    wizard.import_button.click()
    assert wizard.page == PLAN_PAGE

    panel.refresh_button.click()
    assert wizard.import_button.isEnabled()
    assert wizard.plan.new["members"] == members_before + 1
    assert [m.theirs_id for m in wizard.plan.matches] != [kept_apart]
    check = Qt.ItemDataRole.CheckStateRole
    listed = {
        model.matches[r].theirs_id: model.data(model.index(r, 0), check)
        for r in range(model.rowCount())
    }
    assert listed[kept_apart] == Qt.CheckState.Unchecked and len(listed) == 2
    assert panel.options()["unmatch"] == [kept_apart]

    count = len(ours.members.ids())
    wizard.import_button.click()
    assert wizard.page == RESULT_PAGE
    assert len(ours.members.ids()) == count + wizard.applied.new["members"]
    assert wizard.applied.new["members"] == members_before + 1
    result = wizard.result_label.text().splitlines()
    assert "• Người có trong cả hai tổ chức, đã ghép làm một: 1" in result
    assert "• Chi đoàn “Chi đoàn ấp Kênh Xáng”: gộp vào “Chi đoàn ấp Kênh Xáng”" in result
    assert (
        f"• Kế hoạch năm {THIS_YEAR}: giữ kế hoạch của máy này; không nhận kế hoạch năm "
        f"{THIS_YEAR} của Đoàn xã Tân Lộc (7 chỉ tiêu)."
    ) in result


def test_a_person_kept_apart_keeps_their_place_in_the_list(
    qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    """A person unticked, then the preview made again: they keep their row, unticked, in the
    list's Vietnamese order (they went to its end, the row jumping away from under the
    secretary's eyes)."""
    ours, theirs = pair
    third = ours.members.list()[2]  # a third person in both, matched by name and birth date
    branch = theirs.branches.find("Chi đoàn ấp Kênh Xáng")
    assert branch is not None
    theirs.members.save(
        {"full_name": third.full_name, "branch_id": branch.id,
         "birth_date": third.birth_date.strftime("%d/%m/%Y")}
    )  # fmt: skip
    wizard = _merge_preview(qtbot, ours, theirs, tmp_path)
    panel = wizard.merge_panel
    model = panel.match_model
    names = [model.text(r, 1) for r in range(model.rowCount())]
    assert len(names) == 3
    row = next(r for r in range(2) if model.matches[r].reason == "name_birth")
    check = Qt.ItemDataRole.CheckStateRole
    model.setData(model.index(row, 0), Qt.CheckState.Unchecked.value, check)
    panel.refresh_button.click()
    assert not wizard.stale, wizard.plan_error.text()
    assert len(wizard.plan.matches) == 2
    assert [model.text(r, 1) for r in range(model.rowCount())] == names
    assert [model.data(model.index(r, 0), check) for r in range(3)] == [
        Qt.CheckState.Unchecked if r == row else Qt.CheckState.Checked for r in range(3)
    ]


def test_the_heading_says_at_once_how_many_people_are_kept_apart(
    qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    """A person unticked: the heading above the people says so at once, and after the preview
    made again (it said "2 ... Được ghép làm một" for the two listed, one of them kept apart);
    ticked again, it says no more."""
    ours, theirs = pair
    wizard = _merge_preview(qtbot, ours, theirs, tmp_path)
    panel = wizard.merge_panel
    model = panel.match_model
    listed = (
        "<b>Người có trong cả hai tổ chức: 2</b> (dòng trên: máy này; dòng dưới: trong tệp). "
        "Được ghép làm một (gộp quá trình sinh hoạt). Bỏ chọn người nào không phải cùng một "
        "người; người cùng số CCCD hoặc mã định danh luôn được ghép."
    )
    assert panel.match_heading.text() == listed
    row = next(r for r in range(2) if model.matches[r].reason == "name_birth")
    check = Qt.ItemDataRole.CheckStateRole
    model.setData(model.index(row, 0), Qt.CheckState.Unchecked.value, check)
    apart = f"{listed} <b>Đã bỏ chọn 1 người</b>: thêm mới như một người khác, không ghép."
    assert panel.match_heading.text() == apart
    panel.refresh_button.click()
    assert not wizard.stale, wizard.plan_error.text()
    assert panel.match_heading.text() == apart
    model.setData(model.index(row, 0), Qt.CheckState.Checked.value, check)
    assert panel.match_heading.text() == listed


def test_the_matched_people_side_by_side_and_the_years_in_words(
    qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    ours, theirs = pair
    by_id = ours.members.list()[0]
    wizard = _merge_preview(qtbot, ours, theirs, tmp_path)
    panel = wizard.merge_panel
    model: MatchModel = panel.match_model
    qtmodeltester.check(model)
    row = next(r for r in range(model.rowCount()) if model.matches[r].reason == "cccd")
    mine = ours.members.get(by_id.id)
    cells = [model.text(row, c) for c in range(model.columnCount())]
    assert cells[0] == "Máy này\nTrong tệp"
    assert cells[1] == f"{mine.fields.full_name}\nLê Công Ẩn"
    assert cells[3] == f"{mine.branch_name or ''}\nChi đoàn ấp Kênh Xáng"  # theirs: joined ours
    assert cells[4] == f"{by_id.national_id}\n{by_id.national_id}"
    assert cells[5].split("\n")[0] == (mine.fields.hometown or "")
    assert cells[6].split("\n")[0] == "Cùng số CCCD"
    lines = panel.years_label.text().splitlines()
    assert lines[1] == (
        f"• Kế hoạch năm {THIS_YEAR}: giữ kế hoạch của máy này; không nhận kế hoạch năm "
        f"{THIS_YEAR} của Đoàn xã Tân Lộc (7 chỉ tiêu)."
    )
    assert [line.split(":")[0] for line in lines] == [
        f"• Đợt xếp loại năm {LAST_YEAR}", f"• Kế hoạch năm {THIS_YEAR}",
        f"• Bảng tự đánh giá “3 chủ động” năm {THIS_YEAR}", f"• Đợt xếp loại năm {THIS_YEAR}",
    ]  # fmt: skip
    assert not panel.years_label.isHidden()


def test_a_chi_doan_kept_under_a_name_we_have_is_refused_in_the_preview(
    qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    ours, theirs = pair
    wizard = _merge_preview(qtbot, ours, theirs, tmp_path)
    panel = wizard.merge_panel
    row = next(
        r for r in range(panel.branch_table.rowCount())
        if cell_text(panel.branch_table, r, 0) == "Chi đoàn ấp Tân Thành"
    )  # fmt: skip
    action = cell_widget(panel.branch_table, row, 1, QComboBox)
    action.setCurrentIndex(action.findText("Giữ riêng"))
    cell_widget(panel.branch_table, row, 2, QLineEdit).setText("Chi đoàn ấp kênh xáng")
    panel.refresh_button.click()
    assert wizard.plan_error.text() == (
        "Đã có chi đoàn tên “Chi đoàn ấp Kênh Xáng”: hãy đặt tên khác cho chi đoàn “Chi đoàn ấp "
        "Tân Thành” của tệp, hoặc gộp nó vào chi đoàn đó. Không có gì được ghi vào dữ liệu."
    )
    assert not wizard.import_button.isEnabled()
    cell_widget(panel.branch_table, row, 2, QLineEdit).setText("Chi đoàn ấp Tân Thành (Tân Lộc)")
    panel.refresh_button.click()
    assert wizard.plan_error.text() == "" and wizard.import_button.isEnabled()
    assert [
        (b.theirs_name, b.action, b.name) for b in wizard.plan.branches if b.action == "kept"
    ] == [("Chi đoàn ấp Tân Thành", "kept", "Chi đoàn ấp Tân Thành (Tân Lộc)")]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_name_refused_is_focused_to_be_typed_again(
    qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    """ "Đã có chi đoàn tên …: hãy đặt tên khác": the focus goes to that chi đoàn's name, its
    tab shown and the name selected, so that the new one is typed over it (the focus stayed on
    "Xem lại với lựa chọn này", the field to mend to be found among the rows)."""
    from PySide6.QtWidgets import QApplication, QLineEdit

    ours, theirs = pair
    wizard = _merge_preview(qtbot, ours, theirs, tmp_path)
    with qtbot.wait_active(wizard):
        wizard.show()
        wizard.activateWindow()
    panel = wizard.merge_panel
    table = panel.branch_table
    row = next(r for r in range(table.rowCount())
               if cell_text(table, r, 0) == "Chi đoàn ấp Tân Thành")  # fmt: skip
    action = cell_widget(table, row, 1, QComboBox)
    action.setCurrentIndex(action.findText("Giữ riêng"))
    name = table.cellWidget(row, 2)
    assert isinstance(name, QLineEdit)
    name.setText("Chi đoàn ấp kênh xáng")
    panel.tabs.setCurrentIndex(0)
    panel.refresh_button.setFocus()
    qtbot.keyClick(wizard, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # "Xem lại…"
    qtbot.keyRelease(wizard, Qt.Key.Key_Alt)
    qtbot.waitUntil(lambda: wizard.plan_error.text().startswith("Đã có chi đoàn tên"))
    assert panel.tabs.currentWidget() is table
    assert QApplication.focusWidget() is name
    assert name.selectedText() == "Chi đoàn ấp kênh xáng"
    qtbot.keyClicks(name, "Chi doan ap Tan Thanh moi")
    assert name.text() == "Chi doan ap Tan Thanh moi"


def test_the_preview_and_the_result_count_the_files_copied_and_those_not_taken(
    qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    import os
    import sqlite3

    from doancoso.core.evidence.store import EvidenceStore

    ours, theirs = pair
    year = dt.date.today().year
    codes = [item.code for item in theirs.recognition.view(year).template.items]
    for i in range(2):  # their checklist of a year ours has one of: not taken
        path = tmp_path / f"bien-ban-{i}.pdf"
        path.write_bytes(b"%PDF-1.4\n" + os.urandom(4000))
        theirs.recognition.attach(year, codes[i], path, "Biên bản")
    with sqlite3.connect(theirs.db.path) as db:
        (advice_id,) = db.execute("SELECT id FROM advice_records LIMIT 1").fetchone()
    taken = tmp_path / "to-trinh.pdf"
    taken.write_bytes(b"%PDF-1.4\n" + os.urandom(4000))
    theirs.evidence.attach("advice_records", advice_id, taken, "Tờ trình")
    store = EvidenceStore(ours.data_dir)
    before = set(os.listdir(store.folder))

    wizard = _merge_preview(qtbot, ours, theirs, tmp_path)
    assert wizard.plan_files.text() == (
        "Tệp minh chứng sẽ chép vào máy: 1 tệp. Tệp minh chứng không chép (chỉ thuộc các bản "
        "ghi không nhận): 2 tệp."
    )
    wizard.import_button.click()
    assert wizard.page == RESULT_PAGE
    result = wizard.result_label.text().splitlines()
    assert "• Tệp minh chứng chép vào máy: 1 tệp" in result
    assert "• Tệp minh chứng không chép (chỉ thuộc các bản ghi không nhận): 2 tệp" in result
    assert set(os.listdir(store.folder)) - before == {EvidenceStore.hash_of(taken)}


def test_back_to_the_file_and_on_again_keeps_the_merge_choices(
    qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    """Back to step 1 to look at the file, then "Tiếp" twice (the same file, read already):
    the sáp nhập stays ticked, a chi đoàn renamed stays renamed and a person kept apart stays
    apart (they were all forgotten: the two people would then have been made one)."""
    ours, theirs = pair
    wizard = _merge_preview(qtbot, ours, theirs, tmp_path)
    panel, model = wizard.merge_panel, wizard.merge_panel.match_model
    row = next(r for r in range(2) if model.matches[r].reason == "name_birth")
    kept_apart = model.matches[row].theirs_id
    model.setData(
        model.index(row, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    keep = cell_widget(panel.branch_table, 0, 1, QComboBox)
    keep.setCurrentIndex(0)  # "Giữ riêng"
    cell_widget(panel.branch_table, 0, 2, QLineEdit).setText("Chi đoàn ấp Mới")
    panel.refresh_button.click()
    chosen = panel.options()
    assert chosen["unmatch"] == [kept_apart] and chosen["branch_names"]
    new_members = wizard.plan.new["members"]

    wizard.back_button.click()
    wizard.back_button.click()
    assert wizard.page == FILE_PAGE
    wizard.next_button.click()
    assert wizard.page == INFO_PAGE
    assert wizard.merge_box.isChecked() and wizard.next_button.isEnabled()
    wizard.next_button.click()
    assert wizard.page == PLAN_PAGE, wizard.plan_error.text()
    assert panel.options() == chosen
    assert kept_apart not in [m.theirs_id for m in wizard.plan.matches]
    assert wizard.plan.new["members"] == new_members
    assert wizard.import_button.isEnabled()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_tab_goes_to_each_chi_doan_choice_and_out_of_the_tables(
    qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    """From the table of chi đoàn, Tab goes to each row's choice and name in turn, then to
    "Xem lại với lựa chọn này" (the cells took every Tab, round and round); from the people
    matched, on to the same button."""
    ours, theirs = pair
    wizard = _merge_preview(qtbot, ours, theirs, tmp_path)
    panel = wizard.merge_panel
    with qtbot.wait_active(wizard):
        wizard.show()
        wizard.activateWindow()
    panel.tabs.setCurrentIndex(1)
    table = panel.branch_table
    cells = [table.cellWidget(r, c) for r in range(table.rowCount()) for c in (1, 2)]
    cells = [c for c in cells if c.isEnabled()]  # a name is not typed for a chi đoàn joined
    seen = tab_stops(qtbot, table, len(cells) + 1)
    assert seen == [*cells, panel.refresh_button]
    panel.tabs.setCurrentIndex(2)
    assert panel.refresh_button in tab_stops(qtbot, panel.match_view, 2)


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_alt_s_ticks_the_merge_and_alt_x_makes_the_preview_again(
    qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    """The two choices a sáp nhập waits for by keyboard; an organisation named with "&" shows
    it as written (it was taken for a mnemonic, the letter after it underlined)."""
    ours, theirs = pair
    info = ours.organization.get()
    assert info is not None
    ours.organization.update(
        OrganizationInfo(**{**info.__dict__, "name": "Đoàn xã Tân Hưng & Tân Lợi"})
    )
    bundle = export_through_gui(qtbot, theirs, tmp_path)
    wizard = import_wizard(qtbot, ours, ScriptedPrompts())
    wizard.ask_open_path = lambda _title: bundle
    wizard.browse_button.click()
    wizard.password_edit.setText(PASSWORD)
    wizard.next_button.click()
    assert wizard.page == INFO_PAGE
    assert wizard.merge_box.text() == "&Sáp nhập tổ chức này vào “Đoàn xã Tân Hưng && Tân Lợi”"
    with qtbot.wait_active(wizard):
        wizard.show()
        wizard.activateWindow()
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(wizard, Qt.Key.Key_S, alt)
    qtbot.waitUntil(wizard.merge_box.isChecked)
    qtbot.keyClick(wizard, Qt.Key.Key_T, alt)
    qtbot.waitUntil(lambda: wizard.page == PLAN_PAGE)
    panel = wizard.merge_panel
    assert panel.refresh_button.text() == "&Xem lại với lựa chọn này"
    model = panel.match_model
    row = next(r for r in range(2) if model.matches[r].reason == "name_birth")
    model.setData(
        model.index(row, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert wizard.stale and not wizard.import_button.isEnabled()
    qtbot.keyClick(wizard, Qt.Key.Key_X, alt)
    qtbot.waitUntil(lambda: not wizard.stale)
    assert wizard.import_button.isEnabled()


def test_many_people_in_both_organisations_are_counted_as_vietnamese_write_numbers(
    qtbot: QtBot,
) -> None:
    """The heading above the people matched wrote "1200" where its tab wrote "1.200"."""
    from doancoso.core.bundle.outcome import Match
    from doancoso.ui.bundle.merge_panel import MergePanel

    panel = MergePanel()
    qtbot.addWidget(panel)
    matches = [Match(f"m{i}", f"t{i}", "cccd", f"Người {i}", "01/01/2000") for i in range(1200)]
    panel.set_plan([], matches, [])
    assert panel.tabs.tabText(2) == "Người có trong cả hai tổ chức (1.200)"
    assert panel.match_heading.text().startswith(
        "<b>Người có trong cả hai tổ chức: 1.200</b> (dòng trên: máy này; dòng dưới: trong tệp)."
    )


@pytest.mark.qt_log_ignore("propagateSizeHints")  # a shown widget, offscreen
def test_a_long_chi_doan_name_reads_from_its_start(qtbot: QtBot) -> None:
    """A chi đoàn of the file whose name is longer than its column: the name it takes here
    shows from its first word (its field showed the end, "đoàn ấp Kênh Xáng…", as if
    "Chi" were not in it), and the name of the file, cut short in its cell, is read whole
    where the pointer rests."""
    from doancoso.core.bundle.outcome import BranchMapping
    from doancoso.ui.bundle.merge_panel import MergePanel

    long = "Chi đoàn ấp Kênh Xáng Mới – Khu dân cư Rạch Ráng Đông Bắc"
    panel = MergePanel()
    qtbot.addWidget(panel)
    panel.resize(960, 520)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_plan([BranchMapping("t1", long, "kept", None, long)], [], [("m1", "Chi đoàn ấp 1")])
    panel.tabs.setCurrentIndex(1)
    edit = cell_widget(panel.branch_table, 0, 2, QLineEdit)
    assert edit.text() == long and edit.cursorPosition() == 0
    assert cell_item(panel.branch_table, 0, 0).toolTip() == long


def test_the_result_names_a_chi_doan_kept_once_and_says_a_new_name() -> None:
    """A chi đoàn kept under its own name was named twice ("giữ riêng, tên" and the same
    name again); one renamed says the new name; the command line says the same."""
    import io

    from doancoso.cli.bundles import _show_plan
    from doancoso.core.bundle.outcome import BranchMapping, ImportPlan
    from doancoso.ui.bundle.import_texts import merge_lines

    long = "Chi đoàn ấp Kênh Xáng Mới – Khu dân cư Rạch Ráng Đông Bắc"
    plan = ImportPlan(
        branches=[
            BranchMapping("t1", "Chi đoàn ấp 1", "joined", "m1", "Chi đoàn ấp Tân Hưng"),
            BranchMapping("t2", long, "kept", None, long),
            BranchMapping("t3", "Chi đoàn ấp 3", "kept", None, "Chi đoàn ấp Ba Tân Lộc"),
        ],
        merged_organization=True, organization={"name": "Đoàn xã Tân Lộc"}, applied=True,
    )  # fmt: skip
    expected = [
        "Chi đoàn “Chi đoàn ấp 1”: gộp vào “Chi đoàn ấp Tân Hưng”",
        f"Chi đoàn “{long}”: giữ riêng",
        "Chi đoàn “Chi đoàn ấp 3”: giữ riêng, đổi tên thành “Chi đoàn ấp Ba Tân Lộc”",
    ]
    assert merge_lines(plan)[1:] == [f"• {line}" for line in expected]
    out = io.StringIO()
    _show_plan(plan, out, dry_run=False)
    assert [line for line in out.getvalue().splitlines() if line.startswith("Chi đoàn")] == (
        expected
    )


def test_the_result_of_a_merge_says_how_to_go_back_to_the_backup(
    qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    """A sáp nhập made by mistake: the result names the backup taken before it (when, its
    file and folder) and how to restore it, and that backup holds our data as they were."""
    ours, theirs = pair
    count = len(ours.members.ids())
    wizard = _merge_preview(qtbot, ours, theirs, tmp_path)
    wizard.import_button.click()
    assert wizard.page == RESULT_PAGE
    (backup,) = [b for b in ours.backups.list() if b.reason == "truoc-nhap-goi"]
    assert backup.members == count and len(ours.members.ids()) > count
    when = f"{backup.taken_at:%H:%M} ngày {backup.taken_at:%d/%m/%Y}"
    assert wizard.result_label.text().splitlines()[-1] == (
        f"Nếu sáp nhập nhầm: dữ liệu trước khi sáp nhập đã được sao lưu lúc {when} (tệp "
        f"“{backup.path.name}” trong thư mục “{backup.path.parent}”). Để quay lại như trước "
        "khi sáp nhập: vào Tệp → Sao lưu và khôi phục…, chọn bản sao lưu lúc đó (lý do “Trước "
        "khi nhập tệp dữ liệu từ USB”) rồi bấm “Khôi phục bản đã chọn…”. Những gì nhập hoặc "
        "sửa sau khi sáp nhập sẽ không còn."
    )


def test_the_merge_event_of_each_member_brought_in_has_its_own_line(
    qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    """The counts' "Quá trình sinh hoạt" row holds the history rows of the file; the event
    "Sáp nhập tổ chức Đoàn" the merge writes in each member's history has its own row, in the
    preview and in the result (before: added to the file's rows, more than the file holds)."""
    ours, theirs = pair
    held = len([m for m in theirs.members.list() if m.status in ("active", "temporary")])
    with contextlib.closing(sqlite3.connect(theirs.db.path)) as db:
        in_file = db.execute("SELECT count(*) FROM member_events").fetchone()[0]
    wizard = _merge_preview(qtbot, ours, theirs, tmp_path)
    table = wizard.plan_table
    rows = {cell_text(table, r, 0): cell_text(table, r, 1) for r in range(table.rowCount())}
    assert rows["Quá trình sinh hoạt của đoàn viên"] == str(in_file)
    assert rows["Sự kiện “Sáp nhập tổ chức Đoàn” ghi thêm vào quá trình sinh hoạt"] == str(held)
    wizard.import_button.click()
    assert wizard.page == RESULT_PAGE
    assert (
        f"• Sự kiện “Sáp nhập tổ chức Đoàn” ghi thêm vào quá trình sinh hoạt: {held} đoàn viên"
    ) in wizard.result_label.text().splitlines()


def test_a_person_matched_by_cccd_cannot_be_kept_apart(
    qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path
) -> None:
    """Two people cannot hold one CCCD: a match by CCCD has its box disabled and says why where
    the pointer rests (unticked, the preview refused the file with a raw id); a match by name
    and birth date is still unticked by the keyboard."""
    ours, theirs = pair
    wizard = _merge_preview(qtbot, ours, theirs, tmp_path)
    panel = wizard.merge_panel
    model, view = panel.match_model, panel.match_view
    check = Qt.ItemDataRole.CheckStateRole
    by_cccd = next(r for r in range(2) if model.matches[r].reason == "cccd")
    by_name = 1 - by_cccd
    box = model.index(by_cccd, 0)
    assert not model.flags(box) & Qt.ItemFlag.ItemIsEnabled
    assert model.text(by_cccd, 6).split("\n")[0] == "Cùng số CCCD"
    why = (
        "Cùng số CCCD nên là cùng một người: không thể thêm mới như một người khác, vì hai người "
        "không thể có cùng một số CCCD. Nếu số CCCD bị nhập sai, hãy sửa ở máy này hoặc trong "
        "tệp rồi nhập lại."
    )
    assert model.data(box, Qt.ItemDataRole.ToolTipRole) == why
    assert model.data(model.index(by_cccd, 6), Qt.ItemDataRole.ToolTipRole).endswith(why)

    view.setCurrentIndex(box)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert not model.setData(box, Qt.CheckState.Unchecked.value, check)
    assert model.data(box, check) == Qt.CheckState.Checked
    assert panel.options()["unmatch"] == [] and not wizard.stale

    free = model.index(by_name, 0)
    assert model.flags(free) & Qt.ItemFlag.ItemIsEnabled
    assert model.data(free, Qt.ItemDataRole.ToolTipRole) == "Máy này\nTrong tệp"
    view.setCurrentIndex(free)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert model.data(free, check) == Qt.CheckState.Unchecked
    assert panel.options()["unmatch"] == [model.matches[by_name].theirs_id] and wizard.stale


def test_our_chi_doan_offered_to_join_are_read_on_the_worker(
    qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """With the app's threaded runner, the chi đoàn each of theirs may be joined into are read
    with the dry run on the worker (their order goes through the core's collation cache, the
    worker's), never on the GUI thread, and offered in Vietnamese order."""
    from doancoso.ui.shell.operations import Core

    ours, theirs = pair
    bundle = export_through_gui(qtbot, theirs, tmp_path)
    expected = ["Giữ riêng"] + [f"Gộp vào “{b.name}”" for b in ours.branches.list()]
    assert len(expected) > 2
    read_on = record_reads(ours.branches, monkeypatch, "list")
    core = Core(ours, ScriptedPrompts())  # threaded, as in the app
    wizard = BundleImportWizard(core)
    qtbot.addWidget(wizard)
    open_bundle(wizard, bundle)
    qtbot.waitUntil(lambda: wizard.page == INFO_PAGE, timeout=20_000)
    wizard.merge_box.setChecked(True)
    wizard.next_button.click()
    qtbot.waitUntil(lambda: wizard.page == PLAN_PAGE, timeout=20_000)
    combo = cell_widget(wizard.merge_panel.branch_table, 0, 1, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == expected
    assert core.runner.wait()
    assert on_the_worker(read_on)
