"""A chi đoàn renamed after a round's closing: nothing stored keeps its name of then, so the
closed round names it as it is now; its members' rows say it was renamed since, and the printed
summary and decision say that they print the name of now. A rename before the closing, or
after the round is reopened, says nothing."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pypdf import PdfReader

from doancoso.core.workspace import Workspace
from doancoso.reports.rating import print_decision, print_summary
from rating_data import YEAR

RENAMED_NOTE = (
    "Chi đoàn đã đổi tên sau khi khóa đợt: Chi đoàn ấp Tân Hưng Mới ({day}); bản in ghi tên "
    "hiện tại."
)


def _member(ws: Workspace, branch: str, name: str) -> str:
    return ws.members.save({"full_name": name, "birth_date": "01/01/2000", "branch_id": branch,
                            "admission_date": "01/01/2020"})  # fmt: skip


def _text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


def test_a_chi_doan_renamed_after_the_closing_is_said(ws: Workspace, tmp_path: Path) -> None:
    one = ws.branches.create("Chi đoàn ấp 1").id
    two = ws.branches.create("Chi đoàn ấp 2").id
    an, binh = _member(ws, one, "Lê Văn An"), _member(ws, two, "Trần Thị Bình")
    ws.branches.rename(one, "Chi đoàn ấp Tân Hưng")  # before the closing: the round's name
    ws.rating.set_levels(YEAR, "decided_level", {an: 1, binh: 2})
    ws.rating.close(YEAR)
    assert [(r.branch, r.branch_renamed) for r in ws.rating.rows(YEAR)] == [
        ("Chi đoàn ấp Tân Hưng", None), ("Chi đoàn ấp 2", None),
    ]  # fmt: skip
    print_summary(ws, tmp_path / "before.pdf", YEAR)
    assert "đổi tên" not in _text(tmp_path / "before.pdf")

    ws.branches.rename(one, "Chi đoàn ấp Tân Hưng Mới")
    today = dt.date.today().strftime("%d/%m/%Y")
    assert [(r.branch, r.branch_renamed) for r in ws.rating.rows(YEAR)] == [
        ("Chi đoàn ấp Tân Hưng Mới", today), ("Chi đoàn ấp 2", None),
    ]  # fmt: skip
    print_summary(ws, tmp_path / "summary.pdf", YEAR)
    assert RENAMED_NOTE.format(day=today) in _text(tmp_path / "summary.pdf")
    print_decision(ws, tmp_path / "decision.pdf", YEAR, number="15-QĐ/ĐTN")
    decision = _text(tmp_path / "decision.pdf")
    assert "2 Lê Văn An 01/01/2000 Chi đoàn ấp Tân Hưng Mới Hoàn thành xuất sắc nhiệm vụ" in (
        decision
    )
    assert RENAMED_NOTE.format(day=today) in decision
    print_summary(ws, tmp_path / "two.pdf", YEAR, two)  # the other chi đoàn alone: not named
    assert "đổi tên" not in _text(tmp_path / "two.pdf")

    ws.rating.reopen(YEAR)
    assert [r.branch_renamed for r in ws.rating.rows(YEAR)] == [None, None]
