"""Two records of one file ending up with one key that a record holds alone (a CCCD, a chi
đoàn's name): a new record of the file and a record the file changes onto that key. Neither is
held here, so neither check against the rows here sees it: the import and its dry run are
refused, both records named as the user knows them, and nothing is written."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from bundle_sync import bundle_of, edit, every_row
from data_state import data_state
from doancoso.core.bundle.merge import apply, plan
from doancoso.core.bundle.rows import DictSource
from doancoso.core.bundle.sync_errors import SyncError
from doancoso.core.workspace import Workspace

NOTHING = "Không có gì được ghi vào dữ liệu."
CCCD = "096303001234"


def _added(bundle: DictSource, table: str, like: str, **values: object) -> dict[str, object]:
    """A new row of ``table`` put in ``bundle``: a copy of its row ``like`` under a new id,
    with ``values``, as a file made by hand would hold it."""
    rows = bundle.table(table)
    row = dict(next(r for r in rows if r["id"] == like), id=str(uuid.uuid4()), revision=1)
    row.update(values)
    rows.append(row)
    return row


def test_a_new_member_holding_the_cccd_another_is_given_in_the_file_is_refused(
    home: Workspace, away: Workspace
) -> None:
    changed, other = away.members.list()[:2]
    edit(away, changed.id, national_id=CCCD)
    bundle = bundle_of(away)
    _added(bundle, "members", other.id, full_name="Huỳnh Thị Mai", birth_date="2003-07-21",
           birth_precision="day", national_id=CCCD, member_code=None)  # fmt: skip
    before = every_row(home)
    born = away.members.get(changed.id).fields.birth_date.strftime("%d/%m/%Y")
    expected = (
        f"Đoàn viên Huỳnh Thị Mai (21/07/2003) trong tệp có Số CCCD “{CCCD}” trùng với Đoàn "
        f"viên {changed.full_name} ({born}) cũng trong tệp. Hãy sửa hoặc xóa một trong hai trên "
        f"máy đã tạo tệp rồi tạo lại tệp. {NOTHING}"
    )
    with pytest.raises(SyncError) as dry:
        plan(home, bundle)
    assert dry.value.message == expected
    with pytest.raises(SyncError) as caught:
        apply(home, bundle)
    assert caught.value.message == expected
    assert every_row(home) == before


def test_a_new_chi_doan_of_the_name_another_is_given_in_the_file_is_refused(
    home: Workspace, away: Workspace
) -> None:
    """Refused as two chi đoàn of one name in a file are (derived.py), before any key check."""
    renamed = away.branches.list()[0]
    away.branches.rename(renamed.id, "Chi đoàn ấp Bến Đình")
    bundle = bundle_of(away)
    _added(bundle, "branches", renamed.id, name="CHI ĐOÀN ẤP BẾN ĐÌNH")
    before = every_row(home)
    expected = (
        "Tệp dữ liệu có dòng không hợp lệ ở bảng “Chi đoàn” (branches), dòng của chi đoàn "
        "“CHI ĐOÀN ẤP BẾN ĐÌNH”: Đã có chi đoàn tên “Chi đoàn ấp Bến Đình” (hãy "
        f"đổi tên một trong hai chi đoàn trên máy đã tạo tệp rồi tạo lại tệp). {NOTHING}"
    )
    with pytest.raises(SyncError) as dry:
        plan(home, bundle)
    assert dry.value.message == expected
    with pytest.raises(SyncError) as caught:
        apply(home, bundle)
    assert caught.value.message == expected
    assert every_row(home) == before
    assert [b.name for b in home.branches.list()].count("Chi đoàn ấp Bến Đình") == 0


def test_a_handover_holding_two_members_of_one_cccd_is_refused_by_a_new_folder(
    home: Workspace, tmp_path: Path
) -> None:
    """Into a new installation every row is new and none is here: the file's rows alone."""
    first, other = home.members.list()[:2]
    edit(home, first.id, national_id=CCCD)
    bundle = bundle_of(home)
    _added(bundle, "members", other.id, full_name="Huỳnh Thị Mai", birth_date="2003-07-21",
           birth_precision="day", national_id=CCCD, member_code=None)  # fmt: skip
    born = home.members.get(first.id).fields.birth_date.strftime("%d/%m/%Y")
    expected = (
        f"Đoàn viên {first.full_name} ({born}) trong tệp có Số CCCD “{CCCD}” trùng với Đoàn "
        "viên Huỳnh Thị Mai (21/07/2003) cũng trong tệp. Hãy sửa hoặc xóa một trong hai trên "
        f"máy đã tạo tệp rồi tạo lại tệp. {NOTHING}"
    )
    with Workspace.open(tmp_path / "moi") as new:
        before = data_state(new.data_dir)
        with pytest.raises(SyncError) as dry:
            plan(new, bundle)
        with pytest.raises(SyncError) as caught:
            apply(new, bundle)
        assert data_state(new.data_dir) == before
    assert dry.value.message == caught.value.message == expected
