"""The lists the dossier leaves out when empty, and its evidence annex when no file would be in
it, as the check before building names them: the check and the build read one function
(``core.dossier.lists.empty_lists``), so what the check says will be left out is what the built
PDF's contents page says it left out, part by part."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from doancoso.core.dossier.check import PARTS, check
from doancoso.core.recognition.registers import ADVICE_TABLE
from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.build import build_dossier
from dossier_data import evidence_pdf

ReadPdf = Callable[[Path], Any]
LISTS = ("hoat-dong", "doan-vien", "thanh-nien", "thanh-nien-dan-toc", "thanh-nien-ton-giao",
         "chi-doan", "doan-vien-chi-doan", "so-thanh-nien", "thong-ke")  # fmt: skip
NO_MINORITY = {"thanh-nien-dan-toc", "thanh-nien-ton-giao"}  # nobody of them in any setup
LEFT_OUT = "Các phần không có trong hồ sơ:"


def _member(ws: Workspace, name: str, branch: str | None = None) -> str:
    return ws.members.save({"full_name": name, "birth_date": "01/01/2000", "gender": "female",
                            "status": "active", "branch_id": branch})  # type: ignore[dict-item]  # fmt: skip


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
        (
            _member_in_no_chi_doan,
            {"hoat-dong", "thanh-nien", "chi-doan", "so-thanh-nien"} | NO_MINORITY,
        ),
        (
            _empty_chi_doan_and_a_young_person,
            {"hoat-dong", "doan-vien", "thanh-nien", "doan-vien-chi-doan"} | NO_MINORITY,
        ),
        (_member_gone_and_youth_in_hardship, {"doan-vien", "doan-vien-chi-doan"} | NO_MINORITY),
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


ANNEX_LACKS = "Chưa có tệp minh chứng nào: hồ sơ sẽ không có phụ lục minh chứng."
ANNEX_LEFT_OUT = "- Phụ lục minh chứng: Chưa có tệp minh chứng nào."
WITH_REGISTER = ("tham-muu-phoi-hop", "minh-chung")


def _checklist_without_files(ws: Workspace, folder: Path) -> None:
    ws.recognition.open(2025)
    ws.recognition.set(2025, "1.1", {"status": "dat"})


def _checklist_with_a_file(ws: Workspace, folder: Path) -> None:
    _checklist_without_files(ws, folder)
    ws.recognition.attach(2025, "1.1", evidence_pdf(folder / "bien-ban.pdf", pages=1),
                          "Biên bản rà soát đoàn viên")  # fmt: skip


def _advice_with_a_file(ws: Workspace, folder: Path) -> None:
    advice = ws.registers.save_advice({"day": "10/03/2025", "title": "Đề xuất giao chỉ tiêu"})
    ws.evidence.attach(ADVICE_TABLE, advice, evidence_pdf(folder / "tra-loi.pdf", pages=1),
                       "Công văn trả lời của Đảng ủy")  # fmt: skip


def _checklist_and_advice_with_a_file(ws: Workspace, folder: Path) -> None:
    _checklist_without_files(ws, folder)  # item 3.1 cites the advice: its file goes under it
    _advice_with_a_file(ws, folder)


@pytest.mark.parametrize(
    ("setup", "parts", "left_out"),
    [
        (lambda ws, folder: None, ("minh-chung",), True),
        (_checklist_without_files, WITH_REGISTER, True),
        (_checklist_with_a_file, ("minh-chung",), False),
        (_checklist_and_advice_with_a_file, ("minh-chung",), False),
        (_advice_with_a_file, ("minh-chung",), True),  # no item, no register: nothing cites it
        (_advice_with_a_file, WITH_REGISTER, False),  # numbered by the register ("TM.1.1")
    ],
    ids=[
        "nothing",
        "no-files",
        "an-item-file",
        "advice-under-item",
        "advice-uncited",
        "advice-in-register",
    ],  # fmt: skip
)
def test_the_check_says_when_the_evidence_annex_is_left_out_as_the_pdf_does(
    ws: Workspace, tmp_path: Path, read_pdf: ReadPdf,
    setup: Callable[[Workspace, Path], None], parts: tuple[str, ...], left_out: bool,
) -> None:  # fmt: skip
    """The build left the annex out ("Chưa có tệp minh chứng nào." on the contents page) while
    the check before it said nothing of it: the secretary learnt it from the printed dossier."""
    setup(ws, tmp_path)
    said = [g.reason for g in check(ws, 2025, parts) if g.part == "minh-chung"]
    built = build_dossier(ws, tmp_path / "ho-so.pdf", 2025, parts)
    contents = " ".join(read_pdf(built.path).page_texts()[1].split())
    if left_out:
        assert ANNEX_LACKS in said
        assert ANNEX_LEFT_OUT in contents
        assert ("Phụ lục minh chứng", "Chưa có tệp minh chứng nào.") in built.omitted
        assert "minh-chung" not in built.parts
    else:
        assert ANNEX_LACKS not in said
        assert ANNEX_LEFT_OUT not in contents
        assert " Phụ lục minh chứng " in contents and "Minh chứng " in contents
        assert built.parts[-1] == "minh-chung"
