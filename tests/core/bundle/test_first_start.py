"""A successor who filled the first-start setup before the handover came (issue #17's
walkthrough): a copy holding nothing but its setup takes the handover in its place, identical to
a fresh handover; a copy holding more refuses it, telling the two organisations apart even when
their names are equal."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from bundle_sync import bundle_of, carry, every_row
from doancoso.core.bundle.firststart import setup_of
from doancoso.core.bundle.merge import apply, plan
from doancoso.core.bundle.sync_errors import ForeignBundle
from doancoso.core.organization import OrganizationInfo
from doancoso.core.workspace import Workspace
from stored import organization_of

SETUP = OrganizationInfo(
    name="Đoàn xã Tân Hưng", superior_name="Huyện Đoàn Cái Nước", secretary_name="Lê Văn Tư"
)


@pytest.fixture
def successor(tmp_path: Path) -> Iterator[Workspace]:
    """A new machine whose secretary typed the organisation's name in the setup first."""
    ws = Workspace.open(tmp_path / "successor")
    ws.organization.create(SETUP)
    yield ws
    ws.close()


def _day(ws: Workspace) -> str:
    with ws.db.raw() as cursor:
        cursor.execute("SELECT created_at FROM organizations")
        (created,) = cursor.fetchone()
    return f"{created[8:10]}/{created[5:7]}/{created[0:4]}"


def test_only_the_setup_means_no_row_but_the_organisation_and_no_exchange(
    successor: Workspace, home: Workspace, tmp_path: Path
) -> None:
    setup = setup_of(successor)
    assert setup is not None and setup.name == "Đoàn xã Tân Hưng"
    assert setup.id == organization_of(successor).id
    # Editing the organisation's own fields is still the setup.
    successor.organization.update(
        dataclasses.replace(organization_of(successor), commune="Tân Hưng")
    )
    assert setup_of(successor) is not None
    # A chi đoàn, even deleted again, is more than the setup.
    branch = successor.branches.create("Chi đoàn 1")
    assert setup_of(successor) is None
    successor.branches.delete(branch.id)
    assert setup_of(successor) is None
    # A setting of its own (the rating rules) is more than the setup.
    with Workspace.open(tmp_path / "rules") as ruled:
        ruled.organization.create(SETUP)
        ruled.rating.set_rules(ruled.rating.rules().text.replace('"3": 50', '"3": 45'))
        assert setup_of(ruled) is None
    # No organisation at all: no setup either (a plain handover).
    with Workspace.open(tmp_path / "empty") as empty:
        assert setup_of(empty) is None


def test_a_handover_replaces_a_copy_that_holds_only_its_setup(
    successor: Workspace, home: Workspace, tmp_path: Path
) -> None:
    setup_id = organization_of(successor).id
    before = every_row(successor)
    preview = plan(successor, bundle_of(home), replace_setup=True)
    assert preview.handover and preview.replaced_setup == "Đoàn xã Tân Hưng"
    assert preview.new["members"] == 40 and not preview.applied
    assert preview.to_json()["replaced_setup"] == "Đoàn xã Tân Hưng"
    assert every_row(successor) == before  # the dry run wrote nothing
    result = carry(home, successor, replace_setup=True)
    assert result.applied and result.handover and result.replaced_setup == "Đoàn xã Tân Hưng"
    with Workspace.open(tmp_path / "fresh") as fresh:
        carry(home, fresh)
        assert every_row(successor) == every_row(fresh) == every_row(home)
        assert successor.organization.get() == fresh.organization.get()
    with successor.db.raw() as cursor:
        cursor.execute("SELECT count(*) FROM organizations WHERE id = ?", (setup_id,))
        assert cursor.fetchone() == (0,)
    assert organization_of(successor).id == organization_of(home).id
    # Later exchanges with the outgoing copy are those of one organisation.
    again = carry(home, successor)
    assert again.applied and not again.new and not again.conflicts


def test_without_the_choice_the_setup_is_refused_saying_it_may_be_replaced(
    successor: Workspace, home: Workspace
) -> None:
    before = every_row(successor)
    with pytest.raises(ForeignBundle) as caught:
        apply(successor, bundle_of(home))
    theirs, mine = _day(home), _day(successor)
    situation = (
        f"Tệp này là dữ liệu của “Đoàn xã Tân Hưng” (lập ngày {theirs}), còn máy này mới chỉ "
        f"có phần thiết lập ban đầu của “Đoàn xã Tân Hưng” (lập ngày {mine}), chưa có chi "
        "đoàn, đoàn viên hay dữ liệu nào khác."
    )
    assert caught.value.message == (
        f"{situation} Để nhận bàn giao thay cho phần thiết lập đó, hãy nhận lại tệp bằng “Nhận "
        "dữ liệu từ USB…” và đồng ý thay. Không có gì được ghi vào dữ liệu."
    )
    assert caught.value.for_command_line() == (
        f"{situation} Để nhận bàn giao thay cho phần thiết lập đó, hãy chạy lại với "
        "--replace-setup (thêm --dry-run để xem trước). Không có gì được ghi vào dữ liệu."
    )
    assert every_row(successor) == before


def test_a_copy_with_data_refuses_a_namesake_saying_they_are_two_organisations(
    successor: Workspace, home: Workspace
) -> None:
    successor.branches.create("Chi đoàn Ấp 1")
    before = every_row(successor)
    mine, theirs = organization_of(successor).id, organization_of(home).id
    secretary = organization_of(home).secretary_name
    my_secretary = organization_of(successor).secretary_name
    members = len(home.members.ids())
    assert secretary and my_secretary and secretary != my_secretary and members > 0
    for replace in (False, True):  # not only the setup: never replaced
        with pytest.raises(ForeignBundle) as caught:
            plan(successor, bundle_of(home), replace_setup=replace)
        assert caught.value.message == (
            "Tệp này là dữ liệu của một Đoàn cơ sở khác cũng tên “Đoàn xã Tân Hưng”: bản trong "
            f"tệp lập ngày {_day(home)} (Bí thư {secretary}, {members} đoàn viên), bản trên máy "
            f"này được thiết lập riêng ngày {_day(successor)} (Bí thư {my_secretary}, chưa có "
            "đoàn viên), nên hai bản không trao đổi dữ liệu với nhau được. Nếu đó thật ra là "
            "cùng một Đoàn cơ sở được thiết lập hai lần, hãy chọn “Sáp nhập tổ chức” để đưa dữ "
            "liệu vào. Không có gì được ghi vào dữ liệu."
        )
        assert mine[:8] not in caught.value.message and theirs[:8] not in caught.value.message
    assert every_row(successor) == before


def test_a_report_bundle_never_replaces_the_setup(successor: Workspace, home: Workspace) -> None:
    report = bundle_of(home, "report", home.plans.years()[0])
    with pytest.raises(ForeignBundle) as caught:
        plan(successor, report, replace_setup=True)
    assert not caught.value.setup_only
    assert "cũng tên “Đoàn xã Tân Hưng”" in caught.value.message
    assert setup_of(successor) is not None
