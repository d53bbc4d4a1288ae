"""A row of a crafted bundle refused as it is checked (validate.py) is named as the secretary
knows it: a member or a young person by their full name and birth date, a chi đoàn by its name,
another record by its title; by its id only when the row has no name to show (an attendance
mark). The file is imported into a real installation and changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from data_state import data_state
from doancoso.core.errors import ImportFileError
from doancoso.core.workspace import Workspace
from hostile_bundles import NOT_WRITTEN, Sources, make_sources, no_leftovers, spoiled


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Sources:
    return make_sources(tmp_path_factory.mktemp("refused-names"))


def _refused(sources: Sources, tmp_path: Path, table: str, change: dict[str, Any]) -> str:
    """The message the bundle with ``change`` made to a row of ``table`` is refused with, the
    receiver checked unchanged."""
    receiver, bundle = spoiled(sources, tmp_path, table, change)
    before = data_state(receiver)
    with Workspace.open(receiver) as ws, pytest.raises(ImportFileError) as error:
        ws.bundles.apply(bundle, None)
    assert data_state(receiver) == before
    assert no_leftovers(receiver)
    return error.value.message


def test_a_member_row_is_named_by_full_name_and_birth_date(
    sources: Sources, tmp_path: Path
) -> None:
    change = {
        "full_name": "  Nguye\u0302\u0303n \x00  Thị Ánh  ",  # decomposed, a NUL, spaces doubled
        "birth_date": "2001-03-05",
        "birth_precision": "day",
        "revision": "2",
    }
    assert _refused(sources, tmp_path, "members", change) == (
        "Tệp dữ liệu có dòng không hợp lệ ở bảng “Đoàn viên” (members), dòng của Nguyễn Thị "
        "Ánh (sinh 05/03/2001): cột “revision” phải là số nguyên, không phải '2'. "
        f"{NOT_WRITTEN}"
    )


def test_a_person_born_in_a_known_year_only_is_named_by_that_year(
    sources: Sources, tmp_path: Path
) -> None:
    change = {
        "full_name": "Lê Văn Bình",
        "birth_date": "2004-01-01",
        "birth_precision": "year",
        "updated_at": 5,
    }
    assert _refused(sources, tmp_path, "youths", change) == (
        "Tệp dữ liệu có dòng không hợp lệ ở bảng “Thanh niên” (youths), dòng của Lê Văn Bình "
        "(sinh 2004): cột “updated_at” phải là ngày giờ (ISO 8601), không phải 5. "
        f"{NOT_WRITTEN}"
    )


def test_a_birth_date_that_is_the_problem_is_not_shown_as_one(
    sources: Sources, tmp_path: Path
) -> None:
    change = {"full_name": "Trần Văn Cường", "birth_date": "05/03/2001"}
    assert _refused(sources, tmp_path, "members", change) == (
        "Tệp dữ liệu có dòng không hợp lệ ở bảng “Đoàn viên” (members), dòng của Trần Văn "
        "Cường: cột “birth_date” phải là ngày (yyyy-mm-dd), không phải '05/03/2001'. "
        f"{NOT_WRITTEN}"
    )


def test_a_chi_doan_row_is_named_by_its_name(sources: Sources, tmp_path: Path) -> None:
    change = {"name": "Chi đoàn ấp Mới", "revision": 1.5}
    assert _refused(sources, tmp_path, "branches", change) == (
        "Tệp dữ liệu có dòng không hợp lệ ở bảng “Chi đoàn” (branches), dòng của chi đoàn “Chi "
        "đoàn ấp Mới”: cột “revision” phải là số nguyên, không phải 1.5. "
        f"{NOT_WRITTEN}"
    )


def test_a_very_long_name_is_cut(sources: Sources, tmp_path: Path) -> None:
    change = {
        "full_name": "Nguyễn " * 20_000,
        "birth_date": "2001-03-05",
        "birth_precision": "day",
        "revision": "2",
    }
    assert _refused(sources, tmp_path, "members", change) == (
        "Tệp dữ liệu có dòng không hợp lệ ở bảng “Đoàn viên” (members), dòng của "
        + ("Nguyễn " * 9)[:59]
        + "… (sinh 05/03/2001): cột “revision” phải là số nguyên, không phải '2'. "
        + NOT_WRITTEN
    )


def test_a_row_with_no_name_is_named_by_its_id(sources: Sources, tmp_path: Path) -> None:
    change = {"revision": "2"}
    receiver, bundle = spoiled(sources, tmp_path, "attendance", change)
    row_id = _row_id(bundle, "attendance")
    with Workspace.open(receiver) as ws, pytest.raises(ImportFileError) as error:
        ws.bundles.apply(bundle, None)
    assert error.value.message == (
        f"Tệp dữ liệu có dòng không hợp lệ ở bảng “Điểm danh” (attendance), dòng {row_id}: "
        f"cột “revision” phải là số nguyên, không phải '2'. {NOT_WRITTEN}"
    )


def _row_id(bundle: Path, table: str) -> str:
    import json

    from bundle_crafting import members_of

    first = members_of(bundle)[f"data/{table}.jsonl"].splitlines()[0]
    return str(json.loads(first)["id"])
