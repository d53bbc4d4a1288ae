"""The lists the dossier leaves out when empty, as the check before building names them: the
check and the build read one function (``core.dossier.lists.empty_lists``), so what the check
says will be left out is what the built PDF's contents page says it left out, list by list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from doancoso.core.dossier.check import PARTS, check
from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.build import build_dossier

ReadPdf = Callable[[Path], Any]
LISTS = ("hoat-dong", "doan-vien", "thanh-nien", "chi-doan", "doan-vien-chi-doan", "so-thanh-nien",
         "thong-ke")  # fmt: skip
LEFT_OUT = "Các phần không có trong hồ sơ:"


def _member(ws: Workspace, name: str, branch: str | None = None) -> str:
    return ws.members.save({"full_name": name, "birth_date": "01/01/2000", "gender": "female",
                            "status": "active", "branch_id": branch})  # fmt: skip


def _nobody(ws: Workspace) -> None:
    """An organisation just set up."""


def _member_in_no_chi_doan(ws: Workspace) -> None:
    _member(ws, "Nguyễn Thị An")


def _empty_chi_doan_and_a_young_person(ws: Workspace) -> None:
    ws.branches.create("Chi đoàn ấp Tân Hưng")
    ws.youth.save({"full_name": "Lâm Văn Xa", "birth_date": "01/01/2006",
                   "away_place": "Bình Dương"})  # fmt: skip


def _member_gone_and_youth_in_hardship(ws: Workspace) -> None:
    branch = ws.branches.create("Chi đoàn ấp Tân Hưng").id
    gone = _member(ws, "Lê Thị Bình", branch)
    ws.events.record(gone, "transfer_out", "01/09/2025", other_organization="Đoàn xã Khánh An")
    ws.youth.save({"full_name": "Châu Văn Tư", "birth_date": "01/01/2007",
                   "hardship_kind": "Hộ nghèo"})  # fmt: skip
    ws.activities.save({"title": "Sinh hoạt chi đoàn", "kind": "sinh-hoat",
                        "start_date": "10/03/2025"})  # fmt: skip


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (_nobody, set(LISTS)),
        (_member_in_no_chi_doan, {"hoat-dong", "thanh-nien", "chi-doan", "so-thanh-nien"}),
        (
            _empty_chi_doan_and_a_young_person,
            {"hoat-dong", "doan-vien", "thanh-nien", "doan-vien-chi-doan"},
        ),
        (_member_gone_and_youth_in_hardship, {"doan-vien", "doan-vien-chi-doan"}),
    ],
    ids=["nobody", "member-in-no-chi-doan", "empty-chi-doan", "member-gone"],
)
def test_the_check_names_exactly_the_lists_the_dossier_leaves_out(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf,
    setup: Callable[[Workspace], None], expected: set[str],
) -> None:  # fmt: skip
    """The check named the member list and the statistics left out, but not the youth lists,
    the chi đoàn lists nor the year's activities the build left out as well ("Danh sách chi
    đoàn: Chưa có chi đoàn nào." on the contents page after a check that said nothing of it)."""
    setup(ws)
    said = {g.part: g.reason for g in check(ws, 2025, LISTS)}
    built = build_dossier(ws, tmp_path / "ho-so.pdf", 2025, LISTS)
    contents = " ".join(read_pdf(built.path).page_texts()[1].split())
    listed, _, left_out = contents.partition(LEFT_OUT)
    printed = {p for p in LISTS if f"- {PARTS[p]}: " in left_out}
    assert set(said) == printed == expected
    for part in LISTS:
        if part in expected:  # the check's reason is the contents page's, and what is lacking
            reason = dict(built.omitted)[PARTS[part]]
            assert f"- {PARTS[part]}: {reason}" in left_out
            assert said[part].startswith(reason.removesuffix(".") + ": hồ sơ sẽ không có ")
        else:
            assert f" {PARTS[part]} " in listed
    assert built.parts == tuple(p for p in LISTS if p not in expected)
