"""The dossier's list of chi đoàn numbers the chi đoàn only: the row of the members in no chi
đoàn ("Chưa có chi đoàn") has no STT and stays last, so that the last number is how many chi
đoàn there are, as the total under the table says."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from doancoso.core.roster.branches import UNASSIGNED, BranchInfo
from doancoso.core.workspace import Workspace
from doancoso.reports.dossier.extra import write_branches
from dossier_data import ISSUED


def test_the_row_of_the_members_in_no_chi_doan_has_no_number(ws: Workspace, tmp_path: Path) -> None:
    org = ws.organization.get()
    assert org is not None
    branches = [BranchInfo("b1", "Chi đoàn ấp Bà Điều", 4, 4),
                BranchInfo("", UNASSIGNED, 3, 3),
                BranchInfo("b2", "Chi đoàn ấp Xóm Mới", 2, 2)]  # fmt: skip
    path = write_branches(tmp_path / "chi-doan.pdf", org, branches, ISSUED)
    text = PdfReader(path).pages[0].extract_text()
    table = text[text.index(" STT\n") : text.index("Nơi nhận:")]
    assert table == (
        " STT\n Chi đoàn\n Số đoàn viên\n1\nChi đoàn ấp Bà Điều\n4\n2\nChi đoàn ấp Xóm Mới\n2\n"
        "Chưa có chi đoàn\n3\nTổng số: 2 chi đoàn, 9 đoàn viên.\n"
    )
