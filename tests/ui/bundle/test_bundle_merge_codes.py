"""The sáp nhập panel shows a person matched by mã định danh as such ("Cùng mã định danh") and,
as for a CCCD, does not let them be kept apart: two people cannot hold one code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from bundle_sync import bundle_of
from doancoso.core.bundle.merge import plan
from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace
from doancoso.ui.bundle.merge_panel import MergePanel


@pytest.fixture
def panel(qtbot: QtBot, tmp_path: Path) -> Iterator[MergePanel]:
    """The panel showing the real preview of Tân Lộc's data merged into ours: one person of the
    same code whose name and birth date Tân Lộc wrote differently, one of the same name and
    birth date."""
    ours, theirs = Workspace.open(tmp_path / "ours"), Workspace.open(tmp_path / "theirs")
    ours.organization.create(OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn"))
    theirs.organization.create(OrganizationInfo(name="Đoàn xã Tân Lộc", superior_name="Tỉnh đoàn"))
    ours.members.save(
        {"full_name": "Nguyễn Thị Hoa", "birth_date": "05/03/2001", "member_code": "8800001"}
    )
    ours.members.save({"full_name": "Trần Văn Bé", "birth_date": "01/02/2003"})
    theirs.members.save(
        {"full_name": "Nguyễn Thị Hòa", "birth_date": "03/05/2001", "member_code": "8800001"}
    )
    theirs.members.save({"full_name": "TRẦN VĂN BÉ", "birth_date": "01/02/2003"})
    preview = plan(ours, bundle_of(theirs), merge_organization=True)
    ours.close()
    theirs.close()
    widget = MergePanel()
    qtbot.addWidget(widget)
    widget.set_plan(preview.branches, preview.matches, [], preview.years, "Đoàn xã Tân Lộc")
    yield widget


def test_a_person_matched_by_member_code_is_said_so_and_cannot_be_kept_apart(
    qtbot: QtBot, panel: MergePanel, qtmodeltester: ModelTester
) -> None:
    model, view = panel.match_model, panel.match_view
    qtmodeltester.check(model)
    by_code = next(r for r in range(2) if model.matches[r].reason == "member_code")
    assert model.text(by_code, 1) == "Nguyễn Thị Hoa\nNguyễn Thị Hòa"
    assert model.text(by_code, 2) == "05/03/2001\n03/05/2001"
    assert model.text(by_code, 6) == "Cùng mã định danh"
    why = (
        "Cùng mã định danh đoàn viên nên là cùng một người: không thể thêm mới như một người "
        "khác, vì hai người không thể có cùng một mã định danh. Nếu mã định danh bị nhập sai, "
        "hãy sửa ở máy này hoặc trong tệp rồi nhập lại."
    )
    box = model.index(by_code, 0)
    assert not model.flags(box) & Qt.ItemFlag.ItemIsEnabled
    assert model.data(box, Qt.ItemDataRole.ToolTipRole) == why
    assert model.data(model.index(by_code, 6), Qt.ItemDataRole.ToolTipRole) == (
        f"Cùng mã định danh\n{why}"
    )
    view.setCurrentIndex(box)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    check = Qt.ItemDataRole.CheckStateRole
    assert not model.setData(box, Qt.CheckState.Unchecked.value, check)
    assert model.data(box, check) == Qt.CheckState.Checked
    assert panel.options()["unmatch"] == []

    by_name = model.index(1 - by_code, 0)  # a match by name and birth date is still a choice
    assert model.text(1 - by_code, 6) == "Cùng họ tên, ngày sinh"
    assert model.flags(by_name) & Qt.ItemFlag.ItemIsEnabled
    assert model.setData(by_name, Qt.CheckState.Unchecked.value, check)
    assert panel.options()["unmatch"] == [model.matches[1 - by_code].theirs_id]


def test_a_person_born_in_a_known_year_only_is_shown_by_that_year(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Each side's birth as that side knows it: the year alone, not "01/01/yyyy"."""
    ours, theirs = Workspace.open(tmp_path / "ours"), Workspace.open(tmp_path / "theirs")
    ours.organization.create(OrganizationInfo(name="Đoàn xã Tân Hưng", superior_name="Tỉnh đoàn"))
    theirs.organization.create(OrganizationInfo(name="Đoàn xã Tân Lộc", superior_name="Tỉnh đoàn"))
    ours.members.save({"full_name": "Lê Công Ẩn", "birth_date": "2000", "member_code": "8800005"})
    theirs.members.save(
        {"full_name": "Lê Công Ẩn", "birth_date": "14/06/2000", "member_code": "8800005"}
    )
    preview = plan(ours, bundle_of(theirs), merge_organization=True)
    ours.close()
    theirs.close()
    panel = MergePanel()
    qtbot.addWidget(panel)
    panel.set_plan(preview.branches, preview.matches, [], preview.years, "Đoàn xã Tân Lộc")
    assert panel.match_model.text(0, 2) == "2000\n14/06/2000"
