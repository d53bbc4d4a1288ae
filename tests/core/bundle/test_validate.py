"""Incoming rows checked before anything is written (#17, "Hostile and broken files"): an unknown
table or column, a value of the wrong type, an empty required value, an id colliding with a row
of another table or of another organisation, an evidence file named but absent. Each refusal
names the table and the row, and leaves the data and the evidence store as they were."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bundle_sync import bundle_of, every_row
from doancoso.core.bundle.merge import apply, plan
from doancoso.core.bundle.rows import DictSource
from doancoso.core.bundle.sync_errors import InvalidRows
from doancoso.core.workspace import Workspace

Change = Callable[[DictSource], str]
"""Spoils a bundle; returns the id of the row it spoiled."""


def _member(bundle: DictSource, index: int = 0) -> dict[str, Any]:
    return bundle.table("members")[index]


def _born(row: dict[str, Any]) -> str:
    """A person's birth date as a refusal shows it: dd/mm/yyyy, only the year if so known."""
    born = str(row["birth_date"])
    if row["birth_precision"] == "year":
        return born[0:4]
    return f"{born[8:10]}/{born[5:7]}/{born[0:4]}"


def _unknown_column(bundle: DictSource) -> str:
    _member(bundle)["luong"] = 5_000_000
    return str(_member(bundle)["id"])


def _wrong_date(bundle: DictSource) -> str:
    _member(bundle)["birth_date"] = "05/03/2001"
    return str(_member(bundle)["id"])


def _text_for_number(bundle: DictSource) -> str:
    _member(bundle)["revision"] = "2"
    return str(_member(bundle)["id"])


def _number_for_bool(bundle: DictSource) -> str:
    bundle.table("occurrences")[0]["attendance_taken"] = 1
    return str(bundle.table("occurrences")[0]["id"])


def _empty_required(bundle: DictSource) -> str:
    _member(bundle)["full_name"] = None
    return str(_member(bundle)["id"])


def _number_beyond_64_bits(bundle: DictSource) -> str:
    _member(bundle)["revision"] = 2**63  # SQLite would fail at the write, mid-transaction
    return str(_member(bundle)["id"])


def _long_text_for_date(bundle: DictSource) -> str:
    _member(bundle)["birth_date"] = "1" * 100_000
    return str(_member(bundle)["id"])


CASES: list[tuple[Change, str]] = [
    (_number_beyond_64_bits, "cột “revision” phải là số nguyên, không phải 9223372036854775808"),
    (
        _long_text_for_date,
        "cột “birth_date” phải là ngày (yyyy-mm-dd), không phải '" + "1" * 56 + "…",
    ),
    (
        _unknown_column,
        "cột “luong” không có trong bảng này (gói có thể được tạo bởi phiên bản doancoso mới "
        "hơn: hãy cập nhật ứng dụng)",
    ),
    (_wrong_date, "cột “birth_date” phải là ngày (yyyy-mm-dd), không phải '05/03/2001'"),
    (_text_for_number, "cột “revision” phải là số nguyên, không phải '2'"),
    (_number_for_bool, "cột “attendance_taken” phải là đúng/sai, không phải 1"),
    (_empty_required, "cột “full_name” không được để trống"),
]


@pytest.mark.parametrize(("spoil", "what"), CASES, ids=[c[0].__name__ for c in CASES])
def test_a_row_that_does_not_fit_its_table_is_refused_and_nothing_written(
    home: Workspace, away: Workspace, spoil: Change, what: str
) -> None:
    from bundle_sync import edit

    edit(home, home.members.list()[0].id, phone="0911111111")  # a real change to take
    bundle = bundle_of(home)
    row_id = spoil(bundle)
    table = "occurrences" if spoil is _number_for_bool else "members"
    if spoil is _empty_required:  # no name to show: by its id
        where = f"dòng {row_id}"
    elif table == "members":  # named as the roster shows the person
        row = _member(bundle)
        where = f"dòng của {row['full_name']}"
        if spoil not in (_wrong_date, _long_text_for_date):  # not when it is the problem
            where += f" (sinh {_born(row)})"
    else:
        where = f"dòng {row_id}"  # a date of an activity has no name of its own
    before = every_row(away)
    backups = sorted((away.data_dir / "backups").iterdir())
    for attempt in (plan, apply):
        with pytest.raises(InvalidRows) as caught:
            attempt(away, bundle)
        label = "Buổi hoạt động" if table == "occurrences" else "Đoàn viên"
        assert caught.value.message == (
            f"Tệp dữ liệu có dòng không hợp lệ ở bảng “{label}” ({table}), {where}: "
            f"{what}. Không có gì được ghi vào dữ liệu."
        )
    assert every_row(away) == before
    assert sorted((away.data_dir / "backups").iterdir()) == backups


def test_an_unknown_table_is_refused(home: Workspace, away: Workspace) -> None:
    bundle = bundle_of(home)
    bundle.table("luong_thang").append({"id": "x"})
    with pytest.raises(InvalidRows) as caught:
        apply(away, bundle)
    assert caught.value.message == (
        "Tệp dữ liệu có bảng “luong_thang” mà phiên bản này không biết. Hãy cập nhật ứng dụng "
        "lên phiên bản mới nhất rồi nhập lại. Không có gì được ghi vào dữ liệu."
    )


def test_an_id_of_a_row_of_another_table_is_refused(home: Workspace, away: Workspace) -> None:
    bundle = bundle_of(home)
    branch_id = bundle.table("branches")[0]["id"]
    new_member = dict(_member(bundle), id=branch_id, national_id=None, member_code=None)
    bundle.table("members").append(new_member)
    bundle.table("branches").pop(0)  # the branch row stays here, not in the bundle
    before = every_row(away)
    with pytest.raises(InvalidRows) as caught:
        apply(away, bundle)
    assert caught.value.message == (
        "Tệp dữ liệu có dòng không hợp lệ ở bảng “Đoàn viên” (members), dòng của "
        f"{new_member['full_name']} (sinh {_born(new_member)}): "
        "mã dòng trùng với một dòng của bảng “Chi đoàn”. Không có gì được ghi vào dữ liệu."
    )
    assert every_row(away) == before


def test_the_same_id_twice_in_a_bundle_is_refused(home: Workspace, away: Workspace) -> None:
    bundle = bundle_of(home)
    twin = dict(bundle.table("youths")[0])
    bundle.table("advice_records").append(dict(bundle.table("advice_records")[0], id=twin["id"]))
    with pytest.raises(
        InvalidRows, match="trùng với một dòng khác của bảng “Thanh niên” trong tệp"
    ):
        apply(away, bundle)


def test_a_row_of_another_organisation_is_refused(home: Workspace, away: Workspace) -> None:
    from sqlalchemy import insert

    from doancoso.core.storage.models import Organization, Youth

    bundle = bundle_of(home)
    bundle.table("plans")[0]["organization_id"] = "org-khac"
    with pytest.raises(InvalidRows, match="dòng thuộc một Đoàn cơ sở khác \\(org-khac\\) với tệp"):
        plan(away, bundle)
    bundle = bundle_of(home)
    young = bundle.table("youths")[0]
    foreign = young["id"]
    with away.db.transaction() as session:  # a superior body's database holds several
        session.execute(
            insert(Organization),
            [{"id": "org-khac", "name": "Đoàn phường 1", "superior_name": "Thành đoàn"}],
        )
        session.execute(
            Youth.__table__.update()  # type: ignore[attr-defined]
            .where(Youth.__table__.c.id == foreign)
            .values(organization_id="org-khac")
        )
    with pytest.raises(InvalidRows) as caught:
        apply(away, bundle)
    assert caught.value.message == (
        "Tệp dữ liệu có dòng không hợp lệ ở bảng “Thanh niên” (youths), dòng của "
        f"{young['full_name']} (sinh {_born(young)}): "
        "mã dòng trùng với một dòng của một Đoàn cơ sở khác. Không có gì được ghi vào dữ liệu."
    )


def test_an_evidence_file_named_but_absent_is_refused(home: Workspace, tmp_path: Path) -> None:
    bundle = bundle_of(home)
    attachment = next(e for e in bundle.table("evidence_files") if e["deleted_at"] is None)
    files = {sha: bundle.evidence(sha) for sha in bundle.evidence_hashes()}
    files.pop(attachment["sha256"])
    spoiled = DictSource(bundle.manifest, {t: bundle.table(t) for t in bundle.tables()}, files)
    with Workspace.open(tmp_path / "fresh") as fresh:
        with pytest.raises(InvalidRows) as caught:
            apply(fresh, spoiled)
        assert caught.value.message == (
            "Tệp dữ liệu có dòng không hợp lệ ở bảng “Lượt đính kèm minh chứng” (evidence_files), "
            "dòng "
            f"{attachment['id']}: tệp minh chứng “{attachment['original_name']}” không có trong "
            "tệp dữ liệu. Không có gì được ghi vào dữ liệu."
        )
        assert fresh.organization.get() is None
        assert not (fresh.data_dir / "evidence").exists() or not any(
            (fresh.data_dir / "evidence").iterdir()
        )


def test_a_new_row_holding_what_one_here_holds_alone_is_refused(
    home: Workspace, away: Workspace
) -> None:
    mine = away.members.list()[0]
    assert mine.national_id
    theirs = home.members.save({"full_name": "Người Mới", "birth_date": "01/01/2004"})
    bundle = bundle_of(home)
    row = next(m for m in bundle.table("members") if m["id"] == theirs)
    row["national_id"] = mine.national_id  # as if typed on the other machine for a new person
    before = every_row(away)
    with pytest.raises(InvalidRows) as caught:
        plan(away, bundle)
    assert caught.value.message == (
        f"Đoàn viên Người Mới (01/01/2004) trong tệp có Số CCCD “{mine.national_id}” trùng với "
        f"Đoàn viên {mine.full_name} ({mine.birth_date:%d/%m/%Y}) trên máy này. Hãy sửa hoặc xóa "
        "một trong hai rồi nhập lại. Không có gì được ghi vào dữ liệu."
    )
    with pytest.raises(InvalidRows):
        apply(away, bundle)
    assert every_row(away) == before


def test_the_plan_of_a_year_deleted_and_made_again_there_replaces_ours(
    home: Workspace, away: Workspace
) -> None:
    year = home.plans.years()[0]
    home.plans.delete(year)
    home.plans.create(year)
    result = apply(away, bundle_of(home))
    assert result.deleted.get("plans") == 1 and result.new.get("plans") == 1
    assert every_row(away) == every_row(home)


def test_an_evidence_hash_that_is_no_sha256_is_refused(home: Workspace, away: Workspace) -> None:
    bundle = bundle_of(home)
    row = bundle.table("evidence_files")[0]
    row["sha256"] = "../../doancoso.sqlite"
    before = every_row(away)
    with pytest.raises(InvalidRows) as caught:
        apply(away, bundle)
    assert caught.value.message == (
        "Tệp dữ liệu có dòng không hợp lệ ở bảng “Lượt đính kèm minh chứng” (evidence_files), "
        "dòng "
        f"{row['id']}: cột “sha256” phải là mã SHA-256 (64 chữ số hệ 16), không phải "
        "'../../doancoso.sqlite'. Không có gì được ghi vào dữ liệu."
    )
    assert every_row(away) == before
